#include "ui/browser/segmenttablemodel.h"

#include "ui/common/colors.h"
#include "ui/common/plural.h"
#include "core/attachers.h"

#include <QBrush>
#include <QDateTime>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>
#include <QTimerEvent>

#include <QSet>

#include <algorithm>
#include <cerrno>
#include <csignal>

namespace {

// How long a cached process name is trusted: pids get reused, but re-reading /proc/PID/comm
// on every paint would cost more than it tells.
constexpr qint64 ProcessNameTtlMs = 5000;

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

bool byShmid(const shm::SegmentInfo &a, const shm::SegmentInfo &b)
{
    return a.shmid < b.shmid;
}

} // namespace

SegmentTableModel::SegmentTableModel(QObject *parent)
    : MergingTableModel(ColumnCount, parent)
{
}

std::vector<shm::SegmentInfo> SegmentTableModel::segments() const
{
    std::vector<shm::SegmentInfo> result;
    result.reserve(m_rows.size());
    for (const Row &row : m_rows)
        result.push_back(row.info);
    return result;
}

int SegmentTableModel::rowOfShmid(int shmid) const
{
    auto it = std::lower_bound(m_rows.begin(), m_rows.end(), shmid,
                               [](const Row &row, int id) { return row.info.shmid < id; });
    if (it == m_rows.end() || it->info.shmid != shmid)
        return -1;
    return int(it - m_rows.begin());
}

SegmentTableModel::MergeStats SegmentTableModel::merge(const std::vector<shm::SegmentInfo> &input)
{
    // The merge walks both lists in shmid order; an unsorted input would corrupt it.
    std::vector<shm::SegmentInfo> sortedCopy;
    const std::vector<shm::SegmentInfo> *listing = &input;
    if (!std::is_sorted(input.begin(), input.end(), byShmid)) {
        sortedCopy = input;
        std::sort(sortedCopy.begin(), sortedCopy.end(), byShmid);
        listing = &sortedCopy;
    }
    const std::vector<shm::SegmentInfo> &next = *listing;

    const bool highlight = m_populated && m_highlightMs > 0;
    const qint64 until = highlight ? QDateTime::currentMSecsSinceEpoch() + m_highlightMs : 0;
    const MergeStats stats = mergeSorted(
        m_rows, next, [](const Row &row) { return row.info.shmid; },
        [](const shm::SegmentInfo &info) { return info.shmid; },
        [](const Row &row, const shm::SegmentInfo &info) { return row.info == info; },
        [until](const shm::SegmentInfo &info) { return Row{info, until}; },
        [highlight, until](Row &row, const shm::SegmentInfo &info) {
            row.info = info;
            if (highlight)
                row.highlightUntil = until;
        });
    m_populated = true;
    forgetExitedProcesses();
    if (highlight && stats.total() > 0)
        scheduleHighlightExpiry();
    return stats;
}

void SegmentTableModel::scheduleHighlightExpiry()
{
    qint64 earliest = 0;
    for (const Row &row : m_rows) {
        if (row.highlightUntil != 0 && (earliest == 0 || row.highlightUntil < earliest))
            earliest = row.highlightUntil;
    }
    if (earliest == 0) {
        m_highlightTimer.stop();
        return;
    }
    const qint64 wait = std::max<qint64>(0, earliest - QDateTime::currentMSecsSinceEpoch());
    m_highlightTimer.start(int(wait) + 1, this);
}

void SegmentTableModel::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_highlightTimer.timerId()) {
        QAbstractTableModel::timerEvent(event);
        return;
    }
    m_highlightTimer.stop();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QList<int> roles{Qt::BackgroundRole, HighlightedRole};
    int runStart = -1;
    for (size_t r = 0; r <= m_rows.size(); ++r) {
        const bool expires = r < m_rows.size() && m_rows[r].highlightUntil != 0
                             && m_rows[r].highlightUntil <= now;
        if (expires) {
            m_rows[r].highlightUntil = 0;
            if (runStart < 0)
                runStart = int(r);
        } else if (runStart >= 0) {
            emit dataChanged(index(runStart, 0), index(int(r) - 1, ColumnCount - 1), roles);
            runStart = -1;
        }
    }
    scheduleHighlightExpiry();
}

