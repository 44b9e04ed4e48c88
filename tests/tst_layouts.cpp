// C layouts over real segments: a C program (layouts/layoutwriter.c) writes a known struct
// record (layouts/record.h: nested structs, arrays of structs, unions, bitfields, packed and
// #pragma pack structs, typedefs, enums, an anonymous union, 64-bit extremes) into a segment of
// its own; the core and `shmscope --dump` read it back through the header (libclang) and
// through the program's own debug info (libdw), and must show what it wrote, where the
// compiler put it.

#include "core/attachment.h"
#include "core/clanglayout.h"
#include "core/dwarflayout.h"
#include "core/layout.h"
#include "core/layoutfile.h"
#include "core/layoutvalues.h"
#include "core/memoryaccess.h"
#include "core/segmentlist.h"
#include "support/programrun.h"
#include "support/testsegment.h"

#include "layouts/record.h"

#include <QDeadlineTimer>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cstddef>
#include <cstring>
#include <sys/shm.h>

using namespace shmtest;
namespace layout = shm::layout;

namespace {

const QString Header = QStringLiteral(SHMTEST_LAYOUTS_DIR "/record.h");
const QString Writer = QStringLiteral(SHMTEST_LAYOUTWRITER);
const QString ObjectFile = QStringLiteral(SHMTEST_LAYOUTOBJECT); // layoutwriter.c, not linked

// The writer, running: its segment (marked for removal, so it goes with the writer) holds a
// struct record at `offset`. Closing its input ends it.
class WriterProcess
{
public:
    WriterProcess(std::uint64_t offset, std::uint64_t size = 8192)
    {
        m_process.start(Writer, {QString::number(offset), QString::number(size)});
        QByteArray line;
        QDeadlineTimer deadline(30000);
        while (!line.contains('\n') && !deadline.hasExpired()
               && m_process.state() != QProcess::NotRunning) {
            m_process.waitForReadyRead(100);
            line += m_process.readAllStandardOutput();
        }
        bool ok = false;
        m_shmid = line.trimmed().toInt(&ok);
        if (!ok)
            m_shmid = -1;
    }
    ~WriterProcess()
    {
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(30000))
            m_process.kill();
        m_process.waitForFinished(30000);
    }
    int shmid() const { return m_shmid; }
    qint64 pid() const { return m_process.processId(); }

private:
    QProcess m_process;
    int m_shmid = -1;
};

struct Expected
{
    QString value; // as JSON, exactly
    std::uint64_t offset; // from the struct's start
    QString enumerator = {}; // enums: the JSON of "enumerator"
    int bitOffset = -1; // bitfields
    int bits = 0;
};

