#pragma once

// Who waits on a semaphore set: the kernel counts waiters (GETNCNT, GETZCNT) but does not name
// them. A task blocked in semop or semtimedop shows the call and its first argument, the semid,
// in /proc/PID/task/TID/syscall; that file is readable only with ptrace rights over the task, so
// the list holds the waiters this process may see, not always all of them.

#include <string_view>
#include <sys/types.h>
#include <vector>

namespace shm {

// Whether a line of /proc/PID/syscall is a semop or semtimedop on semid ("220 0x5 0x7ff…").
bool syscallWaitsOnSemaphoreSet(std::string_view line, int semid);

// The processes (thread group ids, sorted, each once) with a task blocked in semop on semid, of
// those whose syscall file this process may read.
std::vector<pid_t> semaphoreWaiters(int semid);

} // namespace shm
