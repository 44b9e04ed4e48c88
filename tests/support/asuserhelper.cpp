#include "asuserhelper.h"

#include "asuserprotocol.h"
#include "support/testsegment.h"

#include "core/attachment.h"
#include "core/inventorylisting.h"
#include "core/posixshm.h"
#include "core/queues.h"
#include "core/semaphores.h"
#include "core/segmentcontrol.h"
#include "core/segmentlist.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <grp.h>
#include <spawn.h>
#include <sstream>
#include <sys/prctl.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace shmtest::asuser {

Report ok(std::string text)
{
    return {true, {}, {}, std::move(text)};
}

Report refused(const shm::Error &error)
{
    const char *name = error.errnum != 0 ? strerrorname_np(error.errnum) : nullptr;
    return {false, name ? name : "", shm::kindName(error.kind), error.describe()};
}

Report refused(std::string text)
{
    return {false, {}, {}, std::move(text)};
}

std::optional<int> number(const std::string &word, int base)
{
    if (word.empty())
        return std::nullopt;
    char *end = nullptr;
    errno = 0;
    const long value = std::strtol(word.c_str(), &end, base);
    if (errno != 0 || *end != '\0' || value < -2147483648L || value > 2147483647L)
        return std::nullopt;
    return int(value);
}

std::string hex(const void *data, std::size_t size)
{
    static const char digits[] = "0123456789abcdef";
    std::string out;
    const auto *bytes = static_cast<const unsigned char *>(data);
    for (std::size_t i = 0; i < size; ++i) {
        out += digits[bytes[i] >> 4];
        out += digits[bytes[i] & 15];
    }
    return out;
}

std::optional<std::string> unhex(const std::string &text)
{
    if (text.size() % 2 != 0)
        return std::nullopt;
    std::string out;
    for (std::size_t i = 0; i < text.size(); i += 2) {
        auto byte = number(text.substr(i, 2), 16);
        if (!byte)
            return std::nullopt;
        out += char(*byte);
    }
    return out;
}

namespace {

void writeLine(const std::string &step, const Report &report)
{
    const std::string line
        = protocol::joinLine(
        {step, report.ok ? "ok" : "refused", report.errnoName, report.kind, report.text});
    std::printf("%s\n", line.c_str());
    std::fflush(stdout);
}

Report fromResult(const shm::Result<void> &result)
{
    return result.ok() ? ok() : refused(result.error());
}

// `other STEP...`: the core helper as this user, one step; its line is ours.
Report inAnotherProcess(const Words &step)
{
    const char *program = std::getenv("SHMTEST_ASUSER");
    if (!program || !*program)
        return refused(std::string("SHMTEST_ASUSER names no helper program"));
    std::string joined;
    for (const std::string &word : step)
        joined += (joined.empty() ? "" : " ") + word;
    int out[2];
    if (pipe(out) != 0)
        return refused(std::string("pipe: ") + std::strerror(errno));
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    std::string as = "--as", self = "self";
    char *argv[] = {const_cast<char *>(program), as.data(), self.data(), joined.data(), nullptr};
    pid_t pid = -1;
    const int spawned = posix_spawn(&pid, program, &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    std::string output;
    char buffer[4096];
    ssize_t n;
    while ((n = read(out[0], buffer, sizeof buffer)) > 0 || (n < 0 && errno == EINTR)) {
        if (n > 0)
            output.append(buffer, std::size_t(n));
    }
    close(out[0]);
    if (spawned != 0)
        return refused(std::string("posix_spawn: ") + std::strerror(spawned));
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) { }
    const auto fields = protocol::splitLine(output.substr(0, output.find('\n')));
    if (fields.size() != 5)
        return refused("the other process wrote: " + output);
    return {fields[1] == "ok", fields[2], fields[3], fields[4]};
}

constexpr int NoId = -2147483647 - 1;

class CoreSteps
{
public:
    ~CoreSteps()
    {
        for (int shmid : m_created)
            shmctl(shmid, IPC_RMID, nullptr);
    }

