#pragma once

// One System V shared-memory segment as the kernel describes it (/proc/sysvipc/shm or IPC_STAT).

#include "language.h"

#include <cstdint>
#include <string>
#include <sys/types.h>

namespace shm {

constexpr unsigned ModeDestBit = 01000;   // SHM_DEST: marked for destruction
constexpr unsigned ModeLockedBit = 02000; // SHM_LOCKED: locked in memory

struct SegmentInfo
{
    std::int32_t key = 0;      // as the kernel stores it (key_t is a signed int)
    int shmid = -1;
    unsigned mode = 0;         // permission bits plus ModeDestBit / ModeLockedBit
    std::uint64_t size = 0;    // bytes
    pid_t cpid = 0;            // creator pid
    pid_t lpid = 0;            // pid of the last shmat/shmdt
    std::uint64_t nattch = 0;
    uid_t uid = 0;             // current owner
    gid_t gid = 0;
    uid_t cuid = 0;            // creator
    gid_t cgid = 0;
    std::int64_t atime = 0;    // last attach, 0 = never
    std::int64_t dtime = 0;    // last detach, 0 = never
    std::int64_t ctime = 0;    // last change (or creation)
    std::uint64_t rss = 0;     // bytes resident
    std::uint64_t swap = 0;    // bytes swapped

    unsigned perms() const { return mode & 0777; }
    bool isMarkedForDestruction() const { return (mode & ModeDestBit) != 0; }
    bool isLocked() const { return (mode & ModeLockedBit) != 0; }

    bool operator==(const SegmentInfo &) const = default;
};

// "0x0000162e" (the key's 32 bits in hex, as ipcs prints it).
std::string formatKey(std::int32_t key);
// "rw-r-----" for the low nine bits.
std::string permString(unsigned mode);
// "0640" for the low nine bits.
std::string octalPerms(unsigned mode);
// "1.5 MiB", "512 B" in English, "1,5 Mio", "512 o" in French: in displayLanguage(), or in
// `language`. The decimal mark is the language's, whatever LC_NUMERIC says.
std::string humanSize(std::uint64_t bytes);
std::string humanSize(std::uint64_t bytes, Language language);

} // namespace shm
