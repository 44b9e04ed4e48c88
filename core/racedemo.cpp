#include "racedemo.h"

#include "lessonsegment.h"
#include "segmentcontrol.h"

#include <algorithm>
#include <initializer_list>
#include <cerrno>
#include <charconv>
#include <climits>
#include <ctime>
#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

namespace shm {

namespace {

// The children's exit statuses besides 0, so a failure can be told from a success in wait().
enum WorkerStatus { WorkerPipeFailed = 72, WorkerSemopFailed = 74 };

// What the parent tells the guard, one record a datagram on their socket pair.
struct GuardRecord
{
    enum Kind : std::int32_t { Segment, Set, ForgetSegment, ForgetSet, Done };
    std::int32_t kind = Done;
    std::int32_t id = -1;
};

constexpr int GuardFd = 3;
constexpr int GoFd = 3;
constexpr int ProgressEvery = 1024;

// ---- the guard: async-signal-safe calls only from here to _exit ----

[[noreturn]] void guardMain(int readFd, pid_t parent)
{
    // Not enterChild: the guard must outlive its parent. It ignores the signals a terminal sends
    // to the whole process group (^C), so it is there to clean up when the parent goes.
    struct sigaction ignore{};
    ignore.sa_handler = SIG_IGN;
    for (int signal : {SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT})
        sigaction(signal, &ignore, nullptr);
    const int keep[] = {readFd};
    if (!keepOnlyDescriptors(keep, 1))
        _exit(WorkerPipeFailed);
    detachOtherSegments(nullptr); // the guard lives long: it must hold no segment of the parent

    int segment = -1;
    int set = -1;
    bool done = false;
    for (;;) {
        pollfd pfd{GuardFd, POLLIN, 0};
        const int ready = poll(&pfd, 1, 500);
        if (ready < 0 && errno != EINTR)
            break;
        if (ready == 0) {
            if (getppid() != parent) // the parent died and someone else holds its end too
                break;
            continue;
        }
        GuardRecord record;
        const ssize_t n = recv(GuardFd, &record, sizeof record, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n != static_cast<ssize_t>(sizeof record))
            break; // end of file: the parent is gone (or closed its end after Done)
        switch (record.kind) {
        case GuardRecord::Segment: segment = record.id; break;
        case GuardRecord::Set: set = record.id; break;
        case GuardRecord::ForgetSegment: segment = -1; break;
        case GuardRecord::ForgetSet: set = -1; break;
        case GuardRecord::Done: done = true; break;
        }
    }
    if (!done) {
        if (set >= 0)
            semctl(set, 0, IPC_RMID);
        if (segment >= 0)
            shmctl(segment, IPC_RMID, nullptr);
    }
    _exit(0);
}

// ---- the children ----

[[noreturn]] void workerMain(int goFd, RaceShared *shared, int index, int children, int cpu,
                             RaceVariant variant, int increments, int semid, pid_t parent)
{
    enterChild(parent);
    // The race's children each on a processor of their own (child i on the i-th one the parent
    // may use, round robin): they then really run at the same time, even on a busy machine.
    if (cpu >= 0) {
        cpu_set_t one;
        CPU_ZERO(&one);
        CPU_SET(cpu, &one);
        sched_setaffinity(0, sizeof one, &one);
    }
    const int keep[] = {goFd};
    if (!keepOnlyDescriptors(keep, 1))
        _exit(WorkerPipeFailed);
    detachOtherSegments(shared);
    // Wait for the release: the parent closes the pipe's write end once every child exists.
    char byte = 0;
    while (read(GoFd, &byte, 1) < 0 && errno == EINTR) {
    }
    close(GoFd);
    // Then wait (yielding) until every child is past it too: woken one after the other, the
    // first would otherwise be done before the last runs, and no update would ever be lost.
    // It spins rather than sleeps, yielding now and then only, so that the children are on the
    // processors, all of them ready, when the last one arrives.
    __atomic_fetch_add(&shared->arrived, 1, __ATOMIC_ACQ_REL);
    for (unsigned spins = 1; __atomic_load_n(&shared->arrived, __ATOMIC_ACQUIRE) < children;
         ++spins) {
        if (spins % 4096 == 0)
            sched_yield();
    }

    // The C programs' (*counter)++ on a volatile int, written as what it is (C++20 deprecates ++
    // on volatile): a load, an add and a store of memory, which the compiler may neither keep
    // in a register across iterations nor fuse into one locked instruction.
    volatile int *counter = &shared->counter;
    RaceShared::Child &me = shared->children[index];
    sembuf p{0, -1, SEM_UNDO};
    sembuf v{0, +1, SEM_UNDO};
    for (int done = 0; done < increments;) {
        const int chunk = std::min(ProgressEvery, increments - done);
        switch (variant) {
        case RaceVariant::Plain:
            for (int i = 0; i < chunk; ++i)
                *counter = *counter + 1;
            break;
        case RaceVariant::Semaphore:
            for (int i = 0; i < chunk; ++i) {
                while (semop(semid, &p, 1) != 0) {
                    if (errno != EINTR)
                        _exit(WorkerSemopFailed);
                }
                *counter = *counter + 1;
                while (semop(semid, &v, 1) != 0) {
                    if (errno != EINTR)
                        _exit(WorkerSemopFailed);
                }
            }
            break;
        case RaceVariant::Atomic:
            for (int i = 0; i < chunk; ++i)
                __atomic_fetch_add(&shared->counter, 1, __ATOMIC_RELAXED);
            break;
        }
        done += chunk;
        __atomic_store_n(&me.done, done, __ATOMIC_RELAXED);
    }
    me.endNs = monotonicNs();
    __atomic_store_n(&me.finished, 1, __ATOMIC_RELEASE);
    shmdt(shared);
    _exit(0);
}

// ---- the parent ----

Result<int> parseCount(std::string_view text, const char *what, int max, Text refusal)
{
    long long number = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || number < 1
        || number > max)
        return inputError(what, std::string(text), std::move(refusal));
    return static_cast<int>(number);
}

} // namespace

