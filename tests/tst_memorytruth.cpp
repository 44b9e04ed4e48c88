// The memory view tells the truth safely: on a 64 GiB SHM_NORESERVE segment with three pages
// written, scrolling, Ctrl+End, the inspector and copy leave its resident size as it was; on a
// huge-page segment past the free huge pages, the rows that fault show ?? and the view says
// why; the inspector keeps what the user types while another process changes the value, and
// Enter writes it; an undo or redo refused because another process changed the bytes leaves
// the undo stack as it was (for typing and for import).

#include "support/asuser.h"
#include "support/testsegment.h"
#include "ui/memory/bytesource.h"
#include "ui/memory/datainspector.h"
#include "ui/memory/hexview.h"
#include "ui/memory/memorynote.h"
#include "ui/memory/memoryview.h"

#include "core/memoryaccess.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryFile>
#include <QTest>
#include <QUndoStack>

#include <cstring>
#include <memory>
#include <sys/shm.h>
#include <unistd.h>

using shmtest::TestSegment;
using valuecodec::Endian;
using valuecodec::ValueType;

namespace {

// A view of `shmid` in a shown window, attached with `access`; nullptr when the attach fails.
std::unique_ptr<MemoryView> openView(int shmid, shm::Access access)
{
    auto attached = shm::Attachment::attach(shmid, access);
    if (!attached)
        return nullptr;
    auto view = std::make_unique<MemoryView>(std::move(attached.value()));
    view->resize(1100, 700);
    view->show();
    return view;
}

// The same, read-write, in the active window (to type into), or nullptr.
std::unique_ptr<MemoryView> openActiveView(int shmid)
{
    auto view = openView(shmid, shm::Access::ReadWrite);
    return view && QTest::qWaitForWindowActive(view.get()) ? std::move(view) : nullptr;
}

QString statusLine(const MemoryView &view)
{
    const auto *label = view.findChild<QLabel *>(QStringLiteral("statusLine"));
    return label ? label->text() : QString();
}

QString memoryNote(const MemoryView &view)
{
    const auto *label = view.findChild<QLabel *>(QStringLiteral("memoryNote"));
    return label && label->isVisible() ? label->text() : QString();
}

std::int32_t int32At(int shmid, quint64 offset)
{
    auto attached = shm::Attachment::attach(shmid);
    if (!attached)
        return -1;
    std::int32_t value = 0;
    std::memcpy(&value, attached->data() + offset, sizeof value);
    return value;
}

} // namespace

class TestMemoryTruth : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void sparseSegmentKeepsItsSize();
    void hugePagesPastTheFreeOnesShowUnreadable();
    void inspectorKeepsWhatIsTypedUnderAWriter();
    void refusedUndoLeavesTheStack_data();
    void refusedUndoLeavesTheStack();
    void refusedRedoLeavesTheStack();
    void noteSaysWhatIsReadWhen_data();
    void noteSaysWhatIsReadWhen();
};

