// The hex view on real segments, driven by keys and mouse under the offscreen platform:
// typing reaches the shared memory (another process reads it), undo/redo (also after another
// process changed the bytes), read-only views never write, live change detection, navigation,
// and scrolling to the last byte of a buffer larger than 4 GiB.

#include "support/asuser.h"
#include "support/testsegment.h"
#include "ui/common/errortext.h"
#include "ui/memory/byteeditor.h"
#include "ui/memory/bytesource.h"
#include "ui/memory/hexview.h"

#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include <cstring>
#include <memory>
#include <sys/mman.h>

using shmtest::hexBytes;
using shmtest::readInAnotherProcess;
using shmtest::TestSegment;
using shmtest::writeInAnotherProcess;

namespace {

QByteArray bytesAt(const shm::Attachment &a, quint64 offset, int count)
{
    return QByteArray(reinterpret_cast<const char *>(a.data() + offset), count);
}

QString reason(const shm::Result<void> &result)
{
    return result ? QString() : errortext::message(result.error());
}

} // namespace

class TestHexView : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void typingReachesSharedMemory_data();
    void typingReachesSharedMemory();
    void firstNibbleWaitsForTheSecond();
    void typedRunIsOneUndoStep();
    void navigationEndsTheTypedRun();
    void undoRefusedAfterAnotherProcessChangedTheByte();
    void readOnlyViewNeverWrites_data();
    void readOnlyViewNeverWrites();
    void liveChangesFromAChild();
    void liveIgnoresOwnEdits();
    void navigation_data();
    void navigation();
    void shiftExtendsSelection();
    void tabSwitchesColumns();
    void mouseClickAndDrag();
    void goToOffset_data();
    void goToOffset();
    void pasteAndFill();
    void refusalsAreTheEditors();
    void fillBeyondTheUndoLimitIsRefused();
    void findMatchesFollowTheSnapshot();
    void scrollsToLastByteBeyond4GiB();

private:
    std::unique_ptr<TestSegment> m_segment;
    std::unique_ptr<HexView> m_view;
    AttachmentByteSource *m_source = nullptr; // owned by m_view's lifetime via parent

    bool openView(shm::Access access);
};

void TestHexView::init()
{
    m_segment = std::make_unique<TestSegment>(4096);
    QVERIFY2(m_segment->isValid(), m_segment->error().c_str());
}

void TestHexView::cleanup()
{
    m_view.reset();
    m_source = nullptr;
    m_segment.reset(); // IPC_RMID
}

bool TestHexView::openView(shm::Access access)
{
    auto attached = shm::Attachment::attach(m_segment->shmid(), access);
    if (!attached)
        return false;
    m_view = std::make_unique<HexView>();
    m_source = new AttachmentByteSource(std::move(attached.value()), m_view.get());
    m_view->setSource(m_source);
    m_view->setLivePaused(true); // ticks are driven by the test with refreshNow()
    m_view->resize(1000, 800);
    m_view->show();
    return QTest::qWaitForWindowExposed(m_view.get());
}

void TestHexView::typingReachesSharedMemory_data()
{
    QTest::addColumn<bool>("textColumn");
    QTest::addColumn<quint64>("start");
    QTest::addColumn<QString>("keys");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("two hex digits write one byte") << false << quint64(0) << "ab" << QByteArray("\xab", 1);
    QTest::newRow("a run of hex digits") << false << quint64(0) << "deadbeef" << QByteArray("\xde\xad\xbe\xef", 4);
    QTest::newRow("uppercase hex digits") << false << quint64(16) << "CAFE" << QByteArray("\xca\xfe", 2);
    QTest::newRow("non-hex keys are ignored") << false << quint64(3) << "z1g2" << QByteArray("\x12", 1);
    QTest::newRow("text column writes characters") << true << quint64(100) << "Hi!" << QByteArray("Hi!");
    QTest::newRow("last byte of the segment") << false << quint64(4095) << "7f" << QByteArray("\x7f", 1);
}

