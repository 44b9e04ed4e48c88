// Find, export and import as tasks of the memory view, on real segments: a sparse 1 GiB
// SHM_NORESERVE segment that another process wrote three pages of (found across a hole's
// edge, an all-zero needle inside a hole, the segment's resident size unchanged, a sparse
// export file), a find that wraps around once, a find and an export cancelled in the middle,
// and an import from a FIFO nobody writes to, cancelled.

#include "support/testsegment.h"
#include "ui/memory/byteeditor.h"
#include "ui/memory/bytesource.h"
#include "ui/memory/findbar.h"
#include "ui/memory/hexview.h"
#include "ui/memory/memorytask.h"
#include "ui/memory/memoryview.h"

#include "core/memorysearch.h"
#include "core/sparsepages.h"

#include <QDir>
#include <QFile>
#include <QLocale>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <cstring>
#include <random>
#include <fcntl.h>
#include <memory>
#include <sys/shm.h>
#include <sys/stat.h>
#include <unistd.h>

using shmtest::TestSegment;

namespace {

constexpr quint64 Page = 4096;
constexpr quint64 SparseSize = (quint64(1) << 30) + 16 * Page;
// What another process writes into the sparse segment: a needle in the middle, bytes that end
// a page whose next page is untouched, bytes that start a page after an untouched one.
constexpr quint64 MiddleAt = quint64(700) << 20;
constexpr quint64 EdgePage = quint64(512) << 20; // "edge" in its last 4 bytes
constexpr quint64 AfterHole = quint64(900) << 20; // "ab" in its first 2 bytes
const char Middle[] = "needle in the haystack";

std::unique_ptr<MemoryView> openView(int shmid, shm::Access access = shm::Access::ReadOnly)
{
    auto attached = shm::Attachment::attach(shmid, access);
    if (!attached)
        return nullptr;
    auto view = std::make_unique<MemoryView>(std::move(attached.value()));
    view->hexView()->setLivePaused(true);
    return view;
}

QByteArray bytes(const char *text, std::size_t size)
{
    return QByteArray(text, qsizetype(size));
}

} // namespace

class TestMemoryTasks : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void sparsePagesAgreeWithMincore();
    void searchAgreesWithPlainSearch();
    void findOnSparseSegment_data();
    void findOnSparseSegment();
    void exportOfSparseSegmentIsSparse();
    void findWrapsAroundOnce();
    void cancelledFindLeavesTheCursor();
    void cancelledExportLeavesTheOldFile();
    void importFromFifoWithoutWriterCanBeCancelled();

private:
    std::unique_ptr<TestSegment> m_sparse;
    std::unique_ptr<shmtest::ChildProcess> m_writer;
};

void TestMemoryTasks::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_sparse = std::make_unique<TestSegment>(SparseSize, 0600, 0, SHM_NORESERVE);
    QVERIFY2(m_sparse->isValid(), m_sparse->error().c_str());
    const int shmid = m_sparse->shmid();
    // Another process writes three pages and keeps its attachment.
    m_writer = std::make_unique<shmtest::ChildProcess>([shmid] {
        void *address = shmat(shmid, nullptr, 0);
        if (address == reinterpret_cast<void *>(-1))
            _exit(1);
        auto *memory = static_cast<char *>(address);
        std::memcpy(memory + MiddleAt, Middle, sizeof Middle - 1);
        std::memcpy(memory + EdgePage + Page - 4, "edge", 4);
        std::memcpy(memory + AfterHole, "ab", 2);
    });
    QVERIFY(m_writer->waitReady());
    QCOMPARE(shmtest::residentBytes(shmid), 3 * Page);
}

void TestMemoryTasks::cleanupTestCase()
{
    m_writer.reset();
    m_sparse.reset();
}

// The holes seen through the mapping's file are the pages mincore() finds untouched.
void TestMemoryTasks::sparsePagesAgreeWithMincore()
{
    auto attached = shm::Attachment::attach(m_sparse->shmid(), shm::Access::ReadOnly);
    QVERIFY(attached);
    const auto access = shm::MemoryAccess::forAttachment(*attached);
    const shm::SparsePages map(access);
    if (!map.seesHoles())
        qInfo("The mapping's file cannot be opened here (no CAP_SYS_ADMIN): mincore alone.");
    for (const auto &[offset, count] : std::vector<std::pair<quint64, quint64>>{
             {0, SparseSize}, {EdgePage - 10, 3 * Page}, {MiddleAt + 7, 1}, {AfterHole, Page}}) {
        const auto expected = access.pages(offset, count);
        const auto runs = map.pages(offset, count);
        QCOMPARE(runs.size(), expected.size());
        for (std::size_t i = 0; i < runs.size(); ++i) {
            QCOMPARE(runs[i].offset, expected[i].offset);
            QCOMPARE(runs[i].length, expected[i].length);
            QCOMPARE(int(runs[i].state), int(expected[i].state));
        }
    }
}

