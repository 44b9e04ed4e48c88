#pragma once

// shmget / shmctl: create, open, remove, change owner/mode, lock.

#include "result.h"

#include <cstdint>
#include <string>
#include <sys/types.h>

namespace shm {

struct KeySpec
{
    enum class Kind { Private, Explicit, Ftok };
    Kind kind = Kind::Private;
    key_t key = 0;        // Kind::Explicit
    std::string path;     // Kind::Ftok
    int projId = 0;       // Kind::Ftok, 1..255

    static KeySpec privateKey() { return {}; }
    static KeySpec explicitKey(key_t k) { return {Kind::Explicit, k, {}, 0}; }
    static KeySpec fromFtok(std::string p, int id) { return {Kind::Ftok, 0, std::move(p), id}; }
    std::string describe() const; // "IPC_PRIVATE", "key 0x0000162e", "ftok(\"/tmp\", 65)"
};

struct CreateRequest
{
    KeySpec key;
    std::uint64_t size = 0;
    unsigned mode = 0600;   // 0..0777 only: other bits are refused, never passed as flags
    bool exclusive = false; // IPC_EXCL
};

// ftok(path, projId) with validation: path must exist, projId 1..255.
Result<key_t> makeFtokKey(const std::string &path, int projId);

// The key a KeySpec names (ftok validated as makeFtokKey does); IPC_PRIVATE for Private.
Result<key_t> resolveKey(const KeySpec &spec);
// "IPC_PRIVATE" or "key 0x0000162e", for an Error's target.
std::string keyTarget(key_t key);

// shmget(key, size, IPC_CREAT [| IPC_EXCL] | mode). Validates size (> 0, <= SHMMAX) and mode
// (0..0777) before calling. Returns the shmid. An Explicit key of 0 is IPC_PRIVATE.
Result<int> createSegment(const CreateRequest &request);

// shmget(key, 0, 0): the shmid of the existing segment with this key.
Result<int> openSegment(key_t key);

// shmctl(IPC_RMID). Marks the segment for destruction: it goes once the last process detaches.
Result<void> removeSegment(int shmid);

// shmctl(IPC_SET) of the owner uid/gid; the mode is kept.
Result<void> setOwner(int shmid, uid_t uid, gid_t gid);

// shmctl(IPC_SET) of the permission bits (0..0777); the owner is kept.
Result<void> setMode(int shmid, unsigned mode);

// shmctl(SHM_LOCK) or shmctl(SHM_UNLOCK).
Result<void> setLocked(int shmid, bool locked);

} // namespace shm
