/*
 * fork-shared-int.c: the classic System V shared-memory lesson, corrected.
 *
 * A parent makes a private segment holding one int, attaches it and forks. The child
 * inherits the attachment: it prints the value (0, a new segment is zero-filled), writes 1664
 * and detaches. The parent waits for the child, prints the value (1664, the child's write) and
 * detaches; the kernel then destroys the segment.
 *
 * What was wrong in the printed version (shared-memory-course-fr.md, "Exemple de programme"):
 *  1. `if (shmid = shmget(...) == ERR)`: == binds tighter than =, so shmid received the
 *     comparison (0 or 1), never the id. Parenthesise the assignment.
 *  2. `shmat(...) == NULL`: shmat reports failure with (void *) -1, not NULL.
 *  3. `pid1 = fork()`: pid1 is undeclared (and the declared `pid` was then tested
 *     uninitialised). One variable, pid.
 *  4. The course gives `void *shmdt(...)` and `void *shmctl(...)`: both return int (0 or -1).
 *  5. `exit` without <stdlib.h>: an implicit declaration, an error in C99 and later.
 *  6. The fork failure said "detach son" (a copy-paste): each perror names its own call.
 *  7. The segment was removed only at the very end, by the parent: any failure or kill in
 *     between left it in the system for good (see `ipcs -m`). Here it is marked for removal
 *     right after fork, when both processes are attached: it lives until the last detach.
 *
 * Build: cc -Wall -Wextra -o fork-shared-int fork-shared-int.c (or with the project).
 */
#include <stdio.h>
#include <stdlib.h>     /* exit (bug 5) */
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>     /* fork, getpid */

int main(void)
{
    int shmid;
    int *shared_int;
    pid_t pid; /* bug 3: one variable, declared */

    /* bug 1: the assignment in parentheses, then the comparison */
    if ((shmid = shmget(IPC_PRIVATE, sizeof(int), 0600)) == -1) {
        perror("shmget");
        exit(2);
    }
    /* bug 2: shmat fails with (void *) -1 */
    if ((shared_int = shmat(shmid, NULL, 0)) == (void *) -1) {
        perror("shmat");
        shmctl(shmid, IPC_RMID, NULL); /* do not leave the segment behind */
        exit(3);
    }
    /* Nothing is printed before fork: stdio buffers would be copied into the child. */
    if ((pid = fork()) == -1) {
        perror("fork"); /* bug 6 */
        shmctl(shmid, IPC_RMID, NULL);
        exit(4);
    }
    if (pid == 0) {
        /* The child: the attachment came with fork. */
        printf("child  (pid %d): the value is %d\n", (int) getpid(), *shared_int);
        *shared_int = 1664;
        /* bug 4: shmdt returns an int */
        if (shmdt(shared_int) == -1) {
            perror("shmdt (child)");
            exit(4);
        }
        return 0;
    }

    /* The parent. Both processes are attached: mark the segment for removal now (bug 7). */
    if (shmctl(shmid, IPC_RMID, NULL) == -1) {
        perror("shmctl IPC_RMID");
        exit(6);
    }
    if (wait(NULL) == -1) {
        perror("wait");
        exit(7);
    }
    printf("parent (pid %d): the value is %d\n", (int) getpid(), *shared_int);
    if (shmdt(shared_int) == -1) { /* the last detach: the kernel destroys the segment */
        perror("shmdt");
        exit(5);
    }
    return 0;
}
