#include "language.h"

#include <atomic>
#include <cstdlib>
#include <cstring>

namespace shm {

namespace {

std::atomic<Language> g_displayLanguage{Language::English};

// The language part of a locale or LANGUAGE entry: "fr" of "fr_CA.UTF-8@euro".
std::string_view languagePart(std::string_view entry)
{
    return entry.substr(0, entry.find_first_of("_.@"));
}

} // namespace

const char *languageCode(Language language)
{
    return language == Language::French ? "fr" : "en";
}

std::optional<Language> languageNamed(std::string_view code)
{
    if (code == "en")
        return Language::English;
    if (code == "fr")
        return Language::French;
    return std::nullopt;
}

const char *processEnvironment(const char *name)
{
    return std::getenv(name);
}

Language localeLanguage(EnvironmentLookup lookup)
{
    std::string_view locale;
    for (const char *variable : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char *value = lookup(variable);
        if (value && *value) {
            locale = value;
            break;
        }
    }
    const std::string_view language = languagePart(locale);
    // gettext ignores LANGUAGE in the C locale: the program then speaks its source language.
    if (language.empty() || language == "C" || language == "POSIX")
        return Language::English;
    const char *list = lookup("LANGUAGE");
    if (!list || !*list)
        return languageNamed(language).value_or(Language::English);
    std::string_view rest = list;
    while (true) {
        const std::size_t end = rest.find(':');
        if (auto known = languageNamed(languagePart(rest.substr(0, end))))
            return *known;
        if (end == std::string_view::npos)
            return Language::English;
        rest.remove_prefix(end + 1);
    }
}

LanguageChoice chooseLanguage(int argc, const char *const *argv, EnvironmentLookup lookup)
{
    for (int i = 1; i < argc; ++i) {
        std::string_view value;
        if (std::strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
            value = argv[i + 1];
        else if (std::strncmp(argv[i], "--lang=", 7) == 0)
            value = argv[i] + 7;
        else
            continue;
        if (auto known = languageNamed(value))
            return {*known, true, {}};
        return {localeLanguage(lookup), false, std::string(value)};
    }
    return {localeLanguage(lookup), false, {}};
}

void setDisplayLanguage(Language language)
{
    g_displayLanguage.store(language, std::memory_order_relaxed);
}

Language displayLanguage()
{
    return g_displayLanguage.load(std::memory_order_relaxed);
}

} // namespace shm
