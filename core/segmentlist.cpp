#include "segmentlist.h"

#include "errordetail.h"
#include "filedescriptor.h"
#include "ipclisting.h"
#include "textscan.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <limits>
#include <memory>
#include <sys/shm.h>
#include <unistd.h>

namespace shm {

namespace {

// The first byte from p on that is not a space, or end. Most of a line is the padding of
// right-aligned columns: looked at 8 bytes at a time.
const char *skipSpaces(const char *p, const char *end)
{
    if constexpr (std::endian::native == std::endian::little) {
        constexpr std::uint64_t Spaces = 0x2020202020202020;
        while (end - p >= 8) {
            std::uint64_t eight;
            std::memcpy(&eight, p, 8);
            if (const std::uint64_t other = eight ^ Spaces)
                return p + std::countr_zero(other) / 8; // the first byte is the lowest
            p += 8;
        }
    }
    while (p != end && *p == ' ')
        ++p;
    return p;
}

// The digits from p on as a number in Base, into value; returns the end of the digits. (A
// constant base: a multiplication by 10 is two additions, not a multiplication.)
template<unsigned Base>
const char *digits(const char *p, const char *end, std::uint64_t &value)
{
    for (unsigned digit; p != end && (digit = unsigned(*p) - '0') < Base; ++p)
        value = value * Base + digit;
    return p;
}

// The line as the kernel writes it: 14 or 16 fields of plain digits (the mode's octal) parted
// by spaces, none longer than 18 digits, each within its type. One pass, no field views: the
// listing of 32,768 segments is parsed every refresh. False for anything else, which
// parseAnyLine then judges: both give the same segment for every line this one takes.
bool parseKernelLine(std::string_view line, SegmentInfo &s)
{
    constexpr int ModeField = 2;
    constexpr std::ptrdiff_t MaxDigits = 18; // below 10^18: no overflow of 64 bits, no check
    std::uint64_t f[16];
    int count = 0;
    const char *p = line.data();
    const char *const end = p + line.size();
    for (;;) {
        p = skipSpaces(p, end);
        if (p == end)
            break;
        if (count == 16)
            return false;
        const char *const start = p;
        std::uint64_t value = 0;
        p = count == ModeField ? digits<8>(p, end, value) : digits<10>(p, end, value);
        if (p == start || p - start > MaxDigits || (p != end && *p != ' '))
            return false;
        f[count++] = value;
    }
    if (count != 14 && count != 16)
        return false;
    constexpr std::uint64_t IntMax = std::numeric_limits<int>::max();
    constexpr std::uint64_t Id32Max = std::numeric_limits<std::uint32_t>::max();
    static_assert(sizeof(pid_t) == sizeof(int) && sizeof(uid_t) == 4 && sizeof(gid_t) == 4);
    if (f[0] > Id32Max || f[1] > IntMax || f[2] > 07777 || f[4] > IntMax || f[5] > IntMax
        || f[7] > Id32Max || f[8] > Id32Max || f[9] > Id32Max || f[10] > Id32Max)
        return false;
    s.key = static_cast<std::int32_t>(static_cast<std::uint32_t>(f[0]));
    s.shmid = static_cast<int>(f[1]);
    s.mode = static_cast<unsigned>(f[2]);
    s.size = f[3];
    s.cpid = static_cast<pid_t>(f[4]);
    s.lpid = static_cast<pid_t>(f[5]);
    s.nattch = f[6];
    s.uid = static_cast<uid_t>(f[7]);
    s.gid = static_cast<gid_t>(f[8]);
    s.cuid = static_cast<uid_t>(f[9]);
    s.cgid = static_cast<gid_t>(f[10]);
    s.atime = static_cast<std::int64_t>(f[11]);
    s.dtime = static_cast<std::int64_t>(f[12]);
    s.ctime = static_cast<std::int64_t>(f[13]);
    s.rss = count == 16 ? f[14] : 0;
    s.swap = count == 16 ? f[15] : 0;
    return true;
}

// Any line: fields parted by blanks, signs and numbers up to their types' limits.
bool parseAnyLine(std::string_view line, SegmentInfo &s)
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

namespace {

// The lines of /proc/sysvipc/shm as they come: the header (a first line that names shmid) and
// blank lines skipped, every other line parsed or counted as not understood.
class ProcShmLines
{
public:
    explicit ProcShmLines(std::size_t expected) { m_segments.reserve(expected); }

    void line(std::string_view line)
    {
        if (m_first) {
            m_first = false;
            if (line.find("shmid") != std::string_view::npos)
                return; // the header
        }
        SegmentInfo s;
        if (parseKernelLine(line, s)) {
            m_segments.push_back(s);
            return;
        }
        if (line.find_first_not_of(" \t\r") == std::string_view::npos)
            return;
        if (parseAnyLine(line, s))
            m_segments.push_back(s);
        else
            ++m_bad;
    }

    // Every complete line of `text`; returns how much of it is left (an unfinished line).
    std::size_t lines(std::string_view text)
    {
        std::size_t used = 0;
        for (;;) {
            const std::size_t eol = text.find('\n', used);
            if (eol == std::string_view::npos)
                return text.size() - used;
            line(text.substr(used, eol - used));
            used = eol + 1;
        }
    }

    std::vector<SegmentInfo> take(int *skipped)
    {
        sortById(m_segments, &SegmentInfo::shmid);
        if (skipped)
            *skipped = m_bad;
        return std::move(m_segments);
    }

private:
    std::vector<SegmentInfo> m_segments;
    int m_bad = 0;
    bool m_first = true;
};

} // namespace

std::vector<SegmentInfo> parseProcSysvipcShm(std::string_view text, int *skipped)
{
    ProcShmLines lines(text.size() / 160 + 1);
    const std::size_t left = lines.lines(text);
    if (left > 0)
        lines.line(text.substr(text.size() - left));
    return lines.take(skipped);
}

Result<std::vector<SegmentInfo>> listSegmentsFromProc(const std::string &path)
{
    // Read and parsed a buffer at a time, never the whole text at once: with 32,768 segments
    // the text is 6 MB, and the pages of a buffer that large cost more than parsing it.
    FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd.isValid())
        return systemError("read", path, errno);
    // (SHM_INFO would say how many segments there are, but it sums every segment's resident
    // pages to say so: a tenth of the listing's time.) The last listing's count is a good guess,
    // and spares growing the vector step by step through megabytes on every refresh.
    static std::atomic<std::size_t> lastCount{1024};
    const std::size_t guess = lastCount.load(std::memory_order_relaxed);
    ProcShmLines lines(guess + guess / 16);
    constexpr std::size_t BufferSize = 64 * 1024;
    std::unique_ptr<char[]> buffer(new char[BufferSize]);
    std::size_t kept = 0; // an unfinished line at the start of the buffer
    for (;;) {
        if (kept == BufferSize) { // a line longer than the buffer: not this format
            lines.line(std::string_view(buffer.get(), kept));
            kept = 0;
        }
        const ssize_t n = ::read(fd.get(), buffer.get() + kept, BufferSize - kept);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return systemError("read", path, errno);
        }
        if (n == 0)
            break;
        const std::size_t filled = kept + static_cast<std::size_t>(n);
        const std::size_t left = lines.lines(std::string_view(buffer.get(), filled));
        std::memmove(buffer.get(), buffer.get() + filled - left, left);
        kept = left;
    }
    if (kept > 0)
        lines.line(std::string_view(buffer.get(), kept));
    std::vector<SegmentInfo> segments = lines.take(nullptr);
    lastCount.store(std::max<std::size_t>(segments.size(), 1024), std::memory_order_relaxed);
    return segments;
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
