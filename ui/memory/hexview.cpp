#include "ui/memory/hexview.h"

#include "ui/memory/byteeditor.h"
#include "ui/memory/bytesource.h"
#include "ui/common/colors.h"
#include "ui/common/errortext.h"
#include "ui/common/plural.h"

#include "core/bytesearch.h"
#include "core/parse.h"

#include <QFontDatabase>
#include <QGlyphRun>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace {

constexpr qint64 FadeMs = 1000;
constexpr char HexDigits[] = "0123456789abcdef";

} // namespace

// Three glyph runs (offsets, bytes, the cursor cell) gathered over all visible rows and drawn
// with one call each: no per-row text layout. Kept between paints to reuse their buffers.
struct HexView::GlyphRuns
{
    QList<quint32> offsetGlyphs;
    QList<QPointF> offsetPositions;
    QList<quint32> byteGlyphs;
    QList<QPointF> bytePositions;
    QList<quint32> cursorGlyphs;
    QList<QPointF> cursorPositions;
    QList<quint32> untouchedGlyphs; // "00" of pages never written, dimmed
    QList<QPointF> untouchedPositions;
    QList<quint32> unreadableGlyphs; // "??" of pages that faulted, in the warning colour
    QList<QPointF> unreadablePositions;

    void clear()
    {
        for (auto *glyphs : {&offsetGlyphs, &byteGlyphs, &cursorGlyphs, &untouchedGlyphs,
                             &unreadableGlyphs})
            glyphs->clear();
        for (auto *positions : {&offsetPositions, &bytePositions, &cursorPositions,
                                &untouchedPositions, &unreadablePositions})
            positions->clear();
    }
};

// What every row of one paint needs: geometry, colours, the selection and the cursor.
struct HexView::PaintContext
{
    QRect rect;
    int lineHeight = 0;
    int charWidth = 0;
    int dx = 0; // minus the horizontal scroll
    int hexX0 = 0;
    int textX0 = 0;
    bool focused = false;
    QColor base;
    QColor text;
    QColor offsetText;
    QColor selection;
    QColor match;
    QColor changed;
    QColor untouched;
    QColor unreadable;
    QColor unreadableBackground;
    QColor difference;
    quint64 selStart = 0;
    quint64 selEnd = 0; // exclusive; equal to selStart without a selection
    quint64 cursorRow = 0;
    int cursorColumn = 0;
};

