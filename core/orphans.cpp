#include "orphans.h"

#include "fileread.h"

#include <algorithm>
#include <cerrno>
#include <string>

namespace shm {

bool processGone(pid_t pid)
{
    if (pid <= 0)
        return true;
    const auto stat = readWholeFile(("/proc/" + std::to_string(pid) + "/stat").c_str());
    if (!stat)
        return errno == ENOENT || errno == ESRCH;
    // "PID (comm) S ...": the state follows the last ')' (comm may hold parentheses).
    const std::size_t close = stat->rfind(')');
    if (close == std::string::npos || close + 2 >= stat->size())
        return false;
    const char state = (*stat)[close + 2];
    return state == 'Z' || state == 'X';
}

bool isOrphanSegment(const SegmentInfo &segment)
{
    return segment.nattch == 0 && processGone(segment.cpid);
}

bool isOrphanPosixObject(const PosixObject &object, const HolderScan &holders)
{
    const auto it = holders.files.find(FileId{object.device, object.inode});
    return it == holders.files.end() || it->second.empty();
}

std::int64_t segmentAge(const SegmentInfo &segment, std::int64_t now)
{
    const std::int64_t last = std::max({segment.atime, segment.dtime, segment.ctime});
    return std::max<std::int64_t>(0, now - last);
}

std::int64_t posixObjectAge(const PosixObject &object, std::int64_t now)
{
    return std::max<std::int64_t>(0, now - std::max(object.mtime, object.ctime));
}

} // namespace shm
