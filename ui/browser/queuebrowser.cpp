#include "ui/browser/queuebrowser.h"

#include "ui/browser/browserparts.h"
#include "ui/browser/controldialogs.h"
#include "ui/browser/queuedialogs.h"
#include "ui/browser/queuemessagesmodel.h"
#include "ui/browser/queuetablemodel.h"
#include "ui/browser/segmentdetailswidget.h"
#include "ui/browser/segmentfilterproxy.h"
#include "ui/browser/segmenttablemodel.h"
#include "ui/common/errortext.h"
#include "ui/common/plural.h"
#include "ui/memory/bytesource.h"
#include "ui/memory/hexview.h"

#include "core/queuewaiters.h"
#include "core/segmentinfo.h"

#include <QAbstractButton>
#include <QAction>
#include <QFontMetrics>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QShowEvent>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace {

constexpr int DefaultIntervalMs = 1000;
// At most this many messages are peeked at and listed (a queue raised far past MSGMNB by root
// could hold millions).
constexpr std::size_t PeekLimit = 2000;

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

using browserparts::makeTable;

QByteArray bytesOf(const shm::Message &message)
{
    return QByteArray(message.bytes.data(), qsizetype(message.bytes.size()));
}

} // namespace

QueueBrowser::QueueBrowser(const SegmentTableModel *names, QWidget *parent)
    : QWidget(parent)
{
    m_model = new QueueTableModel(names, this);
    m_proxy = new SegmentFilterProxy(QueueTableModel::SortRole, QueueTableModel::MsqidRole,
                                     QueueTableModel::SearchTextRole, this);
    m_proxy->setSourceModel(m_model);
    m_messages = new QueueMessagesModel(this);

    m_timer = new QTimer(this);
    m_timer->setInterval(DefaultIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &QueueBrowser::refresh);

    createLayout();
    createActions();

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        updateDetails();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { updateDetails(); });
    connect(m_messagesView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &QueueBrowser::showMessageBytes);
    connect(m_messages, &QAbstractItemModel::dataChanged, this, &QueueBrowser::showMessageBytes);
    connect(m_messages, &QAbstractItemModel::rowsRemoved, this, &QueueBrowser::showMessageBytes);

    refresh();
    if (m_proxy->rowCount() > 0)
        m_view->selectionModel()->setCurrentIndex(
            m_proxy->index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    updateActions();
    m_timer->start();
}

QueueBrowser::~QueueBrowser()
{
    m_bytesView->setSource(nullptr); // before the source and its bytes go
}

void QueueBrowser::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_columnsSized) {
        m_columnsSized = true;
        sizeColumns();
    }
}

void QueueBrowser::sizeColumns()
{
    m_view->resizeColumnsToContents();
    const QFontMetrics metrics = m_view->fontMetrics();
    const int padding = 2 * m_view->style()->pixelMetric(QStyle::PM_HeaderMargin) + 8;
    const auto atLeast = [&](int column, const QString &sample) {
        const int width = metrics.horizontalAdvance(sample) + padding;
        if (m_view->columnWidth(column) < width)
            m_view->setColumnWidth(column, width);
    };
    const QString pid = QStringLiteral("123456 (processname)");
    const QString time = SegmentTableModel::timeText(1796188542);
    atLeast(QueueTableModel::LastSendPidColumn, pid);
    atLeast(QueueTableModel::LastReceivePidColumn, pid);
    for (int column : {QueueTableModel::SendTimeColumn, QueueTableModel::ReceiveTimeColumn,
                       QueueTableModel::ChangeTimeColumn})
        atLeast(column, time);
}

