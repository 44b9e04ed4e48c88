// The segment browser showing a segment's attachers with 300 processes: a MainWindow
// (offscreen) refreshing every second with a segment selected, its details listing who has it
// attached, for SECONDS (default 10) twice: while the attachers stay as they are (the browser
// scans /proc again every 10 ticks), then while one of them attaches and detaches it again
// every second (a scan every tick). Its CPU time as a share of one core, against the target of
// at most 2 %; beside it, from the same run and over the same span, the peer: `lsfd` (util-linux)
// listing who maps System V segments, once a second. Not a test: nothing is asserted.
//
// The processes are forks of this one that inherit its attachments (4 segments, half of them
// read-only), its mappings of 4 POSIX objects and a memfd, and its memfd descriptor, and wait;
// they die with it (PR_SET_PDEATHSIG). The segments are marked for removal once attached and
// the POSIX objects unlinked once mapped, so nothing outlives the run, even kill -9. In an IPC
// namespace of its own when it may make one (root), so other programs' segments are not listed.
//
// usage: bench_browserattachers [--processes N] [--seconds N]

#include "benchbrowser.h"
#include "benchcommon.h"
#include "core/attachers.h"
#include "ui/browser/attachersmodel.h"
#include "ui/browser/filebrowser.h"
#include "ui/browser/filetablemodels.h"
#include "ui/browser/mainwindow.h"
#include "ui/browser/segmentdetailswidget.h"

#include <QApplication>
#include <QTabWidget>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/mman.h>
#include <sys/shm.h>
#include <unistd.h>
#include <vector>

namespace {

constexpr int Objects = 4; // of each kind
constexpr std::size_t ObjectSize = 64 * 1024;

// Four segments and four POSIX objects mapped, and a memfd (mapped, its descriptor kept), or
// an empty list with the reason on stderr.
std::vector<int> mapObjects()
{
    std::vector<int> shmids;
    const std::string tag = "/dev/shm/shmscope-bench-" + std::to_string(getpid()) + "-";
    for (int i = 0; i < Objects; ++i) {
        const int shmid = shmget(IPC_PRIVATE, ObjectSize, IPC_CREAT | 0600);
        if (shmid < 0
            || shmat(shmid, nullptr, i % 2 ? SHM_RDONLY : 0) == reinterpret_cast<void *>(-1)) {
            std::perror("shmget/shmat");
            return {};
        }
        shmctl(shmid, IPC_RMID, nullptr); // lives while attached, no longer
        shmids.push_back(shmid);
        const std::string name = tag + std::to_string(i);
        const int fd = open(name.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        const bool mapped = fd >= 0 && ftruncate(fd, ObjectSize) == 0
            && mmap(nullptr, ObjectSize, i % 2 ? PROT_READ : PROT_READ | PROT_WRITE, MAP_SHARED,
                    fd, 0) != MAP_FAILED;
        if (fd >= 0) {
            close(fd);
            unlink(name.c_str()); // the mapping stays
        }
        if (!mapped) {
            std::perror("/dev/shm object");
            return {};
        }
    }
    const int memfd = memfd_create("shmscope-bench", 0); // held by every child too
    if (memfd < 0 || ftruncate(memfd, ObjectSize) != 0
        || mmap(nullptr, ObjectSize, PROT_READ, MAP_SHARED, memfd, 0) == MAP_FAILED) {
        std::perror("memfd");
        return {};
    }
    return shmids;
}

void sleepSeconds(double seconds)
{
    timespec t{time_t(seconds), long((seconds - double(time_t(seconds))) * 1e9)};
    while (nanosleep(&t, &t) != 0 && errno == EINTR) {
    }
}

// The processes: forks that wait. The first, once a byte comes down `toggle`, attaches and
// detaches `shmid` again every second, half a second after each of the browser's ticks.
std::vector<pid_t> startProcesses(int count, int shmid, int toggle)
{
    return bench::forkWaiters(count, [shmid, toggle](int i) {
        char byte = 0;
        if (i != 0 || read(toggle, &byte, 1) != 1)
            return;
        sleepSeconds(0.5);
        for (;;) {
            void *again = shmat(shmid, nullptr, SHM_RDONLY);
            if (again != reinterpret_cast<void *>(-1))
                shmdt(again);
            sleepSeconds(1);
        }
    });
}

} // namespace

int main(int argc, char **argv)
{
    int processes = 300;
    int seconds = 10;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--processes"))
            processes = std::max(1, std::atoi(argv[i + 1]));
        else if (!std::strcmp(argv[i], "--seconds"))
            seconds = std::max(1, std::atoi(argv[i + 1]));
    }

