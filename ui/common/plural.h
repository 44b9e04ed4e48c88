#pragma once

// Qt picks a plural form from an int (tr("... %n ...", nullptr, n)); sizes and counts here are
// 64-bit. Above INT_MAX every number takes the same form in the languages shmscope speaks, so
// the count that picks the form is clamped there. Write a 64-bit number itself with %L1, not %n.

#include <climits>
#include <cstdint>

namespace plural {

constexpr int count(std::uint64_t n)
{
    return n > static_cast<std::uint64_t>(INT_MAX) ? INT_MAX : static_cast<int>(n);
}

} // namespace plural
