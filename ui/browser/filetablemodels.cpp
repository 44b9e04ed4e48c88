#include "ui/browser/filetablemodels.h"

#include "ui/browser/segmenttablemodel.h"
#include "ui/common/plural.h"

#include "core/orphans.h"

#include <QDateTime>
#include <QStringList>

#include <algorithm>
#include <set>
#include <tuple>

namespace {

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

// "postgres, psql": the distinct commands of the holders, in pid order.
QString commandsOf(const std::vector<shm::Holder> &holders)
{
    QStringList commands;
    for (const shm::Holder &h : holders) {
        // The program's name: the first word's last path part, without the colon of titles
        // set the setproctitle way ("postgres: 15/main: checkpointer", "sshd: alice@pts/0").
        QString command = qs(h.command).section(QLatin1Char(' '), 0, 0).section(
            QLatin1Char('/'), -1);
        if (command.size() > 1 && command.endsWith(QLatin1Char(':')))
            command.chop(1);
        if (!commands.contains(command))
            commands << command;
    }
    return commands.join(QStringLiteral(", "));
}

// "1234 postgres: writer" a line: every holder's pid and command line; none without holders.
QVariant holdersToolTip(const std::vector<shm::Holder> &holders)
{
    if (holders.empty())
        return {};
    QStringList lines;
    for (const shm::Holder &h : holders)
        lines << QString::number(h.pid) + QLatin1Char(' ') + qs(h.command);
    return lines.join(QLatin1Char('\n'));
}

// The row of `rows` whose stable id is `id`, or -1.
template<typename Row>
int rowWithId(const std::vector<Row> &rows, int id)
{
    for (size_t i = 0; i < rows.size(); ++i)
        if (rows[i].id == id)
            return int(i);
    return -1;
}

int processCount(const std::vector<shm::Holder> &holders)
{
    std::set<pid_t> pids;
    for (const shm::Holder &h : holders)
        pids.insert(h.pid);
    return int(pids.size());
}

QString holdersCell(const std::vector<shm::Holder> &holders)
{
    const int processes = processCount(holders);
    return PosixTableModel::tr("%n processes (%1)", nullptr, processes).arg(commandsOf(holders));
}

} // namespace

// --- POSIX objects ---------------------------------------------------------------------------

PosixTableModel::PosixTableModel(const SegmentTableModel *names, QObject *parent)
    : ColumnTableModel(columnSpecs(), parent)
    , m_names(names)
{
}

std::span<const ColumnTableModel::ColumnSpec> PosixTableModel::columnSpecs()
{
    static const ColumnSpec columns[ColumnCount] = {
        {QT_TR_NOOP("Name"), QT_TR_NOOP("The name shm_open takes: /NAME for the file NAME of "
                                        "/dev/shm"),
         Format::Custom, Qt::AlignLeft, true},
        {QT_TR_NOOP("Size"), QT_TR_NOOP("The object's length (ftruncate)"), Format::Size},
        {QT_TR_NOOP("Resident"),
         QT_TR_NOOP("Memory the object's pages take, in memory or swap (tmpfs allocates a "
                    "page when it is first written)"),
         Format::Size},
        {QT_TR_NOOP("Perms"), nullptr, Format::Perms},
        {QT_TR_NOOP("Owner"), nullptr, Format::User},
        {QT_TR_NOOP("Group"), nullptr, Format::Group},
        {QT_TR_NOOP("Modified"), QT_TR_NOOP("Last write or truncate (mtime)"), Format::Time},
        {QT_TR_NOOP("Changed at"), QT_TR_NOOP("Last change of the file's status (ctime)"),
         Format::Time},
        {QT_TR_NOOP("Holders"),
         QT_TR_NOOP("Processes that map the object or hold a descriptor to it")},
        {QT_TR_NOOP("Orphan"),
         QT_TR_NOOP("Nobody maps it or holds it open: it stays until someone removes it. How "
                    "long since it was last written or changed.")},
    };
    return columns;
}

