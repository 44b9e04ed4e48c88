#include "attachment.h"

#include "errordetail.h"
#include "filedescriptor.h"
#include "namecache.h"
#include "segmentinfo.h"

#include <cerrno>
#include <fcntl.h>
#include <string_view>
#include <sys/mman.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace shm {

Attachment::~Attachment()
{
    release();
}

Attachment::Attachment(Attachment &&other) noexcept
    : m_address(std::exchange(other.m_address, nullptr))
    , m_size(std::exchange(other.m_size, 0))
    , m_shmid(std::exchange(other.m_shmid, -1))
    , m_access(other.m_access)
    , m_fd(std::exchange(other.m_fd, -1))
    , m_path(std::move(other.m_path))
{
}

Attachment &Attachment::operator=(Attachment &&other) noexcept
{
    if (this != &other) {
        release();
        m_address = std::exchange(other.m_address, nullptr);
        m_size = std::exchange(other.m_size, 0);
        m_shmid = std::exchange(other.m_shmid, -1);
        m_access = other.m_access;
        m_fd = std::exchange(other.m_fd, -1);
        m_path = std::move(other.m_path);
    }
    return *this;
}

void Attachment::release()
{
    if (m_fd >= 0) {
        if (m_address)
            ::munmap(m_address, m_size);
        ::close(m_fd);
    } else if (m_address) {
        ::shmdt(m_address);
    }
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

// --- file mappings ---------------------------------------------------------------------------

namespace {

// What of a process a /proc path goes through: /proc/PID/fd/N, /proc/PID/root/... or
// /proc/PID/map_files/START-END (a memfd only mapped). Opening any needs the right to read that
// process (ptrace read), checked on `link`; map_files needs CAP_SYS_ADMIN besides.
struct ProcPath
{
    std::string pid;  // "1234" (self as its number); empty when the path is not one of these
    std::string link; // /proc/PID/fd/N, /proc/PID/root or /proc/PID/map_files/START-END
    std::string fd;   // N of /proc/PID/fd/N, else empty
    std::string mapping; // START-END of map_files, else empty
    bool self = false; // /proc/self/...: this process, which may always read itself
};

bool allDigits(std::string_view text)
{
    return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

ProcPath procPathOf(std::string_view path)
{
    constexpr std::string_view prefix = "/proc/";
    if (path.substr(0, prefix.size()) != prefix)
        return {};
    path.remove_prefix(prefix.size());
    const std::size_t slash = path.find('/');
    if (slash == std::string_view::npos)
        return {};
    const std::string_view pid = path.substr(0, slash);
    if (pid != "self" && !allDigits(pid))
        return {};
    const std::string_view rest = path.substr(slash + 1);
    ProcPath proc;
    if (rest.substr(0, 3) == "fd/" && allDigits(rest.substr(3))) {
        proc.fd = std::string(rest.substr(3));
        proc.link = "/proc/" + std::string(pid) + "/fd/" + proc.fd;
    } else if (rest == "root" || rest.substr(0, 5) == "root/") {
        proc.link = "/proc/" + std::string(pid) + "/root";
    } else if (rest.substr(0, 10) == "map_files/" && rest.size() > 10
               && rest.find('/', 10) == std::string_view::npos) {
        proc.mapping = std::string(rest.substr(10));
        proc.link = "/proc/" + std::string(pid) + "/map_files/" + proc.mapping;
    } else {
        return {};
    }
    // "self" said as the number, as a person reads it in ps.
    proc.self = pid == "self";
    proc.pid = proc.self ? std::to_string(::getpid()) : std::string(pid);
    return proc;
}

// "mode 0600 (rw-------), owner alice (uid 1000), group staff (gid 50)"
Text fileModeText(const struct stat &st)
{
    NameCache names;
    return Text(QT_TRANSLATE_NOOP("shm", "mode %1 (%2), owner %3 (uid %4), group %5 (gid %6)"),
                {value(octalPerms(st.st_mode & 0777)), value(permString(st.st_mode & 0777)),
                 value(names.userName(st.st_uid)), value(st.st_uid),
                 value(names.groupName(st.st_gid)), value(st.st_gid)});
}

Text needText(Access access)
{
    return access == Access::ReadOnly
        ? Text(QT_TRANSLATE_NOOP("shm", "read permission on the file"))
        : Text(QT_TRANSLATE_NOOP("shm", "read and write permission on the file"));
}

// The Error of open(openPath) failing with errnum; `shownPath` is the path the user knows (the
// same, or the original one when the file is opened again through /proc/self/fd).
Error openError(const std::string &call, const std::string &openPath,
                const std::string &shownPath, int errnum, Access access)
{
    const auto refused = [&](Text why) {
        return systemError(call, shownPath, errnum, std::move(why));
    };
    const ProcPath proc = procPathOf(openPath);
    switch (errnum) {
    case ENOENT:
    case ESRCH: {
        struct stat st{};
        if (!proc.pid.empty() && ::stat(("/proc/" + proc.pid).c_str(), &st) != 0)
            return refused(Text(QT_TRANSLATE_NOOP("shm", "process %1 has exited"),
                                {value(proc.pid)}));
        if (!proc.fd.empty())
            return refused(Text(QT_TRANSLATE_NOOP("shm", "process %1 has no descriptor %2 now "
                                                         "(it closed it)"),
                                {value(proc.pid), value(proc.fd)}));
        if (!proc.mapping.empty())
            return refused(Text(QT_TRANSLATE_NOOP("shm", "process %1 has no mapping at %2 now "
                                                         "(it unmapped it)"),
                                {value(proc.pid), value(proc.mapping)}));
        return refused(Text(QT_TRANSLATE_NOOP("shm", "the object was removed (shm_unlink), or "
                                                     "never existed")));
    }
    case EACCES:
    case EPERM: {
        // /proc checks the right to read the process on the link itself: readlink fails as the
        // open did when that is what refused, and succeeds when the file's mode refused.
        char target[1];
        if (!proc.pid.empty() && !proc.self
            && ::readlink(proc.link.c_str(), target, sizeof target) < 0
            && (errno == EACCES || errno == EPERM)) {
            struct stat st{};
            if (::stat(("/proc/" + proc.pid).c_str(), &st) == 0) {
                NameCache names;
                return refused(Text(
                    QT_TRANSLATE_NOOP("shm", "%1 belongs to process %2, and opening it needs "
                                             "the right to read that process (ptrace read: "
                                             "being its user while it is dumpable, or having "
                                             "CAP_SYS_PTRACE); the process runs as %3 (uid "
                                             "%4); you are %5"),
                    {value(proc.link), value(proc.pid), value(names.userName(st.st_uid)),
                     value(st.st_uid), whoAmI()}));
            }
        }
        // map_files is for checkpoint tools: its links open only with CAP_SYS_ADMIN (or
        // CAP_CHECKPOINT_RESTORE), even on this process's own mappings.
        if (!proc.mapping.empty())
            return refused(Text(QT_TRANSLATE_NOOP("shm", "%1 is a mapping of process %2, and "
                                                         "opening one through map_files needs "
                                                         "CAP_SYS_ADMIN (run as root); you are "
                                                         "%3"),
                                {value(proc.link), value(proc.pid), whoAmI()}));
        struct stat st{};
        if (::stat(openPath.c_str(), &st) == 0)
            return refused(Text(QT_TRANSLATE_NOOP("shm", "this needs %1; the file has %2; you "
                                                         "are %3"),
                                {needText(access), fileModeText(st), whoAmI()}));
        return refused(Text(QT_TRANSLATE_NOOP("shm", "this needs %1; you are %2"),
                            {needText(access), whoAmI()}));
    }
    default:
        return systemError(call, shownPath, errnum);
    }
}

// mmap(MAP_SHARED) of `length` bytes of the open file `fd`: the mapping's address.
Result<void *> mapOpened(int fd, const std::string &path, Access access, std::uint64_t length)
{
    const int prot = access == Access::ReadOnly ? PROT_READ : PROT_READ | PROT_WRITE;
    void *mapped = ::mmap(nullptr, std::size_t(length), prot, MAP_SHARED, fd, 0);
    if (mapped != MAP_FAILED)
        return mapped;
    const int saved = errno;
    const char *call = access == Access::ReadOnly ? "mmap PROT_READ" : "mmap PROT_WRITE";
    const int seals = ::fcntl(fd, F_GET_SEALS);
    int writeSeals = F_SEAL_WRITE;
#ifdef F_SEAL_FUTURE_WRITE
    writeSeals |= F_SEAL_FUTURE_WRITE;
#endif
    if ((saved == EPERM || saved == EACCES) && seals > 0 && (seals & writeSeals))
        return systemError(call, path, saved,
                           Text(QT_TRANSLATE_NOOP("shm", "the memfd is sealed against writing "
                                                         "(F_SEAL_WRITE): nobody may map it "
                                                         "read-write, but it can be shown "
                                                         "read-only")));
    if (saved == ENOMEM) {
        Error error = systemError(call, path, saved,
                                  Text(QT_TRANSLATE_NOOP("shm", "the object (%1) does not fit "
                                                                "in this process's free address "
                                                                "space"),
                                       {value(humanSize(length))}));
        error.kind = ErrorKind::LimitReached;
        return error;
    }
    if (saved == ENODEV)
        return systemError(call, path, saved,
                           Text(QT_TRANSLATE_NOOP("shm", "the files of this file system cannot "
                                                         "be mapped")));
    return systemError(call, path, saved);
}

} // namespace

Result<Attachment> Attachment::mapFile(const std::string &path, Access access)
{
    // O_NONBLOCK: a FIFO given by mistake must not hang the open; it is refused below.
    const int flags = (access == Access::ReadOnly ? O_RDONLY : O_RDWR) | O_CLOEXEC | O_NONBLOCK;
    const char *call = access == Access::ReadOnly ? "open O_RDONLY" : "open O_RDWR";
    FileDescriptor fd(::open(path.c_str(), flags));
    if (!fd.isValid())
        return openError(call, path, path, errno, access);
    struct stat st{};
    if (::fstat(fd.get(), &st) != 0)
        return systemError("fstat", path, errno);
    if (!S_ISREG(st.st_mode))
        return inputError("mmap", path,
                          Text(QT_TRANSLATE_NOOP("shm", "This is not a regular file, as a POSIX "
                                                        "object or a memfd is: it cannot be "
                                                        "shown as memory.")));
    if (st.st_size == 0)
        return inputError("mmap", path,
                          Text(QT_TRANSLATE_NOOP("shm", "The object is empty (0 bytes): there "
                                                        "is nothing to show. Open it again once "
                                                        "a program has given it a size "
                                                        "(ftruncate).")),
                          ErrorKind::InvalidState);
    auto mapped = mapOpened(fd.get(), path, access, std::uint64_t(st.st_size));
    if (!mapped)
        return mapped.error();
    Attachment attachment;
    attachment.m_address = *mapped;
    attachment.m_size = std::uint64_t(st.st_size);
    attachment.m_access = access;
    attachment.m_fd = fd.release();
    attachment.m_path = path;
    return attachment;
}

Result<Attachment> Attachment::remapFile(Access access) const
{
    if (m_fd < 0 || !m_address)
        return inputError("mmap", m_path,
                          Text(QT_TRANSLATE_NOOP("shm", "The file is not mapped.")),
                          ErrorKind::InvalidState);
    // Through the held descriptor, not the name: the same file even when the name was
    // unlinked or now names another one. Opening it checks the file's mode again.
    const std::string self = "/proc/self/fd/" + std::to_string(m_fd);
    const int flags = (access == Access::ReadOnly ? O_RDONLY : O_RDWR) | O_CLOEXEC;
    const char *call = access == Access::ReadOnly ? "open O_RDONLY" : "open O_RDWR";
    FileDescriptor fd(::open(self.c_str(), flags));
    if (!fd.isValid())
        return openError(call, self, m_path, errno, access);
    // The same length as this mapping, whatever the size is now: the view's offsets and the
    // watcher's copy stay as they are, and pages past the end read as unreadable.
    auto mapped = mapOpened(fd.get(), m_path, access, m_size);
    if (!mapped)
        return mapped.error();
    Attachment attachment;
    attachment.m_address = *mapped;
    attachment.m_size = m_size;
    attachment.m_access = access;
    attachment.m_fd = fd.release();
    attachment.m_path = m_path;
    return attachment;
}

Result<std::uint64_t> Attachment::fileSize() const
{
    struct stat st{};
    if (m_fd < 0 || ::fstat(m_fd, &st) != 0)
        return systemError("fstat", m_path, m_fd < 0 ? EBADF : errno);
    return std::uint64_t(st.st_size);
}

Result<void> Attachment::detach()
{
    if (!m_address)
        return inputError("shmdt", shmidTarget(m_shmid),
                          Text(QT_TRANSLATE_NOOP("shm", "The segment is not attached.")),
                          ErrorKind::InvalidState);
    if (m_fd >= 0) {
        void *address = std::exchange(m_address, nullptr);
        const std::uint64_t length = std::exchange(m_size, 0);
        const int fd = std::exchange(m_fd, -1);
        const int unmapped = ::munmap(address, length);
        const int saved = errno;
        ::close(fd);
        if (unmapped == 0)
            return {};
        return systemError("munmap", m_path, saved);
    }
    void *address = std::exchange(m_address, nullptr);
    m_size = 0;
    if (::shmdt(address) == 0)
        return {};
    return systemError("shmdt", shmidTarget(m_shmid), errno);
}

} // namespace shm
