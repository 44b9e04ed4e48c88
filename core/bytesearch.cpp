#include "bytesearch.h"

#include <array>
#include <cstring>
#include <string.h>

namespace shm {

namespace {

// Which needle byte to scan for: the one that is rarest in a sample of the haystack, so that
// memchr/memrchr (vectorised, memory speed) stop on few false candidates.
std::size_t rarestIndex(const std::byte *sample, std::size_t sampleSize, const std::byte *needle,
                        std::size_t needleSize)
{
    std::array<std::uint32_t, 256> counts{};
    for (std::size_t i = 0; i < sampleSize; ++i)
        ++counts[std::to_integer<unsigned>(sample[i])];
    std::size_t best = 0;
    for (std::size_t i = 1; i < needleSize; ++i)
        if (counts[std::to_integer<unsigned>(needle[i])]
            < counts[std::to_integer<unsigned>(needle[best])])
            best = i;
    return best;
}

constexpr std::size_t SampleSize = 16 * 1024;
// When false candidates come more often than one per this many bytes, memchr stops too often:
// hand the rest to memmem (two-way, linear whatever the data).
constexpr std::uint64_t DenseCandidates = 256;
constexpr unsigned CandidatesBeforeJudging = 64;

} // namespace

std::optional<std::uint64_t> findForward(const std::byte *haystack, std::uint64_t size,
                                         const std::byte *needle, std::size_t needleSize,
                                         std::uint64_t from)
{
    if (needleSize == 0 || from >= size || size - from < needleSize)
        return std::nullopt;
    const std::uint64_t lastStart = size - needleSize; // candidates start in [from, lastStart]
    const std::size_t k = rarestIndex(haystack + from,
                                      std::size_t(std::min<std::uint64_t>(SampleSize, size - from)),
                                      needle, needleSize);
    const unsigned char key = std::to_integer<unsigned char>(needle[k]);
    std::uint64_t start = from;
    unsigned misses = 0;
    while (start <= lastStart) {
        if (misses >= CandidatesBeforeJudging && (start - from) / misses < DenseCandidates) {
            const void *hit = memmem(haystack + start, size - start, needle, needleSize);
            if (!hit)
                return std::nullopt;
            return std::uint64_t(static_cast<const std::byte *>(hit) - haystack);
        }
        // The key byte of a match starting at `s` sits at s + k, with s <= lastStart.
        const void *p = std::memchr(haystack + start + k, key, lastStart - start + 1);
        if (!p)
            return std::nullopt;
        const std::uint64_t candidate = std::uint64_t(static_cast<const std::byte *>(p) - haystack) - k;
        if (std::memcmp(haystack + candidate, needle, needleSize) == 0)
            return candidate;
        ++misses;
        start = candidate + 1;
    }
    return std::nullopt;
}

std::optional<std::uint64_t> findBackward(const std::byte *haystack, std::uint64_t size,
                                          const std::byte *needle, std::size_t needleSize,
                                          std::uint64_t before)
{
    if (needleSize == 0 || size < needleSize || before == 0)
        return std::nullopt;
    // Candidates start in [0, end).
    std::uint64_t end = std::min<std::uint64_t>(size - needleSize, before - 1) + 1;
    const std::uint64_t sampleStart = end > SampleSize ? end - SampleSize : 0;
    const std::size_t k = rarestIndex(haystack + sampleStart,
                                      std::size_t(std::min<std::uint64_t>(SampleSize, size - sampleStart)),
                                      needle, needleSize);
    const unsigned char key = std::to_integer<unsigned char>(needle[k]);
    while (end > 0) {
        // memrchr is vectorised in glibc: scan backwards for the key byte, then compare.
        const void *p = memrchr(haystack + k, key, end);
        if (!p)
            return std::nullopt;
        const std::uint64_t candidate = std::uint64_t(static_cast<const std::byte *>(p) - haystack) - k;
        if (std::memcmp(haystack + candidate, needle, needleSize) == 0)
            return candidate;
        end = candidate;
    }
    return std::nullopt;
}

} // namespace shm
