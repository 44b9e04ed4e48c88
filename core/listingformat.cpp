#include "listingformat.h"

#include "inventorylisting.h"
#include "namecache.h"
#include "orphans.h"
#include "queues.h"
#include "segmentlist.h"
#include "semaphores.h"

#include <algorithm>
#include <charconv>
#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <string_view>
#include <utility>

namespace shm {

namespace {

void appendJsonString(std::string &out, const std::string &text)
{
    out += '"';
    for (char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c));
                out += buffer;
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

// Numbers by std::to_chars: snprintf's format parsing was a fifth of `--list --json`'s time.
template<typename T>
void appendNumber(std::string &out, T value)
{
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, result.ptr);
}

// `value` in `base` with at least `width` digits (zero-padded), as printf's %0*x and %0*o.
void appendPadded(std::string &out, std::uint32_t value, int base, std::size_t width)
{
    char buffer[16];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, base);
    const auto digits = static_cast<std::size_t>(result.ptr - buffer);
    if (digits < width)
        out.append(width - digits, '0');
    out.append(buffer, result.ptr);
}

void appendTime(std::string &out, std::int64_t seconds)
{
    if (seconds == 0) {
        out += "null";
        return;
    }
    out += '"';
    out += isoUtc(seconds);
    out += '"';
}

} // namespace

namespace {

// `seconds` as "2026-11-26T15:14:05Z" at `at` (at most 40 characters); returns the end.
char *writeIsoUtc(char *at, std::int64_t seconds)
{
    std::tm tm{};
    // Years 1970 to 9999 by arithmetic (days to civil date, H. Hinnant's algorithm): gmtime_r
    // takes glibc's time zone lock each call, three calls a segment.
    constexpr std::int64_t Year10000 = 253402300800;
    if (seconds > 0 && seconds < Year10000) {
        const std::int64_t days = seconds / 86400, rest = seconds % 86400;
        const std::int64_t z = days + 719468, era = z / 146097, doe = z - era * 146097;
        const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        const std::int64_t mp = (5 * doy + 2) / 153;
        const std::int64_t month = mp < 10 ? mp + 3 : mp - 9;
        tm.tm_year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0) - 1900);
        tm.tm_mon = static_cast<int>(month - 1);
        tm.tm_mday = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
        tm.tm_hour = static_cast<int>(rest / 3600);
        tm.tm_min = static_cast<int>(rest % 3600 / 60);
        tm.tm_sec = static_cast<int>(rest % 60);
    } else {
        std::time_t t = static_cast<std::time_t>(seconds);
        if (!gmtime_r(&t, &tm))
            return std::to_chars(at, at + 24, seconds).ptr;
    }
    // %Y-%m-%dT%H:%M:%SZ, without strftime's locale machinery.
    at = std::to_chars(at, at + 24, static_cast<long long>(tm.tm_year) + 1900).ptr;
    for (auto [separator, field] : {std::pair{'-', tm.tm_mon + 1}, std::pair{'-', tm.tm_mday},
                                    std::pair{'T', tm.tm_hour}, std::pair{':', tm.tm_min},
                                    std::pair{':', tm.tm_sec}}) {
        *at++ = separator;
        *at++ = static_cast<char>('0' + field / 10);
        *at++ = static_cast<char>('0' + field % 10);
    }
    *at++ = 'Z';
    return at;
}

} // namespace

std::string isoUtc(std::int64_t seconds)
{
    if (seconds == 0)
        return {};
    char buffer[48];
    return std::string(buffer, writeIsoUtc(buffer, seconds));
}

