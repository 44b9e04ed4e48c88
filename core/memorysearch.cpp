#include "memorysearch.h"

#include "bytesearch.h"
#include "sparsepages.h"

#include <algorithm>
#include <optional>
#include <vector>

namespace shm {

namespace {

// Candidate starts looked at per window: one mincore() walk, one check for cancel, one
// progress step. 64 MiB of resident data is a few milliseconds of memchr.
constexpr std::uint64_t Window = std::uint64_t(64) << 20;
// Bytes copied per read of pages that are not resident (MaybeSwapped, Unknown).
constexpr std::uint64_t ReadChunk = std::uint64_t(4) << 20;

class Searcher
{
public:
    Searcher(const MemoryAccess &access, const std::byte *needle, std::size_t size,
             const SearchControl &control)
        : m_access(access)
        , m_needle(needle)
        , m_n(size)
        , m_allZero(std::all_of(needle, needle + size, [](std::byte b) { return b == std::byte{0}; }))
        , m_control(control)
    {
    }

    bool cancelled()
    {
        if (!m_cancelled && m_control.cancelled && m_control.cancelled())
            m_cancelled = true;
        return m_cancelled;
    }
    void advance(std::uint64_t starts)
    {
        if (m_control.advance && starts > 0)
            m_control.advance(starts);
    }
    std::uint64_t unreadable() const { return m_unreadable; }
    std::uint64_t needleSize() const { return m_n; }

    // The first (forward) or last match starting in [lo, hi) whose bytes all lie in the run
    // [p, q) of one state: hi + n - 1 <= q.
    std::optional<std::uint64_t> inRun(const PageRun &run, std::uint64_t lo, std::uint64_t hi,
                                       bool forward)
    {
        switch (run.state) {
        case PageState::Untouched:
            // Known zeros, never read: every start matches an all-zero needle, none another.
            if (!m_allZero)
                return std::nullopt;
            return forward ? lo : hi - 1;
        case PageState::Resident: {
            // In place, at memory speed; a fault (the page went away under us) ends the fast
            // way for this run: it is read page by page instead, and what faults is skipped.
            const std::byte *haystack = m_access.base() + lo;
            const std::uint64_t size = hi - lo + m_n - 1;
            std::optional<std::uint64_t> hit;
            if (guarded([&] {
                    hit = forward ? shm::findForward(haystack, size, m_needle, m_n, 0)
                                  : shm::findBackward(haystack, size, m_needle, m_n, hi - lo);
                }))
                return hit ? std::optional<std::uint64_t>(lo + *hit) : std::nullopt;
            return byReading(lo, hi, forward);
        }
        case PageState::Unreadable:
            m_unreadable += run.length;
            return std::nullopt;
        case PageState::MaybeSwapped:
        case PageState::Unknown:
            break;
        }
        return byReading(lo, hi, forward);
    }

    // The same over any pages, copied through MemoryAccess::read in chunks (untouched pages
    // given as zeros without reading them); a match over a page that faulted does not count.
    std::optional<std::uint64_t> byReading(std::uint64_t lo, std::uint64_t hi, bool forward)
    {
        while (lo < hi) {
            if (cancelled())
                return std::nullopt;
            const std::uint64_t span = std::min(hi - lo, ReadChunk);
            const std::uint64_t a = forward ? lo : hi - span; // starts [a, a + span)
            const std::uint64_t bytes = span + m_n - 1;
            m_buffer.resize(bytes);
            const auto report = m_access.read(a, m_buffer.data(), bytes);
            if (auto hit = inBuffer(a, span, report, forward))
                return hit;
            if (forward)
                lo += span;
            else
                hi -= span;
        }
        return std::nullopt;
    }

private:
    // m_buffer holds the bytes from `a` for the starts [a, a + span); the runs that faulted are
    // in report.notRead.
    std::optional<std::uint64_t> inBuffer(std::uint64_t a, std::uint64_t span,
                                          const MemoryAccess::ReadReport &report, bool forward)
    {
        // The stretches between unreadable runs, each searched on its own.
        std::vector<std::pair<std::uint64_t, std::uint64_t>> good; // buffer offsets [begin, end)
        std::uint64_t at = 0;
        for (const PageRun &run : report.notRead) {
            if (run.state != PageState::Unreadable)
                continue;
            good.emplace_back(at, run.offset - a);
            at = run.offset - a + run.length;
            m_unreadable += run.length;
        }
        good.emplace_back(at, m_buffer.size());
        if (!forward)
            std::reverse(good.begin(), good.end());
        for (const auto &[begin, end] : good) {
            if (end - begin < m_n || begin >= span)
                continue;
            const std::uint64_t size = std::min(end, span + m_n - 1) - begin;
            const auto hit = forward
                ? shm::findForward(m_buffer.data() + begin, size, m_needle, m_n, 0)
                : shm::findBackward(m_buffer.data() + begin, size, m_needle, m_n, size);
            if (hit)
                return a + begin + *hit;
        }
        return std::nullopt;
    }

