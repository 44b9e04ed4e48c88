#pragma once

// Text renderings of a listing for the command line.

#include "segmentinfo.h"

#include <string>
#include <vector>

namespace shm {

class NameCache;

// A table like `ipcs -m`: key, shmid, owner, perms, bytes, nattch, status.
std::string formatTable(const std::vector<SegmentInfo> &segments, NameCache &names);

// {"segments": [...]} as documented in the README.
std::string formatJson(const std::vector<SegmentInfo> &segments, NameCache &names);

// "2026-11-26T15:14:05Z", or "" for 0.
std::string isoUtc(std::int64_t seconds);

} // namespace shm
