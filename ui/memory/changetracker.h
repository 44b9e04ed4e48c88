#pragma once

// What changed in memory that others write: a copy of the bytes on screen (the snapshot), the
// comparison of each new copy with the previous one, the record of which offsets have changed,
// and the fade of a fresh change. No widgets: the hex view and the fork demo's bytes view both
// paint from one, and it is tested on its own.
//
// The record of changed offsets is bounded: it keeps at most maxRanges() disjoint ranges of
// changed bytes. While fewer ranges are needed it is exact. Once a change would need one range
// more, the two neighbouring ranges separated by the smallest gap are merged, and the bytes of
// that gap count as changed from then on: changedByteCount() becomes an upper bound (it never
// misses a byte that changed), and nextChange()/previousChange()/hasChanged() may land on a
// byte inside a merged gap. Only bytes of the snapshot fade (a change scrolled out of the
// snapshot stops fading), so the fading offsets never outnumber the snapshot's bytes.

#include "core/boundedranges.h"

#include <QElapsedTimer>
#include <QtGlobal>

#include <cstddef>
#include <optional>
#include <span>
#include <unordered_map>
#include <utility>
#include <vector>

class ChangeTracker
{
public:
    static constexpr std::size_t DefaultMaxRanges = 1024;

    // `fadeMs`: how long a change stays lit (the hex view 1000, the fork demo 1500).
    explicit ChangeTracker(qint64 fadeMs = 1000, std::size_t maxRanges = DefaultMaxRanges);

    // --- the snapshot ---
    // A buffer for the next snapshot of [offset, offset + count), for the caller to fill; then
    // commitSnapshot(). The previous snapshot stays valid until the commit.
    std::span<std::byte> nextSnapshot(quint64 offset, std::size_t count);
    // Makes the first `filled` bytes of the buffer the snapshot. With `compare`, the bytes that
    // differ from the previous snapshot where the two overlap are recorded as changed and start
    // to fade. Returns how many bytes differed.
    quint64 commitSnapshot(std::size_t filled, bool compare);
    // Both steps with bytes the caller already has.
    quint64 observe(quint64 offset, std::span<const std::byte> bytes, bool compare = true);
    bool hasSnapshot() const { return m_haveSnapshot; }
    quint64 snapshotOffset() const { return m_offset; }
    std::span<const std::byte> snapshot() const { return m_snapshot; }
    // The part of the snapshot inside [offset, offset + count), writable, and the offset of its
    // first byte (empty when they do not meet). For copying our own writes in, so that the next
    // comparison does not take them for another process's changes.
    std::pair<quint64, std::span<std::byte>> snapshotPart(quint64 offset, quint64 count);
    // Forgets the snapshot (the next one is not compared) and its fades, keeping the record.
    void dropSnapshot();

    // --- the record of changed offsets ---
    // Distinct offsets seen changing since the start or reset() (an upper bound once the cap
    // was reached, see above).
    quint64 changedByteCount() const { return m_ranges.covered(); }
    bool hasChanged(quint64 offset) const;
    // The first changed offset after `after`, the last one before `before`.
    std::optional<quint64> nextChange(quint64 after) const;
    std::optional<quint64> previousChange(quint64 before) const;
    // Records [offset, offset + count) as changed (what a comparison does for each run).
    void markChanged(quint64 offset, quint64 count);
    // Ranges the record holds now (at most maxRanges()).
    std::size_t rangeCount() const { return m_ranges.size(); }
    std::size_t maxRanges() const { return m_ranges.maxRanges(); }

    // --- the fade ---
    qint64 fadeMs() const { return m_fadeMs; }
    // How lit the byte at `offset` is: 1 when it has just changed, falling linearly to 0 over
    // fadeMs(); 0 when it is not fading.
    double glow(quint64 offset) const;
    // Whether some byte is fading, and how many are (at most the snapshot's size).
    bool isFading() const { return !m_changedAt.empty(); }
    std::size_t fadingCount() const { return m_changedAt.size(); }
    // How many bytes of the snapshot are lit now.
    int litCount() const;
    // Forgets the fades that are over. Returns whether some byte was fading before the call (a
    // repaint is due).
    bool expireFades();

    // Forgets the record and the fades (not the snapshot).
    void reset();
    // Forgets everything, snapshot included.
    void clear();

private:
    qint64 now() const { return m_clock.elapsed(); }

    std::vector<std::byte> m_snapshot;
    std::vector<std::byte> m_next;
    quint64 m_offset = 0;
    quint64 m_nextOffset = 0;
    bool m_haveSnapshot = false;

    shm::BoundedRanges<> m_ranges;

    qint64 m_fadeMs;
    QElapsedTimer m_clock;
    std::unordered_map<quint64, qint64> m_changedAt; // offset -> ms on m_clock, while fading
};
