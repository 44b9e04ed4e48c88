#include "namespaces.h"

#include "attachers.h"
#include "errordetail.h"
#include "filedescriptor.h"
#include "fileread.h"
#include "textscan.h"

#include <algorithm>
#include <cerrno>
#include <dirent.h>
#include <fcntl.h>
#include <map>
#include <sched.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace shm {

namespace {

std::string procPath(pid_t pid, const char *file)
{
    // A thread may be in another IPC namespace than the process's first thread.
    return pid == 0 ? std::string("/proc/thread-self/") + file
                    : "/proc/" + std::to_string(pid) + "/" + file;
}

std::string pidTarget(pid_t pid)
{
    return "pid " + std::to_string(pid);
}

bool isHexId(std::string_view text)
{
    if (text.size() < 12)
        return false;
    return std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    });
}

// The id that follows `prefix` in `path` up to one of `ends` (".scope", "/", end of text).
std::optional<std::string_view> after(std::string_view path, std::string_view prefix)
{
    const std::size_t at = path.find(prefix);
    if (at == std::string_view::npos)
        return std::nullopt;
    std::string_view rest = path.substr(at + prefix.size());
    std::size_t end = rest.find('/');
    rest = rest.substr(0, end);
    if (rest.ends_with(".scope"))
        rest.remove_suffix(6);
    if (rest.empty())
        return std::nullopt;
    return rest;
}

// systemd escapes a unit name's '-' as \x2d.
std::string unescapeUnit(std::string_view name)
{
    std::string out;
    for (std::size_t i = 0; i < name.size(); ++i) {
        unsigned value = 0;
        if (name[i] == '\\' && i + 3 < name.size() && name[i + 1] == 'x'
            && parseWhole(name.substr(i + 2, 2), value, 16) && value >= 0x20 && value < 0x7f) {
            out += static_cast<char>(value);
            i += 3;
        } else {
            out += name[i];
        }
    }
    return out;
}

std::optional<std::string> containerOfPath(std::string_view path)
{
    const auto id = [](const char *engine, std::string_view text) -> std::optional<std::string> {
        if (!isHexId(text))
            return std::nullopt;
        return std::string(engine) + ":" + std::string(text.substr(0, 12));
    };
    for (auto [prefix, engine] : {std::pair{"/docker-", "docker"}, std::pair{"/docker/", "docker"},
                                  std::pair{"/libpod-", "podman"},
                                  std::pair{"/cri-containerd-", "containerd"},
                                  std::pair{"/crio-", "cri-o"}}) {
        if (auto text = after(path, prefix)) {
            if (auto found = id(engine, *text))
                return found;
        }
    }
    // Kubernetes without a runtime prefix: /kubepods/.../pod<uid>/<64 hex>.
    if (path.find("/kubepods") != std::string_view::npos) {
        const std::string_view last = path.substr(path.rfind('/') + 1);
        if (auto found = id("containerd", last))
            return found;
    }
    if (auto name = after(path, "/machine-"))
        return "machine:" + unescapeUnit(*name);
    for (const char *prefix : {"/lxc.payload.", "/lxc.payload/", "/lxc/"}) {
        if (auto name = after(path, prefix))
            return "lxc:" + std::string(*name);
    }
    return std::nullopt;
}

} // namespace

std::optional<std::string> containerOfCgroup(std::string_view text)
{
    // Lines "ID:CONTROLLERS:PATH"; cgroup v2 has the one line "0::PATH".
    while (!text.empty()) {
        const std::size_t eol = text.find('\n');
        std::string_view line = text.substr(0, eol);
        text = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);
        const std::size_t first = line.find(':');
        if (first == std::string_view::npos)
            continue;
        const std::size_t second = line.find(':', first + 1);
        if (second == std::string_view::npos)
            continue;
        if (auto found = containerOfPath(line.substr(second + 1)))
            return found;
    }
    return std::nullopt;
}

std::optional<IpcNamespaceId> ipcNamespaceOf(pid_t pid)
{
    struct stat st{};
    if (::stat(procPath(pid, "ns/ipc").c_str(), &st) != 0)
        return std::nullopt;
    return IpcNamespaceId{st.st_dev, st.st_ino};
}

