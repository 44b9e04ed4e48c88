#pragma once

// The bytes a HexView shows: a tiny interface over contiguous memory (an attached segment, or a
// plain buffer in tests and benchmarks). Reads and writes are bounds-checked; a read-only source
// never writes. Edits go through a ByteEditor (byteeditor.h), which checks and words a refusal
// before it writes here.

#include "core/attachment.h"
#include "core/memoryaccess.h"
#include "core/result.h"

#include <QObject>

#include <cstddef>
#include <vector>

class ByteSource : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual quint64 size() const = 0;
    virtual bool isWritable() const = 0;
    // The first byte of the contiguous memory (valid for size() bytes). May change when the
    // source is re-attached (see reattached()). Never read it directly: a read may fault or
    // allocate untouched pages; read through memoryAccess().
    virtual const std::byte *constData() const = 0;
    // The one way to the memory (core/memoryaccess.h): faults caught, untouched pages given as
    // zeros without reading them. A copy: valid until reattached().
    virtual shm::MemoryAccess memoryAccess() const = 0;

    // Copies up to `count` bytes from `offset` into dest through memoryAccess() (what the user
    // asked for: Reach::AsNeeded); returns how many were copied (0 past the end). An unreadable
    // page reads as zeros; readReport() says which.
    quint64 read(quint64 offset, std::byte *dest, quint64 count) const;
    // The same, saying what was not read from memory and why.
    shm::MemoryAccess::ReadReport readReport(
        quint64 offset, std::byte *dest, quint64 count,
        shm::MemoryAccess::Reach reach = shm::MemoryAccess::Reach::AsNeeded) const;
    // Writes all `count` bytes at `offset`, or nothing: an error (checkWrite's) when the source
    // is read-only or the range does not fit. Emits bytesWritten on success.
    shm::Result<void> write(quint64 offset, const std::byte *src, quint64 count);
    // Whether `count` bytes at `offset` could be written now, and if not, why (read-only, or
    // how many bytes fit before the end).
    shm::Result<void> checkWrite(quint64 offset, quint64 count) const;
    // True when offset + count <= size() (overflow-safe).
    bool contains(quint64 offset, quint64 count) const;

signals:
    // Just before write() writes (from the thread that writes): a change tracker running in
    // another thread must not take what follows for another process's change.
    void aboutToWrite(quint64 offset, quint64 count);
    // After write() wrote (also when it faulted part-way).
    void bytesWritten(quint64 offset, quint64 count);
    // A re-attach is about to detach the old mapping: work on memoryAccess() in other threads
    // stops now (the new mapping comes with reattached()).
    void aboutToReattach();
    // The memory moved or changed mode (re-attach): pointers from constData() are stale.
    void reattached();

protected:
    // Non-null only when writable.
    virtual std::byte *mutableData() = 0;
};

// A source over a caller-owned buffer (tests, benchmarks). The buffer must outlive the source.
class BufferByteSource : public ByteSource
{
    Q_OBJECT
public:
    BufferByteSource(std::byte *data, quint64 size, bool writable, QObject *parent = nullptr);
    // Owns a zeroed buffer of `size` bytes.
    explicit BufferByteSource(quint64 size, bool writable = true, QObject *parent = nullptr);

    quint64 size() const override { return m_size; }
    bool isWritable() const override { return m_writable; }
    const std::byte *constData() const override { return m_data; }
    shm::MemoryAccess memoryAccess() const override { return shm::MemoryAccess(m_data, m_size); }
    void setWritable(bool writable) { m_writable = writable; }

protected:
    std::byte *mutableData() override { return m_writable ? m_data : nullptr; }

private:
    std::vector<std::byte> m_owned;
    std::byte *m_data = nullptr;
    quint64 m_size = 0;
    bool m_writable = false;
};

// A source over an attached segment or a mapped file; it owns the attachment (shmdt, or munmap,
// when destroyed).
class AttachmentByteSource : public ByteSource
{
    Q_OBJECT
public:
    explicit AttachmentByteSource(shm::Attachment attachment, QObject *parent = nullptr);

    quint64 size() const override { return m_attachment.size(); }
    bool isWritable() const override { return m_attachment.writableData() != nullptr; }
    const std::byte *constData() const override { return m_attachment.data(); }
    shm::MemoryAccess memoryAccess() const override { return m_access; }
    const shm::Attachment &attachment() const { return m_attachment; }
    // The segment's swapped bytes (from /proc/sysvipc/shm): with some, pages that are not
    // resident may be on swap, so they are no longer taken for untouched zeros.
    void setSwappedBytes(quint64 bytes) { m_access.setSwappedBytes(bytes); }

    // Attaches the same shmid again with `access` (a file: maps it again, the same length,
    // through its held descriptor) and, on success, detaches the old mapping. On failure
    // nothing changes and the error (the attach's or the open's) says why.
    shm::Result<void> reattach(shm::Access access);

protected:
    std::byte *mutableData() override { return m_attachment.writableData(); }

private:
    shm::Attachment m_attachment;
    shm::MemoryAccess m_access;
};
