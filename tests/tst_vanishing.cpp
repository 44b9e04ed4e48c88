// Vanishing and changing segments: what the app does when another process removes a segment
// between the listing and the action, changes its mode or owner while a view is open, or marks
// it for destruction under an open view. Each case must end with a plain message (or keep
// working, where the attachment keeps the memory alive) and leave the app usable: the table
// still matches the kernel and another segment can still be opened.
//
// "Another process" is a real one: every change behind the app's back is made by a helper
// program (support/asuser.h). Tests that need two users run their unprivileged half in the
// widgets' helper, as nobody when the suite runs as root and as the suite's user when it is
// unprivileged.

#include "support/actions.h"
#include "support/asuser.h"
#include "support/browsercheck.h"
#include "support/testsegment.h"
#include "ui/browser/controldialogs.h"
#include "ui/memory/findbar.h"
#include "ui/memory/hexview.h"
#include "ui/browser/mainwindow.h"
#include "ui/memory/memoryview.h"
#include "ui/memory/memorywindow.h"
#include "ui/browser/modeeditor.h"
#include "ui/browser/segmenttablemodel.h"

#include "core/segmentcontrol.h"
#include "core/segmentlist.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

#include <sys/shm.h>
#include <unistd.h>

using shmtest::Helper;
using shmtest::runAsUnprivileged;
using shmtest::StepReport;
using shmtest::tableMatchesKernel;
using shmtest::TestSegment;
using shmtest::trigger;
using shmtest::unexpectedOutcomes;

namespace {

bool exists(int shmid)
{
    return shm::statSegment(shmid).ok();
}

// True if `text` names every one of `parts`.
bool containsAll(const QString &text, std::initializer_list<const char *> parts)
{
    return std::all_of(parts.begin(), parts.end(),
                       [&](const char *part) { return text.contains(QLatin1String(part)); });
}

bool removeElsewhere(int shmid)
{
    const auto reports = shmtest::runInAnotherProcess({QStringLiteral("remove %1").arg(shmid)});
    return reports.size() == 1 && reports[0].ok;
}

QString vanishedText(int shmid)
{
    return QStringLiteral("Segment %1 no longer exists: it was removed by someone else.").arg(shmid);
}

// After a failure: the app still lists, selects and opens another segment.
void stillWorks(MainWindow &window)
{
    TestSegment other(4096);
    QVERIFY(other.isValid());
    QVERIFY(window.selectSegment(other.shmid()));
    QVERIFY2(window.openSegment(other.shmid(), shm::Access::ReadOnly),
             qPrintable(window.lastMessage()));
    for (MemoryWindow *w : window.findChildren<MemoryWindow *>())
        delete w;
    QVERIFY(tableMatchesKernel(window));
}

} // namespace

class TestVanishing : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void removedWhileActionIsAsked_data();
    void removedWhileActionIsAsked();
    void viewOnSegmentMarkedByAnotherProcess();
    void modeChangedWhileOpen();
    void ownerChangedWhileOpen();
    void unreadableSegmentIsListedButNotOpened();
    void readOnlyOfferedWhereWriteRefused();
};

