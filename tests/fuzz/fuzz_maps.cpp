// libFuzzer target: the /proc/PID/maps parser (the attachers of a segment). Properties:
//  - every mapping has start <= end, shmid >= 0;
//  - parseMaps finds each System V line that parseMapsLine accepts, in order;
//  - an accepted line written back in the kernel's format parses to the same mapping.

#include "core/attachers.h"
#include "fuzzcheck.h"

#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace {

using fuzzcheck::check;

bool sameMapping(const shm::SysvMapping &a, const shm::SysvMapping &b)
{
    return a.start == b.start && a.end == b.end && a.writable == b.writable && a.shmid == b.shmid
        && a.key == b.key;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    const std::vector<shm::SysvMapping> all = shm::parseMaps(text);

    std::vector<shm::SysvMapping> lineByLine;
    std::string_view rest = text;
    while (true) {
        const std::size_t eol = rest.find('\n');
        const std::string_view line = rest.substr(0, eol);
        if (auto mapping = shm::parseMapsLine(line)) {
            check(mapping->start <= mapping->end, "start <= end");
            check(mapping->shmid >= 0, "shmid >= 0");
            lineByLine.push_back(*mapping);

            char again[160];
            std::snprintf(again, sizeof again,
                          "%" PRIx64 "-%" PRIx64 " %s 00000000 00:01 %d                      "
                          "/SYSV%08x (deleted)",
                          mapping->start, mapping->end, mapping->writable ? "rw-s" : "r--s",
                          mapping->shmid, static_cast<std::uint32_t>(mapping->key));
            auto reparsed = shm::parseMapsLine(again);
            check(reparsed && sameMapping(*reparsed, *mapping), "round trip of a mapping line");
        }
        if (eol == std::string_view::npos)
            break;
        rest.remove_prefix(eol + 1);
    }
    check(all.size() == lineByLine.size(), "parseMaps finds every line parseMapsLine accepts");
    for (std::size_t i = 0; i < all.size(); ++i)
        check(sameMapping(all[i], lineByLine[i]), "same mappings in the same order");
    return 0;
}
