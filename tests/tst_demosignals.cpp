// SIGTERM, SIGINT and SIGHUP end `shmscope --demo` cleanly at every stage of the lesson: after
// shmget, after shmat, after fork (the segment not marked yet, so only the program's own
// clean-up can remove it), and in live mode. The program exits with 128 + the signal, its child
// is reaped, and no segment of its is left.

#include "core/segmentlist.h"
#include "demoprocesses.h"

#include <QtTest>

#include <csignal>
#include <cstring>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

class TestDemoSignals : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        // An orphan of the app (there should be none) comes to us, so it is seen.
        QCOMPARE(prctl(PR_SET_CHILD_SUBREAPER, 1), 0);
        if (qEnvironmentVariableIsEmpty("SHMSCOPE_BINARY"))
            QSKIP("SHMSCOPE_BINARY is not set (run through ctest)");
    }

    void signalLeavesNothing_data()
    {
        QTest::addColumn<int>("steps"); // done at start; -1: live mode
        QTest::addColumn<int>("signal");
        QTest::addColumn<unsigned long>("nattch"); // of the segment before the signal
        QTest::addColumn<bool>("child");
        struct Stage
        {
            const char *name;
            int steps;
            unsigned long nattch;
            bool child;
        };
        const Stage stages[] = {{"after shmget", 1, 0, false},
                                {"after shmat", 2, 1, false},
                                {"after fork", 3, 2, true},
                                {"live", -1, 2, true}};
        const std::pair<const char *, int> quitSignals[] = {
            {"SIGTERM", SIGTERM}, {"SIGINT", SIGINT}, {"SIGHUP", SIGHUP}};
        for (const Stage &stage : stages) {
            for (const auto &[name, number] : quitSignals)
                QTest::addRow("%s, %s", stage.name, name)
                    << stage.steps << number << stage.nattch << stage.child;
        }
    }

    void signalLeavesNothing()
    {
        QFETCH(int, steps);
        QFETCH(int, signal);
        QFETCH(unsigned long, nattch);
        QFETCH(bool, child);
        const QByteArray program = qgetenv("SHMSCOPE_BINARY");
        QVERIFY(demotest::childrenOf(getpid()).empty());

        std::vector<std::string> arguments{program.toStdString(), "--demo"};
        if (steps < 0)
            arguments.push_back("--live");
        pid_t app = demotest::spawnProgram(
            arguments, {"QT_QPA_PLATFORM=offscreen",
                        "SHMSCOPE_TEST_DEMO_STEPS=" + std::to_string(std::max(steps, 0))});
        QVERIFY2(app > 0, std::strerror(errno));
        auto leaveNothing = qScopeGuard([&] { demotest::killAndReapEverything(app); });

        // The stage is reached: the app's segment with its attachments, the child if forked.
        int shmid = -1;
        pid_t demoChild = 0;
        const auto reached = [&] {
            return demotest::stageReached(app, nattch, child ? 1 : 0, 0, shmid, demoChild);
        };
        QTRY_VERIFY_WITH_TIMEOUT(reached(), 30000);
        QVERIFY(shmid >= 0);

        QCOMPARE(kill(app, signal), 0);
        demotest::Reaper ended{app};
        QTRY_VERIFY_WITH_TIMEOUT(ended(), 20000);
        QCOMPARE(ended.reaped, app);
        const int status = ended.status;
        const pid_t appPid = app;
        app = 0;
        QVERIFY2(WIFEXITED(status), qPrintable(QStringLiteral("status %1").arg(status)));
        QCOMPARE(WEXITSTATUS(status), 128 + signal);

        // The app reaped its child itself before it exited: nothing came to us (a child it
        // left would be ours now, alive or a zombie).
        QVERIFY(demotest::childrenOf(getpid()).empty());
        if (demoChild > 0)
            QVERIFY(!demotest::processExists(demoChild));
        QVERIFY(demotest::segmentsCreatedBy(appPid).empty());
        QVERIFY(!shm::statSegment(shmid).ok());
    }
};

QTEST_GUILESS_MAIN(TestDemoSignals)
#include "tst_demosignals.moc"
