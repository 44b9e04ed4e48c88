#include "memoryaccess.h"

#include "attachment.h"
#include "fileread.h"

#include <algorithm>
#include <csetjmp>
#include <csignal>
#include <cstring>
#include <mutex>
#include <string>
#include <string_view>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace shm {

namespace {

// The jump of the innermost runGuarded on this thread, and what the handler saw.
thread_local sigjmp_buf *t_jump = nullptr;
thread_local int t_signal = 0;
thread_local const void *t_address = nullptr;

struct sigaction g_previousBus;
struct sigaction g_previousSegv;

void onFault(int signal, siginfo_t *info, void *context)
{
    if (sigjmp_buf *jump = t_jump) {
        t_signal = signal;
        t_address = info ? info->si_addr : nullptr;
        siglongjmp(*jump, 1);
    }
    // Not a guarded read: hand it to whoever had the signal before us.
    const struct sigaction &previous = signal == SIGBUS ? g_previousBus : g_previousSegv;
    if ((previous.sa_flags & SA_SIGINFO) && previous.sa_sigaction) {
        previous.sa_sigaction(signal, info, context);
        return;
    }
    if (previous.sa_handler != SIG_DFL && previous.sa_handler != SIG_IGN && previous.sa_handler) {
        previous.sa_handler(signal);
        return;
    }
    // The default action: put it back; returning re-runs the faulting access, which now
    // ends the program as it would have without us.
    ::signal(signal, SIG_DFL);
}

void installHandlers()
{
    static std::once_flag once;
    std::call_once(once, [] {
        struct sigaction action{};
        action.sa_sigaction = onFault;
        action.sa_flags = SA_SIGINFO | SA_NODEFER;
        sigemptyset(&action.sa_mask);
        sigaction(SIGBUS, &action, &g_previousBus);
        sigaction(SIGSEGV, &action, &g_previousSegv);
    });
}

std::uint64_t basePage()
{
    static const std::uint64_t page = [] {
        const long size = sysconf(_SC_PAGESIZE);
        return size > 0 ? std::uint64_t(size) : std::uint64_t(4096);
    }();
    return page;
}

// mincore over at most this many bytes per call (64 MiB: 16 Ki entries of 4 KiB pages).
constexpr std::uint64_t MincoreSpan = std::uint64_t(64) << 20;

void appendRun(std::vector<PageRun> &runs, std::uint64_t offset, std::uint64_t length,
               PageState state)
{
    if (length == 0)
        return;
    if (!runs.empty() && runs.back().state == state
        && runs.back().offset + runs.back().length == offset) {
        runs.back().length += length;
        return;
    }
    runs.push_back({offset, length, state});
}

} // namespace

bool runGuarded(void (*fn)(void *), void *context, int *signal, const void **address)
{
    installHandlers();
    sigjmp_buf jump;
    sigjmp_buf *const outer = t_jump;
    // savesigs = 1: the handler runs with the signal blocked (SA_NODEFER aside) and
    // siglongjmp must restore the mask.
    if (sigsetjmp(jump, 1) != 0) {
        t_jump = outer;
        if (signal)
            *signal = t_signal;
        if (address)
            *address = t_address;
        return false;
    }
    t_jump = &jump;
    fn(context);
    t_jump = outer;
    return true;
}

std::uint64_t guardedCopy(std::byte *dest, const std::byte *src, std::uint64_t n, Fault *fault)
{
    if (n == 0)
        return 0;
    int signal = 0;
    if (guarded([&] { std::memcpy(dest, src, n); }, &signal))
        return n;
    // memcpy may copy in any order: page by page, to find the first page that faults.
    const std::uint64_t page = basePage();
    std::uint64_t done = 0;
    while (done < n) {
        const auto at = reinterpret_cast<std::uintptr_t>(src + done);
        const std::uint64_t chunk = std::min<std::uint64_t>(n - done, page - at % page);
        if (!guarded([&] { std::memcpy(dest + done, src + done, chunk); }, &signal)) {
            if (fault)
                *fault = {signal, done};
            return done;
        }
        done += chunk;
    }
    return done; // the fault did not happen again
}

