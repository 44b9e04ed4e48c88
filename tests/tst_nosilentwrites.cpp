// No silent writes: a sentinel segment filled with a known pattern by another process is put
// through every read-only action of the browser and the memory view (refresh, select, details,
// attachers, copy, the command-line listing, open with the default action, scrolling, selection,
// find of every kind, copy in every format, export, the data inspector, keys typed into a
// read-only view, refused edits, live ticks), and afterwards holds exactly its pattern.
//
// Beyond the bytes:
//  - the browser, its details and `shmscope --list` never attach: the segment's lpid (the pid of
//    the last shmat/shmdt) and nattch stay those the filling process left;
//  - while a view is open read-only, our process maps the segment only as r--s (checked in
//    /proc/self/maps after every step), so no code path could write even by mistake;
//  - a view opened read-write but only read from writes nothing either.

#include "support/actions.h"
#include "support/asuser.h"
#include "support/testsegment.h"
#include "ui/memory/datainspector.h"
#include "ui/memory/findbar.h"
#include "ui/memory/hexview.h"
#include "ui/browser/mainwindow.h"
#include "ui/memory/memoryview.h"
#include "ui/memory/memorywindow.h"
#include "ui/browser/segmentdetailswidget.h"
#include "ui/browser/segmenttablemodel.h"

#include "core/attachers.h"
#include "core/fileread.h"
#include "core/segmentlist.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QLineEdit>
#include <QPointer>
#include <QProcess>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <QWheelEvent>

#include <cstring>
#include <sys/shm.h>
#include <unistd.h>

using shmtest::TestSegment;
using shmtest::trigger;

namespace {

constexpr quint64 SentinelSize = 3 * 4096 + 100; // not a whole number of pages or rows

// The pattern: every byte differs from its neighbours, with a few findable landmarks.
QByteArray pattern()
{
    QByteArray bytes(qsizetype(SentinelSize), Qt::Uninitialized);
    for (qsizetype i = 0; i < bytes.size(); ++i)
        bytes[i] = char((i * 131 + 7) & 0xff);
    std::memcpy(bytes.data() + 1000, "SENTINEL", 8);
    const quint32 value = 0x12345678;
    std::memcpy(bytes.data() + 2000, &value, 4); // little endian on x86
    const double d = 1.5;
    std::memcpy(bytes.data() + 3000, &d, 8);
    return bytes;
}

// Fills the segment in another process, so that lpid names that process, not us.
bool fillInAnotherProcess(int shmid)
{
    const QString refusal = shmtest::writeInAnotherProcess(shmid, 0, pattern());
    if (!refusal.isEmpty())
        qWarning("%s", qPrintable(refusal.left(300)));
    return refusal.isEmpty();
}

// The segment's bytes, read through a fresh read-only attachment.
QByteArray contents(int shmid)
{
    auto a = shm::Attachment::attach(shmid, shm::Access::ReadOnly);
    if (!a)
        return QByteArray("cannot attach: ") + QByteArray::fromStdString(a.error().describe());
    return QByteArray(reinterpret_cast<const char *>(a->data()), qsizetype(a->size()));
}

// How this process maps shmid right now: {read-only mappings, writable mappings}.
std::pair<int, int> ourMappings(int shmid)
{
    std::pair<int, int> counts{0, 0};
    auto maps = shm::readWholeFile("/proc/self/maps");
    if (!maps)
        return {-1, -1};
    for (const auto &m : shm::parseMaps(*maps)) {
        if (m.shmid == shmid)
            ++(m.writable ? counts.second : counts.first);
    }
    return counts;
}

} // namespace

class TestNoSilentWrites : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void browserNeverAttaches();
    void defaultOpenIsReadOnly();
    void readOnlyViewActions();
    void readWriteViewOnlyReadWritesNothing();

private:
    // The sentinel must hold its pattern, and we must not map it writable.
    void verifySentinel(const char *step, bool allowWritableMapping = false);

    std::unique_ptr<TestSegment> m_sentinel;
    QTemporaryDir m_dir;
};

