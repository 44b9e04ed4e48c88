#pragma once

// Who holds a POSIX object or a memfd: one row per mapping or descriptor of a process (a process
// may map an object several times and hold several descriptors to it). Updated by a sorted
// merge on (pid, via, fd or start address), never a reset.

#include "core/holders.h"

#include "ui/common/mergingtablemodel.h"

#include <vector>

class HoldersModel : public MergingTableModel
{
    Q_OBJECT
public:
    enum Column { PidColumn, CommandColumn, ViaColumn, WhereColumn, AccessColumn, ColumnCount };
    Q_ENUM(Column)
    enum Role { SortRole = Qt::UserRole + 1 };
    Q_ENUM(Role)

    explicit HoldersModel(QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Replaces the rows by a merge: emits nothing when nothing differs. Any order accepted.
    void setHolders(std::vector<shm::Holder> holders);
    const std::vector<shm::Holder> &holders() const { return m_rows; }

    // "a mapping" / "descriptor 5", and "0x7f… – 0x7f… (4,096 bytes)" / "fd 5", as the table
    // shows them (the removal confirmation lists holders the same way).
    static QString viaText(const shm::Holder &holder);
    static QString whereText(const shm::Holder &holder);
    // "1234 (postgres), read-write, mapped at 0x…": one line per holder.
    static QString lineText(const shm::Holder &holder);

protected:
    int rowTotal() const override { return int(m_rows.size()); }

private:
    std::vector<shm::Holder> m_rows; // sorted by (pid, via, fd, start)
};
