// The change tracker on its own: the comparison of snapshots (only where they overlap), the
// record of changed offsets (exact below its cap, never missing a change above it, its state
// bounded however busy the memory), our own writes absorbed, and the fade.

#include "ui/memory/changetracker.h"

#include <QRandomGenerator>
#include <QTest>

#include <cstring>
#include <vector>

namespace {

std::vector<std::byte> bytesOf(std::initializer_list<int> values)
{
    std::vector<std::byte> out;
    for (int v : values)
        out.push_back(std::byte(v));
    return out;
}

} // namespace

class TestChangeTracker : public QObject
{
    Q_OBJECT
private slots:
    void firstSnapshotIsNotAChange();
    void comparesWhereSnapshotsOverlap();
    void recordIsExactBelowTheCap();
    void sameByteChangingAgainCountsOnce();
    void navigationBetweenChanges_data();
    void navigationBetweenChanges();
    void capMergesTheClosestNeighbours();
    void busySegmentKeepsTheStateBounded();
    void ownWritesAreAbsorbed();
    void fadeGoesFromOneToZero();
    void onlyTheSnapshotFades();
    void resetForgetsTheRecord();
};

void TestChangeTracker::firstSnapshotIsNotAChange()
{
    ChangeTracker tracker;
    QCOMPARE(tracker.observe(0, bytesOf({1, 2, 3})), quint64(0));
    QVERIFY(tracker.hasSnapshot());
    QCOMPARE(tracker.changedByteCount(), quint64(0));
    QVERIFY(!tracker.isFading());
}

void TestChangeTracker::comparesWhereSnapshotsOverlap()
{
    ChangeTracker tracker;
    tracker.observe(100, bytesOf({0, 0, 0, 0}));
    // Moved by two bytes: offsets 102 and 103 are compared, 104 and 105 are new.
    QCOMPARE(tracker.observe(102, bytesOf({0, 9, 9, 9})), quint64(1));
    QVERIFY(tracker.hasChanged(103));
    QVERIFY(!tracker.hasChanged(104));
    QCOMPARE(tracker.snapshotOffset(), quint64(102));
    QCOMPARE(tracker.snapshot().size(), std::size_t(4));
    // Not compared when asked not to.
    QCOMPARE(tracker.observe(102, bytesOf({7, 7, 7, 7}), false), quint64(0));
    QCOMPARE(tracker.changedByteCount(), quint64(1));
}

void TestChangeTracker::recordIsExactBelowTheCap()
{
    ChangeTracker tracker;
    std::vector<std::byte> before(4096), after(4096);
    tracker.observe(0, before);
    for (int offset : {5, 100, 101, 300, 4095})
        after[std::size_t(offset)] = std::byte(1);
    QCOMPARE(tracker.observe(0, after), quint64(5));
    QCOMPARE(tracker.changedByteCount(), quint64(5));
    QCOMPARE(tracker.rangeCount(), std::size_t(4)); // 100 and 101 are one range
    for (quint64 offset : {5, 100, 101, 300, 4095})
        QVERIFY2(tracker.hasChanged(offset), qPrintable(QString::number(offset)));
    for (quint64 offset : {0, 4, 6, 99, 102, 299, 301, 4094})
        QVERIFY2(!tracker.hasChanged(offset), qPrintable(QString::number(offset)));
}

void TestChangeTracker::sameByteChangingAgainCountsOnce()
{
    ChangeTracker tracker;
    tracker.observe(0, bytesOf({0, 0}));
    tracker.observe(0, bytesOf({1, 0}));
    QCOMPARE(tracker.observe(0, bytesOf({2, 0})), quint64(1));
    QCOMPARE(tracker.changedByteCount(), quint64(1));
    tracker.markChanged(0, 2);
    QCOMPARE(tracker.changedByteCount(), quint64(2));
    QCOMPARE(tracker.rangeCount(), std::size_t(1));
}

void TestChangeTracker::navigationBetweenChanges_data()
{
    QTest::addColumn<quint64>("from");
    QTest::addColumn<qint64>("next");     // -1: none
    QTest::addColumn<qint64>("previous"); // -1: none
    // Changed: 10..12 and 50.
    QTest::newRow("before everything") << quint64(0) << qint64(10) << qint64(-1);
    QTest::newRow("at the first change") << quint64(10) << qint64(11) << qint64(-1);
    QTest::newRow("inside a range") << quint64(11) << qint64(12) << qint64(10);
    QTest::newRow("at the end of a range") << quint64(12) << qint64(50) << qint64(11);
    QTest::newRow("between ranges") << quint64(30) << qint64(50) << qint64(12);
    QTest::newRow("at the last change") << quint64(50) << qint64(-1) << qint64(12);
    QTest::newRow("after everything") << quint64(1000) << qint64(-1) << qint64(50);
    QTest::newRow("at the largest offset") << ~quint64(0) << qint64(-1) << qint64(50);
}

void TestChangeTracker::navigationBetweenChanges()
{
    QFETCH(quint64, from);
    QFETCH(qint64, next);
    QFETCH(qint64, previous);
    ChangeTracker tracker;
    tracker.markChanged(10, 3);
    tracker.markChanged(50, 1);
    const auto n = tracker.nextChange(from);
    const auto p = tracker.previousChange(from);
    QCOMPARE(n ? qint64(*n) : -1, next);
    QCOMPARE(p ? qint64(*p) : -1, previous);
}

