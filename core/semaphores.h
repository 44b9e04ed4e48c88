#pragma once

// System V semaphore sets: listing (/proc/sysvipc/sem, or SEM_STAT over indices), every
// semaphore's value, last-semop pid and waiter counts, and the calls that change a set.

#include "result.h"
#include "segmentcontrol.h"

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>
#include <sys/types.h>
#include <vector>

namespace shm {

// The largest value a semaphore may hold (the kernel's SEMVMX).
constexpr int SemaphoreValueMax = 32767;

// One semaphore of a set, as GETVAL, GETPID, GETNCNT and GETZCNT say.
struct Semaphore
{
    int value = 0;
    pid_t pid = 0;  // of the last semop on it, 0 = none
    int ncnt = 0;   // processes waiting for the value to increase
    int zcnt = 0;   // processes waiting for it to become zero

    bool operator==(const Semaphore &) const = default;
};

struct SemaphoreSetInfo
{
    std::int32_t key = 0;
    int semid = -1;
    unsigned mode = 0;      // permission bits
    unsigned nsems = 0;
    uid_t uid = 0;
    gid_t gid = 0;
    uid_t cuid = 0;
    gid_t cgid = 0;
    std::int64_t otime = 0; // last semop, 0 = never
    std::int64_t ctime = 0;
    // Filled by readSemaphores (and listSemaphoreSets with values): one a semaphore. Empty when
    // they were not read or could not be (valuesErrno says why: EACCES, EIDRM ...).
    std::vector<Semaphore> semaphores;
    int valuesErrno = 0;

    unsigned perms() const { return mode & 0777; }
    bool operator==(const SemaphoreSetInfo &) const = default;
};

// Every set in this IPC namespace, sorted by semid; with `withValues`, each set's semaphores
// too (a set unreadable, or gone since the listing, has valuesErrno set, never an error).
// /proc/sysvipc/sem, or listSemaphoreSetsByStat() where that cannot be read.
Result<std::vector<SemaphoreSetInfo>> listSemaphoreSets(bool withValues = true);
Result<std::vector<SemaphoreSetInfo>> listSemaphoreSetsFromProc(
    const std::string &path = "/proc/sysvipc/sem");
// SEM_INFO for the highest index, then SEM_STAT_ANY (or SEM_STAT) on every index.
Result<std::vector<SemaphoreSetInfo>> listSemaphoreSetsByStat();

// Parses the text of /proc/sysvipc/sem: header and malformed lines skipped (counted in
// `skipped`), never throws. Sorted by semid.
std::vector<SemaphoreSetInfo> parseProcSysvipcSem(std::string_view text, int *skipped = nullptr);

// IPC_STAT of one set (no semaphores read).
Result<SemaphoreSetInfo> statSemaphoreSet(int semid);
// IPC_STAT, then GETALL, GETPID, GETNCNT and GETZCNT of every semaphore. Gone when the set was
// removed, PermissionDenied when its mode does not let us read it.
Result<SemaphoreSetInfo> readSemaphores(int semid);

struct CreateSemaphoresRequest
{
    KeySpec key;
    std::vector<int> values; // one a semaphore: their number and initial values (0..SEMVMX)
    unsigned mode = 0600;    // 0..0777
    bool exclusive = false;  // IPC_EXCL
};

// semget(key, N, IPC_CREAT | IPC_EXCL | mode), then SETALL of the values. Without `exclusive`,
// an existing set of the key is opened instead, and its values are left as they are.
Result<int> createSemaphoreSet(const CreateSemaphoresRequest &request);
// semctl(IPC_RMID): immediate; every waiter wakes with EIDRM.
Result<void> removeSemaphoreSet(int semid);
// semctl(IPC_SET) of the owner, or of the permission bits (0..0777).
Result<void> setSemaphoreSetOwner(int semid, uid_t uid, gid_t gid);
Result<void> setSemaphoreSetMode(int semid, unsigned mode);
// semctl(SETVAL) of one semaphore; semctl(SETALL) of all (one value a semaphore).
Result<void> setSemaphoreValue(int semid, int index, int value);
Result<void> setSemaphoreValues(int semid, const std::vector<int> &values);

struct SemaphoreOperation
{
    int index = 0;       // sem_num
    int delta = 0;       // sem_op: < 0 P (wait and take), > 0 V (give), 0 wait for zero
    bool noWait = false; // IPC_NOWAIT: refuse (EAGAIN) instead of waiting
    bool undo = false;   // SEM_UNDO: the kernel reverts the change when this process exits
};

enum class SemopOutcome { Done, Cancelled };

// semop of the operations, all or none. One that has to wait waits in slices of semtimedop
// (`slice`), checking `cancel` between them: run it in a worker thread and set `cancel` to stop
// waiting (Cancelled; nothing was changed). Without `cancel` it waits until it can proceed.
// Removal of the set while waiting: Gone (EIDRM).
Result<SemopOutcome> operateSemaphores(int semid, const std::vector<SemaphoreOperation> &operations,
                                       const std::atomic<bool> *cancel = nullptr,
                                       int sliceMs = 100);

} // namespace shm
