#pragma once

// The corrected fork lesson in a terminal (shmscope --demo-terminal [--verbose]).

#include "text.h"

#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <sys/types.h>

namespace shm {

// Runs the lesson: private segment holding one int, fork, child prints 0 and writes 1664,
// parent waits and prints 1664, detaches. Each line says who (parent or child, with pid).
// The segment is marked for removal right after fork, when both processes are attached, so
// nothing is left even if the program is killed. With verbose, every system call is printed
// with its result. Returns the exit status: 0 on success; on a failed call, its description
// (call, errno text) goes to err and the status is 1. The narration and errors go through `say`
// (a translator; English when empty); the C calls are printed as they are.
using Narrator = std::function<std::string(const Text &)>;
int runTerminalDemo(bool verbose, std::ostream &out, std::ostream &err, const Narrator &say = {});

struct Error;

// What the terminal lessons print with: sentences through the narrator (English without one),
// and failures as "shmscope --demo-terminal: <call>: <why>" on err, with status 1.
class TerminalVoice
{
public:
    TerminalVoice(std::ostream &err, const Narrator &say) : m_err(err), m_say(say) {}
    std::string operator()(const Text &text) const;
    int fail(const Error &error) const;
    // "parent (pid 4242): ", the role padded to `width` characters (UTF-8 aware).
    std::string who(const std::string &role, pid_t pid, std::size_t width = 0) const;

private:
    std::ostream &m_err;
    const Narrator &m_say;
};

// An address as C prints it with %p ("0x7f2a3c000000").
std::string hexAddress(std::uintptr_t address);
// Characters, not bytes, of a UTF-8 string (for lining up columns).
std::size_t textColumns(const std::string &text);

} // namespace shm
