// Semaphore sets in the core, on real sets: values, last-semop pids and waiter counts with a
// real child blocked in semop; a waiter woken by removal (EIDRM) and one cancelled; SEMVMX
// (ERANGE); refusals as the unprivileged user; the /proc/sysvipc/sem parser fed bad text.

#include "core/semaphores.h"
#include "support/asuser.h"
#include "support/madeids.h"
#include "support/testsegment.h"

#include <QTest>

#include <atomic>
#include <cerrno>
#include <optional>
#include <sys/sem.h>
#include <thread>
#include <unistd.h>

using namespace shmtest;

namespace {

std::vector<int> valuesOf(const shm::SemaphoreSetInfo &set)
{
    std::vector<int> values;
    for (const shm::Semaphore &s : set.semaphores)
        values.push_back(s.value);
    return values;
}

// The semaphore `index` of the set as readSemaphores says now (a default one on failure).
shm::Semaphore semaphoreNow(int semid, int index)
{
    auto set = shm::readSemaphores(semid);
    if (!set || index >= int(set->semaphores.size()))
        return {-1, -1, -1, -1};
    return set->semaphores[std::size_t(index)];
}

} // namespace

class TestCoreSemaphores : public QObject
{
    Q_OBJECT

private:
    MadeIds m_made{[](int semid) { semctl(semid, 0, IPC_RMID); }};
    int make(std::vector<int> values, unsigned mode = 0600)
    {
        shm::CreateSemaphoresRequest request;
        request.values = std::move(values);
        request.mode = mode;
        return m_made.keep(shm::createSemaphoreSet(request));
    }

private slots:
    void cleanup() { m_made.removeAll(); }

    void createdWithValuesAndListed()
    {
        const int semid = make({3, 0, 7}, 0640);
        QVERIFY(semid >= 0);
        auto read = shm::readSemaphores(semid);
        QVERIFY2(read.ok(), read.ok() ? "" : read.error().describe().c_str());
        QCOMPARE(read->nsems, 3u);
        QCOMPARE(read->perms(), 0640u);
        QCOMPARE(valuesOf(*read), (std::vector<int>{3, 0, 7}));
        QCOMPARE(read->cuid, geteuid());
        auto listed = shm::listSemaphoreSets();
        QVERIFY(listed.ok());
        auto it = std::find_if(listed->begin(), listed->end(),
                               [&](const auto &s) { return s.semid == semid; });
        QVERIFY(it != listed->end());
        QCOMPARE(*it, *read);
        // The fallback sees the same set.
        auto byStat = shm::listSemaphoreSetsByStat();
        QVERIFY(byStat.ok());
        auto st = std::find_if(byStat->begin(), byStat->end(),
                               [&](const auto &s) { return s.semid == semid; });
        QVERIFY(st != byStat->end());
        QCOMPARE(st->key, it->key);
        QCOMPARE(st->nsems, 3u);
        QCOMPARE(st->mode, it->mode);
        QCOMPARE(st->ctime, it->ctime);

        QVERIFY(shm::setSemaphoreValues(semid, {1, 2, 3}).ok());
        QVERIFY(shm::setSemaphoreValue(semid, 1, 9).ok());
        QCOMPARE(valuesOf(*shm::readSemaphores(semid)), (std::vector<int>{1, 9, 3}));
        auto wrongCount = shm::setSemaphoreValues(semid, {1, 2});
        QVERIFY(!wrongCount.ok());
        QCOMPARE(wrongCount.error().kind, shm::ErrorKind::BadInput);
        auto noSuchIndex = shm::setSemaphoreValue(semid, 5, 1);
        QVERIFY(!noSuchIndex.ok());
        QCOMPARE(noSuchIndex.error().kind, shm::ErrorKind::BadInput);
        QVERIFY(shm::setSemaphoreSetMode(semid, 0604).ok());
        QCOMPARE(shm::statSemaphoreSet(semid)->perms(), 0604u);
        QVERIFY(shm::setSemaphoreSetOwner(semid, 12345, 54321).ok());
        QCOMPARE(shm::statSemaphoreSet(semid)->uid, uid_t(12345));
    }

