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
#include <memory>
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

// The namespace of process pid (0: the calling thread, which may have entered another one), or nullopt (errno set) when
// /proc/PID/ns/ipc cannot be read: the process is gone (ENOENT) or not ours to inspect (EACCES).
std::optional<IpcNamespaceId> ipcNamespaceOf(pid_t pid);

// Every IPC namespace that a process we may inspect is in, sorted by inode. Processes whose
// namespace cannot be read (another user's, without privilege) are not counted; an error only
// when /proc itself cannot be read. `ownNamespace`: where this process belongs, counted there
// whatever namespace its first thread has entered for the while (/proc/PID/ns/ipc says that
// thread's); unset: as /proc says.
Result<std::vector<IpcNamespace>> listIpcNamespaces(
    std::optional<IpcNamespaceId> ownNamespace = std::nullopt);

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

// An IPC namespace held open: a descriptor of /proc/PID/ns/ipc, taken when the user chose it. It
// keeps naming the same namespace when that process exits or its pid is reused, and keeps the
// namespace (and so its objects) alive while held. Immutable: share it between windows.
class IpcNamespaceHandle
{
public:
    // The namespace of process pid, checked at once: an Error (the words of runInIpcNamespace)
    // when there is no such process, its namespace cannot be opened, or cannot be entered.
    // pid 0, or a process in the calling thread's own namespace: a handle that never enters.
    static Result<std::shared_ptr<const IpcNamespaceHandle>> open(pid_t pid);
    ~IpcNamespaceHandle();
    IpcNamespaceHandle(const IpcNamespaceHandle &) = delete;
    IpcNamespaceHandle &operator=(const IpcNamespaceHandle &) = delete;

    IpcNamespaceId id() const { return m_id; }
    pid_t pid() const { return m_pid; }   // the process it was opened through (0: ours)
    bool isOurs() const { return m_fd < 0; }
    int descriptor() const { return m_fd; } // -1 when ours

private:
    IpcNamespaceHandle(IpcNamespaceId id, pid_t pid, int fd);
    IpcNamespaceId m_id;
    pid_t m_pid = 0;
    int m_fd = -1;
};
using IpcNamespacePtr = std::shared_ptr<const IpcNamespaceHandle>;

// The calling thread's IPC namespace, remembered per thread (kept right by enterIpcNamespace,
// which every move of ours goes through); nullopt when /proc cannot tell.
std::optional<IpcNamespaceId> currentIpcNamespace();
// setns(nsFile, CLONE_NEWIPC) for the calling thread; 0 or the errno.
int enterIpcNamespace(int nsFile);

// Puts the calling thread in `ns` for the scope's life, then back where it was: every System V
// call and /proc/sysvipc read of this thread in between acts in that namespace, and threads it
// starts meanwhile are born there. Nothing is done for a null handle, or one of the namespace
// the thread is already in. ok() is false (and error() says why) when entering failed; the thread
// then stays where it was.
class IpcNamespaceScope
{
public:
    explicit IpcNamespaceScope(const IpcNamespaceHandle *ns);
    explicit IpcNamespaceScope(const IpcNamespacePtr &ns) : IpcNamespaceScope(ns.get()) {}
    ~IpcNamespaceScope();
    IpcNamespaceScope(const IpcNamespaceScope &) = delete;
    IpcNamespaceScope &operator=(const IpcNamespaceScope &) = delete;

    bool ok() const { return !m_error; }
    const std::optional<Error> &error() const { return m_error; }

private:
    int m_restore = -1; // our namespace, to go back to
    std::optional<Error> m_error;
};

// The /dev/shm that process pid sees: "/dev/shm" when it shares our mount namespace's root,
// else /proc/PID/root/dev/shm.
std::string devShmOf(pid_t pid);

} // namespace shm
