#pragma once

// Value scans, as scanmem and Cheat Engine do them, on a segment and without ptrace: find
// where a typed value lives by scanning for it once ("equals V"), then narrowing the
// candidates as the value changes (changed, unchanged, increased, decreased, equals V).
//
// Every byte is read through MemoryAccess (Reach::AsNeeded): resident pages are scanned in
// place with faults caught, pages never touched are known zeros and are never read (scanning
// for V != 0 skips them; V == 0 matches all of them), and a page that faults is left out.
//
// The candidates are kept as runs: consecutive aligned offsets holding the same value at the
// last scan are one entry, so a scan for 0 over gigabytes of untouched pages costs a few runs.
// Scattered matches cost one run each; past MaxRuns the scan is refused ("too many matches")
// and the candidates stay as they were.

#include "memoryaccess.h"
#include "result.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace shm {

enum class ScanType : std::uint8_t {
    Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64, Float32, Float64, ScanTypeCount
};

enum class ScanOrder : std::uint8_t { Little, Big };

// Bytes of a value of `type` (1, 2, 4 or 8).
unsigned scanTypeWidth(ScanType type);
// "int8", "uint16", "float32", "float64"...
const char *scanTypeName(ScanType type);
bool scanTypeIsFloat(ScanType type);

// What to scan for, and where: values of `type` in byte order `order`, at offsets that are
// multiples of `alignment` (0: the type's width; 1: every offset).
struct ScanFormat
{
    ScanType type = ScanType::Int32;
    ScanOrder order = ScanOrder::Little;
    unsigned alignment = 0;

    unsigned width() const { return scanTypeWidth(type); }
    unsigned stride() const { return alignment == 0 ? width() : alignment; }
};

// A value as a scan keeps it: the type's bits in host order, zero-extended to 64 bits (an
// int8 of -1 is 0xff, a float32 its IEEE bits).
using ScanBits = std::uint64_t;

// Text the user typed, as a value of `type`: integers in decimal or 0x hex, floats as
// parseDouble/parseFloat32 take them. Out of the type's range is refused with the range and the
// type's name ("The value 300 is out of range for int8: it must be from -128 to 127.").
Result<ScanBits> parseScanValue(ScanType type, std::string_view text);
// The value for a person: "-5", "4294967295", "1.5", "-0", "inf", "nan".
std::string formatScanValue(ScanType type, ScanBits bits);
// The value held by the width() bytes at `bytes`, in the format's byte order.
ScanBits loadScanValue(const ScanFormat &format, const std::byte *bytes);
// Writes `bits` as width() bytes at `bytes`, in the format's byte order.
void storeScanValue(const ScanFormat &format, ScanBits bits, std::byte *bytes);

enum class ScanNarrow : std::uint8_t { Changed, Unchanged, Increased, Decreased, Equals };

// Consecutive candidates: offsets first, first + stride, ... (count of them), all holding
// `value` at the last scan.
struct ScanRun
{
    std::uint64_t first = 0;
    std::uint64_t count = 0;
    ScanBits value = 0;
};

// How a scan went (what it read; cancelled scans change nothing).
struct ScanReport
{
    bool cancelled = false;
    std::uint64_t bytesScanned = 0;   // resident or read from memory
    std::uint64_t untouchedBytes = 0; // known zeros, not read
    std::uint64_t unreadableBytes = 0; // faulted: values there are left out
};

// Called after each chunk with the bytes covered so far and the total (offsets of the segment);
// returning false cancels the scan. Runs on the scanning thread.
using ScanProgress = std::function<bool(std::uint64_t done, std::uint64_t total)>;

class ValueScan
{
public:
    // The most runs a candidate set holds (each is 24 bytes: 96 MiB at most).
    static constexpr std::uint64_t MaxRuns = std::uint64_t(1) << 22;

    // No scan yet: no candidates.
    ValueScan() = default;

    // The first scan: every aligned offset of the segment where the value equals `value`
    // (floats compare as numbers: 0 matches -0; nan is refused, as it equals nothing).
    // Errors: a format that does not fit (alignment not 1, 2, 4 or 8), nan, too many matches.
    // When cancelled, report.cancelled is set and the result holds no candidates.
    struct Outcome;
    static Result<Outcome> first(const MemoryAccess &access, const ScanFormat &format,
                                 ScanBits value, const ScanProgress &progress = {});
    // A next scan: keeps the candidates whose value now compares with their value at the last
    // scan as `how` says (Equals: with `value`), each now holding its current value. Changed
    // and Unchanged compare bits; Increased, Decreased and Equals compare numbers (a nan is
    // neither larger nor smaller nor equal). Errors as first()'s.
    Result<Outcome> narrow(const MemoryAccess &access, ScanNarrow how, ScanBits value = 0,
                           const ScanProgress &progress = {}) const;

    const ScanFormat &format() const { return m_format; }
    // Whether a scan has been made (even one that found nothing).
    bool isStarted() const { return m_started; }
    // Scans made since the first (1 after first()).
    unsigned scanCount() const { return m_scans; }
    // Candidates (the sum of the runs' counts).
    std::uint64_t count() const { return m_count; }
    const std::vector<ScanRun> &runs() const { return m_runs; }

    // Calls fn(offset, valueAtLastScan) for the first `limit` candidates, in offset order.
    template<typename F>
    void forEach(std::uint64_t limit, F &&fn) const
    {
        const std::uint64_t stride = m_format.stride();
        for (const ScanRun &run : m_runs)
            for (std::uint64_t k = 0; k < run.count; ++k) {
                if (limit-- == 0)
                    return;
                fn(run.first + k * stride, run.value);
            }
    }

private:
    friend class ScanBuilder;
    ScanFormat m_format;
    std::vector<ScanRun> m_runs;
    std::uint64_t m_count = 0;
    unsigned m_scans = 0;
    bool m_started = false;
};

struct ValueScan::Outcome
{
    ValueScan scan;
    ScanReport report;
};

} // namespace shm
