#include "segmentwatcher.h"

#include <cstring>
#include <ctime>
#include <unistd.h>

namespace shm {

namespace {

// Pages per entry of the copy's table: a 64 GiB segment needs 256 Ki entries (2 MiB).
constexpr std::uint64_t BlockPages = 64;
// A pass reports at most this many runs; past it, a run is merged into the one before.
constexpr std::size_t MaxPassChanges = 65536;
// CPU share and pass rate are measured over this span.
constexpr auto StatsSpan = std::chrono::seconds(5);
// The share of the budget a pass's wait is computed for.
constexpr double BudgetAim = 0.9;
// Bytes compared at a time before looking at single bytes.
constexpr std::size_t DiffBlock = 64;

SegmentWatcher::Clock::duration threadCpuTime()
{
    timespec ts{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return std::chrono::duration_cast<SegmentWatcher::Clock::duration>(
        std::chrono::seconds(ts.tv_sec) + std::chrono::nanoseconds(ts.tv_nsec));
}

} // namespace

// The copies of one block's pages; a missing one has no copy. `unfilled`: pages whose copy
// was just made and whose content is not known (filled silently on their first compare).
struct SegmentWatcher::PageBlock
{
    std::unique_ptr<std::byte[]> pages[BlockPages];
    std::uint64_t unfilled = 0;
    unsigned count = 0;
};

// What one pass gathers as it goes.
struct SegmentWatcher::PassState
{
    PassResult &out;
    const SegmentWatcher &watcher;
    bool afterOpen = false; // the last change still takes new bytes into `after`