Result<std::vector<IpcNamespace>> listIpcNamespaces(std::optional<IpcNamespaceId> ownNamespace)
{
    const pid_t self = ::getpid();
    DIR *proc = ::opendir("/proc");
    if (!proc)
        return systemError("opendir", "/proc", errno);
    std::map<std::pair<dev_t, ino_t>, IpcNamespace> found;
    while (dirent *entry = ::readdir(proc)) {
        pid_t pid = 0;
        if (!parseWhole(std::string_view(entry->d_name), pid, 10) || pid <= 0)
            continue;
        const auto id = pid == self && ownNamespace ? ownNamespace : ipcNamespaceOf(pid);
        if (!id)
            continue; // gone, or not ours to inspect
        IpcNamespace &ns = found[{id->device, id->inode}];
        ns.id = *id;
        ++ns.processes;
        if (ns.pid == 0 || pid < ns.pid)
            ns.pid = pid;
    }
    ::closedir(proc);
    std::vector<IpcNamespace> list;
    list.reserve(found.size());
    for (auto &[key, ns] : found) {
        ns.command = processCommand(ns.pid);
        if (auto cgroup = readWholeFile(procPath(ns.pid, "cgroup").c_str()))
            ns.container = containerOfCgroup(*cgroup);
        list.push_back(std::move(ns));
    }
    std::sort(list.begin(), list.end(), [](const IpcNamespace &a, const IpcNamespace &b) {
        return a.id.inode < b.id.inode;
    });
    return list;
}

Error noProcessError(const std::string &call, pid_t pid)
{
    Error error = systemError(call, pidTarget(pid), ESRCH,
                              Text(QT_TRANSLATE_NOOP("shm", "there is no process %1 (it exited, "
                                                            "or never existed)"),
                                   {value(pid)}));
    error.kind = ErrorKind::NotFound;
    return error;
}

