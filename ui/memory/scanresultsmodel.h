#pragma once

// The candidates of a value scan as a table: offset, value now, value at the previous scan.
// At most MaxRows rows (the first candidates in offset order); "value now" is read again by
// refreshRows() through the source's memoryAccess() (untouched pages are zeros, not read; a page
// that faults shows as unreadable), which emits dataChanged for the rows whose value changed.

#include "core/valuescan.h"

#include <QAbstractTableModel>

#include <memory>
#include <vector>

class ByteSource;

class ScanResultsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { OffsetColumn, ValueColumn, PreviousColumn, ColumnCount };
    // The raw offset (quint64) of a row, for any column.
    enum Role { OffsetRole = Qt::UserRole + 1 };
    static constexpr int MaxRows = 10000;

    explicit ScanResultsModel(QObject *parent = nullptr);

    // The model does not own the source; it must outlive the model or be unset first.
    void setSource(ByteSource *source);
    // The candidates to show (nullptr: none). The rows show each candidate's value at the scan
    // until refreshRows() reads them.
    void setScan(std::shared_ptr<const shm::ValueScan> scan);
    const std::shared_ptr<const shm::ValueScan> &scan() const { return m_scan; }
    // All the candidates, including those beyond MaxRows.
    quint64 candidateCount() const { return m_scan ? m_scan->count() : 0; }
    quint64 offsetAt(int row) const;

    // Reads the current values of rows first..last (clamped) from the source.
    void refreshRows(int first, int last);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        quint64 offset = 0;
        shm::ScanBits previous = 0;
        shm::ScanBits now = 0;
        bool readable = true;
    };

    ByteSource *m_source = nullptr;
    std::shared_ptr<const shm::ValueScan> m_scan;
    std::vector<Row> m_rows;
};
