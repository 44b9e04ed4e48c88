#pragma once

// A top-level window showing one attached segment's memory, or a mapped file's (a POSIX object,
// a memfd): a MemoryView with menus and a status bar. Several can be open at once, one per
// object (or several on the same one).

#include "core/attachment.h"
#include "core/namespaces.h"
#include "core/result.h"

#include <QMainWindow>

class MemoryView;
class QMenu;

class MemoryWindow : public QMainWindow
{
    Q_OBJECT
public:
    // Attaches shmid (read-only or read-write) and returns a new window (WA_DeleteOnClose), or
    // the attach's error: its kind tells a vanished segment (Gone) from a refusal
    // (PermissionDenied). When shown, keyboard focus is in the hex column at offset 0.
    // `ns`: the IPC namespace shmid is of (the browser's choice); null for the thread's own. The
    // view does every System V call of its life (stat, re-attach) in that namespace.
    static shm::Result<MemoryWindow *> open(int shmid, shm::Access access,
                                            QWidget *parent = nullptr,
                                            shm::IpcNamespacePtr ns = {});
    // Maps the file at `path` (a POSIX object: /dev/shm/NAME or /proc/PID/root/dev/shm/NAME; a
    // memfd: /proc/PID/fd/N) MAP_SHARED and returns a new window over it; `title` names it to
    // the user ("/NAME", "memfd:NAME"; the path when empty). The error says why it cannot be
    // opened or mapped (Attachment::mapFile: no such file or process, the file's mode, a memfd
    // of another process needs the right to read that process: ptrace read; an empty object,
    // InvalidState, has nothing to show). Switching to editable opens the file again
    // read-write through the held descriptor, so it works after the name was removed.
    static shm::Result<MemoryWindow *> openFile(const QString &path, const QString &title,
                                                shm::Access access, QWidget *parent = nullptr);

    MemoryView *memoryView() const { return m_view; }

    // The tracker budgets the Live menu offers (shares of one core), and the one chosen last
    // (QSettings "memory/trackerBudget"; the watcher's default, 5%, until one is chosen).
    static constexpr double TrackerBudgets[] = {0.01, 0.02, 0.05, 0.10, 0.25};
    static double trackerBudget();

protected:
    void showEvent(QShowEvent *event) override;

private:
    // `title`: a file's name for the user (MemoryView::setObjectTitle); empty for a segment.
    MemoryWindow(shm::Attachment attachment, QWidget *parent, shm::IpcNamespacePtr ns,
                 const QString &title = {});
    void updateTitle();
    void addTrackerBudgetMenu(QMenu *live);

    MemoryView *m_view;
    bool m_shownOnce = false;
};
