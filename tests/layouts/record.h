/* The C types that tst_layouts lays over a segment: layoutwriter.c writes a struct record
 * into a real segment, and the test reads it back through this header (libclang) and through
 * the writer's own debug info (libdw). Every kind of the layout model is here. */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define NAME_LEN 16
#define NPOINTS 3

typedef enum color { RED = 1, GREEN = 2, BLUE = -4 } color_t;
enum big { BIG_ONE = 1, BIG_TOP = 0xffffffffu };

typedef struct point
{
    int32_t x;
    int32_t y;
} point_t;

struct flags
{
    unsigned ready : 1;
    unsigned mode : 3;
    signed level : 5;
    unsigned : 0;
    unsigned long long wide : 40;
    uint8_t tail : 7;
};

union value
{
    int64_t i;
    double d;
    uint8_t raw[8];
};

struct __attribute__((packed)) packed_pair
{
    uint8_t tag;
    uint32_t word;
    uint16_t half;
};

#pragma pack(push, 2)
struct pragma_packed
{
    char c;
    double d;
    int16_t s;
};
#pragma pack(pop)

struct record
{
    uint32_t magic;
    char name[NAME_LEN];
    point_t pts[NPOINTS];
    union value val;
    struct flags flags;
    color_t color;
    enum big big;
    struct packed_pair pair;
    struct pragma_packed pp;
    struct
    {
        uint16_t counts[4];
        int64_t total;
    } stats;
    union
    {
        float f;
        uint32_t bits;
    };
    int8_t deltas[3];
    uint64_t huge;
    int64_t negative;
    bool ok;
    short grid[2][3];
    void *ptr;
    long double ld;
};
