#include "ui/browser/queuetablemodel.h"

#include "ui/common/plural.h"

#include "core/attachers.h"
#include "core/segmentinfo.h"

#include <QFont>
#include <QGuiApplication>

#include <algorithm>

namespace {

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

bool byMsqid(const shm::QueueInfo &a, const shm::QueueInfo &b)
{
    return a.msqid < b.msqid;
}

} // namespace

QueueTableModel::QueueTableModel(const SegmentTableModel *names, QObject *parent)
    : MergingTableModel(ColumnCount, parent), m_names(names)
{
}

int QueueTableModel::rowOfMsqid(int msqid) const
{
    auto it = std::lower_bound(m_rows.begin(), m_rows.end(), msqid,
                               [](const shm::QueueInfo &row, int id) { return row.msqid < id; });
    if (it == m_rows.end() || it->msqid != msqid)
        return -1;
    return int(it - m_rows.begin());
}

QueueTableModel::MergeStats QueueTableModel::merge(const std::vector<shm::QueueInfo> &input)
{
    // The merge walks both lists in msqid order; an unsorted input would corrupt it.
    std::vector<shm::QueueInfo> sortedCopy;
    const std::vector<shm::QueueInfo> *listing = &input;
    if (!std::is_sorted(input.begin(), input.end(), byMsqid)) {
        sortedCopy = input;
        std::sort(sortedCopy.begin(), sortedCopy.end(), byMsqid);
        listing = &sortedCopy;
    }
    const auto key = [](const shm::QueueInfo &info) { return info.msqid; };
    const MergeStats stats = mergeSorted(
        m_rows, *listing, key, key,
        [](const shm::QueueInfo &row, const shm::QueueInfo &info) { return row == info; },
        [](const shm::QueueInfo &info) { return info; },
        [](shm::QueueInfo &row, const shm::QueueInfo &info) { row = info; });
    return stats;
}

QString QueueTableModel::maxBytesText(const shm::QueueInfo &info)
{
    return info.qbytesKnown ? QString::number(info.qbytes) : QStringLiteral("?");
}

