// The race lesson's processes (shm::RaceDemo) and its terminal run: the three variants' totals
// (the semaphore's and the atomic's exact), the counts refused with a sentence, a run stopped
// in the middle, and nothing left: no child, no guard, no segment, no semaphore set.

#include "core/racedemo.h"
#include "core/raceterminal.h"
#include "core/segmentlist.h"
#include "core/semaphores.h"
#include "demoprocesses.h"
#include "support/programrun.h"

#include <QRegularExpression>
#include <QtTest>

#include <climits>
#include <sstream>
#include <sys/shm.h>
#include <unistd.h>


class TestRaceDemo : public QObject
{
    Q_OBJECT
private slots:
    void init() { QVERIFY(demotest::childrenOf(getpid()).empty()); }
    void cleanup() { QVERIFY(demotest::childrenOf(getpid()).empty()); }

    void refusedCounts_data()
    {
        QTest::addColumn<QString>("children");
        QTest::addColumn<QString>("increments");
        QTest::addColumn<QString>("message"); // empty: accepted
        QTest::newRow("defaults") << "2" << "1000000" << "";
        QTest::newRow("sixteen children") << "16" << "1000" << "";
        QTest::newRow("largest total") << "1" << "2147483647" << "";
        QTest::newRow("children zero") << "0" << "1" << "The number of children 0 is not valid";
        QTest::newRow("children negative") << "-1" << "1" << "The number of children -1";
        QTest::newRow("children too many") << "17" << "1" << "from 1 to 16";
        QTest::newRow("children not a number") << "two" << "1" << "The number of children two";
        QTest::newRow("children empty") << "" << "1" << "The number of children  is not valid";
        QTest::newRow("children with space") << "2 " << "1" << "The number of children 2 ";
        QTest::newRow("increments zero") << "1" << "0" << "The number of increments 0";
        QTest::newRow("increments negative") << "1" << "-7" << "The number of increments -7";
        QTest::newRow("increments past int") << "1" << "2147483648" << "2147483648 is not valid";
        QTest::newRow("increments huge") << "1" << "99999999999999999999" << "is not valid";
        QTest::newRow("increments float") << "1" << "1.5" << "1.5 is not valid";
        QTest::newRow("total overflows") << "2" << "1073741824"
                                         << "2 children times 1073741824 increments make "
                                            "2147483648: the shared int cannot count past "
                                            "2147483647.";
        QTest::newRow("total just fits") << "2" << "1073741823" << "";
    }
    void refusedCounts()
    {
        QFETCH(QString, children);
        QFETCH(QString, increments);
        QFETCH(QString, message);
        auto n = shm::parseRaceChildren(children.toStdString());
        auto m = shm::parseRaceIncrements(increments.toStdString());
        QString said;
        if (!n)
            said = QString::fromStdString(n.error().english());
        else if (!m)
            said = QString::fromStdString(m.error().english());
        else if (auto total = shm::checkRaceTotal(*n, *m); !total)
            said = QString::fromStdString(total.error().english());
        if (message.isEmpty())
            QCOMPARE(said, QString());
        else
            QVERIFY2(said.contains(message), qPrintable(said));
    }

    void threeVariants()
    {
        int shmid = -1;
        int semid = -1;
        pid_t guard = 0;
        {
            shm::RaceDemo demo;
            shmid = demo.create().value();
            guard = demo.guardPid();
            QVERIFY(guard > 0);
            QVERIFY(demo.attach().ok());
            QVERIFY(demo.markForRemoval().ok());
            semid = demo.createSemaphore().value();
            QVERIFY(demo.initSemaphore(1).ok());
            QCOMPARE(demo.semaphore()->value, 1);
            for (int v = 0; v < shm::RaceVariantCount; ++v) {
                const auto variant = static_cast<shm::RaceVariant>(v);
                auto pids = demo.start(variant, 3, 40000);
                QVERIFY2(pids.ok(), pids.ok() ? "" : pids.error().describe().c_str());
                QCOMPARE(int(pids->size()), 3);
                auto outcome = demo.finish(120000);
                QVERIFY(outcome.ok());
                QVERIFY(outcome->allOk);
                QCOMPARE(outcome->expected, qint64(120000));
                QCOMPARE(int(outcome->exits.size()), 3);
                for (const auto &exit : outcome->exits)
                    QVERIFY(exit.exited && exit.status == 0);
                // The race may lose updates (a busy machine may also run the children one
                // after the other); the two fixes never do.
                QVERIFY(outcome->total <= 120000);
                QVERIFY(outcome->total > 0);
                if (variant != shm::RaceVariant::Plain)
                    QCOMPARE(outcome->total, 120000);
                QVERIFY(outcome->elapsedNs > 0);
                QVERIFY(!demo.isRunning());
                // Only the guard is left between runs.
                QCOMPARE(demotest::childrenOf(getpid()), std::vector<pid_t>{guard});
            }
            QCOMPARE(demo.semaphore()->value, 1); // every P was given back
            QVERIFY(demo.removeSemaphore().ok());
            QVERIFY(demotest::semaphoreSetGone(semid));
            QVERIFY(demo.detach().ok());
            QVERIFY(demotest::segmentGone(shmid));
        }
        QVERIFY(!demotest::processExists(guard));
    }