void QueueBrowser::createLayout()
{
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("filter")); // the name the window's Ctrl+F looks for
    m_filter->setPlaceholderText(tr("Filter: key, msqid, owner or any text (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &SegmentFilterProxy::setFilterText);
    connect(m_filter, &QLineEdit::textChanged, this, [this] { emit statusChanged(statusText()); });

    m_view = makeTable(this, QStringLiteral("queues"));
    browserparts::clearOnEscape(m_filter, m_view); // Escape: clear, back to the table
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(QueueTableModel::MsqidColumn, Qt::AscendingOrder);
    m_view->horizontalHeader()->setSectionsMovable(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QTableView::customContextMenuRequested, this, &QueueBrowser::showContextMenu);

    m_details = new QLabel(this);
    m_details->setObjectName(QStringLiteral("queueDetails"));
    m_details->setTextFormat(Qt::PlainText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setWordWrap(true);
    m_peekLabel = new QLabel(this);
    m_peekLabel->setObjectName(QStringLiteral("peekNote"));
    m_peekLabel->setTextFormat(Qt::PlainText);
    m_peekLabel->setWordWrap(true);

    m_messagesView = makeTable(this, QStringLiteral("messages"));
    m_messagesView->setModel(m_messages);
    // Numbers as wide as they need, the text preview as wide as its PreviewBytes characters (in
    // the model's monospace font), the hex preview the rest.
    QHeaderView *header = m_messagesView->horizontalHeader();
    for (int column : {QueueMessagesModel::IndexColumn, QueueMessagesModel::TypeColumn,
                       QueueMessagesModel::SizeColumn})
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    const QFont mono = QueueMessagesModel::previewFont();
    header->resizeSection(QueueMessagesModel::TextColumn,
                          QFontMetrics(mono).horizontalAdvance(
                              QString(QueueMessagesModel::PreviewBytes + 1, QLatin1Char('M')))
                              + 2 * style()->pixelMetric(QStyle::PM_HeaderMargin) + 8);
    header->setStretchLastSection(true);
    m_messagesView->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_bytesView = new HexView(this);
    m_bytesView->setObjectName(QStringLiteral("messageBytes"));
    m_bytesView->setLivePaused(true); // a copy of the message: nothing to watch
    m_bytesView->setBytesPerRow(16);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_details);
    leftLayout->addWidget(m_peekLabel);
    leftLayout->addWidget(m_messagesView, 1);

    m_bytesLabel = new QLabel(this);
    m_bytesLabel->setObjectName(QStringLiteral("messageBytesNote"));
    m_bytesLabel->setTextFormat(Qt::PlainText);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_bytesLabel);
    rightLayout->addWidget(m_bytesView, 1);

    auto *bottom = new QSplitter(Qt::Horizontal, this);
    bottom->setObjectName(QStringLiteral("queueBottomSplitter"));
    bottom->addWidget(left);
    bottom->addWidget(right);
    bottom->setStretchFactor(0, 1);
    bottom->setStretchFactor(1, 1);
    bottom->setSizes({620, 580});

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("queueSplitter"));
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(bottom);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_splitter, 1);
    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("queueStatus"));
    m_statusLabel->setTextFormat(Qt::PlainText);
    layout->addWidget(m_statusLabel);
    connect(this, &QueueBrowser::statusChanged, m_statusLabel, &QLabel::setText);
}

