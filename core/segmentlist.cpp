#include "segmentlist.h"

#include "errordetail.h"
#include "fileread.h"
#include "ipclisting.h"
#include "textscan.h"

#include <algorithm>
#include <cerrno>
#include <limits>
#include <sys/shm.h>

namespace shm {

namespace {

bool parseLine(std::string_view line, SegmentInfo &s)
{
    std::string_view f[16];
    int count = 0;
    while (count < 16) {
        f[count] = nextField(line);
        if (f[count].empty())
            break;
        ++count;
    }
    if (!nextField(line).empty())
        return false; // more fields than we know: not this format
    if (count != 14 && count != 16)
        return false;
    std::int64_t key = 0;
    if (!parseWhole(f[0], key) || key < std::numeric_limits<std::int32_t>::min()
        || key > std::numeric_limits<std::uint32_t>::max())
        return false;
    s.key = static_cast<std::int32_t>(static_cast<std::uint32_t>(key));
    if (!parseInto<int, std::int64_t>(f[1], s.shmid) || s.shmid < 0)
        return false;
    if (!parseWhole(f[2], s.mode, 8) || s.mode > 07777)
        return false;
    bool ok = parseWhole(f[3], s.size) && parseInto<pid_t, std::int64_t>(f[4], s.cpid)
        && parseInto<pid_t, std::int64_t>(f[5], s.lpid) && parseWhole(f[6], s.nattch)
        && parseInto<uid_t, std::uint64_t>(f[7], s.uid) && parseInto<gid_t, std::uint64_t>(f[8], s.gid)
        && parseInto<uid_t, std::uint64_t>(f[9], s.cuid)
        && parseInto<gid_t, std::uint64_t>(f[10], s.cgid) && parseWhole(f[11], s.atime)
        && parseWhole(f[12], s.dtime) && parseWhole(f[13], s.ctime);
    if (!ok)
        return false;
    if (count == 16)
        return parseWhole(f[14], s.rss) && parseWhole(f[15], s.swap);
    s.rss = s.swap = 0;
    return true;
}

SegmentInfo fromShmidDs(int shmid, const shmid_ds &ds)
{
    SegmentInfo s;
    copyPermissions(s, ds.shm_perm);
    s.shmid = shmid;
    s.size = ds.shm_segsz;
    s.cpid = ds.shm_cpid;
    s.lpid = ds.shm_lpid;
    s.nattch = ds.shm_nattch;
    s.atime = ds.shm_atime;
    s.dtime = ds.shm_dtime;
    s.ctime = ds.shm_ctime;
    return s;
}

} // namespace

std::vector<SegmentInfo> parseProcSysvipcShm(std::string_view text, int *skipped)
{
    std::vector<SegmentInfo> segments;
    segments.reserve(text.size() / 160 + 1);
    int bad = 0;
    bool first = true;
    while (!text.empty()) {
        std::size_t eol = text.find('\n');
        std::string_view line = text.substr(0, eol);
        text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 1);
        if (first) {
            first = false;
            if (line.find("shmid") != std::string_view::npos)
                continue; // the header
        }
        if (line.find_first_not_of(" \t\r") == std::string_view::npos)
            continue;
        SegmentInfo s;
        if (parseLine(line, s))
            segments.push_back(s);
        else
            ++bad;
    }
    sortById(segments, &SegmentInfo::shmid);
    if (skipped)
        *skipped = bad;
    return segments;
}

Result<std::vector<SegmentInfo>> listSegmentsFromProc(const std::string &path)
{
    return listFromProcFile(path, parseProcSysvipcShm);
}

Result<std::vector<SegmentInfo>> listSegmentsByStat()
{
    shm_info info{};
    const int maxIndex = shmctl(0, SHM_INFO, reinterpret_cast<shmid_ds *>(&info));
    if (maxIndex < 0)
        return systemError("shmctl", "SHM_INFO", errno);
    return listByStatIndex<SegmentInfo, shmid_ds>(
        maxIndex, SHM_STAT_ANY, SHM_STAT, &SegmentInfo::shmid,
        [](int index, int command, shmid_ds &ds) { return shmctl(index, command, &ds); },
        fromShmidDs);
}

Result<std::vector<SegmentInfo>> listSegments()
{
    auto fromProc = listSegmentsFromProc();
    if (fromProc)
        return fromProc;
    return listSegmentsByStat();
}

Result<SegmentInfo> statSegment(int shmid)
{
    shmid_ds ds{};
    if (shmctl(shmid, IPC_STAT, &ds) < 0) {
        int saved = errno;
        std::string target = shmidTarget(shmid);
        // IPC_STAT takes nothing else that EINVAL could be about: the id names no segment.
        if (saved == EINVAL || saved == EIDRM)
            return goneError("shmctl IPC_STAT", shmid, saved);
        if (saved == EACCES)
            return systemError("shmctl IPC_STAT", target, saved,
                               Text(QT_TRANSLATE_NOOP("shm", "reading a segment's status needs "
                                                             "read permission on it")));
        return systemError("shmctl IPC_STAT", target, saved);
    }
    return fromShmidDs(shmid, ds);
}

} // namespace shm
