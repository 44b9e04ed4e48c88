#pragma once

// The fork demo's processes: the classic shared-integer lesson (a private segment holding one
// int, a parent and a forked child) done step by step or live, on real system calls.
//
// The parent is the calling process. The child is forked with the parent's attachment (fork
// duplicates it, so nattch goes from 1 to 2), dies with the parent (PR_SET_PDEATHSIG, checked
// after fork) and obeys commands sent over a socket pair; it reports what it reads and writes
// through a pipe, one fixed-size record per message. Only async-signal-safe calls run in the
// child (the parent may have threads), and it leaves with _exit.

#include "attachment.h"
#include "childprocess.h"
#include "result.h"

#include <cstdint>
#include <vector>
#include <sys/types.h>

namespace shm {

// What the child does on each live tick.
enum class LiveSource : std::int32_t {
    Counter,   // reads the int and writes it plus one (so a value the parent writes is continued)
    Value,     // writes the value it was given
    WatchOnly, // only reads, and reports when the value changes
};

struct LiveSettings
{
    LiveSource source = LiveSource::Counter;
    std::int32_t value = 0;      // LiveSource::Value
    std::int32_t periodMs = 100; // time between ticks, 1..10000
};

// One record the child writes to its pipe.
struct ChildReport
{
    enum Kind : std::int32_t {
        Ready,    // the child runs, attached (value: what it reads)
        Read,     // value: what the child read
        Wrote,    // value: what the child wrote
        Detached, // errnum: 0 if shmdt succeeded; the child exits right after
        Tick,     // live: value read; if wrote, `written` was written
    };
    std::int32_t kind = Ready;
    std::int32_t value = 0;
    std::int32_t written = 0;
    std::int32_t wrote = 0; // Tick: 1 if the child wrote `written`
    std::int32_t errnum = 0;
    std::int32_t pid = 0;
    std::int64_t sequence = 0; // counts the child's records from 0
};

class ForkDemo
{
public:
    ForkDemo();
    // Stops the child (asks it, then SIGKILL after a second) and reaps it, detaches, and removes
    // the segment if it was not marked already: nothing is left behind.
    ~ForkDemo();
    ForkDemo(const ForkDemo &) = delete;
    ForkDemo &operator=(const ForkDemo &) = delete;

    // The lesson's calls in the parent. Each fails with the call's errno text.
    // shmget(IPC_PRIVATE, sizeof(int), 0600): returns the shmid.
    Result<int> create();
    // shmat(shmid, NULL, 0): returns the address. Precondition: create() succeeded.
    Result<std::uintptr_t> attach();
    // fork(): returns the child's pid once the child runs and has checked its parent.
    // Precondition: attached, no child running.
    Result<pid_t> forkChild(int timeoutMs = 5000);
    // shmctl(shmid, IPC_RMID, NULL): the segment goes when the last process detaches.
    Result<void> markForRemoval();

    // Asks the child to read the int (printf("%d", *shared_int)); returns what it read.
    Result<std::int32_t> childRead(int timeoutMs = 5000);
    // Asks the child to write (*shared_int = value); returns the value written.
    Result<std::int32_t> childWrite(std::int32_t value, int timeoutMs = 5000);
    // Asks the child to shmdt and exit with status 0; returns when it has detached.
    Result<void> childDetachAndExit(int timeoutMs = 5000);
    // wait(): reaps the child (SIGKILL if it has not exited within timeoutMs).
    Result<ChildExit> waitChild(int timeoutMs = 5000);

    // The parent's own access to the int through its attachment. Precondition: attached.
    Result<std::int32_t> parentRead() const;
    Result<void> parentWrite(std::int32_t value);
    // shmdt(shared_int) in the parent. Fails if the attachment was handed over.
    Result<void> parentDetach();

    // Hands the parent's attachment over to a holder that shows it (the demo window's memory
    // view), so the parent keeps a single attachment and nattch stays honest. The demo goes on
    // using the same address for parentRead/parentWrite and forkChild: the holder must keep it
    // attached, at that address, until it calls handedAttachmentDetached(). Precondition:
    // attached, not handed over already.
    Attachment handOverAttachment();
    // The holder detached (e.g. the view was destroyed): the parent is no longer attached.
    void handedAttachmentDetached();
    bool isAttachmentHandedOver() const { return m_handedOver; }

    // Live mode: the child changes the int every periodMs until stopLive(). Precondition: a
    // child is running and attached. Calling it again changes the settings.
    Result<void> setLive(const LiveSettings &settings);
    // Asks the child to detach and exit, and reaps it (SIGKILL if it does not stop in time).
    Result<ChildExit> stopChild(int timeoutMs = 1000);

    // The read end of the child's report pipe (non-blocking), for a poll or a socket notifier.
    int reportFd() const { return m_reportFd; }
    // Every record that arrived and was not consumed by a step call; never blocks.
    std::vector<ChildReport> takeReports();

    int shmid() const { return m_shmid; }
    pid_t parentPid() const { return m_parentPid; }
    pid_t childPid() const { return m_childPid; }
    bool hasChild() const { return m_childPid > 0; }
    bool isAttached() const { return m_address != nullptr; }
    bool isMarkedForRemoval() const { return m_marked; }
    std::uintptr_t address() const { return reinterpret_cast<std::uintptr_t>(m_address); }

private:
    Result<void> sendCommand(std::int32_t op, std::int32_t a = 0, std::int32_t b = 0,
                             std::int32_t c = 0);
    Result<ChildReport> waitReport(std::int32_t kind, int timeoutMs, const char *call);
    void drainReports();
    ChildExit reap(int timeoutMs);
    void closeChannels();

    Attachment m_attachment; // empty once handed over
    int *m_address = nullptr; // the parent's int while attached (owned here or by the holder)
    bool m_handedOver = false;
    int m_shmid = -1;
    bool m_marked = false;
    pid_t m_parentPid = 0;
    pid_t m_childPid = -1;
    int m_commandFd = -1; // our end of the command socket pair
    int m_reportFd = -1;  // read end of the report pipe
    std::vector<ChildReport> m_pending;
    std::vector<char> m_partial; // bytes of a record not complete yet
};

} // namespace shm
