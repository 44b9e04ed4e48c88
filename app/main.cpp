// shmscope: the command. The listing and the terminal demo run here, on the core library alone,
// so a script pays neither Qt's start-up (about 11 ms, as much as listing 4,000 segments) nor a
// display. Every other use (the GUI, --help, --version, bad options) is handed to shmscope-gui,
// with the same arguments.

#include "core/inventorycommand.h"
#include "core/language.h"
#include "core/listingformat.h"
#include "core/snapshotcommand.h"
#include "core/terminaldemo.h"
#include "core/watchcommand.h"

#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <iostream>
#include <string>
#include <unistd.h>

namespace {

bool has(int argc, char **argv, const char *option)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], option) == 0)
            return true;
    }
    return false;
}

// Whether every argument is one of `allowed`, each at most once, and `first` is among them.
bool onlyOptions(int argc, char **argv, const char *first, std::initializer_list<const char *> allowed)
{
    if (!has(argc, argv, first))
        return false;
    for (int i = 1; i < argc; ++i) {
        bool known = false;
        for (const char *option : allowed)
            known = known || std::strcmp(argv[i], option) == 0;
        if (!known)
            return false;
        for (int j = 1; j < i; ++j) {
            if (std::strcmp(argv[i], argv[j]) == 0)
                return false;
        }
    }
    return true;
}

// The directory of this executable, with a trailing slash; empty if /proc/self/exe cannot be
// read (then nothing is looked for: a path relative to the current directory could run any
// program that happens to be there).
std::string ownDirectory(int &error)
{
    char path[PATH_MAX];
    const ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
    if (n <= 0 || path[0] != '/') {
        error = n < 0 ? errno : ENOENT;
        return {};
    }
    std::string text(path, static_cast<std::size_t>(n));
    return text.substr(0, text.rfind('/') + 1);
}

} // namespace

int main(int argc, char **argv)
{
    // A listing into a pipe whose reader has gone (| head) ends with a message and a status,
    // not a death by SIGPIPE; shmscope-gui inherits the setting and sets it again.
    std::signal(SIGPIPE, SIG_IGN);
    // IPC namespaces, POSIX objects, memfds, holders, orphans (issue 14): --namespaces,
    // --namespace PID, --attachers, --orphans. A command line with any of them is decided here,
    // bad input included (a message and 2).
    if (const auto status = shm::runInventoryCommandLine(argc, argv, stdout, stderr))
        return *status;
    if (onlyOptions(argc, argv, "--list", {"--list", "--json", "--all"})) {
        const int status
            = shm::printListing(has(argc, argv, "--json"), stdout, stderr, has(argc, argv, "--all"));
        if (status != 0 && std::ferror(stdout)) // errno is the failed write's (EPIPE: | head)
            std::fprintf(stderr, "shmscope: cannot write the listing: %s\n", std::strerror(errno));
        return status;
    }
    // --watch SHMID [--interval MS]; with anything more, shmscope-gui parses the command line.
    if (const auto status = shm::runWatchCommandLine(argc, argv, stdout, stderr))
        return *status;
    // Snapshots and diffs too (in English here, as the demo below; shmscope-gui says them in
    // other languages). --help and --version go to shmscope-gui.
    if (shm::isSnapshotCommand(argc, argv) && !has(argc, argv, "--help") && !has(argc, argv, "-h")
        && shm::chooseLanguage(argc, argv).language == shm::Language::English)
        return shm::runSnapshotCommand(argc, argv, stdout, stderr);
    // In English here; a French user's demo is told by shmscope-gui, which has the catalogue.
    if (onlyOptions(argc, argv, "--demo-terminal", {"--demo-terminal", "--verbose"})
        && shm::chooseLanguage(argc, argv).language == shm::Language::English)
        return shm::runTerminalDemo(has(argc, argv, "--verbose"), std::cout, std::cerr);

    // --dump (C layouts over a segment) runs in shmscope-layout, which links libclang and libdw:
    // loading them (LLVM) takes about 50 ms, which --list and the rest must not pay.
    bool dump = false;
    for (int i = 1; i < argc; ++i)
        dump = dump || std::strcmp(argv[i], "--dump") == 0 || std::strncmp(argv[i], "--dump=", 7) == 0;
    const char *helper = dump ? "shmscope-layout" : "shmscope-gui";

    // Built beside us in the build tree; installed in libexec.
    int error = 0;
    const std::string dir = ownDirectory(error);
    if (dir.empty()) {
        std::fprintf(stderr, "shmscope: cannot find %s: /proc/self/exe, the path of "
                             "this program, cannot be read (%s)\n",
                     helper, std::strerror(error));
        return 2;
    }
    for (const std::string &candidate :
         {dir + helper, dir + "../" SHMSCOPE_LIBEXECDIR "/shmscope/" + helper}) {
        if (access(candidate.c_str(), X_OK) == 0) {
            argv[0] = const_cast<char *>("shmscope");
            execv(candidate.c_str(), argv);
            std::fprintf(stderr, "shmscope: cannot start %s: %s\n", candidate.c_str(),
                         std::strerror(errno));
            return 2;
        }
    }
    std::fprintf(stderr, "shmscope: %s is not installed beside shmscope (looked in %s "
                         "and %s../%s/shmscope)\n",
                 helper, dir.c_str(), dir.c_str(), SHMSCOPE_LIBEXECDIR);
    return 2;
}
