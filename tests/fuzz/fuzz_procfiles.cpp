// libFuzzer target: the parsers of outside text read for every shared-memory object (issue 14):
// /proc/PID/maps lines of any kind, /proc/PID/fdinfo, memfd names, /proc/PID/cgroup paths,
// POSIX object names, process ids and the command lines of --namespace(s), --attachers and
// --orphans. Properties:
//  - a maps entry has start <= end and a path that is the end of its line; written back in the
//    kernel's format it parses to the same entry;
//  - fdinfo flags written back parse to the same flags; a memfd name written back is the same;
//  - a container is named by one of the known engines, with a non-empty name;
//  - a refused name, pid or command line is bad input with a sentence; an accepted pid is above
//    0 and reads back the same.

#include "core/holders.h"
#include "core/inventorycommand.h"
#include "core/namespaces.h"
#include "core/posixshm.h"
#include "fuzzcheck.h"

#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <sys/sysmacros.h>
#include <vector>

namespace {

using fuzzcheck::check;

void checkMapsLine(std::string_view line)
{
    const auto entry = shm::parseMapsEntry(line);
    if (!entry)
        return;
    check(entry->start <= entry->end, "start <= end");
    check(line.ends_with(entry->path), "the path is the end of the line");
    char again[256];
    std::snprintf(again, sizeof again, "%" PRIx64 "-%" PRIx64 " %c%c-%c %08" PRIx64 " %02x:%02x %" PRIu64 " ",
                  entry->start, entry->end, entry->readable ? 'r' : '-',
                  entry->writable ? 'w' : '-', entry->shared ? 's' : 'p', entry->offset,
                  major(entry->device), minor(entry->device), entry->inode);
    const std::string text = again + std::string(entry->path);
    const auto reparsed = shm::parseMapsEntry(text);
    // A path that starts with spaces loses them (the kernel pads with spaces too).
    check(reparsed && reparsed->start == entry->start && reparsed->end == entry->end
              && reparsed->writable == entry->writable && reparsed->shared == entry->shared
              && reparsed->device == entry->device && reparsed->inode == entry->inode
              && reparsed->offset == entry->offset,
          "round trip of a maps line");
    if (auto name = shm::memfdName(entry->path)) {
        const auto back = shm::memfdName("/memfd:" + *name + " (deleted)");
        check(back && *back == *name, "round trip of a memfd name");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);

    std::string_view rest = text;
    while (true) {
        const std::size_t eol = rest.find('\n');
        checkMapsLine(rest.substr(0, eol));
        if (eol == std::string_view::npos)
            break;
        rest.remove_prefix(eol + 1);
    }

    if (auto flags = shm::parseFdinfoFlags(text)) {
        char again[32];
        std::snprintf(again, sizeof again, "flags:\t0%o\n", *flags);
        const auto back = shm::parseFdinfoFlags(again);
        check(back && *back == *flags, "round trip of fdinfo flags");
    }

    if (auto container = shm::containerOfCgroup(text)) {
        const std::size_t colon = container->find(':');
        check(colon != std::string::npos && colon + 1 < container->size(), "engine:name");
        const std::string engine = container->substr(0, colon);
        check(engine == "docker" || engine == "podman" || engine == "containerd"
                  || engine == "cri-o" || engine == "machine" || engine == "lxc",
              "a known engine");
    }

    const auto name = shm::checkPosixName(text);
    fuzzcheck::checkError(name);
    if (name.ok())
        check(text.size() >= 2 && text[0] == '/', "a POSIX name starts with /");

    const auto pid = shm::parseProcessId(text);
    fuzzcheck::checkError(pid);
    if (pid.ok()) {
        check(*pid > 0, "a pid above 0");
        const auto back = shm::parseProcessId(std::to_string(*pid));
        check(back.ok() && *back == *pid, "round trip of a pid");
    }

    // A command line: the arguments split at NUL bytes, at most 16.
    std::vector<std::string> words{"shmscope"};
    std::size_t at = 0;
    while (at <= text.size() && words.size() < 17) {
        const std::size_t nul = text.find('\0', at);
        words.emplace_back(text.substr(at, nul == std::string_view::npos ? std::string_view::npos
                                                                        : nul - at));
        if (nul == std::string_view::npos)
            break;
        at = nul + 1;
    }
    std::vector<char *> argv;
    for (std::string &word : words)
        argv.push_back(word.data());
    argv.push_back(nullptr);
    const int argc = static_cast<int>(words.size());
    if (shm::isInventoryCommandLine(argc, argv.data()))
        fuzzcheck::checkError(shm::parseInventoryCommandLine(argc, argv.data()));
    return 0;
}