void TestNoSilentWrites::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestNoSilentWrites::init()
{
    m_sentinel = std::make_unique<TestSegment>(SentinelSize, 0600);
    QVERIFY2(m_sentinel->isValid(), m_sentinel->error().c_str());
    // Filled and checked by other processes, so that lpid names one of them, not us.
    QVERIFY(fillInAnotherProcess(m_sentinel->shmid()));
    const QString seen = shmtest::readInAnotherProcess(m_sentinel->shmid(), 0, SentinelSize);
    QVERIFY2(seen == shmtest::hexBytes(pattern()), qPrintable(seen.left(300)));
}

void TestNoSilentWrites::cleanup()
{
    // Close every window left by a failed step, then remove the sentinel.
    for (QWidget *w : QApplication::topLevelWidgets())
        delete w;
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    m_sentinel.reset();
}

void TestNoSilentWrites::verifySentinel(const char *step, bool allowWritableMapping)
{
    const int shmid = m_sentinel->shmid();
    if (!allowWritableMapping)
        QVERIFY2(ourMappings(shmid).second == 0, step);
    QVERIFY2(contents(shmid) == pattern(), step);
}

void TestNoSilentWrites::browserNeverAttaches()
{
    const int shmid = m_sentinel->shmid();
    const auto before = shm::statSegment(shmid);
    QVERIFY(before.ok());
    QVERIFY(before->lpid != getpid());
    QCOMPARE(before->nattch, 0u);

    MainWindow window;
    window.show();
    window.refresh();
    QVERIFY(window.selectSegment(shmid));
    window.refresh();
    // The details panel and its attachers, the copy action, the filter, the keyboard.
    QCOMPARE(window.details()->segment()->shmid, shmid);
    trigger(window, "actionCopy");
    QVERIFY(QApplication::clipboard()->text().contains(QString::number(shmid)));
    window.filterEdit()->setText(QString::number(shmid));
    window.refresh();
    window.filterEdit()->clear();
    QTest::keyClick(window.view(), Qt::Key_Down);
    QTest::keyClick(window.view(), Qt::Key_Up);
    QVERIFY(window.selectSegment(shmid));
    QTest::keyClick(window.view(), Qt::Key_F5);
    window.setPaused(false);
    QTest::qWait(50); // let the refresh timer and queued updates run once or twice
    window.refresh();

    // The command line's listing.
    const QString binary = qEnvironmentVariable("SHMSCOPE_BINARY");
    if (!binary.isEmpty()) {
        QProcess list;
        list.start(binary, {QStringLiteral("--list"), QStringLiteral("--json")});
        QVERIFY(list.waitForFinished(30000));
        QCOMPARE(list.exitCode(), 0);
        QVERIFY(list.readAllStandardOutput().contains(
            QStringLiteral("\"shmid\": %1,").arg(shmid).toUtf8()));
    }

    const auto after = shm::statSegment(shmid);
    QVERIFY(after.ok());
    QCOMPARE(after->lpid, before->lpid); // nobody attached or detached meanwhile
    QCOMPARE(after->nattch, 0u);
    QCOMPARE(after->atime, before->atime);
    QCOMPARE(after->dtime, before->dtime);
    verifySentinel("browser");
}

void TestNoSilentWrites::defaultOpenIsReadOnly()
{
    const int shmid = m_sentinel->shmid();
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(window.selectSegment(shmid));
    // Enter in the table is the default Open.
    window.view()->setFocus();
    QTest::keyClick(window.view(), Qt::Key_Return);
    QPointer<MemoryWindow> memory = window.findChild<MemoryWindow *>();
    QVERIFY2(memory, qPrintable(window.lastMessage()));
    QVERIFY(memory->memoryView()->isReadOnly());
    QVERIFY(memory->memoryView()->headerText().contains(QLatin1String("read-only")));
    QCOMPARE(ourMappings(shmid), std::make_pair(1, 0));
    // Opening attaches: that is the one trace a read-only look leaves (lpid, nattch, atime).
    const auto stat = shm::statSegment(shmid);
    QVERIFY(stat.ok());
    QCOMPARE(stat->lpid, getpid());
    QCOMPARE(stat->nattch, 1u);
    delete memory;
    QCOMPARE(ourMappings(shmid), std::make_pair(0, 0));
    verifySentinel("default open");
}