// The core search over pages of every kind (written, never touched) agrees with a plain search
// of a copy, for needles that cross run edges, span several runs, or are all zeros.
void TestMemoryTasks::searchAgreesWithPlainSearch()
{
    constexpr quint64 Pages = 48;
    TestSegment segment(Pages * Page, 0600, 0, SHM_NORESERVE);
    QVERIFY(segment.isValid());
    auto attached = shm::Attachment::attach(segment.shmid(), shm::Access::ReadWrite);
    QVERIFY(attached);
    std::mt19937 random(12);
    const auto pick = [&](int n) { return int(random() % unsigned(n)); };
    const char alphabet[] = {'\0', 'a', 'b'};
    auto *memory = reinterpret_cast<char *>(attached->writableData());
    for (quint64 page = 0; page < Pages; ++page) {
        if (pick(3) != 0)
            continue; // never touched
        // Mostly zeros, so that matches of mixed needles cross into the holes.
        for (quint64 i = 0; i < Page; ++i)
            memory[page * Page + i] = pick(4) == 0 ? alphabet[1 + pick(2)] : '\0';
    }
    const auto access = shm::MemoryAccess::forAttachment(*attached);
    const quint64 resident = access.residentBytes(0, Pages * Page);
    std::vector<std::byte> copy(Pages * Page);
    access.read(0, copy.data(), copy.size());
    const auto plain = [&](const QByteArray &needle, quint64 from, quint64 to, bool forward) {
        std::optional<quint64> hit;
        for (quint64 s = from; s < to && s + quint64(needle.size()) <= copy.size(); ++s)
            if (std::memcmp(copy.data() + s, needle.constData(), std::size_t(needle.size())) == 0) {
                hit = s;
                if (forward)
                    break;
            }
        return hit;
    };
    for (int round = 0; round < 300; ++round) {
        QByteArray needle;
        const int kind = pick(4);
        const int length = kind == 3 ? 1 + pick(3 * int(Page)) : 1 + pick(9);
        for (int i = 0; i < length; ++i)
            needle += kind >= 2 ? '\0' : alphabet[pick(3)];
        quint64 from = random() % copy.size();
        quint64 to = random() % (copy.size() + 1);
        if (from > to)
            std::swap(from, to);
        if (round % 10 == 0)
            from = 0; // the first byte, where an offset of 0 must still count as found
        const auto *n = reinterpret_cast<const std::byte *>(needle.constData());
        for (bool forward : {true, false}) {
            const auto expected = plain(needle, from, to, forward);
            const auto match = forward
                ? shm::findForward(access, n, std::size_t(needle.size()), from, to)
                : shm::findBackward(access, n, std::size_t(needle.size()), from, to);
            const qint64 got =
                match.status == shm::MemoryMatch::Status::Found ? qint64(match.offset) : -1;
            const qint64 want = expected ? qint64(*expected) : -1;
            QVERIFY2(got == want,
                     qPrintable(QStringLiteral("round %1, %2, needle of %3 bytes, [%4, %5): %6, "
                                               "expected %7")
                                    .arg(round)
                                    .arg(forward ? "forward" : "backward")
                                    .arg(needle.size())
                                    .arg(from)
                                    .arg(to)
                                    .arg(got)
                                    .arg(want)));
        }
    }
    QCOMPARE(access.residentBytes(0, Pages * Page), resident);
}

void TestMemoryTasks::findOnSparseSegment_data()
{
    QTest::addColumn<QByteArray>("needle");
    QTest::addColumn<quint64>("cursor");
    QTest::addColumn<bool>("forward");
    QTest::addColumn<quint64>("expected");
    QTest::addColumn<bool>("wrapped");

    const QByteArray middle = bytes(Middle, sizeof Middle - 1);
    QTest::newRow("written by another process, forward")
        << middle << quint64(0) << true << MiddleAt << false;
    QTest::newRow("written by another process, backward from the end")
        << middle << SparseSize - 1 << false << MiddleAt << false;
    QTest::newRow("wrapping around to find it")
        << middle << MiddleAt + 1 << true << MiddleAt << true;
    QTest::newRow("ends in the hole after a written page")
        << bytes("edge\0\0\0\0", 8) << quint64(0) << true << EdgePage + Page - 4 << false;
    QTest::newRow("starts in the hole before a written page")
        << bytes("\0\0\0ab", 5) << SparseSize - 1 << false << AfterHole - 3 << false;
    QTest::newRow("all zeros, inside a hole")
        << QByteArray(16, '\0') << quint64(600) << true << quint64(600) << false;
    QTest::newRow("all zeros, backward, inside a hole")
        << QByteArray(16, '\0') << (quint64(800) << 20) << false << (quint64(800) << 20) - 1
        << false;
    QTest::newRow("all zeros, at the first byte")
        << QByteArray(4, '\0') << quint64(0) << true << quint64(0) << false;
    QTest::newRow("all zeros, backward to the first byte")
        << QByteArray(4, '\0') << quint64(1) << false << quint64(0) << false;
    QTest::newRow("all zeros, beside the written bytes")
        << QByteArray(8, '\0') << MiddleAt + 1 << true << MiddleAt + sizeof Middle - 1 << false;
}

