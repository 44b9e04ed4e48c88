#include "rangediff.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace shm {

namespace {

// Compared per step: progress and cancel are looked at this often.
constexpr std::uint64_t Chunk = std::uint64_t(4) << 20;
// How far one look for known zeros reaches (memory: mincore over this many bytes).
constexpr std::uint64_t ZeroLookahead = std::uint64_t(64) << 20;
// Equal blocks are skipped with memcmp, the fastest compare there is.
constexpr std::size_t Block = 4096;

// Collects runs of differing bytes, merging a run that continues the previous one (also across
// chunks), and stops keeping them past the limit while still counting.
class RangeCollector
{
public:
    RangeCollector(DiffResult &result, std::size_t maxRanges)
        : m_result(result)
        , m_max(maxRanges)
    {
    }

    void add(std::uint64_t offset, std::uint64_t length)
    {
        m_result.changedBytes += length;
        if (m_seenAny && offset == m_lastEnd) {
            if (m_lastKept)
                m_result.ranges.back().length += length;
        } else if (m_result.ranges.size() < m_max) {
            m_result.ranges.push_back({offset, length});
            m_lastKept = true;
        } else {
            m_result.rangesCut = true;
            m_lastKept = false;
        }
        m_seenAny = true;
        m_lastEnd = offset + length;
    }

    // The differing runs of a[0, n) against b[0, n), at `base`.
    void compare(const std::byte *a, const std::byte *b, std::size_t n, std::uint64_t base)
    {
        for (std::size_t block = 0; block < n; block += Block) {
            const std::size_t end = std::min(n, block + Block);
            if (std::memcmp(a + block, b + block, end - block) == 0)
                continue;
            std::size_t i = block;
            while (i < end) {
                while (i + 8 <= end && load(a + i) == load(b + i))
                    i += 8;
                while (i < end && a[i] == b[i])
                    ++i;
                if (i == end)
                    break;
                const std::size_t start = i;
                while (i < end && a[i] != b[i])
                    ++i;
                add(base + start, i - start);
            }
        }
    }

private:
    static std::uint64_t load(const std::byte *p)
    {
        std::uint64_t v;
        std::memcpy(&v, p, sizeof v);
        return v;
    }

    DiffResult &m_result;
    std::size_t m_max;
    bool m_seenAny = false;
    bool m_lastKept = false;
    std::uint64_t m_lastEnd = 0;
};

Text sourceName(const DiffSource &source)
{
    return source.isFile() ? Text(QT_TRANSLATE_NOOP("shm", "the file %1"), {value(source.path())})
                           : Text(QT_TRANSLATE_NOOP("shm", "the segment"));
}

} // namespace

Result<DiffSource> DiffSource::openFile(const std::string &path)
{
    DiffSource source;
    source.m_fd = FileDescriptor(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY));
    if (!source.m_fd.isValid()) {
        const int error = errno;
        if (error == ENOENT)
            return systemError(
                "open", path, error,
                Text(QT_TRANSLATE_NOOP("shm", "there is no file %1"), {value(path)}));
        return fileError("open", path, error);
    }
    struct stat st
    {
    };
    if (::fstat(source.m_fd.get(), &st) != 0)
        return fileError("fstat", path, errno);
    if (!S_ISREG(st.st_mode))
        return inputError("open", path,
                          Text(QT_TRANSLATE_NOOP("shm",
                                                 "%1 is not a regular file: a snapshot is "
                                                 "a file of the segment's bytes."),
                               {value(path)}));
    source.m_path = path;
    source.m_size = std::uint64_t(st.st_size);
    return source;
}

DiffSource DiffSource::fromMemory(const MemoryAccess &memory, std::uint64_t offset,
                                  std::uint64_t length)
{
    DiffSource source;
    source.m_memory = memory;
    source.m_offset = std::min(offset, memory.size());
    source.m_size = std::min(length, memory.size() - source.m_offset);
    return source;
}

