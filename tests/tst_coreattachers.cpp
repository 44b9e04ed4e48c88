// Attachers from /proc/PID/maps: real children attached read-only and read-write are found
// with the right pid, access and range; processes of other IPC namespaces with the same shmid
// and mappings of the wrong length are not; the maps parser survives malformed lines.

#include "core/attachers.h"
#include "core/attachment.h"
#include "support/testsegment.h"

#include "core/limits.h"

#include <QFileInfo>
#include <QScopeGuard>
#include <QTest>

#include <algorithm>
#include <fcntl.h>
#include <fstream>
#include <iterator>
#include <sys/mman.h>
#include <sched.h>
#include <string>
#include <sys/shm.h>
#include <unistd.h>

using namespace shmtest;

class TestCoreAttachers : public QObject
{
    Q_OBJECT

private slots:
    void childrenAttachedAreFound()
    {
        TestSegment segment(10000, 0600, unusedKey());
        QVERIFY(segment.isValid());
        const int shmid = segment.shmid();
        ChildProcess reader([shmid] {
            void *p = shmat(shmid, nullptr, SHM_RDONLY);
            if (p == reinterpret_cast<void *>(-1))
                _exit(3);
        });
        ChildProcess writer([shmid] {
            void *p = shmat(shmid, nullptr, 0);
            if (p == reinterpret_cast<void *>(-1))
                _exit(3);
        });
        QVERIFY(reader.waitReady());
        QVERIFY(writer.waitReady());

        auto attachers = shm::findAttachers(shmid, segment.size());
        QCOMPARE(attachers.size(), 2u);
        auto byPid = [&](pid_t pid) {
            return std::find_if(attachers.begin(), attachers.end(),
                                 [pid](const shm::Attacher &a) { return a.pid == pid; });
        };
        auto r = byPid(reader.pid());
        auto w = byPid(writer.pid());
        QVERIFY(r != attachers.end());
        QVERIFY(w != attachers.end());
        QVERIFY(!r->writable);
        QVERIFY(w->writable);
        QCOMPARE(r->shmid, shmid);
        QCOMPARE(r->key, segment.key());
        QCOMPARE(r->end - r->start, 12288u); // rounded up to pages
        QVERIFY(!r->command.empty());
        QCOMPARE(QString::fromStdString(r->command),
                 QString::fromStdString(shm::processCommand(getpid())));

        // The one-pass scan finds the same.
        auto all = shm::findAllAttachers();
        QCOMPARE(all[shmid].size(), 2u);

        // Our own attachment shows too, with our pid.
        {
            auto own = shm::Attachment::attach(shmid, shm::Access::ReadOnly);
            QVERIFY(own.ok());
            auto withOwn = shm::findAttachers(shmid, segment.size());
            QCOMPARE(withOwn.size(), 3u);
            QVERIFY(std::any_of(withOwn.begin(), withOwn.end(), [&](const shm::Attacher &a) {
                return a.pid == getpid() && a.start == own->address();
            }));
        }
        reader.stop();
        writer.stop();
        QVERIFY(shm::findAttachers(shmid, segment.size()).empty());
    }

    // A container's segments have shmids of their own namespace, the same numbers as ours: a
    // process of another IPC namespace with "the same" shmid attached is not an attacher of
    // ours, whether its segment's size matches or not.
    void otherNamespacesAreNotAttachers()
    {
        if (geteuid() != 0)
            QSKIP("unshare(CLONE_NEWIPC) and shm_next_id need root");
        TestSegment segment(10000, 0600);
        QVERIFY(segment.isValid());
        const int shmid = segment.shmid();
        // In a fresh IPC namespace, a segment with the same shmid (shm_next_id picks it), of the
        // given size, attached; marked for removal so that it goes with the child.
        auto sameIdElsewhere = [shmid](std::size_t size) {
            return [shmid, size] {
                if (::unshare(CLONE_NEWIPC) != 0)
                    _exit(3);
                const std::string id = std::to_string(shmid);
                const int fd = ::open("/proc/sys/kernel/shm_next_id", O_WRONLY);
                if (fd < 0 || ::write(fd, id.data(), id.size()) != ssize_t(id.size()))
                    _exit(4);
                ::close(fd);
                const int theirs = ::shmget(IPC_PRIVATE, size, 0600);
                if (theirs != shmid || ::shmat(theirs, nullptr, 0) == reinterpret_cast<void *>(-1))
                    _exit(5);
                ::shmctl(theirs, IPC_RMID, nullptr);
            };
        };
        ChildProcess sameSize(sameIdElsewhere(10000));
        ChildProcess otherSize(sameIdElsewhere(1 << 20));
        ChildProcess ours([shmid] {
            if (::shmat(shmid, nullptr, SHM_RDONLY) == reinterpret_cast<void *>(-1))
                _exit(3);
        });
        if (!sameSize.waitReady())
            QSKIP("this machine does not let a child make an IPC namespace and choose a shmid");
        QVERIFY(otherSize.waitReady());
        QVERIFY(ours.waitReady());
        QVERIFY(!shm::inOurIpcNamespace(sameSize.pid()));
        QVERIFY(shm::inOurIpcNamespace(ours.pid()));
        QVERIFY(shm::inOurIpcNamespace(getpid()));

        const auto attachers = shm::findAttachers(shmid, segment.size());
        QCOMPARE(attachers.size(), 1u);
        QCOMPARE(attachers.front().pid, ours.pid());
        auto all = shm::findAllAttachers();
        QCOMPARE(all[shmid].size(), 1u);
        QCOMPARE(all[shmid].front().pid, ours.pid());
    }