namespace {

// Plain stores into a buffer large enough for what is written (the caller's promise: a
// segment's fixed fields take at most 400 bytes, its times 150).
class BufferWriter
{
public:
    explicit BufferWriter(char *buffer) : m_begin(buffer), m_at(buffer) {}
    std::size_t size() const { return static_cast<std::size_t>(m_at - m_begin); }
    void put(std::string_view text)
    {
        std::memcpy(m_at, text.data(), text.size());
        m_at += text.size();
    }
    template<typename T>
    void number(T value)
    {
        m_at = std::to_chars(m_at, m_at + 24, value).ptr;
    }
    void padded(std::uint32_t value, int base, std::size_t width)
    {
        char digits[16];
        const char *end = std::to_chars(digits, digits + sizeof digits, value, base).ptr;
        const auto count = static_cast<std::size_t>(end - digits);
        for (std::size_t i = count; i < width; ++i)
            *m_at++ = '0';
        put(std::string_view(digits, count));
    }
    // null, or the time as isoUtc writes it, quoted.
    void time(std::int64_t seconds)
    {
        if (seconds == 0) {
            put("null");
            return;
        }
        *m_at++ = '"';
        m_at = writeIsoUtc(m_at, seconds);
        *m_at++ = '"';
    }

private:
    char *m_begin;
    char *m_at;
};

// `extra(out, segment)` appends the fields of a wider listing (--attachers, --orphans) before
// each object's closing brace.
// The entries of segments [begin, end) of the "segments" array; `first` says whether one was
// written before (then a comma comes first), and is updated.
template<typename Extra>
void appendSegmentEntries(std::string &out, const SegmentInfo *begin, const SegmentInfo *end,
                          bool &first, NameCache &names, Extra extra)
{
    // Each entry is written into a buffer on the stack by plain stores and appended at once:
    // string appends piece by piece were most of the time of --list --json.
    char buffer[512];
    std::string owner, group; // the last names, as JSON strings
    uid_t ownerUid = 0;
    gid_t groupGid = 0;
    bool namesKnown = false;
    for (const SegmentInfo *it = begin; it != end; ++it) {
        const SegmentInfo &s = *it;
        if (!namesKnown || s.uid != ownerUid || s.gid != groupGid) {
            owner.clear();
            group.clear();
            appendJsonString(owner, names.userName(s.uid));
            appendJsonString(group, names.groupName(s.gid));
            ownerUid = s.uid;
            groupGid = s.gid;
            namesKnown = true;
        }
        BufferWriter w(buffer);
        w.put(first ? std::string_view("\n  {\"key\": \"0x") : std::string_view(",\n  {\"key\": \"0x"));
        first = false;
        w.padded(static_cast<std::uint32_t>(s.key), 16, 8);
        w.put("\", \"shmid\": ");
        w.number(s.shmid);
        w.put(", \"size\": ");
        w.number(s.size);
        w.put(", \"nattch\": ");
        w.number(s.nattch);
        w.put(", \"uid\": ");
        w.number(static_cast<unsigned>(s.uid));
        w.put(", \"gid\": ");
        w.number(static_cast<unsigned>(s.gid));
        w.put(", \"cuid\": ");
        w.number(static_cast<unsigned>(s.cuid));
        w.put(", \"cgid\": ");
        w.number(static_cast<unsigned>(s.cgid));
        w.put(", \"cpid\": ");
        w.number(static_cast<int>(s.cpid));
        w.put(", \"lpid\": ");
        w.number(static_cast<int>(s.lpid));
        w.put(", \"rss\": ");
        w.number(s.rss);
        w.put(", \"swap\": ");
        w.number(s.swap);
        w.put(", \"perms\": \"");
        w.padded(s.perms(), 8, 4);
        w.put("\", \"status\": [");
        if (s.isMarkedForDestruction())
            w.put(s.isLocked() ? std::string_view("\"dest\", \"locked\"") : std::string_view("\"dest\""));
        else if (s.isLocked())
            w.put("\"locked\"");
        w.put("], \"owner\": ");
        out.append(buffer, w.size());
        out += owner;
        out += ", \"group\": ";
        out += group;
        BufferWriter times(buffer);
        times.put(", \"atime\": ");
        times.time(s.atime);
        times.put(", \"dtime\": ");
        times.time(s.dtime);
        times.put(", \"ctime\": ");
        times.time(s.ctime);
        out.append(buffer, times.size());
        extra(out, s);
        out += '}';
    }
}

template<typename Extra>
void appendSegments(std::string &out, const std::vector<SegmentInfo> &segments, NameCache &names,
                    Extra extra)
{
    out += "{\"segments\": [";
    bool first = true;
    appendSegmentEntries(out, segments.data(), segments.data() + segments.size(), first, names,
                         extra);
    out += segments.empty() ? "]" : "\n]";
}

void appendSegments(std::string &out, const std::vector<SegmentInfo> &segments, NameCache &names)
{
    appendSegments(out, segments, names, [](std::string &, const SegmentInfo &) {});
}

// `, "name": ` then the array of `count` numbers given by `at`; null when `known` is false.
template<typename At>
void appendArray(std::string &out, const char *name, bool known, std::size_t count, At at)
{
    out += ", \"";
    out += name;
    out += "\": ";
    if (!known) {
        out += "null";
        return;
    }
    out += '[';
    for (std::size_t i = 0; i < count; ++i) {
        if (i > 0)
            out += ", ";
        appendNumber(out, at(i));
    }
    out += ']';
}

// `, "name": 42`
template<typename T>
void appendNumberField(std::string &out, const char *name, T value)
{
    out += ", \"";
    out += name;
    out += "\": ";
    appendNumber(out, value);
}

// `, "owner": "alice", "group": "staff"` (or the numbers, as strings, of ids without a name).
void appendOwnerNames(std::string &out, uid_t uid, gid_t gid, NameCache &names)
{
    out += ", \"owner\": ";
    appendJsonString(out, names.userName(uid));
    out += ", \"group\": ";
    appendJsonString(out, names.groupName(gid));
}

void appendTimeField(std::string &out, const char *name, std::int64_t seconds)
{
    out += ", \"";
    out += name;
    out += "\": ";
    appendTime(out, seconds);
}

void appendKeyAndId(std::string &out, std::int32_t key, const char *idName, int id, unsigned mode)
{
    out += "{\"key\": \"0x";
    appendPadded(out, static_cast<std::uint32_t>(key), 16, 8);
    out += "\", \"";
    out += idName;
    out += "\": ";
    appendNumber(out, id);
    out += ", \"perms\": \"";
    appendPadded(out, mode & 0777, 8, 4);
    out += '"';
}

// The "semaphores" array; `opens`: it opens the object (--semaphores), else it follows another.
void appendSemaphores(std::string &out, const std::vector<SemaphoreSetInfo> &sets, NameCache &names,
                      bool opens = false)
{
    out += opens ? "{\"semaphores\": [" : ",\n\"semaphores\": [";
    const auto number = [&out](const char *name, auto value) { appendNumberField(out, name, value); };
    bool first = true;
    for (const SemaphoreSetInfo &s : sets) {
        out += first ? "\n  " : ",\n  ";
        first = false;
        appendKeyAndId(out, s.key, "semid", s.semid, s.mode);
        number("nsems", s.nsems);
        number("uid", static_cast<unsigned>(s.uid));
        number("gid", static_cast<unsigned>(s.gid));
        number("cuid", static_cast<unsigned>(s.cuid));
        number("cgid", static_cast<unsigned>(s.cgid));
        appendOwnerNames(out, s.uid, s.gid, names);
        appendTimeField(out, "otime", s.otime);
        appendTimeField(out, "ctime", s.ctime);
        const bool known = s.valuesErrno == 0 && s.semaphores.size() == s.nsems;
        const auto &sems = s.semaphores;
        appendArray(out, "values", known, sems.size(), [&](std::size_t i) { return sems[i].value; });
        appendArray(out, "pids", known, sems.size(),
                    [&](std::size_t i) { return static_cast<int>(sems[i].pid); });
        appendArray(out, "ncnt", known, sems.size(), [&](std::size_t i) { return sems[i].ncnt; });
        appendArray(out, "zcnt", known, sems.size(), [&](std::size_t i) { return sems[i].zcnt; });
        out += '}';
    }
    out += sets.empty() ? "]" : "\n]";
}

void appendQueues(std::string &out, const std::vector<QueueInfo> &queues, NameCache &names,
                  bool opens = false)
{
    out += opens ? "{\"queues\": [" : ",\n\"queues\": [";
    const auto number = [&out](const char *name, auto value) { appendNumberField(out, name, value); };
    bool first = true;
    for (const QueueInfo &q : queues) {
        out += first ? "\n  " : ",\n  ";
        first = false;
        appendKeyAndId(out, q.key, "msqid", q.msqid, q.mode);
        number("cbytes", q.cbytes);
        number("qnum", q.qnum);
        if (q.qbytesKnown)
            number("qbytes", q.qbytes);
        else
            out += ", \"qbytes\": null";
        number("lspid", static_cast<int>(q.lspid));
        number("lrpid", static_cast<int>(q.lrpid));
        number("uid", static_cast<unsigned>(q.uid));
        number("gid", static_cast<unsigned>(q.gid));
        number("cuid", static_cast<unsigned>(q.cuid));
        number("cgid", static_cast<unsigned>(q.cgid));
        appendOwnerNames(out, q.uid, q.gid, names);
        appendTimeField(out, "stime", q.stime);
        appendTimeField(out, "rtime", q.rtime);
        appendTimeField(out, "ctime", q.ctime);
        out += '}';
    }
    out += queues.empty() ? "]" : "\n]";
}

} // namespace

