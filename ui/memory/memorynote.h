#pragma once

// The note under the memory view's header on how the segment's memory is read: pages on swap,
// huge pages not mapped here, pages on screen that cannot be read, a mapped file that shrank or
// grew since it was mapped. No widgets: the view puts the text in a label.

#include <QString>
#include <QtGlobal>

namespace memorynote {

struct Facts
{
    quint64 swappedBytes = 0;   // the segment's swap, from /proc/sysvipc/shm
    bool hugeTlb = false;       // backed by huge pages (MemoryAccess::isHugeTlb)
    bool unreadableShown = false; // the rows on screen hold unreadable pages
    QString unreadableWhy;      // why (shm::faultText), when unreadableShown
    // A mapped file (a POSIX object, a memfd): its size may change under the mapping.
    bool file = false;
    quint64 mappedBytes = 0;    // the mapping's length: what the view shows
    quint64 fileBytes = 0;      // the file's size now (fstat of the held descriptor)
};

// The note's text, "" when there is nothing to say.
QString text(const Facts &facts);

} // namespace memorynote
