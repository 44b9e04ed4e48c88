// Value scan benchmark (not a test), each figure beside its peer from the same run (median of 5):
// - first scan for a rare int32 over 1 GiB of resident data, beside glibc memchr for a byte
//   that is not there (one pass at memory speed);
// - first scan for 0 over 1 GiB of resident zeros (every offset matches, held as one run), and
//   narrowing those 256 Mi candidates ("unchanged"), beside memcmp of the 1 GiB with itself;
// - first scan on a 64 GiB SHM_NORESERVE segment with three pages written, beside
//   MemoryAccess::pages() over the segment (the mincore calls any reader needs), with the
//   segment's resident size before and after.
// The segments are marked for destruction as soon as they are attached.

#include "bench/benchsegment.h"
#include "core/attachment.h"
#include "core/memoryaccess.h"
#include "core/segmentinfo.h"
#include "core/segmentlist.h"
#include "core/valuescan.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <optional>
#include <sys/shm.h>
#include <vector>

namespace {

double seconds(const std::function<void()> &fn)
{
    std::vector<double> runs;
    for (int i = 0; i < 5; ++i) {
        const auto start = std::chrono::steady_clock::now();
        fn();
        runs.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
                           .count());
    }
    std::sort(runs.begin(), runs.end());
    return runs[runs.size() / 2];
}

std::optional<shm::Attachment> makeSegment(std::uint64_t size, int flags)
{
    return bench::freshSegment(size, flags);
}

// From /proc/sysvipc/shm (IPC_STAT has no rss).
std::uint64_t rss(int shmid)
{
    return bench::residentBytes(shmid);
}

} // namespace

int main()
{
    const shm::ScanFormat int32{shm::ScanType::Int32, shm::ScanOrder::Little, 0};
    constexpr std::uint64_t GiB = std::uint64_t(1) << 30;
    auto resident = makeSegment(GiB, 0);
    if (!resident)
        return 1;
    std::byte *bytes = resident->writableData();
    for (std::uint64_t i = 0; i < GiB; ++i)
        bytes[i] = std::byte(((i * 2654435761u) >> 13) & 0x7f); // never 0xff
    const auto access = shm::MemoryAccess::forAttachment(*resident);
    std::printf("Value scans (median of 5)\n");

    std::uint64_t found = 0;
    const double rare = seconds([&] { found = shm::ValueScan::first(access, int32, 0x7f7f1234)->scan.count(); });
    const double chr = seconds([&] { found += std::memchr(bytes, 0xff, GiB) != nullptr; });
    std::printf("first scan, rare int32, 1 GiB resident: %7.3f s (%5.2f GiB/s)   memchr: %7.3f s "
                "(%5.2f GiB/s)\n",
                rare, 1 / rare, chr, 1 / chr);

    std::memset(bytes, 0, GiB);
    std::optional<shm::ValueScan> zeros;
    const double zero = seconds([&] { zeros = shm::ValueScan::first(access, int32, 0)->scan; });
    const double narrow = seconds([&] {
        found += zeros->narrow(access, shm::ScanNarrow::Unchanged)->scan.count();
    });
    int same = 0;
    const double cmp = seconds([&] { same += std::memcmp(bytes, bytes + GiB / 2, GiB / 2); });
    std::printf("first scan for 0, 1 GiB of zeros:       %7.3f s (%llu candidates in %zu run)\n",
                zero, static_cast<unsigned long long>(zeros->count()), zeros->runs().size());
    std::printf("narrow unchanged, 256 Mi candidates:    %7.3f s (%5.2f GiB/s)   memcmp: %7.3f s "
                "(%5.2f GiB/s)\n",
                narrow, 1 / narrow, cmp, 0.5 / cmp);
    resident.reset();

    auto sparse = makeSegment(64 * GiB, SHM_NORESERVE);
    if (!sparse)
        return 1;
    for (std::uint64_t at : {std::uint64_t(0x10), 32 * GiB + 0x124, 64 * GiB - 4})
        shm::storeScanValue(int32, 7777, sparse->writableData() + at);
    const auto sparseAccess = shm::MemoryAccess::forAttachment(*sparse);
    const std::uint64_t before = rss(sparse->shmid());
    const double scan = seconds([&] { found += shm::ValueScan::first(sparseAccess, int32, 7777)->scan.count(); });
    const double scanZero = seconds([&] { found += shm::ValueScan::first(sparseAccess, int32, 0)->scan.count(); });
    const double pages = seconds([&] { found += sparseAccess.pages(0, 64 * GiB).size(); });
    std::printf("first scan, 64 GiB sparse, V = 7777:    %7.3f s   pages(): %7.3f s   rss %llu -> "
                "%llu bytes\n",
                scan, pages, static_cast<unsigned long long>(before),
                static_cast<unsigned long long>(rss(sparse->shmid())));
    std::printf("first scan, 64 GiB sparse, V = 0:       %7.3f s\n", scanZero);
    // The figures are used, so that no scan is optimised away.
    return found == 0 && same != 0 ? 1 : 0;
}
