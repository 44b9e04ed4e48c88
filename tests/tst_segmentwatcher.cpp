// The whole-segment change tracker: shm::SegmentWatcher on its own (passes run by hand, so the
// checks do not depend on timing), then in the memory view, where another process writes far
// from the rows on screen: the change is counted in the status line, lit in the change map,
// listed in the Changes panel and reached with F8; the count decays to 0 after the window; a
// sparse segment's resident size does not grow while the watcher runs; the view's own edits
// are not counted.

#include "core/attachment.h"
#include "core/memoryaccess.h"
#include "core/segmentwatcher.h"
#include "support/testsegment.h"
#include "ui/memory/changelist.h"
#include "ui/memory/changemap.h"
#include "ui/memory/hexview.h"
#include "ui/memory/memoryview.h"
#include "ui/memory/segmentwatchthread.h"

#include <QAction>
#include <QLabel>
#include <QTableView>
#include <QTest>

#include <cstring>
#include <sys/shm.h>

using namespace shmtest;
using shm::SegmentWatcher;

namespace {

constexpr std::uint64_t MiB = std::uint64_t(1) << 20;

// A child process writes `bytes` at `offset` of the segment, then holds still.
std::unique_ptr<ChildProcess> writeInChild(int shmid, std::uint64_t offset, QByteArray bytes)
{
    auto child = std::make_unique<ChildProcess>([shmid, offset, bytes] {
        void *at = shmat(shmid, nullptr, 0);
        if (at == reinterpret_cast<void *>(-1))
            _exit(3);
        std::memcpy(static_cast<char *>(at) + offset, bytes.constData(), std::size_t(bytes.size()));
        shmdt(at);
    });
    if (!child->waitReady())
        return nullptr;
    return child;
}

QByteArray afterBytes(const SegmentWatcher::Change &change)
{
    return QByteArray(reinterpret_cast<const char *>(change.after.data()),
                      qsizetype(change.after.size()));
}

QString statusLine(const MemoryView &view)
{
    QString text;
    for (const QLabel *label : view.findChildren<QLabel *>()) {
        if (label->text().contains(QLatin1String("bytes changed in the last")))
            text = label->text();
    }
    return text;
}

} // namespace

class TestSegmentWatcher : public QObject
{
    Q_OBJECT

private slots:
    void firstPassIsTheBaseline();
    void changesAreExactRangesWithTheirNewBytes();
    void freshPageIsComparedWithZeros();
    void recordCountsPassesAndStaysBounded();
    void windowCountDecaysToZero();
    void sparseSegmentStaysSmall();
    void copyStaysWithinItsLimit();
    void ownWriteInFlightIsNotAChange();
    void farChangesInTheMemoryView();
    void watcherFollowsAReattach();
};

void TestSegmentWatcher::firstPassIsTheBaseline()
{
    TestSegment segment(MiB);
    QVERIFY2(segment.isValid(), segment.error().c_str());
    auto writer = writeInChild(segment.shmid(), 1000, "before the watch");
    QVERIFY(writer);
    auto attached = shm::Attachment::attach(segment.shmid());
    QVERIFY(attached);
    SegmentWatcher watcher(shm::MemoryAccess::forAttachment(*attached));
    const auto first = watcher.pass();
    QVERIFY(first.baseline);
    QVERIFY(first.changes.empty());
    QCOMPARE(first.residentBytes, shm::MemoryAccess::pageSize());
    QVERIFY(!watcher.pass().baseline);
    QCOMPARE(watcher.rangeCount(), std::size_t(0));
}

