// The hex view's layout maths without a widget: offsets <-> rows/columns <-> pixels, and the
// int-ranged scroll bar mapped onto 64-bit rows, including offsets far beyond 4 GiB.

#include "ui/memory/hexlayout.h"

#include <QTest>

constexpr quint64 KiB = 1024;
constexpr quint64 GiB = quint64(1) << 30;
constexpr quint64 TiB = quint64(1) << 40;

class TestHexLayout : public QObject
{
    Q_OBJECT
private slots:
    void offsetDigits_data();
    void offsetDigits();
    void rowAndColumn_data();
    void rowAndColumn();
    void pixelRoundTrip_data();
    void pixelRoundTrip();
    void hitTestGaps_data();
    void hitTestGaps();
    void scrolling_data();
    void scrolling();
    void bytesInLastRow_data();
    void bytesInLastRow();
};

void TestHexLayout::offsetDigits_data()
{
    QTest::addColumn<quint64>("size");
    QTest::addColumn<int>("digits");
    QTest::newRow("empty segment: minimum width") << quint64(0) << 4;
    QTest::newRow("one byte") << quint64(1) << 4;
    QTest::newRow("4 KiB") << 4 * KiB << 4;
    QTest::newRow("64 KiB: last offset ffff") << 64 * KiB << 4;
    QTest::newRow("64 KiB + 1: last offset 10000") << 64 * KiB + 1 << 6;
    QTest::newRow("4 GiB: last offset ffffffff") << 4 * GiB << 8;
    QTest::newRow("4 GiB + 1: needs 9 digits, even 10") << 4 * GiB + 1 << 10;
    QTest::newRow("1 TiB") << TiB << 10;
    QTest::newRow("largest 64-bit size") << ~quint64(0) << 16;
}

void TestHexLayout::offsetDigits()
{
    QFETCH(quint64, size);
    QFETCH(int, digits);
    HexLayout layout;
    layout.setDataSize(size);
    QCOMPARE(layout.offsetDigits(), digits);
}

void TestHexLayout::rowAndColumn_data()
{
    QTest::addColumn<quint64>("size");
    QTest::addColumn<int>("bytesPerRow");
    QTest::addColumn<quint64>("offset");
    QTest::addColumn<quint64>("row");
    QTest::addColumn<int>("column");
    QTest::newRow("first byte, 16 per row") << 4 * KiB << 16 << quint64(0) << quint64(0) << 0;
    QTest::newRow("end of first row") << 4 * KiB << 16 << quint64(15) << quint64(0) << 15;
    QTest::newRow("start of second row") << 4 * KiB << 16 << quint64(16) << quint64(1) << 0;
    QTest::newRow("last byte of 4 KiB, 8 per row") << 4 * KiB << 8 << 4 * KiB - 1 << quint64(511) << 7;
    QTest::newRow("32 per row") << 4 * KiB << 32 << quint64(100) << quint64(3) << 4;
    QTest::newRow("2 GiB boundary") << 8 * GiB << 16 << 2 * GiB << quint64(2 * GiB / 16) << 0;
    QTest::newRow("4 GiB boundary") << 8 * GiB << 16 << 4 * GiB << quint64(4 * GiB / 16) << 0;
    QTest::newRow("past 4 GiB, mid row") << 8 * GiB << 16 << 4 * GiB + 0x1235
                                         << quint64((4 * GiB + 0x1230) / 16) << 5;
    QTest::newRow("last byte of 1 TiB, 32 per row") << TiB << 32 << TiB - 1 << TiB / 32 - 1 << 31;
    QTest::newRow("last byte of 2^63 bytes, 8 per row")
        << (quint64(1) << 63) << 8 << (quint64(1) << 63) - 1 << (quint64(1) << 60) - 1 << 7;
}

void TestHexLayout::rowAndColumn()
{
    QFETCH(quint64, size);
    QFETCH(int, bytesPerRow);
    QFETCH(quint64, offset);
    QFETCH(quint64, row);
    QFETCH(int, column);
    HexLayout layout;
    layout.setDataSize(size);
    layout.setBytesPerRow(bytesPerRow);
    QCOMPARE(layout.rowOf(offset), row);
    QCOMPARE(layout.columnOf(offset), column);
    QCOMPARE(layout.offsetAt(row, column), offset);
    QVERIFY(layout.rowCount() > row);
}

