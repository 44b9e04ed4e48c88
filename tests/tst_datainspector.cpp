// Data inspector: every conversion in both byte orders (data-driven), parsing back what a user
// types, and editing a value through the inspector on a real segment (read-only refuses).

#include "support/asuser.h"
#include "support/testsegment.h"
#include "ui/common/errortext.h"
#include "ui/memory/bytesource.h"
#include "ui/memory/datainspector.h"
#include "ui/memory/hexview.h"
#include "ui/memory/valuecodec.h"

#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>

#include <cstring>

using valuecodec::Endian;
using valuecodec::ValueType;

Q_DECLARE_METATYPE(ValueType)
Q_DECLARE_METATYPE(Endian)

class TestDataInspector : public QObject
{
    Q_OBJECT
private slots:
    void format_data();
    void format();
    void encode_data();
    void encode();
    void rejects_data();
    void rejects();
    void copyFormats();
    void inspectorFollowsCursorAndEdits();
    void inspectorOnReadOnlyViewRefuses();
};

void TestDataInspector::format_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<ValueType>("type");
    QTest::addColumn<Endian>("endian");
    QTest::addColumn<QString>("expected");
    const QByteArray b1234("\x01\x02\x03\x04\x05\x06\x07\x08", 8);
    const QByteArray ff(8, '\xff');
    QTest::newRow("int8 -1") << ff << ValueType::Int8 << Endian::Little << "-1";
    QTest::newRow("uint8 255") << ff << ValueType::UInt8 << Endian::Big << "255";
    QTest::newRow("int16 LE 0x0201") << b1234 << ValueType::Int16 << Endian::Little << "513";
    QTest::newRow("int16 BE 0x0102") << b1234 << ValueType::Int16 << Endian::Big << "258";
    QTest::newRow("int16 -1 both orders") << ff << ValueType::Int16 << Endian::Big << "-1";
    QTest::newRow("uint16 LE 0xffff") << ff << ValueType::UInt16 << Endian::Little << "65535";
    QTest::newRow("int32 LE") << b1234 << ValueType::Int32 << Endian::Little << "67305985";
    QTest::newRow("int32 BE") << b1234 << ValueType::Int32 << Endian::Big << "16909060";
    QTest::newRow("int32 min LE") << QByteArray("\x00\x00\x00\x80", 4) << ValueType::Int32 << Endian::Little << "-2147483648";
    QTest::newRow("uint32 BE max") << ff << ValueType::UInt32 << Endian::Big << "4294967295";
    QTest::newRow("int64 LE") << b1234 << ValueType::Int64 << Endian::Little << "578437695752307201";
    QTest::newRow("int64 BE") << b1234 << ValueType::Int64 << Endian::Big << "72623859790382856";
    QTest::newRow("int64 -1") << ff << ValueType::Int64 << Endian::Little << "-1";
    QTest::newRow("uint64 max") << ff << ValueType::UInt64 << Endian::Big << "18446744073709551615";
    QTest::newRow("float32 1.5 LE") << QByteArray("\x00\x00\xc0\x3f", 4) << ValueType::Float32 << Endian::Little << "1.5";
    QTest::newRow("float32 1.5 BE") << QByteArray("\x3f\xc0\x00\x00", 4) << ValueType::Float32 << Endian::Big << "1.5";
    QTest::newRow("float64 -2 LE") << QByteArray("\x00\x00\x00\x00\x00\x00\x00\xc0", 8) << ValueType::Float64 << Endian::Little << "-2";
    QTest::newRow("float64 -2 BE") << QByteArray("\xc0\x00\x00\x00\x00\x00\x00\x00", 8) << ValueType::Float64 << Endian::Big << "-2";
    // Found by fuzz_uiinput: -0.0 was shown as "0", which typed back gives other bytes.
    QTest::newRow("float64 -0 keeps its sign") << QByteArray("\x80\x00\x00\x00\x00\x00\x00\x00", 8) << ValueType::Float64 << Endian::Big << "-0";
    QTest::newRow("float32 -0 keeps its sign") << QByteArray("\x00\x00\x00\x80", 4) << ValueType::Float32 << Endian::Little << "-0";
    QTest::newRow("float64 NaN") << QByteArray("\x7f\xf8\x00\x00\x00\x00\x00\x00", 8) << ValueType::Float64 << Endian::Big << "nan";
    QTest::newRow("time_t epoch") << QByteArray(8, '\0') << ValueType::TimeT << Endian::Little << "1970-01-01T00:00:00Z";
    QTest::newRow("time_t 2^31 LE: past 2038") << QByteArray("\x00\x00\x00\x80\x00\x00\x00\x00", 8) << ValueType::TimeT << Endian::Little << "2038-01-19T03:14:08Z";
    QTest::newRow("time_t 1e9 BE") << QByteArray("\x00\x00\x00\x00\x3b\x9a\xca\x00", 8) << ValueType::TimeT << Endian::Big << "2001-09-09T01:46:40Z";
    QTest::newRow("time_t out of range") << QByteArray("\xff\xff\xff\xff\xff\xff\xff\x7f", 8) << ValueType::TimeT << Endian::Little << "out of range (9223372036854775807)";
    QTest::newRow("char printable") << QByteArray("A") << ValueType::Char << Endian::Little << "'A'";
    QTest::newRow("char newline") << QByteArray("\n") << ValueType::Char << Endian::Little << "'\\n'";
    QTest::newRow("char escaped") << QByteArray("\x90", 1) << ValueType::Char << Endian::Little << "'\\x90'";
    QTest::newRow("utf-8 ascii") << QByteArray("A") << ValueType::Utf8 << Endian::Little << "A U+0041";
    QTest::newRow("utf-8 two bytes") << QByteArray("\xc3\xa9") << ValueType::Utf8 << Endian::Little << QString::fromUtf8("\xc3\xa9 U+00E9");
    QTest::newRow("utf-8 four bytes") << QByteArray("\xf0\x9f\x98\x80") << ValueType::Utf8 << Endian::Little << QString::fromUtf8("\xf0\x9f\x98\x80 U+1F600");
    QTest::newRow("utf-8 lone continuation") << QByteArray("\x80", 1) << ValueType::Utf8 << Endian::Little << "invalid";
    QTest::newRow("utf-8 overlong") << QByteArray("\xc0\x80", 2) << ValueType::Utf8 << Endian::Little << "invalid";
    QTest::newRow("utf-8 truncated at the end") << QByteArray("\xe2\x82", 2) << ValueType::Utf8 << Endian::Little << "invalid";
    QTest::newRow("binary") << QByteArray("\x4d") << ValueType::Binary << Endian::Little << "0100 1101";
    QTest::newRow("too few bytes for int32") << QByteArray("\x01\x02", 2) << ValueType::Int32 << Endian::Little << "";
}

