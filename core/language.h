#pragma once

// The language shmscope speaks, decided in one place for both programs (the display-free
// `shmscope` and `shmscope-gui`): --lang fr|en, else the user's locale as gettext reads it.
// No Qt, so both decide alike.

#include <optional>
#include <string>
#include <string_view>

namespace shm {

enum class Language { English, French };

// "en" or "fr".
const char *languageCode(Language language);

// The language a --lang value names ("en", "fr"), or nullopt for any other.
std::optional<Language> languageNamed(std::string_view code);

// How a variable of the environment is read: processEnvironment, or a test's own table.
using EnvironmentLookup = const char *(*)(const char *name);
// std::getenv.
const char *processEnvironment(const char *name);

// The user's language from the locale, as gettext picks the catalogue: the locale is the first
// non-empty of LC_ALL, LC_MESSAGES and LANG; none, "C" or "POSIX" means English. Otherwise
// LANGUAGE, when set, is a list ("de:fr:en") and its first language shmscope speaks wins
// (English if none); without LANGUAGE the locale's own language ("fr_CA.UTF-8": French).
Language localeLanguage(EnvironmentLookup lookup = processEnvironment);

struct LanguageChoice
{
    Language language = Language::English;
    bool requested = false; // asked with --lang
    std::string unknown;    // a --lang value shmscope does not speak ("de"); language is then
                            // the locale's, to refuse it in
};

// The language for this run: the first --lang VALUE or --lang=VALUE of the command line, else
// localeLanguage(lookup).
LanguageChoice chooseLanguage(int argc, const char *const *argv,
                              EnvironmentLookup lookup = processEnvironment);

// The language of the text the core formats for people (humanSize). Set once by the program
// after choosing it; English until then.
void setDisplayLanguage(Language language);
Language displayLanguage();

} // namespace shm
