#pragma once

// The keyboard mnemonics of a menu or button text: each character after a single '&' ("&&" is a
// literal ampersand, "& " marks nothing), lower case, in order.

#include <QChar>
#include <QList>
#include <QString>

namespace shmtest {

inline QList<QChar> mnemonicsOf(const QString &text)
{
    QList<QChar> keys;
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != QLatin1Char('&'))
            continue;
        if (text[i + 1] == QLatin1Char('&')) {
            ++i;
            continue;
        }
        if (!text[i + 1].isSpace())
            keys.append(text[i + 1].toLower());
    }
    return keys;
}

} // namespace shmtest
