#include "semaphores.h"

#include "errordetail.h"
#include "fileread.h"
#include "ipclisting.h"
#include "segmentinfo.h"
#include "sysvipc.h"
#include "textscan.h"

#include <algorithm>
#include <cerrno>
#include <ctime>
#include <sys/ipc.h>
#include <sys/sem.h>

namespace shm {

namespace {

union SemArg {
    int val;
    semid_ds *buf;
    unsigned short *array;
    seminfo *info;
};

constexpr IpcKind Kind = IpcKind::Semaphores;

bool parseLine(std::string_view line, SemaphoreSetInfo &s)
{
    std::string_view f[10];
    if (splitFields(line, f, 10) != 10)
        return false;
    return parseIpcKey(f[0], s.key) && parseId(f[1], s.semid) && parseMode(f[2], s.mode)
        && parseWhole(f[3], s.nsems) && parseUid(f[4], s.uid) && parseGid(f[5], s.gid)
        && parseUid(f[6], s.cuid) && parseGid(f[7], s.cgid) && parseWhole(f[8], s.otime)
        && parseWhole(f[9], s.ctime);
}

SemaphoreSetInfo fromSemidDs(int semid, const semid_ds &ds)
{
    SemaphoreSetInfo s;
    copyPermissions(s, ds.sem_perm);
    s.semid = semid;
    s.nsems = static_cast<unsigned>(ds.sem_nsems);
    s.otime = ds.sem_otime;
    s.ctime = ds.sem_ctime;
    return s;
}

Error valueRangeError(const std::string &call, int semid)
{
    return inputError(call, ipcTarget(Kind, semid),
                      Text(QT_TRANSLATE_NOOP("shm", "A semaphore's value must be 0 to %1 "
                                                    "(SEMVMX, the kernel's limit)."),
                           {value(SemaphoreValueMax)}));
}

// The error of a call that sets or changes values: ERANGE is the SEMVMX limit.
Error valueCallError(const std::string &call, int semid, int errnum, Text need)
{
    if (errnum == ERANGE) {
        Error error = systemError(call, ipcTarget(Kind, semid), errnum,
                                  Text(QT_TRANSLATE_NOOP("shm", "a semaphore's value would go "
                                                                "above %1 (SEMVMX, the kernel's "
                                                                "limit)"),
                                       {value(SemaphoreValueMax)}));
        error.kind = ErrorKind::BadInput;
        return error;
    }
    return ipcCallError(Kind, call, semid, errnum, std::move(need));
}

// kernel.sem: SEMMSL SEMMNS SEMOPM SEMMNI; 0 where unreadable.
struct SemLimits
{
    long semmsl = 0, semopm = 0;
};

SemLimits readSemLimits()
{
    SemLimits limits;
    if (auto text = readWholeFile("/proc/sys/kernel/sem")) {
        std::string_view line = *text;
        std::string_view f[4];
        if (splitFields(line.substr(0, line.find('\n')), f, 4) == 4) {
            parseWhole(f[0], limits.semmsl);
            parseWhole(f[2], limits.semopm);
        }
    }
    return limits;
}

} // namespace

std::vector<SemaphoreSetInfo> parseProcSysvipcSem(std::string_view text, int *skipped)
{
    std::vector<SemaphoreSetInfo> sets;
    sets.reserve(text.size() / 100 + 1);
    const int bad = forEachProcLine(text, "semid", [&](std::string_view line) {
        SemaphoreSetInfo s;
        if (!parseLine(line, s))
            return false;
        sets.push_back(std::move(s));
        return true;
    });
    sortById(sets, &SemaphoreSetInfo::semid);
    if (skipped)
        *skipped = bad;
    return sets;
}

Result<std::vector<SemaphoreSetInfo>> listSemaphoreSetsFromProc(const std::string &path)
{
    return listFromProcFile(path, parseProcSysvipcSem);
}

Result<std::vector<SemaphoreSetInfo>> listSemaphoreSetsByStat()
{
    seminfo info{};
    SemArg arg{};
    arg.info = &info;
    const int maxIndex = ::semctl(0, 0, SEM_INFO, arg);
    if (maxIndex < 0)
        return systemError("semctl", "SEM_INFO", errno);
    return listByStatIndex<SemaphoreSetInfo, semid_ds>(
        maxIndex, SEM_STAT_ANY, SEM_STAT, &SemaphoreSetInfo::semid,
        [](int index, int command, semid_ds &ds) {
            SemArg a{};
            a.buf = &ds;
            return ::semctl(index, 0, command, a);
        },
        fromSemidDs);
}

Result<SemaphoreSetInfo> statSemaphoreSet(int semid)
{
    semid_ds ds{};
    SemArg arg{};
    arg.buf = &ds;
    if (::semctl(semid, 0, IPC_STAT, arg) != 0) {
        const int saved = errno;
        if (saved == EINVAL || saved == EIDRM)
            return ipcGoneError(Kind, "semctl IPC_STAT", semid, saved);
        return ipcCallError(Kind, "semctl IPC_STAT", semid, saved, ipcNeed(Kind, IpcNeed::Read));
    }
    return fromSemidDs(semid, ds);
}

namespace {

// GETALL, then GETPID, GETNCNT and GETZCNT of each semaphore of `set`, whose nsems is the
// kernel's (a set's number of semaphores never changes, and an id is not reused while a
// listing lasts: its sequence number moves on). 0, or the errno of the call that failed.
int readValuesInto(SemaphoreSetInfo &set)
{
    const int semid = set.semid;
    std::vector<unsigned short> values(set.nsems);
    SemArg arg{};
    arg.array = values.data();
    if (set.nsems > 0 && ::semctl(semid, 0, GETALL, arg) != 0)
        return errno;
    set.semaphores.resize(set.nsems);
    for (unsigned i = 0; i < set.nsems; ++i) {
        Semaphore &s = set.semaphores[i];
        s.value = values[i];
        const int index = static_cast<int>(i);
        const int pid = ::semctl(semid, index, GETPID);
        const int ncnt = pid < 0 ? -1 : ::semctl(semid, index, GETNCNT);
        const int zcnt = ncnt < 0 ? -1 : ::semctl(semid, index, GETZCNT);
        if (zcnt < 0) {
            const int saved = errno;
            set.semaphores.clear();
            return saved;
        }
        s.pid = pid;
        s.ncnt = ncnt;
        s.zcnt = zcnt;
    }
    return 0;
}

} // namespace

Result<SemaphoreSetInfo> readSemaphores(int semid)
{
    auto stat = statSemaphoreSet(semid);
    if (!stat)
        return stat;
    SemaphoreSetInfo set = std::move(*stat);
    if (const int failed = readValuesInto(set))
        return ipcCallError(Kind, "semctl GETALL/GETPID/GETNCNT/GETZCNT", semid, failed, ipcNeed(Kind, IpcNeed::Read));
    return set;
}

Result<std::vector<SemaphoreSetInfo>> listSemaphoreSets(bool withValues)
{
    auto sets = listSemaphoreSetsFromProc();
    if (!sets)
        sets = listSemaphoreSetsByStat();
    if (!sets || !withValues)
        return sets;
    // Without an IPC_STAT per set: the listing gave nsems (a fifth of the calls, 2 ms of 4,000).
    for (SemaphoreSetInfo &set : *sets)
        set.valuesErrno = readValuesInto(set);
    return sets;
}

Result<int> createSemaphoreSet(const CreateSemaphoresRequest &request)
{
    auto resolved = resolveKey(request.key);
    if (!resolved)
        return resolved.error();
    const key_t key = *resolved;
    const std::string target = keyTarget(key);
    if (request.mode > 0777)
        return modeError("semget", target);
    const SemLimits limits = readSemLimits();
    const auto count = static_cast<long>(request.values.size());
    if (count < 1 || (limits.semmsl > 0 && count > limits.semmsl))
        return inputError("semget", target,
                          Text(QT_TRANSLATE_NOOP("shm", "A set holds 1 to %1 semaphores (SEMMSL, "
                                                        "the first number of "
                                                        "/proc/sys/kernel/sem)."),
                               {value(limits.semmsl > 0 ? limits.semmsl : 32000)}),
                          count < 1 ? ErrorKind::BadInput : ErrorKind::LimitReached);
    for (int v : request.values) {
        if (v < 0 || v > SemaphoreValueMax)
            return inputError("semget", target,
                              Text(QT_TRANSLATE_NOOP("shm", "A semaphore's value must be 0 to %1 "
                                                            "(SEMVMX, the kernel's limit)."),
                                   {value(SemaphoreValueMax)}));
    }
    const int mode = static_cast<int>(request.mode);
    int semid = ::semget(key, static_cast<int>(count), IPC_CREAT | IPC_EXCL | mode);
    if (semid < 0 && errno == EEXIST && !request.exclusive && key != IPC_PRIVATE) {
        semid = ::semget(key, 0, 0);
        if (semid >= 0)
            return semid; // opened: its values stay as they are
    }
    if (semid < 0) {
        const int saved = errno;
        return ipcGetError(Kind, "semget", target, saved);
    }
    std::vector<unsigned short> values(request.values.begin(), request.values.end());
    SemArg arg{};
    arg.array = values.data();
    if (::semctl(semid, 0, SETALL, arg) != 0) {
        Error error = valueCallError("semctl SETALL", semid, errno, ipcNeed(Kind, IpcNeed::Write));
        ::semctl(semid, 0, IPC_RMID); // ours, just made: not left half set up
        return error;
    }
    return semid;
}

Result<void> removeSemaphoreSet(int semid)
{
    if (::semctl(semid, 0, IPC_RMID) == 0)
        return {};
    return ipcCallError(Kind, "semctl IPC_RMID", semid, errno, ipcNeed(Kind, IpcNeed::Owner));
}

namespace {

template<typename Change>
Result<void> setPermissions(int semid, Change change)
{
    const auto control = [](int id, int command, semid_ds &ds) {
        SemArg arg{};
        arg.buf = &ds;
        return ::semctl(id, 0, command, arg);
    };
    // IPC_SET needs ownership, not read permission: SEM_STAT_ANY reads what IPC_STAT may not.
    return setStatus<semid_ds>(
        [&](int command, semid_ds &ds) { return control(semid, command, ds); },
        [&](semid_ds &ds) {
            return statAnyById(semid, ds, [&](int index, semid_ds &d) {
                return control(index, SEM_STAT_ANY, d);
            });
        },
        [&](semid_ds &ds) { change(ds.sem_perm); },
        [&](int errnum, bool reading) {
            return ipcCallError(Kind, "semctl IPC_SET", semid, errnum,
                                reading ? ipcNeed(Kind, IpcNeed::Read) : ipcNeed(Kind, IpcNeed::Owner));
        });
}

} // namespace

Result<void> setSemaphoreSetOwner(int semid, uid_t uid, gid_t gid)
{
    return setPermissions(semid, [&](ipc_perm &perm) {
        perm.uid = uid;
        perm.gid = gid;
    });
}

Result<void> setSemaphoreSetMode(int semid, unsigned mode)
{
    if (mode > 0777)
        return modeError("semctl IPC_SET", ipcTarget(Kind, semid));
    return setPermissions(semid, [&](ipc_perm &perm) {
        perm.mode = static_cast<decltype(perm.mode)>((perm.mode & ~0777u) | mode);
    });
}

Result<void> setSemaphoreValue(int semid, int index, int newValue)
{
    if (newValue < 0 || newValue > SemaphoreValueMax)
        return valueRangeError("semctl SETVAL", semid);
    SemArg arg{};
    arg.val = newValue;
    if (::semctl(semid, index, SETVAL, arg) == 0)
        return {};
    const int saved = errno;
    if (saved == EINVAL && !ipcIdNamesNothing(Kind, semid))
        return inputError("semctl SETVAL", ipcTarget(Kind, semid),
                          Text(QT_TRANSLATE_NOOP("shm", "The set has no semaphore number %1."),
                               {value(index)}));
    return valueCallError("semctl SETVAL", semid, saved, ipcNeed(Kind, IpcNeed::Write));
}

Result<void> setSemaphoreValues(int semid, const std::vector<int> &newValues)
{
    for (int v : newValues) {
        if (v < 0 || v > SemaphoreValueMax)
            return valueRangeError("semctl SETALL", semid);
    }
    auto stat = statSemaphoreSet(semid);
    if (!stat)
        return stat.error();
    if (stat->nsems != newValues.size())
        return inputError("semctl SETALL", ipcTarget(Kind, semid),
                          Text(QT_TRANSLATE_NOOP("shm", "The set has %1 semaphores; %2 values "
                                                        "were given."),
                               {value(stat->nsems), value(static_cast<std::int64_t>(newValues.size()))}));
    std::vector<unsigned short> values(newValues.begin(), newValues.end());
    SemArg arg{};
    arg.array = values.data();
    if (::semctl(semid, 0, SETALL, arg) == 0)
        return {};
    return valueCallError("semctl SETALL", semid, errno, ipcNeed(Kind, IpcNeed::Write));
}

Result<SemopOutcome> operateSemaphores(int semid, const std::vector<SemaphoreOperation> &operations,
                                       const std::atomic<bool> *cancel, int sliceMs)
{
    const std::string target = ipcTarget(Kind, semid);
    if (operations.empty())
        return inputError("semop", target,
                          Text(QT_TRANSLATE_NOOP("shm", "There is no operation to do.")));
    const SemLimits limits = readSemLimits();
    if (limits.semopm > 0 && static_cast<long>(operations.size()) > limits.semopm)
        return inputError("semop", target,
                          Text(QT_TRANSLATE_NOOP("shm", "At most %1 operations go in one semop "
                                                        "(SEMOPM, the third number of "
                                                        "/proc/sys/kernel/sem)."),
                               {value(limits.semopm)}),
                          ErrorKind::LimitReached);
    std::vector<sembuf> ops;
    bool mayWait = false, anyNoWait = false;
    for (const SemaphoreOperation &op : operations) {
        if (op.delta < -SemaphoreValueMax || op.delta > SemaphoreValueMax)
            return inputError("semop", target,
                              Text(QT_TRANSLATE_NOOP("shm", "An operation changes a value by at "
                                                            "most %1 (SEMVMX)."),
                                   {value(SemaphoreValueMax)}));
        if (op.index < 0 || op.index > 65535)
            return inputError("semop", target,
                              Text(QT_TRANSLATE_NOOP("shm", "The set has no semaphore number %1."),
                                   {value(op.index)}));
        sembuf b{};
        b.sem_num = static_cast<unsigned short>(op.index);
        b.sem_op = static_cast<short>(op.delta);
        b.sem_flg = static_cast<short>((op.noWait ? IPC_NOWAIT : 0) | (op.undo ? SEM_UNDO : 0));
        mayWait = mayWait || !op.noWait;
        anyNoWait = anyNoWait || op.noWait;
        ops.push_back(b);
    }
    for (;;) {
        if (cancel && cancel->load())
            return SemopOutcome::Cancelled;
        int result = 0;
        timespec started{};
        ::clock_gettime(CLOCK_MONOTONIC, &started);
        if (cancel) {
            timespec slice{sliceMs / 1000, static_cast<long>(sliceMs % 1000) * 1000000L};
            result = ::semtimedop(semid, ops.data(), ops.size(), &slice);
        } else {
            result = ::semop(semid, ops.data(), ops.size());
        }
        if (result == 0)
            return SemopOutcome::Done;
        const int saved = errno;
        bool sliceEnded = false;
        if (saved == EAGAIN && cancel && mayWait) {
            // semtimedop says EAGAIN both when its time is up and when an IPC_NOWAIT operation
            // would wait; only the first one takes the whole slice.
            timespec now{};
            ::clock_gettime(CLOCK_MONOTONIC, &now);
            const long long elapsedMs = (now.tv_sec - started.tv_sec) * 1000LL
                + (now.tv_nsec - started.tv_nsec) / 1000000LL;
            sliceEnded = !anyNoWait || elapsedMs + 1 >= sliceMs;
        }
        if (saved == EINTR || sliceEnded)
            continue; // a slice ended, or a signal: check cancel, then wait again
        switch (saved) {
        case EAGAIN:
            return systemError("semop", target, saved,
                               Text(QT_TRANSLATE_NOOP("shm", "the operation would have to wait, "
                                                             "and IPC_NOWAIT says not to")));
        case EFBIG:
            return inputError("semop", target,
                              Text(QT_TRANSLATE_NOOP("shm", "A semaphore number given is past the end "
                                                            "of the set.")));
        case E2BIG:
            return systemError("semop", target, saved,
                               Text(QT_TRANSLATE_NOOP("shm", "too many operations in one call "
                                                             "(SEMOPM)")));
        case ENOSPC:
            return systemError("semop", target, saved,
                               Text(QT_TRANSLATE_NOOP("shm", "SEM_UNDO needs memory for an undo "
                                                             "record, and the limit of undo "
                                                             "entries (SEMUME) is reached")));
        default:
            return valueCallError("semop", semid, saved,
                                  Text(QT_TRANSLATE_NOOP("shm", "read permission for "
                                                                "wait-for-zero and write "
                                                                "(alter) permission for changes "
                                                                "on the semaphore set")));
        }
    }
}

} // namespace shm
