#include "text.h"

namespace shm {

std::string fillPlaceholders(std::string_view pattern, const std::vector<std::string> &values)
{
    std::string out;
    out.reserve(pattern.size() + 16 * values.size());
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char next = i + 1 < pattern.size() ? pattern[i + 1] : '\0';
        if (pattern[i] == '%' && next >= '1' && next <= '9'
            && static_cast<std::size_t>(next - '1') < values.size()) {
            out += values[static_cast<std::size_t>(next - '1')];
            ++i;
        } else {
            out += pattern[i];
        }
    }
    return out;
}

std::string Text::english() const
{
    if (args.empty())
        return source;
    std::vector<std::string> values;
    values.reserve(args.size());
    for (const Text &arg : args)
        values.push_back(arg.english());
    return fillPlaceholders(source, values);
}

Text value(std::string text)
{
    Text t;
    t.source = std::move(text);
    return t;
}

Text value(std::int64_t number)
{
    return value(std::to_string(number));
}

} // namespace shm