    // The children and the guard hold the race's segment only: a segment the parent has
    // attached besides (a browser's view) keeps its nattch of 1 while they run.
    void childrenHoldNoOtherSegment()
    {
        const int other = shmget(IPC_PRIVATE, 4096, 0600);
        QVERIFY(other >= 0);
        auto removeOther = qScopeGuard([other] { shmctl(other, IPC_RMID, nullptr); });
        void *attached = shmat(other, nullptr, SHM_RDONLY);
        QVERIFY(attached != reinterpret_cast<void *>(-1));
        auto detachOther = qScopeGuard([attached] { shmdt(attached); });
        const auto nattch = [](int shmid) {
            shmid_ds info{};
            return shmctl(shmid, IPC_STAT, &info) == 0 ? long(info.shm_nattch) : -1L;
        };

        shm::RaceDemo demo;
        const int shmid = demo.create().value();
        QVERIFY(demo.attach().ok());
        QVERIFY(demo.createSemaphore().ok());
        QVERIFY(demo.initSemaphore(1).ok());
        QVERIFY(demo.start(shm::RaceVariant::Semaphore, 3, 200000000).ok());
        QTRY_VERIFY_WITH_TIMEOUT(demo.progress().ideal > 2048, 30000);
        QCOMPARE(nattch(shmid), 4L); // the parent and three children; not the guard
        QCOMPARE(nattch(other), 1L); // this process alone
        demo.stop();
        QCOMPARE(nattch(shmid), 1L);
    }

    void refusedOutOfOrder()
    {
        shm::RaceDemo demo;
        QCOMPARE(demo.start(shm::RaceVariant::Plain, 2, 10).error().kind,
                 shm::ErrorKind::InvalidState);
        QCOMPARE(demo.attach().error().kind, shm::ErrorKind::InvalidState);
        QVERIFY(demo.create().ok());
        QVERIFY(demo.attach().ok());
        QCOMPARE(demo.start(shm::RaceVariant::Semaphore, 2, 10).error().kind,
                 shm::ErrorKind::InvalidState);
        QCOMPARE(demo.start(shm::RaceVariant::Plain, 17, 10).error().kind,
                 shm::ErrorKind::BadInput);
        QCOMPARE(demo.start(shm::RaceVariant::Plain, 2, INT_MAX).error().kind,
                 shm::ErrorKind::BadInput);
        QCOMPARE(demo.initSemaphore().error().kind, shm::ErrorKind::InvalidState);
        QVERIFY(demo.createSemaphore().ok());
        QCOMPARE(demo.createSemaphore().error().kind, shm::ErrorKind::InvalidState);
    }

    // The destructor in the middle of a semaphore run (children waiting on the set, one holding
    // it): every child killed and reaped, the set and the unmarked segment removed.
    void destroyedMidRun()
    {
        int shmid = -1;
        int semid = -1;
        std::vector<pid_t> children;
        {
            shm::RaceDemo demo;
            shmid = demo.create().value();
            QVERIFY(demo.attach().ok());
            semid = demo.createSemaphore().value();
            QVERIFY(demo.initSemaphore(1).ok());
            children = demo.start(shm::RaceVariant::Semaphore, 3, 200000000).value();
            QTRY_VERIFY_WITH_TIMEOUT(demo.progress().ideal > 2048, 30000);
            QVERIFY(demo.isRunning());
            QVERIFY(demo.progress().counter > 0);
            QCOMPARE(demo.removeSemaphore().error().kind, shm::ErrorKind::InvalidState);
        }
        for (pid_t child : children)
            QVERIFY(!demotest::processExists(child));
        QVERIFY(demotest::semaphoreSetGone(semid));
        QVERIFY(demotest::segmentGone(shmid));
    }

