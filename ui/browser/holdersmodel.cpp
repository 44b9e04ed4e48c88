#include "ui/browser/holdersmodel.h"

#include <algorithm>
#include <functional>
#include <tuple>

namespace {

auto keyOf(const shm::Holder &h)
{
    return std::make_tuple(h.pid, int(h.via), h.fd, h.start);
}

QString hex(std::uint64_t value)
{
    return QStringLiteral("0x%1").arg(value, 12, 16, QLatin1Char('0'));
}

} // namespace

HoldersModel::HoldersModel(QObject *parent)
    : MergingTableModel(ColumnCount, parent)
{
}

void HoldersModel::setHolders(std::vector<shm::Holder> next)
{
    std::sort(next.begin(), next.end(),
              [](const shm::Holder &a, const shm::Holder &b) { return keyOf(a) < keyOf(b); });
    // One process may hold the same descriptor twice in a scan only if it raced: keep one.
    next.erase(std::unique(next.begin(), next.end(),
                           [](const shm::Holder &a, const shm::Holder &b) {
                               return keyOf(a) == keyOf(b);
                           }),
               next.end());
    mergeSorted(m_rows, next, keyOf, keyOf, std::equal_to<shm::Holder>(),
                [](const shm::Holder &h) { return h; },
                [](shm::Holder &row, const shm::Holder &h) { row = h; });
}

QString HoldersModel::viaText(const shm::Holder &holder)
{
    return holder.via == shm::HolderVia::Map ? tr("mapping") : tr("descriptor");
}

QString HoldersModel::whereText(const shm::Holder &holder)
{
    if (holder.via == shm::HolderVia::Fd)
        return tr("fd %1").arg(holder.fd);
    return tr("%1 – %2 (%L3 bytes)")
        .arg(hex(holder.start), hex(holder.end))
        .arg(qulonglong(holder.end - holder.start));
}

QString HoldersModel::lineText(const shm::Holder &holder)
{
    const QString access = holder.writable ? tr("read-write") : tr("read-only");
    if (holder.via == shm::HolderVia::Fd)
        return tr("%1 (%2), %3, descriptor %4")
            .arg(holder.pid)
            .arg(QString::fromStdString(holder.command), access)
            .arg(holder.fd);
    return tr("%1 (%2), %3, mapped at %4")
        .arg(holder.pid)
        .arg(QString::fromStdString(holder.command), access, hex(holder.start));
}

QVariant HoldersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const shm::Holder &h = m_rows[size_t(index.row())];
    if (role == Qt::DisplayRole) {
        switch (Column(index.column())) {
        case PidColumn: return int(h.pid);
        case CommandColumn: return QString::fromStdString(h.command);
        case ViaColumn: return viaText(h);
        case WhereColumn: return whereText(h);
        case AccessColumn: return h.writable ? tr("read-write") : tr("read-only");
        case ColumnCount: break;
        }
    } else if (role == SortRole) {
        switch (Column(index.column())) {
        case PidColumn: return qlonglong(h.pid);
        case CommandColumn: return QString::fromStdString(h.command);
        case ViaColumn: return int(h.via);
        case WhereColumn: return h.via == shm::HolderVia::Fd ? qulonglong(h.fd) : qulonglong(h.start);
        case AccessColumn: return int(h.writable);
        case ColumnCount: break;
        }
    } else if (role == Qt::ToolTipRole && index.column() == CommandColumn) {
        return QString::fromStdString(h.command);
    } else if (role == Qt::TextAlignmentRole) {
        return int((index.column() == PidColumn ? Qt::AlignRight : Qt::AlignLeft)
                   | Qt::AlignVCenter);
    }
    return {};
}

QVariant HoldersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case PidColumn: return tr("PID");
    case CommandColumn: return tr("Command");
    case ViaColumn: return tr("Held by");
    case WhereColumn: return tr("Where");
    case AccessColumn: return tr("Access");
    case ColumnCount: break;
    }
    return {};
}
