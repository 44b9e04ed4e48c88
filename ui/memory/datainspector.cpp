#include "ui/memory/datainspector.h"

#include "ui/memory/byteeditor.h"
#include "ui/memory/bytesource.h"
#include "ui/common/colors.h"
#include "ui/common/errortext.h"
#include "ui/memory/hexview.h"

#include <QEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

using valuecodec::Endian;
using valuecodec::ValueType;

namespace {
constexpr int TypeRole = Qt::UserRole + 1;

Endian endianOf(int column)
{
    return column == DataInspector::LittleEndianColumn ? Endian::Little : Endian::Big;
}

} // namespace

// The editor of a cell: what the user types, with the live value greyed at its right end. The
// live value is only shown here, never put into the text.
class LiveValueEdit : public QLineEdit
{
public:
    explicit LiveValueEdit(QWidget *parent)
        : QLineEdit(parent)
        , m_live(new QLabel(this))
    {
        m_live->setObjectName(QStringLiteral("liveValue"));
        m_live->setForegroundRole(QPalette::PlaceholderText);
        m_live->setAttribute(Qt::WA_TransparentForMouseEvents);
    }

    void setLiveText(const QString &text)
    {
        if (text == m_liveText)
            return;
        m_liveText = text;
        setToolTip(DataInspector::tr("The value in memory now: %1. Enter writes what you typed; "
                                     "Esc gives the field back to the live value.")
                       .arg(text));
        placeLive();
    }
    QString liveText() const { return m_liveText; }

    bool commitByEnter = false; // set by the delegate when Enter or Return was pressed

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QLineEdit::resizeEvent(event);
        placeLive();
    }

private:
    void placeLive()
    {
        const QFontMetrics fm(font());
        const QString shown = fm.elidedText(DataInspector::tr("now: %1").arg(m_liveText),
                                            Qt::ElideRight, std::max(0, width() / 2 - 8));
        m_live->setText(shown);
        const int w = fm.horizontalAdvance(shown) + 8;
        m_live->setGeometry(width() - w, 0, w, height());
        setTextMargins(0, 0, w, 0);
    }

    QLabel *m_live;
    QString m_liveText;
};

// Opens LiveValueEdit editors, writes only on Enter, and keeps an editor open when the focus
// goes elsewhere (the default delegate would write then).
class InspectorDelegate : public QStyledItemDelegate
{
public:
    explicit InspectorDelegate(DataInspector *inspector)
        : QStyledItemDelegate(inspector)
        , m_inspector(inspector)
    {
    }

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &,
                          const QModelIndex &index) const override
    {
        auto *editor = new LiveValueEdit(parent);
        editor->setFrame(false);
        m_inspector->editorOpened(editor, index.row(), index.column());
        return editor;
    }

    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        auto *edit = static_cast<LiveValueEdit *>(editor);
        if (!edit->isModified()) // never over what the user typed
            edit->setText(index.data(Qt::EditRole).toString());
    }

    void setModelData(QWidget *editor, QAbstractItemModel *, const QModelIndex &index) const override
    {
        auto *edit = static_cast<LiveValueEdit *>(editor);
        m_inspector->commitTyped(index.row(), index.column(), edit->text(),
                                 std::exchange(edit->commitByEnter, false), edit->isModified());
    }

protected:
    bool eventFilter(QObject *object, QEvent *event) override
    {
        auto *edit = dynamic_cast<LiveValueEdit *>(object);
        if (edit && event->type() == QEvent::FocusOut)
            return false; // the edit stays, unwritten, until Enter or Esc
        if (edit && event->type() == QEvent::KeyPress) {
            const int key = static_cast<QKeyEvent *>(event)->key();
            if (key == Qt::Key_Return || key == Qt::Key_Enter)
                edit->commitByEnter = true;
        }
        return QStyledItemDelegate::eventFilter(object, event);
    }

private:
    DataInspector *m_inspector;
};

