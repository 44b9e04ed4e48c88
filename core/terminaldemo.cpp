#include "terminaldemo.h"

namespace shm {

int runTerminalDemo(bool, std::ostream &, std::ostream &err)
{
    err << "not implemented yet\n";
    return 1;
}

} // namespace shm
