#include "ui/memory/memorynote.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

namespace memorynote {

QString text(const Facts &facts)
{
    QStringList parts;
    if (facts.swappedBytes > 0)
        parts << QCoreApplication::translate("MemoryNote", "%1 KiB of this segment are on swap: pages not in memory are read only when "
                    "shown.")
                     .arg(QLocale().toString(facts.swappedBytes / 1024));
    if (facts.hugeTlb)
        parts << QCoreApplication::translate("MemoryNote", "Huge pages: pages not yet mapped here are read only when shown; reading one "
                    "that nobody has used takes a free huge page, or faults when none is left.");
    if (facts.unreadableShown)
        parts << QCoreApplication::translate("MemoryNote", "Rows shown as ?? could not be read: %1").arg(facts.unreadableWhy);
    return parts.join(QLatin1Char(' '));
}

} // namespace memorynote
