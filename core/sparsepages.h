#pragma once

// MemoryAccess::pages() walks mincore() page by page: 64 GiB is 16 Mi pages, a quarter of a
// second. On a sparse segment most of that walk is over holes. When this process may open the
// mapping's file (/proc/self/map_files: CAP_SYS_ADMIN or CAP_CHECKPOINT_RESTORE), the file's
// holes (lseek SEEK_DATA / SEEK_HOLE: no page in memory, none on swap) are reported Untouched
// at once, and mincore() walks only the rest. Otherwise the same runs come from pages().

#include "memoryaccess.h"

#include <cstdint>
#include <vector>

namespace shm {

class SparsePages
{
public:
    explicit SparsePages(const MemoryAccess &access);
    ~SparsePages();
    SparsePages(const SparsePages &) = delete;
    SparsePages &operator=(const SparsePages &) = delete;

    // As MemoryAccess::pages(offset, count). Not thread-safe (one per thread).
    std::vector<PageRun> pages(std::uint64_t offset, std::uint64_t count) const;
    // Whether the file's holes are used (false: mincore alone).
    bool seesHoles() const { return m_fd >= 0; }

private:
    const MemoryAccess &m_access;
    int m_fd = -1;
};

} // namespace shm
