#include "segmentinfo.h"

#include <algorithm>
#include <array>
#include <charconv>
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
    return humanSize(bytes, displayLanguage());
}

std::string humanSize(std::uint64_t bytes, Language language)
{
    const bool french = language == Language::French;
    static constexpr std::array<const char *, 7> units{"B",   "KiB", "MiB", "GiB",
                                                       "TiB", "PiB", "EiB"};
    static constexpr std::array<const char *, 7> frenchUnits{"o",   "Kio", "Mio", "Gio",
                                                             "Tio", "Pio", "Eio"};
    const auto &names = french ? frenchUnits : units;
    if (bytes < 1024)
        return std::to_string(bytes) + " " + names[0];
    double value = static_cast<double>(bytes);
    std::size_t unit = 0;
    while (value >= 1024.0 && unit + 1 < units.size()) {
        value /= 1024.0;
        ++unit;
    }
    if (value == static_cast<double>(static_cast<std::uint64_t>(value)))
        return std::to_string(static_cast<std::uint64_t>(value)) + " " + names[unit];
    // to_chars, not printf: the decimal mark is the language's, never LC_NUMERIC's.
    char buffer[32];
    const auto written = std::to_chars(buffer, buffer + sizeof buffer, value,
                                       std::chars_format::fixed, 1);
    std::string number(buffer, written.ptr);
    if (french)
        std::replace(number.begin(), number.end(), '.', ',');
    return number + " " + names[unit];
}

} // namespace shm
