// Value scans on real segments: a child process keeps a counter among decoys of the same value;
// a first scan for the value finds them all, and narrowing (increased, then equals V+1) leaves
// the counter alone, in either byte order and for floats. Sparse SHM_NORESERVE segments stay
// their size whatever is scanned for, 0 included; the value parser refuses what does not fit
// the type; a scan stops when cancelled. The Scan panel does the same through its widgets.

#include "core/attachment.h"
#include "core/memoryaccess.h"
#include "core/valuescan.h"
#include "support/testsegment.h"
#include "ui/memory/bytesource.h"
#include "ui/memory/hexview.h"
#include "ui/memory/memoryview.h"
#include "ui/memory/scanpanel.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QtTest>

#include <bit>
#include <cerrno>
#include <cstring>
#include <map>
#include <memory>
#include <poll.h>
#include <sys/shm.h>
#include <unistd.h>

using shm::ScanBits;
using shm::ScanFormat;
using shm::ScanNarrow;
using shm::ScanOrder;
using shm::ScanType;
using shm::ValueScan;

Q_DECLARE_METATYPE(shm::ScanType)
Q_DECLARE_METATYPE(shm::ScanOrder)

namespace {

// `bits` plus `delta`, in the type's arithmetic (floats as numbers, integers wrapping).
ScanBits plus(ScanType type, ScanBits bits, int delta)
{
    if (type == ScanType::Float32)
        return std::bit_cast<std::uint32_t>(std::bit_cast<float>(std::uint32_t(bits)) + float(delta));
    if (type == ScanType::Float64)
        return std::bit_cast<ScanBits>(std::bit_cast<double>(bits) + double(delta));
    const unsigned width = shm::scanTypeWidth(type);
    const ScanBits mask = width == 8 ? ~ScanBits(0) : (ScanBits(1) << (8 * width)) - 1;
    return (bits + ScanBits(std::int64_t(delta))) & mask;
}

double asDouble(ScanType type, ScanBits bits)
{
    return type == ScanType::Float32 ? double(std::bit_cast<float>(std::uint32_t(bits)))
                                     : std::bit_cast<double>(bits);
}

// A child process holding the segment read-write: on each request it adds 1 to the counter,
// 2 to a decoy that rises faster and -1 to one that falls, then answers.
class CounterChild
{
public:
    CounterChild(int shmid, const ScanFormat &format, std::uint64_t counter, std::uint64_t up,
                 std::uint64_t down)
    {
        if (pipe(m_requests) != 0 || pipe(m_answers) != 0)
            return;
        const int requests = m_requests[0], answers = m_answers[1];
        m_child = std::make_unique<shmtest::ChildProcess>([=] {
            auto attached = shm::Attachment::attach(shmid, shm::Access::ReadWrite);
            if (!attached)
                return;
            std::byte *data = attached->writableData();
            const auto bump = [&](std::uint64_t at, int delta) {
                const ScanBits now = shm::loadScanValue(format, data + at);
                shm::storeScanValue(format, plus(format.type, now, delta), data + at);
            };
            char c = 'r';
            [[maybe_unused]] auto ready = write(answers, &c, 1);
            while (read(requests, &c, 1) == 1) {
                bump(counter, 1);
                bump(up, 2);
                bump(down, -1);
                [[maybe_unused]] auto n = write(answers, &c, 1);
            }
        });
        close(m_requests[0]);
        close(m_answers[1]);
        m_requests[0] = m_answers[1] = -1;
    }
    ~CounterChild()
    {
        for (int fd : {m_requests[1], m_answers[0]})
            if (fd >= 0)
                close(fd);
    }
    // Waits for the child's answer (its start, or a step done).
    bool answered()
    {
        pollfd p{m_answers[0], POLLIN, 0};
        char c;
        return poll(&p, 1, 10000) == 1 && read(m_answers[0], &c, 1) == 1;
    }
    bool step()
    {
        const char c = 's';
        return write(m_requests[1], &c, 1) == 1 && answered();
    }

private:
    int m_requests[2] = {-1, -1};
    int m_answers[2] = {-1, -1};
    std::unique_ptr<shmtest::ChildProcess> m_child;
};

std::vector<std::uint64_t> offsetsOf(const ValueScan &scan, std::uint64_t limit = 100)
{
    std::vector<std::uint64_t> offsets;
    scan.forEach(limit, [&](std::uint64_t offset, ScanBits) { offsets.push_back(offset); });
    return offsets;
}

// The segment's layout in the counter tests: the counter, four decoys that keep the starting
// value, one that rises and one that falls; across three 1 MiB scan windows.
constexpr std::uint64_t CounterSegment = std::uint64_t(3) << 20;
constexpr std::uint64_t CounterAt = (std::uint64_t(2) << 20) + 0x1238;
constexpr std::uint64_t RisingAt = 0x4000;
constexpr std::uint64_t FallingAt = (std::uint64_t(1) << 20) + 0x88;
constexpr std::uint64_t StillAt[] = {0x100, 0x2000, (std::uint64_t(1) << 20) - 8,
                                     CounterSegment - 8};

// Writes `value` at the counter's place and at every decoy's.
bool plantCounter(int shmid, const ScanFormat &format, ScanBits value)
{
    auto writer = shm::Attachment::attach(shmid, shm::Access::ReadWrite);
    if (!writer)
        return false;
    for (std::uint64_t at : StillAt)
        shm::storeScanValue(format, value, writer->writableData() + at);
    for (std::uint64_t at : {CounterAt, RisingAt, FallingAt})
        shm::storeScanValue(format, value, writer->writableData() + at);
    return true;
}

} // namespace

