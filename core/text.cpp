#include "text.h"

namespace shm {

std::string Text::english() const
{
    if (args.empty())
        return source;
    std::string out;
    out.reserve(source.size() + 16 * args.size());
    for (std::size_t i = 0; i < source.size(); ++i) {
        const char next = i + 1 < source.size() ? source[i + 1] : '\0';
        if (source[i] == '%' && next >= '1' && next <= '9'
            && static_cast<std::size_t>(next - '1') < args.size()) {
            out += args[static_cast<std::size_t>(next - '1')].english();
            ++i;
        } else {
            out += source[i];
        }
    }
    return out;
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
