// The browser's actions on real segments: remove (with its confirmation, one or several, one of
// them removed behind the app's back), change mode / owner, lock / unlock, open, refusals for an
// unprivileged user, selection kept across refreshes, details and attachers, keyboard.

#include "support/actions.h"
#include "support/asuser.h"
#include "support/english.h"
#include "support/testsegment.h"
#include "ui/browser/attachersmodel.h"
#include "ui/browser/controldialogs.h"
#include "ui/browser/mainwindow.h"
#include "ui/memory/memorywindow.h"
#include "ui/browser/modeeditor.h"
#include "ui/browser/segmentdetailswidget.h"
#include "ui/browser/segmentfilterproxy.h"
#include "ui/browser/segmenttablemodel.h"

#include "core/attachers.h"
#include "core/limits.h"
#include "core/segmentinfo.h"
#include "core/segmentcontrol.h"
#include "core/segmentlist.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <sys/shm.h>
#include <unistd.h>

using shmtest::TestSegment;
using shmtest::trigger;

namespace {

// A child process that keeps shmid attached until stopped.
std::unique_ptr<shmtest::ChildProcess> attachInChild(int shmid)
{
    auto child = std::make_unique<shmtest::ChildProcess>([shmid] {
        shmat(shmid, nullptr, SHM_RDONLY);
    });
    return child;
}

QMessageBox *confirmBox(MainWindow &window)
{
    return window.findChild<QMessageBox *>(QStringLiteral("confirmRemove"));
}

void selectAll(MainWindow &window, const QList<int> &shmids)
{
    QItemSelection selection;
    for (int shmid : shmids) {
        const QModelIndex index =
            window.proxy()->mapFromSource(window.model()->index(window.model()->rowOfShmid(shmid), 0));
        selection.select(index, index);
    }
    window.view()->selectionModel()->select(
        selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

bool exists(int shmid)
{
    return shm::statSegment(shmid).ok();
}

} // namespace

class TestBrowserActions : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void removeWithConfirmation_data();
    void removeWithConfirmation();
    void cancelKeepsSegment();
    void removeSeveralWithOneVanished();
    void changeModeThroughDialog();
    void changeOwnerThroughDialog();
    void ownerDialogNamesUnknownUser();
    void lockAndUnlock();
    void actionOnVanishedSegment_data();
    void actionOnVanishedSegment();
    void refusedForUnprivilegedUser_data();
    void refusedForUnprivilegedUser();
    void openShowsMemoryWindow();
    void selectionSurvivesRefresh();
    void selectClearsHidingFilter();
    void detailsFollowTheSelectionNotAHiddenRow();
    void detailsAndAttachers();
    void attachersModelFollowsRealAttachers();
    void scrollPositionSurvivesRefresh();
    void pauseAndRefreshNow();
    void settingsRemembered();
    void rootNote();
    void bytesOfPagesNeverWrap_data();
    void bytesOfPagesNeverWrap();
    void inUsePast2To64Bytes();
    void keyboard();
};

void TestBrowserActions::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // The texts checked are English, plurals and numbers too ("1 process", "4,096"), whatever
    // the runner's locale.
    QVERIFY(shmtest::speakEnglish());
}

void TestBrowserActions::removeWithConfirmation_data()
{
    QTest::addColumn<bool>("attached");
    QTest::addColumn<QString>("expectedText");
    QTest::newRow("detached: destroyed at once") << false << "destroyed at once";
    QTest::newRow("attached by another process: lives on") << true
                                                          << "still attached by one process";
}