class TestValueScan : public QObject
{
    Q_OBJECT
private slots:
    void counterNarrowsToOne_data()
    {
        QTest::addColumn<ScanType>("type");
        QTest::addColumn<ScanOrder>("order");
        QTest::addColumn<QString>("start");
        QTest::newRow("int32, little endian") << ScanType::Int32 << ScanOrder::Little << "1234";
        QTest::newRow("int32, big endian") << ScanType::Int32 << ScanOrder::Big << "1234";
        QTest::newRow("float64, little endian") << ScanType::Float64 << ScanOrder::Little
                                                << "1234.5";
        QTest::newRow("float64, big endian") << ScanType::Float64 << ScanOrder::Big << "-0.25";
        QTest::newRow("float32, big endian") << ScanType::Float32 << ScanOrder::Big << "2.5";
        QTest::newRow("uint16, big endian") << ScanType::UInt16 << ScanOrder::Big << "4660";
        QTest::newRow("int64, little endian") << ScanType::Int64 << ScanOrder::Little << "-77";
        QTest::newRow("int8") << ScanType::Int8 << ScanOrder::Little << "-3";
        QTest::newRow("uint64, big endian") << ScanType::UInt64 << ScanOrder::Big
                                            << "18446744073709551000";
    }

    // First scan "equals V" finds the counter and every decoy; after one increment,
    // "increased" keeps the counter and the rising decoy, and "equals V+1" the counter alone.
    void counterNarrowsToOne()
    {
        QFETCH(ScanType, type);
        QFETCH(ScanOrder, order);
        QFETCH(QString, start);
        const ScanFormat format{type, order, 0};
        const auto value = shm::parseScanValue(type, start.toStdString());
        QVERIFY2(value, value ? "" : value.error().english().c_str());

        shmtest::TestSegment segment(CounterSegment);
        QVERIFY2(segment.isValid(), segment.error().c_str());
        QVERIFY(plantCounter(segment.shmid(), format, *value));
        CounterChild child(segment.shmid(), format, CounterAt, RisingAt, FallingAt);
        QVERIFY(child.answered());

        auto viewer = shm::Attachment::attach(segment.shmid(), shm::Access::ReadOnly);
        QVERIFY(viewer);
        const auto access = shm::MemoryAccess::forAttachment(*viewer);

        auto first = ValueScan::first(access, format, *value);
        QVERIFY2(first, first ? "" : first.error().english().c_str());
        QCOMPARE(first->scan.count(), std::uint64_t(std::size(StillAt) + 3));
        std::vector<std::uint64_t> expected(std::begin(StillAt), std::end(StillAt));
        expected.insert(expected.end(), {CounterAt, RisingAt, FallingAt});
        std::sort(expected.begin(), expected.end());
        QCOMPARE(offsetsOf(first->scan), expected);

        QVERIFY(child.step());
        auto increased = first->scan.narrow(access, ScanNarrow::Increased);
        QVERIFY(increased);
        QCOMPARE(offsetsOf(increased->scan), (std::vector<std::uint64_t>{RisingAt, CounterAt}));
        const ScanBits next = plus(type, *value, 1);
        auto equals = increased->scan.narrow(access, ScanNarrow::Equals, next);
        QVERIFY(equals);
        QCOMPARE(offsetsOf(equals->scan), std::vector<std::uint64_t>{CounterAt});
        QCOMPARE(equals->scan.scanCount(), 3u);
        // The candidate keeps the value it had at this scan.
        equals->scan.forEach(1, [&](std::uint64_t, ScanBits kept) { QCOMPARE(kept, next); });

        // Changed after a step, unchanged without one, and not decreased.
        QVERIFY(child.step());
        auto changed = equals->scan.narrow(access, ScanNarrow::Changed);
        QVERIFY(changed);
        QCOMPARE(changed->scan.count(), std::uint64_t(1));
        auto unchanged = changed->scan.narrow(access, ScanNarrow::Unchanged);
        QVERIFY(unchanged);
        QCOMPARE(unchanged->scan.count(), std::uint64_t(1));
        auto decreased = unchanged->scan.narrow(access, ScanNarrow::Decreased);
        QVERIFY(decreased);
        QCOMPARE(decreased->scan.count(), std::uint64_t(0));

        // The falling decoy, from the first scan: decreased twice.
        auto fell = first->scan.narrow(access, ScanNarrow::Decreased);
        QVERIFY(fell);
        QCOMPARE(offsetsOf(fell->scan), std::vector<std::uint64_t>{FallingAt});
    }

