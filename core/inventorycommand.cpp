#include "inventorycommand.h"

#include "textscan.h"

#include <cerrno>
#include <cstring>
#include <string>

namespace shm {

namespace {

constexpr const char *OwnOptions[] = {"--namespaces", "--namespace", "--attachers", "--orphans",
                                      "--semaphores", "--queues"};

// Options of shmscope that these command lines do not take (each a mode of its own).
constexpr const char *OtherModes[] = {"--open", "--select", "--demo", "--demo-terminal",
                                      "--watch", "--snapshot", "--diff", "--lang", "--read-write",
                                      "--live", "--verbose", "--interval", "-o", "--output",
                                      "--help", "-h", "--version", "-v"};

// A typed value shown in a message: printable ASCII as it is, other bytes as \xNN, at most 32
// bytes, between quotes.
std::string quoted(std::string_view text)
{
    std::string out = "\"";
    for (std::size_t i = 0; i < text.size() && i < 32; ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
            out += static_cast<char>(c);
        } else {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02x", c);
            out += hex;
        }
    }
    out += '"';
    if (text.size() > 32)
        out += "...";
    return out;
}

// The first of OwnOptions on the command line, --namespace last (it goes with --open and
// --select; the others do not), else --list.
const char *firstOwnOption(int argc, char **argv)
{
    const char *first = nullptr;
    bool namespaceGiven = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg(argv[i]);
        for (const char *own : OwnOptions) {
            if (arg == own || (arg.starts_with(own) && arg[std::strlen(own)] == '=')) {
                if (std::string_view(own) == "--namespace")
                    namespaceGiven = true;
                else
                    first = first ? first : own;
            }
        }
    }
    return first ? first : namespaceGiven ? "--namespace" : "--list";
}

Error refusal(Text text)
{
    return inputError("command line", {}, std::move(text));
}

} // namespace

bool isInventoryCommandLine(int argc, char **argv)
{
    bool own = false, namespaceOnly = true, window = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg(argv[i]);
        if (arg == "--open" || arg == "--select" || arg.starts_with("--open=")
            || arg.starts_with("--select="))
            window = true;
        for (const char *option : OwnOptions) {
            if (arg == option || (std::string_view(option) == "--namespace"
                                  && arg.starts_with("--namespace="))) {
                own = true;
                namespaceOnly = namespaceOnly && std::string_view(option) == "--namespace";
            }
        }
    }
    // --namespace PID with --open or --select alone: the window's, in that namespace.
    return own && !(namespaceOnly && window);
}

Result<pid_t> parseProcessId(std::string_view text)
{
    pid_t pid = 0;
    if (!parseWhole(text, pid, 10) || pid <= 0)
        return inputError("--namespace", std::string(text.substr(0, 64)),
                          Text(QT_TRANSLATE_NOOP("shm", "The process id %1 is not valid: a whole "
                                                        "number above 0 is expected."),
                               {value(quoted(text))}));
    return pid;
}

