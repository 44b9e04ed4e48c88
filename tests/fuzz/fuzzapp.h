#pragma once

// For a fuzz target that builds widgets: include in the target's one .cpp. It defines the
// target's LLVMFuzzerInitialize, which makes one offscreen QApplication for the whole run,
// named after the program.

#include <QApplication>
#include <QByteArray>

extern "C" int LLVMFuzzerInitialize(int *, char ***argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    static int argc = 1;
    static char *args[] = {(*argv)[0], nullptr};
    static QApplication app(argc, args);
    return 0;
}
