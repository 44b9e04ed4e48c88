#pragma once

// The race lesson in a terminal (shmscope --demo-terminal --lesson race [--children N]
// [--increments M] [--verbose]).

#include "terminaldemo.h"

#include <ostream>

namespace shm {

// Runs the three variants one after the other on one private segment (marked for removal at
// once) and one semaphore: N children increment the shared int M times each with
// (*counter)++, then between semop P and V, then with __atomic_fetch_add. Prints one line a
// variant: its total beside N x M, the updates lost, and the time from the children's release
// to the last one's end. With verbose, every system call of the parent with its result first.
// Returns 0 when the semaphore's and the atomic totals are exact and every child exited with 0;
// 1 on a failed call (said on err) or a wrong total. Preconditions: the counts passed
// parseRaceChildren/parseRaceIncrements and checkRaceTotal.
int runRaceTerminalDemo(int children, int increments, bool verbose, std::ostream &out,
                        std::ostream &err, const Narrator &say = {});

} // namespace shm
