// The message-queue browser on real queues: its table's sorted merge (no reset, no signal when
// nothing changed, the selection kept) and its agreement with the kernel; a peek that leaves
// the queue as it was; send and receive, by type; a full queue (EAGAIN) and a vanished queue
// said plainly; the waiters named before removal and woken by it (EIDRM); the dialogs' inline
// checks; refusals as the unprivileged user.

#include "support/asuser.h"
#include "support/madeids.h"
#include "support/testsegment.h"
#include "ui/browser/controldialogs.h"
#include "ui/browser/mainwindow.h"
#include "ui/browser/modeeditor.h"
#include "ui/browser/queuebrowser.h"
#include "ui/browser/queuedialogs.h"
#include "ui/browser/queuemessagesmodel.h"
#include "ui/browser/queuetablemodel.h"
#include "ui/browser/segmenttablemodel.h"
#include "ui/memory/hexview.h"

#include "core/queues.h"
#include "core/queuewaiters.h"
#include "core/segmentinfo.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QMenu>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include <memory>
#include <cerrno>
#include <sys/msg.h>
#include <sys/syscall.h>
#include <unistd.h>

using namespace shmtest;

namespace {

// "1:2 3:0 5:9" -> msqid 1 with qnum 2, ...
std::vector<shm::QueueInfo> parseSpec(const QString &spec)
{
    std::vector<shm::QueueInfo> out;
    for (const QString &item : spec.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QStringList parts = item.split(QLatin1Char(':'));
        shm::QueueInfo info;
        info.msqid = parts.value(0).toInt();
        info.qnum = parts.value(1, QStringLiteral("0")).toULongLong();
        info.cbytes = info.qnum * 10;
        info.key = 0x2000 + info.msqid;
        info.mode = 0600;
        info.ctime = 1700000000;
        out.push_back(info);
    }
    return out;
}

QList<int> msqidsOf(const QueueTableModel &model)
{
    QList<int> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.queueAt(row).msqid;
    return ids;
}

QString cell(const QueueTableModel &model, int msqid, QueueTableModel::Column column)
{
    const int row = model.rowOfMsqid(msqid);
    return row < 0 ? QStringLiteral("<not listed>") : model.index(row, column).data().toString();
}

QByteArray bytes(const char *text)
{
    return QByteArray(text);
}

} // namespace

class TestQueueBrowser : public QObject
{
    Q_OBJECT

private:
    shmtest::MadeIds m_made {[](int msqid) { msgctl(msqid, IPC_RMID, nullptr); }};
    SegmentTableModel m_names; // the user, group and process names of the tables

    int make(unsigned mode = 0600)
    {
        shm::CreateQueueRequest request;
        request.mode = mode;
        return m_made.keep(shm::createQueue(request));
    }

    // A browser that refreshes only when told to.
    std::unique_ptr<QueueBrowser> browser()
    {
        auto made = std::make_unique<QueueBrowser>(&m_names);
        made->setPaused(true);
        return made;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); } // the window's settings

    void cleanup() { m_made.removeAll(); }

    void mergeKeepsRows_data();
    void mergeKeepsRows();
    void unchangedListingEmitsNothing();
    void tableMatchesTheKernel();
    void selectionSurvivesRefresh();
    void peekLeavesTheQueueAsItWas();
    void sendAndReceiveRoundTrip();
    void receiveByType();
    void fullQueueIsRefusedAtOnce();
    void vanishedQueueIsSaidPlainly();
    void removeIsConfirmedAndWarnsOfEidrm();
    void syscallLinesOfWaiters_data();
    void syscallLinesOfWaiters();
    void removalNamesWaitersAndWakesThem();
    void controlDialogsServeQueues();
    void createDialogChecksInline();
    void unprivilegedUserIsRefused();
    void mainWindowTab();
};

void TestQueueBrowser::mergeKeepsRows_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<int>("inserted");
    QTest::addColumn<int>("removed");
    QTest::addColumn<int>("changed");
    QTest::newRow("first fill") << "" << "1 2 3" << 3 << 0 << 0;
    QTest::newRow("a message arrives") << "1 2 3" << "1 2:1 3" << 0 << 0 << 1;
    QTest::newRow("a queue goes") << "1 2 3" << "1 3" << 0 << 1 << 0;
    QTest::newRow("a queue comes") << "1 3" << "1 2 3" << 1 << 0 << 0;
    QTest::newRow("mixed") << "1 3 5 7" << "2 3:4 7 8" << 2 << 2 << 1;
    QTest::newRow("unsorted listing") << "1 2" << "3 1:5 2" << 1 << 0 << 1;
    QTest::newRow("all gone") << "1 2" << "" << 0 << 2 << 0;
}

