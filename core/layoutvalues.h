#pragma once

// The values of a type's leaves read from a segment, through MemoryAccess (the one way to
// memory): an untouched page gives zeros without being read, a page that faults makes its
// leaves unreadable, with the reason, and the rest is read.

#include "layout.h"
#include "memoryaccess.h"

#include <optional>
#include <vector>

namespace shm::layout {

struct LeafReading
{
    std::optional<Value> value; // none when the bytes could not be read
    Text unreadable; // why, when there is no value
};

// Reads `leaves` (from leavesOf(type, offset)) over [offset, offset + size), the type's span:
// in one copy when the span is at most 16 MiB (all values from one moment), leaf by leaf
// otherwise. One reading per leaf, in order. `reach` as MemoryAccess::read.
std::vector<LeafReading> readLeaves(const MemoryAccess &memory, const std::vector<Leaf> &leaves,
                                    std::uint64_t offset, std::uint64_t size,
                                    MemoryAccess::Reach reach = MemoryAccess::Reach::AsNeeded);

} // namespace shm::layout