HexView::HexView(QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_editor(new ByteEditor(this))
    , m_tracker(FadeMs)
    , m_runs(std::make_unique<GlyphRuns>())
{
    QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    setFont(fixed);
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setCursor(Qt::IBeamCursor);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    connect(m_editor, &ByteEditor::message, this, &HexView::message);
    updateMetrics();
    // For screen readers: where the cursor is and the byte under it.
    setAccessibleName(tr("Hex view"));
    connect(this, &HexView::cursorMoved, this, [this](quint64 offset) {
        std::byte value{};
        Cell cell = Cell::Read;
        std::optional<shm::Fault> fault;
        if (!m_source || offset >= m_source->size()) {
            setAccessibleDescription(tr("Offset 0x%1").arg(offset, 0, 16));
            return;
        }
        fault = readCells(offset, &value, &cell, 1);
        if (cell == Cell::Unreadable) {
            setAccessibleDescription(tr("Offset 0x%1, unreadable: %2")
                                         .arg(offset, 0, 16)
                                         .arg(noteFor(cell, fault)));
            return;
        }
        const uint byte = std::to_integer<uint>(value);
        QString description = tr("Offset 0x%1, value 0x%2 (%3)")
                                  .arg(offset, 0, 16)
                                  .arg(byte, 2, 16, QLatin1Char('0'))
                                  .arg(byte);
        if (cell == Cell::Untouched)
            description += QLatin1Char(' ') + noteFor(cell, fault);
        setAccessibleDescription(description);
    });
}

HexView::~HexView() = default;

QUndoStack *HexView::undoStack() const
{
    return m_editor->undoStack();
}

void HexView::setSource(ByteSource *source)
{
    if (m_source)
        disconnect(m_source, nullptr, this, nullptr);
    m_source = source;
    m_editor->setSource(source);
    m_layout.setDataSize(source ? source->size() : 0);
    m_cursor = m_anchor = 0;
    m_hasSelection = false;
    m_pendingNibble = -1;
    m_topRow = 0;
    m_tracker.clear();
    if (source) {
        connect(source, &ByteSource::bytesWritten, this, &HexView::onBytesWritten);
        connect(source, &ByteSource::reattached, this, [this] {
            m_pendingNibble = -1;
            takeSnapshot(false);
            viewport()->update();
            emit refreshed();
        });
    }
    updateMetrics();
    takeSnapshot(false);
    restartTimer();
    emit cursorMoved(m_cursor);
    emit selectionChanged();
    emit changesCounted(0);
}

void HexView::setBytesPerRow(int bytes)
{
    m_layout.setBytesPerRow(bytes);
    updateMetrics();
    ensureVisible(m_cursor);
}

void HexView::setGroupSize(int bytes)
{
    m_layout.setGroupSize(bytes);
    updateMetrics();
}

void HexView::updateMetrics()
{
    // Cells are placed by arithmetic, and glyphs are drawn at those positions from a raw font
    // (no text shaping per frame): one glyph index per byte value, looked up once here.
    const QFont f = font();
    viewport()->setFont(f);
    const QFontMetricsF fmf(f);
    const qreal advance = fmf.horizontalAdvance(QString(100, QLatin1Char('0'))) / 100.0;
    m_rawFont = QRawFont::fromFont(f);
    QString printable;
    for (char16_t c = 0x20; c < 0x7f; ++c)
        printable += QChar(c);
    const QList<quint32> indexes = m_rawFont.glyphIndexesForString(printable);
    m_glyphIndex.fill(0);
    for (qsizetype i = 0; i < indexes.size() && i < printable.size(); ++i)
        m_glyphIndex[std::size_t(0x20 + i)] = indexes[i];
    const QFontMetrics fm(f);
    m_ascent = fm.ascent();
    m_layout.setCharMetrics(std::max(1, int(std::lround(advance))), fm.height());
    updateScrollBars();
    takeSnapshot(false);
    viewport()->update();
}

void HexView::updateScrollBars()
{
    ++m_scrollSync;
    const quint64 maxTop = m_layout.maxTopRow(viewport()->height());
    m_topRow = std::min(m_topRow, maxTop);
    QScrollBar *v = verticalScrollBar();
    const int max = m_layout.scrollMaximum(maxTop);
    v->setRange(0, max);
    const quint64 page = m_layout.pageRows(viewport()->height());
    const int pageStep = maxTop <= quint64(m_layout.scrollCap())
                             ? int(std::min<quint64>(page, quint64(INT_MAX)))
                             : std::max(1, m_layout.scrollValueForTopRow(page, maxTop));
    v->setPageStep(pageStep);
    v->setSingleStep(1);
    v->setValue(m_layout.scrollValueForTopRow(m_topRow, maxTop));
    QScrollBar *h = horizontalScrollBar();
    h->setRange(0, std::max(0, m_layout.totalWidth() - viewport()->width()));
    h->setPageStep(viewport()->width());
    h->setSingleStep(m_layout.charWidth());
    --m_scrollSync;
}

QSize HexView::sizeHint() const
{
    const int w = m_layout.totalWidth() + verticalScrollBar()->sizeHint().width() + 2 * frameWidth();
    return {w, 24 * m_layout.lineHeight() + 2 * frameWidth()};
}

quint64 HexView::visibleRowCount() const
{
    return quint64(std::max(0, viewport()->height())) / quint64(m_layout.lineHeight()) + 1;
}

void HexView::setTopRow(quint64 row)
{
    row = std::min(row, m_layout.maxTopRow(viewport()->height()));
    if (row == m_topRow)
        return;
    m_topRow = row;
    ++m_scrollSync;
    verticalScrollBar()->setValue(
        m_layout.scrollValueForTopRow(m_topRow, m_layout.maxTopRow(viewport()->height())));
    --m_scrollSync;
    takeSnapshot(true);
    viewport()->update();
}

void HexView::scrollContentsBy(int, int dy)
{
    if (dy != 0 && m_scrollSync == 0) {
        m_topRow = m_layout.topRowForScrollValue(verticalScrollBar()->value(),
                                                 m_layout.maxTopRow(viewport()->height()));
        takeSnapshot(true);
    }
    viewport()->update();
}

void HexView::ensureVisible(quint64 offset)
{
    if (m_layout.dataSize() == 0)
        return;
    const quint64 row = m_layout.rowOf(offset);
    const quint64 page = m_layout.pageRows(viewport()->height());
    if (row < m_topRow)
        setTopRow(row);
    else if (row >= m_topRow + page)
        setTopRow(row - page + 1);
    ensureColumnVisible(offset);
}

void HexView::ensureColumnVisible(quint64 offset)
{
    // Keep the cursor's hex (or text) cell in view.
    const int x = m_area == Area::Hex ? m_layout.hexCellX(m_layout.columnOf(offset))
                                      : m_layout.textCellX(m_layout.columnOf(offset));
    QScrollBar *h = horizontalScrollBar();
    if (x < h->value())
        h->setValue(x - m_layout.charWidth());
    else if (x + 3 * m_layout.charWidth() > h->value() + viewport()->width())
        h->setValue(x + 3 * m_layout.charWidth() - viewport()->width());
}

void HexView::resizeEvent(QResizeEvent *event)
{
    // The viewport's resize (a find bar or a panel appearing shrinks it): a cursor row that was
    // in view stays in view.
    const quint64 cursorRow = m_layout.rowOf(m_cursor);
    const int oldHeight = event->oldSize().height();
    const bool cursorWasVisible = m_layout.dataSize() > 0 && oldHeight > 0
                                  && cursorRow >= m_topRow
                                  && cursorRow < m_topRow + m_layout.pageRows(oldHeight);
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
    const quint64 page = m_layout.pageRows(viewport()->height());
    if (cursorWasVisible && cursorRow >= m_topRow + page)
        setTopRow(cursorRow - page + 1);
    takeSnapshot(true);
}

void HexView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        updateMetrics();
    else if (event->type() == QEvent::PaletteChange)
        viewport()->update();
}

// --- cursor and selection -------------------------------------------------------------------

quint64 HexView::selectionStart() const
{
    return m_hasSelection ? std::min(m_anchor, m_cursor) : m_cursor;
}

quint64 HexView::selectionLength() const
{
    if (!m_hasSelection)
        return 0;
    return std::max(m_anchor, m_cursor) - std::min(m_anchor, m_cursor) + 1;
}

void HexView::setCursorOffset(quint64 offset, bool extendSelection)
{
    moveCursor(offset, extendSelection);
}

void HexView::setActiveArea(Area area)
{
    if (m_area == area)
        return;
    m_area = area;
    m_pendingNibble = -1;
    endTypingRun();
    viewport()->update();
}

bool HexView::placeSelection(quint64 start, quint64 length, bool cursorAtStart)
{
    const quint64 size = m_layout.dataSize();
    if (size == 0 || length == 0 || start >= size) {
        clearSelection();
        return false;
    }
    length = std::min(length, size - start);
    endTypingRun();
    m_pendingNibble = -1;
    const quint64 last = start + length - 1;
    m_anchor = cursorAtStart ? last : start;
    m_cursor = cursorAtStart ? start : last;
    m_hasSelection = true;
    return true;
}