void TestQueueBrowser::mergeKeepsRows()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QueueTableModel model(&m_names);
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.merge(parseSpec(before));
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy layouts(&model, &QAbstractItemModel::layoutChanged);
    QList<QPersistentModelIndex> kept;
    for (int row = 0; row < model.rowCount(); ++row)
        kept << QPersistentModelIndex(model.index(row, QueueTableModel::MsqidColumn));

    const auto stats = model.merge(parseSpec(after));
    QTEST(stats.inserted, "inserted");
    QTEST(stats.removed, "removed");
    QTEST(stats.changed, "changed");
    QCOMPARE(resets.count(), 0);
    QCOMPARE(layouts.count(), 0);
    auto expected = parseSpec(after);
    std::sort(expected.begin(), expected.end(),
              [](const auto &a, const auto &b) { return a.msqid < b.msqid; });
    QCOMPARE(model.queues(), expected);
    // A row that stayed keeps its persistent index; one that went, an invalid one.
    for (const QPersistentModelIndex &index : kept) {
        if (index.isValid())
            QCOMPARE(model.queueAt(index.row()).msqid, index.data().toInt());
    }
}

void TestQueueBrowser::unchangedListingEmitsNothing()
{
    QueueTableModel model(&m_names);
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.merge(parseSpec("1:1 4 9:3"));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QCOMPARE(model.merge(parseSpec("1:1 4 9:3")).total(), 0);
    QCOMPARE(changed.count() + inserted.count() + removed.count(), 0);

    model.merge(parseSpec("1:1 4:2 9:3"));
    QCOMPARE(changed.count(), 1);
    const QList<QVariant> arguments = changed.takeFirst();
    QCOMPARE(arguments.at(0).toModelIndex().row(), 1);
    QCOMPARE(arguments.at(1).toModelIndex().row(), 1);
}

void TestQueueBrowser::tableMatchesTheKernel()
{
    const int a = make(0640);
    const int b = make(0600);
    QVERIFY(a >= 0 && b >= 0);
    QVERIFY(shm::sendMessage(a, 3, "hello").ok());
    QVERIFY(shm::sendMessage(a, 4, std::string("\0\1", 2)).ok());
    QVERIFY(shm::setQueueMaxBytes(b, 1000).ok());

    QueueTableModel model(&m_names);
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto listing = shm::listQueues();
    QVERIFY(listing.ok());
    model.merge(*listing);
    for (int msqid : {a, b}) {
        auto kernel = shm::statQueue(msqid);
        QVERIFY(kernel.ok());
        const int row = model.rowOfMsqid(msqid);
        QVERIFY(row >= 0);
        QCOMPARE(model.queueAt(row), *kernel);
        QCOMPARE(cell(model, msqid, QueueTableModel::KeyColumn),
                 QString::fromStdString(shm::formatKey(kernel->key)));
        QCOMPARE(cell(model, msqid, QueueTableModel::MessagesColumn),
                 QString::number(kernel->qnum));
        QCOMPARE(cell(model, msqid, QueueTableModel::BytesColumn), QString::number(kernel->cbytes));
        QCOMPARE(cell(model, msqid, QueueTableModel::MaxBytesColumn),
                 QString::number(kernel->qbytes));
        QVERIFY(cell(model, msqid, QueueTableModel::PermsColumn)
                    .endsWith(QString::fromStdString(shm::octalPerms(kernel->mode))));
    }
    QCOMPARE(cell(model, a, QueueTableModel::MessagesColumn), QStringLiteral("2"));
    QCOMPARE(cell(model, a, QueueTableModel::BytesColumn), QStringLiteral("7"));
    QCOMPARE(cell(model, b, QueueTableModel::MaxBytesColumn), QStringLiteral("1000"));
    // The last sender is this process, named; nobody has received yet.
    QVERIFY2(cell(model, a, QueueTableModel::LastSendPidColumn)
                 .startsWith(QStringLiteral("%1 (").arg(getpid())),
             qPrintable(cell(model, a, QueueTableModel::LastSendPidColumn)));
    QCOMPARE(cell(model, a, QueueTableModel::LastReceivePidColumn), QString());
    QCOMPARE(cell(model, a, QueueTableModel::ReceiveTimeColumn), QStringLiteral("never"));

    // Every row of the table is a queue of the kernel's listing read after it (other tests'
    // queues may have come since, none of ours has gone).
    QVERIFY(shm::removeQueue(b).ok());
    listing = shm::listQueues();
    QVERIFY(listing.ok());
    model.merge(*listing);
    QCOMPARE(model.rowOfMsqid(b), -1);
    QVERIFY(model.rowOfMsqid(a) >= 0);
    QCOMPARE(msqidsOf(model).size(), qsizetype(listing->size()));
}

