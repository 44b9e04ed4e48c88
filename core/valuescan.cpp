#include "valuescan.h"

#include "parse.h"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <optional>

namespace shm {

namespace {

// The unit of work: page states are asked for, progress reported and cancel checked once per
// window of this many offsets (a multiple of every alignment).
constexpr std::uint64_t Window = std::uint64_t(1) << 20;

struct TypeInfo
{
    const char *name;
    unsigned width;
    bool isSigned;
    bool isFloat;
};

constexpr TypeInfo Types[] = {
    {"int8", 1, true, false},    {"uint8", 1, false, false},  {"int16", 2, true, false},
    {"uint16", 2, false, false}, {"int32", 4, true, false},   {"uint32", 4, false, false},
    {"int64", 8, true, false},   {"uint64", 8, false, false}, {"float32", 4, false, true},
    {"float64", 8, false, true},
};

const TypeInfo &info(ScanType type)
{
    const auto index = std::size_t(type);
    return Types[index < std::size(Types) ? index : 0];
}

std::int64_t asSigned(ScanType type, ScanBits bits)
{
    const unsigned shift = 64 - 8 * info(type).width;
    return static_cast<std::int64_t>(bits << shift) >> shift;
}

double asDouble(ScanType type, ScanBits bits)
{
    if (type == ScanType::Float32)
        return double(std::bit_cast<float>(std::uint32_t(bits)));
    return std::bit_cast<double>(bits);
}

bool isNan(ScanType type, ScanBits bits)
{
    return info(type).isFloat && std::isnan(asDouble(type, bits));
}

// -1, 0, 1; 2 when unordered (a nan).
int compare(ScanType type, ScanBits a, ScanBits b)
{
    const TypeInfo &t = info(type);
    if (t.isFloat) {
        const double x = asDouble(type, a), y = asDouble(type, b);
        if (std::isnan(x) || std::isnan(y))
            return 2;
        return x < y ? -1 : x > y ? 1 : 0;
    }
    if (t.isSigned) {
        const std::int64_t x = asSigned(type, a), y = asSigned(type, b);
        return x < y ? -1 : x > y ? 1 : 0;
    }
    return a < b ? -1 : a > b ? 1 : 0;
}

bool keeps(ScanType type, ScanNarrow how, ScanBits previous, ScanBits now, ScanBits value)
{
    switch (how) {
    case ScanNarrow::Changed:
        return now != previous;
    case ScanNarrow::Unchanged:
        return now == previous;
    case ScanNarrow::Increased:
        return compare(type, now, previous) == 1;
    case ScanNarrow::Decreased:
        return compare(type, now, previous) == -1;
    case ScanNarrow::Equals:
        return compare(type, now, value) == 0;
    }
    return false;
}

Error formatError(const ScanFormat &format)
{
    return inputError("value scan", std::to_string(format.alignment),
                      Text(QT_TRANSLATE_NOOP("shm", "The alignment %1 cannot be used: choose 1, "
                                                    "2, 4 or 8 bytes."),
                           {value(std::int64_t(format.alignment))}));
}

Error nanError()
{
    return inputError("value scan", "nan",
                      Text(QT_TRANSLATE_NOOP("shm", "A scan cannot look for nan: nan equals "
                                                    "nothing, not even itself. Scan for a number, "
                                                    "or narrow with changed or unchanged.")));
}

Error tooManyError()
{
    return inputError("value scan", std::to_string(ValueScan::MaxRuns),
                      Text(QT_TRANSLATE_NOOP("shm", "Too many matches: more than %1 separate "
                                                    "places. Scan for a rarer value, or with a "
                                                    "wider alignment."),
                           {value(std::int64_t(ValueScan::MaxRuns))}),
                      ErrorKind::LimitReached);
}

bool validFormat(const ScanFormat &format)
{
    const unsigned a = format.alignment;
    return std::size_t(format.type) < std::size(Types) && (a == 0 || a == 1 || a == 2 || a == 4
                                                            || a == 8);
}

// The bytes of one window, from where MemoryAccess says they are.
class WindowReader
{
public:
    enum class Kind { Untouched, InPlace, Buffered };