void HexView::selectionPlaced()
{
    viewport()->update();
    emit cursorMoved(m_cursor);
    emit selectionChanged();
}

void HexView::setSelection(quint64 start, quint64 length)
{
    if (!placeSelection(start, length, false))
        return;
    ensureVisible(m_cursor);
    selectionPlaced();
}

void HexView::keepAwayFromEdges(quint64 offset)
{
    const quint64 row = m_layout.rowOf(offset);
    const quint64 page = m_layout.pageRows(viewport()->height());
    // Rows kept between the offset and an edge, when the view has room for them.
    const quint64 margin = page >= 5 ? 2 : (page >= 3 ? 1 : 0);
    if (row < m_topRow + margin || row + margin >= m_topRow + page)
        setTopRow(row > page / 3 ? row - page / 3 : 0); // clamped at the last page
    ensureColumnVisible(offset);
}

void HexView::selectMatch(quint64 start, quint64 length)
{
    if (!placeSelection(start, length, true))
        return;
    keepAwayFromEdges(start);
    selectionPlaced();
}

void HexView::goToFarOffset(quint64 offset)
{
    setCursorOffset(offset);
    keepAwayFromEdges(m_cursor);
}

void HexView::clearSelection()
{
    if (!m_hasSelection)
        return;
    m_hasSelection = false;
    viewport()->update();
    emit selectionChanged();
}

QByteArray HexView::selectedBytes() const
{
    if (!m_source || m_layout.dataSize() == 0)
        return {};
    const quint64 length = m_hasSelection ? selectionLength() : 1;
    QByteArray out(qsizetype(length), Qt::Uninitialized);
    const quint64 n = m_source->read(selectionStart(), reinterpret_cast<std::byte *>(out.data()),
                                     length);
    out.truncate(qsizetype(n));
    return out;
}

shm::Result<QByteArray> HexView::copyableSelection() const
{
    if (!m_source || m_layout.dataSize() == 0)
        return QByteArray();
    const quint64 start = selectionStart();
    const quint64 length = std::min(m_hasSelection ? selectionLength() : 1,
                                    m_layout.dataSize() - start);
    QByteArray out(qsizetype(length), Qt::Uninitialized);
    const auto report = m_source->readReport(start, reinterpret_cast<std::byte *>(out.data()),
                                             length);
    if (report.unreadable == 0 && report.skipped == 0)
        return out;
    quint64 first = start;
    for (const shm::PageRun &run : report.notRead) {
        if (run.state != shm::PageState::Untouched) {
            first = run.offset;
            break;
        }
    }
    return refusal("copy", QStringLiteral("0x%1").arg(first, 0, 16),
                   tr("%L1 bytes of the selection cannot be read, from 0x%2: %3 Nothing was "
                      "copied.",
                      nullptr, plural::count(report.unreadable + report.skipped))
                       .arg(report.unreadable + report.skipped)
                       .arg(first, 0, 16)
                       .arg(noteFor(Cell::Unreadable, report.firstFault)));
}

// --- what a byte shows -----------------------------------------------------------------------

std::optional<shm::Fault> HexView::readCells(quint64 offset, std::byte *dest, Cell *cells,
                                             quint64 count) const
{
    if (!m_source || count == 0)
        return std::nullopt;
    const auto report = m_source->readReport(offset, dest, count);
    if (cells) {
        std::fill(cells, cells + count, Cell::Read);
        for (const shm::PageRun &run : report.notRead) {
            // With Reach::AsNeeded only untouched pages are left unread on purpose; anything
            // else not read is of unknown content.
            const Cell cell = run.state == shm::PageState::Untouched ? Cell::Untouched
                                                                     : Cell::Unreadable;
            const quint64 from = std::max<quint64>(run.offset, offset) - offset;
            const quint64 to = std::min<quint64>(run.offset + run.length, offset + count) - offset;
            if (from < to)
                std::fill(cells + from, cells + to, cell);
        }
    }
    return report.firstFault;
}

QString HexView::noteFor(Cell cell, const std::optional<shm::Fault> &fault) const
{
    switch (cell) {
    case Cell::Read:
        return {};
    case Cell::Untouched:
        return tr("This page was never written: it holds zeros, shown without reading it "
                  "(reading it would make the kernel allocate it).");
    case Cell::Unreadable:
        break;
    }
    const shm::MemoryAccess access = m_source ? m_source->memoryAccess() : shm::MemoryAccess();
    if (!fault)
        return tr("This page could not be read.");
    return errortext::translated(shm::faultText(*fault, access.isHugeTlb()));
}

HexView::Cell HexView::cellState(quint64 offset) const
{
    if (!m_source || offset >= m_layout.dataSize())
        return Cell::Read;
    const quint64 windowOffset = m_tracker.snapshotOffset();
    if (m_tracker.hasSnapshot() && offset >= windowOffset
        && offset - windowOffset < m_cells.size())
        return m_cells[std::size_t(offset - windowOffset)];
    std::byte value{};
    Cell cell = Cell::Read;
    readCells(offset, &value, &cell, 1);
    return cell;
}