// What the writer wrote, leaf by leaf, and where the compiler put each (offsetof; the bitfields
// as the x86-64 ABI packs them).
QMap<QString, Expected> expectedLeaves()
{
    QMap<QString, Expected> e;
    const auto at = [](std::size_t offset) { return static_cast<std::uint64_t>(offset); };
    e["magic"] = {"3237998146", at(offsetof(record, magic))};
    e["name"] = {"\"shm-record\"", at(offsetof(record, name))};
    for (int i = 0; i < NPOINTS; ++i) {
        const std::uint64_t base = offsetof(record, pts) + i * sizeof(point_t);
        e[QStringLiteral("pts[%1].x").arg(i)] = {QString::number(2 * i + 1), base};
        e[QStringLiteral("pts[%1].y").arg(i)] = {QString::number(-(2 * i + 2)), base + 4};
    }
    e["val.i"] = {"4612811918334230528", at(offsetof(record, val))};
    e["val.d"] = {"2.5", at(offsetof(record, val))};
    for (int i = 0; i < 8; ++i)
        e[QStringLiteral("val.raw[%1]").arg(i)] = {i == 6       ? "4"
                                                       : i == 7 ? "64"
                                                                : "0",
                                                   at(offsetof(record, val)) + i};
    const std::uint64_t flags = offsetof(record, flags);
    e["flags.ready"] = {"1", flags, {}, 0, 1};
    e["flags.mode"] = {"5", flags, {}, 1, 3};
    e["flags.level"] = {"-7", flags, {}, 4, 5};
    e["flags.wide"] = {"737894404660", flags + 8, {}, 0, 40};
    e["flags.tail"] = {"99", flags + 13, {}, 0, 7};
    e["color"] = {"-4", at(offsetof(record, color)), "\"BLUE\""};
    e["big"] = {"4294967295", at(offsetof(record, big)), "\"BIG_TOP\""};
    const std::uint64_t pair = offsetof(record, pair);
    e["pair.tag"] = {"7", pair + offsetof(packed_pair, tag)};
    e["pair.word"] = {"3735928559", pair + offsetof(packed_pair, word)};
    e["pair.half"] = {"48879", pair + offsetof(packed_pair, half)};
    const std::uint64_t pp = offsetof(record, pp);
    e["pp.c"] = {"122", pp + offsetof(pragma_packed, c)};
    e["pp.d"] = {"-1.25", pp + offsetof(pragma_packed, d)};
    e["pp.s"] = {"-300", pp + offsetof(pragma_packed, s)};
    for (int i = 0; i < 4; ++i)
        e[QStringLiteral("stats.counts[%1]").arg(i)]
            = {QString::number(10 * (i + 1)), at(offsetof(record, stats)) + 2 * i};
    e["stats.total"] = {"-9000000000", at(offsetof(record, stats.total))};
    e["f"] = {"1.5", at(offsetof(record, f))};
    e["bits"] = {"1069547520", at(offsetof(record, bits))};
    e["deltas[0]"] = {"-1", at(offsetof(record, deltas))};
    e["deltas[1]"] = {"0", at(offsetof(record, deltas)) + 1};
    e["deltas[2]"] = {"127", at(offsetof(record, deltas)) + 2};
    e["huge"] = {"18446744073709551615", at(offsetof(record, huge))};
    e["negative"] = {"-9223372036854775808", at(offsetof(record, negative))};
    e["ok"] = {"true", at(offsetof(record, ok))};
    for (int i = 0; i < 3; ++i) {
        e[QStringLiteral("grid[0][%1]").arg(i)]
            = {QString::number(i + 1), at(offsetof(record, grid)) + 2 * i};
        e[QStringLiteral("grid[1][%1]").arg(i)]
            = {QString::number(-(i + 4)), at(offsetof(record, grid)) + 6 + 2 * i};
    }
    e["ptr"] = {"78187493520", at(offsetof(record, ptr))};
    e["ld"] = {"3.25", at(offsetof(record, ld))};
    return e;
}

// One JSON field line of --dump's output, its keys to their raw JSON values (numbers exactly as
// printed: QJsonDocument would read them as doubles).
QMap<QString, QString> fieldKeys(const QString &line)
{
    static const QRegularExpression key(
        QStringLiteral("\"([a-z_]+)\": (\"(?:[^\"\\\\]|\\\\.)*\"|[^,}]+)"));
    QMap<QString, QString> keys;
    for (auto it = key.globalMatch(line); it.hasNext();) {
        const auto m = it.next();
        keys[m.captured(1)] = m.captured(2);
    }
    return keys;
}

QString unquoted(const QString &json)
{
    return json.size() >= 2 && json.startsWith('"') ? json.mid(1, json.size() - 2) : json;
}

ProgramRun dump(const QStringList &arguments)
{
    return runProgram(qEnvironmentVariable("SHMSCOPE_BINARY"),
                      QStringList {QStringLiteral("--dump")} + arguments);
}

std::uint64_t rssOf(int shmid)
{
    const auto segments = shm::listSegmentsFromProc();
    if (segments) {
        for (const shm::SegmentInfo &info : *segments) {
            if (info.shmid == shmid)
                return info.rss;
        }
    }
    return ~std::uint64_t(0);
}

} // namespace