void TestHexView::typingReachesSharedMemory()
{
    QFETCH(bool, textColumn);
    QFETCH(quint64, start);
    QFETCH(QString, keys);
    QFETCH(QByteArray, expected);
    QVERIFY(openView(shm::Access::ReadWrite));
    m_view->setCursorOffset(start);
    if (textColumn)
        QTest::keyClick(m_view.get(), Qt::Key_Tab);
    QCOMPARE(m_view->activeArea(), textColumn ? HexView::Area::Text : HexView::Area::Hex);
    QTest::keyClicks(m_view.get(), keys);
    QCOMPARE(bytesAt(m_source->attachment(), start, int(expected.size())), expected);
    // Another process sees the typed bytes at once.
    QCOMPARE(readInAnotherProcess(m_segment->shmid(), start, quint64(expected.size())),
             hexBytes(expected));
}

void TestHexView::firstNibbleWaitsForTheSecond()
{
    QVERIFY(openView(shm::Access::ReadWrite));
    QTest::keyClick(m_view.get(), Qt::Key_A);
    QVERIFY(m_view->hasPendingNibble());
    QCOMPARE(bytesAt(m_source->attachment(), 0, 1), QByteArray(1, '\0'));
    QCOMPARE(m_view->undoStack()->count(), 0);
    QTest::keyClick(m_view.get(), Qt::Key_Escape); // cancels the pending digit
    QVERIFY(!m_view->hasPendingNibble());
    QTest::keyClick(m_view.get(), Qt::Key_5);
    QTest::keyClick(m_view.get(), Qt::Key_5);
    QCOMPARE(bytesAt(m_source->attachment(), 0, 1), QByteArray("\x55", 1));
    QCOMPARE(m_view->cursorOffset(), quint64(1));
}

void TestHexView::typedRunIsOneUndoStep()
{
    QVERIFY(openView(shm::Access::ReadWrite));
    std::memset(m_source->attachment().writableData(), 0x11, 8);
    m_view->refreshNow();
    QTest::keyClicks(m_view.get(), "deadbeef");
    QCOMPARE(m_view->undoStack()->count(), 1);
    m_view->undoStack()->undo();
    QCOMPARE(bytesAt(m_source->attachment(), 0, 5), QByteArray("\x11\x11\x11\x11\x11"));
    QCOMPARE(readInAnotherProcess(m_segment->shmid(), 0, 4), QStringLiteral("11111111"));
    m_view->undoStack()->redo();
    QCOMPARE(bytesAt(m_source->attachment(), 0, 5), QByteArray("\xde\xad\xbe\xef\x11"));
    QCOMPARE(readInAnotherProcess(m_segment->shmid(), 0, 4), QStringLiteral("deadbeef"));
}

void TestHexView::navigationEndsTheTypedRun()
{
    QVERIFY(openView(shm::Access::ReadWrite));
    QTest::keyClicks(m_view.get(), "01");
    QTest::keyClick(m_view.get(), Qt::Key_Right);
    QTest::keyClicks(m_view.get(), "0203");
    QCOMPARE(bytesAt(m_source->attachment(), 0, 4), QByteArray("\x01\x00\x02\x03", 4));
    QCOMPARE(m_view->undoStack()->count(), 2);
    m_view->undoStack()->undo();
    QCOMPARE(bytesAt(m_source->attachment(), 0, 4), QByteArray("\x01\x00\x00\x00", 4));
}

void TestHexView::undoRefusedAfterAnotherProcessChangedTheByte()
{
    QVERIFY(openView(shm::Access::ReadWrite));
    QSignalSpy messages(m_view.get(), &HexView::message);
    QTest::keyClicks(m_view.get(), "abcd");
    QCOMPARE(bytesAt(m_source->attachment(), 0, 2), QByteArray("\xab\xcd"));
    QCOMPARE(writeInAnotherProcess(m_segment->shmid(), 1, QByteArray("\x55", 1)), QString());
    m_view->undoStack()->undo();
    // Memory keeps what the other process wrote; the view says why.
    QCOMPARE(bytesAt(m_source->attachment(), 0, 2), QByteArray("\xab\x55"));
    QCOMPARE(readInAnotherProcess(m_segment->shmid(), 0, 2), QStringLiteral("ab55"));
    QVERIFY(!messages.isEmpty());
    QVERIFY2(messages.last().at(0).toString().contains(QLatin1String("another process")),
             qPrintable(messages.last().at(0).toString()));
    QVERIFY(messages.last().at(0).toString().contains(QLatin1String("0x1")));
}