void TestVanishing::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestVanishing::cleanup()
{
    for (QWidget *w : QApplication::topLevelWidgets())
        delete w;
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

void TestVanishing::removedWhileActionIsAsked_data()
{
    QTest::addColumn<QString>("action");
    QTest::newRow("remove, while its confirmation is shown") << "remove";
    QTest::newRow("change mode, while its dialog is shown") << "mode";
    QTest::newRow("change owner, while its dialog is shown") << "owner";
    QTest::newRow("lock, selected from an old listing") << "lock";
    QTest::newRow("unlock, selected from an old listing") << "unlock";
    QTest::newRow("open (Enter), selected from an old listing") << "open";
    QTest::newRow("open for editing, selected from an old listing") << "openReadWrite";
}

// The user picks a segment from the table and starts an action; before it runs, another
// process removes the segment.
void TestVanishing::removedWhileActionIsAsked()
{
    QFETCH(QString, action);
    TestSegment segment(4096, 0600);
    QVERIFY(segment.isValid());
    const int shmid = segment.shmid();
    MainWindow window;
    window.setPaused(true); // the listing the user acts on is the one on screen
    window.show();
    if (action == QLatin1String("unlock")) {
        if (!shm::setLocked(shmid, true))
            QSKIP("SHM_LOCK is refused to this user here (RLIMIT_MEMLOCK / CAP_IPC_LOCK)");
        window.refresh();
    }
    QVERIFY(window.selectSegment(shmid));

    if (action == QLatin1String("remove")) {
        trigger(window, "actionRemove");
        auto *box = window.findChild<QMessageBox *>(QStringLiteral("confirmRemove"));
        QVERIFY(box);
        QVERIFY(removeElsewhere(shmid));
        box->button(QMessageBox::Yes)->click();
    } else if (action == QLatin1String("mode")) {
        trigger(window, "actionChangeMode");
        auto *dialog = window.findChild<ModeDialog *>();
        QVERIFY(dialog);
        dialog->editor()->octalEdit()->setText(QStringLiteral("0640"));
        QVERIFY(removeElsewhere(shmid));
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    } else if (action == QLatin1String("owner")) {
        trigger(window, "actionChangeOwner");
        auto *dialog = window.findChild<OwnerDialog *>();
        QVERIFY(dialog);
        dialog->userEdit()->setText(QString::number(geteuid()));
        dialog->groupEdit()->setText(QString::number(getegid()));
        QVERIFY(removeElsewhere(shmid));
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    } else {
        QVERIFY(removeElsewhere(shmid));
        if (action == QLatin1String("lock"))
            trigger(window, "actionLock");
        else if (action == QLatin1String("unlock"))
            trigger(window, "actionUnlock");
        else if (action == QLatin1String("open"))
            trigger(window, "actionOpen");
        else
            trigger(window, "actionOpenReadWrite");
        QVERIFY(!window.findChild<MemoryWindow *>());
    }
    QCOMPARE(window.lastMessage(), vanishedText(shmid));
    QCOMPARE(window.model()->rowOfShmid(shmid), -1); // refreshed at once, even while paused
    QVERIFY(window.findChild<QMessageBox *>(QStringLiteral("messageBox")));
    QVERIFY(!exists(shmid));
    stillWorks(window);
}

// A view is open when another process marks the segment for destruction: the memory lives on
// through our attachment, the view says so and every action keeps working, including the
// switch to read-write (Linux lets a removed segment be attached by id while it lives) and an
// import; once the view closes, the segment is gone and the browser says so plainly.
void TestVanishing::viewOnSegmentMarkedByAnotherProcess()
{
    TestSegment segment(8192);
    QVERIFY(segment.isValid());
    const int shmid = segment.shmid();
    MainWindow browser;
    QVERIFY(browser.selectSegment(shmid));
    QVERIFY(browser.openSegment(shmid, shm::Access::ReadOnly));
    QPointer<MemoryWindow> window = browser.findChild<MemoryWindow *>();
    QVERIFY(window);
    MemoryView *view = window->memoryView();
    HexView *hex = view->hexView();
    hex->setLivePaused(true);
    hex->refreshNow();
    QVERIFY(view->segmentStatusText().isEmpty());

    QVERIFY(removeElsewhere(shmid));
    view->checkSegmentStatus();
    QVERIFY2(view->segmentStatusText().contains(QLatin1String("marked for destruction")),
             qPrintable(view->segmentStatusText()));
    browser.refresh();
    const int row = browser.model()->rowOfShmid(shmid);
    QVERIFY(row >= 0);
    QVERIFY(browser.model()->segmentAt(row).isMarkedForDestruction());

    // Another process still writes into it (attached by id before it goes); the view sees it.
    QCOMPARE(shmtest::writeInAnotherProcess(shmid, 100, "alive"), QString());
    QVERIFY(hex->refreshNow() > 0);
    QVERIFY(hex->hasChanged(100));

    // Find, export, switch to editing, import: all still work on the living memory.
    view->findBar()->setQuery(FindBar::Kind::Text, QStringLiteral("alive"));
    QVERIFY(view->findBar()->findNext());
    QTemporaryDir dir;
    QString error;
    const QString exported = dir.filePath(QStringLiteral("export.bin"));
    QVERIFY(view->exportToFile(exported, false));
    QFile file(exported);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll().mid(100, 5), QByteArray("alive"));
    QVERIFY(view->setEditable(true));
    QFile in(dir.filePath(QStringLiteral("import.bin")));
    QVERIFY(in.open(QIODevice::WriteOnly));
    in.write("imported");
    in.close();
    QVERIFY(view->importFromFile(in.fileName(), 200));
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(hex->source()->constData()) + 200, 8),
             QByteArray("imported"));
    view->checkSegmentStatus();
    QVERIFY(view->segmentStatusText().contains(QLatin1String("marked for destruction")));

    // Closing the last attachment destroys it; the browser then says plainly it is gone.
    window->close();
    QTRY_VERIFY(!window);
    QVERIFY(!exists(shmid));
    auto reopened = browser.openSegment(shmid, shm::Access::ReadOnly);
    QVERIFY(!reopened);
    QCOMPARE(reopened.error().kind, shm::ErrorKind::Gone);
    QCOMPARE(browser.lastMessage(), vanishedText(shmid));
    QCOMPARE(browser.model()->rowOfShmid(shmid), -1);
    stillWorks(browser);
}

