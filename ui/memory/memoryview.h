#pragma once

// The memory view of one attached segment: header (shmid, key, size, attach mode, address,
// destruction status, and a note when the view is what keeps the segment in use), the live hex
// view, the data inspector, the find bar and a status line. Or of a mapped file (a POSIX
// object, a memfd: Attachment::mapFile): its title, path, size, mode and address, and a note
// when another process truncated or grew it.
// Reusable: MemoryWindow hosts one; the fork demo embeds one.

#include "core/attachment.h"
#include "core/result.h"
#include "ui/memory/memorytask.h"
#include "ui/memory/valuecodec.h"

#include <QPointer>
#include <QWidget>

#include <functional>
#include <memory>

#include <sys/types.h>

class QAction;
class QLabel;
class QSplitter;
class QTabWidget;
class QUndoStack;
class AttachmentByteSource;
class ChangeList;
class ChangeMap;
class DataInspector;
class FindBar;
class HexView;
class SegmentWatchThread;
class SnapshotTool;

class MemoryView : public QWidget
{
    Q_OBJECT
public:
    // Takes the attachment over (it detaches when the view is destroyed). The attachment's mode
    // (read-only or read-write) is the view's initial mode. Precondition: attachment.isValid().
    explicit MemoryView(shm::Attachment attachment, QWidget *parent = nullptr);
    ~MemoryView() override;

    // What attaching does to a segment, even read-only: people inspecting a live system may not
    // expect an inspector to leave traces in the kernel's record.
    static QString attachSideEffectsText();
    // The same of mapping a file: this process shows among its holders.
    static QString mapSideEffectsText();

    HexView *hexView() const { return m_hexView; }
    DataInspector *inspector() const { return m_inspector; }
    FindBar *findBar() const { return m_findBar; }
    QUndoStack *undoStack() const;
    TaskStrip *taskStrip() const { return m_taskStrip; }
    // The whole-segment change tracker (its worker thread), its map and its "Changes" panel.
    SegmentWatchThread *segmentWatch() const { return m_watch; }
    ChangeMap *changeMap() const { return m_changeMap; }
    ChangeList *changeList() const { return m_changeList; }
    // Snapshots and differences (the Differences panel).
    SnapshotTool *snapshots() const { return m_snapshots; }

    // The panels under the inspector (changed ranges, differences, scans...), one tab each. The
    // view takes `panel` over; the tab bar appears with the first panel.
    void addPanel(QWidget *panel, const QString &title);
    // Brings the panel to the front (shows the tabs if hidden).
    void showPanel(QWidget *panel);

    // Starts long work over the memory (find, export, import, snapshot, diff, scans) in a
    // worker thread, shown in the task strip with its progress and Cancel (Esc). One at a time:
    // while another runs, nothing starts, the view says which one runs, and nullptr comes
    // back. `done` runs on the GUI thread when the work returns (cancelled or not); it does not
    // run when the view is destroyed first (the destructor cancels and waits). The work reads
    // memory only through source()->memoryAccess().
    MemoryTask *runTask(const QString &title, MemoryTask::Work work, MemoryTask::Done done);
    MemoryTask *currentTask() const { return m_task; }

    // -1 for a file.
    int shmid() const;
    // A mapped file (a POSIX object, a memfd) rather than a segment.
    bool isFile() const;
    // What a file is called to the user ("/NAME", "memfd:NAME"; its path until set). A
    // segment's is "shmid N".
    QString objectTitle() const;
    void setObjectTitle(const QString &title);
    // The start of a file name for exports and snapshots: "shmid-5", or from a file's title
    // ("memfd-NAME", "NAME"), without characters a file name should not hold.
    QString fileNameBase() const;
    bool isReadOnly() const;
    // Re-attaches the segment read-write (true) or read-only (false); a file is opened and
    // mapped again (through its held descriptor). On failure the mode is unchanged and the error
    // is the attach's or the open's (its kind and sentence: EACCES says the file's mode).
    shm::Result<void> setEditable(bool editable);

    // Live refresh period in ms (default 33, about 30 Hz); 0 or negative pauses.
    void setRefreshInterval(int ms);
    int refreshInterval() const;
    void setLivePaused(bool paused);
    bool isLivePaused() const;

    // Show/hide the data inspector (shown by default) and the header line.
    void setInspectorVisible(bool visible);
    void setHeaderVisible(bool visible);
    // The destruction banner's text ("" while the segment is not marked for destruction).
    QString segmentStatusText() const;

    // What keeps the segment alive, from its kernel record and this process's mappings; read
    // again every second (checkSegmentStatus). While one of these holds, the note under the
    // header says that this view keeps the segment in use.
    struct KeepAlive
    {
        bool onlyThisProcess = false; // nattch counts only this process's attachments
        int ourAttachments = 0;       // this process's mappings of the segment (this view's too)
        bool creatorGone = false;     // the creator pid has exited (or is a zombie)
        pid_t creator = 0;
        bool marked = false;          // IPC_RMID: destroyed at the last detach
    };
    KeepAlive keepAlive() const { return m_keepAlive; }
    // The note's text ("" when none of the above holds). For a file: that its name was removed
    // and the view keeps its memory alive.
    QString keepAliveText() const;
    // A file's size at the last check (fstat every second, checkSegmentStatus); the mapping's
    // length, size(), stays what it was when mapped.
    quint64 fileSize() const { return m_fileSize; }
    // The note on how the memory is read (memorynote.h): "" when there is nothing to say.
    QString memoryNoteText() const;