void TestHexView::readOnlyViewNeverWrites_data()
{
    QTest::addColumn<bool>("textColumn");
    QTest::addColumn<QString>("keys");
    QTest::newRow("hex digits") << false << "deadbeef";
    QTest::newRow("text characters") << true << "hello";
    QTest::newRow("single nibble") << false << "f";
}

void TestHexView::readOnlyViewNeverWrites()
{
    QFETCH(bool, textColumn);
    QFETCH(QString, keys);
    {
        auto rw = shm::Attachment::attach(m_segment->shmid(), shm::Access::ReadWrite);
        QVERIFY(rw.ok());
        for (int i = 0; i < 4096; ++i)
            rw->writableData()[i] = std::byte(i * 7);
    }
    QByteArray before(4096, Qt::Uninitialized);
    {
        auto ro = shm::Attachment::attach(m_segment->shmid(), shm::Access::ReadOnly);
        std::memcpy(before.data(), ro->data(), 4096);
    }
    QVERIFY(openView(shm::Access::ReadOnly));
    QVERIFY(!m_source->isWritable());
    QSignalSpy messages(m_view.get(), &HexView::message);
    if (textColumn)
        QTest::keyClick(m_view.get(), Qt::Key_Tab);
    QTest::keyClicks(m_view.get(), keys);
    QVERIFY(!m_view->writeBytes(0, QByteArray("x"), QStringLiteral("x")));
    QVERIFY(!m_view->fillSelection(0xff));
    QVERIFY(!m_view->pasteHex(QStringLiteral("00 11")));
    QCOMPARE(m_view->undoStack()->count(), 0);
    QVERIFY(!messages.isEmpty());
    QVERIFY(messages.first().at(0).toString().contains(QLatin1String("read-only")));
    QCOMPARE(bytesAt(m_source->attachment(), 0, 4096), before);
}

void TestHexView::liveChangesFromAChild()
{
    QVERIFY(openView(shm::Access::ReadOnly));
    QCOMPARE(m_view->refreshNow(), quint64(0));
    QSignalSpy counted(m_view.get(), &HexView::changesCounted);
    QCOMPARE(writeInAnotherProcess(m_segment->shmid(), 5, QByteArray("\x01", 1)), QString());
    QCOMPARE(writeInAnotherProcess(m_segment->shmid(), 100, QByteArray("\x02\x03", 2)), QString());
    QCOMPARE(writeInAnotherProcess(m_segment->shmid(), 300, QByteArray("\x04", 1)), QString());
    QCOMPARE(m_view->refreshNow(), quint64(4));
    QCOMPARE(m_view->changedByteCount(), quint64(4));
    for (quint64 offset : {5, 100, 101, 300})
        QVERIFY2(m_view->hasChanged(offset), qPrintable(QString::number(offset)));
    QVERIFY(!m_view->hasChanged(6));
    QCOMPARE(counted.count(), 1);
    QCOMPARE(counted.last().at(0).toULongLong(), quint64(4));
    // Nothing new: nothing reported.
    QCOMPARE(m_view->refreshNow(), quint64(0));
    // Next/previous changed byte.
    QVERIFY(m_view->goToNextChange());
    QCOMPARE(m_view->cursorOffset(), quint64(5));
    QVERIFY(m_view->goToNextChange());
    QCOMPARE(m_view->cursorOffset(), quint64(100));
    m_view->setCursorOffset(4000);
    QVERIFY(m_view->goToPreviousChange());
    QCOMPARE(m_view->cursorOffset(), quint64(300));
    // The same byte changing again counts once (distinct bytes).
    m_view->setCursorOffset(0);
    QCOMPARE(writeInAnotherProcess(m_segment->shmid(), 300, QByteArray("\x09", 1)), QString());
    QCOMPARE(m_view->refreshNow(), quint64(1));
    QCOMPARE(m_view->changedByteCount(), quint64(4));
    m_view->resetChanges();
    QCOMPARE(m_view->changedByteCount(), quint64(0));
    QVERIFY(!m_view->goToNextChange());
}