std::string formatJson(const std::vector<SegmentInfo> &segments, NameCache &names)
{
    std::string out;
    out.reserve(64 + segments.size() * 420);
    appendSegments(out, segments, names);
    out += "}\n";
    return out;
}

std::string formatJsonAll(const std::vector<SegmentInfo> &segments,
                          const std::vector<SemaphoreSetInfo> &sets,
                          const std::vector<QueueInfo> &queues, NameCache &names)
{
    std::string out;
    out.reserve(64 + segments.size() * 420 + sets.size() * 330 + queues.size() * 360);
    appendSegments(out, segments, names);
    appendSemaphores(out, sets, names);
    appendQueues(out, queues, names);
    out += "}\n";
    return out;
}

namespace {

template<typename Extra>
std::string formatTable(const std::vector<SegmentInfo> &segments, NameCache &names, Extra extra)
{
    std::string out;
    out.reserve(128 + segments.size() * 90);
    char buffer[256];
    std::snprintf(buffer, sizeof buffer, "%-10s %-10s %-10s %-10s %-12s %-6s %s\n", "key",
                  "shmid", "owner", "perms", "bytes", "nattch", "status");
    out += buffer;
    for (const SegmentInfo &s : segments) {
        const char *status = s.isMarkedForDestruction() ? (s.isLocked() ? "dest locked" : "dest")
                                                        : (s.isLocked() ? "locked" : "");
        std::snprintf(buffer, sizeof buffer, "0x%08x %-10d %-10s %-10s %-12" PRIu64 " %-6" PRIu64
                      " %s\n",
                      static_cast<std::uint32_t>(s.key), s.shmid, names.userName(s.uid).c_str(),
                      octalPerms(s.mode).c_str(), s.size, s.nattch, status);
        out += buffer;
        extra(out, s);
    }
    return out;
}

} // namespace