Text faultText(const Fault &fault, bool hugeTlb)
{
    if (fault.pastEnd)
        return Text(QT_TRANSLATE_NOOP("shm", "This page lies past the end of the file: another "
                                             "process truncated it while it was mapped, and "
                                             "its bytes are gone (touching the page would "
                                             "raise SIGBUS)."));
    if (fault.signal == SIGBUS && hugeTlb)
        return Text(QT_TRANSLATE_NOOP("shm", "Reading this page raised SIGBUS: it is a huge page "
                                             "that nobody has used yet, and no free huge page "
                                             "is left to back it (the segment was made with "
                                             "SHM_NORESERVE)."));
    if (fault.signal == SIGBUS)
        return Text(QT_TRANSLATE_NOOP("shm", "Reading this page raised SIGBUS: the memory "
                                             "behind it is gone (a file truncated under its "
                                             "mapping, or no memory to back it)."));
    return Text(QT_TRANSLATE_NOOP("shm", "Reading this page raised %1: it is not mapped any "
                                         "more."),
                {value(std::string(fault.signal == SIGSEGV ? "SIGSEGV" : "a fault"))});
}

MemoryAccess::MemoryAccess(const std::byte *base, std::uint64_t size, bool hugeTlb)
    : m_base(base)
    , m_size(size)
    , m_hugeTlb(hugeTlb)
{
}

MemoryAccess MemoryAccess::forAttachment(const Attachment &attachment)
{
    bool huge = false;
    // The mapping's block in smaps starts with "START-END ..."; its KernelPageSize line says
    // whether huge pages back it.
    if (attachment.isValid()) {
        if (const auto smaps = readWholeFile("/proc/self/smaps")) {
            char start[32];
            const int length = std::snprintf(start, sizeof start, "%lx-",
                                             static_cast<unsigned long>(attachment.address()));
            std::string_view text(*smaps);
            std::size_t at = 0;
            while (at < text.size()) {
                if (text.compare(at, std::size_t(length), start) == 0) {
                    const std::size_t key = text.find("KernelPageSize:", at);
                    if (key != std::string_view::npos) {
                        const std::size_t line = text.find('\n', key);
                        const std::string value(text.substr(key + 15, line - key - 15));
                        huge = std::strtoull(value.c_str(), nullptr, 10) * 1024 > basePage();
                    }
                    break;
                }
                const std::size_t next = text.find('\n', at);
                if (next == std::string_view::npos)
                    break;
                at = next + 1;
            }
        }
    }
    MemoryAccess access(attachment.data(), attachment.size(), huge);
    if (attachment.isFile())
        access.setFile(attachment.fileDescriptor());
    return access;
}

std::uint64_t MemoryAccess::pageSize()
{
    return basePage();
}

