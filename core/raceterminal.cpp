#include "raceterminal.h"

#include "racedemo.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <unistd.h>

namespace shm {

namespace {

// The C of each variant's increment (code: not translated), padded to line up.
const char *const VariantCalls[RaceVariantCount] = {
    "(*counter)++                            ",
    "semop(P); (*counter)++; semop(V)        ",
    "__atomic_fetch_add(counter, 1, RELAXED) ",
};

std::string milliseconds(std::int64_t ns)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", double(ns) / 1e6);
    return buffer;
}

std::string pidList(const std::vector<pid_t> &pids)
{
    std::string list;
    for (pid_t pid : pids)
        list += (list.empty() ? "" : ", ") + std::to_string(pid);
    return list;
}

} // namespace

int runRaceTerminalDemo(int children, int increments, bool verbose, std::ostream &out,
                        std::ostream &err, const Narrator &say)
{
    const TerminalVoice text(err, say);
    if (auto total = checkRaceTotal(children, increments); !total)
        return text.fail(total.error());
    RaceDemo demo; // its destructor kills and reaps the children and removes both objects
    const std::string parent = text.who(text(Text(QT_TRANSLATE_NOOP("shm", "parent"))), getpid());
    const auto said = [&text](const char *english) { return text(Text(english)); };
    const std::int64_t expected = std::int64_t(children) * increments;

    out << text(Text(QT_TRANSLATE_NOOP("shm", "%1 children add 1 to a shared int %2 times each: "
                                              "%3 if no update is lost."),
                     {value(children), value(increments), value(expected)}))
        << '\n';

    auto shmid = demo.create();
    if (!shmid)
        return text.fail(shmid.error());
    if (verbose)
        out << parent << "shmid = shmget(IPC_PRIVATE, sizeof(struct shared), 0600) = " << *shmid
            << '\n';
    auto address = demo.attach();
    if (!address)
        return text.fail(address.error());
    if (verbose)
        out << parent << "shared = shmat(" << *shmid << ", NULL, 0) = " << hexAddress(*address)
            << '\n';
    if (auto marked = demo.markForRemoval(); !marked)
        return text.fail(marked.error());
    if (verbose)
        out << parent << "shmctl(" << *shmid << ", IPC_RMID, NULL) = 0   ("
            << said(QT_TRANSLATE_NOOP("shm", "removed at the last detach")) << ")\n";
    auto semid = demo.createSemaphore();
    if (!semid)
        return text.fail(semid.error());
    if (verbose)
        out << parent << "semid = semget(IPC_PRIVATE, 1, 0600) = " << *semid << '\n';
    if (auto set = demo.initSemaphore(1); !set)
        return text.fail(set.error());
    if (verbose)
        out << parent << "semctl(" << *semid << ", 0, SETVAL, arg) = 0   (arg.val = 1)\n";
    out.flush();

    bool exact = true;
    for (int v = 0; v < RaceVariantCount; ++v) {
        const auto variant = static_cast<RaceVariant>(v);
        auto pids = demo.start(variant, children, increments);
        if (!pids)
            return text.fail(pids.error());
        if (verbose) {
            out << parent << "fork() x " << children << " = " << pidList(*pids) << "   ("
                << said(QT_TRANSLATE_NOOP("shm", "released together")) << ")\n";
            out.flush();
        }
        // A minute a million semaphore operations is far more than any machine needs.
        const int timeoutMs = 60000 + int(std::min<std::int64_t>(expected / 1000 * 60, 3600000));
        auto outcome = demo.finish(timeoutMs);
        if (!outcome)
            return text.fail(outcome.error());
        if (verbose)
            out << parent << "wait(&status) x " << children << "   ("
                << (outcome->allOk ? said(QT_TRANSLATE_NOOP("shm", "every child exited with 0"))
                                   : said(QT_TRANSLATE_NOOP("shm", "a child failed")))
                << ")\n";
        std::string lost;
        if (outcome->lost() > 0)
            lost = "   " + text(Text(QT_TRANSLATE_NOOP("shm", "(%1 updates lost)"),
                                     {value(outcome->lost())}));
        out << VariantCalls[v]
            << text(Text(QT_TRANSLATE_NOOP("shm", "total %1 in %2 ms"),
                         {value(outcome->total), value(milliseconds(outcome->elapsedNs))}))
            << lost << '\n';
        out.flush();
        if (!outcome->allOk || (variant != RaceVariant::Plain && outcome->lost() != 0))
            exact = false;
    }

    if (auto removed = demo.removeSemaphore(); !removed)
        return text.fail(removed.error());
    if (verbose)
        out << parent << "semctl(" << *semid << ", 0, IPC_RMID) = 0\n";
    if (auto detached = demo.detach(); !detached)
        return text.fail(detached.error());
    if (verbose)
        out << parent << "shmdt(shared) = 0   ("
            << said(QT_TRANSLATE_NOOP("shm", "nattch 0: the kernel destroys the segment")) << ")\n";
    out.flush();
    return exact ? 0 : 1;
}

} // namespace shm
