// shmscope-gui: the GUI, and the command-line options (help, version, errors). `shmscope`
// (main.cpp) runs the fast display-free modes itself and starts this program for the rest.

#include "core/inventorycommand.h"
#include "core/language.h"
#include "core/namespaces.h"
#include "core/posixshm.h"
#include "core/listingformat.h"
#include "core/parse.h"
#include "core/segmentlist.h"
#include "core/watchcommand.h"
#include "core/snapshotcommand.h"
#include "core/racedemo.h"
#include "core/raceterminal.h"
#include "core/terminaldemo.h"
#include "ui/lessons/demowindow.h"
#include "ui/lessons/racewindow.h"
#include "ui/common/errortext.h"
#include "ui/browser/filebrowser.h"
#include "ui/browser/mainwindow.h"
#include "ui/memory/memorywindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QSocketNotifier>
#include <QTabWidget>
#include <QTranslator>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <initializer_list>
#include <iostream>
#include <memory>
#include <unistd.h>
#include <vector>

namespace {

// Modes that print and exit never open a display, so they work over ssh and in scripts.
bool needsDisplay(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        for (const char *option : {"--list", "--demo-terminal", "--watch", "--snapshot", "--diff",
                                   "--help", "-h", "--help-all", "--version", "-v", "-?"}) {
            if (std::strcmp(argv[i], option) == 0)
                return false;
        }
    }
    return true;
}

// Whether Qt can find a display: X11 or Wayland in the environment, or a platform chosen
// explicitly (QT_QPA_PLATFORM, -platform). Without one, QApplication would abort, so we parse
// the command line on a QCoreApplication and say what is wrong, or that a display is needed.
bool displayAvailable(int argc, char **argv)
{
    for (const char *variable : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}) {
        const char *value = std::getenv(variable);
        if (value && *value)
            return true;
    }
    for (int i = 1; i < argc; ++i) {
        for (const char *option : {"-platform", "--platform", "-display", "--display"}) {
            if (std::strcmp(argv[i], option) == 0)
                return true;
        }
    }
    return false;
}

int fail(const QString &message)
{
    std::fprintf(stderr, "shmscope: %s\n", qPrintable(message));
    return 2;
}

// A refusal of what a person asked from a desktop (a menu entry, a launcher): stderr is seen
// by nobody there, so it is said in a window too when there is a display.
int failInWindow(const QString &message)
{
    const int status = fail(message);
    if (qobject_cast<QApplication *>(QCoreApplication::instance()))
        QMessageBox::critical(nullptr, QStringLiteral("shmscope"), message);
    return status;
}

// A value typed by someone, shown in a message: printable ASCII as it is, every other byte as
// \xNN, cut after 32 bytes, between quotes, so a message never carries control characters.
QString quoted(const std::string &value)
{
    constexpr std::size_t Shown = 32;
    QString text = QStringLiteral("\"");
    for (std::size_t i = 0; i < value.size() && i < Shown; ++i) {
        const unsigned char c = static_cast<unsigned char>(value[i]);
        if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\')
            text += QLatin1Char(char(c));
        else
            text += QStringLiteral("\\x%1").arg(c, 2, 16, QLatin1Char('0'));
    }
    text += QLatin1Char('"');
    if (value.size() > Shown)
        text += QStringLiteral("…");
    return text;
}

// SIGTERM, SIGINT and SIGHUP end the event loop, so that every destructor runs: the fork
// demo's child is stopped and reaped and its segment removed, views detach. The handler only
// writes the signal's number to a pipe (async-signal-safe); the notifier reads it in the loop.
int signalPipe[2] = {-1, -1};

void onQuitSignal(int signal)
{
    const int saved = errno;
    const unsigned char number = static_cast<unsigned char>(signal);
    [[maybe_unused]] const ssize_t n = write(signalPipe[1], &number, 1);
    errno = saved;
}