    // A child blocked in P counts in ncnt; once V lets it through, the last semop's pid is the
    // child's. Another child waiting for zero counts in zcnt until the value is set to 0.
    void waitersCountedWithAChildBlockedInSemop()
    {
        const int semid = make({0, 1});
        QVERIFY(semid >= 0);
        // SETALL at creation counts as the last change: its pid is ours.
        QCOMPARE(semaphoreNow(semid, 0), (shm::Semaphore{0, getpid(), 0, 0}));
        ChildProcess decrementer([semid] {
            sembuf op{0, -1, 0};
            while (semop(semid, &op, 1) != 0 && errno == EINTR) { }
        });
        QTRY_COMPARE(semaphoreNow(semid, 0).ncnt, 1);
        QCOMPARE(semaphoreNow(semid, 0).zcnt, 0);
        auto v = shm::operateSemaphores(semid, {{0, +1, false, false}});
        QVERIFY2(v.ok(), v.ok() ? "" : v.error().describe().c_str());
        QVERIFY(decrementer.waitReady());
        const shm::Semaphore after = semaphoreNow(semid, 0);
        QCOMPARE(after.value, 0);
        QCOMPARE(after.ncnt, 0);
        QCOMPARE(after.pid, decrementer.pid());

        ChildProcess zeroWaiter([semid] {
            sembuf op{1, 0, 0};
            while (semop(semid, &op, 1) != 0 && errno == EINTR) { }
        });
        QTRY_COMPARE(semaphoreNow(semid, 1).zcnt, 1);
        QCOMPARE(semaphoreNow(semid, 1).ncnt, 0);
        QCOMPARE(semaphoreNow(semid, 1).value, 1);
        QVERIFY(shm::setSemaphoreValue(semid, 1, 0).ok());
        QVERIFY(zeroWaiter.waitReady());
        QCOMPARE(semaphoreNow(semid, 1).zcnt, 0);
        QCOMPARE(semaphoreNow(semid, 1).pid, zeroWaiter.pid());
    }

    // A P that waits in a thread (as the GUI runs it) wakes with Gone (EIDRM) when the set is
    // removed.
    void waiterWokenByRemoval()
    {
        const int semid = make({0});
        QVERIFY(semid >= 0);
        std::atomic<bool> cancel{false};
        std::optional<shm::Result<shm::SemopOutcome>> result;
        std::thread waiter([&] { result = shm::operateSemaphores(semid, {{0, -1, false, true}}, &cancel); });
        QTRY_COMPARE(semaphoreNow(semid, 0).ncnt, 1);
        QVERIFY(shm::removeSemaphoreSet(semid).ok());
        waiter.join();
        QVERIFY(result && !result->ok());
        QCOMPARE(result->error().kind, shm::ErrorKind::Gone);
        QVERIFY2(result->error().errnum == EIDRM || result->error().errnum == EINVAL,
                 result->error().describe().c_str());
        QVERIFY2(result->error().english().find("no semaphore set") != std::string::npos,
                 result->error().describe().c_str());
        // And without a cancel flag, a plain semop.
        const int again = make({0});
        std::optional<shm::Result<shm::SemopOutcome>> plain;
        std::thread blocked([&] { plain = shm::operateSemaphores(again, {{0, -1, false, false}}); });
        QTRY_COMPARE(semaphoreNow(again, 0).ncnt, 1);
        QVERIFY(shm::removeSemaphoreSet(again).ok());
        blocked.join();
        QVERIFY(plain && !plain->ok());
        QCOMPARE(plain->error().errnum, EIDRM);
        QCOMPARE(plain->error().kind, shm::ErrorKind::Gone);
    }