DataInspector::DataInspector(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(int(ValueType::ValueTypeCount), ColumnCount, this))
    , m_editNote(new QLabel(this))
    , m_delegate(new InspectorDelegate(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
    m_editNote->setObjectName(QStringLiteral("editNote"));
    m_editNote->setWordWrap(true);
    m_editNote->hide();
    layout->addWidget(m_editNote);
    m_table->setItemDelegate(m_delegate);
    // After the table's own handling (connected first), which releases the editor.
    connect(m_delegate, &QAbstractItemDelegate::closeEditor, this, [this] { editorClosed(); });
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

namespace {

// The bytes at the cursor, how many there are, and where the first unreadable one is (n when
// none is).
struct CursorBytes
{
    std::byte bytes[8] = {};
    quint64 n = 0;
    quint64 firstUnreadable = 0;
    QString unreadableNote;
};

CursorBytes readAtCursor(const HexView *view)
{
    CursorBytes at;
    if (!view || !view->source())
        return at;
    const quint64 offset = view->cursorOffset();
    const quint64 size = view->source()->size();
    if (offset >= size)
        return at;
    at.n = std::min<quint64>(sizeof at.bytes, size - offset);
    const auto report = view->source()->readReport(offset, at.bytes, at.n);
    at.firstUnreadable = at.n;
    for (const shm::PageRun &run : report.notRead) {
        if (run.state != shm::PageState::Untouched) {
            at.firstUnreadable = std::min(at.firstUnreadable, run.offset - offset);
            at.unreadableNote = view->cellNote(run.offset);
            break;
        }
    }
    return at;
}

} // namespace

QString DataInspector::cellText(ValueType type, Endian endian, const std::byte *bytes, quint64 n,
                                quint64 firstUnreadable) const
{
    if (n == 0)
        return {};
    const quint64 width = quint64(valuecodec::byteWidth(type));
    if (firstUnreadable < std::min(width, n))
        return tr("unreadable");
    const QString text =
        valuecodec::format(type, endian, bytes, qint64(std::min(n, firstUnreadable)));
    // Too close to the end: "" (the table says so); an unreadable byte further in: unreadable.
    return text.isEmpty() && n >= width ? tr("unreadable") : text;
}

QString DataInspector::valueText(ValueType type, Endian endian) const
{
    const CursorBytes at = readAtCursor(m_view);
    return cellText(type, endian, at.bytes, at.n, at.firstUnreadable);
}

QLineEdit *DataInspector::openEditor() const
{
    return m_editor.data();
}

QString DataInspector::liveValueBesideEditor() const
{
    return m_editor ? m_editor->liveText() : QString();
}

void DataInspector::refresh()
{
    // An edit belongs to the offset it was opened at: when the cursor moves on, it is dropped.
    if (m_editor && m_view && m_view->cursorOffset() != m_editOffset) {
        const bool modified = m_editor->isModified();
        const QString typed = m_editor->text();
        const quint64 at = m_editOffset;
        emit m_delegate->closeEditor(m_editor, QAbstractItemDelegate::RevertModelCache);
        if (modified)
            emit message(tr("%1 was not written at 0x%2: the cursor moved before Enter.")
                             .arg(typed)
                             .arg(at, 0, 16));
        if (m_editor) // the table did not take it back
            return;
    }
    m_updating = true;
    const CursorBytes at = readAtCursor(m_view);
    const bool writable = m_view && m_view->source() && m_view->source()->isWritable();
    for (int row = 0; row < int(ValueType::ValueTypeCount); ++row) {
        const auto type = ValueType(row);
        for (int column = 0; column < ColumnCount; ++column) {
            QTableWidgetItem *item = m_table->item(row, column);
            QString text = cellText(type, endianOf(column), at.bytes, at.n, at.firstUnreadable);
            if (text.isEmpty() && at.n > 0)
                text = tr("(past the end)");
            const bool editing = m_editor && row == m_editRow && column == m_editColumn;
            if (editing) {
                // What the user typed stays; the live value is shown beside it.
                m_editor->setLiveText(text);
                m_editNote->setText(
                    tr("Editing %1 at 0x%2: Enter writes what you typed, Esc gives the field "
                       "back to the live value. In memory now: %3")
                        .arg(valuecodec::typeName(type))
                        .arg(m_editOffset, 0, 16)
                        .arg(text));
            } else if (item->text() != text) {
                item->setText(text);
            }
            const bool unreadable = text == tr("unreadable");
            const QString tip = unreadable ? at.unreadableNote : QString();
            if (item->toolTip() != tip)
                item->setToolTip(tip);
            const QBrush brush = unreadable ? QBrush(colors::warningText(palette())) : QBrush();
            if (item->foreground() != brush)
                item->setForeground(brush);
            const Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable
                                        | (writable ? Qt::ItemIsEditable : Qt::NoItemFlags);
            if (item->flags() != flags)
                item->setFlags(flags);
        }
    }
    m_updating = false;
}

void DataInspector::editorOpened(LiveValueEdit *editor, int row, int column)
{
    m_editor = editor;
    m_editRow = row;
    m_editColumn = column;
    m_editOffset = m_view ? m_view->cursorOffset() : 0;
    m_editNote->show();
    refresh();
}

void DataInspector::editorClosed()
{
    m_editor = nullptr;
    m_editRow = m_editColumn = -1;
    m_editNote->hide();
    m_editNote->clear();
    refresh();
}

void DataInspector::commitTyped(int row, int column, const QString &text, bool byEnter,
                                bool modified)
{
    const auto type = ValueType(row);
    if (!byEnter) {
        if (modified)
            emit message(tr("%1 was not written: press Enter in the field to write it, Esc to "
                            "give the field back.")
                             .arg(text));
        return;
    }
    if (!m_view || m_view->cursorOffset() != m_editOffset) {
        emit message(tr("%1 was not written at 0x%2: the cursor moved before Enter.")
                         .arg(text)
                         .arg(m_editOffset, 0, 16));
        return;
    }
    if (const auto edited = editValue(type, endianOf(column), text); !edited)
        emit message(errortext::message(edited.error()));
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
    const Endian endian = endianOf(item->column());
    if (const auto edited = editValue(type, endian, item->text()); !edited)
        emit message(errortext::message(edited.error()));
    refresh(); // show what memory holds now, whether or not the edit succeeded
}
