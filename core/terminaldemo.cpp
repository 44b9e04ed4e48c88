#include "terminaldemo.h"

#include "forkdemo.h"

#include <cstdio>
#include <string>
#include <unistd.h>

namespace shm {

namespace {

constexpr int LessonValue = 1664;

std::string who(const char *role, pid_t pid)
{
    // "parent (pid 4242)" and "child  (pid 4243)" line up in a terminal.
    std::string text = role;
    if (text.size() < 6)
        text.append(6 - text.size(), ' ');
    return text + " (pid " + std::to_string(pid) + "): ";
}

std::string hex(std::uintptr_t address)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%#llx", static_cast<unsigned long long>(address));
    return buffer;
}

} // namespace

int runTerminalDemo(bool verbose, std::ostream &out, std::ostream &err)
{
    ForkDemo demo; // its destructor reaps the child and removes the segment on any failure
    const pid_t self = getpid();
    const std::string parent = who("parent", self);
    const auto failed = [&](const Error &error) {
        err << "shmscope --demo-terminal: " << error.describe() << '\n';
        return 1;
    };

    auto shmid = demo.create();
    if (!shmid)
        return failed(shmid.error());
    if (verbose)
        out << parent << "shmid = shmget(IPC_PRIVATE, sizeof(int), 0600) = " << *shmid << '\n';

    auto address = demo.attach();
    if (!address)
        return failed(address.error());
    if (verbose)
        out << parent << "shared_int = shmat(" << *shmid << ", NULL, 0) = " << hex(*address)
            << '\n';

    auto child = demo.forkChild();
    if (!child)
        return failed(child.error());
    const std::string childWho = who("child", *child);
    if (verbose)
        out << parent << "pid = fork() = " << *child << "   (the child sees 0)\n";

    // Both processes are attached now (fork duplicates the attachment): mark the segment for
    // removal at once. It lives until the last detach, and a crash or kill -9 leaves nothing.
    if (auto marked = demo.markForRemoval(); !marked)
        return failed(marked.error());
    if (verbose)
        out << parent << "shmctl(" << *shmid
            << ", IPC_RMID, NULL) = 0   (removed at the last detach)\n";

    // The child reads and writes the int itself; its reading comes back through a pipe so both
    // processes' lines reach the same stream, in order.
    auto seen = demo.childRead();
    if (!seen)
        return failed(seen.error());
    out << childWho << "the value is " << *seen << '\n';

    auto written = demo.childWrite(LessonValue);
    if (!written)
        return failed(written.error());
    if (verbose)
        out << childWho << "*shared_int = " << *written << '\n';

    if (auto detached = demo.childDetachAndExit(); !detached)
        return failed(detached.error());
    if (verbose)
        out << childWho << "shmdt(shared_int) = 0, then exit(0)\n";

    auto ended = demo.waitChild();
    if (!ended)
        return failed(ended.error());
    if (verbose)
        out << parent << "wait(&status) = " << ended->pid << "   (exit status "
            << ended->status << ")\n";
    if (!ended->exited || ended->status != 0)
        return failed(inputError("wait", "child pid " + std::to_string(ended->pid),
                                 Text(QT_TRANSLATE_NOOP("shm", "The child did not exit with "
                                                               "status 0."))));

    auto value = demo.parentRead();
    if (!value)
        return failed(value.error());
    out << parent << "the value is " << *value << '\n';

    if (auto detached = demo.parentDetach(); !detached)
        return failed(detached.error());
    if (verbose)
        out << parent << "shmdt(shared_int) = 0   (nattch 0: the kernel destroys the segment)\n";
    out.flush();
    return *value == LessonValue && *seen == 0 ? 0 : 1;
}

} // namespace shm