QString HexView::cellText(quint64 offset, Area area) const
{
    if (!m_source || offset >= m_layout.dataSize())
        return {};
    const quint64 windowOffset = m_tracker.snapshotOffset();
    std::byte value{};
    Cell cell = Cell::Read;
    if (m_tracker.hasSnapshot() && offset >= windowOffset
        && offset - windowOffset < m_cells.size()) {
        value = m_tracker.snapshot()[std::size_t(offset - windowOffset)];
        cell = m_cells[std::size_t(offset - windowOffset)];
    } else {
        readCells(offset, &value, &cell, 1);
    }
    if (cell == Cell::Unreadable)
        return area == Area::Hex ? QStringLiteral("??") : QStringLiteral("?");
    const uint v = std::to_integer<uint>(value);
    if (area == Area::Hex)
        return QStringLiteral("%1").arg(v, 2, 16, QLatin1Char('0'));
    return QString(QLatin1Char(HexLayout::textChar(v)));
}

QString HexView::cellNote(quint64 offset) const
{
    const Cell cell = cellState(offset);
    if (cell != Cell::Unreadable)
        return noteFor(cell, std::nullopt);
    // The fault of the rows on screen when the byte is one of theirs, else read again.
    std::optional<shm::Fault> fault = m_snapshotFault;
    const quint64 windowOffset = m_tracker.snapshotOffset();
    if (!(m_tracker.hasSnapshot() && offset >= windowOffset
          && offset - windowOffset < m_cells.size())) {
        std::byte value{};
        fault = readCells(offset, &value, nullptr, 1);
    }
    return noteFor(cell, fault);
}

QString HexView::unreadableShownNote() const
{
    return m_unreadableShown ? noteFor(Cell::Unreadable, m_snapshotFault) : QString();
}

bool HexView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const auto offset = offsetAtPoint(help->pos(), nullptr);
        const QString note = offset ? cellNote(*offset) : QString();
        if (note.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(),
                               tr("0x%1: %2").arg(*offset, 0, 16).arg(note), viewport());
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void HexView::moveCursor(quint64 offset, bool extend)
{
    const quint64 size = m_layout.dataSize();
    if (size == 0)
        return;
    offset = std::min(offset, size - 1);
    endTypingRun();
    m_pendingNibble = -1;
    const bool hadSelection = m_hasSelection;
    if (extend) {
        if (!m_hasSelection) {
            m_anchor = m_cursor;
            m_hasSelection = true;
        }
    } else {
        m_hasSelection = false;
    }
    m_cursor = offset;
    ensureVisible(m_cursor);
    viewport()->update();
    emit cursorMoved(m_cursor);
    if (hadSelection || m_hasSelection)
        emit selectionChanged();
}

void HexView::endTypingRun()
{
    m_editor->endTypingRun();
}

shm::Result<void> HexView::goTo(const QString &text)
{
    const auto parsed = shm::parseOffset(text.trimmed().toStdString());
    if (!parsed)
        return parsed.error();
    const quint64 size = m_layout.dataSize();
    if (*parsed >= size)
        return refusal("go to", text,
                         tr("Offset 0x%1 (%2) is past the end: the segment has %L3 bytes, the "
                            "last offset is 0x%4.",
                            nullptr, plural::count(size))
                             .arg(*parsed, 0, 16)
                             .arg(*parsed)
                             .arg(size)
                             .arg(size ? size - 1 : 0, 0, 16));
    moveCursor(*parsed, false);
    return {};
}

// --- live ---------------------------------------------------------------------------------

void HexView::setRefreshInterval(int ms)
{
    m_interval = std::max(0, ms);
    restartTimer();
}

void HexView::setLivePaused(bool paused)
{
    m_paused = paused;
    restartTimer();
}

void HexView::restartTimer()
{
    if (m_source && !m_paused && m_interval > 0)
        m_timer.start(m_interval, Qt::PreciseTimer, this);
    else
        m_timer.stop();
}

void HexView::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_timer.timerId()) {
        refreshNow();
        return;
    }
    QAbstractScrollArea::timerEvent(event);
}

quint64 HexView::refreshNow()
{
    const quint64 before = m_tracker.changedByteCount();
    const quint64 changed = takeSnapshot(true);
    const bool wasFading = m_tracker.expireFades();
    if (changed > 0 || wasFading)
        viewport()->update();
    if (m_tracker.changedByteCount() != before)
        emit changesCounted(m_tracker.changedByteCount());
    emit refreshed();
    return changed;
}

quint64 HexView::takeSnapshot(bool compare)
{
    const bool wasShown = m_unreadableShown;
    const auto announce = [&] {
        if (m_unreadableShown != wasShown)
            emit unreadableShownChanged(m_unreadableShown);
    };
    if (!m_source || m_layout.dataSize() == 0) {
        m_tracker.dropSnapshot();
        m_matched.clear();
        m_cells.clear();
        m_snapshotFault.reset();
        m_unreadableShown = false;
        announce();
        return 0;
    }
    const quint64 start = m_layout.rowStart(m_topRow);
    const quint64 wanted = visibleRowCount() * quint64(m_layout.bytesPerRow());
    const quint64 oldOffset = m_tracker.snapshotOffset();
    const std::size_t oldSize = m_tracker.snapshot().size();
    std::span<std::byte> into = m_tracker.nextSnapshot(
        start, std::size_t(std::min(wanted, m_layout.dataSize() - start)));
    std::vector<Cell> cells(into.size());
    const auto fault = readCells(start, into.data(), cells.data(), into.size());
    const bool unreadable = std::find(cells.begin(), cells.end(), Cell::Unreadable) != cells.end();
    // An unreadable byte is no change, either way: where the new copy or the previous one could
    // not be read, the previous copy takes the new bytes before the two are compared.
    if (compare && (unreadable || m_unreadableShown)) {
        const auto [at, part] = m_tracker.snapshotPart(start, into.size());
        for (std::size_t i = 0; i < part.size(); ++i) {
            const std::size_t fresh = std::size_t(at - start) + i;
            const std::size_t old = std::size_t(at - oldOffset) + i;
            if (cells[fresh] == Cell::Unreadable
                || (old < m_cells.size() && m_cells[old] == Cell::Unreadable))
                part[i] = into[fresh];
        }
    }
    const quint64 changed = m_tracker.commitSnapshot(into.size(), compare);
    m_cells = std::move(cells);
    m_snapshotFault = fault;
    m_unreadableShown = unreadable;
    if (changed > 0 || !compare || start != oldOffset || m_tracker.snapshot().size() != oldSize)
        updateMatches();
    announce();
    return changed;
}

