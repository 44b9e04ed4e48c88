#include "terminaldemo.h"

#include "forkdemo.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <unistd.h>

namespace shm {

namespace {

constexpr int LessonValue = 1664;

} // namespace

std::string TerminalVoice::operator()(const Text &text) const
{
    return m_say ? m_say(text) : text.english();
}

int TerminalVoice::fail(const Error &error) const
{
    m_err << "shmscope --demo-terminal: " << (*this)(error.describeText()) << '\n';
    return 1;
}

std::string TerminalVoice::who(const std::string &role, pid_t pid, std::size_t width) const
{
    std::string padded = role;
    const std::size_t columns = textColumns(role);
    if (columns < width)
        padded.append(width - columns, ' ');
    return (*this)(Text(QT_TRANSLATE_NOOP("shm", "%1 (pid %2): "), {value(padded), value(pid)}));
}

std::string hexAddress(std::uintptr_t address)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%#llx", static_cast<unsigned long long>(address));
    return buffer;
}

std::size_t textColumns(const std::string &text)
{
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xc0) != 0x80;
    }));
}

int runTerminalDemo(bool verbose, std::ostream &out, std::ostream &err, const Narrator &say)
{
    const TerminalVoice text(err, say);
    ForkDemo demo; // its destructor reaps the child and removes the segment on any failure
    const pid_t self = getpid();
    // The two roles padded to the same width, so that the lines line up.
    const std::string parentRole = text(Text(QT_TRANSLATE_NOOP("shm", "parent")));
    const std::string childRole = text(Text(QT_TRANSLATE_NOOP("shm", "child")));
    const std::size_t width = std::max(textColumns(parentRole), textColumns(childRole));
    const std::string parent = text.who(parentRole, self, width);
    const auto failed = [&text](const Error &error) { return text.fail(error); };
    const auto valueIs = [&](int v) {
        return text(Text(QT_TRANSLATE_NOOP("shm", "the value is %1"), {value(v)}));
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
        out << parent << "shared_int = shmat(" << *shmid << ", NULL, 0) = " << hexAddress(*address)
            << '\n';

    auto child = demo.forkChild();
    if (!child)
        return failed(child.error());
    const std::string childWho = text.who(childRole, *child, width);
    if (verbose)
        out << parent << "pid = fork() = " << *child << "   ("
            << text(Text(QT_TRANSLATE_NOOP("shm", "the child sees 0"))) << ")\n";

    // Both processes are attached now (fork duplicates the attachment): mark the segment for
    // removal at once. It lives until the last detach, and a crash or kill -9 leaves nothing.
    if (auto marked = demo.markForRemoval(); !marked)
        return failed(marked.error());
    if (verbose)
        out << parent << "shmctl(" << *shmid
            << ", IPC_RMID, NULL) = 0   ("
            << text(Text(QT_TRANSLATE_NOOP("shm", "removed at the last detach"))) << ")\n";

    // The child reads and writes the int itself; its reading comes back through a pipe so both
    // processes' lines reach the same stream, in order.
    auto seen = demo.childRead();
    if (!seen)
        return failed(seen.error());
    out << childWho << valueIs(*seen) << '\n';

    auto written = demo.childWrite(LessonValue);
    if (!written)
        return failed(written.error());
    if (verbose)
        out << childWho << "*shared_int = " << *written << '\n';

    if (auto detached = demo.childDetachAndExit(); !detached)
        return failed(detached.error());
    if (verbose)
        out << childWho << "shmdt(shared_int) = 0, "
            << text(Text(QT_TRANSLATE_NOOP("shm", "then exit(0)"))) << '\n';

    auto ended = demo.waitChild();
    if (!ended)
        return failed(ended.error());
    if (verbose)
        out << parent << "wait(&status) = " << ended->pid << "   ("
            << text(Text(QT_TRANSLATE_NOOP("shm", "exit status %1"), {value(ended->status)}))
            << ")\n";
    if (!ended->exited || ended->status != 0)
        return failed(Error{"wait", "child pid " + std::to_string(ended->pid), 0,
                            ErrorKind::System,
                            Text(QT_TRANSLATE_NOOP("shm", "The child did not exit with "
                                                          "status 0."))});

    auto readBack = demo.parentRead();
    if (!readBack)
        return failed(readBack.error());
    out << parent << valueIs(*readBack) << '\n';

    if (auto detached = demo.parentDetach(); !detached)
        return failed(detached.error());
    if (verbose)
        out << parent << "shmdt(shared_int) = 0   ("
            << text(Text(QT_TRANSLATE_NOOP("shm", "nattch 0: the kernel destroys the segment")))
            << ")\n";
    out.flush();
    return *readBack == LessonValue && *seen == 0 ? 0 : 1;
}

} // namespace shm
