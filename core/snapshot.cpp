#include "snapshot.h"

#include "filedescriptor.h"
#include "fileread.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <string_view>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace shm {

namespace {

// Written per step: progress and cancel are looked at this often.
constexpr std::uint64_t Chunk = std::uint64_t(8) << 20;

// The umask, without changing it (umask() sets it, racing other threads creating files).
mode_t currentUmask()
{
    if (const auto status = readWholeFile("/proc/self/status")) {
        const std::size_t at = status->find("Umask:");
        if (at != std::string::npos)
            return mode_t(std::strtoul(status->c_str() + at + 6, nullptr, 8));
    }
    return 022;
}

std::string directoryOf(const std::string &path)
{
    const std::size_t slash = path.rfind('/');
    if (slash == std::string::npos)
        return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

// Writes all of [data, data + n) at `at` (or at the current position when `at` is negative);
// returns 0 or the errno.
int writeAll(int fd, const std::byte *data, std::uint64_t n, std::int64_t at,
             std::uint64_t *written = nullptr)
{
    while (n > 0) {
        const std::size_t step = std::size_t(std::min<std::uint64_t>(n, std::uint64_t(1) << 30));
        const ssize_t done
            = at >= 0 ? ::pwrite(fd, data, step, off_t(at)) : ::write(fd, data, step);
        if (done < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        if (done == 0)
            return ENOSPC;
        data += done;
        n -= std::uint64_t(done);
        if (written)
            *written += std::uint64_t(done);
        if (at >= 0)
            at += done;
    }
    return 0;
}

// Writes the snapshot's bytes to fd: at their offsets with holes skipped (`sparse`), or in
// sequence with zeros for the holes.
class SnapshotWriter
{
public:
    SnapshotWriter(const MemoryAccess &memory, int fd, bool sparse, SnapshotReport &report)
        : m_memory(memory)
        , m_fd(fd)
        , m_sparse(sparse)
        , m_report(report)
    {
    }

    // Writes [from, from + count) of the memory at file offset `fileAt`; 0 or the errno.
    int copy(std::uint64_t from, std::uint64_t count, std::uint64_t fileAt)
    {
        for (const PageRun &run : m_memory.pages(from, count)) {
            const std::uint64_t at = fileAt + (run.offset - from);
            int error = 0;
            if (run.state == PageState::Untouched) {
                m_report.holeBytes += run.length;
                error = m_sparse ? 0 : writeZeros(run.length);
            } else if (run.state == PageState::Resident) {
                // Straight from the mapping: one copy, as cp makes. The kernel does not raise a
                // signal for a page it cannot read here (EFAULT): that part is read again below.
                // What was written before the fault stays (a pipe cannot take it back).
                std::uint64_t written = 0;
                error = writeAll(m_fd, m_memory.base() + run.offset, run.length, position(at),
                                 &written);
                if (error == EFAULT)
                    error = copyThroughBuffer(run.offset + written, run.length - written,
                                              at + written);
            } else {
                error = copyThroughBuffer(run.offset, run.length, at);
            }
            if (error != 0)
                return error;
        }
        return 0;
    }

private:
    std::int64_t position(std::uint64_t at) const { return m_sparse ? std::int64_t(at) : -1; }

    int writeZeros(std::uint64_t n)
    {
        m_buffer.assign(std::size_t(std::min(n, Chunk)), std::byte {0});
        while (n > 0) {
            const std::uint64_t step = std::min<std::uint64_t>(n, m_buffer.size());
            if (const int error = writeAll(m_fd, m_buffer.data(), step, -1))
                return error;
            n -= step;
        }
        return 0;
    }

    // Through MemoryAccess::read: faults become zeros and are reported.
    int copyThroughBuffer(std::uint64_t from, std::uint64_t count, std::uint64_t at)
    {
        m_buffer.resize(std::size_t(std::min(count, Chunk)));
        for (std::uint64_t done = 0; done < count;) {
            const std::uint64_t step = std::min<std::uint64_t>(count - done, m_buffer.size());
            const auto read
                = m_memory.read(from + done, m_buffer.data(), step, MemoryAccess::Reach::AsNeeded);
            m_report.unreadable += read.unreadable;
            if (read.firstFault && !m_report.firstFault)
                m_report.firstFault = read.firstFault;
            if (const int error = writeAll(m_fd, m_buffer.data(), step, position(at + done)))
                return error;
            done += step;
        }
        return 0;
    }

    const MemoryAccess &m_memory;
    int m_fd;
    bool m_sparse;
    SnapshotReport &m_report;
    std::vector<std::byte> m_buffer;
};

} // namespace

Error fileError(const std::string &call, const std::string &path, int errnum)
{
    Text detail;
    switch (errnum) {
    case ENOSPC:
    case EDQUOT:
        detail = Text(QT_TRANSLATE_NOOP("shm",
                                        "the file system holding %1 is full (or your disk "
                                        "quota is used up)"),
                      {value(path)});
        break;
    case EFBIG:
        detail = Text(QT_TRANSLATE_NOOP("shm",
                                        "the file would be larger than the file size "
                                        "limit (ulimit -f) or than the file system "
                                        "allows"));
        break;
    case EACCES:
    case EPERM:
        detail = Text(QT_TRANSLATE_NOOP("shm",
                                        "you may not write %1 or create files in its "
                                        "directory (the directory's permissions)"),
                      {value(path)});
        break;
    case EROFS:
        detail = Text(QT_TRANSLATE_NOOP("shm", "%1 is on a file system mounted read-only"),
                      {value(path)});
        break;
    case ENOENT:
    case ENOTDIR:
        detail
            = Text(QT_TRANSLATE_NOOP("shm", "the directory of %1 does not exist"), {value(path)});
        break;
    case EISDIR:
        detail = Text(QT_TRANSLATE_NOOP("shm", "%1 is a directory"), {value(path)});
        break;
    default:
        break;
    }
    return systemError(call, path, errnum, std::move(detail));
}

Result<SnapshotReport> writeSnapshot(const MemoryAccess &memory, std::uint64_t offset,
                                     std::uint64_t length, const std::string &path,
                                     const WorkProgress &progress)
{
    SnapshotReport report;
    if (!memory.isValid())
        return inputError("snapshot", path,
                          Text(QT_TRANSLATE_NOOP("shm",
                                                 "Nothing is attached "
                                                 "to take a snapshot of.")),
                          ErrorKind::InvalidState);
    if (path.empty())
        return inputError("snapshot", path, Text(QT_TRANSLATE_NOOP("shm", "No file name given.")));
    offset = std::min(offset, memory.size());
    length = std::min(length, memory.size() - offset);
    report.length = length;

    struct stat existing
    {
    };
    const bool exists = ::stat(path.c_str(), &existing) == 0;
    if (exists && S_ISDIR(existing.st_mode))
        return fileError("open", path, EISDIR);
    // Devices and FIFOs are written in place: there is nothing to replace, and no holes.
    const bool inPlace = exists && !S_ISREG(existing.st_mode);
    std::string temporary;
    FileDescriptor fd;
    if (inPlace) {
        fd = FileDescriptor(::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY));
        if (fd.get() < 0)
            return fileError("open", path, errno);
    } else {
        const std::size_t slash = path.rfind('/');
        const std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
        temporary = directoryOf(path) + "/." + base + ".XXXXXX";
        fd = FileDescriptor(::mkostemp(temporary.data(), O_CLOEXEC));
        if (fd.get() < 0)
            return fileError("create", path, errno);
        // mkostemp makes it 0600: a replaced file keeps its mode (and owner, where allowed), a
        // new one gets what open() would have given it.
        if (exists) {
            ::fchmod(fd.get(), existing.st_mode & 07777);
            [[maybe_unused]] const int ignored
                = ::fchown(fd.get(), existing.st_uid, existing.st_gid);
        } else {
            ::fchmod(fd.get(), 0666 & ~currentUmask());
        }
    }
    const auto failWith = [&](const char *call, int errnum) -> Result<SnapshotReport> {
        if (!temporary.empty())
            ::unlink(temporary.c_str());
        return fileError(call, path, errnum);
    };

    SnapshotWriter writer(memory, fd.get(), !inPlace, report);
    for (std::uint64_t done = 0; done < length;) {
        if (progress && !progress(done)) {
            if (!temporary.empty())
                ::unlink(temporary.c_str());
            report.cancelled = true;
            return report;
        }
        const std::uint64_t step = std::min(length - done, Chunk);
        if (const int error = writer.copy(offset + done, step, done))
            return failWith("write", error);
        done += step;
    }
    if (progress)
        progress(length);
    if (!inPlace) {
        // The trailing holes: the file's size is the snapshot's length.
        if (::ftruncate(fd.get(), off_t(length)) != 0)
            return failWith("ftruncate", errno);
    }
    if (fd.close() != 0 && !inPlace)
        return failWith("close", errno);
    if (!inPlace) {
        // Like cp, no fsync: the rename makes the new file appear whole or not at all to
        // every reader; surviving a power cut is left to the file system (ext4 flushes a file
        // renamed over another).
        if (::rename(temporary.c_str(), path.c_str()) != 0)
            return failWith("rename", errno);
    }
    return report;
}

} // namespace shm
