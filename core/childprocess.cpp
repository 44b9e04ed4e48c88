#include "childprocess.h"

#include <cerrno>
#include <csignal>
#include <ctime>
#include <fcntl.h>
#include <initializer_list>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace shm {

std::int64_t monotonicNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return std::int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

std::int64_t monotonicMs()
{
    return monotonicNs() / 1000000;
}

void enterChild(pid_t parent)
{
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent)
        _exit(ChildParentGoneStatus);

    struct sigaction ignore{};
    ignore.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &ignore, nullptr);
    struct sigaction standard{};
    standard.sa_handler = SIG_DFL;
    for (int signal : {SIGTERM, SIGINT, SIGHUP})
        sigaction(signal, &standard, nullptr);
}

bool keepOnlyDescriptors(const int *fds, int count)
{
    // First out of the way (above any target number), then onto 3, 4, ...: a descriptor that
    // already sits on a target is not overwritten before it was copied.
    int moved[8];
    if (count > 8)
        return false;
    for (int i = 0; i < count; ++i) {
        moved[i] = fcntl(fds[i], F_DUPFD, 10 + count);
        if (moved[i] < 0)
            return false;
    }
    for (int i = 0; i < count; ++i) {
        if (dup2(moved[i], 3 + i) < 0)
            return false;
    }
    close_range(3 + count, ~0U, 0);
    return true;
}

ChildExit exitFromStatus(pid_t pid, int status)
{
    ChildExit exit;
    exit.pid = pid;
    exit.exited = WIFEXITED(status);
    exit.status = exit.exited ? WEXITSTATUS(status) : WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    return exit;
}

ChildExit reapChild(pid_t pid, int timeoutMs)
{
    ChildExit result;
    result.pid = pid;
    const std::int64_t deadline = monotonicMs() + timeoutMs;
    int status = 0;
    bool reaped = false;
    bool gone = false; // reaped by someone else: its pid may be reused, never signal it
    for (;;) {
        pid_t r = waitpid(pid, &status, WNOHANG);
        if (r == pid) {
            reaped = true;
            break;
        }
        if (r < 0 && errno != EINTR) {
            gone = true; // ECHILD: someone else waited for it
            break;
        }
        if (monotonicMs() >= deadline)
            break;
        timespec pause{0, 2 * 1000 * 1000};
        nanosleep(&pause, nullptr);
    }
    if (!reaped && !gone && kill(pid, SIGKILL) == 0) {
        result.killed = true;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        reaped = true;
    }
    if (reaped) {
        const bool killed = result.killed;
        result = exitFromStatus(pid, status);
        result.killed = killed;
    }
    return result;
}

} // namespace shm