PosixTableModel::MergeStats PosixTableModel::merge(
    const std::vector<shm::PosixObject> &objects,
    const std::map<shm::FileId, std::vector<shm::Holder>> &holders, bool holdersKnown)
{
    std::vector<Row> next;
    next.reserve(objects.size());
    std::map<std::string, int> ids;
    for (const shm::PosixObject &object : objects) {
        Row row;
        row.object = object;
        auto known = m_ids.find(object.name);
        row.id = known != m_ids.end() ? known->second : m_nextId++;
        ids.emplace(object.name, row.id);
        row.holdersKnown = holdersKnown;
        if (auto it = holders.find({object.device, object.inode}); it != holders.end())
            row.holders = it->second;
        next.push_back(std::move(row));
    }
    m_ids = std::move(ids); // a name removed and made again is another object: a new id
    std::sort(next.begin(), next.end(),
              [](const Row &a, const Row &b) { return a.object.name < b.object.name; });
    const auto keyOf = [](const Row &row) -> const std::string & { return row.object.name; };
    return mergeSorted(
        m_rows, next, keyOf, keyOf, [](const Row &a, const Row &b) { return a == b; },
        [](const Row &row) { return row; }, [](Row &row, const Row &item) { row = item; });
}

int PosixTableModel::rowOfId(int id) const
{
    return rowWithId(m_rows, id);
}

int PosixTableModel::rowOfName(const std::string &name) const
{
    auto it = std::lower_bound(m_rows.begin(), m_rows.end(), name,
                               [](const Row &row, const std::string &n) { return row.object.name < n; });
    if (it == m_rows.end() || it->object.name != name)
        return -1;
    return int(it - m_rows.begin());
}

QString PosixTableModel::holdersText(const Row &row)
{
    if (!row.holdersKnown)
        return QStringLiteral("…");
    if (row.holders.empty())
        return tr("nobody");
    return holdersCell(row.holders);
}

QVariant PosixTableModel::display(const Row &row, int column, bool sortKey) const
{
    const shm::PosixObject &o = row.object;
    using F = ColumnTableModel::Format;
    switch (Column(column)) {
    case NameColumn: return qs(o.name);
    case SizeColumn: return ipccells::formatted(F::Size, qulonglong(o.size), sortKey, *m_names);
    case ResidentColumn:
        return ipccells::formatted(F::Size, qulonglong(o.allocated), sortKey, *m_names);
    case PermsColumn: return ipccells::formatted(F::Perms, o.mode, sortKey, *m_names);
    case OwnerColumn: return ipccells::formatted(F::User, uint(o.uid), sortKey, *m_names);
    case GroupColumn: return ipccells::formatted(F::Group, uint(o.gid), sortKey, *m_names);
    case ModifiedColumn:
        return ipccells::formatted(F::Time, qlonglong(o.mtime), sortKey, *m_names);
    case ChangedColumn:
        return ipccells::formatted(F::Time, qlonglong(o.ctime), sortKey, *m_names);
    case HoldersColumn:
        if (sortKey)
            return row.holdersKnown ? qlonglong(processCount(row.holders)) : qlonglong(-1);
        return holdersText(row);
    case OrphanColumn: {
        if (!isOrphan(row))
            return sortKey ? QVariant(qlonglong(-1)) : QVariant(QString());
        const std::int64_t age = shm::posixObjectAge(o, QDateTime::currentSecsSinceEpoch());
        if (sortKey)
            return qlonglong(age);
        return tr("orphan, %1").arg(ipccells::ageText(age));
    }
    case ColumnCount: break;
    }
    return {};
}

QVariant PosixTableModel::cellData(int rowIndex, int column, int role) const
{
    const Row &row = m_rows[size_t(rowIndex)];
    switch (role) {
    case Qt::DisplayRole:
    case filetables::SortRole:
        return display(row, column, role == filetables::SortRole);
    case filetables::IdRole:
        return row.id;
    case filetables::OrphanRole:
        return isOrphan(row);
    case filetables::SearchTextRole:
        return QStringList{QString::number(row.object.uid), QString::number(row.object.gid),
                           QString::number(row.object.size), QString::number(row.object.inode),
                           QString::number(row.object.mode & 07777, 8).rightJustified(4, QLatin1Char('0')),
                           isOrphan(row) ? QStringLiteral("orphan") : QString()}
            .join(QLatin1Char(' '));
    case Qt::ToolTipRole:
        if (column == HoldersColumn)
            return holdersToolTip(row.holders);
        if (column == NameColumn)
            return tr("File %1 of /dev/shm, inode %2").arg(qs(row.object.name.substr(1))).arg(row.object.inode);
        return {};
    default:
        return {};
    }
}

// --- memfds ----------------------------------------------------------------------------------

MemfdTableModel::MemfdTableModel(QObject *parent)
    : ColumnTableModel(columnSpecs(), parent)
{
}

