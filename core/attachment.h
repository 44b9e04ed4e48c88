#pragma once

// A shmat() attachment: move-only; starts invalid; detaches (shmdt) in its destructor.
// It never removes the segment.

#include "result.h"

#include <cstddef>
#include <cstdint>

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

    bool isValid() const { return m_address != nullptr; }
    int shmid() const { return m_shmid; }
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

    // shmdt. The attachment is invalid afterwards, whatever the result.
    Result<void> detach();

private:
    void *m_address = nullptr;
    std::uint64_t m_size = 0;
    int m_shmid = -1;
    Access m_access = Access::ReadOnly;
};

} // namespace shm