    const MemoryAccess &m_access;
    const std::byte *m_needle;
    std::size_t m_n;
    bool m_allZero;
    const SearchControl &m_control;
    bool m_cancelled = false;
    std::uint64_t m_unreadable = 0;
    std::vector<std::byte> m_buffer;
};

MemoryMatch result(Searcher &searcher, std::optional<std::uint64_t> hit)
{
    MemoryMatch match;
    match.unreadable = searcher.unreadable();
    if (hit) {
        match.status = MemoryMatch::Status::Found;
        match.offset = *hit;
    } else {
        match.status = searcher.cancelled() ? MemoryMatch::Status::Cancelled
                                            : MemoryMatch::Status::NotFound;
    }
    return match;
}

// The starts [from, to) clipped to those whose match fits in the segment.
bool clip(const MemoryAccess &access, std::size_t n, std::uint64_t from, std::uint64_t &to)
{
    if (n == 0 || !access.isValid() || access.size() < n)
        return false;
    to = std::min(to, access.size() - n + 1);
    return from < to;
}

} // namespace

// Every start s in [from, to) is looked at once, in order: in the run that holds all of
// [s, s + n) (inRun), or, when the match would cross a run's end q, with the starts
// [q - n + 1, q) read through MemoryAccess (a few bytes each side of q).
MemoryMatch findForward(const MemoryAccess &access, const std::byte *needle,
                        std::size_t needleSize, std::uint64_t from, std::uint64_t to,
                        const SearchControl &control)
{
    Searcher searcher(access, needle, needleSize, control);
    if (!clip(access, needleSize, from, to))
        return result(searcher, std::nullopt);
    const std::uint64_t n = needleSize;
    const SparsePages map(access);
    std::uint64_t pos = from; // the starts before pos have been looked at
    while (pos < to) {
        if (searcher.cancelled())
            return result(searcher, std::nullopt);
        const std::uint64_t windowStart = pos;
        const std::uint64_t windowEnd = std::min(to, pos + std::min(Window, to - pos));
        const std::uint64_t bytesEnd = windowEnd + n - 1; // <= size, as to is clipped
        for (const PageRun &run : map.pages(pos, bytesEnd - pos)) {
            const std::uint64_t q = run.offset + run.length;
            // Within the run: starts s with s + n <= q.
            std::uint64_t lo = std::max(pos, run.offset);
            std::uint64_t hi = q + 1 > n ? std::min(windowEnd, q - n + 1) : 0;
            if (lo < hi) {
                if (auto hit = searcher.inRun(run, lo, hi, true))
                    return result(searcher, hit);
                pos = hi;
            }
            // Across its end.
            if (q < bytesEnd) {
                lo = std::max(pos, q + 1 > n ? q - n + 1 : 0);
                hi = std::min(windowEnd, q);
                if (lo < hi) {
                    if (auto hit = searcher.byReading(lo, hi, true))
                        return result(searcher, hit);
                    pos = hi;
                }
            }
            if (searcher.cancelled())
                return result(searcher, std::nullopt);
        }
        pos = windowEnd;
        searcher.advance(windowEnd - windowStart);
    }
    return result(searcher, std::nullopt);
}

MemoryMatch findBackward(const MemoryAccess &access, const std::byte *needle,
                         std::size_t needleSize, std::uint64_t from, std::uint64_t to,
                         const SearchControl &control)
{
    Searcher searcher(access, needle, needleSize, control);
    if (!clip(access, needleSize, from, to))
        return result(searcher, std::nullopt);
    const std::uint64_t n = needleSize;
    const SparsePages map(access);
    std::uint64_t pos = to; // the starts from pos on have been looked at
    while (pos > from) {
        if (searcher.cancelled())
            return result(searcher, std::nullopt);
        const std::uint64_t windowEnd = pos;
        const std::uint64_t windowStart = pos - std::min(Window, pos - from);
        const std::uint64_t bytesEnd = windowEnd + n - 1;
        const auto runs = map.pages(windowStart, bytesEnd - windowStart);
        for (auto run = runs.rbegin(); run != runs.rend(); ++run) {
            const std::uint64_t q = run->offset + run->length;
            // Across its end first: those starts come after the ones within the run.
            if (q < bytesEnd) {
                const std::uint64_t lo = std::max(windowStart, q + 1 > n ? q - n + 1 : 0);
                const std::uint64_t hi = std::min(pos, q);
                if (lo < hi) {
                    if (auto hit = searcher.byReading(lo, hi, false))
                        return result(searcher, hit);
                    pos = lo;
                }
            }
            const std::uint64_t lo = std::max(windowStart, run->offset);
            const std::uint64_t hi = q + 1 > n ? std::min(pos, q - n + 1) : 0;
            if (lo < hi) {
                if (auto hit = searcher.inRun(*run, lo, hi, false))
                    return result(searcher, hit);
                pos = lo;
            }
            if (searcher.cancelled())
                return result(searcher, std::nullopt);
        }
        pos = windowStart;
        searcher.advance(windowEnd - windowStart);
    }
    return result(searcher, std::nullopt);
}

} // namespace shm
