// libFuzzer target: the language decision (core/language.h) on any command line and any locale
// variables (LC_ALL, LC_MESSAGES, LANG, LANGUAGE). Properties: the first --lang VALUE or
// --lang=VALUE decides when it names a language shmscope speaks, and is reported as unknown,
// exactly as typed, when it does not; without --lang the locale decides.

#include "core/language.h"
#include "fuzzcheck.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

namespace {

constexpr std::array<const char *, 4> Names{"LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"};
std::array<std::optional<std::string>, 4> g_environment;

const char *lookup(const char *name)
{
    for (std::size_t i = 0; i < Names.size(); ++i) {
        if (std::strcmp(name, Names[i]) == 0)
            return g_environment[i] ? g_environment[i]->c_str() : nullptr;
    }
    return nullptr;
}

using fuzzcheck::check;

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    FuzzedDataProvider input(data, size);
    for (auto &variable : g_environment) {
        variable.reset();
        if (input.ConsumeBool())
            variable = input.ConsumeRandomLengthString(64).c_str();
    }
    std::vector<std::string> words{"shmscope"};
    const int count = input.ConsumeIntegralInRange(0, 6);
    for (int i = 0; i < count; ++i)
        words.push_back(input.ConsumeRandomLengthString(64).c_str());
    std::vector<const char *> argv;
    for (const std::string &word : words)
        argv.push_back(word.c_str());
    argv.push_back(nullptr);

    const shm::LanguageChoice choice = shm::chooseLanguage(int(words.size()), argv.data(), lookup);
    const shm::Language locale = shm::localeLanguage(lookup);

    std::optional<std::string> asked; // the first --lang's value, as the parser takes it
    for (std::size_t i = 1; i < words.size() && !asked; ++i) {
        if (words[i] == "--lang" && i + 1 < words.size())
            asked = words[i + 1];
        else if (words[i].rfind("--lang=", 0) == 0)
            asked = words[i].substr(7);
    }
    if (!asked) {
        check(!choice.requested && choice.unknown.empty(), "no --lang, nothing requested");
        check(choice.language == locale, "without --lang the locale decides");
    } else if (auto named = shm::languageNamed(*asked)) {
        check(choice.requested && choice.language == *named, "--lang decides");
    } else {
        check(!choice.requested && choice.unknown == *asked, "an unknown --lang is kept as typed");
        check(choice.language == locale, "an unknown --lang is refused in the locale's language");
    }
    return 0;
}