class TestLayouts : public QObject
{
    Q_OBJECT

private slots:
    void dumpShowsWhatTheProgramWrote_data();
    void dumpShowsWhatTheProgramWrote();
    void coreReadsWhatTheProgramWrote_data();
    void coreReadsWhatTheProgramWrote();
    void textTableIsAligned();
    void typeListsAndOrder();
    void attachersExecutablesHaveTheTypes();
    void typePastTheEndChangesNothing_data();
    void typePastTheEndChangesNothing();
    void untouchedPagesAreNotRead();
    void faultsAreValues();
    void leafReaderEdges();
    void jsonStringsAreValid();
    void clangFeatures();
};

void TestLayouts::dumpShowsWhatTheProgramWrote_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("type");
    QTest::addColumn<quint64>("offset");
    // Offsets the struct's alignment allows (the writer stores through a struct pointer);
    // 4080 puts it across a page boundary.
    for (const quint64 offset : {quint64(0), quint64(256), quint64(4080)}) {
        QTest::addRow("header, struct record at %llu", offset)
            << Header << QStringLiteral("struct record") << offset;
        QTest::addRow("debug info, struct record at %llu", offset)
            << Writer << QStringLiteral("struct record") << offset;
    }
    QTest::addRow("object file's debug info, struct record at 256")
        << ObjectFile << QStringLiteral("struct record") << quint64(256);
    QTest::addRow("header, bare tag") << Header << QStringLiteral("record") << quint64(16);
    QTest::addRow("debug info, bare tag") << Writer << QStringLiteral("record") << quint64(16);
}