void TestBrowserActions::removeWithConfirmation()
{
    QFETCH(bool, attached);
    QFETCH(QString, expectedText);
    TestSegment segment;
    QVERIFY(segment.isValid());
    std::unique_ptr<shmtest::ChildProcess> child;
    if (attached) {
        child = attachInChild(segment.shmid());
        QVERIFY(child->waitReady());
    }
    MainWindow window;
    QAbstractItemModelTester tester(window.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(window.selectSegment(segment.shmid()));
    trigger(window, "actionRemove");
    QMessageBox *box = confirmBox(window);
    QVERIFY(box);
    QVERIFY2(box->text().contains(expectedText), qPrintable(box->text()));
    box->button(QMessageBox::Yes)->click();

    const int row = window.model()->rowOfShmid(segment.shmid());
    if (attached) {
        auto stat = shm::statSegment(segment.shmid());
        QVERIFY(stat.ok());
        QVERIFY(stat->isMarkedForDestruction());
        QVERIFY(row >= 0);
        QVERIFY(window.model()->segmentAt(row).isMarkedForDestruction());
        QCOMPARE(window.model()
                     ->index(row, SegmentTableModel::StatusColumn)
                     .data()
                     .toString(),
                 QStringLiteral("dest"));
        child->stop();
        QVERIFY(!exists(segment.shmid())); // gone with the last detach
    } else {
        QVERIFY(!exists(segment.shmid()));
        QCOMPARE(row, -1);
    }
    QVERIFY(window.lastMessage().isEmpty());
}

void TestBrowserActions::cancelKeepsSegment()
{
    TestSegment segment;
    QVERIFY(segment.isValid());
    MainWindow window;
    QVERIFY(window.selectSegment(segment.shmid()));
    trigger(window, "actionRemove");
    QMessageBox *box = confirmBox(window);
    QVERIFY(box);
    box->button(QMessageBox::Cancel)->click();
    auto stat = shm::statSegment(segment.shmid());
    QVERIFY(stat.ok());
    QVERIFY(!stat->isMarkedForDestruction());
}

void TestBrowserActions::removeSeveralWithOneVanished()
{
    TestSegment a, b, c;
    QVERIFY(a.isValid() && b.isValid() && c.isValid());
    MainWindow window;
    selectAll(window, {a.shmid(), b.shmid(), c.shmid()});
    QCOMPARE(window.selectedShmids().size(), 3);
    trigger(window, "actionRemove");
    QMessageBox *box = confirmBox(window);
    QVERIFY(box);
    QVERIFY2(box->text().contains(QStringLiteral("3 segments")), qPrintable(box->text()));
    // Someone else removes b while the question is on screen.
    QVERIFY(shm::removeSegment(b.shmid()).ok());
    box->button(QMessageBox::Yes)->click();

    QVERIFY(!exists(a.shmid()));
    QVERIFY(!exists(c.shmid()));
    QVERIFY2(window.lastMessage().contains(QStringLiteral("1 of 3")),
             qPrintable(window.lastMessage()));
    QVERIFY2(window.lastMessage().contains(
                 QStringLiteral("Segment %1 no longer exists").arg(b.shmid())),
             qPrintable(window.lastMessage()));
    for (const TestSegment *s : {&a, &b, &c})
        QCOMPARE(window.model()->rowOfShmid(s->shmid()), -1);
}

void TestBrowserActions::changeModeThroughDialog()
{
    TestSegment segment(4096, 0600);
    QVERIFY(segment.isValid());
    MainWindow window;
    QVERIFY(window.selectSegment(segment.shmid()));
    trigger(window, "actionChangeMode");
    auto *dialog = window.findChild<ModeDialog *>();
    QVERIFY(dialog);
    QCOMPARE(dialog->mode(), 0600u);
    QLineEdit *octal = dialog->editor()->octalEdit();
    octal->selectAll();
    QTest::keyClicks(octal, QStringLiteral("0644"));
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    auto stat = shm::statSegment(segment.shmid());
    QVERIFY(stat.ok());
    QCOMPARE(stat->perms(), 0644u);
    const int row = window.model()->rowOfShmid(segment.shmid());
    QCOMPARE(window.model()->index(row, SegmentTableModel::PermsColumn).data().toString(),
             QStringLiteral("rw-r--r-- 0644"));
}

void TestBrowserActions::changeOwnerThroughDialog()
{
    TestSegment segment;
    QVERIFY(segment.isValid());
    MainWindow window;
    QVERIFY(window.selectSegment(segment.shmid()));
    trigger(window, "actionChangeOwner");
    auto *dialog = window.findChild<OwnerDialog *>();
    QVERIFY(dialog);
    dialog->userEdit()->setText(QString::number(shmtest::UnprivilegedUid));
    dialog->groupEdit()->setText(QString::number(shmtest::UnprivilegedGid));
    QVERIFY(dialog->validationMessage().isEmpty());
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    auto stat = shm::statSegment(segment.shmid());
    QVERIFY(stat.ok());
    QCOMPARE(stat->uid, shmtest::UnprivilegedUid);
    QCOMPARE(stat->gid, shmtest::UnprivilegedGid);
    QCOMPARE(stat->cuid, getuid()); // the creator is never changed
}

void TestBrowserActions::ownerDialogNamesUnknownUser()
{
    OwnerDialog dialog(1, QStringLiteral("root"), QStringLiteral("root"));
    QVERIFY(dialog.validationMessage().isEmpty());
    dialog.userEdit()->setText(QStringLiteral("no-such-user-shmscope"));
    QVERIFY(dialog.validationMessage().contains(QStringLiteral("no user")));
    QVERIFY(!dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
    dialog.userEdit()->setText(QStringLiteral("root"));
    dialog.groupEdit()->setText(QStringLiteral("4294967295"));
    QVERIFY(dialog.validationMessage().contains(QStringLiteral("no group")));
}

void TestBrowserActions::lockAndUnlock()
{
    TestSegment segment;
    QVERIFY(segment.isValid());
    MainWindow window;
    QVERIFY(window.selectSegment(segment.shmid()));
    trigger(window, "actionLock");
    auto stat = shm::statSegment(segment.shmid());
    QVERIFY(stat.ok());
    if (!stat->isLocked())
        QSKIP(qPrintable(QStringLiteral("SHM_LOCK refused here: ") + window.lastMessage()));
    const int row = window.model()->rowOfShmid(segment.shmid());
    QCOMPARE(window.model()->index(row, SegmentTableModel::StatusColumn).data().toString(),
             QStringLiteral("locked"));
    QVERIFY(!window.findChild<QAction *>(QStringLiteral("actionLock"))->isEnabled());
    trigger(window, "actionUnlock");
    stat = shm::statSegment(segment.shmid());
    QVERIFY(stat.ok());
    QVERIFY(!stat->isLocked());
}

void TestBrowserActions::actionOnVanishedSegment_data()
{
    QTest::addColumn<QString>("action");
    QTest::newRow("remove") << "remove";
    QTest::newRow("change mode") << "mode";
    QTest::newRow("change owner") << "owner";
    QTest::newRow("lock") << "lock";
    QTest::newRow("open") << "open";
}

void TestBrowserActions::actionOnVanishedSegment()
{
    QFETCH(QString, action);
    TestSegment segment;
    QVERIFY(segment.isValid());
    const int shmid = segment.shmid();
    MainWindow window;
    QVERIFY(window.selectSegment(shmid));
    QVERIFY(shm::removeSegment(shmid).ok()); // behind the app's back
    const QList<int> ids{shmid};
    if (action == QLatin1String("remove"))
        QCOMPARE(window.removeSegments(ids), 0);
    else if (action == QLatin1String("mode"))
        QCOMPARE(window.changeMode(ids, 0644), 0);
    else if (action == QLatin1String("owner"))
        QCOMPARE(window.changeOwner(ids, 0, 0), 0);
    else if (action == QLatin1String("lock"))
        QCOMPARE(window.setLocked(ids, true), 0);
    else
        QCOMPARE(window.openSegment(shmid, shm::Access::ReadOnly).error().kind,
                 shm::ErrorKind::Gone);
    QCOMPARE(window.lastMessage(),
             QStringLiteral("Segment %1 no longer exists: it was removed by someone else.")
                 .arg(shmid));
    QCOMPARE(window.model()->rowOfShmid(shmid), -1); // refreshed
    QVERIFY(window.findChild<QMessageBox *>(QStringLiteral("messageBox")));
}

void TestBrowserActions::refusedForUnprivilegedUser_data()
{
    QTest::addColumn<QString>("action");
    QTest::newRow("remove someone else's segment") << "remove";
    QTest::newRow("change mode of someone else's segment") << "mode";
    QTest::newRow("open a 0600 segment of someone else") << "open";
}

void TestBrowserActions::refusedForUnprivilegedUser()
{
    if (geteuid() != 0)
        QSKIP("needs root to make a segment that belongs to another user");
    QFETCH(QString, action);
    TestSegment segment(4096, 0600);
    QVERIFY(segment.isValid());
    const int shmid = segment.shmid();
    // The window lives in a helper that dropped to nobody: root would bypass every check.
    const QString id = QString::number(shmid);
    const QString step = action == QLatin1String("remove") ? QStringLiteral("browser remove ") + id
        : action == QLatin1String("mode") ? QStringLiteral("browser mode %1 0666").arg(id)
                                          : QStringLiteral("browser open %1 ro").arg(id);
    const QList<shmtest::StepReport> reports = shmtest::runAsUnprivileged(
        {step, QStringLiteral("browser perms ") + id}, shmtest::Helper::Widgets);
    QCOMPARE(reports.size(), 2);
    QVERIFY2(!reports[0].ok, qPrintable(reports[0].summary()));
    QVERIFY2(!reports[0].text.isEmpty()
                 && !reports[0].text.contains(QLatin1String("no longer exists")),
             qPrintable(reports[0].summary()));
    if (action == QLatin1String("open"))
        QCOMPARE(reports[0].kind, QStringLiteral("PermissionDenied"));
    QVERIFY2(reports[1].ok, qPrintable(reports[1].summary())); // still listed
    auto stat = shm::statSegment(shmid);
    QVERIFY(stat.ok());
    QCOMPARE(stat->perms(), 0600u);
    QVERIFY(!stat->isMarkedForDestruction());
}

void TestBrowserActions::openShowsMemoryWindow()
{
    TestSegment segment;
    QVERIFY(segment.isValid());
    MainWindow window;
    QVERIFY(window.selectSegment(segment.shmid()));
    trigger(window, "actionOpen");
    auto *memory = window.findChild<MemoryWindow *>();
    QVERIFY2(memory, qPrintable(window.lastMessage()));
    QVERIFY(memory->isVisible());
    auto stat = shm::statSegment(segment.shmid());
    QVERIFY(stat.ok());
    QCOMPARE(stat->nattch, 1u);
    // The browser says what the attach did to the segment, and its table already shows it.
    QVERIFY2(window.statusBar()->currentMessage().contains(QLatin1String("nattch")),
             qPrintable(window.statusBar()->currentMessage()));
    const QModelIndex nattch = window.model()->index(
        window.model()->rowOfShmid(segment.shmid()), SegmentTableModel::NattchColumn);
    QCOMPARE(nattch.data(Qt::DisplayRole).toString(), QStringLiteral("1"));
    QVERIFY(window.findChild<QAction *>(QStringLiteral("actionOpen"))
                ->statusTip()
                .contains(QLatin1String("atime")));
    auto *note = memory->findChild<QLabel *>(QStringLiteral("attachNote"));
    QVERIFY(note && note->isVisible());
    QVERIFY(note->text().contains(QLatin1String("nattch")));
    memory->close();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    stat = shm::statSegment(segment.shmid());
    QVERIFY(stat.ok());
    QCOMPARE(stat->nattch, 0u); // detached with its window
}

void TestBrowserActions::selectionSurvivesRefresh()
{
    TestSegment a(100), b(200);
    QVERIFY(a.isValid() && b.isValid());
    MainWindow window;
    window.show();
    window.view()->sortByColumn(SegmentTableModel::SizeColumn, Qt::DescendingOrder);
    QVERIFY(window.selectSegment(b.shmid()));
    QSignalSpy resets(window.proxy(), &QAbstractItemModel::modelReset);
    {
        // A bigger segment appears (sorted above b), and a change to a; then one goes away.
        TestSegment bigger(1 << 20);
        QVERIFY(bigger.isValid());
        QVERIFY(shm::setMode(a.shmid(), 0640).ok());
        window.refresh();
        QCOMPARE(window.currentShmid(), b.shmid());
        QCOMPARE(window.selectedShmids(), QList<int>{b.shmid()});
    }
    window.refresh();
    QCOMPARE(window.currentShmid(), b.shmid());
    QCOMPARE(window.selectedShmids(), QList<int>{b.shmid()});
    QCOMPARE(resets.count(), 0);
    QVERIFY(!window.selectSegment(-5));
}

void TestBrowserActions::selectClearsHidingFilter()
{
    TestSegment a, b(4096, 0600, shmtest::unusedKey());
    QVERIFY(a.isValid() && b.isValid());
    MainWindow window;
    const QString keyText = QStringLiteral("0x%1").arg(std::uint32_t(b.key()), 8, 16, QLatin1Char('0'));
    QTest::keyClicks(window.filterEdit(), keyText);
    QCOMPARE(window.proxy()->rowCount(), 1);
    QCOMPARE(window.proxy()->index(0, 0).data(SegmentTableModel::ShmidRole).toInt(), b.shmid());
    QVERIFY(window.selectSegment(a.shmid()));
    QVERIFY(window.filterEdit()->text().isEmpty());
    QCOMPARE(window.currentShmid(), a.shmid());
}

// The filter hides the selected row (the view moves its cursor to a neighbour that nobody
// selected), or the selection is cleared: the details panel says nothing is selected, and
// Remove and Open agree with it.
void TestBrowserActions::detailsFollowTheSelectionNotAHiddenRow()
{
    TestSegment a(4096, 0600, shmtest::unusedKey()), b(8192, 0600, shmtest::unusedKey());
    QVERIFY(a.isValid() && b.isValid());
    MainWindow window;
    window.show();
    const auto action = [&](const char *name) {
        return window.findChild<QAction *>(QLatin1String(name));
    };
    const auto nothingShown = [&] {
        QVERIFY(!window.details()->segment());
        QCOMPARE(window.currentShmid(), -1);
        QVERIFY(window.selectedShmids().isEmpty());
        for (const char *name : {"actionRemove", "actionOpen", "actionOpenReadWrite",
                                 "actionChangeMode", "actionCopy"})
            QVERIFY2(!action(name)->isEnabled(), name);
    };

    QVERIFY(window.selectSegment(a.shmid()));
    QCOMPARE(window.details()->segment()->shmid, a.shmid());
    QVERIFY(action("actionRemove")->isEnabled());

    // Filter on b's key: a goes out of the view.
    const QString keyText = QStringLiteral("0x%1").arg(std::uint32_t(b.key()), 8, 16, QLatin1Char('0'));
    QTest::keyClicks(window.filterEdit(), keyText);
    QCOMPARE(window.proxy()->rowCount(), 1);
    nothingShown();
    window.refresh();
    nothingShown();

    // Picking b shows b; clearing the selection (the cursor stays on b) shows nothing again.
    QVERIFY(window.selectSegment(b.shmid()));
    QCOMPARE(window.details()->segment()->shmid, b.shmid());
    QVERIFY(action("actionOpen")->isEnabled());
    window.view()->selectionModel()->clearSelection();
    QVERIFY(window.view()->currentIndex().isValid());
    nothingShown();
    window.refresh();
    nothingShown();
}

void TestBrowserActions::detailsAndAttachers()
{
    TestSegment segment(4096, 0640, shmtest::unusedKey());
    QVERIFY(segment.isValid());
    auto child = attachInChild(segment.shmid());
    QVERIFY(child->waitReady());
    MainWindow window;
    QAbstractItemModelTester attachersTester(
        window.details()->attachersModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(window.selectSegment(segment.shmid()));
    SegmentDetailsWidget *details = window.details();
    QVERIFY(details->fieldText(SegmentDetailsWidget::KeyField)
                .contains(QString::fromStdString(shm::formatKey(segment.key()))));
    QVERIFY(details->fieldText(SegmentDetailsWidget::ModeField)
                .contains(QStringLiteral("owner: read, write; group: read; other: none")));
    QVERIFY(details->fieldText(SegmentDetailsWidget::SizeField).contains(QStringLiteral("4,096")));
    AttachersModel *attachers = details->attachersModel();
    QCOMPARE(attachers->rowCount(), 1);
    QCOMPARE(attachers->index(0, AttachersModel::PidColumn).data().toInt(), int(child->pid()));
    QCOMPARE(attachers->index(0, AttachersModel::AccessColumn).data().toString(),
             QStringLiteral("read-only"));
    child->stop();
    window.refresh(); // nattch and dtime changed: the attachers are read again
    QCOMPARE(attachers->rowCount(), 0);
}

// The attachers model under QAbstractItemModelTester (attached before any data): real children
// attach and detach, and each reading of /proc is merged into the rows.
void TestBrowserActions::attachersModelFollowsRealAttachers()
{
    TestSegment segment(8192);
    QVERIFY(segment.isValid());
    const int shmid = segment.shmid();
    AttachersModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto pids = [&] {
        QList<int> list;
        for (int row = 0; row < model.rowCount(); ++row)
            list << model.index(row, AttachersModel::PidColumn).data().toInt();
        return list;
    };
    const auto sorted = [](QList<int> list) {
        std::sort(list.begin(), list.end()); // the rows are in pid order
        return list;
    };
    model.setAttachers(shm::findAttachers(shmid, segment.size()));
    QCOMPARE(model.rowCount(), 0);

    auto first = attachInChild(shmid);
    auto second = std::make_unique<shmtest::ChildProcess>([shmid] {
        shmat(shmid, nullptr, 0);
        shmat(shmid, nullptr, SHM_RDONLY); // the same segment twice: two rows
    });
    QVERIFY(first->waitReady() && second->waitReady());
    model.setAttachers(shm::findAttachers(shmid, segment.size()));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(pids(), sorted({first->pid(), second->pid(), second->pid()}));
    model.setAttachers(shm::findAttachers(shmid, segment.size())); // the same again: nothing changes
    QCOMPARE(model.rowCount(), 3);

    first->stop();
    auto third = attachInChild(shmid);
    QVERIFY(third->waitReady());
    model.setAttachers(shm::findAttachers(shmid, segment.size())); // one row goes, one comes
    QCOMPARE(pids(), sorted({second->pid(), second->pid(), third->pid()}));
    second->stop();
    third->stop();
    model.setAttachers(shm::findAttachers(shmid, segment.size()));
    QCOMPARE(model.rowCount(), 0);
}

void TestBrowserActions::scrollPositionSurvivesRefresh()
{
    // Enough segments to scroll; newest first, so new segments arrive above the viewport.
    std::vector<std::unique_ptr<TestSegment>> segments;
    for (int i = 0; i < 80; ++i) {
        segments.push_back(std::make_unique<TestSegment>(64));
        QVERIFY(segments.back()->isValid());
    }
    MainWindow window;
    window.resize(1000, 600);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.view()->sortByColumn(SegmentTableModel::ShmidColumn, Qt::DescendingOrder);
    const int topShmid = segments[30]->shmid();
    const auto proxyIndexOf = [&](int shmid) {
        return window.proxy()->mapFromSource(
            window.model()->index(window.model()->rowOfShmid(shmid), 0));
    };
    window.view()->scrollTo(proxyIndexOf(topShmid), QAbstractItemView::PositionAtTop);
    QCOMPARE(window.view()->indexAt(QPoint(0, 0)).data(SegmentTableModel::ShmidRole).toInt(),
             topShmid);
    QVERIFY(window.selectSegment(segments[27]->shmid())); // visible, below the top row
    QCOMPARE(window.view()->indexAt(QPoint(0, 0)).data(SegmentTableModel::ShmidRole).toInt(),
             topShmid);

    TestSegment newer1(64), newer2(64);
    QVERIFY(newer1.isValid() && newer2.isValid());
    segments[70].reset(); // one above the viewport goes away too
    window.refresh();
    QCOMPARE(window.view()->indexAt(QPoint(0, 0)).data(SegmentTableModel::ShmidRole).toInt(),
             topShmid);
    QCOMPARE(window.currentShmid(), segments[27]->shmid());
}

void TestBrowserActions::pauseAndRefreshNow()
{
    MainWindow window;
    auto *timer = window.findChild<QTimer *>();
    QVERIFY(timer);
    QVERIFY(timer->isActive());
    QCOMPARE(timer->interval(), 1000);
    window.setRefreshInterval(2500);
    QCOMPARE(timer->interval(), 2500);
    trigger(window, "actionPause");
    QVERIFY(!timer->isActive());
    QVERIFY(window.changesText().contains(QStringLiteral("paused")));
    TestSegment segment;
    QVERIFY(segment.isValid());
    QCOMPARE(window.model()->rowOfShmid(segment.shmid()), -1);
    trigger(window, "actionRefresh"); // F5 still refreshes once
    QVERIFY(window.model()->rowOfShmid(segment.shmid()) >= 0);
    trigger(window, "actionPause");
    QVERIFY(timer->isActive());
}

void TestBrowserActions::settingsRemembered()
{
    QSettings().remove(QStringLiteral("browser"));
    {
        MainWindow window;
        window.show();
        QHeaderView *header = window.view()->horizontalHeader();
        header->setSectionHidden(SegmentTableModel::GroupColumn, true);
        header->moveSection(header->visualIndex(SegmentTableModel::SizeColumn), 0);
        window.setRefreshInterval(3000);
        window.close();
    }
    MainWindow again;
    QHeaderView *header = again.view()->horizontalHeader();
    QVERIFY(header->isSectionHidden(SegmentTableModel::GroupColumn));
    QCOMPARE(header->visualIndex(SegmentTableModel::SizeColumn), 0);
    QCOMPARE(again.findChild<QTimer *>()->interval(), 3000);
    QSettings().remove(QStringLiteral("browser"));
}

void TestBrowserActions::bytesOfPagesNeverWrap_data()
{
    QTest::addColumn<quint64>("pages");
    QTest::addColumn<quint64>("pageSize");
    QTest::addColumn<bool>("fits");
    QTest::addColumn<quint64>("bytes");
    QTest::newRow("none") << quint64(0) << quint64(4096) << true << quint64(0);
    QTest::newRow("one page") << quint64(1) << quint64(4096) << true << quint64(4096);
    QTest::newRow("last that fits") << (quint64(1) << 52) - 1 << quint64(4096) << true
                                    << quint64(0) - 4096;
    QTest::newRow("2^64 bytes") << (quint64(1) << 52) << quint64(4096) << false << quint64(0);
    QTest::newRow("five 2^62-byte segments") << (quint64(5) << 50) << quint64(4096) << false
                                             << quint64(0);
    QTest::newRow("every page") << ~quint64(0) << quint64(65536) << false << quint64(0);
}

void TestBrowserActions::bytesOfPagesNeverWrap()
{
    QFETCH(quint64, pages);
    QFETCH(quint64, pageSize);
    QFETCH(bool, fits);
    QFETCH(quint64, bytes);
    const auto got = MainWindow::bytesOfPages(pages, pageSize);
    QCOMPARE(got.has_value(), fits);
    if (fits) {
        QCOMPARE(quint64(*got), bytes);
        QCOMPARE(MainWindow::sizeOfPagesText(pages, pageSize),
                 QString::fromStdString(shm::humanSize(bytes)));
    } else {
        QCOMPARE(MainWindow::sizeOfPagesText(pages, pageSize), QStringLiteral("more than 16 EiB"));
    }
}

// Real SHM_NORESERVE segments whose sizes add up past 2^64 bytes (nothing is allocated until
// touched): the status bar says more than 16 EiB, not a wrapped small figure.
void TestBrowserActions::inUsePast2To64Bytes()
{
    constexpr std::uint64_t Size = std::uint64_t(1) << 62;
    constexpr int Count = 5;
    auto limits = shm::readLimits();
    QVERIFY(limits.ok());
    if (limits->shmmax < Size)
        QSKIP(qPrintable(QStringLiteral("SHMMAX is %1, below 2^62").arg(qulonglong(limits->shmmax))));
    auto usage = shm::readUsage();
    QVERIFY(usage.ok());
    const std::uint64_t needPages = Count * (Size / shm::pageSize());
    if (limits->shmall < usage->totalPages || limits->shmall - usage->totalPages < needPages)
        QSKIP(qPrintable(QStringLiteral("SHMALL is %1 pages, below the %2 pages needed")
                             .arg(qulonglong(limits->shmall))
                             .arg(qulonglong(needPages))));
    std::vector<int> made;
    auto removeThem = qScopeGuard([&] {
        for (int shmid : made)
            shmctl(shmid, IPC_RMID, nullptr);
    });
    for (int i = 0; i < Count; ++i) {
        const int shmid = shmget(IPC_PRIVATE, Size, IPC_CREAT | SHM_NORESERVE | 0600);
        if (shmid < 0)
            QSKIP(qPrintable(QStringLiteral("the kernel refuses a 2^62-byte SHM_NORESERVE "
                                            "segment: %1")
                                 .arg(QString::fromLocal8Bit(std::strerror(errno)))));
        made.push_back(shmid);
    }
    usage = shm::readUsage();
    QVERIFY(usage.ok());
    QVERIFY(!MainWindow::bytesOfPages(usage->totalPages, shm::pageSize()));
    MainWindow window;
    window.refresh();
    QVERIFY2(window.limitsText().contains(QStringLiteral("more than 16 EiB in use")),
             qPrintable(window.limitsText()));
}

void TestBrowserActions::rootNote()
{
    MainWindow window;
    auto *note = window.findChild<QLabel *>(QStringLiteral("rootNote"));
    if (geteuid() == 0) {
        QVERIFY(note);
        QVERIFY(note->text().contains(QStringLiteral("permission checks are bypassed")));
    } else {
        QVERIFY(!note);
    }
}

void TestBrowserActions::keyboard()
{
    TestSegment segment;
    QVERIFY(segment.isValid());
    MainWindow window;
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(window.selectSegment(segment.shmid()));
    window.view()->setFocus();

    QTest::keyClick(window.view(), Qt::Key_F, Qt::ControlModifier);
    QVERIFY(window.filterEdit()->hasFocus());
    QTest::keyClicks(window.filterEdit(), QStringLiteral("no-such-thing"));
    QCOMPARE(window.proxy()->rowCount(), 0);
    QTest::keyClick(window.filterEdit(), Qt::Key_Escape);
    QVERIFY(window.filterEdit()->text().isEmpty());
    QVERIFY(window.view()->hasFocus());

    QVERIFY(window.selectSegment(segment.shmid()));
    QTest::keyClick(window.view(), Qt::Key_Delete);
    QMessageBox *box = confirmBox(window);
    QVERIFY(box);
    box->button(QMessageBox::Cancel)->click();
    QVERIFY(exists(segment.shmid()));

    // Return opens the memory view read-only; Shift+Return read-write.
    QTest::keyClick(window.view(), Qt::Key_Return);
    auto *memory = window.findChild<MemoryWindow *>();
    QVERIFY2(memory, qPrintable(window.lastMessage()));
    QVERIFY(memory->isVisible());
    memory->close();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QVERIFY(!window.findChild<MemoryWindow *>());
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.view()->setFocus();
    QTest::keyClick(window.view(), Qt::Key_Return, Qt::ShiftModifier);
    memory = window.findChild<MemoryWindow *>();
    QVERIFY2(memory, qPrintable(window.lastMessage()));
    auto stat = shm::statSegment(segment.shmid());
    QVERIFY(stat.ok());
    QCOMPARE(stat->nattch, 1u);
    memory->close();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

QTEST_MAIN(TestBrowserActions)
#include "tst_browseractions.moc"