    // stop(): SIGKILL to children that may hold the semaphore; SEM_UNDO gives it back, so the
    // next run is not stuck.
    void stopGivesTheSemaphoreBack()
    {
        shm::RaceDemo demo;
        QVERIFY(demo.create().ok());
        QVERIFY(demo.attach().ok());
        QVERIFY(demo.markForRemoval().ok());
        QVERIFY(demo.createSemaphore().ok());
        QVERIFY(demo.initSemaphore(1).ok());
        QVERIFY(demo.start(shm::RaceVariant::Semaphore, 2, 200000000).ok());
        QTRY_VERIFY_WITH_TIMEOUT(demo.progress().ideal > 2048, 30000);
        demo.stop();
        QVERIFY(!demo.isRunning());
        QCOMPARE(demo.semaphore()->value, 1);
        QCOMPARE(demo.semaphore()->ncnt, 0);
        QVERIFY(demo.start(shm::RaceVariant::Semaphore, 2, 1000).ok());
        auto outcome = demo.finish(60000);
        QVERIFY(outcome.ok());
        QCOMPARE(outcome->total, 2000);
    }

    void terminalInProcess_data()
    {
        QTest::addColumn<bool>("verbose");
        QTest::newRow("plain") << false;
        QTest::newRow("verbose") << true;
    }
    void terminalInProcess()
    {
        QFETCH(bool, verbose);
        const auto before = demotest::segmentsCreatedBy(getpid()).size();
        std::ostringstream out, err;
        QCOMPARE(shm::runRaceTerminalDemo(2, 30000, verbose, out, err), 0);
        QCOMPARE(QString::fromStdString(err.str()), QString());
        checkTerminalOutput(QString::fromStdString(out.str()), 2, 30000, verbose);
        QCOMPARE(demotest::segmentsCreatedBy(getpid()).size(), before);
    }

    // shmscope --demo-terminal --lesson race: the same lines from the command.
    void terminalBinary()
    {
        const QString program = qEnvironmentVariable("SHMSCOPE_BINARY");
        if (program.isEmpty())
            QSKIP("SHMSCOPE_BINARY is not set (run through ctest)");
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        environment.remove(QStringLiteral("LANGUAGE"));
        const shmtest::ProgramRun run = shmtest::runProgram(
            program, {"--demo-terminal", "--lesson", "race", "--children", "3", "--increments",
                      "20000", "--verbose"},
            environment);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.errText(), QString());
        checkTerminalOutput(run.outText(), 3, 20000, true);
        // Its segment and set are gone (their ids are in the verbose lines).
        const auto shmid = QRegularExpression(R"(shmget\(.*\) = (\d+))").match(run.outText());
        const auto semid = QRegularExpression(R"(semget\(.*\) = (\d+))").match(run.outText());
        QVERIFY(shmid.hasMatch() && semid.hasMatch());
        QVERIFY(demotest::segmentGone(shmid.captured(1).toInt()));
        QVERIFY(demotest::semaphoreSetGone(semid.captured(1).toInt()));
    }

private:
    static void checkTerminalOutput(const QString &out, int children, int increments,
                                    bool verbose)
    {
        const QStringList lines = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        const QString expected = QString::number(qint64(children) * increments);
        QVERIFY2(lines.value(0).startsWith(QStringLiteral("%1 children add 1 to a shared int %2 "
                                                          "times each: %3 if no update is lost.")
                                               .arg(children).arg(increments).arg(expected)),
                 qPrintable(out));
        const QRegularExpression total(R"(^(\S.*\S) +total (\d+) in (\d+\.\d) ms(   \((\d+) updates lost\))?$)");
        QStringList totals;
        for (const QString &line : lines) {
            const auto match = total.match(line);
            if (!match.hasMatch())
                continue;
            totals << match.captured(2);
            if (!match.captured(5).isEmpty())
                QCOMPARE(match.captured(5).toLongLong() + match.captured(2).toLongLong(),
                         expected.toLongLong());
        }
        QCOMPARE(totals.size(), 3);
        QVERIFY(totals[0].toLongLong() <= expected.toLongLong());
        QCOMPARE(totals[1], expected);
        QCOMPARE(totals[2], expected);
        QVERIFY(out.contains(QLatin1String("(*counter)++ ")));
        QVERIFY(out.contains(QLatin1String("semop(P); (*counter)++; semop(V)")));
        QVERIFY(out.contains(QLatin1String("__atomic_fetch_add(counter, 1, RELAXED)")));
        QCOMPARE(out.contains(QLatin1String("semctl(")), verbose);
        QCOMPARE(lines.size(), verbose ? 1 + 5 + 3 * 3 + 2 : 1 + 3);
    }
};

QTEST_GUILESS_MAIN(TestRaceDemo)
#include "tst_racedemo.moc"
