#include "ui/memory/datainspector.h"

#include "ui/memory/byteeditor.h"
#include "ui/memory/bytesource.h"
#include "ui/common/errortext.h"
#include "ui/memory/hexview.h"

#include <QHeaderView>
#include <QTableWidget>
#include <QVBoxLayout>

using valuecodec::Endian;
using valuecodec::ValueType;

namespace {
constexpr int TypeRole = Qt::UserRole + 1;
}

DataInspector::DataInspector(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(int(ValueType::ValueTypeCount), ColumnCount, this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
    m_table->setHorizontalHeaderLabels({tr("Little endian"), tr("Big endian")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->horizontalHeader()->setMinimumSectionSize(150);
    m_table->setMinimumWidth(300);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                             | QAbstractItemView::AnyKeyPressed);
    m_table->setToolTip(tr("The value at the cursor. Double-click a value to write new bytes."));
    for (int row = 0; row < int(ValueType::ValueTypeCount); ++row) {
        const auto type = ValueType(row);
        m_table->setVerticalHeaderItem(row, new QTableWidgetItem(valuecodec::typeName(type)));
        for (int column = 0; column < ColumnCount; ++column) {
            auto *item = new QTableWidgetItem;
            item->setData(TypeRole, row);
            m_table->setItem(row, column, item);
        }
        if (!valuecodec::hasEndianness(type))
            m_table->setSpan(row, 0, 1, ColumnCount);
    }
    connect(m_table, &QTableWidget::itemChanged, this, &DataInspector::onItemChanged);
}

void DataInspector::setHexView(HexView *view)
{
    if (m_view)
        disconnect(m_view, nullptr, this, nullptr);
    m_view = view;
    if (view) {
        connect(view, &HexView::cursorMoved, this, &DataInspector::refresh);
        connect(view, &HexView::refreshed, this, &DataInspector::refresh);
        connect(view, &QObject::destroyed, this, [this] { m_view = nullptr; });
    }
    refresh();
}

QString DataInspector::valueText(ValueType type, Endian endian) const
{
    if (!m_view || !m_view->source())
        return {};
    std::byte bytes[8] = {};
    const quint64 n = m_view->source()->read(m_view->cursorOffset(), bytes, sizeof bytes);
    return valuecodec::format(type, endian, bytes, qint64(n));
}

void DataInspector::refresh()
{
    m_updating = true;
    std::byte bytes[8] = {};
    quint64 n = 0;
    if (m_view && m_view->source())
        n = m_view->source()->read(m_view->cursorOffset(), bytes, sizeof bytes);
    const bool writable = m_view && m_view->source() && m_view->source()->isWritable();
    for (int row = 0; row < int(ValueType::ValueTypeCount); ++row) {
        const auto type = ValueType(row);
        for (int column = 0; column < ColumnCount; ++column) {
            QTableWidgetItem *item = m_table->item(row, column);
            const Endian endian = column == LittleEndianColumn ? Endian::Little : Endian::Big;
            QString text = n > 0 ? valuecodec::format(type, endian, bytes, qint64(n)) : QString();
            if (text.isEmpty() && n > 0)
                text = tr("(past the end)");
            // Only touch items whose text changed: a live tick must not reset an open editor.
            if (item->text() != text)
                item->setText(text);
            const Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable
                                        | (writable ? Qt::ItemIsEditable : Qt::NoItemFlags);
            if (item->flags() != flags)
                item->setFlags(flags);
        }
    }
    m_updating = false;
}

shm::Result<void> DataInspector::editValue(ValueType type, Endian endian, const QString &text)
{
    if (!m_view || !m_view->source())
        return ByteEditor::readOnlyError();
    const auto bytes = valuecodec::encode(type, endian, text);
    if (!bytes)
        return refusal("inspector", text,
                       tr("Not a valid %1: %2")
                           .arg(valuecodec::typeName(type), errortext::message(bytes.error())));
    const QByteArray raw(reinterpret_cast<const char *>(bytes->data()), qsizetype(bytes->size()));
    return m_view->editor()->write(m_view->cursorOffset(), raw,
                                   tr("Set %1 at 0x%2")
                                       .arg(valuecodec::typeName(type))
                                       .arg(m_view->cursorOffset(), 0, 16));
}

void DataInspector::onItemChanged(QTableWidgetItem *item)
{
    if (m_updating)
        return;
    const auto type = ValueType(item->data(TypeRole).toInt());
    const Endian endian = item->column() == LittleEndianColumn ? Endian::Little : Endian::Big;
    if (const auto edited = editValue(type, endian, item->text()); !edited)
        emit message(errortext::message(edited.error()));
    refresh(); // show what memory holds now, whether or not the edit succeeded
}
