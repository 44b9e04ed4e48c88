#pragma once

// Helpers of the lesson tests (fork and race): which processes, segments and semaphore sets
// exist, read from /proc and the kernel, and starting the program.

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <dirent.h>
#include <fcntl.h>
#include <sstream>
#include <string>
#include <spawn.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern "C" char **environ;

namespace demotest {

// The whole of a /proc file, or "" when it cannot be read. A process that exits between open()
// and read() makes read() fail with ESRCH; std::ifstream's filebuf throws on that, so plain
// POSIX calls are used.
inline std::string readProcFile(const std::string &path)
{
    std::string text;
    const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return text;
    char buffer[4096];
    for (;;) {
        const ssize_t got = read(fd, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break;
        text.append(buffer, static_cast<std::size_t>(got));
    }
    close(fd);
    return text;
}

// The pids whose parent is `parent` (zombies included), from /proc/*/stat.
inline std::vector<pid_t> childrenOf(pid_t parent)
{
    std::vector<pid_t> children;
    DIR *proc = opendir("/proc");
    if (!proc)
        return children;
    while (dirent *entry = readdir(proc)) {
        const pid_t pid = static_cast<pid_t>(std::atoi(entry->d_name));
        if (pid <= 0)
            continue;
        const std::string text = readProcFile("/proc/" + std::to_string(pid) + "/stat");
        const auto close = text.rfind(')');
        if (close == std::string::npos || close + 2 > text.size())
            continue;
        std::istringstream rest(text.substr(close + 2));
        std::string state;
        pid_t ppid = 0;
        rest >> state >> ppid;
        if (ppid == parent)
            children.push_back(pid);
    }
    closedir(proc);
    return children;
}

// True while /proc/PID exists (a zombie counts: it has not been reaped).
inline bool processExists(pid_t pid)
{
    return access(("/proc/" + std::to_string(pid)).c_str(), F_OK) == 0;
}

struct SegmentLine
{
    int shmid = -1;
    unsigned mode = 0;
    pid_t cpid = 0;
    unsigned long nattch = 0;
};

// Segments made by process `creator`, from /proc/sysvipc/shm.
inline std::vector<SegmentLine> segmentsCreatedBy(pid_t creator)
{
    std::vector<SegmentLine> found;
    std::istringstream file(readProcFile("/proc/sysvipc/shm"));
    std::string line;
    std::getline(file, line); // header
    while (std::getline(file, line)) {
        std::istringstream fields(line);
        long long key = 0;
        SegmentLine segment;
        unsigned long long size = 0;
        pid_t lpid = 0;
        fields >> key >> segment.shmid >> std::oct >> segment.mode >> std::dec >> size
            >> segment.cpid >> lpid >> segment.nattch;
        if (fields && segment.cpid == creator)
            found.push_back(segment);
    }
    return found;
}

// True once `app` has made a segment with `nattch` attachments and the `modeBits` set in its
// mode, while it has `childCount` children; `shmid` and `child` (its first child, 0 if none)
// then say which.
inline bool stageReached(pid_t app, unsigned long nattch, std::size_t childCount,
                         unsigned modeBits, int &shmid, pid_t &child)
{
    const auto children = childrenOf(app);
    for (const auto &segment : segmentsCreatedBy(app)) {
        if (segment.nattch == nattch && (segment.mode & modeBits) == modeBits
            && children.size() == childCount) {
            shmid = segment.shmid;
            child = childCount > 0 ? children.front() : 0;
            return true;
        }
    }
    return false;
}

// waitpid(pid, WNOHANG) until it answers, for QTRY_VERIFY: QTRY evaluates its expression again
// at the end, so the first answer is kept (`reaped` is then the pid, or -1).
struct Reaper
{
    pid_t pid = 0;
    int status = 0;
    pid_t reaped = 0;

    bool operator()()
    {
        if (reaped == 0)
            reaped = waitpid(pid, &status, WNOHANG);
        return reaped != 0;
    }
};

// Kills `app` if it still runs (app > 0), reaps it and removes the segments it made, then reaps
// whatever else came to this process (a subreaper gets the orphans), so a check that failed
// half-way leaves nothing.
inline void killAndReapEverything(pid_t &app)
{
    if (app > 0) {
        kill(app, SIGKILL);
        waitpid(app, nullptr, 0);
        for (const auto &segment : segmentsCreatedBy(app))
            shmctl(segment.shmid, IPC_RMID, nullptr);
        app = 0;
    }
    for (int i = 0; i < 100 && !childrenOf(getpid()).empty(); ++i) {
        while (waitpid(-1, nullptr, WNOHANG) > 0) {
        }
        usleep(20000);
    }
}

// True once the kernel knows no segment or semaphore set of this id (IPC_STAT says EINVAL or
// EIDRM).
inline bool segmentGone(int shmid)
{
    shmid_ds info{};
    return shmctl(shmid, IPC_STAT, &info) != 0 && (errno == EINVAL || errno == EIDRM);
}

inline bool semaphoreSetGone(int semid)
{
    semid_ds info{};
    return semctl(semid, 0, IPC_STAT, &info) != 0 && (errno == EINVAL || errno == EIDRM);
}

// posix_spawn of arguments[0] with `arguments`, this process's environment plus `extra`
// ("NAME=value", each replacing a variable of that name), standard output to /dev/null when
// `quiet`. Returns the pid, or -1 (errno set).
inline pid_t spawnProgram(const std::vector<std::string> &arguments,
                          const std::vector<std::string> &extra = {}, bool quiet = false)
{
    std::vector<std::string> variables;
    for (char **variable = environ; *variable; ++variable) {
        const std::string text = *variable;
        bool replaced = false;
        for (const std::string &added : extra)
            replaced = replaced || text.compare(0, added.find('=') + 1, added, 0, added.find('=') + 1) == 0;
        if (!replaced)
            variables.push_back(text);
    }
    variables.insert(variables.end(), extra.begin(), extra.end());
    std::vector<char *> argv;
    std::vector<char *> envp;
    for (const std::string &argument : arguments)
        argv.push_back(const_cast<char *>(argument.c_str()));
    argv.push_back(nullptr);
    for (const std::string &variable : variables)
        envp.push_back(const_cast<char *>(variable.c_str()));
    envp.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (quiet)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    pid_t pid = -1;
    const int failed = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (failed != 0) {
        errno = failed;
        return -1;
    }
    return pid;
}

} // namespace demotest
