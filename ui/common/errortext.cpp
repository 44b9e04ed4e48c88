#include "ui/common/errortext.h"

#include <QCoreApplication>

namespace errortext {

namespace {

// glibc's descriptions of the errors the core's calls report (strerrordesc_np), so that
// lupdate puts them in the catalogue; the core passes them on untranslated.
[[maybe_unused]] const char *const errnoDescriptions[] = {
    QT_TRANSLATE_NOOP("shm", "Operation not permitted"),
    QT_TRANSLATE_NOOP("shm", "No such file or directory"),
    QT_TRANSLATE_NOOP("shm", "No such process"),
    QT_TRANSLATE_NOOP("shm", "Interrupted system call"),
    QT_TRANSLATE_NOOP("shm", "Input/output error"),
    QT_TRANSLATE_NOOP("shm", "Argument list too long"),
    QT_TRANSLATE_NOOP("shm", "Bad file descriptor"),
    QT_TRANSLATE_NOOP("shm", "No child processes"),
    QT_TRANSLATE_NOOP("shm", "Resource temporarily unavailable"),
    QT_TRANSLATE_NOOP("shm", "Cannot allocate memory"),
    QT_TRANSLATE_NOOP("shm", "Permission denied"),
    QT_TRANSLATE_NOOP("shm", "Bad address"),
    QT_TRANSLATE_NOOP("shm", "File exists"),
    QT_TRANSLATE_NOOP("shm", "Not a directory"),
    QT_TRANSLATE_NOOP("shm", "Is a directory"),
    QT_TRANSLATE_NOOP("shm", "Invalid argument"),
    QT_TRANSLATE_NOOP("shm", "Too many open files in system"),
    QT_TRANSLATE_NOOP("shm", "Too many open files"),
    QT_TRANSLATE_NOOP("shm", "No space left on device"),
    QT_TRANSLATE_NOOP("shm", "Broken pipe"),
    QT_TRANSLATE_NOOP("shm", "Numerical result out of range"),
    QT_TRANSLATE_NOOP("shm", "File name too long"),
    QT_TRANSLATE_NOOP("shm", "Function not implemented"),
    QT_TRANSLATE_NOOP("shm", "Too many levels of symbolic links"),
    QT_TRANSLATE_NOOP("shm", "Identifier removed"),
    QT_TRANSLATE_NOOP("shm", "Value too large for defined data type"),
    QT_TRANSLATE_NOOP("shm", "Connection reset by peer"),
    QT_TRANSLATE_NOOP("shm", "Connection timed out"),
};

} // namespace

QString translated(const shm::Text &text)
{
    const QString source = text.translatable
        ? QCoreApplication::translate("shm", text.source.c_str())
        : QString::fromStdString(text.source);
    if (text.args.empty())
        return source;
    std::vector<std::string> values;
    values.reserve(text.args.size());
    for (const shm::Text &arg : text.args)
        values.push_back(translated(arg).toStdString());
    return QString::fromStdString(shm::fillPlaceholders(source.toStdString(), values));
}

QString message(const shm::Error &error)
{
    return translated(error.text);
}

QString describe(const shm::Error &error)
{
    return translated(error.describeText());
}

} // namespace errortext
