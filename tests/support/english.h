#pragma once

// The program speaks English with its plural catalogue installed (":/i18n/shmscope_en.qm",
// "1 segment", "3 segments"); tests that check English sentences with counts install it too,
// and set an English locale so that numbers read "4,096" whatever the runner's locale. The test
// links shmresources.

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

namespace shmtest {

// False if the catalogue is not built into the test.
inline bool speakEnglish()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    auto *plurals = new QTranslator(QCoreApplication::instance());
    if (!plurals->load(QStringLiteral(":/i18n/shmscope_en.qm")))
        return false;
    return QCoreApplication::installTranslator(plurals);
}

} // namespace shmtest
