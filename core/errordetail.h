#pragma once

// Sentences for the errors of shm calls on an existing segment, shared by the core's calls.

#include "result.h"

#include <string>

namespace shm {

// "shmid 32769"
std::string shmidTarget(int shmid);

// The Error of a failed call on an existing shmid (shmat, shmctl ...): EINVAL/EIDRM say the
// segment is gone, EACCES/EPERM say the segment's mode and owner and who we are.
// `need` says what the call needs, e.g. "read and write permission".
Error segmentCallError(const std::string &call, int shmid, int errnum, Text need);

// "uid 1000 (alice), gid 1000 (alice)" for the calling process.
Text whoAmI();

} // namespace shm