void quitOnSignals(QCoreApplication &app)
{
    if (pipe2(signalPipe, O_CLOEXEC | O_NONBLOCK) != 0) {
        std::fprintf(stderr, "shmscope: cannot catch SIGTERM: %s\n", std::strerror(errno));
        return;
    }
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [] {
        unsigned char number = 0;
        if (read(signalPipe[0], &number, 1) == 1)
            QCoreApplication::exit(128 + number); // as a shell reports a death by that signal
    });
    struct sigaction action{};
    action.sa_handler = onQuitSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (int signal : {SIGTERM, SIGINT, SIGHUP})
        sigaction(signal, &action, nullptr);
}

// Why the command line asks for two things at once, or "" when it does not: two of `modes`
// (each a thing to do), or one of `single` given twice. Of two, one would be dropped without
// a word.
// What --open or --select names: a segment (shmid) or a POSIX object ("/NAME").
struct Target
{
    int shmid = -1;
    std::string posixName; // empty for a segment
};

QString conflictOf(const QCommandLineParser &parser,
                   std::initializer_list<const QCommandLineOption *> modes,
                   std::initializer_list<const QCommandLineOption *> single)
{
    const QCommandLineOption *chosen = nullptr;
    for (const QCommandLineOption *mode : modes) {
        if (!parser.isSet(*mode))
            continue;
        if (chosen)
            return QCoreApplication::translate("main", "--%1 and --%2 cannot go together.")
                .arg(chosen->names().constFirst(), mode->names().constFirst());
        chosen = mode;
    }
    for (const QCommandLineOption *option : single) {
        if (parser.values(*option).size() > 1)
            return QCoreApplication::translate("main", "--%1 is given more than once.")
                .arg(option->names().constFirst());
    }
    return {};
}

// Qt 6.4's own French catalogue leaves these lines of --help in English; ours translates them
// (translators installed last are asked first).
[[maybe_unused]] const char *const qtStringsMissingInFrench[] = {
    QT_TRANSLATE_NOOP("QCommandLineParser", "Displays help on commandline options."),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Displays help including Qt specific options."),
};

