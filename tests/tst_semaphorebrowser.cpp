// The semaphore-set tab on real sets: the table model against the kernel (no reset, selection
// kept), values, last-semop pids and waiter counts with a child blocked in semop, removal that
// wakes a waiter with EIDRM (in a child and in the semop dialog), a blocking P from the dialog
// cancelled, SETVAL past SEMVMX refused with its sentence, the create dialog's checks, refusals
// as the unprivileged user, the main window's tabs and menus; and nothing left behind.

#include "support/asuser.h"
#include "support/madeids.h"
#include "support/testsegment.h"

#include "ui/browser/mainwindow.h"
#include "ui/browser/segmentfilterproxy.h"
#include "ui/browser/segmenttablemodel.h"
#include "ui/browser/semaphorebrowser.h"
#include "ui/browser/semaphoredetailswidget.h"
#include "ui/browser/semaphoredialogs.h"
#include "ui/browser/semaphoretablemodel.h"
#include "ui/browser/semaphorevaluesmodel.h"

#include "core/semaphores.h"
#include "core/semaphorewaiters.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QCheckBox>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include <cerrno>
#include <sys/sem.h>
#include <sys/syscall.h>
#include <unistd.h>

using namespace shmtest;

namespace {

shm::Semaphore semaphoreNow(int semid, int index)
{
    auto set = shm::readSemaphores(semid);
    if (!set || index >= int(set->semaphores.size()))
        return {-1, -1, -1, -1};
    return set->semaphores[size_t(index)];
}

bool setExists(int semid)
{
    return shm::statSemaphoreSet(semid).ok();
}

// A child blocked in semop(semid, {index, delta, 0}); the errno its semop ended with (0 when it
// went through) comes through a pipe.
class BlockedChild
{
public:
    BlockedChild(int semid, int index, int delta)
    {
        if (::pipe(m_pipe) != 0)
            m_pipe[0] = m_pipe[1] = -1;
        const int out = m_pipe[1];
        m_child = std::make_unique<ChildProcess>([semid, index, delta, out] {
            sembuf op{static_cast<unsigned short>(index), static_cast<short>(delta), 0};
            int result = 0;
            while ((result = ::semop(semid, &op, 1)) != 0 && errno == EINTR) { }
            const int saved = result == 0 ? 0 : errno;
            (void)!::write(out, &saved, sizeof saved);
        });
        ::close(m_pipe[1]);
        m_pipe[1] = -1;
    }
    ~BlockedChild()
    {
        m_child.reset();
        if (m_pipe[0] >= 0)
            ::close(m_pipe[0]);
    }
    pid_t pid() const { return m_child->pid(); }
    // The errno the child's semop ended with (0: done); -1 if it did not say (it died).
    int endedWith()
    {
        int saved = -1;
        if (m_child->waitReady() && ::read(m_pipe[0], &saved, sizeof saved) != sizeof saved)
            saved = -1;
        return saved;
    }

private:
    int m_pipe[2] = {-1, -1};
    std::unique_ptr<ChildProcess> m_child;
};

} // namespace

