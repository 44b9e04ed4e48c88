#pragma once

// The benchmarks' segments: made, attached read-write and marked for destruction at once, so
// nothing outlives a benchmark, even kill -9; and their resident size.

#include "core/attachment.h"
#include "core/segmentlist.h"

#include <cstdint>
#include <cstdio>
#include <optional>
#include <sys/shm.h>

namespace bench {

// A fresh segment of `size` bytes (`flags`: SHM_NORESERVE...), or nullopt with the reason on
// stderr.
inline std::optional<shm::Attachment> freshSegment(std::uint64_t size, int flags = 0)
{
    const int id = shmget(IPC_PRIVATE, size, IPC_CREAT | flags | 0600);
    if (id < 0) {
        std::perror("shmget");
        return std::nullopt;
    }
    auto attached = shm::Attachment::attach(id, shm::Access::ReadWrite);
    shmctl(id, IPC_RMID, nullptr); // it lives while attached
    if (!attached) {
        std::fprintf(stderr, "%s\n", attached.error().describe().c_str());
        return std::nullopt;
    }
    return std::move(attached.value());
}

// The kernel's rss of the segment, from /proc/sysvipc/shm (IPC_STAT has none); 0 if unlisted.
inline std::uint64_t residentBytes(int shmid)
{
    if (const auto all = shm::listSegments()) {
        for (const shm::SegmentInfo &segment : *all)
            if (segment.shmid == shmid)
                return segment.rss;
    }
    return 0;
}

} // namespace bench
