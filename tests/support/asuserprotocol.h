#pragma once

// What the helper programs shmscope-test-asuser and shmscope-test-asuser-widgets write: one line
// a step, five fields split by tabs:
//
//     <step as asked> \t ok|refused \t <errno name, or empty> \t <error kind, or empty> \t <text>
//
// ok: the text is what the step read (bytes in hex, a mode, a cell of the table), often empty;
// refused: the errno's name when a system call refused ("EACCES"), the shm::Error's kind
// ("PermissionDenied", shm::kindName) when the step had one, and the error's sentence.
// A field never holds a tab or a line break: they, and the backslash, are escaped (\t, \n, \\).
// Plain C++: the helpers (core only) and the tests' side (Qt) read the same code.

#include <string>
#include <vector>

namespace shmtest::protocol {

inline std::string escapeField(const std::string &text)
{
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\t')
            out += "\\t";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

inline std::string unescapeField(const std::string &field)
{
    std::string out;
    out.reserve(field.size());
    for (std::size_t i = 0; i < field.size(); ++i) {
        if (field[i] != '\\' || i + 1 == field.size()) {
            out += field[i];
            continue;
        }
        const char next = field[++i];
        out += next == 't' ? '\t' : next == 'n' ? '\n' : next;
    }
    return out;
}

// The fields of one line (fewer when the line is cut short).
inline std::vector<std::string> splitLine(const std::string &line)
{
    std::vector<std::string> fields;
    std::size_t start = 0;
    for (;;) {
        const std::size_t tab = line.find('\t', start);
        fields.push_back(unescapeField(line.substr(start, tab - start)));
        if (tab == std::string::npos)
            return fields;
        start = tab + 1;
    }
}

inline std::string joinLine(const std::vector<std::string> &fields)
{
    std::string line;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line += '\t';
        line += escapeField(fields[i]);
    }
    return line;
}

} // namespace shmtest::protocol
