#pragma once

// The main window of shmscope: one tab a kind of System V object. The live segment browser
// (table, filter, details, actions) is the first; the others (semaphore sets, message queues)
// are pages of their own, refreshed by the same timer, F5 and pause, their menu shown while
// they are current.

#include "core/attachment.h"
#include "core/namespaces.h"
#include "core/result.h"

#include <QList>
#include <QMainWindow>

#include <cstdint>
#include <functional>
#include <optional>
#include <sys/types.h>
#include <vector>

class QAction;
class QComboBox;
class QDialog;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QMenu;
class QMessageBox;
class QSplitter;
class QTabWidget;
class QTableView;
class QTimer;
class QToolBar;
class SegmentDetailsWidget;
class SegmentFilterProxy;
class SegmentTableModel;
class FileObjectBrowser;
class QueueBrowser;
class SemaphoreBrowser;
namespace shm {
struct SegmentInfo;
}

class MemoryWindow;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Selects the row of shmid (after a refresh if needed), clearing a filter that hides it.
    // False if no such segment.
    bool selectSegment(int shmid);

    // The bytes of `pages` pages of `pageSize` bytes, or nullopt when that is 2^64 or more: the
    // kernel counts segments in pages, and SHM_NORESERVE segments can add up past 2^64 bytes.
    static std::optional<std::uint64_t> bytesOfPages(std::uint64_t pages, std::uint64_t pageSize);
    // The same as a size for people ("3 GiB"), "more than 16 EiB" past 2^64 bytes.
    static QString sizeOfPagesText(std::uint64_t pages, std::uint64_t pageSize);
    // The status bar's figures: segments, memory in use, SHMMAX.
    QString limitsText() const;

    // The shmids of the selected rows, in view order.
    QList<int> selectedShmids() const;

    // The shmid of the current row if it is selected, or -1 (what the details panel shows).
    int currentShmid() const;

    // Switches every tab (listing, actions, attachers, the memory views opened from now on) to
    // the IPC namespace of process pid; 0: shmscope's own. False, with a message that says why
    // (no such process, no right to inspect it, CAP_SYS_ADMIN missing over its owner), when it
    // cannot; the browser then stays where it was.
    bool switchNamespace(pid_t pid);
    // The namespace shown: null for shmscope's own.
    shm::IpcNamespacePtr ipcNamespace() const { return m_namespace; }
    QComboBox *namespaceBox() const { return m_namespaceBox; }

    SegmentTableModel *model() const { return m_model; }
    SegmentFilterProxy *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    SegmentDetailsWidget *details() const { return m_details; }
    QTabWidget *tabs() const { return m_tabs; }
    SemaphoreBrowser *semaphores() const { return m_semaphores; }
    QueueBrowser *queues() const { return m_queues; }
    FileObjectBrowser *posixObjects() const { return m_posixObjects; }
    FileObjectBrowser *memfds() const { return m_memfds; }
    QLineEdit *filterEdit() const { return m_filter; }
    // The last message shown to the user (error or report), for tests and the status bar.
    QString lastMessage() const { return m_lastMessage; }
    // The text of the change counter in the status bar.
    QString changesText() const;

    // The actions, without confirmation dialogs: what the confirmed UI actions run. Each reports
    // failures through a message (and refreshes when a segment vanished). Return the number of
    // segments the call succeeded on.
    int removeSegments(const QList<int> &shmids);
    int changeMode(const QList<int> &shmids, unsigned mode);
    int changeOwner(const QList<int> &shmids, uid_t uid, gid_t gid);
    int setLocked(const QList<int> &shmids, bool locked);
    // Selects every segment shown that nobody attaches and whose creator is gone; how many.
    int selectOrphans();
    // Attaches and shows the memory view. When the attach fails: says why in a message
    // (refreshing if the segment is gone, offering read-only if only writing was refused) and
    // returns the error.
    shm::Result<MemoryWindow *> openSegment(int shmid, shm::Access access);

signals:
    // Demo > Fork Demo: the program opens the lesson window (the browser does not know lessons).
    void demoRequested();
    // Demo > Race Demo: the same for the race on a shared counter.
    void raceDemoRequested();

