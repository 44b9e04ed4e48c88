#include "ui/browser/semaphorebrowser.h"

#include "ui/browser/browserparts.h"
#include "ui/browser/controldialogs.h"
#include "ui/browser/segmentfilterproxy.h"
#include "ui/browser/segmenttablemodel.h"
#include "ui/browser/semaphoredetailswidget.h"
#include "ui/browser/semaphoredialogs.h"
#include "ui/browser/semaphoretablemodel.h"
#include "ui/common/colors.h"
#include "ui/common/errortext.h"
#include "ui/common/plural.h"

#include "core/segmentinfo.h"
#include "core/semaphorewaiters.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

SemaphoreBrowser::SemaphoreBrowser(const SegmentTableModel *names, QWidget *parent)
    : QWidget(parent)
    , m_names(names)
{
    m_model = new SemaphoreTableModel(names, this);
    m_proxy = new SegmentFilterProxy(SemaphoreTableModel::SortRole, SemaphoreTableModel::SemidRole,
                                     SemaphoreTableModel::SearchTextRole, this);
    m_proxy->setSourceModel(m_model);

    m_filter = browserparts::makeFilter(
        this, tr("Filter: key, semid, owner or any text (Ctrl+F)"), m_proxy);
    connect(m_filter, &QLineEdit::textChanged, this, &SemaphoreBrowser::updateCount);
    m_count = browserparts::makeCount(this, QStringLiteral("semaphoreCount"));
    m_error = browserparts::makeErrorLabel(this);

    m_view = browserparts::makeTable(this, QStringLiteral("semaphoreSets"),
                                     QAbstractItemView::ExtendedSelection);
    browserparts::clearOnEscape(m_filter, m_view); // Escape: clear, back to the table
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(SemaphoreTableModel::SemidColumn, Qt::AscendingOrder);
    m_view->horizontalHeader()->setSectionsMovable(true);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QTableView::customContextMenuRequested, this,
            &SemaphoreBrowser::showContextMenu);
    connect(m_view, &QTableView::doubleClicked, this, [this] { openOperationDialog(); });
    m_view->setWhatsThis(tr("Every System V semaphore set of this IPC namespace, refreshed live: "
                            "its key, semid, permissions, number of semaphores, owner, the times "
                            "of the last semop and change, the values, and how many processes "
                            "wait in semop."));

    m_details = new SemaphoreDetailsWidget(names, this);
    m_details->setObjectName(QStringLiteral("semaphoreDetails"));

    browserparts::layOutPage(this, m_filter, m_count, m_error, m_view, m_details,
                             QStringLiteral("semaphoreSplitter"));

    createActions();
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        updateDetails();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &SemaphoreBrowser::updateDetails);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &SemaphoreBrowser::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &SemaphoreBrowser::updateCount);

    refresh();
    m_view->resizeColumnsToContents();
    if (m_proxy->rowCount() > 0)
        m_view->selectionModel()->setCurrentIndex(
            m_proxy->index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    updateActions();
}

