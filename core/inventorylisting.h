#pragma once

// Everything `shmscope --list` shows once it looks beyond System V segments: the data of one
// listing (--all: every kind; --attachers: who holds each object; --orphans: only the objects
// nobody uses, with their age), in the IPC namespace of a process (--namespace PID).

#include "holders.h"
#include "memfds.h"
#include "namespaces.h"
#include "posixshm.h"
#include "queues.h"
#include "segmentinfo.h"
#include "semaphores.h"

#include <cstdint>
#include <cstdio>
#include <optional>
#include <vector>

namespace shm {

class NameCache;

struct InventoryOptions
{
    bool json = false;
    bool all = false;       // semaphores, queues, POSIX objects and memfds beside segments
    bool attachers = false; // each object's holders
    bool orphans = false;   // only orphans (orphans.h), each with its age
    // Only these kinds (--semaphores, --queues): no segments, nothing read from /proc, no thread.
    bool semaphores = false;
    bool queues = false;
    std::optional<pid_t> namespacePid; // the IPC namespace (and /dev/shm) of this process

    bool kindsOnly() const { return semaphores || queues; }
};

struct InventoryListing
{
    InventoryOptions options;
    std::vector<SegmentInfo> segments;
    std::vector<SemaphoreSetInfo> sets;
    std::vector<QueueInfo> queues;
    std::vector<PosixObject> posix;
    std::vector<MemfdObject> memfds;
    HolderScan holders;     // filled when attachers, orphans or memfds are asked for
    std::int64_t now = 0;   // seconds since the epoch, for the ages
};

// Lists what `options` asks for. An Error when a listing cannot be read or the namespace cannot
// be entered (namespaces.h: runInIpcNamespace says why).
Result<InventoryListing> listInventory(const InventoryOptions &options);

// The holders of a segment in the listing's scan: System V attachers whose mapping fits its size.
std::vector<Holder> segmentHolders(const InventoryListing &listing, const SegmentInfo &segment);
// The holders of a POSIX object.
std::vector<Holder> posixHolders(const InventoryListing &listing, const PosixObject &object);

// The JSON and the text of a listing (listingformat.cpp). The JSON keeps every key of
// formatJson/formatJsonAll as it is and adds: "attachers" to each object (--attachers), "age"
// to each object (--orphans), "posix" and "memfd" arrays (--all).
std::string formatInventoryJson(const InventoryListing &listing, NameCache &names);
std::string formatInventoryTable(const InventoryListing &listing, NameCache &names);

// `shmscope --list ...` with these options: the listing on `out`, an error on `err` as
// "shmscope: <why>". Exit status as printListing's: 0, 1 when `out` cannot be written, 2 when
// the listing cannot be read.
int printInventory(const InventoryOptions &options, std::FILE *out, std::FILE *err);

// `shmscope --namespaces [--json]`: {"namespaces": [{"inode", "processes", "pid", "command",
// "container"}]} or a table.
std::string formatNamespacesJson(const std::vector<IpcNamespace> &namespaces);
std::string formatNamespacesTable(const std::vector<IpcNamespace> &namespaces);
int printNamespaces(bool json, std::FILE *out, std::FILE *err);

} // namespace shm