Result<int> parseRaceChildren(std::string_view text)
{
    return parseCount(text, "parse children", RaceMaxChildren,
                      Text(QT_TRANSLATE_NOOP("shm", "The number of children %1 is not valid: give "
                                                    "a whole number from 1 to %2."),
                           {value(std::string(text)), value(RaceMaxChildren)}));
}

Result<int> parseRaceIncrements(std::string_view text)
{
    return parseCount(text, "parse increments", INT_MAX,
                      Text(QT_TRANSLATE_NOOP("shm", "The number of increments %1 is not valid: "
                                                    "give a whole number from 1 to %2."),
                           {value(std::string(text)), value(INT_MAX)}));
}

Result<void> checkRaceTotal(int children, int increments)
{
    const std::int64_t total = std::int64_t(children) * increments;
    if (children < 1 || increments < 1 || total > INT_MAX)
        return inputError("check total", std::to_string(total),
                          Text(QT_TRANSLATE_NOOP("shm", "%1 children times %2 increments make %3: "
                                                        "the shared int cannot count past %4. "
                                                        "Give fewer children or increments."),
                               {value(children), value(increments), value(total),
                                value(INT_MAX)}));
    return {};
}

RaceDemo::RaceDemo() = default;

RaceDemo::~RaceDemo()
{
    stop();
    if (m_semid >= 0)
        removeSemaphore();
    if (m_shared)
        detach();
    if (m_shmid >= 0 && !m_marked)
        removeSegment(m_shmid);
    endGuard();
}

Result<void> RaceDemo::startGuard()
{
    // A socket pair rather than a pipe: send(MSG_NOSIGNAL) to a guard that died gives EPIPE
    // instead of SIGPIPE in a program that did not ignore it.
    int fds[2];
    if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, fds) != 0)
        return systemError("socketpair", "guard channel", errno);
    const pid_t parent = getpid();
    const pid_t pid = fork();
    if (pid < 0) {
        const int saved = errno;
        close(fds[0]);
        close(fds[1]);
        return systemError("fork", "guard", saved);
    }
    if (pid == 0)
        guardMain(fds[0], parent);
    close(fds[0]);
    m_guardFd = fds[1];
    m_guardPid = pid;
    return {};
}

