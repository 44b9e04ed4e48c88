#pragma once

// Sentences for people, translatable without Qt in the core. A Text is an English sentence
// with %1..%9 placeholders and the values for them. The core and the command line show
// english(); the GUI looks `source` up in its catalogue (context "shm") and fills in the
// translated arguments, so an error reads in the user's language.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

// Marks a core sentence for lupdate, which collects QT_TRANSLATE_NOOP("shm", "...") from the
// core's sources; it expands to the text itself (the same definition as Qt's, so including both
// is harmless).
#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(scope, x) x
#endif

namespace shm {

struct Text
{
    std::string source;      // English; %1..%9 stand for args
    std::vector<Text> args;  // each a sentence or a value
    bool translatable = false;

    Text() = default;
    // A sentence: `source` comes from QT_TRANSLATE_NOOP("shm", ...).
    Text(const char *sentence, std::vector<Text> arguments = {})
        : source(sentence), args(std::move(arguments)), translatable(true)
    {
    }

    bool empty() const { return source.empty(); }
    // The sentence in English, placeholders filled in (in one pass: a value that contains "%2"
    // stays as it is).
    std::string english() const;
};

// `pattern` with %1..%9 replaced by values[0..8], in one pass (a value holding "%2" stays as
// it is); a placeholder without a value is left as it is. Shared by english() and the ui's
// translation.
std::string fillPlaceholders(std::string_view pattern, const std::vector<std::string> &values);

// A value shown as it is, never translated: a name, a path, what the user typed.
Text value(std::string text);
Text value(std::int64_t number);

} // namespace shm