void TestHexLayout::pixelRoundTrip_data()
{
    QTest::addColumn<int>("bytesPerRow");
    QTest::addColumn<int>("groupSize");
    QTest::addColumn<quint64>("size");
    QTest::newRow("16 per row, single bytes") << 16 << 1 << 4 * KiB;
    QTest::newRow("16 per row, groups of 2") << 16 << 2 << 4 * KiB;
    QTest::newRow("8 per row, groups of 4") << 8 << 4 << 4 * KiB;
    QTest::newRow("32 per row, groups of 8") << 32 << 8 << 4 * KiB;
    QTest::newRow("16 per row, 10-digit offsets past 4 GiB") << 16 << 4 << 5 * GiB;
    QTest::newRow("8 per row, groups of 8 (one group)") << 8 << 8 << TiB;
}

void TestHexLayout::pixelRoundTrip()
{
    QFETCH(int, bytesPerRow);
    QFETCH(int, groupSize);
    QFETCH(quint64, size);
    HexLayout layout;
    layout.setDataSize(size);
    layout.setBytesPerRow(bytesPerRow);
    layout.setGroupSize(groupSize);
    layout.setCharMetrics(7, 15);
    QCOMPARE(layout.groupSize(), groupSize);
    for (int c = 0; c < bytesPerRow; ++c) {
        // Both digits of a hex cell, and the text cell, lead back to the same column.
        for (int nibble = 0; nibble < 2; ++nibble) {
            const int x = layout.hexCellX(c) + nibble * 7 + 3;
            const HexLayout::Hit hit = layout.hitTest(x);
            QCOMPARE(hit.area, HexLayout::Area::Hex);
            QCOMPARE(hit.column, c);
            QCOMPARE(hit.nibble, nibble);
        }
        const HexLayout::Hit text = layout.hitTest(layout.textCellX(c) + 1);
        QCOMPARE(text.area, HexLayout::Area::Text);
        QCOMPARE(text.column, c);
        if (c > 0)
            QVERIFY(layout.hexCellX(c) >= layout.hexCellX(c - 1) + 14); // cells never overlap
    }
    // Columns stay in order: offset | hex | text, all inside the total width.
    QVERIFY(layout.hexX() > layout.offsetX() + layout.offsetDigits() * 7);
    QVERIFY(layout.textX() > layout.hexCellX(bytesPerRow - 1) + 14);
    QVERIFY(layout.totalWidth() > layout.textCellX(bytesPerRow - 1) + 7);
    QCOMPARE(layout.hitTest(layout.offsetX() + 1).area, HexLayout::Area::Offset);
    // Rows from pixels: row = top + y / lineHeight.
    const quint64 top = layout.rowCount() - 3;
    QCOMPARE(layout.rowAtY(0, top), top);
    QCOMPARE(layout.rowAtY(15 * 2 + 14, top), top + 2);
    QCOMPARE(layout.offsetAt(layout.rowAtY(15 * 2 + 14, top), bytesPerRow - 1), size - 1);
}

void TestHexLayout::hitTestGaps_data()
{
    QTest::addColumn<int>("groupSize");
    QTest::addColumn<int>("charInHex"); // character index from the hex column's left edge
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("nibble");
    QTest::newRow("single bytes: space after byte 0 belongs to byte 0") << 1 << 2 << 0 << 1;
    QTest::newRow("single bytes: byte 1 high digit") << 1 << 3 << 1 << 0;
    QTest::newRow("groups of 4: third byte low digit") << 4 << 5 << 2 << 1;
    QTest::newRow("groups of 4: gap after the group") << 4 << 8 << 3 << 1;
    QTest::newRow("groups of 4: first byte of second group") << 4 << 9 << 4 << 0;
}

void TestHexLayout::hitTestGaps()
{
    QFETCH(int, groupSize);
    QFETCH(int, charInHex);
    QFETCH(int, column);
    QFETCH(int, nibble);
    HexLayout layout;
    layout.setDataSize(4 * KiB);
    layout.setGroupSize(groupSize);
    layout.setCharMetrics(10, 20);
    const HexLayout::Hit hit = layout.hitTest(layout.hexX() + charInHex * 10 + 5);
    QCOMPARE(hit.area, HexLayout::Area::Hex);
    QCOMPARE(hit.column, column);
    QCOMPARE(hit.nibble, nibble);
}