    WindowReader(const MemoryAccess &access, ScanReport &report)
        : m_access(access)
        , m_report(report)
    {
    }

    // Bytes [from, from + length): in place when all resident, known zeros when all untouched,
    // else copied through MemoryAccess::read (faulting pages noted). `counted`: the bytes to add
    // to the report (windows overlap by a value's width).
    void load(std::uint64_t from, std::uint64_t length, std::uint64_t counted,
              bool buffered = false)
    {
        m_from = from;
        m_unreadable.clear();
        if (!buffered) {
            const auto runs = m_access.pages(from, length);
            if (runs.size() == 1 && runs[0].length == length
                && runs[0].state == PageState::Untouched) {
                m_kind = Kind::Untouched;
                m_report.untouchedBytes += counted;
                return;
            }
            if (runs.size() == 1 && runs[0].length == length
                && runs[0].state == PageState::Resident) {
                m_kind = Kind::InPlace;
                m_data = m_access.base() + from;
                m_report.bytesScanned += counted;
                return;
            }
        }
        m_kind = Kind::Buffered;
        m_buffer.resize(length);
        const auto read = m_access.read(from, m_buffer.data(), length,
                                        MemoryAccess::Reach::AsNeeded);
        for (const PageRun &run : read.notRead)
            if (run.state == PageState::Unreadable)
                m_unreadable.push_back(run);
        // The read's figures cover `length`, `counted` at most a value's width less.
        const std::uint64_t zeros = std::min(read.zeroBytes, counted);
        const std::uint64_t bad = std::min(read.unreadable, counted - zeros);
        m_report.untouchedBytes += zeros;
        m_report.unreadableBytes += bad;
        m_report.bytesScanned += counted - zeros - bad;
        m_data = m_buffer.data();
    }

    // Where the run of untouched pages holding byte `offset` ends (offset itself when that
    // page is not untouched). Page states are asked for in spans of PageSpan bytes and kept, so
    // that gigabytes of untouched pages cost a few mincore calls, not one per window.
    std::uint64_t untouchedEnd(std::uint64_t offset)
    {
        std::uint64_t end = offset;
        while (end < m_access.size()) {
            const PageRun *run = cachedRun(end);
            if (!run || run->state != PageState::Untouched)
                break;
            end = run->offset + run->length;
        }
        return end;
    }

    // Counts `bytes` of untouched pages that the caller takes as zeros without load().
    void skipUntouched(std::uint64_t bytes) { m_report.untouchedBytes += bytes; }

    Kind kind() const { return m_kind; }
    // The byte at offset m_from (valid unless Untouched).
    const std::byte *data() const { return m_data; }
    std::uint64_t from() const { return m_from; }
    bool hasUnreadable() const { return !m_unreadable.empty(); }
    // Whether the value of `width` bytes at `offset` meets a page that faulted.
    bool unreadable(std::uint64_t offset, unsigned width) const
    {
        for (const PageRun &run : m_unreadable)
            if (offset < run.offset + run.length && run.offset < offset + width)
                return true;
        return false;
    }

private:
    static constexpr std::uint64_t PageSpan = std::uint64_t(256) << 20;

    const PageRun *cachedRun(std::uint64_t offset)
    {
        if (offset < m_spanFrom || offset >= m_spanTo) {
            m_spanFrom = offset;
            m_spanTo = offset + std::min(PageSpan, m_access.size() - offset);
            m_span = m_access.pages(m_spanFrom, m_spanTo - m_spanFrom);
            m_hint = 0;
        }
        // Asked for in increasing offsets: walk on from the last answer.
        if (m_hint >= m_span.size() || m_span[m_hint].offset > offset)
            m_hint = 0;
        while (m_hint < m_span.size() && m_span[m_hint].offset + m_span[m_hint].length <= offset)
            ++m_hint;
        return m_hint < m_span.size() ? &m_span[m_hint] : nullptr;
    }

