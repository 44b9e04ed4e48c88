#pragma once

// The message-queue browser: every System V message queue of this IPC namespace in a live
// table (sorted merge, selection kept), the selected queue's fields, its messages as a peek
// (MSG_COPY) shows them without taking them, and the actions: create, remove, mode, owner,
// msg_qbytes, send and receive. The main window's "Message queues" tab: its menu (menu()) is
// shown while the tab is current, and the window's timer, F5 and pause drive refresh(). Alone,
// it refreshes on a timer of its own (setRefreshInterval(), setPaused()). No call here can
// block: send and receive use IPC_NOWAIT.

#include "core/queues.h"
#include "core/queuewaiters.h"
#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QWidget>

#include <cstdint>
#include <functional>
#include <optional>
#include <sys/types.h>

class BufferByteSource;
class HexView;
class QAction;
class QLabel;
class QLineEdit;
class QMenu;
class QMessageBox;
class QSplitter;
class QTableView;
class QTimer;
class QueueMessagesModel;
class QueueTableModel;
class SegmentFilterProxy;
class SegmentTableModel;

class QueueBrowser : public QWidget
{
    Q_OBJECT
public:
    // `names` (the segment table: user, group and process names) must outlive the tab.
    explicit QueueBrowser(const SegmentTableModel *names, QWidget *parent = nullptr);
    ~QueueBrowser() override;

    // Selects the row of msqid (after a refresh if needed), clearing a filter that hides it.
    // False if no such queue.
    bool selectQueue(int msqid);
    // The msqid of the current row if it is selected, or -1.
    int currentMsqid() const;

    QueueTableModel *model() const { return m_model; }
    SegmentFilterProxy *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QueueMessagesModel *messagesModel() const { return m_messages; }
    QTableView *messagesView() const { return m_messagesView; }
    // The selected message's bytes, in hex and text.
    HexView *messageBytesView() const { return m_bytesView; }
    QLineEdit *filterEdit() const { return m_filter; }
    // The tab's menu, and the actions worth a toolbar button.
    QMenu *menu() const { return m_menu; }
    QList<QAction *> toolBarActions() const;
    // The selected queue's fields, spelled out.
    QString detailsText() const;
    // What the messages pane says of the peek: how many, or why peeking is not possible.
    QString peekText() const;
    // What the bytes pane says of the message it shows ("Message 2: type 7, 8 bytes").
    QString messageBytesText() const;
    // The last message shown to the user (error or report), for tests.
    QString lastMessage() const { return m_lastMessage; }
    // "Queues: 3" (or "Shown: 1 of 3"), and the last change seen.
    QString statusText() const;
    int refreshInterval() const;
    bool isPaused() const { return m_paused; }

    // The actions without their dialogs and confirmations: what the confirmed UI runs. Each
    // refreshes, says a refusal in a message (a queue that vanished plainly so) and returns
    // whether the call succeeded.
    bool removeQueue(int msqid);
    bool changeMode(int msqid, unsigned mode);
    bool changeOwner(int msqid, uid_t uid, gid_t gid);
    bool changeMaxBytes(int msqid, std::uint64_t qbytes);
    bool sendMessage(int msqid, long type, const QByteArray &bytes);
    std::optional<shm::Message> receiveMessage(int msqid, long type);
    // Peeks at the selected queue's messages again now.
    void peekNow();
    // "Waiting on it now: 1234 (worker) in msgrcv." or "No process waits on it now.", and how
    // many processes could not be looked at.
    static QString waitersText(const shm::QueueWaiters &found);

signals:
    // After each refresh: the status text changed.
    void statusChanged(const QString &text);
    // A success worth a line in the window's status bar ("Created message queue 5.").
    void reported(const QString &text);

public slots:
    // Reads the listing, merges it into the table and, when the selected queue changed, peeks
    // at its messages again.
    void refresh();
    void setRefreshInterval(int ms);
    void setPaused(bool paused);

protected:
    void showEvent(QShowEvent *event) override;

private:
    // Columns as wide as their contents, and the pid and time columns as wide as a typical value
    // even while they are empty (a pid and its process name, a date and time).
    void sizeColumns();
    void createActions();
    void createLayout();
    void updateActions();
    void updateDetails();
    void showMessageBytes();
    void showContextMenu(const QPoint &pos);

    void newQueue();
    void confirmRemove();
    void askMode();
    void askOwner();
    void askMaxBytes();
    void askSend();
    void askReceive();
    // The selected queue's row, or null.
    const shm::QueueInfo *currentQueue() const;
    void showReceived(int msqid, const shm::Message &message);
    void report(const QString &text);

    QMessageBox *showMessage(const QString &title, const QString &text,
                             const QString &details = {});
    // A sentence for a failed call on msqid; says plainly when the queue vanished.
    QString failureText(int msqid, const shm::Error &error) const;
    // Runs fn, refreshes, reports a failure; returns whether it succeeded.
    bool apply(int msqid, const QString &what, const std::function<shm::Result<void>()> &fn);

    QueueTableModel *m_model = nullptr;
    SegmentFilterProxy *m_proxy = nullptr;
    QTableView *m_view = nullptr;
    QLineEdit *m_filter = nullptr;
    QMenu *m_menu = nullptr;
    QLabel *m_details = nullptr;
    QLabel *m_peekLabel = nullptr;
    QLabel *m_statusLabel = nullptr;
    QueueMessagesModel *m_messages = nullptr;
    QTableView *m_messagesView = nullptr;
    QLabel *m_bytesLabel = nullptr;
    HexView *m_bytesView = nullptr;
    BufferByteSource *m_bytesSource = nullptr;
    QByteArray m_shownBytes; // what m_bytesSource shows; kept alive (and unchanged) with it
    QSplitter *m_splitter = nullptr;
    QTimer *m_timer = nullptr;
    bool m_paused = false;
    bool m_columnsSized = false; // sized once shown, when the fonts and contents are known

    QAction *m_newAction = nullptr;
    QAction *m_sendAction = nullptr;
    QAction *m_receiveAction = nullptr;
    QAction *m_removeAction = nullptr;
    QAction *m_modeAction = nullptr;
    QAction *m_ownerAction = nullptr;
    QAction *m_maxBytesAction = nullptr;

    QString m_lastMessage;
    QString m_lastChanges;
    QString m_listingError;
    // The queue the messages pane shows and its state when peeked: peek again when it changes.
    int m_peekedMsqid = -1;
    std::optional<shm::QueueInfo> m_peekedState;
};
