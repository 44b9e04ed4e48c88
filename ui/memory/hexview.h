#pragma once

// A live hex view/editor over a ByteSource: offset, hex and text columns. Paints only the
// visible rows from a per-tick copy of the visible window; a ChangeTracker compares each copy
// with the previous one and the changed bytes light up and fade over about a second. Every edit
// goes through the view's ByteEditor. Offsets are 64-bit; the int-ranged scroll bar is mapped
// onto rows by HexLayout.
//
// Every byte shown comes through the source's memory access (ByteSource::readReport): a page
// that faults is painted "??" in a warning colour, a page never written is painted "00" dimmed
// without being read, and the tooltip and cellNote() say why. An unreadable byte is never
// counted as a change.

#include "ui/memory/bytesource.h"
#include "ui/memory/changetracker.h"
#include "ui/memory/hexlayout.h"

#include "core/memoryaccess.h"
#include "core/rangediff.h"
#include "core/result.h"

#include <QAbstractScrollArea>
#include <QBasicTimer>
#include <QByteArray>
#include <QPointer>
#include <QRawFont>

#include <array>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

class ByteEditor;
class QPainter;
class QUndoStack;

class HexView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    enum class Area { Hex, Text };
    // How a byte stands, from the memory access layer's report of the read that shows it.
    enum class Cell : std::uint8_t {
        Read,       // copied from memory
        Untouched,  // on a page never written: zeros, given without reading it (dimmed "00")
        Unreadable, // reading its page faulted ("??")
    };

    explicit HexView(QWidget *parent = nullptr);
    ~HexView() override;

    // The view does not own the source. Resets cursor, selection, change tracking and undo.
    void setSource(ByteSource *source);
    ByteSource *source() const { return m_source; }
    // The one writer of the source (the inspector and the memory view write through it too).
    ByteEditor *editor() const { return m_editor; }
    QUndoStack *undoStack() const;
    const ChangeTracker &changes() const { return m_tracker; }
    const HexLayout &hexLayout() const { return m_layout; }

    void setBytesPerRow(int bytes); // 8, 16, 32
    int bytesPerRow() const { return m_layout.bytesPerRow(); }
    void setGroupSize(int bytes); // 1, 2, 4, 8
    int groupSize() const { return m_layout.groupSize(); }

    // Cursor and selection (offsets are clamped to the data).
    quint64 cursorOffset() const { return m_cursor; }
    void setCursorOffset(quint64 offset, bool extendSelection = false);
    Area activeArea() const { return m_area; }
    void setActiveArea(Area area);
    bool hasSelection() const { return m_hasSelection; }
    quint64 selectionStart() const;
    quint64 selectionLength() const; // 0 without a selection
    void setSelection(quint64 start, quint64 length);
    // Selects [start, start + length) with the cursor on its first byte (where the inspector
    // reads), and scrolls so that this row is away from the view's top and bottom edges (a
    // third of the way down when it was near them or out of view). For find matches.
    void selectMatch(quint64 start, quint64 length);
    // Moves the cursor to `offset` (a change found anywhere, a place on the change map) with
    // its row away from the view's edges, as selectMatch does.
    void goToFarOffset(quint64 offset);
    void clearSelection();
    // A copy of the selected bytes (the byte at the cursor without a selection); unreadable
    // bytes read as zeros (see copyableSelection).
    QByteArray selectedBytes() const;
    // The same for copy: an error, naming the first unreadable byte and why, when some of the
    // selection cannot be read (nothing is copied then). Untouched pages are not read.
    shm::Result<QByteArray> copyableSelection() const;

    // How the byte at `offset` stands now (from the rows on screen when it is one of theirs,
    // otherwise read as the user asked for it).
    Cell cellState(quint64 offset) const;
    // What the view paints for the byte at `offset`: "3f" in the hex column, "?" or "." in the
    // text column; "??" / "?" when unreadable; "" past the end.
    QString cellText(quint64 offset, Area area = Area::Hex) const;
    // Why the byte at `offset` is shown as it is, for a person: "" when it was read from memory.
    QString cellNote(quint64 offset) const;
    // Whether the rows on screen hold unreadable pages (painted "??").
    bool showsUnreadable() const { return m_unreadableShown; }
    // Why they could not be read ("" when none is shown).
    QString unreadableShownNote() const;
    // Whether a first hex digit has been typed and waits for the second.
    bool hasPendingNibble() const { return m_pendingNibble >= 0; }

    quint64 topRow() const { return m_topRow; }
    void setTopRow(quint64 row);
    void ensureVisible(quint64 offset);
    // Parses "0x1f0", "496", "1f0h" and moves the cursor there; an error when unparsable or
    // past the end.
    shm::Result<void> goTo(const QString &text);

    // Live refresh: every `ms` (default 33) copy the visible window and compare. 0 pauses.
    void setRefreshInterval(int ms);
    int refreshInterval() const { return m_interval; }
    void setLivePaused(bool paused);
    bool isLivePaused() const { return m_paused; }
    // One tick now; returns how many bytes changed since the previous copy.
    quint64 refreshNow();
    // Distinct offsets seen changing since the view opened or resetChanges() (ChangeTracker:
    // exact up to its cap of ranges, an upper bound beyond).
    quint64 changedByteCount() const { return m_tracker.changedByteCount(); }
    bool hasChanged(quint64 offset) const { return m_tracker.hasChanged(offset); }
    void resetChanges();
    std::optional<quint64> nextChange(quint64 after) const { return m_tracker.nextChange(after); }
    std::optional<quint64> previousChange(quint64 before) const
    {
        return m_tracker.previousChange(before);
    }
    // Moves the cursor to the next/previous changed byte; an error when there is none.
    shm::Result<void> goToNextChange();
    shm::Result<void> goToPreviousChange();

    // Edits, through editor() (one undo step each); the editor's error when refused (read-only,
    // or the range does not fit), memory unchanged.
    shm::Result<void> writeBytes(quint64 offset, const QByteArray &bytes, const QString &undoText);
    shm::Result<void> fillSelection(quint8 value);
    // Writes the parsed hex bytes at the cursor (or over the selection start).
    shm::Result<void> pasteHex(const QString &text);

    // Bytes to highlight wherever they appear in the visible rows (find matches); empty: none.
    // The matches are found once per snapshot, not on every paint.
    void setHighlightPattern(const QByteArray &pattern);

    // Ranges to show as differences (a compare with a snapshot): sorted and disjoint, painted
    // with a background of their own under the selection and the fading changes. Empty: none.
    void setDifferences(std::vector<shm::ByteRange> ranges);
    const std::vector<shm::ByteRange> &differences() const { return m_differences; }
    bool isDifference(quint64 offset) const;

    QSize sizeHint() const override;

