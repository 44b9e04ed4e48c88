#include "semaphorewaiters.h"

#include "syscallwaiters.h"

#include <algorithm>
#include <sys/syscall.h>

namespace shm {

namespace {

bool isSemopCall(long number)
{
#ifdef SYS_semop
    if (number == SYS_semop)
        return true;
#endif
#ifdef SYS_semtimedop
    if (number == SYS_semtimedop)
        return true;
#endif
    (void)number;
    return false;
}

} // namespace

bool syscallWaitsOnSemaphoreSet(std::string_view line, int semid)
{
    long number = 0;
    int first = 0;
    return parseSyscallLine(line, &number, &first) && isSemopCall(number) && first == semid;
}

std::vector<pid_t> semaphoreWaiters(int semid)
{
    std::vector<pid_t> waiters;
    const BlockedTasks blocked = findBlockedTasks(
        [semid](long number, int first) { return isSemopCall(number) && first == semid; });
    for (const BlockedTask &task : blocked.tasks)
        waiters.push_back(task.pid);
    waiters.erase(std::unique(waiters.begin(), waiters.end()), waiters.end()); // sorted by pid
    return waiters;
}

} // namespace shm