void RaceDemo::tellGuard(std::int32_t kind, int id)
{
    if (m_guardFd < 0)
        return;
    GuardRecord record;
    record.kind = kind;
    record.id = id;
    // One record a datagram. A dead guard gives EPIPE: then there is nothing to tell.
    while (send(m_guardFd, &record, sizeof record, MSG_NOSIGNAL) < 0 && errno == EINTR) {
    }
}

void RaceDemo::endGuard()
{
    if (m_guardPid <= 0)
        return;
    tellGuard(GuardRecord::Done, -1);
    close(m_guardFd);
    m_guardFd = -1;
    reapChild(m_guardPid, 2000);
    m_guardPid = -1;
}

Result<int> RaceDemo::create()
{
    if (m_shmid < 0 && m_guardPid <= 0) {
        if (auto guard = startGuard(); !guard)
            return guard.error();
    }
    auto created = createLessonSegment(m_shmid, sizeof(RaceShared));
    if (!created)
        return created.error();
    m_shmid = *created;
    m_marked = false;
    tellGuard(GuardRecord::Segment, m_shmid);
    return m_shmid;
}

Result<std::uintptr_t> RaceDemo::attach()
{
    auto attached = attachLessonSegment(m_shmid, m_shared != nullptr);
    if (!attached)
        return attached.error();
    m_attachment = std::move(*attached);
    m_shared = reinterpret_cast<RaceShared *>(m_attachment.writableData());
    return m_attachment.address();
}

Result<void> RaceDemo::markForRemoval()
{
    if (m_shmid < 0)
        return lessonStepRefused("shmctl IPC_RMID", Text(QT_TRANSLATE_NOOP("shm", "There is no segment.")));
    if (!m_shared)
        return lessonStepRefused("shmctl IPC_RMID", Text(QT_TRANSLATE_NOOP("shm", "The parent is not attached.")));
    auto removed = removeSegment(m_shmid);
    if (!removed)
        return removed.error();
    m_marked = true;
    tellGuard(GuardRecord::ForgetSegment, m_shmid);
    return {};
}

Result<int> RaceDemo::createSemaphore()
{
    if (m_semid >= 0)
        return lessonStepRefused("semget", Text(QT_TRANSLATE_NOOP("shm", "The demo already made its semaphore set.")));
    if (m_guardPid <= 0) {
        if (auto guard = startGuard(); !guard)
            return guard.error();
    }
    CreateSemaphoresRequest request;
    request.key = KeySpec::privateKey();
    request.values = {0}; // what semget leaves in a new set on Linux; SETVAL comes next
    request.mode = 0600;
    auto created = createSemaphoreSet(request);
    if (!created)
        return created.error();
    m_semid = *created;
    tellGuard(GuardRecord::Set, m_semid);
    return m_semid;
}

Result<void> RaceDemo::initSemaphore(int value)
{
    if (m_semid < 0)
        return lessonStepRefused("semctl SETVAL", Text(QT_TRANSLATE_NOOP("shm", "There is no semaphore set yet: semget comes first.")));
    return setSemaphoreValue(m_semid, 0, value);
}

Result<Semaphore> RaceDemo::semaphore() const
{
    if (m_semid < 0)
        return lessonStepRefused("semctl GETVAL", Text(QT_TRANSLATE_NOOP("shm", "There is no semaphore set.")));
    auto set = readSemaphores(m_semid);
    if (!set)
        return set.error();
    if (set->semaphores.empty())
        return systemError("semctl GETALL", "semid " + std::to_string(m_semid),
                           set->valuesErrno ? set->valuesErrno : EIO);
    return set->semaphores.front();
}

