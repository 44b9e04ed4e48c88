#pragma once

// Reading small kernel files (/proc, /sys) whose reported size is 0.

#include <optional>
#include <string>

namespace shm {

// The whole content of a file, or nullopt (errno set) if it cannot be opened or read.
std::optional<std::string> readWholeFile(const char *path);

} // namespace shm