void TestMemoryTasks::findOnSparseSegment()
{
    QFETCH(QByteArray, needle);
    QFETCH(quint64, cursor);
    QFETCH(bool, forward);
    QFETCH(quint64, expected);
    QFETCH(bool, wrapped);
    const quint64 before = shmtest::residentBytes(m_sparse->shmid());
    auto view = openView(m_sparse->shmid());
    QVERIFY(view);
    view->hexView()->setCursorOffset(cursor);
    FindBar *find = view->findBar();
    find->setQuery(FindBar::Kind::HexBytes, QString::fromLatin1(needle.toHex(' ')));
    const bool found = forward ? find->findNext() : find->findPrevious();
    QVERIFY2(found, qPrintable(find->statusText()));
    QCOMPARE(view->hexView()->selectionStart(), expected);
    QCOMPARE(view->hexView()->cursorOffset(), expected);
    QCOMPARE(view->hexView()->selectionLength(), quint64(needle.size()));
    QCOMPARE(find->statusText().contains(QLatin1String("wrapped")), wrapped);
    // Read-only: not one page more in memory.
    QCOMPARE(shmtest::residentBytes(m_sparse->shmid()), before);
}

void TestMemoryTasks::exportOfSparseSegmentIsSparse()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("sparse.bin"));
    const quint64 before = shmtest::residentBytes(m_sparse->shmid());
    auto view = openView(m_sparse->shmid());
    QVERIFY(view);
    const auto exported = view->exportToFile(path, false);
    QVERIFY2(exported, exported ? "" : exported.error().describe().c_str());
    QCOMPARE(shmtest::residentBytes(m_sparse->shmid()), before);

    struct stat st {};
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
    QCOMPARE(quint64(st.st_size), SparseSize);
    // Holes where the segment was never touched: a few pages on disk, not a gigabyte.
    QVERIFY2(quint64(st.st_blocks) * 512 <= quint64(1) << 20,
             qPrintable(QStringLiteral("%1 bytes on disk").arg(quint64(st.st_blocks) * 512)));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const auto at = [&](quint64 offset, qint64 count) {
        file.seek(qint64(offset));
        return file.read(count);
    };
    QCOMPARE(at(MiddleAt - 2, sizeof Middle + 3),
             QByteArray(2, '\0') + bytes(Middle, sizeof Middle - 1) + QByteArray(2, '\0'));
    QCOMPARE(at(EdgePage + Page - 4, 8), bytes("edge\0\0\0\0", 8));
    QCOMPARE(at(AfterHole - 2, 4), bytes("\0\0ab", 4));
    QCOMPARE(at(SparseSize - 4, 8), QByteArray(4, '\0'));
}

void TestMemoryTasks::findWrapsAroundOnce()
{
    TestSegment segment(1 << 20);
    QVERIFY(segment.isValid());
    auto view = openView(segment.shmid(), shm::Access::ReadWrite);
    QVERIFY(view);
    QVERIFY(view->hexView()->editor()->write(100, QByteArrayLiteral("once"), QStringLiteral("t")));
    view->hexView()->setCursorOffset(200);
    FindBar *find = view->findBar();
    find->setQuery(FindBar::Kind::Text, QStringLiteral("once"));

    // Every start is looked at once: a search that finds nothing ends its progress at its total
    // (the starts from the cursor, then those before it), not at twice it.
    const auto run = [&](bool forward, bool expectFound, quint64 needleSize) {
        QVERIFY(forward ? find->findNext(TaskWait::Return) : find->findPrevious(TaskWait::Return));
        MemoryTask *task = view->currentTask();
        QVERIFY(task);
        quint64 done = 0;
        quint64 total = 0;
        connect(task, &MemoryTask::finished, this, [&] {
            done = task->progress().done();
            total = task->progress().total();
        });
        QSignalSpy found(find, &FindBar::found);
        QVERIFY(found.wait());
        QCOMPARE(found.at(0).at(0).toBool(), expectFound);
        QCOMPARE(total, quint64(1 << 20) - needleSize + 1);
        if (expectFound)
            QVERIFY(done <= total);
        else
            QCOMPARE(done, total);
    };
    run(true, true, 4);
    QCOMPARE(view->hexView()->selectionStart(), quint64(100));
    QVERIFY2(find->statusText().contains(QLatin1String("wrapped")), qPrintable(find->statusText()));
    // From the match: round once, back to it.
    run(true, true, 4);
    QCOMPARE(view->hexView()->selectionStart(), quint64(100));
    QVERIFY(find->statusText().contains(QLatin1String("wrapped")));
    run(false, true, 4);
    QCOMPARE(view->hexView()->selectionStart(), quint64(100));

    find->setQuery(FindBar::Kind::Text, QStringLiteral("absent"));
    view->hexView()->setCursorOffset(300);
    run(true, false, 6);
    QCOMPARE(find->statusText(), QStringLiteral("Not found."));
    QCOMPARE(view->hexView()->cursorOffset(), quint64(300));
}

