// Listing: /proc/sysvipc/shm and the SHM_STAT fallback agree with the kernel (IPC_STAT) for
// segments in every state; the parser survives malformed input.

#include "core/attachment.h"
#include "core/namecache.h"
#include "core/segmentcontrol.h"
#include "core/segmentlist.h"
#include "support/rows.h"
#include "support/testsegment.h"

#include <QTest>

#include <algorithm>
#include <cerrno>
#include <string>
#include <sys/shm.h>
#include <unistd.h>

using namespace shmtest;

namespace {

const shm::SegmentInfo *findSegment(const std::vector<shm::SegmentInfo> &all, int shmid)
{
    auto it = std::find_if(all.begin(), all.end(),
                           [&](const shm::SegmentInfo &s) { return s.shmid == shmid; });
    return it == all.end() ? nullptr : &*it;
}

// Compares what the listing says with IPC_STAT, field by field.
void compareWithStat(const shm::SegmentInfo &listed, bool checkRss)
{
    shmid_ds ds{};
    QVERIFY(shmctl(listed.shmid, IPC_STAT, &ds) == 0);
    QCOMPARE(listed.key, ds.shm_perm.__key);
    QCOMPARE(listed.mode, static_cast<unsigned>(ds.shm_perm.mode & 07777));
    QCOMPARE(listed.size, static_cast<std::uint64_t>(ds.shm_segsz));
    QCOMPARE(listed.cpid, ds.shm_cpid);
    QCOMPARE(listed.lpid, ds.shm_lpid);
    QCOMPARE(listed.nattch, static_cast<std::uint64_t>(ds.shm_nattch));
    QCOMPARE(listed.uid, ds.shm_perm.uid);
    QCOMPARE(listed.gid, ds.shm_perm.gid);
    QCOMPARE(listed.cuid, ds.shm_perm.cuid);
    QCOMPARE(listed.cgid, ds.shm_perm.cgid);
    QCOMPARE(listed.atime, static_cast<std::int64_t>(ds.shm_atime));
    QCOMPARE(listed.dtime, static_cast<std::int64_t>(ds.shm_dtime));
    QCOMPARE(listed.ctime, static_cast<std::int64_t>(ds.shm_ctime));
    if (checkRss)
        QVERIFY(listed.rss <= listed.size + 4096);
}

} // namespace

class TestCoreListing : public QObject
{
    Q_OBJECT

private slots:
    // Names and ids both ways, as the browser shows owners and the owner dialog reads them.
    void namesAndIds()
    {
        shm::NameCache names;
        QCOMPARE(names.userName(0), std::string("root"));
        QCOMPARE(names.groupName(0), std::string("root"));
        QCOMPARE(shm::userIdNamed("root"), std::optional<uid_t>(0));
        QCOMPARE(shm::groupIdNamed("root"), std::optional<gid_t>(0));
        QVERIFY(!shm::userIdNamed("no-such-user-shmscope").has_value());
        QVERIFY(!shm::groupIdNamed("no-such-group-shmscope").has_value());
        QVERIFY(!shm::userIdNamed("").has_value());
    }

