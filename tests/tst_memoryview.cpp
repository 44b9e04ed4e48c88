// The memory window and view on real segments: opening (focus in the hex column at offset 0,
// bad ids refused with a message), the header, switching to read-write (and a refused switch),
// a segment marked for destruction while open, the note that says the view keeps the segment in
// use (only attacher, creator gone, marked), the cursor row kept in view when the find bar
// opens, export/import round trip and its refusals.

#include "support/asuser.h"
#include "support/testsegment.h"
#include "ui/common/errortext.h"
#include "ui/memory/bytesource.h"
#include "ui/memory/findbar.h"
#include "ui/memory/hexview.h"
#include "ui/memory/memoryview.h"
#include "ui/memory/memorywindow.h"

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QLocale>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <QLabel>
#include <QScopeGuard>

#include <cstring>
#include <memory>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include "ui/memory/segmentwatchthread.h"
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

using shmtest::TestSegment;

class TestMemoryView : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void openRefusesBadIds_data();
    void openRefusesBadIds();
    void openedWindowIsReadyToType();
    void readOnlyWindowTypesNothing();
    void headerDescribesTheSegment();
    void switchToReadWriteAndBack();
    void refusedSwitchExplainsWhy();
    void markedForDestructionKeepsWorking();
    void keepAliveWhenOnlyAttacher();
    void keepAliveWhenCreatorGone();
    void keepAliveWhenMarked();
    void findBarKeepsTheCursorRowVisible();
    void exportImportRoundTrip();
    void importRefusals_data();
    void importRefusals();
    void copyFormats();
    void trackerBudgetIsChosenAndRemembered();
};

void TestMemoryView::initTestCase()
{
    // The texts checked are English, numbers too ("4,096"), whatever the runner's locale.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QStandardPaths::setTestModeEnabled(true); // settings of the test's own, not the user's
    QSettings().remove(QStringLiteral("memory/trackerBudget"));
}

void TestMemoryView::openRefusesBadIds_data()
{
    QTest::addColumn<int>("shmid");
    QTest::newRow("negative id") << -1;
    QTest::newRow("id of no segment") << 0x7ffffff0;
}

void TestMemoryView::openRefusesBadIds()
{
    QFETCH(int, shmid);
    auto window = MemoryWindow::open(shmid, shm::Access::ReadOnly);
    QVERIFY(!window);
    QCOMPARE(window.error().kind, shm::ErrorKind::Gone);
    QCOMPARE(window.error().call, std::string("shmat SHM_RDONLY"));
}

void TestMemoryView::openedWindowIsReadyToType()
{
    TestSegment segment(4096);
    QVERIFY(segment.isValid());
    auto opened = MemoryWindow::open(segment.shmid(), shm::Access::ReadWrite);
    QVERIFY2(opened, opened ? "" : opened.error().describe().c_str());
    QPointer<MemoryWindow> window = *opened;
    window->show();
    QVERIFY(QTest::qWaitForWindowActive(window));
    HexView *hex = window->memoryView()->hexView();
    QCOMPARE(QApplication::focusWidget(), hex);
    QCOMPARE(hex->cursorOffset(), quint64(0));
    QCOMPARE(hex->activeArea(), HexView::Area::Hex);
    // Typing goes straight to the hex column at offset 0.
    QTest::keyClicks(QApplication::focusWidget(), "c0ffee");
    QCOMPARE(shmtest::readInAnotherProcess(segment.shmid(), 0, 3), QStringLiteral("c0ffee"));
    // Ctrl+F opens the find bar; Escape closes it and gives the focus back to the hex column.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F, Qt::ControlModifier);
    QVERIFY(window->memoryView()->findBar()->isVisible());
    QTest::keyClicks(QApplication::focusWidget(), "ee");
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    // The find runs in the view's worker: its result comes back through the event loop.
    QTRY_COMPARE(hex->selectionStart(), quint64(2));
    QCOMPARE(hex->selectionLength(), quint64(1));
    QVERIFY(window->memoryView()->findBar()->isVisible());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QVERIFY(!window->memoryView()->findBar()->isVisible());
    QCOMPARE(QApplication::focusWidget(), hex);
    // Ctrl+Z in the window undoes the run.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(hex->undoStack()->index(), 0);
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(hex->source()->constData()), 3), QByteArray(3, '\0'));
    window->close(); // WA_DeleteOnClose
    QTRY_VERIFY(!window);
}

