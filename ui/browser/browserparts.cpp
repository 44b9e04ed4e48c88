#include "ui/browser/browserparts.h"

#include "ui/browser/segmentfilterproxy.h"
#include "ui/common/colors.h"

#include <QAction>
#include <QIcon>
#include <QKeySequence>
#include <QCoreApplication>
#include <QDialog>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QHBoxLayout>
#include <QSplitter>
#include <QVBoxLayout>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QTime>

#include <algorithm>

QTableView *browserparts::makeTable(QWidget *parent, const QString &name,
                                    QAbstractItemView::SelectionMode mode)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(mode);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    view->horizontalHeader()->setHighlightSections(false);
    return view;
}

void browserparts::clearOnEscape(QLineEdit *filter, QWidget *table)
{
    auto *clearFilter = new QAction(filter);
    clearFilter->setShortcut(QKeySequence(Qt::Key_Escape));
    clearFilter->setShortcutContext(Qt::WidgetShortcut);
    QObject::connect(clearFilter, &QAction::triggered, table, [filter, table] {
        filter->clear();
        table->setFocus(Qt::ShortcutFocusReason);
    });
    filter->addAction(clearFilter);
}

QStackedWidget *browserparts::makeDetailsStack(QWidget *parent, const QString &emptyText)
{
    auto *stack = new QStackedWidget(parent);
    auto *empty = new QLabel(emptyText, stack);
    empty->setAlignment(Qt::AlignCenter);
    empty->setEnabled(false);
    stack->addWidget(empty);
    return stack;
}

QLineEdit *browserparts::makeFilter(QWidget *page, const QString &placeholder,
                                    SegmentFilterProxy *proxy)
{
    auto *filter = new QLineEdit(page);
    filter->setObjectName(QStringLiteral("filter"));
    filter->setPlaceholderText(placeholder);
    filter->setClearButtonEnabled(true);
    QObject::connect(filter, &QLineEdit::textChanged, proxy, &SegmentFilterProxy::setFilterText);
    return filter;
}

QLabel *browserparts::makeCount(QWidget *page, const QString &countName)
{
    auto *count = new QLabel(page);
    count->setObjectName(countName);
    count->setContentsMargins(6, 0, 6, 0);
    return count;
}

QLabel *browserparts::makeErrorLabel(QWidget *page)
{
    auto *error = new QLabel(page);
    error->setObjectName(QStringLiteral("listingError"));
    error->setWordWrap(true);
    QPalette warning = error->palette();
    warning.setColor(QPalette::WindowText, colors::warningText(page->palette()));
    error->setPalette(warning);
    error->hide();
    return error;
}

QAction *browserparts::makeAction(QObject *owner, const QString &name, const QString &text,
                                  const QString &icon, const QKeySequence &shortcut)
{
    auto *action = new QAction(QIcon::fromTheme(icon), text, owner);
    action->setObjectName(name);
    if (!shortcut.isEmpty())
        action->setShortcut(shortcut);
    return action;
}

int browserparts::selectWhere(QTableView *view, int role)
{
    QAbstractItemModel *model = view->model();
    QItemSelection selection;
    QModelIndex first;
    int count = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (!index.data(role).toBool())
            continue;
        selection.select(index, model->index(row, model->columnCount() - 1));
        if (!first.isValid())
            first = index;
        ++count;
    }
    QItemSelectionModel *selected = view->selectionModel();
    if (!first.isValid()) {
        selected->clearSelection();
        return 0;
    }
    selected->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
    selected->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    view->scrollTo(first);
    return count;
}

