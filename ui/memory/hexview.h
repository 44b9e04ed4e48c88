#pragma once

// A live hex view/editor over a ByteSource: offset, hex and text columns. Paints only the
// visible rows from a per-tick copy of the visible window; a timer compares each copy with the
// previous one and highlights the bytes that changed, fading over about a second. Offsets are
// 64-bit; the int-ranged scroll bar is mapped onto rows by HexLayout.

#include "ui/memory/bytesource.h"
#include "ui/memory/hexlayout.h"

#include <QAbstractScrollArea>
#include <QBasicTimer>
#include <QByteArray>
#include <QElapsedTimer>
#include <QPointer>
#include <QRawFont>

#include <array>

#include <cstddef>
#include <optional>
#include <set>
#include <unordered_map>
#include <vector>

class QUndoStack;

class HexView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    enum class Area { Hex, Text };

    explicit HexView(QWidget *parent = nullptr);
    ~HexView() override;

    // The view does not own the source. Resets cursor, selection and change tracking.
    void setSource(ByteSource *source);
    ByteSource *source() const { return m_source; }
    QUndoStack *undoStack() const { return m_undoStack; }
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
    void clearSelection();
    // A copy of the selected bytes (the byte at the cursor without a selection).
    QByteArray selectedBytes() const;
    // Whether a first hex digit has been typed and waits for the second.
    bool hasPendingNibble() const { return m_pendingNibble >= 0; }

    quint64 topRow() const { return m_topRow; }
    void setTopRow(quint64 row);
    void ensureVisible(quint64 offset);
    // Parses "0x1f0", "496", "1f0h"; false with a message when unparsable or past the end.
    bool goTo(const QString &text, QString *errorMessage = nullptr);

    // Live refresh: every `ms` (default 33) copy the visible window and compare. 0 pauses.
    void setRefreshInterval(int ms);
    int refreshInterval() const { return m_interval; }
    void setLivePaused(bool paused);
    bool isLivePaused() const { return m_paused; }
    // One tick now; returns how many bytes changed since the previous copy.
    quint64 refreshNow();
    // Distinct offsets seen changing since the view opened or resetChanges().
    quint64 changedByteCount() const { return quint64(m_changedOffsets.size()); }
    bool hasChanged(quint64 offset) const { return m_changedOffsets.count(offset) != 0; }
    void resetChanges();
    std::optional<quint64> nextChange(quint64 after) const;
    std::optional<quint64> previousChange(quint64 before) const;
    bool goToNextChange();
    bool goToPreviousChange();

    // Edits (through the undo stack). False, with a message signal, when read-only or when the
    // range does not fit.
    bool writeBytes(quint64 offset, const QByteArray &bytes, const QString &undoText);
    bool fillSelection(quint8 value);
    // Writes the parsed hex bytes at the cursor (or over the selection start).
    bool pasteHex(const QString &text, QString *errorMessage = nullptr);

    // Bytes to highlight wherever they appear in the visible rows (find matches); empty: none.
    void setHighlightPattern(const QByteArray &pattern);

    QSize sizeHint() const override;

signals:
    void cursorMoved(quint64 offset);
    void selectionChanged();
    void changesCounted(quint64 distinctBytes);
    // After every live tick (values at the cursor may have changed).
    void refreshed();
    void message(const QString &text);

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

private:
    void updateMetrics();
    void updateScrollBars();
    void restartTimer();
    void moveCursor(quint64 offset, bool extend);
    void endTypingRun();
    void typeHexDigit(int digit);
    void typeByte(quint8 value);
    void onBytesWritten(quint64 offset, quint64 count);
    void reportReadOnly();
    std::optional<quint64> offsetAtPoint(const QPoint &pos, Area *area) const;
    // The snapshot of the visible rows: [m_windowOffset, m_windowOffset + m_window.size()).
    quint64 takeSnapshot(bool compare);
    quint64 visibleRowCount() const;

    QPointer<ByteSource> m_source;
    QUndoStack *m_undoStack;
    HexLayout m_layout;
    quint64 m_topRow = 0;
    int m_scrollSync = 0;
    quint64 m_cursor = 0;
    quint64 m_anchor = 0;
    bool m_hasSelection = false;
    bool m_dragging = false;
    Area m_area = Area::Hex;
    int m_pendingNibble = -1;
    int m_typingRun = 0;
    bool m_typingRunOpen = false;

    std::vector<std::byte> m_window;
    std::vector<std::byte> m_scratch;
    quint64 m_windowOffset = 0;
    bool m_haveWindow = false;

    QBasicTimer m_timer;
    int m_interval = 33;
    bool m_paused = false;
    QElapsedTimer m_clock;
    std::unordered_map<quint64, qint64> m_changedAt; // offset -> ms, while fading
    std::set<quint64> m_changedOffsets;
    QByteArray m_pattern;

    // Painting: a glyph index per character, and reused glyph buffers.
    QRawFont m_rawFont;
    std::array<quint32, 256> m_glyphIndex{};
    int m_ascent = 0;
    QList<quint32> m_offsetGlyphs;
    QList<QPointF> m_offsetPositions;
    QList<quint32> m_byteGlyphs;
    QList<QPointF> m_bytePositions;
};