class TestSemaphoreBrowser : public QObject
{
    Q_OBJECT

private:
    shmtest::MadeIds m_made {[](int semid) { semctl(semid, 0, IPC_RMID); }};
    std::vector<int> m_everMade;
    int make(std::vector<int> values, unsigned mode = 0600)
    {
        shm::CreateSemaphoresRequest request;
        request.values = std::move(values);
        request.mode = mode;
        const int semid = m_made.keep(shm::createSemaphoreSet(request));
        if (semid >= 0)
            m_everMade.push_back(semid);
        return semid;
    }
    void adopt(int semid)
    {
        m_made.adopt(semid);
        m_everMade.push_back(semid);
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void cleanup() { m_made.removeAll(); }

    // The model agrees with the kernel, and follows it by inserting, changing and removing
    // rows, never resetting.
    void modelFollowsTheKernel()
    {
        SegmentTableModel names;
        SemaphoreTableModel model(&names);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        const int a = make({3, 0, 7}, 0640);
        const int b = make({1});
        QVERIFY(a >= 0 && b >= 0);
        model.merge(*shm::listSemaphoreSets());
        for (int semid : {a, b}) {
            const int row = model.rowOfSemid(semid);
            QVERIFY(row >= 0);
            const shm::SemaphoreSetInfo kernel = *shm::readSemaphores(semid);
            QCOMPARE(model.setAt(row).semaphores, kernel.semaphores);
            QCOMPARE(model.index(row, SemaphoreTableModel::NsemsColumn).data().toString(),
                     QString::number(kernel.nsems));
        }
        const int rowA = model.rowOfSemid(a);
        QCOMPARE(model.index(rowA, SemaphoreTableModel::ValuesColumn).data().toString(),
                 QStringLiteral("3, 0, 7"));
        QCOMPARE(model.index(rowA, SemaphoreTableModel::PermsColumn).data().toString(),
                 QStringLiteral("rw-r----- 0640"));
        QCOMPARE(model.index(rowA, SemaphoreTableModel::WaitersColumn).data().toString(),
                 QStringLiteral("none"));
        QCOMPARE(model.index(rowA, 0).data(SemaphoreTableModel::SemidRole).toInt(), a);

        // A change of ours is one row changed (other programs' sets may change too: count
        // only the signals that touch our row).
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QVERIFY(shm::setSemaphoreValue(a, 1, 5).ok());
        model.merge(*shm::listSemaphoreSets());
        const int rowNow = model.rowOfSemid(a);
        bool sawA = false;
        for (const QList<QVariant> &signal : changed)
            sawA = sawA
                   || (signal[0].value<QModelIndex>().row() <= rowNow
                       && signal[1].value<QModelIndex>().row() >= rowNow);
        QVERIFY(sawA);
        QCOMPARE(model.index(model.rowOfSemid(a), SemaphoreTableModel::ValuesColumn)
                     .data()
                     .toString(),
                 QStringLiteral("3, 5, 7"));

        QVERIFY(shm::removeSemaphoreSet(b).ok());
        model.merge(*shm::listSemaphoreSets());
        QCOMPARE(model.rowOfSemid(b), -1);
        QVERIFY(removed.count() >= 1);
        QCOMPARE(resets.count(), 0);
        // Nothing of ours changed: our rows are untouched by a merge.
        changed.clear();
        const shm::SemaphoreSetInfo before = model.setAt(model.rowOfSemid(a));
        model.merge(*shm::listSemaphoreSets());
        QCOMPARE(model.setAt(model.rowOfSemid(a)), before);
    }

    // The filter proxy is the segments' one, over the semaphore roles.
    void filterAndSelectionSurviveRefresh()
    {
        const int a = make({1, 2});
        const int b = make({4});
        QVERIFY(a >= 0 && b >= 0);
        SegmentTableModel names;
        SemaphoreBrowser tab(&names);
        QAbstractItemModelTester tester(tab.proxy(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(tab.selectSet(b));
        QCOMPARE(tab.currentSemid(), b);
        QVERIFY(shm::setSemaphoreValue(b, 0, 9).ok());
        tab.refresh();
        QCOMPARE(tab.currentSemid(), b);
        QCOMPARE(tab.details()->valuesModel()->semaphoreAt(0).value, 9);

        tab.filterEdit()->setText(QString::number(a));
        const QModelIndex shown = tab.proxy()->index(0, 0);
        bool foundA = false;
        for (int row = 0; row < tab.proxy()->rowCount(); ++row)
            foundA = foundA
                     || tab.proxy()->index(row, 0).data(SemaphoreTableModel::SemidRole).toInt() == a;
        QVERIFY(shown.isValid());
        QVERIFY(foundA);
        QVERIFY(tab.selectSet(b)); // clears the filter that hides it
        QCOMPARE(tab.filterEdit()->text(), QString());
        QCOMPARE(tab.currentSemid(), b);
    }

    // A child blocked in P counts in ncnt, named in the details; once V lets it through, the
    // last semop's pid is the child's. A child waiting for zero counts in zcnt.
    void valuesPidsAndWaitersWithABlockedChild()
    {
        const int semid = make({0, 1});
        QVERIFY(semid >= 0);
        SegmentTableModel names;
        SemaphoreBrowser tab(&names);
        QVERIFY(tab.selectSet(semid));
        SemaphoreValuesModel *values = tab.details()->valuesModel();
        QAbstractItemModelTester tester(values,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(values->rowCount(), 2);

        BlockedChild taker(semid, 0, -1);
        QTRY_COMPARE((tab.refresh(), values->semaphoreAt(0).ncnt), 1);
        // Rows are looked up each time: other programs' sets come and go meanwhile.
        const auto waiters = [&] {
            return tab.model()
                ->index(tab.model()->rowOfSemid(semid), SemaphoreTableModel::WaitersColumn)
                .data()
                .toString();
        };
        QCOMPARE(waiters(), QStringLiteral("1 waiting to take"));
        QCOMPARE(values->index(0, SemaphoreValuesModel::NcntColumn).data().toInt(), 1);
        QVERIFY2(tab.details()->waitersText().contains(QString::number(taker.pid())),
                 qPrintable(tab.details()->waitersText()));

        QVERIFY(shm::operateSemaphores(semid, {{0, +1, false, false}}).ok());
        QCOMPARE(taker.endedWith(), 0);
        tab.refresh();
        QCOMPARE(values->semaphoreAt(0).value, 0);
        QCOMPARE(values->semaphoreAt(0).ncnt, 0);
        QCOMPARE(values->semaphoreAt(0).pid, taker.pid());
        QVERIFY(values->index(0, SemaphoreValuesModel::PidColumn)
                    .data()
                    .toString()
                    .startsWith(QString::number(taker.pid()) + QLatin1String(" (")));

        BlockedChild zeroWaiter(semid, 1, 0);
        QTRY_COMPARE((tab.refresh(), values->semaphoreAt(1).zcnt), 1);
        QCOMPARE(values->index(1, SemaphoreValuesModel::ZcntColumn).data().toInt(), 1);
        QCOMPARE(waiters(), QStringLiteral("1 waiting for zero"));
        QVERIFY(tab.setValue(semid, 1, 0));
        QCOMPARE(zeroWaiter.endedWith(), 0);
        tab.refresh();
        QCOMPARE(values->semaphoreAt(1).zcnt, 0);
        QCOMPARE(values->semaphoreAt(1).pid, zeroWaiter.pid());
    }

    // The confirmation names the waiter and says what removal does to it; removal wakes it with
    // EIDRM.
    void removalWakesTheWaiterWithEidrm()
    {
        const int semid = make({0});
        QVERIFY(semid >= 0);
        SegmentTableModel names;
        SemaphoreBrowser tab(&names);
        BlockedChild waiter(semid, 0, -1);
        QTRY_COMPARE(semaphoreNow(semid, 0).ncnt, 1);
        tab.refresh();
        const QString text = tab.removalText({semid});
        QVERIFY2(text.contains(QStringLiteral("1 to take, 0 for zero")), qPrintable(text));
        QVERIFY2(text.contains(QString::number(waiter.pid())), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("EIDRM")), qPrintable(text));
        QCOMPARE(tab.removeSets({semid}), 1);
        QCOMPARE(waiter.endedWith(), EIDRM);
        QVERIFY(!setExists(semid));
        QCOMPARE(tab.model()->rowOfSemid(semid), -1);
        // Removing it again says plainly that it is gone.
        QCOMPARE(tab.removeSets({semid}), 0);
        QVERIFY2(tab.lastMessage().contains(QStringLiteral("no longer exists")),
                 qPrintable(tab.lastMessage()));
    }

    // A P from the dialog waits in a worker (the event loop runs meanwhile), then the set's
    // removal ends it with EIDRM, said so.
    void dialogWaiterWokenByRemoval()
    {
        const int semid = make({0});
        QVERIFY(semid >= 0);
        SegmentTableModel names;
        SemaphoreBrowser tab(&names);
        QVERIFY(tab.selectSet(semid));
        SemaphoreOperationDialog *dialog = tab.openOperationDialog();
        QVERIFY(dialog);
        QSignalSpy finished(dialog, &SemaphoreOperationDialog::operationFinished);
        QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
        QVERIFY(dialog->isWaiting());
        QVERIFY(dialog->cancelButton()->isVisible());
        QVERIFY(dialog->statusText().startsWith(QStringLiteral("Waiting")));
        QTRY_COMPARE(semaphoreNow(semid, 0).ncnt, 1);
        QCOMPARE(tab.removeSets({semid}), 1);
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished[0][0].toBool(), false);
        const QString text = finished[0][1].toString();
        QVERIFY2(text.contains(QStringLiteral("EIDRM")) && text.contains(QString::number(semid)),
                 qPrintable(text));
        QCOMPARE(dialog->statusText(), text);
        QVERIFY(!dialog->isWaiting());
        delete dialog;
    }

    // A blocking P is cancelled: nothing changes; then one that can proceed is done, and a V is.
    void blockingPFromTheDialogCancelled()
    {
        const int semid = make({0});
        QVERIFY(semid >= 0);
        SegmentTableModel names;
        SemaphoreBrowser tab(&names);
        QVERIFY(tab.selectSet(semid));
        SemaphoreOperationDialog *dialog = tab.openOperationDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->operation().delta, -1); // P of 1 by default
        dialog->undoBox()->setChecked(true);
        QSignalSpy finished(dialog, &SemaphoreOperationDialog::operationFinished);
        dialog->run();
        QVERIFY(dialog->isWaiting());
        QVERIFY(!dialog->runButton()->isEnabled());
        QTRY_COMPARE(semaphoreNow(semid, 0).ncnt, 1);
        // The GUI is live meanwhile: the tab refreshes and shows the worker waiting.
        tab.refresh();
        QCOMPARE(tab.details()->valuesModel()->semaphoreAt(0).ncnt, 1);
        QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished[0][0].toBool(), false);
        QVERIFY2(finished[0][1].toString().startsWith(QStringLiteral("Cancelled")),
                 qPrintable(finished[0][1].toString()));
        QCOMPARE(semaphoreNow(semid, 0), (shm::Semaphore{0, getpid(), 0, 0}));

        // V of 2, then P of 1: both done at once.
        dialog->operationCombo()->setCurrentIndex(SemaphoreOperationDialog::Give);
        dialog->amountSpin()->setValue(2);
        dialog->undoBox()->setChecked(false);
        dialog->run();
        QTRY_COMPARE(finished.count(), 2);
        QVERIFY2(finished[1][0].toBool(), qPrintable(finished[1][1].toString()));
        dialog->operationCombo()->setCurrentIndex(SemaphoreOperationDialog::Take);
        dialog->amountSpin()->setValue(1);
        dialog->run();
        QTRY_COMPARE(finished.count(), 3);
        QVERIFY2(finished[2][0].toBool(), qPrintable(finished[2][1].toString()));
        QCOMPARE(semaphoreNow(semid, 0).value, 1);
        // IPC_NOWAIT: a P of 5 is refused at once with EAGAIN's sentence.
        dialog->amountSpin()->setValue(5);
        dialog->noWaitBox()->setChecked(true);
        dialog->run();
        QTRY_COMPARE(finished.count(), 4);
        QCOMPARE(finished[3][0].toBool(), false);
        QVERIFY2(finished[3][1].toString().contains(QStringLiteral("IPC_NOWAIT")),
                 qPrintable(finished[3][1].toString()));
        // Closing the dialog while it waits cancels the wait.
        dialog->noWaitBox()->setChecked(false);
        dialog->run();
        QTRY_COMPARE(semaphoreNow(semid, 0).ncnt, 1);
        delete dialog;
        QTRY_COMPARE(semaphoreNow(semid, 0).ncnt, 0);
        QCOMPARE(semaphoreNow(semid, 0).value, 1);
    }