    void waitingCanBeCancelled()
    {
        const int semid = make({0});
        QVERIFY(semid >= 0);
        std::atomic<bool> cancel{false};
        std::optional<shm::Result<shm::SemopOutcome>> result;
        std::thread waiter([&] { result = shm::operateSemaphores(semid, {{0, -1, false, false}}, &cancel, 20); });
        QTRY_COMPARE(semaphoreNow(semid, 0).ncnt, 1);
        cancel = true;
        waiter.join();
        QVERIFY(result && result->ok());
        QCOMPARE(**result, shm::SemopOutcome::Cancelled);
        QCOMPARE(semaphoreNow(semid, 0).value, 0);
        QCOMPARE(semaphoreNow(semid, 0).ncnt, 0);
        // With the value there, it goes through at once, SEM_UNDO or not.
        QVERIFY(shm::setSemaphoreValue(semid, 0, 2).ok());
        cancel = false;
        auto done = shm::operateSemaphores(semid, {{0, -1, false, true}}, &cancel);
        QVERIFY(done.ok());
    }

    void noWaitSaysEagain()
    {
        const int semid = make({0});
        QVERIFY(semid >= 0);
        std::atomic<bool> cancel{false};
        for (const std::atomic<bool> *flag : {static_cast<const std::atomic<bool> *>(nullptr),
                                              static_cast<const std::atomic<bool> *>(&cancel)}) {
            auto refused = shm::operateSemaphores(semid, {{0, -1, true, false}}, flag);
            QVERIFY(!refused.ok());
            QCOMPARE(refused.error().errnum, EAGAIN);
            QVERIFY2(refused.error().english().find("IPC_NOWAIT") != std::string::npos,
                     refused.error().describe().c_str());
        }
        // A mix, one that must wait with IPC_NOWAIT: refused at once, not taken for a slice.
        auto mixed = shm::operateSemaphores(semid, {{0, +1, false, false}, {0, -2, true, false}}, &cancel);
        QVERIFY(!mixed.ok());
        QCOMPARE(mixed.error().errnum, EAGAIN);
        QCOMPARE(semaphoreNow(semid, 0).value, 0); // all or none
    }

    void semvmxIsTheLimit()
    {
        const int semid = make({0});
        QVERIFY(semid >= 0);
        auto above = shm::setSemaphoreValue(semid, 0, 32768);
        QVERIFY(!above.ok());
        QCOMPARE(above.error().kind, shm::ErrorKind::BadInput);
        QVERIFY2(above.error().english().find("32767") != std::string::npos,
                 above.error().describe().c_str());
        shm::CreateSemaphoresRequest request;
        request.values = {40000};
        auto create = shm::createSemaphoreSet(request);
        QVERIFY(!create.ok());
        QCOMPARE(create.error().kind, shm::ErrorKind::BadInput);
        // The kernel's ERANGE: a V past SEMVMX.
        QVERIFY(shm::setSemaphoreValue(semid, 0, 32767).ok());
        auto past = shm::operateSemaphores(semid, {{0, +1, true, false}});
        QVERIFY(!past.ok());
        QCOMPARE(past.error().errnum, ERANGE);
        QCOMPARE(past.error().kind, shm::ErrorKind::BadInput);
        QVERIFY2(past.error().english().find("32767") != std::string::npos,
                 past.error().describe().c_str());
        QCOMPARE(semaphoreNow(semid, 0).value, 32767);
    }

    void goneSetsAreSaid()
    {
        const int semid = make({1});
        QVERIFY(semid >= 0);
        QVERIFY(shm::removeSemaphoreSet(semid).ok());
        for (const shm::Error &error :
             {shm::readSemaphores(semid).error(), shm::statSemaphoreSet(semid).error(),
              shm::setSemaphoreValue(semid, 0, 1).error(), shm::removeSemaphoreSet(semid).error(),
              shm::setSemaphoreSetMode(semid, 0600).error(),
              shm::operateSemaphores(semid, {{0, 1, true, false}}).error()}) {
            QCOMPARE(error.kind, shm::ErrorKind::Gone);
            QVERIFY2(error.english().find("no semaphore set with this id") != std::string::npos,
                     error.describe().c_str());
        }
        // Listed with values: a set gone between the listing and the read is marked, not fatal.
        auto listed = shm::listSemaphoreSets();
        QVERIFY(listed.ok());
    }

