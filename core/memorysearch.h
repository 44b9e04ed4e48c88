#pragma once

// Find over a segment's memory through MemoryAccess, for a worker thread: resident runs are
// searched in place at memory speed (memchr/memmem, faults caught), untouched runs are known
// zeros and never read, the other pages (MaybeSwapped, Unknown) are read in chunks. A match
// may straddle the edge between runs of any kinds, and an all-zero needle matches inside a hole.
// The runs come from SparsePages: a sparse segment's holes are skipped without a mincore walk
// where the mapping's file can be opened.

#include "memoryaccess.h"

#include <cstddef>
#include <cstdint>
#include <functional>

namespace shm {

// Who runs the search: asked between chunks whether to stop, told how many candidate starts
// have been covered since the last call. Either may be empty.
struct SearchControl
{
    std::function<bool()> cancelled;
    std::function<void(std::uint64_t starts)> advance;
};

struct MemoryMatch
{
    enum class Status { Found, NotFound, Cancelled };
    Status status = Status::NotFound;
    std::uint64_t offset = 0;     // the match's first byte, when Found
    std::uint64_t unreadable = 0; // bytes that faulted: no match was looked for across them
};

// The first match of needle[0..needleSize) whose first byte lies in [from, to), wholly inside
// the segment. NotFound when the needle is empty or the range holds no start.
MemoryMatch findForward(const MemoryAccess &access, const std::byte *needle,
                        std::size_t needleSize, std::uint64_t from, std::uint64_t to,
                        const SearchControl &control = {});
// The last such match.
MemoryMatch findBackward(const MemoryAccess &access, const std::byte *needle,
                         std::size_t needleSize, std::uint64_t from, std::uint64_t to,
                         const SearchControl &control = {});

} // namespace shm