void TestMemoryTruth::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestMemoryTruth::sparseSegmentKeepsItsSize()
{
    const quint64 size = quint64(64) << 30;
    TestSegment segment(size, 0600, 0, SHM_NORESERVE);
    if (!segment.isValid())
        QSKIP(qPrintable(QStringLiteral("a 64 GiB SHM_NORESERVE segment is refused here: %1")
                             .arg(QString::fromStdString(segment.error()))));
    const quint64 page = shm::MemoryAccess::pageSize();
    const quint64 written[] = {0, size / 2 + 123, size - 1};
    {
        auto writer = shm::Attachment::attach(segment.shmid(), shm::Access::ReadWrite);
        QVERIFY(writer.ok());
        for (quint64 at : written)
            writer->writableData()[at] = std::byte(0x5a);
    }
    const std::uint64_t before = shmtest::residentBytes(segment.shmid());
    QCOMPARE(before, 3 * page);

    auto view = openView(segment.shmid(), shm::Access::ReadOnly);
    QVERIFY(view);
    QVERIFY(QTest::qWaitForWindowExposed(view.get()));
    HexView *hex = view->hexView();
    hex->setFocus();
    QCOMPARE(hex->cellText(0), QStringLiteral("5a"));
    QCOMPARE(hex->cellState(0), HexView::Cell::Read);
    QCOMPARE(hex->cellState(page), HexView::Cell::Untouched);
    QCOMPARE(hex->cellText(page), QStringLiteral("00"));
    QVERIFY(hex->cellNote(page).contains(QLatin1String("never written")));

    // Scrolling: pages down, the wheel, the scroll bar's middle, the middle row.
    for (int i = 0; i < 20; ++i)
        QTest::keyClick(hex, Qt::Key_PageDown);
    hex->setTopRow(hex->hexLayout().rowOf(size / 2));
    QCOMPARE(hex->cellText(size / 2 + 123), QStringLiteral("5a"));
    QCOMPARE(hex->cellText(size / 2 + 122), QStringLiteral("00"));
    QTest::qWait(100); // live ticks over the rows shown
    // Ctrl+End: the last byte, written (its page resident); the page before untouched.
    QTest::keyClick(hex, Qt::Key_End, Qt::ControlModifier);
    QCOMPARE(hex->cursorOffset(), size - 1);
    QCOMPARE(hex->cellText(size - 1), QStringLiteral("5a"));
    QCOMPARE(hex->cellText(size - 2), QStringLiteral("00"));
    QCOMPARE(hex->cellState(size - 2), HexView::Cell::Read);
    QCOMPARE(hex->cellState(size - page - 1), HexView::Cell::Untouched);
    QVERIFY(hex->accessibleDescription().contains(QLatin1String("0x5a")));
    QVERIFY(statusLine(*view).contains(QLatin1String("0xfffffffff")));

    // The inspector over holes and written bytes.
    DataInspector *inspector = view->inspector();
    for (quint64 at : {size / 2 + 120, size / 2 + 4096 * 7, quint64(4096) * 1000, size - 8}) {
        hex->setCursorOffset(at);
        QVERIFY(!inspector->valueText(ValueType::Int64, Endian::Little).isEmpty());
    }
    hex->setCursorOffset(size / 2 + 123);
    QCOMPARE(inspector->valueText(ValueType::UInt8, Endian::Little), QStringLiteral("90"));
    for (int i = 0; i < 50; ++i)
        QTest::keyClick(hex, Qt::Key_Right);

    // Copy a selection that spans holes: the written byte, zeros elsewhere.
    hex->setSelection(size / 2, 3 * page);
    QVERIFY(view->copySelection(valuecodec::CopyFormat::HexText));
    const QString copied = QApplication::clipboard()->text();
    QCOMPARE(copied.count(QLatin1String("5a")), 1);
    QCOMPARE(copied.size(), qsizetype(3 * page * 3 - 1));

    QTest::qWait(100);
    QCOMPARE(hex->changedByteCount(), quint64(0));
    QCOMPARE(shmtest::residentBytes(segment.shmid()), before);
}

