#pragma once

// The value at the hex view's cursor as every common type, little and big endian side by side.
// Refreshed on every live tick; editing a cell writes the value's bytes through the view's
// editor (one undo step; a read-only view refuses).
//
// Live values never overwrite what the user types: while a cell is being edited its text stays
// as typed and the live value is shown beside it ("now: 1234", greyed, and in a note under the
// table). Enter writes exactly what was typed; Esc gives the cell back to the live value; any
// other way out of the cell (another cell, Tab, the cursor moving) writes nothing and says so.
// A value on a page that cannot be read shows as unreadable, not as 0.

#include "ui/memory/valuecodec.h"

#include "core/result.h"

#include <QPointer>
#include <QWidget>

class HexView;
class QLabel;
class QLineEdit;
class QTableWidget;
class QTableWidgetItem;
class InspectorDelegate;
class LiveValueEdit;

class DataInspector : public QWidget
{
    Q_OBJECT
public:
    enum Column { LittleEndianColumn, BigEndianColumn, ColumnCount };

    explicit DataInspector(QWidget *parent = nullptr);

    // Follows the view's cursor and live ticks. nullptr detaches.
    void setHexView(HexView *view);
    // The text shown for a type and byte order ("" when too close to the end).
    QString valueText(valuecodec::ValueType type, valuecodec::Endian endian) const;
    // Writes `text` parsed as `type` at the cursor; an error on bad input, a read-only view, or
    // not enough room (memory unchanged).
    shm::Result<void> editValue(valuecodec::ValueType type, valuecodec::Endian endian,
                                const QString &text);
    QTableWidget *table() const { return m_table; }
    // The cell's editor while the user edits it (nullptr otherwise); its text is what was typed.
    QLineEdit *openEditor() const;
    // The live value shown beside the editor ("" when no cell is being edited).
    QString liveValueBesideEditor() const;

public slots:
    void refresh();

signals:
    // An edit typed into the table was refused: why.
    void message(const QString &text);

private:
    friend class InspectorDelegate;
    void onItemChanged(QTableWidgetItem *item);
    // From the delegate: an editor opened on (row, column), closed, or committed with Enter.
    void editorOpened(LiveValueEdit *editor, int row, int column);
    void editorClosed();
    void commitTyped(int row, int column, const QString &text, bool byEnter, bool modified);
    // The value of `bytes[0..n)` with `firstUnreadable` (n when all are readable): "" when too
    // close to the end, "unreadable" when a byte it needs could not be read.
    QString cellText(valuecodec::ValueType type, valuecodec::Endian endian, const std::byte *bytes,
                     quint64 n, quint64 firstUnreadable) const;

    HexView *m_view = nullptr;
    QTableWidget *m_table;
    QLabel *m_editNote;
    InspectorDelegate *m_delegate;
    bool m_updating = false;
    // The cell being edited, and the offset it was opened at.
    QPointer<LiveValueEdit> m_editor;
    int m_editRow = -1;
    int m_editColumn = -1;
    quint64 m_editOffset = 0;
};
