// Find and export as tasks of the memory view (not a test). Prints, beside the peer from the
// same run:
// 1. find on a 64 GiB SHM_NORESERVE segment with three pages written: the time and the
//    segment's resident size before and after, beside memmem over 1 GiB of resident memory
//    (the old find read every page: on this segment it would have made 64 GiB resident);
// 2. the longest GUI event-loop stall (a 1 ms timer on the GUI thread) while a find and an
//    export of a 1 GiB resident segment run, beside the old synchronous way: memmem, and a
//    write of the bytes to a file, on the GUI thread.
// Segments are marked for destruction as soon as they are attached.

#include "bench/benchsegment.h"
#include "ui/memory/findbar.h"
#include "ui/memory/hexview.h"
#include "ui/memory/memorytask.h"
#include "ui/memory/memoryview.h"

#include "core/memorysearch.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <functional>
#include <memory>
#include <string.h>
#include <sys/shm.h>
#include <unistd.h>
#include <vector>

namespace {

constexpr quint64 Page = 4096;

std::unique_ptr<MemoryView> makeSegment(quint64 size, int flags)
{
    auto attached = bench::freshSegment(size, flags);
    if (!attached)
        return nullptr;
    auto view = std::make_unique<MemoryView>(std::move(*attached));
    view->hexView()->setLivePaused(true);
    return view;
}

// The kernel's rss of the segment, from /proc/sysvipc/shm (its 15th column, in bytes).
quint64 rss(int shmid)
{
    return bench::residentBytes(shmid);
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// The longest gap between the ticks of a 1 ms timer on the GUI thread while `run` runs (it is
// started from the event loop, as a click would start it), in ms.
double longestStall(const std::function<void()> &run)
{
    QElapsedTimer clock;
    qint64 last = 0;
    qint64 longest = 0;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(1);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        longest = std::max(longest, now - last);
        last = now;
    });
    clock.start();
    tick.start();
    QEventLoop loop;
    QTimer::singleShot(20, [&] {
        run();
        // A few ticks more, so the gap that holds the end of `run` is counted.
        QTimer::singleShot(20, &loop, &QEventLoop::quit);
    });
    loop.exec();
    tick.stop();
    return double(longest) / 1e6;
}