    void listingAgreesWithKernel_data()
    {
        shmtest::addBoolRows("fallback", "/proc/sysvipc/shm", "SHM_STAT over indices");
    }
    void listingAgreesWithKernel()
    {
        QFETCH(bool, fallback);
        TestSegment plain(1234, 0640);
        TestSegment twice(8192, 0600, unusedKey());
        TestSegment dest(4096);
        TestSegment locked(4096);
        TestSegment chowned(4096, 0604);
        QVERIFY(plain.isValid() && twice.isValid() && dest.isValid() && locked.isValid()
                && chowned.isValid());

        auto a1 = shm::Attachment::attach(twice.shmid(), shm::Access::ReadWrite);
        auto a2 = shm::Attachment::attach(twice.shmid(), shm::Access::ReadOnly);
        QVERIFY(a1.ok() && a2.ok());
        a1->writableData()[0] = std::byte{1}; // make a page resident
        auto destAttached = shm::Attachment::attach(dest.shmid());
        QVERIFY(destAttached.ok());
        QVERIFY(shm::removeSegment(dest.shmid()).ok());
        const bool canLock = shm::setLocked(locked.shmid(), true).ok();
        QVERIFY(shm::setOwner(chowned.shmid(), UnprivilegedUid, UnprivilegedGid).ok());

        auto listed = fallback ? shm::listSegmentsByStat() : shm::listSegments();
        QVERIFY(listed.ok());
        QVERIFY(std::is_sorted(listed->begin(), listed->end(),
                               [](auto &a, auto &b) { return a.shmid < b.shmid; }));
        for (const TestSegment *segment : {&plain, &twice, &dest, &locked, &chowned}) {
            const shm::SegmentInfo *info = findSegment(*listed, segment->shmid());
            QVERIFY2(info, qPrintable(QString("shmid %1 not listed").arg(segment->shmid())));
            compareWithStat(*info, !fallback);
        }
        QCOMPARE(findSegment(*listed, twice.shmid())->nattch, 2u);
        QCOMPARE(findSegment(*listed, twice.shmid())->key, twice.key());
        QVERIFY(findSegment(*listed, dest.shmid())->isMarkedForDestruction());
        QCOMPARE(findSegment(*listed, dest.shmid())->key, 0);
        if (canLock)
            QVERIFY(findSegment(*listed, locked.shmid())->isLocked());
        QCOMPARE(findSegment(*listed, chowned.shmid())->uid, UnprivilegedUid);
        QCOMPARE(findSegment(*listed, chowned.shmid())->cuid, geteuid());
        QCOMPARE(findSegment(*listed, chowned.shmid())->cgid, getegid());
        if (!fallback)
            QVERIFY(findSegment(*listed, twice.shmid())->rss >= 4096);
        if (canLock)
            shm::setLocked(locked.shmid(), false);
    }

    void procAndFallbackListTheSameSegments()
    {
        TestSegment segment(4096);
        auto fromProc = shm::listSegmentsFromProc();
        auto byStat = shm::listSegmentsByStat();
        QVERIFY(fromProc.ok() && byStat.ok());
        std::vector<int> a, b;
        for (auto &s : *fromProc)
            a.push_back(s.shmid);
        for (auto &s : *byStat)
            b.push_back(s.shmid);
        // Other processes may create or remove segments meanwhile; ours is in both.
        QVERIFY(std::find(a.begin(), a.end(), segment.shmid()) != a.end());
        QVERIFY(std::find(b.begin(), b.end(), segment.shmid()) != b.end());
    }

    void missingProcFileIsAnError()
    {
        auto listed = shm::listSegmentsFromProc("/nonexistent/sysvipc/shm");
        QVERIFY(!listed.ok());
        QCOMPARE(listed.error().errnum, ENOENT);
    }

