#pragma once

// Which processes have a segment attached, from /proc/PID/maps.
//
// A /SYSV line's inode is a shmid of that process's IPC namespace, and every namespace hands out
// the same first ids (a container's first segment is shmid 0): only processes of our own IPC
// namespace (same /proc/PID/ns/ipc) are attachers, and a mapping whose length cannot be the
// segment's is never counted. The scans ask each process's maps for its shared file mappings
// alone (PROCMAP_QUERY, Linux 6.11; shmat always maps shared) and read the whole maps text
// only where the kernel cannot.

#include "namespaces.h"

#include <cstdint>
#include <functional>
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

// Whether a mapping of `length` bytes can be an attachment of a segment of `size` bytes: shmat
// maps the whole segment, rounded up to the page size (the base page, or a huge page size the
// kernel offers, for SHM_HUGETLB).
bool mappingCanBe(std::uint64_t length, std::uint64_t size);

// A shared mapping of a file, as PROCMAP_QUERY tells it.
struct SharedFileMapping
{
    std::uint64_t start = 0;
    std::uint64_t end = 0;
    bool writable = false;
    dev_t device = 0;          // makedev(major, minor)
    std::uint64_t inode = 0;
    std::string_view name;     // the path as maps shows it, " (deleted)" included
};

enum class MappingQuery {
    Done,        // every shared file mapping was given
    Unsupported, // the kernel has no PROCMAP_QUERY (before 6.11): read the maps text instead
    Failed,      // the process went away meanwhile
};

// Calls fn for each shared file mapping of the process whose /proc/PID/maps `mapsFd` is open
// on, in address order, through PROCMAP_QUERY (Linux 6.11): the kernel neither formats nor
// names its other mappings, which reading the text makes it do for every one. Once a kernel
// said Unsupported, every later call says so at once.
MappingQuery querySharedFileMappings(int mapsFd,
                                     const std::function<void(const SharedFileMapping &)> &fn);

// Whether process pid is in our IPC namespace. False when it is not, or when its namespace
// cannot be read (then it cannot be told apart from another namespace's process).
bool inOurIpcNamespace(pid_t pid);

// Attachers of the segment shmid of `size` bytes: processes of our IPC namespace with a mapping
// of that shmid and a length that fits the size. Processes whose maps cannot be read are
// skipped.
std::vector<Attacher> findAttachers(int shmid, std::uint64_t size);

// Attachers of every segment of our IPC namespace, keyed by shmid: one pass over /proc. The
// lengths are not checked here (the sizes are the caller's): see mappingCanBe.
std::map<int, std::vector<Attacher>> findAllAttachers();

// The same in the IPC namespace `ns` (namespaces.h; ours when unset): the processes of that
// namespace, whose shmids are that namespace's.
std::vector<Attacher> findAttachers(int shmid, std::uint64_t size,
                                    const std::optional<IpcNamespaceId> &ns);
std::map<int, std::vector<Attacher>> findAllAttachers(const std::optional<IpcNamespaceId> &ns);

// The command line of a process ("" if it is gone or unreadable).
std::string processCommand(pid_t pid);
// The short name of a process (/proc/PID/comm), "" if unknown.
std::string processName(pid_t pid);

} // namespace shm