void TestHexView::liveIgnoresOwnEdits()
{
    QVERIFY(openView(shm::Access::ReadWrite));
    m_view->refreshNow();
    QTest::keyClicks(m_view.get(), "ffee");
    QCOMPARE(m_view->refreshNow(), quint64(0));
    QCOMPARE(m_view->changedByteCount(), quint64(0));
}

void TestHexView::navigation_data()
{
    QTest::addColumn<quint64>("start");
    QTest::addColumn<int>("key");
    QTest::addColumn<int>("modifiers");
    QTest::addColumn<quint64>("expected");
    const int none = Qt::NoModifier;
    QTest::newRow("right") << quint64(0) << int(Qt::Key_Right) << none << quint64(1);
    QTest::newRow("left at start stays") << quint64(0) << int(Qt::Key_Left) << none << quint64(0);
    QTest::newRow("down one row") << quint64(3) << int(Qt::Key_Down) << none << quint64(19);
    QTest::newRow("up from first row stays") << quint64(3) << int(Qt::Key_Up) << none << quint64(3);
    QTest::newRow("down from last row stays") << quint64(4090) << int(Qt::Key_Down) << none << quint64(4090);
    QTest::newRow("right at end stays") << quint64(4095) << int(Qt::Key_Right) << none << quint64(4095);
    QTest::newRow("home: row start") << quint64(37) << int(Qt::Key_Home) << none << quint64(32);
    QTest::newRow("end: row end") << quint64(37) << int(Qt::Key_End) << none << quint64(47);
    QTest::newRow("ctrl+end: last byte") << quint64(37) << int(Qt::Key_End) << int(Qt::ControlModifier) << quint64(4095);
    QTest::newRow("ctrl+home: first byte") << quint64(4000) << int(Qt::Key_Home) << int(Qt::ControlModifier) << quint64(0);
    QTest::newRow("page down then up returns") << quint64(5) << int(Qt::Key_PageDown) << none << quint64(5 + 16 * 49);
    QTest::newRow("page up near start: same column of first row") << quint64(40) << int(Qt::Key_PageUp) << none << quint64(8);
}

void TestHexView::navigation()
{
    QFETCH(quint64, start);
    QFETCH(int, key);
    QFETCH(int, modifiers);
    QFETCH(quint64, expected);
    QVERIFY(openView(shm::Access::ReadOnly));
    m_view->setCursorOffset(start);
    QSignalSpy moved(m_view.get(), &HexView::cursorMoved);
    QTest::keyClick(m_view.get(), Qt::Key(key), Qt::KeyboardModifiers(modifiers));
    if (key == Qt::Key_PageDown) {
        // A page is as many rows as fit in the viewport.
        const quint64 page = m_view->hexLayout().pageRows(m_view->viewport()->height());
        QCOMPARE(m_view->cursorOffset(), start + 16 * page);
        QTest::keyClick(m_view.get(), Qt::Key_PageUp);
        QCOMPARE(m_view->cursorOffset(), start);
        return;
    }
    QCOMPARE(m_view->cursorOffset(), expected);
    QVERIFY(!moved.isEmpty());
    QCOMPARE(moved.last().at(0).toULongLong(), expected);
}

void TestHexView::shiftExtendsSelection()
{
    QVERIFY(openView(shm::Access::ReadOnly));
    m_view->setCursorOffset(10);
    QTest::keyClick(m_view.get(), Qt::Key_Right, Qt::ShiftModifier);
    QTest::keyClick(m_view.get(), Qt::Key_Right, Qt::ShiftModifier);
    QTest::keyClick(m_view.get(), Qt::Key_Down, Qt::ShiftModifier);
    QVERIFY(m_view->hasSelection());
    QCOMPARE(m_view->selectionStart(), quint64(10));
    QCOMPARE(m_view->selectionLength(), quint64(12 + 16 - 10 + 1));
    QTest::keyClick(m_view.get(), Qt::Key_Left);
    QVERIFY(!m_view->hasSelection());
    QTest::keyClick(m_view.get(), Qt::Key_A, Qt::ControlModifier);
    QCOMPARE(m_view->selectionLength(), quint64(4096));
}

