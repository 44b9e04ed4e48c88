#pragma once

// Differences between two byte sources of equal size, each a snapshot file or live memory:
// the runs of consecutive differing bytes and their count. Where both sides are known zeros
// (holes of a sparse file, untouched pages) nothing is read, so comparing two snapshots of a
// sparse 64 GiB segment costs what their data costs, and live memory never grows.

#include "filedescriptor.h"
#include "memoryaccess.h"
#include "result.h"
#include "snapshot.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace shm {

// A snapshot file (read with pread; holes found with SEEK_DATA) or a window of live memory.
class DiffSource
{
public:
    // Opens a regular file for reading; an error that says why (missing, not a regular file,
    // permissions).
    static Result<DiffSource> openFile(const std::string &path);
    // [offset, offset + length) of `memory` (clipped to its size), read with Reach::AsNeeded.
    static DiffSource fromMemory(const MemoryAccess &memory, std::uint64_t offset = 0,
                                 std::uint64_t length = UINT64_MAX);

    std::uint64_t size() const { return m_size; }
    bool isFile() const { return m_fd.isValid(); }
    // The file's path, or "" for memory.
    const std::string &path() const { return m_path; }

    // Copies [offset, offset + count) (clipped to size()) into dest; every byte up to the clipped
    // count is written (holes and untouched pages as zeros, faults as zeros counted in
    // `unreadable`). 0 or the errno of a failed read.
    int read(std::uint64_t offset, std::byte *dest, std::uint64_t count,
             std::uint64_t *unreadable = nullptr) const;
    // The first offset at or after `offset` (and before `limit`) whose byte may not be a known
    // zero: the next data of a file, the next page of memory that is not Untouched; `limit`
    // when there is none before it. Never reads the bytes.
    std::uint64_t nextData(std::uint64_t offset, std::uint64_t limit) const;
    // The bytes of [offset, offset + count) in place, when they are all in resident memory
    // (to be read under shm::guarded); nullptr otherwise (a file, pages not resident).
    const std::byte *residentBytes(std::uint64_t offset, std::uint64_t count) const;

private:
    DiffSource() = default;

    FileDescriptor m_fd;
    std::string m_path;
    MemoryAccess m_memory;
    std::uint64_t m_offset = 0;
    std::uint64_t m_size = 0;
};

struct ByteRange
{
    std::uint64_t offset = 0;
    std::uint64_t length = 0;
    bool operator==(const ByteRange &) const = default;
};

struct DiffResult
{
    std::uint64_t size = 0;
    std::uint64_t changedBytes = 0; // counted to the end, even when `ranges` is cut
    std::vector<ByteRange> ranges; // sorted, disjoint, not touching
    bool rangesCut = false; // more ranges than the limit: the list stops there
    std::uint64_t unreadable = 0; // memory pages that faulted, compared as zeros
    bool cancelled = false; // the figures cover what was compared before the cancel
};

// Ranges kept at most by compareSources (24 bytes each: 24 MB).
constexpr std::size_t DefaultMaxRanges = 1000000;

// Compares a with b. Sizes that differ are an error (BadInput) that says both; a read error is
// the file's. `progress` gets the bytes compared (holes included).
Result<DiffResult> compareSources(const DiffSource &a, const DiffSource &b,
                                  const WorkProgress &progress = {},
                                  std::size_t maxRanges = DefaultMaxRanges);

} // namespace shm
