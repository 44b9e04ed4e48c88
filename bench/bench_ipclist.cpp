// Listing benchmark for semaphore sets and message queues: 4,000 of each, listed by
// `shmscope --list --json --all` (and the text `--list --all`), by the core calls, and by the
// peers `ipcs -s`, `ipcs -q`, `lsipc -s` and `lsipc -q`, all in the same run. Prints the median
// wall time of each and the ratios. Not a test: nothing is asserted.
//
// Semaphore sets and queues cannot be tied to a process's life as segments can (IPC_RMID
// removes them at once), so a guardian child removes them: every id made is written to a pipe
// it reads, and when the pipe closes (this process ended, however: even SIGKILL) it removes
// every id it was given. It ignores the terminal's signals, so Ctrl-C ends us, then it cleans.
//
// Checks kernel.sem's SEMMNI and kernel.msgmni first; where N do not fit, raises them for the
// run and restores them at the end (said on stderr), which needs root.
//
// usage: bench_ipclist [--count N] [--runs N] [--shmscope PATH]

#include "benchcommon.h"
#include "core/listingformat.h"
#include "core/namecache.h"
#include "core/queues.h"
#include "core/segmentlist.h"
#include "core/semaphores.h"

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sstream>
#include <string>
#include <sys/msg.h>
#include <sys/prctl.h>
#include <sys/sem.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

using bench::Clock;
using bench::medianOf;
using bench::timeCommand;

struct Record
{
    char kind; // 's' or 'q'
    int id;
};

// The guardian: reads records until EOF, then removes every id. Returns the pipe's write end.
int startGuardian(pid_t &guardian)
{
    int fds[2];
    // Close-on-exec: the commands timed must not hold the pipe open after we die.
    if (pipe2(fds, O_CLOEXEC) != 0)
        return -1;
    guardian = fork();
    if (guardian == 0) {
        close(fds[1]);
        std::signal(SIGINT, SIG_IGN);
        std::signal(SIGTERM, SIG_IGN);
        std::signal(SIGHUP, SIG_IGN);
        std::vector<Record> records;
        Record r{};
        for (;;) {
            const ssize_t n = read(fds[0], &r, sizeof r);
            if (n == sizeof r)
                records.push_back(r);
            else if (n == 0 || (n < 0 && errno != EINTR))
                break;
        }
        for (const Record &record : records) {
            if (record.kind == 's')
                semctl(record.id, 0, IPC_RMID);
            else
                msgctl(record.id, IPC_RMID, nullptr);
        }
        _exit(0);
    }
    close(fds[0]);
    return fds[1];
}

using bench::readFile;
using bench::writeFile;

} // namespace

