#include "bytesearch.h"

#include <cstring>
#include <string.h>

namespace shm {

std::optional<std::uint64_t> findForward(const std::byte *haystack, std::uint64_t size,
                                         const std::byte *needle, std::size_t needleSize,
                                         std::uint64_t from)
{
    if (needleSize == 0 || from >= size || size - from < needleSize)
        return std::nullopt;
    // glibc's memmem uses a two-way algorithm with a fast first-byte skip: memory speed.
    const void *hit = memmem(haystack + from, size - from, needle, needleSize);
    if (!hit)
        return std::nullopt;
    return static_cast<std::uint64_t>(static_cast<const std::byte *>(hit) - haystack);
}

std::optional<std::uint64_t> findBackward(const std::byte *haystack, std::uint64_t size,
                                          const std::byte *needle, std::size_t needleSize,
                                          std::uint64_t before)
{
    if (needleSize == 0 || size < needleSize)
        return std::nullopt;
    // Last start position that keeps the whole needle inside the buffer, and before `before`.
    std::uint64_t lastStart = size - needleSize;
    if (before == 0)
        return std::nullopt;
    if (before - 1 < lastStart)
        lastStart = before - 1;
    const unsigned char first = static_cast<unsigned char>(needle[0]);
    std::uint64_t end = lastStart + 1; // candidates are in [0, end)
    while (end > 0) {
        // memrchr is vectorised in glibc: scan backwards for the first byte, then compare.
        const void *hit = memrchr(haystack, first, end);
        if (!hit)
            return std::nullopt;
        const auto pos = static_cast<std::uint64_t>(static_cast<const std::byte *>(hit) - haystack);
        if (std::memcmp(haystack + pos, needle, needleSize) == 0)
            return pos;
        end = pos;
    }
    return std::nullopt;
}

} // namespace shm
