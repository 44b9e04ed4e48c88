#include "result.h"

#include <cerrno>
#include <cstring>

namespace shm {

std::string Error::describe() const
{
    return describeText().english();
}

Text Error::describeText() const
{
    if (target.empty())
        return Text(QT_TRANSLATE_NOOP("shm", "%1: %2"), {value(call), text});
    return Text(QT_TRANSLATE_NOOP("shm", "%1(%2): %3"), {value(call), value(target), text});
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

ErrorKind kindOfErrno(int errnum)
{
    switch (errnum) {
    case EACCES:
    case EPERM:
        return ErrorKind::PermissionDenied;
    case EIDRM:
        return ErrorKind::Gone;
    case EINVAL:
        return ErrorKind::BadInput;
    case ENOENT:
    case ESRCH:
        return ErrorKind::NotFound;
    case EEXIST:
        return ErrorKind::Exists;
    case ENOSPC:
    case ENOMEM:
    case EMFILE:
    case ENFILE:
        return ErrorKind::LimitReached;
    case ENOSYS:
    case EOPNOTSUPP:
        return ErrorKind::NotSupported;
    default:
        return ErrorKind::System;
    }
}

const char *kindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::System: return "System";
    case ErrorKind::BadInput: return "BadInput";
    case ErrorKind::InvalidState: return "InvalidState";
    case ErrorKind::Gone: return "Gone";
    case ErrorKind::NotFound: return "NotFound";
    case ErrorKind::PermissionDenied: return "PermissionDenied";
    case ErrorKind::Exists: return "Exists";
    case ErrorKind::LimitReached: return "LimitReached";
    case ErrorKind::NotSupported: return "NotSupported";
    }
    return "System";
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
    return Error{std::move(call), std::move(target), errnum, kindOfErrno(errnum), std::move(text)};
}

Error inputError(std::string what, std::string input, Text message, ErrorKind kind)
{
    return Error{std::move(what), std::move(input), 0, kind, std::move(message)};
}

} // namespace shm
