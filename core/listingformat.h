#pragma once

// Text renderings of a listing for the command line.

#include "segmentinfo.h"

#include <cstdio>
#include <string>
#include <vector>

namespace shm {

class NameCache;

// A table like `ipcs -m`: key, shmid, owner, perms, bytes, nattch, status.
std::string formatTable(const std::vector<SegmentInfo> &segments, NameCache &names);

// {"segments": [...]} as documented in the README.
std::string formatJson(const std::vector<SegmentInfo> &segments, NameCache &names);

// `shmscope --list [--json]`: lists the segments and writes the table or JSON to `out`; an
// error goes to `err` as "shmscope: <why>". The process exit status: 0, 1 when `out` cannot be
// written, 2 when the listing cannot be read.
int printListing(bool json, std::FILE *out, std::FILE *err);

// "2026-11-26T15:14:05Z", or "" for 0.
std::string isoUtc(std::int64_t seconds);

} // namespace shm