    void parser_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("skipped");
        const QByteArray header = "       key      shmid perms                  size  cpid  lpid "
                                  "nattch   uid   gid  cuid  cgid      atime      dtime      ctime"
                                  "                   rss                  swap\n";
        const QByteArray good = "      5678      32769   1600                  4096   100   200"
                                "      1     0     0     0     0 1700000000          0 1700000001"
                                "                  4096                     0\n";
        QTest::newRow("empty file") << QByteArray() << 0 << 0;
        QTest::newRow("header only") << header << 0 << 0;
        QTest::newRow("one good line") << header + good << 1 << 0;
        QTest::newRow("no trailing newline") << header + good.chopped(1) << 1 << 0;
        QTest::newRow("old kernel, 14 columns")
            << header + "0 5 600 10 1 1 0 0 0 0 0 0 0 5\n" << 1 << 0;
        QTest::newRow("short line") << header + "0 5 600 10 1\n" + good << 1 << 1;
        QTest::newRow("garbage") << header + "hello world\n\x01\x02\xff\n" + good << 1 << 2;
        QTest::newRow("too many columns")
            << header + "0 5 600 10 1 1 0 0 0 0 0 0 0 5 0 0 7\n" << 0 << 1;
        QTest::newRow("huge size") << header + "0 5 600 99999999999999999999999 1 1 0 0 0 0 0 0 0 5 0 0\n"
                                   << 0 << 1;
        QTest::newRow("negative shmid") << header + "0 -5 600 10 1 1 0 0 0 0 0 0 0 5 0 0\n" << 0 << 1;
        QTest::newRow("key beyond 32 bits")
            << header + "99999999999 5 600 10 1 1 0 0 0 0 0 0 0 5 0 0\n" << 0 << 1;
        QTest::newRow("perms not octal") << header + "0 5 689 10 1 1 0 0 0 0 0 0 0 5 0 0\n" << 0 << 1;
        QTest::newRow("uid beyond 32 bits")
            << header + "0 5 600 10 1 1 0 99999999999 0 0 0 0 0 5 0 0\n" << 0 << 1;
        // The kernel's own lines take a quick path; anything else the general one. Both agree.
        QTest::newRow("widest numbers")
            << header + "4294967295 2147483647 7777 18446744073709551615 2147483647 2147483647 "
                        "18446744073709551615 4294967295 4294967295 4294967295 4294967295 "
                        "9223372036854775807 9223372036854775807 9223372036854775807 "
                        "18446744073709551615 18446744073709551615\n"
            << 1 << 0;
        QTest::newRow("size past 64 bits")
            << header + "0 5 600 18446744073709551616 1 1 0 0 0 0 0 0 0 5 0 0\n" << 0 << 1;
        QTest::newRow("shmid past int") << header + "0 2147483648 600 10 1 1 0 0 0 0 0 0 0 5 0 0\n"
                                        << 0 << 1;
        QTest::newRow("perms past 07777") << header + "0 5 17777 10 1 1 0 0 0 0 0 0 0 5 0 0\n"
                                          << 0 << 1;
        QTest::newRow("signed pid, tabs, leading zeros")
            << header + "0\t5 0600 10 1 1 0 0 0 0 0 0 0 5 0 0\n"
                        "0 6 600 10 -1 1 0 0 0 0 0 0 0 5 0 0\n"
                        "0 7 600 0010 1 1 0 0 0 0 0 0 0 5 0 0\n"
                        "0 8 600 10 1 +1 0 0 0 0 0 0 0 5 0 0\n"
            << 3 << 1;
        QTest::newRow("carriage return") << header + "0 5 600 10 1 1 0 0 0 0 0 0 0 5 0 0\r\n"
                                         << 0 << 1;
        QTest::newRow("blank lines") << header + "\n   \n" + good + "\n" << 1 << 0;
        QTest::newRow("sorted by shmid")
            << header + "0 9 600 10 1 1 0 0 0 0 0 0 0 5 0 0\n0 3 600 10 1 1 0 0 0 0 0 0 0 5 0 0\n"
            << 2 << 0;
    }
    void parser()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, count);
        QFETCH(int, skipped);
        int bad = -1;
        auto segments = shm::parseProcSysvipcShm(std::string_view(text.constData(), text.size()),
                                                 &bad);
        QCOMPARE(int(segments.size()), count);
        QCOMPARE(bad, skipped);
        QVERIFY(std::is_sorted(segments.begin(), segments.end(),
                               [](auto &a, auto &b) { return a.shmid < b.shmid; }));
    }

    void parserReadsEveryField()
    {
        const std::string text = "key shmid perms size cpid lpid nattch uid gid cuid cgid atime "
                                 "dtime ctime rss swap\n"
                                 "-1 32769 3640 123456789012 100 200 3 1000 1001 1002 1003 "
                                 "1700000000 1700000100 1700000200 8192 4096\n";
        auto segments = shm::parseProcSysvipcShm(text);
        QCOMPARE(segments.size(), 1u);
        const shm::SegmentInfo &s = segments.front();
        QCOMPARE(s.key, -1);
        QCOMPARE(s.shmid, 32769);
        QCOMPARE(s.mode, 03640u);
        QVERIFY(s.isMarkedForDestruction());
        QVERIFY(s.isLocked());
        QCOMPARE(s.perms(), 0640u);
        QCOMPARE(s.size, 123456789012u);
        QCOMPARE(s.cpid, 100);
        QCOMPARE(s.lpid, 200);
        QCOMPARE(s.nattch, 3u);
        QCOMPARE(s.uid, 1000u);
        QCOMPARE(s.gid, 1001u);
        QCOMPARE(s.cuid, 1002u);
        QCOMPARE(s.cgid, 1003u);
        QCOMPARE(s.atime, 1700000000);
        QCOMPARE(s.dtime, 1700000100);
        QCOMPARE(s.ctime, 1700000200);
        QCOMPARE(s.rss, 8192u);
        QCOMPARE(s.swap, 4096u);

        // The same line padded as the kernel pads it, the key written unsigned (the quick path):
        // the same segment.
        const std::string padded
            = "       key      shmid perms                  size  cpid  lpid nattch   uid   gid  "
              "cuid  cgid      atime      dtime      ctime                   rss                  "
              "swap\n"
              "4294967295      32769  3640          123456789012   100   200      3  1000  1001  "
              "1002  1003 1700000000 1700000100 1700000200                  8192                  "
              "4096\n";
        auto again = shm::parseProcSysvipcShm(padded);
        QCOMPARE(again.size(), 1u);
        QVERIFY(again.front() == s);
    }

    // Numbers of every length the quick path takes (and the first it leaves to the general
    // one), wherever the padding puts them: read as they are written.
    void parserReadsNumbersOfEveryLength()
    {
        const std::string digits = "9876543210123456789012";
        for (std::size_t length = 1; length <= 20; ++length) {
            for (int padding = 1; padding <= 9; ++padding) {
                const std::string number = digits.substr(0, length);
                const std::string pad(std::size_t(padding), ' ');
                const std::string text = "key shmid\n" + pad + "7 5 600" + pad + number
                                         + " 1 1 0 0 0 0 0" + pad + number.substr(0, 18) + " 0 5"
                                         + pad + number + " 0\n";
                int skipped = -1;
                const auto segments = shm::parseProcSysvipcShm(text, &skipped);
                const bool fits = length < 20; // 98765432101234567890 is past 2^64
                QVERIFY2(int(segments.size()) == (fits ? 1 : 0), text.c_str());
                QCOMPARE(skipped, fits ? 0 : 1);
                if (!fits)
                    continue;
                const std::uint64_t value = std::stoull(number);
                QCOMPARE(segments.front().key, 7);
                QCOMPARE(segments.front().size, value);
                QCOMPARE(segments.front().rss, value);
                QCOMPARE(std::uint64_t(segments.front().atime), std::stoull(number.substr(0, 18)));
            }
        }
    }

    void formatting()
    {
        QCOMPARE(shm::formatKey(0x162e), std::string("0x0000162e"));
        QCOMPARE(shm::formatKey(-1), std::string("0xffffffff"));
        QCOMPARE(shm::permString(0640), std::string("rw-r-----"));
        QCOMPARE(shm::permString(03777), std::string("rwxrwxrwx"));
        QCOMPARE(shm::octalPerms(01600), std::string("0600"));
        QCOMPARE(shm::humanSize(512), std::string("512 B"));
        QCOMPARE(shm::humanSize(4096), std::string("4 KiB"));
        QCOMPARE(shm::humanSize(1536 * 1024), std::string("1.5 MiB"));
        QCOMPARE(shm::humanSize(~std::uint64_t(0)), std::string("16 EiB")); // default SHMMAX
    }
};

QTEST_GUILESS_MAIN(TestCoreListing)
#include "tst_corelisting.moc"
