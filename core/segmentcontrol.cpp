#include "segmentcontrol.h"

#include "errordetail.h"
#include "ipclisting.h"
#include "limits.h"
#include "segmentinfo.h"
#include "segmentlist.h"

#include <cerrno>
#include <cstdint>
#include <functional>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/stat.h>

namespace shm {

std::string KeySpec::describe() const
{
    switch (kind) {
    case Kind::Private:
        return "IPC_PRIVATE";
    case Kind::Explicit:
        return key == IPC_PRIVATE ? "IPC_PRIVATE" : "key " + formatKey(key);
    case Kind::Ftok:
        return "ftok(\"" + path + "\", " + std::to_string(projId) + ")";
    }
    return {};
}

Result<key_t> makeFtokKey(const std::string &path, int projId)
{
    const std::string target = "\"" + path + "\", " + std::to_string(projId);
    if (path.empty())
        return inputError("ftok", target,
                          Text(QT_TRANSLATE_NOOP("shm", "The path is empty: ftok needs an "
                                                        "existing file.")));
    if (projId < 1 || projId > 255)
        return inputError("ftok", target,
                          Text(QT_TRANSLATE_NOOP("shm", "The project id must be 1 to 255 (ftok "
                                                        "uses only its low 8 bits, and 0 is not "
                                                        "allowed).")));
    struct stat st{};
    if (::stat(path.c_str(), &st) != 0) {
        int saved = errno;
        return systemError("ftok", target, saved,
                           saved == ENOENT
                               ? Text(QT_TRANSLATE_NOOP("shm", "the file does not exist"))
                               : Text(QT_TRANSLATE_NOOP("shm", "the file cannot be read")));
    }
    key_t key = ::ftok(path.c_str(), projId);
    if (key == -1)
        return systemError("ftok", target, errno);
    return key;
}

Result<key_t> resolveKey(const KeySpec &spec)
{
    switch (spec.kind) {
    case KeySpec::Kind::Private:
        break;
    case KeySpec::Kind::Explicit:
        return spec.key;
    case KeySpec::Kind::Ftok:
        return makeFtokKey(spec.path, spec.projId);
    }
    return key_t(IPC_PRIVATE);
}

std::string keyTarget(key_t key)
{
    return key == IPC_PRIVATE ? "IPC_PRIVATE" : "key " + formatKey(key);
}

Result<int> createSegment(const CreateRequest &request)
{
    auto resolved = resolveKey(request.key);
    if (!resolved)
        return resolved.error();
    const key_t key = *resolved;
    const std::string target = keyTarget(key);
    if (request.mode > 0777)
        return inputError("shmget", target,
                          Text(QT_TRANSLATE_NOOP("shm", "The mode must be 0 to 0777 (permission "
                                                        "bits only); higher bits would be taken "
                                                        "as flags such as SHM_HUGETLB.")));
    if (request.size == 0)
        return inputError("shmget", target,
                          Text(QT_TRANSLATE_NOOP("shm", "The size must be at least 1 byte.")));
    auto limits = readLimits();
    if (limits && request.size > limits->shmmax)
        return inputError("shmget", target,
                          Text(QT_TRANSLATE_NOOP("shm", "The size %1 bytes is above SHMMAX (%2 "
                                                        "bytes, /proc/sys/kernel/shmmax)."),
                               {shm::value(std::to_string(request.size)),
                                shm::value(std::to_string(limits->shmmax))}),
                          ErrorKind::LimitReached);
    if (request.size > static_cast<std::uint64_t>(SIZE_MAX))
        return inputError("shmget", target,
                          Text(QT_TRANSLATE_NOOP("shm", "The size does not fit this machine's "
                                                        "size_t.")));

    int flags = IPC_CREAT | static_cast<int>(request.mode);
    if (request.exclusive)
        flags |= IPC_EXCL;
    int shmid = ::shmget(key, static_cast<size_t>(request.size), flags);
    if (shmid >= 0)
        return shmid;
    int saved = errno;
    switch (saved) {
    case EEXIST: {
        int existing = ::shmget(key, 0, 0);
        return systemError(
            "shmget", target, saved,
            existing >= 0
                ? Text(QT_TRANSLATE_NOOP("shm", "the key is already taken by shmid %1 and "
                                                "exclusive creation (IPC_EXCL) was asked"),
                       {value(existing)})
                : Text(QT_TRANSLATE_NOOP("shm", "the key is already taken and exclusive "
                                                "creation (IPC_EXCL) was asked")));
    }
    case EINVAL:
        return systemError("shmget", target, saved,
                           Text(QT_TRANSLATE_NOOP("shm", "a segment with this key exists but is "
                                                         "smaller than the size asked, or the "
                                                         "size is outside SHMMIN..SHMMAX")));
    case ENOSPC:
        return systemError("shmget", target, saved,
                           Text(QT_TRANSLATE_NOOP("shm", "the system limit is reached: all SHMMNI "
                                                         "segment ids are in use, or the total "
                                                         "would exceed SHMALL pages "
                                                         "(/proc/sys/kernel/shmmni, shmall)")));
    case ENOMEM:
        return systemError("shmget", target, saved,
                           Text(QT_TRANSLATE_NOOP("shm", "the kernel could not allocate memory "
                                                         "for a segment of this size")));
    case EACCES:
        return systemError("shmget", target, saved,
                           Text(QT_TRANSLATE_NOOP("shm", "a segment with this key exists and its "
                                                         "mode does not let you use it; you are "
                                                         "%1"),
                                {whoAmI()}));
    case EPERM:
        return systemError("shmget", target, saved,
                           Text(QT_TRANSLATE_NOOP("shm", "locking or huge pages need privilege "
                                                         "(CAP_IPC_LOCK)")));
    default:
        return systemError("shmget", target, saved);
    }
}

Result<int> openSegment(key_t key)
{
    const std::string target = "key " + formatKey(key);
    if (key == IPC_PRIVATE)
        return inputError("shmget", target,
                          Text(QT_TRANSLATE_NOOP("shm", "IPC_PRIVATE (key 0) always makes a new "
                                                        "segment; it cannot open one.")));
    int shmid = ::shmget(key, 0, 0);
    if (shmid >= 0)
        return shmid;
    int saved = errno;
    if (saved == ENOENT)
        return systemError("shmget", target, saved,
                           Text(QT_TRANSLATE_NOOP("shm", "no segment has this key")));
    if (saved == EACCES)
        return systemError("shmget", target, saved,
                           Text(QT_TRANSLATE_NOOP("shm", "the segment's mode does not let you "
                                                         "use it; you are %1"),
                                {whoAmI()}));
    return systemError("shmget", target, saved);
}

namespace {

Text ownerOrAdmin()
{
    return Text(QT_TRANSLATE_NOOP("shm", "being the segment's owner or creator, or privilege "
                                         "(CAP_SYS_ADMIN)"));
}

} // namespace

Result<void> removeSegment(int shmid)
{
    if (::shmctl(shmid, IPC_RMID, nullptr) == 0)
        return {};
    return segmentCallError("shmctl IPC_RMID", shmid, errno, ownerOrAdmin());
}

namespace {

Result<void> setPermissions(int shmid, const char *call, const std::function<void(ipc_perm &)> &change)
{
    // IPC_SET needs ownership, not read permission: the owner of a segment whose mode denies
    // reading (0000, 0200...) may still change it, and SHM_STAT_ANY reads what IPC_STAT may not.
    return setStatus<shmid_ds>(
        [shmid](int command, shmid_ds &ds) { return ::shmctl(shmid, command, &ds); },
        [shmid](shmid_ds &ds) {
            return statAnyById(shmid, ds, [](int index, shmid_ds &d) {
                return ::shmctl(index, SHM_STAT_ANY, &d);
            });
        },
        [&](shmid_ds &ds) { change(ds.shm_perm); },
        [&](int errnum, bool reading) {
            return segmentCallError(call, shmid, errnum,
                                    reading ? Text(QT_TRANSLATE_NOOP("shm", "read permission to "
                                                                            "read its current "
                                                                            "status"))
                                            : ownerOrAdmin());
        });
}

} // namespace

Result<void> setOwner(int shmid, uid_t uid, gid_t gid)
{
    return setPermissions(shmid, "shmctl IPC_SET", [&](ipc_perm &perm) {
        perm.uid = uid;
        perm.gid = gid;
    });
}

Result<void> setMode(int shmid, unsigned mode)
{
    if (mode > 0777)
        return inputError("shmctl IPC_SET", shmidTarget(shmid),
                          Text(QT_TRANSLATE_NOOP("shm", "The mode must be 0 to 0777 (permission "
                                                        "bits only).")));
    return setPermissions(shmid, "shmctl IPC_SET", [&](ipc_perm &perm) {
        perm.mode = static_cast<decltype(perm.mode)>((perm.mode & ~0777u) | mode);
    });
}

Result<void> setLocked(int shmid, bool locked)
{
    if (::shmctl(shmid, locked ? SHM_LOCK : SHM_UNLOCK, nullptr) == 0)
        return {};
    int saved = errno;
    const char *call = locked ? "shmctl SHM_LOCK" : "shmctl SHM_UNLOCK";
    if (saved == ENOMEM)
        return systemError(call, shmidTarget(shmid), saved,
                           Text(QT_TRANSLATE_NOOP("shm", "locking would exceed your "
                                                         "RLIMIT_MEMLOCK (ulimit -l)")));
    return segmentCallError(call, shmid, saved,
                            Text(QT_TRANSLATE_NOOP("shm", "being the segment's owner or creator, "
                                                          "or privilege (CAP_IPC_LOCK)")));
}

} // namespace shm