QString SegmentTableModel::timeText(std::int64_t seconds)
{
    if (seconds == 0)
        return tr("never");
    return QDateTime::fromSecsSinceEpoch(seconds).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString SegmentTableModel::statusText(const shm::SegmentInfo &info)
{
    QStringList parts;
    if (info.isMarkedForDestruction())
        parts << tr("dest");
    if (info.isLocked())
        parts << tr("locked");
    return parts.join(QStringLiteral(", "));
}

QString SegmentTableModel::userName(uid_t uid) const
{
    return qs(m_names.userName(uid));
}

QString SegmentTableModel::groupName(gid_t gid) const
{
    return qs(m_names.groupName(gid));
}

QString SegmentTableModel::processName(pid_t pid) const
{
    if (pid <= 0)
        return {};
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    auto it = m_processNames.find(pid);
    if (it == m_processNames.end() && m_processNames.size() > 16384) {
        m_processNames.clear(); // pids come and go: keep the cache from growing for ever
        it = m_processNames.end();
    }
    if (it == m_processNames.end() || now - it->readAt > ProcessNameTtlMs)
        it = m_processNames.insert(pid, ProcessName{qs(shm::processName(pid)), now});
    return it->name;
}

QString SegmentTableModel::pidText(pid_t pid) const
{
    if (pid <= 0)
        return {};
    const QString name = processName(pid);
    return name.isEmpty() ? tr("%1 (exited)").arg(pid) : QStringLiteral("%1 (%2)").arg(pid).arg(name);
}

void SegmentTableModel::forgetExitedProcesses()
{
    // A name is cached for a while, but a process that has exited must not keep it: kill(pid, 0)
    // says at once whether the pid is still there (EPERM: there, but not ours).
    QSet<pid_t> exited;
    for (auto it = m_processNames.begin(); it != m_processNames.end(); ++it) {
        if (!it->name.isEmpty() && kill(it.key(), 0) != 0 && errno == ESRCH) {
            it->name.clear();
            exited.insert(it.key());
        }
    }
    if (exited.isEmpty())
        return;
    const QList<int> roles{Qt::DisplayRole};
    for (size_t r = 0; r < m_rows.size(); ++r) {
        const shm::SegmentInfo &info = m_rows[r].info;
        if (exited.contains(info.cpid) || exited.contains(info.lpid))
            emit dataChanged(index(int(r), CreatorPidColumn), index(int(r), LastPidColumn), roles);
    }
}

QVariant SegmentTableModel::displayData(const shm::SegmentInfo &info, int column) const
{
    switch (Column(column)) {
    case KeyColumn:
        return qs(shm::formatKey(info.key));
    case ShmidColumn:
        return info.shmid;
    case OwnerColumn:
        return userName(info.uid);
    case GroupColumn:
        return groupName(info.gid);
    case PermsColumn:
        return QStringLiteral("%1 %2").arg(qs(shm::permString(info.mode)), qs(shm::octalPerms(info.mode)));
    case SizeColumn:
        return qs(shm::humanSize(info.size));
    case NattchColumn:
        return QString::number(info.nattch);
    case StatusColumn:
        return statusText(info);
    case CreatorPidColumn:
        return pidText(info.cpid);
    case LastPidColumn:
        return pidText(info.lpid);
    case AttachTimeColumn:
        return timeText(info.atime);
    case DetachTimeColumn:
        return timeText(info.dtime);
    case ChangeTimeColumn:
        return timeText(info.ctime);
    case RssColumn:
        return qs(shm::humanSize(info.rss));
    case SwapColumn:
        return qs(shm::humanSize(info.swap));
    case ColumnCount:
        break;
    }
    return {};
}

QVariant SegmentTableModel::sortData(const shm::SegmentInfo &info, int column) const
{
    switch (Column(column)) {
    case KeyColumn: // the 32 bits as ipcs shows them, so the order follows the hex text
        return qulonglong(std::uint32_t(info.key));
    case ShmidColumn:
        return qlonglong(info.shmid);
    case OwnerColumn:
        return userName(info.uid);
    case GroupColumn:
        return groupName(info.gid);
    case PermsColumn:
        return qulonglong(info.perms());
    case SizeColumn:
        return qulonglong(info.size);
    case NattchColumn:
        return qulonglong(info.nattch);
    case StatusColumn:
        return qulonglong(info.mode & (shm::ModeDestBit | shm::ModeLockedBit));
    case CreatorPidColumn:
        return qlonglong(info.cpid);
    case LastPidColumn:
        return qlonglong(info.lpid);
    case AttachTimeColumn:
        return qlonglong(info.atime);
    case DetachTimeColumn:
        return qlonglong(info.dtime);
    case ChangeTimeColumn:
        return qlonglong(info.ctime);
    case RssColumn:
        return qulonglong(info.rss);
    case SwapColumn:
        return qulonglong(info.swap);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant SegmentTableModel::toolTipData(const shm::SegmentInfo &info, int column) const
{
    switch (Column(column)) {
    case KeyColumn:
        return info.key == 0 ? tr("IPC_PRIVATE, or the key of a segment marked for removal")
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
    case SizeColumn:
        return tr("%L1 bytes", nullptr, plural::count(info.size)).arg(qulonglong(info.size));
    case RssColumn:
        return tr("%L1 bytes resident", nullptr, plural::count(info.rss))
            .arg(qulonglong(info.rss));
    case SwapColumn:
        return tr("%L1 bytes swapped out", nullptr, plural::count(info.swap))
            .arg(qulonglong(info.swap));
    case StatusColumn: {
        QStringList lines;
        if (info.isMarkedForDestruction())
            lines << tr("Marked for destruction: it goes when the last process detaches.");
        if (info.isLocked())
            lines << tr("Locked in memory: never swapped out.");
        return lines.isEmpty() ? QVariant() : QVariant(lines.join(QLatin1Char('\n')));
    }
    case CreatorPidColumn:
    case LastPidColumn: {
        const pid_t pid = column == CreatorPidColumn ? info.cpid : info.lpid;
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

QVariant SegmentTableModel::backgroundData(const Row &row) const
{
    if (row.highlightUntil == 0)
        return {};
    return QBrush(colors::changedRow(QGuiApplication::palette()));
}

QVariant SegmentTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[size_t(index.row())];
    const shm::SegmentInfo &info = row.info;
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayData(info, column);
    case SortRole:
        return sortData(info, column);
    case ShmidRole:
        return info.shmid;
    case HighlightedRole:
        return row.highlightUntil != 0;
    case SearchTextRole:
        // Numbers hidden behind names and units, so the filter finds them too.
        return QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8")
            .arg(info.key)
            .arg(std::uint32_t(info.key), 0, 16)
            .arg(info.uid)
            .arg(info.gid)
            .arg(info.cuid)
            .arg(info.cgid)
            .arg(info.size)
            .arg(qs(shm::octalPerms(info.mode)));
    case Qt::ToolTipRole:
        return toolTipData(info, column);
    case Qt::TextAlignmentRole:
        switch (column) {
        case ShmidColumn:
        case SizeColumn:
        case NattchColumn:
        case RssColumn:
        case SwapColumn:
            return int(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return int(Qt::AlignLeft | Qt::AlignVCenter);
        }
    case Qt::FontRole:
        if (column == KeyColumn || column == PermsColumn) {
            QFont font = QGuiApplication::font();
            font.setFamilies({QStringLiteral("monospace")});
            font.setStyleHint(QFont::Monospace);
            font.setItalic(info.isMarkedForDestruction());
            return font;
        }
        if (info.isMarkedForDestruction()) {
            QFont font = QGuiApplication::font();
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        if (info.isMarkedForDestruction())
            return QGuiApplication::palette().brush(QPalette::PlaceholderText);
        return {};
    case Qt::BackgroundRole:
        return backgroundData(row);
    default:
        return {};
    }
}

QVariant SegmentTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (Column(section)) {
        case KeyColumn: return tr("Key");
        case ShmidColumn: return tr("shmid");
        case OwnerColumn: return tr("Owner");
        case GroupColumn: return tr("Group");
        case PermsColumn: return tr("Perms");
        case SizeColumn: return tr("Size");
        case NattchColumn: return tr("Attached");
        case StatusColumn: return tr("Status");
        case CreatorPidColumn: return tr("Creator");
        case LastPidColumn: return tr("Last pid");
        case AttachTimeColumn: return tr("Attached at");
        case DetachTimeColumn: return tr("Detached at");
        case ChangeTimeColumn: return tr("Changed at");
        case RssColumn: return tr("RSS");
        case SwapColumn: return tr("Swap");
        case ColumnCount: break;
        }
    } else if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case KeyColumn: return tr("The key given to shmget (0 for private or removed segments)");
        case NattchColumn: return tr("Number of current attachments (nattch)");
        case StatusColumn: return tr("dest: marked for destruction; locked: locked in memory");
        case CreatorPidColumn: return tr("Process that created the segment (cpid)");
        case LastPidColumn: return tr("Process of the last attach or detach (lpid)");
        case RssColumn: return tr("Resident memory of the segment");
        case SwapColumn: return tr("Swapped-out memory of the segment");
        default: break;
        }
    }
    return {};
}
