#include "listingformat.h"

#include "namecache.h"

#include <cinttypes>
#include <cstdio>
#include <ctime>

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
    char buffer[40];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer;
}

std::string formatJson(const std::vector<SegmentInfo> &segments, NameCache &names)
{
    std::string out;
    out.reserve(64 + segments.size() * 420);
    out += "{\"segments\": [";
    char buffer[512];
    bool first = true;
    for (const SegmentInfo &s : segments) {
        out += first ? "\n  " : ",\n  ";
        first = false;
        std::snprintf(buffer, sizeof buffer,
                      "{\"key\": \"0x%08x\", \"shmid\": %d, \"size\": %" PRIu64
                      ", \"nattch\": %" PRIu64 ", \"uid\": %u, \"gid\": %u, \"cuid\": %u, "
                      "\"cgid\": %u, \"cpid\": %d, \"lpid\": %d, \"rss\": %" PRIu64
                      ", \"swap\": %" PRIu64 ", \"perms\": \"%04o\", \"status\": [",
                      static_cast<std::uint32_t>(s.key), s.shmid, s.size, s.nattch,
                      static_cast<unsigned>(s.uid), static_cast<unsigned>(s.gid),
                      static_cast<unsigned>(s.cuid), static_cast<unsigned>(s.cgid),
                      static_cast<int>(s.cpid), static_cast<int>(s.lpid), s.rss, s.swap,
                      s.perms());
        out += buffer;
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
    out += segments.empty() ? "]}\n" : "\n]}\n";
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

} // namespace shm
