#include "sysvipc.h"

#include "errordetail.h"
#include "namecache.h"
#include "queues.h"
#include "segmentinfo.h"
#include "semaphores.h"
#include "textscan.h"

#include <algorithm>
#include <cerrno>
#include <limits>
#include <sys/msg.h>
#include <sys/sem.h>

namespace shm {

std::string ipcTarget(IpcKind kind, int id)
{
    return (kind == IpcKind::Semaphores ? "semid " : "msqid ") + std::to_string(id);
}

Error ipcGoneError(IpcKind kind, const std::string &call, int id, int errnum)
{
    Error error = systemError(
        call, ipcTarget(kind, id), errnum,
        kind == IpcKind::Semaphores
            ? Text(QT_TRANSLATE_NOOP("shm", "there is no semaphore set with this id (it was "
                                            "removed, or never existed)"))
            : Text(QT_TRANSLATE_NOOP("shm", "there is no message queue with this id (it was "
                                            "removed, or never existed)")));
    error.kind = ErrorKind::Gone;
    return error;
}

Error modeError(const std::string &call, const std::string &target)
{
    return inputError(call, target,
                      Text(QT_TRANSLATE_NOOP("shm", "The mode must be 0 to 0777 (permission "
                                                    "bits only).")));
}

Text ipcNeed(IpcKind kind, IpcNeed need)
{
    const bool sem = kind == IpcKind::Semaphores;
    switch (need) {
    case IpcNeed::Read:
        return sem ? Text(QT_TRANSLATE_NOOP("shm", "read permission on the semaphore set"))
                   : Text(QT_TRANSLATE_NOOP("shm", "read permission on the message queue"));
    case IpcNeed::Write:
        return sem ? Text(QT_TRANSLATE_NOOP("shm", "write (alter) permission on the semaphore set"))
                   : Text(QT_TRANSLATE_NOOP("shm", "write permission on the message queue"));
    case IpcNeed::Owner:
        break;
    }
    return sem ? Text(QT_TRANSLATE_NOOP("shm", "being the semaphore set's owner or creator, or "
                                               "privilege (CAP_SYS_ADMIN)"))
               : Text(QT_TRANSLATE_NOOP("shm", "being the message queue's owner or creator, or "
                                               "privilege (CAP_SYS_ADMIN)"));
}

Error ipcGetError(IpcKind kind, const std::string &call, const std::string &target, int errnum)
{
    const bool sem = kind == IpcKind::Semaphores;
    switch (errnum) {
    case EEXIST:
        return systemError(call, target, errnum,
                           Text(QT_TRANSLATE_NOOP("shm", "the key is already taken and exclusive "
                                                         "creation (IPC_EXCL) was asked")));
    case ENOSPC:
        return systemError(call, target, errnum,
                           sem ? Text(QT_TRANSLATE_NOOP("shm", "the system limit is reached: all "
                                                               "SEMMNI set ids are in use, or the "
                                                               "total would exceed SEMMNS "
                                                               "semaphores (/proc/sys/kernel/sem)"))
                               : Text(QT_TRANSLATE_NOOP("shm", "the system limit is reached: all "
                                                               "MSGMNI queue ids are in use "
                                                               "(/proc/sys/kernel/msgmni)")));
    case EACCES:
        return systemError(call, target, errnum,
                           sem ? Text(QT_TRANSLATE_NOOP("shm", "a semaphore set with this key "
                                                               "exists and its mode does not let "
                                                               "you use it; you are %1"),
                                      {whoAmI()})
                               : Text(QT_TRANSLATE_NOOP("shm", "a message queue with this key "
                                                               "exists and its mode does not let "
                                                               "you use it; you are %1"),
                                      {whoAmI()}));
    case EINVAL:
        if (sem)
            return systemError(call, target, errnum,
                               Text(QT_TRANSLATE_NOOP("shm", "a semaphore set with this key "
                                                             "exists with fewer semaphores than "
                                                             "asked")));
        break;
    default:
        break;
    }
    return systemError(call, target, errnum);
}

bool ipcIdNamesNothing(IpcKind kind, int id)
{
    int result = 0;
    if (kind == IpcKind::Semaphores) {
        semid_ds ds{};
        result = ::semctl(id, 0, IPC_STAT, &ds);
    } else {
        msqid_ds ds{};
        result = ::msgctl(id, IPC_STAT, &ds);
    }
    return result != 0 && (errno == EINVAL || errno == EIDRM);
}

namespace {

struct Owner
{
    unsigned mode = 0;
    uid_t uid = 0;
    gid_t gid = 0;
    uid_t cuid = 0;
};

// From /proc/sysvipc, which everyone may read whatever the object's mode.
bool findOwner(IpcKind kind, int id, Owner &owner)
{
    if (kind == IpcKind::Semaphores) {
        auto all = listSemaphoreSetsFromProc();
        if (!all)
            return false;
        for (const SemaphoreSetInfo &s : *all) {
            if (s.semid == id) {
                owner = {s.mode, s.uid, s.gid, s.cuid};
                return true;
            }
        }
        return false;
    }
    auto all = listQueuesFromProc();
    if (!all)
        return false;
    for (const QueueInfo &q : *all) {
        if (q.msqid == id) {
            owner = {q.mode, q.uid, q.gid, q.cuid};
            return true;
        }
    }
    return false;
}

} // namespace

Error ipcCallError(IpcKind kind, const std::string &call, int id, int errnum, Text need)
{
    const std::string target = ipcTarget(kind, id);
    switch (errnum) {
    case EIDRM:
        return ipcGoneError(kind, call, id, errnum);
    case EINVAL:
        if (ipcIdNamesNothing(kind, id))
            return ipcGoneError(kind, call, id, errnum);
        return systemError(call, target, errnum,
                           kind == IpcKind::Semaphores
                               ? Text(QT_TRANSLATE_NOOP("shm", "the semaphore set exists; the "
                                                               "kernel refused an argument of "
                                                               "the call"))
                               : Text(QT_TRANSLATE_NOOP("shm", "the message queue exists; the "
                                                               "kernel refused an argument of "
                                                               "the call")));
    case EACCES:
    case EPERM: {
        Owner owner;
        if (findOwner(kind, id, owner)) {
            NameCache names;
            std::vector<Text> args{std::move(need),
                                   value(permString(owner.mode)),
                                   value(octalPerms(owner.mode)),
                                   value(names.userName(owner.uid)),
                                   value(owner.uid),
                                   value(names.groupName(owner.gid)),
                                   value(owner.gid),
                                   value(owner.cuid),
                                   whoAmI()};
            return systemError(
                call, target, errnum,
                kind == IpcKind::Semaphores
                    ? Text(QT_TRANSLATE_NOOP("shm", "this needs %1; the semaphore set has mode "
                                                    "%2 (%3), owner %4 (uid %5), group %6 (gid "
                                                    "%7), creator uid %8; you are %9"),
                           std::move(args))
                    : Text(QT_TRANSLATE_NOOP("shm", "this needs %1; the message queue has mode "
                                                    "%2 (%3), owner %4 (uid %5), group %6 (gid "
                                                    "%7), creator uid %8; you are %9"),
                           std::move(args)));
        }
        if (ipcIdNamesNothing(kind, id))
            return ipcGoneError(kind, call, id, EIDRM);
        return systemError(call, target, errnum,
                           Text(QT_TRANSLATE_NOOP("shm", "this needs %1; you are %2"),
                                {std::move(need), whoAmI()}));
    }
    default:
        return systemError(call, target, errnum);
    }
}

int forEachProcLine(std::string_view text, std::string_view headerWord,
                    const std::function<bool(std::string_view line)> &parse)
{
    int bad = 0;
    bool first = true;
    while (!text.empty()) {
        const std::size_t eol = text.find('\n');
        const std::string_view line = text.substr(0, eol);
        text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 1);
        if (first) {
            first = false;
            if (line.find(headerWord) != std::string_view::npos)
                continue;
        }
        if (line.find_first_not_of(" \t\r") == std::string_view::npos)
            continue;
        if (!parse(line))
            ++bad;
    }
    return bad;
}