void TestMemoryView::readOnlyWindowTypesNothing()
{
    TestSegment segment(256);
    QVERIFY(segment.isValid());
    auto opened = MemoryWindow::open(segment.shmid(), shm::Access::ReadOnly);
    QVERIFY(opened);
    QPointer<MemoryWindow> window = *opened;
    window->show();
    QVERIFY(QTest::qWaitForWindowActive(window));
    QVERIFY(window->memoryView()->isReadOnly());
    QTest::keyClicks(QApplication::focusWidget(), "ffff");
    QApplication::clipboard()->setText(QStringLiteral("01 02"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(shmtest::readInAnotherProcess(segment.shmid(), 0, 256),
             shmtest::hexBytes(QByteArray(256, '\0')));
    delete window;
}

void TestMemoryView::headerDescribesTheSegment()
{
    const key_t key = shmtest::unusedKey();
    TestSegment segment(8192, 0600, key);
    QVERIFY(segment.isValid());
    auto attached = shm::Attachment::attach(segment.shmid());
    QVERIFY(attached.ok());
    const quint64 address = attached->address();
    MemoryView view(std::move(attached.value()));
    const QString header = view.headerText();
    QVERIFY2(header.contains(QStringLiteral("shmid %1").arg(segment.shmid())), qPrintable(header));
    QVERIFY2(header.contains(QStringLiteral("0x%1").arg(quint32(key), 8, 16, QLatin1Char('0'))),
             qPrintable(header));
    QVERIFY(header.contains(QLatin1String("8.0 KiB")) || header.contains(QLatin1String("8 KiB")));
    QVERIFY(header.contains(QLatin1String("read-only")));
    QVERIFY(header.contains(QStringLiteral("0x%1").arg(address, 0, 16)));
}

void TestMemoryView::switchToReadWriteAndBack()
{
    TestSegment segment(128);
    QVERIFY(segment.isValid());
    auto attached = shm::Attachment::attach(segment.shmid());
    QVERIFY(attached.ok());
    MemoryView view(std::move(attached.value()));
    view.hexView()->setLivePaused(true);
    QSignalSpy changed(&view, &MemoryView::editableChanged);
    QVERIFY(view.isReadOnly());
    QTest::keyClicks(view.hexView(), "11");
    QCOMPARE(view.hexView()->undoStack()->count(), 0);
    QVERIFY(view.setEditable(true));
    QCOMPARE(changed.count(), 1);
    QVERIFY(view.headerText().contains(QLatin1String("read-write")));
    view.hexView()->setCursorOffset(4);
    QTest::keyClicks(view.hexView(), "22");
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(view.hexView()->source()->constData() + 4), 1),
             QByteArray("\x22"));
    QVERIFY(view.setEditable(false));
    QVERIFY(view.isReadOnly());
    // Undo needs to write: refused while read-only, memory unchanged.
    QSignalSpy messages(&view, &MemoryView::message);
    view.undoStack()->undo();
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(view.hexView()->source()->constData() + 4), 1),
             QByteArray("\x22"));
    QVERIFY(!messages.isEmpty());
}

void TestMemoryView::refusedSwitchExplainsWhy()
{
    // Readable by everyone, writable by the owner only: an unprivileged helper may view it but
    // the kernel refuses its read-write attach.
    if (geteuid() != 0)
        QSKIP("needs root to make a segment that belongs to another user");
    TestSegment segment(64, 0644);
    QVERIFY(segment.isValid());
    const QString id = QString::number(segment.shmid());
    const QList<shmtest::StepReport> reports = shmtest::runAsUnprivileged(
        {QStringLiteral("source open %1 ro").arg(id), QStringLiteral("source reattach rw"),
         QStringLiteral("source state")},
        shmtest::Helper::Widgets);
    QCOMPARE(reports.size(), 3);
    QVERIFY2(reports[0].ok, qPrintable(reports[0].summary()));
    // Refused, and the message says why; still attached read-only.
    QVERIFY2(!reports[1].ok && reports[1].text.contains(QLatin1String("shmat")),
             qPrintable(reports[1].summary()));
    QCOMPARE(reports[2].text, QStringLiteral("read-only, attached"));
}

