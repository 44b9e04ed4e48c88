#include "dumpcommand.h"

#include "attachment.h"
#include "layout.h"
#include "layoutfile.h"
#include "layoutvalues.h"
#include "memoryaccess.h"
#include "parse.h"
#include "segmentlist.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string_view>
#include <vector>

namespace shm {

namespace {

using Say = std::function<std::string(const Text &)>;

struct DumpArguments
{
    std::optional<std::string> shmid;
    std::optional<std::string> file;
    std::optional<std::string> type;
    std::optional<std::string> offset;
    bool json = false;
};

// The leaf and what was read for it.
struct Row
{
    const layout::Leaf *leaf = nullptr;
    std::optional<layout::Value> value;
    std::string unreadable; // why, when the bytes could not be read
};

class Dump
{
public:
    Dump(std::FILE *out, std::FILE *err, const Say &say)
        : m_out(out)
        , m_err(err)
        , m_say(say)
    {
    }

    std::optional<DumpArguments> parse(int argc, char **argv, int &status) const;
    // Precondition: args.shmid is set (parse refuses a --dump without its value).
    int run(const DumpArguments &args) const;

private:
    std::string said(const Text &text) const { return m_say ? m_say(text) : text.english(); }
    int fail(const Text &text) const
    {
        std::fprintf(m_err, "shmscope: %s\n", said(text).c_str());
        return 2;
    }
    int fail(const Error &error) const { return fail(error.describeText()); }

    std::vector<Row> read(const MemoryAccess &memory, const layout::Leaves &leaves,
                          std::uint64_t offset, std::uint64_t size) const;
    void printJson(const layout::Type &type, const std::vector<Row> &rows, bool cut) const;
    void printTable(const layout::Type &type, const std::vector<Row> &rows, std::uint64_t offset,
                    int shmid) const;

