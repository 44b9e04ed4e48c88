// Vanishing and changing segments: what the app does when another process removes a segment
// between the listing and the action, changes its mode or owner while a view is open, or marks
// it for destruction under an open view. Each case must end with a plain message (or keep
// working, where the attachment keeps the memory alive) and leave the app usable: the table
// still matches the kernel and another segment can still be opened.
//
// "Another process" is a real one: every change behind the app's back is made by a forked
// child. Tests that need two users drop to nobody in a child when run as root, and run the
// unprivileged half directly when the suite itself runs unprivileged.

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

#include <cstring>
#include <sys/shm.h>
#include <unistd.h>

using shmtest::TestSegment;

namespace {

bool exists(int shmid)
{
    return shm::statSegment(shmid).ok();
}

// Another process runs fn (as the same user); true when it returned 0.
bool inAnotherProcess(const std::function<int()> &fn)
{
    return shmtest::runInChild(fn) == 0;
}

bool removeElsewhere(int shmid)
{
    return inAnotherProcess([shmid] { return shmctl(shmid, IPC_RMID, nullptr) == 0 ? 0 : 1; });
}

// Runs fn as an unprivileged user: directly when we are not root, else in a child that drops to
// nobody. Returns fn's result (0 = passed), 125 when the drop failed.
int asUnprivileged(const std::function<int()> &fn)
{
    if (geteuid() != 0)
        return fn();
    return shmtest::runInChild(fn, shmtest::UnprivilegedUid, shmtest::UnprivilegedGid);
}

void trigger(QWidget &window, const char *name)
{
    QAction *action = window.findChild<QAction *>(QLatin1String(name));
    QVERIFY2(action, name);
    QVERIFY2(action->isEnabled(), name);
    action->trigger();
}

QString vanishedText(int shmid)
{
    return QStringLiteral("Segment %1 no longer exists: it was removed by someone else.").arg(shmid);
}

// The table lists exactly the kernel's segments. Other test programs may be making segments at
// the same time, so the refresh is judged between two identical listings.
bool tableMatchesKernel(MainWindow &window)
{
    for (int attempt = 0; attempt < 100; ++attempt) {
        auto before = shm::listSegments();
        window.refresh();
        auto after = shm::listSegments();
        if (before && after && *before == *after)
            return window.model()->segments() == *after;
    }
    return false;
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
    QVERIFY(inAnotherProcess([shmid] {
        auto a = shm::Attachment::attach(shmid, shm::Access::ReadWrite);
        if (!a)
            return 1;
        std::memcpy(a->writableData() + 100, "alive", 5);
        return 0;
    }));
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
    QVERIFY2(view->setEditable(true, &error), qPrintable(error));
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
    QVERIFY(!browser.openSegment(shmid, shm::Access::ReadOnly));
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
    const int status = asUnprivileged([] {
        TestSegment segment(4096, 0600);
        if (!segment.isValid())
            return 10;
        const int shmid = segment.shmid();
        auto attached = shm::Attachment::attach(shmid, shm::Access::ReadOnly);
        if (!attached)
            return 11;
        MemoryView view(std::move(attached.value()));
        view.hexView()->setLivePaused(true);
        if (!inAnotherProcess([shmid] { return shm::setMode(shmid, 0400) ? 0 : 1; }))
            return 12;
        QString error;
        if (view.setEditable(true, &error))
            return 13; // write permission is gone: must be refused
        if (!error.contains(QLatin1String("r--------")) || !error.contains(QLatin1String("0400"))
            || !error.contains(QLatin1String("owner")))
            return 14;
        if (!view.isReadOnly())
            return 15;
        // No permission at all now: the open view still reads (live ticks, copy), editing is
        // still refused.
        if (!inAnotherProcess([shmid] { return shm::setMode(shmid, 0000) ? 0 : 1; }))
            return 16;
        view.hexView()->refreshNow();
        view.hexView()->setSelection(0, 4);
        if (view.hexView()->selectedBytes() != QByteArray(4, '\0'))
            return 17;
        if (view.setEditable(true, &error))
            return 24;
        // The browser lists it and refuses to open it, naming mode and owner.
        MainWindow window;
        window.refresh();
        if (window.model()->rowOfShmid(shmid) < 0)
            return 18;
        if (window.openSegment(shmid, shm::Access::ReadOnly))
            return 19;
        if (!window.lastMessage().contains(QLatin1String("---------"))
            || !window.lastMessage().contains(QLatin1String("owner")))
            return 20;
        // Permission back: editing works again in the same view.
        if (!inAnotherProcess([shmid] { return shm::setMode(shmid, 0600) ? 0 : 1; }))
            return 21;
        if (!view.setEditable(true, &error))
            return 22;
        return view.isReadOnly() ? 23 : 0;
    });
    QCOMPARE(status, 0);
}

// The owner changes while a read-write view is open: the view keeps working (the mapping does
// not depend on the owner), the browser shows the new owner, and the view can re-attach since
// the creator keeps the owner's rights.
void TestVanishing::ownerChangedWhileOpen()
{
    const int status = asUnprivileged([] {
        TestSegment segment(4096, 0600);
        if (!segment.isValid())
            return 10;
        const int shmid = segment.shmid();
        auto attached = shm::Attachment::attach(shmid, shm::Access::ReadWrite);
        if (!attached)
            return 11;
        MemoryView view(std::move(attached.value()));
        view.hexView()->setLivePaused(true);
        const uid_t newUid = 54321;
        const gid_t newGid = 54321;
        if (!inAnotherProcess([=] { return shm::setOwner(shmid, newUid, newGid) ? 0 : 1; }))
            return 12;
        auto stat = shm::statSegment(shmid);
        if (!stat || stat->uid != newUid || stat->cuid != geteuid())
            return 13;
        // Typing still reaches the memory.
        view.hexView()->setFocus();
        view.hexView()->setCursorOffset(0);
        QTest::keyClicks(view.hexView(), "ab");
        if (std::to_integer<int>(view.hexView()->source()->constData()[0]) != 0xab)
            return 14;
        QString error;
        if (!view.setEditable(false, &error) || !view.setEditable(true, &error))
            return 15;
        MainWindow window;
        window.refresh();
        const int row = window.model()->rowOfShmid(shmid);
        if (row < 0)
            return 16;
        const QString owner =
            window.model()->index(row, SegmentTableModel::OwnerColumn).data().toString();
        if (!owner.contains(QString::number(newUid)))
            return 17;
        return 0;
    });
    QCOMPARE(status, 0);
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
    const int status = asUnprivileged([shmid] {
        MainWindow window;
        window.refresh();
        const int row = window.model()->rowOfShmid(shmid);
        if (row < 0)
            return 1;
        if (window.model()->index(row, SegmentTableModel::PermsColumn).data().toString()
            != QLatin1String("rw------- 0600"))
            return 2;
        if (window.openSegment(shmid, shm::Access::ReadOnly)
            || window.openSegment(shmid, shm::Access::ReadWrite))
            return 3;
        const QString message = window.lastMessage();
        if (!message.contains(QLatin1String("rw-------")) || !message.contains(QLatin1String("root"))
            || !message.contains(QLatin1String("0600")))
            return 4;
        return tableMatchesKernel(window) ? 0 : 5;
    });
    QCOMPARE(status, 0);
    QVERIFY(exists(shmid));
}

// Open for editing a segment the user may read but not write: the refusal names mode and owner
// and offers to open it read-only, which then works. Run unprivileged (root may write anything).
void TestVanishing::readOnlyOfferedWhereWriteRefused()
{
    const int status = asUnprivileged([] {
        TestSegment segment(4096, 0400);
        if (!segment.isValid())
            return 10;
        const int shmid = segment.shmid();
        MainWindow window;
        if (!window.selectSegment(shmid))
            return 11;
        if (window.openSegment(shmid, shm::Access::ReadWrite))
            return 12;
        if (!window.lastMessage().contains(QLatin1String("r--------"))
            || !window.lastMessage().contains(QLatin1String("owner")))
            return 13;
        QMessageBox *box = window.findChild<QMessageBox *>(QStringLiteral("messageBox"));
        if (!box)
            return 14;
        QAbstractButton *readOnly = nullptr;
        for (QAbstractButton *button : box->buttons()) {
            if (button->text().remove(QLatin1Char('&')) == QLatin1String("Open Read-Only"))
                readOnly = button;
        }
        if (!readOnly)
            return 15;
        readOnly->click();
        MemoryWindow *memory = window.findChild<MemoryWindow *>();
        if (!memory || !memory->memoryView()->isReadOnly())
            return 16;
        delete memory;
        // Where reading is refused too, nothing is offered.
        if (!shm::setMode(shmid, 0000))
            return 17;
        for (QMessageBox *old : window.findChildren<QMessageBox *>())
            delete old;
        if (window.openSegment(shmid, shm::Access::ReadWrite))
            return 18;
        box = window.findChild<QMessageBox *>(QStringLiteral("messageBox"));
        if (!box)
            return 19;
        for (QAbstractButton *button : box->buttons()) {
            if (button->text().remove(QLatin1Char('&')) == QLatin1String("Open Read-Only"))
                return 20;
        }
        return 0;
    });
    QCOMPARE(status, 0);
}

QTEST_MAIN(TestVanishing)
#include "tst_vanishing.moc"