void TestHexView::tabSwitchesColumns()
{
    QVERIFY(openView(shm::Access::ReadOnly));
    QCOMPARE(m_view->activeArea(), HexView::Area::Hex);
    QTest::keyClick(m_view.get(), Qt::Key_Tab);
    QCOMPARE(m_view->activeArea(), HexView::Area::Text);
    QTest::keyClick(m_view.get(), Qt::Key_Backtab, Qt::ShiftModifier);
    QCOMPARE(m_view->activeArea(), HexView::Area::Hex);
}

void TestHexView::mouseClickAndDrag()
{
    QVERIFY(openView(shm::Access::ReadOnly));
    const HexLayout &layout = m_view->hexLayout();
    const int lh = layout.lineHeight();
    const QPoint hexCell(layout.hexCellX(3) + 1, 2 * lh + lh / 2);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, Qt::NoModifier, hexCell);
    QCOMPARE(m_view->cursorOffset(), quint64(2 * 16 + 3));
    QCOMPARE(m_view->activeArea(), HexView::Area::Hex);
    const QPoint textCell(layout.textCellX(5) + 1, 4 * lh + lh / 2);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, Qt::NoModifier, textCell);
    QCOMPARE(m_view->cursorOffset(), quint64(4 * 16 + 5));
    QCOMPARE(m_view->activeArea(), HexView::Area::Text);
    // Drag from row 1 column 0 to row 3 column 15 in the hex column.
    const QPoint from(layout.hexCellX(0) + 1, lh + lh / 2);
    const QPoint to(layout.hexCellX(15) + 1, 3 * lh + lh / 2);
    QTest::mousePress(m_view->viewport(), Qt::LeftButton, Qt::NoModifier, from);
    QMouseEvent move(QEvent::MouseMove, to, m_view->viewport()->mapToGlobal(to), Qt::NoButton,
                     Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_view->viewport(), &move);
    QTest::mouseRelease(m_view->viewport(), Qt::LeftButton, Qt::NoModifier, to);
    QVERIFY(m_view->hasSelection());
    QCOMPARE(m_view->selectionStart(), quint64(16));
    QCOMPARE(m_view->selectionLength(), quint64(48));
    // Shift+click extends from the anchor.
    const QPoint further(layout.hexCellX(0) + 1, 5 * lh + lh / 2);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, Qt::ShiftModifier, further);
    QCOMPARE(m_view->selectionStart(), quint64(16));
    QCOMPARE(m_view->selectionLength(), quint64(5 * 16 - 16 + 1));
}

void TestHexView::goToOffset_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<quint64>("offset");
    QTest::addColumn<QString>("errorContains");
    QTest::newRow("hex with 0x") << "0x1f0" << true << quint64(0x1f0) << QString();
    QTest::newRow("decimal") << "496" << true << quint64(496) << QString();
    QTest::newRow("last byte") << "0xfff" << true << quint64(4095) << QString();
    QTest::newRow("one past the end") << "4096" << false << quint64(0) << "past the end";
    QTest::newRow("far past the end") << "0x100000000" << false << quint64(0) << "0x100000000";
    QTest::newRow("garbage") << "zork" << false << quint64(0) << QString();
}

void TestHexView::goToOffset()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(quint64, offset);
    QFETCH(QString, errorContains);
    QVERIFY(openView(shm::Access::ReadOnly));
    m_view->setCursorOffset(7);
    const auto moved = m_view->goTo(text);
    QCOMPARE(moved.ok(), ok);
    if (ok) {
        QCOMPARE(m_view->cursorOffset(), offset);
    } else {
        QCOMPARE(m_view->cursorOffset(), quint64(7));
        const QString error = errortext::message(moved.error());
        QVERIFY(!error.isEmpty());
        QVERIFY2(error.contains(errorContains), qPrintable(error));
    }
}