    void unprivilegedUserIsRefused()
    {
        if (geteuid() != 0)
            QSKIP("root makes the set, and a helper drops to nobody");
        const int semid = make({1}, 0600);
        QVERIFY(semid >= 0);
        const QString id = QString::number(semid);
        const QList<StepReport> reports = runAsUnprivileged(
            {"semread " + id, "semop " + id + " 0 -1", "semset " + id + " 0 5",
             "semremove " + id, "semmode " + id + " 0666"});
        QCOMPARE(reports.size(), 5);
        const char *errnos[] = {"EACCES", "EACCES", "EACCES", "EPERM", "EPERM"};
        for (int i = 0; i < 5; ++i) {
            QVERIFY2(!reports[i].ok, qPrintable(reports[i].summary()));
            QCOMPARE(reports[i].kind, QStringLiteral("PermissionDenied"));
            QCOMPARE(reports[i].errnoName, QLatin1String(errnos[i]));
            QVERIFY2(reports[i].text.contains("rw------- (0600)")
                         && reports[i].text.contains("owner root (uid 0)")
                         && reports[i].text.contains("you are uid 65534"),
                     qPrintable(reports[i].summary()));
        }
        QCOMPARE(valuesOf(*shm::readSemaphores(semid)), std::vector<int>{1});
        // Readable to others: read, not changed.
        QVERIFY(shm::setSemaphoreSetMode(semid, 0604).ok());
        const QList<StepReport> readable = runAsUnprivileged({"semread " + id, "semop " + id + " 0 -1"});
        QCOMPARE(unexpectedOutcomes(readable, {true, false}), QString());
        QCOMPARE(readable[0].text, QStringLiteral("1"));
    }

    void parserSkipsMalformedLines()
    {
        const std::string text =
            "       key      semid perms      nsems   uid   gid  cuid  cgid      otime      ctime\n"
            "         0         32   600          2     0     0     0     0          0 1700000000\n"
            "1234567890          5   644          1  1000  1000  1000  1000 1700000001 1700000002\n"
            "garbage\n"
            "         0          7   600          2     0     0     0     0          0\n"       // short
            "         0          8   600          2     0     0     0     0          0 1 2\n"   // long
            "         0         -9   600          2     0     0     0     0          0 1\n"     // id
            "         0         10   999          2     0     0     0     0          0 1\n"     // mode
            "         0         11   600          2 99999999999 0   0     0          0 1\n"     // uid
            "4294967296         12   600          2     0     0     0     0          0 1\n"     // key
            "\n"
            "        -1          1   600          1     0     0     0     0          0 1";
        int skipped = -1;
        const auto sets = shm::parseProcSysvipcSem(text, &skipped);
        QCOMPARE(skipped, 7);
        QCOMPARE(sets.size(), std::size_t(3));
        QCOMPARE(sets[0].semid, 1);
        QCOMPARE(sets[0].key, -1);
        QCOMPARE(sets[1].semid, 5);
        QCOMPARE(sets[1].key, 1234567890);
        QCOMPARE(sets[1].mode, 0644u);
        QCOMPARE(sets[1].uid, uid_t(1000));
        QCOMPARE(sets[1].otime, 1700000001);
        QCOMPARE(sets[2].semid, 32);
        QCOMPARE(sets[2].nsems, 2u);
        for (const char *bad : {"", "\n\n", "semid", "\0\0\0", "1 2 3"}) {
            int n = -1;
            QVERIFY(shm::parseProcSysvipcSem(bad, &n).empty());
            QVERIFY(n >= 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestCoreSemaphores)
#include "tst_coresemaphores.moc"
