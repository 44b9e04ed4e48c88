#pragma once

// Checks on the browser's main window shared by the tests (library shmtestbrowser, which links
// the browser; the core-only tests do not).

class MainWindow;

namespace shmtest {

// The table lists exactly the kernel's segments (the model, and the proxy with no filter). Other
// programs may make segments at the same time, so a refresh is judged between two identical
// listings; false when none came in 100 tries.
bool tableMatchesKernel(MainWindow &window);

} // namespace shmtest
