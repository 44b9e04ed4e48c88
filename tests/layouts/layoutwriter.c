/* Writes a known struct record (record.h) into a fresh private segment of argv[2] bytes
 * (default 8192) at the offset argv[1] (default 0; a multiple of 16, the struct's alignment),
 * prints the segment's id, and keeps it attached until its standard input closes. The segment
 * is marked for removal at once: it goes when this program does, even by kill -9, while shmat
 * on its id still works (Linux) for the reader under test. */
#include "record.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>

int main(int argc, char **argv)
{
    const size_t offset = argc > 1 ? strtoul(argv[1], NULL, 0) : 0;
    const size_t size = argc > 2 ? strtoul(argv[2], NULL, 0) : 8192;
    const int id = shmget(IPC_PRIVATE, size, IPC_CREAT | 0600);
    if (id < 0) {
        perror("shmget");
        return 1;
    }
    char *base = shmat(id, NULL, 0);
    shmctl(id, IPC_RMID, NULL);
    if (base == (void *)-1) {
        perror("shmat");
        return 1;
    }
    struct record *r = (struct record *)(base + offset);
    r->magic = 0xC0FFEE42u;
    strcpy(r->name, "shm-record");
    for (int i = 0; i < NPOINTS; ++i) {
        r->pts[i].x = 2 * i + 1;
        r->pts[i].y = -(2 * i + 2);
    }
    r->val.d = 2.5;
    r->flags.ready = 1;
    r->flags.mode = 5;
    r->flags.level = -7;
    r->flags.wide = 0xABCDEF1234ull;
    r->flags.tail = 99;
    r->color = BLUE;
    r->big = BIG_TOP;
    r->pair.tag = 7;
    r->pair.word = 0xDEADBEEFu;
    r->pair.half = 0xBEEF;
    r->pp.c = 'z';
    r->pp.d = -1.25;
    r->pp.s = -300;
    for (int i = 0; i < 4; ++i)
        r->stats.counts[i] = (uint16_t)(10 * (i + 1));
    r->stats.total = -9000000000LL;
    r->f = 1.5f;
    r->deltas[0] = -1;
    r->deltas[1] = 0;
    r->deltas[2] = 127;
    r->huge = UINT64_MAX;
    r->negative = INT64_MIN;
    r->ok = true;
    for (int i = 0; i < 3; ++i) {
        r->grid[0][i] = (short)(i + 1);
        r->grid[1][i] = (short)-(i + 4);
    }
    r->ptr = (void *)0x1234567890;
    r->ld = 3.25L;
    printf("%d\n", id);
    fflush(stdout);
    char line[16];
    while (fgets(line, sizeof line, stdin)) {
    }
    shmdt(base);
    return 0;
}
