#pragma once

// Sentences for the errors of shm calls on an existing segment, shared by the core's calls.

#include "result.h"

#include <cstdint>
#include <string>

namespace shm {

// "shmid 32769"
std::string shmidTarget(int shmid);

// The Error of a failed call on an existing shmid (shmat, shmctl ...). EIDRM is Gone. EINVAL is
// Gone only when IPC_STAT confirms that the id names no segment (shmat also refuses a bad
// address, IPC_SET a uid the kernel does not map: BadInput). EACCES/EPERM say the segment's mode
// and owner and who we are. `need` says what the call needs, e.g. "read and write permission".
Error segmentCallError(const std::string &call, int shmid, int errnum, Text need);

// The Gone Error of `call` on shmid, which names no segment (errnum EINVAL or EIDRM).
Error goneError(const std::string &call, int shmid, int errnum);

// The Error of shmat failing with ENOMEM (LimitReached): the segment of `size` bytes does not
// fit in this process's free address space, or in its RLIMIT_AS when one is set (named, with
// its value).
Error addressSpaceError(const std::string &call, int shmid, std::uint64_t size, int errnum);

// "uid 1000 (alice), gid 1000 (alice)" for the calling process.
Text whoAmI();

} // namespace shm