    // Alignment 1 finds a copy at an odd offset that the type's alignment skips.
    void alignmentOneFindsOddOffsets()
    {
        shmtest::TestSegment segment(8192);
        QVERIFY(segment.isValid());
        const ScanFormat aligned{ScanType::Int32, ScanOrder::Little, 0};
        {
            auto writer = shm::Attachment::attach(segment.shmid(), shm::Access::ReadWrite);
            QVERIFY(writer);
            shm::storeScanValue(aligned, 0x01020304, writer->writableData() + 0x40);
            shm::storeScanValue(aligned, 0x01020304, writer->writableData() + 0x1001);
            // The last bytes: a value ending at the segment's end.
            shm::storeScanValue(aligned, 0x01020304, writer->writableData() + 8192 - 4);
        }
        auto viewer = shm::Attachment::attach(segment.shmid(), shm::Access::ReadOnly);
        QVERIFY(viewer);
        const auto access = shm::MemoryAccess::forAttachment(*viewer);
        auto byType = ValueScan::first(access, aligned, 0x01020304);
        QVERIFY(byType);
        QCOMPARE(offsetsOf(byType->scan), (std::vector<std::uint64_t>{0x40, 8192 - 4}));
        auto everyByte = ValueScan::first(access, {ScanType::Int32, ScanOrder::Little, 1},
                                          0x01020304);
        QVERIFY(everyByte);
        QCOMPARE(offsetsOf(everyByte->scan),
                 (std::vector<std::uint64_t>{0x40, 0x1001, 8192 - 4}));
        auto badAlignment = ValueScan::first(access, {ScanType::Int32, ScanOrder::Little, 3}, 1);
        QVERIFY(!badAlignment);
        QCOMPARE(badAlignment.error().kind, shm::ErrorKind::BadInput);
    }

    void matchesANaiveScan_data()
    {
        QTest::addColumn<ScanType>("type");
        QTest::addColumn<ScanOrder>("order");
        QTest::addColumn<unsigned>("alignment");
        QTest::addColumn<QString>("value");
        using T = ScanType;
        const ScanOrder L = ScanOrder::Little, B = ScanOrder::Big;
        QTest::newRow("int32 LE every offset, planted") << T::Int32 << L << 1u << "4660";
        QTest::newRow("int32 LE every offset, 0") << T::Int32 << L << 1u << "0";
        QTest::newRow("int16 BE by 2, planted") << T::Int16 << B << 2u << "4660";
        QTest::newRow("int16 BE by 8, 0") << T::Int16 << B << 8u << "0";
        QTest::newRow("uint8 every offset, 0x34") << T::UInt8 << L << 0u << "0x34";
        QTest::newRow("uint8 by 4, 0") << T::UInt8 << L << 4u << "0";
        QTest::newRow("int64 aligned, 0") << T::Int64 << L << 0u << "0";
        QTest::newRow("float32 aligned, -0 (matches +0)") << T::Float32 << L << 0u << "-0";
        QTest::newRow("float64 every offset, 0") << T::Float64 << B << 1u << "0";
    }