void TestSegmentWatcher::changesAreExactRangesWithTheirNewBytes()
{
    TestSegment segment(4 * MiB);
    QVERIFY2(segment.isValid(), segment.error().c_str());
    auto seed = writeInChild(segment.shmid(), 0, QByteArray(4096 * 3, 'a'));
    QVERIFY(seed);
    auto attached = shm::Attachment::attach(segment.shmid());
    QVERIFY(attached);
    SegmentWatcher watcher(shm::MemoryAccess::forAttachment(*attached));
    watcher.pass();
    // A run across a page boundary, a lone byte, and a run longer than the 64 bytes kept.
    auto w1 = writeInChild(segment.shmid(), 4090, "0123456789XY");
    auto w2 = writeInChild(segment.shmid(), 9000, "Z");
    auto w3 = writeInChild(segment.shmid(), 10000, QByteArray(100, 'q'));
    QVERIFY(w1 && w2 && w3);
    const auto result = watcher.pass();
    QCOMPARE(result.changes.size(), std::size_t(3));
    QCOMPARE(result.changes[0].offset, std::uint64_t(4090));
    QCOMPARE(result.changes[0].length, std::uint64_t(12));
    QCOMPARE(afterBytes(result.changes[0]), QByteArray("0123456789XY"));
    QCOMPARE(result.changes[1].offset, std::uint64_t(9000));
    QCOMPARE(afterBytes(result.changes[1]), QByteArray("Z"));
    QCOMPARE(result.changes[2].length, std::uint64_t(100));
    QCOMPARE(afterBytes(result.changes[2]), QByteArray(64, 'q'));
    QCOMPARE(result.changedBytes, std::uint64_t(113));
    QCOMPARE(watcher.bytesChangedInWindow(), std::uint64_t(113));
    QCOMPARE(watcher.nextChange(0), std::optional<std::uint64_t>(4090));
    QCOMPARE(watcher.nextChange(4101), std::optional<std::uint64_t>(9000));
    QCOMPARE(watcher.previousChange(9000), std::optional<std::uint64_t>(4101));
    QCOMPARE(watcher.nextChange(10099), std::nullopt);
    // Nothing more changed: the next pass reports nothing.
    QVERIFY(watcher.pass().changes.empty());
}

void TestSegmentWatcher::freshPageIsComparedWithZeros()
{
    TestSegment segment(64 * MiB);
    QVERIFY2(segment.isValid(), segment.error().c_str());
    auto attached = shm::Attachment::attach(segment.shmid());
    QVERIFY(attached);
    SegmentWatcher watcher(shm::MemoryAccess::forAttachment(*attached));
    watcher.pass();
    // A page nobody touched before: the watcher sees it become resident, and what differs from
    // zeros is the change.
    const QByteArray bytes = QByteArray(2, '\0') + "far" + QByteArray(1, '\0') + "away";
    auto writer = writeInChild(segment.shmid(), 60 * MiB + 8, bytes);
    QVERIFY(writer);
    const auto result = watcher.pass();
    QCOMPARE(result.changes.size(), std::size_t(2));
    QCOMPARE(result.changes[0].offset, 60 * MiB + 10);
    QCOMPARE(afterBytes(result.changes[0]), QByteArray("far"));
    QCOMPARE(result.changes[1].offset, 60 * MiB + 14);
    QCOMPARE(afterBytes(result.changes[1]), QByteArray("away"));
    const auto heat = watcher.heat();
    QVERIFY(heat[(60 * MiB + 10) / watcher.bucketSize()] > 0.5f);
    QCOMPARE(heat[0], 0.0f);
}

void TestSegmentWatcher::recordCountsPassesAndStaysBounded()
{
    TestSegment segment(MiB);
    QVERIFY2(segment.isValid(), segment.error().c_str());
    auto attached = shm::Attachment::attach(segment.shmid(), shm::Access::ReadWrite);
    QVERIFY(attached);
    std::byte *memory = attached->writableData();
    SegmentWatcher::Options options;
    options.maxRanges = 4;
    SegmentWatcher watcher(shm::MemoryAccess::forAttachment(*attached), options);
    std::memset(memory, 1, 4096);
    watcher.pass();
    // Two ranges, each changed in three passes.
    for (int i = 0; i < 3; ++i) {
        memory[100] = std::byte(10 + i);
        memory[102] = std::byte(10 + i);
        watcher.pass();
    }
    auto ranges = watcher.ranges();
    QCOMPARE(ranges.size(), std::size_t(2));
    QCOMPARE(ranges[0].passes, std::uint64_t(3));
    // 101 joins them: one range, whose fourth pass is counted once.
    memory[101] = std::byte(99);
    watcher.pass();
    ranges = watcher.ranges();
    QCOMPARE(ranges.size(), std::size_t(1));
    QCOMPARE(ranges[0].offset, std::uint64_t(100));
    QCOMPARE(ranges[0].length, std::uint64_t(3));
    QCOMPARE(ranges[0].passes, std::uint64_t(4));
    // Ten separate changes with a cap of four: the closest are merged, none is lost.
    for (int i = 0; i < 10; ++i)
        memory[1000 + i * 200 + (i % 3) * 20] = std::byte(7);
    watcher.pass();
    ranges = watcher.ranges();
    QCOMPARE(ranges.size(), std::size_t(4));
    for (int i = 0; i < 10; ++i) {
        const std::uint64_t at = 1000 + i * 200 + (i % 3) * 20;
        QCOMPARE(watcher.nextChange(at - 1), std::optional<std::uint64_t>(at));
    }
    watcher.resetRecord();
    QCOMPARE(watcher.rangeCount(), std::size_t(0));
    QCOMPARE(watcher.bytesChangedInWindow(), std::uint64_t(0));
}