    // shmat maps the whole segment rounded up to pages: any other length is not this segment.
    void mappingLengths_data()
    {
        QTest::addColumn<quint64>("length");
        QTest::addColumn<quint64>("size");
        QTest::addColumn<bool>("fits");
        const quint64 page = shm::pageSize();
        QTest::newRow("one page, one byte") << page << quint64(1) << true;
        QTest::newRow("one page exactly") << page << page << true;
        QTest::newRow("rounded up") << 3 * page << 2 * page + 1 << true;
        QTest::newRow("one page short") << 2 * page << 2 * page + 1 << false;
        QTest::newRow("a page too long") << 2 * page << page << false;
        QTest::newRow("64 MiB mapping, 4 KiB segment")
            << (quint64(64) << 20) << quint64(4096) << false;
        QTest::newRow("empty mapping") << quint64(0) << quint64(1) << false;
        QTest::newRow("size 0") << page << quint64(0) << false;
        QTest::newRow("size near 2^64") << page << ~quint64(0) << false;
        QTest::newRow("2 MiB huge page")
            << quint64(2) * 1024 * 1024 << quint64(4096) * 3
            << QFileInfo::exists(QStringLiteral("/sys/kernel/mm/hugepages/hugepages-2048kB"));
    }
    void mappingLengths()
    {
        QFETCH(quint64, length);
        QFETCH(quint64, size);
        QFETCH(bool, fits);
        QCOMPARE(shm::mappingCanBe(length, size), fits);
    }

    void processNames()
    {
        QVERIFY(!shm::processName(getpid()).empty());
        QVERIFY(shm::processName(999999999).empty());
        QVERIFY(shm::processCommand(999999999).empty());
    }