int sparseFind()
{
    constexpr quint64 Size = quint64(64) << 30;
    auto view = makeSegment(Size, SHM_NORESERVE);
    if (!view)
        return 1;
    auto *memory = const_cast<std::byte *>(view->hexView()->source()->constData());
    const char needle[] = "q\x01\x02\x03\x04\x05\x06\x07";
    std::memset(memory + (quint64(1) << 30), 1, 16);
    std::memset(memory + (quint64(32) << 30), 2, 16);
    const quint64 at = Size - Page + 100;
    std::memcpy(memory + at, needle, 8);
    const quint64 before = rss(view->shmid());
    const shm::MemoryAccess access = view->hexView()->source()->memoryAccess();

    std::vector<double> core, task;
    for (int round = 0; round < 5; ++round) {
        QElapsedTimer t;
        t.start();
        const auto match = shm::findForward(access, reinterpret_cast<const std::byte *>(needle),
                                            8, 0, Size);
        core.push_back(double(t.nsecsElapsed()) / 1e6);
        if (match.status != shm::MemoryMatch::Status::Found || match.offset != at)
            return 1;
        // Through the find bar: the view's worker, its result back on the GUI thread.
        view->hexView()->setCursorOffset(0);
        view->findBar()->setQuery(FindBar::Kind::HexBytes,
                                  QStringLiteral("71 01 02 03 04 05 06 07"));
        t.restart();
        if (!view->findBar()->findNext() || view->hexView()->selectionStart() != at)
            return 1;
        task.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    const quint64 after = rss(view->shmid());

    // The peer: memmem over 1 GiB of resident memory (the old find's way, on the part of the
    // segment it could read before filling the machine's memory).
    constexpr quint64 Peer = quint64(1) << 30;
    std::vector<char> resident(Peer, 'x');
    std::memcpy(resident.data() + Peer - 8, needle, 8);
    std::vector<double> peer;
    for (int round = 0; round < 5; ++round) {
        QElapsedTimer t;
        t.start();
        const void *hit = memmem(resident.data(), Peer, needle, 8);
        peer.push_back(double(t.nsecsElapsed()) / 1e6);
        if (hit != resident.data() + Peer - 8)
            return 1;
    }
    std::printf("Find on a 64 GiB SHM_NORESERVE segment, three pages written, needle in the last "
                "(median of 5)\n");
    std::printf("  shmscope core search (memorysearch):  %8.1f ms\n", median(core));
    std::printf("  shmscope find bar (worker task):      %8.1f ms\n", median(task));
    std::printf("  peer: glibc memmem over 1 GiB resident: %6.1f ms   (the old find read all "
                "64 GiB, making it resident)\n",
                median(peer));
    std::printf("  segment resident size: before %llu bytes, after %llu bytes (%+lld)\n",
                static_cast<unsigned long long>(before), static_cast<unsigned long long>(after),
                static_cast<long long>(after - before));
    return 0;
}

int stalls()
{
    constexpr quint64 Size = quint64(1) << 30;
    auto view = makeSegment(Size, 0);
    if (!view)
        return 1;
    auto *memory = const_cast<std::byte *>(view->hexView()->source()->constData());
    for (quint64 i = 0; i < Size; ++i)
        memory[i] = std::byte("the quick brown fox jumps over the lazy dog "[i % 44]);
    const char needle[] = "q\x01\x02\x03\x04\x05\x06\x07"; // absent: the whole GiB is read
    view->findBar()->setQuery(FindBar::Kind::HexBytes, QStringLiteral("71 01 02 03 04 05 06 07"));
    QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/bench_memorytasks-XXXXXX"));
    const QString path = dir.filePath(QStringLiteral("export.bin"));

    QElapsedTimer clock;
    clock.start();
    const double find = longestStall([&] {
        view->findBar()->findNext(TaskWait::Return);
        // The task runs while the timer ticks; its end is waited for here, events flowing.
        waitForTask(view->currentTask());
    });
    const double findMs = double(clock.nsecsElapsed()) / 1e6 - 40; // less longestStall's waits
    clock.restart();
    const double oldFind = longestStall([&] {
        const void *volatile hit = memmem(memory, Size, needle, 8);
        (void)hit;
    });
    const double oldFindMs = double(clock.nsecsElapsed()) / 1e6 - 40;
    const double exportStall = longestStall([&] {
        view->exportToFile(path, false, TaskWait::Return);
        waitForTask(view->currentTask());
    });
    QFile::remove(path);
    const double oldExport = longestStall([&] {
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write(reinterpret_cast<const char *>(memory), qint64(Size));
    });
    QFile::remove(path);
    // The machine's own share: the same timer while nothing runs, as long as the find took.
    const double idle = longestStall([&] {
        QEventLoop wait;
        QTimer::singleShot(int(findMs), &wait, &QEventLoop::quit);
        wait.exec();
    });
    std::printf("Longest GUI event-loop stall (1 ms timer on the GUI thread), 1 GiB resident\n");
    std::printf("  find (needle absent), worker task:    %8.1f ms   (the find took %.0f ms)\n", find,
                findMs);
    std::printf("  peer: memmem on the GUI thread:       %8.1f ms   (memmem took %.0f ms)\n",
                oldFind, oldFindMs);
    std::printf("  export to a file, worker task:        %8.1f ms\n", exportStall);
    std::printf("  reference: nothing running:           %8.1f ms   (the machine's own stalls)\n",
                idle);
    std::printf("  peer: write(2) on the GUI thread:     %8.1f ms\n", oldExport);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    if (const int failed = sparseFind())
        return failed;
    return stalls();
}