void TestSegmentWatcher::windowCountDecaysToZero()
{
    TestSegment segment(MiB);
    QVERIFY2(segment.isValid(), segment.error().c_str());
    auto attached = shm::Attachment::attach(segment.shmid(), shm::Access::ReadWrite);
    QVERIFY(attached);
    SegmentWatcher::Options options;
    options.window = std::chrono::milliseconds(300);
    options.heatFade = std::chrono::milliseconds(300);
    SegmentWatcher watcher(shm::MemoryAccess::forAttachment(*attached), options);
    watcher.pass();
    std::memset(attached->writableData() + 500, 0x5a, 50);
    watcher.pass();
    QCOMPARE(watcher.bytesChangedInWindow(), std::uint64_t(50));
    // Quiet from now on: the figure falls to 0 once the window has passed, with or without
    // passes; the record keeps the range.
    QTRY_COMPARE_WITH_TIMEOUT(watcher.bytesChangedInWindow(), std::uint64_t(0), 20000);
    watcher.pass();
    QCOMPARE(watcher.bytesChangedInWindow(), std::uint64_t(0));
    QCOMPARE(watcher.rangeCount(), std::size_t(1));
    QTRY_COMPARE_WITH_TIMEOUT(watcher.heat()[0], 0.0f, 20000);
}

// A segment more resident than the copy may hold: the copy stops at its limit, the rest is
// counted as not watched, and the watched part still reports its changes.
void TestSegmentWatcher::copyStaysWithinItsLimit()
{
    const std::uint64_t page = shm::MemoryAccess::pageSize();
    TestSegment segment(8 * page);
    QVERIFY2(segment.isValid(), segment.error().c_str());
    auto seed = writeInChild(segment.shmid(), 0, QByteArray(qsizetype(8 * page), 'a'));
    QVERIFY(seed);
    auto attached = shm::Attachment::attach(segment.shmid());
    QVERIFY(attached);
    SegmentWatcher::Options options;
    options.maxCopyBytes = 2 * page;
    SegmentWatcher watcher(shm::MemoryAccess::forAttachment(*attached), options);
    const auto baseline = watcher.pass();
    QCOMPARE(baseline.residentBytes, 8 * page);
    QCOMPARE(baseline.unwatchedBytes, 6 * page);
    auto near = writeInChild(segment.shmid(), 10, "XYZW");
    auto far = writeInChild(segment.shmid(), 7 * page, "XYZW");
    QVERIFY(near && far);
    const auto result = watcher.pass();
    QCOMPARE(result.changes.size(), std::size_t(1));
    QCOMPARE(result.changes[0].offset, std::uint64_t(10));
    QCOMPARE(result.changes[0].length, std::uint64_t(4));
    const auto stats = watcher.stats();
    QCOMPARE(stats.copyBytes, 2 * page);
    QCOMPARE(stats.maxCopyBytes, 2 * page);
    QCOMPARE(stats.unwatchedBytes, 6 * page);
}

