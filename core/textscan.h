#pragma once

// Small helpers for parsing kernel and user text without exceptions or allocation.

#include <charconv>
#include <string_view>
#include <system_error>

namespace shm {

// Splits off the next field of `line` delimited by any of `separators` (leading separators
// skipped); an empty view when none is left.
inline std::string_view nextField(std::string_view &line, std::string_view separators = " \t")
{
    const std::size_t begin = line.find_first_not_of(separators);
    if (begin == std::string_view::npos) {
        line = {};
        return {};
    }
    std::size_t end = line.find_first_of(separators, begin);
    if (end == std::string_view::npos)
        end = line.size();
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

inline bool parseWhole(std::string_view text, double &out)
{
    if (text.empty())
        return false;
    const char *end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, out);
    return ec == std::errc() && ptr == end;
}

} // namespace shm