void TestMemoryView::markedForDestructionKeepsWorking()
{
    TestSegment segment(64);
    QVERIFY(segment.isValid());
    auto attached = shm::Attachment::attach(segment.shmid(), shm::Access::ReadWrite);
    QVERIFY(attached.ok());
    MemoryView view(std::move(attached.value()));
    view.hexView()->setLivePaused(true);
    QVERIFY(view.segmentStatusText().isEmpty());
    QCOMPARE(shmctl(segment.shmid(), IPC_RMID, nullptr), 0);
    view.checkSegmentStatus();
    QVERIFY(view.segmentStatusText().contains(QLatin1String("marked for destruction")));
    // Still readable and writable through our attachment.
    QTest::keyClicks(view.hexView(), "99");
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(view.hexView()->source()->constData()), 1),
             QByteArray("\x99"));
    view.hexView()->refreshNow();
}

namespace {

QLabel *keepAliveNote(const MemoryView &view)
{
    return view.findChild<QLabel *>(QStringLiteral("keepAliveNote"));
}

// A read-only view of shmid, live refresh paused; nullptr when the attach fails.
std::unique_ptr<MemoryView> openView(int shmid)
{
    auto attached = shm::Attachment::attach(shmid);
    if (!attached)
        return nullptr;
    auto view = std::make_unique<MemoryView>(std::move(attached.value()));
    view->hexView()->setLivePaused(true);
    return view;
}

} // namespace

void TestMemoryView::keepAliveWhenOnlyAttacher()
{
    TestSegment segment(4096);
    QVERIFY(segment.isValid());
    auto opened = openView(segment.shmid());
    QVERIFY(opened);
    MemoryView &view = *opened;
    // nattch is 1, and it is this view.
    QVERIFY(view.keepAlive().onlyThisProcess);
    QCOMPARE(view.keepAlive().ourAttachments, 1);
    QVERIFY(!view.keepAlive().creatorGone);
    QVERIFY(!view.keepAlive().marked);
    QVERIFY(!keepAliveNote(view)->isHidden());
    QVERIFY2(keepAliveNote(view)->text().contains(QLatin1String("No other process")),
             qPrintable(keepAliveNote(view)->text()));
    // Another process attaches: the note goes within the view's second-by-second refresh, and
    // comes back when it detaches.
    const int shmid = segment.shmid();
    auto other = std::make_unique<shmtest::ChildProcess>([shmid] { shmat(shmid, nullptr, SHM_RDONLY); });
    QVERIFY(other->waitReady());
    QTRY_VERIFY(!view.keepAlive().onlyThisProcess);
    QVERIFY(keepAliveNote(view)->isHidden());
    QVERIFY(view.keepAliveText().isEmpty());
    other->stop();
    QTRY_VERIFY(view.keepAlive().onlyThisProcess);
    QVERIFY(!keepAliveNote(view)->isHidden());
}

void TestMemoryView::keepAliveWhenCreatorGone()
{
    // A child creates the segment, says its id and exits.
    int ids[2];
    QCOMPARE(pipe(ids), 0);
    const pid_t creator = fork();
    if (creator == 0) {
        const int id = shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600);
        _exit(write(ids[1], &id, sizeof id) == sizeof id ? 0 : 1);
    }
    QVERIFY(creator > 0);
    close(ids[1]);
    int shmid = -1;
    QCOMPARE(read(ids[0], &shmid, sizeof shmid), ssize_t(sizeof shmid));
    close(ids[0]);
    QVERIFY(shmid >= 0);
    const auto removeSegment = qScopeGuard([shmid] { shmctl(shmid, IPC_RMID, nullptr); });
    // Exited but not reaped yet: a zombie counts as gone.
    siginfo_t info{};
    QCOMPARE(waitid(P_PID, id_t(creator), &info, WEXITED | WNOWAIT), 0);
    auto opened = openView(shmid);
    QVERIFY(opened);
    MemoryView &view = *opened;
    QCOMPARE(view.keepAlive().creator, creator);
    QVERIFY(view.keepAlive().creatorGone);
    const QString note = view.keepAliveText();
    QVERIFY2(note.contains(QString::number(creator)) && note.contains(QLatin1String("exited")),
             qPrintable(note));
    QVERIFY2(note.contains(QLatin1String("still in use")), qPrintable(note));
    QVERIFY(!keepAliveNote(view)->isHidden());
    // Reaped: still gone.
    int status = 0;
    QCOMPARE(waitpid(creator, &status, 0), creator);
    view.checkSegmentStatus();
    QVERIFY(view.keepAlive().creatorGone);
}