public slots:
    // Reads the listing and merges it into the table; then refreshes the current tab if it is
    // another's.
    void refresh();
    void setRefreshInterval(int ms);
    void setPaused(bool paused);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createStatusBar();
    // The tabs: segments first, then one page a kind of object (addObjectTab).
    void createTabs();
    // A tab of another kind of object: `menu` and `toolBarActions` are shown (and their shortcuts
    // live) only while it is current; `refresh` runs when it becomes current and on every
    // refresh of the window while it is.
    void addObjectTab(QWidget *page, const QString &title, QMenu *menu,
                      const QList<QAction *> &toolBarActions, std::function<void()> refresh);
    // Shows the menus and actions of the current tab, hides the others'.
    void currentTabChanged();
    bool segmentsCurrent() const;
    bool readSettings(); // true when a saved column layout was restored
    void writeSettings() const;

    // The namespace switcher's entries: every IPC namespace in use, the one shown current.
    void fillNamespaces();
    void updateNamespaceNote();

    void updateActions();
    void updateDetails(bool forceAttachers);
    void updateLimits();
    void updateCount();

    void confirmRemove();
    void askMode();
    void askOwner();
    // The segment a control dialog starts from (the current one, else the first of ids), or
    // null when it is no longer listed; the dialog shown, deleted on close, titled for several.
    const shm::SegmentInfo *dialogSegment(const QList<int> &ids) const;
    void openControlDialog(QDialog *dialog, const QList<int> &ids, const QString &severalTitle);
    void newSegment();
    void openCurrent(shm::Access access);
    void copySelection();
    void showHeaderMenu(const QPoint &pos);
    void showContextMenu(const QPoint &pos);

    // Shows a message in a non-blocking box (tests read lastMessage()); returns the box.
    QMessageBox *showMessage(const QString &title, const QString &text,
                             const QString &details = {});
    // A sentence for a failed action on shmid; tells plainly when the segment vanished.
    QString failureText(int shmid, const shm::Error &error) const;
    // Runs fn on each shmid, collects failures, refreshes, reports; returns successes.
    int applyEach(const QList<int> &shmids, const QString &what,
                  const std::function<shm::Result<void>(int)> &fn);

    SegmentTableModel *m_model = nullptr;
    SegmentFilterProxy *m_proxy = nullptr;
    QTableView *m_view = nullptr;
    QLineEdit *m_filter = nullptr;
    SegmentDetailsWidget *m_details = nullptr;
    QSplitter *m_splitter = nullptr;
    QTimer *m_timer = nullptr;
    QDoubleSpinBox *m_interval = nullptr;

    QLabel *m_changesLabel = nullptr;
    QLabel *m_countLabel = nullptr;
    QLabel *m_limitsLabel = nullptr;
    QLabel *m_rootLabel = nullptr;
    QLabel *m_namespaceLabel = nullptr;
    QComboBox *m_namespaceBox = nullptr;
    shm::IpcNamespacePtr m_namespace;
    shm::IpcNamespaceId m_home; // the GUI thread's when the window was made: shmscope's own

    QAction *m_newAction = nullptr;
    QAction *m_removeAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_openWritableAction = nullptr;
    QAction *m_modeAction = nullptr;
    QAction *m_ownerAction = nullptr;
    QAction *m_lockAction = nullptr;
    QAction *m_unlockAction = nullptr;
    QAction *m_copyAction = nullptr;
    QAction *m_orphansAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_pauseAction = nullptr;
    QAction *m_filterAction = nullptr;
    QAction *m_demoAction = nullptr;
    QAction *m_raceDemoAction = nullptr;
    QAction *m_quitAction = nullptr;
    QMenu *m_columnsMenu = nullptr;
    QMenu *m_segmentMenu = nullptr;
    QToolBar *m_toolBar = nullptr;
    QTabWidget *m_tabs = nullptr;
    SemaphoreBrowser *m_semaphores = nullptr;
    QueueBrowser *m_queues = nullptr;
    FileObjectBrowser *m_posixObjects = nullptr;
    FileObjectBrowser *m_memfds = nullptr;
    struct ObjectTab
    {
        QWidget *page;
        QMenu *menu;
        QList<QAction *> toolBarActions;
        std::function<void()> refresh;
    };
    std::vector<ObjectTab> m_objectTabs;

    QString m_lastMessage;
    QString m_lastChanges;
    int m_detailsShmid = -1;
    int m_ticksSinceAttachersScan = 0;
};
