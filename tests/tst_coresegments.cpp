// The core's system calls on real segments: create, open, stat, attach, detach, control,
// remove, limits, and each error path.

#include "core/attachment.h"
#include "core/limits.h"
#include "core/segmentcontrol.h"
#include "core/segmentinfo.h"
#include "core/segmentlist.h"
#include "support/asuser.h"
#include "support/testsegment.h"

#include <QTest>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <string>
#include <sys/resource.h>
#include <sys/shm.h>
#include <unistd.h>

using namespace shmtest;

class TestCoreSegments : public QObject
{
    Q_OBJECT

private:
    // Segments made through the API under test, removed in cleanup() whatever happens.
    std::vector<int> m_made;
    int keep(int shmid)
    {
        m_made.push_back(shmid);
        return shmid;
    }

private slots:
    void cleanup()
    {
        for (int shmid : m_made)
            shmctl(shmid, IPC_RMID, nullptr);
        m_made.clear();
    }

    void createPrivate()
    {
        shm::CreateRequest request;
        request.size = 1000;
        request.mode = 0640;
        auto shmid = shm::createSegment(request);
        QVERIFY2(shmid.ok(), shmid.ok() ? "" : shmid.error().describe().c_str());
        keep(*shmid);
        auto info = shm::statSegment(*shmid);
        QVERIFY(info.ok());
        QCOMPARE(info->size, 1000u);
        QCOMPARE(info->perms(), 0640u);
        QCOMPARE(info->key, 0);
        QCOMPARE(info->cpid, getpid());
        QCOMPARE(info->nattch, 0u);
        QCOMPARE(info->uid, geteuid());
    }

    void createExplicitKeyThenOpenAndExclusive()
    {
        key_t key = unusedKey();
        shm::CreateRequest request;
        request.key = shm::KeySpec::explicitKey(key);
        request.size = 4096;
        request.exclusive = true;
        auto shmid = shm::createSegment(request);
        QVERIFY(shmid.ok());
        keep(*shmid);
        QCOMPARE(shm::statSegment(*shmid)->key, key);

        auto opened = shm::openSegment(key);
        QVERIFY(opened.ok());
        QCOMPARE(*opened, *shmid);

        // Without IPC_EXCL the same key gives the same segment.
        request.exclusive = false;
        auto again = shm::createSegment(request);
        QVERIFY(again.ok());
        QCOMPARE(*again, *shmid);

        // With IPC_EXCL: EEXIST, naming the segment that holds the key.
        request.exclusive = true;
        auto taken = shm::createSegment(request);
        QVERIFY(!taken.ok());
        QCOMPARE(taken.error().kind, shm::ErrorKind::Exists);
        QCOMPARE(taken.error().errnum, EEXIST);
        QVERIFY(taken.error().english().find("already taken by shmid " + std::to_string(*shmid))
                != std::string::npos);
        QCOMPARE(taken.error().call, std::string("shmget"));
    }

    void createWithFtok()
    {
        char path[] = "/tmp/shmscope-ftok-XXXXXX";
        int fd = mkstemp(path);
        QVERIFY(fd >= 0);
        close(fd);
        auto key = shm::makeFtokKey(path, 'S');
        QVERIFY(key.ok());
        QCOMPARE(*key, ftok(path, 'S'));
        shm::CreateRequest request;
        request.key = shm::KeySpec::fromFtok(path, 'S');
        request.size = 64;
        request.exclusive = true;
        auto shmid = shm::createSegment(request);
        unlink(path);
        QVERIFY2(shmid.ok(), shmid.ok() ? "" : shmid.error().describe().c_str());
        keep(*shmid);
        QCOMPARE(shm::statSegment(*shmid)->key, *key);
    }

