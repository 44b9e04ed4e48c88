/*
 * race-atomic.c: the race fixed with an atomic increment. __atomic_fetch_add makes the load,
 * add and store one indivisible instruction (lock add on x86): the total is exactly N x M,
 * with no system call and no waiting in the kernel, so it costs far less than the semaphore.
 *
 * The usual bugs of printed versions:
 *  1. Taking `volatile` for atomic: volatile only makes each access go to memory; the load,
 *     add and store of (*counter)++ still interleave (race-counter.c).
 *  2. Mixing atomic and plain increments of the same int: the plain ones still lose updates.
 *  3. Reading the counter before the children are reaped (see race-counter.c).
 *  4. Thinking it is a lock: an atomic increment protects one operation on one int. Two
 *     variables that must change together still need a semaphore (race-semaphore.c).
 *
 * Build: cc -Wall -Wextra -o race-atomic race-atomic.c (or with the project; GCC or Clang).
 */
#include "race-common.h"

static void increment(struct shared *shared)
{
    /* Relaxed: only the count matters; wait() orders it before the parent's read. */
    __atomic_fetch_add((int *) &shared->counter, 1, __ATOMIC_RELAXED);
}

int main(int argc, char **argv)
{
    return race_main(argc, argv, increment);
}
