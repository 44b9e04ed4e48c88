#pragma once

// Listing and stat of segments.

#include "result.h"
#include "segmentinfo.h"

#include <string>
#include <string_view>
#include <vector>

namespace shm {

// Every segment visible in this IPC namespace, sorted by shmid. Reads /proc/sysvipc/shm once;
// where that is unavailable, falls back to listSegmentsByStat().
Result<std::vector<SegmentInfo>> listSegments();

// Reads and parses a file in the /proc/sysvipc/shm format. Sorted by shmid.
Result<std::vector<SegmentInfo>> listSegmentsFromProc(const std::string &path = "/proc/sysvipc/shm");

// The fallback: shmctl(SHM_INFO) for the highest index, then SHM_STAT_ANY (or SHM_STAT) on
// every index 0..max. Sorted by shmid. The kernel reports rss/swap only per segment in /proc,
// so they read 0 here.
Result<std::vector<SegmentInfo>> listSegmentsByStat();

// Parses the text of /proc/sysvipc/shm: skips the header and any malformed line (short lines,
// garbage, numbers out of range). Never throws, never crashes. `skipped`, when given, counts
// the lines that were not understood. Result is sorted by shmid.
std::vector<SegmentInfo> parseProcSysvipcShm(std::string_view text, int *skipped = nullptr);

// IPC_STAT of one segment.
Result<SegmentInfo> statSegment(int shmid);

} // namespace shm
