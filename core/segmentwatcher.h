#pragma once

// The background tracker: it compares the whole segment, a pass at a time, with a copy of its
// resident pages, within a CPU budget, and keeps a record of what changed. No Qt: the memory
// view runs one in a worker thread, and `shmscope --watch` runs one in the command line.
//
// - Only resident pages are read (MemoryAccess::pages(), compared in place under guarded(), at
//   memory speed); a page is never made resident. When non-resident pages are known zeros (no
//   swap, no huge pages), a page that becomes resident is compared with zeros, so what another
//   process writes to a fresh page is seen. The first pass is the baseline: nothing is reported.
// - The copy holds one page per resident page seen (allocated page by page, never the whole
//   virtual size), so it is at most the resident bytes, plus a table of a pointer per 64 pages,
//   and never more than Options::maxCopyBytes: resident pages past that are not watched.
// - The budget: a pass's CPU time is measured on the thread's CPU clock, and the next pass waits
//   so that CPU / elapsed stays within budget(), never sooner than minInterval() after the last.
// - The record (changed ranges, the bytes changed over the last window, the heat map) is read
//   from any thread (a mutex); pass() and run() are called from one thread at a time.

#include "boundedranges.h"
#include "memoryaccess.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

namespace shm {

// What a watcher may spend and keep.
struct SegmentWatcherOptions
{
    double budget = 0.05;                        // share of one core, (0, 1]
    std::chrono::milliseconds minInterval{100};  // the fastest pass rate allowed
    std::chrono::milliseconds window{10000};     // "N bytes changed over the last W"
    std::size_t maxRanges = 4096;                // the record's bound (closest merged past it)
    std::size_t heatBuckets = 256;               // the coarse map of the segment
    std::chrono::milliseconds heatFade{3000};    // a bucket's heat falls to 0 over this
    // The most memory the copy may take; 0: an eighth of the physical memory, at most 4 GiB.
    // Resident pages past it are not watched (counted in unwatchedBytes), so a large busy
    // segment (a database's buffers) does not make this program as large again.
    std::uint64_t maxCopyBytes = 0;
};

class SegmentWatcher
{
public:
    using Clock = std::chrono::steady_clock;
    using WallClock = std::chrono::system_clock;

    using Options = SegmentWatcherOptions;

    // A run of bytes one pass saw change, with the first (at most 64) new bytes.
    struct Change
    {
        std::uint64_t offset = 0;
        std::uint64_t length = 0;
        std::vector<std::byte> after;
    };
    static constexpr std::size_t AfterBytes = 64;

    struct PassResult
    {
        std::vector<Change> changes;   // in offset order; bounded (neighbours merged past a cap)
        std::uint64_t changedBytes = 0;
        std::uint64_t residentBytes = 0; // compared this pass
        std::uint64_t skippedBytes = 0;  // not resident and not known zeros (swap, huge pages)
        std::uint64_t unwatchedBytes = 0; // resident, but past the copy's limit: not compared
        std::optional<Fault> firstFault;
        Clock::duration cpu{};           // the pass's CPU time (thread CPU clock)
        Clock::duration wait{};          // how long to wait before the next pass (budget)
        WallClock::time_point time;      // when the pass ended
        bool baseline = false;           // the first pass: nothing reported
    };

    // A range of the record: bytes seen changing, when last, and by how many passes.
    struct Range
    {
        std::uint64_t offset = 0;
        std::uint64_t length = 0;
        WallClock::time_point lastChanged;
        std::uint64_t passes = 0;
    };

    struct Stats
    {
        double budget = 0;         // as set
        double cpuShare = 0;       // CPU time / elapsed over the last few seconds
        double passesPerSecond = 0;
        std::uint64_t passes = 0;  // since the start
        std::uint64_t copyBytes = 0; // memory held by the copy
        std::uint64_t maxCopyBytes = 0; // its limit
        std::uint64_t unwatchedBytes = 0; // resident pages the last pass could not compare
        std::uint64_t residentBytes = 0; // compared by the last pass
        std::uint64_t skippedBytes = 0;
    };

    explicit SegmentWatcher(MemoryAccess access, Options options = {});
    ~SegmentWatcher();
    SegmentWatcher(const SegmentWatcher &) = delete;
    SegmentWatcher &operator=(const SegmentWatcher &) = delete;

    const Options &options() const { return m_options; }
    // Changes the budget (clamped to (0, 1]); takes effect from the next pass.
    void setBudget(double share);
    // The memory to watch, e.g. after a re-attach (same segment, new mapping). Only while no
    // pass runs (the thread of run() stopped). The copy and the record are kept.
    void setAccess(MemoryAccess access);
    // The segment's swapped bytes: with some, pages that are not resident are not known zeros.
    void setSwappedBytes(std::uint64_t bytes) { m_swapped = bytes; }

