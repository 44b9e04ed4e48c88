#include "ui/browser/attachersmodel.h"

#include <algorithm>
#include <functional>
#include <tuple>

namespace {

bool before(const shm::Attacher &a, const shm::Attacher &b)
{
    return std::tie(a.pid, a.start) < std::tie(b.pid, b.start);
}

QString hex(std::uint64_t value)
{
    return QStringLiteral("0x%1").arg(value, 12, 16, QLatin1Char('0'));
}

} // namespace

AttachersModel::AttachersModel(QObject *parent)
    : MergingTableModel(ColumnCount, parent)
{
}

void AttachersModel::setAttachers(std::vector<shm::Attacher> next)
{
    std::sort(next.begin(), next.end(), before);
    const auto key = [](const shm::Attacher &a) { return std::tie(a.pid, a.start); };
    mergeSorted(m_rows, next, key, key, std::equal_to<shm::Attacher>(),
                [](const shm::Attacher &a) { return a; },
                [](shm::Attacher &row, const shm::Attacher &a) { row = a; });
}

QVariant AttachersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const shm::Attacher &a = m_rows[size_t(index.row())];
    if (role == Qt::DisplayRole) {
        switch (Column(index.column())) {
        case PidColumn: return int(a.pid);
        case CommandColumn: return QString::fromStdString(a.command);
        case AddressColumn: return QStringLiteral("%1 – %2").arg(hex(a.start), hex(a.end));
        case LengthColumn: return tr("%L1 bytes").arg(qulonglong(a.end - a.start));
        case AccessColumn: return a.writable ? tr("read-write") : tr("read-only");
        case ColumnCount: break;
        }
    } else if (role == SortRole) {
        switch (Column(index.column())) {
        case PidColumn: return qlonglong(a.pid);
        case CommandColumn: return QString::fromStdString(a.command);
        case AddressColumn: return qulonglong(a.start);
        case LengthColumn: return qulonglong(a.end - a.start);
        case AccessColumn: return int(a.writable);
        case ColumnCount: break;
        }
    } else if (role == Qt::ToolTipRole && index.column() == CommandColumn) {
        return QString::fromStdString(a.command);
    } else if (role == Qt::TextAlignmentRole) {
        return int((index.column() == PidColumn || index.column() == LengthColumn
                        ? Qt::AlignRight
                        : Qt::AlignLeft)
                   | Qt::AlignVCenter);
    }
    return {};
}

QVariant AttachersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case PidColumn: return tr("PID");
    case CommandColumn: return tr("Command");
    case AddressColumn: return tr("Address range");
    case LengthColumn: return tr("Mapped");
    case AccessColumn: return tr("Access");
    case ColumnCount: break;
    }
    return {};
}