int DiffSource::read(std::uint64_t offset, std::byte *dest, std::uint64_t count,
                     std::uint64_t *unreadable) const
{
    if (offset >= m_size)
        return 0;
    count = std::min(count, m_size - offset);
    if (!isFile()) {
        const auto report
            = m_memory.read(m_offset + offset, dest, count, MemoryAccess::Reach::AsNeeded);
        if (unreadable)
            *unreadable += report.unreadable;
        return 0;
    }
    std::uint64_t done = 0;
    while (done < count) {
        const ssize_t got
            = ::pread(m_fd.get(), dest + done, std::size_t(count - done), off_t(offset + done));
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return errno;
        if (got == 0) { // the file shrank under us: the rest reads as zeros
            std::memset(dest + done, 0, std::size_t(count - done));
            break;
        }
        done += std::uint64_t(got);
    }
    return 0;
}

std::uint64_t DiffSource::nextData(std::uint64_t offset, std::uint64_t limit) const
{
    limit = std::min(limit, m_size);
    if (offset >= limit)
        return limit;
    if (isFile()) {
        const off_t data = ::lseek(m_fd.get(), off_t(offset), SEEK_DATA);
        if (data < 0)
            return errno == ENXIO ? limit : offset; // ENXIO: only a hole is left
        return std::clamp<std::uint64_t>(std::uint64_t(data), offset, limit);
    }
    for (const PageRun &run : m_memory.pages(m_offset + offset, limit - offset)) {
        if (run.state != PageState::Untouched)
            return run.offset - m_offset;
    }
    return limit;
}

const std::byte *DiffSource::residentBytes(std::uint64_t offset, std::uint64_t count) const
{
    if (isFile() || offset >= m_size || count > m_size - offset)
        return nullptr;
    const auto runs = m_memory.pages(m_offset + offset, count);
    if (runs.size() != 1 || runs.front().state != PageState::Resident)
        return nullptr;
    return m_memory.base() + m_offset + offset;
}

Result<DiffResult> compareSources(const DiffSource &a, const DiffSource &b,
                                  const WorkProgress &progress, std::size_t maxRanges)
{
    if (a.size() != b.size())
        return inputError("compare", "",
                          Text(QT_TRANSLATE_NOOP("shm",
                                                 "The two sides differ in size: %1 holds "
                                                 "%2 bytes and %3 holds %4 bytes; only "
                                                 "equal sizes can be compared."),
                               {sourceName(a), value(std::int64_t(a.size())), sourceName(b),
                                value(std::int64_t(b.size()))}));
    DiffResult result;
    result.size = a.size();
    RangeCollector collector(result, maxRanges);
    std::vector<std::byte> left(std::size_t(std::min(Chunk, a.size())));
    std::vector<std::byte> right(left.size());
    std::uint64_t at = 0;
    while (at < result.size) {
        if (progress && !progress(at)) {
            result.cancelled = true;
            return result;
        }
        // Known zeros on both sides are equal: skip to where either may hold data.
        const std::uint64_t reach = std::min(result.size, at + ZeroLookahead);
        const std::uint64_t data = std::min(a.nextData(at, reach), b.nextData(at, reach));
        if (data > at) {
            at = data;
            continue;
        }
        const std::uint64_t step = std::min(Chunk, result.size - at);
        const DiffSource *sources[2] = {&a, &b};
        std::vector<std::byte> *buffers[2] = {&left, &right};
        bool filled[2] = {false, false};
        const auto fill = [&](int side) {
            filled[side] = true;
            return sources[side]->read(at, buffers[side]->data(), step, &result.unreadable);
        };
        // Resident memory is compared in place, without a copy. An equal chunk is done; any
        // other (or a fault) is compared in the buffers, so that a fault never interrupts the
        // collecting of ranges.
        const std::byte *inPlace[2] = {a.residentBytes(at, step), b.residentBytes(at, step)};
        if (inPlace[0] || inPlace[1]) {
            for (int side = 0; side < 2; ++side) {
                if (inPlace[side])
                    continue;
                if (const int error = fill(side))
                    return systemError("read", sources[side]->path(), error);
                inPlace[side] = buffers[side]->data();
            }
            bool equal = false;
            if (guarded(
                    [&] { equal = std::memcmp(inPlace[0], inPlace[1], std::size_t(step)) == 0; })
                && equal) {
                at += step;
                continue;
            }
        }
        for (int side = 0; side < 2; ++side) {
            if (filled[side])
                continue;
            if (const int error = fill(side))
                return systemError("read", sources[side]->path(), error);
        }
        collector.compare(left.data(), right.data(), std::size_t(step), at);
        at += step;
    }
    if (progress)
        progress(result.size);
    return result;
}

} // namespace shm