Result<void> RaceDemo::removeSemaphore()
{
    if (m_semid < 0)
        return lessonStepRefused("semctl IPC_RMID", Text(QT_TRANSLATE_NOOP("shm", "There is no semaphore set.")));
    if (!m_pids.empty() && m_variant == RaceVariant::Semaphore)
        return lessonStepRefused("semctl IPC_RMID", Text(QT_TRANSLATE_NOOP("shm", "The children still use the semaphore: wait for them first.")));
    auto removed = removeSemaphoreSet(m_semid);
    if (!removed && removed.error().kind != ErrorKind::Gone)
        return removed.error();
    tellGuard(GuardRecord::ForgetSet, m_semid);
    m_semid = -1;
    return {};
}

Result<int> RaceDemo::readCounter() const
{
    if (!m_shared)
        return lessonStepRefused("read", Text(QT_TRANSLATE_NOOP("shm", "The parent is not attached.")));
    return __atomic_load_n(&m_shared->counter, __ATOMIC_RELAXED);
}

Result<void> RaceDemo::writeCounter(int value)
{
    if (!m_shared)
        return lessonStepRefused("write", Text(QT_TRANSLATE_NOOP("shm", "The parent is not attached.")));
    __atomic_store_n(&m_shared->counter, value, __ATOMIC_RELAXED);
    return {};
}

Result<std::vector<pid_t>> RaceDemo::start(RaceVariant variant, int children, int increments)
{
    if (!m_shared)
        return lessonStepRefused("fork", Text(QT_TRANSLATE_NOOP("shm", "The parent must be attached before it forks.")));
    if (!m_pids.empty())
        return lessonStepRefused("fork", Text(QT_TRANSLATE_NOOP("shm", "The children of the last run are still counting.")));
    if (children < 1 || children > RaceMaxChildren)
        return parseRaceChildren(std::to_string(children)).error();
    if (auto total = checkRaceTotal(children, increments); !total)
        return total.error();
    if (variant == RaceVariant::Semaphore && m_semid < 0)
        return lessonStepRefused("fork", Text(QT_TRANSLATE_NOOP("shm", "The semaphore comes first: semget and semctl SETVAL.")));

    __atomic_store_n(&m_shared->counter, 0, __ATOMIC_RELAXED);
    __atomic_store_n(&m_shared->arrived, 0, __ATOMIC_RELAXED);
    for (auto &child : m_shared->children) {
        __atomic_store_n(&child.done, 0, __ATOMIC_RELAXED);
        __atomic_store_n(&child.finished, 0, __ATOMIC_RELAXED);
        child.endNs = 0;
    }
    int go[2];
    if (pipe2(go, O_CLOEXEC) != 0)
        return systemError("pipe", "start pipe", errno);
    m_variant = variant;
    m_increments = increments;
    m_exits.clear();
    m_allPids.clear();
    const pid_t parent = getpid();
    // The processors we may run on, in order, for the children to spread over.
    std::vector<int> cpus;
    cpu_set_t allowed;
    if (sched_getaffinity(0, sizeof allowed, &allowed) == 0) {
        for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu) {
            if (CPU_ISSET(cpu, &allowed))
                cpus.push_back(cpu);
        }
    }
    for (int index = 0; index < children; ++index) {
        // Only the race is spread: children that take turns on a semaphore are far faster left
        // to the scheduler, which hands over on one processor (pinned apart, each V wakes a
        // waiter on another processor: 30 times slower here).
        const int cpu = variant == RaceVariant::Plain && cpus.size() > 1
                            ? cpus[std::size_t(index) % cpus.size()]
                            : -1;
        const pid_t pid = fork();
        if (pid < 0) {
            const int saved = errno;
            close(go[0]);
            close(go[1]);
            stop();
            return systemError("fork", {}, saved);
        }
        if (pid == 0)
            workerMain(go[0], m_shared, index, children, cpu, variant, increments, m_semid, parent);
        m_pids.push_back(pid);
        m_allPids.push_back(pid);
    }
    close(go[0]);
    m_startNs = monotonicNs();
    close(go[1]); // every child reads end-of-file at once: the race starts
    return m_allPids;
}