void HexView::updateMatches()
{
    const std::span<const std::byte> window = m_tracker.snapshot();
    m_matched.clear();
    if (m_pattern.isEmpty() || window.empty())
        return;
    m_matched.assign(window.size(), false);
    const auto *needle = reinterpret_cast<const std::byte *>(m_pattern.constData());
    quint64 from = 0;
    while (auto hit = shm::findForward(window.data(), window.size(), needle,
                                       std::size_t(m_pattern.size()), from)) {
        from = *hit + 1;
        // The zeros that stand in for an unreadable byte match nothing.
        const auto first = m_cells.begin() + std::ptrdiff_t(std::min<quint64>(*hit, m_cells.size()));
        const auto last = m_cells.begin()
                          + std::ptrdiff_t(std::min<quint64>(*hit + quint64(m_pattern.size()),
                                                             m_cells.size()));
        if (std::find(first, last, Cell::Unreadable) != last)
            continue;
        for (qsizetype i = 0; i < m_pattern.size(); ++i)
            m_matched[std::size_t(*hit) + std::size_t(i)] = true;
    }
}

void HexView::onBytesWritten(quint64 offset, quint64 count)
{
    // Our own writes are not "changes by another process": copy them into the snapshot.
    const auto [at, part] = m_tracker.snapshotPart(offset, count);
    if (!part.empty()) {
        const std::size_t index = std::size_t(at - m_tracker.snapshotOffset());
        Cell *cells = index + part.size() <= m_cells.size() ? m_cells.data() + index : nullptr;
        readCells(at, part.data(), cells, part.size());
        updateMatches();
    }
    viewport()->update();
    emit refreshed();
}

void HexView::resetChanges()
{
    m_tracker.reset();
    viewport()->update();
    emit changesCounted(0);
}

shm::Result<void> HexView::goToNextChange()
{
    const auto next = nextChange(m_cursor);
    if (!next)
        return refusal("next change", QString::number(m_cursor, 16),
                         tr("No changed byte after 0x%1.").arg(m_cursor, 0, 16));
    moveCursor(*next, false);
    return {};
}

shm::Result<void> HexView::goToPreviousChange()
{
    const auto previous = previousChange(m_cursor);
    if (!previous)
        return refusal("previous change", QString::number(m_cursor, 16),
                         tr("No changed byte before 0x%1.").arg(m_cursor, 0, 16));
    moveCursor(*previous, false);
    return {};
}

void HexView::setHighlightPattern(const QByteArray &pattern)
{
    if (pattern == m_pattern)
        return;
    m_pattern = pattern;
    updateMatches();
    viewport()->update();
}

// --- editing ------------------------------------------------------------------------------

shm::Result<void> HexView::writeBytes(quint64 offset, const QByteArray &bytes,
                                      const QString &undoText)
{
    return m_editor->write(offset, bytes, undoText);
}

shm::Result<void> HexView::fillSelection(quint8 value)
{
    return m_editor->fill(selectionStart(), m_hasSelection ? selectionLength() : 1, value);
}

shm::Result<void> HexView::pasteHex(const QString &text)
{
    const auto parsed = shm::parseHexBytes(text.toStdString());
    if (!parsed)
        return refusal("paste", text,
                         tr("The clipboard does not hold hex bytes: %1")
                             .arg(errortext::message(parsed.error())));
    const quint64 at = selectionStart();
    const quint64 count = parsed->size();
    const QByteArray bytes(reinterpret_cast<const char *>(parsed->data()), qsizetype(count));
    const QString undoText = tr("Paste %L1 bytes", nullptr, plural::count(count)).arg(count);
    if (auto written = m_editor->write(at, bytes, undoText); !written)
        return written;
    m_hasSelection = false;
    moveCursor(std::min(at + count, m_layout.dataSize() - 1), false);
    return {};
}

// Says why typing is refused, if it is; true when refused (before a first nibble is kept).
bool HexView::refuseTyping()
{
    const auto allowed = m_editor->check(m_cursor, 1);
    if (!allowed)
        emit message(errortext::message(allowed.error()));
    return !allowed;
}

void HexView::typeHexDigit(int digit)
{
    if (refuseTyping())
        return;
    if (m_pendingNibble < 0) {
        // Collect both nibbles before writing the byte once.
        m_pendingNibble = digit;
        viewport()->update();
        return;
    }
    const int value = (m_pendingNibble << 4) | digit;
    m_pendingNibble = -1;
    typeByte(quint8(value));
}

void HexView::typeByte(quint8 value)
{
    if (const auto typed = m_editor->type(m_cursor, value); !typed) {
        emit message(errortext::message(typed.error()));
        return;
    }
    if (m_hasSelection) {
        m_hasSelection = false;
        emit selectionChanged();
    }
    if (m_cursor + 1 < m_layout.dataSize()) {
        ++m_cursor;
        ensureVisible(m_cursor);
        emit cursorMoved(m_cursor);
    }
    viewport()->update();
}

// --- input --------------------------------------------------------------------------------

