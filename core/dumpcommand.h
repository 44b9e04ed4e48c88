#pragma once

// `shmscope --dump SHMID --layout FILE --type NAME [--offset N] [--json]`: every leaf of C type
// NAME laid over segment SHMID at byte N (default 0), read once through MemoryAccess (so an
// untouched page of a sparse segment is never read, and a fault is a value). FILE is a C
// header or source (libclang) or an ELF file with debug info (libdw), told apart by content.
//
//   JSON: {"type": "struct record", "size": 48, "fields": [{"path": "pts[1].y", "offset": 12,
//          "size": 4, "type": "int", "value": -3}, ...]}
//   enums add "enumerator" (a name or null), bitfields "bit_offset" and "bits", a leaf that
//   could not be read has "value": null and "unreadable" (why).
//   Text: an aligned table of path, offset, size, type and value.
//
// Bad input (the file, the type, the shmid, the offset, a type past the segment's end) gets a
// message on `err` and status 2, before anything is attached when it can be told before.

#include "text.h"

#include <cstdio>
#include <functional>
#include <optional>
#include <string>

namespace shm {

// When argv asks for --dump, runs it and returns its status (0, 1 when the output cannot be
// written, 2 for bad input); otherwise nothing. `say` translates sentences (English without).
std::optional<int> runDumpCommandLine(int argc, char **argv, std::FILE *out, std::FILE *err,
                                      const std::function<std::string(const Text &)> &say = {});

} // namespace shm
