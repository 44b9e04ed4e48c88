#include "listingformat.h"

#include "namecache.h"
#include "segmentlist.h"

#include <charconv>
#include <cinttypes>
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

std::string formatJson(const std::vector<SegmentInfo> &segments, NameCache &names)
{
    std::string out;
    out.reserve(64 + segments.size() * 420);
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

int printListing(bool json, std::FILE *out, std::FILE *err)
{
    auto segments = listSegments();
    if (!segments) {
        std::fprintf(err, "shmscope: %s\n", segments.error().describe().c_str());
        return 2;
    }
    NameCache names;
    const std::string text = json ? formatJson(*segments, names) : formatTable(*segments, names);
    std::fwrite(text.data(), 1, text.size(), out);
    return std::fflush(out) == 0 && !std::ferror(out) ? 0 : 1;
}

} // namespace shm
