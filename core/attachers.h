#pragma once

// Which processes have a segment attached, from /proc/PID/maps.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <sys/types.h>
#include <vector>

namespace shm {

struct Attacher
{
    pid_t pid = 0;
    std::string command;     // /proc/PID/cmdline, NULs as spaces; [comm] when empty
    std::uint64_t start = 0; // mapping address range [start, end)
    std::uint64_t end = 0;
    bool writable = false;   // rw-s vs r--s
    int shmid = -1;
    std::int32_t key = 0;    // the key at creation, from /SYSVxxxxxxxx

    bool operator==(const Attacher &) const = default;
};

// One System V mapping line of /proc/PID/maps.
struct SysvMapping
{
    std::uint64_t start = 0;
    std::uint64_t end = 0;
    bool writable = false;
    int shmid = -1;
    std::int32_t key = 0;
};

// Parses one line of /proc/PID/maps; returns a mapping only for a /SYSV line. Never crashes
// on any input.
std::optional<SysvMapping> parseMapsLine(std::string_view line);

// Every System V mapping in the text of one /proc/PID/maps.
std::vector<SysvMapping> parseMaps(std::string_view text);

// Attachers of one segment. Processes whose maps cannot be read are skipped.
std::vector<Attacher> findAttachers(int shmid);

// Attachers of every segment, keyed by shmid: one pass over /proc.
std::map<int, std::vector<Attacher>> findAllAttachers();

// The command line of a process ("" if it is gone or unreadable).
std::string processCommand(pid_t pid);
// The short name of a process (/proc/PID/comm), "" if unknown.
std::string processName(pid_t pid);

} // namespace shm
