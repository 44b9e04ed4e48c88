// shmscope-test-asuser: the core steps of asuserhelper.h, with no Qt at all.

#include "asuserhelper.h"

int main(int argc, char **argv)
{
    const auto steps = shmtest::asuser::start(argc, argv);
    return steps ? shmtest::asuser::runSteps(*steps) : 1;
}
