#pragma once

// What the browser benchmarks share: the CPU time of a process as a share of one core, an IPC
// namespace of the benchmark's own, a settings folder of its own, and the peer: a child that
// does its work once a second over the same span, measured the same way.

#include <QEventLoop>
#include <QTimer>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <functional>
#include <sched.h>
#include <string>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

namespace bench {

// CPU seconds, user and kernel apart, of this process (every thread) or of its waited-for
// children.
struct CpuTime
{
    double user = 0;
    double system = 0;
    double total() const { return user + system; }
};

inline CpuTime cpuTime(int who = RUSAGE_SELF)
{
    rusage usage{};
    getrusage(who, &usage);
    const auto seconds = [](const timeval &t) { return double(t.tv_sec) + t.tv_usec / 1e6; };
    return {seconds(usage.ru_utime), seconds(usage.ru_stime)};
}

// CPU time over a span of wall time: as shares of one core, in percent.
struct CpuShare
{
    double userPercent = 0;
    double systemPercent = 0;
    double wallSeconds = 0;
    double percent() const { return userPercent + systemPercent; }
};

inline CpuShare shareOf(const CpuTime &before, const CpuTime &after, double wallSeconds)
{
    if (wallSeconds <= 0)
        return {};
    return {100 * (after.user - before.user) / wallSeconds,
            100 * (after.system - before.system) / wallSeconds, wallSeconds};
}

inline double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Puts this process (call it before any thread starts) in a new IPC namespace: its segments
// and its kernel.shm* limits are its own, the machine's are neither seen nor changed, and
// whatever is left in it goes when its last process ends, even after kill -9. Needs
// CAP_SYS_ADMIN; false (the machine's namespace kept) without it.
inline bool enterPrivateIpcNamespace()
{
    return unshare(CLONE_NEWIPC) == 0;
}

// QSettings in a fresh folder (XDG_CONFIG_HOME), removed with this object: the window starts
// from its defaults (1 s refresh, not paused) and the user's settings are neither read nor
// written. Make it before the QApplication.
class ScratchSettings
{
public:
    ScratchSettings()
    {
        char pattern[] = "/tmp/shmscope-bench-settings-XXXXXX";
        if (const char *made = mkdtemp(pattern)) {
            m_folder = made;
            setenv("XDG_CONFIG_HOME", made, 1);
        }
    }
    ~ScratchSettings()
    {
        std::error_code ignored;
        if (!m_folder.empty())
            std::filesystem::remove_all(m_folder, ignored);
    }
    ScratchSettings(const ScratchSettings &) = delete;
    ScratchSettings &operator=(const ScratchSettings &) = delete;

private:
    std::string m_folder;
};

// The peer: a child forked at once (before the QApplication: it runs no Qt) that waits for
// start(), then calls tick() at 1 s, 2 s ... `seconds` s after it, and measures its CPU time
// (its own and that of the children it waited for) over seconds + 0.5 s of wall time: the span
// the benchmark measures the browser over. It dies with this process.
class PeerLoop
{
public:
    PeerLoop(int seconds, std::function<void()> tick)
    {
        int go[2], result[2];
        if (pipe2(go, O_CLOEXEC) != 0 || pipe2(result, O_CLOEXEC) != 0)
            return;
        const pid_t parent = getpid();
        m_pid = fork();
        if (m_pid == 0) {
            prctl(PR_SET_PDEATHSIG, SIGKILL);
            if (getppid() != parent)
                _exit(0);
            close(go[1]);
            close(result[0]);
            char byte = 0;
            if (read(go[0], &byte, 1) != 1)
                _exit(0);
            timespec start{};
            clock_gettime(CLOCK_MONOTONIC, &start);
            const auto at = [&](double offset) {
                timespec t = start;
                t.tv_sec += time_t(offset);
                t.tv_nsec += long((offset - double(time_t(offset))) * 1e9);
                if (t.tv_nsec >= 1000000000L) {
                    t.tv_nsec -= 1000000000L;
                    ++t.tv_sec;
                }
                while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &t, nullptr) == EINTR) {
                }
            };
            const auto wall = std::chrono::steady_clock::now();
            const CpuTime self0 = cpuTime(RUSAGE_SELF), children0 = cpuTime(RUSAGE_CHILDREN);
            for (int i = 1; i <= seconds; ++i) {
                at(i);
                tick();
            }
            at(seconds + 0.5);
            const CpuTime self1 = cpuTime(RUSAGE_SELF), children1 = cpuTime(RUSAGE_CHILDREN);
            const CpuTime before{self0.user + children0.user, self0.system + children0.system};
            const CpuTime after{self1.user + children1.user, self1.system + children1.system};
            const CpuShare share = shareOf(before, after, secondsSince(wall));
            [[maybe_unused]] auto n = write(result[1], &share, sizeof share);
            _exit(0);
        }
        close(go[0]);
        close(result[1]);
        m_go = go[1];
        m_result = result[0];
        if (m_pid < 0) {
            close(m_go);
            close(m_result);
            m_go = m_result = -1;
        }
    }
    ~PeerLoop()
    {
        if (m_pid > 0) {
            kill(m_pid, SIGKILL);
            waitpid(m_pid, nullptr, 0);
        }
        if (m_go >= 0)
            close(m_go);
        if (m_result >= 0)
            close(m_result);
    }
    PeerLoop(const PeerLoop &) = delete;
    PeerLoop &operator=(const PeerLoop &) = delete;

    bool ok() const { return m_pid > 0; }
    void start()
    {
        if (m_go >= 0)
            [[maybe_unused]] auto n = write(m_go, "g", 1);
    }
    // Waits for the child's figures; zeros if it failed.
    CpuShare result()
    {
        CpuShare share;
        if (m_result < 0 || read(m_result, &share, sizeof share) != sizeof share)
            share = {};
        if (m_pid > 0)
            waitpid(m_pid, nullptr, 0);
        m_pid = -1;
        return share;
    }

private:
    pid_t m_pid = -1;
    int m_go = -1;
    int m_result = -1;
};

// Runs the event loop for `seconds` of wall time and returns this process's CPU share over it.
inline CpuShare runEventLoopFor(double seconds)
{
    QEventLoop loop;
    QTimer::singleShot(int(seconds * 1000), Qt::PreciseTimer, &loop, &QEventLoop::quit);
    const auto wall = std::chrono::steady_clock::now();
    const CpuTime before = cpuTime();
    loop.exec();
    return shareOf(before, cpuTime(), secondsSince(wall));
}

inline void printShare(const char *what, const CpuShare &share)
{
    std::printf("  %-52s %6.2f %% of a core  (user %5.2f %%, kernel %5.2f %%, over %.1f s)\n",
                what, share.percent(), share.userPercent, share.systemPercent,
                share.wallSeconds);
}

} // namespace bench