void SemaphoreBrowser::createActions()
{
    const auto make = [this](const QString &name, const QString &text, const QString &icon,
                             const QKeySequence &shortcut, auto slot) {
        QAction *action = browserparts::makeAction(this, name, text, icon, shortcut);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    m_newAction = make(QStringLiteral("actionNewSemaphoreSet"), tr("&New Semaphore Set…"),
                       QStringLiteral("document-new"), QKeySequence::New, [this] { newSet(); });
    m_newAction->setStatusTip(tr("Create a semaphore set with its initial values (semget)"));
    m_operateAction = make(QStringLiteral("actionOperate"), tr("&Operate (P/V)…"),
                           QStringLiteral("media-playback-start"),
                           QKeySequence(Qt::CTRL | Qt::Key_K), [this] { openOperationDialog(); });
    m_operateAction->setStatusTip(tr("Take, give or wait for zero on a semaphore (semop)"));
    // Return in the table opens the operation dialog, as it opens a segment on the other tab.
    auto *operateFromTable = new QAction(m_view);
    operateFromTable->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    operateFromTable->setShortcutContext(Qt::WidgetShortcut);
    connect(operateFromTable, &QAction::triggered, this, [this] { openOperationDialog(); });
    m_view->addAction(operateFromTable);
    m_setValueAction = make(QStringLiteral("actionSetValue"), tr("Set &Value…"),
                            QStringLiteral("document-edit"), QKeySequence(Qt::CTRL | Qt::Key_E),
                            [this] { askValues(false); });
    m_setValueAction->setStatusTip(tr("Set one semaphore's value (SETVAL)"));
    m_setAllAction = make(QStringLiteral("actionSetAllValues"), tr("Set &All Values…"),
                          QStringLiteral("document-edit"),
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
                          [this] { askValues(true); });
    m_setAllAction->setStatusTip(tr("Set every semaphore's value (SETALL)"));
    m_modeAction = make(QStringLiteral("actionSemaphoreMode"), tr("Change &Mode…"),
                        QStringLiteral("document-properties"), QKeySequence(Qt::CTRL | Qt::Key_M),
                        [this] { askMode(); });
    m_ownerAction = make(QStringLiteral("actionSemaphoreOwner"), tr("Change O&wner and Group…"),
                         QStringLiteral("system-users"), QKeySequence(Qt::CTRL | Qt::Key_O),
                         [this] { askOwner(); });
    m_removeAction = make(QStringLiteral("actionRemoveSemaphoreSet"), tr("&Remove…"),
                          QStringLiteral("edit-delete"), QKeySequence(Qt::Key_Delete),
                          [this] { confirmRemove(); });
    m_removeAction->setStatusTip(
        tr("Remove the selected semaphore sets at once (IPC_RMID); waiters wake with EIDRM"));

    m_menu = new QMenu(tr("Sema&phores"), this);
    m_menu->setObjectName(QStringLiteral("semaphoreMenu"));
    m_menu->addAction(m_newAction);
    m_menu->addAction(m_operateAction);
    m_menu->addSeparator();
    m_menu->addAction(m_setValueAction);
    m_menu->addAction(m_setAllAction);
    m_menu->addAction(m_modeAction);
    m_menu->addAction(m_ownerAction);
    m_menu->addSeparator();
    m_menu->addAction(m_removeAction);
}

QList<QAction *> SemaphoreBrowser::toolBarActions() const
{
    return {m_newAction, m_operateAction, m_removeAction};
}

void SemaphoreBrowser::showContextMenu(const QPoint &pos)
{
    QMenu menu(this);
    menu.addAction(m_operateAction);
    menu.addSeparator();
    menu.addAction(m_setValueAction);
    menu.addAction(m_setAllAction);
    menu.addAction(m_modeAction);
    menu.addAction(m_ownerAction);
    menu.addSeparator();
    menu.addAction(m_removeAction);
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

void SemaphoreBrowser::refresh()
{
    auto listing = shm::listSemaphoreSets(true);
    if (!listing) {
        m_error->setText(tr("Cannot list semaphore sets: %1")
                             .arg(errortext::describe(listing.error())));
        m_error->show();
        return;
    }
    m_error->hide();
    const auto stats = m_model->merge(*listing);
    updateCount();
    updateDetails();
    if (stats.total() > 0)
        updateActions();
}

void SemaphoreBrowser::updateCount()
{
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    m_count->setText(shown == total ? tr("Semaphore sets: %1").arg(total)
                                    : tr("Shown: %1 of %2").arg(shown).arg(total));
}

void SemaphoreBrowser::updateDetails()
{
    const int semid = currentSemid();
    const int row = semid >= 0 ? m_model->rowOfSemid(semid) : -1;
    if (row < 0) {
        m_details->setSet(std::nullopt);
        return;
    }
    const shm::SemaphoreSetInfo &set = m_model->setAt(row);
    m_details->setSet(set);
    // Naming the waiters costs a walk over /proc: only while the kernel counts some.
    const bool waited = SemaphoreTableModel::waitingToTake(set)
                            + SemaphoreTableModel::waitingForZero(set) > 0;
    m_details->setWaiters(waited ? shm::semaphoreWaiters(semid) : std::vector<pid_t>{});
}

void SemaphoreBrowser::updateActions()
{
    const bool any = !selectedSemids().isEmpty();
    const bool current = currentSemid() >= 0;
    m_removeAction->setEnabled(any);
    m_modeAction->setEnabled(any);
    m_ownerAction->setEnabled(any);
    m_setValueAction->setEnabled(current);
    m_setAllAction->setEnabled(current);
    m_operateAction->setEnabled(current);
}

QList<int> SemaphoreBrowser::selectedSemids() const
{
    return browserparts::selectedIds(m_view, SemaphoreTableModel::SemidRole);
}

int SemaphoreBrowser::currentSemid() const
{
    return browserparts::currentId(m_view, SemaphoreTableModel::SemidRole);
}

bool SemaphoreBrowser::selectSet(int semid)
{
    if (!browserparts::selectRow(
            m_view, m_proxy, m_filter, [&] { return m_model->rowOfSemid(semid); },
            [this] { refresh(); }))
        return false;
    updateActions();
    return true;
}

QMessageBox *SemaphoreBrowser::showMessage(const QString &title, const QString &text)
{
    m_lastMessage = text;
    return browserparts::showWarning(this, QStringLiteral("messageBox"), title, text);
}

void SemaphoreBrowser::report(const QString &text)
{
    m_lastMessage = text;
    emit reported(text);
}

QString SemaphoreBrowser::failureText(int semid, const shm::Error &error) const
{
    if (error.kind == shm::ErrorKind::Gone)
        return tr("Semaphore set %1 no longer exists: it was removed by someone else.").arg(semid);
    return errortext::describe(error);
}

int SemaphoreBrowser::applyEach(const QList<int> &semids, const QString &what,
                                const std::function<shm::Result<void>(int)> &fn)
{
    const browserparts::Outcome outcome = browserparts::applyEach(
        semids, what,
        tr("%1 failed for %2 of %n semaphore sets:", nullptr, int(semids.size())).arg(what), fn,
        [this](int semid, const shm::Error &error) { return failureText(semid, error); });
    refresh();
    if (!outcome.failures.isEmpty())
        showMessage(what, outcome.failures);
    else if (outcome.done > 0)
        report(outcome.doneText);
    return outcome.done;
}

int SemaphoreBrowser::removeSets(const QList<int> &semids)
{
    return applyEach(semids, tr("Remove"),
                     [](int semid) { return shm::removeSemaphoreSet(semid); });
}

int SemaphoreBrowser::changeMode(const QList<int> &semids, unsigned mode)
{
    return applyEach(semids, tr("Change mode"),
                     [mode](int semid) { return shm::setSemaphoreSetMode(semid, mode); });
}

int SemaphoreBrowser::changeOwner(const QList<int> &semids, uid_t uid, gid_t gid)
{
    return applyEach(semids, tr("Change owner"), [uid, gid](int semid) {
        return shm::setSemaphoreSetOwner(semid, uid, gid);
    });
}

bool SemaphoreBrowser::setValue(int semid, int index, int value)
{
    return applyEach({semid}, tr("Set value"), [index, value](int id) {
               return shm::setSemaphoreValue(id, index, value);
           })
           == 1;
}

bool SemaphoreBrowser::setValues(int semid, const std::vector<int> &values)
{
    return applyEach({semid}, tr("Set all values"),
                     [&values](int id) { return shm::setSemaphoreValues(id, values); })
           == 1;
}

QString SemaphoreBrowser::removalText(const QList<int> &semids) const
{
    int take = 0, zero = 0;
    std::vector<pid_t> pids;
    for (int semid : semids) {
        const int row = m_model->rowOfSemid(semid);
        if (row < 0)
            continue;
        const shm::SemaphoreSetInfo &set = m_model->setAt(row);
        take += SemaphoreTableModel::waitingToTake(set);
        zero += SemaphoreTableModel::waitingForZero(set);
        if (SemaphoreTableModel::waitingToTake(set) + SemaphoreTableModel::waitingForZero(set) > 0)
            for (pid_t pid : shm::semaphoreWaiters(semid))
                pids.push_back(pid);
    }
    std::sort(pids.begin(), pids.end());
    pids.erase(std::unique(pids.begin(), pids.end()), pids.end());

    QString text = semids.size() == 1
                       ? tr("Remove semaphore set %1?").arg(semids.constFirst())
                       : tr("Remove %n semaphore sets?", nullptr, int(semids.size()));
    text += QLatin1Char('\n');
    text += tr("A set is removed at once: it does not wait for the processes that use it.");
    text += QLatin1Char('\n');
    if (take + zero == 0) {
        text += tr("No process waits on it now.");
    } else {
        text += tr("Waiting in semop: %1 to take, %2 for zero.").arg(take).arg(zero);
        if (!pids.empty())
            text += QLatin1Char(' ')
                    + tr("Processes: %1.").arg(SemaphoreDetailsWidget::pidsText(m_names, pids));
        text += QLatin1Char('\n');
        text += tr("They wake up at once, their semop failing with EIDRM (identifier removed).");
    }
    return text;
}

void SemaphoreBrowser::confirm(const QString &title, const QString &text, const QString &yes,
                               const std::function<void()> &action)
{
    browserparts::confirm(this, QStringLiteral("confirm"), title, text, yes, action);
}

void SemaphoreBrowser::confirmRemove()
{
    const QList<int> ids = selectedSemids();
    if (ids.isEmpty())
        return;
    confirm(tr("Remove"), removalText(ids), tr("&Remove"), [this, ids] { removeSets(ids); });
}

void SemaphoreBrowser::newSet()
{
    auto *dialog = new CreateSemaphoreSetDialog(this);
    dialog->openThen(QStringLiteral("createSemaphoreSetDialog"), this, [this](int semid) {
        refresh();
        selectSet(semid);
        report(tr("Created semaphore set %1.").arg(semid));
    });
}

void SemaphoreBrowser::askMode()
{
    const QList<int> ids = selectedSemids();
    if (ids.isEmpty())
        return;
    const int row = m_model->rowOfSemid(currentSemid() >= 0 ? currentSemid() : ids.constFirst());
    const QString title = ids.size() == 1
                              ? tr("Change mode of semaphore set %1").arg(ids.constFirst())
                              : tr("Change mode of %n semaphore sets", nullptr, int(ids.size()));
    auto *dialog = new ModeDialog(title, row >= 0 ? m_model->setAt(row).perms() : 0600, this);
    browserparts::openDialog(dialog, this,
                             [this, dialog, ids] { changeMode(ids, dialog->mode()); });
}

void SemaphoreBrowser::askOwner()
{
    const QList<int> ids = selectedSemids();
    if (ids.isEmpty())
        return;
    const int row = m_model->rowOfSemid(currentSemid() >= 0 ? currentSemid() : ids.constFirst());
    const QString title = ids.size() == 1
                              ? tr("Change owner of semaphore set %1").arg(ids.constFirst())
                              : tr("Change owner of %n semaphore sets", nullptr, int(ids.size()));
    auto *dialog = new OwnerDialog(title,
                                   row >= 0 ? m_names->userName(m_model->setAt(row).uid) : QString(),
                                   row >= 0 ? m_names->groupName(m_model->setAt(row).gid) : QString(),
                                   this);
    browserparts::openDialog(dialog, this, [this, dialog, ids] {
        changeOwner(ids, dialog->uid(), dialog->gid());
    });
}

QString SemaphoreBrowser::wakeText(int semid, int index) const
{
    const int row = m_model->rowOfSemid(semid);
    int take = 0, zero = 0;
    if (row >= 0) {
        const shm::SemaphoreSetInfo &set = m_model->setAt(row);
        for (size_t i = 0; i < set.semaphores.size(); ++i) {
            if (index < 0 || size_t(index) == i) {
                take += set.semaphores[i].ncnt;
                zero += set.semaphores[i].zcnt;
            }
        }
    }
    const QString undo = index < 0 ? tr("The set's undo records (SEM_UNDO) are cleared.")
                                   : tr("Its undo records (SEM_UNDO) are cleared.");
    if (take + zero == 0)
        return tr("No process waits on it now.") + QLatin1Char(' ') + undo;
    return tr("%1 waiting to take and %2 waiting for zero may wake up and go on.")
               .arg(take)
               .arg(zero)
           + QLatin1Char(' ') + undo;
}

void SemaphoreBrowser::askValues(bool all)
{
    const int semid = currentSemid();
    const int row = semid >= 0 ? m_model->rowOfSemid(semid) : -1;
    if (row < 0)
        return;
    const shm::SemaphoreSetInfo &set = m_model->setAt(row);
    const int index = m_details->valuesView()->currentIndex().isValid()
                          ? m_details->valuesView()->currentIndex().row()
                          : 0;
    auto *dialog = new SemaphoreValuesDialog(all ? SemaphoreValuesDialog::SetAll
                                                 : SemaphoreValuesDialog::SetOne,
                                             set, index, this);
    dialog->setObjectName(QStringLiteral("semaphoreValuesDialog"));
    browserparts::openDialog(dialog, this, [this, dialog, semid, all] {
        if (all) {
            const std::vector<int> values = dialog->values();
            QStringList shown;
            for (int v : values)
                shown << QString::number(v);
            confirm(tr("Set all values"),
                    tr("Set the values of semaphore set %1 to %2 (SETALL)?")
                            .arg(semid)
                            .arg(shown.join(QStringLiteral(", ")))
                        + QLatin1Char('\n') + wakeText(semid, -1),
                    tr("&Set"), [this, semid, values] { setValues(semid, values); });
        } else {
            const int number = dialog->index();
            const int value = dialog->value();
            confirm(tr("Set value"),
                    tr("Set semaphore %1 of set %2 to %3 (SETVAL)?").arg(number).arg(semid).arg(value)
                        + QLatin1Char('\n') + wakeText(semid, number),
                    tr("&Set"), [this, semid, number, value] { setValue(semid, number, value); });
        }
    });
}

SemaphoreOperationDialog *SemaphoreBrowser::openOperationDialog()
{
    const int semid = currentSemid();
    const int row = semid >= 0 ? m_model->rowOfSemid(semid) : -1;
    if (row < 0)
        return nullptr;
    const int index = m_details->valuesView()->currentIndex().isValid()
                          ? m_details->valuesView()->currentIndex().row()
                          : 0;
    auto *dialog = new SemaphoreOperationDialog(semid, m_model->setAt(row).nsems, index, this);
    dialog->setObjectName(QStringLiteral("semaphoreOperationDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SemaphoreOperationDialog::operationFinished, this,
            [this](bool done, const QString &text) {
                refresh();
                if (done)
                    report(text);
            });
    dialog->show();
    return dialog;
}