namespace {

// The IPC namespace file of process pid, opened; the Error says why not in the user's terms.
Result<FileDescriptor> openNamespaceFile(pid_t pid)
{
    if (pid <= 0)
        return inputError("--namespace", std::to_string(pid),
                          Text(QT_TRANSLATE_NOOP("shm", "A process id is a number above 0.")));
    const std::string path = procPath(pid, "ns/ipc");
    FileDescriptor nsFile(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (nsFile.isValid())
        return nsFile;
    const int saved = errno;
    if (saved == ENOENT || saved == ESRCH)
        return noProcessError("setns", pid);
    if (saved == EACCES || saved == EPERM)
        return systemError("open", path, saved,
                           Text(QT_TRANSLATE_NOOP("shm", "reading the IPC namespace of process "
                                                         "%1 needs the right to inspect it "
                                                         "(ptrace read: the same user, or "
                                                         "CAP_SYS_PTRACE); you are %2"),
                                {value(pid), whoAmI()}));
    return systemError("open", path, saved);
}

Error setnsError(pid_t pid, int setnsErrno)
{
    const std::string path = procPath(pid, "ns/ipc");
    if (setnsErrno == EPERM || setnsErrno == EACCES)
        return systemError("setns", path, setnsErrno,
                           Text(QT_TRANSLATE_NOOP("shm", "entering the IPC namespace of process %1 "
                                                         "needs CAP_SYS_ADMIN over the user "
                                                         "namespace that owns it (run as root, or "
                                                         "from that container's user namespace); "
                                                         "you are %2"),
                                {value(pid), whoAmI()}));
    return systemError("setns", path, setnsErrno);
}

bool isOurNamespace(int nsFile)
{
    struct stat theirs{};
    const auto ours = ipcNamespaceOf(0);
    return ::fstat(nsFile, &theirs) == 0 && ours && ours->device == theirs.st_dev
        && ours->inode == theirs.st_ino;
}

// Runs work on a thread of its own that has entered nsFile; the setns errno, or 0.
int runEntered(int nsFile, const std::function<void()> &work)
{
    int setnsErrno = 0;
    std::thread thread([&] {
        if (::setns(nsFile, CLONE_NEWIPC) != 0) {
            setnsErrno = errno;
            return;
        }
        work();
    });
    thread.join();
    return setnsErrno;
}

} // namespace

Result<void> runInIpcNamespace(pid_t pid, const std::function<void()> &work)
{
    auto nsFile = openNamespaceFile(pid);
    if (!nsFile)
        return nsFile.error();
    if (isOurNamespace(nsFile->get())) {
        work(); // our own namespace: no thread, no privilege needed
        return {};
    }
    if (const int setnsErrno = runEntered(nsFile->get(), work))
        return setnsError(pid, setnsErrno);
    return {};
}

namespace {
thread_local std::optional<IpcNamespaceId> t_here;
}

std::optional<IpcNamespaceId> currentIpcNamespace()
{
    if (!t_here)
        t_here = ipcNamespaceOf(0);
    return t_here;
}

int enterIpcNamespace(int nsFile)
{
    if (::setns(nsFile, CLONE_NEWIPC) != 0)
        return errno;
    struct stat st{};
    if (::fstat(nsFile, &st) == 0)
        t_here = IpcNamespaceId{st.st_dev, st.st_ino};
    else
        t_here.reset();
    return 0;
}

IpcNamespaceHandle::IpcNamespaceHandle(IpcNamespaceId id, pid_t pid, int fd)
    : m_id(id)
    , m_pid(pid)
    , m_fd(fd)
{
}

IpcNamespaceHandle::~IpcNamespaceHandle()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

Result<IpcNamespacePtr> IpcNamespaceHandle::open(pid_t pid)
{
    if (pid == 0) {
        const auto ours = ipcNamespaceOf(0);
        return IpcNamespacePtr(new IpcNamespaceHandle(ours.value_or(IpcNamespaceId{}), 0, -1));
    }
    auto nsFile = openNamespaceFile(pid);
    if (!nsFile)
        return nsFile.error();
    struct stat st{};
    if (::fstat(nsFile->get(), &st) != 0)
        return systemError("fstat", procPath(pid, "ns/ipc"), errno);
    const IpcNamespaceId id{st.st_dev, st.st_ino};
    if (isOurNamespace(nsFile->get()))
        return IpcNamespacePtr(new IpcNamespaceHandle(id, pid, -1));
    // Entering needs CAP_SYS_ADMIN over its owner: find out now, not at the first listing.
    if (const int setnsErrno = runEntered(nsFile->get(), [] {}))
        return setnsError(pid, setnsErrno);
    return IpcNamespacePtr(new IpcNamespaceHandle(id, pid, nsFile->release()));
}

IpcNamespaceScope::IpcNamespaceScope(const IpcNamespaceHandle *ns)
{
    if (!ns || ns->isOurs())
        return;
    const auto here = currentIpcNamespace();
    if (here && *here == ns->id())
        return;
    m_restore = ::open("/proc/thread-self/ns/ipc", O_RDONLY | O_CLOEXEC);
    if (m_restore < 0) {
        m_error = systemError("open", "/proc/thread-self/ns/ipc", errno);
        return;
    }
    if (const int setnsErrno = enterIpcNamespace(ns->descriptor())) {
        m_error = setnsError(ns->pid(), setnsErrno);
        ::close(std::exchange(m_restore, -1));
    }
}

IpcNamespaceScope::~IpcNamespaceScope()
{
    if (m_restore < 0)
        return;
    // Back where we came from: we could leave it, so we may return (the same capability).
    enterIpcNamespace(m_restore);
    ::close(m_restore);
}

std::string devShmOf(pid_t pid)
{
    if (pid <= 0)
        return "/dev/shm";
    const std::string theirs = procPath(pid, "root/dev/shm");
    struct stat a{}, b{};
    if (::stat("/dev/shm", &a) == 0 && ::stat(theirs.c_str(), &b) == 0 && a.st_dev == b.st_dev
        && a.st_ino == b.st_ino)
        return "/dev/shm";
    return theirs;
}

} // namespace shm