void TestNoSilentWrites::readOnlyViewActions()
{
    const int shmid = m_sentinel->shmid();
    QString error;
    auto opened = MemoryWindow::open(shmid, shm::Access::ReadOnly);
    QVERIFY2(opened, opened ? "" : opened.error().describe().c_str());
    QPointer<MemoryWindow> window = *opened;
    window->resize(900, 600);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    MemoryView *view = window->memoryView();
    HexView *hex = view->hexView();
    QVERIFY(view->isReadOnly());
    QCOMPARE(ourMappings(shmid), std::make_pair(1, 0));
    hex->setFocus();

    // Scrolling and moving around, keyboard and wheel.
    for (Qt::Key key : {Qt::Key_PageDown, Qt::Key_PageDown, Qt::Key_Down, Qt::Key_Right,
                        Qt::Key_End, Qt::Key_PageUp, Qt::Key_Left, Qt::Key_Up, Qt::Key_Home})
        QTest::keyClick(hex, key);
    QTest::keyClick(hex, Qt::Key_End, Qt::ControlModifier);
    QTest::keyClick(hex, Qt::Key_Home, Qt::ControlModifier);
    {
        QWheelEvent wheel(QPointF(50, 50), hex->viewport()->mapToGlobal(QPointF(50, 50)),
                          QPoint(), QPoint(0, -240), Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        QApplication::sendEvent(hex->viewport(), &wheel);
    }
    hex->setTopRow(100);
    hex->setTopRow(0);
    verifySentinel("scroll");

    // Selection with keys and the mouse.
    QTest::keyClick(hex, Qt::Key_Right, Qt::ShiftModifier);
    QTest::keyClick(hex, Qt::Key_Down, Qt::ShiftModifier);
    QTest::mousePress(hex->viewport(), Qt::LeftButton, {}, QPoint(120, 10));
    QTest::mouseMove(hex->viewport(), QPoint(300, 60));
    QTest::mouseRelease(hex->viewport(), Qt::LeftButton, {}, QPoint(300, 60));
    QTest::mouseDClick(hex->viewport(), Qt::LeftButton, {}, QPoint(200, 30));
    verifySentinel("select");

    // Go to, find of every kind, next/previous change, live ticks.
    QVERIFY(hex->goTo(QStringLiteral("0x3e8")));
    QVERIFY(!hex->goTo(QStringLiteral("0xffffffffff")));
    FindBar *find = view->findBar();
    view->showFind();
    find->setQuery(FindBar::Kind::Text, QStringLiteral("SENTINEL"));
    QVERIFY(find->findNext());
    QCOMPARE(hex->selectionStart(), quint64(1000));
    QVERIFY(find->findPrevious());
    find->setQuery(FindBar::Kind::HexBytes, QStringLiteral("78 56 34 12"));
    QVERIFY(find->findNext());
    QCOMPARE(hex->selectionStart(), quint64(2000));
    find->setQuery(FindBar::Kind::Integer, QStringLiteral("305419896"), 4);
    QVERIFY(find->findNext());
    find->setQuery(FindBar::Kind::Float, QStringLiteral("1.5"), 8);
    QVERIFY(find->findNext());
    QCOMPARE(hex->selectionStart(), quint64(3000));
    find->setQuery(FindBar::Kind::Text, QStringLiteral("not there at all"));
    QVERIFY(!find->findNext());
    for (int i = 0; i < 5; ++i)
        hex->refreshNow();
    QCOMPARE(hex->changedByteCount(), quint64(0));
    view->action(MemoryView::ActionId::NextChange)->trigger();
    view->action(MemoryView::ActionId::PreviousChange)->trigger();
    view->action(MemoryView::ActionId::ResetChanges)->trigger();
    view->action(MemoryView::ActionId::PauseLive)->trigger();
    view->action(MemoryView::ActionId::PauseLive)->trigger();
    verifySentinel("go to, find, live");

    // Copy in every format, and export the segment and a selection.
    hex->setSelection(1000, 8);
    QVERIFY(view->copySelection(valuecodec::CopyFormat::HexText));
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("53 45 4e 54 49 4e 45 4c"));
    QVERIFY(view->copySelection(valuecodec::CopyFormat::CArray));
    QVERIFY(view->copySelection(valuecodec::CopyFormat::Base64));
    view->action(MemoryView::ActionId::CopyHex)->trigger();
    const QString whole = m_dir.filePath(QStringLiteral("whole.bin"));
    const QString part = m_dir.filePath(QStringLiteral("part.bin"));
    QVERIFY(view->exportToFile(whole, false));
    QVERIFY(view->exportToFile(part, true));
    QFile wholeFile(whole), partFile(part);
    QVERIFY(wholeFile.open(QIODevice::ReadOnly));
    QVERIFY(partFile.open(QIODevice::ReadOnly));
    QCOMPARE(wholeFile.readAll(), pattern());
    QCOMPARE(partFile.readAll(), QByteArray("SENTINEL"));
    verifySentinel("copy, export");

    // The data inspector: every value read, and edits refused (typed into its table too).
    DataInspector *inspector = view->inspector();
    hex->setCursorOffset(2000);
    inspector->refresh();
    for (int t = 0; t < int(valuecodec::ValueType::ValueTypeCount); ++t) {
        for (auto e : {valuecodec::Endian::Little, valuecodec::Endian::Big})
            (void)inspector->valueText(valuecodec::ValueType(t), e);
    }
    QCOMPARE(inspector->valueText(valuecodec::ValueType::UInt32, valuecodec::Endian::Little),
             QStringLiteral("305419896"));
    QVERIFY(!inspector->editValue(valuecodec::ValueType::UInt32, valuecodec::Endian::Little,
                                  QStringLiteral("1")));
    QTableWidget *table = inspector->table();
    for (int row = 0; row < table->rowCount(); ++row) {
        for (int column = 0; column < table->columnCount(); ++column) {
            if (QTableWidgetItem *item = table->item(row, column))
                item->setText(QStringLiteral("0"));
        }
    }
    verifySentinel("inspector");

    // Keys typed into the read-only view: hex digits, text, delete, paste, undo, redo.
    hex->setFocus();
    hex->setCursorOffset(0);
    QTest::keyClicks(hex, "0123456789abcdef");
    QTest::keyClick(hex, Qt::Key_Tab);
    QTest::keyClicks(hex, "Hello, world!");
    for (Qt::Key key : {Qt::Key_Delete, Qt::Key_Backspace, Qt::Key_Insert, Qt::Key_Space,
                        Qt::Key_Escape, Qt::Key_Enter, Qt::Key_Return})
        QTest::keyClick(hex, key);
    QApplication::clipboard()->setText(QStringLiteral("de ad be ef"));
    QTest::keyClick(hex, Qt::Key_V, Qt::ControlModifier);
    QTest::keyClick(hex, Qt::Key_X, Qt::ControlModifier);
    QTest::keyClick(hex, Qt::Key_Z, Qt::ControlModifier);
    QTest::keyClick(hex, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QTest::keyClick(hex, Qt::Key_Y, Qt::ControlModifier);
    QCOMPARE(hex->undoStack()->count(), 0);
    verifySentinel("keys");

    // Every write API refuses on a read-only view; the write actions are disabled.
    hex->setSelection(0, 16);
    QVERIFY(!hex->fillSelection(0xaa));
    QVERIFY(!hex->pasteHex(QStringLiteral("01 02 03")));
    QVERIFY(!hex->writeBytes(0, QByteArray("x"), QStringLiteral("test")));
    QVERIFY(!hex->source()->isWritable());
    std::byte one{1};
    QVERIFY(!hex->source()->write(0, &one, 1));
    QVERIFY(!view->action(MemoryView::ActionId::PasteHex)->isEnabled());
    QVERIFY(!view->action(MemoryView::ActionId::Fill)->isEnabled());
    QVERIFY(!view->action(MemoryView::ActionId::Import)->isEnabled());
    QFile importFile(m_dir.filePath(QStringLiteral("import.bin")));
    QVERIFY(importFile.open(QIODevice::WriteOnly));
    importFile.write("imported");
    importFile.close();
    const auto imported = view->importFromFile(importFile.fileName(), 0);
    QVERIFY(!imported);
    QVERIFY(!imported.error().describe().empty());
    verifySentinel("refused writes");

    window->close();
    QTRY_VERIFY(!window);
    QCOMPARE(ourMappings(shmid), std::make_pair(0, 0));
    verifySentinel("closed");
}

void TestNoSilentWrites::readWriteViewOnlyReadWritesNothing()
{
    const int shmid = m_sentinel->shmid();
    QString error;
    auto opened = MemoryWindow::open(shmid, shm::Access::ReadWrite);
    QVERIFY2(opened, opened ? "" : opened.error().describe().c_str());
    QPointer<MemoryWindow> window = *opened;
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    MemoryView *view = window->memoryView();
    HexView *hex = view->hexView();
    QVERIFY(!view->isReadOnly());
    hex->setFocus();
    for (Qt::Key key : {Qt::Key_PageDown, Qt::Key_End, Qt::Key_Down, Qt::Key_Home, Qt::Key_Up,
                        Qt::Key_Tab, Qt::Key_Right, Qt::Key_Backtab, Qt::Key_Left})
        QTest::keyClick(hex, key);
    QTest::keyClick(hex, Qt::Key_End, Qt::ControlModifier);
    QTest::keyClick(hex, Qt::Key_Home, Qt::ControlModifier);
    QTest::keyClick(hex, Qt::Key_Right, Qt::ShiftModifier);
    // Undo and redo with nothing done.
    QTest::keyClick(hex, Qt::Key_Z, Qt::ControlModifier);
    QTest::keyClick(hex, Qt::Key_Y, Qt::ControlModifier);
    view->findBar()->setQuery(FindBar::Kind::Text, QStringLiteral("SENTINEL"));
    QVERIFY(view->findBar()->findNext());
    QVERIFY(view->copySelection(valuecodec::CopyFormat::CArray));
    QVERIFY(view->exportToFile(m_dir.filePath(QStringLiteral("rw.bin")), false));
    hex->setCursorOffset(3000);
    view->inspector()->refresh();
    QCOMPARE(view->inspector()->valueText(valuecodec::ValueType::Float64,
                                          valuecodec::Endian::Little),
             QStringLiteral("1.5"));
    for (int i = 0; i < 5; ++i)
        hex->refreshNow();
    // A typed first nibble alone writes nothing until the second comes; Escape drops it.
    hex->setActiveArea(HexView::Area::Hex);
    QTest::keyClick(hex, Qt::Key_A);
    QVERIFY(hex->hasPendingNibble());
    QTest::keyClick(hex, Qt::Key_Escape);
    verifySentinel("read-write view, reads only", true);
    // Switching editing off re-attaches read-only.
    QVERIFY(view->setEditable(false));
    QCOMPARE(ourMappings(shmid), std::make_pair(1, 0));
    window->close();
    QTRY_VERIFY(!window);
    verifySentinel("read-write view closed");
}

QTEST_MAIN(TestNoSilentWrites)
#include "tst_nosilentwrites.moc"