void TestQueueBrowser::selectionSurvivesRefresh()
{
    const int a = make();
    QVERIFY(a >= 0);
    auto queues = browser();
    QAbstractItemModelTester tester(queues->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester messagesTester(
        queues->messagesModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(queues->model(), &QAbstractItemModel::modelReset);
    QVERIFY(queues->selectQueue(a));
    QCOMPARE(queues->currentMsqid(), a);
    const int b = make();
    const int c = make();
    QVERIFY(b >= 0 && c >= 0);
    queues->refresh();
    QCOMPARE(queues->currentMsqid(), a);
    QVERIFY(shm::removeQueue(b).ok());
    QVERIFY(shm::sendMessage(a, 1, "x").ok());
    QVERIFY(shm::sendMessage(a, 2, "y").ok());
    queues->refresh();
    QCOMPARE(queues->currentMsqid(), a);
    QCOMPARE(cell(*queues->model(), a, QueueTableModel::MessagesColumn), QStringLiteral("2"));
    QCOMPARE(resets.count(), 0);
    QVERIFY2(queues->detailsText().contains(QStringLiteral("Message queue %1").arg(a)),
             qPrintable(queues->detailsText()));
    QVERIFY2(queues->detailsText().contains(QStringLiteral("2 messages, 2 of ")),
             qPrintable(queues->detailsText()));
}

void TestQueueBrowser::peekLeavesTheQueueAsItWas()
{
    const int msqid = make();
    QVERIFY(msqid >= 0);
    const std::vector<shm::Message> sent{
        {7, "hello"}, {3, std::string("\0\1\2\xff", 4)}, {1, ""}, {2, std::string(40, 'z')}};
    for (const shm::Message &message : sent)
        QVERIFY(shm::sendMessage(msqid, message.type, message.bytes).ok());
    auto before = shm::statQueue(msqid);
    QVERIFY(before.ok());

    auto queues = browser();
    QAbstractItemModelTester tester(queues->messagesModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(queues->selectQueue(msqid));
    if (queues->peekText().startsWith(QLatin1String("Peeking is not possible")))
        QSKIP("this kernel has no MSG_COPY: the browser says so");
    QVERIFY2(queues->peekText().startsWith(QLatin1String("4 messages, peeked (MSG_COPY)")),
             qPrintable(queues->peekText()));
    const QueueMessagesModel *messages = queues->messagesModel();
    QCOMPARE(messages->rowCount(), 4);
    for (int row = 0; row < 4; ++row)
        QCOMPARE(messages->messageAt(row), sent[size_t(row)]);
    const auto shown = [&](int row, int column) {
        return messages->index(row, column).data().toString();
    };
    QCOMPARE(shown(0, QueueMessagesModel::TypeColumn), QStringLiteral("7"));
    QCOMPARE(shown(0, QueueMessagesModel::SizeColumn), QStringLiteral("5"));
    QCOMPARE(shown(0, QueueMessagesModel::HexColumn), QStringLiteral("68 65 6c 6c 6f"));
    QCOMPARE(shown(0, QueueMessagesModel::TextColumn), QStringLiteral("hello"));
    QCOMPARE(shown(1, QueueMessagesModel::HexColumn), QStringLiteral("00 01 02 ff"));
    QCOMPARE(shown(1, QueueMessagesModel::TextColumn), QStringLiteral("...."));
    QCOMPARE(shown(2, QueueMessagesModel::SizeColumn), QStringLiteral("0"));
    QCOMPARE(shown(3, QueueMessagesModel::TextColumn),
             QString(QueueMessagesModel::PreviewBytes, QLatin1Char('z')) + QStringLiteral("…"));

    // The selected message's bytes, all of them, in the hex view.
    queues->messagesView()->selectRow(1);
    HexView *hex = queues->messageBytesView();
    QVERIFY(hex->source());
    QCOMPARE(hex->source()->size(), quint64(4));
    QCOMPARE(hex->cellText(3), QStringLiteral("ff"));
    QCOMPARE(hex->cellText(0, HexView::Area::Text), QStringLiteral("."));
    QCOMPARE(queues->messageBytesText(), QStringLiteral("Message 1: type 3, 4 bytes"));
    queues->messagesView()->selectRow(2);
    QCOMPARE(hex->source()->size(), quint64(0));

    // Peeking again, and refreshing, leave the queue as it was: messages, bytes, no receive.
    queues->peekNow();
    queues->refresh();
    queues->peekNow();
    auto after = shm::statQueue(msqid);
    QVERIFY(after.ok());
    QCOMPARE(*after, *before);
    QCOMPARE(after->lrpid, 0);
    QCOMPARE(after->rtime, 0);
    for (const shm::Message &message : sent) {
        auto received = shm::receiveMessage(msqid);
        QVERIFY(received.ok());
        QCOMPARE(*received, message);
    }
    // The empty queue: the list empties, by a merge.
    queues->refresh();
    QCOMPARE(messages->rowCount(), 0);
    QVERIFY2(queues->peekText().startsWith(QLatin1String("0 messages")),
             qPrintable(queues->peekText()));
}

void TestQueueBrowser::sendAndReceiveRoundTrip()
{
    const int msqid = make();
    QVERIFY(msqid >= 0);
    auto queues = browser();
    QVERIFY(queues->selectQueue(msqid));

    // Through the dialog: a text, then hex bytes.
    {
        SendMessageDialog dialog(msqid);
        dialog.typeEdit()->setText(QStringLiteral("5"));
        dialog.bytesEdit()->setPlainText(QStringLiteral("ping"));
        QVERIFY(dialog.sendButton()->isEnabled());
        dialog.formatCombo()->setCurrentIndex(
            dialog.formatCombo()->findData(SendMessageDialog::HexFormat));
        QCOMPARE(dialog.bytesEdit()->toPlainText(), QStringLiteral("70 69 6e 67"));
        dialog.bytesEdit()->setPlainText(QStringLiteral("de ad be ef 00"));
        QVERIFY(dialog.sendButton()->isEnabled());
        dialog.formatCombo()->setCurrentIndex(
            dialog.formatCombo()->findData(SendMessageDialog::TextFormat));
        QVERIFY2(dialog.validationMessage().contains(QLatin1String("not UTF-8")),
                 qPrintable(dialog.validationMessage()));
        QCOMPARE(dialog.formatCombo()->currentData().toInt(), int(SendMessageDialog::HexFormat));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }
    QVERIFY(queues->sendMessage(msqid, 9, bytes("second")));
    queues->refresh();
    QCOMPARE(cell(*queues->model(), msqid, QueueTableModel::MessagesColumn), QStringLiteral("2"));
    QCOMPARE(queues->messagesModel()->rowCount(), 2);

    // Receiving takes: first through the dialog, which says what the type means.
    {
        ReceiveMessageDialog dialog(msqid);
        dialog.typeEdit()->setText(QStringLiteral("x"));
        QVERIFY(!dialog.receiveButton()->isEnabled());
        QVERIFY(!dialog.validationMessage().isEmpty());
        dialog.typeEdit()->setText(QStringLiteral("0"));
        QVERIFY(dialog.receiveButton()->isEnabled());
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(dialog.received());
        QCOMPARE(*dialog.received(), (shm::Message{5, std::string("\xde\xad\xbe\xef\0", 5)}));
    }
    const auto second = queues->receiveMessage(msqid, 0);
    QVERIFY(second);
    QCOMPARE(*second, (shm::Message{9, "second"}));
    QVERIFY2(queues->lastMessage().contains(QLatin1String("type 9 with 6 bytes")),
             qPrintable(queues->lastMessage()));
    QCOMPARE(cell(*queues->model(), msqid, QueueTableModel::MessagesColumn), QStringLiteral("0"));
    QVERIFY(cell(*queues->model(), msqid, QueueTableModel::LastReceivePidColumn)
                .startsWith(QString::number(getpid())));

    // Nothing left: said, not waited for.
    QVERIFY(!queues->receiveMessage(msqid, 0));
    QVERIFY2(queues->lastMessage().contains(QLatin1String("no message of this type")),
             qPrintable(queues->lastMessage()));
    ReceiveMessageDialog empty(msqid);
    empty.accept();
    QCOMPARE(empty.result(), int(QDialog::Rejected)); // stays open
    QVERIFY2(empty.validationMessage().contains(QLatin1String("no message of this type")),
             qPrintable(empty.validationMessage()));
}

void TestQueueBrowser::receiveByType()
{
    const int msqid = make();
    QVERIFY(msqid >= 0);
    for (long type : {3L, 1L, 2L, 5L})
        QVERIFY(shm::sendMessage(msqid, type, std::to_string(type)).ok());
    // The dialog names the message a type would take, as msgrcv picks it.
    {
        auto peeked = shm::peekMessages(msqid);
        QVERIFY(peeked.ok());
        for (const auto &[type, index] : std::vector<std::pair<long, int>>{
                 {0, 0}, {2, 2}, {-4, 1}, {4, -1}, {-10, 1}, {5, 3}, {-0, 0}})
            QCOMPARE(ReceiveMessageDialog::indexTaken(*peeked, type), index);
        ReceiveMessageDialog dialog(msqid);
        dialog.setPeeked(*peeked);
        dialog.typeEdit()->setText(QStringLiteral("-2"));
        QVERIFY2(dialog.findChild<QLabel *>(QStringLiteral("meaning"))
                     ->text()
                     .contains(QLatin1String("message 1: type 1")),
                 qPrintable(dialog.findChild<QLabel *>(QStringLiteral("meaning"))->text()));
    }
    auto queues = browser();
    // > 0: the first of that type; < 0: the lowest type up to |type|; 0: the first.
    QCOMPARE(queues->receiveMessage(msqid, 2)->type, 2L);
    QCOMPARE(queues->receiveMessage(msqid, -4)->type, 1L);
    QVERIFY(!queues->receiveMessage(msqid, 4));
    QCOMPARE(queues->receiveMessage(msqid, 0)->type, 3L);
    QCOMPARE(queues->receiveMessage(msqid, -10)->bytes, std::string("5"));
    ReceiveMessageDialog dialog(msqid);
    dialog.typeEdit()->setText(QStringLiteral("-3"));
    QCOMPARE(dialog.type(), std::optional<long>(-3));
}

void TestQueueBrowser::fullQueueIsRefusedAtOnce()
{
    const int msqid = make();
    QVERIFY(msqid >= 0);
    auto queues = browser();
    QVERIFY(queues->selectQueue(msqid));
    QVERIFY(queues->changeMaxBytes(msqid, 16));
    QCOMPARE(cell(*queues->model(), msqid, QueueTableModel::MaxBytesColumn), QStringLiteral("16"));
    QVERIFY(queues->sendMessage(msqid, 1, bytes("0123456789")));
    // Not waited for (IPC_NOWAIT): refused with why.
    QVERIFY(!queues->sendMessage(msqid, 1, bytes("0123456789")));
    QVERIFY2(queues->lastMessage().contains(
                 QLatin1String("the queue is full: it holds 10 of its 16 bytes")),
             qPrintable(queues->lastMessage()));
    SendMessageDialog dialog(msqid);
    dialog.bytesEdit()->setPlainText(QStringLiteral("0123456789"));
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Rejected)); // stays open, with what was typed
    QVERIFY2(dialog.validationMessage().contains(QLatin1String("the queue is full")),
             qPrintable(dialog.validationMessage()));
    QCOMPARE(dialog.bytesEdit()->toPlainText(), QStringLiteral("0123456789"));
    QCOMPARE(shm::statQueue(msqid)->qnum, 1u);

    // msg_qbytes: the dialog says when raising it needs privilege.
    const std::uint64_t msgmnb = queueKernelLimit("msgmnb");
    QVERIFY(msgmnb > 0);
    auto info = shm::statQueue(msqid);
    QueueMaxBytesDialog maxBytes(msqid, &info.value());
    maxBytes.bytesEdit()->setText(QString::number(msgmnb + 1));
    QVERIFY(maxBytes.maxBytes());
    QVERIFY(maxBytes.findChild<QLabel *>(QStringLiteral("note"))
                ->text()
                .contains(QLatin1String("CAP_SYS_RESOURCE")));
    maxBytes.bytesEdit()->setText(QStringLiteral("-1"));
    QVERIFY(!maxBytes.maxBytes());
    QVERIFY(!maxBytes.validationMessage().isEmpty());
}

void TestQueueBrowser::vanishedQueueIsSaidPlainly()
{
    const int msqid = make();
    QVERIFY(msqid >= 0);
    auto queues = browser();
    QVERIFY(queues->selectQueue(msqid));
    QVERIFY(shm::removeQueue(msqid).ok()); // behind the browser's back
    const QString gone = QStringLiteral("Message queue %1 no longer exists").arg(msqid);
    QVERIFY(!queues->sendMessage(msqid, 1, bytes("x")));
    QVERIFY2(queues->lastMessage().startsWith(gone), qPrintable(queues->lastMessage()));
    QVERIFY(!queues->receiveMessage(msqid, 0));
    QVERIFY2(queues->lastMessage().startsWith(gone), qPrintable(queues->lastMessage()));
    QVERIFY(!queues->changeMode(msqid, 0644));
    QVERIFY2(queues->lastMessage().startsWith(gone), qPrintable(queues->lastMessage()));
    QCOMPARE(queues->model()->rowOfMsqid(msqid), -1); // the refresh after the failure
    // Nothing is selected then: not it, and not a neighbour nobody chose.
    QCOMPARE(queues->currentMsqid(), -1);
    QCOMPARE(queues->detailsText(), QStringLiteral("No queue selected."));
    QCOMPARE(queues->messagesModel()->rowCount(), 0);
}

void TestQueueBrowser::removeIsConfirmedAndWarnsOfEidrm()
{
    const int msqid = make();
    QVERIFY(msqid >= 0);
    QVERIFY(shm::sendMessage(msqid, 1, "a").ok());
    QVERIFY(shm::sendMessage(msqid, 1, "b").ok());
    auto queues = browser();
    queues->show();
    QVERIFY(queues->selectQueue(msqid));
    auto *remove = queues->findChild<QAction *>(QStringLiteral("actionRemoveQueue"));
    QVERIFY(remove && remove->isEnabled());
    remove->trigger();
    auto *box = queues->findChild<QMessageBox *>(QStringLiteral("confirmRemoveQueue"));
    QVERIFY(box);
    QVERIFY2(box->text().contains(QLatin1String("EIDRM")), qPrintable(box->text()));
    QVERIFY2(box->text().contains(QLatin1String("Its 2 messages are lost")), qPrintable(box->text()));
    QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
    box->button(QMessageBox::Cancel)->click();
    QVERIFY(shm::statQueue(msqid).ok()); // Cancel keeps it
    remove->trigger();
    box = queues->findChild<QMessageBox *>(QStringLiteral("confirmRemoveQueue"));
    QVERIFY(box);
    box->button(QMessageBox::Yes)->click();
    QCOMPARE(shm::statQueue(msqid).error().kind, shm::ErrorKind::Gone);
    QCOMPARE(queues->model()->rowOfMsqid(msqid), -1);
    QVERIFY(!remove->isEnabled());
}

void TestQueueBrowser::syscallLinesOfWaiters_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<int>("msqid");
    QTest::addColumn<bool>("waits");
    QTest::addColumn<bool>("sending");
    const QString rcv = QString::number(SYS_msgrcv);
    const QString snd = QString::number(SYS_msgsnd);
    QTest::newRow("msgrcv on it") << rcv + " 0x38005 0x7ffd1000 0x40 0x0 0x0 0x0 0x7ffd 0x7f12\n"
                                  << 0x38005 << true << false;
    QTest::newRow("msgsnd on it") << snd + " 0x38005 0x7ffd1000 0x40 0x0 0x0 0x0 0x7ffd 0x7f12"
                                  << 0x38005 << true << true;
    QTest::newRow("msgrcv on another") << rcv + " 0x38006 0x1 0x2 0x0 0x0 0x0 0x1 0x2" << 0x38005
                                       << false << false;
    QTest::newRow("another call") << "7 0x38005 0x1 0x2 0x0 0x0 0x0 0x1 0x2" << 0x38005 << false
                                  << false;
    QTest::newRow("running") << "running" << 0 << false << false;
    QTest::newRow("not in a call") << "-1 0x7ffd 0x7f12" << 0 << false << false;
    QTest::newRow("garbage") << rcv + " 0xzz" << 0 << false << false;
    QTest::newRow("empty") << "" << 0 << false << false;
    QTest::newRow("high bits of the argument") << rcv + " 0xffffffff00038005 0x1" << 0x38005
                                               << true << false;
}