    int lastCreated() const { return m_created.empty() ? -1 : m_created.back(); }

    std::optional<Report> run(const Words &w)
    {
        const std::string &verb = w[0];
        const int id = w.size() > 1 ? number(w[1]).value_or(NoId) : NoId;
        if (verb == "other" && w.size() > 1)
            return inAnotherProcess(Words(w.begin() + 1, w.end()));
        if (verb == "create" && w.size() == 3) {
            const auto size = number(w[1]);
            const auto mode = number(w[2], 8);
            if (!size || !mode)
                return refused(std::string("create SIZE MODE"));
            const int shmid = shmget(IPC_PRIVATE, std::size_t(*size), IPC_CREAT | (*mode & 0777));
            if (shmid < 0)
                return refused(shm::systemError("shmget", "IPC_PRIVATE", errno));
            m_created.push_back(shmid);
            return ok("shmid " + std::to_string(shmid));
        }
        // POSIX objects and namespaces (issue 14).
        if (verb == "posixcreate" && w.size() == 5 && number(w[2]) && number(w[3], 8)) {
            auto made = shm::createPosixObject(w[1], std::uint64_t(*number(w[2])),
                                               unsigned(*number(w[3], 8)), w[4] == "excl");
            if (!made)
                return refused(made.error());
            if (w[4] == "excl")
                ::unlink(("/dev/shm" + w[1]).c_str()); // made by this step: not left behind
            return ok();
        }
        if (verb == "posixremove" && w.size() == 2)
            return fromResult(shm::removePosixObject(w[1]));
        if (verb == "posixresize" && w.size() == 3 && number(w[2])) {
            auto resized = shm::resizePosixObject(w[1], std::uint64_t(*number(w[2])));
            return resized ? ok() : refused(resized.error());
        }
        if (verb == "nslist" && w.size() == 2 && id != NoId) {
            shm::InventoryOptions options;
            options.namespacePid = id;
            auto listing = shm::listInventory(options);
            return listing ? ok(std::to_string(listing->segments.size()) + " segments")
                           : refused(listing.error());
        }
        if (id == NoId)
            return std::nullopt;
        if (verb == "attach" && w.size() == 3) {
            auto a = shm::Attachment::attach(
                id, w[2] == "rw" ? shm::Access::ReadWrite : shm::Access::ReadOnly);
            return a ? ok() : refused(a.error());
        }
        if (verb == "stat" && w.size() == 2) {
            auto s = shm::statSegment(id);
            if (!s)
                return refused(s.error());
            char text[200];
            std::snprintf(text, sizeof text, "perms %04o uid %u gid %u cuid %u nattch %llu",
                          s->perms(), unsigned(s->uid), unsigned(s->gid), unsigned(s->cuid),
                          static_cast<unsigned long long>(s->nattch));
            return ok(text);
        }
        if (verb == "remove" && w.size() == 2)
            return fromResult(shm::removeSegment(id));
        if (verb == "mode" && w.size() == 3 && number(w[2], 8))
            return fromResult(shm::setMode(id, unsigned(*number(w[2], 8))));
        if (verb == "owner" && w.size() == 4 && number(w[2]) && number(w[3]))
            return fromResult(shm::setOwner(id, uid_t(*number(w[2])), gid_t(*number(w[3]))));
        if ((verb == "lock" || verb == "unlock") && w.size() == 2)
            return fromResult(shm::setLocked(id, verb == "lock"));
        if (verb == "read" && w.size() == 4 && number(w[2]) && number(w[3])) {
            auto a = shm::Attachment::attach(id, shm::Access::ReadOnly);
            if (!a)
                return refused(a.error());
            const auto offset = std::uint64_t(*number(w[2])), count = std::uint64_t(*number(w[3]));
            if (offset + count > a->size())
                return refused(std::string("past the end of the segment"));
            return ok(hex(a->data() + offset, count));
        }
        if (verb == "semread" && w.size() == 2) {
            auto set = shm::readSemaphores(id);
            if (!set)
                return refused(set.error());
            std::string values;
            for (const shm::Semaphore &sem : set->semaphores)
                values += (values.empty() ? "" : " ") + std::to_string(sem.value);
            return ok(values);
        }
        if (verb == "semop" && w.size() == 4 && number(w[2]) && number(w[3])) {
            auto done = shm::operateSemaphores(id, {{*number(w[2]), *number(w[3]), true, false}});
            return done ? ok() : refused(done.error());
        }
        if (verb == "semset" && w.size() == 4 && number(w[2]) && number(w[3]))
            return fromResult(shm::setSemaphoreValue(id, *number(w[2]), *number(w[3])));
        if (verb == "semremove" && w.size() == 2)
            return fromResult(shm::removeSemaphoreSet(id));
        if (verb == "semmode" && w.size() == 3 && number(w[2], 8))
            return fromResult(shm::setSemaphoreSetMode(id, unsigned(*number(w[2], 8))));
        if (verb == "msgpeek" && w.size() == 2) {
            auto messages = shm::peekMessages(id);
            if (!messages)
                return refused(messages.error());
            return ok(std::to_string(messages->size()) + " messages");
        }
        if (verb == "msgsend" && w.size() == 4 && number(w[2]) && unhex(w[3]))
            return fromResult(shm::sendMessage(id, *number(w[2]), *unhex(w[3])));
        if (verb == "msgreceive" && w.size() == 2) {
            auto message = shm::receiveMessage(id);
            return message ? ok(hex(message->bytes.data(), message->bytes.size()))
                           : refused(message.error());
        }
        if (verb == "msgremove" && w.size() == 2)
            return fromResult(shm::removeQueue(id));
        if (verb == "msgmode" && w.size() == 3 && number(w[2], 8))
            return fromResult(shm::setQueueMode(id, unsigned(*number(w[2], 8))));
        if (verb == "write" && w.size() == 4 && number(w[2]) && unhex(w[3])) {
            auto a = shm::Attachment::attach(id, shm::Access::ReadWrite);
            if (!a)
                return refused(a.error());
            const auto offset = std::uint64_t(*number(w[2]));
            const std::string bytes = *unhex(w[3]);
            if (offset + bytes.size() > a->size())
                return refused(std::string("past the end of the segment"));
            std::memcpy(a->writableData() + offset, bytes.data(), bytes.size());
            return ok();
        }
        return std::nullopt;
    }

private:
    std::vector<int> m_created;
};

} // namespace

