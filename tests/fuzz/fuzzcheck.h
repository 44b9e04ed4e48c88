#pragma once

// The checks every fuzz target makes: a property that must hold (else abort, which libFuzzer
// reports with the input), and that a refused input is bad input with a sentence for the user.

#include "core/result.h"

#include <cstdio>
#include <cstdlib>

namespace fuzzcheck {

inline void check(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "property violated: %s\n", what);
        std::abort();
    }
}

template<typename R>
void checkError(const R &result)
{
    if (result.ok())
        return;
    check(result.error().kind == shm::ErrorKind::BadInput, "a refused input is bad input");
    check(!result.error().english().empty(), "an error says why");
}

} // namespace fuzzcheck
