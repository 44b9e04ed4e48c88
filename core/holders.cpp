#include "holders.h"

#include "attachers.h"
#include "filedescriptor.h"
#include "fileread.h"
#include "textscan.h"

#include <cerrno>
#include <climits>
#include <dirent.h>
#include <fcntl.h>
#include <limits>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace shm {

std::optional<MapsEntry> parseMapsEntry(std::string_view line)
{
    // start-end perms offset major:minor inode [path]; the path is the rest of the line after
    // the padding, and may hold spaces.
    std::string_view rest = line;
    const std::string_view range = nextField(rest, " ");
    const std::string_view perms = nextField(rest, " ");
    const std::string_view offset = nextField(rest, " ");
    const std::string_view device = nextField(rest, " ");
    const std::string_view inode = nextField(rest, " ");
    std::size_t pad = 0;
    while (pad < rest.size() && rest[pad] == ' ')
        ++pad;
    rest.remove_prefix(pad);
    const std::size_t dash = range.find('-');
    const std::size_t colon = device.find(':');
    if (dash == std::string_view::npos || colon == std::string_view::npos || perms.size() != 4)
        return std::nullopt;
    MapsEntry entry;
    unsigned major = 0, minor = 0;
    if (!parseWhole(range.substr(0, dash), entry.start, 16)
        || !parseWhole(range.substr(dash + 1), entry.end, 16) || entry.end < entry.start
        || !parseWhole(offset, entry.offset, 16) || !parseWhole(device.substr(0, colon), major, 16)
        || !parseWhole(device.substr(colon + 1), minor, 16) || major > 0xfff || minor > 0xfffff
        || !parseWhole(inode, entry.inode, 10))
        return std::nullopt;
    if ((perms[0] != 'r' && perms[0] != '-') || (perms[1] != 'w' && perms[1] != '-')
        || (perms[3] != 's' && perms[3] != 'p'))
        return std::nullopt;
    entry.readable = perms[0] == 'r';
    entry.writable = perms[1] == 'w';
    entry.shared = perms[3] == 's';
    entry.device = makedev(major, minor);
    entry.path = rest;
    return entry;
}

std::optional<unsigned> parseFdinfoFlags(std::string_view text)
{
    while (!text.empty()) {
        const std::size_t eol = text.find('\n');
        std::string_view line = text.substr(0, eol);
        text = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);
        if (!line.starts_with("flags:"))
            continue;
        line.remove_prefix(6);
        const std::string_view field = nextField(line, " \t");
        unsigned flags = 0;
        if (!nextField(line, " \t").empty() || !parseWhole(field, flags, 8))
            return std::nullopt;
        return flags;
    }
    return std::nullopt;
}

std::optional<std::string> memfdName(std::string_view path)
{
    constexpr std::string_view prefix = "/memfd:", deleted = " (deleted)";
    if (!path.starts_with(prefix))
        return std::nullopt;
    path.remove_prefix(prefix.size());
    if (path.ends_with(deleted))
        path.remove_suffix(deleted.size());
    return std::string(path);
}

namespace {

std::string procPath(pid_t pid, std::string_view file)
{
    std::string path = "/proc/";
    path += std::to_string(pid);
    path += '/';
    path += file;
    return path;
}

std::string hexRange(std::uint64_t start, std::uint64_t end)
{
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%llx-%llx", static_cast<unsigned long long>(start),
                  static_cast<unsigned long long>(end));
    return buffer;
}

class Scanner
{
public:
    explicit Scanner(const HolderScanRequest &request)
        : m_request(request)
        , m_namespace(request.ipcNamespace ? request.ipcNamespace : ipcNamespaceOf(0))
        , m_self(::getpid())
    {
    }