    std::FILE *m_out;
    std::FILE *m_err;
    const Say &m_say;
};

std::optional<DumpArguments> Dump::parse(int argc, char **argv, int &status) const
{
    DumpArguments args;
    const auto refuse = [&](const Text &text) -> std::optional<DumpArguments> {
        status = fail(text);
        return std::nullopt;
    };
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        bool matched = false;
        for (const auto &[name, into] :
             {std::pair<std::string_view, std::optional<std::string> *> {"--dump", &args.shmid},
              {"--layout", &args.file},
              {"--type", &args.type},
              {"--offset", &args.offset},
              {"--lang", nullptr}}) {
            const bool equals = arg.size() > name.size() && arg.substr(0, name.size()) == name
                && arg[name.size()] == '=';
            if (arg != name && !equals)
                continue;
            matched = true;
            std::string given;
            if (equals) {
                given = std::string(arg.substr(name.size() + 1));
            } else if (i + 1 < argc) {
                given = argv[++i];
            } else {
                return refuse(Text(QT_TRANSLATE_NOOP("shm", "%1 needs a value."),
                                   {value(std::string(name))}));
            }
            if (!into)
                break;
            if (into->has_value())
                return refuse(Text(QT_TRANSLATE_NOOP("shm", "%1 is given more than once."),
                                   {value(std::string(name))}));
            *into = given;
            break;
        }
        if (matched)
            continue;
        if (arg == "--json") {
            args.json = true;
        } else if (!arg.empty() && arg[0] == '-' && arg.size() > 1) {
            const std::string option(arg.substr(0, arg.find('=')));
            for (const char *mode : {"--list", "--open", "--select", "--demo", "--demo-terminal",
                                     "--watch", "--snapshot", "--diff", "--read-write"}) {
                if (option == mode)
                    return refuse(Text(QT_TRANSLATE_NOOP("shm", "%1 and %2 cannot go together."),
                                       {value(option), value(std::string("--dump"))}));
            }
            return refuse(Text(QT_TRANSLATE_NOOP("shm",
                                                 "unknown option %1 here (see "
                                                 "shmscope --help)."),
                               {value(std::string(arg))}));
        } else {
            return refuse(Text(QT_TRANSLATE_NOOP("shm", "unexpected argument: %1"),
                               {value(std::string(arg))}));
        }
    }
    if (!args.file)
        return refuse(Text(QT_TRANSLATE_NOOP("shm",
                                             "--dump needs --layout FILE: a C header or "
                                             "source, or a program with debug info.")));
    if (!args.type)
        return refuse(Text(QT_TRANSLATE_NOOP("shm",
                                             "--dump needs --type NAME, e.g. --type "
                                             "\"struct record\".")));
    return args;
}

// The segment's size and swapped bytes from /proc/sysvipc/shm, if it lists it.
const SegmentInfo *listed(const std::vector<SegmentInfo> &segments, int shmid)
{
    for (const SegmentInfo &info : segments) {
        if (info.shmid == shmid)
            return &info;
    }
    return nullptr;
}

Text pastTheEnd(const layout::Type &type, std::uint64_t offset, std::uint64_t segmentSize)
{
    return Text(QT_TRANSLATE_NOOP("shm",
                                  "%1 is %2 bytes: from offset %3 it runs past the end "
                                  "of the segment, which is %4 bytes."),
                {value(type.name), value(std::int64_t(type.size)), value(std::int64_t(offset)),
                 value(std::int64_t(segmentSize))});
}

bool fits(std::uint64_t offset, std::uint64_t size, std::uint64_t segmentSize)
{
    return offset <= segmentSize && size <= segmentSize - offset;
}

int Dump::run(const DumpArguments &args) const
{
    const auto shmid = parseShmid(*args.shmid);
    if (!shmid)
        return fail(shmid.error());
    std::uint64_t offset = 0;
    if (args.offset) {
        const auto parsed = parseOffset(*args.offset);
        if (!parsed)
            return fail(parsed.error());
        offset = *parsed;
    }
    auto source = layout::openLayoutFile(*args.file);
    if (!source)
        return fail(source.error());
    const auto type = (*source)->type(*args.type);
    if (!type)
        return fail(type.error());

    // Told before attaching when the listing knows the segment: a bad offset changes nothing.
    std::uint64_t swapped = 0;
    if (const auto segments = listSegmentsFromProc()) {
        if (const SegmentInfo *info = listed(*segments, *shmid)) {
            if (!fits(offset, (*type)->size, info->size))
                return fail(pastTheEnd(**type, offset, info->size));
            swapped = info->swap;
        }
    }
    auto attachment = Attachment::attach(*shmid, Access::ReadOnly);
    if (!attachment)
        return fail(attachment.error());
    if (!fits(offset, (*type)->size, attachment->size()))
        return fail(pastTheEnd(**type, offset, attachment->size()));
    MemoryAccess memory = MemoryAccess::forAttachment(*attachment);
    memory.setSwappedBytes(swapped);

    const layout::Leaves leaves = layout::leavesOf(*type, offset);
    const std::vector<Row> rows = read(memory, leaves, offset, (*type)->size);
    if (args.json)
        printJson(**type, rows, leaves.cut);
    else
        printTable(**type, rows, offset, *shmid);
    if (leaves.cut)
        std::fprintf(m_err, "shmscope: %s\n",
                     said(Text(QT_TRANSLATE_NOOP("shm", "only the first %1 fields are shown."),
                               {value(std::int64_t(leaves.leaves.size()))}))
                         .c_str());
    if (std::fflush(m_out) != 0 || std::ferror(m_out)) {
        std::fprintf(m_err, "shmscope: %s\n",
                     said(Text(QT_TRANSLATE_NOOP("shm", "cannot write the fields: %1"),
                               {errnoPhrase(errno)}))
                         .c_str());
        return 1;
    }
    return 0;
}

std::vector<Row> Dump::read(const MemoryAccess &memory, const layout::Leaves &leaves,
                            std::uint64_t offset, std::uint64_t size) const
{
    std::vector<layout::LeafReading> readings
        = layout::readLeaves(memory, leaves.leaves, offset, size);
    std::vector<Row> rows(readings.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        rows[i].leaf = &leaves.leaves[i];
        rows[i].value = std::move(readings[i].value);
        if (!rows[i].value)
            rows[i].unreadable = said(readings[i].unreadable);
    }
    return rows;
}

void Dump::printJson(const layout::Type &type, const std::vector<Row> &rows, bool cut) const
{
    std::string text = "{\"type\": " + layout::jsonString(type.name)
        + ", \"size\": " + std::to_string(type.size) + ", \"fields\": [";
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const Row &row = rows[i];
        const layout::Leaf &leaf = *row.leaf;
        text += i ? ",\n  " : "\n  ";
        text += "{\"path\": " + layout::jsonString(leaf.path) + ", \"offset\": "
            + std::to_string(leaf.offset) + ", \"size\": " + std::to_string(leaf.size)
            + ", \"type\": " + layout::jsonString(leaf.type->name);
        if (leaf.isBitfield())
            text += ", \"bit_offset\": " + std::to_string(leaf.bitOffset)
                + ", \"bits\": " + std::to_string(leaf.bits);
        text += ", \"value\": " + (row.value ? layout::valueJson(*row.value) : "null");
        if (leaf.type->kind == layout::Kind::Enum)
            text += ", \"enumerator\": "
                + (row.value && row.value->enumerator ? layout::jsonString(*row.value->enumerator)
                                                      : "null");
        if (!row.unreadable.empty())
            text += ", \"unreadable\": " + layout::jsonString(row.unreadable);
        text += "}";
    }
    text += rows.empty() ? "]" : "\n]";
    if (cut)
        text += ", \"fields_cut\": true";
    text += "}\n";
    std::fputs(text.c_str(), m_out);
}

