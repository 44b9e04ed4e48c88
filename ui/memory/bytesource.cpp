#include "ui/memory/bytesource.h"

#include "ui/common/errortext.h"

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
    std::memcpy(dest, constData() + offset, n);
    return n;
}

bool ByteSource::write(quint64 offset, const std::byte *src, quint64 count)
{
    std::byte *target = mutableData();
    if (!target || !contains(offset, count))
        return false;
    if (count == 0)
        return true;
    std::memcpy(target + offset, src, count);
    emit bytesWritten(offset, count);
    return true;
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
{
}

bool AttachmentByteSource::reattach(shm::Access access, QString *errorMessage)
{
    if (m_attachment.access() == access && m_attachment.isValid())
        return true;
    auto fresh = shm::Attachment::attach(m_attachment.shmid(), access);
    if (!fresh) {
        if (errorMessage)
            *errorMessage = errortext::describe(fresh.error());
        return false;
    }
    m_attachment = std::move(fresh.value()); // the old mapping is detached by the move
    emit reattached();
    return true;
}
