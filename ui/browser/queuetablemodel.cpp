#include "ui/browser/queuetablemodel.h"

#include "ui/common/plural.h"

QueueTableModel::QueueTableModel(const SegmentTableModel *names, QObject *parent)
    : ColumnTableModel(columnSpecs(), parent), m_names(names)
{
}

std::span<const ColumnTableModel::ColumnSpec> QueueTableModel::columnSpecs()
{
    static const ColumnSpec columns[ColumnCount] = {
        {QT_TR_NOOP("Key"), QT_TR_NOOP("The key given to msgget (0 for private queues)"),
         Format::Key},
        {QT_TR_NOOP("msqid"), nullptr, Format::Id},
        {QT_TR_NOOP("Perms"), nullptr, Format::Perms},
        {QT_TR_NOOP("Messages"), QT_TR_NOOP("Messages in the queue now (msg_qnum)"), Format::Count},
        {QT_TR_NOOP("Bytes"), QT_TR_NOOP("Bytes of the messages in the queue now (msg_cbytes)"),
         Format::Count},
        {QT_TR_NOOP("Max bytes"), QT_TR_NOOP("The most bytes the queue may hold (msg_qbytes)"),
         Format::Custom, Qt::AlignRight},
        {QT_TR_NOOP("Last sender"), QT_TR_NOOP("Process of the last msgsnd (msg_lspid)"),
         Format::Pid},
        {QT_TR_NOOP("Last receiver"), QT_TR_NOOP("Process of the last msgrcv (msg_lrpid)"),
         Format::Pid},
        {QT_TR_NOOP("Sent at"), QT_TR_NOOP("Time of the last msgsnd (msg_stime)"), Format::Time},
        {QT_TR_NOOP("Received at"), QT_TR_NOOP("Time of the last msgrcv (msg_rtime)"),
         Format::Time},
        {QT_TR_NOOP("Changed at"),
         QT_TR_NOOP("Time of creation or of the last IPC_SET (msg_ctime)"), Format::Time},
        {QT_TR_NOOP("Owner"), nullptr, Format::User},
        {QT_TR_NOOP("Group"), nullptr, Format::Group},
    };
    return columns;
}

int QueueTableModel::rowOfMsqid(int msqid) const
{
    return rowOfKey(m_rows, msqid, [](const shm::QueueInfo &row) { return row.msqid; });
}

QueueTableModel::MergeStats QueueTableModel::merge(const std::vector<shm::QueueInfo> &input)
{
    return mergeListing(m_rows, input, [](const shm::QueueInfo &info) { return info.msqid; });
}

QString QueueTableModel::maxBytesText(const shm::QueueInfo &info)
{
    return info.qbytesKnown ? QString::number(info.qbytes) : QStringLiteral("?");
}

QVariant QueueTableModel::rawData(const shm::QueueInfo &info, int column)
{
    switch (Column(column)) {
    case KeyColumn: return info.key;
    case MsqidColumn: return info.msqid;
    case PermsColumn: return info.mode;
    case MessagesColumn: return qulonglong(info.qnum);
    case BytesColumn: return qulonglong(info.cbytes);
    case LastSendPidColumn: return info.lspid;
    case LastReceivePidColumn: return info.lrpid;
    case SendTimeColumn: return qlonglong(info.stime);
    case ReceiveTimeColumn: return qlonglong(info.rtime);
    case ChangeTimeColumn: return qlonglong(info.ctime);
    case OwnerColumn: return info.uid;
    case GroupColumn: return info.gid;
    default: return {};
    }
}

QVariant QueueTableModel::customData(const shm::QueueInfo &info, int column, bool sortKey)
{
    if (column != MaxBytesColumn)
        return {};
    if (!sortKey)
        return maxBytesText(info);
    return info.qbytesKnown ? qlonglong(info.qbytes) : qlonglong(-1); // unknown sorts first
}

QVariant QueueTableModel::toolTipData(const shm::QueueInfo &info, int column) const
{
    switch (Column(column)) {
    case KeyColumn:
        return ipccells::keyToolTip(info.key, tr("IPC_PRIVATE: a queue without a key"),
                                    tr("Key %1 (decimal %2)"));
    case OwnerColumn:
    case GroupColumn:
        return ipccells::ownerToolTip(
            tr("Owner uid %1 (%2), gid %3 (%4)\nCreator uid %5 (%6), gid %7 (%8)"), info,
            *m_names);
    case MaxBytesColumn:
        return info.qbytesKnown
                   ? tr("The queue holds at most %L1 bytes of messages (msg_qbytes)", nullptr,
                        plural::count(info.qbytes))
                         .arg(qulonglong(info.qbytes))
                   : tr("msg_qbytes could not be read: it needs read permission on the queue "
                        "(IPC_STAT)");
    case LastSendPidColumn:
    case LastReceivePidColumn:
        return ipccells::pidToolTip(column == LastSendPidColumn ? info.lspid : info.lrpid,
                                    tr("Process %1 has exited"));
    default:
        break;
    }
    return {};
}

QVariant QueueTableModel::cellData(int row, int column, int role) const
{
    const shm::QueueInfo &info = m_rows[size_t(row)];
    switch (role) {
    case Qt::DisplayRole:
    case SortRole:
        return ipccells::cell(columnFormat(column), info, column, role == SortRole, *m_names,
                              rawData, customData);
    case MsqidRole:
        return info.msqid;
    case SearchTextRole:
        return ipccells::searchText(info);
    case Qt::ToolTipRole:
        return toolTipData(info, column);
    default:
        return {};
    }
}
