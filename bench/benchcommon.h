#pragma once

// What the listing benchmarks share: the median of samples, and the wall time of a command.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <functional>
#include <sstream>
#include <csignal>
#include <string>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace bench {

using Clock = std::chrono::steady_clock;

inline double medianOf(std::vector<double> samples)
{
    std::sort(samples.begin(), samples.end());
    return samples.empty() ? 0 : samples[samples.size() / 2];
}

// Runs argv with stdout and stderr to /dev/null; returns the wall time in seconds, or -1.
inline double timeCommand(const std::vector<std::string> &argv)
{
    std::vector<char *> args;
    for (const std::string &a : argv)
        args.push_back(const_cast<char *>(a.c_str()));
    args.push_back(nullptr);
    auto start = Clock::now();
    pid_t pid = fork();
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        dup2(null, 1);
        dup2(null, 2);
        execvp(args[0], args.data());
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? seconds : -1;
}

// The options of a listing benchmark: `countFlag` N (how many objects to make), --runs N,
// --shmscope PATH (or the SHMSCOPE_BINARY environment variable).
struct ListOptions
{
    int count = 4000;
    int runs = 21;
    std::string shmscope = "shmscope";
};

inline ListOptions listOptions(int argc, char **argv, const char *countFlag)
{
    ListOptions options;
    if (const char *fromEnv = std::getenv("SHMSCOPE_BINARY"))
        options.shmscope = fromEnv;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], countFlag))
            options.count = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--runs"))
            options.runs = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--shmscope"))
            options.shmscope = argv[i + 1];
    }
    return options;
}

// `count` child processes that die with this one and wait (pause) for ever; the child of index
// i first runs inChild(i), when given. Those that could be forked.
inline std::vector<pid_t> forkWaiters(int count, const std::function<void(int)> &inChild = {})
{
    std::vector<pid_t> children;
    const pid_t parent = getpid();
    for (int i = 0; i < count; ++i) {
        const pid_t pid = fork();
        if (pid == 0) {
            prctl(PR_SET_PDEATHSIG, SIGKILL);
            if (getppid() != parent)
                _exit(0);
            if (inChild)
                inChild(i);
            for (;;)
                pause();
        }
        if (pid < 0) {
            std::perror("fork");
            break;
        }
        children.push_back(pid);
    }
    return children;
}

// A whole small file (a sysctl's value), "" when it cannot be read.
inline std::string readFile(const char *path)
{
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// Writes `text` to the file (a sysctl); false when it cannot be written.
inline bool writeFile(const char *path, const std::string &text)
{
    std::ofstream out(path);
    out << text;
    return bool(out.flush());
}

} // namespace bench