void TestDataInspector::format()
{
    QFETCH(QByteArray, bytes);
    QFETCH(ValueType, type);
    QFETCH(Endian, endian);
    QFETCH(QString, expected);
    QCOMPARE(valuecodec::format(type, endian, reinterpret_cast<const std::byte *>(bytes.constData()),
                                bytes.size()),
             expected);
}

void TestDataInspector::encode_data()
{
    QTest::addColumn<ValueType>("type");
    QTest::addColumn<Endian>("endian");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<QString>("shown"); // the bytes read back, as the inspector shows them
    QTest::newRow("int8 -2") << ValueType::Int8 << Endian::Little << "-2" << QByteArray("\xfe") << "-2";
    QTest::newRow("uint16 BE 0x1234") << ValueType::UInt16 << Endian::Big << "0x1234" << QByteArray("\x12\x34") << "4660";
    QTest::newRow("uint16 LE 0x1234") << ValueType::UInt16 << Endian::Little << "0x1234" << QByteArray("\x34\x12") << "4660";
    QTest::newRow("int32 LE -1") << ValueType::Int32 << Endian::Little << "-1" << QByteArray(4, '\xff') << "-1";
    QTest::newRow("int32 BE 16909060") << ValueType::Int32 << Endian::Big << "16909060" << QByteArray("\x01\x02\x03\x04") << "16909060";
    QTest::newRow("uint64 LE max") << ValueType::UInt64 << Endian::Little << "18446744073709551615" << QByteArray(8, '\xff') << "18446744073709551615";
    QTest::newRow("float32 LE 1.5") << ValueType::Float32 << Endian::Little << "1.5" << QByteArray("\x00\x00\xc0\x3f", 4) << "1.5";
    QTest::newRow("float64 BE -2") << ValueType::Float64 << Endian::Big << "-2" << QByteArray("\xc0\x00\x00\x00\x00\x00\x00\x00", 8) << "-2";
    QTest::newRow("time_t from seconds BE") << ValueType::TimeT << Endian::Big << "1000000000" << QByteArray("\x00\x00\x00\x00\x3b\x9a\xca\x00", 8) << "2001-09-09T01:46:40Z";
    QTest::newRow("time_t from ISO date LE") << ValueType::TimeT << Endian::Little << "2001-09-09T01:46:40Z" << QByteArray("\x00\xca\x9a\x3b\x00\x00\x00\x00", 8) << "2001-09-09T01:46:40Z";
    QTest::newRow("char") << ValueType::Char << Endian::Little << "Z" << QByteArray("Z") << "'Z'";
    QTest::newRow("utf-8 text") << ValueType::Utf8 << Endian::Little << QString::fromUtf8("\xc3\xa9t\xc3\xa9") << QByteArray("\xc3\xa9t\xc3\xa9") << QString::fromUtf8("\xc3\xa9 U+00E9");
    QTest::newRow("binary with space") << ValueType::Binary << Endian::Little << "0100 1101" << QByteArray("\x4d") << "0100 1101";
}

