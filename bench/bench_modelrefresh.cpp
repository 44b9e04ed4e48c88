// Model refresh benchmark: SegmentTableModel::merge of a 4,000-segment listing, unchanged, with
// 1% of the rows changed in place, and with 1% churn (0.5% removed + 0.5% new), beside the peer:
// parsing the same listing from /proc/sysvipc/shm text (what every refresh must pay anyway).
// The listing is synthetic text in the kernel's format, so no segment is created. Also counts
// the model signals per refresh (an unchanged refresh must emit none). Not a test.
//
// usage: bench_modelrefresh [--segments N] [--runs N]

#include "core/segmentlist.h"
#include "ui/browser/segmentfilterproxy.h"
#include "ui/browser/segmenttablemodel.h"

#include <QApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

namespace {

double medianOf(std::vector<double> samples)
{
    std::sort(samples.begin(), samples.end());
    return samples.empty() ? 0 : samples[samples.size() / 2];
}

// Median time in microseconds of fn over `runs` runs.
double timeMicros(int runs, const std::function<void(int)> &fn)
{
    std::vector<double> samples;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        fn(run);
        samples.push_back(double(timer.nsecsElapsed()) / 1000.0);
    }
    return medianOf(samples);
}

// The text of /proc/sysvipc/shm for n segments. `variant` changes nattch of 1% of the rows
// (changeEvery), or swaps 1% of the shmids for new ones (churn).
std::string listingText(int n, int variant, bool churn)
{
    std::string text = "       key      shmid perms                  size  cpid  lpid nattch   uid   "
                       "gid  cuid  cgid      atime      dtime      ctime                   rss   "
                       "                swap\n";
    char line[256];
    for (int i = 0; i < n; ++i) {
        const bool touched = variant != 0 && i % 100 == 7;
        int shmid = i * 32768 / 8 + i; // spread like real ids
        int nattch = 1;
        if (touched && !churn)
            nattch = 1 + variant;
        if (touched && churn)
            shmid = (i % 200 == 7) ? shmid : shmid + 1; // half removed, half new
        std::snprintf(line, sizeof line,
                      "%10d %10d  %4o %21llu %5d %5d %6d %5d %5d %5d %5d %10lld %10lld %10lld "
                      "%21llu %21llu\n",
                      0x5c000000 + i, shmid, 0600, 4096ULL * (1 + i % 64), 1000 + i % 50,
                      1000 + i % 50, nattch, 0, 0, 0, 0, 1795706522LL, 0LL, 1795706000LL,
                      4096ULL * (1 + i % 64), 0ULL);
        text += line;
    }
    return text;
}

struct SignalCounter
{
    explicit SignalCounter(QAbstractItemModel *model)
    {
        const auto bump = [this] { ++count; };
        QObject::connect(model, &QAbstractItemModel::dataChanged, bump);
        QObject::connect(model, &QAbstractItemModel::rowsInserted, bump);
        QObject::connect(model, &QAbstractItemModel::rowsRemoved, bump);
        QObject::connect(model, &QAbstractItemModel::modelReset, bump);
        QObject::connect(model, &QAbstractItemModel::layoutChanged, bump);
    }
    int count = 0;
};

} // namespace

int main(int argc, char **argv)
{
    int segments = 4000;
    int runs = 201;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--segments") == 0)
            segments = std::atoi(argv[i + 1]);
        else if (std::strcmp(argv[i], "--runs") == 0)
            runs = std::atoi(argv[i + 1]);
    }
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);

    const std::string base = listingText(segments, 0, false);
    const std::string changedA = listingText(segments, 1, false);
    const std::string changedB = listingText(segments, 2, false);
    const std::string churned = listingText(segments, 1, true);
    const auto listing = shm::parseProcSysvipcShm(base);
    const auto listingA = shm::parseProcSysvipcShm(changedA);
    const auto listingB = shm::parseProcSysvipcShm(changedB);
    const auto listingChurn = shm::parseProcSysvipcShm(churned);
    std::printf("bench_modelrefresh: %zu segments, %d runs, median times\n", listing.size(), runs);

    // The peer: parsing the listing text, the part of a refresh that cannot be avoided.
    std::size_t sink = 0;
    const double parse = timeMicros(runs, [&](int) {
        sink += shm::parseProcSysvipcShm(base).size();
    });

    const auto report = [&](const char *what, double micros, double signalsPerRun) {
        std::printf("  %-52s %9.1f us  %5.2fx parse  %6.1f signals/refresh\n", what, micros,
                    micros / parse, signalsPerRun);
    };
    std::printf("  %-52s %9.1f us  %5.2fx parse\n", "parse /proc/sysvipc/shm text (peer)", parse,
                1.0);

    for (bool withProxy : {false, true}) {
        SegmentTableModel model;
        model.setHighlightDuration(0);
        SegmentFilterProxy proxy;
        if (withProxy) {
            proxy.setSourceModel(&model);
            proxy.sort(SegmentTableModel::NattchColumn, Qt::DescendingOrder);
        }
        model.merge(listing);
        SignalCounter signals_(&model);
        std::printf(withProxy ? " model + sorting filter proxy (sorted by nattch):\n"
                              : " model alone:\n");

        signals_.count = 0;
        const double unchanged = timeMicros(runs, [&](int) { model.merge(listing); });
        report("merge, unchanged", unchanged, double(signals_.count) / runs);

        std::vector<shm::SegmentInfo> fresh;
        signals_.count = 0;
        const double refreshUnchanged = timeMicros(runs, [&](int) {
            fresh = shm::parseProcSysvipcShm(base);
            model.merge(fresh);
        });
        report("parse + merge, unchanged (a whole refresh)", refreshUnchanged,
               double(signals_.count) / runs);

        model.merge(listingA);
        signals_.count = 0;
        const double changed = timeMicros(runs, [&](int run) {
            model.merge(run % 2 ? listingA : listingB);
        });
        report("merge, 1% changed in place", changed, double(signals_.count) / runs);

        model.merge(listing);
        signals_.count = 0;
        const double churn = timeMicros(runs, [&](int run) {
            model.merge(run % 2 ? listing : listingChurn);
        });
        report("merge, 1% churn (0.5% gone + 0.5% new)", churn, double(signals_.count) / runs);
    }

    // For reference, the real listing on this machine right now.
    if (auto real = shm::listSegments()) {
        const double realList = timeMicros(runs, [&](int) { sink += shm::listSegments()->size(); });
        std::printf("  (listSegments() of this machine's %zu segments: %.1f us)\n", real->size(),
                    realList);
    }
    return sink == 0 ? 1 : 0;
}
