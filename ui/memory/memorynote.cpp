#include "ui/memory/memorynote.h"

#include "ui/common/plural.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

namespace memorynote {

QString text(const Facts &facts)
{
    QStringList parts;
    // First: it says why rows show ?? and what the view no longer shows.
    if (facts.file && facts.fileBytes < facts.mappedBytes)
        parts << QCoreApplication::translate(
                     "MemoryNote",
                     "The object shrank to %L1 bytes while it is shown: the bytes past it are "
                     "gone (shown as ?\?), and writing there fails.",
                     nullptr, plural::count(facts.fileBytes))
                     .arg(facts.fileBytes);
    else if (facts.file && facts.fileBytes > facts.mappedBytes)
        parts << QCoreApplication::translate(
                     "MemoryNote",
                     "The object grew to %L1 bytes: this view shows its first %L2 bytes; open "
                     "it again to see the rest.",
                     nullptr, plural::count(facts.mappedBytes))
                     .arg(facts.fileBytes)
                     .arg(facts.mappedBytes);
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
