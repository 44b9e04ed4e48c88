#include "sparsepages.h"

#include <algorithm>
#include <cstdio>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace shm {

namespace {

void append(std::vector<PageRun> &runs, const PageRun &run)
{
    if (run.length == 0)
        return;
    if (!runs.empty() && runs.back().state == run.state
        && runs.back().offset + runs.back().length == run.offset) {
        runs.back().length += run.length;
        return;
    }
    runs.push_back(run);
}

} // namespace

SparsePages::SparsePages(const MemoryAccess &access)
    : m_access(access)
{
    if (!access.isValid() || access.size() == 0)
        return;
    // The mapping's name in map_files is its address range, the end rounded up to a page. A
    // plain buffer (no such mapping, or not a file) is left to mincore().
    const auto start = reinterpret_cast<std::uintptr_t>(access.base());
    const std::uint64_t page = MemoryAccess::pageSize();
    if (start % page != 0)
        return;
    const std::uint64_t end = start + (access.size() + page - 1) / page * page;
    char name[64];
    std::snprintf(name, sizeof name, "/proc/self/map_files/%lx-%lx",
                  static_cast<unsigned long>(start), static_cast<unsigned long>(end));
    const int fd = ::open(name, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return;
    struct stat st {};
    // The segment's offsets are the file's: a shared-memory object mapped from its start.
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || std::uint64_t(st.st_size) < access.size()) {
        ::close(fd);
        return;
    }
    m_fd = fd;
}

SparsePages::~SparsePages()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

std::vector<PageRun> SparsePages::pages(std::uint64_t offset, std::uint64_t count) const
{
    if (m_fd < 0 || offset >= m_access.size())
        return m_access.pages(offset, count);
    const std::uint64_t end = offset + std::min(count, m_access.size() - offset);
    std::vector<PageRun> runs;
    std::uint64_t at = offset;
    while (at < end) {
        const off_t data = ::lseek(m_fd, off_t(at), SEEK_DATA); // ENXIO: holes to the end
        const std::uint64_t dataAt = data < 0 ? end : std::min<std::uint64_t>(end, data);
        append(runs, {at, dataAt - at, PageState::Untouched});
        if (dataAt >= end)
            break;
        const off_t hole = ::lseek(m_fd, off_t(dataAt), SEEK_HOLE);
        const std::uint64_t holeAt =
            hole <= off_t(dataAt) ? end : std::min<std::uint64_t>(end, std::uint64_t(hole));
        for (const PageRun &run : m_access.pages(dataAt, holeAt - dataAt))
            append(runs, run);
        at = holeAt;
    }
    return runs;
}

} // namespace shm
