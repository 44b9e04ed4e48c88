// shmscope-layout: `shmscope --dump` (C layouts over a segment), on the core and the layout
// library, with libclang and libdw. shmscope hands it the command line as it was typed.

#include "core/dumpcommand.h"

#include <csignal>
#include <cstdio>

int main(int argc, char **argv)
{
    std::signal(SIGPIPE, SIG_IGN);
    if (const auto status = shm::runDumpCommandLine(argc, argv, stdout, stderr))
        return *status;
    std::fprintf(stderr,
                 "usage: shmscope --dump SHMID --layout FILE --type NAME [--offset N] "
                 "[--json]\n");
    return 2;
}
