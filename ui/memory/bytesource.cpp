#include "ui/memory/bytesource.h"

#include "ui/memory/byteeditor.h"

#include <csignal>
#include <cstring>

bool ByteSource::contains(quint64 offset, quint64 count) const
{
    const quint64 total = size();
    return offset <= total && count <= total - offset;
}

quint64 ByteSource::read(quint64 offset, std::byte *dest, quint64 count) const
{
    const quint64 total = size();
    if (offset >= total || count == 0)
        return 0;
    const quint64 n = std::min(count, total - offset);
    readReport(offset, dest, n);
    return n;
}

shm::MemoryAccess::ReadReport ByteSource::readReport(quint64 offset, std::byte *dest,
                                                     quint64 count,
                                                     shm::MemoryAccess::Reach reach) const
{
    return memoryAccess().read(offset, dest, count, reach);
}

shm::Result<void> ByteSource::checkWrite(quint64 offset, quint64 count) const
{
    if (!isWritable())
        return ByteEditor::readOnlyError();
    if (!contains(offset, count))
        return ByteEditor::rangeError(offset, count, size());
    return {};
}

shm::Result<void> ByteSource::write(quint64 offset, const std::byte *src, quint64 count)
{
    std::byte *target = mutableData();
    if (auto allowed = checkWrite(offset, count); !allowed || !target)
        return allowed ? ByteEditor::readOnlyError() : allowed;
    if (count == 0)
        return {};
    emit aboutToWrite(offset, count);
    // A page may fault when written too (a huge page no free one can back): caught, said.
    int signal = 0;
    if (!shm::guarded([&] { std::memcpy(target + offset, src, count); }, &signal)) {
        emit bytesWritten(offset, count); // some of them may have been written
        if (signal == SIGBUS && memoryAccess().isFile())
            return refusal("write", QStringLiteral("offset 0x%1").arg(offset, 0, 16),
                           ByteEditor::tr("Writing at 0x%1 raised SIGBUS: the file ends before "
                                          "it now (another process truncated it while it was "
                                          "mapped), so these bytes are gone. Some of the bytes "
                                          "before the end may have been written.")
                               .arg(offset, 0, 16));
        return refusal("write", QStringLiteral("offset 0x%1").arg(offset, 0, 16),
                       ByteEditor::tr("Writing at 0x%1 raised %2: the memory behind this page "
                                      "cannot be backed (no free huge page, or the mapping is "
                                      "gone). Some of the bytes may have been written.")
                           .arg(offset, 0, 16)
                           .arg(signal == SIGBUS ? QStringLiteral("SIGBUS")
                                                 : QStringLiteral("SIGSEGV")));
    }
    emit bytesWritten(offset, count);
    return {};
}

BufferByteSource::BufferByteSource(std::byte *data, quint64 size, bool writable, QObject *parent)
    : ByteSource(parent)
    , m_data(data)
    , m_size(size)
    , m_writable(writable)
{
}

BufferByteSource::BufferByteSource(quint64 size, bool writable, QObject *parent)
    : ByteSource(parent)
    , m_owned(size)
    , m_data(m_owned.data())
    , m_size(size)
    , m_writable(writable)
{
}

AttachmentByteSource::AttachmentByteSource(shm::Attachment attachment, QObject *parent)
    : ByteSource(parent)
    , m_attachment(std::move(attachment))
    , m_access(shm::MemoryAccess::forAttachment(m_attachment))
{
}

shm::Result<void> AttachmentByteSource::reattach(shm::Access access)
{
    if (m_attachment.access() == access && m_attachment.isValid())
        return {};
    auto fresh = m_attachment.isFile() ? m_attachment.remapFile(access)
                                       : shm::Attachment::attach(m_attachment.shmid(), access);
    if (!fresh)
        return fresh.error();
    emit aboutToReattach();
    m_attachment = std::move(fresh.value()); // the old mapping is detached by the move
    const quint64 swapped = m_access.swappedBytes();
    m_access = shm::MemoryAccess::forAttachment(m_attachment);
    m_access.setSwappedBytes(swapped);
    emit reattached();
    return {};
}
