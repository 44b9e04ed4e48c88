#pragma once

// The race lesson's processes: N children increment one shared int M times each, three ways.
//
//   Plain      (*counter)++ on a volatile int: a separate load, add and store, so two children
//              that interleave them lose updates and the total comes out below N x M;
//   Semaphore  the same increment between semop P and V (SEM_UNDO) on a System V semaphore
//              set to 1: exact;
//   Atomic     __atomic_fetch_add(counter, 1): exact, without a system call.
//
// The segment holds the counter and each child's progress. The children are forked by the
// calling process, die with it (PR_SET_PDEATHSIG), and are released together through a pipe
// once all of them exist, so they really run at once. Only async-signal-safe calls run in them.
//
// Nothing is left behind, even by kill -9: the segment is marked for removal as soon as the
// parent is attached (fork hands the attachment to the children), and a semaphore set, which
// cannot be marked, is removed by a guard process when the parent dies: the guard is forked at
// create(), holds one end of a socket pair whose other end only the parent has, and removes every
// object it was told of when that channel reaches end-of-file (or its parent changes).

#include "attachment.h"
#include "childprocess.h"
#include "result.h"
#include "semaphores.h"

#include <cstdint>
#include <optional>
#include <string_view>
#include <sys/types.h>
#include <vector>

namespace shm {

enum class RaceVariant : std::int32_t { Plain, Semaphore, Atomic };
constexpr int RaceVariantCount = 3;

constexpr int RaceMaxChildren = 16;
constexpr int RaceDefaultChildren = 4; // more than two cores: the race shows even on a busy machine
constexpr int RaceDefaultIncrements = 1000000;

// --children N: a whole number from 1 to RaceMaxChildren. --increments M: from 1 up. Together
// N x M must fit in an int (the counter). Each refusal says which value and why.
Result<int> parseRaceChildren(std::string_view text);
Result<int> parseRaceIncrements(std::string_view text);
Result<void> checkRaceTotal(int children, int increments);

// The shared segment's layout (struct shared of the C programs).
struct RaceShared
{
    int counter; // alone on its cache line: the children's progress does not slow it down
    alignas(64) std::int32_t arrived; // children past the release: they start when all are
    struct alignas(64) Child
    {
        std::int32_t done;     // increments done so far (updated every 1024 and at the end)
        std::int32_t finished; // 1 once the child has done all of them
        std::int64_t endNs;    // CLOCK_MONOTONIC when it finished
    };
    alignas(64) Child children[RaceMaxChildren];
};

// What the parent reads of a running race, without stopping it.
struct RaceProgress
{
    int counter = 0;
    std::vector<int> done; // one a child of the run
    std::int64_t ideal = 0; // the sum of done: what the counter would hold without lost updates
    int finished = 0;       // children that did all their increments
};

struct RaceOutcome
{
    RaceVariant variant = RaceVariant::Plain;
    int children = 0;
    int increments = 0;
    int total = 0;              // the counter, read after every child was reaped
    std::int64_t expected = 0;  // children x increments
    std::int64_t elapsedNs = 0; // from the release to the last child's end
    std::vector<ChildExit> exits;
    bool allOk = true; // every child exited with status 0 after its increments

    std::int64_t lost() const { return expected - total; }
};

class RaceDemo
{
public:
    RaceDemo();
    // Kills and reaps the children, removes the semaphore set, detaches, removes the segment if
    // it was not marked, and ends the guard: nothing is left.
    ~RaceDemo();
    RaceDemo(const RaceDemo &) = delete;
    RaceDemo &operator=(const RaceDemo &) = delete;

    // shmid = shmget(IPC_PRIVATE, sizeof(struct shared), 0600); starts the guard first.
    Result<int> create();
    // shared = shmat(shmid, NULL, 0). Precondition: create() succeeded.
    Result<std::uintptr_t> attach();
    // shmctl(shmid, IPC_RMID, NULL): the segment lives while the parent (then its children)
    // is attached. Precondition: attached.
    Result<void> markForRemoval();
    // semid = semget(IPC_PRIVATE, 1, 0600) (the guard is told of it at once).
    Result<int> createSemaphore();
    // semctl(semid, 0, SETVAL, arg) with arg.val = `value` (1: one child at a time).
    Result<void> initSemaphore(int value = 1);
    // The semaphore's value, last pid, ncnt and zcnt (GETVAL, GETPID, GETNCNT, GETZCNT).
    Result<Semaphore> semaphore() const;
    // semctl(semid, 0, IPC_RMID): immediate.
    Result<void> removeSemaphore();

    // The parent's own access to the counter. Precondition: attached.
    Result<int> readCounter() const;
    Result<void> writeCounter(int value);

    // *counter = 0, then forks `children` children that each increment it `increments` times
    // the `variant` way, and releases them together. Returns their pids. Preconditions:
    // attached, no run going, 1..RaceMaxChildren children, the total fits an int, and for
    // Semaphore a set made and initialised.
    Result<std::vector<pid_t>> start(RaceVariant variant, int children, int increments);
    bool isRunning() const { return !m_pids.empty(); }
    const std::vector<pid_t> &childPids() const { return m_pids; }
    RaceProgress progress() const;
    // Reaps the children that have ended, without blocking; once all are reaped, the outcome.
    std::optional<RaceOutcome> collect();
    // Waits for every child of the run (SIGKILL to those still running after timeoutMs).
    Result<RaceOutcome> finish(int timeoutMs);
    // Ends the run at once: SIGKILL to every child, then reaps them. With SEM_UNDO, the kernel
    // gives back the semaphore a killed child held.
    void stop();

    // shmdt(shared) in the parent.
    Result<void> detach();

    int shmid() const { return m_shmid; }
    int semid() const { return m_semid; }
    pid_t guardPid() const { return m_guardPid; }
    bool isAttached() const { return m_shared != nullptr; }
    bool isMarkedForRemoval() const { return m_marked; }
    std::uintptr_t address() const { return reinterpret_cast<std::uintptr_t>(m_shared); }
    RaceVariant variant() const { return m_variant; }

private:
    Result<void> startGuard();
    void tellGuard(std::int32_t kind, int id);
    void endGuard();
    void reapRun(int timeoutMs);

    Attachment m_attachment;
    RaceShared *m_shared = nullptr;
    int m_shmid = -1;
    bool m_marked = false;
    int m_semid = -1;
    pid_t m_guardPid = -1;
    int m_guardFd = -1; // our end of the guard's channel

    RaceVariant m_variant = RaceVariant::Plain;
    int m_increments = 0;
    std::vector<pid_t> m_pids;       // children of the run not reaped yet, in their order
    std::vector<pid_t> m_allPids;    // every child of the run, in order
    std::vector<ChildExit> m_exits;  // of those reaped
    std::int64_t m_startNs = 0;
};

} // namespace shm
