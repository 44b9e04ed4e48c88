#pragma once

// The note under the memory view's header on how the segment's memory is read: pages on swap,
// huge pages not mapped here, pages on screen that cannot be read. No widgets: the view puts
// the text in a label.

#include <QString>
#include <QtGlobal>

namespace memorynote {

struct Facts
{
    quint64 swappedBytes = 0;   // the segment's swap, from /proc/sysvipc/shm
    bool hugeTlb = false;       // backed by huge pages (MemoryAccess::isHugeTlb)
    bool unreadableShown = false; // the rows on screen hold unreadable pages
    QString unreadableWhy;      // why (shm::faultText), when unreadableShown
};

// The note's text, "" when there is nothing to say.
QString text(const Facts &facts);

} // namespace memorynote