int main(int argc, char **argv)
{
    const bench::ListOptions options = bench::listOptions(argc, argv, "--count");
    const int count = options.count;
    const int runs = options.runs;
    const std::string &shmscope = options.shmscope;

    // The limits: SEMMNI is kernel.sem's fourth number, SEMMNS its second (one a set here).
    const std::string semBefore = readFile("/proc/sys/kernel/sem");
    const std::string msgmniBefore = readFile("/proc/sys/kernel/msgmni");
    long semmsl = 0, semmns = 0, semopm = 0, semmni = 0;
    std::istringstream(semBefore) >> semmsl >> semmns >> semopm >> semmni;
    const long msgmni = std::atol(msgmniBefore.c_str());
    const long existingSets = long(shm::listSemaphoreSets(false).ok() ? shm::listSemaphoreSets(false)->size() : 0);
    const long existingQueues = long(shm::listQueuesFromProc().ok() ? shm::listQueuesFromProc()->size() : 0);
    bool semRaised = false, msgRaised = false;
    std::fprintf(stderr, "kernel.sem %ld %ld %ld %ld (SEMMNI %ld), kernel.msgmni %ld\n", semmsl,
                 semmns, semopm, semmni, semmni, msgmni);
    if (semmni < count + existingSets || semmns < count + existingSets) {
        const long want = count + existingSets + 100;
        semRaised = writeFile("/proc/sys/kernel/sem",
                              std::to_string(semmsl) + " " + std::to_string(std::max(semmns, want))
                                  + " " + std::to_string(semopm) + " "
                                  + std::to_string(std::max(semmni, want)));
        std::fprintf(stderr, "raised kernel.sem for the run: %s\n", semRaised ? "yes" : "FAILED");
    }
    if (msgmni < count + existingQueues) {
        msgRaised = writeFile("/proc/sys/kernel/msgmni", std::to_string(count + existingQueues + 100));
        std::fprintf(stderr, "raised kernel.msgmni for the run: %s\n", msgRaised ? "yes" : "FAILED");
    }

    pid_t guardian = -1;
    const int records = startGuardian(guardian);
    if (records < 0) {
        std::perror("pipe");
        return 1;
    }
    int sets = 0, queues = 0;
    for (; sets < count; ++sets) {
        const int semid = semget(IPC_PRIVATE, 1, IPC_CREAT | 0600);
        if (semid < 0) {
            std::perror("semget");
            break;
        }
        const Record r{'s', semid};
        [[maybe_unused]] auto n = write(records, &r, sizeof r);
    }
    for (; queues < count; ++queues) {
        const int msqid = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
        if (msqid < 0) {
            std::perror("msgget");
            break;
        }
        const Record r{'q', msqid};
        [[maybe_unused]] auto n = write(records, &r, sizeof r);
    }
    std::printf("%d semaphore sets and %d message queues made (plus %ld and %ld already there); "
                "median of %d runs\n",
                sets, queues, existingSets, existingQueues, runs);

    struct Peer
    {
        const char *name;
        std::vector<std::string> argv;
    };
    const std::vector<Peer> commands = {
        {"shmscope --list --json --all", {shmscope, "--list", "--json", "--all"}},
        {"shmscope --list --all", {shmscope, "--list", "--all"}},
        {"ipcs -s", {"ipcs", "-s"}},
        {"ipcs -q", {"ipcs", "-q"}},
        {"ipcs -s -q (one run, both)", {"ipcs", "-s", "-q"}},
        {"lsipc -s", {"lsipc", "-s"}},
        {"lsipc -q", {"lsipc", "-q"}},
        {"shmscope --list --json --semaphores", {shmscope, "--list", "--json", "--semaphores"}},
        {"shmscope --list --json --queues", {shmscope, "--list", "--json", "--queues"}},
        {"shmscope --list --semaphores", {shmscope, "--list", "--semaphores"}},
        {"shmscope --list --queues", {shmscope, "--list", "--queues"}},
    };
    // The rows of one kind: ours (index into commands) beside each peer of that kind.
    const std::size_t SemJson = 7, MsgJson = 8, SemText = 9, MsgText = 10;
    const std::vector<std::pair<std::size_t, std::size_t>> perKind = {
        {2, SemJson}, {5, SemJson}, {2, SemText}, {5, SemText},
        {3, MsgJson}, {6, MsgJson}, {3, MsgText}, {6, MsgText}};
    std::vector<std::vector<double>> samples(commands.size());
    std::vector<double> coreSem, coreMsg, coreJson;
    for (int run = 0; run < runs; ++run) {
        for (std::size_t c = 0; c < commands.size(); ++c)
            samples[c].push_back(timeCommand(commands[c].argv));
        auto t0 = Clock::now();
        auto s = shm::listSemaphoreSets();
        auto t1 = Clock::now();
        auto q = shm::listQueues();
        auto t2 = Clock::now();
        shm::NameCache names;
        auto segments = shm::listSegments();
        const std::string json = shm::formatJsonAll(segments ? *segments : std::vector<shm::SegmentInfo>{},
                                                    s ? *s : std::vector<shm::SemaphoreSetInfo>{},
                                                    q ? *q : std::vector<shm::QueueInfo>{}, names);
        auto t3 = Clock::now();
        coreSem.push_back(std::chrono::duration<double>(t1 - t0).count());
        coreMsg.push_back(std::chrono::duration<double>(t2 - t1).count());
        coreJson.push_back(std::chrono::duration<double>(t3 - t0).count());
    }
    std::vector<double> medians;
    for (std::size_t c = 0; c < commands.size(); ++c) {
        medians.push_back(medianOf(samples[c]));
        std::printf("  %-36s %8.2f ms\n", commands[c].name, medians.back() * 1e3);
    }
    const double sem = medianOf(coreSem), msg = medianOf(coreMsg), all = medianOf(coreJson);
    std::printf("  %-30s %8.2f ms (values, pids, ncnt, zcnt of every set)\n",
                "core listSemaphoreSets()", sem * 1e3);
    std::printf("  %-30s %8.2f ms (with qbytes of every queue)\n", "core listQueues()", msg * 1e3);
    std::printf("  %-30s %8.2f ms\n", "core all three + JSON", all * 1e3);
    std::printf("ratios (peer / ours; > 1: we are faster):\n");
    for (std::size_t c = 2; c < SemJson; ++c)
        std::printf("  %-26s / shmscope --list --json --all: %.2fx\n", commands[c].name,
                    medians[c] / medians[0]);
    std::printf("per kind, the same objects as the peer lists (target: > 1 for each):\n");
    for (const auto &[peer, ours] : perKind)
        std::printf("  %-10s / %-36s %.2fx\n", commands[peer].name, commands[ours].name,
                    medians[peer] / medians[ours]);

    close(records); // the guardian removes everything now
    int status = 0;
    waitpid(guardian, &status, 0);
    if (semRaised)
        std::fprintf(stderr, "restored kernel.sem: %s\n",
                     writeFile("/proc/sys/kernel/sem", semBefore) ? "yes" : "FAILED");
    if (msgRaised)
        std::fprintf(stderr, "restored kernel.msgmni: %s\n",
                     writeFile("/proc/sys/kernel/msgmni", msgmniBefore) ? "yes" : "FAILED");
    std::printf("left behind: %ld semaphore sets, %ld queues beyond those already there\n",
                long(shm::listSemaphoreSets(false)->size()) - existingSets,
                long(shm::listQueuesFromProc()->size()) - existingQueues);
    return 0;
}