void TestHexView::pasteAndFill()
{
    QVERIFY(openView(shm::Access::ReadWrite));
    m_view->setCursorOffset(4094);
    const auto pastTheEnd = m_view->pasteHex(QStringLiteral("01 02 03"));
    QVERIFY(!pastTheEnd);
    QVERIFY2(errortext::message(pastTheEnd.error()).contains(QLatin1String("do not fit")),
             qPrintable(errortext::message(pastTheEnd.error())));
    QCOMPARE(bytesAt(m_source->attachment(), 4094, 2), QByteArray(2, '\0'));
    QVERIFY(!m_view->pasteHex(QStringLiteral("xyz")));
    m_view->setCursorOffset(8);
    QVERIFY(m_view->pasteHex(QStringLiteral("de:ad:be:ef")));
    QCOMPARE(bytesAt(m_source->attachment(), 8, 4), QByteArray("\xde\xad\xbe\xef"));
    QCOMPARE(m_view->undoStack()->count(), 1);
    m_view->setSelection(100, 50);
    QVERIFY(m_view->fillSelection(0xa5));
    QCOMPARE(bytesAt(m_source->attachment(), 99, 52),
             QByteArray(1, '\0') + QByteArray(50, '\xa5') + QByteArray(1, '\0'));
    QCOMPARE(readInAnotherProcess(m_segment->shmid(), 100, 50), hexBytes(QByteArray(50, '\xa5')));
    m_view->undoStack()->undo();
    QCOMPARE(bytesAt(m_source->attachment(), 100, 50), QByteArray(50, '\0'));
}

void TestHexView::refusalsAreTheEditors()
{
    QVERIFY(openView(shm::Access::ReadWrite));
    // Past the end: paste and write say what the editor says (not "read-only").
    const auto expected = m_view->editor()->check(4094, 3);
    QVERIFY(!expected);
    QVERIFY2(reason(expected).contains(QLatin1String("only 2 bytes fit")), qPrintable(reason(expected)));
    m_view->setCursorOffset(4094);
    QCOMPARE(reason(m_view->pasteHex(QStringLiteral("01 02 03"))), reason(expected));
    QCOMPARE(reason(m_view->writeBytes(4094, QByteArray(3, 'x'), QStringLiteral("x"))),
             reason(expected));
    // Read-only: typing, paste and fill all give the editor's one sentence.
    QVERIFY(m_source->reattach(shm::Access::ReadOnly));
    const QString readOnly = errortext::message(ByteEditor::readOnlyError());
    QSignalSpy messages(m_view.get(), &HexView::message);
    m_view->setCursorOffset(0);
    QTest::keyClicks(m_view.get(), "a");
    QCOMPARE(messages.count(), 1);
    QCOMPARE(messages.last().at(0).toString(), readOnly);
    QCOMPARE(reason(m_view->pasteHex(QStringLiteral("00"))), readOnly);
    QCOMPARE(reason(m_view->fillSelection(0)), readOnly);
    QCOMPARE(m_view->undoStack()->count(), 0);
    QCOMPARE(bytesAt(m_source->attachment(), 4094, 2), QByteArray(2, '\0'));
}