int splitFields(std::string_view line, std::string_view *fields, int max)
{
    int count = 0;
    while (count < max) {
        fields[count] = nextField(line);
        if (fields[count].empty())
            return count;
        ++count;
    }
    return nextField(line).empty() ? count : -1;
}

bool parseIpcKey(std::string_view field, std::int32_t &key)
{
    std::int64_t wide = 0;
    if (!parseWhole(field, wide) || wide < std::numeric_limits<std::int32_t>::min()
        || wide > std::numeric_limits<std::uint32_t>::max())
        return false;
    key = static_cast<std::int32_t>(static_cast<std::uint32_t>(wide));
    return true;
}

bool parseId(std::string_view field, int &id)
{
    return parseInto<int, std::int64_t>(field, id) && id >= 0;
}

bool parseMode(std::string_view field, unsigned &mode)
{
    return parseWhole(field, mode, 8) && mode <= 07777;
}

bool parsePid(std::string_view field, pid_t &pid)
{
    return parseInto<pid_t, std::int64_t>(field, pid);
}

bool parseUid(std::string_view field, uid_t &uid)
{
    return parseInto<uid_t, std::uint64_t>(field, uid);
}

bool parseGid(std::string_view field, gid_t &gid)
{
    return parseInto<gid_t, std::uint64_t>(field, gid);
}

} // namespace shm