void TestLayouts::dumpShowsWhatTheProgramWrote()
{
    QFETCH(QString, file);
    QFETCH(QString, type);
    QFETCH(quint64, offset);
    WriterProcess writer(offset);
    QVERIFY(writer.shmid() >= 0);
    const ProgramRun run = dump({QString::number(writer.shmid()), QStringLiteral("--layout"), file,
                                 QStringLiteral("--type"), type, QStringLiteral("--offset"),
                                 QString::number(offset), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(run.err.isEmpty());
    const QStringList lines = run.outText().split('\n', Qt::SkipEmptyParts);
    QVERIFY(lines.size() > 2);
    QCOMPARE(lines.first(),
             QStringLiteral("{\"type\": \"struct record\", \"size\": %1, \"fields\": [")
                 .arg(sizeof(record)));
    QCOMPARE(lines.last(), QStringLiteral("]}"));

    const QMap<QString, Expected> expected = expectedLeaves();
    QStringList seen;
    for (int i = 1; i + 1 < lines.size(); ++i) {
        const QMap<QString, QString> keys = fieldKeys(lines[i]);
        const QString path = unquoted(keys.value("path"));
        seen << path;
        QVERIFY2(expected.contains(path), qPrintable("unexpected leaf " + lines[i]));
        const Expected &want = expected[path];
        QVERIFY2(keys.value("value") == want.value, qPrintable(lines[i]));
        QCOMPARE(keys.value("offset").toULongLong(), offset + want.offset);
        if (!want.enumerator.isEmpty())
            QCOMPARE(keys.value("enumerator"), want.enumerator);
        else
            QVERIFY(!keys.contains("enumerator"));
        if (want.bitOffset >= 0) {
            QCOMPARE(keys.value("bit_offset").toInt(), want.bitOffset);
            QCOMPARE(keys.value("bits").toInt(), want.bits);
        } else {
            QVERIFY(!keys.contains("bits"));
        }
    }
    QCOMPARE(seen.size(), expected.size());
    // Memory order within each struct: offsets never go back, except across a union's members.
    QCOMPARE(seen.first(), QStringLiteral("magic"));
    QCOMPARE(seen.last(), QStringLiteral("ld"));
}

void TestLayouts::coreReadsWhatTheProgramWrote_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("elf");
    QTest::newRow("header") << Header << false;
    QTest::newRow("debug info") << Writer << true;
    QTest::newRow("object file's debug info") << ObjectFile << true;
}

void TestLayouts::coreReadsWhatTheProgramWrote()
{
    QFETCH(QString, file);
    QFETCH(bool, elf);
    const auto kind = layout::layoutFileKind(file.toStdString());
    QVERIFY(kind.ok());
    QCOMPARE(*kind == layout::FileKind::Elf, elf);
    const auto source = layout::openLayoutFile(file.toStdString());
    QVERIFY2(source.ok(), source.ok() ? "" : source.error().describe().c_str());
    const auto type = (*source)->type("struct record");
    QVERIFY(type.ok());
    QCOMPARE((*type)->size, sizeof(record));
    QCOMPARE((*type)->kind, layout::Kind::Struct);

    constexpr std::uint64_t Base = 512;
    WriterProcess writer(Base);
    QVERIFY(writer.shmid() >= 0);
    auto attachment = shm::Attachment::attach(writer.shmid(), shm::Access::ReadOnly);
    QVERIFY(attachment.ok());
    const shm::MemoryAccess memory = shm::MemoryAccess::forAttachment(*attachment);
    const layout::Leaves leaves = layout::leavesOf(*type, Base);
    QVERIFY(!leaves.cut);
    const QMap<QString, Expected> expected = expectedLeaves();
    QCOMPARE(qsizetype(leaves.leaves.size()), expected.size());
    for (const layout::Leaf &leaf : leaves.leaves) {
        const QString path = QString::fromStdString(leaf.path);
        QVERIFY2(expected.contains(path), qPrintable(path));
        std::vector<std::byte> bytes(leaf.size);
        const auto report = memory.read(leaf.offset, bytes.data(), leaf.size);
        QVERIFY(report.complete());
        const auto value = layout::readLeaf(leaf, bytes.data(), bytes.size());
        QVERIFY(value.ok());
        QCOMPARE(QString::fromStdString(layout::valueJson(*value)), expected[path].value);
        QCOMPARE(leaf.offset, Base + expected[path].offset);
        // Fewer bytes than the leaf needs: an error, never a read past them.
        QVERIFY(!layout::readLeaf(leaf, bytes.data(), bytes.size() - 1).ok());
    }
    // The same through readLeaves, in one copy of the type.
    const auto readings = layout::readLeaves(memory, leaves.leaves, Base, (*type)->size);
    QCOMPARE(readings.size(), leaves.leaves.size());
    for (std::size_t i = 0; i < readings.size(); ++i) {
        QVERIFY(readings[i].value.has_value());
        QCOMPARE(QString::fromStdString(layout::valueJson(*readings[i].value)),
                 expected[QString::fromStdString(leaves.leaves[i].path)].value);
    }
}

void TestLayouts::textTableIsAligned()
{
    WriterProcess writer(0);
    QVERIFY(writer.shmid() >= 0);
    const ProgramRun run
        = dump({QString::number(writer.shmid()), QStringLiteral("--layout"), Header,
                QStringLiteral("--type"), QStringLiteral("struct record")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QStringList lines = run.outText().split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.value(0),
             QStringLiteral("struct record (%1 bytes) at offset 0 of shmid %2")
                 .arg(sizeof(record))
                 .arg(writer.shmid()));
    const qsizetype valueColumn = lines.value(1).indexOf(QLatin1String("value"));
    QVERIFY(valueColumn > 0);
    const qsizetype typeColumn = lines.value(1).indexOf(QLatin1String("type"));
    QMap<QString, QString> values;
    for (qsizetype i = 2; i < lines.size(); ++i) {
        const QString &line = lines[i];
        QVERIFY2(line.size() > valueColumn && line[valueColumn - 1] == ' '
                     && line[valueColumn] != ' ' && line[typeColumn - 1] == ' ',
                 qPrintable(line));
        values[line.section(' ', 0, 0)] = line.mid(valueColumn);
    }
    QCOMPARE(values.value("pts[1].y"), QStringLiteral("-4"));
    QCOMPARE(values.value("name"), QStringLiteral("\"shm-record\""));
    QCOMPARE(values.value("color"), QStringLiteral("BLUE (-4)"));
    QCOMPARE(values.value("ptr"), QStringLiteral("0x1234567890"));
    QCOMPARE(values.value("huge"), QStringLiteral("18446744073709551615"));
}

void TestLayouts::typeListsAndOrder()
{
    for (const QString &file : {Header, Writer}) {
        const auto source = layout::openLayoutFile(file.toStdString());
        QVERIFY(source.ok());
        const std::vector<layout::TypeSummary> types = (*source)->types();
        const auto has = [&](const std::string &name, std::uint64_t size) {
            return std::any_of(types.begin(), types.end(), [&](const layout::TypeSummary &t) {
                return t.name == name && t.size == size;
            });
        };
        QVERIFY(has("struct record", sizeof(record)));
        QVERIFY(has("point_t", sizeof(point_t)));
        QVERIFY(has("union value", sizeof(value)));
        QVERIFY(has("enum color", sizeof(color)));
        QVERIFY(has("struct packed_pair", 7));
        QVERIFY(has("struct pragma_packed", sizeof(pragma_packed)));
        QVERIFY(std::is_sorted(types.begin(), types.end(),
                               [](const auto &a, const auto &b) { return a.name < b.name; }));
        // For a 64-byte segment: what fits first, the largest first.
        const auto ordered = layout::orderForSegment(types, 64);
        bool fitting = true;
        for (std::size_t i = 0; i < ordered.size(); ++i) {
            if (ordered[i].size > 64)
                fitting = false;
            QVERIFY2(fitting == (ordered[i].size <= 64), ordered[i].name.c_str());
            if (i > 0 && fitting)
                QVERIFY(ordered[i - 1].size >= ordered[i].size);
        }
        QVERIFY(!fitting); // struct record is larger
        // An unknown name lists the types there are.
        const auto unknown = (*source)->type("struct nothing");
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().kind, shm::ErrorKind::NotFound);
        QVERIFY2(unknown.error().english().find("struct record") != std::string::npos,
                 unknown.error().english().c_str());
    }
}

void TestLayouts::attachersExecutablesHaveTheTypes()
{
    WriterProcess writer(0);
    QVERIFY(writer.shmid() >= 0);
    const auto programs = layout::attacherPrograms(writer.shmid(), 8192);
    const auto mine
        = std::find_if(programs.begin(), programs.end(),
                       [&](const layout::AttacherProgram &p) { return p.pid == writer.pid(); });
    QVERIFY(mine != programs.end());
    QCOMPARE(QString::fromStdString(mine->path), QStringLiteral("/proc/%1/exe").arg(writer.pid()));
    const auto source = layout::openLayoutFile(mine->path);
    QVERIFY(source.ok());
    const auto type = (*source)->type("point_t");
    QVERIFY(type.ok());
    QCOMPARE((*type)->size, sizeof(point_t));
    QCOMPARE((*type)->fields.size(), std::size_t(2));
    QCOMPARE((*type)->fields[1].name, std::string("y"));
    QCOMPARE((*type)->fields[1].offset, offsetof(point_t, y));
}

void TestLayouts::typePastTheEndChangesNothing_data()
{
    QTest::addColumn<QString>("offset");
    QTest::newRow("runs past the end") << QString::number(8192 - sizeof(record) + 1);
    QTest::newRow("starts at the end") << QStringLiteral("8192");
    QTest::newRow("starts past the end") << QStringLiteral("0x10000");
    QTest::newRow("huge offset") << QStringLiteral("0xffffffffffffffff");
}

void TestLayouts::typePastTheEndChangesNothing()
{
    QFETCH(QString, offset);
    WriterProcess writer(0);
    QVERIFY(writer.shmid() >= 0);
    struct shmid_ds before
    {
    };
    QCOMPARE(shmctl(writer.shmid(), IPC_STAT, &before), 0);
    const ProgramRun run = dump({QString::number(writer.shmid()), QStringLiteral("--layout"),
                                 Header, QStringLiteral("--type"), QStringLiteral("struct record"),
                                 QStringLiteral("--offset"), offset});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.errText().contains(
                 QLatin1String("runs past the end of the segment, which is 8192 bytes")),
             run.err.constData());
    struct shmid_ds after
    {
    };
    QCOMPARE(shmctl(writer.shmid(), IPC_STAT, &after), 0);
    // Refused before attaching: not even the attach time changed.
    QCOMPARE(after.shm_atime, before.shm_atime);
    QCOMPARE(after.shm_nattch, before.shm_nattch);
}