// Installs Qt's own catalogue (standard dialogs, --help's frame) and ours for `language`.
// English has no Qt catalogue; ours holds its plural forms only ("1 segment", "3 segments").
// Ours comes from <prefix>/share/shmscope/translations when installed there (so a newer
// catalogue can be dropped in), else from the copy built into the program.
void installTranslators(QCoreApplication &app, const QString &language)
{
    if (language != QLatin1String("en")) {
        auto *qt = new QTranslator(&app);
        if (qt->load(QStringLiteral("qtbase_") + language,
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(qt);
    }
    // shmscope-gui lives in <prefix>/libexec/shmscope/.
    const QString installed = QDir(QCoreApplication::applicationDirPath())
                                  .filePath(QStringLiteral("../../share/shmscope/translations"));
    auto *own = new QTranslator(&app);
    const QString file = QStringLiteral("shmscope_") + language;
    if (own->load(file, installed) || own->load(file, QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(own);
}

// --watch with options the plain command does not take (--lang): the same watch, its
// sentences in the chosen language.
int watchFromParser(const QCommandLineParser &parser, const QCommandLineOption &watch,
                    const QCommandLineOption &interval)
{
    const auto shmid = shm::parseShmid(parser.value(watch).toStdString());
    if (!shmid)
        return fail(errortext::message(shmid.error()));
    auto period = parser.isSet(interval)
                      ? shm::parseWatchInterval(parser.value(interval).toStdString())
                      : shm::Result<std::chrono::milliseconds>(shm::SegmentWatcherOptions{}.minInterval);
    if (!period)
        return fail(errortext::message(period.error()));
    return shm::runWatch(*shmid, *period, stdout, stderr, [](const shm::Text &text) {
        return errortext::translated(text).toStdString();
    });
}

// The lesson of --demo and --demo-terminal (--lesson fork, the default, or race) and the race's
// counts; `error` is set, and the rest meaningless, when the command line is refused.
struct LessonChoice
{
    bool race = false;
    int children = shm::RaceDefaultChildren;
    int increments = shm::RaceDefaultIncrements;
    QString error;
};

LessonChoice lessonFromParser(const QCommandLineParser &parser, const QCommandLineOption &lesson,
                              const QCommandLineOption &children,
                              const QCommandLineOption &increments)
{
    LessonChoice choice;
    if (parser.isSet(lesson)) {
        const QString name = parser.value(lesson);
        if (name == QLatin1String("race")) {
            choice.race = true;
        } else if (name != QLatin1String("fork")) {
            choice.error = QCoreApplication::translate("main", "unknown lesson %1 for --lesson "
                                                               "(use fork or race).")
                               .arg(quoted(name.toStdString()));
            return choice;
        }
    }
    for (const QCommandLineOption *option : {&children, &increments}) {
        if (parser.isSet(*option) && !choice.race) {
            choice.error = QCoreApplication::translate("main", "--%1 goes with --lesson race.")
                               .arg(option->names().constFirst());
            return choice;
        }
    }
    const struct
    {
        const QCommandLineOption *option;
        shm::Result<int> (*parse)(std::string_view);
        int *into;
    } counts[] = {{&children, shm::parseRaceChildren, &choice.children},
                  {&increments, shm::parseRaceIncrements, &choice.increments}};
    for (const auto &count : counts) {
        if (!parser.isSet(*count.option))
            continue;
        auto n = count.parse(parser.value(*count.option).toStdString());
        if (!n) {
            choice.error = errortext::message(n.error());
            return choice;
        }
        *count.into = *n;
    }
    if (auto total = shm::checkRaceTotal(choice.children, choice.increments); !total)
        choice.error = errortext::message(total.error());
    return choice;
}

} // namespace

int main(int argc, char **argv)
{
    // A write to a pipe whose reader has gone fails with EPIPE, and says so, instead of
    // killing every window.
    std::signal(SIGPIPE, SIG_IGN);
    // A snapshot or an export past the file size limit (ulimit -f) fails with EFBIG, and says
    // so, instead of killing every window.
    std::signal(SIGXFSZ, SIG_IGN);
    // Read before the parser exists: the option descriptions of --help must already be
    // translated.
    const shm::LanguageChoice language = shm::chooseLanguage(argc, argv);

    std::unique_ptr<QCoreApplication> app;
    if (needsDisplay(argc, argv) && displayAvailable(argc, argv) && language.unknown.empty())
        app = std::make_unique<QApplication>(argc, argv);
    else
        app = std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("shmscope"));
    QCoreApplication::setOrganizationName(QStringLiteral("shmscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SHMSCOPE_VERSION));
    if (qobject_cast<QApplication *>(app.get())) {
        // Only where there are windows: the modes that print (--list, --demo-terminal) run
        // without an event loop, and a signal ends them as it ends any command.
        quitOnSignals(*app);
        QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/shmscope.svg")));
        QGuiApplication::setDesktopFileName(QStringLiteral("shmscope"));
    }

    const QString code = QString::fromLatin1(shm::languageCode(language.language));
    installTranslators(*app, code);
    // Sizes and numbers (%L1) in the chosen language too, whatever LC_NUMERIC says.
    shm::setDisplayLanguage(language.language);
    QLocale::setDefault(QLocale(code));
    if (!language.unknown.empty())
        return fail(QCoreApplication::translate("main", "unknown language %1 for --lang "
                                                        "(use fr or en).")
                        .arg(quoted(language.unknown)));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Inspect, create, edit and remove System V "
                                            "shared-memory segments."));
    parser.addHelpOption();
    parser.addVersionOption();
    // An option with its description (context "main") and, for one that takes a value, its name.
    const auto makeOption = [](const char *name, const char *description,
                               const char *value = nullptr) {
        return QCommandLineOption(QLatin1String(name),
                                  QCoreApplication::translate("main", description),
                                  value ? QLatin1String(value) : QString());
    };
    const QCommandLineOption listOption = makeOption(
        "list", QT_TRANSLATE_NOOP("main", "Print every segment as a table, like ipcs -m."));
    const QCommandLineOption jsonOption = makeOption(
        "json", QT_TRANSLATE_NOOP("main", "With --list or --diff: print one JSON object instead."));
    const QCommandLineOption allOption = makeOption(
        "all", QT_TRANSLATE_NOOP("main", "With --list: the semaphore sets, message queues, "
                                         "POSIX objects and memfds too."));
    const QCommandLineOption selectOption = makeOption(
        "select",
        QT_TRANSLATE_NOOP("main", "Open the browser with segment <shmid> selected, or the POSIX "
                                  "object /NAME."),
        "shmid|/NAME");
    const QCommandLineOption openOption = makeOption(
        "open",
        QT_TRANSLATE_NOOP("main", "Open the memory view of segment <shmid>, or of the POSIX "
                                  "object /NAME."),
        "shmid|/NAME");
    const QCommandLineOption namespaceOption = makeOption(
        "namespace",
        QT_TRANSLATE_NOOP("main", "With --list, --open or --select: act in the IPC namespace of "
                                  "process <pid>, and on the /dev/shm it sees."),
        "pid");
    // Handled before this parser (core/inventorycommand.cpp); here for --help.
    const QCommandLineOption namespacesOption = makeOption(
        "namespaces", QT_TRANSLATE_NOOP("main", "Print the IPC namespaces in use (with --json: "
                                                "as JSON)."));
    const QCommandLineOption attachersOption = makeOption(
        "attachers", QT_TRANSLATE_NOOP("main", "With --list: the processes that hold each "
                                               "object."));
    const QCommandLineOption orphansOption = makeOption(
        "orphans", QT_TRANSLATE_NOOP("main", "With --list: only the objects nobody uses, with "
                                             "their age."));
    const QCommandLineOption semaphoresOption = makeOption(
        "semaphores", QT_TRANSLATE_NOOP("main", "With --list: the semaphore sets alone."));
    const QCommandLineOption queuesOption = makeOption(
        "queues", QT_TRANSLATE_NOOP("main", "With --list: the message queues alone."));
    const QCommandLineOption readWriteOption = makeOption(
        "read-write",
        QT_TRANSLATE_NOOP("main", "With --open: attach read-write to allow editing."));
    const QCommandLineOption demoOption =
        makeOption("demo", QT_TRANSLATE_NOOP("main", "Open the demo window of a lesson (--lesson)."));
    const QCommandLineOption liveOption =
        makeOption("live", QT_TRANSLATE_NOOP("main", "With --demo: start live mode at once."));
    const QCommandLineOption demoTerminalOption = makeOption(
        "demo-terminal", QT_TRANSLATE_NOOP("main", "Run a lesson's demo in the terminal."));
    const QCommandLineOption lessonOption = makeOption(
        "lesson",
        QT_TRANSLATE_NOOP("main", "With --demo or --demo-terminal: the lesson, fork (a child "
                                  "changes a shared int; the default) or race (children add to "
                                  "one counter)."),
        "name");
    const QCommandLineOption childrenOption = makeOption(
        "children",
        QT_TRANSLATE_NOOP("main", "With --lesson race: the number of children (1 to 16, "
                                  "default 4)."),
        "N");
    const QCommandLineOption incrementsOption = makeOption(
        "increments",
        QT_TRANSLATE_NOOP("main", "With --lesson race: the increments of each child (default "
                                  "1000000)."),
        "M");
    const QCommandLineOption verboseOption = makeOption(
        "verbose",
        QT_TRANSLATE_NOOP("main", "With --demo-terminal: show each system call and result."));
    const QCommandLineOption watchOption = makeOption(
        "watch",
        QT_TRANSLATE_NOOP("main", "Print a JSON line for each range of bytes that changes in "
                                  "segment <shmid>, until interrupted."),
        "shmid");
    const QCommandLineOption intervalOption = makeOption(
        "interval",
        QT_TRANSLATE_NOOP("main", "With --watch: compare at most every <ms> milliseconds "
                                  "(default 100)."),
        "ms");
    const QCommandLineOption snapshotOption = makeOption(
        "snapshot",
        QT_TRANSLATE_NOOP("main", "Write a sparse snapshot of segment <shmid> to the file of -o."),
        "shmid");
    const QCommandLineOption outputOption(
        {QStringLiteral("o"), QStringLiteral("output")},
        QCoreApplication::translate("main", "With --snapshot: the file to write."),
        QStringLiteral("file"));
    const QCommandLineOption diffOption = makeOption(
        "diff", QT_TRANSLATE_NOOP("main", "Print the ranges where A and B differ (snapshot files, "
                                          "or shmids: a number is a shmid); exit 1 if they "
                                          "differ."));
    const QCommandLineOption langOption = makeOption(
        "lang",
        QT_TRANSLATE_NOOP("main", "Use language <lang> (fr or en) instead of the system's."),
        "lang");
    parser.addOptions({listOption, jsonOption, allOption, attachersOption, orphansOption,
                       semaphoresOption, queuesOption, namespacesOption, namespaceOption,
                       selectOption, openOption, readWriteOption,
                       demoOption, liveOption, demoTerminalOption, verboseOption, lessonOption,
                       childrenOption, incrementsOption, watchOption,
                       intervalOption, snapshotOption, outputOption, diffOption, langOption});
    parser.addPositionalArgument(QStringLiteral("[A B]"),
                                 QCoreApplication::translate("main", "With --diff: the two inputs."));
    parser.process(*app); // --help, --version, unknown options: message and exit
    if (parser.isSet(snapshotOption) || parser.isSet(diffOption))
        return shm::runSnapshotCommand(argc, argv, stdout, stderr, [](const shm::Text &text) {
            return errortext::translated(text).toStdString();
        });

    const auto misplaced = [&](const QCommandLineOption &option, const QCommandLineOption &needs) {
        return parser.isSet(option) && !parser.isSet(needs);
    };
    if (misplaced(outputOption, snapshotOption))
        return fail(QCoreApplication::translate("main", "-o goes with --snapshot."));
    if (misplaced(jsonOption, listOption))
        return fail(QCoreApplication::translate("main", "--json goes with --list."));
    if (misplaced(allOption, listOption))
        return fail(QCoreApplication::translate("main", "--all goes with --list."));
    if (misplaced(readWriteOption, openOption))
        return fail(QCoreApplication::translate("main", "--read-write goes with --open."));
    if (misplaced(liveOption, demoOption))
        return fail(QCoreApplication::translate("main", "--live goes with --demo."));
    if (misplaced(verboseOption, demoTerminalOption))
        return fail(QCoreApplication::translate("main", "--verbose goes with --demo-terminal."));
    if (misplaced(intervalOption, watchOption))
        return fail(QCoreApplication::translate("main", "--interval goes with --watch."));
    if (parser.isSet(lessonOption) && !parser.isSet(demoOption) && !parser.isSet(demoTerminalOption))
        return fail(QCoreApplication::translate("main", "--lesson goes with --demo or "
                                                        "--demo-terminal."));
    const QString conflict = conflictOf(parser,
                                        {&listOption, &demoTerminalOption, &openOption,
                                         &selectOption, &demoOption, &watchOption},
                                        {&selectOption, &openOption, &langOption, &watchOption,
                                         &intervalOption, &lessonOption, &childrenOption,
                                         &incrementsOption, &namespaceOption});
    if (!conflict.isEmpty())
        return fail(conflict);
    // Checked before the display, so a bad count is named with or without one.
    const LessonChoice lesson = lessonFromParser(parser, lessonOption, childrenOption,
                                                 incrementsOption);
    if (!lesson.error.isEmpty())
        return fail(lesson.error);
    if (lesson.race && parser.isSet(liveOption))
        return fail(QCoreApplication::translate("main", "--live goes with the fork lesson."));
    if (!parser.positionalArguments().isEmpty())
        return fail(QCoreApplication::translate("main", "unexpected argument: %1")
                        .arg(parser.positionalArguments().constFirst()));

    if (parser.isSet(listOption))
        return shm::printListing(parser.isSet(jsonOption), stdout, stderr, parser.isSet(allOption));
    const auto narrator = [](const shm::Text &text) {
        return errortext::translated(text).toStdString();
    };
    if (parser.isSet(demoTerminalOption) && lesson.race)
        return shm::runRaceTerminalDemo(lesson.children, lesson.increments,
                                        parser.isSet(verboseOption), std::cout, std::cerr,
                                        narrator);
    if (parser.isSet(demoTerminalOption))
        return shm::runTerminalDemo(parser.isSet(verboseOption), std::cout, std::cerr, narrator);

    const auto shmidOf = [&](const QCommandLineOption &option) -> shm::Result<int> {
        return shm::parseShmid(parser.value(option).toStdString());
    };
    if (parser.isSet(watchOption))
        return watchFromParser(parser, watchOption, intervalOption);

    // --namespace PID (with --open or --select: with --list it went to the inventory command).
    std::optional<pid_t> namespacePid;
    if (parser.isSet(namespaceOption)) {
        if (!parser.isSet(openOption) && !parser.isSet(selectOption))
            return fail(QCoreApplication::translate("main", "--namespace goes with --list, "
                                                            "--open or --select."));
        auto pid = shm::parseProcessId(parser.value(namespaceOption).toStdString());
        if (!pid)
            return fail(errortext::message(pid.error()));
        namespacePid = *pid;
        // Checked at once, so a process that is not there is named before anything is read.
        if (auto opened = shm::IpcNamespaceHandle::open(*pid); !opened) {
            const QString why = errortext::describe(opened.error());
            return qobject_cast<QApplication *>(app.get()) ? failInWindow(why) : fail(why);
        }
    }
    // What --open and --select name: a segment by its shmid, or a POSIX object by "/NAME".
    const auto targetOf = [&](const QCommandLineOption &option) -> shm::Result<Target> {
        const std::string text = parser.value(option).toStdString();
        if (!text.starts_with('/')) {
            auto shmid = shmidOf(option);
            if (!shmid)
                return shmid.error();
            return Target{*shmid, {}};
        }
        if (auto checked = shm::checkPosixName(text); !checked)
            return checked.error();
        return Target{-1, text};
    };
    const std::string devShm = shm::devShmOf(namespacePid.value_or(0));

    if (!qobject_cast<QApplication *>(app.get())) {
        // No display: the values are still checked, so a typo is named before the display is.
        for (const QCommandLineOption *option : {&openOption, &selectOption}) {
            if (!parser.isSet(*option))
                continue;
            auto target = targetOf(*option);
            if (!target)
                return fail(errortext::message(target.error()));
            if (!target->posixName.empty()) {
                if (auto stat = shm::statPosixObject(target->posixName, devShm); !stat)
                    return fail(errortext::describe(stat.error()));
                continue;
            }
            std::optional<shm::Error> refused;
            const auto stat = [&] {
                if (auto info = shm::statSegment(target->shmid); !info)
                    refused = info.error();
            };
            if (namespacePid) {
                if (auto entered = shm::runInIpcNamespace(*namespacePid, stat); !entered)
                    return fail(errortext::describe(entered.error()));
            } else {
                stat();
            }
            if (refused)
                return fail(errortext::describe(*refused));
        }
        return fail(QCoreApplication::translate(
            "main", "no display to open a window on (DISPLAY and WAYLAND_DISPLAY are not set). "
                    "Without a display, use shmscope --list [--json] or shmscope "
                    "--demo-terminal."));
    }

    if (parser.isSet(openOption)) {
        auto target = targetOf(openOption);
        if (!target)
            return failInWindow(errortext::message(target.error()));
        auto access = parser.isSet(readWriteOption) ? shm::Access::ReadWrite
                                                    : shm::Access::ReadOnly;
        shm::Result<MemoryWindow *> window = static_cast<MemoryWindow *>(nullptr);
        if (!target->posixName.empty()) {
            window = MemoryWindow::openFile(
                QString::fromStdString(devShm + "/" + target->posixName.substr(1)),
                QString::fromStdString(target->posixName), access);
        } else {
            shm::IpcNamespacePtr ns;
            if (namespacePid) {
                auto opened = shm::IpcNamespaceHandle::open(*namespacePid);
                if (!opened)
                    return failInWindow(errortext::describe(opened.error()));
                ns = *opened;
            }
            window = MemoryWindow::open(target->shmid, access, nullptr, ns);
        }
        if (!window)
            return failInWindow(errortext::describe(window.error()));
        (*window)->show();
        return app->exec();
    }

    if (parser.isSet(demoOption) && lesson.race) {
        RaceWindow race;
        race.setCounts(lesson.children, lesson.increments);
        race.show();
        // For the tests of ending the lesson by a signal (tst_racekill): the first N steps at
        // once, the last run left going.
        race.playSteps(qEnvironmentVariableIntValue("SHMSCOPE_TEST_DEMO_STEPS"));
        return app->exec();
    }
    if (parser.isSet(demoOption)) {
        DemoWindow demo;
        demo.show();
        // For the tests of ending by a signal at each step (tst_demosignals): the first N
        // steps done at once.
        for (int n = qEnvironmentVariableIntValue("SHMSCOPE_TEST_DEMO_STEPS"); n > 0; --n)
            demo.step();
        if (parser.isSet(liveOption))
            demo.startLive();
        return app->exec();
    }

    MainWindow window;
    // Demo windows go when closed, and at the latest when the loop ends (a signal, Quit): their
    // destructors reap the child and remove the segment.
    std::vector<QPointer<QMainWindow>> demos;
    const auto openDemo = [&demos](QMainWindow *demo) {
        demo->setAttribute(Qt::WA_DeleteOnClose);
        demo->show();
        demos.emplace_back(demo);
    };
    QObject::connect(&window, &MainWindow::demoRequested, [&] { openDemo(new DemoWindow); });
    QObject::connect(&window, &MainWindow::raceDemoRequested, [&] { openDemo(new RaceWindow); });
    if (namespacePid && !window.switchNamespace(*namespacePid))
        return failInWindow(window.lastMessage());
    if (parser.isSet(selectOption)) {
        auto target = targetOf(selectOption);
        if (!target)
            return failInWindow(errortext::message(target.error()));
        if (!target->posixName.empty()) {
            window.tabs()->setCurrentWidget(window.posixObjects());
            if (!window.posixObjects()->selectName(QString::fromStdString(target->posixName)))
                return failInWindow(
                    QCoreApplication::translate("main", "there is no POSIX object %1 in %2.")
                        .arg(QString::fromStdString(target->posixName),
                             QString::fromStdString(devShm)));
        } else if (!window.selectSegment(target->shmid)) {
            return failInWindow(
                QCoreApplication::translate("main", "there is no segment with shmid %1.")
                    .arg(target->shmid));
        }
    }
    window.show();
    const int status = app->exec();
    for (const QPointer<QMainWindow> &demo : demos)
        delete demo.data();
    return status;
}