void TestMemoryTasks::cancelledFindLeavesTheCursor()
{
    TestSegment segment(quint64(512) << 20);
    QVERIFY(segment.isValid());
    auto view = openView(segment.shmid(), shm::Access::ReadWrite);
    QVERIFY(view);
    std::memset(const_cast<std::byte *>(view->hexView()->source()->constData()), 0x5a,
                segment.size());
    view->hexView()->setCursorOffset(4096);
    FindBar *find = view->findBar();
    find->setQuery(FindBar::Kind::Text, QStringLiteral("absent"));
    QSignalSpy found(find, &FindBar::found);
    QVERIFY(find->findNext(TaskWait::Return));
    MemoryTask *task = view->currentTask();
    QVERIFY(task);
    QSignalSpy finished(task, &MemoryTask::finished);
    // Esc in the view cancels the running task.
    QAction *cancel = view->findChild<QAction *>(QStringLiteral("cancelTask"));
    QVERIFY(cancel && cancel->isEnabled());
    cancel->trigger();
    QVERIFY(finished.wait());
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QCOMPARE(found.count(), 1);
    QCOMPARE(found.at(0).at(0).toBool(), false);
    QCOMPARE(find->statusText(), QStringLiteral("Find cancelled."));
    QCOMPARE(view->hexView()->cursorOffset(), quint64(4096));
    QVERIFY(!view->hexView()->hasSelection());
}

void TestMemoryTasks::cancelledExportLeavesTheOldFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("old.bin"));
    {
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old");
    }
    TestSegment segment(quint64(512) << 20);
    QVERIFY(segment.isValid());
    auto view = openView(segment.shmid(), shm::Access::ReadWrite);
    QVERIFY(view);
    std::memset(const_cast<std::byte *>(view->hexView()->source()->constData()), 0x11,
                segment.size());
    QVERIFY(view->exportToFile(path, false, TaskWait::Return));
    MemoryTask *task = view->currentTask();
    QVERIFY(task);
    QSignalSpy finished(task, &MemoryTask::finished);
    task->cancel();
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QFile old(path);
    QVERIFY(old.open(QIODevice::ReadOnly));
    QCOMPARE(old.readAll(), QByteArrayLiteral("old"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{QStringLiteral("old.bin")});

    // Synchronously, a cancel is an error: ECANCELED, the old file kept. A new path: no file.
    const QString fresh = dir.filePath(QStringLiteral("new.bin"));
    QTimer::singleShot(0, view.get(), [&] {
        if (view->currentTask())
            view->currentTask()->cancel();
    });
    const auto exported = view->exportToFile(fresh, false);
    QVERIFY(!exported);
    QCOMPARE(exported.error().errnum, ECANCELED);
    QVERIFY(!QFile::exists(fresh));
}

void TestMemoryTasks::importFromFifoWithoutWriterCanBeCancelled()
{
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("pipe"));
    QCOMPARE(mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    TestSegment segment(4096);
    QVERIFY(segment.isValid());
    auto view = openView(segment.shmid(), shm::Access::ReadWrite);
    QVERIFY(view);
    // Returns at once: the open waits for a writer in the worker, not in the window.
    QVERIFY(view->importFromFile(fifo, 0, TaskWait::Return));
    MemoryTask *task = view->currentTask();
    QVERIFY(task);
    QSignalSpy finished(task, &MemoryTask::finished);
    QSignalSpy said(view.get(), &MemoryView::message);
    QVERIFY(!finished.wait(300)); // still waiting for a writer, the event loop running
    task->cancel();
    QVERIFY(finished.wait());
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QVERIFY(said.count() >= 1);
    QCOMPARE(said.last().at(0).toString(), QStringLiteral("Import cancelled: nothing was written."));
    QCOMPARE(view->undoStack()->count(), 0);
}

QTEST_MAIN(TestMemoryTasks)
#include "tst_memorytasks.moc"
