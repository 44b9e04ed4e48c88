#include "forkdemo.h"

#include "lessonsegment.h"
#include "segmentcontrol.h"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <optional>
#include <fcntl.h>
#include <poll.h>
#include <sys/shm.h>
#include <sys/socket.h>
#include <unistd.h>

namespace shm {

namespace {

// Commands from the parent, one datagram each on a SOCK_SEQPACKET pair (send with MSG_NOSIGNAL,
// so a dead child gives EPIPE instead of killing the parent with SIGPIPE).
struct Command
{
    enum Op : std::int32_t { Read, Write, DetachAndExit, Live };
    std::int32_t op = Read;
    std::int32_t a = 0; // Write: value; Live: source
    std::int32_t b = 0; // Live: value
    std::int32_t c = 0; // Live: period in ms
};

// The child's exit statuses, so a failure can be told from a success in wait().
enum ChildStatus { ChildOk = 0, ChildPipeFailed = 72, ChildDetachFailed = 73 };

constexpr int CommandFd = 3; // in the child, after it tidied its descriptors
constexpr int ReportFd = 4;

// ---- the child: async-signal-safe calls only from here to _exit ----

struct ChildState
{
    int *shared = nullptr;
    std::int64_t sequence = 0;
    bool attached = true;
};

std::int32_t loadShared(const ChildState &state)
{
    // The parent writes the same int at any moment: an atomic access, not a plain one.
    return std::atomic_ref<int>(*state.shared).load(std::memory_order_relaxed);
}

void storeShared(const ChildState &state, std::int32_t value)
{
    std::atomic_ref<int>(*state.shared).store(value, std::memory_order_relaxed);
}

// Writes one record; a full pipe drops a live tick rather than stalling the child.
bool report(ChildState &state, ChildReport record)
{
    record.pid = static_cast<std::int32_t>(getpid());
    record.sequence = state.sequence++;
    for (;;) {
        ssize_t n = write(ReportFd, &record, sizeof record);
        if (n == static_cast<ssize_t>(sizeof record))
            return true;
        if (n < 0 && errno == EINTR)
            continue;
        return n < 0 && errno == EAGAIN; // dropped, but the reader is still there
    }
}

[[noreturn]] void detachAndExit(ChildState &state, bool tell)
{
    int errnum = 0;
    if (state.attached && shmdt(state.shared) != 0)
        errnum = errno;
    state.attached = false;
    if (tell) {
        ChildReport record;
        record.kind = ChildReport::Detached;
        record.errnum = errnum;
        report(state, record);
    }
    _exit(errnum == 0 ? ChildOk : ChildDetachFailed);
}

[[noreturn]] void childMain(int commandFd, int reportFd, int *shared, pid_t parent)
{
    enterChild(parent);
    // Our two channel ends on fixed numbers (CommandFd, ReportFd); nothing else kept open.
    const int keep[] = {commandFd, reportFd};
    if (!keepOnlyDescriptors(keep, 2))
        _exit(ChildPipeFailed);
    detachOtherSegments(shared);
    fcntl(ReportFd, F_SETFL, fcntl(ReportFd, F_GETFL) | O_NONBLOCK);

    ChildState state;
    state.shared = shared;
    ChildReport ready;
    ready.kind = ChildReport::Ready;
    ready.value = loadShared(state);
    if (!report(state, ready))
        _exit(ChildPipeFailed);

    bool live = false;
    LiveSettings settings;
    std::int64_t nextTick = 0;
    bool haveLast = false;
    std::int32_t last = 0;

    for (;;) {
        int timeout = -1;
        if (live) {
            std::int64_t wait = nextTick - monotonicMs();
            timeout = wait < 0 ? 0 : static_cast<int>(wait);
        }
        pollfd pfd{CommandFd, POLLIN, 0};
        int polled = poll(&pfd, 1, timeout);
        if (polled < 0 && errno != EINTR)
            detachAndExit(state, false);
        if (polled > 0) {
            Command received;
            ssize_t n = recv(CommandFd, &received, sizeof received, 0);
            if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN))
                detachAndExit(state, false); // the parent closed its end: leave quietly
            if (n == static_cast<ssize_t>(sizeof received)) {
                ChildReport record;
                switch (received.op) {
                case Command::Read:
                    record.kind = ChildReport::Read;
                    record.value = loadShared(state);
                    report(state, record);
                    break;
                case Command::Write:
                    storeShared(state, received.a);
                    record.kind = ChildReport::Wrote;
                    record.value = received.a;
                    report(state, record);
                    break;
                case Command::DetachAndExit:
                    detachAndExit(state, true);
                case Command::Live:
                    settings.source = static_cast<LiveSource>(received.a);
                    settings.value = received.b;
                    settings.periodMs = received.c;
                    if (!live)
                        nextTick = monotonicMs();
                    live = true;
                    haveLast = false;
                    break;
                }
            }
        }
        if (live && monotonicMs() >= nextTick) {
            ChildReport tick;
            tick.kind = ChildReport::Tick;
            tick.value = loadShared(state);
            bool tell = true;
            switch (settings.source) {
            case LiveSource::Counter:
                // Wrapping like the unsigned arithmetic it is, never signed overflow.
                tick.written = static_cast<std::int32_t>(static_cast<std::uint32_t>(tick.value) + 1u);
                tick.wrote = 1;
                break;
            case LiveSource::Value:
                tick.written = settings.value;
                tick.wrote = 1;
                break;
            case LiveSource::WatchOnly:
                tell = !haveLast || tick.value != last;
                break;
            }
            if (tick.wrote)
                storeShared(state, tick.written);
            haveLast = true;
            last = tick.wrote ? tick.written : tick.value;
            if (tell)
                report(state, tick);
            nextTick += settings.periodMs;
            std::int64_t now = monotonicMs();
            if (nextTick < now) // late (stopped in a debugger...): no burst of catch-up ticks
                nextTick = now + settings.periodMs;
        }
    }
}

