// Hex view benchmarks (not tests): a full repaint of a 1000x800 viewport on a 4 KiB and a 1 GiB
// segment, one live tick with the viewport full, and the peak memory of `shmscope --open` on
// both sizes. Peers' figures (../shared/PERF.md) are printed beside ours.
//
// Segments are real (shmget IPC_PRIVATE), attached and marked for destruction at once: even an
// interrupted run leaves nothing behind.
//
// Usage: bench_hexview [path/to/shmscope]   (the memory part is skipped without it)

#include "ui/memory/bytesource.h"
#include "ui/memory/hexview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <sys/shm.h>
#include <vector>

namespace {

struct Segment
{
    int shmid = -1;
    shm::Attachment attachment;
};

// A segment already marked for destruction (it lives while we are attached).
bool makeSegment(quint64 size, Segment *out)
{
    const int id = shmget(IPC_PRIVATE, size, IPC_CREAT | 0600);
    if (id < 0) {
        std::perror("shmget");
        return false;
    }
    auto attached = shm::Attachment::attach(id, shm::Access::ReadWrite);
    shmctl(id, IPC_RMID, nullptr);
    if (!attached) {
        std::fprintf(stderr, "%s\n", attached.error().describe().c_str());
        return false;
    }
    out->shmid = id;
    out->attachment = std::move(attached.value());
    return true;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

struct PaintFigures
{
    double repaintMs = 0;
    double tickIdleUs = 0;
    double tickChangingUs = 0;
};

PaintFigures measureView(Segment &segment)
{
    PaintFigures figures;
    // Put something recognisable at the top and at the end.
    std::byte *bytes = segment.attachment.writableData();
    const quint64 size = segment.attachment.size();
    for (int i = 0; i < 4096 && quint64(i) < size; ++i)
        bytes[i] = std::byte(i * 31);
    AttachmentByteSource source(std::move(segment.attachment));
    HexView view;
    view.setSource(&source);
    view.setLivePaused(true);
    view.resize(1000, 800);
    view.show();
    QApplication::processEvents();
    // Scroll to the end for the large segment: the cost must not depend on the position.
    if (size > 4096)
        view.setCursorOffset(size - 1);
    view.setCursorOffset(0);
    QApplication::processEvents();

    std::vector<double> samples;
    for (int i = 0; i < 300; ++i) {
        QElapsedTimer t;
        t.start();
        view.viewport()->repaint();
        samples.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    figures.repaintMs = median(samples);

    samples.clear();
    for (int i = 0; i < 2000; ++i) {
        QElapsedTimer t;
        t.start();
        view.refreshNow();
        samples.push_back(double(t.nsecsElapsed()) / 1e3);
    }
    figures.tickIdleUs = median(samples);

    // A changing byte per tick (includes the compare, marking and scheduling a repaint; the
    // repaint itself is measured above).
    samples.clear();
    std::byte *writable = const_cast<std::byte *>(source.constData());
    for (int i = 0; i < 2000; ++i) {
        writable[(i * 7) % 512] = std::byte(i);
        QElapsedTimer t;
        t.start();
        view.refreshNow();
        samples.push_back(double(t.nsecsElapsed()) / 1e3);
    }
    figures.tickChangingUs = median(samples);
    view.setSource(nullptr);
    return figures;
}

// Peak RSS (KiB) of `shmscope --open ID` living for ~2.5 s, measured by /usr/bin/time -v.
long peakRss(const QString &shmscope, int shmid)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("/usr/bin/time"),
            {QStringLiteral("-v"), QStringLiteral("timeout"), QStringLiteral("-s"),
             QStringLiteral("TERM"), QStringLiteral("2.5"), shmscope, QStringLiteral("--open"),
             QString::number(shmid)});
    if (!p.waitForFinished(20000))
        return -1;
    const QString err = QString::fromLocal8Bit(p.readAllStandardError());
    const auto m = QRegularExpression(QStringLiteral("Maximum resident set size \\(kbytes\\): (\\d+)"))
                       .match(err);
    return m.hasMatch() ? m.captured(1).toLong() : -1;
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QString shmscope = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();

    constexpr quint64 Small = 4096;
    constexpr quint64 Large = quint64(1) << 30;
    Segment small, large;
    if (!makeSegment(Small, &small) || !makeSegment(Large, &large))
        return 1;
    const int smallId = small.shmid;
    const int largeId = large.shmid;
    // Second attachments keep the (already removed) segments alive for the shmscope runs.
    auto a = shm::Attachment::attach(smallId, shm::Access::ReadOnly);
    auto b = shm::Attachment::attach(largeId, shm::Access::ReadOnly);

    const PaintFigures s = measureView(small);
    const PaintFigures l = measureView(large);
    std::printf("Hex view, viewport 1000x800, offscreen, median of 300 repaints / 2000 ticks\n");
    std::printf("%-34s %12s %12s %s\n", "", "4 KiB", "1 GiB", "peer (PERF.md)");
    std::printf("%-34s %9.3f ms %9.3f ms %s\n", "full repaint", s.repaintMs, l.repaintMs,
                "QHexEdit2 2.7-3.3 ms, QHexView 16-26 ms");
    std::printf("%-34s %9.2f us %9.2f us %s\n", "live tick, idle (copy + compare)", s.tickIdleUs,
                l.tickIdleUs, "snapshot compare of a 64 KiB window 1.5 us");
    std::printf("%-34s %9.2f us %9.2f us\n", "live tick, one byte changing", s.tickChangingUs,
                l.tickChangingUs);
    std::printf("repaint 1 GiB / 4 KiB: %.2fx;  ours vs QHexEdit2 (2.7 ms): %.1fx faster\n",
                l.repaintMs / s.repaintMs, 2.7 / l.repaintMs);

    if (!shmscope.isEmpty() && a && b) {
        const long rssSmall = peakRss(shmscope, smallId);
        const long rssLarge = peakRss(shmscope, largeId);
        std::printf("\nPeak RSS of `shmscope --open` (/usr/bin/time -v), same run\n");
        std::printf("  4 KiB segment: %ld KiB\n  1 GiB segment: %ld KiB  (difference %+ld KiB)\n",
                    rssSmall, rssLarge, rssLarge - rssSmall);
        std::printf("  peer: QHexEdit2 +3.7 MB after opening 1 GiB, QHexView (reads whole file) "
                    "+2.1 GB\n");
    }
    return 0;
}