QSplitter *browserparts::layOutPage(QWidget *page, QLineEdit *filter, QLabel *count,
                                    QLabel *error, QTableView *view, QWidget *details,
                                    const QString &splitterName)
{
    auto *top = new QWidget(page);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(filter, 1);
    filterRow->addWidget(count);
    topLayout->addLayout(filterRow);
    topLayout->addWidget(error);
    topLayout->addWidget(view);
    auto *splitter = new QSplitter(Qt::Vertical, page);
    splitter->setObjectName(splitterName);
    splitter->addWidget(top);
    splitter->addWidget(details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    return splitter;
}

int browserparts::currentId(const QTableView *view, int role)
{
    const QModelIndex index = view->currentIndex();
    if (!index.isValid() || !view->selectionModel()->isRowSelected(index.row(), {}))
        return -1;
    return index.data(role).toInt();
}

QList<int> browserparts::selectedIds(const QTableView *view, int role)
{
    QList<int> ids;
    QModelIndexList rows = view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    for (const QModelIndex &index : rows)
        ids << index.data(role).toInt();
    if (ids.isEmpty()) {
        if (const int current = currentId(view, role); current >= 0)
            ids << current;
    }
    return ids;
}

bool browserparts::selectRow(QTableView *view, QSortFilterProxyModel *proxy, QLineEdit *filter,
                             const std::function<int()> &rowOf,
                             const std::function<void()> &refresh)
{
    if (rowOf() < 0)
        refresh();
    const int row = rowOf();
    if (row < 0)
        return false;
    const QModelIndex source = proxy->sourceModel()->index(row, 0);
    QModelIndex index = proxy->mapFromSource(source);
    if (!index.isValid()) { // hidden by the filter
        filter->clear();
        index = proxy->mapFromSource(source);
    }
    view->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    view->scrollTo(index);
    return true;
}

void browserparts::openDialog(QDialog *dialog, QObject *context,
                              const std::function<void()> &onAccepted)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(dialog, &QDialog::accepted, context, onAccepted);
    dialog->open();
}

void browserparts::confirm(QWidget *parent, const QString &name, const QString &title,
                            const QString &text, const QString &yes,
                            const std::function<void()> &action, const QString &details)
{
    auto *box = new QMessageBox(QMessageBox::Question, title, text,
                                QMessageBox::Yes | QMessageBox::Cancel, parent);
    box->setObjectName(name);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDefaultButton(QMessageBox::Cancel);
    box->button(QMessageBox::Yes)->setText(yes);
    if (!details.isEmpty())
        box->setDetailedText(details);
    QObject::connect(box, &QMessageBox::finished, parent, [box, action] {
        if (box->clickedButton() == box->button(QMessageBox::Yes))
            action();
    });
    box->open();
}

QMessageBox *browserparts::showWarning(QWidget *parent, const QString &name,
                                        const QString &title, const QString &text,
                                        const QString &details)
{
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, parent);
    box->setObjectName(name);
    box->setAttribute(Qt::WA_DeleteOnClose);
    if (!details.isEmpty())
        box->setDetailedText(details);
    box->open();
    return box;
}

browserparts::Outcome
browserparts::applyEach(const QList<int> &ids, const QString &what, const QString &severalFailed,
                         const std::function<shm::Result<void>(int)> &fn,
                         const std::function<QString(int, const shm::Error &)> &failureText)
{
    Outcome outcome;
    QStringList failures;
    for (int id : ids) {
        auto result = fn(id);
        if (result)
            ++outcome.done;
        else
            failures << failureText(id, result.error());
    }
    if (!failures.isEmpty())
        outcome.failures = ids.size() == 1 ? failures.constFirst()
                                           : severalFailed.arg(failures.size())
                                                 + QLatin1Char('\n')
                                                 + failures.join(QLatin1Char('\n'));
    outcome.doneText = QCoreApplication::translate("BrowserParts", "%1: done (%2 of %3).")
                           .arg(what)
                           .arg(outcome.done)
                           .arg(ids.size());
    return outcome;
}

QString browserparts::changesText(const MergingTableModel::MergeStats &stats)
{
    QStringList parts;
    if (stats.inserted)
        parts << QCoreApplication::translate("BrowserParts", "%n new", nullptr, stats.inserted);
    if (stats.removed)
        parts << QCoreApplication::translate("BrowserParts", "%n gone", nullptr, stats.removed);
    if (stats.changed)
        parts << QCoreApplication::translate("BrowserParts", "%n changed", nullptr, stats.changed);
    return QCoreApplication::translate("BrowserParts", "Last change at %1: %2")
        .arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")),
             parts.join(QStringLiteral(", ")));
}