void QueueBrowser::createActions()
{
    // The shortcuts of the other tabs' like actions (New, Delete...): only the current tab's
    // actions are visible, so they do not clash.
    const auto make = [this](const QString &name, const QString &text, const QString &icon,
                             const QKeySequence &shortcut, const QString &tip, auto slot) {
        auto *action = new QAction(QIcon::fromTheme(icon), text, this);
        action->setObjectName(name);
        if (!shortcut.isEmpty())
            action->setShortcut(shortcut);
        action->setStatusTip(tip);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    m_newAction = make(QStringLiteral("actionNewQueue"), tr("&New Queue…"),
                       QStringLiteral("document-new"), QKeySequence::New,
                       tr("Create a message queue (msgget)"), [this] { newQueue(); });
    m_sendAction = make(QStringLiteral("actionSendMessage"), tr("&Send…"),
                        QStringLiteral("mail-send"), QKeySequence(Qt::CTRL | Qt::Key_K),
                        tr("Send a message to the queue (msgsnd, IPC_NOWAIT)"),
                        [this] { askSend(); });
    m_receiveAction = make(QStringLiteral("actionReceiveMessage"), tr("Re&ceive…"),
                           QStringLiteral("mail-receive"),
                           QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K),
                           tr("Take one message out of the queue (msgrcv, IPC_NOWAIT)"),
                           [this] { askReceive(); });
    m_modeAction = make(QStringLiteral("actionQueueMode"), tr("Change &Mode…"),
                        QStringLiteral("document-properties"), QKeySequence(Qt::CTRL | Qt::Key_M),
                        tr("Change the queue's permission bits (IPC_SET)"), [this] { askMode(); });
    m_ownerAction = make(QStringLiteral("actionQueueOwner"), tr("Change O&wner and Group…"),
                         QStringLiteral("system-users"), QKeySequence(Qt::CTRL | Qt::Key_O),
                         tr("Change the queue's owner and group (IPC_SET)"),
                         [this] { askOwner(); });
    m_maxBytesAction = make(QStringLiteral("actionQueueMaxBytes"), tr("Change Ma&x Bytes…"),
                            QStringLiteral("transform-scale"), QKeySequence(Qt::CTRL | Qt::Key_B),
                            tr("Change the most bytes the queue may hold (msg_qbytes, IPC_SET)"),
                            [this] { askMaxBytes(); });
    m_removeAction = make(QStringLiteral("actionRemoveQueue"), tr("&Remove…"),
                          QStringLiteral("edit-delete"), QKeySequence(Qt::Key_Delete),
                          tr("Remove the queue and its messages at once (IPC_RMID); waiters wake "
                             "with EIDRM"),
                          [this] { confirmRemove(); });

    m_menu = new QMenu(tr("&Queues"), this);
    m_menu->setObjectName(QStringLiteral("queueMenu"));
    m_menu->addAction(m_newAction);
    m_menu->addAction(m_sendAction);
    m_menu->addAction(m_receiveAction);
    m_menu->addSeparator();
    m_menu->addAction(m_modeAction);
    m_menu->addAction(m_ownerAction);
    m_menu->addAction(m_maxBytesAction);
    m_menu->addSeparator();
    m_menu->addAction(m_removeAction);
    // Alone, the widget holds the actions so that their shortcuts work; in the window, the
    // window does (and shows them only while the tab is current).
    addActions(m_menu->actions());
    m_messagesView->addAction(m_sendAction);
    m_messagesView->addAction(m_receiveAction);
}

QList<QAction *> QueueBrowser::toolBarActions() const
{
    return {m_newAction, m_sendAction, m_receiveAction, m_removeAction};
}