std::string formatTable(const std::vector<SegmentInfo> &segments, NameCache &names)
{
    return formatTable(segments, names, [](std::string &, const SegmentInfo &) {});
}

namespace {

// The columns the semaphore and queue tables start with: key, id, owner, perms.
void appendRowStart(std::string &out, std::int32_t key, int id, const std::string &owner,
                    unsigned mode)
{
    char buffer[128];
    std::snprintf(buffer, sizeof buffer, "0x%08x %-10d %-10s %-10s ",
                  static_cast<std::uint32_t>(key), id, owner.c_str(), octalPerms(mode).c_str());
    out += buffer;
}

} // namespace

std::string formatSemaphoreTable(const std::vector<SemaphoreSetInfo> &sets, NameCache &names)
{
    std::string out;
    out.reserve(128 + sets.size() * 80);
    char buffer[256];
    std::snprintf(buffer, sizeof buffer, "%-10s %-10s %-10s %-10s %-6s %s\n", "key", "semid",
                  "owner", "perms", "nsems", "values");
    out += buffer;
    for (const SemaphoreSetInfo &s : sets) {
        appendRowStart(out, s.key, s.semid, names.userName(s.uid), s.mode);
        std::snprintf(buffer, sizeof buffer, "%-6u ", s.nsems);
        out += buffer;
        if (s.valuesErrno != 0)
            out += '?';
        for (std::size_t i = 0; i < s.semaphores.size(); ++i) {
            if (i > 0)
                out += ' ';
            appendNumber(out, s.semaphores[i].value);
        }
        out += '\n';
    }
    return out;
}

