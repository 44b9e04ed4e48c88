#pragma once

// Text renderings of a listing for the command line.

#include "segmentinfo.h"

#include <cstdio>
#include <string>
#include <vector>

namespace shm {

class NameCache;
struct QueueInfo;
struct SemaphoreSetInfo;

// A table like `ipcs -m`: key, shmid, owner, perms, bytes, nattch, status.
std::string formatTable(const std::vector<SegmentInfo> &segments, NameCache &names);

// {"segments": [...]} as documented in the README.
std::string formatJson(const std::vector<SegmentInfo> &segments, NameCache &names);

// The text of formatJson written to `out` a part at a time (the listing of 32,768 segments is
// 14 MB); write errors show in ferror(out).
void writeJson(const std::vector<SegmentInfo> &segments, NameCache &names, std::FILE *out);

// {"segments": [...], "semaphores": [...], "queues": [...]} (`--list --json --all`). A set whose
// semaphores could not be read has null for values, pids, ncnt and zcnt; a queue whose
// msg_qbytes could not be read, null for qbytes.
std::string formatJsonAll(const std::vector<SegmentInfo> &segments,
                          const std::vector<SemaphoreSetInfo> &sets,
                          const std::vector<QueueInfo> &queues, NameCache &names);

// Tables like `ipcs -s` (key, semid, owner, perms, nsems, and the values; "?" when unreadable)
// and `ipcs -q` (key, msqid, owner, perms, used-bytes, messages).
std::string formatSemaphoreTable(const std::vector<SemaphoreSetInfo> &sets, NameCache &names);
std::string formatQueueTable(const std::vector<QueueInfo> &queues, NameCache &names);

// `shmscope --list [--json] [--all]`: lists the segments (with `all`, the semaphore sets and
// message queues too, each kind a section of the table) and writes the table or JSON to `out`;
// an error goes to `err` as "shmscope: <why>". The process exit status: 0, 1 when `out` cannot
// be written, 2 when the listing cannot be read.
int printListing(bool json, std::FILE *out, std::FILE *err, bool all = false);

// "2026-11-26T15:14:05Z", or "" for 0.
std::string isoUtc(std::int64_t seconds);

} // namespace shm
