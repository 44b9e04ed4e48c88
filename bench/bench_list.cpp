// Listing benchmark: 4,000 segments listed by `shmscope --list --json`, by the core call, and by
// the peers `lsipc -m --json`, `ipcs -m` and `cat /proc/sysvipc/shm`, all in the same run.
// Prints the median wall time of each and the ratios. Not a test: nothing is asserted.
//
// Every segment is attached and marked for removal (IPC_RMID) at once, so it lives exactly as
// long as this process: even an interrupted or killed run leaves nothing behind.
//
// usage: bench_list [--segments N] [--runs N] [--shmscope PATH]

#include "benchcommon.h"
#include "core/listingformat.h"
#include "core/namecache.h"
#include "core/segmentlist.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

using bench::Clock;
using bench::medianOf;
using bench::timeCommand;

} // namespace

int main(int argc, char **argv)
{
    const bench::ListOptions options = bench::listOptions(argc, argv, "--segments");
    const int count = options.count;
    const int runs = options.runs;
    const std::string &shmscope = options.shmscope;

    int made = 0;
    for (; made < count; ++made) {
        int shmid = shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600);
        if (shmid < 0) {
            std::perror("shmget");
            break;
        }
        void *p = shmat(shmid, nullptr, SHM_RDONLY);
        shmctl(shmid, IPC_RMID, nullptr); // lives while we are attached, no longer
        if (p == reinterpret_cast<void *>(-1)) {
            std::perror("shmat");
            break;
        }
    }
    auto listed = shm::listSegments();
    std::printf("segments made: %d, listed: %zu, runs per command: %d (median shown)\n\n", made,
                listed ? listed->size() : 0u, runs);

    struct Row
    {
        const char *name;
        std::vector<std::string> argv;
        double median = 0;
    };
    std::vector<Row> rows = {
        {"cat /proc/sysvipc/shm", {"cat", "/proc/sysvipc/shm"}},
        {"shmscope --list --json", {shmscope, "--list", "--json"}},
        {"shmscope --list", {shmscope, "--list"}},
        {"lsipc -m --json", {"lsipc", "-m", "--json"}},
        {"lsipc -m", {"lsipc", "-m"}},
        {"ipcs -m", {"ipcs", "-m"}},
    };
    // Interleave the commands run by run so that machine noise hits them alike.
    std::vector<std::vector<double>> samples(rows.size());
    for (int r = 0; r < runs; ++r) {
        for (std::size_t i = 0; i < rows.size(); ++i)
            samples[i].push_back(timeCommand(rows[i].argv));
    }
    for (std::size_t i = 0; i < rows.size(); ++i)
        rows[i].median = medianOf(samples[i]);

    std::vector<double> core;
    std::size_t bytes = 0;
    for (int r = 0; r < runs; ++r) {
        auto start = Clock::now();
        auto segments = shm::listSegments();
        shm::NameCache names;
        std::string json = shm::formatJson(*segments, names);
        core.push_back(std::chrono::duration<double>(Clock::now() - start).count());
        bytes = json.size();
    }
    const double coreMedian = medianOf(core);
    const double cat = rows[0].median;

    std::printf("%-34s %10s %12s\n", "command", "ms", "x cat");
    for (const Row &row : rows)
        std::printf("%-34s %10.2f %12.2f\n", row.name, row.median * 1e3, row.median / cat);
    std::printf("%-34s %10.2f %12.2f   (%zu bytes of JSON)\n",
                "core listSegments()+formatJson", coreMedian * 1e3, coreMedian / cat, bytes);
    const double ours = rows[1].median;
    std::printf("\nshmscope --list --json vs lsipc -m --json: %.1fx faster\n",
                rows[3].median / ours);
    std::printf("shmscope --list --json vs ipcs -m:         %.1fx faster\n", rows[5].median / ours);
    std::printf("shmscope --list --json vs cat:             %.2fx cat's time (target: within 2x)\n",
                ours / cat);
    return 0;
}
