#pragma once

// What the lessons' forked children share: the monotonic clock, the start of a child that dies
// with its parent, and reaping with a deadline. Everything a child calls here is
// async-signal-safe (the parent may have threads); the parent's calls may allocate.

#include <cstdint>
#include <sys/types.h>

namespace shm {

// How a reaped child ended.
struct ChildExit
{
    pid_t pid = 0;
    bool exited = false;  // exited normally with `status`
    int status = 0;       // exit status, or the signal number when !exited
    bool killed = false;  // we had to SIGKILL it (it did not stop in time)
};

// Milliseconds and nanoseconds of CLOCK_MONOTONIC (async-signal-safe).
std::int64_t monotonicMs();
std::int64_t monotonicNs();

// The exit status of a child whose parent was gone before it could ask to die with it.
constexpr int ChildParentGoneStatus = 71;

// In a freshly forked child: die with the parent (PR_SET_PDEATHSIG SIGKILL; the flag is set
// after fork, so the parent is checked to be still `parent`, or the child leaves with
// ChildParentGoneStatus), ignore SIGPIPE, and take back the default action of SIGTERM, SIGINT
// and SIGHUP (shmscope-gui's handlers write to a pipe the child does not keep). The signal
// follows the parent *thread* that forked: the lessons fork from the GUI thread.
void enterChild(pid_t parent);

// In the child: moves `fds` (at most 8) onto 3, 4, ... in order and closes every other
// descriptor above 2, so the parent's others (display connection, other lessons' pipes) are not
// held open by the child. False if a dup failed.
bool keepOnlyDescriptors(const int *fds, int count);

// In a child: detaches every System V segment inherited from the parent but the one at `keep`
// (nullptr: all of them), so the child does not add to the nattch of segments the parent shows
// (the browser's views) or keep a marked one alive. Reads /proc/self/maps with read(2) into a
// fixed buffer: async-signal-safe.
void detachOtherSegments(const void *keep);

// How a child ended, from waitpid's status.
ChildExit exitFromStatus(pid_t pid, int status);

// waitpid(pid) for up to timeoutMs, then SIGKILL and wait. A child reaped by someone else
// (ECHILD) is never signalled: its pid may have been reused.
ChildExit reapChild(pid_t pid, int timeoutMs);

} // namespace shm