Result<InventoryCommand> parseInventoryCommandLine(int argc, char **argv)
{
    bool list = false, namespaces = false;
    InventoryOptions options;
    std::optional<std::string_view> pidText;
    const auto once = [](bool &flag, const char *name) -> std::optional<Error> {
        if (flag)
            return refusal(Text(QT_TRANSLATE_NOOP("shm", "%1 is given more than once."),
                                {value(name)}));
        flag = true;
        return std::nullopt;
    };
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg(argv[i]);
        std::optional<Error> error;
        if (arg == "--list")
            error = once(list, "--list");
        else if (arg == "--namespaces")
            error = once(namespaces, "--namespaces");
        else if (arg == "--json")
            error = once(options.json, "--json");
        else if (arg == "--all")
            error = once(options.all, "--all");
        else if (arg == "--attachers")
            error = once(options.attachers, "--attachers");
        else if (arg == "--orphans")
            error = once(options.orphans, "--orphans");
        else if (arg == "--semaphores")
            error = once(options.semaphores, "--semaphores");
        else if (arg == "--queues")
            error = once(options.queues, "--queues");
        else if (arg == "--namespace" || arg.starts_with("--namespace=")) {
            if (pidText)
                return refusal(Text(QT_TRANSLATE_NOOP("shm", "--namespace is given more than "
                                                             "once.")));
            if (arg != "--namespace") {
                pidText = arg.substr(std::strlen("--namespace="));
            } else {
                if (i + 1 >= argc)
                    return refusal(Text(QT_TRANSLATE_NOOP("shm", "--namespace needs a process id "
                                                                 "(--namespace PID).")));
                pidText = std::string_view(argv[++i]);
            }
        } else {
            for (const char *other : OtherModes) {
                if (arg == other || (arg.starts_with(other) && arg.size() > std::strlen(other)
                                     && arg[std::strlen(other)] == '=')) {
                    const char *mine = firstOwnOption(argc, argv);
                    return refusal(Text(QT_TRANSLATE_NOOP("shm", "%1 and %2 cannot go together."),
                                        {value(mine),
                                         value(std::string(arg.substr(0, arg.find('='))))}));
                }
            }
            if (arg.starts_with("-"))
                return refusal(Text(QT_TRANSLATE_NOOP("shm", "unknown option %1."),
                                    {value(quoted(arg))}));
            return refusal(Text(QT_TRANSLATE_NOOP("shm", "unexpected argument: %1"),
                                {value(quoted(arg))}));
        }
        if (error)
            return *error;
    }
    if (namespaces) {
        if (list)
            return refusal(Text(QT_TRANSLATE_NOOP("shm", "--namespaces and --list cannot go "
                                                         "together.")));
        for (auto [set, name] : {std::pair{options.all, "--all"},
                                 std::pair{options.attachers, "--attachers"},
                                 std::pair{options.orphans, "--orphans"},
                                 std::pair{options.semaphores, "--semaphores"},
                                 std::pair{options.queues, "--queues"},
                                 std::pair{pidText.has_value(), "--namespace"}}) {
            if (set)
                return refusal(Text(QT_TRANSLATE_NOOP("shm", "%1 goes with --list."),
                                    {value(name)}));
        }
        return InventoryCommand(NamespacesCommand{options.json});
    }
    if (!list) {
        for (auto [set, name] : {std::pair{pidText.has_value(), "--namespace"},
                                 std::pair{options.attachers, "--attachers"},
                                 std::pair{options.orphans, "--orphans"},
                                 std::pair{options.all, "--all"},
                                 std::pair{options.semaphores, "--semaphores"},
                                 std::pair{options.queues, "--queues"},
                                 std::pair{options.json, "--json"}}) {
            if (set)
                return refusal(Text(QT_TRANSLATE_NOOP("shm", "%1 goes with --list."),
                                    {value(name)}));
        }
        return refusal(Text(QT_TRANSLATE_NOOP("shm", "nothing to do: give --list or "
                                                     "--namespaces.")));
    }
    if (options.kindsOnly()) {
        // --semaphores and --queues list only those kinds: nothing else goes with them.
        const char *kind = options.semaphores ? "--semaphores" : "--queues";
        for (auto [set, name] : {std::pair{options.all, "--all"},
                                 std::pair{options.attachers, "--attachers"},
                                 std::pair{options.orphans, "--orphans"}}) {
            if (set)
                return refusal(Text(QT_TRANSLATE_NOOP("shm", "%1 and %2 cannot go together."),
                                    {value(kind), value(name)}));
        }
    }
    if (pidText) {
        auto pid = parseProcessId(*pidText);
        if (!pid)
            return pid.error();
        options.namespacePid = *pid;
    }
    return InventoryCommand(options);
}

std::optional<int> runInventoryCommandLine(int argc, char **argv, std::FILE *out, std::FILE *err)
{
    if (!isInventoryCommandLine(argc, argv))
        return std::nullopt;
    auto command = parseInventoryCommandLine(argc, argv);
    if (!command) {
        std::fprintf(err, "shmscope: %s\n", command.error().english().c_str());
        return 2;
    }
    int status = 0;
    if (const auto *namespaces = std::get_if<NamespacesCommand>(&*command))
        status = printNamespaces(namespaces->json, out, err);
    else
        status = printInventory(std::get<InventoryOptions>(*command), out, err);
    if (status == 1 && std::ferror(out))
        std::fprintf(err, "shmscope: cannot write the listing: %s\n", std::strerror(errno));
    return status;
}

} // namespace shm
