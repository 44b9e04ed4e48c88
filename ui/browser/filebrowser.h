#pragma once

// The tabs of the shared memory that lives in files, beside the System V ones: "POSIX objects"
// (shm_open: the files of /dev/shm) and "memfd" (memfd_create: seen only through the processes
// that hold them). One class for both kinds: the live table (the same merge, filter and sort as
// every tab), the selected object's fields and holders, and the actions (open in the memory
// view; for POSIX objects also create, remove, resize and select the orphans).
//
// Holders come from a scan of every process's maps and descriptors: it runs on a worker thread,
// when the tab is shown, on F5, and every few refreshes of the window, never on the GUI thread.
// In another IPC namespace the tab shows that namespace's memfds and the /dev/shm of the
// process it was chosen through (/proc/PID/root/dev/shm).

#include "core/attachment.h"
#include "core/holders.h"
#include "core/memfds.h"
#include "core/namespaces.h"
#include "core/posixshm.h"
#include "core/result.h"

#include <QFutureWatcher>
#include <QList>
#include <QWidget>

#include <optional>
#include <string>

class HoldersModel;
class MemfdTableModel;
class MemoryWindow;
class PosixTableModel;
class QAction;
class QFormLayout;
class QLabel;
class QLineEdit;
class QMenu;
class QMessageBox;
class QStackedWidget;
class QTableView;
class SegmentFilterProxy;
class SegmentTableModel;

class FileObjectBrowser : public QWidget
{
    Q_OBJECT
public:
    enum class Kind { Posix, Memfd };

    // `names` (the segment table: user, group and process names) must outlive the tab.
    FileObjectBrowser(Kind kind, const SegmentTableModel *names, QWidget *parent = nullptr);
    ~FileObjectBrowser() override;

    Kind kind() const { return m_kind; }
    PosixTableModel *posixModel() const { return m_posix; }
    MemfdTableModel *memfdModel() const { return m_memfd; }
    SegmentFilterProxy *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    HoldersModel *holdersModel() const { return m_holders; }
    QTableView *holdersView() const { return m_holdersView; }
    QLineEdit *filterEdit() const { return m_filter; }
    QMenu *menu() const { return m_menu; }
    QList<QAction *> toolBarActions() const;
    QString lastMessage() const { return m_lastMessage; }
    // The text of a field of the details pane ("Size", "Seals" ...: its label), for tests.
    QString detailText(const QString &label) const;

    // The namespace shown (MainWindow::switchNamespace): null for shmscope's own. Clears the
    // selection and rereads everything.
    void setNamespace(shm::IpcNamespacePtr ns);
    // Where the POSIX objects shown live: /dev/shm, or /proc/PID/root/dev/shm.
    std::string directory() const;

    // The ids (filetables::IdRole) of the selected rows in view order; the current alone if
    // none is selected. The current row's id if it is selected, or -1.
    QList<int> selectedIds() const;
    int currentId() const;
    // Selects the POSIX object "/NAME" (refreshing first if needed, clearing a filter that
    // hides it). False when there is none.
    bool selectName(const QString &name);
    // Selects every orphan shown (POSIX objects nobody holds), after a scan; how many.
    int selectOrphans();

    // The actions without dialogs and confirmations: what the confirmed UI runs. Each says why
    // in a message when refused, refreshes, and returns how many it did.
    int removeObjects(const QList<int> &ids);
    bool resizeObject(int id, std::uint64_t size);
    // The confirmation's text for removing these objects: each, its size, who holds it.
    QString removalText(const QList<int> &ids) const;
    // Maps the object into a memory view (read-only or read-write): a POSIX object through its
    // file, a memfd through /proc/PID/fd/N of a holder (needs the right to read that process).
    // A refusal is said in a message and returned.
    shm::Result<MemoryWindow *> openObject(int id, shm::Access access);

    // Whether a scan of holders is under way, for tests (holdersScanned() ends one).
    bool scanning() const;

public slots:
    // Rereads the listing (POSIX: /dev/shm), and starts a scan of holders when one is due.
    void refresh();
    // Rereads the listing and starts a scan of holders now (F5, the tab shown).
    void refreshNow();

signals:
    void reported(const QString &text);
    void holdersScanned();

private:
    struct ScanResult
    {
        shm::HolderScan scan;
        std::vector<shm::MemfdObject> memfds;
        int generation = 0; // of m_generation when it began
    };
    void createActions();
    void createDetails();
    void startScan();
    void scanDone();
    void merge();
    void updateActions();
    void updateDetails();
    void updateCount();
    void showContextMenu(const QPoint &pos);
    void newObject();
    void confirmRemove();
    void askResize();
    void openCurrent(shm::Access access);
    void setError(const QString &text);
    // The object shown with id, or null.
    const shm::PosixObject *posixObject(int id) const;
    QString objectName(int id) const;

    QMessageBox *showMessage(const QString &title, const QString &text);
    void report(const QString &text);

    Kind m_kind;
    const SegmentTableModel *m_names;
    shm::IpcNamespacePtr m_namespace;
    std::optional<shm::IpcNamespaceId> m_home;
    PosixTableModel *m_posix = nullptr;
    MemfdTableModel *m_memfd = nullptr;
    SegmentFilterProxy *m_proxy = nullptr;
    QLineEdit *m_filter = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_error = nullptr;
    QStackedWidget *m_details = nullptr;
    QFormLayout *m_fields = nullptr;
    QList<QPair<QString, QLabel *>> m_fieldLabels;
    HoldersModel *m_holders = nullptr;
    QTableView *m_holdersView = nullptr;
    QLabel *m_holdersTitle = nullptr;
    QMenu *m_menu = nullptr;
    QAction *m_newAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_openWritableAction = nullptr;
    QAction *m_resizeAction = nullptr;
    QAction *m_removeAction = nullptr;
    QAction *m_orphansAction = nullptr;

    std::vector<shm::PosixObject> m_objects;  // the last listing of the directory
    ScanResult m_scan;                        // the last scan of holders
    bool m_scanned = false;                   // whether m_scan has come (for this namespace)
    QFutureWatcher<ScanResult> m_watcher;
    bool m_rescanWanted = false;              // a scan was asked for while one ran
    int m_ticksSinceScan = 0;
    bool m_columnsSized = false;
    int m_orphanCount = 0;                    // of the rows, at the last count
    int m_holdersSizedFor = -1;               // the object whose holders fitted the columns
    int m_generation = 0;                     // counts the namespace switches
    QString m_lastMessage;
};