    void scanProcess(pid_t pid)
    {
        m_command.clear();
        m_commandRead = false;
        m_pid = pid;
        const auto ns = ipcNamespaceOf(pid);
        const bool inNamespace = ns && m_namespace && *ns == *m_namespace;
        const bool ours = pid == m_self && m_request.ownNamespace;
        const bool wantMemfd = m_request.memfd
            && (ours ? *m_request.ownNamespace == m_namespace : inNamespace);
        const bool wantSysv = m_request.sysv && inNamespace;
        const bool wantPosix = !m_request.posixDevices.empty();
        if (!wantMemfd && !wantSysv && !wantPosix)
            return;
        if (!scanMappings(wantSysv, wantPosix, wantMemfd)) {
            ++m_scan.processesSkipped;
            return;
        }
        if (wantPosix || wantMemfd)
            scanDescriptors(wantPosix, wantMemfd);
    }

    HolderScan take() { return std::move(m_scan); }

private:
    const std::string &command()
    {
        if (!m_commandRead) {
            m_command = processCommand(m_pid);
            m_commandRead = true;
        }
        return m_command;
    }

    Holder mapHolder(const MapsEntry &e)
    {
        return Holder{m_pid, command(), e.writable, HolderVia::Map, -1, e.start, e.end};
    }

    // A file mapped in several pieces by one process (a library loader, mprotect splitting
    // a mapping) is one holder per access.
    void addMapHolder(const FileId &id, const MapsEntry &entry)
    {
        std::vector<Holder> &holders = m_scan.files[id];
        for (const Holder &h : holders) {
            if (h.pid == m_pid && h.via == HolderVia::Map && h.writable == entry.writable)
                return;
        }
        holders.push_back(mapHolder(entry));
    }

    // The mappings of the process: through PROCMAP_QUERY, its shared file mappings alone, or
    // the whole maps text where the kernel lacks it. False when its maps cannot be read.
    bool scanMappings(bool sysv, bool posix, bool memfd)
    {
        const std::string path = procPath(m_pid, "maps");
        FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
        if (!fd.isValid())
            return false;
        const MappingQuery queried = querySharedFileMappings(
            fd.get(), [&](const SharedFileMapping &m) {
                if (!m.name.starts_with('/'))
                    return;
                MapsEntry entry;
                entry.start = m.start;
                entry.end = m.end;
                entry.readable = true;
                entry.writable = m.writable;
                entry.shared = true;
                entry.device = m.device;
                entry.inode = m.inode;
                entry.path = m.name;
                addMapping(entry, sysv, posix, memfd, [&] {
                    const std::string_view word = m.name.substr(0, m.name.find(' '));
                    return word.size() == 13 && m.inode <= std::uint64_t(INT_MAX)
                        ? std::optional<int>(int(m.inode))
                        : std::nullopt;
                });
            });
        if (queried == MappingQuery::Done)
            return true;
        if (queried == MappingQuery::Failed)
            return false;
        const auto maps = readWholeFile(path.c_str());
        if (!maps)
            return false;
        scanMaps(*maps, sysv, posix, memfd);
        return true;
    }

