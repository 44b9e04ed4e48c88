#include "ui/browser/columntablemodel.h"

#include "core/attachers.h"
#include "core/segmentinfo.h"

#include "ui/common/plural.h"

#include <QCoreApplication>
#include <QGuiApplication>

ColumnTableModel::ColumnTableModel(std::span<const ColumnSpec> columns, QObject *parent)
    : MergingTableModel(int(columns.size()), parent), m_columns(columns)
{
}

QFont ColumnTableModel::monospaceFont()
{
    QFont font = QGuiApplication::font();
    font.setFamilies({QStringLiteral("monospace")});
    font.setStyleHint(QFont::Monospace);
    return font;
}

QFont ColumnTableModel::boldFont()
{
    QFont font = QGuiApplication::font();
    font.setBold(true);
    return font;
}

namespace {

bool rightAligned(ColumnTableModel::Format format)
{
    using Format = ColumnTableModel::Format;
    return format == Format::Id || format == Format::Count || format == Format::Size;
}

} // namespace

bool ColumnTableModel::isMonospace(int column) const
{
    const ColumnSpec &spec = m_columns[size_t(column)];
    return spec.monospace || spec.format == Format::Key || spec.format == Format::Perms;
}

QVariant ColumnTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ColumnSpec &spec = m_columns[size_t(index.column())];
    if (role == Qt::TextAlignmentRole)
        return int((rightAligned(spec.format) ? Qt::AlignRight : spec.alignment)
                   | Qt::AlignVCenter);
    QVariant value = cellData(index.row(), index.column(), role);
    if (role == Qt::FontRole && !value.isValid() && isMonospace(index.column()))
        return monospaceFont();
    return value;
}

QVariant ColumnTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || size_t(section) >= m_columns.size())
        return QAbstractTableModel::headerData(section, orientation, role);
    const ColumnSpec &spec = m_columns[size_t(section)];
    const char *text = role == Qt::DisplayRole   ? spec.title
                       : role == Qt::ToolTipRole ? spec.toolTip
                                                 : nullptr;
    if (text == nullptr)
        return {};
    return QCoreApplication::translate(metaObject()->className(), text);
}

namespace ipccells {

QString keyText(std::int32_t key)
{
    return QString::fromStdString(shm::formatKey(key));
}

QVariant keySortKey(std::int32_t key)
{
    return qulonglong(std::uint32_t(key));
}

QString permsText(unsigned mode)
{
    return QStringLiteral("%1 %2").arg(QString::fromStdString(shm::permString(mode)),
                                       QString::fromStdString(shm::octalPerms(mode)));
}

QString keyToolTip(std::int32_t key, const QString &privateText, const QString &format)
{
    return key == 0 ? privateText : format.arg(keyText(key)).arg(key);
}

QVariant pidToolTip(pid_t pid, const QString &exitedFormat)
{
    if (pid <= 0)
        return {};
    const QString command = QString::fromStdString(shm::processCommand(pid));
    return command.isEmpty() ? exitedFormat.arg(pid) : command;
}

QString sizeText(std::uint64_t bytes)
{
    return QString::fromStdString(shm::humanSize(bytes));
}

QString ageText(std::int64_t seconds)
{
    // The largest unit that fits: an orphan of five days is not "432000 s".
    const auto tr = [](const char *text, std::int64_t n) {
        return QCoreApplication::translate("ipccells", text, nullptr, plural::count(std::uint64_t(n)));
    };
    if (seconds < 0)
        seconds = 0;
    if (seconds < 120)
        return tr("%n s", seconds);
    if (seconds < 2 * 3600)
        return tr("%n min", seconds / 60);
    if (seconds < 2 * 86400)
        return tr("%n h", seconds / 3600);
    return tr("%n days", seconds / 86400);
}

QString searchText(std::int32_t key, uid_t uid, gid_t gid, uid_t cuid, gid_t cgid, unsigned mode,
                   const QStringList &extra)
{
    QStringList parts{QString::number(key), QString::number(std::uint32_t(key), 16),
                      QString::number(uid), QString::number(gid), QString::number(cuid),
                      QString::number(cgid)};
    parts << extra << QString::fromStdString(shm::octalPerms(mode));
    return parts.join(QLatin1Char(' '));
}

} // namespace ipccells