void TestDataInspector::encode()
{
    QFETCH(ValueType, type);
    QFETCH(Endian, endian);
    QFETCH(QString, text);
    QFETCH(QByteArray, expected);
    QFETCH(QString, shown);
    const auto bytes = valuecodec::encode(type, endian, text);
    QVERIFY2(bytes.ok(), bytes.ok() ? "" : bytes.error().describe().c_str());
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(bytes->data()), qsizetype(bytes->size())),
             expected);
    // What was written reads back as the value typed.
    QCOMPARE(valuecodec::format(type, endian, bytes->data(), qint64(bytes->size())), shown);
    // For the numbers, what is shown, typed back, writes the same bytes.
    if (type != ValueType::Utf8 && type != ValueType::TimeT && type != ValueType::Binary
        && type != ValueType::Char) {
        const auto again = valuecodec::encode(type, endian, shown);
        QVERIFY(again.ok());
        QCOMPARE(QByteArray(reinterpret_cast<const char *>(again->data()), qsizetype(again->size())),
                 expected);
    }
}

void TestDataInspector::rejects_data()
{
    QTest::addColumn<ValueType>("type");
    QTest::addColumn<QString>("text");
    QTest::newRow("int8 too large") << ValueType::Int8 << "128";
    QTest::newRow("uint8 negative") << ValueType::UInt8 << "-1";
    QTest::newRow("uint16 too large") << ValueType::UInt16 << "65536";
    QTest::newRow("int32 garbage") << ValueType::Int32 << "12abc";
    QTest::newRow("float not a number") << ValueType::Float64 << "one";
    QTest::newRow("float32 beyond its range") << ValueType::Float32 << "3.5e38";
    QTest::newRow("float32 below its smallest") << ValueType::Float32 << "1e-50";
    QTest::newRow("float64 beyond its range") << ValueType::Float64 << "1e400";
    QTest::newRow("time_t nonsense") << ValueType::TimeT << "yesterday";
    QTest::newRow("char two characters") << ValueType::Char << "ab";
    QTest::newRow("binary nine digits") << ValueType::Binary << "010011010";
    QTest::newRow("binary other digit") << ValueType::Binary << "0102";
    QTest::newRow("empty utf-8") << ValueType::Utf8 << "";
}

void TestDataInspector::rejects()
{
    QFETCH(ValueType, type);
    QFETCH(QString, text);
    const auto bytes = valuecodec::encode(type, Endian::Little, text);
    QVERIFY(!bytes.ok());
    QCOMPARE(bytes.error().kind, shm::ErrorKind::BadInput);
    QVERIFY(!bytes.error().english().empty());
}

void TestDataInspector::copyFormats()
{
    const QByteArray bytes("\xde\xad\xbe\xef\x00", 5);
    QCOMPARE(valuecodec::formatBytes(valuecodec::CopyFormat::HexText, bytes),
             QStringLiteral("de ad be ef 00"));
    QCOMPARE(valuecodec::formatBytes(valuecodec::CopyFormat::Base64, bytes),
             QStringLiteral("3q2+7wA="));
    QCOMPARE(valuecodec::formatBytes(valuecodec::CopyFormat::CArray, bytes),
             QStringLiteral("const unsigned char data[5] = {\n    0xde, 0xad, 0xbe, 0xef, 0x00\n};\n"));
}

