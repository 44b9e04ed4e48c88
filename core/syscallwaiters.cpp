#include "syscallwaiters.h"

#include "fileread.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <dirent.h>
#include <memory>
#include <string>
#include <sys/stat.h>

namespace shm {

namespace {

bool isNumber(const char *name)
{
    if (*name == '\0')
        return false;
    for (const char *c = name; *c; ++c) {
        if (*c < '0' || *c > '9')
            return false;
    }
    return true;
}

struct DirCloser
{
    void operator()(DIR *dir) const { ::closedir(dir); }
};
using Dir = std::unique_ptr<DIR, DirCloser>;

// The numeric entries of a /proc directory, in order.
std::vector<pid_t> numericEntries(const std::string &path)
{
    std::vector<pid_t> ids;
    Dir dir(::opendir(path.c_str()));
    if (!dir)
        return ids;
    while (const dirent *entry = ::readdir(dir.get())) {
        if (isNumber(entry->d_name))
            ids.push_back(static_cast<pid_t>(std::atol(entry->d_name)));
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

// The inode of an IPC namespace link, 0 when it cannot be read (errno says why).
ino_t ipcNamespace(const std::string &path)
{
    struct stat st{};
    return ::stat(path.c_str(), &st) == 0 ? st.st_ino : 0;
}

// Whether a failed read of /proc was refused, rather than the process or task gone meanwhile.
bool refused()
{
    return errno == EACCES || errno == EPERM;
}

} // namespace

bool parseSyscallLine(std::string_view line, long *number, int *firstArgument)
{
    const char *p = line.data();
    const char *end = p + line.size();
    long call = -1;
    auto parsed = std::from_chars(p, end, call);
    if (parsed.ec != std::errc() || call < 0 || parsed.ptr == end || *parsed.ptr != ' ')
        return false;
    p = parsed.ptr + 1;
    if (end - p < 3 || p[0] != '0' || p[1] != 'x')
        return false;
    unsigned long long first = 0;
    parsed = std::from_chars(p + 2, end, first, 16);
    if (parsed.ec != std::errc()
        || (parsed.ptr != end && *parsed.ptr != ' ' && *parsed.ptr != '\n'))
        return false;
    *number = call;
    *firstArgument = static_cast<int>(static_cast<unsigned>(first & 0xffffffffULL));
    return true;
}

BlockedTasks findBlockedTasks(const std::function<bool(long number, int firstArgument)> &wanted)
{
    BlockedTasks result;
    const ino_t ours = ipcNamespace("/proc/thread-self/ns/ipc");
    for (pid_t pid : numericEntries("/proc")) {
        const std::string base = "/proc/" + std::to_string(pid);
        const ino_t theirs = ipcNamespace(base + "/ns/ipc");
        if (theirs == 0) {
            if (refused())
                ++result.unreadable;
            continue;
        }
        if (ours != 0 && theirs != ours)
            continue;
        bool unreadable = false;
        for (pid_t tid : numericEntries(base + "/task")) {
            const std::string path = base + "/task/" + std::to_string(tid) + "/syscall";
            const auto line = readWholeFile(path.c_str());
            if (!line) {
                unreadable = unreadable || refused();
                continue;
            }
            long number = 0;
            int first = 0;
            if (parseSyscallLine(*line, &number, &first) && wanted(number, first))
                result.tasks.push_back({pid, tid, number});
        }
        if (unreadable)
            ++result.unreadable;
    }
    return result;
}

} // namespace shm
