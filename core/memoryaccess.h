#pragma once

// The one way to an attached segment's memory. Every read of the view, the inspector, find,
// export, snapshot, diff, watch and the scans goes through here, for two reasons:
//
// - A read can fault. A SHM_HUGETLB segment made with SHM_NORESERVE raises SIGBUS when a page
//   is read that no free huge page can back, and so does a file truncated under its mapping.
//   Reads here catch SIGBUS and SIGSEGV on the reading thread and turn them into a Fault: the
//   page is reported unreadable, and the program goes on.
// - Reading a page nobody has touched makes the kernel allocate it (shared memory has no zero
//   page), so a read-only tool would make the segment larger, by gigabytes on a sparse one.
//   mincore() says which pages are resident. When the segment has no swapped pages, a page
//   that is not resident was never written and holds zeros: it is reported Untouched and its
//   zeros are given without reading it.
//
// For SHM_HUGETLB, mincore() sees only the huge pages this process has mapped, so a page not
// mapped here is Unknown: another process may have written it, or nobody has (then reading it
// takes a free huge page, or faults when there is none).

#include "text.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <type_traits>
#include <vector>

namespace shm {

class Attachment;

// How a page stands, from mincore() and what the segment says of its swap.
enum class PageState : std::uint8_t {
    Resident,     // in memory: reading it costs nothing more
    Untouched,    // not resident while the segment has no swapped pages: holds zeros, not read
    MaybeSwapped, // not resident while the segment has swapped pages: on swap, or untouched
    Unknown,      // a huge page not mapped here (see above)
    Unreadable,   // reading it faulted
};

// A run of pages (or of bytes, clipped to the segment's size) in one state.
struct PageRun
{
    std::uint64_t offset = 0;
    std::uint64_t length = 0;
    PageState state = PageState::Resident;
};

// A fault met while reading: the signal (SIGBUS, SIGSEGV) and the offset of the page.
// `pastEnd`: the page lies past the end of a mapped file that shrank (not touched: touching it
// would raise SIGBUS).
struct Fault
{
    int signal = 0;
    std::uint64_t offset = 0;
    bool pastEnd = false;
};

// Runs fn(context) with SIGBUS and SIGSEGV caught on this thread. Returns false, with
// `signal` and `address` set, when fn faulted: fn is then abandoned where it faulted (it must
// not hold locks or own resources across the faulting access). Nested calls work. A fault
// outside such a call goes to the handler that was there before (the default one: a crash).
bool runGuarded(void (*fn)(void *context), void *context, int *signal = nullptr,
                const void **address = nullptr);

// The same for any callable, e.g. guarded([&] { found = memmem(...); }).
template<typename F>
bool guarded(F &&f, int *signal = nullptr, const void **address = nullptr)
{
    using Callable = std::remove_reference_t<F>;
    return runGuarded([](void *context) { (*static_cast<Callable *>(context))(); },
                      const_cast<void *>(static_cast<const void *>(&f)), signal, address);
}

class MemoryAccess
{
public:
    // What a read may touch.
    enum class Reach {
        // Background work (the change tracker, --watch): resident pages only; MaybeSwapped
        // and Unknown pages are skipped (reported, not read).
        ResidentOnly,
        // What the user asked for (the rows shown, find, export, snapshot, diff, scans):
        // MaybeSwapped and Unknown pages are read too. Untouched pages are never read.
        AsNeeded,
    };

    struct ReadReport
    {
        std::uint64_t bytesRead = 0; // copied from memory
        std::uint64_t zeroBytes = 0; // Untouched: given as zeros, not read
        std::uint64_t skipped = 0;   // not read (Reach::ResidentOnly), zero-filled
        std::uint64_t unreadable = 0; // faulted, zero-filled
        // The runs of [offset, offset + count) that were not copied from memory (Untouched,
        // MaybeSwapped/Unknown when skipped, Unreadable), in order; resident runs are not listed.
        std::vector<PageRun> notRead;
        std::optional<Fault> firstFault;

        bool complete() const { return skipped == 0 && unreadable == 0; }
    };

    MemoryAccess() = default;
    // Over `size` bytes at `base` (page-aligned, as shmat gives it). `hugeTlb`: the mapping is
    // backed by huge pages (see Unknown above).
    MemoryAccess(const std::byte *base, std::uint64_t size, bool hugeTlb = false);
    // Over an attachment; a huge-page mapping is recognised from /proc/self/smaps. A file
    // mapping (Attachment::mapFile) comes with its descriptor (setFile).
    static MemoryAccess forAttachment(const Attachment &attachment);

    // The mapping is of the file open as `fd` (not owned: it must stay open while this access
    // or a copy is used, as the mapping must). Another process may truncate the file: the
    // pages wholly past its end now (fstat) are Unreadable, never touched (they would raise
    // SIGBUS), and a read of them reports a Fault with pastEnd.
    void setFile(int fd) { m_fileFd = fd; }
    bool isFile() const { return m_fileFd >= 0; }

    bool isValid() const { return m_base != nullptr; }
    const std::byte *base() const { return m_base; }
    std::uint64_t size() const { return m_size; }
    bool isHugeTlb() const { return m_hugeTlb; }
    // mincore()'s page: the unit of every PageRun.
    static std::uint64_t pageSize();

    // The segment's swapped bytes (SegmentInfo::swap): when not 0, pages that are not
    // resident are MaybeSwapped rather than Untouched. Call it again as the listing refreshes.
    void setSwappedBytes(std::uint64_t bytes) { m_swapped = bytes; }
    std::uint64_t swappedBytes() const { return m_swapped; }

    // The page states over [offset, offset + count), clipped to size(), neighbours of one state
    // merged. Never reads the memory. Unreadable is not reported here (only a read finds it).
    std::vector<PageRun> pages(std::uint64_t offset, std::uint64_t count) const;
    // The resident bytes (whole pages, the last clipped to size()) in [offset, offset + count).
    std::uint64_t residentBytes(std::uint64_t offset, std::uint64_t count) const;

    // Copies [offset, offset + count) (clipped to size()) into dest: resident pages are
    // copied, Untouched ones are given as zeros without reading them, MaybeSwapped and Unknown
    // ones are read or skipped as `reach` says, and a page that faults is zero-filled and
    // reported. Every byte of dest up to the clipped count is written. Thread-safe.
    ReadReport read(std::uint64_t offset, std::byte *dest, std::uint64_t count,
                    Reach reach = Reach::AsNeeded) const;

private:
    const std::byte *m_base = nullptr;
    std::uint64_t m_size = 0;
    std::uint64_t m_swapped = 0;
    bool m_hugeTlb = false;
    int m_fileFd = -1;
};

// Copies n bytes with faults caught: returns how many bytes were copied (n when none faulted;
// otherwise the copy stopped at a page that faulted, whose offset from src is the return
// value rounded down to a page, and `fault` says which signal).
std::uint64_t guardedCopy(std::byte *dest, const std::byte *src, std::uint64_t n,
                          Fault *fault = nullptr);

// Why the page of `fault` could not be read, for a person: with SIGBUS on huge pages, that no
// free huge page could back it; past a file's end, that the file shrank; otherwise that the
// memory behind the mapping is gone.
Text faultText(const Fault &fault, bool hugeTlb);

} // namespace shm