    const bool privateNamespace = bench::enterPrivateIpcNamespace();
    // The peer, forked before Qt starts a thread and before the objects are mapped: each fork
    // of a process holding segments attaches them again (and its exec detaches them), which
    // would change the segment's attach data every second.
    const bool lsfd = bench::timeCommand({"lsfd", "--version"}) >= 0;
    bench::PeerLoop peer(seconds, [] {
        bench::timeCommand({"lsfd", "-Q", "NAME =~ \"SYSV\""});
    });

    const std::vector<int> shmids = mapObjects();
    if (shmids.empty())
        return 1;
    int toggle[2];
    if (pipe2(toggle, O_CLOEXEC) != 0) {
        std::perror("pipe");
        return 1;
    }
    std::vector<pid_t> children = startProcesses(processes, shmids[0], toggle[0]);

    // One scan of every process's maps, alone: what each rescan costs.
    std::size_t found = 0;
    const bench::CpuTime scan0 = bench::cpuTime();
    constexpr int Scans = 5;
    for (int i = 0; i < Scans; ++i)
        found = shm::findAttachers(shmids[0], ObjectSize).size();
    const bench::CpuTime scan1 = bench::cpuTime();

    int status = 0;
    {
        bench::ScratchSettings settings;
        qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication app(argc, argv);
        MainWindow window;
        window.show();
        window.selectSegment(shmids[0]);
        QCoreApplication::processEvents();
        std::printf("bench_browserattachers: %zu processes, %d segments, %d POSIX objects and a "
                    "memfd each, %s; the details list %d attachers (they and we) of shmid %d; "
                    "%d s at a 1 s refresh, four times\n",
                    children.size(), Objects, Objects,
                    privateNamespace ? "in an IPC namespace of our own"
                                     : "in the machine's IPC namespace",
                    window.details()->attachersModel()->rowCount(), shmids[0], seconds);
        std::printf("  one findAttachers() scan of /proc (%zu found): %.1f ms of CPU (user %.1f, "
                    "kernel %.1f)\n",
                    found, 1e3 * (scan1.total() - scan0.total()) / Scans,
                    1e3 * (scan1.user - scan0.user) / Scans,
                    1e3 * (scan1.system - scan0.system) / Scans);

        if (lsfd)
            peer.start();
        window.setRefreshInterval(1000); // restarts the timer: ticks at 1 s, 2 s ... as the peer's
        const bench::CpuShare still = bench::runEventLoopFor(seconds + 0.5);
        const bench::CpuShare theirs = lsfd ? peer.result() : bench::CpuShare{};

        // The holders of the other kinds: the tabs of POSIX objects and memfds, current in turn
        // while the attachers stay as they are (their scans of every process's mappings and
        // descriptors run on a worker thread, counted here as all of the process's CPU is).
        window.tabs()->setCurrentWidget(window.posixObjects());
        window.setRefreshInterval(1000);
        const bench::CpuShare posix = bench::runEventLoopFor(seconds + 0.5);
        window.tabs()->setCurrentWidget(window.memfds());
        window.setRefreshInterval(1000);
        const bench::CpuShare memfd = bench::runEventLoopFor(seconds + 0.5);
        const int posixShown = window.posixObjects()->posixModel()->rowCount();
        const int memfdShown = window.memfds()->memfdModel()->rowCount();
        window.tabs()->setCurrentIndex(0);

        [[maybe_unused]] auto n = write(toggle[1], "t", 1);
        window.setRefreshInterval(1000);
        const bench::CpuShare changing = bench::runEventLoopFor(seconds + 0.5);


        bench::printShare("browser, attachers unchanged (ours)", still);
        bench::printShare("browser, an attacher comes and goes every second", changing);
        if (lsfd)
            bench::printShare("lsfd -Q 'NAME =~ \"SYSV\"' once a second (peer)", theirs);
        else
            std::printf("  lsfd: not available\n");
        bench::printShare("browser, POSIX objects tab (their holders)", posix);
        bench::printShare("browser, memfd tab (their holders)", memfd);
        std::printf("  (%d POSIX objects and %d memfds listed with their holders)\n", posixShown,
                    memfdShown);
        std::printf("  target: at most 2 %% of a core: %s and %s; POSIX tab %s, memfd tab %s\n",
                    still.percent() <= 2 ? "met" : "MISSED",
                    changing.percent() <= 2 ? "met" : "MISSED",
                    posix.percent() <= 2 ? "met" : "MISSED",
                    memfd.percent() <= 2 ? "met" : "MISSED");
        if (lsfd && theirs.percent() > 0)
            std::printf("  ratio to lsfd once a second: %.3fx unchanged, %.3fx changing\n",
                        still.percent() / theirs.percent(), changing.percent() / theirs.percent());
        status = still.percent() > 0 ? 0 : 1;
    }

    for (pid_t pid : children)
        kill(pid, SIGKILL);
    for (pid_t pid : children)
        waitpid(pid, nullptr, 0);
    return status;
}
