#include "ui/memory/hexview.h"

#include "ui/memory/bytesource.h"
#include "ui/common/errortext.h"
#include "ui/memory/hexundo.h"

#include "core/bytesearch.h"
#include "core/parse.h"

#include <QFontDatabase>
#include <QGlyphRun>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>
#include <QUndoStack>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace {

constexpr qint64 FadeMs = 1000;
constexpr quint64 MaxEditBytes = quint64(256) << 20; // undo keeps a copy of what it replaces
constexpr char HexDigits[] = "0123456789abcdef";

// A highlight colour for changed bytes, derived from the palette: the selection hue turned
// towards its complement, so it differs from the selection in light and dark themes alike.
QColor changeColor(const QPalette &palette)
{
    const QColor highlight = palette.color(QPalette::Highlight);
    int h = highlight.hsvHue();
    if (h < 0)
        h = 210;
    return QColor::fromHsv((h + 170) % 360, std::max(170, highlight.hsvSaturation()),
                           std::max(200, highlight.value()));
}

} // namespace

HexView::HexView(QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_undoStack(new QUndoStack(this))
{
    QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    setFont(fixed);
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setCursor(Qt::IBeamCursor);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    m_clock.start();
    updateMetrics();
    // For screen readers: where the cursor is and the byte under it.
    setAccessibleName(tr("Hex view"));
    connect(this, &HexView::cursorMoved, this, [this](quint64 offset) {
        std::byte value{};
        if (!m_source || m_source->read(offset, &value, 1) != 1) {
            setAccessibleDescription(tr("Offset 0x%1").arg(offset, 0, 16));
            return;
        }
        const uint byte = std::to_integer<uint>(value);
        setAccessibleDescription(tr("Offset 0x%1, value 0x%2 (%3)")
                                     .arg(offset, 0, 16)
                                     .arg(byte, 2, 16, QLatin1Char('0'))
                                     .arg(byte));
    });
}

HexView::~HexView() = default;

void HexView::setSource(ByteSource *source)
{
    if (m_source)
        disconnect(m_source, nullptr, this, nullptr);
    m_source = source;
    m_undoStack->clear();
    m_layout.setDataSize(source ? source->size() : 0);
    m_cursor = m_anchor = 0;
    m_hasSelection = false;
    m_pendingNibble = -1;
    m_topRow = 0;
    m_changedAt.clear();
    m_changedOffsets.clear();
    m_haveWindow = false;
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
    // Horizontally: keep the cursor's hex cell in view.
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
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
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

void HexView::setSelection(quint64 start, quint64 length)
{
    const quint64 size = m_layout.dataSize();
    if (size == 0 || length == 0 || start >= size) {
        clearSelection();
        return;
    }
    length = std::min(length, size - start);
    endTypingRun();
    m_pendingNibble = -1;
    m_anchor = start;
    m_cursor = start + length - 1;
    m_hasSelection = true;
    ensureVisible(m_cursor);
    viewport()->update();
    emit cursorMoved(m_cursor);
    emit selectionChanged();
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
    m_typingRunOpen = false;
}

bool HexView::goTo(const QString &text, QString *errorMessage)
{
    const auto parsed = shm::parseOffset(text.trimmed().toStdString());
    if (!parsed) {
        if (errorMessage)
            *errorMessage = errortext::message(parsed.error());
        return false;
    }
    const quint64 size = m_layout.dataSize();
    if (*parsed >= size) {
        if (errorMessage)
            *errorMessage = tr("Offset 0x%1 (%2) is past the end: the segment has %3 bytes, "
                               "the last offset is 0x%4.")
                                .arg(*parsed, 0, 16)
                                .arg(*parsed)
                                .arg(size)
                                .arg(size ? size - 1 : 0, 0, 16);
        return false;
    }
    moveCursor(*parsed, false);
    return true;
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
    const quint64 before = m_changedOffsets.size();
    const quint64 changed = takeSnapshot(true);
    const qint64 now = m_clock.elapsed();
    const bool wasFading = !m_changedAt.empty();
    for (auto it = m_changedAt.begin(); it != m_changedAt.end();) {
        if (now - it->second > FadeMs)
            it = m_changedAt.erase(it);
        else
            ++it;
    }
    if (changed > 0 || wasFading)
        viewport()->update();
    if (m_changedOffsets.size() != before)
        emit changesCounted(m_changedOffsets.size());
    emit refreshed();
    return changed;
}

quint64 HexView::takeSnapshot(bool compare)
{
    quint64 changed = 0;
    if (!m_source || m_layout.dataSize() == 0) {
        m_window.clear();
        m_haveWindow = false;
        return 0;
    }
    const quint64 start = m_layout.rowStart(m_topRow);
    const quint64 wanted = visibleRowCount() * quint64(m_layout.bytesPerRow());
    m_scratch.resize(std::size_t(std::min(wanted, m_layout.dataSize() - start)));
    m_scratch.resize(std::size_t(m_source->read(start, m_scratch.data(), m_scratch.size())));
    if (compare && m_haveWindow) {
        const quint64 lo = std::max(start, m_windowOffset);
        const quint64 hi = std::min(start + m_scratch.size(), m_windowOffset + m_window.size());
        if (lo < hi) {
            const std::byte *now = m_scratch.data() + (lo - start);
            const std::byte *was = m_window.data() + (lo - m_windowOffset);
            const std::size_t n = std::size_t(hi - lo);
            if (std::memcmp(now, was, n) != 0) {
                const qint64 t = m_clock.elapsed();
                // Compare 64-byte blocks first; look at single bytes only inside differing ones.
                constexpr std::size_t Block = 64;
                for (std::size_t b = 0; b < n; b += Block) {
                    const std::size_t len = std::min(Block, n - b);
                    if (std::memcmp(now + b, was + b, len) == 0)
                        continue;
                    for (std::size_t i = b; i < b + len; ++i) {
                        if (now[i] != was[i]) {
                            m_changedAt[lo + i] = t;
                            m_changedOffsets.insert(lo + i);
                            ++changed;
                        }
                    }
                }
            }
        }
    }
    m_window.swap(m_scratch);
    m_windowOffset = start;
    m_haveWindow = true;
    return changed;
}

void HexView::onBytesWritten(quint64 offset, quint64 count)
{
    // Our own writes are not "changes by another process": copy them into the snapshot.
    if (m_haveWindow) {
        const quint64 lo = std::max(offset, m_windowOffset);
        const quint64 hi = std::min(offset + count, m_windowOffset + m_window.size());
        if (lo < hi)
            m_source->read(lo, m_window.data() + (lo - m_windowOffset), hi - lo);
    }
    viewport()->update();
    emit refreshed();
}

void HexView::resetChanges()
{
    m_changedOffsets.clear();
    m_changedAt.clear();
    viewport()->update();
    emit changesCounted(0);
}

std::optional<quint64> HexView::nextChange(quint64 after) const
{
    auto it = m_changedOffsets.upper_bound(after);
    if (it == m_changedOffsets.end())
        return std::nullopt;
    return *it;
}

std::optional<quint64> HexView::previousChange(quint64 before) const
{
    auto it = m_changedOffsets.lower_bound(before);
    if (it == m_changedOffsets.begin())
        return std::nullopt;
    return *std::prev(it);
}

bool HexView::goToNextChange()
{
    const auto next = nextChange(m_cursor);
    if (!next) {
        emit message(tr("No changed byte after 0x%1.").arg(m_cursor, 0, 16));
        return false;
    }
    moveCursor(*next, false);
    return true;
}

bool HexView::goToPreviousChange()
{
    const auto previous = previousChange(m_cursor);
    if (!previous) {
        emit message(tr("No changed byte before 0x%1.").arg(m_cursor, 0, 16));
        return false;
    }
    moveCursor(*previous, false);
    return true;
}

void HexView::setHighlightPattern(const QByteArray &pattern)
{
    m_pattern = pattern;
    viewport()->update();
}

// --- editing ------------------------------------------------------------------------------

void HexView::reportReadOnly()
{
    emit message(tr("This view is read-only: switch editing on (Ctrl+E) to change bytes."));
}

bool HexView::writeBytes(quint64 offset, const QByteArray &bytes, const QString &undoText)
{
    if (!m_source || !m_source->isWritable()) {
        reportReadOnly();
        return false;
    }
    if (bytes.isEmpty())
        return true;
    if (!m_source->contains(offset, quint64(bytes.size()))) {
        emit message(tr("%1 bytes do not fit at 0x%2: only %3 bytes remain to the end.")
                         .arg(bytes.size())
                         .arg(offset, 0, 16)
                         .arg(offset < m_layout.dataSize() ? m_layout.dataSize() - offset : 0));
        return false;
    }
    endTypingRun();
    QByteArray old(bytes.size(), Qt::Uninitialized);
    m_source->read(offset, reinterpret_cast<std::byte *>(old.data()), quint64(old.size()));
    QPointer<HexView> self(this);
    auto *command = new WriteBytesCommand(m_source, offset, old, bytes, undoText, -1,
                                          [self](const QString &text) {
                                              if (self)
                                                  emit self->message(text);
                                          });
    m_undoStack->push(command);
    return true;
}

bool HexView::fillSelection(quint8 value)
{
    const quint64 length = m_hasSelection ? selectionLength() : 1;
    if (length > MaxEditBytes) {
        emit message(tr("Select at most %1 MiB to fill.").arg(MaxEditBytes >> 20));
        return false;
    }
    return writeBytes(selectionStart(), QByteArray(qsizetype(length), char(value)),
                      tr("Fill %1 bytes with 0x%2").arg(length).arg(value, 2, 16, QLatin1Char('0')));
}

bool HexView::pasteHex(const QString &text, QString *errorMessage)
{
    const auto parsed = shm::parseHexBytes(text.toStdString());
    if (!parsed) {
        if (errorMessage)
            *errorMessage = tr("The clipboard does not hold hex bytes: %1")
                                .arg(errortext::message(parsed.error()));
        return false;
    }
    const quint64 at = selectionStart();
    const quint64 count = parsed->size();
    if (!m_source || !m_source->contains(at, count)) {
        if (errorMessage)
            *errorMessage = tr("%1 bytes do not fit at 0x%2: only %3 bytes remain to the end.")
                                .arg(count)
                                .arg(at, 0, 16)
                                .arg(m_layout.dataSize() - std::min(at, m_layout.dataSize()));
        return false;
    }
    const QByteArray bytes(reinterpret_cast<const char *>(parsed->data()), qsizetype(count));
    if (!writeBytes(at, bytes, tr("Paste %1 bytes").arg(count))) {
        if (errorMessage)
            *errorMessage = tr("This view is read-only.");
        return false;
    }
    m_hasSelection = false;
    moveCursor(std::min(at + count, m_layout.dataSize() - 1), false);
    return true;
}

void HexView::typeHexDigit(int digit)
{
    if (!m_source || !m_source->isWritable()) {
        reportReadOnly();
        return;
    }
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
    if (!m_source || !m_source->isWritable()) {
        reportReadOnly();
        return;
    }
    if (m_hasSelection) {
        m_hasSelection = false;
        emit selectionChanged();
    }
    if (!m_typingRunOpen) {
        ++m_typingRun;
        m_typingRunOpen = true;
    }
    std::byte old{};
    m_source->read(m_cursor, &old, 1);
    QPointer<HexView> self(this);
    m_undoStack->push(new WriteBytesCommand(
        m_source, m_cursor, QByteArray(1, char(std::to_integer<unsigned char>(old))),
        QByteArray(1, char(value)), tr("Typing"), m_typingRun, [self](const QString &text) {
            if (self)
                emit self->message(text);
        }));
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
    const QRect rect = event->rect();
    p.fillRect(rect, pal.base());
    if (!m_source || m_layout.dataSize() == 0)
        return;

    const int lh = m_layout.lineHeight();
    const int cw = m_layout.charWidth();
    const int dx = -horizontalScrollBar()->value();
    const int digits = m_layout.offsetDigits();
    const quint64 rows = m_layout.rowCount();
    const bool focused = hasFocus();

    const QColor textColor = pal.color(QPalette::Text);
    const QColor offsetColor = pal.color(QPalette::PlaceholderText);
    QColor selectionColor = pal.color(QPalette::Highlight);
    selectionColor.setAlpha(110);
    QColor matchColor = pal.color(QPalette::Highlight);
    matchColor.setAlpha(55);
    const QColor changed = changeColor(pal);
    const qint64 now = m_clock.elapsed();

    // Matches of the find pattern in the snapshot (only the visible rows are searched).
    std::vector<bool> matched;
    if (!m_pattern.isEmpty() && m_haveWindow && !m_window.empty()) {
        matched.assign(m_window.size(), false);
        const auto *needle = reinterpret_cast<const std::byte *>(m_pattern.constData());
        quint64 from = 0;
        while (auto hit = shm::findForward(m_window.data(), m_window.size(), needle,
                                           std::size_t(m_pattern.size()), from)) {
            for (qsizetype i = 0; i < m_pattern.size(); ++i)
                matched[std::size_t(*hit) + std::size_t(i)] = true;
            from = *hit + 1;
        }
    }

    p.setPen(pal.color(QPalette::Mid));
    const int sepX = dx + m_layout.hexX() - cw;
    p.drawLine(sepX, rect.top(), sepX, rect.bottom());
    const int sepX2 = dx + m_layout.textX() - cw;
    p.drawLine(sepX2, rect.top(), sepX2, rect.bottom());

    // Glyphs of all visible rows, gathered into three runs (offsets, bytes, cursor cell) and
    // drawn with one call each: no per-row text layout.
    m_offsetGlyphs.clear();
    m_offsetPositions.clear();
    m_byteGlyphs.clear();
    m_bytePositions.clear();
    QList<quint32> cursorGlyphs;
    QList<QPointF> cursorPositions;
    const auto glyph = [this](char c) { return m_glyphIndex[std::size_t(uchar(c))]; };
    std::byte fallback[64];
    const quint64 selStart = selectionStart();
    const quint64 selEnd = selStart + selectionLength(); // exclusive; equal without selection
    const int firstLine = std::max(0, rect.top() / lh);
    const int lastLine = rect.bottom() / lh;
    const int hexX0 = dx + m_layout.hexX();
    const int textX0 = dx + m_layout.textX();
    const int groupSize = m_layout.groupSize();
    const int cursorColumn = m_layout.columnOf(m_cursor);
    const quint64 cursorRow = m_layout.rowOf(m_cursor);
    for (int line = firstLine; line <= lastLine; ++line) {
        const quint64 row = m_topRow + quint64(line);
        if (row >= rows)
            break;
        const int y = line * lh;
        const qreal baseline = y + m_ascent;
        const quint64 start = m_layout.rowStart(row);
        const int count = m_layout.bytesInRow(row);
        const std::byte *bytes = nullptr;
        std::size_t windowIndex = 0;
        bool fromWindow = false;
        if (m_haveWindow && start >= m_windowOffset
            && start + quint64(count) <= m_windowOffset + m_window.size()) {
            windowIndex = std::size_t(start - m_windowOffset);
            bytes = m_window.data() + windowIndex;
            fromWindow = true;
        } else {
            m_source->read(start, fallback, quint64(count));
            bytes = fallback;
        }

        quint64 o = start;
        for (int i = digits - 1; i >= 0; --i, o >>= 4) {
            m_offsetGlyphs.append(glyph(HexDigits[o & 0xf]));
            m_offsetPositions.append(QPointF(dx + m_layout.offsetX() + i * cw, baseline));
        }

        const bool isCursorRow = row == cursorRow;
        for (int c = 0; c < count; ++c) {
            const quint64 offset = start + quint64(c);
            const int hx = hexX0 + m_layout.hexCharIndex(c) * cw;
            const int tx = textX0 + c * cw;
            // Background: a fading change wins over the selection, which wins over a match.
            QColor bg;
            if (!m_changedAt.empty()) {
                auto it = m_changedAt.find(offset);
                if (it != m_changedAt.end() && now - it->second <= FadeMs) {
                    bg = changed;
                    bg.setAlphaF(float(std::max<qreal>(0.15, 1.0 - qreal(now - it->second) / FadeMs)));
                }
            }
            const bool selected = offset >= selStart && offset < selEnd;
            if (!bg.isValid() && selected)
                bg = selectionColor;
            else if (!bg.isValid() && fromWindow && !matched.empty()
                     && matched[windowIndex + std::size_t(c)])
                bg = matchColor;
            if (bg.isValid()) {
                // Selected bytes join across the gap inside their group.
                const bool joins = selected && c % groupSize != groupSize - 1 && c + 1 < count
                                   && offset + 1 < selEnd;
                p.fillRect(hx, y, 2 * cw + (joins ? cw : 0), lh, bg);
                p.fillRect(tx, y, cw, lh, bg);
            }

            const unsigned v = std::to_integer<unsigned>(bytes[c]);
            char high = HexDigits[v >> 4];
            const char low = HexDigits[v & 0xf];
            const char shown = v >= 0x20 && v < 0x7f ? char(v) : '.';
            const bool atCursor = isCursorRow && c == cursorColumn;
            if (atCursor && m_pendingNibble >= 0)
                high = HexDigits[m_pendingNibble];
            const bool hexActive = atCursor && m_area == Area::Hex;
            const bool textActive = atCursor && m_area == Area::Text;
            // The typed high nibble stays in normal colours; the block covers the low digit.
            auto &highGlyphs = hexActive && m_pendingNibble < 0 ? cursorGlyphs : m_byteGlyphs;
            auto &highPos = hexActive && m_pendingNibble < 0 ? cursorPositions : m_bytePositions;
            highGlyphs.append(glyph(high));
            highPos.append(QPointF(hx, baseline));
            auto &lowGlyphs = hexActive ? cursorGlyphs : m_byteGlyphs;
            auto &lowPos = hexActive ? cursorPositions : m_bytePositions;
            lowGlyphs.append(glyph(low));
            lowPos.append(QPointF(hx + cw, baseline));
            auto &textGlyphs = textActive ? cursorGlyphs : m_byteGlyphs;
            auto &textPos = textActive ? cursorPositions : m_bytePositions;
            textGlyphs.append(glyph(shown));
            textPos.append(QPointF(tx, baseline));

            if (atCursor) {
                // The active column's cursor is a solid block, the other's an outline.
                const int pending = m_pendingNibble >= 0 ? cw : 0;
                const QRect hexCell(hx + pending, y, 2 * cw - pending, lh);
                const QRect textCell(tx, y, cw, lh);
                const QColor cursorColor = focused ? pal.color(QPalette::Highlight) : offsetColor;
                p.fillRect(m_area == Area::Hex ? hexCell : textCell, cursorColor);
                p.setPen(cursorColor);
                p.drawRect((m_area == Area::Hex ? textCell : hexCell).adjusted(0, 0, -1, -1));
            }
        }
    }

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
    draw(m_offsetGlyphs, m_offsetPositions, offsetColor);
    draw(m_byteGlyphs, m_bytePositions, textColor);
    draw(cursorGlyphs, cursorPositions,
         focused ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Base));
}
