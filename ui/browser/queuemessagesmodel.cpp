#include "ui/browser/queuemessagesmodel.h"

#include "ui/common/plural.h"
#include "ui/memory/hexlayout.h"
#include "ui/memory/valuecodec.h"

#include <QFont>
#include <QGuiApplication>

namespace {

QByteArray bytesOf(const shm::Message &message)
{
    return QByteArray(message.bytes.data(), qsizetype(message.bytes.size()));
}

QString ellipsis()
{
    return QStringLiteral("…");
}

} // namespace

QFont QueueMessagesModel::previewFont()
{
    QFont font = QGuiApplication::font();
    font.setFamilies({QStringLiteral("monospace")});
    font.setStyleHint(QFont::Monospace);
    return font;
}

QueueMessagesModel::QueueMessagesModel(QObject *parent)
    : MergingTableModel(ColumnCount, parent)
{
}

QueueMessagesModel::MergeStats QueueMessagesModel::setMessages(
    const std::vector<shm::Message> &messages)
{
    std::vector<Row> next;
    next.reserve(messages.size());
    for (size_t i = 0; i < messages.size(); ++i)
        next.push_back(Row{int(i), messages[i]});
    const auto key = [](const Row &row) { return row.index; };
    return mergeSorted(
        m_rows, next, key, key,
        [](const Row &row, const Row &item) { return row.message == item.message; },
        [](const Row &item) { return item; }, [](Row &row, const Row &item) { row = item; });
}

QString QueueMessagesModel::hexText(const QByteArray &bytes, int limit)
{
    const bool cut = limit >= 0 && bytes.size() > limit;
    const QString hex = valuecodec::formatBytes(valuecodec::CopyFormat::HexText,
                                                cut ? bytes.left(limit) : bytes);
    return cut ? hex + QLatin1Char(' ') + ellipsis() : hex;
}

QString QueueMessagesModel::printableText(const QByteArray &bytes, int limit)
{
    const bool cut = limit >= 0 && bytes.size() > limit;
    const qsizetype count = cut ? limit : bytes.size();
    QString text;
    text.reserve(count + 1);
    for (qsizetype i = 0; i < count; ++i)
        text += QLatin1Char(HexLayout::textChar(quint8(bytes[i])));
    return cut ? text + ellipsis() : text;
}

QVariant QueueMessagesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[size_t(index.row())];
    const shm::Message &message = row.message;
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case IndexColumn: return row.index;
        case TypeColumn: return qlonglong(message.type);
        case SizeColumn: return qulonglong(message.bytes.size());
        case HexColumn: return hexText(bytesOf(message), PreviewBytes);
        case TextColumn: return printableText(bytesOf(message), PreviewBytes);
        case ColumnCount: break;
        }
        return {};
    case SortRole:
        switch (Column(index.column())) {
        case TypeColumn: return qlonglong(message.type);
        case SizeColumn: return qulonglong(message.bytes.size());
        default: return row.index;
        }
    case BytesRole:
        return bytesOf(message);
    case Qt::ToolTipRole:
        if (index.column() == HexColumn || index.column() == TextColumn)
            return tr("%L1 bytes; all of them are in the view beside the list", nullptr,
                      plural::count(message.bytes.size()))
                .arg(qulonglong(message.bytes.size()));
        return {};
    case Qt::TextAlignmentRole:
        return index.column() <= SizeColumn ? int(Qt::AlignRight | Qt::AlignVCenter)
                                            : int(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::FontRole:
        if (index.column() == HexColumn || index.column() == TextColumn)
            return previewFont();
        return {};
    default:
        return {};
    }
}

QVariant QueueMessagesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (Column(section)) {
        case IndexColumn: return tr("#");
        case TypeColumn: return tr("Type");
        case SizeColumn: return tr("Size");
        case HexColumn: return tr("Bytes (hex)");
        case TextColumn: return tr("Text");
        case ColumnCount: break;
        }
    } else if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case IndexColumn: return tr("The message's place in the queue, 0 first (what MSG_COPY takes)");
        case TypeColumn: return tr("The message's type (mtype), 1 or more");
        case SizeColumn: return tr("The message's bytes (mtext), without the type");
        default: break;
        }
    }
    return {};
}