void TestMemoryTruth::hugePagesPastTheFreeOnesShowUnreadable()
{
    {
        const shmtest::HugeTlbSegment segment(4, 1);
        if (!segment.whyNot().empty())
            QSKIP(segment.whyNot().c_str());
        const std::uint64_t huge = segment.hugePageSize();
        {
            // Another attachment writes the first huge page: it takes the one free huge page.
            auto writer = shm::Attachment::attach(segment.shmid(), shm::Access::ReadWrite);
            QVERIFY(writer.ok());
            writer->writableData()[10] = std::byte(7);
        }
        QCOMPARE(shmtest::HugePages::freePages(), std::uint64_t(0));

        auto view = openView(segment.shmid(), shm::Access::ReadOnly);
        QVERIFY(view);
        QVERIFY(QTest::qWaitForWindowExposed(view.get()));
        HexView *hex = view->hexView();
        hex->setFocus();
        QCOMPARE(hex->cellText(10), QStringLiteral("07"));
        QVERIFY(memoryNote(*view).contains(QLatin1String("read only when shown")));

        QSignalSpy shown(hex, &HexView::unreadableShownChanged);
        QTest::keyClick(hex, Qt::Key_End, Qt::ControlModifier);
        const quint64 last = 4 * huge - 1;
        QCOMPARE(hex->cursorOffset(), last);
        // The last rows fault: ?? in both columns, the reason said.
        for (quint64 back = 0; back < quint64(4 * hex->bytesPerRow()); back += 7) {
            QCOMPARE(hex->cellText(last - back), QStringLiteral("??"));
            QCOMPARE(hex->cellText(last - back, HexView::Area::Text), QStringLiteral("?"));
        }
        QCOMPARE(hex->cellState(last), HexView::Cell::Unreadable);
        QVERIFY(hex->showsUnreadable());
        QCOMPARE(shown.count(), 1);
        QVERIFY2(hex->cellNote(last).contains(QLatin1String("SIGBUS")), qPrintable(hex->cellNote(last)));
        QVERIFY2(statusLine(*view).contains(QLatin1String("unreadable")), qPrintable(statusLine(*view)));
        QVERIFY(statusLine(*view).contains(QLatin1String("SIGBUS")));
        QVERIFY2(memoryNote(*view).contains(QLatin1String("??")), qPrintable(memoryNote(*view)));
        QVERIFY(hex->accessibleDescription().contains(QLatin1String("unreadable")));
        QCOMPARE(view->inspector()->valueText(ValueType::Int8, Endian::Little),
                 QStringLiteral("unreadable"));
        // Live ticks keep faulting on those rows: no change is counted, the program lives.
        for (int i = 0; i < 10; ++i)
            QCOMPARE(hex->refreshNow(), quint64(0));
        QTest::qWait(100);
        QCOMPARE(hex->changedByteCount(), quint64(0));
        // Copy refuses the unreadable bytes and says why.
        hex->setSelection(last - 15, 16);
        const auto copied = view->copySelection(valuecodec::CopyFormat::HexText);
        QVERIFY(!copied);
        hex->clearSelection();
        // Editing there is refused before anything is written (undo could not keep the old
        // bytes, and the write would fault): the stack stays empty, the program lives.
        QVERIFY(view->setEditable(true));
        hex->setCursorOffset(last - 3);
        QSignalSpy said(hex, &HexView::message);
        QTest::keyClicks(hex, "ff");
        QCOMPARE(view->undoStack()->count(), 0);
        QVERIFY(!said.isEmpty());
        QVERIFY2(said.last().at(0).toString().contains(QLatin1String("cannot be read")),
                 qPrintable(said.last().at(0).toString()));
        QVERIFY(!view->inspector()->editValue(ValueType::Int32, Endian::Little,
                                              QStringLiteral("1")));
        QCOMPARE(view->undoStack()->count(), 0);
        QVERIFY(view->setEditable(false));
        QCOMPARE(hex->cellText(last - 3), QStringLiteral("??"));
        // A huge page freed, and another process writes the last page: it reads now, and what
        // was unreadable is not taken for a change.
        {
            shmtest::HugePages more(1);
            if (more.isValid()) {
                {
                    auto writer = shm::Attachment::attach(segment.shmid(), shm::Access::ReadWrite);
                    QVERIFY(writer.ok());
                    writer->writableData()[last] = std::byte(0x33);
                }
                QCOMPARE(hex->refreshNow(), quint64(0));
                QCOMPARE(hex->cellText(last), QStringLiteral("33"));
                QCOMPARE(hex->cellText(last - 1), QStringLiteral("00"));
                QCOMPARE(hex->changedByteCount(), quint64(0));
                QVERIFY(!hex->showsUnreadable());
                QCOMPARE(shown.count(), 2);
                // From then on, it is live as any other byte.
                {
                    auto writer = shm::Attachment::attach(segment.shmid(), shm::Access::ReadWrite);
                    QVERIFY(writer.ok());
                    writer->writableData()[last] = std::byte(0x34);
                }
                QCOMPARE(hex->refreshNow(), quint64(1));
            }
        }
        // Back at the start: the page written reads, the rows no longer show ??.
        QTest::keyClick(hex, Qt::Key_Home, Qt::ControlModifier);
        QCOMPARE(hex->cellText(10), QStringLiteral("07"));
        QVERIFY(!hex->showsUnreadable());
        view.reset();
    }
}

