#include "semaphorewaiters.h"

#include "fileread.h"

#include <algorithm>
#include <charconv>
#include <dirent.h>
#include <memory>
#include <string>
#include <sys/syscall.h>

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

// The numeric entries of a /proc directory.
std::vector<std::string> numericEntries(const std::string &path)
{
    std::vector<std::string> names;
    Dir dir(::opendir(path.c_str()));
    if (!dir)
        return names;
    while (const dirent *entry = ::readdir(dir.get())) {
        if (isNumber(entry->d_name))
            names.emplace_back(entry->d_name);
    }
    return names;
}

bool isSemopCall(long number)
{
#ifdef SYS_semop
    if (number == SYS_semop)
        return true;
#endif
#ifdef SYS_semtimedop
    if (number == SYS_semtimedop)
        return true;
#endif
    (void)number;
    return false;
}

} // namespace

bool syscallWaitsOnSemaphoreSet(std::string_view line, int semid)
{
    const char *p = line.data();
    const char *end = p + line.size();
    long number = -1;
    auto parsed = std::from_chars(p, end, number);
    if (parsed.ec != std::errc() || !isSemopCall(number) || parsed.ptr == end || *parsed.ptr != ' ')
        return false;
    p = parsed.ptr + 1;
    if (end - p < 2 || p[0] != '0' || p[1] != 'x')
        return false;
    unsigned long long first = 0;
    parsed = std::from_chars(p + 2, end, first, 16);
    if (parsed.ec != std::errc())
        return false;
    // The argument is an int in a register: compare its low 32 bits.
    return static_cast<int>(static_cast<unsigned>(first & 0xffffffffULL)) == semid;
}

std::vector<pid_t> semaphoreWaiters(int semid)
{
    std::vector<pid_t> waiters;
    for (const std::string &pid : numericEntries("/proc")) {
        const std::string tasks = "/proc/" + pid + "/task";
        for (const std::string &tid : numericEntries(tasks)) {
            const std::string path = tasks + "/" + tid + "/syscall";
            auto text = readWholeFile(path.c_str());
            if (text && syscallWaitsOnSemaphoreSet(*text, semid)) {
                waiters.push_back(static_cast<pid_t>(std::stol(pid)));
                break;
            }
        }
    }
    std::sort(waiters.begin(), waiters.end());
    return waiters;
}

} // namespace shm
