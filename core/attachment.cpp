#include "attachment.h"

#include "errordetail.h"

#include <cerrno>
#include <sys/shm.h>
#include <utility>

namespace shm {

Attachment::~Attachment()
{
    if (m_address)
        ::shmdt(m_address);
}

Attachment::Attachment(Attachment &&other) noexcept
    : m_address(std::exchange(other.m_address, nullptr))
    , m_size(std::exchange(other.m_size, 0))
    , m_shmid(std::exchange(other.m_shmid, -1))
    , m_access(other.m_access)
{
}

Attachment &Attachment::operator=(Attachment &&other) noexcept
{
    if (this != &other) {
        if (m_address)
            ::shmdt(m_address);
        m_address = std::exchange(other.m_address, nullptr);
        m_size = std::exchange(other.m_size, 0);
        m_shmid = std::exchange(other.m_shmid, -1);
        m_access = other.m_access;
    }
    return *this;
}

Result<Attachment> Attachment::attach(int shmid, Access access, const void *addressHint)
{
    int flags = access == Access::ReadOnly ? SHM_RDONLY : 0;
    if (addressHint)
        flags |= SHM_RND;
    const Text need = access == Access::ReadOnly
        ? Text(QT_TRANSLATE_NOOP("shm", "read permission"))
        : Text(QT_TRANSLATE_NOOP("shm", "read and write permission"));
    void *address = ::shmat(shmid, addressHint, flags);
    if (address == reinterpret_cast<void *>(-1)) {
        const int saved = errno;
        const char *call = access == Access::ReadOnly ? "shmat SHM_RDONLY" : "shmat";
        // ENOMEM: no room for the segment's size among this process's mappings (or under
        // RLIMIT_AS). The kernel checks permission before that, so IPC_STAT may read the size.
        shmid_ds ds{};
        if (saved == ENOMEM && ::shmctl(shmid, IPC_STAT, &ds) == 0)
            return addressSpaceError(call, shmid, ds.shm_segsz, saved);
        return segmentCallError(call, shmid, saved, need);
    }
    // The size from IPC_STAT; the attach above proved we may read it.
    shmid_ds ds{};
    if (::shmctl(shmid, IPC_STAT, &ds) != 0) {
        int saved = errno;
        ::shmdt(address);
        return segmentCallError("shmctl IPC_STAT", shmid, saved, need);
    }
    Attachment attachment;
    attachment.m_address = address;
    attachment.m_size = ds.shm_segsz;
    attachment.m_shmid = shmid;
    attachment.m_access = access;
    return attachment;
}

Result<void> Attachment::detach()
{
    if (!m_address)
        return inputError("shmdt", shmidTarget(m_shmid),
                          Text(QT_TRANSLATE_NOOP("shm", "The segment is not attached.")),
                          ErrorKind::InvalidState);
    void *address = std::exchange(m_address, nullptr);
    m_size = 0;
    if (::shmdt(address) == 0)
        return {};
    return systemError("shmdt", shmidTarget(m_shmid), errno);
}

} // namespace shm
