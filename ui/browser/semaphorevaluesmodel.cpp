#include "ui/browser/semaphorevaluesmodel.h"

#include "ui/browser/segmenttablemodel.h"

SemaphoreValuesModel::SemaphoreValuesModel(const SegmentTableModel *names, QObject *parent)
    : ColumnTableModel(columnSpecs(), parent)
    , m_names(names)
{
}

std::span<const ColumnTableModel::ColumnSpec> SemaphoreValuesModel::columnSpecs()
{
    static const ColumnSpec columns[ColumnCount] = {
        {QT_TR_NOOP("Number"), QT_TR_NOOP("The semaphore's number in the set (sem_num)"),
         Format::Custom, Qt::AlignRight},
        {QT_TR_NOOP("Value"), QT_TR_NOOP("The semaphore's value (GETVAL)"), Format::Custom,
         Qt::AlignRight},
        {QT_TR_NOOP("Last semop by"),
         QT_TR_NOOP("The process of the last semop on this semaphore (GETPID)")},
        {QT_TR_NOOP("Waiting to take"),
         QT_TR_NOOP("Processes waiting for the value to increase (GETNCNT)"),
         Format::Custom, Qt::AlignRight},
        {QT_TR_NOOP("Waiting for zero"),
         QT_TR_NOOP("Processes waiting for the value to become zero (GETZCNT)"),
         Format::Custom, Qt::AlignRight},
    };
    return columns;
}

SemaphoreValuesModel::MergeStats SemaphoreValuesModel::setSemaphores(
    const std::vector<shm::Semaphore> &semaphores)
{
    // Rows are keyed by their number: the merge keeps the rows both lists have and changes cells.
    return mergeNumbered(m_rows, semaphores);
}

QVariant SemaphoreValuesModel::cellData(int row, int column, int role) const
{
    const shm::Semaphore &s = m_rows[size_t(row)].item;
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(column)) {
        case IndexColumn: return row;
        case ValueColumn: return s.value;
        case PidColumn: return s.pid > 0 ? m_names->pidText(s.pid) : tr("none");
        case NcntColumn: return s.ncnt;
        case ZcntColumn: return s.zcnt;
        case ColumnCount: break;
        }
        return {};
    case Qt::ToolTipRole:
        if (column == PidColumn)
            return ipccells::pidToolTip(s.pid, tr("Process %1 has exited"));
        return {};
    case Qt::FontRole:
        if ((column == NcntColumn && s.ncnt > 0) || (column == ZcntColumn && s.zcnt > 0))
            return boldFont();
        return {};
    default:
        return {};
    }
}
