#pragma once

// POSIX shared memory: the objects of shm_open, which are files of the tmpfs on /dev/shm (of a
// process's mount namespace: /proc/PID/root/dev/shm for another's). Listed with stat, created
// with open(O_CREAT) plus ftruncate as shm_open does, removed with unlink as shm_unlink does, so
// the same calls serve another namespace's directory.

#include "result.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <sys/types.h>
#include <vector>

namespace shm {

struct PosixObject
{
    std::string name;              // as shm_open takes it: "/NAME"
    std::uint64_t size = 0;        // st_size
    std::uint64_t allocated = 0;   // st_blocks * 512: the pages in memory or swap (tmpfs)
    unsigned mode = 0;             // permission bits
    uid_t uid = 0;
    gid_t gid = 0;
    std::int64_t mtime = 0;
    std::int64_t ctime = 0;
    dev_t device = 0;
    ino_t inode = 0;
    bool operator==(const PosixObject &) const = default;
};

// The objects in `directory`, sorted by name: regular files only (POSIX semaphores, sem.NAME,
// and anything else that is not a shm_open object are left out). An Error when the directory
// cannot be read.
Result<std::vector<PosixObject>> listPosixObjects(const std::string &directory = "/dev/shm");

// Whether `name` is one shm_open takes: "/" then 1 to 255 bytes without '/', not "." or "..".
Result<void> checkPosixName(std::string_view name);

// shm_open(name, O_RDWR | O_CREAT [| O_EXCL], mode) then ftruncate(size); the mode is set
// exactly (fchmod, so the umask does not change it) when the object is new. Without
// `exclusive`, an existing object is opened and set to `size`.
Result<PosixObject> createPosixObject(std::string_view name, std::uint64_t size, unsigned mode,
                                      bool exclusive, const std::string &directory = "/dev/shm");

// shm_unlink(name): the name goes at once, the memory when its last holder lets go.
Result<void> removePosixObject(std::string_view name, const std::string &directory = "/dev/shm");

// ftruncate to `size` through a read-write descriptor (shrinking drops the bytes past it; a
// holder that touches a page past the new end gets SIGBUS).
Result<PosixObject> resizePosixObject(std::string_view name, std::uint64_t size,
                                      const std::string &directory = "/dev/shm");

// stat of one object.
Result<PosixObject> statPosixObject(std::string_view name, const std::string &directory = "/dev/shm");

} // namespace shm
