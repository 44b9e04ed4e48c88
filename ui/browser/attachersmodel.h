#pragma once

// The processes that have one segment attached: one row per mapping (a process may attach the
// same segment more than once). Updated by a sorted merge on (pid, start address), never a reset.

#include "core/attachers.h"

#include "ui/common/mergingtablemodel.h"

#include <vector>

class AttachersModel : public MergingTableModel
{
    Q_OBJECT
public:
    enum Column { PidColumn, CommandColumn, AddressColumn, LengthColumn, AccessColumn, ColumnCount };
    Q_ENUM(Column)
    enum Role { SortRole = Qt::UserRole + 1 };
    Q_ENUM(Role)

    explicit AttachersModel(QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Replaces the rows by a merge: emits nothing when nothing differs. Any order accepted.
    void setAttachers(std::vector<shm::Attacher> attachers);
    const std::vector<shm::Attacher> &attachers() const { return m_rows; }

protected:
    int rowTotal() const override { return int(m_rows.size()); }

private:
    std::vector<shm::Attacher> m_rows; // sorted by (pid, start)
};