// ---- the parent ----

std::string childTarget(pid_t pid)
{
    return "child pid " + std::to_string(pid);
}

} // namespace

ForkDemo::ForkDemo() = default;

ForkDemo::~ForkDemo()
{
    if (m_childPid > 0)
        stopChild();
    closeChannels();
    if (m_attachment.isValid())
        m_attachment.detach();
    m_address = nullptr;
    if (m_shmid >= 0 && !m_marked)
        removeSegment(m_shmid);
}

Result<int> ForkDemo::create()
{
    auto created = createLessonSegment(m_shmid, sizeof(int));
    if (!created)
        return created.error();
    m_shmid = *created;
    m_marked = false;
    return m_shmid;
}

Result<std::uintptr_t> ForkDemo::attach()
{
    auto attached = attachLessonSegment(m_shmid, m_address != nullptr);
    if (!attached)
        return attached.error();
    m_attachment = std::move(*attached);
    m_address = reinterpret_cast<int *>(m_attachment.writableData());
    m_handedOver = false;
    return m_attachment.address();
}

Result<pid_t> ForkDemo::forkChild(int timeoutMs)
{
    if (!m_address)
        return lessonStepRefused("fork", Text(QT_TRANSLATE_NOOP("shm", "The parent must be attached before it forks.")));
    if (m_childPid > 0)
        return lessonStepRefused("fork", Text(QT_TRANSLATE_NOOP("shm", "A child is running already.")));
    closeChannels();

    int channel[2];
    if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, channel) != 0)
        return systemError("socketpair", "command channel", errno);
    int pipeFds[2];
    if (pipe2(pipeFds, O_CLOEXEC) != 0) {
        int saved = errno;
        close(channel[0]);
        close(channel[1]);
        return systemError("pipe", "report pipe", saved);
    }
    int *shared = m_address;
    const pid_t parent = getpid();
    const pid_t pid = fork();
    if (pid < 0) {
        int saved = errno;
        close(channel[0]);
        close(channel[1]);
        close(pipeFds[0]);
        close(pipeFds[1]);
        return systemError("fork", {}, saved);
    }
    if (pid == 0)
        childMain(channel[1], pipeFds[1], shared, parent);

    close(channel[1]);
    close(pipeFds[1]);
    m_commandFd = channel[0];
    m_reportFd = pipeFds[0];
    fcntl(m_reportFd, F_SETFL, fcntl(m_reportFd, F_GETFL) | O_NONBLOCK);
    m_parentPid = parent;
    m_childPid = pid;
    m_pending.clear();
    m_partial.clear();

    auto ready = waitReport(ChildReport::Ready, timeoutMs, "fork");
    if (!ready) {
        stopChild(0);
        return ready.error();
    }
    return pid;
}