std::optional<std::vector<std::string>> start(int argc, char **argv)
{
    if (argc < 3 || std::strcmp(argv[1], "--as") != 0
        || (std::strcmp(argv[2], "nobody") != 0 && std::strcmp(argv[2], "self") != 0)) {
        writeLine("start", refused(std::string("usage: --as nobody|self STEP...")));
        return std::nullopt;
    }
    if (std::strcmp(argv[2], "nobody") == 0 && geteuid() == 0) {
        if (setgroups(0, nullptr) != 0
            || setresgid(UnprivilegedGid, UnprivilegedGid, UnprivilegedGid) != 0
            || setresuid(UnprivilegedUid, UnprivilegedUid, UnprivilegedUid) != 0) {
            writeLine("drop to nobody", refused(shm::systemError("setresuid", "65534", errno)));
            return std::nullopt;
        }
        // Changing uid made the process undumpable; the sanitizers' leak check needs it dumpable.
        prctl(PR_SET_DUMPABLE, 1);
    }
    return std::vector<std::string>(argv + 3, argv + argc);
}

int runSteps(const std::vector<std::string> &steps, const StepHandler &extra)
{
    CoreSteps core;
    for (const std::string &step : steps) {
        Words words;
        std::istringstream in(step);
        for (std::string word; in >> word;)
            words.push_back(word == "@" ? std::to_string(core.lastCreated()) : word);
        std::optional<Report> report;
        if (!words.empty())
            report = core.run(words);
        if (!report && !words.empty() && extra)
            report = extra(words);
        writeLine(step, report ? *report : refused("no such step: " + step));
    }
    return 0;
}

} // namespace shmtest::asuser