void TestQueueBrowser::syscallLinesOfWaiters()
{
    QFETCH(QString, line);
    QFETCH(int, msqid);
    bool sending = false;
    QTEST(shm::parseQueueWait(line.toStdString(), msqid, &sending), "waits");
    QTEST(sending, "sending");
}

// A receiver blocked on an empty queue and a sender blocked on a full one: the confirmation
// names both, and removal wakes both with EIDRM (each reports its errno on a second queue).
void TestQueueBrowser::removalNamesWaitersAndWakesThem()
{
    const int msqid = make();
    const int reports = make();
    QVERIFY(msqid >= 0 && reports >= 0);
    const auto report = [reports](int error) {
        struct
        {
            long type;
            char text[1];
        } message{1, {char(error)}};
        msgsnd(reports, &message, 1, 0);
    };
    ChildProcess receiver([msqid, report] {
        struct
        {
            long type;
            char text[64];
        } buffer{};
        while (msgrcv(msqid, &buffer, sizeof buffer.text, 0, 0) < 0 && errno == EINTR) { }
        report(errno);
    });
    QTRY_COMPARE(shm::findQueueWaiters(msqid).waiters.size(), std::size_t(1));
    const shm::QueueWaiter waiting = shm::findQueueWaiters(msqid).waiters.front();
    QCOMPARE(waiting.pid, receiver.pid());
    QVERIFY(!waiting.sending);

    QVERIFY(shm::setQueueMaxBytes(msqid, 0).ok()); // no room: a sender waits
    ChildProcess sender([msqid, report] {
        struct
        {
            long type;
            char text[4];
        } message{1, {'f', 'u', 'l', 'l'}};
        while (msgsnd(msqid, &message, sizeof message.text, 0) < 0 && errno == EINTR) { }
        report(errno);
    });
    QTRY_COMPARE(shm::findQueueWaiters(msqid).waiters.size(), std::size_t(2));

    auto queues = browser();
    queues->show();
    QVERIFY(queues->selectQueue(msqid));
    queues->findChild<QAction *>(QStringLiteral("actionRemoveQueue"))->trigger();
    auto *box = queues->findChild<QMessageBox *>(QStringLiteral("confirmRemoveQueue"));
    QVERIFY(box);
    QVERIFY2(box->text().contains(QStringLiteral("%1 (").arg(receiver.pid()))
                 && box->text().contains(QLatin1String(") in msgrcv"))
                 && box->text().contains(QStringLiteral("%1 (").arg(sender.pid()))
                 && box->text().contains(QLatin1String(") in msgsnd")),
             qPrintable(box->text()));
    box->button(QMessageBox::Yes)->click();
    QVERIFY(receiver.waitReady());
    QVERIFY(sender.waitReady());
    for (int i = 0; i < 2; ++i) {
        auto woke = shm::receiveMessage(reports);
        QVERIFY(woke.ok());
        QCOMPARE(int(woke->bytes.at(0)), EIDRM);
    }
}

