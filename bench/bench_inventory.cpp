// Every shared-memory object (issue 14): `shmscope --list --json --all --attachers` with 300
// processes that each map a few objects (System V segments, POSIX objects of /dev/shm and a
// memfd, also held by a descriptor), beside `lsfd` (util-linux) listing the same shared
// mappings, in the same run; and the same listing without --attachers. Not a test: nothing is
// asserted.
//
// The children are forks of this process that inherit its mappings and descriptor and wait;
// they die with it (PR_SET_PDEATHSIG). The segments are marked for removal once attached, the
// POSIX objects unlinked at the end (a killed run leaves /dev/shm/shmscope-bench-* behind).
//
// usage: bench_inventory [--processes N] [--runs N] [--shmscope PATH]

#include "benchcommon.h"
#include "core/inventorylisting.h"
#include "core/namecache.h"

#include <chrono>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <string>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

constexpr int Objects = 4; // of each kind

bool lsfdAvailable()
{
    return bench::timeCommand({"lsfd", "--version"}) >= 0;
}

} // namespace

int main(int argc, char **argv)
{
    bench::ListOptions options = bench::listOptions(argc, argv, "--processes");
    if (options.count == 4000)
        options.count = 300;
    const std::string tag = "/shmscope-bench-" + std::to_string(getpid()) + "-";
    std::vector<std::string> posixNames;
    for (int i = 0; i < Objects; ++i) {
        const int shmid = shmget(IPC_PRIVATE, 65536, IPC_CREAT | 0600);
        if (shmid < 0 || shmat(shmid, nullptr, i % 2 ? SHM_RDONLY : 0) == reinterpret_cast<void *>(-1)) {
            std::perror("shmget/shmat");
            return 1;
        }
        shmctl(shmid, IPC_RMID, nullptr); // lives while attached, no longer
        const std::string name = tag + std::to_string(i);
        const int fd = open(("/dev/shm" + name).c_str(), O_RDWR | O_CREAT | O_EXCL, 0600);
        if (fd < 0 || ftruncate(fd, 65536) != 0
            || mmap(nullptr, 65536, i % 2 ? PROT_READ : PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0)
                == MAP_FAILED) {
            std::perror("/dev/shm object");
            return 1;
        }
        close(fd);
        posixNames.push_back(name);
    }
    const int memfd = memfd_create("shmscope-bench", 0); // held by every child too
    if (memfd < 0 || ftruncate(memfd, 65536) != 0
        || mmap(nullptr, 65536, PROT_READ, MAP_SHARED, memfd, 0) == MAP_FAILED) {
        std::perror("memfd");
        return 1;
    }
    const std::vector<pid_t> children = bench::forkWaiters(options.count);

    shm::InventoryOptions inventory;
    inventory.json = inventory.all = inventory.attachers = true;
    std::size_t holders = 0;
    if (auto listing = shm::listInventory(inventory)) {
        for (const auto &[id, list] : listing->holders.files)
            holders += list.size();
        for (const auto &[id, list] : listing->holders.sysv)
            holders += list.size();
    }
    std::printf("processes made: %zu, objects: %d segments, %d POSIX, 1 memfd; holders found: "
                "%zu; runs per command: %d (median shown)\n\n",
                children.size(), Objects, Objects, holders, options.runs);

    struct Row
    {
        const char *name;
        std::vector<std::string> argv;
        double median = 0;
    };
    std::vector<Row> rows = {
        {"shmscope --list --json --all --attachers",
         {options.shmscope, "--list", "--json", "--all", "--attachers"}},
        {"shmscope --list --json --all", {options.shmscope, "--list", "--json", "--all"}},
        {"shmscope --list --json", {options.shmscope, "--list", "--json"}},
    };
    const bool lsfd = lsfdAvailable();
    if (lsfd) {
        rows.push_back({"lsfd -J -Q (shm, memfd, SYSV names)",
                        {"lsfd", "-J", "-Q", "NAME =~ \"/dev/shm/|memfd:|SYSV\""}});
        rows.push_back({"lsfd -J (everything)", {"lsfd", "-J"}});
    }
    std::vector<std::vector<double>> samples(rows.size());
    for (int r = 0; r < options.runs; ++r) {
        for (std::size_t i = 0; i < rows.size(); ++i)
            samples[i].push_back(bench::timeCommand(rows[i].argv));
    }
    std::printf("%-44s %10s\n", "command", "ms");
    for (std::size_t i = 0; i < rows.size(); ++i) {
        rows[i].median = bench::medianOf(samples[i]);
        std::printf("%-44s %10.2f\n", rows[i].name, rows[i].median * 1e3);
    }
    if (!lsfd)
        std::printf("%-44s %10s\n", "lsfd", "not available");
    else
        std::printf("\nshmscope --list --json --all --attachers vs lsfd -J -Q: %.2fx lsfd's time "
                    "(target: at most 0.5x)\n",
                    rows[0].median / rows[3].median);

    for (pid_t pid : children)
        kill(pid, SIGKILL);
    for (pid_t pid : children)
        waitpid(pid, nullptr, 0);
    for (const std::string &name : posixNames)
        unlink(("/dev/shm" + name).c_str());
    return 0;
}
