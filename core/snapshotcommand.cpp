#include "snapshotcommand.h"

#include "attachment.h"
#include "parse.h"
#include "rangediff.h"
#include "segmentlist.h"
#include "snapshot.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <optional>
#include <string_view>
#include <vector>

namespace shm {

namespace {

struct Arguments
{
    bool snapshot = false;
    bool diff = false;
    bool json = false;
    std::optional<std::string> shmid;
    std::optional<std::string> output;
    std::vector<std::string> inputs;
};

using Say = std::function<std::string(const Text &)>;

class Command
{
public:
    Command(std::FILE *out, std::FILE *err, const Say &say)
        : m_out(out)
        , m_err(err)
        , m_say(say)
    {
    }

    int fail(const Text &text) const
    {
        std::fprintf(m_err, "shmscope: %s\n", said(text).c_str());
        return 2;
    }
    int fail(const Error &error) const { return fail(error.describeText()); }
    void warn(const Text &text) const { std::fprintf(m_err, "shmscope: %s\n", said(text).c_str()); }

    std::optional<Arguments> parse(int argc, char **argv, int &status) const;
    int snapshot(const Arguments &args) const;
    int diff(const Arguments &args) const;

private:
    std::string said(const Text &text) const { return m_say ? m_say(text) : text.english(); }

    // A side of --diff: a shmid (attached read-only while the comparison runs) or a file.
    struct Side
    {
        Attachment attachment;
        std::optional<DiffSource> source;
        std::string name;
    };
    Result<void> open(const std::string &input, Side &side) const;
    void printTable(const DiffResult &result, const Side &a, const Side &b) const;
    void printJson(const DiffResult &result) const;

