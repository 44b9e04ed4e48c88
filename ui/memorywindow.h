#pragma once

// A top-level window showing one attached segment's memory (hex view, inspector, find...).
// STUB: owned by the memory-view work (issue 4); keep this factory's signature.

#include "core/attachment.h"

#include <QMainWindow>

class MemoryWindow : public QMainWindow
{
    Q_OBJECT
public:
    // Attaches shmid (read-only or read-write) and returns a new window (WA_DeleteOnClose), or
    // nullptr with a readable *errorMessage when the attach fails.
    static MemoryWindow *open(int shmid, shm::Access access, QString *errorMessage,
                              QWidget *parent = nullptr);

private:
    explicit MemoryWindow(shm::Attachment attachment, QWidget *parent);
    shm::Attachment m_attachment;
};
