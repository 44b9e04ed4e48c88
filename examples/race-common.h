/*
 * race-common.h: what the three race programs share (race-counter.c, race-semaphore.c,
 * race-atomic.c). Each defines the increment of its variant; this file makes the shared
 * counter, forks the children, releases them together, reaps them and prints the total.
 *
 * Usage of each program: PROGRAM [CHILDREN [INCREMENTS]]   (default 4 children, 1000000 each)
 */
#ifndef RACE_COMMON_H
#define RACE_COMMON_H

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

/* volatile: every (*counter)++ really loads, adds and stores memory. Without it the compiler may
 * keep the counter in a register and add all the increments at once, which hides the lesson. */
struct shared {
    volatile int counter;
};

/* What each child does, `increments` times: the variant's increment of the counter. */
typedef void increment_fn(struct shared *shared);

/* A whole number from 1 to max, or exits with a message. */
static int race_count(const char *text, long max, const char *what)
{
    char *end;
    long value;

    errno = 0;
    value = strtol(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || value < 1 || value > max) {
        fprintf(stderr, "the number of %s %s is not valid: give 1 to %ld\n", what, text, max);
        exit(2);
    }
    return (int) value;
}

static void race_counts(int argc, char **argv, int *children, int *increments)
{
    *children = argc > 1 ? race_count(argv[1], 64, "children") : 4;
    *increments = argc > 2 ? race_count(argv[2], INT_MAX, "increments") : 1000000;
    /* The total must fit the int, or the counter itself overflows (undefined behaviour). */
    if ((long long) *children * *increments > INT_MAX) {
        fprintf(stderr, "%d x %d does not fit in an int\n", *children, *increments);
        exit(2);
    }
}

/* Makes the private segment and attaches it; marks it for removal at once: the parent is
 * attached and fork hands the attachment on, so it lives until the last detach. */
static struct shared *race_segment(void)
{
    int shmid;
    struct shared *shared;

    if ((shmid = shmget(IPC_PRIVATE, sizeof(struct shared), 0600)) == -1) {
        perror("shmget");
        exit(3);
    }
    if ((shared = shmat(shmid, NULL, 0)) == (void *) -1) {
        perror("shmat");
        shmctl(shmid, IPC_RMID, NULL);
        exit(3);
    }
    if (shmctl(shmid, IPC_RMID, NULL) == -1) {
        perror("shmctl IPC_RMID");
        exit(3);
    }
    shared->counter = 0;
    return shared;
}

/* Forks the children, releases them together (each waits for end-of-file on a pipe whose
 * write end the parent closes once all exist, so they really run at the same time), waits
 * for every one of them, and only then reads the counter: read before the children are
 * reaped, it would show a count still going up. Returns 0 if every child exited with 0. */
static int race_run(struct shared *shared, int children, int increments, increment_fn *increment)
{
    int go[2];
    int i;
    int failed = 0;
    char byte;

    if (pipe(go) == -1) {
        perror("pipe");
        return 1;
    }
    fflush(stdout); /* nothing buffered is copied into the children */
    for (i = 0; i < children; i++) {
        pid_t pid = fork();
        if (pid == -1) {
            perror("fork");
            failed = 1;
            break;
        }
        if (pid == 0) {
            int n;
            close(go[1]);
            while (read(go[0], &byte, 1) == -1 && errno == EINTR)
                ;
            for (n = 0; n < increments; n++)
                increment(shared);
            shmdt((void *) shared);
            _exit(0);
        }
    }
    close(go[0]);
    close(go[1]); /* the release */
    for (;;) {
        int status;
        pid_t pid = wait(&status);
        if (pid == -1) {
            if (errno == EINTR)
                continue;
            break; /* ECHILD: every child is reaped */
        }
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
            failed = 1;
    }
    printf("total %d of %lld", shared->counter, (long long) children * increments);
    if ((long long) children * increments > shared->counter)
        printf(" (%lld updates lost)", (long long) children * increments - shared->counter);
    printf("\n");
    return failed;
}

/* The whole program of a variant that needs nothing but its increment (race-counter.c,
 * race-atomic.c): the counts from the command line, the segment, the run, and the last
 * detach, at which the kernel destroys the segment. Returns main's exit status. (inline:
 * race-semaphore.c, which has a main of its own, is not warned of it as unused.) */
static inline int race_main(int argc, char **argv, increment_fn *increment)
{
    int children, increments, failed;
    struct shared *shared;

    race_counts(argc, argv, &children, &increments);
    shared = race_segment();
    failed = race_run(shared, children, increments, increment);
    shmdt((void *) shared); /* the last detach: the kernel destroys the segment */
    return failed;
}

#endif
