#include "result.h"

#include <cstring>

namespace shm {

std::string Error::describe() const
{
    std::string text = call;
    if (!target.empty())
        text += "(" + target + ")";
    text += ": " + message;
    return text;
}

std::string errnoText(int errnum)
{
    char buffer[256];
    // GNU strerror_r returns the text (possibly a static string), never fails.
    return strerror_r(errnum, buffer, sizeof buffer);
}

Error systemError(std::string call, std::string target, int errnum, std::string detail)
{
    std::string message = errnoText(errnum);
    if (!detail.empty())
        message += ": " + detail;
    else
        message += ".";
    if (!message.empty() && message.back() != '.')
        message += '.';
    return Error{std::move(call), std::move(target), errnum, std::move(message)};
}

Error inputError(std::string what, std::string input, std::string message)
{
    return Error{std::move(what), std::move(input), 0, std::move(message)};
}

} // namespace shm
