#pragma once

// The core's errors in the user's language: the core keeps each sentence as an English
// template with its values (shm::Text); these look the template up in the catalogue (context
// "shm") and fill in the translated values.

#include "core/result.h"

#include <QString>

namespace errortext {

// `text` translated, placeholders filled in.
QString translated(const shm::Text &text);
// The error's sentence ("Permission denied: this needs ...").
QString message(const shm::Error &error);
// "shmat(shmid 32769): <sentence>", as shm::Error::describe() but translated.
QString describe(const shm::Error &error);

} // namespace errortext
