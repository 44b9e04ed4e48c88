// Find benchmark (not a test): an 8-byte needle near the end of a 1 GiB segment, found through
// the find bar (hex view + memmem-based core search) beside glibc memmem called directly in the
// same run. The segment is marked for destruction as soon as it is attached.

#include "bench/benchsegment.h"
#include "core/bytesearch.h"
#include "ui/memory/bytesource.h"
#include "ui/memory/findbar.h"
#include "ui/memory/hexview.h"

#include <QApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string.h>
#include <sys/shm.h>
#include <vector>

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    constexpr quint64 Size = quint64(1) << 30;
    auto attached = bench::freshSegment(Size);
    if (!attached)
        return 1;
    std::byte *bytes = attached->writableData();
    AttachmentByteSource source(std::move(attached.value()));
    HexView view;
    view.setSource(&source);
    view.setLivePaused(true);
    FindBar bar;
    bar.setHexView(&view);
    bar.setQuery(FindBar::Kind::HexBytes, QStringLiteral("71 01 02 03 04 05 06 07"));
    const char needle[] = "q\x01\x02\x03\x04\x05\x06\x07";
    const quint64 at = Size - 4096 - 3;
    const quint64 early = 4096 + 5;
    const auto med = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };

    std::printf("Find an 8-byte needle 4 KiB before the end of 1 GiB (median of 5)\n");
    for (int filler = 0; filler < 2; ++filler) {
        // Zeros (the first-byte skip flies) and text (a candidate every 44 bytes).
        if (filler == 0) {
            std::memset(bytes, 0, Size);
        } else {
            for (quint64 i = 0; i < Size; ++i)
                bytes[i] = std::byte("the quick brown fox jumps over the lazy dog "[i % 44]);
        }
        std::memcpy(bytes + at, needle, 8);
        std::memcpy(bytes + early, needle, 8);
        std::vector<double> ours, glibc, backward;
        for (int round = 0; round < 5; ++round) {
            view.setCursorOffset(early + 1);
            view.clearSelection();
            QElapsedTimer t;
            t.start();
            const bool found = bar.findNext();
            ours.push_back(double(t.nsecsElapsed()) / 1e6);
            if (!found || view.selectionStart() != at) {
                std::fprintf(stderr, "find bar did not find the needle\n");
                return 1;
            }
            t.restart();
            const void *hit = memmem(source.constData() + early + 1, Size - early - 1, needle, 8);
            glibc.push_back(double(t.nsecsElapsed()) / 1e6);
            if (hit != source.constData() + at)
                return 1;
            // Backwards from the last match to the early one: almost the whole GiB.
            t.restart();
            const auto back = shm::findBackward(source.constData(), Size,
                                                reinterpret_cast<const std::byte *>(needle), 8, at);
            backward.push_back(double(t.nsecsElapsed()) / 1e6);
            if (!back || *back != early)
                return 1;
        }
        const double o = med(ours), g = med(glibc), b = med(backward);
        std::printf("%s filler\n", filler == 0 ? "zero" : "text");
        std::printf("  shmscope find bar, forward:  %8.1f ms  %5.2f GB/s\n", o, double(Size) / o / 1e6);
        std::printf("  glibc memmem, same run:      %8.1f ms  %5.2f GB/s   ours/memmem = %.2f\n", g,
                    double(Size) / g / 1e6, o / g);
        std::printf("  shmscope find, backward:     %8.1f ms  %5.2f GB/s\n", b, double(Size) / b / 1e6);
    }
    std::printf("peers (PERF.md): QHexEdit2 0.55 s, QHexView 5-8 s (allocates 1 GiB); glibc memmem "
                "128 ms there\n");
    view.setSource(nullptr);
    return 0;
}