    void mapsLine_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<bool>("writable");
        QTest::addColumn<int>("shmid");
        QTest::addColumn<uint>("key");
        QTest::newRow("read-write deleted")
            << QByteArray("7f0000000000-7f0000001000 rw-s 00000000 00:01 32769      "
                          "/SYSV0000162e (deleted)")
            << true << true << 32769 << 0x162eu;
        QTest::newRow("read-only")
            << QByteArray("7f0000000000-7f0000003000 r--s 00000000 00:01 5 /SYSV00000000")
            << true << false << 5 << 0u;
        QTest::newRow("high key") << QByteArray("1000-2000 rw-s 0 00:01 7 /SYSVffffffff")
                                  << true << true << 7 << 0xffffffffu;
        QTest::newRow("ordinary file")
            << QByteArray("55d000000000-55d000001000 r--p 00000000 08:01 1234 /usr/bin/cat")
            << false << false << 0 << 0u;
        QTest::newRow("anonymous") << QByteArray("7f00-7f10 rw-p 00000000 00:00 0") << false
                                   << false << 0 << 0u;
        QTest::newRow("empty") << QByteArray() << false << false << 0 << 0u;
        QTest::newRow("no dash") << QByteArray("7f0000000000 rw-s 0 00:01 5 /SYSV00000000")
                                 << false << false << 0 << 0u;
        QTest::newRow("end before start")
            << QByteArray("2000-1000 rw-s 0 00:01 5 /SYSV00000000") << false << false << 0 << 0u;
        QTest::newRow("bad key") << QByteArray("1000-2000 rw-s 0 00:01 5 /SYSVzzzzzzzz") << false
                                 << false << 0 << 0u;
        QTest::newRow("short name") << QByteArray("1000-2000 rw-s 0 00:01 5 /SYSV12") << false
                                    << false << 0 << 0u;
        QTest::newRow("huge inode")
            << QByteArray("1000-2000 rw-s 0 00:01 99999999999 /SYSV00000000") << false << false
            << 0 << 0u;
        QTest::newRow("address overflow")
            << QByteArray("fffffffffffffffffff-1 rw-s 0 00:01 5 /SYSV00000000") << false
            << false << 0 << 0u;
        QTest::newRow("truncated") << QByteArray("1000-2000 rw-s") << false << false << 0 << 0u;
    }
    void mapsLine()
    {
        QFETCH(QByteArray, line);
        QFETCH(bool, valid);
        auto mapping = shm::parseMapsLine(std::string_view(line.constData(), line.size()));
        QCOMPARE(mapping.has_value(), valid);
        if (!valid)
            return;
        QFETCH(bool, writable);
        QFETCH(int, shmid);
        QFETCH(uint, key);
        QCOMPARE(mapping->writable, writable);
        QCOMPARE(mapping->shmid, shmid);
        QCOMPARE(static_cast<uint>(mapping->key), key);
    }

    void mapsText()
    {
        const std::string text =
            "55d000000000-55d000001000 r--p 00000000 08:01 1234 /usr/bin/cat\n"
            "7f0000000000-7f0000001000 rw-s 00000000 00:01 32769 /SYSV0000162e (deleted)\n"
            "garbage /SYSV\n"
            "7f0000002000-7f0000003000 r--s 00000000 00:01 3 /SYSV00000000 (deleted)";
        auto mappings = shm::parseMaps(text);
        QCOMPARE(mappings.size(), 2u);
        QCOMPARE(mappings[0].shmid, 32769);
        QCOMPARE(mappings[1].shmid, 3);
        QVERIFY(!mappings[1].writable);
    }

    // The scan asks the kernel for shared file mappings one at a time (PROCMAP_QUERY) where it
    // can: it must find in our own process exactly what our maps text shows, read-only and
    // read-write attachments, with private and shared mappings of other files around them.
    void scanAgreesWithMapsText()
    {
        TestSegment segment(3 * shm::pageSize() + 5);
        QVERIFY(segment.isValid());
        auto readOnly = shm::Attachment::attach(segment.shmid(), shm::Access::ReadOnly);
        auto readWrite = shm::Attachment::attach(segment.shmid(), shm::Access::ReadWrite);
        QVERIFY(readOnly.ok() && readWrite.ok());
        const int fd = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
        QVERIFY(fd >= 0);
        void *privately = mmap(nullptr, 4096, PROT_READ, MAP_PRIVATE, fd, 0);
        void *shared = mmap(nullptr, 4096, PROT_READ, MAP_SHARED, fd, 0);
        close(fd);
        QVERIFY(privately != MAP_FAILED && shared != MAP_FAILED);
        auto unmap = qScopeGuard([&] {
            munmap(privately, 4096);
            munmap(shared, 4096);
        });

        std::vector<shm::Attacher> fromText;
        std::ifstream maps("/proc/self/maps");
        const std::string text((std::istreambuf_iterator<char>(maps)), {});
        for (const shm::SysvMapping &m : shm::parseMaps(text)) {
            if (m.shmid == segment.shmid())
                fromText.push_back({getpid(), {}, m.start, m.end, m.writable, m.shmid, m.key});
        }
        QCOMPARE(fromText.size(), 2u);
        std::vector<shm::Attacher> scanned;
        for (shm::Attacher a : shm::findAttachers(segment.shmid(), segment.size())) {
            if (a.pid == getpid()) {
                a.command.clear();
                scanned.push_back(a);
            }
        }
        const auto byStart = [](const shm::Attacher &a, const shm::Attacher &b) {
            return a.start < b.start;
        };
        std::sort(fromText.begin(), fromText.end(), byStart);
        std::sort(scanned.begin(), scanned.end(), byStart);
        QVERIFY(scanned == fromText);
        QCOMPARE(int(std::count_if(scanned.begin(), scanned.end(),
                                   [](const shm::Attacher &a) { return a.writable; })),
                 1);
    }
};

QTEST_GUILESS_MAIN(TestCoreAttachers)
#include "tst_coreattachers.moc"
