// Soak: a memory view live at 30 Hz on a segment that a child process rewrites continuously, for
// a long time (default 10 minutes). Reports the view's resident memory over the run (growth
// beyond start-up is a leak) and its CPU share, beside the same window with live refresh paused
// (the peer figure: what an idle view costs), from the same run.
//
//   bench_soak [SECONDS] [--size BYTES] [--interval MS]
//
// The child writes a changing pattern over the visible part of the segment (a few hundred bytes
// every millisecond), dies with us (PR_SET_PDEATHSIG) and is reaped at the end; the segment is
// marked for removal as soon as both are attached, so nothing outlives the run, even kill -9.
// Runs on the offscreen platform unless QT_QPA_PLATFORM says otherwise; the window is
// 1000x800 and really paints (into its backing store).

#include "ui/memory/hexview.h"
#include "ui/memory/memoryview.h"

#include "core/attachment.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <cinttypes>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

long rssKiB()
{
    FILE *f = std::fopen("/proc/self/status", "r");
    if (!f)
        return -1;
    char line[256];
    long kib = -1;
    while (std::fgets(line, sizeof line, f)) {
        if (std::strncmp(line, "VmRSS:", 6) == 0) {
            kib = std::strtol(line + 6, nullptr, 10);
            break;
        }
    }
    std::fclose(f);
    return kib;
}

double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// The writer: the visible bytes change all the time, never the same twice in a row.
[[noreturn]] void writer(pid_t parent, int shmid, std::uint64_t size)
{
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent)
        _exit(1);
    void *address = shmat(shmid, nullptr, 0);
    if (address == reinterpret_cast<void *>(-1))
        _exit(2);
    auto *bytes = static_cast<unsigned char *>(address);
    const std::uint64_t span = size < 4096 ? size : 4096; // what a 1000x800 view shows, and more
    std::uint32_t rng = 2463534242u;
    for (std::uint64_t round = 0;; ++round) {
        for (int i = 0; i < 256; ++i) {
            rng ^= rng << 13;
            rng ^= rng >> 17;
            rng ^= rng << 5;
            bytes[rng % span] = static_cast<unsigned char>(rng >> 24);
        }
        std::memcpy(bytes, &round, sizeof round < size ? sizeof round : size_t(size));
        const timespec pause{0, 1000000}; // 1 ms
        nanosleep(&pause, nullptr);
    }
}