void TestQueueBrowser::controlDialogsServeQueues()
{
    const int msqid = make(0600);
    QVERIFY(msqid >= 0);
    auto queues = browser();
    queues->show();
    QVERIFY(queues->selectQueue(msqid));

    queues->findChild<QAction *>(QStringLiteral("actionQueueMode"))->trigger();
    auto *mode = queues->findChild<ModeDialog *>();
    QVERIFY(mode);
    QCOMPARE(mode->windowTitle(), QStringLiteral("Change mode of message queue %1").arg(msqid));
    QCOMPARE(mode->mode(), 0600u);
    mode->editor()->setMode(0640);
    mode->accept();
    QCOMPARE(shm::statQueue(msqid)->perms(), 0640u);
    QVERIFY(cell(*queues->model(), msqid, QueueTableModel::PermsColumn).endsWith("0640"));

    queues->findChild<QAction *>(QStringLiteral("actionQueueOwner"))->trigger();
    auto *owner = queues->findChild<OwnerDialog *>();
    QVERIFY(owner);
    QCOMPARE(owner->windowTitle(), QStringLiteral("Change owner of message queue %1").arg(msqid));
    owner->userEdit()->setText(QString::number(geteuid()));
    owner->groupEdit()->setText(QStringLiteral("12345"));
    owner->accept();
    QCOMPARE(shm::statQueue(msqid)->gid, gid_t(12345));
    QCOMPARE(cell(*queues->model(), msqid, QueueTableModel::GroupColumn), QStringLiteral("12345"));

    queues->findChild<QAction *>(QStringLiteral("actionQueueMaxBytes"))->trigger();
    auto *maxBytes = queues->findChild<QueueMaxBytesDialog *>();
    QVERIFY(maxBytes);
    maxBytes->bytesEdit()->setText(QStringLiteral("2048"));
    maxBytes->accept();
    QCOMPARE(shm::statQueue(msqid)->qbytes, 2048u);
    QCOMPARE(cell(*queues->model(), msqid, QueueTableModel::MaxBytesColumn),
             QStringLiteral("2048"));
}