    // SETVAL past SEMVMX: refused inline by the dialog, and with the sentence by the call; a V
    // past it is the kernel's ERANGE, said so too.
    void valuePastSemvmxRefused()
    {
        const int semid = make({shm::SemaphoreValueMax, 0});
        QVERIFY(semid >= 0);
        SegmentTableModel names;
        SemaphoreBrowser tab(&names);
        QVERIFY(tab.selectSet(semid));
        const shm::SemaphoreSetInfo set = *shm::readSemaphores(semid);
        SemaphoreValuesDialog one(SemaphoreValuesDialog::SetOne, set, 1);
        QCOMPARE(one.valuesEdit()->text(), QStringLiteral("0"));
        one.valuesEdit()->setText(QStringLiteral("40000"));
        QVERIFY(!one.okButton()->isEnabled());
        QVERIFY2(one.validationMessage().contains(QStringLiteral("SEMVMX")),
                 qPrintable(one.validationMessage()));
        SemaphoreValuesDialog all(SemaphoreValuesDialog::SetAll, set, 0);
        QCOMPARE(all.valuesEdit()->text(), QStringLiteral("32767 0"));
        all.valuesEdit()->setText(QStringLiteral("1"));
        QVERIFY(!all.okButton()->isEnabled());
        QVERIFY2(all.validationMessage().contains(QStringLiteral("2 semaphores")),
                 qPrintable(all.validationMessage()));
        all.valuesEdit()->setText(QStringLiteral("1, 2"));
        QVERIFY(all.okButton()->isEnabled());

        QVERIFY(!tab.setValue(semid, 1, 40000));
        QVERIFY2(tab.lastMessage().contains(QStringLiteral("SEMVMX")), qPrintable(tab.lastMessage()));
        QCOMPARE(semaphoreNow(semid, 1).value, 0);
        QVERIFY(tab.setValues(semid, {shm::SemaphoreValueMax, 3}));
        QCOMPARE(semaphoreNow(semid, 1).value, 3);

        SemaphoreOperationDialog *dialog = tab.openOperationDialog();
        QVERIFY(dialog);
        QSignalSpy finished(dialog, &SemaphoreOperationDialog::operationFinished);
        dialog->operationCombo()->setCurrentIndex(SemaphoreOperationDialog::Give);
        dialog->run();
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished[0][0].toBool(), false);
        QVERIFY2(finished[0][1].toString().contains(QStringLiteral("SEMVMX")),
                 qPrintable(finished[0][1].toString()));
        delete dialog;
    }

    void createDialogChecksAndCreates()
    {
        CreateSemaphoreSetDialog dialog;
        dialog.countSpin()->setValue(3);
        dialog.valuesEdit()->setText(QStringLiteral("1 2"));
        QVERIFY(!dialog.createButton()->isEnabled());
        QVERIFY2(dialog.validationMessage().contains(QStringLiteral("2 values for 3")),
                 qPrintable(dialog.validationMessage()));
        dialog.valuesEdit()->setText(QStringLiteral("1 x 2"));
        QVERIFY(dialog.validationMessage().contains(QStringLiteral("\"x\" is not a number")));
        dialog.valuesEdit()->setText(QStringLiteral("1 -2 3"));
        QVERIFY(dialog.validationMessage().contains(QStringLiteral("SEMVMX")));
        dialog.keyKindCombo()->setCurrentIndex(CreateSemaphoreSetDialog::ExplicitKey);
        dialog.keyEdit()->setText(QStringLiteral("0xzz"));
        QVERIFY(dialog.validationMessage().contains(QStringLiteral("Key:")));
        dialog.keyKindCombo()->setCurrentIndex(CreateSemaphoreSetDialog::PrivateKey);
        dialog.valuesEdit()->setText(QStringLiteral("4"));
        QVERIFY(dialog.createButton()->isEnabled());
        QCOMPARE(dialog.request()->values, (std::vector<int>{4, 4, 4}));
        dialog.valuesEdit()->setText(QStringLiteral("1, 2, 3"));
        QVERIFY(dialog.createButton()->isEnabled());
        dialog.accept();
        const int semid = dialog.createdSemid();
        QVERIFY2(semid >= 0, qPrintable(dialog.validationMessage()));
        adopt(semid);
        const auto set = shm::readSemaphores(semid);
        QVERIFY(set.ok());
        QCOMPARE(set->nsems, 3u);
        QCOMPARE(set->perms(), 0600u);
        QCOMPARE(set->semaphores[2].value, 3);
    }

    // Mode and owner through the segments' dialogs' logic, on a set.
    void modeAndOwnerChanged()
    {
        const int semid = make({1});
        QVERIFY(semid >= 0);
        SegmentTableModel names;
        SemaphoreBrowser tab(&names);
        QCOMPARE(tab.changeMode({semid}, 0644), 1);
        QCOMPARE(shm::statSemaphoreSet(semid)->perms(), 0644u);
        QCOMPARE(tab.model()
                     ->index(tab.model()->rowOfSemid(semid), SemaphoreTableModel::PermsColumn)
                     .data()
                     .toString(),
                 QStringLiteral("rw-r--r-- 0644"));
        QCOMPARE(tab.changeOwner({semid}, geteuid(), getegid()), 1);
        QCOMPARE(tab.changeMode({semid}, 01000), 0); // not permission bits
        QVERIFY(!tab.lastMessage().isEmpty());
    }

    // The kernel's refusals, said in a sentence: as nobody when we are root (a set of root's),
    // else on a set of ours whose mode gives nobody anything (its owner included).
    void refusedWithoutPermission()
    {
        if (geteuid() == 0) {
            const int semid = make({1}, 0600);
            QVERIFY(semid >= 0);
            const QString id = QString::number(semid);
            const QList<StepReport> reports = runAsUnprivileged(
                {"semaphores setval " + id + " 0 5", "semaphores remove " + id,
                 "semaphores mode " + id + " 0666"},
                Helper::Widgets);
            QCOMPARE(unexpectedOutcomes(reports, {false, false, false}), QString());
            for (const StepReport &report : reports)
                QVERIFY2(report.text.contains(QStringLiteral("rw------- (0600)"))
                             && report.text.contains(QStringLiteral("you are uid 65534")),
                         qPrintable(report.summary()));
            QVERIFY2(reports[0].text.contains(QStringLiteral("Permission denied")),
                     qPrintable(reports[0].summary()));
            QVERIFY2(reports[1].text.contains(QStringLiteral("Operation not permitted")),
                     qPrintable(reports[1].summary()));
            QCOMPARE(semaphoreNow(semid, 0).value, 1);
            QVERIFY(setExists(semid));
        } else {
            const int semid = make({1}, 0600); // SETALL at creation needs the permission
            QVERIFY(semid >= 0);
            QVERIFY(shm::setSemaphoreSetMode(semid, 0000).ok());
            SegmentTableModel names;
            SemaphoreBrowser tab(&names);
            QVERIFY(!tab.setValue(semid, 0, 5));
            QVERIFY2(tab.lastMessage().contains(QStringLiteral("Permission denied")),
                     qPrintable(tab.lastMessage()));
            const int row = tab.model()->rowOfSemid(semid);
            QVERIFY(row >= 0);
            QVERIFY(tab.model()
                        ->index(row, SemaphoreTableModel::ValuesColumn)
                        .data()
                        .toString()
                        .startsWith(QStringLiteral("not readable")));
        }
    }

    // The main window: a tab a kind; each tab's menu and actions live only while it is current;
    // the window's refresh refreshes the semaphore tab too.
    void mainWindowTabsAndMenus()
    {
        MainWindow window;
        // Segments, semaphore sets, message queues, POSIX objects, memfds.
        QCOMPARE(window.tabs()->count(), 5);
        QCOMPARE(window.tabs()->currentIndex(), 0);
        SemaphoreBrowser *tab = window.semaphores();
        QVERIFY(tab);
        QAction *segmentRemove = window.findChild<QAction *>(QStringLiteral("actionRemove"));
        QAction *setRemove = tab->findChild<QAction *>(QStringLiteral("actionRemoveSemaphoreSet"));
        QVERIFY(segmentRemove && setRemove);
        QVERIFY(!tab->menu()->menuAction()->isVisible());
        QVERIFY(segmentRemove->isVisible());
        QVERIFY(!setRemove->isVisible());

        // A hidden tab is not read; it is when it comes on show, and on each refresh then.
        const int semid = make({2});
        QVERIFY(semid >= 0);
        window.refresh();
        QCOMPARE(tab->model()->rowOfSemid(semid), -1);
        window.tabs()->setCurrentWidget(tab);
        QVERIFY(tab->model()->rowOfSemid(semid) >= 0);
        QVERIFY(shm::setSemaphoreValue(semid, 0, 7).ok());
        window.refresh();
        QCOMPARE(tab->model()->setAt(tab->model()->rowOfSemid(semid)).semaphores[0].value, 7);

        QVERIFY(tab->menu()->menuAction()->isVisible());
        QVERIFY(!segmentRemove->isVisible());
        QVERIFY(setRemove->isVisible());
        QVERIFY(window.menuBar()->actions().contains(tab->menu()->menuAction()));
        window.tabs()->setCurrentIndex(0);
        QVERIFY(segmentRemove->isVisible());
        QVERIFY(!setRemove->isVisible());
    }

    // Who waits comes from /proc/PID/task/TID/syscall: the call's number, then its arguments.
    void syscallLinesOfWaiters_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<bool>("waits");
        const QString rest = QStringLiteral(" 0x7ffd5d8c 0x1 0x0 0x0 0x0 0x7ffd5d78 0x7f3a1b2c");
        const QString semop = QString::number(SYS_semop);
        QTest::newRow("semop on 5") << semop + " 0x5" + rest << true;