struct Phase
{
    double wall = 0;
    double cpu = 0;
    long rssStart = 0;
    long rssEnd = 0;
    long rssMax = 0;
    long ticks = 0;
    std::vector<long> samples; // RSS (KiB) at each tenth of the phase
};

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    int seconds = 600;
    std::uint64_t size = 1 << 20;
    int interval = 33;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--size" && i + 1 < argc)
            size = std::strtoull(argv[++i], nullptr, 0);
        else if (arg == "--interval" && i + 1 < argc)
            interval = std::atoi(argv[++i]);
        else if (arg == "--help" || arg == "-h") {
            std::printf("usage: %s [SECONDS (default 600)] [--size BYTES (default 1 MiB)] "
                        "[--interval MS (default 33)]\n",
                        argv[0]);
            return 0;
        } else
            seconds = std::atoi(arg.c_str());
    }
    if (seconds < 10 || size == 0 || interval <= 0) {
        std::fprintf(stderr, "bench_soak: SECONDS must be at least 10, size and interval > 0\n");
        return 2;
    }

    const int shmid = shmget(IPC_PRIVATE, size, IPC_CREAT | 0600);
    if (shmid < 0) {
        std::perror("shmget");
        return 1;
    }
    auto attached = shm::Attachment::attach(shmid, shm::Access::ReadOnly);
    if (!attached) {
        shmctl(shmid, IPC_RMID, nullptr);
        std::fprintf(stderr, "%s\n", attached.error().describe().c_str());
        return 1;
    }
    const pid_t parent = getpid();
    const pid_t child = fork();
    if (child < 0) {
        shmctl(shmid, IPC_RMID, nullptr);
        std::perror("fork");
        return 1;
    }
    if (child == 0)
        writer(parent, shmid, size);
    // Both attached (the child's shmat follows at once): from now on the segment lives only as
    // long as one of us is attached.
    while (true) {
        shmid_ds ds{};
        if (shmctl(shmid, IPC_STAT, &ds) != 0 || ds.shm_nattch >= 2)
            break;
        int status = 0;
        if (waitpid(child, &status, WNOHANG) == child) {
            std::fprintf(stderr, "bench_soak: the writer died at start\n");
            break;
        }
        usleep(1000);
    }
    shmctl(shmid, IPC_RMID, nullptr);

    QApplication app(argc, argv);
    MemoryView view(std::move(attached.value()));
    view.resize(1000, 800);
    view.show();
    view.setRefreshInterval(interval);
    long ticks = 0;
    QObject::connect(view.hexView(), &HexView::refreshed, [&ticks] { ++ticks; });

    // Run the event loop for `secs`, sampling RSS every second.
    const auto run = [&](double secs, Phase &phase) {
        QElapsedTimer wall;
        const double cpu0 = cpuSeconds();
        const long ticks0 = ticks;
        phase.rssStart = phase.rssMax = rssKiB();
        wall.start();
        QTimer sampler;
        sampler.setInterval(1000);
        const qint64 tenth = qint64(secs * 100); // ms
        qint64 nextSample = tenth;
        QObject::connect(&sampler, &QTimer::timeout, [&phase, &wall, &nextSample, tenth] {
            const long rss = rssKiB();
            phase.rssMax = std::max(phase.rssMax, rss);
            if (wall.elapsed() >= nextSample) {
                phase.samples.push_back(rss);
                nextSample += tenth;
            }
        });
        sampler.start();
        QTimer::singleShot(int(secs * 1000), &app, &QCoreApplication::quit);
        app.exec();
        phase.wall = double(wall.nsecsElapsed()) / 1e9;
        phase.cpu = cpuSeconds() - cpu0;
        phase.rssEnd = rssKiB();
        phase.rssMax = std::max(phase.rssMax, phase.rssEnd);
        phase.ticks = ticks - ticks0;
    };

    // Start-up: let caches, fonts and the first frames settle, live.
    Phase warmup, idle, live;
    run(5, warmup);
    // The peer: the same window with live refresh paused (a tenth of the run, at least 10 s).
    const double idleSeconds = std::max(10.0, seconds / 10.0);
    view.setLivePaused(true);
    run(idleSeconds, idle);
    view.setLivePaused(false);
    std::printf("soak: %d s live at %d ms (%.1f Hz asked) on a %" PRIu64
                " byte segment rewritten by pid %d about 1000 times a second\n",
                seconds, interval, 1000.0 / interval, size, int(child));
    std::fflush(stdout);
    run(seconds, live);

    kill(child, SIGKILL);
    waitpid(child, nullptr, 0);

    const auto report = [](const char *name, const Phase &p) {
        std::printf("%-22s %7.1f s  CPU %6.2f s = %5.2f%% of one core  %6.1f ticks/s  RSS start "
                    "%6ld KiB  end %6ld KiB  max %6ld KiB  growth %+6ld KiB\n",
                    name, p.wall, p.cpu, 100.0 * p.cpu / p.wall, double(p.ticks) / p.wall,
                    p.rssStart, p.rssEnd, p.rssMax, p.rssEnd - p.rssStart);
    };
    report("start-up (live, 5 s)", warmup);
    report("paused view (peer)", idle);
    report("live view", live);
    std::printf("changed bytes seen: %llu distinct offsets\n",
                static_cast<unsigned long long>(view.hexView()->changedByteCount()));
    std::printf("live RSS at each tenth of the run (KiB):");
    for (long rss : live.samples)
        std::printf(" %ld", rss);
    std::printf("\ngrowth of the live phase beyond its start: %+ld KiB over %.0f s; over its second "
                "half: %+ld KiB\n",
                live.rssEnd - live.rssStart, live.wall,
                live.samples.size() >= 5 ? live.rssEnd - live.samples[4] : 0L);
    return 0;
}
