#pragma once

// memfd objects (memfd_create): files of an internal tmpfs, seen only through the processes
// that hold them, as "/memfd:NAME (deleted)" in /proc/PID/fd and /proc/PID/maps. One object per
// device and inode, however many descriptors and mappings name it.

#include "holders.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace shm {

struct MemfdObject
{
    std::string name;                  // NAME of memfd_create, without the "memfd:" prefix
    FileId id;
    std::optional<std::uint64_t> size; // fstat through /proc/PID/fd/N or map_files; none when
                                       // no path could be opened (needs ptrace-read rights)
    std::optional<unsigned> seals;     // F_GET_SEALS (F_SEAL_* bits), likewise
    std::vector<Holder> holders;
    bool operator==(const MemfdObject &) const = default;
};

// The memfds of a holder scan, sorted by name then inode, each with its holders, size and
// seals where a path to it could be opened.
std::vector<MemfdObject> memfdsOf(const HolderScan &scan);

// The seals' names: "seal", "shrink", "grow", "write", "future_write", "exec"; the order of
// the F_SEAL_* bits.
std::vector<std::string> sealNames(unsigned seals);

} // namespace shm