    std::FILE *m_out;
    std::FILE *m_err;
    const Say &m_say;
};

bool isNumber(std::string_view text)
{
    return !text.empty()
        && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The modes shmscope-gui runs: none goes with a snapshot or a diff.
bool isOtherMode(std::string_view arg)
{
    for (const char *mode : {"--list", "--open", "--select", "--demo", "--demo-terminal"}) {
        const std::string_view name = mode;
        if (arg == name
            || (arg.size() > name.size() && arg.substr(0, name.size()) == name
                && arg[name.size()] == '='))
            return true;
    }
    return false;
}

// "--snapshot" or "--diff", whichever argv has first.
const char *snapshotMode(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--diff")
            return "--diff";
        if (arg == "--snapshot" || arg.substr(0, 11) == "--snapshot=")
            return "--snapshot";
    }
    return "";
}

std::optional<Arguments> Command::parse(int argc, char **argv, int &status) const
{
    Arguments args;
    const auto refuse = [&](const Text &text) -> std::optional<Arguments> {
        status = fail(text);
        return std::nullopt;
    };
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        // --name VALUE or --name=VALUE.
        const auto takeValue
            = [&](std::string_view name, std::optional<std::string> &into, bool &missing) {
                  missing = false;
                  if (arg.size() > name.size() && arg.substr(0, name.size()) == name
                      && arg[name.size()] == '=') {
                      into = std::string(arg.substr(name.size() + 1));
                      return true;
                  }
                  if (arg != name)
                      return false;
                  if (i + 1 >= argc) {
                      missing = true;
                      return true;
                  }
                  into = argv[++i];
                  return true;
              };
        bool missing = false;
        std::optional<std::string> ignored;
        if (takeValue("--lang", ignored, missing)) {
            continue;
        } else if (takeValue("--snapshot", args.shmid, missing)) {
            if (args.snapshot)
                return refuse(
                    Text(QT_TRANSLATE_NOOP("shm", "--snapshot is given more than once.")));
            args.snapshot = true;
        } else if (const bool had = args.output.has_value();
                   takeValue("--output", args.output, missing)
                   || takeValue("-o", args.output, missing)) {
            if (had)
                return refuse(Text(QT_TRANSLATE_NOOP("shm", "-o is given more than once.")));
        } else if (arg == "--diff") {
            args.diff = true;
        } else if (arg == "--json") {
            args.json = true;
        } else if (isOtherMode(arg)) {
            return refuse(
                Text(QT_TRANSLATE_NOOP("shm", "%1 and %2 cannot go together."),
                     {value(std::string(arg)), value(std::string(snapshotMode(argc, argv)))}));
        } else if (!arg.empty() && arg[0] == '-' && arg != "-") {
            return refuse(Text(QT_TRANSLATE_NOOP("shm",
                                                 "unknown option %1 here (see "
                                                 "shmscope --help)."),
                               {value(std::string(arg))}));
        } else {
            args.inputs.emplace_back(arg);
        }
        if (missing)
            return refuse(
                Text(QT_TRANSLATE_NOOP("shm", "%1 needs a value."), {value(std::string(arg))}));
    }
    if (args.snapshot && args.diff)
        return refuse(Text(QT_TRANSLATE_NOOP("shm", "--snapshot and --diff cannot go together.")));
    if (args.snapshot) {
        if (!args.output)
            return refuse(Text(QT_TRANSLATE_NOOP("shm",
                                                 "--snapshot needs -o FILE, the file to "
                                                 "write.")));
        if (args.json)
            return refuse(Text(QT_TRANSLATE_NOOP("shm", "--json goes with --list or --diff.")));
        if (!args.inputs.empty())
            return refuse(Text(QT_TRANSLATE_NOOP("shm", "unexpected argument: %1"),
                               {value(args.inputs.front())}));
    } else {
        if (args.output)
            return refuse(Text(QT_TRANSLATE_NOOP("shm", "-o goes with --snapshot.")));
        if (args.inputs.size() != 2)
            return refuse(Text(QT_TRANSLATE_NOOP("shm",
                                                 "--diff needs two inputs, A and B: "
                                                 "snapshot files or shmids.")));
    }
    return args;
}

// The segment's swapped bytes, so that its pages not resident are not taken for untouched
// zeros (0 when /proc/sysvipc/shm cannot say).
std::uint64_t swappedBytes(int shmid)
{
    if (const auto segments = listSegmentsFromProc()) {
        for (const SegmentInfo &info : *segments) {
            if (info.shmid == shmid)
                return info.swap;
        }
    }
    return 0;
}

Result<Attachment> attachForReading(const std::string &text)
{
    const auto shmid = parseShmid(text);
    if (!shmid)
        return shmid.error();
    return Attachment::attach(*shmid, Access::ReadOnly);
}

MemoryAccess accessOf(const Attachment &attachment)
{
    MemoryAccess memory = MemoryAccess::forAttachment(attachment);
    memory.setSwappedBytes(swappedBytes(attachment.shmid()));
    return memory;
}

int Command::snapshot(const Arguments &args) const
{
    auto attachment = attachForReading(*args.shmid);
    if (!attachment)
        return fail(attachment.error());
    const MemoryAccess memory = accessOf(*attachment);
    const auto written = writeSnapshot(memory, 0, memory.size(), *args.output);
    if (!written)
        return fail(written.error());
    if (written->unreadable > 0)
        warn(Text(QT_TRANSLATE_NOOP("shm",
                                    "%1 bytes of the segment could not be read and are "
                                    "zeros in %2: %3"),
                  {value(std::int64_t(written->unreadable)), value(*args.output),
                   faultText(*written->firstFault, memory.isHugeTlb())}));
    return 0;
}

Result<void> Command::open(const std::string &input, Side &side) const
{
    side.name = input;
    if (isNumber(input)) {
        auto attachment = attachForReading(input);
        if (!attachment)
            return attachment.error();
        side.attachment = std::move(attachment.value());
        side.source.emplace(DiffSource::fromMemory(accessOf(side.attachment)));
        side.name = "shmid " + input;
        return {};
    }
    auto file = DiffSource::openFile(input);
    if (!file)
        return file.error();
    side.source.emplace(std::move(file.value()));
    return {};
}

std::string hexBytes(const DiffSource &source, std::uint64_t offset, std::uint64_t length)
{
    constexpr std::uint64_t Shown = 8;
    std::byte bytes[Shown];
    const std::uint64_t n = std::min(length, Shown);
    if (source.read(offset, bytes, n) != 0)
        return "?";
    std::string text;
    for (std::uint64_t i = 0; i < n; ++i) {
        char cell[4];
        std::snprintf(cell, sizeof cell, i ? " %02x" : "%02x", std::to_integer<unsigned>(bytes[i]));
        text += cell;
    }
    return length > Shown ? text + " ..." : text;
}

void Command::printTable(const DiffResult &result, const Side &a, const Side &b) const
{
    if (result.ranges.empty())
        return;
    std::fprintf(m_out, "%-18s %12s  %-27s  %s\n", "offset", "length", a.name.c_str(),
                 b.name.c_str());
    for (const ByteRange &range : result.ranges) {
        std::fprintf(m_out, "0x%016llx %12llu  %-27s  %s\n",
                     static_cast<unsigned long long>(range.offset),
                     static_cast<unsigned long long>(range.length),
                     hexBytes(*a.source, range.offset, range.length).c_str(),
                     hexBytes(*b.source, range.offset, range.length).c_str());
    }
    std::fprintf(
        m_out, "%s\n",
        said(Text(QT_TRANSLATE_NOOP("shm", "changed bytes: %1 · ranges: %2 · size: %3"),
                  {value(std::int64_t(result.changedBytes)),
                   value(std::int64_t(result.ranges.size())), value(std::int64_t(result.size))}))
            .c_str());
}

void Command::printJson(const DiffResult &result) const
{
    std::fprintf(m_out, "{\"size\": %llu, \"changed_bytes\": %llu, \"ranges\": [",
                 static_cast<unsigned long long>(result.size),
                 static_cast<unsigned long long>(result.changedBytes));
    for (std::size_t i = 0; i < result.ranges.size(); ++i)
        std::fprintf(m_out, "%s{\"offset\": %llu, \"length\": %llu}", i ? ", " : "",
                     static_cast<unsigned long long>(result.ranges[i].offset),
                     static_cast<unsigned long long>(result.ranges[i].length));
    // Only when the list was cut: the exact format otherwise.
    std::fprintf(m_out, "]%s}\n", result.rangesCut ? ", \"ranges_cut\": true" : "");
}

int Command::diff(const Arguments &args) const
{
    Side a, b;
    for (const auto &[input, side] : {std::pair {&args.inputs[0], &a}, {&args.inputs[1], &b}}) {
        if (const auto opened = open(*input, *side); !opened)
            return fail(opened.error());
    }
    const auto result = compareSources(*a.source, *b.source);
    if (!result)
        return fail(result.error());
    if (args.json)
        printJson(*result);
    else
        printTable(*result, a, b);
    if (result->rangesCut)
        warn(Text(QT_TRANSLATE_NOOP("shm",
                                    "only the first %1 ranges are listed; the count of "
                                    "changed bytes is complete."),
                  {value(std::int64_t(result->ranges.size()))}));
    if (result->unreadable > 0)
        warn(Text(QT_TRANSLATE_NOOP("shm",
                                    "%1 bytes of memory could not be read and were "
                                    "compared as zeros."),
                  {value(std::int64_t(result->unreadable))}));
    if (std::fflush(m_out) != 0 || std::ferror(m_out))
        return fail(Text(QT_TRANSLATE_NOOP("shm", "cannot write the differences: %1"),
                         {errnoPhrase(errno)}));
    return result->changedBytes > 0 ? 1 : 0;
}

} // namespace

bool isSnapshotCommand(int argc, char **argv)
{
    return *snapshotMode(argc, argv) != '\0';
}

int runSnapshotCommand(int argc, char **argv, std::FILE *out, std::FILE *err, const Say &say)
{
    // A file size limit (ulimit -f) fails the write with EFBIG, which says so, instead of
    // killing the program.
    std::signal(SIGXFSZ, SIG_IGN);
    const Command command(out, err, say);
    int status = 0;
    const auto args = command.parse(argc, argv, status);
    if (!args)
        return status;
    return args->snapshot ? command.snapshot(*args) : command.diff(*args);
}

} // namespace shm
