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

// Every start s in [from, to) is looked at once, in order (ascending forward, descending
// backward): in the run that holds all of [s, s + n) (inRun), or, when the match would cross a
// run's end q, with the starts [q - n + 1, q) read through MemoryAccess (a few bytes each side
// of q). Forward, a run's own starts come before those across its end; backward, after.
MemoryMatch search(const MemoryAccess &access, const std::byte *needle, std::size_t needleSize,
                   std::uint64_t from, std::uint64_t to, const SearchControl &control,
                   bool forward)
{
    Searcher searcher(access, needle, needleSize, control);
    if (!clip(access, needleSize, from, to))
        return result(searcher, std::nullopt);
    const std::uint64_t n = needleSize;
    const SparsePages map(access);
    // The starts looked at so far: [from, pos) forward, [pos, to) backward.
    std::uint64_t pos = forward ? from : to;
    // Looks at the starts [lo, hi) not looked at yet.
    const auto look = [&](std::uint64_t lo, std::uint64_t hi, auto &&how) {
        if (forward)
            lo = std::max(lo, pos);
        else
            hi = std::min(hi, pos);
        if (lo >= hi)
            return std::optional<std::uint64_t>();
        pos = forward ? hi : lo;
        return how(lo, hi);
    };
    while (forward ? pos < to : pos > from) {
        if (searcher.cancelled())
            return result(searcher, std::nullopt);
        const std::uint64_t windowStart = forward ? pos : pos - std::min(Window, pos - from);
        const std::uint64_t windowEnd = forward ? pos + std::min(Window, to - pos) : pos;
        const std::uint64_t bytesEnd = windowEnd + n - 1; // <= size, as `to` is clipped
        auto runs = map.pages(windowStart, bytesEnd - windowStart);
        if (!forward)
            std::reverse(runs.begin(), runs.end());
        for (const PageRun &run : runs) {
            const std::uint64_t q = run.offset + run.length;
            const std::uint64_t lastWithin = q + 1 > n ? q - n + 1 : 0; // starts before it fit
            for (const bool within : {forward, !forward}) {
                std::optional<std::uint64_t> hit;
                if (within)
                    hit = look(std::max(windowStart, run.offset), std::min(windowEnd, lastWithin),
                               [&](std::uint64_t lo, std::uint64_t hi) {
                                   return searcher.inRun(run, lo, hi, forward);
                               });
                else if (q < bytesEnd)
                    hit = look(std::max(windowStart, lastWithin), std::min(windowEnd, q),
                               [&](std::uint64_t lo, std::uint64_t hi) {
                                   return searcher.byReading(lo, hi, forward);
                               });
                if (hit)
                    return result(searcher, hit);
            }
            if (searcher.cancelled())
                return result(searcher, std::nullopt);
        }
        pos = forward ? windowEnd : windowStart;
        searcher.advance(windowEnd - windowStart);
    }
    return result(searcher, std::nullopt);
}

} // namespace

MemoryMatch findForward(const MemoryAccess &access, const std::byte *needle,
                        std::size_t needleSize, std::uint64_t from, std::uint64_t to,
                        const SearchControl &control)
{
    return search(access, needle, needleSize, from, to, control, true);
}

MemoryMatch findBackward(const MemoryAccess &access, const std::byte *needle,
                         std::size_t needleSize, std::uint64_t from, std::uint64_t to,
                         const SearchControl &control)
{
    return search(access, needle, needleSize, from, to, control, false);
}

} // namespace shm