std::span<const ColumnTableModel::ColumnSpec> MemfdTableModel::columnSpecs()
{
    static const ColumnSpec columns[ColumnCount] = {
        {QT_TR_NOOP("Name"), QT_TR_NOOP("The name given to memfd_create (names need not be "
                                        "unique)"),
         Format::Custom, Qt::AlignLeft, true},
        {QT_TR_NOOP("Inode"), QT_TR_NOOP("The object's inode: what tells two memfds of one "
                                         "name apart"),
         Format::Count},
        {QT_TR_NOOP("Size"), nullptr, Format::Size},
        {QT_TR_NOOP("Seals"), QT_TR_NOOP("What fcntl(F_ADD_SEALS) forbids from now on")},
        {QT_TR_NOOP("Holders"),
         QT_TR_NOOP("Processes that map the memfd or hold a descriptor to it")},
    };
    return columns;
}

MemfdTableModel::MergeStats MemfdTableModel::merge(
    const std::vector<shm::MemfdObject> &memfds,
    const std::map<shm::FileId, std::vector<std::string>> &paths)
{
    std::vector<Row> next;
    next.reserve(memfds.size());
    std::map<shm::FileId, int> ids;
    for (const shm::MemfdObject &memfd : memfds) {
        Row row;
        row.object = memfd;
        auto known = m_ids.find(memfd.id);
        row.id = known != m_ids.end() ? known->second : m_nextId++;
        ids.emplace(memfd.id, row.id);
        if (auto it = paths.find(memfd.id); it != paths.end())
            row.paths = it->second;
        next.push_back(std::move(row));
    }
    m_ids = std::move(ids);
    const auto keyOf = [](const Row &row) {
        return std::tie(row.object.name, row.object.id);
    };
    std::sort(next.begin(), next.end(),
              [&](const Row &a, const Row &b) { return keyOf(a) < keyOf(b); });
    return mergeSorted(
        m_rows, next, keyOf, keyOf, [](const Row &a, const Row &b) { return a == b; },
        [](const Row &row) { return row; }, [](Row &row, const Row &item) { row = item; });
}

int MemfdTableModel::rowOfId(int id) const
{
    return rowWithId(m_rows, id);
}

QString MemfdTableModel::sealsText(const shm::MemfdObject &memfd)
{
    if (!memfd.seals)
        return tr("unknown (no right to read a holder)");
    const auto names = shm::sealNames(*memfd.seals);
    if (names.empty())
        return tr("none");
    QStringList list;
    for (const std::string &name : names)
        list << qs(name);
    return list.join(QStringLiteral(", "));
}

QVariant MemfdTableModel::display(const Row &row, int column, bool sortKey) const
{
    const shm::MemfdObject &m = row.object;
    switch (Column(column)) {
    case NameColumn: return qs(m.name);
    case InodeColumn:
        return sortKey ? QVariant(qulonglong(m.id.inode)) : QVariant(QString::number(m.id.inode));
    case SizeColumn:
        if (!m.size)
            return sortKey ? QVariant(qlonglong(-1)) : QVariant(tr("unknown"));
        return sortKey ? QVariant(qulonglong(*m.size)) : QVariant(ipccells::sizeText(*m.size));
    case SealsColumn: return sealsText(m);
    case HoldersColumn:
        if (sortKey)
            return qlonglong(processCount(m.holders));
        return holdersCell(m.holders);
    case ColumnCount: break;
    }
    return {};
}

QVariant MemfdTableModel::cellData(int rowIndex, int column, int role) const
{
    const Row &row = m_rows[size_t(rowIndex)];
    switch (role) {
    case Qt::DisplayRole:
    case filetables::SortRole:
        return display(row, column, role == filetables::SortRole);
    case filetables::IdRole:
        return row.id;
    case filetables::OrphanRole:
        return false; // a memfd lives only while held
    case filetables::SearchTextRole: {
        QStringList parts{QString::number(row.object.id.inode)};
        for (const shm::Holder &h : row.object.holders)
            parts << QString::number(h.pid);
        return parts.join(QLatin1Char(' '));
    }
    case Qt::ToolTipRole:
        if (column == HoldersColumn)
            return holdersToolTip(row.object.holders);
        if (column == SizeColumn && !row.object.size)
            return tr("Reading the size needs the right to inspect a holder (ptrace read)");
        return {};
    default:
        return {};
    }
}