    void scanMaps(std::string_view text, bool sysv, bool posix, bool memfd)
    {
        // Most lines are of no interest: look for the lines whose path can be one of ours.
        const bool anySysv = sysv && text.find("/SYSV") != std::string_view::npos;
        const bool anyMemfd = memfd && text.find("/memfd:") != std::string_view::npos;
        if (!anySysv && !anyMemfd && !posix)
            return;
        while (!text.empty()) {
            const std::size_t eol = text.find('\n');
            const std::string_view line = text.substr(0, eol);
            text = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);
            // A path starts with '/' after the inode; anonymous and [heap] lines are skipped
            // before parsing.
            const std::size_t slash = line.find('/');
            if (slash == std::string_view::npos)
                continue;
            const std::string_view path = line.substr(slash);
            const bool maybeSysv = anySysv && path.starts_with("/SYSV");
            const bool maybeMemfd = anyMemfd && path.starts_with("/memfd:");
            const bool maybePosix
                = posix && (!m_request.posixUnderDevShm || path.starts_with("/dev/shm/"));
            if (!maybeSysv && !maybeMemfd && !maybePosix)
                continue;
            const auto entry = parseMapsEntry(line);
            if (!entry)
                continue;
            addMapping(*entry, maybeSysv, maybePosix, maybeMemfd, [&] {
                auto m = parseMapsLine(line);
                return m ? std::optional<int>(m->shmid) : std::nullopt;
            });
        }
    }

    // One mapping of a file: a System V attachment (its shmid from `shmidOf`), a memfd, or a
    // POSIX object of the devices asked for.
    template<typename ShmidOf>
    void addMapping(const MapsEntry &entry, bool sysv, bool posix, bool memfd, ShmidOf shmidOf)
    {
        if (sysv && entry.path.starts_with("/SYSV")) {
            if (auto shmid = shmidOf())
                m_scan.sysv[*shmid].push_back(mapHolder(entry));
            return;
        }
        const FileId id{entry.device, static_cast<ino_t>(entry.inode)};
        if (entry.path.starts_with("/memfd:")) {
            if (!memfd)
                return;
            if (auto name = memfdName(entry.path)) {
                m_scan.memfdNames.emplace(id, *name);
                m_scan.memfdPaths[id].push_back(
                    procPath(m_pid, "map_files/" + hexRange(entry.start, entry.end)));
                addMapHolder(id, entry);
            }
            return;
        }
        if (posix && (!m_request.posixUnderDevShm || entry.path.starts_with("/dev/shm/"))
            && m_request.posixDevices.count(entry.device))
            addMapHolder(id, entry);
    }

    void scanDescriptors(bool posix, bool memfd)
    {
        const std::string dirPath = procPath(m_pid, "fd");
        DIR *dir = ::opendir(dirPath.c_str());
        if (!dir)
            return;
        char link[4096];
        while (dirent *entry = ::readdir(dir)) {
            int fd = -1;
            if (!parseWhole(std::string_view(entry->d_name), fd, 10))
                continue;
            const std::string fdPath = dirPath + "/" + entry->d_name;
            const ssize_t n = ::readlink(fdPath.c_str(), link, sizeof link);
            if (n <= 0 || n >= static_cast<ssize_t>(sizeof link) || link[0] != '/')
                continue; // sockets, pipes, anon inodes
            const std::string_view target(link, static_cast<std::size_t>(n));
            const auto name = memfd ? memfdName(target) : std::nullopt;
            // POSIX objects are told by their device; a /dev/shm path is a quick hint only
            // for processes of our mount namespace, so every plain file is checked.
            if (!name && (!posix || (m_request.posixUnderDevShm
                                     && !target.starts_with("/dev/shm/"))))
                continue;
            if (!name && target.starts_with("/memfd:"))
                continue;
            struct stat st{};
            if (::stat(fdPath.c_str(), &st) != 0)
                continue;
            const FileId id{st.st_dev, st.st_ino};
            if (!name && (!S_ISREG(st.st_mode) || !m_request.posixDevices.count(st.st_dev)))
                continue;
            Holder holder{m_pid, command(), false, HolderVia::Fd, fd, 0, 0};
            if (auto info = readWholeFile(procPath(m_pid, "fdinfo/" + std::string(entry->d_name))
                                              .c_str())) {
                if (auto flags = parseFdinfoFlags(*info))
                    holder.writable = (*flags & O_ACCMODE) != O_RDONLY;
            }
            if (name) {
                m_scan.memfdNames.emplace(id, *name);
                m_scan.memfdPaths[id].insert(m_scan.memfdPaths[id].begin(), fdPath);
            }
            m_scan.files[id].push_back(std::move(holder));
        }
        ::closedir(dir);
    }

    const HolderScanRequest &m_request;
    std::optional<IpcNamespaceId> m_namespace;
    pid_t m_self = 0;
    HolderScan m_scan;
    pid_t m_pid = 0;
    std::string m_command;
    bool m_commandRead = false;
};

} // namespace

HolderScan scanHolders(const HolderScanRequest &request)
{
    Scanner scanner(request);
    if (DIR *proc = ::opendir("/proc")) {
        while (dirent *entry = ::readdir(proc)) {
            pid_t pid = 0;
            if (parseWhole(std::string_view(entry->d_name), pid, 10) && pid > 0)
                scanner.scanProcess(pid);
        }
        ::closedir(proc);
    }
    return scanner.take();
}

} // namespace shm