void TestMemoryTruth::inspectorKeepsWhatIsTypedUnderAWriter()
{
    TestSegment segment(4096);
    QVERIFY(segment.isValid());
    const int shmid = segment.shmid();
    constexpr quint64 At = 100;
    // Another process changes the int at 100 about 500 times a second.
    auto writer = std::make_unique<shmtest::ChildProcess>([shmid] {
        void *p = shmat(shmid, nullptr, 0);
        if (p == reinterpret_cast<void *>(-1))
            return;
        auto *value = reinterpret_cast<volatile std::int32_t *>(static_cast<char *>(p) + At);
        for (std::int32_t i = 1;; ++i) {
            *value = i;
            usleep(2000);
        }
    });
    QVERIFY(writer->pid() > 0);
    QTRY_VERIFY(int32At(shmid, At) > 5);

    auto view = openActiveView(shmid);
    QVERIFY(view);
    HexView *hex = view->hexView();
    DataInspector *inspector = view->inspector();
    hex->setCursorOffset(At);
    QTableWidget *table = inspector->table();
    QTableWidgetItem *item = table->item(int(ValueType::Int32), DataInspector::LittleEndianColumn);
    const QString first = item->text();
    QTRY_VERIFY(item->text() != first); // the table is live

    table->setFocus();
    table->setCurrentItem(item);
    table->editItem(item);
    QLineEdit *editor = inspector->openEditor();
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("424242"));
    QCOMPARE(editor->text(), QStringLiteral("424242"));
    // Many live ticks later, the typed text is still there, the live value beside it moves on.
    const QString liveThen = inspector->liveValueBesideEditor();
    QTest::qWait(400);
    QCOMPARE(editor->text(), QStringLiteral("424242"));
    QCOMPARE(inspector->openEditor(), editor);
    QVERIFY(!inspector->liveValueBesideEditor().isEmpty());
    QVERIFY(inspector->liveValueBesideEditor() != liveThen);
    QVERIFY(inspector->liveValueBesideEditor() != QLatin1String("424242"));
    QCOMPARE(view->undoStack()->count(), 0);

    // Stop the writer; Enter writes exactly what was typed, as one undo step.
    writer.reset();
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_VERIFY(!inspector->openEditor());
    QCOMPARE(int32At(shmid, At), 424242);
    QCOMPARE(view->undoStack()->count(), 1);
    QCOMPARE(item->text(), QStringLiteral("424242"));

    // Esc gives the field back to the live value, writing nothing.
    table->editItem(item);
    editor = inspector->openEditor();
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("17"));
    QCOMPARE(shmtest::writeInAnotherProcess(shmid, At, QByteArray("\x2a\x00\x00\x00", 4)), QString());
    QTest::qWait(100);
    QCOMPARE(editor->text(), QStringLiteral("17"));
    QCOMPARE(inspector->liveValueBesideEditor(), QStringLiteral("42"));
    QTest::keyClick(editor, Qt::Key_Escape);
    QTRY_VERIFY(!inspector->openEditor());
    QCOMPARE(int32At(shmid, At), 42);
    QCOMPARE(item->text(), QStringLiteral("42"));
    QCOMPARE(view->undoStack()->count(), 1);

    // Moving the cursor drops an edit that Enter did not write, and says so.
    QSignalSpy messages(inspector, &DataInspector::message);
    table->editItem(item);
    editor = inspector->openEditor();
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("99"));
    hex->setCursorOffset(At + 4);
    QTRY_VERIFY(!inspector->openEditor());
    QCOMPARE(int32At(shmid, At), 42);
    QVERIFY(!messages.isEmpty());
    QVERIFY(messages.last().at(0).toString().contains(QLatin1String("not written")));
}

void TestMemoryTruth::refusedUndoLeavesTheStack_data()
{
    QTest::addColumn<bool>("import");
    QTest::addColumn<bool>("throughActions");
    QTest::newRow("typed, Ctrl+Z") << false << true;
    QTest::newRow("typed, the stack called directly") << false << false;
    QTest::newRow("imported, Ctrl+Z") << true << true;
}

void TestMemoryTruth::refusedUndoLeavesTheStack()
{
    QFETCH(bool, import);
    QFETCH(bool, throughActions);
    TestSegment segment(4096);
    QVERIFY(segment.isValid());
    auto view = openActiveView(segment.shmid());
    QVERIFY(view);
    HexView *hex = view->hexView();
    QUndoStack *stack = view->undoStack();
    // Two steps; the second undone, so both sides hold one.
    QTest::keyClicks(hex, "0102");
    hex->setCursorOffset(64);
    QTest::keyClicks(hex, "0304");
    QCOMPARE(stack->count(), 2);
    QVERIFY(view->action(MemoryView::ActionId::Undo)->isEnabled());
    view->action(MemoryView::ActionId::Undo)->trigger();
    QCOMPARE(stack->index(), 1);
    QCOMPARE(shmtest::readInAnotherProcess(segment.shmid(), 64, 2), QStringLiteral("0000"));
    quint64 at = 0;
    if (import) {
        // An import pushes a third step (and drops the redo side, as any new edit).
        QTemporaryFile file;
        QVERIFY(file.open());
        file.write("hello");
        file.close();
        QVERIFY(view->importFromFile(file.fileName(), 16));
        QCOMPARE(stack->count(), 2);
        QCOMPARE(stack->index(), 2);
        at = 16;
    }
    const int index = stack->index();
    const int count = stack->count();
    const bool canRedo = stack->canRedo();
    // Another process changes a byte of the step on the undo side.
    QCOMPARE(shmtest::writeInAnotherProcess(segment.shmid(), at + 1, QByteArray("\x55", 1)),
             QString());
    QSignalSpy messages(view.get(), &MemoryView::message);
    QSignalSpy hexMessages(hex, &HexView::message);
    if (throughActions)
        QTest::keyClick(hex, Qt::Key_Z, Qt::ControlModifier);
    else
        stack->undo();
    QCOMPARE(stack->index(), index);
    QCOMPARE(stack->count(), count);
    QVERIFY(stack->canUndo());
    QCOMPARE(stack->canRedo(), canRedo);
    QVERIFY(view->action(MemoryView::ActionId::Undo)->isEnabled());
    QCOMPARE(view->action(MemoryView::ActionId::Redo)->isEnabled(), canRedo);
    // Memory keeps what the other process wrote; the message says why.
    QCOMPARE(shmtest::readInAnotherProcess(segment.shmid(), at + 1, 1), QStringLiteral("55"));
    QVERIFY(!messages.isEmpty());
    const QString said = messages.last().at(0).toString();
    QVERIFY2(said.contains(QLatin1String("another process")), qPrintable(said));
    QVERIFY2(said.contains(QLatin1String("stays on the undo side")), qPrintable(said));
    // Once the other process puts the byte back, the same step undoes.
    const QByteArray ours = import ? QByteArray("e", 1) : QByteArray("\x02", 1);
    QCOMPARE(shmtest::writeInAnotherProcess(segment.shmid(), at + 1, ours), QString());
    view->action(MemoryView::ActionId::Undo)->trigger();
    QCOMPARE(stack->index(), index - 1);
    QCOMPARE(shmtest::readInAnotherProcess(segment.shmid(), at, 2), QStringLiteral("0000"));
}

