#pragma once

// IPC namespaces: which ones are in use (/proc/*/ns/ipc), which container each belongs to (from
// a process's cgroup path), and doing work inside another one (a thread that setns()es into it).
//
// /proc/sysvipc/* and every System V call act in the calling *task's* IPC namespace, so a thread
// that has entered another namespace lists and controls that namespace's objects while the rest
// of the process stays where it is; mappings it makes belong to the whole process.

#include "result.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <sys/types.h>
#include <vector>

namespace shm {

// An IPC namespace is named by the device and inode of /proc/PID/ns/ipc.
struct IpcNamespaceId
{
    dev_t device = 0;
    ino_t inode = 0;
    bool operator==(const IpcNamespaceId &) const = default;
};

struct IpcNamespace
{
    IpcNamespaceId id;
    std::uint64_t processes = 0; // processes of this namespace whose /proc/PID/ns/ipc we read
    pid_t pid = 0;               // the lowest of them
    std::string command;         // its command line (processCommand)
    std::optional<std::string> container; // "docker:0123456789ab", "machine:web"..., or none
};

// The namespace of process pid (0: this process), or nullopt (errno set) when
// /proc/PID/ns/ipc cannot be read: the process is gone (ENOENT) or not ours to inspect (EACCES).
std::optional<IpcNamespaceId> ipcNamespaceOf(pid_t pid);

// Every IPC namespace that a process we may inspect is in, sorted by inode. Processes whose
// namespace cannot be read (another user's, without privilege) are not counted; an error only
// when /proc itself cannot be read.
Result<std::vector<IpcNamespace>> listIpcNamespaces();

// The container named by the text of /proc/PID/cgroup, or nullopt: "docker:ID", "podman:ID",
// "containerd:ID", "cri-o:ID" (ids cut to 12 characters), "machine:NAME" (systemd-nspawn and
// other machines registered with systemd-machined), "lxc:NAME". Never crashes on any input.
std::optional<std::string> containerOfCgroup(std::string_view cgroupText);

// Runs `work` on a thread of its own inside the IPC namespace of process pid (when that is ours,
// without setns), and waits for it. An Error, `work` not run, when pid names no process
// (NotFound), its namespace cannot be opened (PermissionDenied: needs ptrace-read rights on it)
// or entered (PermissionDenied: setns needs CAP_SYS_ADMIN over the user namespace that owns it).
Result<void> runInIpcNamespace(pid_t pid, const std::function<void()> &work);

// The Error of a process that does not exist (for --namespace PID).
Error noProcessError(const std::string &call, pid_t pid);

// The /dev/shm that process pid sees: "/dev/shm" when it shares our mount namespace's root,
// else /proc/PID/root/dev/shm.
std::string devShmOf(pid_t pid);

} // namespace shm
