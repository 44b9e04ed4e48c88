#pragma once

// The "Semaphore sets" tab of the main window: the live table of every set (filter, sort), the
// selected set's semaphores, and the actions on sets (create, remove, IPC_SET of mode and owner,
// SETVAL, SETALL, semop), each failure said in a sentence. The main window's timer, F5 and pause
// drive refresh(); its menu (menu()) is shown while the tab is current.

#include "core/result.h"

#include <QList>
#include <QWidget>

#include <functional>
#include <sys/types.h>
#include <vector>

class QAction;
class QLabel;
class QLineEdit;
class QMenu;
class QMessageBox;
class QTableView;
class SegmentFilterProxy;
class SegmentTableModel;
class SemaphoreDetailsWidget;
class SemaphoreOperationDialog;
class SemaphoreTableModel;

class SemaphoreBrowser : public QWidget
{
    Q_OBJECT
public:
    // `names` (the segment table: user, group and process names) must outlive the tab.
    explicit SemaphoreBrowser(const SegmentTableModel *names, QWidget *parent = nullptr);

    SemaphoreTableModel *model() const { return m_model; }
    SegmentFilterProxy *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    SemaphoreDetailsWidget *details() const { return m_details; }
    QLineEdit *filterEdit() const { return m_filter; }
    // The tab's menu, and the actions worth a toolbar button.
    QMenu *menu() const { return m_menu; }
    QList<QAction *> toolBarActions() const;
    // The last message shown to the user (error or report), for tests.
    QString lastMessage() const { return m_lastMessage; }

    // Selects the row of semid (refreshing first if needed, clearing a filter that hides it).
    bool selectSet(int semid);
    // The semids of the selected rows in view order; the current set's alone if none is.
    QList<int> selectedSemids() const;
    // The semid of the current row if it is selected, or -1.
    int currentSemid() const;

    // The actions without their dialogs and confirmations: what the confirmed UI runs. Each says
    // why in a message when the kernel refuses, refreshes, and returns how many sets it did.
    int removeSets(const QList<int> &semids);
    int changeMode(const QList<int> &semids, unsigned mode);
    int changeOwner(const QList<int> &semids, uid_t uid, gid_t gid);
    bool setValue(int semid, int index, int value);
    bool setValues(int semid, const std::vector<int> &values);
    // The confirmation's text for removing these sets: who waits and what removal does to them.
    QString removalText(const QList<int> &semids) const;

    // The dialogs (not modal, deleted on close); null when no set is selected.
    SemaphoreOperationDialog *openOperationDialog();

public slots:
    // Reads the listing (with every set's semaphores) and merges it into the table.
    void refresh();

signals:
    // A success worth a line in the window's status bar ("Created semaphore set 5.").
    void reported(const QString &text);

private:
    void createActions();
    void updateActions();
    void updateDetails();
    void updateCount();
    void showContextMenu(const QPoint &pos);

    void newSet();
    void confirmRemove();
    void askMode();
    void askOwner();
    void askValues(bool all);
    // What new values do to the waiters of semaphore `index` of the set (-1: of every one).
    QString wakeText(int semid, int index) const;
    // Asks "are you sure" with `text`; runs `action` on yes.
    void confirm(const QString &title, const QString &text, const QString &yes,
                 const std::function<void()> &action);

    QMessageBox *showMessage(const QString &title, const QString &text);
    void report(const QString &text);
    QString failureText(int semid, const shm::Error &error) const;
    int applyEach(const QList<int> &semids, const QString &what,
                  const std::function<shm::Result<void>(int)> &fn);

    const SegmentTableModel *m_names;
    SemaphoreTableModel *m_model = nullptr;
    SegmentFilterProxy *m_proxy = nullptr;
    QLineEdit *m_filter = nullptr;
    QTableView *m_view = nullptr;
    SemaphoreDetailsWidget *m_details = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_error = nullptr;
    QMenu *m_menu = nullptr;

    QAction *m_newAction = nullptr;
    QAction *m_removeAction = nullptr;
    QAction *m_modeAction = nullptr;
    QAction *m_ownerAction = nullptr;
    QAction *m_setValueAction = nullptr;
    QAction *m_setAllAction = nullptr;
    QAction *m_operateAction = nullptr;

    QString m_lastMessage;
};
