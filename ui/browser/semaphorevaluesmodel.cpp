#include "ui/browser/semaphorevaluesmodel.h"

#include "ui/browser/segmenttablemodel.h"

#include "core/attachers.h"

#include <QFont>
#include <QGuiApplication>


SemaphoreValuesModel::SemaphoreValuesModel(const SegmentTableModel *names, QObject *parent)
    : MergingTableModel(ColumnCount, parent)
    , m_names(names)
{
}

SemaphoreValuesModel::MergeStats SemaphoreValuesModel::setSemaphores(
    const std::vector<shm::Semaphore> &semaphores)
{
    // Rows are keyed by their number: the merge keeps the rows both lists have and changes cells.
    std::vector<Row> next;
    next.reserve(semaphores.size());
    for (size_t i = 0; i < semaphores.size(); ++i)
        next.push_back({i, semaphores[i]});
    const auto indexOf = [](const Row &row) { return row.index; };
    return mergeSorted(
        m_rows, next, indexOf, indexOf,
        [](const Row &row, const Row &item) { return row.semaphore == item.semaphore; },
        [](const Row &item) { return item; },
        [](Row &row, const Row &item) { row.semaphore = item.semaphore; });
}

QVariant SemaphoreValuesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const shm::Semaphore &s = m_rows[size_t(index.row())].semaphore;
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case IndexColumn: return index.row();
        case ValueColumn: return s.value;
        case PidColumn: return s.pid > 0 ? m_names->pidText(s.pid) : tr("none");
        case NcntColumn: return s.ncnt;
        case ZcntColumn: return s.zcnt;
        case ColumnCount: break;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == PidColumn && s.pid > 0) {
            const QString command = QString::fromStdString(shm::processCommand(s.pid));
            return command.isEmpty() ? tr("Process %1 has exited").arg(s.pid) : command;
        }
        return {};
    case Qt::TextAlignmentRole:
        return int(index.column() == PidColumn ? Qt::AlignLeft | Qt::AlignVCenter
                                               : Qt::AlignRight | Qt::AlignVCenter);
    case Qt::FontRole:
        if ((index.column() == NcntColumn && s.ncnt > 0)
            || (index.column() == ZcntColumn && s.zcnt > 0)) {
            QFont font = QGuiApplication::font();
            font.setBold(true);
            return font;
        }
        return {};
    default:
        return {};
    }
}

QVariant SemaphoreValuesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (Column(section)) {
        case IndexColumn: return tr("Number");
        case ValueColumn: return tr("Value");
        case PidColumn: return tr("Last semop by");
        case NcntColumn: return tr("Waiting to take");
        case ZcntColumn: return tr("Waiting for zero");
        case ColumnCount: break;
        }
    } else if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case IndexColumn: return tr("The semaphore's number in the set (sem_num)");
        case ValueColumn: return tr("The semaphore's value (GETVAL)");
        case PidColumn: return tr("The process of the last semop on this semaphore (GETPID)");
        case NcntColumn: return tr("Processes waiting for the value to increase (GETNCNT)");
        case ZcntColumn: return tr("Processes waiting for the value to become zero (GETZCNT)");
        default: break;
        }
    }
    return {};
}
