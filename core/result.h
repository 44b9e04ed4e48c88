#pragma once

// Errors as values: every failing core call returns an Error that says which call failed,
// on which segment or key, what kind of failure it is, the errno, and a sentence a person
// understands.

#include "text.h"

#include <string>
#include <utility>
#include <variant>

namespace shm {

// What went wrong, for a caller that acts on it (the browser refreshes when a segment is Gone
// and offers read-only when writing is refused); the sentence says it to a person.
enum class ErrorKind {
    System,           // any other failure of a system call (errnum says which)
    BadInput,         // refused input: before any call (errnum 0), or an argument the kernel
                      // refused (EINVAL, once the segment is known to exist)
    InvalidState,     // the call does not fit now: nothing attached, a step out of order
    Gone,             // the shmid names no segment (removed, or never existed): EIDRM, or an
                      // EINVAL that a second IPC_STAT confirmed
    NotFound,         // no such key, file or process: ENOENT, ESRCH
    PermissionDenied, // EACCES, EPERM: the mode, the owner or a privilege says no
    Exists,           // EEXIST: exclusive creation of a key that is taken
    LimitReached,     // a system limit: SHMMAX, SHMMNI, SHMALL, RLIMIT_MEMLOCK, memory (ENOSPC,
                      // ENOMEM, EMFILE, ENFILE)
    NotSupported,     // ENOSYS, EOPNOTSUPP: this kernel does not offer the call
};

struct Error
{
    std::string call;   // the system call or operation, e.g. "shmat", "parse key"
    std::string target; // what it was applied to, e.g. "shmid 32769", "key 0x0000162e"
    int errnum = 0;     // errno, or 0 for input validation errors
    ErrorKind kind = ErrorKind::System;
    Text text;          // a full sentence for a person, translatable

    // The sentence in English.
    std::string english() const { return text.english(); }
    // "shmat(shmid 32769): <sentence>"
    std::string describe() const;
    // The same, translatable.
    Text describeText() const;
};

// The kind errno says when nothing more is known of the call (EINVAL: BadInput, EIDRM: Gone,
// EACCES/EPERM: PermissionDenied...). Calls on a shmid decide EINVAL themselves
// (segmentCallError in errordetail.h).
ErrorKind kindOfErrno(int errnum);
// The kind's name as written above ("Gone", "PermissionDenied"), for logs and test reports.
const char *kindName(ErrorKind kind);
// Builds an Error for a failed system call: errno's description, then `detail` (e.g. who the
// caller is, which limit applies); the kind from kindOfErrno(errnum).
Error systemError(std::string call, std::string target, int errnum, Text detail = {});
// Builds an Error for input refused before any call (errnum 0): BadInput unless `kind` says
// otherwise (a limit such as SHMMAX, a call out of order).
Error inputError(std::string what, std::string input, Text message,
                 ErrorKind kind = ErrorKind::BadInput);
// errno's description in English ("Permission denied"), whatever the locale.
std::string errnoText(int errnum);
// The same as a Text, for translation.
Text errnoPhrase(int errnum);

template<typename T>
class Result
{
public:
    Result(T value) : m_v(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_v(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }

    // Precondition: ok().
    T &value() & { return std::get<0>(m_v); }
    const T &value() const & { return std::get<0>(m_v); }
    T &&value() && { return std::get<0>(std::move(m_v)); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }

    // Precondition: !ok().
    const Error &error() const { return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

template<>
class Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_ok(false) {}

    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const Error &error() const { return m_error; }

private:
    Error m_error;
    bool m_ok = true;
};

} // namespace shm