// A pass that runs while this program writes (between beginOwnWrite and absorbOwnWrite) does
// not take the write for another process's change; another process's write next to it is.
void TestSegmentWatcher::ownWriteInFlightIsNotAChange()
{
    TestSegment segment(MiB);
    QVERIFY2(segment.isValid(), segment.error().c_str());
    auto attached = shm::Attachment::attach(segment.shmid(), shm::Access::ReadWrite);
    QVERIFY(attached);
    SegmentWatcher watcher(shm::MemoryAccess::forAttachment(*attached));
    std::memset(attached->writableData(), 'a', 8192);
    watcher.pass(); // the baseline
    watcher.beginOwnWrite(100, 4);
    std::memcpy(attached->writableData() + 100, "ours", 4);
    auto other = writeInChild(segment.shmid(), 5000, "theirs");
    QVERIFY(other);
    const auto during = watcher.pass(); // the pass runs before the write is absorbed
    QCOMPARE(during.changes.size(), std::size_t(1));
    QCOMPARE(during.changes[0].offset, std::uint64_t(5000));
    watcher.absorbOwnWrite(100, reinterpret_cast<const std::byte *>("ours"), 4);
    QVERIFY(watcher.pass().changes.empty());
    QCOMPARE(watcher.nextChange(0), std::optional<std::uint64_t>(5000));
}

void TestSegmentWatcher::sparseSegmentStaysSmall()
{
    TestSegment segment(std::uint64_t(1) << 30, 0600, 0, SHM_NORESERVE);
    QVERIFY2(segment.isValid(), segment.error().c_str());
    const std::uint64_t page = shm::MemoryAccess::pageSize();
    auto w1 = writeInChild(segment.shmid(), 0, "first page");
    auto w2 = writeInChild(segment.shmid(), 512 * MiB, "middle page");
    QVERIFY(w1 && w2);
    const std::uint64_t before = residentBytes(segment.shmid());
    QCOMPARE(before, 2 * page);
    {
        auto attached = shm::Attachment::attach(segment.shmid());
        QVERIFY(attached);
        MemoryView view(std::move(attached.value()));
        SegmentWatchThread *watch = view.segmentWatch();
        QTRY_VERIFY_WITH_TIMEOUT(watch->watcher().stats().passes >= 5, 60000);
        auto w3 = writeInChild(segment.shmid(), 1000 * MiB, "late page");
        QVERIFY(w3);
        QTRY_VERIFY_WITH_TIMEOUT(watch->watcher().nextChange(0).has_value(), 60000);
        QCOMPARE(*watch->watcher().nextChange(0), 1000 * MiB);
        const std::uint64_t passes = watch->watcher().stats().passes;
        QTRY_VERIFY_WITH_TIMEOUT(watch->watcher().stats().passes >= passes + 5, 60000);
        // The copy holds the resident pages only, not the gigabyte.
        QCOMPARE(watch->watcher().stats().copyBytes, 3 * page);
    }
    // The view's rows at offset 0 are resident already; the watcher made no page resident.
    QCOMPARE(residentBytes(segment.shmid()), 3 * page);
}