Result<void> ForkDemo::markForRemoval()
{
    if (m_shmid < 0)
        return lessonStepRefused("shmctl IPC_RMID", Text(QT_TRANSLATE_NOOP("shm", "There is no segment.")));
    auto removed = removeSegment(m_shmid);
    if (!removed)
        return removed.error();
    m_marked = true;
    return {};
}

Result<std::int32_t> ForkDemo::childRead(int timeoutMs)
{
    if (auto sent = sendCommand(Command::Read); !sent)
        return sent.error();
    auto record = waitReport(ChildReport::Read, timeoutMs, "child read");
    if (!record)
        return record.error();
    return record->value;
}

Result<std::int32_t> ForkDemo::childWrite(std::int32_t value, int timeoutMs)
{
    if (auto sent = sendCommand(Command::Write, value); !sent)
        return sent.error();
    auto record = waitReport(ChildReport::Wrote, timeoutMs, "child write");
    if (!record)
        return record.error();
    return record->value;
}

Result<void> ForkDemo::childDetachAndExit(int timeoutMs)
{
    if (auto sent = sendCommand(Command::DetachAndExit); !sent)
        return sent.error();
    auto record = waitReport(ChildReport::Detached, timeoutMs, "shmdt");
    if (!record)
        return record.error();
    if (record->errnum != 0)
        return systemError("shmdt", childTarget(m_childPid), record->errnum,
                           Text(QT_TRANSLATE_NOOP("shm", "in the child")));
    return {};
}

Result<ChildExit> ForkDemo::waitChild(int timeoutMs)
{
    if (m_childPid <= 0)
        return lessonStepRefused("wait", Text(QT_TRANSLATE_NOOP("shm", "There is no child to wait for.")));
    return reap(timeoutMs);
}

Result<std::int32_t> ForkDemo::parentRead() const
{
    if (!m_address)
        return lessonStepRefused("read", Text(QT_TRANSLATE_NOOP("shm", "The parent is not attached.")));
    return std::atomic_ref<int>(*m_address).load(std::memory_order_relaxed);
}

Result<void> ForkDemo::parentWrite(std::int32_t value)
{
    if (!m_address)
        return lessonStepRefused("write", Text(QT_TRANSLATE_NOOP("shm", "The parent is not attached.")));
    std::atomic_ref<int>(*m_address).store(value, std::memory_order_relaxed);
    return {};
}

Result<void> ForkDemo::parentDetach()
{
    if (m_handedOver)
        return lessonStepRefused("shmdt", Text(QT_TRANSLATE_NOOP("shm", "The attachment was handed over: its holder detaches it.")));
    m_address = nullptr;
    return m_attachment.detach();
}

Attachment ForkDemo::handOverAttachment()
{
    m_handedOver = m_attachment.isValid();
    return std::move(m_attachment);
}

void ForkDemo::handedAttachmentDetached()
{
    if (m_handedOver)
        m_address = nullptr;
}

Result<void> ForkDemo::setLive(const LiveSettings &settings)
{
    std::int32_t period = settings.periodMs < 1 ? 1 : settings.periodMs > 10000 ? 10000
                                                                                 : settings.periodMs;
    return sendCommand(Command::Live, static_cast<std::int32_t>(settings.source), settings.value,
                       period);
}

