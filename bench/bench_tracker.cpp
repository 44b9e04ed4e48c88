// Tracker benchmark (not a test), on a 256 MiB segment, fully resident:
// 1. a whole-segment compare (one SegmentWatcher pass, nothing changed) beside glibc memcmp of
//    the same bytes against a private copy, in GB/s (median of 7);
// 2. the tracker running for SECONDS (default 10) while another process writes 8 bytes 1,000
//    times a second at random offsets: its CPU share, passes/s and bytes seen, beside a naive
//    tracker that memcmps (and copies) the whole segment every 100 ms, over the same time.
// The segment is marked for destruction as soon as it is attached.

#include "core/attachment.h"
#include "core/segmentwatcher.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <pthread.h>
#include <random>
#include <sys/prctl.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
constexpr std::uint64_t Size = std::uint64_t(256) << 20;

double seconds(Clock::duration d)
{
    return std::chrono::duration<double>(d).count();
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// A child that writes 8 random bytes at a random offset 1,000 times a second until killed.
pid_t startWriter(int shmid)
{
    const pid_t pid = fork();
    if (pid != 0)
        return pid;
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    auto *at = static_cast<unsigned char *>(shmat(shmid, nullptr, 0));
    if (at == reinterpret_cast<unsigned char *>(-1))
        _exit(1);
    std::mt19937_64 random(42);
    timespec next{};
    clock_gettime(CLOCK_MONOTONIC, &next);
    while (true) {
        const std::uint64_t value = random();
        std::memcpy(at + (random() % (Size - 8)), &value, 8);
        next.tv_nsec += 1000000;
        if (next.tv_nsec >= 1000000000) {
            next.tv_nsec -= 1000000000;
            ++next.tv_sec;
        }
        clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &next, nullptr);
    }
}

struct Share
{
    double cpu = 0;
    double wall = 0;
    std::uint64_t passes = 0;
};

// A thread's CPU time, read from another thread.
double cpuOf(std::thread &thread)
{
    clockid_t clock{};
    timespec ts{};
    if (pthread_getcpuclockid(thread.native_handle(), &clock) != 0 || clock_gettime(clock, &ts) != 0)
        return 0;
    return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

// Runs `work` in a thread (it ends when `stop` is set, or when `end` is called), and measures its
// CPU time over `duration` seconds after a warm-up of 3 s (the first pass, a copy of the whole
// segment, is not steady state), from outside, so that the window does not follow its passes.
template<typename Work, typename End>
Share measure(double duration, std::atomic<std::uint64_t> &passes, Work work, End end)
{
    std::thread worker(work);
    std::this_thread::sleep_for(std::chrono::seconds(3));
    Share s;
    const double cpu0 = cpuOf(worker);
    const std::uint64_t passes0 = passes;
    const auto start = Clock::now();
    std::this_thread::sleep_for(std::chrono::duration<double>(duration));
    s.cpu = cpuOf(worker) - cpu0;
    s.passes = passes - passes0;
    s.wall = seconds(Clock::now() - start);
    end();
    worker.join();
    return s;
}

// The naive peer: every 100 ms, memcmp the whole segment with a copy and copy it when it differs.
Share naiveTracker(const std::byte *memory, double duration)
{
    std::atomic<bool> stop{false};
    std::atomic<std::uint64_t> passes{0};
    return measure(
        duration, passes,
        [&] {
            std::vector<std::byte> copy(memory, memory + Size);
            auto next = Clock::now();
            while (!stop) {
                if (std::memcmp(memory, copy.data(), Size) != 0)
                    std::memcpy(copy.data(), memory, Size);
                ++passes;
                next += std::chrono::milliseconds(100);
                std::this_thread::sleep_until(next);
            }
        },
        [&] { stop = true; });
}

Share watcherTracker(const shm::Attachment &attachment, double duration, std::uint64_t &bytes)
{
    shm::SegmentWatcher watcher(shm::MemoryAccess::forAttachment(attachment));
    std::atomic<std::uint64_t> passes{0};
    std::atomic<std::uint64_t> seen{0};
    const Share s = measure(
        duration, passes,
        [&] {
            watcher.run([&](const shm::SegmentWatcher::PassResult &r) {
                seen += r.changedBytes;
                ++passes;
            });
        },
        [&] { watcher.stop(); });
    bytes = seen;
    return s;
}

} // namespace

int main(int argc, char **argv)
{
    const double duration = argc > 1 ? std::max(1.0, std::atof(argv[1])) : 10.0;
    const int id = shmget(IPC_PRIVATE, Size, IPC_CREAT | 0600);
    if (id < 0) {
        std::perror("shmget");
        return 1;
    }
    auto attached = shm::Attachment::attach(id, shm::Access::ReadWrite);
    if (!attached) {
        shmctl(id, IPC_RMID, nullptr);
        std::fprintf(stderr, "%s\n", attached.error().describe().c_str());
        return 1;
    }
    std::byte *memory = attached->writableData();
    for (std::uint64_t i = 0; i < Size; ++i) // resident, and not all zeros
        memory[i] = std::byte(i * 2654435761u >> 13);

    // 1. Bandwidth of a pass over resident data beside memcmp's.
    {
        std::vector<std::byte> copy(memory, memory + Size);
        shm::SegmentWatcher watcher(shm::MemoryAccess::forAttachment(*attached));
        watcher.pass(); // the baseline: makes the copy
        std::vector<double> ours, peer;
        int sink = 0;
        for (int i = 0; i < 7; ++i) {
            auto t = Clock::now();
            const auto result = watcher.pass();
            ours.push_back(seconds(Clock::now() - t));
            sink += int(result.changes.size());
            t = Clock::now();
            sink += std::memcmp(memory, copy.data(), Size) != 0;
            peer.push_back(seconds(Clock::now() - t));
        }
        const double gbOurs = double(Size) / median(ours) / 1e9;
        const double gbPeer = double(Size) / median(peer) / 1e9;
        std::printf("Whole-segment compare, 256 MiB resident (median of 7)%s\n", sink ? " !" : "");
        std::printf("  SegmentWatcher pass   %8.2f ms  %6.2f GB/s\n", median(ours) * 1e3, gbOurs);
        std::printf("  memcmp (peer)         %8.2f ms  %6.2f GB/s\n", median(peer) * 1e3, gbPeer);
        std::printf("  ratio                 %8.2fx memcmp's bandwidth (target >= 0.8x)\n",
                    gbOurs / gbPeer);
    }

    // 2. CPU share with a writer at 1,000 writes per second.
    const pid_t writer = startWriter(id);
    shmctl(id, IPC_RMID, nullptr); // the writer is attached or dies: nothing is left behind
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    std::uint64_t seen = 0;
    const Share ours = watcherTracker(*attached, duration, seen);
    const Share peer = naiveTracker(memory, duration);
    kill(writer, SIGKILL);
    waitpid(writer, nullptr, 0);
    std::printf("Tracker on 256 MiB, another process writing 1,000 times a second, CPU over %.0f s "
                "after 3 s of warm-up\n",
                duration);
    std::printf("  SegmentWatcher (5%% budget)   %5.2f%% of a core  %5.2f passes/s  %llu bytes "
                "seen changing (target <= 5%%)\n",
                100 * ours.cpu / ours.wall, double(ours.passes) / ours.wall,
                static_cast<unsigned long long>(seen));
    std::printf("  naive memcmp every 100 ms   %5.2f%% of a core  %5.2f passes/s\n",
                100 * peer.cpu / peer.wall, double(peer.passes) / peer.wall);
    return 0;
}