void TestMemoryTruth::refusedRedoLeavesTheStack()
{
    TestSegment segment(4096);
    QVERIFY(segment.isValid());
    auto view = openActiveView(segment.shmid());
    QVERIFY(view);
    HexView *hex = view->hexView();
    QUndoStack *stack = view->undoStack();
    QTest::keyClicks(hex, "abcd");
    view->action(MemoryView::ActionId::Undo)->trigger();
    QCOMPARE(stack->index(), 0);
    QVERIFY(stack->canRedo());
    QCOMPARE(shmtest::writeInAnotherProcess(segment.shmid(), 0, QByteArray("\x11", 1)), QString());
    QSignalSpy messages(view.get(), &MemoryView::message);
    for (bool direct : {false, true}) {
        if (direct)
            stack->redo();
        else
            view->action(MemoryView::ActionId::Redo)->trigger();
        QCOMPARE(stack->index(), 0);
        QCOMPARE(stack->count(), 1);
        QVERIFY(!stack->canUndo());
        QVERIFY(stack->canRedo());
        QCOMPARE(shmtest::readInAnotherProcess(segment.shmid(), 0, 2), QStringLiteral("1100"));
        QVERIFY(!messages.isEmpty());
        QVERIFY2(messages.last().at(0).toString().contains(QLatin1String("stays on the redo side")),
                 qPrintable(messages.last().at(0).toString()));
    }
}

void TestMemoryTruth::noteSaysWhatIsReadWhen_data()
{
    QTest::addColumn<quint64>("swapped");
    QTest::addColumn<bool>("hugeTlb");
    QTest::addColumn<bool>("unreadable");
    QTest::addColumn<QStringList>("says");
    QTest::newRow("nothing to say") << quint64(0) << false << false << QStringList();
    QTest::newRow("pages on swap")
        << quint64(8192) << false << false
        << QStringList{QStringLiteral("8 KiB of this segment are on swap"),
                       QStringLiteral("read only when shown")};
    QTest::newRow("huge pages")
        << quint64(0) << true << false
        << QStringList{QStringLiteral("not yet mapped here"),
                       QStringLiteral("takes a free huge page")};
    QTest::newRow("unreadable rows shown")
        << quint64(0) << true << true << QStringList{QStringLiteral("??"), QStringLiteral("why")};
}

void TestMemoryTruth::noteSaysWhatIsReadWhen()
{
    QFETCH(quint64, swapped);
    QFETCH(bool, hugeTlb);
    QFETCH(bool, unreadable);
    QFETCH(QStringList, says);
    const QString note =
        memorynote::text({swapped, hugeTlb, unreadable, unreadable ? QStringLiteral("why") : QString()});
    QCOMPARE(note.isEmpty(), says.isEmpty());
    for (const QString &part : says)
        QVERIFY2(note.contains(part), qPrintable(note));
}

QTEST_MAIN(TestMemoryTruth)
#include "tst_memorytruth.moc"