    // On a sparse segment with resident and untouched pages side by side, values across their
    // boundaries included, the scan and its narrowing find exactly what a byte-by-byte scan of
    // a copy finds (the copy read through MemoryAccess, untouched pages given as zeros).
    void matchesANaiveScan()
    {
        QFETCH(ScanType, type);
        QFETCH(ScanOrder, order);
        QFETCH(unsigned, alignment);
        QFETCH(QString, value);
        const ScanFormat format{type, order, alignment};
        const auto parsed = shm::parseScanValue(type, value.toStdString());
        QVERIFY(parsed);
        const std::uint64_t page = shm::MemoryAccess::pageSize();
        const std::uint64_t size = 40 * page - 3; // a segment that ends inside a page
        shmtest::TestSegment segment(size, 0600, 0, SHM_NORESERVE);
        QVERIFY2(segment.isValid(), segment.error().c_str());
        auto writer = shm::Attachment::attach(segment.shmid(), shm::Access::ReadWrite);
        QVERIFY(writer);
        std::byte *data = writer->writableData();
        // Resident pages 1, 2, 5 and 39 with some bytes; the rest stays untouched.
        std::uint32_t seed = 12345;
        for (std::uint64_t p : {1, 2, 5})
            for (std::uint64_t i = 0; i < page; i += 7) {
                seed = seed * 1103515245 + 12345;
                data[p * page + i] = std::byte(seed >> 24);
            }
        data[39 * page] = std::byte(0x34);
        // The value planted at the end of a resident page, running into an untouched one, and
        // at the segment's last bytes.
        std::byte planted[8];
        shm::storeScanValue(format, *parsed, planted);
        const unsigned width = format.width();
        std::memcpy(data + 3 * page - width / 2, planted, width / 2 ? width / 2 : 1);
        std::memcpy(data + 6 * page - 2, planted, std::min(width, 2u));
        std::memcpy(data + size - width, planted, width);

        const auto naive = [&](const std::vector<std::byte> &copy) {
            std::vector<std::pair<std::uint64_t, ScanBits>> found;
            for (std::uint64_t at = 0; at + width <= size; at += format.stride())
                found.push_back({at, shm::loadScanValue(format, copy.data() + at)});
            return found;
        };
        auto viewer = shm::Attachment::attach(segment.shmid(), shm::Access::ReadOnly);
        QVERIFY(viewer);
        const auto access = shm::MemoryAccess::forAttachment(*viewer);
        const auto copyOf = [&] {
            std::vector<std::byte> copy(size);
            access.read(0, copy.data(), size);
            return copy;
        };
        const std::uint64_t resident = shmtest::residentBytes(segment.shmid());
        const auto before = naive(copyOf());
        // Floats compare as numbers: a zero of either sign matches both.
        const ScanBits noSign = ~(ScanBits(1) << (8 * width - 1));
        const bool floatZero = shm::scanTypeIsFloat(type) && (*parsed & noSign) == 0;
        const auto equalsValue = [&](ScanBits bits) {
            return floatZero ? (bits & noSign) == 0 : bits == *parsed;
        };
        std::vector<std::pair<std::uint64_t, ScanBits>> expected;
        for (const auto &[at, bits] : before)
            if (equalsValue(bits))
                expected.push_back({at, bits});
        auto first = ValueScan::first(access, format, *parsed);
        QVERIFY(first);
        std::vector<std::pair<std::uint64_t, ScanBits>> got;
        first->scan.forEach(~std::uint64_t(0), [&](std::uint64_t at, ScanBits bits) {
            got.push_back({at, bits});
        });
        QCOMPARE(got.size(), expected.size());
        QVERIFY(got == expected);
        QCOMPARE(shmtest::residentBytes(segment.shmid()), resident);

        // Change some of them, one in an untouched page (which the write makes resident), and
        // narrow: increased and changed agree with the copies before and after.
        for (std::uint64_t at : {std::uint64_t(0), 3 * page - width / 2, 20 * page + 8, size - width})
            data[at + (order == ScanOrder::Little ? width - 1 : 0)] = std::byte(0x41);
        const auto after = naive(copyOf());
        std::map<std::uint64_t, ScanBits> now(after.begin(), after.end());
        for (ScanNarrow how : {ScanNarrow::Changed, ScanNarrow::Increased, ScanNarrow::Unchanged}) {
            auto narrowed = first->scan.narrow(access, how);
            QVERIFY(narrowed);
            std::vector<std::pair<std::uint64_t, ScanBits>> kept, want;
            narrowed->scan.forEach(~std::uint64_t(0), [&](std::uint64_t at, ScanBits bits) {
                kept.push_back({at, bits});
            });
            for (const auto &[at, bits] : expected) {
                const ScanBits n = now[at];
                const bool keep = how == ScanNarrow::Changed ? n != bits
                    : how == ScanNarrow::Unchanged           ? n == bits
                    : shm::scanTypeIsFloat(type) ? asDouble(type, n) > asDouble(type, bits)
                    : (type == ScanType::Int8 || type == ScanType::Int16 || type == ScanType::Int32
                       || type == ScanType::Int64)
                    ? std::stoll(shm::formatScanValue(type, n)) > std::stoll(shm::formatScanValue(type, bits))
                    : n > bits;
                if (keep)
                    want.push_back({at, n});
            }
            QVERIFY2(kept == want, qPrintable(QStringLiteral("%1: %2 kept, %3 expected")
                                                  .arg(int(how)).arg(kept.size()).arg(want.size())));
        }
    }

    void parseChecksRanges_data()
    {
        QTest::addColumn<ScanType>("type");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<QString>("said"); // accepted: formatScanValue; refused: in the message
        using T = ScanType;
        QTest::newRow("int8 127") << T::Int8 << "127" << true << "127";
        QTest::newRow("int8 -128") << T::Int8 << "-128" << true << "-128";
        QTest::newRow("int8 300") << T::Int8 << "300" << false
                                  << "The value 300 is out of range for int8: it must be from "
                                     "-128 to 127.";
        QTest::newRow("int8 -129") << T::Int8 << "-129" << false << "-128 to 127";
        QTest::newRow("uint8 255") << T::UInt8 << "255" << true << "255";
        QTest::newRow("uint8 0xff") << T::UInt8 << "0xff" << true << "255";
        QTest::newRow("uint8 256") << T::UInt8 << "256" << false << "uint8: it must be from 0 to 255";
        QTest::newRow("uint8 -1") << T::UInt8 << "-1" << false << "uint8: it must be from 0 to 255";
        QTest::newRow("int16 32768") << T::Int16 << "32768" << false << "-32768 to 32767";
        QTest::newRow("int16 -32768") << T::Int16 << "-32768" << true << "-32768";
        QTest::newRow("uint16 65536") << T::UInt16 << "65536" << false << "0 to 65535";
        QTest::newRow("int32 2147483648") << T::Int32 << "2147483648" << false
                                          << "-2147483648 to 2147483647";
        QTest::newRow("int32 -1") << T::Int32 << " -1 " << true << "-1";
        QTest::newRow("uint32 4294967296") << T::UInt32 << "4294967296" << false
                                           << "0 to 4294967295";
        QTest::newRow("uint32 4294967295") << T::UInt32 << "4294967295" << true << "4294967295";
        QTest::newRow("int64 min") << T::Int64 << "-9223372036854775808" << true
                                   << "-9223372036854775808";
        QTest::newRow("int64 max + 1") << T::Int64 << "9223372036854775808" << false
                                       << "9223372036854775807";
        QTest::newRow("uint64 max") << T::UInt64 << "18446744073709551615" << true
                                    << "18446744073709551615";
        QTest::newRow("uint64 max + 1") << T::UInt64 << "18446744073709551616" << false
                                        << "18446744073709551615";
        QTest::newRow("uint64 -5") << T::UInt64 << "-5" << false << "uint64";
        QTest::newRow("int32 words") << T::Int32 << "twelve" << false << "not a whole number";
        QTest::newRow("int32 fraction") << T::Int32 << "1.5" << false << "not a whole number";
        QTest::newRow("float32 1.5") << T::Float32 << "1.5" << true << "1.5";
        QTest::newRow("float32 3.5e38") << T::Float32 << "3.5e38" << false << "3.40282";
        QTest::newRow("float64 1e400") << T::Float64 << "1e400" << false << "1.79769";
        QTest::newRow("float64 -0") << T::Float64 << "-0" << true << "-0";
        QTest::newRow("float64 words") << T::Float64 << "pi" << false << "pi";
    }