#ifdef SYS_semtimedop
        QTest::newRow("semtimedop on 5") << QString::number(SYS_semtimedop) + " 0x5" + rest << true;
#endif
        QTest::newRow("semop on 0x50") << semop + " 0x50" + rest << false;
        QTest::newRow("semid in the upper half of a register")
            << semop + " 0xffffffff00000005" + rest << true;
        QTest::newRow("another call") << QString::number(SYS_read) + " 0x5" + rest << false;
        QTest::newRow("running") << QStringLiteral("running") << false;
        QTest::newRow("not in a call") << QStringLiteral("-1 0x7ffd5d8c 0x7f3a1b2c") << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("no arguments") << semop << false;
        QTest::newRow("decimal argument") << semop + " 5" + rest << false;
    }

    void syscallLinesOfWaiters()
    {
        QFETCH(QString, line);
        QFETCH(bool, waits);
        QCOMPARE(shm::syscallWaitsOnSemaphoreSet(line.toStdString(), 5), waits);
    }

    void nothingLeftBehind()
    {
        cleanup();
        for (int semid : m_everMade)
            QVERIFY2(!setExists(semid), qPrintable(QString::number(semid)));
    }
};

QTEST_MAIN(TestSemaphoreBrowser)
#include "tst_semaphorebrowser.moc"
