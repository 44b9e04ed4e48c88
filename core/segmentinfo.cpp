#include "segmentinfo.h"

#include <array>
#include <cinttypes>
#include <cstdio>

namespace shm {

std::string formatKey(std::int32_t key)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "0x%08x", static_cast<std::uint32_t>(key));
    return buffer;
}

std::string permString(unsigned mode)
{
    std::string text(9, '-');
    static constexpr std::array<char, 3> letters{'r', 'w', 'x'};
    for (int i = 0; i < 9; ++i) {
        if (mode & (0400u >> i))
            text[static_cast<std::size_t>(i)] = letters[static_cast<std::size_t>(i % 3)];
    }
    return text;
}

std::string octalPerms(unsigned mode)
{
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%04o", mode & 0777u);
    return buffer;
}

std::string humanSize(std::uint64_t bytes)
{
    static constexpr std::array<const char *, 7> units{"B",   "KiB", "MiB", "GiB",
                                                       "TiB", "PiB", "EiB"};
    if (bytes < 1024)
        return std::to_string(bytes) + " B";
    double value = static_cast<double>(bytes);
    std::size_t unit = 0;
    while (value >= 1024.0 && unit + 1 < units.size()) {
        value /= 1024.0;
        ++unit;
    }
    char buffer[32];
    if (value == static_cast<double>(static_cast<std::uint64_t>(value)))
        std::snprintf(buffer, sizeof buffer, "%" PRIu64 " %s", static_cast<std::uint64_t>(value),
                      units[unit]);
    else
        std::snprintf(buffer, sizeof buffer, "%.1f %s", value, units[unit]);
    return buffer;
}

} // namespace shm