void TestLayouts::untouchedPagesAreNotRead()
{
    // 64 MiB, with the struct written 32 MiB in: the pages before it were never touched.
    constexpr std::uint64_t Size = 64u << 20;
    WriterProcess writer(Size / 2, Size);
    QVERIFY(writer.shmid() >= 0);
    const std::uint64_t rss = rssOf(writer.shmid());
    QVERIFY(rss < Size / 8);
    for (const QString &offset : {QStringLiteral("0"), QString::number(Size / 4)}) {
        const ProgramRun run
            = dump({QString::number(writer.shmid()), QStringLiteral("--layout"), Header,
                    QStringLiteral("--type"), QStringLiteral("struct record"),
                    QStringLiteral("--offset"), offset, QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.outText().contains(
            QLatin1String("\"path\": \"magic\", \"offset\": " + offset.toLatin1()
                          + ", \"size\": 4, \"type\": \"uint32_t\", \"value\": 0}")));
        QVERIFY(run.outText().contains(QLatin1String("\"path\": \"name\"")));
    }
    // A span above 16 MiB is read leaf by leaf: a struct whose only member, the record, lies
    // 32 MiB in, placed at 0.
    const auto source = layout::openLayoutFile(Header.toStdString());
    QVERIFY(source.ok());
    const auto recordType = (*source)->type("struct record");
    QVERIFY(recordType.ok());
    auto outer = std::make_shared<layout::Type>();
    outer->kind = layout::Kind::Struct;
    outer->name = "struct far";
    outer->size = Size / 2 + sizeof(struct record);
    outer->fields.push_back({"r", Size / 2, 0, 0, *recordType});
    auto attachment = shm::Attachment::attach(writer.shmid(), shm::Access::ReadOnly);
    QVERIFY(attachment.ok());
    const layout::Leaves leaves = layout::leavesOf(outer, 0);
    const auto readings = layout::readLeaves(shm::MemoryAccess::forAttachment(*attachment),
                                             leaves.leaves, 0, outer->size);
    const QMap<QString, Expected> expected = expectedLeaves();
    QCOMPARE(qsizetype(readings.size()), expected.size());
    for (std::size_t i = 0; i < readings.size(); ++i) {
        const QString path = QString::fromStdString(leaves.leaves[i].path).mid(2); // "r."
        QVERIFY(readings[i].value.has_value());
        QCOMPARE(QString::fromStdString(layout::valueJson(*readings[i].value)),
                 expected[path].value);
    }
    QCOMPARE(rssOf(writer.shmid()), rss);
    // And where it was written, the values.
    const ProgramRun run
        = dump({QString::number(writer.shmid()), QStringLiteral("--layout"), Writer,
                QStringLiteral("--type"), QStringLiteral("point_t"), QStringLiteral("--offset"),
                QString::number(Size / 2 + offsetof(record, pts) + sizeof(point_t)),
                QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.outText().contains(QLatin1String("\"path\": \"y\", "))
                 && run.outText().contains(QLatin1String("\"value\": -4}")),
             run.out.constData());
}

void TestLayouts::faultsAreValues()
{
    // Huge pages past the free ones: reading one nobody touched raises SIGBUS, which --dump
    // shows as an unreadable field with the reason, and the rest is read.
    const shmtest::HugeTlbSegment segment(4, 1);
    if (!segment.whyNot().empty())
        QSKIP(segment.whyNot().c_str());
    const std::uint64_t huge = segment.hugePageSize();
    {
        auto writer = shm::Attachment::attach(segment.shmid(), shm::Access::ReadWrite);
        QVERIFY(writer.ok());
        const point_t point = {1, -2};
        std::memcpy(writer->writableData(), &point, sizeof point); // takes the free huge page
    }
    const auto run = [&](std::uint64_t offset) {
        return dump({QString::number(segment.shmid()), QStringLiteral("--layout"), Header,
                     QStringLiteral("--type"), QStringLiteral("point_t"),
                     QStringLiteral("--offset"), QString::number(offset),
                     QStringLiteral("--json")});
    };
    const ProgramRun written = run(0);
    QVERIFY2(written.exitCode == 0, written.err.constData());
    QVERIFY2(
        written.outText().contains(QLatin1String("\"path\": \"y\", \"offset\": 4, \"size\": 4, "
                                                 "\"type\": \"int32_t\", \"value\": -2}")),
        written.out.constData());
    const ProgramRun faulting = run(2 * huge + 8);
    QVERIFY2(faulting.exitCode == 0, faulting.err.constData());
    QVERIFY2(faulting.outText().contains(QLatin1String("\"value\": null, \"unreadable\": \"")),
             faulting.out.constData());
    QVERIFY2(faulting.outText().contains(QLatin1String("huge page")), faulting.out.constData());
}

void TestLayouts::leafReaderEdges()
{
    // A hand-made type: the reader alone, without a file.
    auto u8 = std::make_shared<layout::Type>();
    u8->kind = layout::Kind::Unsigned;
    u8->name = "unsigned char";
    u8->size = 1;
    auto i128 = std::make_shared<layout::Type>();
    i128->kind = layout::Kind::Signed;
    i128->isSigned = true;
    i128->name = "__int128";
    i128->size = 16;
    auto s64 = std::make_shared<layout::Type>();
    s64->kind = layout::Kind::Signed;
    s64->isSigned = true;
    s64->name = "long";
    s64->size = 8;
    auto chars = std::make_shared<layout::Type>();
    chars->kind = layout::Kind::Array;
    chars->name = "unsigned char[4]";
    chars->element = u8;
    chars->count = 4;
    chars->size = 4;
    auto outer = std::make_shared<layout::Type>();
    outer->kind = layout::Kind::Struct;
    outer->name = "struct edge";
    outer->size = 40;
    outer->fields = {{"s", 0, 0, 0, chars},
                     {"wide", 16, 0, 0, i128},
                     {"top", 32, 1, 63, s64}}; // a 63-bit signed bitfield from bit 1
    const layout::Leaves leaves = layout::leavesOf(outer, 100);
    QCOMPARE(leaves.leaves.size(), std::size_t(3));
    QCOMPARE(leaves.leaves[0].path, std::string("s"));
    QCOMPARE(leaves.leaves[0].offset, std::uint64_t(100));
    QCOMPARE(leaves.leaves[2].size, std::uint64_t(8));

    std::byte bytes[40] = {};
    const char text[] = "ab\xff";
    std::memcpy(bytes, text, 4);
    for (int i = 16; i < 32; ++i)
        bytes[i] = std::byte {0xff}; // -1 as an int128
    bytes[32] = std::byte {0xfe}; // top = all ones from bit 1 = -1
    for (int i = 33; i < 40; ++i)
        bytes[i] = std::byte {0xff};
    const auto string = layout::readLeaf(leaves.leaves[0], bytes, 4);
    QVERIFY(string.ok());
    QCOMPARE(layout::valueJson(*string), std::string("\"ab\\u00ff\""));
    QCOMPARE(layout::valueText(*string, *chars), std::string("\"ab\\xff\""));
    const auto wide = layout::readLeaf(leaves.leaves[1], bytes + 16, 16);
    QVERIFY(wide.ok());
    QCOMPARE(layout::valueJson(*wide), std::string("-1"));
    bytes[31] = std::byte {0x7f}; // the largest int128
    QCOMPARE(layout::valueJson(*layout::readLeaf(leaves.leaves[1], bytes + 16, 16)),
             std::string("170141183460469231731687303715884105727"));
    const auto top = layout::readLeaf(leaves.leaves[2], bytes + 32, 8);
    QVERIFY(top.ok());
    QCOMPARE(layout::valueJson(*top), std::string("-1"));
    // A leaf limit cuts the list and says so.
    const layout::Leaves cut = layout::leavesOf(outer, 0, 2);
    QVERIFY(cut.cut);
    QCOMPARE(cut.leaves.size(), std::size_t(2));
}

void TestLayouts::jsonStringsAreValid()
{
    QCOMPARE(layout::jsonString("a\"b\\c\n\x01"), std::string("\"a\\\"b\\\\c\\n\\u0001\""));
    QCOMPARE(layout::jsonString("\xc3\xa9t\xc3\xa9"), std::string("\"\xc3\xa9t\xc3\xa9\""));
    // Overlong, truncated and surrogate sequences are escaped byte by byte.
    QCOMPARE(layout::jsonString("\xc0\x80"), std::string("\"\\u00c0\\u0080\""));
    QCOMPARE(layout::jsonString("\xe2\x82"), std::string("\"\\u00e2\\u0082\""));
    QCOMPARE(layout::jsonString("\xed\xa0\x80"), std::string("\"\\u00ed\\u00a0\\u0080\""));
}

void TestLayouts::clangFeatures()
{
    // Macros, -D, a system include, nested named and anonymous types, a flexible array
    // member, an aligned attribute, _Atomic.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("features.h");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("#include <sys/types.h>\n"
               "#include <time.h>\n"
               "#define COUNT (2 * WIDTH)\n"
               "struct outer {\n"
               "    struct inner { short a; } in;\n"
               "    union { struct { char x, y; }; int both; };\n"
               "    _Atomic int counter;\n"
               "    int aligned __attribute__((aligned(16)));\n"
               "    struct timespec when;\n"
               "    pid_t pids[COUNT];\n"
               "    unsigned n;\n"
               "    int tail[];\n"
               "};\n");
    file.close();
    const auto source = layout::parseCFile(path.toStdString(), {"-DWIDTH=3"});
    QVERIFY2(source.ok(), source.ok() ? "" : source.error().english().c_str());
    const auto inner = (*source)->type("struct inner");
    QVERIFY(inner.ok());
    QCOMPARE((*inner)->size, std::uint64_t(2));
    QVERIFY((*source)->type("struct timespec").ok()); // from a system header, found by name
    const auto outer = (*source)->type("struct outer");
    QVERIFY(outer.ok());
    QStringList paths;
    for (const layout::Leaf &leaf : layout::leavesOf(*outer).leaves)
        paths << QString::fromStdString(leaf.path) + '@' + QString::number(leaf.offset);
    QCOMPARE(paths,
             (QStringList {"in.a@0", "x@4", "y@5", "both@4", "counter@8", "aligned@16",
                           "when.tv_sec@24", "when.tv_nsec@32", "pids[0]@40", "pids[1]@44",
                           "pids[2]@48", "pids[3]@52", "pids[4]@56", "pids[5]@60", "n@64"}));
    // Without the macro: clang's error, with its line.
    const auto broken = layout::parseCFile(path.toStdString());
    QVERIFY(!broken.ok());
    QVERIFY2(broken.error().english().find("features.h:10:") != std::string::npos,
             broken.error().english().c_str());
    QVERIFY(!layout::clangResourceDirectory().empty());
}

QTEST_GUILESS_MAIN(TestLayouts)
#include "tst_layouts.moc"