void TestMemoryView::keepAliveWhenMarked()
{
    TestSegment segment(4096);
    QVERIFY(segment.isValid());
    auto opened = openView(segment.shmid());
    QVERIFY(opened);
    MemoryView &view = *opened;
    QVERIFY(!view.keepAlive().marked);
    QCOMPARE(shmctl(segment.shmid(), IPC_RMID, nullptr), 0);
    // Said within the view's second-by-second refresh: this view is the last attachment.
    QTRY_VERIFY(view.keepAlive().marked);
    QVERIFY(view.keepAlive().onlyThisProcess);
    QVERIFY2(view.keepAliveText().contains(QLatin1String("destroys the segment when the view is "
                                                         "closed")),
             qPrintable(view.keepAliveText()));
    QCOMPARE(keepAliveNote(view)->text(), view.keepAliveText());
    QVERIFY(!keepAliveNote(view)->isHidden());
    QVERIFY(view.segmentStatusText().contains(QLatin1String("marked for destruction")));
}

void TestMemoryView::findBarKeepsTheCursorRowVisible()
{
    TestSegment segment(1 << 20);
    QVERIFY(segment.isValid());
    auto opened = openView(segment.shmid());
    QVERIFY(opened);
    MemoryView &view = *opened;
    view.resize(900, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    HexView *hex = view.hexView();
    hex->setTopRow(1000);
    const HexLayout &layout = hex->hexLayout();
    const int heightBefore = hex->viewport()->height();
    const quint64 pageBefore = layout.pageRows(heightBefore);
    QVERIFY(pageBefore > 3);
    // The cursor on the last whole row in view.
    hex->setCursorOffset(layout.rowStart(hex->topRow() + pageBefore - 1) + 5);
    QCOMPARE(hex->topRow(), quint64(1000));
    hex->setFocus();
    QTest::keyClick(hex, Qt::Key_F, Qt::ControlModifier);
    QVERIFY(view.findBar()->isVisible());
    QTRY_VERIFY(hex->viewport()->height() < heightBefore);
    const quint64 row = layout.rowOf(hex->cursorOffset());
    const quint64 page = layout.pageRows(hex->viewport()->height());
    QVERIFY2(row >= hex->topRow() && row < hex->topRow() + page,
             qPrintable(QStringLiteral("row %1, top %2, page %3").arg(row).arg(hex->topRow()).arg(page)));
}

void TestMemoryView::exportImportRoundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    TestSegment segment(4096);
    QVERIFY(segment.isValid());
    auto attached = shm::Attachment::attach(segment.shmid(), shm::Access::ReadWrite);
    QVERIFY(attached.ok());
    for (int i = 0; i < 4096; ++i)
        attached->writableData()[i] = std::byte(i * 13 + 1);
    MemoryView view(std::move(attached.value()));
    view.hexView()->setLivePaused(true);
    const QByteArray original(reinterpret_cast<const char *>(view.hexView()->source()->constData()), 4096);

    const QString whole = dir.filePath(QStringLiteral("whole.bin"));
    QVERIFY(view.exportToFile(whole, false));
    QFile f(whole);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), original);
    f.close();

    view.hexView()->setSelection(100, 20);
    const QString part = dir.filePath(QStringLiteral("part.bin"));
    QVERIFY(view.exportToFile(part, true));
    QFile p(part);
    QVERIFY(p.open(QIODevice::ReadOnly));
    QCOMPARE(p.readAll(), original.mid(100, 20));
    p.close();

    // Scribble, then import the whole export back: memory is as before (one undo step).
    view.hexView()->setSelection(0, 4096);
    QVERIFY(view.hexView()->fillSelection(0));
    QVERIFY(view.importFromFile(whole, 0));
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(view.hexView()->source()->constData()), 4096), original);
    // Import the selection's bytes at the end: exactly fits.
    QVERIFY(view.importFromFile(part, 4096 - 20));
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(view.hexView()->source()->constData() + 4076), 20),
             original.mid(100, 20));
    QCOMPARE(shmtest::readInAnotherProcess(segment.shmid(), 4076, 20),
             shmtest::hexBytes(original.mid(100, 20)));
    view.undoStack()->undo();
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(view.hexView()->source()->constData() + 4076), 20),
             original.mid(4076, 20));
}

