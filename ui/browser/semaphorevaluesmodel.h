#pragma once

// One row per semaphore of a set: its number, value, the pid of the last semop on it (with the
// process's name) and how many wait on it for an increase (ncnt) and for zero (zcnt). Refreshed
// by the sorted merge on the semaphore number, so a live set changes cells, not rows.

#include "core/semaphores.h"

#include "ui/browser/columntablemodel.h"

#include <vector>

class SegmentTableModel;

class SemaphoreValuesModel : public ColumnTableModel
{
    Q_OBJECT
public:
    enum Column { IndexColumn, ValueColumn, PidColumn, NcntColumn, ZcntColumn, ColumnCount };
    Q_ENUM(Column)

    // `names` (process names) must outlive the model.
    explicit SemaphoreValuesModel(const SegmentTableModel *names, QObject *parent = nullptr);

    // The semaphores of a set (empty: no rows).
    MergeStats setSemaphores(const std::vector<shm::Semaphore> &semaphores);
    // Precondition: 0 <= row < rowCount().
    const shm::Semaphore &semaphoreAt(int row) const { return m_rows[size_t(row)].item; }

protected:
    int rowTotal() const override { return int(m_rows.size()); }
    QVariant cellData(int row, int column, int role) const override;

private:
    static std::span<const ColumnSpec> columnSpecs();

    const SegmentTableModel *m_names;
    std::vector<Numbered<shm::Semaphore>> m_rows;
};