std::string formatQueueTable(const std::vector<QueueInfo> &queues, NameCache &names)
{
    std::string out;
    out.reserve(128 + queues.size() * 80);
    char buffer[256];
    std::snprintf(buffer, sizeof buffer, "%-10s %-10s %-10s %-10s %-12s %s\n", "key", "msqid",
                  "owner", "perms", "used-bytes", "messages");
    out += buffer;
    for (const QueueInfo &q : queues) {
        appendRowStart(out, q.key, q.msqid, names.userName(q.uid), q.mode);
        std::snprintf(buffer, sizeof buffer, "%-12" PRIu64 " %" PRIu64 "\n", q.cbytes, q.qnum);
        out += buffer;
    }
    return out;
}

namespace {

// `, "attachers": [{"pid": N, "command": "...", "access": "read-only", "via": "map"}, ...]`
void appendHolders(std::string &out, const std::vector<Holder> &holders)
{
    out += ", \"attachers\": [";
    bool first = true;
    for (const Holder &h : holders) {
        out += first ? "" : ", ";
        first = false;
        out += "{\"pid\": ";
        appendNumber(out, static_cast<int>(h.pid));
        out += ", \"command\": ";
        appendJsonString(out, h.command);
        out += h.writable ? ", \"access\": \"read-write\"" : ", \"access\": \"read-only\"";
        if (h.via == HolderVia::Fd) {
            out += ", \"via\": \"fd\", \"fd\": ";
            appendNumber(out, h.fd);
        } else {
            out += ", \"via\": \"map\"";
        }
        out += '}';
    }
    out += ']';
}

void appendPosix(std::string &out, const InventoryListing &listing, NameCache &names)
{
    out += ",\n\"posix\": [";
    bool first = true;
    for (const PosixObject &p : listing.posix) {
        out += first ? "\n  " : ",\n  ";
        first = false;
        out += "{\"name\": ";
        appendJsonString(out, p.name);
        appendNumberField(out, "size", p.size);
        out += ", \"perms\": \"";
        appendPadded(out, p.mode & 07777, 8, 4);
        out += '"';
        appendNumberField(out, "uid", static_cast<unsigned>(p.uid));
        appendNumberField(out, "gid", static_cast<unsigned>(p.gid));
        appendOwnerNames(out, p.uid, p.gid, names);
        appendTimeField(out, "mtime", p.mtime);
        appendTimeField(out, "ctime", p.ctime);
        appendNumberField(out, "resident", p.allocated);
        appendNumberField(out, "inode", static_cast<std::uint64_t>(p.inode));
        if (listing.options.orphans)
            appendNumberField(out, "age", posixObjectAge(p, listing.now));
        if (listing.options.attachers)
            appendHolders(out, posixHolders(listing, p));
        out += '}';
    }
    out += listing.posix.empty() ? "]" : "\n]";
}

void appendMemfds(std::string &out, const InventoryListing &listing)
{
    out += ",\n\"memfd\": [";
    bool first = true;
    for (const MemfdObject &m : listing.memfds) {
        out += first ? "\n  " : ",\n  ";
        first = false;
        out += "{\"name\": ";
        appendJsonString(out, m.name);
        appendNumberField(out, "inode", static_cast<std::uint64_t>(m.id.inode));
        if (m.size)
            appendNumberField(out, "size", *m.size);
        else
            out += ", \"size\": null";
        out += ", \"seals\": ";
        if (m.seals) {
            out += '[';
            bool firstSeal = true;
            for (const std::string &seal : sealNames(*m.seals)) {
                out += firstSeal ? "\"" : ", \"";
                firstSeal = false;
                out += seal;
                out += '"';
            }
            out += ']';
        } else {
            out += "null";
        }
        if (listing.options.attachers)
            appendHolders(out, m.holders);
        out += '}';
    }
    out += listing.memfds.empty() ? "]" : "\n]";
}

void appendHolderLines(std::string &out, const std::vector<Holder> &holders)
{
    char buffer[96];
    for (const Holder &h : holders) {
        if (h.via == HolderVia::Fd)
            std::snprintf(buffer, sizeof buffer, "    pid %-8d %-10s fd %-6d ", int(h.pid),
                          h.writable ? "read-write" : "read-only", h.fd);
        else
            std::snprintf(buffer, sizeof buffer, "    pid %-8d %-10s map       ", int(h.pid),
                          h.writable ? "read-write" : "read-only");
        out += buffer;
        out += h.command;
        out += '\n';
    }
}

void appendAgeLine(std::string &out, std::int64_t seconds)
{
    out += "    unused for ";
    appendNumber(out, seconds);
    out += " s\n";
}

} // namespace