void TestMemoryView::importRefusals_data()
{
    QTest::addColumn<bool>("readWrite");
    QTest::addColumn<int>("fileSize");
    QTest::addColumn<quint64>("offset");
    QTest::addColumn<QString>("errorContains");
    QTest::newRow("file larger than the segment") << true << 5000 << quint64(0) << "only 4,096 bytes fit";
    QTest::newRow("one byte past the end") << true << 17 << quint64(4080) << "only 16 bytes fit";
    QTest::newRow("offset past the end") << true << 1 << quint64(4096) << "only 0 bytes fit";
    QTest::newRow("read-only view") << false << 4 << quint64(0) << "read-only";
}

void TestMemoryView::importRefusals()
{
    QFETCH(bool, readWrite);
    QFETCH(int, fileSize);
    QFETCH(quint64, offset);
    QFETCH(QString, errorContains);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("in.bin"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(fileSize, '\x7e'));
    f.close();
    TestSegment segment(4096);
    QVERIFY(segment.isValid());
    auto attached = shm::Attachment::attach(segment.shmid(), readWrite ? shm::Access::ReadWrite
                                                                       : shm::Access::ReadOnly);
    QVERIFY(attached.ok());
    MemoryView view(std::move(attached.value()));
    const auto imported = view.importFromFile(path, offset);
    QVERIFY(!imported);
    const QString error = errortext::message(imported.error());
    QVERIFY2(error.contains(errorContains), qPrintable(error));
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(view.hexView()->source()->constData()), 4096),
             QByteArray(4096, '\0'));
    QCOMPARE(view.undoStack()->count(), 0);
}

void TestMemoryView::copyFormats()
{
    TestSegment segment(64);
    QVERIFY(segment.isValid());
    {
        auto rw = shm::Attachment::attach(segment.shmid(), shm::Access::ReadWrite);
        std::memcpy(rw->writableData() + 2, "\x01\xab\xff", 3);
    }
    auto attached = shm::Attachment::attach(segment.shmid());
    MemoryView view(std::move(attached.value()));
    view.hexView()->setSelection(2, 3);
    QVERIFY(view.copySelection(valuecodec::CopyFormat::HexText));
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("01 ab ff"));
    QVERIFY(view.copySelection(valuecodec::CopyFormat::Base64));
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("Aav/"));
    QVERIFY(view.copySelection(valuecodec::CopyFormat::CArray));
    QVERIFY(QApplication::clipboard()->text().contains(QLatin1String("0x01, 0xab, 0xff")));
}

void TestMemoryView::trackerBudgetIsChosenAndRemembered()
{
    TestSegment segment(4096);
    QVERIFY(segment.isValid());
    auto opened = MemoryWindow::open(segment.shmid(), shm::Access::ReadOnly);
    QVERIFY2(opened, opened ? "" : opened.error().describe().c_str());
    QPointer<MemoryWindow> window = *opened;
    const shm::SegmentWatcher &watcher = window->memoryView()->segmentWatch()->watcher();
    QCOMPARE(watcher.stats().budget, 0.05); // the default until one is chosen
    QMenu *live = nullptr;
    for (QAction *menu : window->menuBar()->actions()) {
        if (menu->text() == QStringLiteral("&Live"))
            live = menu->menu();
    }
    QVERIFY(live);
    QMenu *budgets = nullptr;
    for (QAction *item : live->actions()) {
        if (item->text() == QStringLiteral("Tracker &budget"))
            budgets = item->menu();
    }
    QVERIFY(budgets);
    QAction *tenPercent = nullptr;
    for (QAction *item : budgets->actions()) {
        QCOMPARE(item->isChecked(), item->data().toDouble() == 0.05);
        if (item->text() == QStringLiteral("10% of a core"))
            tenPercent = item;
    }
    QVERIFY(tenPercent);
    tenPercent->trigger();
    QCOMPARE(watcher.stats().budget, 0.10);
    window->close();
    QTRY_VERIFY(!window);
    // The next view starts with the budget chosen last.
    auto again = MemoryWindow::open(segment.shmid(), shm::Access::ReadOnly);
    QVERIFY(again);
    QCOMPARE((*again)->memoryView()->segmentWatch()->watcher().stats().budget, 0.10);
    delete *again;
    QSettings().remove(QStringLiteral("memory/trackerBudget"));
}

QTEST_MAIN(TestMemoryView)
#include "tst_memoryview.moc"
