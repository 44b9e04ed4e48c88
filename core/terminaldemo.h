#pragma once

// The corrected fork lesson in a terminal (shmscope --demo-terminal).
// STUB: owned by the demo work (issue 5); keep this signature.

#include <ostream>

namespace shm {

// Runs the lesson: private segment holding one int, fork, child prints 0 and writes 1664,
// parent waits and prints 1664, detaches and removes. Returns the process exit status (0 ok).
int runTerminalDemo(bool verbose, std::ostream &out, std::ostream &err);

} // namespace shm
