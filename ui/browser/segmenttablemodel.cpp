#include "ui/browser/segmenttablemodel.h"

#include "ui/common/colors.h"
#include "ui/common/plural.h"
#include "core/attachers.h"
#include "core/orphans.h"

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

} // namespace

SegmentTableModel::SegmentTableModel(QObject *parent)
    : ColumnTableModel(columnSpecs(), parent)
{
}

std::span<const ColumnTableModel::ColumnSpec> SegmentTableModel::columnSpecs()
{
    static const ColumnSpec columns[ColumnCount] = {
        {QT_TR_NOOP("Key"),
         QT_TR_NOOP("The key given to shmget (0 for private or removed segments)"), Format::Key},
        {QT_TR_NOOP("shmid"), nullptr, Format::Id},
        {QT_TR_NOOP("Owner"), nullptr, Format::User},
        {QT_TR_NOOP("Group"), nullptr, Format::Group},
        {QT_TR_NOOP("Perms"), nullptr, Format::Perms},
        {QT_TR_NOOP("Size"), nullptr, Format::Size},
        {QT_TR_NOOP("Attached"), QT_TR_NOOP("Number of current attachments (nattch)"),
         Format::Count},
        {QT_TR_NOOP("Status"),
         QT_TR_NOOP("dest: marked for destruction; locked: locked in memory; orphan: nobody attaches it and its creator is gone, unused for so long")},
        {QT_TR_NOOP("Creator"), QT_TR_NOOP("Process that created the segment (cpid)"), Format::Pid},
        {QT_TR_NOOP("Last pid"), QT_TR_NOOP("Process of the last attach or detach (lpid)"),
         Format::Pid},
        {QT_TR_NOOP("Attached at"), nullptr, Format::Time},
        {QT_TR_NOOP("Detached at"), nullptr, Format::Time},
        {QT_TR_NOOP("Changed at"), nullptr, Format::Time},
        {QT_TR_NOOP("RSS"), QT_TR_NOOP("Resident memory of the segment"), Format::Size},
        {QT_TR_NOOP("Swap"), QT_TR_NOOP("Swapped-out memory of the segment"), Format::Size},
    };
    return columns;
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
    return rowOfKey(m_rows, shmid, [](const Row &row) { return row.info.shmid; });
}

SegmentTableModel::MergeStats SegmentTableModel::merge(const std::vector<shm::SegmentInfo> &input)
{
    // The merge walks both lists in shmid order; an unsorted input would corrupt it.
    std::vector<shm::SegmentInfo> sortedCopy;
    const std::vector<shm::SegmentInfo> &next
        = sortedBy(input, sortedCopy, [](const shm::SegmentInfo &info) { return info.shmid; });

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

bool SegmentTableModel::isOrphan(const shm::SegmentInfo &info) const
{
    // shm::isOrphanSegment's rule, with the creator's liveness from the name cache: a table of
    // 32,768 segments must not stat /proc for each on every paint.
    return info.nattch == 0 && (info.cpid <= 0 || processName(info.cpid).isEmpty());
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

QVariant SegmentTableModel::rawData(const shm::SegmentInfo &info, int column)
{
    switch (Column(column)) {
    case KeyColumn: return info.key;
    case ShmidColumn: return info.shmid;
    case OwnerColumn: return info.uid;
    case GroupColumn: return info.gid;
    case PermsColumn: return info.mode;
    case SizeColumn: return qulonglong(info.size);
    case NattchColumn: return qulonglong(info.nattch);
    case CreatorPidColumn: return info.cpid;
    case LastPidColumn: return info.lpid;
    case AttachTimeColumn: return qlonglong(info.atime);
    case DetachTimeColumn: return qlonglong(info.dtime);
    case ChangeTimeColumn: return qlonglong(info.ctime);
    case RssColumn: return qulonglong(info.rss);
    case SwapColumn: return qulonglong(info.swap);
    default: return {};
    }
}

QVariant SegmentTableModel::customData(const shm::SegmentInfo &info, int column, bool sortKey)
{
    if (column != StatusColumn)
        return {};
    if (sortKey)
        return qulonglong(info.mode & (shm::ModeDestBit | shm::ModeLockedBit));
    return statusText(info);
}

QVariant SegmentTableModel::toolTipData(const shm::SegmentInfo &info, int column) const
{
    switch (Column(column)) {
    case KeyColumn:
        return ipccells::keyToolTip(info.key,
                                    tr("IPC_PRIVATE, or the key of a segment marked for removal"),
                                    tr("Key %1 (decimal %2)"));
    case OwnerColumn:
    case GroupColumn:
        return ipccells::ownerToolTip(
            tr("Owner uid %1 (%2), gid %3 (%4)\nCreator uid %5 (%6), gid %7 (%8)"), info, *this);
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
    case LastPidColumn:
        return ipccells::pidToolTip(column == CreatorPidColumn ? info.cpid : info.lpid,
                                    tr("Process %1 has exited"));
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

QVariant SegmentTableModel::cellData(int r, int column, int role) const
{
    const Row &row = m_rows[size_t(r)];
    const shm::SegmentInfo &info = row.info;
    switch (role) {
    case Qt::DisplayRole:
    case SortRole:
        if (column == StatusColumn && isOrphan(info)) {
            // Orphans sort after every other status, the oldest last.
            const std::int64_t age = shm::segmentAge(info, QDateTime::currentSecsSinceEpoch());
            if (role == SortRole)
                return qulonglong(0x10000) + qulonglong(age);
            const QString status = statusText(info);
            const QString orphan = tr("orphan, %1").arg(ipccells::ageText(age));
            return status.isEmpty() ? orphan : status + QStringLiteral(", ") + orphan;
        }
        return ipccells::cell(columnFormat(column), info, column, role == SortRole, *this,
                              rawData, customData);
    case OrphanRole:
        return isOrphan(info);
    case ShmidRole:
        return info.shmid;
    case HighlightedRole:
        return row.highlightUntil != 0;
    case SearchTextRole:
        // Numbers hidden behind names and units, so the filter finds them too.
        return ipccells::searchText(info, {QString::number(info.size)});
    case Qt::ToolTipRole:
        return toolTipData(info, column);
    case Qt::FontRole:
        if (info.isMarkedForDestruction()) {
            QFont font = isMonospace(column) ? monospaceFont() : QGuiApplication::font();
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