Result<ChildExit> ForkDemo::stopChild(int timeoutMs)
{
    if (m_childPid <= 0)
        return lessonStepRefused("stop", Text(QT_TRANSLATE_NOOP("shm", "There is no child.")));
    sendCommand(Command::DetachAndExit); // if it fails, the child is gone or will be killed
    ChildExit exit = reap(timeoutMs);
    return exit;
}

std::vector<ChildReport> ForkDemo::takeReports()
{
    drainReports();
    return std::exchange(m_pending, {});
}

Result<void> ForkDemo::sendCommand(std::int32_t op, std::int32_t a, std::int32_t b,
                                   std::int32_t c)
{
    if (m_childPid <= 0 || m_commandFd < 0)
        return lessonStepRefused("send", Text(QT_TRANSLATE_NOOP("shm", "There is no child running.")));
    Command command;
    command.op = op;
    command.a = a;
    command.b = b;
    command.c = c;
    for (;;) {
        ssize_t n = send(m_commandFd, &command, sizeof command, MSG_NOSIGNAL);
        if (n == static_cast<ssize_t>(sizeof command))
            return {};
        if (n < 0 && errno == EINTR)
            continue;
        return systemError("send", childTarget(m_childPid), n < 0 ? errno : EIO,
                           Text(QT_TRANSLATE_NOOP("shm", "the child does not listen any more")));
    }
}

void ForkDemo::drainReports()
{
    if (m_reportFd < 0)
        return;
    char buffer[64 * sizeof(ChildReport)];
    for (;;) {
        ssize_t n = read(m_reportFd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return; // EAGAIN: nothing more now; 0: the child closed the pipe
        m_partial.insert(m_partial.end(), buffer, buffer + n);
        std::size_t whole = m_partial.size() / sizeof(ChildReport);
        for (std::size_t i = 0; i < whole; ++i) {
            ChildReport record;
            std::memcpy(&record, m_partial.data() + i * sizeof record, sizeof record);
            m_pending.push_back(record);
        }
        m_partial.erase(m_partial.begin(),
                        m_partial.begin() + static_cast<long>(whole * sizeof(ChildReport)));
    }
}

Result<ChildReport> ForkDemo::waitReport(std::int32_t kind, int timeoutMs, const char *call)
{
    const std::int64_t deadline = monotonicMs() + timeoutMs;
    // Reads what the pipe holds, then takes the first report of `kind` out of the queue.
    const auto take = [this, kind]() -> std::optional<ChildReport> {
        drainReports();
        for (auto it = m_pending.begin(); it != m_pending.end(); ++it) {
            if (it->kind == kind) {
                ChildReport found = *it;
                m_pending.erase(it);
                return found;
            }
        }
        return std::nullopt;
    };
    for (;;) {
        if (auto found = take())
            return *found;
        std::int64_t left = deadline - monotonicMs();
        if (left <= 0)
            return systemError(call, childTarget(m_childPid), ETIMEDOUT,
                               Text(QT_TRANSLATE_NOOP("shm", "the child did not answer")));
        pollfd pfd{m_reportFd, POLLIN, 0};
        int ready = poll(&pfd, 1, static_cast<int>(left));
        if (ready < 0 && errno != EINTR)
            return systemError("poll", "report pipe", errno);
        if (ready > 0 && (pfd.revents & POLLHUP) && !(pfd.revents & POLLIN)) {
            if (auto found = take())
                return *found;
            return systemError(call, childTarget(m_childPid), EPIPE,
                               Text(QT_TRANSLATE_NOOP("shm", "the child has exited")));
        }
    }
}

ChildExit ForkDemo::reap(int timeoutMs)
{
    ChildExit result = reapChild(m_childPid, timeoutMs);
    m_childPid = -1;
    drainReports(); // keep the last records (Detached...) for takeReports()
    closeChannels();
    return result;
}

void ForkDemo::closeChannels()
{
    if (m_commandFd >= 0)
        close(m_commandFd);
    if (m_reportFd >= 0)
        close(m_reportFd);
    m_commandFd = -1;
    m_reportFd = -1;
    m_partial.clear();
}

} // namespace shm
