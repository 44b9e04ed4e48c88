/* A header that does not parse: tst_cli expects clang's errors with their line numbers. */
#include <stdint.h>

struct good
{
    uint32_t a;
};

struct bad
{
    uint32 b;
};