std::string formatInventoryJson(const InventoryListing &listing, NameCache &names)
{
    const InventoryOptions &options = listing.options;
    std::string out;
    if (options.kindsOnly()) { // --semaphores, --queues: the same objects as --all's
        out.reserve(64 + listing.sets.size() * 330 + listing.queues.size() * 360);
        if (options.semaphores)
            appendSemaphores(out, listing.sets, names, true);
        if (options.queues)
            appendQueues(out, listing.queues, names, !options.semaphores);
        out += "}\n";
        return out;
    }
    out.reserve(64 + listing.segments.size() * 480 + listing.sets.size() * 330
                + listing.queues.size() * 360 + listing.posix.size() * 300
                + listing.memfds.size() * 120);
    appendSegments(out, listing.segments, names, [&](std::string &o, const SegmentInfo &s) {
        if (options.orphans)
            appendNumberField(o, "age", segmentAge(s, listing.now));
        if (options.attachers)
            appendHolders(o, segmentHolders(listing, s));
    });
    if (options.all) {
        appendSemaphores(out, listing.sets, names);
        appendQueues(out, listing.queues, names);
        appendPosix(out, listing, names);
        appendMemfds(out, listing);
    }
    out += "}\n";
    return out;
}

std::string formatInventoryTable(const InventoryListing &listing, NameCache &names)
{
    const InventoryOptions &options = listing.options;
    if (options.kindsOnly()) { // --semaphores, --queues: --all's sections of those kinds
        std::string out;
        if (options.semaphores)
            out += "Semaphore sets:\n" + formatSemaphoreTable(listing.sets, names);
        if (options.queues)
            out += std::string(options.semaphores ? "\n" : "") + "Message queues:\n"
                + formatQueueTable(listing.queues, names);
        return out;
    }
    std::string segments = formatTable(listing.segments, names,
                                       [&](std::string &o, const SegmentInfo &s) {
                                           if (options.orphans)
                                               appendAgeLine(o, segmentAge(s, listing.now));
                                           if (options.attachers)
                                               appendHolderLines(o, segmentHolders(listing, s));
                                       });
    if (!options.all)
        return segments;
    std::string out = "Shared memory segments:\n" + segments + "\nSemaphore sets:\n"
        + formatSemaphoreTable(listing.sets, names) + "\nMessage queues:\n"
        + formatQueueTable(listing.queues, names) + "\nPOSIX shared memory objects:\n";
    char buffer[512];
    std::snprintf(buffer, sizeof buffer, "%-24s %-10s %-10s %-12s %s\n", "name", "owner", "perms",
                  "bytes", "resident");
    out += buffer;
    for (const PosixObject &p : listing.posix) {
        std::snprintf(buffer, sizeof buffer, "%-24s %-10s %-10s %-12" PRIu64 " %" PRIu64 "\n",
                      p.name.c_str(), names.userName(p.uid).c_str(), octalPerms(p.mode).c_str(),
                      p.size, p.allocated);
        out += buffer;
        if (options.orphans)
            appendAgeLine(out, posixObjectAge(p, listing.now));
        if (options.attachers)
            appendHolderLines(out, posixHolders(listing, p));
    }
    out += "\nmemfd objects:\n";
    std::snprintf(buffer, sizeof buffer, "%-24s %-10s %-12s %s\n", "name", "inode", "bytes",
                  "seals");
    out += buffer;
    for (const MemfdObject &m : listing.memfds) {
        std::string seals;
        if (!m.seals)
            seals = "?";
        for (const std::string &seal : m.seals ? sealNames(*m.seals) : std::vector<std::string>())
            seals += (seals.empty() ? "" : ",") + seal;
        std::snprintf(buffer, sizeof buffer, "%-24s %-10llu %-12s %s\n", m.name.c_str(),
                      static_cast<unsigned long long>(m.id.inode),
                      m.size ? std::to_string(*m.size).c_str() : "?", seals.c_str());
        out += buffer;
        if (options.attachers)
            appendHolderLines(out, m.holders);
    }
    return out;
}