    void parseChecksRanges()
    {
        QFETCH(ScanType, type);
        QFETCH(QString, text);
        QFETCH(bool, accepted);
        QFETCH(QString, said);
        const auto parsed = shm::parseScanValue(type, text.toStdString());
        QCOMPARE(parsed.ok(), accepted);
        if (accepted) {
            QCOMPARE(QString::fromStdString(shm::formatScanValue(type, *parsed)), said);
        } else {
            QCOMPARE(parsed.error().kind, shm::ErrorKind::BadInput);
            const QString message = QString::fromStdString(parsed.error().english());
            QVERIFY2(message.contains(said), qPrintable(message));
        }
    }

    // nan equals nothing: scanning for it is refused, with the reason.
    void nanIsRefused()
    {
        shmtest::TestSegment segment(4096);
        QVERIFY(segment.isValid());
        auto viewer = shm::Attachment::attach(segment.shmid(), shm::Access::ReadOnly);
        QVERIFY(viewer);
        const auto nan = shm::parseScanValue(ScanType::Float64, "nan");
        QVERIFY(nan);
        auto scan = ValueScan::first(shm::MemoryAccess::forAttachment(*viewer),
                                     {ScanType::Float64, ScanOrder::Little, 0}, *nan);
        QVERIFY(!scan);
        QVERIFY(QString::fromStdString(scan.error().english()).contains("nan equals nothing"));
        QVERIFY(!ValueScan().narrow(shm::MemoryAccess::forAttachment(*viewer),
                                    ScanNarrow::Changed));
    }

    // A 1 GiB SHM_NORESERVE segment with three values written: a scan for the value finds
    // them and reads no untouched page, nor does narrowing.
    void sparseScanKeepsResidentSize()
    {
        const std::uint64_t size = std::uint64_t(1) << 30;
        shmtest::TestSegment segment(size, 0600, 0, SHM_NORESERVE);
        if (!segment.isValid())
            QSKIP(segment.error().c_str());
        const ScanFormat format{ScanType::UInt32, ScanOrder::Little, 0};
        const std::vector<std::uint64_t> written = {0x10, size / 2 + 0x124, size - 4};
        {
            auto writer = shm::Attachment::attach(segment.shmid(), shm::Access::ReadWrite);
            QVERIFY(writer);
            for (std::uint64_t at : written)
                shm::storeScanValue(format, 7777, writer->writableData() + at);
        }
        const std::uint64_t before = shmtest::residentBytes(segment.shmid());
        QCOMPARE(before, 3 * shm::MemoryAccess::pageSize());
        auto viewer = shm::Attachment::attach(segment.shmid(), shm::Access::ReadOnly);
        QVERIFY(viewer);
        const auto access = shm::MemoryAccess::forAttachment(*viewer);

        auto first = ValueScan::first(access, format, 7777);
        QVERIFY(first);
        QCOMPARE(offsetsOf(first->scan), written);
        QCOMPARE(first->report.bytesScanned + first->report.untouchedBytes, size - 3);
        QVERIFY(first->report.untouchedBytes >= size - 4 * shm::MemoryAccess::pageSize());
        auto unchanged = first->scan.narrow(access, ScanNarrow::Unchanged);
        QVERIFY(unchanged);
        QCOMPARE(unchanged->scan.count(), std::uint64_t(3));
        auto eight = first->scan.narrow(access, ScanNarrow::Equals, 8888);
        QVERIFY(eight);
        QCOMPARE(eight->scan.count(), std::uint64_t(0));
        QCOMPARE(shmtest::residentBytes(segment.shmid()), before);
    }