// The owner takes write (then read) permission away while a read-only view is open: the view
// keeps showing the memory (permission is checked at attach time only), switching to editing is
// refused with a message naming the mode and the owner, and the view stays read-only and live.
// Run unprivileged: root bypasses the checks.
void TestVanishing::modeChangedWhileOpen()
{
    const QList<StepReport> r = runAsUnprivileged(
        {QStringLiteral("create 4096 0600"), QStringLiteral("view open @ ro"),
         QStringLiteral("other mode @ 0400"),
         QStringLiteral("view editable on"), // 3: write permission is gone: refused
         QStringLiteral("view access"),
         // No permission at all now: the open view still reads (live ticks, copy), editing is
         // still refused.
         QStringLiteral("other mode @ 0000"),
         QStringLiteral("view selected 0 4"), // 6
         QStringLiteral("view editable on"),
         // The browser lists it and refuses to open it, naming mode and owner.
         QStringLiteral("browser perms @"),
         QStringLiteral("browser open @ ro"), // 9
         // Permission back: editing works again in the same view.
         QStringLiteral("other mode @ 0600"), QStringLiteral("view editable on"),
         QStringLiteral("view access")}, // 12
        Helper::Widgets);
    QCOMPARE(
        unexpectedOutcomes(
            r, {true, true, true, false, true, true, true, false, true, false, true, true, true}),
        QString());
    QVERIFY2(containsAll(r[3].text, {"r--------", "0400", "owner"}),
             qPrintable(r[3].summary()));
    QCOMPARE(r[4].text, QStringLiteral("read-only"));
    QCOMPARE(r[6].text, QStringLiteral("00000000"));
    QCOMPARE(r[9].kind, QStringLiteral("PermissionDenied"));
    QVERIFY2(containsAll(r[9].text, {"---------", "owner"}), qPrintable(r[9].summary()));
    QCOMPARE(r[12].text, QStringLiteral("read-write"));
}

