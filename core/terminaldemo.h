#pragma once

// The corrected fork lesson in a terminal (shmscope --demo-terminal [--verbose]).

#include "text.h"

#include <functional>
#include <ostream>
#include <string>

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

} // namespace shm