void TestDataInspector::inspectorFollowsCursorAndEdits()
{
    shmtest::TestSegment segment(64);
    QVERIFY(segment.isValid());
    auto attached = shm::Attachment::attach(segment.shmid(), shm::Access::ReadWrite);
    QVERIFY(attached.ok());
    std::memcpy(attached->writableData() + 8, "\x01\x02\x03\x04", 4);
    HexView view;
    AttachmentByteSource source(std::move(attached.value()));
    view.setSource(&source);
    view.setLivePaused(true);
    DataInspector inspector;
    inspector.setHexView(&view);
    view.setCursorOffset(8);
    QCOMPARE(inspector.valueText(ValueType::Int32, Endian::Big), QStringLiteral("16909060"));
    QCOMPARE(inspector.table()->item(int(ValueType::Int32), DataInspector::LittleEndianColumn)->text(),
             QStringLiteral("67305985"));
    QCOMPARE(inspector.table()->item(int(ValueType::Int32), DataInspector::BigEndianColumn)->text(),
             QStringLiteral("16909060"));
    // Editing a cell writes the value's bytes at the cursor, as one undo step.
    inspector.table()->item(int(ValueType::UInt16), DataInspector::BigEndianColumn)->setText(QStringLiteral("0xbeef"));
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(source.constData() + 8), 4),
             QByteArray("\xbe\xef\x03\x04"));
    QCOMPARE(view.undoStack()->count(), 1);
    QCOMPARE(shmtest::readInAnotherProcess(segment.shmid(), 8, 2), QStringLiteral("beef"));
    // The value changes live: another process writes, the next tick refreshes the table.
    QCOMPARE(shmtest::writeInAnotherProcess(segment.shmid(), 8, QByteArray("\x2a\x00\x00\x00", 4)),
             QString());
    view.refreshNow();
    QCOMPARE(inspector.table()->item(int(ValueType::Int32), DataInspector::LittleEndianColumn)->text(),
             QStringLiteral("42"));
    // Bad input writes nothing and says why; typed into the table, the reason is shown.
    const auto refused = inspector.editValue(ValueType::Int8, Endian::Little, QStringLiteral("300"));
    QVERIFY(!refused);
    QVERIFY(errortext::message(refused.error()).contains(QLatin1String("int8")));
    QCOMPARE(view.undoStack()->count(), 1);
    QSignalSpy messages(&inspector, &DataInspector::message);
    inspector.table()->item(int(ValueType::Int8), 0)->setText(QStringLiteral("300"));
    QCOMPARE(messages.count(), 1);
    QCOMPARE(messages.last().at(0).toString(), errortext::message(refused.error()));
    QCOMPARE(view.undoStack()->count(), 1);
    // Near the end there is no room for wide values.
    view.setCursorOffset(62);
    QCOMPARE(inspector.valueText(ValueType::Int32, Endian::Little), QString());
    QVERIFY(!inspector.editValue(ValueType::Int32, Endian::Little, QStringLiteral("1")));
    view.setSource(nullptr);
}

void TestDataInspector::inspectorOnReadOnlyViewRefuses()
{
    shmtest::TestSegment segment(64);
    QVERIFY(segment.isValid());
    auto attached = shm::Attachment::attach(segment.shmid(), shm::Access::ReadOnly);
    QVERIFY(attached.ok());
    HexView view;
    AttachmentByteSource source(std::move(attached.value()));
    view.setSource(&source);
    view.setLivePaused(true);
    DataInspector inspector;
    inspector.setHexView(&view);
    QVERIFY(!(inspector.table()->item(int(ValueType::Int32), 0)->flags() & Qt::ItemIsEditable));
    QVERIFY(!inspector.editValue(ValueType::Int32, Endian::Little, QStringLiteral("7")));
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(source.constData()), 4), QByteArray(4, '\0'));
    view.setSource(nullptr);
}

QTEST_MAIN(TestDataInspector)
#include "tst_datainspector.moc"
