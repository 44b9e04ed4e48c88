/*
 * race-counter.c: the race. N children each add 1 to a shared int M times with (*counter)++;
 * the total comes out below N x M. (*counter)++ is three instructions, load, add and store:
 * two children load the same value, each stores it plus one, and one update is lost.
 *
 * The usual bugs of printed versions:
 *  1. Reading the counter before the children are reaped: the parent prints right after its
 *     forks and sees a count still going up. wait() for every child first (race_run).
 *  2. No `volatile` (or an optimising build): the compiler keeps the counter in a register
 *     and adds M at once, so the race seldom shows and the lesson seems wrong.
 *  3. Children forked one after the other and started at once: the first may be done before
 *     the last begins, and nothing is lost. Release them together (the pipe of race_run),
 *     and give them enough increments.
 *  4. The segment removed at the end only: a crash or ^C in between leaves it (ipcs -m). Here
 *     it is marked for removal as soon as the parent is attached.
 *  5. A total past INT_MAX: the counter overflows, which is undefined behaviour in C.
 * The fixes: race-semaphore.c and race-atomic.c.
 *
 * Build: cc -Wall -Wextra -o race-counter race-counter.c (or with the project).
 */
#include "race-common.h"

static void increment(struct shared *shared)
{
    shared->counter++; /* load, add, store: not one step */
}

int main(int argc, char **argv)
{
    return race_main(argc, argv, increment);
}
