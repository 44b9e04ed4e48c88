#include "result.h"

#include <cstring>

namespace shm {

std::string Error::describe() const
{
    return describeText().english();
}

Text Error::describeText() const
{
    Text sentence = text.empty() ? value(message) : text;
    if (target.empty())
        return Text(QT_TRANSLATE_NOOP("shm", "%1: %2"), {value(call), std::move(sentence)});
    return Text(QT_TRANSLATE_NOOP("shm", "%1(%2): %3"),
                {value(call), value(target), std::move(sentence)});
}

std::string errnoText(int errnum)
{
    // glibc's English description: strerror follows LC_MESSAGES, and the GUI translates itself.
    if (const char *text = strerrordesc_np(errnum))
        return text;
    return "Unknown error " + std::to_string(errnum);
}

Text errnoPhrase(int errnum)
{
    if (strerrordesc_np(errnum))
        return Text(strerrordesc_np(errnum));
    return Text(QT_TRANSLATE_NOOP("shm", "Unknown error %1"), {value(errnum)});
}

Error systemError(std::string call, std::string target, int errnum, Text detail)
{
    Text text;
    if (detail.empty())
        text = Text(QT_TRANSLATE_NOOP("shm", "%1."), {errnoPhrase(errnum)});
    else if (detail.english().back() == '.')
        text = Text(QT_TRANSLATE_NOOP("shm", "%1: %2"), {errnoPhrase(errnum), std::move(detail)});
    else
        text = Text(QT_TRANSLATE_NOOP("shm", "%1: %2."), {errnoPhrase(errnum), std::move(detail)});
    std::string message = text.english();
    return Error{std::move(call), std::move(target), errnum, std::move(message), std::move(text)};
}

Error inputError(std::string what, std::string input, Text message)
{
    std::string english = message.english();
    return Error{std::move(what), std::move(input), 0, std::move(english), std::move(message)};
}

} // namespace shm