// The owner changes while a read-write view is open: the view keeps working (the mapping does
// not depend on the owner), the browser shows the new owner, and the view can re-attach since
// the creator keeps the owner's rights.
void TestVanishing::ownerChangedWhileOpen()
{
    const QList<StepReport> r = runAsUnprivileged(
        {QStringLiteral("create 4096 0600"), QStringLiteral("view open @ rw"),
         QStringLiteral("other owner @ 54321 54321"),
         QStringLiteral("stat @"), // 3
         // Typing still reaches the memory.
         QStringLiteral("view type 0 ab"),
         QStringLiteral("view bytes 0 1"), // 5
         QStringLiteral("view editable off"), QStringLiteral("view editable on"),
         QStringLiteral("browser owner @")}, // 8
        Helper::Widgets);
    QCOMPARE(unexpectedOutcomes(r, {true, true, true, true, true, true, true, true, true}),
             QString());
    QVERIFY2(r[3].text.contains(QStringLiteral(" uid 54321 "))
                 && r[3].text.contains(QStringLiteral(" cuid %1 ").arg(shmtest::unprivilegedUid())),
             qPrintable(r[3].summary()));
    QCOMPARE(r[5].text, QStringLiteral("ab"));
    QVERIFY2(r[8].text.contains(QLatin1String("54321")), qPrintable(r[8].summary()));
}

// Someone else's 0600 segment, seen by an unprivileged user: listed with its owner and mode;
// opening it fails with a message naming both; nothing else is affected.
void TestVanishing::unreadableSegmentIsListedButNotOpened()
{
    if (geteuid() != 0)
        QSKIP("needs root to make a segment that belongs to another user");
    TestSegment segment(4096, 0600);
    QVERIFY(segment.isValid());
    const int shmid = segment.shmid();
    const QList<StepReport> r
        = runAsUnprivileged({QStringLiteral("browser perms %1").arg(shmid),
                             QStringLiteral("browser open %1 ro").arg(shmid),
                             QStringLiteral("browser open %1 rw").arg(shmid), // 2
                             QStringLiteral("browser matches-kernel")},
                            Helper::Widgets);
    QCOMPARE(unexpectedOutcomes(r, {true, false, false, true}), QString());
    QCOMPARE(r[0].text, QStringLiteral("rw------- 0600"));
    QCOMPARE(r[1].kind, QStringLiteral("PermissionDenied"));
    QCOMPARE(r[2].kind, QStringLiteral("PermissionDenied"));
    const QString &message = r[2].text;
    QVERIFY2(containsAll(message, {"rw-------", "root", "0600"}), qPrintable(message));
    QVERIFY(exists(shmid));
}

// Open for editing a segment the user may read but not write: the refusal names mode and owner
// and offers to open it read-only, which then works. Run unprivileged (root may write anything).
void TestVanishing::readOnlyOfferedWhereWriteRefused()
{
    const QList<StepReport> r
        = runAsUnprivileged({QStringLiteral("create 4096 0400"), QStringLiteral("browser select @"),
                             QStringLiteral("browser open @ rw"), // 2
                             QStringLiteral("browser accept-read-only"),
                             // Where reading is refused too, nothing is offered.
                             QStringLiteral("mode @ 0000"), QStringLiteral("browser open @ rw"),
                             QStringLiteral("browser buttons")}, // 6
                            Helper::Widgets);
    QCOMPARE(unexpectedOutcomes(r, {true, true, false, true, true, false, true}), QString());
    QCOMPARE(r[2].kind, QStringLiteral("PermissionDenied"));
    QCOMPARE(r[5].kind, QStringLiteral("PermissionDenied"));
    QVERIFY2(containsAll(r[2].text, {"r--------", "owner"}), qPrintable(r[2].summary()));
    QCOMPARE(r[3].text, QStringLiteral("read-only"));
    QVERIFY2(!r[6].text.split(QLatin1Char('|')).contains(QLatin1String("Open Read-Only")),
             qPrintable(r[6].summary()));
}

QTEST_MAIN(TestVanishing)
#include "tst_vanishing.moc"
