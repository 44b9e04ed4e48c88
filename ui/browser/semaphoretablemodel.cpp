#include "ui/browser/semaphoretablemodel.h"

#include "ui/browser/segmenttablemodel.h"
#include "ui/common/errortext.h"

#include "core/segmentinfo.h"

#include <QFont>
#include <QGuiApplication>

#include <algorithm>

namespace {

// How many values the table's cell shows before "…"; the details panel shows them all.
constexpr size_t ValuesShown = 8;

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

bool bySemid(const shm::SemaphoreSetInfo &a, const shm::SemaphoreSetInfo &b)
{
    return a.semid < b.semid;
}

QFont monospace()
{
    QFont font = QGuiApplication::font();
    font.setFamilies({QStringLiteral("monospace")});
    font.setStyleHint(QFont::Monospace);
    return font;
}

} // namespace

SemaphoreTableModel::SemaphoreTableModel(const SegmentTableModel *names, QObject *parent)
    : MergingTableModel(ColumnCount, parent)
    , m_names(names)
{
}

int SemaphoreTableModel::rowOfSemid(int semid) const
{
    auto it = std::lower_bound(m_rows.begin(), m_rows.end(), semid,
                               [](const shm::SemaphoreSetInfo &set, int id) { return set.semid < id; });
    if (it == m_rows.end() || it->semid != semid)
        return -1;
    return int(it - m_rows.begin());
}

SemaphoreTableModel::MergeStats SemaphoreTableModel::merge(
    const std::vector<shm::SemaphoreSetInfo> &input)
{
    std::vector<shm::SemaphoreSetInfo> sortedCopy;
    const std::vector<shm::SemaphoreSetInfo> *listing = &input;
    if (!std::is_sorted(input.begin(), input.end(), bySemid)) {
        sortedCopy = input;
        std::sort(sortedCopy.begin(), sortedCopy.end(), bySemid);
        listing = &sortedCopy;
    }
    const auto semidOf = [](const shm::SemaphoreSetInfo &set) { return set.semid; };
    return mergeSorted(
        m_rows, *listing, semidOf, semidOf,
        [](const shm::SemaphoreSetInfo &row, const shm::SemaphoreSetInfo &set) {
            return row == set;
        },
        [](const shm::SemaphoreSetInfo &set) { return set; },
        [](shm::SemaphoreSetInfo &row, const shm::SemaphoreSetInfo &set) { row = set; });
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
        return qs(shm::formatKey(set.key));
    case SemidColumn:
        return set.semid;
    case PermsColumn:
        return QStringLiteral("%1 %2").arg(qs(shm::permString(set.mode)),
                                           qs(shm::octalPerms(set.mode)));
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
        return qulonglong(std::uint32_t(set.key));
    case SemidColumn:
        return qlonglong(set.semid);
    case PermsColumn:
        return qulonglong(set.perms());
    case NsemsColumn:
        return qulonglong(set.nsems);
    case OwnerColumn:
        return m_names->userName(set.uid);
    case GroupColumn:
        return m_names->groupName(set.gid);
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
        return set.key == 0 ? tr("IPC_PRIVATE: the set has no key")
                            : tr("Key %1 (decimal %2)").arg(qs(shm::formatKey(set.key))).arg(set.key);
    case OwnerColumn:
    case GroupColumn:
        return tr("Owner uid %1 (%2), gid %3 (%4)\nCreator uid %5 (%6), gid %7 (%8)")
            .arg(set.uid)
            .arg(m_names->userName(set.uid))
            .arg(set.gid)
            .arg(m_names->groupName(set.gid))
            .arg(set.cuid)
            .arg(m_names->userName(set.cuid))
            .arg(set.cgid)
            .arg(m_names->groupName(set.cgid));
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

QVariant SemaphoreTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const shm::SemaphoreSetInfo &set = m_rows[size_t(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayData(set, column);
    case SortRole:
        return sortData(set, column);
    case SemidRole:
        return set.semid;
    case SearchTextRole:
        return QStringLiteral("%1 %2 %3 %4 %5 %6 %7")
            .arg(set.key)
            .arg(std::uint32_t(set.key), 0, 16)
            .arg(set.uid)
            .arg(set.gid)
            .arg(set.cuid)
            .arg(set.cgid)
            .arg(qs(shm::octalPerms(set.mode)));
    case Qt::ToolTipRole:
        return toolTipData(set, column);
    case Qt::TextAlignmentRole:
        switch (column) {
        case SemidColumn:
        case NsemsColumn:
            return int(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return int(Qt::AlignLeft | Qt::AlignVCenter);
        }
    case Qt::FontRole:
        if (column == KeyColumn || column == PermsColumn)
            return monospace();
        if (column == WaitersColumn && waitingToTake(set) + waitingForZero(set) > 0) {
            QFont font = QGuiApplication::font();
            font.setBold(true);
            return font;
        }
        return {};
    default:
        return {};
    }
}

QVariant SemaphoreTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (Column(section)) {
        case KeyColumn: return tr("Key");
        case SemidColumn: return tr("semid");
        case PermsColumn: return tr("Perms");
        case NsemsColumn: return tr("Semaphores");
        case OwnerColumn: return tr("Owner");
        case GroupColumn: return tr("Group");
        case OperationTimeColumn: return tr("Last semop");
        case ChangeTimeColumn: return tr("Changed at");
        case ValuesColumn: return tr("Values");
        case WaitersColumn: return tr("Waiting");
        case ColumnCount: break;
        }
    } else if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case KeyColumn: return tr("The key given to semget (0 for private sets)");
        case NsemsColumn: return tr("Number of semaphores in the set (nsems)");
        case OperationTimeColumn: return tr("Time of the last semop on the set (otime)");
        case ChangeTimeColumn: return tr("Time of the last change by semctl (ctime)");
        case ValuesColumn: return tr("The semaphores' values (GETALL)");
        case WaitersColumn: return tr("Processes blocked in semop on the set (ncnt, zcnt)");
        default: break;
        }
    }
    return {};
}
