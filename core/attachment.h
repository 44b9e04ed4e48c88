#pragma once

// A shmat() attachment, or a MAP_SHARED mapping of a file (a POSIX object, a memfd): move-only;
// starts invalid; detaches (shmdt, or munmap and close) in its destructor. It never removes the
// segment or the file.

#include "result.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace shm {

enum class Access { ReadOnly, ReadWrite };

class Attachment
{
public:
    Attachment() = default;
    ~Attachment();
    Attachment(Attachment &&other) noexcept;
    Attachment &operator=(Attachment &&other) noexcept;
    Attachment(const Attachment &) = delete;
    Attachment &operator=(const Attachment &) = delete;

    // shmat(shmid, hint, SHM_RDONLY if ReadOnly | SHM_RND if hint). The size comes from IPC_STAT.
    // A refused attach explains the segment's mode and owner and who we are.
    static Result<Attachment> attach(int shmid, Access access = Access::ReadOnly,
                                     const void *addressHint = nullptr);
    // open(path, O_RDONLY or O_RDWR), fstat, mmap(MAP_SHARED) over the file's size now, the
    // descriptor kept (so the mapping outlives the name: an object unlinked, a memfd's holder
    // gone). `path` is a POSIX object (/dev/shm/NAME, /proc/PID/root/dev/shm/NAME) or a memfd
    // (/proc/PID/fd/N, or /proc/PID/map_files/START-END). A refusal says why: no such file,
    // process, descriptor or mapping, the file's mode and owner and who we are, the right to
    // read another process (ptrace read) that /proc/PID/fd needs, CAP_SYS_ADMIN for map_files,
    // a seal against writing; an empty file (nothing to map) is refused (InvalidState).
    static Result<Attachment> mapFile(const std::string &path, Access access = Access::ReadOnly);
    // The same file again with `access`, opened through /proc/self/fd/N of the held descriptor
    // (it works after the name was unlinked), mapped over the same length as this one (size()),
    // whatever the file's size is now. Precondition: isFile().
    Result<Attachment> remapFile(Access access) const;

    bool isValid() const { return m_address != nullptr; }
    // -1 for a file mapping.
    int shmid() const { return m_shmid; }
    // A file mapping (mapFile): its path as given, and its descriptor (-1 for a segment).
    bool isFile() const { return m_fd >= 0; }
    const std::string &path() const { return m_path; }
    int fileDescriptor() const { return m_fd; }
    // The file's size now (fstat of the held descriptor): another process may have truncated
    // or grown it since it was mapped; size() stays the mapping's length. Precondition: isFile().
    Result<std::uint64_t> fileSize() const;
    std::uint64_t size() const { return m_size; }
    Access access() const { return m_access; }
    bool isReadOnly() const { return m_access == Access::ReadOnly; }
    const std::byte *data() const { return static_cast<const std::byte *>(m_address); }
    // nullptr for a read-only attachment: it can never be written through.
    std::byte *writableData() const
    {
        return m_access == Access::ReadWrite ? static_cast<std::byte *>(m_address) : nullptr;
    }
    std::uintptr_t address() const { return reinterpret_cast<std::uintptr_t>(m_address); }

    // shmdt (a file: munmap, then close). The attachment is invalid afterwards, whatever the
    // result.
    Result<void> detach();

private:
    // Undoes what attach or mapFile did; the members are left as they are.
    void release();

    void *m_address = nullptr;
    std::uint64_t m_size = 0;
    int m_shmid = -1;
    Access m_access = Access::ReadOnly;
    int m_fd = -1; // a file mapping's descriptor
    std::string m_path;
};

} // namespace shm