void TestQueueBrowser::createDialogChecksInline()
{
    auto queues = browser();
    {
        CreateQueueDialog dialog;
        QVERIFY(dialog.createButton()->isEnabled()); // private, 0600
        dialog.keyKindCombo()->setCurrentIndex(
            dialog.keyKindCombo()->findData(CreateQueueDialog::ExplicitKey));
        QVERIFY(!dialog.createButton()->isEnabled());
        dialog.keyEdit()->setText(QStringLiteral("0xzz"));
        QVERIFY(!dialog.createButton()->isEnabled());
        QVERIFY2(dialog.validationMessage().startsWith(QLatin1String("Key: ")),
                 qPrintable(dialog.validationMessage()));
        dialog.keyKindCombo()->setCurrentIndex(
            dialog.keyKindCombo()->findData(CreateQueueDialog::PrivateKey));
        dialog.modeEditor()->octalEdit()->setText(QStringLiteral("0999"));
        emit dialog.modeEditor()->octalEdit()->textEdited(QStringLiteral("0999"));
        QVERIFY(!dialog.createButton()->isEnabled());
        dialog.modeEditor()->setMode(0620);
        QVERIFY(dialog.createButton()->isEnabled());
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(dialog.createdMsqid() >= 0);
        m_made.adopt(dialog.createdMsqid());
        QCOMPARE(shm::statQueue(dialog.createdMsqid())->perms(), 0620u);
        QCOMPARE(shm::statQueue(dialog.createdMsqid())->key, 0);
    }
    // A key of our own (the first free one from a fixed start), then that key again.
    key_t key = 0x51e0b000;
    while (msgget(key, 0) >= 0)
        ++key;
    CreateQueueDialog first;
    first.keyKindCombo()->setCurrentIndex(
        first.keyKindCombo()->findData(CreateQueueDialog::ExplicitKey));
    first.keyEdit()->setText(QString::fromStdString(shm::formatKey(key)));
    QVERIFY(first.createButton()->isEnabled());
    first.accept();
    QVERIFY(first.createdMsqid() >= 0);
    m_made.adopt(first.createdMsqid());
    CreateQueueDialog second;
    second.keyKindCombo()->setCurrentIndex(
        second.keyKindCombo()->findData(CreateQueueDialog::ExplicitKey));
    second.keyEdit()->setText(QString::fromStdString(shm::formatKey(key)));
    QVERIFY(!second.createButton()->isEnabled());
    QVERIFY2(second.validationMessage().contains(
                 QStringLiteral("already taken by message queue %1").arg(first.createdMsqid())),
             qPrintable(second.validationMessage()));
    second.exclusiveBox()->setChecked(false);
    QVERIFY(second.createButton()->isEnabled());
    queues->refresh();
    QVERIFY(queues->selectQueue(first.createdMsqid()));
}