    void changed(std::uint64_t offset, std::byte now)
    {
        // This program is writing there right now: not another process's change.
        if (watcher.m_inFlightCount.load() > 0 && watcher.isOwnWriteInFlight(offset))
            return;
        ++out.changedBytes;
        auto &changes = out.changes;
        if (!changes.empty() && changes.back().offset + changes.back().length == offset) {
            Change &last = changes.back();
            ++last.length;
            if (afterOpen && last.after.size() < AfterBytes)
                last.after.push_back(now);
            return;
        }
        if (changes.size() >= MaxPassChanges) {
            // Bounded: the gap joins the last run, whose `after` stays the prefix it had.
            changes.back().length = offset + 1 - changes.back().offset;
            afterOpen = false;
            return;
        }
        changes.push_back({offset, 1, {now}});
        afterOpen = true;
    }
};

SegmentWatcher::SegmentWatcher(MemoryAccess access, Options options)
    : m_access(access)
    , m_options(options)
    , m_budget(std::clamp(options.budget, 1e-4, 1.0))
    , m_pageSize(MemoryAccess::pageSize())
    , m_ranges(options.maxRanges)
{
    m_options.heatBuckets = std::max<std::size_t>(1, m_options.heatBuckets);
    m_maxCopyBytes = m_options.maxCopyBytes;
    if (m_maxCopyBytes == 0) {
        const long pagesInMemory = sysconf(_SC_PHYS_PAGES);
        const std::uint64_t physical =
            pagesInMemory > 0 ? std::uint64_t(pagesInMemory) * m_pageSize : std::uint64_t(8) << 30;
        m_maxCopyBytes = std::min<std::uint64_t>(physical / 8, std::uint64_t(4) << 30);
    }
    m_swapped = access.swappedBytes();
    const std::uint64_t pages = (access.size() + m_pageSize - 1) / m_pageSize;
    m_blocks.resize((pages + BlockPages - 1) / BlockPages);
    const std::uint64_t bucketBytes = bucketSize();
    m_heat.assign(access.size() == 0 ? 0 : (access.size() + bucketBytes - 1) / bucketBytes,
                  Clock::time_point{});
    m_started = Clock::now();
}

SegmentWatcher::~SegmentWatcher() = default;

std::uint64_t SegmentWatcher::bucketSize() const
{
    const std::uint64_t k = m_options.heatBuckets;
    return std::max<std::uint64_t>(1, (m_access.size() + k - 1) / k);
}

void SegmentWatcher::setBudget(double share)
{
    m_budget = std::clamp(share, 1e-4, 1.0);
}

void SegmentWatcher::setAccess(MemoryAccess access)
{
    if (access.size() != m_access.size())
        return; // another segment: not this watcher's
    m_access = access;
}

// --- a pass ----------------------------------------------------------------------------------

SegmentWatcher::PassResult SegmentWatcher::pass()
{
    const Clock::time_point wallStart = Clock::now();
    const Clock::duration cpuStart = threadCpuTime();
    PassResult out;
    PassState state{out, *this};
    out.baseline = !m_haveBaseline;
    // Without swap or huge pages, a page that is not resident was never written: zeros.
    const bool zerosKnown = m_swapped.load() == 0 && !m_access.isHugeTlb();
    applyOwnWrites();
    if (m_access.isValid()) {
        for (const PageRun &run : m_access.pages(0, m_access.size())) {
            switch (run.state) {
            case PageState::Resident:
                out.residentBytes += run.length;
                compareRun(run.offset, run.length, zerosKnown && !out.baseline, state);
                break;
            case PageState::Untouched:
                dropRun(run.offset, run.length, state);
                break;
            case PageState::MaybeSwapped:
            case PageState::Unknown:
            case PageState::Unreadable:
                out.skippedBytes += run.length;
                break;
            }
        }
    }
    if (out.baseline) {
        out.changes.clear();
        out.changedBytes = 0;
        m_haveBaseline = true;
    }
    out.time = WallClock::now();
    record(out, Clock::now());
    // The record's upkeep counts too: all the pass costs is within the budget.
    out.cpu = threadCpuTime() - cpuStart;
    out.wait = budgetedWait(out.cpu, Clock::now() - wallStart);
    addCpu(out.cpu);
    return out;
}

SegmentWatcher::Clock::duration SegmentWatcher::budgetedWait(Clock::duration cpu,
                                                             Clock::duration wall) const
{
    // CPU / (wall + wait) <= budget, and a pass no sooner than minInterval after the last. It
    // aims a little under the budget: a share measured over a few seconds may take in one pass
    // more than their span paid for.
    const auto forBudget = std::chrono::duration_cast<Clock::duration>(
        std::chrono::duration<double>(cpu) / (BudgetAim * m_budget.load()));
    const Clock::duration period = std::max<Clock::duration>(forBudget, m_options.minInterval);
    return std::max<Clock::duration>(Clock::duration::zero(), period - wall);
}

void SegmentWatcher::compareRun(std::uint64_t offset, std::uint64_t length,
                                bool freshPagesAreZeros, PassState &state)
{
    const std::uint64_t first = offset / m_pageSize;
    const std::uint64_t last = (offset + length + m_pageSize - 1) / m_pageSize;
    // The copies are made before any read, so that a fault abandons no allocation.
    for (std::uint64_t page = first; page < last; ++page) {
        std::unique_ptr<PageBlock> &block = m_blocks[page / BlockPages];
        if (!block)
            block = std::make_unique<PageBlock>();
        std::unique_ptr<std::byte[]> &copy = block->pages[page % BlockPages];
        if (copy)
            continue;
        if (m_copyBytes + m_pageSize > m_maxCopyBytes) {
            // Past the copy's limit: this page is not watched (comparePage skips it).
            state.out.unwatchedBytes += std::min(m_pageSize, m_access.size() - page * m_pageSize);
            continue;
        }
        copy = std::make_unique<std::byte[]>(m_pageSize); // zeros
        ++block->count;
        m_copyBytes += m_pageSize;
        if (!freshPagesAreZeros)
            block->unfilled |= std::uint64_t(1) << (page % BlockPages);
    }
    std::uint64_t page = first;
    while (page < last) {
        int signal = 0;
        if (guarded([&] {
                for (; page < last; ++page)
                    comparePage(page, state);
            }, &signal))
            break;
        if (!state.out.firstFault)
            state.out.firstFault = Fault{signal, page * m_pageSize};
        ++page; // the page that faulted
    }
}

void SegmentWatcher::beginOwnWrite(std::uint64_t offset, std::uint64_t count)
{
    std::lock_guard lock(m_mutex);
    m_writesInFlight.push_back({offset, count});
    ++m_inFlightCount;
}

void SegmentWatcher::endOwnWrite(std::uint64_t offset, std::uint64_t count)
{
    std::lock_guard lock(m_mutex);
    const auto it = std::find(m_writesInFlight.begin(), m_writesInFlight.end(),
                              std::pair{offset, count});
    if (it == m_writesInFlight.end())
        return;
    m_writesInFlight.erase(it);
    --m_inFlightCount;
}

bool SegmentWatcher::isOwnWriteInFlight(std::uint64_t offset) const
{
    std::lock_guard lock(m_mutex);
    for (const auto &[start, count] : m_writesInFlight) {
        if (offset >= start && offset - start < count)
            return true;
    }
    return false;
}

void SegmentWatcher::absorbOwnWrite(std::uint64_t offset, const std::byte *bytes,
                                    std::uint64_t count)
{
    endOwnWrite(offset, count);
    if (offset >= m_access.size() || count == 0)
        return;
    count = std::min(count, m_access.size() - offset);
    std::lock_guard lock(m_mutex);
    if (m_ownWriteBytes + count > MaxOwnWriteBytes)
        return;
    m_ownWrites.push_back({offset, std::vector<std::byte>(bytes, bytes + count)});
    m_ownWriteBytes += count;
}

// Our own writes go into the copy; a page without a copy gets one, filled silently from memory
// on its first compare (its other bytes are not known here).
void SegmentWatcher::applyOwnWrites()
{
    std::vector<OwnWrite> writes;
    {
        std::lock_guard lock(m_mutex);
        writes.swap(m_ownWrites);
        m_ownWriteBytes = 0;
    }
    if (!m_haveBaseline)
        return; // the baseline takes everything in silently anyway
    for (const OwnWrite &write : writes) {
        for (std::uint64_t done = 0; done < write.bytes.size();) {
            const std::uint64_t at = write.offset + done;
            const std::uint64_t page = at / m_pageSize;
            const std::uint64_t inPage = at % m_pageSize;
            const std::uint64_t n = std::min<std::uint64_t>(m_pageSize - inPage,
                                                            write.bytes.size() - done);
            std::unique_ptr<PageBlock> &block = m_blocks[page / BlockPages];
            if (!block)
                block = std::make_unique<PageBlock>();
            std::unique_ptr<std::byte[]> &copy = block->pages[page % BlockPages];
            if (!copy && m_copyBytes + m_pageSize > m_maxCopyBytes) {
                done += n; // not watched: past the copy's limit
                continue;
            }
            if (!copy) {
                copy = std::make_unique<std::byte[]>(m_pageSize);
                ++block->count;
                m_copyBytes += m_pageSize;
                block->unfilled |= std::uint64_t(1) << (page % BlockPages);
            }
            std::memcpy(copy.get() + inPage, write.bytes.data() + done, n);
            done += n;
        }
    }
}

// Compared in place: each byte of the segment is read once, and the copy takes what was read.
void SegmentWatcher::comparePage(std::uint64_t page, PassState &state)
{
    PageBlock &block = *m_blocks[page / BlockPages];
    std::byte *copy = block.pages[page % BlockPages].get();
    if (!copy)
        return; // not watched: past the copy's limit
    const std::uint64_t offset = page * m_pageSize;
    const std::size_t length = std::size_t(std::min(m_pageSize, m_access.size() - offset));
    const std::byte *live = m_access.base() + offset;
    const std::uint64_t bit = std::uint64_t(1) << (page % BlockPages);
    if (block.unfilled & bit) {
        std::memcpy(copy, live, length);
        block.unfilled &= ~bit;
        return;
    }
    if (std::memcmp(live, copy, length) == 0)
        return;
    for (std::size_t b = 0; b < length; b += DiffBlock) {
        const std::size_t n = std::min(DiffBlock, length - b);
        if (std::memcmp(live + b, copy + b, n) == 0)
            continue;
        for (std::size_t i = b; i < b + n; ++i) {
            const std::byte now = live[i];
            if (now == copy[i])
                continue;
            copy[i] = now;
            state.changed(offset + i, now);
        }
    }
}

// Pages that are no longer resident while zeros are known: a copy of one says what it held,
// and now it holds zeros. The copy goes.
void SegmentWatcher::dropRun(std::uint64_t offset, std::uint64_t length, PassState &state)
{
    const std::uint64_t first = offset / m_pageSize;
    const std::uint64_t last = (offset + length + m_pageSize - 1) / m_pageSize;
    for (std::uint64_t b = first / BlockPages; b * BlockPages < last; ++b) {
        std::unique_ptr<PageBlock> &block = m_blocks[b];
        if (!block)
            continue;
        const std::uint64_t from = std::max(first, b * BlockPages);
        const std::uint64_t to = std::min(last, (b + 1) * BlockPages);
        for (std::uint64_t page = from; page < to; ++page) {
            std::unique_ptr<std::byte[]> &copy = block->pages[page % BlockPages];
            if (!copy)
                continue;
            const std::uint64_t bit = std::uint64_t(1) << (page % BlockPages);
            if (!(block->unfilled & bit)) {
                const std::uint64_t at = page * m_pageSize;
                const std::uint64_t n = std::min(m_pageSize, m_access.size() - at);
                for (std::uint64_t i = 0; i < n; ++i) {
                    if (copy[i] != std::byte{0})
                        state.changed(at + i, std::byte{0});
                }
            }
            block->unfilled &= ~bit;
            copy.reset();
            m_copyBytes -= m_pageSize;
            --block->count;
        }
        if (block->count == 0)
            block.reset();
    }
}

void SegmentWatcher::record(const PassResult &result, Clock::time_point now)
{
    std::lock_guard lock(m_mutex);
    ++m_passCount;
    const std::uint64_t bucketBytes = bucketSize();
    for (const Change &change : result.changes) {
        m_ranges.mark(change.offset, change.length, RangeInfo{result.time, 1, m_passCount});
        const std::uint64_t lastBucket = (change.offset + change.length - 1) / bucketBytes;
        for (std::uint64_t b = change.offset / bucketBytes; b <= lastBucket && b < m_heat.size();
             ++b)
            m_heat[b] = now;
    }
    m_history.push_back({now, result.changedBytes, {}}); // its CPU time: addCpu()
    const auto keep = std::max<Clock::duration>(m_options.window, StatsSpan);
    while (!m_history.empty() && now - m_history.front().time > keep)
        m_history.pop_front();
    m_statsResident = result.residentBytes;
    m_statsSkipped = result.skippedBytes;
    m_statsUnwatched = result.unwatchedBytes;
    m_statsCopy = m_copyBytes;
}

void SegmentWatcher::addCpu(Clock::duration cpu)
{
    std::lock_guard lock(m_mutex);
    if (!m_history.empty())
        m_history.back().cpu += cpu;
}

void SegmentWatcher::run(const std::function<void(const PassResult &)> &onPass)
{
    while (true) {
        {
            std::lock_guard lock(m_stopMutex);
            if (m_stopRequested) {
                m_stopRequested = false;
                return;
            }
        }
        const Clock::time_point wallStart = Clock::now();
        const Clock::duration cpuStart = threadCpuTime();
        const PassResult result = pass();
        Clock::duration wait = result.wait;
        if (onPass) {
            // What the caller does with the pass is within the budget too.
            onPass(result);
            const Clock::duration extra = threadCpuTime() - cpuStart - result.cpu;
            addCpu(extra);
            wait = budgetedWait(result.cpu + extra, Clock::now() - wallStart);
        }
        std::unique_lock lock(m_stopMutex);
        if (m_stopSignal.wait_for(lock, wait, [this] { return m_stopRequested; })) {
            m_stopRequested = false;
            return;
        }
    }
}

void SegmentWatcher::stop()
{
    {
        std::lock_guard lock(m_stopMutex);
        m_stopRequested = true;
    }
    m_stopSignal.notify_all();
}

// --- the record ------------------------------------------------------------------------------

std::vector<SegmentWatcher::Range> SegmentWatcher::ranges() const
{
    std::lock_guard lock(m_mutex);
    std::vector<Range> out;
    out.reserve(m_ranges.size());
    for (const auto &[start, entry] : m_ranges.ranges())
        out.push_back({start, entry.end - start, entry.value.lastChanged, entry.value.passes});
    return out;
}

std::size_t SegmentWatcher::rangeCount() const
{
    std::lock_guard lock(m_mutex);
    return m_ranges.size();
}

std::uint64_t SegmentWatcher::bytesChangedInWindow() const
{
    const Clock::time_point since = Clock::now() - m_options.window;
    std::lock_guard lock(m_mutex);
    std::uint64_t total = 0;
    for (auto it = m_history.rbegin(); it != m_history.rend() && it->time >= since; ++it)
        total += it->changedBytes;
    return total;
}

std::optional<std::uint64_t> SegmentWatcher::nextChange(std::uint64_t after) const
{
    std::lock_guard lock(m_mutex);
    return m_ranges.next(after);
}

std::optional<std::uint64_t> SegmentWatcher::previousChange(std::uint64_t before) const
{
    std::lock_guard lock(m_mutex);
    return m_ranges.previous(before);
}

std::vector<float> SegmentWatcher::heat() const
{
    const Clock::time_point now = Clock::now();
    const double fade = std::chrono::duration<double>(m_options.heatFade).count();
    std::lock_guard lock(m_mutex);
    std::vector<float> out(m_heat.size(), 0.0f);
    for (std::size_t b = 0; b < m_heat.size(); ++b) {
        if (m_heat[b] == Clock::time_point{})
            continue;
        const double age = std::chrono::duration<double>(now - m_heat[b]).count();
        out[b] = age >= fade ? 0.0f : float(1.0 - std::max(0.0, age) / fade);
    }
    return out;
}

SegmentWatcher::Stats SegmentWatcher::stats() const
{
    const Clock::time_point now = Clock::now();
    std::lock_guard lock(m_mutex);
    Stats s;
    s.budget = m_budget.load();
    s.passes = m_passCount;
    s.copyBytes = m_statsCopy;
    s.residentBytes = m_statsResident;
    s.skippedBytes = m_statsSkipped;
    s.unwatchedBytes = m_statsUnwatched;
    s.maxCopyBytes = m_maxCopyBytes;
    const Clock::time_point since = std::max(now - StatsSpan, m_started);
    const double span = std::chrono::duration<double>(now - since).count();
    Clock::duration cpu{};
    std::uint64_t passes = 0;
    for (auto it = m_history.rbegin(); it != m_history.rend() && it->time >= since; ++it) {
        cpu += it->cpu;
        ++passes;
    }
    if (span > 0.05) {
        s.cpuShare = std::chrono::duration<double>(cpu).count() / span;
        s.passesPerSecond = double(passes) / span;
    }
    return s;
}

void SegmentWatcher::resetRecord()
{
    std::lock_guard lock(m_mutex);
    m_ranges.clear();
    m_history.clear();
    std::fill(m_heat.begin(), m_heat.end(), Clock::time_point{});
}

} // namespace shm