signals:
    void cursorMoved(quint64 offset);
    void selectionChanged();
    void changesCounted(quint64 distinctBytes);
    // After every live tick (values at the cursor may have changed).
    void refreshed();
    // Typing refused (read-only), undo or redo refused: keys have no caller to return to.
    void message(const QString &text);
    // The rows on screen started or stopped holding unreadable pages.
    void unreadableShownChanged(bool shown);

protected:
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void timerEvent(QTimerEvent *event) override;
    void changeEvent(QEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    bool focusNextPrevChild(bool next) override;
    bool viewportEvent(QEvent *event) override;

private:
    // Scrolls so that the row of `offset` is not at an edge of the view.
    void keepAwayFromEdges(quint64 offset);
    struct PaintContext;
    struct GlyphRuns;

    void updateMetrics();
    void updateScrollBars();
    void restartTimer();
    void moveCursor(quint64 offset, bool extend);
    // The horizontal part of ensureVisible: the offset's cell in the active area.
    void ensureColumnVisible(quint64 offset);
    // Selects [start, start + length) (clamped to the data) with the cursor on its first or
    // last byte, without scrolling or signals; false (and no selection) when nothing is left.
    bool placeSelection(quint64 start, quint64 length, bool cursorAtStart);
    // Emits what a new cursor and selection owe their listeners, and repaints.
    void selectionPlaced();
    void endTypingRun();
    void typeHexDigit(int digit);
    void typeByte(quint8 value);
    bool refuseTyping();
    void onBytesWritten(quint64 offset, quint64 count);
    std::optional<quint64> offsetAtPoint(const QPoint &pos, Area *area) const;
    // Reads `count` bytes at `offset` through the source's memory access into dest, and how
    // each stands into cells; returns the first fault met.
    std::optional<shm::Fault> readCells(quint64 offset, std::byte *dest, Cell *cells,
                                        quint64 count) const;
    // The sentence for a cell that is not Read.
    QString noteFor(Cell cell, const std::optional<shm::Fault> &fault) const;
    // Copies the visible rows into the tracker's snapshot (comparing with the previous copy
    // when `compare`); returns how many bytes changed.
    quint64 takeSnapshot(bool compare);
    // Finds the highlight pattern in the snapshot (m_matched, one flag per snapshot byte).
    void updateMatches();
    quint64 visibleRowCount() const;

    // Painting, called from paintEvent only.
    void paintSeparators(QPainter &p, const PaintContext &ctx) const;
    void paintRow(QPainter &p, const PaintContext &ctx, int line, GlyphRuns &runs) const;
    void paintCellBackground(QPainter &p, const PaintContext &ctx, quint64 offset, int column,
                             int count, int y, bool matched) const;
    void paintUnreadableBackground(QPainter &p, const PaintContext &ctx, int column, int y) const;
    void paintCursor(QPainter &p, const PaintContext &ctx, int hx, int tx, int y) const;
    void drawGlyphRuns(QPainter &p, const PaintContext &ctx, const GlyphRuns &runs) const;

    QPointer<ByteSource> m_source;
    ByteEditor *m_editor;
    HexLayout m_layout;
    quint64 m_topRow = 0;
    int m_scrollSync = 0;
    quint64 m_cursor = 0;
    quint64 m_anchor = 0;
    bool m_hasSelection = false;
    bool m_dragging = false;
    Area m_area = Area::Hex;
    int m_pendingNibble = -1;

    ChangeTracker m_tracker;
    QBasicTimer m_timer;
    int m_interval = 33;
    bool m_paused = false;
    QByteArray m_pattern;
    std::vector<bool> m_matched; // per snapshot byte: inside a match of m_pattern
    std::vector<Cell> m_cells;   // per snapshot byte: how it stands
    std::optional<shm::Fault> m_snapshotFault; // the first fault met by the snapshot's read
    bool m_unreadableShown = false;
    std::vector<shm::ByteRange> m_differences;

    // Painting: a glyph index per character, and reused glyph buffers.
    QRawFont m_rawFont;
    std::array<quint32, 256> m_glyphIndex{};
    int m_ascent = 0;
    std::unique_ptr<GlyphRuns> m_runs;
};