bool HexView::focusNextPrevChild(bool next)
{
    // Tab switches between the hex and text columns (handled in keyPressEvent).
    if (m_source)
        return false;
    return QAbstractScrollArea::focusNextPrevChild(next);
}

void HexView::focusOutEvent(QFocusEvent *event)
{
    m_pendingNibble = -1;
    QAbstractScrollArea::focusOutEvent(event);
    viewport()->update();
}

void HexView::keyPressEvent(QKeyEvent *event)
{
    const quint64 size = m_layout.dataSize();
    if (!m_source || size == 0) {
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    if (event == QKeySequence::SelectAll) {
        m_anchor = 0;
        m_hasSelection = true;
        m_cursor = size - 1;
        viewport()->update();
        emit cursorMoved(m_cursor);
        emit selectionChanged();
        return;
    }
    const bool shift = event->modifiers() & Qt::ShiftModifier;
    const bool ctrl = event->modifiers() & Qt::ControlModifier;
    const quint64 bpr = quint64(m_layout.bytesPerRow());
    const quint64 page = m_layout.pageRows(viewport()->height()) * bpr;
    const quint64 last = size - 1;
    const quint64 rowStart = m_cursor - m_cursor % bpr;
    switch (event->key()) {
    case Qt::Key_Left:
    case Qt::Key_Backspace:
        moveCursor(m_cursor > 0 ? m_cursor - 1 : 0, shift);
        return;
    case Qt::Key_Right:
        moveCursor(std::min(m_cursor + 1, last), shift);
        return;
    case Qt::Key_Up:
        moveCursor(m_cursor >= bpr ? m_cursor - bpr : m_cursor, shift);
        return;
    case Qt::Key_Down:
        if (m_layout.rowOf(m_cursor) + 1 < m_layout.rowCount())
            moveCursor(std::min(m_cursor + bpr, last), shift);
        else
            moveCursor(m_cursor, shift);
        return;
    case Qt::Key_PageUp: {
        const quint64 rows = page / bpr;
        setTopRow(m_topRow >= rows ? m_topRow - rows : 0);
        moveCursor(m_cursor >= page ? m_cursor - page : m_cursor % bpr, shift);
        return;
    }
    case Qt::Key_PageDown: {
        setTopRow(m_topRow + page / bpr);
        moveCursor(last - m_cursor >= page ? m_cursor + page : last, shift);
        return;
    }
    case Qt::Key_Home:
        moveCursor(ctrl ? 0 : rowStart, shift);
        return;
    case Qt::Key_End:
        moveCursor(ctrl ? last : std::min(rowStart + bpr - 1, last), shift);
        return;
    case Qt::Key_Tab:
    case Qt::Key_Backtab:
        if (ctrl) {
            // Ctrl+Tab leaves the view, since Tab itself switches columns.
            QAbstractScrollArea::focusNextPrevChild(event->key() == Qt::Key_Tab && !shift);
            return;
        }
        setActiveArea(m_area == Area::Hex ? Area::Text : Area::Hex);
        ensureVisible(m_cursor);
        return;
    case Qt::Key_Escape:
        if (m_pendingNibble >= 0) {
            m_pendingNibble = -1;
            viewport()->update();
        } else {
            clearSelection();
        }
        return;
    default:
        break;
    }
    if ((event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
        || event->text().isEmpty()) {
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    const QChar c = event->text().at(0);
    if (m_area == Area::Hex) {
        const int digit = shm::hexDigitValue(c.unicode());
        if (digit >= 0)
            typeHexDigit(digit);
        else
            QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    if (c.unicode() >= 0x20 && c.unicode() <= 0xff && c.unicode() != 0x7f)
        typeByte(quint8(c.unicode()));
    else
        QAbstractScrollArea::keyPressEvent(event);
}

std::optional<quint64> HexView::offsetAtPoint(const QPoint &pos, Area *area) const
{
    if (m_layout.dataSize() == 0)
        return std::nullopt;
    const HexLayout::Hit hit = m_layout.hitTest(pos.x() + horizontalScrollBar()->value());
    if (area)
        *area = hit.area == HexLayout::Area::Text ? Area::Text : Area::Hex;
    const quint64 row = m_layout.rowAtY(pos.y(), m_topRow);
    return m_layout.offsetAt(row, hit.area == HexLayout::Area::Offset ? 0 : hit.column);
}

void HexView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    Area area = m_area;
    const auto offset = offsetAtPoint(event->position().toPoint(), &area);
    if (!offset)
        return;
    setFocus(Qt::MouseFocusReason);
    setActiveArea(area);
    moveCursor(*offset, event->modifiers() & Qt::ShiftModifier);
    m_dragging = true;
}

void HexView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_dragging || !(event->buttons() & Qt::LeftButton))
        return;
    QPoint pos = event->position().toPoint();
    if (pos.y() < 0 && m_topRow > 0)
        setTopRow(m_topRow - 1);
    else if (pos.y() >= viewport()->height())
        setTopRow(m_topRow + 1);
    pos.setY(std::clamp(pos.y(), 0, std::max(0, viewport()->height() - 1)));
    const auto offset = offsetAtPoint(pos, nullptr);
    if (offset && (*offset != m_cursor || !m_hasSelection))
        moveCursor(*offset, true);
}

void HexView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        m_dragging = false;
        if (m_hasSelection && m_anchor == m_cursor)
            clearSelection();
        event->accept();
        return;
    }
    QAbstractScrollArea::mouseReleaseEvent(event);
}

void HexView::wheelEvent(QWheelEvent *event)
{
    const int dy = event->angleDelta().y();
    if (dy == 0 || event->modifiers() & Qt::ShiftModifier) {
        QAbstractScrollArea::wheelEvent(event);
        return;
    }
    // Three rows per notch, exact in rows whatever the scroll bar's scale.
    const qint64 rows = -qint64(dy) * 3 / 120;
    if (rows < 0)
        setTopRow(m_topRow >= quint64(-rows) ? m_topRow - quint64(-rows) : 0);
    else
        setTopRow(m_topRow + quint64(rows));
    event->accept();
}