void Dump::printTable(const layout::Type &type, const std::vector<Row> &rows, std::uint64_t offset,
                      int shmid) const
{
    std::fprintf(m_out, "%s\n",
                 said(Text(QT_TRANSLATE_NOOP("shm", "%1 (%2 bytes) at offset %3 of shmid %4"),
                           {value(type.name), value(std::int64_t(type.size)),
                            value(std::int64_t(offset)), value(std::int64_t(shmid))}))
                     .c_str());
    struct Cells
    {
        std::string path, offset, size, type, value;
    };
    std::vector<Cells> cells;
    cells.push_back({"path", "offset", "size", "type", "value"});
    for (const Row &row : rows) {
        const layout::Leaf &leaf = *row.leaf;
        Cells c;
        c.path = leaf.path.empty() ? "." : leaf.path;
        c.offset = std::to_string(leaf.offset);
        c.size = std::to_string(leaf.size);
        if (leaf.isBitfield()) {
            c.offset += "." + std::to_string(leaf.bitOffset);
            c.size = std::to_string(leaf.bits) + "b";
        }
        c.type = leaf.type->name;
        c.value = row.value ? layout::valueText(*row.value, *leaf.type) : "?? " + row.unreadable;
        cells.push_back(std::move(c));
    }
    std::size_t w[4] = {};
    for (const Cells &c : cells) {
        w[0] = std::max(w[0], c.path.size());
        w[1] = std::max(w[1], c.offset.size());
        w[2] = std::max(w[2], c.size.size());
        w[3] = std::max(w[3], c.type.size());
    }
    std::string text;
    for (const Cells &c : cells) {
        const auto pad = [](const std::string &s, std::size_t width, bool right) {
            const std::string fill(width - s.size(), ' ');
            return right ? fill + s : s + fill;
        };
        text += pad(c.path, w[0], false) + "  " + pad(c.offset, w[1], true) + "  "
            + pad(c.size, w[2], true) + "  " + pad(c.type, w[3], false) + "  " + c.value;
        while (!text.empty() && text.back() == ' ')
            text.pop_back();
        text += "\n";
    }
    std::fputs(text.c_str(), m_out);
}

bool asksForDump(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--dump" || arg.substr(0, 7) == "--dump=")
            return true;
    }
    return false;
}

} // namespace

std::optional<int> runDumpCommandLine(int argc, char **argv, std::FILE *out, std::FILE *err,
                                      const Say &say)
{
    if (!asksForDump(argc, argv))
        return std::nullopt;
    const Dump dump(out, err, say);
    int status = 2;
    const auto args = dump.parse(argc, argv, status);
    if (!args)
        return status;
    return dump.run(*args);
}

} // namespace shm