    const MemoryAccess &m_access;
    ScanReport &m_report;
    std::vector<PageRun> m_span;
    std::uint64_t m_spanFrom = 0;
    std::uint64_t m_spanTo = 0;
    std::size_t m_hint = 0;
    Kind m_kind = Kind::Untouched;
    const std::byte *m_data = nullptr;
    std::uint64_t m_from = 0;
    std::vector<std::byte> m_buffer;
    std::vector<PageRun> m_unreadable;
};

// The end of the offsets at which a whole value fits: values start in [0, end), at multiples
// of the stride.
std::uint64_t valueSlots(std::uint64_t size, const ScanFormat &format)
{
    return size < format.width() ? 0 : size - format.width() + 1;
}

// The values equal to `a` or `b` (their bytes as in memory) among those at 0, stride,
// 2 stride... below n from `data`, as runs of neighbours: first (relative), count, and whether
// they hold `b`.
struct Hit
{
    std::uint64_t first;
    std::uint64_t count;
    bool alternative;
};

inline void addHit(std::vector<Hit> &hits, std::uint64_t at, std::uint64_t stride, bool alternative,
                   std::uint64_t count = 1)
{
    if (!hits.empty()) {
        Hit &last = hits.back();
        if (last.alternative == alternative && last.first + last.count * stride == at) {
            last.count += count;
            return;
        }
    }
    hits.push_back({at, count, alternative});
}

// Blocks of 64 values are compared without branches (the compiler vectorises that loop), and
// only a block with a match is looked at one by one: rare values go at memory speed.
template<typename U>
void findEqual(const std::byte *data, std::uint64_t n, std::uint64_t stride, U a, U b,
               std::vector<Hit> &hits)
{
    constexpr unsigned Block = 64;
    std::uint64_t i = 0;
    const auto one = [&](std::uint64_t at) {
        U x;
        std::memcpy(&x, data + at, sizeof x);
        if (x == a)
            addHit(hits, at, stride, false);
        else if (x == b)
            addHit(hits, at, stride, true);
    };
    const auto load = [&](std::uint64_t at) {
        U x;
        std::memcpy(&x, data + at, sizeof x);
        return x;
    };
    for (; i + Block * stride <= n; i += Block * stride) {
        unsigned any = 0;
        if (stride == sizeof(U)) {
            // Contiguous: a fixed trip count over consecutive values, which vectorises.
            for (unsigned j = 0; j < Block; ++j) {
                const U x = load(i + j * sizeof(U));
                any |= unsigned(x == a) | unsigned(x == b);
            }
            if (!any)
                continue;
            unsigned all = 1;
            for (unsigned j = 0; j < Block; ++j)
                all &= unsigned(load(i + j * sizeof(U)) == a);
            if (all) { // a run of the value (zeros, mostly): one step
                addHit(hits, i, stride, false, Block);
                continue;
            }
        } else {
            for (unsigned j = 0; j < Block; ++j) {
                const U x = load(i + j * stride);
                any |= unsigned(x == a) | unsigned(x == b);
            }
        }
        if (any)
            for (unsigned j = 0; j < Block; ++j)
                one(i + j * stride);
    }
    for (; i < n; i += stride)
        one(i);
}

void findEqualBytes(const std::byte *data, std::uint64_t n, std::uint64_t stride, unsigned width,
                    std::uint64_t a, std::uint64_t b, std::vector<Hit> &hits)
{
    switch (width) {
    case 1:
        if (stride == 1 && a == b) {
            // memchr is vectorised: for bytes one by one, it runs at memory speed.
            const auto key = static_cast<unsigned char>(a);
            for (const std::byte *p = data, *end = data + n;
                 (p = static_cast<const std::byte *>(std::memchr(p, key, std::size_t(end - p))));
                 ++p)
                addHit(hits, std::uint64_t(p - data), 1, false);
            return;
        }
        findEqual<std::uint8_t>(data, n, stride, std::uint8_t(a), std::uint8_t(b), hits);
        return;
    case 2:
        findEqual<std::uint16_t>(data, n, stride, std::uint16_t(a), std::uint16_t(b), hits);
        return;
    case 4:
        findEqual<std::uint32_t>(data, n, stride, std::uint32_t(a), std::uint32_t(b), hits);
        return;
    default:
        findEqual<std::uint64_t>(data, n, stride, a, b, hits);
        return;
    }
}

// The width bytes of `bits` as they lie in memory, read back as a host integer (for memcmp-like
// comparison with memory).
std::uint64_t memoryImage(const ScanFormat &format, ScanBits bits)
{
    std::byte bytes[8] = {};
    storeScanValue(format, bits, bytes);
    std::uint64_t image = 0;
    switch (format.width()) {
    case 1: { std::uint8_t v; std::memcpy(&v, bytes, 1); image = v; break; }
    case 2: { std::uint16_t v; std::memcpy(&v, bytes, 2); image = v; break; }
    case 4: { std::uint32_t v; std::memcpy(&v, bytes, 4); image = v; break; }
    default: std::memcpy(&image, bytes, 8); break;
    }
    return image;
}

// What equals a value in memory: its bytes, and for a float zero those of the other zero too
// (floats compare as numbers).
struct Needle
{
    ScanBits value;
    ScanBits alternative;
    std::uint64_t image;
    std::uint64_t altImage;
};

Needle needleFor(const ScanFormat &format, ScanBits value)
{
    const bool floatZero = scanTypeIsFloat(format.type) && asDouble(format.type, value) == 0;
    const ScanBits signBit = ScanBits(1) << (8 * format.width() - 1);
    const ScanBits alternative = floatZero ? value ^ signBit : value;
    return {value, alternative, memoryImage(format, value), memoryImage(format, alternative)};
}

bool reportProgress(const ScanProgress &progress, std::uint64_t done, std::uint64_t total)
{
    return !progress || progress(done, total);
}

} // namespace

// Appends candidates in offset order, merging neighbours that hold the same value; stops
// growing past MaxRuns (tooMany()).
class ScanBuilder
{
public:
    ScanBuilder(ValueScan &scan, const ScanFormat &format, unsigned scans)
        : m_scan(scan)
        , m_stride(format.stride())
        , m_width(format.width())
    {
        scan.m_format = format;
        scan.m_started = true;
        scan.m_scans = scans;
    }

