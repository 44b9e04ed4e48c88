#include "ui/memory/changetracker.h"

#include <algorithm>
#include <cstring>
#include <iterator>

ChangeTracker::ChangeTracker(qint64 fadeMs, std::size_t maxRanges)
    : m_ranges(maxRanges)
    , m_fadeMs(std::max<qint64>(1, fadeMs))
{
    m_clock.start();
}

// --- the snapshot ---------------------------------------------------------------------------

std::span<std::byte> ChangeTracker::nextSnapshot(quint64 offset, std::size_t count)
{
    m_next.resize(count);
    m_nextOffset = offset;
    return m_next;
}

quint64 ChangeTracker::commitSnapshot(std::size_t filled, bool compare)
{
    m_next.resize(std::min(filled, m_next.size()));
    const quint64 start = m_nextOffset;
    quint64 changed = 0;
    const quint64 lo = std::max(start, m_offset);
    const quint64 hi = std::min(start + m_next.size(), m_offset + m_snapshot.size());
    if (compare && m_haveSnapshot && lo < hi) {
        const std::byte *fresh = m_next.data() + (lo - start);
        const std::byte *was = m_snapshot.data() + (lo - m_offset);
        const std::size_t n = std::size_t(hi - lo);
        if (std::memcmp(fresh, was, n) != 0) {
            const qint64 t = now();
            // Compare 64-byte blocks first; look at single bytes only inside differing ones, and
            // record each run of changed bytes as one range.
            constexpr std::size_t Block = 64;
            std::size_t runStart = 0;
            std::size_t runEnd = 0; // exclusive; runStart == runEnd: no run open
            for (std::size_t b = 0; b < n; b += Block) {
                const std::size_t len = std::min(Block, n - b);
                if (std::memcmp(fresh + b, was + b, len) == 0)
                    continue;
                for (std::size_t i = b; i < b + len; ++i) {
                    if (fresh[i] == was[i])
                        continue;
                    m_changedAt[lo + i] = t;
                    ++changed;
                    if (runEnd != i) {
                        if (runStart != runEnd)
                            markChanged(lo + runStart, runEnd - runStart);
                        runStart = i;
                    }
                    runEnd = i + 1;
                }
            }
            if (runStart != runEnd)
                markChanged(lo + runStart, runEnd - runStart);
        }
    }
    const bool moved = start != m_offset || m_next.size() != m_snapshot.size();
    m_snapshot.swap(m_next);
    m_offset = start;
    m_haveSnapshot = true;
    if (moved && !m_changedAt.empty()) {
        const quint64 end = m_offset + m_snapshot.size();
        std::erase_if(m_changedAt, [&](const auto &entry) {
            return entry.first < m_offset || entry.first >= end;
        });
    }
    return changed;
}

quint64 ChangeTracker::observe(quint64 offset, std::span<const std::byte> bytes, bool compare)
{
    std::span<std::byte> into = nextSnapshot(offset, bytes.size());
    if (!bytes.empty())
        std::memcpy(into.data(), bytes.data(), bytes.size());
    return commitSnapshot(bytes.size(), compare);
}

std::pair<quint64, std::span<std::byte>> ChangeTracker::snapshotPart(quint64 offset, quint64 count)
{
    if (!m_haveSnapshot)
        return {offset, {}};
    const quint64 lo = std::max(offset, m_offset);
    const quint64 end = count > ~quint64(0) - offset ? ~quint64(0) : offset + count;
    const quint64 hi = std::min(end, m_offset + m_snapshot.size());
    if (lo >= hi)
        return {offset, {}};
    return {lo, std::span<std::byte>(m_snapshot.data() + (lo - m_offset), std::size_t(hi - lo))};
}

void ChangeTracker::dropSnapshot()
{
    m_changedAt.clear(); // only the snapshot's bytes fade
    m_snapshot.clear();
    m_offset = 0;
    m_haveSnapshot = false;
}

// --- the record -----------------------------------------------------------------------------

bool ChangeTracker::hasChanged(quint64 offset) const
{
    return m_ranges.contains(offset);
}

std::optional<quint64> ChangeTracker::nextChange(quint64 after) const
{
    return m_ranges.next(after);
}

std::optional<quint64> ChangeTracker::previousChange(quint64 before) const
{
    return m_ranges.previous(before);
}

void ChangeTracker::markChanged(quint64 offset, quint64 count)
{
    m_ranges.mark(offset, count);
}

// --- the fade -------------------------------------------------------------------------------

double ChangeTracker::glow(quint64 offset) const
{
    if (m_changedAt.empty())
        return 0;
    const auto it = m_changedAt.find(offset);
    if (it == m_changedAt.end())
        return 0;
    const qint64 age = now() - it->second;
    return age >= m_fadeMs ? 0.0 : 1.0 - double(age) / double(m_fadeMs);
}

int ChangeTracker::litCount() const
{
    int lit = 0;
    for (const auto &[offset, at] : m_changedAt) {
        if (offset >= m_offset && offset - m_offset < m_snapshot.size() && now() - at < m_fadeMs)
            ++lit;
    }
    return lit;
}

bool ChangeTracker::expireFades()
{
    const bool wasFading = !m_changedAt.empty();
    const qint64 t = now();
    std::erase_if(m_changedAt, [&](const auto &entry) { return t - entry.second >= m_fadeMs; });
    return wasFading;
}

void ChangeTracker::reset()
{
    m_ranges.clear();
    m_changedAt.clear();
}

void ChangeTracker::clear()
{
    reset();
    dropSnapshot();
}