    // V == 0 on a sparse segment: every untouched offset matches, held as a few runs (not one
    // entry per offset), without reading a page; then narrowing "changed" after one write
    // finds the written place.
    void sparseScanForZero()
    {
        const std::uint64_t size = std::uint64_t(1) << 30;
        shmtest::TestSegment segment(size, 0600, 0, SHM_NORESERVE);
        if (!segment.isValid())
            QSKIP(segment.error().c_str());
        const ScanFormat format{ScanType::Int32, ScanOrder::Little, 0};
        auto writer = shm::Attachment::attach(segment.shmid(), shm::Access::ReadWrite);
        QVERIFY(writer);
        shm::storeScanValue(format, 5, writer->writableData() + 0x3000);
        const std::uint64_t before = shmtest::residentBytes(segment.shmid());
        auto viewer = shm::Attachment::attach(segment.shmid(), shm::Access::ReadOnly);
        QVERIFY(viewer);
        const auto access = shm::MemoryAccess::forAttachment(*viewer);

        auto zeros = ValueScan::first(access, format, 0);
        QVERIFY(zeros);
        QCOMPARE(zeros->scan.count(), size / 4 - 1);
        QVERIFY2(zeros->scan.runs().size() <= 2,
                 qPrintable(QString::number(zeros->scan.runs().size())));
        QCOMPARE(shmtest::residentBytes(segment.shmid()), before);

        const std::uint64_t at = size / 3 / 4 * 4;
        shm::storeScanValue(format, 9, writer->writableData() + at);
        const std::uint64_t afterWrite = shmtest::residentBytes(segment.shmid());
        auto changed = zeros->scan.narrow(access, ScanNarrow::Changed);
        QVERIFY(changed);
        QCOMPARE(offsetsOf(changed->scan), std::vector<std::uint64_t>{at});
        auto stillZero = zeros->scan.narrow(access, ScanNarrow::Unchanged);
        QVERIFY(stillZero);
        QCOMPARE(stillZero->scan.count(), size / 4 - 2);
        QCOMPARE(shmtest::residentBytes(segment.shmid()), afterWrite);
    }

    // A SHM_HUGETLB segment past the free huge pages: the pages that fault (SIGBUS) are left
    // out and counted, never taken for zeros, and the scan goes on.
    void faultingPagesAreLeftOut()
    {
        const shmtest::HugeTlbSegment segment(4, 1);
        if (!segment.whyNot().empty())
            QSKIP(segment.whyNot().c_str());
        const std::uint64_t huge = segment.hugePageSize();
        const int shmid = segment.shmid();
        const ScanFormat format{ScanType::Int32, ScanOrder::Little, 0};
        {
            auto writer = shm::Attachment::attach(shmid, shm::Access::ReadWrite);
            QVERIFY(writer);
            shm::storeScanValue(format, 4242, writer->writableData() + 16); // takes the free page
        }
        auto reader = shm::Attachment::attach(shmid);
        QVERIFY(reader);
        const auto access = shm::MemoryAccess::forAttachment(*reader);
        QVERIFY(access.isHugeTlb());
        auto found = ValueScan::first(access, format, 4242);
        QVERIFY(found);
        QCOMPARE(offsetsOf(found->scan), std::vector<std::uint64_t>{16});
        QVERIFY(found->report.unreadableBytes >= 3 * huge - 8);
        auto zeros = ValueScan::first(access, format, 0);
        QVERIFY(zeros);
        QCOMPARE(zeros->scan.count(), huge / 4 - 1);
        auto narrowed = zeros->scan.narrow(access, ScanNarrow::Unchanged);
        QVERIFY(narrowed);
        QCOMPARE(narrowed->scan.count(), huge / 4 - 1);
    }

    // Scattered matches beyond the limit are refused with a sentence that says what to do.
    void tooManyMatchesIsRefused()
    {
        const std::uint64_t size = 2 * ValueScan::MaxRuns + 4096;
        shmtest::TestSegment segment(size);
        QVERIFY(segment.isValid());
        {
            auto writer = shm::Attachment::attach(segment.shmid(), shm::Access::ReadWrite);
            QVERIFY(writer);
            for (std::uint64_t i = 1; i < size; i += 2)
                writer->writableData()[i] = std::byte(1);
        }
        auto viewer = shm::Attachment::attach(segment.shmid(), shm::Access::ReadOnly);
        QVERIFY(viewer);
        const auto access = shm::MemoryAccess::forAttachment(*viewer);
        auto zeros = ValueScan::first(access, {ScanType::UInt8, ScanOrder::Little, 0}, 0);
        QVERIFY(!zeros);
        QCOMPARE(zeros.error().kind, shm::ErrorKind::LimitReached);
        QVERIFY(QString::fromStdString(zeros.error().english()).startsWith("Too many matches"));
        // The same bytes as uint16: one value, one run.
        auto pairs = ValueScan::first(access, {ScanType::UInt16, ScanOrder::Big, 0}, 1);
        QVERIFY(pairs);
        QCOMPARE(pairs->scan.count(), size / 2);
        QCOMPARE(pairs->scan.runs().size(), std::size_t(1));
    }

    // Cancelled from the progress callback, a scan stops at once and gives no candidates.
    void cancelStopsTheScan()
    {
        const std::uint64_t size = std::uint64_t(64) << 20;
        shmtest::TestSegment segment(size);
        QVERIFY(segment.isValid());
        auto viewer = shm::Attachment::attach(segment.shmid(), shm::Access::ReadWrite);
        QVERIFY(viewer);
        std::memset(viewer->writableData(), 0, size); // resident
        const auto access = shm::MemoryAccess::forAttachment(*viewer);
        const ScanFormat format{ScanType::Int32, ScanOrder::Little, 0};
        int calls = 0;
        std::uint64_t lastDone = 0, lastTotal = 0;
        const auto stopAtThree = [&](std::uint64_t done, std::uint64_t total) {
            lastDone = done;
            lastTotal = total;
            return ++calls < 3;
        };
        auto first = ValueScan::first(access, format, 0, stopAtThree);
        QVERIFY(first);
        QVERIFY(first->report.cancelled);
        QCOMPARE(calls, 3);
        QVERIFY(lastDone < lastTotal);
        QCOMPARE(first->scan.count(), std::uint64_t(0));

        auto whole = ValueScan::first(access, format, 0);
        QVERIFY(whole);
        QCOMPARE(whole->scan.count(), size / 4);
        calls = 0;
        auto narrowed = whole->scan.narrow(access, ScanNarrow::Unchanged, 0, stopAtThree);
        QVERIFY(narrowed);
        QVERIFY(narrowed->report.cancelled);
        QCOMPARE(calls, 3);
    }