std::string formatNamespacesJson(const std::vector<IpcNamespace> &namespaces)
{
    std::string out = "{\"namespaces\": [";
    bool first = true;
    for (const IpcNamespace &ns : namespaces) {
        out += first ? "\n  " : ",\n  ";
        first = false;
        out += "{\"inode\": ";
        appendNumber(out, static_cast<std::uint64_t>(ns.id.inode));
        appendNumberField(out, "processes", ns.processes);
        appendNumberField(out, "pid", static_cast<int>(ns.pid));
        out += ", \"command\": ";
        appendJsonString(out, ns.command);
        out += ", \"container\": ";
        if (ns.container)
            appendJsonString(out, *ns.container);
        else
            out += "null";
        out += '}';
    }
    out += namespaces.empty() ? "]}\n" : "\n]}\n";
    return out;
}

std::string formatNamespacesTable(const std::vector<IpcNamespace> &namespaces)
{
    std::string out;
    char buffer[256];
    std::snprintf(buffer, sizeof buffer, "%-12s %-10s %-8s %-24s %s\n", "inode", "processes",
                  "pid", "container", "command");
    out += buffer;
    for (const IpcNamespace &ns : namespaces) {
        std::snprintf(buffer, sizeof buffer, "%-12llu %-10llu %-8d %-24s ",
                      static_cast<unsigned long long>(ns.id.inode),
                      static_cast<unsigned long long>(ns.processes), int(ns.pid),
                      ns.container ? ns.container->c_str() : "-");
        out += buffer;
        out += ns.command;
        out += '\n';
    }
    return out;
}

void writeJson(const std::vector<SegmentInfo> &segments, NameCache &names, std::FILE *out)
{
    // Written 64 KiB at a time: with 32,768 segments the whole text is 14 MB, and the fresh
    // pages of so large a string cost more than formatting it.
    constexpr std::size_t Flush = 64 * 1024;
    std::string text;
    text.reserve(Flush + 64 * 1024);
    text += "{\"segments\": [";
    bool first = true;
    const SegmentInfo *at = segments.data();
    const SegmentInfo *const end = at + segments.size();
    while (at != end) {
        const SegmentInfo *const batch = at + std::min<std::ptrdiff_t>(end - at, 64);
        appendSegmentEntries(text, at, batch, first, names,
                             [](std::string &, const SegmentInfo &) {});
        at = batch;
        if (text.size() >= Flush) {
            std::fwrite(text.data(), 1, text.size(), out);
            text.clear();
        }
    }
    text += segments.empty() ? "]}\n" : "\n]}\n";
    std::fwrite(text.data(), 1, text.size(), out);
}

int printListing(bool json, std::FILE *out, std::FILE *err, bool all)
{
    if (all) {
        InventoryOptions options;
        options.json = json;
        options.all = true;
        return printInventory(options, out, err);
    }
    auto segments = listSegments();
    if (!segments) {
        std::fprintf(err, "shmscope: %s\n", segments.error().describe().c_str());
        return 2;
    }
    NameCache names;
    if (!json) {
        const std::string text = formatTable(*segments, names);
        std::fwrite(text.data(), 1, text.size(), out);
        return std::fflush(out) == 0 && !std::ferror(out) ? 0 : 1;
    }
    writeJson(*segments, names, out);
    return std::fflush(out) == 0 && !std::ferror(out) ? 0 : 1;
}

} // namespace shm
