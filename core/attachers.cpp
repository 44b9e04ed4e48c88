#include "attachers.h"

#include "fileread.h"
#include "textscan.h"

#include <dirent.h>
#include <limits>

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
    SysvMapping mapping;
    std::uint32_t key = 0;
    std::uint64_t shmid = 0;
    if (!parseWhole(range.substr(0, dash), mapping.start, 16)
        || !parseWhole(range.substr(dash + 1), mapping.end, 16) || mapping.end < mapping.start
        || !parseWhole(inode, shmid, 10)
        || shmid > static_cast<std::uint64_t>(std::numeric_limits<int>::max())
        || !parseWhole(name.substr(5), key, 16))
        return std::nullopt;
    if (perms[0] != 'r' && perms[0] != '-')
        return std::nullopt;
    mapping.writable = perms[1] == 'w';
    mapping.shmid = static_cast<int>(shmid);
    mapping.key = static_cast<std::int32_t>(key);
    return mapping;
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

// Calls fn(pid, mappings) for every process whose maps hold a System V mapping.
template<typename Fn>
void forEachProcessWithMappings(Fn fn)
{
    DIR *proc = ::opendir("/proc");
    if (!proc)
        return;
    while (dirent *entry = ::readdir(proc)) {
        if (!isPidName(entry->d_name))
            continue;
        pid_t pid = 0;
        if (!parseWhole(std::string_view(entry->d_name), pid, 10))
            continue;
        auto maps = readWholeFile(procPath(pid, "maps").c_str());
        if (!maps || maps->find("/SYSV") == std::string::npos)
            continue; // gone, or not ours to read: skipped
        auto mappings = parseMaps(*maps);
        if (!mappings.empty())
            fn(pid, mappings);
    }
    ::closedir(proc);
}

Attacher toAttacher(pid_t pid, const std::string &command, const SysvMapping &m)
{
    return Attacher{pid, command, m.start, m.end, m.writable, m.shmid, m.key};
}

} // namespace

std::vector<Attacher> findAttachers(int shmid)
{
    std::vector<Attacher> attachers;
    forEachProcessWithMappings([&](pid_t pid, const std::vector<SysvMapping> &mappings) {
        std::string command;
        for (const SysvMapping &m : mappings) {
            if (m.shmid != shmid)
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
    std::map<int, std::vector<Attacher>> all;
    forEachProcessWithMappings([&](pid_t pid, const std::vector<SysvMapping> &mappings) {
        std::string command = processCommand(pid);
        for (const SysvMapping &m : mappings)
            all[m.shmid].push_back(toAttacher(pid, command, m));
    });
    return all;
}

} // namespace shm
