// libFuzzer target: the /proc/sysvipc/sem and /proc/sysvipc/msg parsers, then the command line's
// renderings of what they accepted (`--list --all`, JSON and text). Properties checked beyond
// "no crash, no sanitizer report":
//  - each result is sorted by id, every id >= 0, mode within 07777;
//  - accepted + skipped lines never exceed the lines given;
//  - what was accepted, written back in the kernel's format, parses to the same objects.

#include "core/listingformat.h"
#include "core/namecache.h"
#include "core/queues.h"
#include "core/semaphores.h"
#include "fuzzcheck.h"

#include <algorithm>
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

using fuzzcheck::check;

std::string semLine(const shm::SemaphoreSetInfo &s)
{
    char line[256];
    std::snprintf(line, sizeof line, "%10d %10d  %4o %10u %5u %5u %5u %5u %10" PRId64 " %10" PRId64 "\n",
                  s.key, s.semid, s.mode, s.nsems, s.uid, s.gid, s.cuid, s.cgid, s.otime, s.ctime);
    return line;
}

std::string msgLine(const shm::QueueInfo &q)
{
    char line[320];
    std::snprintf(line, sizeof line,
                  "%10d %10d  %4o  %10" PRIu64 " %10" PRIu64 " %5d %5d %5u %5u %5u %5u %10" PRId64
                  " %10" PRId64 " %10" PRId64 "\n",
                  q.key, q.msqid, q.mode, q.cbytes, q.qnum, q.lspid, q.lrpid, q.uid, q.gid, q.cuid,
                  q.cgid, q.stime, q.rtime, q.ctime);
    return line;
}

template<typename T, typename Id, typename Parse, typename Write>
std::vector<T> checkParser(std::string_view text, Id id, Parse parse, Write write)
{
    int skipped = -1;
    const std::vector<T> parsed = parse(text, &skipped);
    const auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
    check(skipped >= 0, "skipped is set");
    check(parsed.size() + static_cast<std::size_t>(skipped) <= lines, "no more rows than lines");
    check(std::is_sorted(parsed.begin(), parsed.end(),
                         [&](const T &a, const T &b) { return id(a) < id(b); }),
          "sorted by id");
    std::string again = "       key      semid msqid perms\n"; // a header of either file
    for (const T &item : parsed) {
        check(id(item) >= 0, "id >= 0");
        check(item.mode <= 07777, "mode within 07777");
        again += write(item);
    }
    int skippedAgain = -1;
    const std::vector<T> reparsed = parse(again, &skippedAgain);
    check(skippedAgain == 0, "a written-back listing parses whole");
    check(reparsed.size() == parsed.size(), "as many back");
    for (const T &item : reparsed)
        check(std::count(parsed.begin(), parsed.end(), item) > 0, "round trip through the kernel's format");
    return parsed;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    // Both parsers see every input: a line of one format is a malformed line of the other.
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    const auto sets = checkParser<shm::SemaphoreSetInfo>(
        text, [](const auto &s) { return s.semid; },
        [](std::string_view t, int *skipped) { return shm::parseProcSysvipcSem(t, skipped); },
        semLine);
    const auto queues = checkParser<shm::QueueInfo>(
        text, [](const auto &q) { return q.msqid; },
        [](std::string_view t, int *skipped) { return shm::parseProcSysvipcMsg(t, skipped); },
        msgLine);

    static shm::NameCache names; // kept across inputs: one passwd lookup per distinct id
    const std::string json = shm::formatJsonAll({}, sets, queues, names);
    check(json.rfind("{\"segments\": []", 0) == 0, "JSON starts with the object");
    check(json.find("\n\"semaphores\": [") != std::string::npos, "semaphores array");
    check(json.find("\n\"queues\": [") != std::string::npos, "queues array");
    check(json.size() >= 2 && json.compare(json.size() - 2, 2, "}\n") == 0, "JSON ends with the object");
    (void)shm::formatSemaphoreTable(sets, names);
    (void)shm::formatQueueTable(queues, names);
    return 0;
}
