#pragma once

// The table of every System V message queue: one row per QueueInfo, kept sorted by msqid. A
// refresh is a sorted merge (MergingTableModel): rows inserted, removed or changed in place,
// never a model reset, so selection, current row and scroll position survive it. User, group
// and process names come from the segment table's caches.

#include "core/queues.h"

#include "ui/browser/columntablemodel.h"
#include "ui/browser/segmenttablemodel.h"

#include <vector>

class QueueTableModel : public ColumnTableModel
{
    Q_OBJECT
public:
    enum Column {
        KeyColumn,
        MsqidColumn,
        PermsColumn,
        MessagesColumn, // qnum
        BytesColumn,    // cbytes
        MaxBytesColumn, // qbytes
        LastSendPidColumn,
        LastReceivePidColumn,
        SendTimeColumn,
        ReceiveTimeColumn,
        ChangeTimeColumn,
        OwnerColumn,
        GroupColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        SortRole = Qt::UserRole + 1, // raw number, or text for names
        MsqidRole,                   // int, any column
        SearchTextRole,              // the numbers behind names (uid, decimal key, octal mode)
    };
    Q_ENUM(Role)

    // `names` (the segment table) must outlive the model.
    explicit QueueTableModel(const SegmentTableModel *names, QObject *parent = nullptr);

    // Merges a listing into the model (sorted here when it is not sorted by msqid). Emits
    // rowsInserted/rowsRemoved/dataChanged for what differs, nothing when nothing does.
    MergeStats merge(const std::vector<shm::QueueInfo> &queues);

    // The row of msqid, or -1 (binary search).
    int rowOfMsqid(int msqid) const;
    // Precondition: 0 <= row < rowCount().
    const shm::QueueInfo &queueAt(int row) const { return m_rows[size_t(row)]; }
    const std::vector<shm::QueueInfo> &queues() const { return m_rows; }

    QString pidText(pid_t pid) const { return m_names->pidText(pid); }
    QString userName(uid_t uid) const { return m_names->userName(uid); }
    QString groupName(gid_t gid) const { return m_names->groupName(gid); }
    // "16384", or "?" when msg_qbytes could not be read (no IPC_STAT permission, old kernel).
    static QString maxBytesText(const shm::QueueInfo &info);

protected:
    int rowTotal() const override { return int(m_rows.size()); }
    QVariant cellData(int row, int column, int role) const override;

private:
    static std::span<const ColumnSpec> columnSpecs();
    // The field behind a column that is not Custom, and the Custom columns' text or sort key.
    static QVariant rawData(const shm::QueueInfo &info, int column);
    static QVariant customData(const shm::QueueInfo &info, int column, bool sortKey);
    QVariant toolTipData(const shm::QueueInfo &info, int column) const;

    const SegmentTableModel *m_names;
    std::vector<shm::QueueInfo> m_rows;
};