void QueueBrowser::showContextMenu(const QPoint &pos)
{
    QMenu menu(this);
    menu.addAction(m_sendAction);
    menu.addAction(m_receiveAction);
    menu.addSeparator();
    menu.addAction(m_modeAction);
    menu.addAction(m_ownerAction);
    menu.addAction(m_maxBytesAction);
    menu.addSeparator();
    menu.addAction(m_newAction);
    menu.addAction(m_removeAction);
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

int QueueBrowser::refreshInterval() const
{
    return m_timer->interval();
}

void QueueBrowser::setRefreshInterval(int ms)
{
    m_timer->setInterval(qMax(100, ms));
}

void QueueBrowser::setPaused(bool paused)
{
    m_paused = paused;
    if (paused) {
        m_timer->stop();
    } else {
        m_timer->start();
        refresh();
    }
    emit statusChanged(statusText());
}

void QueueBrowser::refresh()
{
    auto listing = shm::listQueues();
    if (!listing) {
        m_listingError
            = tr("Cannot list message queues: %1").arg(errortext::describe(listing.error()));
        emit statusChanged(statusText());
        return;
    }
    m_listingError.clear();
    const int chosen = currentMsqid();
    const QueueTableModel::MergeStats stats = m_model->merge(*listing);
    // The view moves the selection of a row that went to its neighbour: a queue nobody chose.
    if (chosen >= 0 && m_model->rowOfMsqid(chosen) < 0)
        m_view->selectionModel()->clear();
    if (stats.total() > 0) {
        m_lastChanges = browserparts::changesText(stats);
        updateActions();
    }
    updateDetails();
    emit statusChanged(statusText());
}

QString QueueBrowser::statusText() const
{
    if (!m_listingError.isEmpty())
        return m_listingError;
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    QString text = shown == total ? tr("Queues: %1").arg(total)
                                  : tr("Shown: %1 of %2").arg(shown).arg(total);
    if (!m_lastChanges.isEmpty())
        text += QStringLiteral(" · ") + m_lastChanges;
    return text;
}

int QueueBrowser::currentMsqid() const
{
    // A current row that is not selected is nobody's choice: details and actions show nothing.
    return browserparts::currentId(m_view, QueueTableModel::MsqidRole);
}

const shm::QueueInfo *QueueBrowser::currentQueue() const
{
    const int msqid = currentMsqid();
    const int row = msqid >= 0 ? m_model->rowOfMsqid(msqid) : -1;
    return row >= 0 ? &m_model->queueAt(row) : nullptr;
}

bool QueueBrowser::selectQueue(int msqid)
{
    if (!browserparts::selectRow(
            m_view, m_proxy, m_filter, [&] { return m_model->rowOfMsqid(msqid); },
            [this] { refresh(); }))
        return false;
    updateActions();
    updateDetails();
    return true;
}

void QueueBrowser::updateActions()
{
    const bool any = currentMsqid() >= 0;
    for (QAction *action : {m_sendAction, m_receiveAction, m_removeAction, m_modeAction,
                            m_ownerAction, m_maxBytesAction})
        action->setEnabled(any);
}

QString QueueBrowser::detailsText() const
{
    return m_details->text();
}

QString QueueBrowser::peekText() const
{
    return m_peekLabel->text();
}

QString QueueBrowser::messageBytesText() const
{
    return m_bytesLabel->text();
}

void QueueBrowser::updateDetails()
{
    const shm::QueueInfo *queue = currentQueue();
    if (!queue) {
        m_details->setText(tr("No queue selected."));
        m_peekLabel->clear();
        m_peekedMsqid = -1;
        m_peekedState.reset();
        m_messages->setMessages({});
        return;
    }
    const shm::QueueInfo &q = *queue;
    const auto who = [this](uid_t uid, gid_t gid) {
        return tr("%1 (%2), group %3 (%4)")
            .arg(m_model->userName(uid))
            .arg(uid)
            .arg(m_model->groupName(gid))
            .arg(gid);
    };
    const auto when = [this](pid_t pid, std::int64_t time) {
        return pid <= 0 && time == 0 ? tr("never")
                                     : tr("%1 at %2").arg(m_model->pidText(pid),
                                                          SegmentTableModel::timeText(time));
    };
    const QStringList lines{
        tr("Message queue %1, key %2%3")
            .arg(q.msqid)
            .arg(qs(shm::formatKey(q.key)))
            .arg(q.key == 0 ? tr(" (IPC_PRIVATE)") : QString()),
        tr("Mode %1 (%2): %3")
            .arg(qs(shm::permString(q.mode)), qs(shm::octalPerms(q.mode)),
                 SegmentDetailsWidget::spelledMode(q.mode)),
        tr("Owner %1; creator %2").arg(who(q.uid, q.gid), who(q.cuid, q.cgid)),
        (q.qbytesKnown
             ? tr("%n messages, %L1 of %L2 bytes (msg_qbytes)", nullptr, plural::count(q.qnum))
                   .arg(qulonglong(q.cbytes))
                   .arg(qulonglong(q.qbytes))
             : tr("%n messages, %L1 bytes (msg_qbytes unreadable)", nullptr,
                  plural::count(q.qnum))
                   .arg(qulonglong(q.cbytes))),
        tr("Last send: %1. Last receive: %2.").arg(when(q.lspid, q.stime), when(q.lrpid, q.rtime)),
        tr("Changed at %1").arg(SegmentTableModel::timeText(q.ctime))};
    const QString text = lines.join(QLatin1Char('\n'));
    if (m_details->text() != text)
        m_details->setText(text);

    // Peek again when another queue is shown or this one changed (a peek costs one call a
    // message; an unchanged queue is not read again).
    if (q.msqid != m_peekedMsqid || !m_peekedState || !(*m_peekedState == q))
        peekNow();
}

void QueueBrowser::peekNow()
{
    const shm::QueueInfo *queue = currentQueue();
    if (!queue) {
        m_messages->setMessages({});
        return;
    }
    const int msqid = queue->msqid;
    const bool otherQueue = msqid != m_peekedMsqid;
    m_peekedMsqid = msqid;
    m_peekedState = *queue;
    auto peeked = shm::peekMessages(msqid, PeekLimit);
    if (!peeked) {
        m_messages->setMessages({});
        const shm::Error &error = peeked.error();
        m_peekLabel->setText(error.kind == shm::ErrorKind::NotSupported
                                 ? tr("Peeking is not possible on this kernel: %1")
                                       .arg(errortext::message(error))
                                 : tr("Cannot peek at the messages: %1")
                                       .arg(failureText(msqid, error)));
        return;
    }
    if (otherQueue)
        m_messages->setMessages({}); // a new queue's messages are not the old one's, changed
    m_messages->setMessages(*peeked);
    const std::uint64_t n = queue->qnum;
    QString text = peeked->size() < n
                       ? tr("The first %1 of %n messages, peeked (MSG_COPY): the queue is left "
                            "as it was.",
                            nullptr, plural::count(n))
                             .arg(peeked->size())
                       : tr("%n messages, peeked (MSG_COPY): the queue is left as it was.",
                            nullptr, int(peeked->size()));
    m_peekLabel->setText(text);
    if (!m_messagesView->currentIndex().isValid() && m_messages->rowCount() > 0)
        m_messagesView->selectionModel()->setCurrentIndex(
            m_messages->index(0, 0),
            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    showMessageBytes();
}

void QueueBrowser::showMessageBytes()
{
    const QModelIndex current = m_messagesView->currentIndex();
    const bool has = current.isValid();
    const QByteArray bytes = has ? current.siblingAtColumn(0)
                                       .data(QueueMessagesModel::BytesRole)
                                       .toByteArray()
                                 : QByteArray();
    m_bytesLabel->setText(
        has ? tr("Message %1: type %2, %n bytes", nullptr, plural::count(quint64(bytes.size())))
                  .arg(current.siblingAtColumn(QueueMessagesModel::IndexColumn).data().toInt())
                  .arg(current.siblingAtColumn(QueueMessagesModel::TypeColumn).data().toString())
            : tr("No message selected."));
    if (has == (m_bytesSource != nullptr) && bytes == m_shownBytes)
        return; // the same message: keep the cursor and scroll position
    m_bytesView->setSource(nullptr);
    delete m_bytesSource;
    m_bytesSource = nullptr;
    m_shownBytes = bytes;
    if (has) {
        m_bytesSource = new BufferByteSource(reinterpret_cast<std::byte *>(m_shownBytes.data()),
                                             quint64(m_shownBytes.size()), false, this);
        m_bytesView->setSource(m_bytesSource);
    }
}

void QueueBrowser::report(const QString &text)
{
    m_lastMessage = text;
    emit reported(text);
}

QMessageBox *QueueBrowser::showMessage(const QString &title, const QString &text,
                                       const QString &details)
{
    m_lastMessage = text;
    return browserparts::showWarning(this, QStringLiteral("queueMessageBox"), title, text,
                                      details);
}

QString QueueBrowser::failureText(int msqid, const shm::Error &error) const
{
    if (error.kind == shm::ErrorKind::Gone)
        return tr("Message queue %1 no longer exists: it was removed by someone else.")
            .arg(msqid);
    return errortext::describe(error);
}

bool QueueBrowser::apply(int msqid, const QString &what,
                         const std::function<shm::Result<void>()> &fn)
{
    const auto result = fn();
    refresh();
    if (!result) {
        showMessage(what, failureText(msqid, result.error()));
        return false;
    }
    report(tr("%1: done.").arg(what));
    return true;
}

bool QueueBrowser::removeQueue(int msqid)
{
    return apply(msqid, tr("Remove queue"), [msqid] { return shm::removeQueue(msqid); });
}

bool QueueBrowser::changeMode(int msqid, unsigned mode)
{
    return apply(msqid, tr("Change mode"), [=] { return shm::setQueueMode(msqid, mode); });
}

bool QueueBrowser::changeOwner(int msqid, uid_t uid, gid_t gid)
{
    return apply(msqid, tr("Change owner"),
                 [=] { return shm::setQueueOwner(msqid, uid, gid); });
}

bool QueueBrowser::changeMaxBytes(int msqid, std::uint64_t qbytes)
{
    return apply(msqid, tr("Change max bytes"),
                 [=] { return shm::setQueueMaxBytes(msqid, qbytes); });
}

bool QueueBrowser::sendMessage(int msqid, long type, const QByteArray &bytes)
{
    return apply(msqid, tr("Send"), [&] {
        return shm::sendMessage(msqid, type,
                                std::string_view(bytes.constData(), size_t(bytes.size())));
    });
}

std::optional<shm::Message> QueueBrowser::receiveMessage(int msqid, long type)
{
    auto received = shm::receiveMessage(msqid, type);
    refresh();
    if (!received) {
        showMessage(tr("Receive"), failureText(msqid, received.error()));
        return std::nullopt;
    }
    showReceived(msqid, *received);
    return *received;
}

void QueueBrowser::showReceived(int msqid, const shm::Message &message)
{
    const QByteArray bytes = bytesOf(message);
    const QString text = tr("Received from queue %1: a message of type %2 with %n bytes; it is "
                            "no longer in the queue.",
                            nullptr, plural::count(message.bytes.size()))
                             .arg(msqid)
                             .arg(message.type);
    m_lastMessage = text;
    auto *box = new QMessageBox(QMessageBox::Information, tr("Received message"), text,
                                QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("receivedBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    if (!bytes.isEmpty()) {
        box->setInformativeText(tr("Text: %1").arg(QueueMessagesModel::printableText(bytes, 64)));
        box->setDetailedText(tr("Hex: %1\nText: %2")
                                 .arg(QueueMessagesModel::hexText(bytes),
                                      QueueMessagesModel::printableText(bytes)));
    }
    box->open();
}

void QueueBrowser::newQueue()
{
    auto *dialog = new CreateQueueDialog(this);
    dialog->openThen(QStringLiteral("createQueueDialog"), this, [this](int msqid) {
        refresh();
        selectQueue(msqid);
        report(tr("Created message queue %1.").arg(msqid));
    });
}

void QueueBrowser::confirmRemove()
{
    const shm::QueueInfo *queue = currentQueue();
    if (!queue)
        return;
    const int msqid = queue->msqid;
    QString text = tr("Remove message queue %1?").arg(msqid) + QLatin1Char('\n');
    text += queue->qnum == 0
                ? tr("It holds no message.")
                : tr("Its %n messages are lost with it.", nullptr, plural::count(queue->qnum));
    text += QLatin1Char(' ')
            + tr("Removal is immediate: processes waiting in msgsnd or msgrcv on it wake with "
                 "EIDRM (identifier removed).");
    text += QLatin1Char('\n') + waitersText(shm::findQueueWaiters(msqid));
    browserparts::confirm(this, QStringLiteral("confirmRemoveQueue"), tr("Remove queue"), text,
                           tr("&Remove"), [this, msqid] { removeQueue(msqid); });
}

QString QueueBrowser::waitersText(const shm::QueueWaiters &found)
{
    QStringList who;
    for (const shm::QueueWaiter &waiter : found.waiters) {
        const QString name = waiter.command.empty()
                                 ? QString::number(waiter.pid)
                                 : QStringLiteral("%1 (%2)").arg(waiter.pid).arg(
                                       QString::fromStdString(waiter.command));
        who << (waiter.sending ? tr("%1 in msgsnd").arg(name) : tr("%1 in msgrcv").arg(name));
    }
    QString text = who.isEmpty() ? tr("No process waits on it now.")
                                 : tr("Waiting on it now: %1.").arg(who.join(QStringLiteral(", ")));
    if (found.unreadable > 0)
        text += QLatin1Char(' ')
                + tr("%n other processes could not be looked at (reading their threads is not "
                     "permitted): they may wait too.",
                     nullptr, found.unreadable);
    return text;
}

void QueueBrowser::askMode()
{
    const shm::QueueInfo *queue = currentQueue();
    if (!queue)
        return;
    const int msqid = queue->msqid;
    auto *dialog = new ModeDialog(tr("Change mode of message queue %1").arg(msqid),
                                  queue->perms(), this);
    browserparts::openDialog(dialog, this,
                             [this, dialog, msqid] { changeMode(msqid, dialog->mode()); });
}

void QueueBrowser::askOwner()
{
    const shm::QueueInfo *queue = currentQueue();
    if (!queue)
        return;
    const int msqid = queue->msqid;
    auto *dialog = new OwnerDialog(tr("Change owner of message queue %1").arg(msqid),
                                   m_model->userName(queue->uid), m_model->groupName(queue->gid),
                                   this);
    browserparts::openDialog(dialog, this, [this, dialog, msqid] {
        changeOwner(msqid, dialog->uid(), dialog->gid());
    });
}

void QueueBrowser::askMaxBytes()
{
    const shm::QueueInfo *queue = currentQueue();
    if (!queue)
        return;
    const int msqid = queue->msqid;
    auto *dialog = new QueueMaxBytesDialog(msqid, queue, this);
    dialog->setObjectName(QStringLiteral("maxBytesDialog"));
    browserparts::openDialog(dialog, this, [this, dialog, msqid] {
        if (const auto bytes = dialog->maxBytes())
            changeMaxBytes(msqid, *bytes);
    });
}

void QueueBrowser::askSend()
{
    const shm::QueueInfo *queue = currentQueue();
    if (!queue)
        return;
    const int msqid = queue->msqid;
    auto *dialog = new SendMessageDialog(msqid, this);
    dialog->setObjectName(QStringLiteral("sendDialog"));
    browserparts::openDialog(dialog, this, [this, msqid] {
        refresh();
        report(tr("Sent a message to queue %1.").arg(msqid));
    });
}

void QueueBrowser::askReceive()
{
    const shm::QueueInfo *queue = currentQueue();
    if (!queue)
        return;
    const int msqid = queue->msqid;
    auto *dialog = new ReceiveMessageDialog(msqid, this);
    dialog->setObjectName(QStringLiteral("receiveDialog"));
    if (auto peeked = shm::peekMessages(msqid, PeekLimit))
        dialog->setPeeked(std::move(*peeked));
    browserparts::openDialog(dialog, this, [this, dialog, msqid] {
        refresh();
        if (dialog->received())
            showReceived(msqid, *dialog->received());
    });
}
