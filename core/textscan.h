#pragma once

// Small helpers for parsing kernel and user text without exceptions or allocation.

#include <charconv>
#include <limits>
#include <string_view>
#include <system_error>

namespace shm {

// Whether `c` is one of `set` (a handful of characters, so a plain loop beats memchr).
inline bool isOneOf(char c, std::string_view set)
{
    for (char s : set) {
        if (c == s)
            return true;
    }
    return false;
}

// Splits off the next field of `line` delimited by any of `separators` (leading separators
// skipped); an empty view when none is left. (std::string_view::find_first_of calls memchr on
// the separator set once per character: a third of the listing's parse time.)
inline std::string_view nextField(std::string_view &line, std::string_view separators = " \t")
{
    std::size_t begin = 0;
    while (begin < line.size() && isOneOf(line[begin], separators))
        ++begin;
    std::size_t end = begin;
    while (end < line.size() && !isOneOf(line[end], separators))
        ++end;
    const std::string_view field = line.substr(begin, end - begin);
    line.remove_prefix(end);
    return field;
}

// The whole of `text` as a number (integers in `base`); false for empty text, trailing
// characters or a value out of T's range.
template<typename T>
bool parseWhole(std::string_view text, T &out, int base = 10)
{
    if (text.empty())
        return false;
    const char *end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, out, base);
    return ec == std::errc() && ptr == end;
}

// The whole of `text` as a number of type Wide that must also fit Target (pid_t, uid_t ...).
template<typename Target, typename Wide>
bool parseInto(std::string_view text, Target &out)
{
    Wide wide{};
    if (!parseWhole(text, wide))
        return false;
    if (wide < static_cast<Wide>(std::numeric_limits<Target>::min())
        || wide > static_cast<Wide>(std::numeric_limits<Target>::max()))
        return false;
    out = static_cast<Target>(wide);
    return true;
}

inline bool parseWhole(std::string_view text, double &out)
{
    if (text.empty())
        return false;
    const char *end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, out);
    return ec == std::errc() && ptr == end;
}

} // namespace shm