    void add(std::uint64_t first, std::uint64_t count, ScanBits value)
    {
        if (count == 0)
            return;
        auto &runs = m_scan.m_runs;
        if (!runs.empty()) {
            ScanRun &last = runs.back();
            if (last.value == value && last.first + last.count * m_stride == first) {
                last.count += count;
                m_scan.m_count += count;
                return;
            }
        }
        if (runs.size() >= ValueScan::MaxRuns) {
            m_tooMany = true;
            return;
        }
        runs.push_back({first, count, value});
        m_scan.m_count += count;
    }

    // The same for candidates read in a window (`run` in offsets): those on a page that faulted
    // are left out.
    void addRead(const WindowReader &reader, const ScanRun &run)
    {
        if (!reader.hasUnreadable()) {
            add(run.first, run.count, run.value);
            return;
        }
        for (std::uint64_t i = 0; i < run.count; ++i)
            if (!reader.unreadable(run.first + i * m_stride, m_width))
                add(run.first + i * m_stride, 1, run.value);
    }

    bool tooMany() const { return m_tooMany; }

private:
    ValueScan &m_scan;
    std::uint64_t m_stride;
    unsigned m_width;
    bool m_tooMany = false;
};

namespace {

// After each window: the refusal past MaxRuns, or the cancelled outcome when `progress` says
// stop; nothing to go on.
std::optional<Result<ValueScan::Outcome>> afterWindow(const ScanBuilder &builder,
                                                      const ScanProgress &progress,
                                                      std::uint64_t done, std::uint64_t total,
                                                      const ValueScan::Outcome &out)
{
    if (builder.tooMany())
        return Result<ValueScan::Outcome>(tooManyError());
    if (reportProgress(progress, done, total))
        return std::nullopt;
    ValueScan::Outcome cancelled{ValueScan(), out.report};
    cancelled.report.cancelled = true;
    return Result<ValueScan::Outcome>(std::move(cancelled));
}

} // namespace

unsigned scanTypeWidth(ScanType type)
{
    return info(type).width;
}

const char *scanTypeName(ScanType type)
{
    return info(type).name;
}

bool scanTypeIsFloat(ScanType type)
{
    return info(type).isFloat;
}

namespace {

Error rangeError(std::string_view text, ScanType type, const std::string &min,
                 const std::string &max)
{
    std::string typed(text);
    typed.erase(0, typed.find_first_not_of(" \t\n"));
    typed.erase(typed.find_last_not_of(" \t\n") + 1);
    return inputError("parse value", typed,
                      Text(QT_TRANSLATE_NOOP("shm", "The value %1 is out of range for %2: it "
                                                    "must be from %3 to %4."),
                           {value(typed.substr(0, 64)), value(std::string(scanTypeName(type))),
                            value(min), value(max)}));
}

} // namespace

Result<ScanBits> parseScanValue(ScanType type, std::string_view text)
{
    const TypeInfo &t = info(type);
    if (type == ScanType::Float32) {
        auto f = parseFloat32(text);
        if (!f)
            return f.error();
        return ScanBits(std::bit_cast<std::uint32_t>(*f));
    }
    if (type == ScanType::Float64) {
        auto d = parseDouble(text);
        if (!d)
            return d.error();
        return std::bit_cast<ScanBits>(*d);
    }
    const unsigned bits = 8 * t.width;
    const ScanBits mask = bits == 64 ? ~ScanBits(0) : (ScanBits(1) << bits) - 1;
    if (t.isSigned) {
        auto v = parseInteger(text, std::numeric_limits<std::int64_t>::min(),
                              std::numeric_limits<std::int64_t>::max());
        if (!v)
            return v.error();
        const std::int64_t max = std::int64_t(mask >> 1);
        if (*v > max || *v < -max - 1)
            return rangeError(text, type, std::to_string(-max - 1), std::to_string(max));
        return ScanBits(*v) & mask;
    }
    const std::string_view trimmed = text.substr(std::min(text.size(), text.find_first_not_of(" \t\n")));
    if (!trimmed.empty() && trimmed.front() == '-') {
        // "-1" for a uint8 is out of its range, not "not a number".
        auto v = parseInteger(text, std::numeric_limits<std::int64_t>::min(),
                              std::numeric_limits<std::int64_t>::max());
        if (!v)
            return v.error();
        if (*v < 0)
            return rangeError(text, type, "0", std::to_string(mask));
        return ScanBits(0);
    }
    auto v = parseUnsigned(text, std::numeric_limits<std::uint64_t>::max());
    if (!v)
        return v.error();
    if (*v > mask)
        return rangeError(text, type, "0", std::to_string(mask));
    return ScanBits(*v);
}

std::string formatScanValue(ScanType type, ScanBits bits)
{
    const TypeInfo &t = info(type);
    if (t.isFloat) {
        char buffer[64];
        const auto end = type == ScanType::Float32
            ? std::to_chars(buffer, buffer + sizeof buffer, std::bit_cast<float>(std::uint32_t(bits)))
            : std::to_chars(buffer, buffer + sizeof buffer, std::bit_cast<double>(bits));
        return std::string(buffer, end.ptr);
    }
    if (t.isSigned)
        return std::to_string(asSigned(type, bits));
    return std::to_string(bits);
}

ScanBits loadScanValue(const ScanFormat &format, const std::byte *bytes)
{
    const unsigned width = format.width();
    ScanBits bits = 0;
    for (unsigned i = 0; i < width; ++i) {
        const unsigned at = format.order == ScanOrder::Little ? i : width - 1 - i;
        bits |= ScanBits(std::to_integer<unsigned>(bytes[at])) << (8 * i);
    }
    return bits;
}

void storeScanValue(const ScanFormat &format, ScanBits bits, std::byte *bytes)
{
    const unsigned width = format.width();
    for (unsigned i = 0; i < width; ++i) {
        const unsigned at = format.order == ScanOrder::Little ? i : width - 1 - i;
        bytes[at] = std::byte((bits >> (8 * i)) & 0xff);
    }
}

Result<ValueScan::Outcome> ValueScan::first(const MemoryAccess &access, const ScanFormat &format,
                                            ScanBits value, const ScanProgress &progress)
{
    if (!validFormat(format))
        return formatError(format);
    if (isNan(format.type, value))
        return nanError();
    Outcome out;
    ScanBuilder builder(out.scan, format, 1);
    const unsigned width = format.width();
    const std::uint64_t stride = format.stride();
    const std::uint64_t slots = valueSlots(access.size(), format);

    const Needle needle = needleFor(format, value);
    // Untouched pages hold zeros: they match when the value is 0 (+0 for floats).
    const bool zeroMatches = value == 0 || needle.alternative == 0;

    WindowReader reader(access, out.report);
    std::vector<Hit> hits;
    for (std::uint64_t w0 = 0; w0 < slots;) {
        std::uint64_t w1 = std::min(w0 + Window, slots);
        // Values lying wholly in untouched pages are zeros: the whole stretch in one step.
        const std::uint64_t zeroEnd = reader.untouchedEnd(w0);
        const bool untouched = zeroEnd >= w0 + width;
        if (untouched)
            w1 = std::min(slots, zeroEnd - width + 1);
        const std::uint64_t bytes = w1 - 1 + width - w0;
        const std::uint64_t slotsHere = (w1 - w0 + stride - 1) / stride;
        const std::uint64_t next = std::min(slots, (w1 + stride - 1) / stride * stride);
        if (untouched)
            reader.skipUntouched(next - w0);
        else
            reader.load(w0, bytes, next - w0);
        hits.clear();
        if (untouched || reader.kind() == WindowReader::Kind::Untouched) {
            if (zeroMatches)
                builder.add(w0, slotsHere, 0);
        } else {
            bool scanned = false;
            if (reader.kind() == WindowReader::Kind::InPlace) {
                // Only the loads from the mapping can fault, never inside push_back: the jump
                // leaves `hits` whole, and the window is then read again through a copy.
                scanned = guarded([&] {
                    findEqualBytes(reader.data(), w1 - w0, stride, width, needle.image,
                                   needle.altImage, hits);
                });
                if (!scanned) {
                    hits.clear();
                    reader.load(w0, bytes, 0, true);
                }
            }
            if (!scanned)
                findEqualBytes(reader.data(), w1 - w0, stride, width, needle.image,
                                   needle.altImage, hits);
            for (const Hit &hit : hits)
                builder.addRead(reader, {w0 + hit.first, hit.count,
                                         hit.alternative ? needle.alternative : needle.value});
        }
        if (auto stop = afterWindow(builder, progress, w1, slots, out))
            return std::move(*stop);
        w0 = next; // the next aligned offset
    }
    return out;
}

Result<ValueScan::Outcome> ValueScan::narrow(const MemoryAccess &access, ScanNarrow how,
                                             ScanBits value, const ScanProgress &progress) const
{
    if (!m_started)
        return inputError("value scan", "narrow",
                          Text(QT_TRANSLATE_NOOP("shm", "Make a first scan before narrowing "
                                                        "it.")),
                          ErrorKind::InvalidState);
    if (how == ScanNarrow::Equals && isNan(m_format.type, value))
        return nanError();
    Outcome out;
    ScanBuilder builder(out.scan, m_format, m_scans + 1);
    const unsigned width = m_format.width();
    const std::uint64_t stride = m_format.stride();
    const std::uint64_t slots = valueSlots(access.size(), m_format);
    const ScanType type = m_format.type;

    // The candidates of one window: run `run`, its positions k in [from, to).
    struct Piece
    {
        std::size_t run;
        std::uint64_t from, to;
    };
    std::vector<Piece> pieces;
    std::vector<Hit> hits;
    std::vector<ScanRun> kept; // offsets, not positions in a run
    const Needle needle = needleFor(m_format, value);
    WindowReader reader(access, out.report);
    std::size_t run = 0;
    std::uint64_t k = 0;
    while (run < m_runs.size()) {
        const std::uint64_t first = m_runs[run].first + k * stride;
        if (first >= slots)
            break; // the segment is smaller than when the candidates were found
        const std::uint64_t w0 = first / Window * Window;
        std::uint64_t w1 = std::min(w0 + Window, slots);
        // Values lying wholly in untouched pages are zeros: the whole stretch in one step.
        const std::uint64_t zeroEnd = reader.untouchedEnd(first);
        const bool untouched = zeroEnd >= first + width;
        if (untouched)
            w1 = std::min(slots, zeroEnd - width + 1);
        // The pieces of runs in this window.
        pieces.clear();
        std::uint64_t last = first;
        while (run < m_runs.size()) {
            const ScanRun &r = m_runs[run];
            const std::uint64_t at = r.first + k * stride;
            if (at >= w1)
                break;
            const std::uint64_t fit = (w1 - at + stride - 1) / stride; // positions below w1
            const std::uint64_t take = std::min(r.count - k, fit);
            pieces.push_back({run, k, k + take});
            last = at + (take - 1) * stride;
            k += take;
            if (k == r.count) {
                ++run;
                k = 0;
            }
        }
        const std::uint64_t bytes = last + width - first;
        if (untouched)
            reader.skipUntouched(bytes);
        else
            reader.load(first, bytes, bytes);

        if (untouched || reader.kind() == WindowReader::Kind::Untouched) {
            for (const Piece &piece : pieces) {
                const ScanRun &r = m_runs[piece.run];
                if (keeps(type, how, r.value, 0, value))
                    builder.add(r.first + piece.from * stride, piece.to - piece.from, 0);
            }
        } else {
            // Per piece (one run's candidates, one previous value), the candidates equal to a
            // value are found as runs at memory speed (findEqual); only the others are looked
            // at one by one. Equals: equal to the value; the others: equal to the previous
            // value, which Unchanged keeps and Changed/Increased/Decreased skip.
            const auto evaluate = [&] {
                kept.clear();
                for (const Piece &piece : pieces) {
                    const ScanRun &r = m_runs[piece.run];
                    const std::uint64_t start = r.first + piece.from * stride;
                    const std::byte *base = reader.data() + (start - reader.from());
                    const std::uint64_t span = (piece.to - piece.from - 1) * stride + 1;
                    hits.clear();
                    if (how == ScanNarrow::Equals) {
                        findEqualBytes(base, span, stride, width, needle.image, needle.altImage,
                                       hits);
                        for (const Hit &hit : hits)
                            kept.push_back({start + hit.first, hit.count,
                                            hit.alternative ? needle.alternative : needle.value});
                        continue;
                    }
                    const std::uint64_t same = memoryImage(m_format, r.value);
                    findEqualBytes(base, span, stride, width, same, same, hits);
                    if (how == ScanNarrow::Unchanged) {
                        for (const Hit &hit : hits)
                            kept.push_back({start + hit.first, hit.count, r.value});
                        continue;
                    }
                    std::uint64_t at = 0; // relative, in bytes
                    const auto between = [&](std::uint64_t to) {
                        for (; at < to; at += stride) {
                            const ScanBits now = loadScanValue(m_format, base + at);
                            if (keeps(type, how, r.value, now, value))
                                kept.push_back({start + at, 1, now});
                        }
                    };
                    for (const Hit &hit : hits) {
                        between(hit.first);
                        at = hit.first + hit.count * stride;
                    }
                    between(span);
                }
            };
            bool evaluated = false;
            if (reader.kind() == WindowReader::Kind::InPlace) {
                // As in first(): only the loads can fault, and the vectors stay whole.
                evaluated = guarded([&] { evaluate(); });
                if (!evaluated)
                    reader.load(first, bytes, 0, true);
            }
            if (!evaluated)
                evaluate();
            for (const ScanRun &keep : kept)
                builder.addRead(reader, keep);
        }
        if (auto stop = afterWindow(builder, progress, w1, slots, out))
            return std::move(*stop);
    }
    return out;
}

} // namespace shm
