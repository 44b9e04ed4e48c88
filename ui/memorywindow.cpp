#include "memorywindow.h"

#include <QLabel>

MemoryWindow *MemoryWindow::open(int shmid, shm::Access access, QString *errorMessage,
                                 QWidget *parent)
{
    auto attached = shm::Attachment::attach(shmid, access);
    if (!attached) {
        if (errorMessage)
            *errorMessage = QString::fromStdString(attached.error().describe());
        return nullptr;
    }
    return new MemoryWindow(std::move(attached.value()), parent);
}

MemoryWindow::MemoryWindow(shm::Attachment attachment, QWidget *parent)
    : QMainWindow(parent)
    , m_attachment(std::move(attachment))
{
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("shmid %1").arg(m_attachment.shmid()));
    setCentralWidget(new QLabel(tr("%1 bytes at 0x%2")
                                    .arg(m_attachment.size())
                                    .arg(m_attachment.address(), 0, 16)));
}
