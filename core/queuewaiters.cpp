#include "queuewaiters.h"

#include "attachers.h"
#include "syscallwaiters.h"

#include <sys/syscall.h>

namespace shm {

namespace {

// 1 msgsnd, 0 msgrcv, -1 another call.
int queueCall(long number)
{
#if defined(SYS_msgsnd) && defined(SYS_msgrcv)
    if (number == SYS_msgsnd)
        return 1;
    if (number == SYS_msgrcv)
        return 0;
#endif
    (void)number;
    return -1;
}

} // namespace

bool parseQueueWait(std::string_view line, int msqid, bool *sending)
{
    long number = 0;
    int first = 0;
    if (!parseSyscallLine(line, &number, &first) || first != msqid || queueCall(number) < 0)
        return false;
    if (sending)
        *sending = queueCall(number) == 1;
    return true;
}

QueueWaiters findQueueWaiters(int msqid)
{
    const BlockedTasks blocked = findBlockedTasks(
        [msqid](long number, int first) { return first == msqid && queueCall(number) >= 0; });
    QueueWaiters result;
    result.unreadable = blocked.unreadable;
    for (const BlockedTask &task : blocked.tasks)
        result.waiters.push_back({task.pid, task.tid, queueCall(task.call) == 1,
                                  processName(task.pid)});
    return result;
}

} // namespace shm
