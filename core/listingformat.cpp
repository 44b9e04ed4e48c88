#include "listingformat.h"

#include "namecache.h"
#include "queues.h"
#include "segmentlist.h"
#include "semaphores.h"

#include <charconv>
#include <cinttypes>
#include <future>
#include <cstdio>
#include <ctime>
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

std::string isoUtc(std::int64_t seconds)
{
    if (seconds == 0)
        return {};
    std::time_t t = static_cast<std::time_t>(seconds);
    std::tm tm{};
    if (!gmtime_r(&t, &tm))
        return std::to_string(seconds);
    // %Y-%m-%dT%H:%M:%SZ, without strftime's locale machinery.
    std::string text;
    text.reserve(24);
    appendNumber(text, static_cast<long long>(tm.tm_year) + 1900);
    for (auto [separator, field] : {std::pair{'-', tm.tm_mon + 1}, std::pair{'-', tm.tm_mday},
                                    std::pair{'T', tm.tm_hour}, std::pair{':', tm.tm_min},
                                    std::pair{':', tm.tm_sec}}) {
        text += separator;
        appendPadded(text, static_cast<std::uint32_t>(field), 10, 2);
    }
    text += 'Z';
    return text;
}

namespace {

void appendSegments(std::string &out, const std::vector<SegmentInfo> &segments, NameCache &names)
{
    out += "{\"segments\": [";
    const auto number = [&out](const char *name, auto value) {
        out += ", \"";
        out += name;
        out += "\": ";
        appendNumber(out, value);
    };
    bool first = true;
    for (const SegmentInfo &s : segments) {
        out += first ? "\n  " : ",\n  ";
        first = false;
        out += "{\"key\": \"0x";
        appendPadded(out, static_cast<std::uint32_t>(s.key), 16, 8);
        out += '"';
        number("shmid", s.shmid);
        number("size", s.size);
        number("nattch", s.nattch);
        number("uid", static_cast<unsigned>(s.uid));
        number("gid", static_cast<unsigned>(s.gid));
        number("cuid", static_cast<unsigned>(s.cuid));
        number("cgid", static_cast<unsigned>(s.cgid));
        number("cpid", static_cast<int>(s.cpid));
        number("lpid", static_cast<int>(s.lpid));
        number("rss", s.rss);
        number("swap", s.swap);
        out += ", \"perms\": \"";
        appendPadded(out, s.perms(), 8, 4);
        out += "\", \"status\": [";
        if (s.isMarkedForDestruction())
            out += s.isLocked() ? "\"dest\", \"locked\"" : "\"dest\"";
        else if (s.isLocked())
            out += "\"locked\"";
        out += "], \"owner\": ";
        appendJsonString(out, names.userName(s.uid));
        out += ", \"group\": ";
        appendJsonString(out, names.groupName(s.gid));
        out += ", \"atime\": ";
        appendTime(out, s.atime);
        out += ", \"dtime\": ";
        appendTime(out, s.dtime);
        out += ", \"ctime\": ";
        appendTime(out, s.ctime);
        out += '}';
    }
    out += segments.empty() ? "]" : "\n]";
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

void appendSemaphores(std::string &out, const std::vector<SemaphoreSetInfo> &sets, NameCache &names)
{
    out += ",\n\"semaphores\": [";
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

void appendQueues(std::string &out, const std::vector<QueueInfo> &queues, NameCache &names)
{
    out += ",\n\"queues\": [";
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

std::string formatTable(const std::vector<SegmentInfo> &segments, NameCache &names)
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
    }
    return out;
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

int printListing(bool json, std::FILE *out, std::FILE *err, bool all)
{
    // With --all the queues are listed on a second thread meanwhile: their IPC_STATs and the
    // semaphores' GET calls are most of the time, and neither waits for the other.
    std::future<Result<std::vector<QueueInfo>>> queuesLater;
    if (all)
        queuesLater = std::async(std::launch::async, [] { return listQueues(); });
    auto segments = listSegments();
    if (!segments) {
        std::fprintf(err, "shmscope: %s\n", segments.error().describe().c_str());
        return 2;
    }
    NameCache names;
    std::string text;
    if (!all) {
        text = json ? formatJson(*segments, names) : formatTable(*segments, names);
    } else {
        auto sets = listSemaphoreSets();
        if (!sets) {
            std::fprintf(err, "shmscope: %s\n", sets.error().describe().c_str());
            return 2;
        }
        auto queues = queuesLater.get();
        if (!queues) {
            std::fprintf(err, "shmscope: %s\n", queues.error().describe().c_str());
            return 2;
        }
        if (json) {
            text = formatJsonAll(*segments, *sets, *queues, names);
        } else {
            text = "Shared memory segments:\n" + formatTable(*segments, names)
                + "\nSemaphore sets:\n" + formatSemaphoreTable(*sets, names)
                + "\nMessage queues:\n" + formatQueueTable(*queues, names);
        }
    }
    std::fwrite(text.data(), 1, text.size(), out);
    return std::fflush(out) == 0 && !std::ferror(out) ? 0 : 1;
}

} // namespace shm
