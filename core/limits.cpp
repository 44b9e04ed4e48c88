#include "limits.h"

#include "fileread.h"

#include <cerrno>
#include <charconv>
#include <string>
#include <sys/shm.h>
#include <unistd.h>

namespace shm {

namespace {

bool readNumberFile(const char *path, std::uint64_t &out)
{
    auto text = readWholeFile(path);
    if (!text)
        return false;
    const char *begin = text->data();
    const char *end = begin + text->size();
    while (end > begin && (end[-1] == '\n' || end[-1] == ' '))
        --end;
    auto [ptr, ec] = std::from_chars(begin, end, out);
    return ec == std::errc() && ptr == end && ptr != begin;
}

} // namespace

std::uint64_t pageSize()
{
    static const std::uint64_t size = static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
    return size;
}

Result<Limits> readLimitsByIpcInfo()
{
    shminfo info{};
    if (::shmctl(0, IPC_INFO, reinterpret_cast<shmid_ds *>(&info)) < 0)
        return systemError("shmctl", "IPC_INFO", errno);
    Limits limits;
    limits.shmmax = info.shmmax;
    limits.shmmin = info.shmmin;
    limits.shmmni = info.shmmni;
    limits.shmall = info.shmall;
    limits.shmseg = info.shmseg;
    return limits;
}

Result<Limits> readLimits()
{
    Limits limits;
    if (readNumberFile("/proc/sys/kernel/shmmax", limits.shmmax)
        && readNumberFile("/proc/sys/kernel/shmmni", limits.shmmni)
        && readNumberFile("/proc/sys/kernel/shmall", limits.shmall)) {
        // SHMMIN is 1 and SHMSEG has no limit of its own (the kernel reports SHMMNI); neither has
        // a /proc file.
        limits.shmmin = 1;
        limits.shmseg = limits.shmmni;
        return limits;
    }
    return readLimitsByIpcInfo();
}

Result<Usage> readUsage()
{
    shm_info info{};
    if (::shmctl(0, SHM_INFO, reinterpret_cast<shmid_ds *>(&info)) < 0)
        return systemError("shmctl", "SHM_INFO", errno);
    Usage usage;
    usage.usedIds = info.used_ids;
    usage.totalPages = info.shm_tot;
    usage.rssPages = info.shm_rss;
    usage.swapPages = info.shm_swp;
    return usage;
}

Usage usageOf(const std::vector<SegmentInfo> &segments)
{
    // The kernel counts each segment's size rounded up to pages (newseg), whatever its page
    // size, and lists resident and swapped bytes as pages times the page size.
    const std::uint64_t page = pageSize();
    Usage usage;
    usage.usedIds = int(segments.size());
    for (const SegmentInfo &segment : segments) {
        usage.totalPages += segment.size / page + (segment.size % page != 0);
        usage.rssPages += segment.rss / page;
        usage.swapPages += segment.swap / page;
    }
    return usage;
}

} // namespace shm