QVariant QueueTableModel::displayData(const shm::QueueInfo &info, int column) const
{
    switch (Column(column)) {
    case KeyColumn:
        return qs(shm::formatKey(info.key));
    case MsqidColumn:
        return info.msqid;
    case PermsColumn:
        return QStringLiteral("%1 %2").arg(qs(shm::permString(info.mode)),
                                           qs(shm::octalPerms(info.mode)));
    case MessagesColumn:
        return QString::number(info.qnum);
    case BytesColumn:
        return QString::number(info.cbytes);
    case MaxBytesColumn:
        return maxBytesText(info);
    case LastSendPidColumn:
        return pidText(info.lspid);
    case LastReceivePidColumn:
        return pidText(info.lrpid);
    case SendTimeColumn:
        return SegmentTableModel::timeText(info.stime);
    case ReceiveTimeColumn:
        return SegmentTableModel::timeText(info.rtime);
    case ChangeTimeColumn:
        return SegmentTableModel::timeText(info.ctime);
    case OwnerColumn:
        return userName(info.uid);
    case GroupColumn:
        return groupName(info.gid);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant QueueTableModel::sortData(const shm::QueueInfo &info, int column) const
{
    switch (Column(column)) {
    case KeyColumn: // the 32 bits as ipcs shows them, so the order follows the hex text
        return qulonglong(std::uint32_t(info.key));
    case MsqidColumn:
        return qlonglong(info.msqid);
    case PermsColumn:
        return qulonglong(info.perms());
    case MessagesColumn:
        return qulonglong(info.qnum);
    case BytesColumn:
        return qulonglong(info.cbytes);
    case MaxBytesColumn: // unknown sorts first
        return info.qbytesKnown ? qlonglong(info.qbytes) : qlonglong(-1);
    case LastSendPidColumn:
        return qlonglong(info.lspid);
    case LastReceivePidColumn:
        return qlonglong(info.lrpid);
    case SendTimeColumn:
        return qlonglong(info.stime);
    case ReceiveTimeColumn:
        return qlonglong(info.rtime);
    case ChangeTimeColumn:
        return qlonglong(info.ctime);
    case OwnerColumn:
        return userName(info.uid);
    case GroupColumn:
        return groupName(info.gid);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant QueueTableModel::toolTipData(const shm::QueueInfo &info, int column) const
{
    switch (Column(column)) {
    case KeyColumn:
        return info.key == 0 ? tr("IPC_PRIVATE: a queue without a key")
                             : tr("Key %1 (decimal %2)")
                                   .arg(qs(shm::formatKey(info.key)))
                                   .arg(info.key);
    case OwnerColumn:
    case GroupColumn:
        return tr("Owner uid %1 (%2), gid %3 (%4)\nCreator uid %5 (%6), gid %7 (%8)")
            .arg(info.uid)
            .arg(userName(info.uid))
            .arg(info.gid)
            .arg(groupName(info.gid))
            .arg(info.cuid)
            .arg(userName(info.cuid))
            .arg(info.cgid)
            .arg(groupName(info.cgid));
    case MaxBytesColumn:
        return info.qbytesKnown
                   ? tr("The queue holds at most %L1 bytes of messages (msg_qbytes)", nullptr,
                        plural::count(info.qbytes))
                         .arg(qulonglong(info.qbytes))
                   : tr("msg_qbytes could not be read: it needs read permission on the queue "
                        "(IPC_STAT)");
    case LastSendPidColumn:
    case LastReceivePidColumn: {
        const pid_t pid = column == LastSendPidColumn ? info.lspid : info.lrpid;
        if (pid <= 0)
            return {};
        const QString command = qs(shm::processCommand(pid));
        return command.isEmpty() ? tr("Process %1 has exited").arg(pid) : command;
    }
    default:
        break;
    }
    return {};
}

QVariant QueueTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const shm::QueueInfo &info = m_rows[size_t(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayData(info, column);
    case SortRole:
        return sortData(info, column);
    case MsqidRole:
        return info.msqid;
    case SearchTextRole:
        return QStringLiteral("%1 %2 %3 %4 %5 %6 %7")
            .arg(info.key)
            .arg(std::uint32_t(info.key), 0, 16)
            .arg(info.uid)
            .arg(info.gid)
            .arg(info.cuid)
            .arg(info.cgid)
            .arg(qs(shm::octalPerms(info.mode)));
    case Qt::ToolTipRole:
        return toolTipData(info, column);
    case Qt::TextAlignmentRole:
        switch (column) {
        case MsqidColumn:
        case MessagesColumn:
        case BytesColumn:
        case MaxBytesColumn:
            return int(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return int(Qt::AlignLeft | Qt::AlignVCenter);
        }
    case Qt::FontRole:
        if (column == KeyColumn || column == PermsColumn) {
            QFont font = QGuiApplication::font();
            font.setFamilies({QStringLiteral("monospace")});
            font.setStyleHint(QFont::Monospace);
            return font;
        }
        return {};
    default:
        return {};
    }
}

QVariant QueueTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (Column(section)) {
        case KeyColumn: return tr("Key");
        case MsqidColumn: return tr("msqid");
        case PermsColumn: return tr("Perms");
        case MessagesColumn: return tr("Messages");
        case BytesColumn: return tr("Bytes");
        case MaxBytesColumn: return tr("Max bytes");
        case LastSendPidColumn: return tr("Last sender");
        case LastReceivePidColumn: return tr("Last receiver");
        case SendTimeColumn: return tr("Sent at");
        case ReceiveTimeColumn: return tr("Received at");
        case ChangeTimeColumn: return tr("Changed at");
        case OwnerColumn: return tr("Owner");
        case GroupColumn: return tr("Group");
        case ColumnCount: break;
        }
    } else if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case KeyColumn: return tr("The key given to msgget (0 for private queues)");
        case MessagesColumn: return tr("Messages in the queue now (msg_qnum)");
        case BytesColumn: return tr("Bytes of the messages in the queue now (msg_cbytes)");
        case MaxBytesColumn: return tr("The most bytes the queue may hold (msg_qbytes)");
        case LastSendPidColumn: return tr("Process of the last msgsnd (msg_lspid)");
        case LastReceivePidColumn: return tr("Process of the last msgrcv (msg_lrpid)");
        case SendTimeColumn: return tr("Time of the last msgsnd (msg_stime)");
        case ReceiveTimeColumn: return tr("Time of the last msgrcv (msg_rtime)");
        case ChangeTimeColumn: return tr("Time of creation or of the last IPC_SET (msg_ctime)");
        default: break;
        }
    }
    return {};
}
