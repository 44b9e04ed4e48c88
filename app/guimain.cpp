// shmscope-gui: the GUI, and the command-line options (help, version, errors). `shmscope`
// (main.cpp) runs the fast display-free modes itself and starts this program for the rest.

#include "core/listingformat.h"
#include "core/namecache.h"
#include "core/parse.h"
#include "core/segmentlist.h"
#include "core/terminaldemo.h"
#include "ui/demowindow.h"
#include "ui/mainwindow.h"
#include "ui/memorywindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>

#include <cstdio>
#include <cstring>
#include <iostream>
#include <memory>

namespace {

// Modes that print and exit never open a display, so they work over ssh and in scripts.
bool needsDisplay(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        for (const char *option : {"--list", "--demo-terminal", "--help", "-h", "--help-all",
                                   "--version", "-v", "-?"}) {
            if (std::strcmp(argv[i], option) == 0)
                return false;
        }
    }
    return true;
}

int fail(const QString &message)
{
    std::fprintf(stderr, "shmscope: %s\n", qPrintable(message));
    return 2;
}

int listSegments(bool json)
{
    auto segments = shm::listSegments();
    if (!segments)
        return fail(QString::fromStdString(segments.error().describe()));
    shm::NameCache names;
    const std::string text = json ? shm::formatJson(*segments, names)
                                  : shm::formatTable(*segments, names);
    std::fwrite(text.data(), 1, text.size(), stdout);
    return std::fflush(stdout) == 0 ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    std::unique_ptr<QCoreApplication> app;
    if (needsDisplay(argc, argv))
        app = std::make_unique<QApplication>(argc, argv);
    else
        app = std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("shmscope"));
    QCoreApplication::setOrganizationName(QStringLiteral("shmscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SHMSCOPE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Inspect, create, edit and remove System V "
                                            "shared-memory segments."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption listOption(
        QStringLiteral("list"),
        QCoreApplication::translate("main", "Print every segment as a table, like ipcs -m."));
    const QCommandLineOption jsonOption(
        QStringLiteral("json"),
        QCoreApplication::translate("main", "With --list: print one JSON object instead."));
    const QCommandLineOption selectOption(
        QStringLiteral("select"),
        QCoreApplication::translate("main", "Open the browser with segment <shmid> selected."),
        QStringLiteral("shmid"));
    const QCommandLineOption openOption(
        QStringLiteral("open"),
        QCoreApplication::translate("main", "Open the memory view of segment <shmid>."),
        QStringLiteral("shmid"));
    const QCommandLineOption readWriteOption(
        QStringLiteral("read-write"),
        QCoreApplication::translate("main", "With --open: attach read-write to allow editing."));
    const QCommandLineOption demoOption(
        QStringLiteral("demo"),
        QCoreApplication::translate("main", "Open the fork demo window."));
    const QCommandLineOption liveOption(
        QStringLiteral("live"),
        QCoreApplication::translate("main", "With --demo: start live mode at once."));
    const QCommandLineOption demoTerminalOption(
        QStringLiteral("demo-terminal"),
        QCoreApplication::translate("main", "Run the fork demo in the terminal."));
    const QCommandLineOption verboseOption(
        QStringLiteral("verbose"),
        QCoreApplication::translate("main",
                                    "With --demo-terminal: show each system call and result."));
    parser.addOptions({listOption, jsonOption, selectOption, openOption, readWriteOption,
                       demoOption, liveOption, demoTerminalOption, verboseOption});
    parser.process(*app); // --help, --version, unknown options: message and exit

    const auto misplaced = [&](const QCommandLineOption &option, const QCommandLineOption &needs) {
        return parser.isSet(option) && !parser.isSet(needs);
    };
    if (misplaced(jsonOption, listOption))
        return fail(QCoreApplication::translate("main", "--json goes with --list."));
    if (misplaced(readWriteOption, openOption))
        return fail(QCoreApplication::translate("main", "--read-write goes with --open."));
    if (misplaced(liveOption, demoOption))
        return fail(QCoreApplication::translate("main", "--live goes with --demo."));
    if (misplaced(verboseOption, demoTerminalOption))
        return fail(QCoreApplication::translate("main", "--verbose goes with --demo-terminal."));
    if (!parser.positionalArguments().isEmpty())
        return fail(QCoreApplication::translate("main", "unexpected argument: %1")
                        .arg(parser.positionalArguments().constFirst()));

    if (parser.isSet(listOption))
        return listSegments(parser.isSet(jsonOption));
    if (parser.isSet(demoTerminalOption))
        return shm::runTerminalDemo(parser.isSet(verboseOption), std::cout, std::cerr);

    const auto shmidOf = [&](const QCommandLineOption &option) -> shm::Result<int> {
        return shm::parseShmid(parser.value(option).toStdString());
    };

    if (parser.isSet(openOption)) {
        auto shmid = shmidOf(openOption);
        if (!shmid)
            return fail(QString::fromStdString(shmid.error().message));
        QString error;
        auto access = parser.isSet(readWriteOption) ? shm::Access::ReadWrite
                                                    : shm::Access::ReadOnly;
        MemoryWindow *window = MemoryWindow::open(*shmid, access, &error);
        if (!window)
            return fail(error);
        window->show();
        return app->exec();
    }

    if (parser.isSet(demoOption)) {
        DemoWindow demo;
        demo.show();
        if (parser.isSet(liveOption))
            demo.startLive();
        return app->exec();
    }

    MainWindow window;
    if (parser.isSet(selectOption)) {
        auto shmid = shmidOf(selectOption);
        if (!shmid)
            return fail(QString::fromStdString(shmid.error().message));
        if (!window.selectSegment(*shmid))
            return fail(QCoreApplication::translate("main", "there is no segment with shmid %1.")
                            .arg(*shmid));
    }
    window.show();
    return app->exec();
}