    void ftokErrors_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("projId");
        QTest::addColumn<shm::ErrorKind>("kind");
        QTest::addColumn<int>("errnum");
        QTest::newRow("missing file") << "/nonexistent/shmscope" << 1 << shm::ErrorKind::NotFound
                                      << ENOENT;
        QTest::newRow("empty path") << "" << 1 << shm::ErrorKind::BadInput << 0;
        QTest::newRow("project id 0") << "/tmp" << 0 << shm::ErrorKind::BadInput << 0;
        QTest::newRow("project id 256") << "/tmp" << 256 << shm::ErrorKind::BadInput << 0;
        QTest::newRow("negative project id") << "/tmp" << -3 << shm::ErrorKind::BadInput << 0;
    }
    void ftokErrors()
    {
        QFETCH(QString, path);
        QFETCH(int, projId);
        QFETCH(shm::ErrorKind, kind);
        QFETCH(int, errnum);
        auto key = shm::makeFtokKey(path.toStdString(), projId);
        QVERIFY(!key.ok());
        QVERIFY2(key.error().kind == kind, key.error().describe().c_str());
        QCOMPARE(key.error().errnum, errnum);
    }

    void createRefusesBadInput_data()
    {
        QTest::addColumn<quint64>("size");
        QTest::addColumn<uint>("mode");
        QTest::addColumn<shm::ErrorKind>("kind");
        QTest::newRow("size zero") << quint64(0) << 0600u << shm::ErrorKind::BadInput;
        QTest::newRow("size above SHMMAX") << ~quint64(0) << 0600u << shm::ErrorKind::LimitReached;
        QTest::newRow("mode with hugetlb bit (ipcmk -p 04644)") << quint64(4096) << 04644u
                                                                << shm::ErrorKind::BadInput;
        QTest::newRow("mode 01000") << quint64(4096) << 01000u << shm::ErrorKind::BadInput;
    }
    void createRefusesBadInput()
    {
        QFETCH(quint64, size);
        QFETCH(uint, mode);
        QFETCH(shm::ErrorKind, kind);
        shm::CreateRequest request;
        request.size = size;
        request.mode = mode;
        auto shmid = shm::createSegment(request);
        if (shmid.ok())
            keep(*shmid);
        QVERIFY(!shmid.ok());
        QCOMPARE(shmid.error().errnum, 0); // refused before the call
        QVERIFY2(shmid.error().kind == kind, shmid.error().describe().c_str());
    }

    void openMissingKeyIsEnoent()
    {
        auto opened = shm::openSegment(unusedKey());
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().kind, shm::ErrorKind::NotFound);
        QCOMPARE(opened.error().errnum, ENOENT);
        QCOMPARE(shm::openSegment(IPC_PRIVATE).error().kind, shm::ErrorKind::BadInput);
    }

    void callsOnBadIdAreEinval()
    {
        const int bad = 0x7ffffff0;
        auto stat = shm::statSegment(bad);
        QVERIFY(!stat.ok());
        QCOMPARE(stat.error().kind, shm::ErrorKind::Gone);
        QCOMPARE(stat.error().errnum, EINVAL);
        for (const shm::Result<void> &failed :
             {shm::removeSegment(bad), shm::setMode(bad, 0600), shm::setOwner(bad, 0, 0),
              shm::setLocked(bad, true)}) {
            QCOMPARE(failed.error().kind, shm::ErrorKind::Gone);
            QCOMPARE(failed.error().errnum, EINVAL);
        }
        auto attached = shm::Attachment::attach(bad);
        QVERIFY(!attached.ok());
        QCOMPARE(attached.error().kind, shm::ErrorKind::Gone);
        QCOMPARE(attached.error().errnum, EINVAL);
        QVERIFY(attached.error().describe().find("shmid " + std::to_string(bad))
                != std::string::npos);
    }

    void attachReadOnlyAndReadWrite()
    {
        TestSegment segment(8192);
        QVERIFY(segment.isValid());
        {
            auto rw = shm::Attachment::attach(segment.shmid(), shm::Access::ReadWrite);
            QVERIFY(rw.ok());
            QVERIFY(rw->isValid());
            QCOMPARE(rw->size(), 8192u);
            QVERIFY(rw->writableData() != nullptr);
            std::memcpy(rw->writableData(), "hello", 5);

            auto ro = shm::Attachment::attach(segment.shmid(), shm::Access::ReadOnly);
            QVERIFY(ro.ok());
            QVERIFY(ro->isReadOnly());
            QVERIFY(ro->writableData() == nullptr);
            QCOMPARE(std::memcmp(ro->data(), "hello", 5), 0);
            QCOMPARE(shm::statSegment(segment.shmid())->nattch, 2u);

            // Moving keeps one attachment; detach releases it.
            shm::Attachment moved = std::move(ro.value());
            QVERIFY(!ro->isValid());
            QVERIFY(moved.isValid());
            QVERIFY(moved.detach().ok());
            QVERIFY(!moved.isValid());
            // A second detach is an error, not a crash.
            QCOMPARE(moved.detach().error().kind, shm::ErrorKind::InvalidState);
            QCOMPARE(shm::statSegment(segment.shmid())->nattch, 1u);
        }
        // The destructor detached.
        QCOMPARE(shm::statSegment(segment.shmid())->nattch, 0u);
    }

    void attachWithAddressHint()
    {
        TestSegment segment(4096);
        auto first = shm::Attachment::attach(segment.shmid());
        QVERIFY(first.ok());
        const std::uintptr_t address = first->address();
        QVERIFY(first->detach().ok());
        // SHM_RND rounds the hint down to SHMLBA.
        auto hinted = shm::Attachment::attach(segment.shmid(), shm::Access::ReadOnly,
                                              reinterpret_cast<const void *>(address + 100));
        QVERIFY2(hinted.ok(), hinted.ok() ? "" : hinted.error().describe().c_str());
        QCOMPARE(hinted->address(), address);
    }

    void removeIsExplicitAndSegmentLivesUntilDetach()
    {
        TestSegment segment(4096);
        auto attached = shm::Attachment::attach(segment.shmid(), shm::Access::ReadWrite);
        QVERIFY(attached.ok());
        QVERIFY(shm::removeSegment(segment.shmid()).ok());
        auto info = shm::statSegment(segment.shmid());
        QVERIFY(info.ok());
        QVERIFY(info->isMarkedForDestruction());
        QCOMPARE(info->key, 0); // the key reads 0 after IPC_RMID
        QVERIFY(shm::removeSegment(segment.shmid()).ok()); // again: still succeeds
        attached->writableData()[0] = std::byte{42}; // still usable
        QVERIFY(attached->detach().ok());
        // Gone now: EINVAL (or EIDRM on some kernels).
        auto gone = shm::statSegment(segment.shmid());
        QVERIFY(!gone.ok());
        QCOMPARE(gone.error().kind, shm::ErrorKind::Gone);
        QVERIFY(gone.error().errnum == EINVAL || gone.error().errnum == EIDRM);
        QCOMPARE(shm::removeSegment(segment.shmid()).error().kind, shm::ErrorKind::Gone);
        QCOMPARE(shm::Attachment::attach(segment.shmid()).error().kind, shm::ErrorKind::Gone);
    }

    void changeModeOwnerAndLock()
    {
        TestSegment segment(4096, 0600);
        QVERIFY(shm::setMode(segment.shmid(), 0644).ok());
        QCOMPARE(shm::statSegment(segment.shmid())->perms(), 0644u);
        QVERIFY(!shm::setMode(segment.shmid(), 01644).ok());
        QCOMPARE(shm::statSegment(segment.shmid())->perms(), 0644u);

        QVERIFY(shm::setOwner(segment.shmid(), UnprivilegedUid, UnprivilegedGid).ok());
        auto info = shm::statSegment(segment.shmid());
        QCOMPARE(info->uid, UnprivilegedUid);
        QCOMPARE(info->gid, UnprivilegedGid);
        QCOMPARE(info->cuid, geteuid());
        QCOMPARE(info->perms(), 0644u); // the mode is kept

        auto locked = shm::setLocked(segment.shmid(), true);
        if (!locked.ok() && (locked.error().kind == shm::ErrorKind::PermissionDenied
                             || locked.error().kind == shm::ErrorKind::LimitReached))
            QSKIP("SHM_LOCK is not permitted here");
        QVERIFY(locked.ok());
        QVERIFY(shm::statSegment(segment.shmid())->isLocked());
        QVERIFY(shm::setLocked(segment.shmid(), false).ok());
        QVERIFY(!shm::statSegment(segment.shmid())->isLocked());
    }

    // The owner may change a segment whose mode denies it everything (IPC_SET needs ownership,
    // not read permission): a chmod 000 can be undone. Found by tst_vanishing. Runs as nobody
    // (as the suite's user when it is unprivileged): root would bypass the check.
    void ownerChangesModeOfUnreadableSegment()
    {
        const QString owner
            = QStringLiteral("owner @ %1 %2").arg(unprivilegedUid()).arg(unprivilegedGid());
        const QStringList steps{QStringLiteral("create 4096 0600"),
                                QStringLiteral("mode @ 0000"),
                                QStringLiteral("stat @"), // refused: not readable any more
                                QStringLiteral("mode @ 0400"),
                                QStringLiteral("mode @ 0000"),
                                owner,
                                QStringLiteral("mode @ 0600"),
                                QStringLiteral("stat @")};
        const QList<StepReport> reports = runAsUnprivileged(steps);
        QCOMPARE(unexpectedOutcomes(reports, {true, true, false, true, true, true, true, true}),
                 QString());
        QCOMPARE(reports[2].errnoName, QLatin1String("EACCES"));
        QVERIFY2(reports.back().text.startsWith(QLatin1String("perms 0600 ")),
                 qPrintable(reports.back().summary()));
    }

    // Root bypasses permission checks: the refusals are seen by a helper that dropped to an
    // unprivileged uid.
    void unprivilegedUserIsRefused()
    {
        if (geteuid() != 0)
            QSKIP("needs root to make a segment that belongs to another user");
        TestSegment segment(4096, 0600);
        QVERIFY(segment.isValid());
        const QString id = QString::number(segment.shmid());
        const QList<StepReport> refusals = runAsUnprivileged(
            {QLatin1String("attach ") + id + QLatin1String(" ro"), QLatin1String("stat ") + id,
             QLatin1String("remove ") + id, QLatin1String("mode ") + id + QLatin1String(" 0666"),
             QLatin1String("lock ") + id});
        QCOMPARE(refusals.size(), 5);
        const char *errnos[] = {"EACCES", "EACCES", "EPERM", "EPERM", nullptr};
        for (int i = 0; i < 5; ++i) {
            QVERIFY2(!refusals[i].ok, qPrintable(refusals[i].summary()));
            QCOMPARE(refusals[i].kind, QStringLiteral("PermissionDenied"));
            if (errnos[i])
                QCOMPARE(refusals[i].errnoName, QLatin1String(errnos[i]));
        }
        // Which mode, which owner, who you are.
        const QString &message = refusals[0].text;
        QVERIFY2(message.contains(QLatin1String("rw-------"))
                     && message.contains(QLatin1String("owner root (uid 0)"))
                     && message.contains(QLatin1String("you are uid 65534")),
                 qPrintable(message));
        QCOMPARE(shm::statSegment(segment.shmid())->perms(), 0600u);

        // Read-only allowed, write refused: mode 0644 for another user.
        QVERIFY(shm::setMode(segment.shmid(), 0644).ok());
        const QList<StepReport> readOnly
            = runAsUnprivileged({QLatin1String("attach ") + id + QLatin1String(" ro"),
                                 QLatin1String("attach ") + id + QLatin1String(" rw")});
        QCOMPARE(readOnly.size(), 2);
        QVERIFY2(readOnly[0].ok, qPrintable(readOnly[0].summary()));
        QVERIFY2(!readOnly[1].ok && readOnly[1].errnoName == QLatin1String("EACCES")
                     && readOnly[1].kind == QLatin1String("PermissionDenied"),
                 qPrintable(readOnly[1].summary()));
    }

    // A no-reserve segment larger than any process's address space exists (SHMMAX allows it),
    // but shmat cannot map it: ENOMEM is explained as the address space, with the size.
    void attachLargerThanAddressSpaceSaysSo()
    {
        const std::uint64_t size = (std::uint64_t(1) << 60) + 4096;
        auto limits = shm::readLimits();
        QVERIFY(limits.ok());
        if (limits->shmmax < size)
            QSKIP("SHMMAX is below 2^60 bytes here");
        rlimit as{};
        QVERIFY(getrlimit(RLIMIT_AS, &as) == 0);
        if (as.rlim_cur != RLIM_INFINITY)
            QSKIP("RLIMIT_AS is set: attachUnderAddressSpaceLimitNamesIt covers that case");
        const int shmid = shmget(IPC_PRIVATE, size, IPC_CREAT | SHM_NORESERVE | 0600);
        if (shmid < 0)
            QSKIP(qPrintable(QStringLiteral("shmget of a 2^60-byte SHM_NORESERVE segment: %1")
                                 .arg(QString::fromLocal8Bit(std::strerror(errno)))));
        keep(shmid);
        for (shm::Access access : {shm::Access::ReadOnly, shm::Access::ReadWrite}) {
            auto attached = shm::Attachment::attach(shmid, access);
            QVERIFY(!attached.ok());
            QCOMPARE(attached.error().errnum, ENOMEM);
            QCOMPARE(attached.error().kind, shm::ErrorKind::LimitReached);
            const std::string english = attached.error().english();
            QVERIFY2(english.find("does not fit in this process's free address space")
                         != std::string::npos,
                     english.c_str());
            QVERIFY2(english.find(shm::humanSize(size)) != std::string::npos, english.c_str());
        }
    }

    // Under RLIMIT_AS (ulimit -v) a segment that exceeds the room left is refused with ENOMEM,
    // and the message names the limit and its value. The soft limit is lowered for the attach
    // only, and restored (up to the unchanged hard limit) before any check.
    void attachUnderAddressSpaceLimitNamesIt()
    {
        const std::uint64_t size = std::uint64_t(1) << 30;
        const int shmid = shmget(IPC_PRIVATE, size, IPC_CREAT | SHM_NORESERVE | 0600);
        if (shmid < 0)
            QSKIP(qPrintable(QStringLiteral("shmget of a 1 GiB SHM_NORESERVE segment: %1")
                                 .arg(QString::fromLocal8Bit(std::strerror(errno)))));
        keep(shmid);
        std::uint64_t inUseKiB = 0;
        {
            std::ifstream status("/proc/self/status");
            std::string line;
            while (std::getline(status, line)) {
                if (line.rfind("VmSize:", 0) == 0)
                    inUseKiB = std::stoull(line.substr(7));
            }
        }
        QVERIFY(inUseKiB > 0);
        rlimit saved{};
        QVERIFY(getrlimit(RLIMIT_AS, &saved) == 0);
        // Room for 64 MiB more: the malloc of the error path fits, the segment does not.
        const rlim_t lowered = (inUseKiB << 10) + (rlim_t(64) << 20);
        if (saved.rlim_cur != RLIM_INFINITY && saved.rlim_cur < lowered)
            QSKIP("RLIMIT_AS is already lower than what this process uses plus 64 MiB");
        rlimit limit = saved;
        limit.rlim_cur = lowered;
        QVERIFY(setrlimit(RLIMIT_AS, &limit) == 0);
        auto attached = shm::Attachment::attach(shmid);
        const bool restored = setrlimit(RLIMIT_AS, &saved) == 0;
        QVERIFY(restored);
        QVERIFY(!attached.ok());
        QCOMPARE(attached.error().errnum, ENOMEM);
        QCOMPARE(attached.error().kind, shm::ErrorKind::LimitReached);
        const std::string english = attached.error().english();
        QVERIFY2(english.find("RLIMIT_AS (ulimit -v)") != std::string::npos, english.c_str());
        QVERIFY2(english.find("does not fit in this process's address space") != std::string::npos,
                 english.c_str());
        QVERIFY2(english.find(shm::humanSize(lowered)) != std::string::npos, english.c_str());
        QVERIFY2(english.find(shm::humanSize(size)) != std::string::npos, english.c_str());
    }

    void limitsAgreeWithProcAndIpcInfo()
    {
        auto limits = shm::readLimits();
        QVERIFY(limits.ok());
        std::uint64_t shmmax = 0, shmmni = 0;
        std::ifstream("/proc/sys/kernel/shmmax") >> shmmax;
        std::ifstream("/proc/sys/kernel/shmmni") >> shmmni;
        QCOMPARE(limits->shmmax, shmmax);
        QCOMPARE(limits->shmmni, shmmni);
        auto info = shm::readLimitsByIpcInfo();
        QVERIFY(info.ok());
        QCOMPARE(info->shmmni, shmmni);
        QCOMPARE(info->shmmin, 1u);
        QVERIFY(info->shmall > 0);

        TestSegment segment(3 * shm::pageSize());
        auto usage = shm::readUsage();
        QVERIFY(usage.ok());
        QVERIFY(usage->usedIds >= 1);
        QVERIFY(usage->totalPages >= 3);
    }

    // The status bar's totals added up from the listing are SHM_INFO's: a size that is not a
    // whole number of pages, resident pages. Other programs may make or remove segments between
    // the two reads: a few tries.
    void usageOfListingIsShmInfo()
    {
        TestSegment segment(3 * shm::pageSize() + 1);
        QVERIFY2(segment.isValid(), segment.error().c_str());
        auto attached = shm::Attachment::attach(segment.shmid(), shm::Access::ReadWrite);
        QVERIFY(attached.ok());
        *reinterpret_cast<volatile char *>(attached->writableData()) = 1; // one page resident
        bool same = false;
        for (int attempt = 0; attempt < 5 && !same; ++attempt) {
            auto listing = shm::listSegmentsFromProc();
            auto usage = shm::readUsage();
            QVERIFY(listing.ok() && usage.ok());
            const shm::Usage added = shm::usageOf(*listing);
            same = added.usedIds == usage->usedIds && added.totalPages == usage->totalPages
                && added.rssPages == usage->rssPages && added.swapPages == usage->swapPages;
            if (!same)
                qInfo("attempt %d: listing %d ids, %llu pages, %llu resident; SHM_INFO %d ids, "
                      "%llu pages, %llu resident",
                      attempt, added.usedIds, qulonglong(added.totalPages),
                      qulonglong(added.rssPages), usage->usedIds, qulonglong(usage->totalPages),
                      qulonglong(usage->rssPages));
        }
        QVERIFY(same);
        const shm::Usage one = shm::usageOf({shm::SegmentInfo{.size = 3 * shm::pageSize() + 1,
                                                              .rss = shm::pageSize()}});
        QCOMPARE(one.usedIds, 1);
        QCOMPARE(one.totalPages, 4u);
        QCOMPARE(one.rssPages, 1u);
        QCOMPARE(one.swapPages, 0u);
    }
};

QTEST_GUILESS_MAIN(TestCoreSegments)
#include "tst_coresegments.moc"