// --- painting -----------------------------------------------------------------------------

void HexView::paintEvent(QPaintEvent *event)
{
    QPainter p(viewport());
    const QPalette &pal = palette();
    p.fillRect(event->rect(), pal.base());
    if (!m_source || m_layout.dataSize() == 0)
        return;

    PaintContext ctx;
    ctx.rect = event->rect();
    ctx.lineHeight = m_layout.lineHeight();
    ctx.charWidth = m_layout.charWidth();
    ctx.dx = -horizontalScrollBar()->value();
    ctx.hexX0 = ctx.dx + m_layout.hexX();
    ctx.textX0 = ctx.dx + m_layout.textX();
    ctx.focused = hasFocus();
    ctx.base = pal.color(QPalette::Base);
    ctx.text = pal.color(QPalette::Text);
    ctx.offsetText = pal.color(QPalette::PlaceholderText);
    ctx.selection = colors::blend(ctx.base, pal.color(QPalette::Highlight), 110 / 255.0);
    ctx.match = colors::blend(ctx.base, pal.color(QPalette::Highlight), 55 / 255.0);
    ctx.changed = colors::changedByte(pal);
    ctx.untouched = pal.color(QPalette::PlaceholderText);
    ctx.unreadable = colors::warningText(pal);
    ctx.unreadableBackground = colors::blend(ctx.base, ctx.unreadable, 0.12);
    ctx.difference = colors::blend(ctx.base, colors::warningText(pal), 0.4);
    ctx.selStart = selectionStart();
    ctx.selEnd = ctx.selStart + selectionLength();
    ctx.cursorRow = m_layout.rowOf(m_cursor);
    ctx.cursorColumn = m_layout.columnOf(m_cursor);

    paintSeparators(p, ctx);
    m_runs->clear();
    const int firstLine = std::max(0, ctx.rect.top() / ctx.lineHeight);
    const int lastLine = ctx.rect.bottom() / ctx.lineHeight;
    for (int line = firstLine; line <= lastLine && m_topRow + quint64(line) < m_layout.rowCount();
         ++line)
        paintRow(p, ctx, line, *m_runs);
    drawGlyphRuns(p, ctx, *m_runs);
}

void HexView::paintSeparators(QPainter &p, const PaintContext &ctx) const
{
    p.setPen(palette().color(QPalette::Mid));
    for (const int x : {ctx.hexX0 - ctx.charWidth, ctx.textX0 - ctx.charWidth})
        p.drawLine(x, ctx.rect.top(), x, ctx.rect.bottom());
}

// One row: backgrounds and the cursor are painted at once, the glyphs gathered into `runs`.
void HexView::paintRow(QPainter &p, const PaintContext &ctx, int line, GlyphRuns &runs) const
{
    const int cw = ctx.charWidth;
    const quint64 row = m_topRow + quint64(line);
    const int y = line * ctx.lineHeight;
    const qreal baseline = y + m_ascent;
    const quint64 start = m_layout.rowStart(row);
    const int count = m_layout.bytesInRow(row);
    const auto glyph = [this](char c) { return m_glyphIndex[std::size_t(uchar(c))]; };

    // The row's bytes come from the snapshot; a row outside it (not yet copied) is read now.
    const std::span<const std::byte> window = m_tracker.snapshot();
    const quint64 windowOffset = m_tracker.snapshotOffset();
    std::byte fallback[64];
    Cell fallbackCells[64];
    const std::byte *bytes = fallback;
    const Cell *cells = fallbackCells;
    const bool fromWindow = m_tracker.hasSnapshot() && start >= windowOffset
                            && start + quint64(count) <= windowOffset + window.size()
                            && start + quint64(count) <= windowOffset + m_cells.size();
    const std::size_t windowIndex = fromWindow ? std::size_t(start - windowOffset) : 0;
    if (fromWindow) {
        bytes = window.data() + windowIndex;
        cells = m_cells.data() + windowIndex;
    } else {
        readCells(start, fallback, fallbackCells, quint64(count));
    }

    quint64 o = start;
    for (int i = m_layout.offsetDigits() - 1; i >= 0; --i, o >>= 4) {
        runs.offsetGlyphs.append(glyph(HexDigits[o & 0xf]));
        runs.offsetPositions.append(QPointF(ctx.dx + m_layout.offsetX() + i * cw, baseline));
    }

    const bool isCursorRow = row == ctx.cursorRow;
    for (int c = 0; c < count; ++c) {
        const int hx = ctx.hexX0 + m_layout.hexCharIndex(c) * cw;
        const int tx = ctx.textX0 + c * cw;
        const bool matched = fromWindow && !m_matched.empty()
                             && m_matched[windowIndex + std::size_t(c)];
        const Cell cell = cells[c];
        paintCellBackground(p, ctx, start + quint64(c), c, count, y, matched);
        if (cell == Cell::Unreadable && !(start + quint64(c) >= ctx.selStart
                                          && start + quint64(c) < ctx.selEnd))
            paintUnreadableBackground(p, ctx, c, y);

        const unsigned v = std::to_integer<unsigned>(bytes[c]);
        const bool atCursor = isCursorRow && c == ctx.cursorColumn;
        const bool bad = cell == Cell::Unreadable;
        const char high = atCursor && m_pendingNibble >= 0 ? HexDigits[m_pendingNibble]
                          : bad                            ? '?'
                                                           : HexDigits[v >> 4];
        const char low = bad ? '?' : HexDigits[v & 0xf];
        const char shown = bad ? '?' : HexLayout::textChar(v);
        const bool hexActive = atCursor && m_area == Area::Hex;
        const bool textActive = atCursor && m_area == Area::Text;
        // Bytes not read from memory have their own colours: dimmed zeros, warning "??".
        QList<quint32> &plainGlyphs = bad ? runs.unreadableGlyphs
            : cell == Cell::Untouched     ? runs.untouchedGlyphs
                                          : runs.byteGlyphs;
        QList<QPointF> &plainPositions = bad ? runs.unreadablePositions
            : cell == Cell::Untouched        ? runs.untouchedPositions
                                             : runs.bytePositions;
        // The typed high nibble stays in normal colours; the block covers the low digit.
        const bool highInCursor = hexActive && m_pendingNibble < 0;
        (highInCursor ? runs.cursorGlyphs : plainGlyphs).append(glyph(high));
        (highInCursor ? runs.cursorPositions : plainPositions).append(QPointF(hx, baseline));
        (hexActive ? runs.cursorGlyphs : plainGlyphs).append(glyph(low));
        (hexActive ? runs.cursorPositions : plainPositions).append(QPointF(hx + cw, baseline));
        (textActive ? runs.cursorGlyphs : plainGlyphs).append(glyph(shown));
        (textActive ? runs.cursorPositions : plainPositions).append(QPointF(tx, baseline));
        if (atCursor)
            paintCursor(p, ctx, hx, tx, y);
    }
}

