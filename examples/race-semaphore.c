/*
 * race-semaphore.c: the race fixed with a System V semaphore. Each child takes the semaphore
 * (P: sem_op -1, waiting while it is 0), increments, and gives it back (V: sem_op +1): one
 * child at a time runs the load, add and store, so the total is exactly N x M. It is slow:
 * two system calls an increment, and children waiting in the kernel.
 *
 * The usual bugs of printed versions:
 *  1. Forgetting to initialise the semaphore: semget leaves it at 0 on Linux (POSIX does not
 *     even promise that), so every P waits forever. semctl(SETVAL, 1) before forking.
 *  2. The semctl union: the fourth argument of SETVAL is a union semun that the program must
 *     declare itself (no header does). Passing a bare 1 works on some machines, by accident
 *     of how variadic arguments are passed, and not on others.
 *  3. A missing SEM_UNDO: a child killed between P and V leaves the semaphore at 0 and the
 *     others wait forever. With SEM_UNDO the kernel undoes the process's changes when it
 *     exits, however it exits.
 *  4. Reading the counter before the children are reaped (see race-counter.c), and removing
 *     the set while a child still uses it (its semop fails with EIDRM).
 *  5. No IPC_RMID of the set at all: it stays in the system (ipcs -s). A set cannot be marked
 *     for removal as a segment can: remove it on every way out (here, after the children are
 *     reaped and on each failure). shmscope's lesson also has a guard process that removes it
 *     if the program is killed.
 *
 * Build: cc -Wall -Wextra -o race-semaphore race-semaphore.c (or with the project).
 */
#include "race-common.h"

#include <sys/sem.h>

/* Bug 2: declared by the program, as semctl(2) says. */
union semun {
    int val;
    struct semid_ds *buf;
    unsigned short *array;
};

static int semid = -1;

static void increment(struct shared *shared)
{
    struct sembuf p = {0, -1, SEM_UNDO}; /* bug 3: SEM_UNDO */
    struct sembuf v = {0, +1, SEM_UNDO};

    while (semop(semid, &p, 1) == -1) {
        if (errno != EINTR) {
            perror("semop P");
            _exit(1);
        }
    }
    shared->counter++; /* one child at a time */
    while (semop(semid, &v, 1) == -1) {
        if (errno != EINTR) {
            perror("semop V");
            _exit(1);
        }
    }
}

int main(int argc, char **argv)
{
    int children, increments, failed;
    struct shared *shared;
    union semun arg;

    race_counts(argc, argv, &children, &increments);
    shared = race_segment();
    if ((semid = semget(IPC_PRIVATE, 1, 0600)) == -1) {
        perror("semget");
        return 3;
    }
    arg.val = 1; /* bug 1: one child may pass */
    if (semctl(semid, 0, SETVAL, arg) == -1) {
        perror("semctl SETVAL");
        semctl(semid, 0, IPC_RMID);
        return 3;
    }
    failed = race_run(shared, children, increments, increment);
    /* Every child is reaped: nobody uses the set any more (bug 4), remove it (bug 5). */
    if (semctl(semid, 0, IPC_RMID) == -1) {
        perror("semctl IPC_RMID");
        failed = 1;
    }
    shmdt((void *) shared);
    return failed;
}
