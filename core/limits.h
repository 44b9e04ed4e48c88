#pragma once

// System limits (SHMMAX & co.) and usage totals (SHM_INFO).

#include "result.h"
#include "segmentinfo.h"

#include <cstdint>
#include <vector>

namespace shm {

struct Limits
{
    std::uint64_t shmmax = 0; // largest segment, bytes
    std::uint64_t shmmin = 1; // smallest segment, bytes
    std::uint64_t shmmni = 0; // most segments system-wide
    std::uint64_t shmall = 0; // total shared memory, pages
    std::uint64_t shmseg = 0; // most attachments per process (no kernel limit: shmmni)
};

struct Usage
{
    int usedIds = 0;              // segments in use
    std::uint64_t totalPages = 0; // pages allocated to segments
    std::uint64_t rssPages = 0;   // resident
    std::uint64_t swapPages = 0;  // swapped out
};

// /proc/sys/kernel/shm{max,mni,all}; IPC_INFO where those are unreadable.
Result<Limits> readLimits();
// IPC_INFO only (the fallback; also used by tests).
Result<Limits> readLimitsByIpcInfo();
// shmctl(SHM_INFO).
Result<Usage> readUsage();
// The same totals, added up from a listing of every segment (listSegments()): what SHM_INFO
// says at the moment of the listing, without its second pass over every segment in the kernel
// (a fifth of the listing's cost). A listing by SHM_STAT (no /proc) has no resident or swapped
// sizes: those are 0 then.
Usage usageOf(const std::vector<SegmentInfo> &segments);
std::uint64_t pageSize();

} // namespace shm