void TestSegmentWatcher::farChangesInTheMemoryView()
{
    TestSegment segment(64 * MiB);
    QVERIFY2(segment.isValid(), segment.error().c_str());
    auto attached = shm::Attachment::attach(segment.shmid());
    QVERIFY(attached);
    MemoryView view(std::move(attached.value()));
    view.resize(1000, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    HexView *hex = view.hexView();
    const shm::SegmentWatcher &watcher = view.segmentWatch()->watcher();
    QTRY_VERIFY_WITH_TIMEOUT(watcher.stats().passes >= 1, 60000);
    QCOMPARE(hex->topRow(), quint64(0));

    // Another process writes 16 bytes at 60 MiB while the view shows offset 0.
    const std::uint64_t far = 60 * MiB;
    auto writer = writeInChild(segment.shmid(), far, QByteArray(16, '\x7f'));
    QVERIFY(writer);
    QTRY_COMPARE_WITH_TIMEOUT(watcher.bytesChangedInWindow(), std::uint64_t(16), 60000);
    QCOMPARE(hex->topRow(), quint64(0));
    QTRY_VERIFY_WITH_TIMEOUT(statusLine(view).contains(QLatin1String("16 bytes changed in the last "
                                                                     "10 s")),
                             60000);
    QVERIFY2(statusLine(view).contains(QLatin1String("tracker 5% budget")),
             qPrintable(statusLine(view)));

    // The map: lit where 60 MiB is, not at the top.
    ChangeMap *map = view.changeMap();
    const int y = int(double(far) / double(64 * MiB) * map->height());
    QTRY_VERIFY_WITH_TIMEOUT(map->grab().toImage().pixelColor(map->width() / 2, y)
                                 != map->grab().toImage().pixelColor(map->width() / 2,
                                                                     map->height() / 4),
                             20000);
    QVERIFY(map->offsetAt(y) <= far && far < map->offsetAt(y + 1));

    // The list: one range, 16 bytes at 60 MiB; double-click selects it.
    ChangeList *list = view.changeList();
    view.showPanel(list);
    QTRY_COMPARE_WITH_TIMEOUT(list->model()->rowCount(), 1, 20000);
    const QModelIndex row = list->model()->index(0, 0);
    QCOMPARE(row.data(ChangeListModel::OffsetRole).toULongLong(), far);
    QCOMPARE(row.data(ChangeListModel::LengthRole).toULongLong(), quint64(16));
    QTableView *table = list->table();
    const QModelIndex shown = table->model()->index(0, ChangeListModel::LengthColumn);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(shown).center());
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {},
                       table->visualRect(shown).center());
    QCOMPARE(hex->selectionStart(), far);
    QCOMPARE(hex->selectionLength(), quint64(16));
    // Refreshing keeps the selection.
    list->refresh();
    QCOMPARE(table->selectionModel()->selectedRows().size(), 1);

    // F8 from offset 0 goes there; Shift+F8 from the end comes back to its last byte.
    hex->setCursorOffset(0);
    view.action(MemoryView::ActionId::NextChange)->trigger();
    QCOMPARE(hex->cursorOffset(), far);
    QVERIFY(hex->topRow() > 0);
    // The change's row is away from the view's edges, not on its last row.
    const auto awayFromEdges = [&](quint64 offset) {
        const quint64 at = hex->hexLayout().rowOf(offset);
        const quint64 page = hex->hexLayout().pageRows(hex->viewport()->height());
        return at >= hex->topRow() + 2 && at + 2 < hex->topRow() + page;
    };
    QVERIFY(awayFromEdges(far));
    hex->setCursorOffset(64 * MiB - 1);
    view.action(MemoryView::ActionId::PreviousChange)->trigger();
    QCOMPARE(hex->cursorOffset(), far + 15);

    // A click on the map at 60 MiB lands on the change too.
    hex->setCursorOffset(0);
    QTest::mouseClick(map, Qt::LeftButton, {}, QPoint(map->width() / 2, y));
    QCOMPARE(hex->cursorOffset(), far);
    QVERIFY(awayFromEdges(far));

    // Quiet from now on: the figure falls to 0 after the window (10 s).
    QTRY_VERIFY_WITH_TIMEOUT(statusLine(view).contains(QLatin1String(" 0 bytes changed in the last")),
                             60000);
    QCOMPARE(list->model()->rowCount(), 1); // the record stays
}

void TestSegmentWatcher::watcherFollowsAReattach()
{
    TestSegment segment(4 * MiB);
    QVERIFY2(segment.isValid(), segment.error().c_str());
    auto attached = shm::Attachment::attach(segment.shmid());
    QVERIFY(attached);
    MemoryView view(std::move(attached.value()));
    SegmentWatchThread *watch = view.segmentWatch();
    QTRY_VERIFY_WITH_TIMEOUT(watch->watcher().stats().passes >= 1, 60000);
    for (bool editable : {true, false, true}) {
        QVERIFY(view.setEditable(editable));
        QVERIFY(watch->isRunning());
    }
    // Our own edit is not another process's change; the other process's write is.
    QVERIFY(view.hexView()->writeBytes(100, "ours", QStringLiteral("edit")));
    auto writer = writeInChild(segment.shmid(), 3 * MiB, "after the re-attach");
    QVERIFY(writer);
    QTRY_COMPARE_WITH_TIMEOUT(watch->watcher().nextChange(0), std::optional<std::uint64_t>(3 * MiB),
                              60000);
    QCOMPARE(watch->watcher().rangeCount(), std::size_t(1));
}

QTEST_MAIN(TestSegmentWatcher)
#include "tst_segmentwatcher.moc"
