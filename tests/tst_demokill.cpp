// kill -9 of shmscope in live mode leaves nothing: the child dies with its parent
// (PR_SET_PDEATHSIG) and the segment, marked for removal as soon as both were attached,
// goes with the last detach.

#include "core/segmentlist.h"
#include "demoprocesses.h"

#include <QtTest>

#include <csignal>
#include <cstring>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

class TestDemoKill : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        // Orphans of the killed app come to us instead of init, so we can reap them and see
        // how they ended.
        QCOMPARE(prctl(PR_SET_CHILD_SUBREAPER, 1), 0);
    }

    void killDuringLiveLeavesNothing()
    {
        const QByteArray program = qgetenv("SHMSCOPE_BINARY");
        if (program.isEmpty())
            QSKIP("SHMSCOPE_BINARY is not set (run through ctest)");
        QVERIFY(demotest::childrenOf(getpid()).empty());

        pid_t app = demotest::spawnProgram({program.toStdString(), "--demo", "--live"},
                                           {"QT_QPA_PLATFORM=offscreen"});
        QVERIFY2(app > 0, std::strerror(errno));
        // If a check fails half-way, still leave nothing: kill the app and reap what is ours.
        auto leaveNothing = qScopeGuard([&] { demotest::killAndReapEverything(app); });

        // Live: the app's segment is shared by the app and its child, and marked for removal.
        int shmid = -1;
        pid_t child = 0;
        const auto live = [&] { return demotest::stageReached(app, 2, 1, 01000, shmid, child); };
        QTRY_VERIFY_WITH_TIMEOUT(live(), 30000);
        // ...and the child keeps changing the int.
        QVERIFY(child > 0);

        QCOMPARE(kill(app, SIGKILL), 0);
        int status = 0;
        QCOMPARE(waitpid(app, &status, 0), app);
        app = 0;
        QVERIFY(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);

        // The child was re-parented to us (subreaper) and died with its parent: killed by
        // PR_SET_PDEATHSIG, or, if it noticed first that its command channel closed (the kernel
        // closes the dead app's descriptors before it signals), it detached and exited with 0.
        demotest::Reaper reapChild{child};
        QTRY_VERIFY_WITH_TIMEOUT(reapChild(), 10000);
        QVERIFY2(reapChild.reaped == child, std::strerror(errno));
        const int childStatus = reapChild.status;
        QVERIFY2((WIFSIGNALED(childStatus) && WTERMSIG(childStatus) == SIGKILL)
                     || (WIFEXITED(childStatus) && WEXITSTATUS(childStatus) == 0),
                 qPrintable(QString::number(childStatus)));

        QVERIFY(!demotest::processExists(child));
        QVERIFY(demotest::childrenOf(getpid()).empty());
        QVERIFY(demotest::segmentsCreatedBy(app).empty());
        QVERIFY(!shm::statSegment(shmid).ok());
    }
};

QTEST_GUILESS_MAIN(TestDemoKill)
#include "tst_demokill.moc"