std::vector<PageRun> MemoryAccess::pages(std::uint64_t offset, std::uint64_t count) const
{
    std::vector<PageRun> runs;
    if (!m_base || offset >= m_size)
        return runs;
    const std::uint64_t end = offset + std::min(count, m_size - offset);
    const std::uint64_t page = basePage();
    const PageState absent = m_hugeTlb ? PageState::Unknown
        : m_swapped > 0                ? PageState::MaybeSwapped
                                       : PageState::Untouched;
    // mincore works on whole pages of the address space: spans start at the page that holds
    // byte `offset` (a plain buffer need not start on a page).
    const std::uint64_t base = reinterpret_cast<std::uintptr_t>(m_base);
    std::vector<unsigned char> resident;
    std::uint64_t spanStart = (base + offset) / page * page; // an address
    const std::uint64_t endAddress = base + end;
    // A file's end, asked once and only when a page is not resident (a page in memory is the
    // file's): the pages wholly past it are gone, and touching them raises SIGBUS.
    std::optional<std::uint64_t> fileEnd;
    const auto pastFileEnd = [&](std::uint64_t from) {
        if (m_fileFd < 0)
            return false;
        if (!fileEnd) {
            struct stat st{};
            fileEnd = ::fstat(m_fileFd, &st) == 0
                ? (std::uint64_t(st.st_size) + page - 1) / page * page
                : m_size;
        }
        return from >= *fileEnd;
    };
    while (spanStart < endAddress) {
        const std::uint64_t spanEnd =
            std::min(spanStart + MincoreSpan, (endAddress + page - 1) / page * page);
        resident.assign((spanEnd - spanStart) / page, 0);
        const auto clip = [&](std::uint64_t address) {
            return std::clamp(address, base + offset, endAddress) - base;
        };
        if (::mincore(reinterpret_cast<void *>(spanStart), spanEnd - spanStart,
                      resident.data())
            != 0) {
            // ENOMEM: not mapped (detached under us). Report what a read would find.
            appendRun(runs, clip(spanStart), clip(spanEnd) - clip(spanStart),
                      PageState::Unreadable);
        } else {
            for (std::size_t i = 0; i < resident.size(); ++i) {
                const std::uint64_t from = clip(spanStart + i * page);
                const std::uint64_t to = clip(spanStart + (i + 1) * page);
                const PageState state = (resident[i] & 1) ? PageState::Resident
                    : pastFileEnd(spanStart + i * page - base) ? PageState::Unreadable
                                                                : absent;
                appendRun(runs, from, to - from, state);
            }
        }
        spanStart = spanEnd;
    }
    return runs;
}

std::uint64_t MemoryAccess::residentBytes(std::uint64_t offset, std::uint64_t count) const
{
    std::uint64_t total = 0;
    for (const PageRun &run : pages(offset, count))
        if (run.state == PageState::Resident)
            total += run.length;
    return total;
}

MemoryAccess::ReadReport MemoryAccess::read(std::uint64_t offset, std::byte *dest,
                                            std::uint64_t count, Reach reach) const
{
    ReadReport report;
    if (!m_base || offset >= m_size)
        return report;
    for (const PageRun &run : pages(offset, count)) {
        std::byte *into = dest + (run.offset - offset);
        const bool read = run.state == PageState::Resident
            || (reach == Reach::AsNeeded
                && (run.state == PageState::MaybeSwapped || run.state == PageState::Unknown));
        if (!read) {
            std::memset(into, 0, run.length);
            if (run.state == PageState::Untouched) {
                report.zeroBytes += run.length;
            } else if (run.state == PageState::Unreadable) {
                report.unreadable += run.length;
                // A file's page past its end: pages() did not touch it, a read would fault.
                if (!report.firstFault && m_fileFd >= 0)
                    report.firstFault = Fault{SIGBUS, run.offset, true};
            } else {
                report.skipped += run.length;
            }
            appendRun(report.notRead, run.offset, run.length, run.state);
            continue;
        }
        std::uint64_t done = 0;
        while (done < run.length) {
            Fault fault;
            const std::uint64_t got = guardedCopy(into + done, m_base + run.offset + done,
                                                  run.length - done, &fault);
            report.bytesRead += got;
            done += got;
            if (done == run.length)
                break;
            // The faulting page: zero-filled, reported, then go on after it.
            const std::uint64_t page = basePage();
            const std::uint64_t at = run.offset + done;
            const std::uint64_t address = reinterpret_cast<std::uintptr_t>(m_base) + at;
            const std::uint64_t bad = std::min(run.length - done, page - address % page);
            std::memset(into + done, 0, bad);
            report.unreadable += bad;
            appendRun(report.notRead, at, bad, PageState::Unreadable);
            if (!report.firstFault)
                report.firstFault = Fault{fault.signal, at};
            done += bad;
        }
    }
    return report;
}

} // namespace shm
