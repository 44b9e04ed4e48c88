#pragma once

// Errors as values: every failing core call returns an Error that says which call failed,
// on which segment or key, the errno, and a sentence a person understands.

#include "text.h"

#include <string>
#include <utility>
#include <variant>

namespace shm {

struct Error
{
    std::string call;    // the system call or operation, e.g. "shmat", "parse key"
    std::string target;  // what it was applied to, e.g. "shmid 32769", "key 0x0000162e"
    int errnum = 0;      // errno, or 0 for input validation errors
    std::string message; // a full sentence for a person, in English
    Text text;           // the same sentence, translatable (empty if made outside the core)

    // "shmat(shmid 32769): <message>"
    std::string describe() const;
    // The same, translatable.
    Text describeText() const;
};

// Builds an Error for a failed system call: errno's description, then `detail` (e.g. who the
// caller is, which limit applies).
Error systemError(std::string call, std::string target, int errnum, Text detail = {});
// Builds an Error for bad user input (errnum 0).
Error inputError(std::string what, std::string input, Text message);
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