    // Bytes this program wrote at `offset` (an edit): the next pass takes them into the copy
    // before it compares, so that they are not reported as another process's change. At most
    // MaxOwnWriteBytes wait at a time; beyond, the writes are reported like any other.
    static constexpr std::uint64_t MaxOwnWriteBytes = std::uint64_t(16) << 20;
    void absorbOwnWrite(std::uint64_t offset, const std::byte *bytes, std::uint64_t count);
    // Around such a write: beginOwnWrite just before it, and absorbOwnWrite (or endOwnWrite,
    // for a write too large to absorb) after it. In between, a pass running at the same time
    // takes those bytes into its copy without reporting them.
    void beginOwnWrite(std::uint64_t offset, std::uint64_t count);
    void endOwnWrite(std::uint64_t offset, std::uint64_t count);

    // One pass over the whole segment now.
    PassResult pass();
    // Passes until stop(), each followed by its budgeted wait; `onPass` (optional) is called on
    // this thread after each. For a worker thread.
    void run(const std::function<void(const PassResult &)> &onPass = {});
    // Ends run() (from any thread), at once if it waits; run() may be called again afterwards.
    void stop();

    // --- the record (any thread) ---
    // The changed ranges, in offset order (at most options().maxRanges).
    std::vector<Range> ranges() const;
    std::size_t rangeCount() const;
    // Bytes changed over the last options().window, counted once per pass that saw them
    // change; 0 once the segment has been quiet for a window.
    std::uint64_t bytesChangedInWindow() const;
    // The first changed offset after `after`, the last one before `before`, anywhere.
    std::optional<std::uint64_t> nextChange(std::uint64_t after) const;
    std::optional<std::uint64_t> previousChange(std::uint64_t before) const;
    // Heat per bucket (options().heatBuckets buckets over the segment), in [0, 1]: 1 when a byte
    // of the bucket changed just now, falling to 0 over options().heatFade.
    std::vector<float> heat() const;
    // The bytes of one heat bucket: bucket i covers [i * bucketSize(), (i + 1) * bucketSize()).
    std::uint64_t bucketSize() const;
    Stats stats() const;
    // Forgets the record (not the copy).
    void resetRecord();

private:
    struct PageBlock;
    // What the record keeps of a range: passes counts each pass once, however many runs of the
    // range it saw change.
    struct RangeInfo
    {
        WallClock::time_point lastChanged;
        std::uint64_t passes = 1;
        std::uint64_t lastPass = 0;
        void absorb(const RangeInfo &older)
        {
            lastChanged = std::max(lastChanged, older.lastChanged);
            passes = std::max(passes, older.passes + (older.lastPass == lastPass ? 0 : 1));
        }
        void join(const RangeInfo &other)
        {
            lastChanged = std::max(lastChanged, other.lastChanged);
            passes = std::max(passes, other.passes);
            lastPass = std::max(lastPass, other.lastPass);
        }
    };

    struct PassState;
    void compareRun(std::uint64_t offset, std::uint64_t length, bool freshPagesAreZeros,
                    PassState &state);
    void comparePage(std::uint64_t page, PassState &state);
    void dropRun(std::uint64_t offset, std::uint64_t length, PassState &state);
    void applyOwnWrites();
    void record(const PassResult &result, Clock::time_point now);
    // Adds CPU time to the last pass's, for stats().
    void addCpu(Clock::duration cpu);
    Clock::duration budgetedWait(Clock::duration cpu, Clock::duration wall) const;

    MemoryAccess m_access;
    Options m_options;
    std::atomic<double> m_budget;
    std::atomic<std::uint64_t> m_swapped{0};
    std::uint64_t m_pageSize = 4096;

    // The copy: m_blocks[page / BlockPages] holds the pages of one block that have a copy.
    std::vector<std::unique_ptr<PageBlock>> m_blocks;
    std::uint64_t m_copyBytes = 0;
    bool m_haveBaseline = false;

    mutable std::mutex m_mutex; // over everything below
    BoundedRanges<RangeInfo> m_ranges;
    std::uint64_t m_passCount = 0;
    struct PassMark
    {
        Clock::time_point time;
        std::uint64_t changedBytes = 0;
        Clock::duration cpu{};
    };
    std::deque<PassMark> m_history; // the passes of the last window (or of the last 5 s)
    Clock::time_point m_started;
    std::vector<Clock::time_point> m_heat; // the last change per bucket
    std::uint64_t m_statsResident = 0;
    std::uint64_t m_statsSkipped = 0;
    std::uint64_t m_statsUnwatched = 0;
    std::uint64_t m_maxCopyBytes = 0;
    std::uint64_t m_statsCopy = 0;

    struct OwnWrite
    {
        std::uint64_t offset = 0;
        std::vector<std::byte> bytes;
    };
    std::vector<OwnWrite> m_ownWrites; // under m_mutex
    std::vector<std::pair<std::uint64_t, std::uint64_t>> m_writesInFlight; // under m_mutex
    std::atomic<int> m_inFlightCount{0};
    bool isOwnWriteInFlight(std::uint64_t offset) const;
    std::uint64_t m_ownWriteBytes = 0;

    std::mutex m_stopMutex;
    std::condition_variable m_stopSignal;
    bool m_stopRequested = false;
};

} // namespace shm
