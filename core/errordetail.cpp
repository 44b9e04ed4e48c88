#include "errordetail.h"

#include "namecache.h"
#include "segmentinfo.h"
#include "segmentlist.h"

#include <algorithm>
#include <cerrno>
#include <sys/resource.h>
#include <sys/shm.h>
#include <unistd.h>

namespace shm {

std::string shmidTarget(int shmid)
{
    return "shmid " + std::to_string(shmid);
}

Text whoAmI()
{
    NameCache names;
    uid_t uid = geteuid();
    gid_t gid = getegid();
    return Text(QT_TRANSLATE_NOOP("shm", "uid %1 (%2), gid %3 (%4)"),
                {value(uid), value(names.userName(uid)), value(gid), value(names.groupName(gid))});
}

Error goneError(const std::string &call, int shmid, int errnum)
{
    Error error = systemError(call, shmidTarget(shmid), errnum,
                              Text(QT_TRANSLATE_NOOP("shm", "there is no segment with this id (it "
                                                            "was removed, or never existed)")));
    error.kind = ErrorKind::Gone;
    return error;
}

Error addressSpaceError(const std::string &call, int shmid, std::uint64_t size, int errnum)
{
    const Text segment = value(humanSize(size));
    rlimit limit{};
    Error error = (::getrlimit(RLIMIT_AS, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY)
        ? systemError(call, shmidTarget(shmid), errnum,
                      Text(QT_TRANSLATE_NOOP("shm", "the segment (%1) does not fit in this "
                                                    "process's address space, which its limit "
                                                    "RLIMIT_AS (ulimit -v) sets to %2"),
                           {segment, value(humanSize(limit.rlim_cur))}))
        : systemError(call, shmidTarget(shmid), errnum,
                      Text(QT_TRANSLATE_NOOP("shm", "the segment (%1) does not fit in this "
                                                    "process's free address space"),
                           {segment}));
    error.kind = ErrorKind::LimitReached;
    return error;
}

namespace {

// IPC_STAT fails with EINVAL or EIDRM: no segment has this id now.
bool shmidNamesNoSegment(int shmid)
{
    shmid_ds ds{};
    if (::shmctl(shmid, IPC_STAT, &ds) == 0)
        return false;
    return errno == EINVAL || errno == EIDRM;
}

} // namespace

Error segmentCallError(const std::string &call, int shmid, int errnum, Text need)
{
    const std::string target = shmidTarget(shmid);
    switch (errnum) {
    case EIDRM:
        return goneError(call, shmid, errnum);
    case EINVAL:
        // EINVAL also says "bad argument" (an unaligned address, a uid with no mapping): the id
        // is gone only if the kernel no longer knows it.
        if (shmidNamesNoSegment(shmid))
            return goneError(call, shmid, errnum);
        return systemError(call, target, errnum,
                           Text(QT_TRANSLATE_NOOP("shm", "the segment exists; the kernel refused "
                                                         "an argument of the call")));
    case EACCES:
    case EPERM: {
        // /proc/sysvipc/shm is readable by everyone, whatever the segment's mode.
        if (auto all = listSegmentsFromProc()) {
            auto it = std::find_if(all->begin(), all->end(),
                                   [&](const SegmentInfo &s) { return s.shmid == shmid; });
            if (it != all->end()) {
                NameCache names;
                return systemError(
                    call, target, errnum,
                    Text(QT_TRANSLATE_NOOP("shm", "this needs %1; the segment has mode %2 (%3), "
                                                  "owner %4 (uid %5), group %6 (gid %7), creator "
                                                  "uid %8; you are %9"),
                         {std::move(need), value(permString(it->mode)), value(octalPerms(it->mode)),
                          value(names.userName(it->uid)), value(it->uid),
                          value(names.groupName(it->gid)), value(it->gid), value(it->cuid),
                          whoAmI()}));
            }
        }
        // Not listed: removed since the call refused it, which is what matters now (said as
        // the kernel says it of a removed id).
        if (shmidNamesNoSegment(shmid))
            return goneError(call, shmid, EIDRM);
        return systemError(call, target, errnum,
                           Text(QT_TRANSLATE_NOOP("shm", "this needs %1; you are %2"),
                                {std::move(need), whoAmI()}));
    }
    default:
        return systemError(call, target, errnum);
    }
}

} // namespace shm
