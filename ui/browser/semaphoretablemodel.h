#pragma once

// The table of every semaphore set: one row per SemaphoreSetInfo, kept sorted by semid and
// refreshed by the sorted merge (never a reset), as the segment table is. User, group and process
// names come from the segment table's caches.

#include "core/semaphores.h"

#include "ui/browser/columntablemodel.h"

#include <vector>

class SegmentTableModel;

class SemaphoreTableModel : public ColumnTableModel
{
    Q_OBJECT
public:
    enum Column {
        KeyColumn,
        SemidColumn,
        PermsColumn,
        NsemsColumn,
        OwnerColumn,
        GroupColumn,
        OperationTimeColumn,
        ChangeTimeColumn,
        ValuesColumn,
        WaitersColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    // The roles SegmentFilterProxy sorts and filters by.
    enum Role {
        SortRole = Qt::UserRole + 1, // raw number, or text for names and values
        SemidRole,                   // int, any column
        SearchTextRole,              // the numbers behind names (uid, decimal key, octal mode)
    };
    Q_ENUM(Role)

    // `names` (user, group and process names) must outlive the model.
    explicit SemaphoreTableModel(const SegmentTableModel *names, QObject *parent = nullptr);

    // Merges a listing (any order; listSemaphoreSets() gives semid order). Emits only what
    // differs, nothing when nothing does.
    MergeStats merge(const std::vector<shm::SemaphoreSetInfo> &sets);

    // The row of semid, or -1.
    int rowOfSemid(int semid) const;
    // Precondition: 0 <= row < rowCount().
    const shm::SemaphoreSetInfo &setAt(int row) const { return m_rows[size_t(row)]; }
    const SegmentTableModel *names() const { return m_names; }

    // "3, 0, 7" (the first values, then "…"), or why they could not be read.
    static QString valuesText(const shm::SemaphoreSetInfo &set);
    // "2 waiting to take, 1 for zero", "none", or "" when the values are unknown.
    static QString waitersText(const shm::SemaphoreSetInfo &set);
    // Totals of ncnt and of zcnt over the set's semaphores.
    static int waitingToTake(const shm::SemaphoreSetInfo &set);
    static int waitingForZero(const shm::SemaphoreSetInfo &set);

protected:
    int rowTotal() const override { return int(m_rows.size()); }
    QVariant cellData(int row, int column, int role) const override;

private:
    static std::span<const ColumnSpec> columnSpecs();
    // The field behind a column that is not Custom, and the Custom columns' text or sort key.
    static QVariant rawData(const shm::SemaphoreSetInfo &set, int column);
    static QVariant customData(const shm::SemaphoreSetInfo &set, int column, bool sortKey);
    QVariant toolTipData(const shm::SemaphoreSetInfo &set, int column) const;

    const SegmentTableModel *m_names;
    std::vector<shm::SemaphoreSetInfo> m_rows;
};
