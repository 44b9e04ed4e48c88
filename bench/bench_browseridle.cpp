// The segment browser idle with 32,768 segments: a MainWindow (offscreen) refreshing every
// second for SECONDS (default 10), its CPU time as a share of one core, beside the peer: a
// child reading /proc/sysvipc/shm once a second over the same span, measured the same way
// (getrusage), from the same run. Target: at most 1.2x the peer. Not a test: nothing is
// asserted.
//
// The segments are 4 KiB, never attached (nattch 0: an idle table, no attacher scan), made in
// an IPC namespace of the benchmark's own when it may make one (root): the machine's segment
// ids, which other programs need, are not used up, and its kernel.shmmni is not changed.
// Otherwise they are made in the machine's namespace, as many as kernel.shmmni lets (raised for
// the run when root). Either way a guardian child removes every segment made and puts
// kernel.shmmni back as it was when this process ends, however it ends (even kill -9): it
// ignores the terminal's signals, so Ctrl-C ends us, then it cleans.
//
// usage: bench_browseridle [--segments N] [--seconds N]

#include "benchbrowser.h"
#include "benchcommon.h"
#include "core/segmentlist.h"
#include "ui/browser/mainwindow.h"
#include "ui/browser/segmenttablemodel.h"

#include <QApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/shm.h>
#include <unistd.h>
#include <vector>

namespace {

constexpr const char *ShmmniPath = "/proc/sys/kernel/shmmni";
// The kernel never hands out more ids than this per namespace (without ipcmni_extend).
constexpr long IpcMni = 32768;

using bench::readFile;
using bench::writeFile;

// The guardian: reads shmids until EOF, then removes each and, when `shmmniBefore` is not
// empty, writes it back to kernel.shmmni. Returns the pipe's write end, or -1.
int startGuardian(const std::string &shmmniBefore, pid_t &guardian)
{
    int fds[2];
    // Close-on-exec: the commands run must not hold the pipe open after we die.
    if (pipe2(fds, O_CLOEXEC) != 0)
        return -1;
    guardian = fork();
    if (guardian == 0) {
        close(fds[1]);
        setsid(); // out of the terminal's process group: a Ctrl-C reaches us, not it
        std::signal(SIGINT, SIG_IGN);
        std::signal(SIGTERM, SIG_IGN);
        std::signal(SIGHUP, SIG_IGN);
        std::vector<int> ids;
        int id = 0;
        for (;;) {
            const ssize_t n = read(fds[0], &id, sizeof id);
            if (n == sizeof id)
                ids.push_back(id);
            else if (n == 0 || (n < 0 && errno != EINTR))
                break;
        }
        for (int shmid : ids)
            shmctl(shmid, IPC_RMID, nullptr);
        if (!shmmniBefore.empty())
            writeFile(ShmmniPath, shmmniBefore);
        _exit(0);
    }
    close(fds[0]);
    if (guardian < 0) {
        close(fds[1]);
        return -1;
    }
    return fds[1];
}

// A /proc/sysvipc/shm read as the browser does it (64 KiB at a time), the text thrown away.
void readListing(char *buffer, std::size_t size)
{
    const int fd = open("/proc/sysvipc/shm", O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return;
    while (read(fd, buffer, size) > 0) {
    }
    close(fd);
}

} // namespace

int main(int argc, char **argv)
{
    int count = 32768;
    int seconds = 10;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--segments"))
            count = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--seconds"))
            seconds = std::max(1, std::atoi(argv[i + 1]));
    }

    const bool privateNamespace = bench::enterPrivateIpcNamespace();
    const auto existing = shm::listSegments();
    const long already = existing ? long(existing->size()) : 0;
    const std::string shmmniText = readFile(ShmmniPath);
    const long shmmni = std::atol(shmmniText.c_str());
    std::string restoreShmmni; // what the guardian writes back, when we changed it
    if (shmmni < count + already) {
        const long want = std::min(IpcMni, long(count) + already);
        if (writeFile(ShmmniPath, std::to_string(want)))
            restoreShmmni = shmmniText;
        std::fprintf(stderr, "kernel.shmmni%s %ld raised to %ld for the run: %s\n",
                     privateNamespace ? " (of our namespace)" : "", shmmni, want,
                     restoreShmmni.empty() ? "FAILED" : "yes");
    }

    pid_t guardian = -1;
    const int guardianPipe = startGuardian(restoreShmmni, guardian);
    if (guardianPipe < 0) {
        std::perror("guardian");
        if (!restoreShmmni.empty())
            writeFile(ShmmniPath, restoreShmmni);
        return 1;
    }
    int made = 0;
    for (; made < count; ++made) {
        const int shmid = shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600);
        if (shmid < 0) {
            std::perror("shmget");
            break;
        }
        [[maybe_unused]] auto n = write(guardianPipe, &shmid, sizeof shmid);
    }

    // The peer, forked before Qt starts a thread.
    std::vector<char> buffer(64 * 1024);
    bench::PeerLoop peer(seconds, [&] { readListing(buffer.data(), buffer.size()); });

    int status = 0;
    {
        bench::ScratchSettings settings;
        qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication app(argc, argv);

        QElapsedTimer shown;
        shown.start();
        MainWindow window;
        window.show();
        QCoreApplication::processEvents();
        const double shownMs = double(shown.nsecsElapsed()) / 1e6;
        std::printf("bench_browseridle: %d segments made (%ld already there), %s; %d rows shown "
                    "%.0f ms after the window was made; %d s at a 1 s refresh\n",
                    made, already,
                    privateNamespace ? "in an IPC namespace of our own"
                                     : "in the machine's IPC namespace",
                    window.model()->rowCount(), shownMs, seconds);

        peer.start();
        window.setRefreshInterval(1000); // restarts the timer: ticks at 1 s, 2 s ... as the peer's
        const bench::CpuShare ours = bench::runEventLoopFor(seconds + 0.5);
        const bench::CpuShare theirs = peer.result();
        bench::printShare("browser, idle, refreshing every second (ours)", ours);
        bench::printShare("read /proc/sysvipc/shm once a second (peer)", theirs);
        if (theirs.percent() > 0)
            std::printf("  ratio %.2fx the peer's CPU (target: at most 1.2x)\n",
                        ours.percent() / theirs.percent());
        else
            status = 1;
    }

    close(guardianPipe); // the guardian removes everything now
    waitpid(guardian, nullptr, 0);
    const auto after = shm::listSegments();
    std::printf("left behind: %ld segments beyond those already there; kernel.shmmni %s\n",
                after ? long(after->size()) - already : -1L,
                readFile(ShmmniPath) == shmmniText ? "as before" : "CHANGED");
    return status;
}
