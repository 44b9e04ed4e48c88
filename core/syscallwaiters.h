#pragma once

// Who is blocked in a System V call: the kernel names no waiter of a semaphore set or a message
// queue, but a task blocked in a system call shows its number and arguments in
// /proc/PID/task/TID/syscall ("220 0x5 0x7ffd…"). That file is readable only with ptrace rights
// over the task (root has them): the tasks of processes this process may not read are counted,
// not listed. Shared by semaphorewaiters.h and queuewaiters.h.

#include <functional>
#include <string_view>
#include <sys/types.h>
#include <vector>

namespace shm {

// A syscall line split: the call's number and its first argument as an int (an id is an int
// in a register: the low 32 bits). False for "running", "-1 …" (in no call) and any text that
// is not a number, a space and a 0x hex argument.
bool parseSyscallLine(std::string_view line, long *number, int *firstArgument);

struct BlockedTask
{
    pid_t pid = 0; // thread group id
    pid_t tid = 0;
    long call = 0; // the system call's number
};

struct BlockedTasks
{
    std::vector<BlockedTask> tasks; // by pid, then tid
    int unreadable = 0;             // processes whose tasks this process may not read
};

// The tasks of this IPC namespace blocked in a call for which wanted(number, firstArgument)
// holds. Processes of another IPC namespace are skipped: their ids name other objects.
BlockedTasks findBlockedTasks(const std::function<bool(long number, int firstArgument)> &wanted);

} // namespace shm
