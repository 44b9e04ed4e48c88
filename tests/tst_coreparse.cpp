// The parsers of user-typed text: keys, sizes with units, modes, shmids, offsets, hex bytes,
// numbers. Good input gives the value; bad input gives a message, never a crash.

#include "core/parse.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <optional>
#include <string>

namespace {

// The table of a parser that gives a T: the text typed, whether it is accepted, and the value.
template <typename T>
void addParseColumns()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<T>("value");
}

// `parse` of the row's text is accepted as `ok` says, and then gives the row's value.
template <typename T, typename Parse>
void checkParse(Parse parse)
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(T, value);
    const auto result = parse(text.toStdString());
    QCOMPARE(result.ok(), ok);
    if (ok)
        QCOMPARE(*result, value);
}

} // namespace

class TestCoreParse : public QObject
{
    Q_OBJECT

private slots:
    void key_data()
    {
        addParseColumns<int>();
        QTest::newRow("hex") << "0x162e" << true << 0x162e;
        QTest::newRow("hex upper") << "0X162E" << true << 0x162e;
        QTest::newRow("decimal") << "5678" << true << 5678;
        QTest::newRow("spaces") << "  42 " << true << 42;
        QTest::newRow("negative") << "-1" << true << -1;
        QTest::newRow("max hex wraps like ipcs") << "0xffffffff" << true << -1;
        QTest::newRow("min") << "-2147483648" << true << std::numeric_limits<int>::min();
        QTest::newRow("too large") << "0x100000000" << false << 0;
        QTest::newRow("too negative") << "-2147483649" << false << 0;
        QTest::newRow("empty") << "" << false << 0;
        QTest::newRow("letters") << "abc" << false << 0;
        QTest::newRow("hex without digits") << "0x" << false << 0;
        QTest::newRow("trailing junk") << "12abc" << false << 0;
    }
    void key()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(int, value);
        auto key = shm::parseKey(text.toStdString());
        QCOMPARE(key.ok(), ok);
        if (ok) {
            QCOMPARE(*key, value);
        } else {
            QCOMPARE(key.error().kind, shm::ErrorKind::BadInput);
            QVERIFY(!key.error().english().empty());
        }
    }

    void size_data()
    {
        addParseColumns<quint64>();
        QTest::newRow("bytes") << "4096" << true << quint64(4096);
        QTest::newRow("KiB") << "4 KiB" << true << quint64(4096);
        QTest::newRow("k") << "4k" << true << quint64(4096);
        QTest::newRow("MiB fraction") << "1.5M" << true << quint64(1572864);
        QTest::newRow("GiB") << "2 GiB" << true << quint64(2147483648);
        QTest::newRow("MB is MiB") << "10 MB" << true << quint64(10485760);
        QTest::newRow("B") << "7 B" << true << quint64(7);
        QTest::newRow("zero") << "0" << false << quint64(0);
        QTest::newRow("zero KiB") << "0 KiB" << false << quint64(0);
        QTest::newRow("negative") << "-4" << false << quint64(0);
        QTest::newRow("unknown unit") << "4 parsecs" << false << quint64(0);
        QTest::newRow("unit only") << "KiB" << false << quint64(0);
        QTest::newRow("overflow") << "99999999999999999999" << false << quint64(0);
        QTest::newRow("overflow with unit") << "99999999999 TiB" << false << quint64(0);
        QTest::newRow("fraction of a byte") << "1.5" << false << quint64(0);
        QTest::newRow("two dots") << "1.2.3 K" << false << quint64(0);
        QTest::newRow("empty") << " " << false << quint64(0);
        // Every unit the ui writes (humanSize) or offers (the New Segment dialog), in English
        // and in French.
        const char *const english[] = {"B", "KiB", "MiB", "GiB", "TiB"};
        const char *const french[] = {"o", "Kio", "Mio", "Gio", "Tio"};
        for (int i = 0; i < 5; ++i) {
            const quint64 factor = quint64(1) << (10 * i);
            for (const char *unit : {english[i], french[i]}) {
                QTest::addRow("3 %s", unit) << QStringLiteral("3 %1").arg(QLatin1String(unit))
                                            << true << 3 * factor;
                QTest::addRow("3%s, lower case", unit)
                    << QStringLiteral("3%1").arg(QLatin1String(unit).toString().toLower())
                    << true << 3 * factor;
            }
        }
        QTest::newRow("octets") << "12 octets" << true << quint64(12);
        QTest::newRow("Ko") << "2 Ko" << true << quint64(2048);
        QTest::newRow("Mo") << "2 Mo" << true << quint64(2 << 20);
        QTest::newRow("Go") << "1 Go" << true << (quint64(1) << 30);
        QTest::newRow("French fraction") << "1.5 Kio" << true << quint64(1536);
        QTest::newRow("PiB") << "1 PiB" << true << (quint64(1) << 50);
        QTest::newRow("Eio") << "15 Eio" << true << (quint64(15) << 60);
        QTest::newRow("16 EiB is too large") << "16 EiB" << false << quint64(0);
    }
    void size()
    {
        checkParse<quint64>([](const std::string &text) { return shm::parseSize(text); });
    }

    // A number without its own unit counts in the unit given (the dialog's unit box); a unit
    // written in the text wins; a fraction of a byte is refused, never rounded.
    void sizeInUnit_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<quint64>("unit");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<quint64>("value");
        QTest::newRow("2 in KiB") << "2" << quint64(1024) << true << quint64(2048);
        QTest::newRow("1.5 in MiB") << "1.5" << quint64(1 << 20) << true << quint64(1572864);
        QTest::newRow("0.5 in KiB") << "0.5" << quint64(1024) << true << quint64(512);
        QTest::newRow("own unit wins") << "4k" << quint64(1 << 20) << true << quint64(4096);
        QTest::newRow("French unit wins") << "4 Kio" << quint64(1 << 30) << true << quint64(4096);
        QTest::newRow("0.0001 KiB: a fraction of a byte") << "0.0001" << quint64(1024) << false
                                                          << quint64(0);
        QTest::newRow("1.3 in KiB: 1331.2 bytes") << "1.3" << quint64(1024) << false
                                                  << quint64(0);
        QTest::newRow("zero in GiB") << "0" << quint64(1 << 30) << false << quint64(0);
        QTest::newRow("too large in GiB") << "99999999999" << quint64(1 << 30) << false
                                          << quint64(0);
    }
    void sizeInUnit()
    {
        QFETCH(quint64, unit);
        checkParse<quint64>([&](const std::string &text) { return shm::parseSize(text, unit); });
    }

    void projectId_data()
    {
        addParseColumns<int>();
        QTest::newRow("1") << "1" << true << 1;
        QTest::newRow("255") << "255" << true << 255;
        QTest::newRow("leading zeros") << "0065" << true << 65;
        QTest::newRow("spaces") << " 7 " << true << 7;
        QTest::newRow("letter") << "A" << true << int('A');
        QTest::newRow("digit is a number, not a character") << "5" << true << 5;
        QTest::newRow("Latin-1 letter") << "é" << true << 0xe9;
        QTest::newRow("0") << "0" << false << 0;
        QTest::newRow("256") << "256" << false << 0;
        QTest::newRow("negative") << "-3" << false << 0;
        QTest::newRow("huge") << "99999999999999999999" << false << 0;
        QTest::newRow("two letters") << "AB" << false << 0;
        QTest::newRow("beyond Latin-1") << "€" << false << 0;
        QTest::newRow("empty") << "" << false << 0;
        QTest::newRow("NUL character") << QString(QChar(0)) << false << 0;
    }
    void projectId()
    {
        checkParse<int>([](const std::string &text) { return shm::parseProjectId(text); });
    }

    void mode_data()
    {
        addParseColumns<uint>();
        QTest::newRow("0640") << "0640" << true << 0640u;
        QTest::newRow("640") << "640" << true << 0640u;
        QTest::newRow("0o600") << "0o600" << true << 0600u;
        QTest::newRow("0") << "0" << true << 0u;
        QTest::newRow("777") << "777" << true << 0777u;
        QTest::newRow("hugetlb bit 04644") << "04644" << false << 0u;
        QTest::newRow("1000") << "1000" << false << 0u;
        QTest::newRow("digit 8") << "0680" << false << 0u;
        QTest::newRow("negative") << "-1" << false << 0u;
        QTest::newRow("empty") << "" << false << 0u;
        QTest::newRow("huge") << "77777777777777777777777" << false << 0u;
    }
    void mode()
    {
        checkParse<uint>([](const std::string &text) { return shm::parseMode(text); });
    }

    void shmid_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::newRow("zero") << "0" << true;
        QTest::newRow("large") << "2147483647" << true;
        QTest::newRow("too large") << "2147483648" << false;
        QTest::newRow("negative") << "-1" << false;
        QTest::newRow("word") << "abc" << false;
        QTest::newRow("empty") << "" << false;
    }
    void shmid()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QCOMPARE(shm::parseShmid(text.toStdString()).ok(), ok);
    }

    void offset_data()
    {
        addParseColumns<quint64>();
        QTest::newRow("hex") << "0x1f0" << true << quint64(0x1f0);
        QTest::newRow("h suffix") << "1f0h" << true << quint64(0x1f0);
        QTest::newRow("decimal") << "496" << true << quint64(496);
        QTest::newRow("beyond 4 GiB") << "0x123456789a" << true << quint64(0x123456789aULL);
        QTest::newRow("max") << "0xffffffffffffffff" << true << ~quint64(0);
        QTest::newRow("overflow") << "0x10000000000000000" << false << quint64(0);
        QTest::newRow("negative") << "-5" << false << quint64(0);
        QTest::newRow("junk") << "12zz" << false << quint64(0);
    }
    void offset()
    {
        checkParse<quint64>([](const std::string &text) { return shm::parseOffset(text); });
    }

    void hexBytes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("spaced") << "de ad be ef" << true << QByteArray("\xde\xad\xbe\xef", 4);
        QTest::newRow("run") << "DEADBEEF" << true << QByteArray("\xde\xad\xbe\xef", 4);
        QTest::newRow("colons") << "de:ad" << true << QByteArray("\xde\xad", 2);
        QTest::newRow("0x groups") << "0xde 0xad" << true << QByteArray("\xde\xad", 2);
        QTest::newRow("zero byte") << "00" << true << QByteArray("\0", 1);
        QTest::newRow("newlines") << "01\n02\r\n" << true << QByteArray("\x01\x02", 2);
        QTest::newRow("odd digits") << "abc" << false << QByteArray();
        QTest::newRow("split byte") << "a b" << false << QByteArray();
        QTest::newRow("not hex") << "zz" << false << QByteArray();
        QTest::newRow("empty") << "" << false << QByteArray();
        QTest::newRow("separators only") << " : , " << false << QByteArray();
        QTest::newRow("bare 0x") << "0x" << false << QByteArray();
    }
    void hexBytes()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(QByteArray, bytes);
        auto parsed = shm::parseHexBytes(text.toStdString());
        QCOMPARE(parsed.ok(), ok);
        if (ok) {
            QCOMPARE(QByteArray(reinterpret_cast<const char *>(parsed->data()),
                                qsizetype(parsed->size())),
                     bytes);
        } else {
            QCOMPARE(parsed.error().kind, shm::ErrorKind::BadInput);
            QVERIFY(!parsed.error().english().empty());
        }
    }

    // Bounds of every sign; rows found by fuzz_userinput (a value outside a negative range was
    // accepted) are marked "fuzz".
    void integerRange_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("min");
        QTest::addColumn<qint64>("max");
        QTest::addColumn<bool>("ok");
        const qint64 lowest = std::numeric_limits<qint64>::min();
        QTest::newRow("fuzz: -128 above a negative range") << "-128" << lowest + 0xffffffff7f00fbLL
                                                           << lowest + 0x1000000000000LL << false;
        QTest::newRow("fuzz: positive in a negative range") << "5" << qint64(-10) << qint64(-1)
                                                            << false;
        QTest::newRow("negative above a negative max") << "-1" << qint64(-10) << qint64(-5)
                                                       << false;
        QTest::newRow("-0 above a negative max") << "-0" << qint64(-10) << qint64(-5) << false;
        QTest::newRow("inside a negative range") << "-7" << qint64(-10) << qint64(-5) << true;
        QTest::newRow("below a positive min") << "3" << qint64(5) << qint64(10) << false;
        QTest::newRow("negative below a positive min") << "-3" << qint64(5) << qint64(10) << false;
        QTest::newRow("inside a positive range") << "0x7" << qint64(5) << qint64(10) << true;
        QTest::newRow("huge in a negative range") << "18446744073709551615" << lowest
                                                  << qint64(-1) << false;
    }
    void integerRange()
    {
        QFETCH(QString, text);
        QFETCH(qint64, min);
        QFETCH(qint64, max);
        QFETCH(bool, ok);
        auto value = shm::parseInteger(text.toStdString(), min, max);
        QCOMPARE(value.ok(), ok);
        if (ok) {
            QVERIFY(*value >= min);
            QVERIFY(*value <= max);
        } else {
            QCOMPARE(value.error().kind, shm::ErrorKind::BadInput);
            QVERIFY(!value.error().english().empty());
        }
    }

    void integers()
    {
        QCOMPARE(*shm::parseInteger("-128", -128, 127), -128);
        QVERIFY(!shm::parseInteger("-129", -128, 127).ok());
        QVERIFY(!shm::parseInteger("128", -128, 127).ok());
        QCOMPARE(*shm::parseInteger("0x7f", -128, 127), 127);
        QCOMPARE(*shm::parseInteger("-9223372036854775808", std::numeric_limits<qint64>::min(),
                                    std::numeric_limits<qint64>::max()),
                 std::numeric_limits<qint64>::min());
        QVERIFY(!shm::parseInteger("-9223372036854775809", std::numeric_limits<qint64>::min(),
                                   std::numeric_limits<qint64>::max())
                     .ok());
        QVERIFY(!shm::parseInteger("1.5", 0, 10).ok());
        QVERIFY(!shm::parseInteger("", 0, 10).ok());
        QCOMPARE(*shm::parseUnsigned("18446744073709551615", ~quint64(0)), ~quint64(0));
        QVERIFY(!shm::parseUnsigned("256", 255).ok());
        QVERIFY(!shm::parseUnsigned("-1", 255).ok());
        QCOMPARE(*shm::parseDouble("1.5"), 1.5);
        QCOMPARE(*shm::parseDouble("-2e3"), -2000.0);
        QVERIFY(std::isinf(*shm::parseDouble("inf")));
        QVERIFY(std::isnan(*shm::parseDouble("nan")));
        QVERIFY(!shm::parseDouble("1,5").ok());
        QVERIFY(!shm::parseDouble("").ok());
    }

    // What a refused input's message says (kind BadInput): too large numbers say so with the
    // limit, and the key is quoted as typed.
    void messages_data()
    {
        QTest::addColumn<QString>("parser");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("says");
        QTest::addColumn<QString>("neverSays");
        const QString max64 = QStringLiteral("18446744073709551615");
        QTest::newRow("uint64 one past the limit")
            << "uint64" << "18446744073709551616"
            << QStringList{"too large", max64} << "not a whole number";
        QTest::newRow("uint64 far past the limit")
            << "uint64" << "99999999999999999999999"
            << QStringList{"too large", max64} << "not a whole number";
        QTest::newRow("uint64 hex past the limit")
            << "uint64" << "0x10000000000000000"
            << QStringList{"too large", max64} << "not a whole number";
        QTest::newRow("uint8 above its limit")
            << "uint8" << "256" << QStringList{"too large", "255"} << "not a whole number";
        QTest::newRow("uint64 letters are no number")
            << "uint64" << "12abc" << QStringList{"not a whole number"} << "too large";
        QTest::newRow("int64 past 64 bits is out of range")
            << "int64" << "-99999999999999999999999"
            << QStringList{"out of range", "-9223372036854775808", "9223372036854775807"}
            << "not a whole number";
        QTest::newRow("key -5x keeps its minus sign")
            << "key" << "-5x" << QStringList{"\"-5x\"", "not a number"} << "\"5x\"";
        QTest::newRow("key -0x1g keeps its minus sign")
            << "key" << " -0x1g " << QStringList{"\"-0x1g\""} << "\"0x1g\"";
        QTest::newRow("key too negative keeps its minus sign")
            << "key" << "-2147483649" << QStringList{"\"-2147483649\"", "out of range"}
            << "\"2147483649\"";
        QTest::newRow("key past 64 bits is out of range")
            << "key" << "-99999999999999999999999" << QStringList{"out of range"}
            << "not a number";
        QTest::newRow("offset past 64 bits is too large")
            << "offset" << "0x10000000000000000" << QStringList{"too large", "0xffffffffffffffff"}
            << "not a number";
        QTest::newRow("size past 64 bits is too large")
            << "size" << "99999999999999999999" << QStringList{"too large"} << "not a number";
        QTest::newRow("float32 above its range")
            << "float32" << "3.5e38" << QStringList{"out of range", "float32", "3.4028235e+38"}
            << "inf\"";
        QTest::newRow("float32 negative, above its range")
            << "float32" << "-1e39" << QStringList{"\"-1e39\"", "out of range", "float32"} << "";
        QTest::newRow("float32 just past FLT_MAX's rounding")
            << "float32" << "3.4028236e38" << QStringList{"out of range"} << "";
        QTest::newRow("float32 too small to be nonzero")
            << "float32" << "1e-50" << QStringList{"out of range", "1e-45"} << "";
        QTest::newRow("float32 no number")
            << "float32" << "1,5" << QStringList{"not a number"} << "out of range";
        QTest::newRow("float64 above its range")
            << "float64" << "1e400" << QStringList{"out of range", "float64", "1.7976931348623157e+308"}
            << "not a number";
    }
    void messages()
    {
        QFETCH(QString, parser);
        QFETCH(QString, text);
        QFETCH(QStringList, says);
        QFETCH(QString, neverSays);
        const std::string input = text.toStdString();
        std::optional<shm::Error> error;
        const auto take = [&](const auto &result) {
            if (!result.ok())
                error = result.error();
        };
        if (parser == "uint64")
            take(shm::parseUnsigned(input, std::numeric_limits<quint64>::max()));
        else if (parser == "uint8")
            take(shm::parseUnsigned(input, 255));
        else if (parser == "int64")
            take(shm::parseInteger(input, std::numeric_limits<qint64>::min(),
                                   std::numeric_limits<qint64>::max()));
        else if (parser == "key")
            take(shm::parseKey(input));
        else if (parser == "offset")
            take(shm::parseOffset(input));
        else if (parser == "size")
            take(shm::parseSize(input));
        else if (parser == "float32")
            take(shm::parseFloat32(input));
        else if (parser == "float64")
            take(shm::parseDouble(input));
        else
            QFAIL("unknown parser");
        QVERIFY2(error.has_value(), "the input was accepted");
        QCOMPARE(error->kind, shm::ErrorKind::BadInput);
        const QString english = QString::fromStdString(error->english());
        for (const QString &part : says)
            QVERIFY2(english.contains(part), qPrintable(english));
        if (!neverSays.isEmpty())
            QVERIFY2(!english.contains(neverSays), qPrintable(english));
    }

    // float32 is parsed into a float (rounded once): the largest float is accepted, anything
    // that would round to +-inf or to 0 is refused, inf and nan are allowed.
    void float32()
    {
        QCOMPARE(*shm::parseFloat32("1.5"), 1.5f);
        QCOMPARE(*shm::parseFloat32(" +2e3 "), 2000.0f);
        QCOMPARE(*shm::parseFloat32("3.4028235e38"), std::numeric_limits<float>::max());
        QCOMPARE(*shm::parseFloat32("-3.4028235e38"), -std::numeric_limits<float>::max());
        // Above FLT_MAX but below the midpoint to 2^128: rounds to FLT_MAX, as a float holds it.
        QCOMPARE(*shm::parseFloat32("3.40282356e38"), std::numeric_limits<float>::max());
        QCOMPARE(*shm::parseFloat32("1e-45"), std::numeric_limits<float>::denorm_min());
        QCOMPARE(*shm::parseFloat32("0"), 0.0f);
        QCOMPARE(*shm::parseFloat32("0.1"), 0.1f); // one rounding: the nearest float
        QVERIFY(std::isinf(*shm::parseFloat32("inf")));
        QVERIFY(*shm::parseFloat32("-inf") < 0);
        QVERIFY(std::isnan(*shm::parseFloat32("nan")));
        for (const char *refused : {"3.5e38", "-3.5e38", "1e39", "3.4028236e38", "1e400",
                                    "1e-50", "", "abc", "1.5f"}) {
            auto value = shm::parseFloat32(refused);
            QVERIFY2(!value.ok(), refused);
            QCOMPARE(value.error().kind, shm::ErrorKind::BadInput);
        }
    }
};

QTEST_GUILESS_MAIN(TestCoreParse)
#include "tst_coreparse.moc"