void TestHexLayout::scrolling_data()
{
    QTest::addColumn<quint64>("size");
    QTest::addColumn<int>("bytesPerRow");
    QTest::addColumn<int>("viewportHeight");
    QTest::addColumn<int>("scrollCap");
    QTest::addColumn<bool>("proportional");
    QTest::newRow("4 KiB fits the scroll bar exactly") << 4 * KiB << 16 << 800 << HexLayout::DefaultScrollCap << false;
    QTest::newRow("smaller than one page") << quint64(100) << 16 << 800 << HexLayout::DefaultScrollCap << false;
    QTest::newRow("1 GiB, exact rows") << GiB << 16 << 800 << HexLayout::DefaultScrollCap << false;
    QTest::newRow("5 GiB, 16 per row, exact rows") << 5 * GiB << 16 << 800 << HexLayout::DefaultScrollCap << false;
    QTest::newRow("64 GiB, 8 per row: more rows than an int") << 64 * GiB << 8 << 800 << HexLayout::DefaultScrollCap << true;
    QTest::newRow("1 TiB, 16 per row") << TiB << 16 << 777 << HexLayout::DefaultScrollCap << true;
    QTest::newRow("2^63 bytes, 8 per row") << (quint64(1) << 63) << 8 << 800 << HexLayout::DefaultScrollCap << true;
    QTest::newRow("5 GiB with a small cap, proportional") << 5 * GiB + 7 << 16 << 600 << 1000 << true;
}

void TestHexLayout::scrolling()
{
    QFETCH(quint64, size);
    QFETCH(int, bytesPerRow);
    QFETCH(int, viewportHeight);
    QFETCH(int, scrollCap);
    QFETCH(bool, proportional);
    HexLayout layout;
    layout.setDataSize(size);
    layout.setBytesPerRow(bytesPerRow);
    layout.setCharMetrics(8, 16);
    layout.setScrollCap(scrollCap);
    const quint64 maxTop = layout.maxTopRow(viewportHeight);
    const int max = layout.scrollMaximum(maxTop);
    QVERIFY(max >= 0);
    QVERIFY(max <= scrollCap);
    QCOMPARE(maxTop > quint64(scrollCap), proportional);
    // The scroll bar's end shows the last byte in the last visible row.
    QCOMPARE(layout.topRowForScrollValue(max, maxTop), maxTop);
    const quint64 lastRow = layout.rowOf(size - 1);
    QVERIFY(lastRow >= maxTop);
    QVERIFY(lastRow < maxTop + layout.pageRows(viewportHeight));
    QCOMPARE(layout.topRowForScrollValue(0, maxTop), quint64(0));
    QCOMPARE(layout.scrollValueForTopRow(maxTop, maxTop), max);
    QCOMPARE(layout.scrollValueForTopRow(0, maxTop), 0);
    // Monotone, and a row survives row -> value -> row within one scroll step.
    const quint64 step = proportional ? maxTop / quint64(max) + 1 : 0;
    quint64 previous = 0;
    for (int i = 0; i <= 64; ++i) {
        const int value = int(qint64(max) * i / 64);
        const quint64 row = layout.topRowForScrollValue(value, maxTop);
        QVERIFY(row >= previous);
        QVERIFY(row <= maxTop);
        previous = row;
        const int back = layout.scrollValueForTopRow(row, maxTop);
        QVERIFY(qAbs(back - value) <= 1);
        const quint64 again = layout.topRowForScrollValue(back, maxTop);
        QVERIFY(again >= row ? again - row <= step : row - again <= step);
    }
    // Values out of range are clamped.
    QCOMPARE(layout.topRowForScrollValue(-5, maxTop), quint64(0));
    QCOMPARE(layout.topRowForScrollValue(INT_MAX, maxTop), maxTop);
}

void TestHexLayout::bytesInLastRow_data()
{
    QTest::addColumn<quint64>("size");
    QTest::addColumn<int>("bytesPerRow");
    QTest::addColumn<int>("lastRowBytes");
    QTest::newRow("exact rows") << 4 * KiB << 16 << 16;
    QTest::newRow("short last row") << quint64(4100) << 16 << 4;
    QTest::newRow("one byte") << quint64(1) << 32 << 1;
    QTest::newRow("4 GiB + 3, 8 per row") << 4 * GiB + 3 << 8 << 3;
}

void TestHexLayout::bytesInLastRow()
{
    QFETCH(quint64, size);
    QFETCH(int, bytesPerRow);
    QFETCH(int, lastRowBytes);
    HexLayout layout;
    layout.setDataSize(size);
    layout.setBytesPerRow(bytesPerRow);
    QCOMPARE(layout.bytesInRow(layout.rowCount() - 1), lastRowBytes);
    QCOMPARE(layout.bytesInRow(layout.rowCount()), 0);
    // Past the end, offsetAt clamps to the last byte.
    QCOMPARE(layout.offsetAt(layout.rowCount() + 10, 0), size - 1);
    QCOMPARE(layout.offsetAt(layout.rowCount() - 1, bytesPerRow - 1), size - 1);
}

QTEST_APPLESS_MAIN(TestHexLayout)
#include "tst_hexlayout.moc"