    // Actions for menus and tool bars (shortcuts already active inside the view).
    enum class ActionId {
        GoTo, Find, FindNext, FindPrevious, NextChange, PreviousChange, ResetChanges,
        PauseLive, Editable, Undo, Redo, CopyHex, CopyCArray, CopyBase64, PasteHex, Fill,
        ExportSegment, ExportSelection, Import,
        ScanValues, // shows the Scan panel (scanpanel.h)
        SnapshotSegment, SnapshotSelection, CompareWithSnapshot, CompareSnapshots,
        NextDifference, PreviousDifference, ActionCount
    };
    QAction *action(ActionId id) const;

    // Copies the selection (or the byte at the cursor) to the clipboard in `format`; an error
    // when it is too large for the clipboard. On success message() says how much was copied,
    // as the two below say what they wrote.
    shm::Result<void> copySelection(valuecodec::CopyFormat format);
    // Writes the whole segment, or the selection, to `path`, in the worker (runTask), reading
    // through MemoryAccess; an error when the file cannot be written, saying why (its errnum:
    // EFBIG, ENOSPC, EPIPE...). A regular file is replaced only once every byte is written
    // (QSaveFile: a failure or Cancel leaves the old file and no temporary), with holes where
    // the segment's pages were never touched (a sparse file); a pipe or a device is written in
    // place, zeros for those pages, and a pipe no program reads from is refused.
    // TaskWait::Return returns once started (an error only when another task runs) and says
    // the outcome through message(); TaskWait::Finish returns the outcome (Cancel: ECANCELED).
    shm::Result<void> exportToFile(const QString &path, bool selectionOnly,
                                   TaskWait wait = TaskWait::Finish);
    // Writes the file's bytes into the segment at `offset` through the hex view's editor
    // (read-write only). Refuses with the editor's reason, writing nothing, when a file of known
    // size does not fit before the end; a source of unknown size (a pipe, a device, /proc) is
    // read up to what fits, and message() says how much was written and whether the source had
    // more. Undoable up to 256 MiB. The file is read in the worker (runTask: a FIFO with no
    // writer waits there, and can be cancelled); the bytes are written on the GUI thread, as one
    // undo step. `wait` as for exportToFile.
    shm::Result<void> importFromFile(const QString &path, quint64 offset,
                                     TaskWait wait = TaskWait::Finish);

    // One line describing the segment: "shmid 5 · key 0x0000162e · 4.0 KiB · read-only · 0x7f…",
    // or the file: "memfd:buf · /proc/42/fd/3 · 64.0 KiB · read-only · mapped at 0x7f…".
    QString headerText() const;

signals:
    // A sentence for the status bar (errors, refused edits, undo refused...).
    void message(const QString &text);
    void editableChanged(bool editable);

public slots:
    void goToOffsetDialog();
    void showFind();

private:
    void buildActions();
    void updateHeader();
    void updateStatus();
    void updateMemoryNote();
    void timerEvent(QTimerEvent *event) override;
public:
    // Re-reads the segment's status (marked for destruction?) now; also done every second. A
    // file's: its size (fstat of the held descriptor) and whether its name is still there.
    void checkSegmentStatus();
private:
    void checkFileStatus();
    void pasteHex();
    void fillSelection();
    void exportBytes(bool selectionOnly);
    void importFile();
    void say(const QString &text);
    // "X is still running": runTask refused to start `what` on `input`.
    shm::Error busyError(const char *what, const QString &input) const;
    // For a task just started (nullptr: refused): returns at once, or once it has finished
    // with the `outcome` its done callback set.
    shm::Result<void> awaitTask(MemoryTask *task, const char *what, const QString &input,
                                TaskWait wait, const std::shared_ptr<shm::Result<void>> &outcome);
    // Says why, when `result` is a refusal.
    void sayIfRefused(const shm::Result<void> &result);
    // The change map and the Changes panel (memoryviewchanges.cpp).
    QWidget *buildChangeTracking();
    // F8 / Shift+F8: the nearest change after/before the cursor, anywhere in the segment (the
    // watcher's record) or in the rows on screen (the hex view's).
    shm::Result<void> goToChange(bool forward);
    QString trackerStatusText() const;

    AttachmentByteSource *m_source = nullptr;
    HexView *m_hexView = nullptr;
    DataInspector *m_inspector = nullptr;
    FindBar *m_findBar = nullptr;
    QWidget *m_headerRow = nullptr; // m_header and the note on what attaching does
    QLabel *m_header = nullptr;
    QLabel *m_destBanner = nullptr;
    QLabel *m_status = nullptr;
    QSplitter *m_splitter = nullptr;
    QString m_key;
    QAction *m_actions[static_cast<int>(ActionId::ActionCount)] = {};
    bool m_markedForDestruction = false;
    QLabel *m_keepAliveNote = nullptr;
    QLabel *m_memoryNote = nullptr; // swap, huge pages, unreadable rows
    quint64 m_swappedBytes = 0;
    KeepAlive m_keepAlive;
    QString m_title;           // a file's title (objectTitle)
    quint64 m_fileSize = 0;    // a file's size at the last check
    bool m_fileUnlinked = false; // a POSIX object's name was removed (st_nlink 0)
    bool m_memfd = false;      // a memfd: never has a name, so st_nlink says nothing
    bool m_headerVisible = true;
    int m_statusTimerId = 0;
    TaskStrip *m_taskStrip = nullptr;
    QTabWidget *m_panels = nullptr;
    QAction *m_cancelTask = nullptr;
    QPointer<MemoryTask> m_task;
    SegmentWatchThread *m_watch = nullptr;
    ChangeMap *m_changeMap = nullptr;
    ChangeList *m_changeList = nullptr;
    SnapshotTool *m_snapshots = nullptr;
};
