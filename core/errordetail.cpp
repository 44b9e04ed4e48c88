#include "errordetail.h"

#include "namecache.h"
#include "segmentinfo.h"
#include "segmentlist.h"

#include <algorithm>
#include <cerrno>
#include <unistd.h>

namespace shm {

std::string shmidTarget(int shmid)
{
    return "shmid " + std::to_string(shmid);
}

std::string whoAmI()
{
    NameCache names;
    uid_t uid = geteuid();
    gid_t gid = getegid();
    return "uid " + std::to_string(uid) + " (" + names.userName(uid) + "), gid "
        + std::to_string(gid) + " (" + names.groupName(gid) + ")";
}

Error segmentCallError(const std::string &call, int shmid, int errnum, const std::string &need)
{
    const std::string target = shmidTarget(shmid);
    switch (errnum) {
    case EINVAL:
    case EIDRM:
        return systemError(call, target, errnum,
                           "there is no segment with this id (it was removed, or never existed)");
    case EACCES:
    case EPERM: {
        std::string detail = "this needs " + need;
        // /proc/sysvipc/shm is readable by everyone, whatever the segment's mode.
        if (auto all = listSegmentsFromProc()) {
            auto it = std::find_if(all->begin(), all->end(),
                                   [&](const SegmentInfo &s) { return s.shmid == shmid; });
            if (it != all->end()) {
                NameCache names;
                detail += "; the segment has mode " + permString(it->mode) + " ("
                    + octalPerms(it->mode) + "), owner " + names.userName(it->uid) + " (uid "
                    + std::to_string(it->uid) + "), group " + names.groupName(it->gid) + " (gid "
                    + std::to_string(it->gid) + "), creator uid " + std::to_string(it->cuid);
            }
        }
        detail += "; you are " + whoAmI();
        return systemError(call, target, errnum, detail);
    }
    default:
        return systemError(call, target, errnum);
    }
}

} // namespace shm
