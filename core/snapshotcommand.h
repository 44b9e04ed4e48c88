#pragma once

// The snapshot and diff modes of the command line, on the core alone (no display):
//   shmscope --snapshot SHMID -o FILE   writes a sparse snapshot of the whole segment; prints
//                                       nothing on success (a warning on stderr when pages
//                                       could not be read); exit 0, or 2 with a message.
//   shmscope --diff A B [--json]        A and B are snapshot files or shmids (a whole number is
//                                       a shmid; write ./123 for a file named 123). Prints the
//                                       differing ranges; exit 0 when equal, 1 when they
//                                       differ (as cmp), 2 on errors.

#include "text.h"

#include <cstdio>
#include <functional>
#include <string>

namespace shm {

// Whether the arguments ask for --snapshot or --diff.
bool isSnapshotCommand(int argc, char **argv);

// Runs the mode argv asks for (--lang and its value are ignored: the caller chose the
// language). Messages go through `say` (a translator; English when empty). Returns the status.
int runSnapshotCommand(int argc, char **argv, std::FILE *out, std::FILE *err,
                       const std::function<std::string(const Text &)> &say = {});

} // namespace shm
