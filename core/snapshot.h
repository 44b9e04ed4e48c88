#pragma once

// Snapshots: the bytes of [offset, offset + length) of a segment, written to a file that holds
// them raw (its size is the length, so any tool reads it). Pages never touched are left as
// holes, so a snapshot of a sparse segment is a sparse file, and they are never read (the
// segment does not grow). A regular file is replaced only once the snapshot is complete: it is
// written to a temporary in the same directory, then renamed over the target.

#include "memoryaccess.h"
#include "result.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace shm {

// Called by long work between chunks with the bytes done so far; returning false cancels the
// work (a worker thread's cancel flag). An empty function never cancels.
using WorkProgress = std::function<bool(std::uint64_t bytesDone)>;

struct SnapshotReport
{
    std::uint64_t length = 0; // the file's size
    std::uint64_t holeBytes = 0; // Untouched pages left as holes (zeros), never read
    std::uint64_t unreadable = 0; // pages that faulted, written as zeros
    std::optional<Fault> firstFault;
    bool cancelled = false; // then nothing was written: the target is as it was
};

// Writes [offset, offset + length) of `memory` (clipped to its size) to `path`, reading through
// `memory` with Reach::AsNeeded. A regular file (or a new one) is written through a temporary
// beside it (replaced atomically; an existing file keeps its permissions); a device or a FIFO
// is written in place, with zeros for the holes. On failure or cancel the temporary is removed
// and the target is as it was; the error names the call, the path and why (ENOSPC, EFBIG,
// EACCES...).
Result<SnapshotReport> writeSnapshot(const MemoryAccess &memory, std::uint64_t offset,
                                     std::uint64_t length, const std::string &path,
                                     const WorkProgress &progress = {});

// An error for a failed call on a file, with a sentence for the common causes (a full file
// system, a file size limit, a directory that may not be written...).
Error fileError(const std::string &call, const std::string &path, int errnum);

} // namespace shm