void TestQueueBrowser::unprivilegedUserIsRefused()
{
    // Root makes a queue of mode 0600 that nobody may not touch; an unprivileged run makes one
    // of mode 0000, which even its owner may not read or write (only change or remove).
    const bool root = geteuid() == 0;
    const int msqid = make(root ? 0600 : 0000);
    QVERIFY(msqid >= 0);
    if (root)
        QVERIFY(shm::sendMessage(msqid, 1, "secret").ok());
    const QString id = QString::number(msqid);
    QStringList steps{"queues peek " + id, "queues send " + id + " 1 aa",
                      "queues receive " + id + " 0"};
    if (root)
        steps << "queues mode " + id + " 0666" << "queues remove " + id;
    const QList<StepReport> reports = runAsUnprivileged(steps, Helper::Widgets);
    QCOMPARE(reports.size(), steps.size());
    const QString mode = root ? QStringLiteral("rw------- (0600)") : QStringLiteral("--------- (0000)");
    for (const StepReport &report : reports) {
        QVERIFY2(!report.ok, qPrintable(report.summary()));
        QVERIFY2(report.text.contains(QLatin1String("Permission denied"))
                     || report.text.contains(QLatin1String("Operation not permitted")),
                 qPrintable(report.summary()));
        QVERIFY2(report.text.contains(QStringLiteral("the message queue has mode ") + mode),
                 qPrintable(report.summary()));
        QVERIFY2(report.text.contains(QStringLiteral("you are uid %1").arg(unprivilegedUid())),
                 qPrintable(report.summary()));
    }
    QVERIFY2(reports[0].text.startsWith(QLatin1String("Cannot peek at the messages")),
             qPrintable(reports[0].summary()));
    // Nothing changed (as /proc says: mode 0000 keeps even its owner from IPC_STAT).
    auto listed = shm::listQueuesFromProc();
    QVERIFY(listed.ok());
    const auto after = std::find_if(listed->begin(), listed->end(),
                                    [&](const shm::QueueInfo &q) { return q.msqid == msqid; });
    QVERIFY(after != listed->end());
    QCOMPARE(after->qnum, root ? 1u : 0u);
    QCOMPARE(after->perms(), root ? 0600u : 0000u);
}

