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
         Format::Key},
        {QT_TR_NOOP("semid"), nullptr, Format::Id},
        {QT_TR_NOOP("Perms"), nullptr, Format::Perms},
        {QT_TR_NOOP("Semaphores"), QT_TR_NOOP("Number of semaphores in the set (nsems)"),
         Format::Count},
        {QT_TR_NOOP("Owner"), nullptr, Format::User},
        {QT_TR_NOOP("Group"), nullptr, Format::Group},
        {QT_TR_NOOP("Last semop"), QT_TR_NOOP("Time of the last semop on the set (otime)"),
         Format::Time},
        {QT_TR_NOOP("Changed at"), QT_TR_NOOP("Time of the last change by semctl (ctime)"),
         Format::Time},
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

QVariant SemaphoreTableModel::rawData(const shm::SemaphoreSetInfo &set, int column)
{
    switch (Column(column)) {
    case KeyColumn: return set.key;
    case SemidColumn: return set.semid;
    case PermsColumn: return set.mode;
    case NsemsColumn: return set.nsems;
    case OwnerColumn: return set.uid;
    case GroupColumn: return set.gid;
    case OperationTimeColumn: return qlonglong(set.otime);
    case ChangeTimeColumn: return qlonglong(set.ctime);
    default: return {};
    }
}

QVariant SemaphoreTableModel::customData(const shm::SemaphoreSetInfo &set, int column,
                                         bool sortKey)
{
    switch (column) {
    case ValuesColumn:
        return valuesText(set);
    case WaitersColumn:
        if (sortKey)
            return qlonglong(waitingToTake(set) + waitingForZero(set));
        return waitersText(set);
    default:
        return {};
    }
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
    case SortRole:
        return ipccells::cell(columnFormat(column), set, column, role == SortRole, *m_names,
                              rawData, customData);
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
