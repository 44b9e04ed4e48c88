#include "attachers.h"

#include "filedescriptor.h"
#include "fileread.h"
#include "limits.h"
#include "textscan.h"

#include <atomic>
#include <cerrno>
#include <climits>
#include <dirent.h>
#include <fcntl.h>
#include <limits>
#include <sys/ioctl.h>
#include <sys/sysmacros.h>
#include <sys/stat.h>

namespace shm {

namespace {

bool isPidName(const char *name)
{
    if (!*name)
        return false;
    for (; *name; ++name) {
        if (*name < '0' || *name > '9')
            return false;
    }
    return true;
}

std::string procPath(pid_t pid, const char *file)
{
    return "/proc/" + std::to_string(pid) + "/" + file;
}

// An IPC namespace is named by the device and inode of its /proc/PID/ns/ipc.
struct NamespaceId
{
    dev_t device = 0;
    ino_t inode = 0;
    bool operator==(const NamespaceId &) const = default;
};

std::optional<NamespaceId> ipcNamespaceAt(const char *path)
{
    struct stat st{};
    if (::stat(path, &st) != 0)
        return std::nullopt;
    return NamespaceId{st.st_dev, st.st_ino};
}

// The huge page sizes the kernel offers (/sys/kernel/mm/hugepages/hugepages-<N>kB), read once.
const std::vector<std::uint64_t> &hugePageSizes()
{
    static const std::vector<std::uint64_t> sizes = [] {
        std::vector<std::uint64_t> found;
        if (DIR *dir = ::opendir("/sys/kernel/mm/hugepages")) {
            while (dirent *entry = ::readdir(dir)) {
                std::string_view name(entry->d_name);
                constexpr std::string_view prefix = "hugepages-", suffix = "kB";
                std::uint64_t kib = 0;
                if (name.size() > prefix.size() + suffix.size() && name.starts_with(prefix)
                    && name.ends_with(suffix)
                    && parseWhole(name.substr(prefix.size(),
                                              name.size() - prefix.size() - suffix.size()),
                                  kib, 10)
                    && kib > 0 && kib < (std::uint64_t(1) << 44))
                    found.push_back(kib * 1024);
            }
            ::closedir(dir);
        }
        return found;
    }();
    return sizes;
}

bool isRoundedUpTo(std::uint64_t length, std::uint64_t size, std::uint64_t page)
{
    if (page == 0 || size == 0 || size > std::numeric_limits<std::uint64_t>::max() - page)
        return false;
    return length == (size + page - 1) / page * page;
}

} // namespace

bool mappingCanBe(std::uint64_t length, std::uint64_t size)
{
    if (isRoundedUpTo(length, size, pageSize()))
        return true;
    for (std::uint64_t huge : hugePageSizes()) {
        if (isRoundedUpTo(length, size, huge))
            return true;
    }
    return false;
}

bool inOurIpcNamespace(pid_t pid)
{
    const auto ours = ipcNamespaceAt("/proc/thread-self/ns/ipc");
    const auto theirs = ipcNamespaceAt(procPath(pid, "ns/ipc").c_str());
    return ours && theirs && *ours == *theirs;
}

namespace {

// A mapping of [start, end) of the file `inode` named `name` (its path's first word, as maps
// shows it: " (deleted)" follows) is a System V attachment when the name is /SYSV and the key.
std::optional<SysvMapping> sysvMapping(std::uint64_t start, std::uint64_t end, bool writable,
                                       std::uint64_t inode, std::string_view name)
{
    if (name.size() != 13 || name.substr(0, 5) != "/SYSV" || end < start
        || inode > static_cast<std::uint64_t>(std::numeric_limits<int>::max()))
        return std::nullopt;
    std::uint32_t key = 0;
    if (!parseWhole(name.substr(5), key, 16))
        return std::nullopt;
    return SysvMapping{start, end, writable, static_cast<int>(inode),
                       static_cast<std::int32_t>(key)};
}

} // namespace

std::optional<SysvMapping> parseMapsLine(std::string_view line)
{
    // start-end perms offset dev inode pathname
    std::string_view range = nextField(line, " ");
    std::string_view perms = nextField(line, " ");
    std::string_view offset = nextField(line, " ");
    std::string_view device = nextField(line, " ");
    std::string_view inode = nextField(line, " ");
    std::string_view name = nextField(line, " ");
    if (name.size() != 13 || name.substr(0, 5) != "/SYSV" || perms.size() != 4 || offset.empty()
        || device.empty())
        return std::nullopt;
    std::size_t dash = range.find('-');
    if (dash == std::string_view::npos)
        return std::nullopt;
    std::uint64_t start = 0, end = 0, shmid = 0;
    if (!parseWhole(range.substr(0, dash), start, 16)
        || !parseWhole(range.substr(dash + 1), end, 16) || !parseWhole(inode, shmid, 10))
        return std::nullopt;
    if (perms[0] != 'r' && perms[0] != '-')
        return std::nullopt;
    return sysvMapping(start, end, perms[1] == 'w', shmid, name);
}

std::vector<SysvMapping> parseMaps(std::string_view text)
{
    std::vector<SysvMapping> mappings;
    std::size_t at = 0;
    while ((at = text.find("/SYSV", at)) != std::string_view::npos) {
        std::size_t begin = text.rfind('\n', at);
        begin = begin == std::string_view::npos ? 0 : begin + 1;
        std::size_t end = text.find('\n', at);
        if (end == std::string_view::npos)
            end = text.size();
        if (auto mapping = parseMapsLine(text.substr(begin, end - begin)))
            mappings.push_back(*mapping);
        at = end;
    }
    return mappings;
}

std::string processName(pid_t pid)
{
    auto text = readWholeFile(procPath(pid, "comm").c_str());
    if (!text)
        return {};
    while (!text->empty() && text->back() == '\n')
        text->pop_back();
    return *text;
}

std::string processCommand(pid_t pid)
{
    auto text = readWholeFile(procPath(pid, "cmdline").c_str());
    if (text) {
        while (!text->empty() && text->back() == '\0')
            text->pop_back();
        for (char &c : *text) {
            if (c == '\0')
                c = ' ';
        }
        if (!text->empty())
            return *text;
    }
    std::string name = processName(pid);
    return name.empty() ? std::string() : "[" + name + "]";
}

namespace {

// PROCMAP_QUERY (Linux 6.11; linux/fs.h, declared here for older headers): asks a descriptor of
// /proc/PID/maps for the next mapping that matches, one mapping at a time, without the kernel
// formatting (and naming) every mapping of the process as reading the text does: with 300
// processes that each map a hundred files, a scan costs a third of what the text costs.
struct ProcmapQuery
{
    std::uint64_t size = sizeof(ProcmapQuery);
    std::uint64_t queryFlags = 0;
    std::uint64_t queryAddress = 0;
    std::uint64_t vmaStart = 0;
    std::uint64_t vmaEnd = 0;
    std::uint64_t vmaFlags = 0;
    std::uint64_t vmaPageSize = 0;
    std::uint64_t vmaOffset = 0;
    std::uint64_t inode = 0;
    std::uint32_t deviceMajor = 0;
    std::uint32_t deviceMinor = 0;
    std::uint32_t vmaNameSize = 0;
    std::uint32_t buildIdSize = 0;
    std::uint64_t vmaNameAddress = 0;
    std::uint64_t buildIdAddress = 0;
};
static_assert(sizeof(ProcmapQuery) == 104);
constexpr unsigned long ProcmapQueryRequest = _IOWR('f', 17, ProcmapQuery);
constexpr std::uint64_t QueryVmaWritable = 0x02;
constexpr std::uint64_t QueryVmaShared = 0x08;
constexpr std::uint64_t QueryCoveringOrNextVma = 0x10;
constexpr std::uint64_t QueryFileBackedVma = 0x20;

// Set once a kernel says it has no PROCMAP_QUERY: every scan then reads the maps text.
std::atomic<bool> noProcmapQuery{false};

} // namespace

MappingQuery querySharedFileMappings(int mapsFd,
                                     const std::function<void(const SharedFileMapping &)> &fn)
{
    if (noProcmapQuery.load(std::memory_order_relaxed))
        return MappingQuery::Unsupported;
    char name[PATH_MAX];
    std::uint64_t from = 0;
    for (bool first = true;; first = false) {
        ProcmapQuery query;
        query.queryFlags = QueryCoveringOrNextVma | QueryVmaShared | QueryFileBackedVma;
        query.queryAddress = from;
        query.vmaNameSize = sizeof name; // PATH_MAX: never too small for the kernel's name
        query.vmaNameAddress = reinterpret_cast<std::uintptr_t>(name);
        if (::ioctl(mapsFd, ProcmapQueryRequest, &query) != 0) {
            if (errno == ENOENT)
                return MappingQuery::Done; // no mapping left
            if (errno == ENOTTY)
                noProcmapQuery.store(true, std::memory_order_relaxed);
            return first ? MappingQuery::Unsupported : MappingQuery::Failed;
        }
        SharedFileMapping mapping;
        mapping.start = query.vmaStart;
        mapping.end = query.vmaEnd;
        mapping.writable = (query.vmaFlags & QueryVmaWritable) != 0;
        mapping.device = makedev(query.deviceMajor, query.deviceMinor);
        mapping.inode = query.inode;
        mapping.name = std::string_view(name, query.vmaNameSize > 0 ? query.vmaNameSize - 1 : 0);
        fn(mapping);
        if (query.vmaEnd <= from)
            return MappingQuery::Failed; // never loops, whatever the kernel answers
        from = query.vmaEnd;
    }
}

namespace {

// The System V mappings of the process whose maps `fd` reads. Only its shared file mappings
// are asked for: shmat maps a segment shared, so no other mapping can be an attachment.
MappingQuery querySysvMappings(int fd, std::vector<SysvMapping> &mappings)
{
    return querySharedFileMappings(fd, [&](const SharedFileMapping &m) {
        // The path's first word, as the maps parser's.
        const std::string_view text = m.name.substr(0, m.name.find(' '));
        if (auto mapping = sysvMapping(m.start, m.end, m.writable, m.inode, text))
            mappings.push_back(*mapping);
    });
}

// The System V mappings of process pid, into `mappings`; false when its maps cannot be read
// (gone, or not ours to read).
bool sysvMappingsOf(pid_t pid, std::vector<SysvMapping> &mappings)
{
    const std::string path = procPath(pid, "maps");
    if (!noProcmapQuery.load(std::memory_order_relaxed)) {
        FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
        if (!fd.isValid())
            return false;
        switch (querySysvMappings(fd.get(), mappings)) {
        case MappingQuery::Done:
            return true;
        case MappingQuery::Failed:
            return false;
        case MappingQuery::Unsupported:
            mappings.clear();
            break;
        }
    }
    auto maps = readWholeFile(path.c_str());
    if (!maps)
        return false;
    if (maps->find("/SYSV") != std::string::npos)
        mappings = parseMaps(*maps);
    return true;
}

// Calls fn(pid, mappings) for every process of the IPC namespace `ns` (ours when unset) whose
// maps hold a System V mapping.
template<typename Fn>
void forEachProcessWithMappings(const std::optional<IpcNamespaceId> &ns, Fn fn)
{
    std::optional<NamespaceId> ours;
    if (ns)
        ours = NamespaceId{ns->device, ns->inode};
    else
        ours = ipcNamespaceAt("/proc/thread-self/ns/ipc");
    if (!ours)
        return; // without the namespace, no mapping can be told to be of its segments
    DIR *proc = ::opendir("/proc");
    if (!proc)
        return;
    while (dirent *entry = ::readdir(proc)) {
        if (!isPidName(entry->d_name))
            continue;
        pid_t pid = 0;
        if (!parseWhole(std::string_view(entry->d_name), pid, 10))
            continue;
        std::vector<SysvMapping> mappings;
        if (!sysvMappingsOf(pid, mappings) || mappings.empty())
            continue; // gone, not ours to read, or without segments: skipped
        if (ipcNamespaceAt(procPath(pid, "ns/ipc").c_str()) != ours)
            continue; // another IPC namespace: its shmids name other segments
        fn(pid, mappings);
    }
    ::closedir(proc);
}

Attacher toAttacher(pid_t pid, const std::string &command, const SysvMapping &m)
{
    return Attacher{pid, command, m.start, m.end, m.writable, m.shmid, m.key};
}

} // namespace

std::vector<Attacher> findAttachers(int shmid, std::uint64_t size)
{
    return findAttachers(shmid, size, std::nullopt);
}

std::vector<Attacher> findAttachers(int shmid, std::uint64_t size,
                                    const std::optional<IpcNamespaceId> &ns)
{
    std::vector<Attacher> attachers;
    forEachProcessWithMappings(ns, [&](pid_t pid, const std::vector<SysvMapping> &mappings) {
        std::string command;
        for (const SysvMapping &m : mappings) {
            if (m.shmid != shmid || !mappingCanBe(m.end - m.start, size))
                continue;
            if (command.empty())
                command = processCommand(pid);
            attachers.push_back(toAttacher(pid, command, m));
        }
    });
    return attachers;
}

std::map<int, std::vector<Attacher>> findAllAttachers()
{
    return findAllAttachers(std::nullopt);
}

std::map<int, std::vector<Attacher>> findAllAttachers(const std::optional<IpcNamespaceId> &ns)
{
    std::map<int, std::vector<Attacher>> all;
    forEachProcessWithMappings(ns, [&](pid_t pid, const std::vector<SysvMapping> &mappings) {
        std::string command = processCommand(pid);
        for (const SysvMapping &m : mappings)
            all[m.shmid].push_back(toAttacher(pid, command, m));
    });
    return all;
}

} // namespace shm
