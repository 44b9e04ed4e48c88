#pragma once

// `shmscope --watch SHMID [--interval MS]`: prints one JSON line per range of bytes that
// changed, anywhere in the segment, as a SegmentWatcher sees them, until SIGINT or SIGTERM:
//
//   {"time": "2026-12-02T01:23:45.678+01:00", "offset": N, "length": N, "after": "<hex>"}
//
// `after` holds the new bytes, at most the first 64. Attached read-only; only resident pages
// are read, within the watcher's CPU budget (5% of a core). Each line is flushed.

#include "result.h"
#include "segmentwatcher.h"
#include "text.h"

#include <chrono>
#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace shm {

// The fastest interval between passes, in milliseconds: a whole number from 1 to 3600000.
Result<std::chrono::milliseconds> parseWatchInterval(std::string_view text);

// One line of the watch (no newline): the change seen at `time`.
std::string watchLine(const SegmentWatcher::Change &change,
                      SegmentWatcher::WallClock::time_point time);

using WatchTranslator = std::function<std::string(const Text &)>;

// Watches segment `shmid` until SIGINT or SIGTERM (0). A segment that cannot be attached: a
// message on `err` and 2. The segment removed during the watch, or `out` failing: a message
// and 1. `say` turns sentences into the user's language (English without one).
int runWatch(int shmid, std::chrono::milliseconds interval, std::FILE *out, std::FILE *err,
             const WatchTranslator &say = {});

// When argv is exactly a watch command line (--watch SHMID, and --interval MS at most once,
// in any order), checks the values, runs it and returns its status (2 for a bad value, with a
// message); otherwise nothing, for the full parser of shmscope-gui.
std::optional<int> runWatchCommandLine(int argc, char **argv, std::FILE *out, std::FILE *err);

} // namespace shm
