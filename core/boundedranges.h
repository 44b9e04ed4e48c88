#pragma once

// A bounded record of disjoint byte ranges, each with a value (when it changed, how often...).
// While fewer than maxRanges() ranges are needed it is exact. Once a mark would need one range
// more, the two neighbouring ranges separated by the smallest gap are merged, and the bytes of
// that gap count as covered from then on: covered() becomes an upper bound (it never misses a
// byte that was marked). The hex view's change tracker and the segment watcher both keep one.
//
// Value: default-constructible, with
//   void absorb(const Value &older);  // a new mark's value takes in a range it overlaps
//   void join(const Value &other);    // two old ranges merged to keep the bound

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <utility>

namespace shm {

// For a record without values.
struct NoRangeValue
{
    void absorb(const NoRangeValue &) {}
    void join(const NoRangeValue &) {}
};

template<typename Value = NoRangeValue>
class BoundedRanges
{
public:
    struct Entry
    {
        std::uint64_t end = 0; // exclusive
        Value value;
    };
    using Map = std::map<std::uint64_t, Entry>; // start -> entry; disjoint, not touching

    explicit BoundedRanges(std::size_t maxRanges) : m_max(std::max<std::size_t>(1, maxRanges)) {}

    std::size_t size() const { return m_ranges.size(); }
    std::size_t maxRanges() const { return m_max; }
    bool empty() const { return m_ranges.empty(); }
    // Bytes inside the ranges.
    std::uint64_t covered() const { return m_covered; }
    const Map &ranges() const { return m_ranges; }

    void clear()
    {
        m_ranges.clear();
        m_gaps.clear();
        m_covered = 0;
    }

    bool contains(std::uint64_t offset) const
    {
        auto it = m_ranges.upper_bound(offset);
        if (it == m_ranges.begin())
            return false;
        return offset < std::prev(it)->second.end;
    }

    // The first covered offset after `after`, the last one before `before`.
    std::optional<std::uint64_t> next(std::uint64_t after) const
    {
        if (after == ~std::uint64_t(0))
            return std::nullopt;
        const std::uint64_t wanted = after + 1;
        auto it = m_ranges.upper_bound(wanted);
        if (it != m_ranges.begin() && std::prev(it)->second.end > wanted)
            return wanted;
        if (it == m_ranges.end())
            return std::nullopt;
        return it->first;
    }
    std::optional<std::uint64_t> previous(std::uint64_t before) const
    {
        auto it = m_ranges.lower_bound(before); // the first range starting at or after `before`
        if (it == m_ranges.begin())
            return std::nullopt;
        --it; // starts before `before`
        return std::min(it->second.end - 1, before - 1);
    }

    // Marks [offset, offset + count): the ranges that overlap or touch it become one, whose
    // value is `value` after absorbing theirs.
    void mark(std::uint64_t offset, std::uint64_t count, Value value = {})
    {
        if (count == 0)
            return;
        std::uint64_t lo = offset;
        std::uint64_t hi = count > ~std::uint64_t(0) - offset ? ~std::uint64_t(0) : offset + count;
        auto first = m_ranges.upper_bound(lo);
        if (first != m_ranges.begin() && std::prev(first)->second.end >= lo)
            --first;
        auto last = first;
        while (last != m_ranges.end() && last->first <= hi)
            ++last;
        if (first != m_ranges.begin())
            removeGapAfter(std::prev(first));
        for (auto it = first; it != last; ++it) {
            removeGapAfter(it);
            lo = std::min(lo, it->first);
            hi = std::max(hi, it->second.end);
            m_covered -= it->second.end - it->first;
            value.absorb(it->second.value);
        }
        m_ranges.erase(first, last);
        const auto merged = m_ranges.emplace(lo, Entry{hi, std::move(value)}).first;
        m_covered += hi - lo;
        if (merged != m_ranges.begin())
            addGapAfter(std::prev(merged));
        addGapAfter(merged);
        while (m_ranges.size() > m_max)
            mergeClosestNeighbours();
    }

private:
    using Iterator = typename Map::iterator;
    void addGapAfter(Iterator it)
    {
        const auto after = std::next(it);
        if (after != m_ranges.end())
            m_gaps.emplace(after->first - it->second.end, it->first);
    }
    void removeGapAfter(Iterator it)
    {
        const auto after = std::next(it);
        if (after != m_ranges.end())
            m_gaps.erase({after->first - it->second.end, it->first});
    }
    void mergeClosestNeighbours()
    {
        const auto [gap, leftStart] = *m_gaps.begin();
        const auto left = m_ranges.find(leftStart);
        const auto right = std::next(left);
        m_gaps.erase(m_gaps.begin());
        removeGapAfter(right);
        left->second.end = right->second.end;
        left->second.value.join(right->second.value);
        m_covered += gap;
        m_ranges.erase(right);
        addGapAfter(left);
    }

    Map m_ranges;
    std::set<std::pair<std::uint64_t, std::uint64_t>> m_gaps; // (gap length, start before it)
    std::uint64_t m_covered = 0;
    std::size_t m_max;
};

} // namespace shm