// The main window's "Message queues" tab: its menu and actions live only while it is current, it
// is read when it comes on show and on the window's refresh, its successes reach the status bar.
void TestQueueBrowser::mainWindowTab()
{
    MainWindow window;
    QueueBrowser *tab = window.queues();
    QVERIFY(tab);
    QCOMPARE(window.tabs()->indexOf(tab), 2);
    QAction *remove = tab->findChild<QAction *>(QStringLiteral("actionRemoveQueue"));
    QVERIFY(remove);
    QVERIFY(!tab->menu()->menuAction()->isVisible());
    QVERIFY(!remove->isVisible());
    const int msqid = make();
    QVERIFY(msqid >= 0);
    window.refresh();
    QCOMPARE(tab->model()->rowOfMsqid(msqid), -1); // a hidden tab is not read
    window.tabs()->setCurrentWidget(tab);
    QVERIFY(tab->model()->rowOfMsqid(msqid) >= 0);
    QVERIFY(tab->menu()->menuAction()->isVisible());
    QVERIFY(remove->isVisible());
    QVERIFY(shm::sendMessage(msqid, 1, "x").ok());
    window.refresh();
    QCOMPARE(cell(*tab->model(), msqid, QueueTableModel::MessagesColumn), QStringLiteral("1"));
    QVERIFY(tab->selectQueue(msqid));
    QVERIFY(tab->changeMode(msqid, 0640));
    QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Change mode: done."));
    window.tabs()->setCurrentIndex(0);
    QVERIFY(!remove->isVisible());
}

QTEST_MAIN(TestQueueBrowser)
#include "tst_queuebrowser.moc"
