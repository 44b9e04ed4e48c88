// libFuzzer target: the /proc/sysvipc/shm parser, then the command line's renderings of what
// it accepted. Properties checked beyond "no crash, no sanitizer report":
//  - the result is sorted by shmid, every shmid >= 0, mode within 07777;
//  - accepted + skipped lines never exceed the lines given;
//  - what was accepted, written back in the kernel's format, parses to the same segments.

#include "core/listingformat.h"
#include "fuzzcheck.h"
#include "core/namecache.h"
#include "core/segmentlist.h"

#include <algorithm>
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

using fuzzcheck::check;

std::string procLine(const shm::SegmentInfo &s)
{
    char line[512];
    std::snprintf(line, sizeof line,
                  "%10d %10d %5o %21" PRIu64 " %5d %5d %6" PRIu64 " %5u %5u %5u %5u %10" PRId64
                  " %10" PRId64 " %10" PRId64 " %21" PRIu64 " %21" PRIu64 "\n",
                  s.key, s.shmid, s.mode, s.size, s.cpid, s.lpid, s.nattch, s.uid, s.gid, s.cuid,
                  s.cgid, s.atime, s.dtime, s.ctime, s.rss, s.swap);
    return line;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    int skipped = -1;
    const auto segments = shm::parseProcSysvipcShm(text, &skipped);

    const auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
    check(skipped >= 0, "skipped is set");
    check(segments.size() + static_cast<std::size_t>(skipped) <= lines, "no more rows than lines");
    check(std::is_sorted(segments.begin(), segments.end(),
                         [](const auto &a, const auto &b) { return a.shmid < b.shmid; }),
          "sorted by shmid");
    for (const auto &s : segments) {
        check(s.shmid >= 0, "shmid >= 0");
        check(s.mode <= 07777, "mode within 07777");
    }

    std::string again = "       key      shmid perms size cpid lpid nattch uid gid cuid cgid "
                        "atime dtime ctime rss swap\n";
    for (const auto &s : segments)
        again += procLine(s);
    int skippedAgain = -1;
    const auto reparsed = shm::parseProcSysvipcShm(again, &skippedAgain);
    check(skippedAgain == 0, "a written-back listing parses whole");
    // Equal as sequences; rows with equal shmids may come back in another order, so compare
    // sorted on every field.
    auto a = segments, b = reparsed;
    const auto byAll = [](const shm::SegmentInfo &x, const shm::SegmentInfo &y) {
        return std::tie(x.shmid, x.key, x.mode, x.size, x.cpid, x.lpid, x.nattch, x.uid, x.gid,
                        x.cuid, x.cgid, x.atime, x.dtime, x.ctime, x.rss, x.swap)
            < std::tie(y.shmid, y.key, y.mode, y.size, y.cpid, y.lpid, y.nattch, y.uid, y.gid,
                       y.cuid, y.cgid, y.atime, y.dtime, y.ctime, y.rss, y.swap);
    };
    std::sort(a.begin(), a.end(), byAll);
    std::sort(b.begin(), b.end(), byAll);
    check(a == b, "round trip through the kernel's format");

    // The renderings of `shmscope --list [--json]` on whatever was accepted.
    static shm::NameCache names; // kept across inputs: one passwd lookup per distinct id
    const std::string table = shm::formatTable(segments, names);
    const std::string json = shm::formatJson(segments, names);
    check(json.rfind("{\"segments\": [", 0) == 0, "JSON starts with the object");
    check(!json.empty() && json.find_last_not_of("\n") != std::string::npos
              && json[json.find_last_not_of("\n")] == '}',
          "JSON ends with the object");
    for (const auto &s : segments) {
        (void)shm::isoUtc(s.atime);
        (void)shm::humanSize(s.size);
        (void)shm::permString(s.mode);
        (void)shm::octalPerms(s.mode);
        (void)shm::formatKey(s.key);
    }
    return 0;
}
