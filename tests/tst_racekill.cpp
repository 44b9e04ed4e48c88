// Ending the race lesson in the middle of its semaphore run, in the terminal and in the window,
// by SIGKILL and by SIGTERM, leaves nothing: the children die with the program (or are reaped
// by it), the segment (marked at once) goes with the last detach, and the semaphore set, which
// cannot be marked, is removed by the lesson's guard process or by the program itself.

#include "core/semaphores.h"
#include "demoprocesses.h"

#include <QtTest>

#include <algorithm>
#include <csignal>
#include <cstring>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

// The semaphore set whose last semop was made by one of `children` (the app's racing
// children), or -1.
int setUsedBy(const std::vector<pid_t> &children)
{
    auto sets = shm::listSemaphoreSets(true);
    if (!sets)
        return -1;
    for (const auto &set : *sets) {
        for (const auto &semaphore : set.semaphores) {
            if (std::find(children.begin(), children.end(), semaphore.pid) != children.end())
                return set.semid;
        }
    }
    return -1;
}

} // namespace

class TestRaceKill : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        // The orphans of a killed app (its racing children, its guard) come to us, so we see
        // them end and reap them.
        QCOMPARE(prctl(PR_SET_CHILD_SUBREAPER, 1), 0);
        if (qEnvironmentVariableIsEmpty("SHMSCOPE_BINARY"))
            QSKIP("SHMSCOPE_BINARY is not set (run through ctest)");
    }

    void endMidRunLeavesNothing_data()
    {
        QTest::addColumn<bool>("window");
        QTest::addColumn<int>("signal");
        for (bool window : {false, true}) {
            for (const auto &[name, number] : {std::pair{"SIGKILL", SIGKILL},
                                               std::pair{"SIGTERM", SIGTERM}}) {
                QTest::addRow("%s, %s", window ? "window" : "terminal", name) << window << number;
            }
        }
    }

    void endMidRunLeavesNothing()
    {
        QFETCH(bool, window);
        QFETCH(int, signal);
        QVERIFY(demotest::childrenOf(getpid()).empty());
        const std::string program = qgetenv("SHMSCOPE_BINARY").toStdString();
        // Enough semaphore operations to last far longer than the test waits; the window plays
        // its steps up to the semaphore run (the race run waited for).
        pid_t app = demotest::spawnProgram(
            {program, window ? "--demo" : "--demo-terminal", "--lesson", "race", "--children",
             "3", "--increments", "50000000"},
            {"QT_QPA_PLATFORM=offscreen", "SHMSCOPE_TEST_DEMO_STEPS=11"}, true);
        QVERIFY2(app > 0, std::strerror(errno));
        auto leaveNothing = qScopeGuard([&] { demotest::killAndReapEverything(app); });

        // The semaphore run: the guard and three children, one of which made the set's last
        // semop; the segment, marked, attached by the app and its children.
        std::vector<pid_t> children;
        int semid = -1;
        const auto racing = [&] {
            children = demotest::childrenOf(app);
            semid = setUsedBy(children);
            return children.size() == 4 && semid >= 0;
        };
        QTRY_VERIFY_WITH_TIMEOUT(racing(), 60000);
        const auto segments = demotest::segmentsCreatedBy(app);
        QCOMPARE(int(segments.size()), 1);
        const int shmid = segments.front().shmid;
        QVERIFY(segments.front().mode & 01000);

        QCOMPARE(kill(app, signal), 0);
        demotest::Reaper ended{app};
        QTRY_VERIFY_WITH_TIMEOUT(ended(), 30000);
        QCOMPARE(ended.reaped, app);
        const int status = ended.status;
        app = 0;
        if (window && signal == SIGTERM) {
            // The window's program ends its loop on SIGTERM, and its destructors clean up.
            QVERIFY2(WIFEXITED(status), qPrintable(QString::number(status)));
            QCOMPARE(WEXITSTATUS(status), 128 + SIGTERM);
            QVERIFY(demotest::childrenOf(getpid()).empty()); // it reaped everything itself
        } else {
            QVERIFY(WIFSIGNALED(status) && WTERMSIG(status) == signal);
        }

        // Whatever came to us (racing children killed by PR_SET_PDEATHSIG, the guard once it
        // removed the set) ends, and we reap it.
        const auto allGone = [] {
            while (waitpid(-1, nullptr, WNOHANG) > 0) {
            }
            return demotest::childrenOf(getpid()).empty();
        };
        QTRY_VERIFY_WITH_TIMEOUT(allGone(), 30000);
        for (pid_t child : children)
            QVERIFY(!demotest::processExists(child));
        QVERIFY(demotest::semaphoreSetGone(semid));
        QVERIFY(demotest::segmentGone(shmid));
    }
};

QTEST_GUILESS_MAIN(TestRaceKill)
#include "tst_racekill.moc"
