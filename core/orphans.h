#pragma once

// Orphans: shared memory that nobody uses any more and that nothing will clean up. A segment is
// an orphan when no process attaches it and its creator is gone; a POSIX object when no process
// maps it or holds a descriptor to it. (A memfd lives only while a process holds it: it is
// never an orphan.)

#include "holders.h"
#include "posixshm.h"
#include "segmentinfo.h"

#include <cstdint>
#include <sys/types.h>

namespace shm {

// Whether process pid has ended: no /proc/PID, or a zombie (pid 1 does not always reap).
// A pid of 0 (unknown) counts as gone.
bool processGone(pid_t pid);

bool isOrphanSegment(const SegmentInfo &segment);
bool isOrphanPosixObject(const PosixObject &object, const HolderScan &holders);

// Seconds since the object was last used or changed (attach, detach, IPC_SET / write,
// truncate, chmod), at `now` (seconds since the epoch); 0 when that lies in the future.
std::int64_t segmentAge(const SegmentInfo &segment, std::int64_t now);
std::int64_t posixObjectAge(const PosixObject &object, std::int64_t now);

} // namespace shm