void TestHexView::fillBeyondTheUndoLimitIsRefused()
{
    // Untouched anonymous memory larger than undo may copy: refused before anything is written.
    const quint64 size = ByteEditor::MaxUndoableBytes + 4096;
    void *memory = mmap(nullptr, size, PROT_READ | PROT_WRITE,
                        MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    QVERIFY(memory != MAP_FAILED);
    auto unmap = qScopeGuard([&] { munmap(memory, size); });
    auto *bytes = static_cast<std::byte *>(memory);
    HexView view;
    BufferByteSource source(bytes, size, true);
    view.setSource(&source);
    view.setLivePaused(true);
    view.setSelection(0, size);
    const auto filled = view.fillSelection(0xff);
    QVERIFY(!filled);
    QVERIFY2(reason(filled).contains(QLatin1String("256 MiB")), qPrintable(reason(filled)));
    QCOMPARE(view.undoStack()->count(), 0);
    QCOMPARE(std::to_integer<int>(bytes[0]), 0);
    QCOMPARE(std::to_integer<int>(bytes[size - 1]), 0);
    view.setSource(nullptr);
}

void TestHexView::findMatchesFollowTheSnapshot()
{
    std::byte bytes[256] = {};
    bytes[40] = std::byte{'a'};
    bytes[41] = std::byte{'b'};
    BufferByteSource source(bytes, sizeof bytes, false);
    HexView view;
    view.setSource(&source);
    view.setLivePaused(true);
    view.resize(1000, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setCursorOffset(255);
    view.setHighlightPattern(QByteArrayLiteral("ab"));
    const HexLayout &layout = view.hexLayout();
    // The bottom-left corner of a byte's text cell, below the glyph's baseline.
    const auto cellColor = [&](quint64 offset) {
        const QPoint at(layout.textCellX(layout.columnOf(offset)),
                        int(layout.rowOf(offset) + 1) * layout.lineHeight() - 1);
        return view.viewport()->grab().toImage().pixelColor(at);
    };
    const QColor base = view.palette().color(QPalette::Base);
    QVERIFY(cellColor(40) != base);
    QCOMPARE(cellColor(41), cellColor(40));
    QCOMPARE(cellColor(60), base);
    // Another process moves the text: the next snapshot finds it at its new place.
    bytes[40] = bytes[41] = std::byte{0};
    bytes[60] = std::byte{'a'};
    bytes[61] = std::byte{'b'};
    QCOMPARE(view.refreshNow(), quint64(4));
    view.resetChanges(); // no fade over the cells
    QCOMPARE(cellColor(40), base);
    QVERIFY(cellColor(60) != base);
    view.setHighlightPattern({});
    QCOMPARE(cellColor(60), base);
    view.setSource(nullptr);
}

void TestHexView::scrollsToLastByteBeyond4GiB()
{
    // 9 GiB of untouched anonymous memory: reserves address space, costs no RAM.
    const quint64 size = (quint64(9) << 30) + 5;
    void *memory = mmap(nullptr, size, PROT_READ | PROT_WRITE,
                        MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    QVERIFY(memory != MAP_FAILED);
    auto unmap = qScopeGuard([&] { munmap(memory, size); });
    auto *bytes = static_cast<std::byte *>(memory);
    bytes[size - 1] = std::byte{0x42};
    bytes[(quint64(5) << 30)] = std::byte{0x24};
    {
        HexView view;
        BufferByteSource source(bytes, size, false);
        view.setSource(&source);
        view.setLivePaused(true);
        view.setBytesPerRow(8); // more rows than an int can count
        view.resize(1000, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        // More rows than the scroll bar's range: positions are mapped proportionally.
        QVERIFY(view.hexLayout().rowCount() > quint64(view.hexLayout().scrollCap()));
        QTest::keyClick(&view, Qt::Key_End, Qt::ControlModifier);
        QCOMPARE(view.cursorOffset(), size - 1);
        QCOMPARE(view.topRow(), view.hexLayout().maxTopRow(view.viewport()->height()));
        QCOMPARE(view.verticalScrollBar()->value(), view.verticalScrollBar()->maximum());
        QCOMPARE(view.selectedBytes(), QByteArray("\x42"));
        // Dragging the scroll bar to its end shows the last row.
        view.verticalScrollBar()->setValue(0);
        QCOMPARE(view.topRow(), quint64(0));
        view.verticalScrollBar()->setValue(view.verticalScrollBar()->maximum());
        QCOMPARE(view.topRow(), view.hexLayout().maxTopRow(view.viewport()->height()));
        // Go to an offset past 4 GiB.
        QVERIFY(view.goTo(QStringLiteral("0x140000000")));
        QCOMPARE(view.cursorOffset(), quint64(5) << 30);
        QCOMPARE(view.selectedBytes(), QByteArray("\x24"));
        const quint64 row = view.hexLayout().rowOf(quint64(5) << 30);
        QVERIFY(row >= view.topRow());
        QVERIFY(row < view.topRow() + view.hexLayout().pageRows(view.viewport()->height()));
        QTest::keyClick(&view, Qt::Key_Down);
        QCOMPARE(view.cursorOffset(), (quint64(5) << 30) + 8);
        view.grab(); // paints the rows above 4 GiB
    }
}

QTEST_MAIN(TestHexView)
#include "tst_hexview.moc"
