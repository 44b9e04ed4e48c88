#include "ui/browser/semaphoretablemodel.h"

#include "ui/browser/segmenttablemodel.h"
#include "ui/common/errortext.h"

#include "core/segmentinfo.h"

namespace {

// How many values the table's cell shows before "…"; the details panel shows them all.
constexpr size_t ValuesShown = 8;

} // namespace

SemaphoreTableModel::SemaphoreTableModel(const SegmentTableModel *names, QObject *parent)
    : ColumnTableModel(columnSpecs(), parent)
    , m_names(names)
{
}

std::span<const ColumnTableModel::ColumnSpec> SemaphoreTableModel::columnSpecs()
{
    static const ColumnSpec columns[ColumnCount] = {
        {QT_TR_NOOP("Key"), QT_TR_NOOP("The key given to semget (0 for private sets)"),
         Qt::AlignLeft, true},
        {QT_TR_NOOP("semid"), nullptr, Qt::AlignRight},
        {QT_TR_NOOP("Perms"), nullptr, Qt::AlignLeft, true},
        {QT_TR_NOOP("Semaphores"), QT_TR_NOOP("Number of semaphores in the set (nsems)"),
         Qt::AlignRight},
        {QT_TR_NOOP("Owner")},
        {QT_TR_NOOP("Group")},
        {QT_TR_NOOP("Last semop"), QT_TR_NOOP("Time of the last semop on the set (otime)")},
        {QT_TR_NOOP("Changed at"), QT_TR_NOOP("Time of the last change by semctl (ctime)")},
        {QT_TR_NOOP("Values"), QT_TR_NOOP("The semaphores' values (GETALL)")},
        {QT_TR_NOOP("Waiting"), QT_TR_NOOP("Processes blocked in semop on the set (ncnt, zcnt)")},
    };
    return columns;
}

int SemaphoreTableModel::rowOfSemid(int semid) const
{
    return rowOfKey(m_rows, semid, [](const shm::SemaphoreSetInfo &set) { return set.semid; });
}

SemaphoreTableModel::MergeStats SemaphoreTableModel::merge(
    const std::vector<shm::SemaphoreSetInfo> &input)
{
    return mergeListing(m_rows, input, [](const shm::SemaphoreSetInfo &set) { return set.semid; });
}

int SemaphoreTableModel::waitingToTake(const shm::SemaphoreSetInfo &set)
{
    int total = 0;
    for (const shm::Semaphore &s : set.semaphores)
        total += s.ncnt;
    return total;
}

int SemaphoreTableModel::waitingForZero(const shm::SemaphoreSetInfo &set)
{
    int total = 0;
    for (const shm::Semaphore &s : set.semaphores)
        total += s.zcnt;
    return total;
}

QString SemaphoreTableModel::valuesText(const shm::SemaphoreSetInfo &set)
{
    if (set.semaphores.empty()) {
        if (set.valuesErrno == EACCES || set.valuesErrno == EPERM)
            return tr("not readable (no read permission)");
        if (set.valuesErrno != 0)
            return tr("not readable (%1)")
                .arg(errortext::translated(shm::errnoPhrase(set.valuesErrno)));
        return {};
    }
    QStringList values;
    for (size_t i = 0; i < set.semaphores.size() && i < ValuesShown; ++i)
        values << QString::number(set.semaphores[i].value);
    if (set.semaphores.size() > ValuesShown)
        values << QStringLiteral("…");
    return values.join(QStringLiteral(", "));
}

QString SemaphoreTableModel::waitersText(const shm::SemaphoreSetInfo &set)
{
    if (set.semaphores.empty())
        return {};
    const int take = waitingToTake(set);
    const int zero = waitingForZero(set);
    if (take == 0 && zero == 0)
        return tr("none");
    QStringList parts;
    if (take > 0)
        parts << tr("%n waiting to take", nullptr, take);
    if (zero > 0)
        parts << tr("%n waiting for zero", nullptr, zero);
    return parts.join(QStringLiteral(", "));
}

QVariant SemaphoreTableModel::displayData(const shm::SemaphoreSetInfo &set, int column) const
{
    switch (Column(column)) {
    case KeyColumn:
        return ipccells::keyText(set.key);
    case SemidColumn:
        return set.semid;
    case PermsColumn:
        return ipccells::permsText(set.mode);
    case NsemsColumn:
        return QString::number(set.nsems);
    case OwnerColumn:
        return m_names->userName(set.uid);
    case GroupColumn:
        return m_names->groupName(set.gid);
    case OperationTimeColumn:
        return SegmentTableModel::timeText(set.otime);
    case ChangeTimeColumn:
        return SegmentTableModel::timeText(set.ctime);
    case ValuesColumn:
        return valuesText(set);
    case WaitersColumn:
        return waitersText(set);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant SemaphoreTableModel::sortData(const shm::SemaphoreSetInfo &set, int column) const
{
    switch (Column(column)) {
    case KeyColumn:
        return ipccells::keySortKey(set.key);
    case SemidColumn:
        return qlonglong(set.semid);
    case PermsColumn:
        return qulonglong(set.perms());
    case NsemsColumn:
        return qulonglong(set.nsems);
    case OwnerColumn:
    case GroupColumn:
        return displayData(set, column);
    case OperationTimeColumn:
        return qlonglong(set.otime);
    case ChangeTimeColumn:
        return qlonglong(set.ctime);
    case ValuesColumn:
        return valuesText(set);
    case WaitersColumn:
        return qlonglong(waitingToTake(set) + waitingForZero(set));
    case ColumnCount:
        break;
    }
    return {};
}

QVariant SemaphoreTableModel::toolTipData(const shm::SemaphoreSetInfo &set, int column) const
{
    switch (Column(column)) {
    case KeyColumn:
        return ipccells::keyToolTip(set.key, tr("IPC_PRIVATE: the set has no key"),
                                    tr("Key %1 (decimal %2)"));
    case OwnerColumn:
    case GroupColumn:
        return ipccells::ownerToolTip(
            tr("Owner uid %1 (%2), gid %3 (%4)\nCreator uid %5 (%6), gid %7 (%8)"), set,
            *m_names);
    case ValuesColumn: {
        QStringList values;
        for (const shm::Semaphore &s : set.semaphores)
            values << QString::number(s.value);
        return values.isEmpty() ? QVariant() : QVariant(values.join(QStringLiteral(", ")));
    }
    case WaitersColumn:
        return tr("Processes blocked in semop: waiting for a value to increase (ncnt) or to "
                  "become zero (zcnt)");
    default:
        break;
    }
    return {};
}

QVariant SemaphoreTableModel::cellData(int row, int column, int role) const
{
    const shm::SemaphoreSetInfo &set = m_rows[size_t(row)];
    switch (role) {
    case Qt::DisplayRole:
        return displayData(set, column);
    case SortRole:
        return sortData(set, column);
    case SemidRole:
        return set.semid;
    case SearchTextRole:
        return ipccells::searchText(set);
    case Qt::ToolTipRole:
        return toolTipData(set, column);
    case Qt::FontRole:
        if (column == WaitersColumn && waitingToTake(set) + waitingForZero(set) > 0)
            return boldFont();
        return {};
    default:
        return {};
    }
}
