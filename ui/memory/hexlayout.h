#pragma once

// The hex view's geometry, without a widget: offset <-> row/column <-> pixel, and the mapping of
// 64-bit row numbers onto an int-ranged scroll bar. Pure arithmetic, so it can be tested with
// offsets far beyond 4 GiB.
//
// A row:  [margin][offset digits][2 gap][hex: groups of 2*g digits, one space between groups]
//         [2 gap][text: one char per byte][margin]

#include <QtGlobal>

class HexLayout
{
public:
    enum class Area { None, Offset, Hex, Text };

    struct Hit
    {
        Area area = Area::None;
        int column = 0; // byte index within the row, 0..bytesPerRow-1
        int nibble = 0; // 0 = high digit, 1 = low digit (hex area only)
    };

    // The largest scroll bar value used; beyond it rows are mapped proportionally.
    static constexpr int DefaultScrollCap = 1 << 30;

    HexLayout() = default;

    // What the text column shows for a byte: printable ASCII as it is, any other byte as '.'.
    static constexpr char textChar(unsigned byte)
    {
        return byte >= 0x20 && byte < 0x7f ? char(byte) : '.';
    }

    void setDataSize(quint64 size) { m_dataSize = size; }
    quint64 dataSize() const { return m_dataSize; }
    // 8, 16 or 32 (other values are clamped to the nearest allowed).
    void setBytesPerRow(int bytes);
    int bytesPerRow() const { return m_bytesPerRow; }
    // 1, 2, 4 or 8, and never more than bytesPerRow.
    void setGroupSize(int bytes);
    int groupSize() const { return m_groupSize; }
    void setCharMetrics(int charWidth, int lineHeight);
    int charWidth() const { return m_charWidth; }
    int lineHeight() const { return m_lineHeight; }
    void setScrollCap(int cap) { m_scrollCap = cap > 0 ? cap : 1; }
    int scrollCap() const { return m_scrollCap; }

    // Hex digits of the widest offset (size - 1), rounded up to an even count, at least 4.
    int offsetDigits() const;

    quint64 rowCount() const;
    quint64 rowOf(quint64 offset) const { return offset / quint64(m_bytesPerRow); }
    int columnOf(quint64 offset) const { return int(offset % quint64(m_bytesPerRow)); }
    quint64 rowStart(quint64 row) const { return row * quint64(m_bytesPerRow); }
    // The offset at row/column, clamped to the last byte (0 for empty data).
    quint64 offsetAt(quint64 row, int column) const;
    // Bytes in `row` (the last row may be short; 0 past the end).
    int bytesInRow(quint64 row) const;

    // Pixel positions (x relative to the content's left edge, before horizontal scrolling).
    int offsetX() const { return m_charWidth; }
    int hexX() const { return offsetX() + (offsetDigits() + 2) * m_charWidth; }
    int hexCellX(int column) const;
    int hexWidth() const;
    int textX() const { return hexX() + hexWidth() + 2 * m_charWidth; }
    int textCellX(int column) const { return textX() + column * m_charWidth; }
    int totalWidth() const { return textX() + (m_bytesPerRow + 1) * m_charWidth; }
    // Characters of the hex column before `column`'s first digit.
    int hexCharIndex(int column) const { return 2 * column + column / m_groupSize; }

    // What is under content x (the hex/text boundary is the middle of the gap between them).
    Hit hitTest(int x) const;
    // The row under viewport y, given the top row (y < 0 gives topRow).
    quint64 rowAtY(int y, quint64 topRow) const;

    // Whole rows that fit in a viewport of `height` pixels (at least 1).
    quint64 pageRows(int height) const;
    // The largest top row: the last row is then at the bottom of the viewport.
    quint64 maxTopRow(int viewportHeight) const;
    // Scroll bar range 0..scrollMaximum(); exact while maxTopRow <= scrollCap, proportional
    // beyond, with the maximum value always mapping to maxTopRow (so the last byte is reachable).
    int scrollMaximum(quint64 maxTop) const;
    quint64 topRowForScrollValue(int value, quint64 maxTop) const;
    int scrollValueForTopRow(quint64 row, quint64 maxTop) const;

private:
    quint64 m_dataSize = 0;
    int m_bytesPerRow = 16;
    int m_groupSize = 1;
    int m_charWidth = 8;
    int m_lineHeight = 16;
    int m_scrollCap = DefaultScrollCap;
};
