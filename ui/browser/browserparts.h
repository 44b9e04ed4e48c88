#pragma once

// What the segment table (main window), the semaphore tab and the queue tab share: the look of
// their tables and of an empty details pane, and around their selected objects: which ids the
// user chose, selecting one by id, the confirmation before an action, running an action on each
// chosen object with one sentence for what was refused, and the box that shows a refusal.

#include "core/result.h"
#include "ui/common/mergingtablemodel.h"

#include <QAbstractItemView>
#include <QList>
#include <QString>

#include <functional>

class QAction;
class QDialog;
class QKeySequence;
class QLabel;
class QSplitter;
class QLineEdit;
class QMessageBox;
class QModelIndex;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QWidget;
class SegmentFilterProxy;

namespace browserparts {

// A table of whole rows, read-only, striped, without row numbers, one text line a row.
QTableView *makeTable(QWidget *parent, const QString &name,
                      QAbstractItemView::SelectionMode mode = QAbstractItemView::SingleSelection);
// Escape in `filter` clears it and gives the focus back to `table`.
void clearOnEscape(QLineEdit *filter, QWidget *table);
// A stack whose first page says, greyed and centred, what to select to see something.
QStackedWidget *makeDetailsStack(QWidget *parent, const QString &emptyText);

// The id (the data at `role`) of the view's current row if it is selected, or -1. A current
// row that is not selected (the filter hid the selected row and the view moved the cursor to a
// neighbour, or the user deselected it) is nobody's choice.
int currentId(const QTableView *view, int role);
// The ids of the selected rows, in view order; the current row's alone if none is.
QList<int> selectedIds(const QTableView *view, int role);
// Makes the source row `rowOf()` finds current and selected (after `refresh()` when it finds
// none), clearing a filter that hides it, and scrolls to it. False when there is no such row.
bool selectRow(QTableView *view, QSortFilterProxyModel *proxy, QLineEdit *filter,
               const std::function<int()> &rowOf, const std::function<void()> &refresh);
// The filter box of a tab (named "filter", as the window's Ctrl+F looks for), which filters
// `proxy` as it is typed; its count label named `countName`; the listing's error label
// ("listingError", word-wrapped, in the warning colour, hidden until it has something to say).
QLineEdit *makeFilter(QWidget *page, const QString &placeholder, SegmentFilterProxy *proxy);
QLabel *makeCount(QWidget *page, const QString &countName);
QLabel *makeErrorLabel(QWidget *page);
// An action of `owner` named `name`, with a themed icon and a shortcut (none when empty).
QAction *makeAction(QObject *owner, const QString &name, const QString &text,
                    const QString &icon, const QKeySequence &shortcut = {});
// Selects every row of the view whose data at `role` is true (the first made current and
// scrolled to), the others unselected; how many.
int selectWhere(QTableView *view, int role);
// Lays out a tab of `page`: the filter and its count on a line, the listing's error under it,
// the table, and the details below, in a vertical splitter named `splitterName`.
QSplitter *layOutPage(QWidget *page, QLineEdit *filter, QLabel *count, QLabel *error,
                      QTableView *view, QWidget *details, const QString &splitterName);
// Opens `dialog` window-modal, deleted when closed; `onAccepted` runs when it is accepted.
void openDialog(QDialog *dialog, QObject *context, const std::function<void()> &onAccepted);

// Asks `text` (Yes labelled `yes`, Cancel the default) in a window-modal box named `name`, and
// runs `action` when the answer is yes.
void confirm(QWidget *parent, const QString &name, const QString &title, const QString &text,
             const QString &yes, const std::function<void()> &action,
             const QString &details = QString());
// Shows a refusal in a window-modal warning box named `name`, deleted when closed.
QMessageBox *showWarning(QWidget *parent, const QString &name, const QString &title,
                         const QString &text, const QString &details = QString());

// "Last change at 12:00:01: 1 new, 2 gone", what a merge that did something did.
QString changesText(const MergingTableModel::MergeStats &stats);

struct Outcome
{
    int done = 0;
    QString failures; // what was refused, or "" when nothing was
    QString doneText; // "Remove: done (2 of 2)."
};
// Runs `fn` on every id in turn. The failures: the one refusal alone, or `severalFailed` (its
// next placeholder still to fill with the number refused) over every refusal, one a line.
Outcome applyEach(const QList<int> &ids, const QString &what, const QString &severalFailed,
                  const std::function<shm::Result<void>(int)> &fn,
                  const std::function<QString(int, const shm::Error &)> &failureText);

} // namespace browserparts