    // --- the Scan panel ---

    // The results model under QAbstractItemModelTester, fed by real scans.
    void resultsModelPassesTheTester()
    {
        BufferByteSource source(64 * 1024);
        const ScanFormat format{ScanType::Int16, ScanOrder::Little, 0};
        for (std::uint64_t at : {0x10, 0x200, 0x202, 0x8000})
            QVERIFY(source.write(at, reinterpret_cast<const std::byte *>("\x07\x00"), 2));
        ScanResultsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSource(&source);
        auto first = ValueScan::first(source.memoryAccess(), format, 7);
        QVERIFY(first);
        model.setScan(std::make_shared<const ValueScan>(first->scan));
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.data(model.index(1, ScanResultsModel::OffsetColumn)).toString(),
                 QStringLiteral("0x200"));
        QCOMPARE(model.data(model.index(1, ScanResultsModel::ValueColumn)).toString(),
                 QStringLiteral("7"));
        QCOMPARE(model.data(model.index(1, ScanResultsModel::PreviousColumn)).toString(),
                 QStringLiteral("7"));
        QCOMPARE(model.offsetAt(3), quint64(0x8000));
        // Live: a changed value shows at the next refresh, the previous value stays.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(source.write(0x200, reinterpret_cast<const std::byte *>("\x09\x00"), 2));
        model.refreshRows(0, model.rowCount() - 1);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
        QCOMPARE(model.data(model.index(1, ScanResultsModel::ValueColumn)).toString(),
                 QStringLiteral("9"));
        QCOMPARE(model.data(model.index(1, ScanResultsModel::PreviousColumn)).toString(),
                 QStringLiteral("7"));
        model.refreshRows(0, model.rowCount() - 1);
        QCOMPARE(changed.count(), 1); // nothing new
        auto narrowed = first->scan.narrow(source.memoryAccess(), ScanNarrow::Changed);
        QVERIFY(narrowed);
        model.setScan(std::make_shared<const ValueScan>(narrowed->scan));
        QCOMPARE(model.rowCount(), 1);
        // Beyond MaxRows candidates, the first MaxRows are shown; the count is all of them.
        auto zeros = ValueScan::first(source.memoryAccess(), format, 0);
        QVERIFY(zeros);
        model.setScan(std::make_shared<const ValueScan>(zeros->scan));
        QCOMPARE(model.rowCount(), ScanResultsModel::MaxRows);
        QCOMPARE(model.candidateCount(), quint64(32 * 1024 - 4)); // all but the four values
        QCOMPARE(model.offsetAt(0), quint64(0));
        model.setScan(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }

    // The panel driven through its widgets on a segment whose counter a child process
    // increments: First Scan, Next Scan "increased", Next Scan "equals", one row, and a
    // double-click selects the value in the hex view.
    void panelNarrowsThroughTheWidgets()
    {
        shmtest::TestSegment segment(CounterSegment);
        QVERIFY(segment.isValid());
        const ScanFormat format{ScanType::Int32, ScanOrder::Big, 0};
        QVERIFY(plantCounter(segment.shmid(), format, 500));
        CounterChild child(segment.shmid(), format, CounterAt, RisingAt, FallingAt);
        QVERIFY(child.answered());
        auto attached = shm::Attachment::attach(segment.shmid(), shm::Access::ReadOnly);
        QVERIFY(attached);
        MemoryView view(std::move(attached.value()));
        view.resize(1000, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));

