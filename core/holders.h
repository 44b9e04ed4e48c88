#pragma once

// Who holds a shared-memory object: one pass over /proc that reads each process's maps (System
// V attachments, mapped /dev/shm files and memfds) and its descriptors (/proc/PID/fd links, with
// the access from /proc/PID/fdinfo). Processes we may not inspect are skipped.

#include "namespaces.h"

#include <compare>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <sys/types.h>
#include <vector>

namespace shm {

// A file by the device and inode the kernel reports for it.
struct FileId
{
    dev_t device = 0;
    ino_t inode = 0;
    auto operator<=>(const FileId &) const = default;
};

enum class HolderVia { Map, Fd };

struct Holder
{
    pid_t pid = 0;
    std::string command;
    bool writable = false;     // rw-s / an fd opened O_RDWR or O_WRONLY
    HolderVia via = HolderVia::Map;
    int fd = -1;               // via Fd
    std::uint64_t start = 0;   // via Map: [start, end)
    std::uint64_t end = 0;
    bool operator==(const Holder &) const = default;
};

// One line of /proc/PID/maps, any kind.
struct MapsEntry
{
    std::uint64_t start = 0;
    std::uint64_t end = 0;
    bool readable = false;
    bool writable = false;
    bool shared = false;       // 's' (MAP_SHARED) or 'p'
    std::uint64_t offset = 0;
    dev_t device = 0;          // makedev(major, minor)
    std::uint64_t inode = 0;
    std::string_view path;     // as printed, " (deleted)" included; may be empty
};

// Parses one line of /proc/PID/maps; nullopt when it is not one. Never crashes on any input.
std::optional<MapsEntry> parseMapsEntry(std::string_view line);

// The "flags:" field of a /proc/PID/fdinfo/N text (octal open flags), or nullopt.
std::optional<unsigned> parseFdinfoFlags(std::string_view text);

// NAME of a memfd link or maps path "/memfd:NAME (deleted)" (" (deleted)" is optional), or
// nullopt when the path is not a memfd's.
std::optional<std::string> memfdName(std::string_view path);

struct HolderScanRequest
{
    std::optional<IpcNamespaceId> ipcNamespace; // System V and memfd holders are of this one
                                                // (ours when unset)
    // Where this process belongs, for its own memfds: /proc/self/ns/ipc tells the namespace
    // its first thread is visiting (the browser's GUI thread enters the one shown). Unset: as
    // /proc says.
    std::optional<IpcNamespaceId> ownNamespace;
    bool sysv = true;
    bool memfd = true;
    std::set<dev_t> posixDevices;               // the devices of the /dev/shm listed (none: no
                                                // POSIX holders)
    bool posixUnderDevShm = true;               // holders' paths start with /dev/shm/ (our own
                                                // mount namespace's): a quick filter
};

struct HolderScan
{
    std::map<int, std::vector<Holder>> sysv;        // by shmid; lengths not checked (mappingCanBe)
    std::map<FileId, std::vector<Holder>> files;    // /dev/shm files and memfds, by file
    std::map<FileId, std::string> memfdNames;       // every memfd seen
    std::map<FileId, std::vector<std::string>> memfdPaths; // /proc paths that reopen each one
    std::uint64_t processesSkipped = 0;             // whose maps could not be read
};

HolderScan scanHolders(const HolderScanRequest &request);

} // namespace shm
