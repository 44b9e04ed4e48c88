#pragma once

// Searching raw memory at memory speed (memmem / memchr, no per-byte virtual calls).

#include <cstddef>
#include <cstdint>
#include <optional>

namespace shm {

// The first occurrence of needle[0..needleSize) starting at or after `from` and lying entirely
// inside haystack[0..size). nullopt when none, when the needle is empty or from >= size.
std::optional<std::uint64_t> findForward(const std::byte *haystack, std::uint64_t size,
                                         const std::byte *needle, std::size_t needleSize,
                                         std::uint64_t from = 0);

// The last occurrence that starts strictly before `before` (pass size, or more, to search the
// whole buffer). nullopt when none or when the needle is empty.
std::optional<std::uint64_t> findBackward(const std::byte *haystack, std::uint64_t size,
                                          const std::byte *needle, std::size_t needleSize,
                                          std::uint64_t before);

} // namespace shm