RaceProgress RaceDemo::progress() const
{
    RaceProgress now;
    if (!m_shared)
        return now;
    now.counter = __atomic_load_n(&m_shared->counter, __ATOMIC_RELAXED);
    for (std::size_t i = 0; i < m_allPids.size(); ++i) {
        const auto &child = m_shared->children[i];
        const int done = __atomic_load_n(&child.done, __ATOMIC_RELAXED);
        now.done.push_back(done);
        now.ideal += done;
        now.finished += __atomic_load_n(&child.finished, __ATOMIC_ACQUIRE);
    }
    return now;
}

std::optional<RaceOutcome> RaceDemo::collect()
{
    for (auto it = m_pids.begin(); it != m_pids.end();) {
        int status = 0;
        const pid_t r = waitpid(*it, &status, WNOHANG);
        if (r == 0 || (r < 0 && errno == EINTR)) {
            ++it;
            continue;
        }
        ChildExit exit;
        exit.pid = *it; // r < 0: reaped by someone else, its end unknown
        if (r == *it)
            exit = exitFromStatus(*it, status);
        m_exits.push_back(exit);
        it = m_pids.erase(it);
    }
    if (!m_pids.empty() || m_allPids.empty())
        return std::nullopt;

    // Every child is reaped: only now is the counter final.
    RaceOutcome outcome;
    outcome.variant = m_variant;
    outcome.children = static_cast<int>(m_allPids.size());
    outcome.increments = m_increments;
    outcome.expected = std::int64_t(outcome.children) * m_increments;
    outcome.total = m_shared ? __atomic_load_n(&m_shared->counter, __ATOMIC_RELAXED) : 0;
    std::int64_t end = m_startNs;
    for (std::size_t i = 0; i < m_allPids.size(); ++i) {
        if (m_shared && m_shared->children[i].finished)
            end = std::max(end, m_shared->children[i].endNs);
        else
            outcome.allOk = false;
    }
    outcome.elapsedNs = end - m_startNs;
    for (const ChildExit &exit : m_exits)
        outcome.allOk = outcome.allOk && exit.exited && exit.status == 0;
    // In the order the children were forked.
    for (pid_t pid : m_allPids) {
        for (const ChildExit &exit : m_exits) {
            if (exit.pid == pid)
                outcome.exits.push_back(exit);
        }
    }
    m_allPids.clear();
    m_exits.clear();
    return outcome;
}

Result<RaceOutcome> RaceDemo::finish(int timeoutMs)
{
    if (m_allPids.empty())
        return lessonStepRefused("wait", Text(QT_TRANSLATE_NOOP("shm", "There is no child to wait for.")));
    const std::int64_t deadline = monotonicMs() + timeoutMs;
    for (;;) {
        if (auto outcome = collect())
            return *outcome;
        if (monotonicMs() >= deadline) {
            reapRun(0);
            if (auto outcome = collect())
                return *outcome;
            return systemError("wait", {}, ETIMEDOUT);
        }
        // The children's own clock times the run: polling here costs no accuracy.
        timespec pause{0, 2 * 1000 * 1000};
        nanosleep(&pause, nullptr);
    }
}

void RaceDemo::reapRun(int timeoutMs)
{
    for (pid_t pid : m_pids) {
        ChildExit exit = reapChild(pid, timeoutMs);
        m_exits.push_back(exit);
    }
    m_pids.clear();
}

void RaceDemo::stop()
{
    for (pid_t pid : m_pids)
        kill(pid, SIGKILL);
    reapRun(1000);
    m_allPids.clear();
    m_exits.clear();
}

Result<void> RaceDemo::detach()
{
    if (!m_shared)
        return lessonStepRefused("shmdt", Text(QT_TRANSLATE_NOOP("shm", "The parent is not attached.")));
    m_shared = nullptr;
    return m_attachment.detach();
}

} // namespace shm
