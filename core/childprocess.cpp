#include "childprocess.h"

#include <cerrno>
#include <csignal>
#include <ctime>
#include <fcntl.h>
#include <initializer_list>
#include <sys/prctl.h>
#include <sys/shm.h>
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

namespace {

// The start address of a /proc/PID/maps line that maps a System V segment, or 0.
std::uintptr_t sysvStart(const char *line, std::size_t length)
{
    bool sysv = false;
    for (std::size_t i = 0; i + 5 <= length && !sysv; ++i)
        sysv = line[i] == '/' && line[i + 1] == 'S' && line[i + 2] == 'Y' && line[i + 3] == 'S'
               && line[i + 4] == 'V';
    if (!sysv)
        return 0;
    std::uintptr_t start = 0;
    for (std::size_t i = 0; i < length && line[i] != '-'; ++i) {
        const char c = line[i];
        const int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (digit < 0)
            return 0;
        start = start * 16 + std::uintptr_t(digit);
    }
    return start;
}

} // namespace

void detachOtherSegments(const void *keep)
{
    // Collect first, detach after: unmapping while reading would change the file under us.
    constexpr int MaxSegments = 256;
    std::uintptr_t starts[MaxSegments];
    int count = 0;
    const int fd = open("/proc/self/maps", O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return;
    char buffer[4096];
    std::size_t held = 0; // bytes of an unfinished line at the start of buffer
    for (;;) {
        const ssize_t got = read(fd, buffer + held, sizeof buffer - held);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break;
        held += std::size_t(got);
        std::size_t lineStart = 0;
        for (std::size_t i = 0; i < held; ++i) {
            if (buffer[i] != '\n')
                continue;
            const std::uintptr_t start = sysvStart(buffer + lineStart, i - lineStart);
            if (start != 0 && start != reinterpret_cast<std::uintptr_t>(keep) && count < MaxSegments)
                starts[count++] = start;
            lineStart = i + 1;
        }
        if (lineStart == 0 && held == sizeof buffer)
            lineStart = held; // a line longer than the buffer (a long path): not ours to parse
        for (std::size_t i = lineStart; i < held; ++i)
            buffer[i - lineStart] = buffer[i];
        held -= lineStart;
    }
    close(fd);
    for (int i = 0; i < count; ++i)
        shmdt(reinterpret_cast<const void *>(starts[i])); // EINVAL for a second part: ignored
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
