#pragma once

// Who waits on a message queue: the kernel counts no waiters for queues (as GETNCNT does for
// semaphores), but a task blocked in msgsnd or msgrcv shows the call and its first argument,
// the msqid, in /proc/PID/task/TID/syscall (syscallwaiters.h).

#include <string>
#include <string_view>
#include <sys/types.h>
#include <vector>

namespace shm {

struct QueueWaiter
{
    pid_t pid = 0;
    pid_t tid = 0;
    bool sending = false; // msgsnd (a full queue); else msgrcv (no message that fits)
    std::string command;  // /proc/PID/comm, "" when it could not be read

    bool operator==(const QueueWaiter &) const = default;
};

struct QueueWaiters
{
    std::vector<QueueWaiter> waiters; // by pid, then tid
    // Processes whose tasks could not be read (another user's, without privilege): they may
    // wait too.
    int unreadable = 0;
};

// The tasks of this IPC namespace blocked in msgsnd or msgrcv on msqid now. On an architecture
// without msgsnd and msgrcv system calls of their own (the ipc() multiplexer), none is found.
QueueWaiters findQueueWaiters(int msqid);

// Whether one syscall line is msgsnd or msgrcv on msqid (`sending` says which).
bool parseQueueWait(std::string_view line, int msqid, bool *sending);

} // namespace shm
