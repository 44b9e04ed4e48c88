#include "ui/browser/queuemessagesmodel.h"

#include "ui/common/plural.h"
#include "ui/memory/hexlayout.h"
#include "ui/memory/valuecodec.h"

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
    return monospaceFont();
}

QueueMessagesModel::QueueMessagesModel(QObject *parent)
    : ColumnTableModel(columnSpecs(), parent)
{
}

std::span<const ColumnTableModel::ColumnSpec> QueueMessagesModel::columnSpecs()
{
    static const ColumnSpec columns[ColumnCount] = {
        {QT_TR_NOOP("#"),
         QT_TR_NOOP("The message's place in the queue, 0 first (what MSG_COPY takes)"),
         Format::Custom, Qt::AlignRight},
        {QT_TR_NOOP("Type"), QT_TR_NOOP("The message's type (mtype), 1 or more"), Format::Custom,
         Qt::AlignRight},
        {QT_TR_NOOP("Size"), QT_TR_NOOP("The message's bytes (mtext), without the type"),
         Format::Custom, Qt::AlignRight},
        {QT_TR_NOOP("Text"), nullptr, Format::Custom, Qt::AlignLeft, true},
        {QT_TR_NOOP("Bytes (hex)"), nullptr, Format::Custom, Qt::AlignLeft, true},
    };
    return columns;
}

QueueMessagesModel::MergeStats QueueMessagesModel::setMessages(
    const std::vector<shm::Message> &messages)
{
    return mergeNumbered(m_rows, messages);
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

QVariant QueueMessagesModel::cellData(int row, int column, int role) const
{
    const shm::Message &message = m_rows[size_t(row)].item;
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(column)) {
        case IndexColumn: return row;
        case TypeColumn: return qlonglong(message.type);
        case SizeColumn: return qulonglong(message.bytes.size());
        case HexColumn: return hexText(bytesOf(message), PreviewBytes);
        case TextColumn: return printableText(bytesOf(message), PreviewBytes);
        case ColumnCount: break;
        }
        return {};
    case SortRole:
        switch (Column(column)) {
        case TypeColumn: return qlonglong(message.type);
        case SizeColumn: return qulonglong(message.bytes.size());
        default: return row;
        }
    case BytesRole:
        return bytesOf(message);
    case Qt::ToolTipRole:
        if (column == HexColumn || column == TextColumn)
            return tr("%L1 bytes; all of them are in the view beside the list", nullptr,
                      plural::count(message.bytes.size()))
                .arg(qulonglong(message.bytes.size()));
        return {};
    default:
        return {};
    }
}
