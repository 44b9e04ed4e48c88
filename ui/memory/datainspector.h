#pragma once

// The value at the hex view's cursor as every common type, little and big endian side by side.
// Refreshed on every live tick; editing a cell writes the value's bytes through the view's
// editor (one undo step; a read-only view refuses).

#include "ui/memory/valuecodec.h"

#include "core/result.h"

#include <QWidget>

class HexView;
class QTableWidget;
class QTableWidgetItem;

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

public slots:
    void refresh();

signals:
    // An edit typed into the table was refused: why.
    void message(const QString &text);

private:
    void onItemChanged(QTableWidgetItem *item);

    HexView *m_view = nullptr;
    QTableWidget *m_table;
    bool m_updating = false;
};