void TestChangeTracker::capMergesTheClosestNeighbours()
{
    ChangeTracker tracker(1000, 3);
    tracker.markChanged(0, 1);
    tracker.markChanged(10, 1);
    tracker.markChanged(12, 1);
    QCOMPARE(tracker.rangeCount(), std::size_t(3));
    QCOMPARE(tracker.changedByteCount(), quint64(3));
    // A fourth range: 10 and 12, one byte apart, are the closest neighbours and merge.
    tracker.markChanged(100, 1);
    QCOMPARE(tracker.rangeCount(), std::size_t(3));
    QCOMPARE(tracker.changedByteCount(), quint64(5)); // 11 now counts: an upper bound
    QVERIFY(tracker.hasChanged(11));
    QVERIFY(!tracker.hasChanged(50));
    for (quint64 offset : {0, 10, 12, 100})
        QVERIFY(tracker.hasChanged(offset));
    QCOMPARE(*tracker.nextChange(0), quint64(10));
    QCOMPARE(*tracker.previousChange(100), quint64(12));
}

void TestChangeTracker::busySegmentKeepsTheStateBounded()
{
    // A 1 GiB segment where another process keeps changing every third byte of whatever
    // window is shown, all over the segment: tens of thousands of scattered changes.
    constexpr quint64 SegmentSize = quint64(1) << 30;
    constexpr std::size_t Window = 1024;
    ChangeTracker tracker;
    QRandomGenerator random(1664);
    std::vector<std::byte> shown(Window);
    std::vector<quint64> someChanged;
    quint64 exactAtMost = 0;
    for (int step = 0; step < 3000; ++step) {
        const quint64 offset = random.bounded(quint64(SegmentSize - Window));
        std::fill(shown.begin(), shown.end(), std::byte(0));
        tracker.observe(offset, shown);
        for (std::size_t i = 0; i < Window; i += 3)
            shown[i] = std::byte(step % 255 + 1);
        QCOMPARE(tracker.observe(offset, shown), quint64((Window + 2) / 3));
        exactAtMost += (Window + 2) / 3;
        someChanged.push_back(offset);
        someChanged.push_back(offset + Window - 1 - (Window - 1) % 3);
        QVERIFY(tracker.rangeCount() <= tracker.maxRanges());
        QVERIFY(tracker.fadingCount() <= tracker.snapshot().size());
    }
    QCOMPARE(tracker.rangeCount(), tracker.maxRanges());
    // Never misses a change; the count is an upper bound once ranges were merged.
    for (quint64 offset : someChanged)
        QVERIFY2(tracker.hasChanged(offset), qPrintable(QString::number(offset)));
    QVERIFY(tracker.changedByteCount() >= quint64(someChanged.size()));
    QVERIFY(tracker.changedByteCount() <= SegmentSize);
    QVERIFY(exactAtMost > 100 * tracker.maxRanges()); // far more changes than ranges kept
}

void TestChangeTracker::ownWritesAreAbsorbed()
{
    ChangeTracker tracker;
    tracker.observe(10, bytesOf({0, 0, 0, 0}));
    // We wrote 0xaa over 8..11: the part inside the snapshot is 10..11.
    auto [at, part] = tracker.snapshotPart(8, 4);
    QCOMPARE(at, quint64(10));
    QCOMPARE(part.size(), std::size_t(2));
    std::memset(part.data(), 0xaa, part.size());
    QCOMPARE(tracker.observe(10, bytesOf({0xaa, 0xaa, 0, 0})), quint64(0));
    QVERIFY(tracker.snapshotPart(0, 10).second.empty());
    QVERIFY(tracker.snapshotPart(14, ~quint64(0)).second.empty());
}

void TestChangeTracker::fadeGoesFromOneToZero()
{
    ChangeTracker tracker(200);
    QCOMPARE(tracker.fadeMs(), qint64(200));
    tracker.observe(0, bytesOf({0, 0}));
    tracker.observe(0, bytesOf({1, 0}));
    QVERIFY(tracker.glow(0) > 0.5);
    QCOMPARE(tracker.glow(1), 0.0);
    QCOMPARE(tracker.litCount(), 1);
    QTest::qWait(250);
    QCOMPARE(tracker.glow(0), 0.0);
    QCOMPARE(tracker.litCount(), 0);
    QVERIFY(tracker.expireFades()); // was fading: one more repaint
    QVERIFY(!tracker.isFading());
    QVERIFY(!tracker.expireFades());
    QVERIFY(tracker.hasChanged(0)); // the record stays
}

void TestChangeTracker::onlyTheSnapshotFades()
{
    ChangeTracker tracker;
    tracker.observe(0, bytesOf({0, 0, 0, 0}));
    tracker.observe(0, bytesOf({1, 0, 0, 1}));
    QCOMPARE(tracker.fadingCount(), std::size_t(2));
    tracker.observe(2, bytesOf({0, 1}));
    QCOMPARE(tracker.fadingCount(), std::size_t(1));
    QCOMPARE(tracker.glow(0), 0.0);
    QVERIFY(tracker.glow(3) > 0);
}

void TestChangeTracker::resetForgetsTheRecord()
{
    ChangeTracker tracker;
    tracker.observe(0, bytesOf({0}));
    tracker.observe(0, bytesOf({1}));
    tracker.reset();
    QCOMPARE(tracker.changedByteCount(), quint64(0));
    QCOMPARE(tracker.rangeCount(), std::size_t(0));
    QVERIFY(!tracker.isFading());
    QVERIFY(!tracker.nextChange(0) && !tracker.previousChange(10));
    QVERIFY(tracker.hasSnapshot()); // the next snapshot is still compared
    QCOMPARE(tracker.observe(0, bytesOf({2})), quint64(1));
    tracker.clear();
    QVERIFY(!tracker.hasSnapshot());
}

QTEST_GUILESS_MAIN(TestChangeTracker)
#include "tst_changetracker.moc"
