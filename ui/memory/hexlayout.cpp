#include "ui/memory/hexlayout.h"

#include <algorithm>

namespace {
__extension__ typedef unsigned __int128 Wide; // exact products of two 64-bit values
}

void HexLayout::setBytesPerRow(int bytes)
{
    m_bytesPerRow = bytes <= 8 ? 8 : bytes <= 16 ? 16 : 32;
    m_groupSize = std::min(m_groupSize, m_bytesPerRow);
}

void HexLayout::setGroupSize(int bytes)
{
    const int g = bytes <= 1 ? 1 : bytes <= 2 ? 2 : bytes <= 4 ? 4 : 8;
    m_groupSize = std::min(g, m_bytesPerRow);
}

void HexLayout::setCharMetrics(int charWidth, int lineHeight)
{
    m_charWidth = std::max(1, charWidth);
    m_lineHeight = std::max(1, lineHeight);
}

int HexLayout::offsetDigits() const
{
    quint64 last = m_dataSize > 0 ? m_dataSize - 1 : 0;
    int digits = 1;
    while (last >>= 4)
        ++digits;
    digits += digits % 2;
    return std::max(4, digits);
}

quint64 HexLayout::rowCount() const
{
    const quint64 bpr = quint64(m_bytesPerRow);
    return m_dataSize / bpr + (m_dataSize % bpr ? 1 : 0);
}

quint64 HexLayout::offsetAt(quint64 row, int column) const
{
    if (m_dataSize == 0)
        return 0;
    const quint64 lastRow = rowCount() - 1;
    if (row > lastRow)
        return m_dataSize - 1;
    const quint64 offset = rowStart(row) + quint64(std::clamp(column, 0, m_bytesPerRow - 1));
    return std::min(offset, m_dataSize - 1);
}

int HexLayout::bytesInRow(quint64 row) const
{
    const quint64 start = rowStart(row);
    if (row >= rowCount())
        return 0;
    return int(std::min<quint64>(quint64(m_bytesPerRow), m_dataSize - start));
}

int HexLayout::hexCellX(int column) const
{
    return hexX() + hexCharIndex(column) * m_charWidth;
}

int HexLayout::hexWidth() const
{
    return (hexCharIndex(m_bytesPerRow) - 1) * m_charWidth;
}

HexLayout::Hit HexLayout::hitTest(int x) const
{
    Hit hit;
    const int cw = m_charWidth;
    if (x < hexX() - cw) {
        hit.area = Area::Offset;
        return hit;
    }
    const int textBoundary = hexX() + hexWidth() + cw; // middle of the two-char gap
    if (x < textBoundary) {
        hit.area = Area::Hex;
        const int chars = std::max(0, x - hexX()) / cw;
        const int groupChars = 2 * m_groupSize + 1;
        const int group = chars / groupChars;
        const int within = chars % groupChars;
        const int inGroup = std::min(within / 2, m_groupSize - 1);
        hit.column = std::clamp(group * m_groupSize + inGroup, 0, m_bytesPerRow - 1);
        hit.nibble = within < 2 * m_groupSize ? within % 2 : 1;
        if (x >= hexX() + hexWidth())
            hit.nibble = 1;
        return hit;
    }
    hit.area = Area::Text;
    hit.column = std::clamp((x - textX()) / cw, 0, m_bytesPerRow - 1);
    if (x < textX())
        hit.column = 0;
    return hit;
}

quint64 HexLayout::rowAtY(int y, quint64 topRow) const
{
    if (y <= 0)
        return topRow;
    return topRow + quint64(y / m_lineHeight);
}

quint64 HexLayout::pageRows(int height) const
{
    return std::max<quint64>(1, quint64(std::max(0, height)) / quint64(m_lineHeight));
}

quint64 HexLayout::maxTopRow(int viewportHeight) const
{
    const quint64 rows = rowCount();
    const quint64 page = pageRows(viewportHeight);
    return rows > page ? rows - page : 0;
}

int HexLayout::scrollMaximum(quint64 maxTop) const
{
    return maxTop <= quint64(m_scrollCap) ? int(maxTop) : m_scrollCap;
}

quint64 HexLayout::topRowForScrollValue(int value, quint64 maxTop) const
{
    const int max = scrollMaximum(maxTop);
    value = std::clamp(value, 0, max);
    if (maxTop <= quint64(m_scrollCap))
        return quint64(value);
    if (value == max)
        return maxTop;
    return quint64(Wide(value) * Wide(maxTop) / Wide(max));
}

int HexLayout::scrollValueForTopRow(quint64 row, quint64 maxTop) const
{
    row = std::min(row, maxTop);
    if (maxTop <= quint64(m_scrollCap))
        return int(row);
    const int max = scrollMaximum(maxTop);
    // Round to nearest so that a row survives the round trip within one scroll step.
    const Wide scaled = (Wide(row) * Wide(max) + Wide(maxTop) / 2) / Wide(maxTop);
    return int(std::min<Wide>(scaled, Wide(max)));
}
