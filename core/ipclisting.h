#pragma once

// What the listings and controls of segments, semaphore sets and message queues share: a
// /proc/sysvipc file read through its parser, the *_STAT fallback over indices, the sort by id,
// the fields of ipc_perm, and IPC_SET after a status read that ownership alone allows.
// Internal to core/.

#include "fileread.h"
#include "result.h"

#include <algorithm>
#include <cerrno>
#include <string>
#include <string_view>
#include <sys/ipc.h>
#include <vector>

namespace shm {

// Sorts by the id member unless already sorted (the kernel's files usually are).
template<typename Info>
void sortById(std::vector<Info> &all, int Info::*id)
{
    const auto byId = [id](const Info &a, const Info &b) { return a.*id < b.*id; };
    if (!std::is_sorted(all.begin(), all.end(), byId))
        std::sort(all.begin(), all.end(), byId);
}

// The objects of a /proc/sysvipc file, through its parser.
template<typename Info>
Result<std::vector<Info>> listFromProcFile(const std::string &path,
                                           std::vector<Info> (*parse)(std::string_view, int *))
{
    auto text = readWholeFile(path.c_str());
    if (!text)
        return systemError("read", path, errno);
    return parse(*text, nullptr);
}

// Every object over the indices 0..maxIndex: `stat(index, command, ds)` returns the id, or -1.
// The command is STAT_ANY, or STAT on kernels without it (EINVAL, where unused indices land
// too); an index we may not read (EACCES with STAT) or unused is passed over.
template<typename Info, typename Ds, typename Stat, typename Make>
std::vector<Info> listByStatIndex(int maxIndex, int statAny, int statPlain, int Info::*id,
                                  Stat stat, Make make)
{
    std::vector<Info> all;
    for (int index = 0; index <= maxIndex; ++index) {
        Ds ds{};
        int found = stat(index, statAny, ds);
        if (found < 0 && errno == EINVAL)
            found = stat(index, statPlain, ds);
        if (found >= 0)
            all.push_back(make(found, ds));
    }
    sortById(all, id);
    return all;
}

// The key, mode, owner and creator of an object, from its ipc_perm.
template<typename Info>
void copyPermissions(Info &info, const ipc_perm &perm)
{
    info.key = perm.__key;
    info.mode = perm.mode & 07777;
    info.uid = perm.uid;
    info.gid = perm.gid;
    info.cuid = perm.cuid;
    info.cgid = perm.cgid;
}

// The status of an object read with *_STAT_ANY by its id rather than its index: the index is
// the id's low bits (15, or 24 with ipcmni_extend), and the id the call returns says whether
// the index was right. For a caller IPC_STAT refuses (EACCES) but who may still own it.
template<typename Ds, typename Stat>
bool statAnyById(int id, Ds &ds, Stat statAnyIndex)
{
    for (int mask : {0x7fff, 0xffffff}) {
        if (statAnyIndex(id & mask, ds) == id)
            return true;
    }
    return false;
}

// IPC_SET of what `change` alters in the status: `control(command, ds)` is the *ctl call.
// IPC_SET needs ownership, not read permission, so where IPC_STAT is refused the status comes
// from `statAny(ds)`. `fail(errnum, reading)` makes the Error of a refused read or set.
template<typename Ds, typename Control, typename StatAny, typename Change, typename Fail>
Result<void> setStatus(Control control, StatAny statAny, Change change, Fail fail)
{
    Ds ds{};
    if (control(IPC_STAT, ds) != 0) {
        const int saved = errno;
        if (saved != EACCES || !statAny(ds))
            return fail(saved, true);
    }
    change(ds);
    if (control(IPC_SET, ds) == 0)
        return {};
    return fail(errno, false);
}

} // namespace shm
