// Snapshot benchmark (not a test): a snapshot of a 1 GiB resident segment beside `cp` of a
// 1 GiB file held in the page cache, both into the same directory (argv[1], default the current
// one), in the same run, median of 5 rounds. Neither syncs (the snapshot is renamed into place
// once complete); `cp + fsync` is shown too, for a disk. Also: a
// compare of the segment with its snapshot (live against file) beside memcmp of two buffers.

#include "bench/benchsegment.h"
#include "core/attachment.h"
#include "core/memoryaccess.h"
#include "core/rangediff.h"
#include "core/snapshot.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

double seconds(const std::chrono::steady_clock::time_point &since)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// Runs cp from to; returns its time, or -1.
double runCp(const std::string &from, const std::string &to, bool sync)
{
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = fork();
    if (pid == 0) {
        execlp("cp", "cp", from.c_str(), to.c_str(), static_cast<char *>(nullptr));
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return -1;
    if (sync) {
        const int fd = open(to.c_str(), O_RDONLY | O_CLOEXEC);
        fsync(fd);
        close(fd);
    }
    return seconds(start);
}

} // namespace

int main(int argc, char **argv)
{
    constexpr std::uint64_t Size = std::uint64_t(1) << 30;
    const std::string dir = argc > 1 ? argv[1] : ".";
    auto attached = bench::freshSegment(Size);
    if (!attached)
        return 1;
    std::byte *bytes = attached->writableData();
    for (std::uint64_t i = 0; i < Size; i += 8) {
        const std::uint64_t v = i * 0x9e3779b97f4a7c15ull;
        std::memcpy(bytes + i, &v, 8);
    }
    const shm::MemoryAccess memory = shm::MemoryAccess::forAttachment(*attached);
    const std::string source = dir + "/bench_snapshot.source";
    const std::string copied = dir + "/bench_snapshot.cp";
    const std::string snapped = dir + "/bench_snapshot.snap";
    // The file cp copies: the same bytes, written now, so in the page cache.
    if (const auto made = shm::writeSnapshot(memory, 0, Size, source); !made) {
        std::fprintf(stderr, "%s\n", made.error().describe().c_str());
        return 1;
    }

    std::vector<double> cp, cpSync, ours;
    for (int round = 0; round < 5; ++round) {
        unlink(copied.c_str());
        cp.push_back(runCp(source, copied, false));
        unlink(copied.c_str());
        cpSync.push_back(runCp(source, copied, true));
        unlink(snapped.c_str());
        const auto start = std::chrono::steady_clock::now();
        const auto written = shm::writeSnapshot(memory, 0, Size, snapped);
        ours.push_back(seconds(start));
        if (!written) {
            std::fprintf(stderr, "%s\n", written.error().describe().c_str());
            return 1;
        }
    }
    unlink(copied.c_str());

    std::printf("Snapshot of 1 GiB resident vs cp of a 1 GiB cached file into %s (median of 5)\n",
                dir.c_str());
    const double gib = double(Size) / double(1 << 30);
    std::printf("  cp:                 %7.3f s  %5.2f GiB/s\n", median(cp), gib / median(cp));
    std::printf("  cp + fsync:         %7.3f s  %5.2f GiB/s\n", median(cpSync),
                gib / median(cpSync));
    std::printf("  snapshot:           %7.3f s  %5.2f GiB/s  = %.2fx cp, %.2fx cp + fsync "
                "(target <= 1.2x cp)\n",
                median(ours), gib / median(ours), median(ours) / median(cp),
                median(ours) / median(cpSync));

    // Compare: the live segment with its snapshot (equal), beside memcmp of two buffers.
    std::vector<double> compare, plain;
    std::vector<char> a(Size), b(Size);
    std::memcpy(a.data(), bytes, Size);
    std::memcpy(b.data(), bytes, Size);
    auto file = shm::DiffSource::openFile(snapped);
    if (!file) {
        std::fprintf(stderr, "%s\n", file.error().describe().c_str());
        return 1;
    }
    volatile int sink = 0;
    for (int round = 0; round < 5; ++round) {
        auto start = std::chrono::steady_clock::now();
        const auto diff = shm::compareSources(shm::DiffSource::fromMemory(memory), *file);
        compare.push_back(seconds(start));
        if (!diff || diff->changedBytes != 0) {
            std::fprintf(stderr, "compare failed\n");
            return 1;
        }
        start = std::chrono::steady_clock::now();
        sink = sink + std::memcmp(a.data(), b.data(), Size);
        plain.push_back(seconds(start));
    }
    std::printf("Compare 1 GiB live with its snapshot file vs memcmp of two 1 GiB buffers\n");
    std::printf("  memcmp:             %7.3f s  %5.2f GiB/s\n", median(plain), gib / median(plain));
    std::printf("  live vs file:       %7.3f s  %5.2f GiB/s  = %.2fx memcmp's bandwidth\n",
                median(compare), gib / median(compare), median(plain) / median(compare));
    unlink(snapped.c_str());
    unlink(source.c_str());
    return 0;
}