void HexView::setDifferences(std::vector<shm::ByteRange> ranges)
{
    m_differences = std::move(ranges);
    viewport()->update();
}

bool HexView::isDifference(quint64 offset) const
{
    const auto after = std::upper_bound(
        m_differences.begin(), m_differences.end(), offset,
        [](quint64 value, const shm::ByteRange &range) { return value < range.offset; });
    return after != m_differences.begin() && offset - std::prev(after)->offset < std::prev(after)->length;
}

// A fading change wins over the selection, which wins over a difference, then a find match.
void HexView::paintCellBackground(QPainter &p, const PaintContext &ctx, quint64 offset,
                                  int column, int count, int y, bool matched) const
{
    const double glow = m_tracker.isFading() ? m_tracker.glow(offset) : 0.0;
    const bool selected = offset >= ctx.selStart && offset < ctx.selEnd;
    QColor bg;
    if (glow > 0)
        bg = colors::blend(ctx.base, ctx.changed, glow);
    else if (selected)
        bg = ctx.selection;
    else if (!m_differences.empty() && isDifference(offset))
        bg = ctx.difference;
    else if (matched)
        bg = ctx.match;
    else
        return;
    // Selected bytes join across the gap inside their group.
    const int groupSize = m_layout.groupSize();
    const bool joins = selected && column % groupSize != groupSize - 1 && column + 1 < count
                       && offset + 1 < ctx.selEnd;
    const int cw = ctx.charWidth;
    p.fillRect(ctx.hexX0 + m_layout.hexCharIndex(column) * cw, y, 2 * cw + (joins ? cw : 0),
               ctx.lineHeight, bg);
    p.fillRect(ctx.textX0 + column * cw, y, cw, ctx.lineHeight, bg);
}

// Unreadable bytes are tinted (when nothing else colours them), so a run of "??" stands out.
void HexView::paintUnreadableBackground(QPainter &p, const PaintContext &ctx, int column,
                                        int y) const
{
    const int cw = ctx.charWidth;
    p.fillRect(ctx.hexX0 + m_layout.hexCharIndex(column) * cw, y, 2 * cw, ctx.lineHeight,
               ctx.unreadableBackground);
    p.fillRect(ctx.textX0 + column * cw, y, cw, ctx.lineHeight, ctx.unreadableBackground);
}

// The active column's cursor is a solid block, the other's an outline.
void HexView::paintCursor(QPainter &p, const PaintContext &ctx, int hx, int tx, int y) const
{
    const int cw = ctx.charWidth;
    const int pending = m_pendingNibble >= 0 ? cw : 0;
    const QRect hexCell(hx + pending, y, 2 * cw - pending, ctx.lineHeight);
    const QRect textCell(tx, y, cw, ctx.lineHeight);
    const QColor cursorColor = ctx.focused ? palette().color(QPalette::Highlight) : ctx.offsetText;
    p.fillRect(m_area == Area::Hex ? hexCell : textCell, cursorColor);
    p.setPen(cursorColor);
    p.drawRect((m_area == Area::Hex ? textCell : hexCell).adjusted(0, 0, -1, -1));
}

void HexView::drawGlyphRuns(QPainter &p, const PaintContext &ctx, const GlyphRuns &runs) const
{
    QGlyphRun run;
    run.setRawFont(m_rawFont);
    const auto draw = [&](const QList<quint32> &glyphs, const QList<QPointF> &positions,
                          const QColor &color) {
        if (glyphs.isEmpty())
            return;
        run.setGlyphIndexes(glyphs);
        run.setPositions(positions);
        p.setPen(color);
        p.drawGlyphRun(QPointF(0, 0), run);
    };
    draw(runs.offsetGlyphs, runs.offsetPositions, ctx.offsetText);
    draw(runs.byteGlyphs, runs.bytePositions, ctx.text);
    draw(runs.untouchedGlyphs, runs.untouchedPositions, ctx.untouched);
    draw(runs.unreadableGlyphs, runs.unreadablePositions, ctx.unreadable);
    draw(runs.cursorGlyphs, runs.cursorPositions,
         ctx.focused ? palette().color(QPalette::HighlightedText) : ctx.base);
}