        QAction *show = view.action(MemoryView::ActionId::ScanValues);
        QVERIFY(show);
        QCOMPARE(show->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+V")));
        show->trigger();
        auto *panel = view.findChild<ScanPanel *>();
        QVERIFY(panel);
        QVERIFY(panel->isVisible());
        auto *type = panel->findChild<QComboBox *>(QStringLiteral("scanType"));
        auto *order = panel->findChild<QComboBox *>(QStringLiteral("scanOrder"));
        auto *valueEdit = panel->findChild<QLineEdit *>(QStringLiteral("scanValue"));
        auto *firstButton = panel->findChild<QPushButton *>(QStringLiteral("firstScan"));
        auto *nextButton = panel->findChild<QPushButton *>(QStringLiteral("nextScan"));
        auto *how = panel->findChild<QComboBox *>(QStringLiteral("scanNarrow"));
        auto *reset = panel->findChild<QPushButton *>(QStringLiteral("resetScan"));
        auto *status = panel->findChild<QLabel *>(QStringLiteral("scanStatus"));
        auto *table = panel->findChild<QTableView *>(QStringLiteral("scanResults"));
        QVERIFY(type && order && valueEdit && firstButton && nextButton && how && reset
                && status && table);
        QVERIFY(!nextButton->isEnabled());
        QAbstractItemModelTester tester(table->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);

        type->setCurrentIndex(type->findData(int(ScanType::Int32)));
        order->setCurrentIndex(order->findData(int(ScanOrder::Big)));
        // Out of range: refused with the reason, nothing scanned.
        valueEdit->clear();
        QTest::keyClicks(valueEdit, QStringLiteral("99999999999"));
        QTest::mouseClick(firstButton, Qt::LeftButton);
        QVERIFY2(status->text().contains(QStringLiteral("out of range for int32")),
                 qPrintable(status->text()));
        QVERIFY(!nextButton->isEnabled());

        valueEdit->clear();
        QTest::keyClicks(valueEdit, QStringLiteral("500"));
        QTest::keyClick(valueEdit, Qt::Key_Return); // Enter is First Scan before one is made
        QTRY_COMPARE(table->model()->rowCount(), int(std::size(StillAt) + 3));
        QCOMPARE(status->text(), QStringLiteral("%1 matches").arg(std::size(StillAt) + 3));
        QVERIFY(nextButton->isEnabled());
        QVERIFY(!type->isEnabled()); // fixed until Reset

        QVERIFY(child.step());
        how->setCurrentIndex(how->findData(int(ScanNarrow::Increased)));
        QVERIFY(!valueEdit->isEnabled()); // no value needed
        QTest::mouseClick(nextButton, Qt::LeftButton);
        QTRY_COMPARE(table->model()->rowCount(), 2);
        how->setCurrentIndex(how->findData(int(ScanNarrow::Equals)));
        QVERIFY(valueEdit->isEnabled());
        valueEdit->clear();
        QTest::keyClicks(valueEdit, QStringLiteral("501"));
        QTest::mouseClick(nextButton, Qt::LeftButton);
        QTRY_COMPARE(table->model()->rowCount(), 1);
        // "1 match" once the English plural catalogue has the sentence.
        QVERIFY2(status->text().startsWith(QStringLiteral("1 match")), qPrintable(status->text()));
        const QModelIndex offset = table->model()->index(0, ScanResultsModel::OffsetColumn);
        QCOMPARE(offset.data().toString(), QStringLiteral("0x%1").arg(CounterAt, 0, 16));

        // Live: the next step shows in the row without a scan.
        QVERIFY(child.step());
        const QModelIndex now = table->model()->index(0, ScanResultsModel::ValueColumn);
        QTRY_COMPARE(now.data().toString(), QStringLiteral("502"));
        QCOMPARE(table->model()->index(0, ScanResultsModel::PreviousColumn).data().toString(),
                 QStringLiteral("501"));

        // Double-click: the value's four bytes selected, the cursor on the first.
        const QRect cell = table->visualRect(offset);
        // The press of a double-click is sent on its own, as a mouse does.
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(view.hexView()->selectionStart(), quint64(CounterAt));
        QCOMPARE(view.hexView()->selectionLength(), quint64(4));
        QCOMPARE(view.hexView()->cursorOffset(), quint64(CounterAt));

        QTest::mouseClick(reset, Qt::LeftButton);
        QCOMPARE(table->model()->rowCount(), 0);
        QVERIFY(type->isEnabled());
        QVERIFY(!nextButton->isEnabled());
    }

    // Esc cancels a scan in the middle: the candidates stay as they were.
    void panelScanCancels()
    {
        const std::uint64_t size = std::uint64_t(256) << 20;
        shmtest::TestSegment segment(size);
        QVERIFY(segment.isValid());
        {
            auto writer = shm::Attachment::attach(segment.shmid(), shm::Access::ReadWrite);
            QVERIFY(writer);
            std::memset(writer->writableData(), 1, size);
        }
        auto attached = shm::Attachment::attach(segment.shmid(), shm::Access::ReadOnly);
        QVERIFY(attached);
        MemoryView view(std::move(attached.value()));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.action(MemoryView::ActionId::ScanValues)->trigger();
        auto *panel = view.findChild<ScanPanel *>();
        QVERIFY(panel);
        auto *valueEdit = panel->findChild<QLineEdit *>(QStringLiteral("scanValue"));
        auto *status = panel->findChild<QLabel *>(QStringLiteral("scanStatus"));
        auto *type = panel->findChild<QComboBox *>(QStringLiteral("scanType"));
        type->setCurrentIndex(type->findData(int(ScanType::UInt8)));
        panel->findChild<QComboBox *>(QStringLiteral("scanAlignment"))->setCurrentIndex(0);
        valueEdit->setText(QStringLiteral("2"));
        // Cancelled from the task's first progress tick, before the scan can end.
        bool cancelled = false;
        panel->startFirstScan();
        MemoryTask *task = view.currentTask();
        QVERIFY(task);
        connect(task, &MemoryTask::finished, this, [&](bool wasCancelled) { cancelled = wasCancelled; });
        QTest::keyClick(valueEdit, Qt::Key_Escape);
        QTRY_VERIFY(!view.currentTask());
        QVERIFY(cancelled);
        QVERIFY2(status->text().contains(QStringLiteral("cancelled")), qPrintable(status->text()));
        QCOMPARE(panel->findChild<QTableView *>(QStringLiteral("scanResults"))->model()->rowCount(),
                 0);
    }
};

QTEST_MAIN(TestValueScan)
#include "tst_valuescan.moc"
