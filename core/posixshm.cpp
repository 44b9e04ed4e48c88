#include "posixshm.h"

#include "errordetail.h"
#include "filedescriptor.h"
#include "namecache.h"
#include "segmentinfo.h"
#include "textscan.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace shm {

namespace {

PosixObject fromStat(std::string name, const struct stat &st)
{
    PosixObject object;
    object.name = std::move(name);
    object.size = static_cast<std::uint64_t>(st.st_size);
    object.allocated = static_cast<std::uint64_t>(st.st_blocks) * 512;
    object.mode = st.st_mode & 07777;
    object.uid = st.st_uid;
    object.gid = st.st_gid;
    object.mtime = st.st_mtim.tv_sec;
    object.ctime = st.st_ctim.tv_sec;
    object.device = st.st_dev;
    object.inode = st.st_ino;
    return object;
}

std::string pathOf(std::string_view name, const std::string &directory)
{
    return directory + std::string(name); // name starts with '/'
}

// "mode 0600 (rw-------), owner alice (uid 1000), group staff (gid 50)" of the file at path,
// or nullopt when it cannot be stat'ed.
std::optional<Text> describeFile(const std::string &path)
{
    struct stat st{};
    if (::stat(path.c_str(), &st) != 0)
        return std::nullopt;
    NameCache names;
    return Text(QT_TRANSLATE_NOOP("shm", "mode %1 (%2), owner %3 (uid %4), group %5 (gid %6)"),
                {value(octalPerms(st.st_mode & 0777)), value(permString(st.st_mode & 0777)),
                 value(names.userName(st.st_uid)), value(st.st_uid),
                 value(names.groupName(st.st_gid)), value(st.st_gid)});
}

// The Error of a call on the object `name` in `directory` that failed with errnum.
Error objectError(const std::string &call, std::string_view name, const std::string &directory,
                  int errnum, Text need)
{
    const std::string path = pathOf(name, directory);
    const std::string target(name);
    const auto refused
        = [&](Text why) { return systemError(call, target, errnum, std::move(why)); };
    switch (errnum) {
    case ENOENT:
        return refused(Text(QT_TRANSLATE_NOOP("shm",
                                              "there is no POSIX shared memory object "
                                              "%1 in %2"),
                            {value(target), value(directory)}));
    case EEXIST:
        return refused(Text(QT_TRANSLATE_NOOP("shm",
                                              "an object named %1 exists already, and "
                                              "the creation was exclusive"),
                            {value(target)}));
    case EACCES:
    case EPERM:
        if (auto file = describeFile(path))
            return refused(Text(QT_TRANSLATE_NOOP("shm",
                                                  "this needs %1; the object has %2; "
                                                  "you are %3"),
                                {std::move(need), *file, whoAmI()}));
        if (auto dir = describeFile(directory))
            return refused(Text(QT_TRANSLATE_NOOP("shm",
                                                  "this needs %1; the directory %2 has "
                                                  "%3; you are %4"),
                                {std::move(need), value(directory), *dir, whoAmI()}));
        return refused(Text(QT_TRANSLATE_NOOP("shm", "this needs %1; you are %2"),
                            {std::move(need), whoAmI()}));
    case ENOSPC:
    case EDQUOT:
        return refused(Text(QT_TRANSLATE_NOOP("shm",
                                              "the tmpfs of %1 is full (no free inode "
                                              "or space; see df %1)"),
                            {value(directory)}));
    case EFBIG:
    case EINVAL:
        return refused(Text(QT_TRANSLATE_NOOP("shm",
                                              "the size is more than a file of this "
                                              "file system can have")));
    default:
        return systemError(call, target, errnum);
    }
}

Text readWriteNeed()
{
    return Text(QT_TRANSLATE_NOOP("shm", "read and write permission on the object"));
}

} // namespace

Result<void> checkPosixName(std::string_view name)
{
    const std::string shown(name.substr(0, 300));
    if (name.size() < 2 || name[0] != '/')
        return inputError("shm_open", shown,
                          Text(QT_TRANSLATE_NOOP("shm", "A POSIX shared memory name is / followed "
                                                        "by a name, e.g. /mydata.")));
    const std::string_view rest = name.substr(1);
    if (rest.find('/') != std::string_view::npos || rest == "." || rest == ".."
        || rest.find('\0') != std::string_view::npos)
        return inputError("shm_open", shown,
                          Text(QT_TRANSLATE_NOOP("shm", "A POSIX shared memory name holds no other "
                                                        "/ than the first, and is not . or ..")));
    if (rest.size() > NAME_MAX)
        return inputError("shm_open", shown,
                          Text(QT_TRANSLATE_NOOP("shm", "A POSIX shared memory name has at most "
                                                        "%1 bytes after the /."),
                               {value(NAME_MAX)}));
    return {};
}

Result<std::vector<PosixObject>> listPosixObjects(const std::string &directory)
{
    DIR *dir = ::opendir(directory.c_str());
    if (!dir)
        return systemError("opendir", directory, errno);
    std::vector<PosixObject> objects;
    const int dirFd = ::dirfd(dir);
    while (dirent *entry = ::readdir(dir)) {
        const std::string_view name(entry->d_name);
        if (name == "." || name == ".." || name.starts_with("sem."))
            continue;
        if (entry->d_type != DT_REG && entry->d_type != DT_UNKNOWN)
            continue;
        struct stat st{};
        if (::fstatat(dirFd, entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode))
            continue; // gone meanwhile, or not a file
        objects.push_back(fromStat("/" + std::string(name), st));
    }
    ::closedir(dir);
    std::sort(objects.begin(), objects.end(),
              [](const PosixObject &a, const PosixObject &b) { return a.name < b.name; });
    return objects;
}

Result<PosixObject> statPosixObject(std::string_view name, const std::string &directory)
{
    if (auto valid = checkPosixName(name); !valid)
        return valid.error();
    struct stat st{};
    if (::lstat(pathOf(name, directory).c_str(), &st) != 0)
        return objectError("stat", name, directory, errno, readWriteNeed());
    return fromStat(std::string(name), st);
}

Result<PosixObject> createPosixObject(std::string_view name, std::uint64_t size, unsigned mode,
                                      bool exclusive, const std::string &directory)
{
    if (auto valid = checkPosixName(name); !valid)
        return valid.error();
    if (mode > 0777)
        return inputError("shm_open", octalPerms(mode),
                          Text(QT_TRANSLATE_NOOP("shm", "A mode is an octal number from 0 to "
                                                        "0777.")));
    if (size > static_cast<std::uint64_t>(std::numeric_limits<off_t>::max()))
        return objectError("ftruncate", name, directory, EFBIG, {});
    const std::string path = pathOf(name, directory);
    // As shm_open: O_NOFOLLOW, O_CLOEXEC. Exclusive first, so that the mode is set only on an
    // object we made.
    const int common = O_RDWR | O_NOFOLLOW | O_CLOEXEC;
    bool created = true;
    FileDescriptor fd(::open(path.c_str(), common | O_CREAT | O_EXCL, mode & 0777));
    if (!fd.isValid() && errno == EEXIST && !exclusive) {
        created = false;
        fd = FileDescriptor(::open(path.c_str(), common));
    }
    if (!fd.isValid())
        return objectError("shm_open", name, directory, errno,
                           created ? Text(QT_TRANSLATE_NOOP("shm", "write permission on the "
                                                                   "directory"))
                                   : readWriteNeed());
    if (created && ::fchmod(fd.get(), mode & 0777) != 0) {
        const int saved = errno;
        ::unlink(path.c_str());
        return objectError("fchmod", name, directory, saved, {});
    }
    if (::ftruncate(fd.get(), static_cast<off_t>(size)) != 0) {
        const int saved = errno;
        if (created)
            ::unlink(path.c_str());
        return objectError("ftruncate", name, directory, saved, readWriteNeed());
    }
    struct stat st{};
    if (::fstat(fd.get(), &st) != 0)
        return objectError("fstat", name, directory, errno, {});
    return fromStat(std::string(name), st);
}

Result<void> removePosixObject(std::string_view name, const std::string &directory)
{
    if (auto valid = checkPosixName(name); !valid)
        return valid.error();
    const std::string path = pathOf(name, directory);
    if (::unlink(path.c_str()) == 0)
        return {};
    const int saved = errno;
    struct stat dir{};
    if ((saved == EPERM || saved == EACCES) && ::stat(directory.c_str(), &dir) == 0
        && (dir.st_mode & S_ISVTX)) {
        NameCache names;
        struct stat st{};
        const bool known = ::stat(path.c_str(), &st) == 0;
        return systemError("shm_unlink", std::string(name), saved,
                           Text(QT_TRANSLATE_NOOP("shm", "%1 is sticky: only the object's owner "
                                                         "(%2, uid %3), the directory's owner or "
                                                         "a process with CAP_FOWNER may remove "
                                                         "it; you are %4"),
                                {value(directory), value(known ? names.userName(st.st_uid) : "?"),
                                 value(known ? std::int64_t(st.st_uid) : -1), whoAmI()}));
    }
    return objectError("shm_unlink", name, directory, saved,
                       Text(QT_TRANSLATE_NOOP("shm", "write permission on the directory")));
}

Result<PosixObject> resizePosixObject(std::string_view name, std::uint64_t size,
                                      const std::string &directory)
{
    if (auto valid = checkPosixName(name); !valid)
        return valid.error();
    if (size > static_cast<std::uint64_t>(std::numeric_limits<off_t>::max()))
        return objectError("ftruncate", name, directory, EFBIG, {});
    const std::string path = pathOf(name, directory);
    FileDescriptor fd(::open(path.c_str(), O_RDWR | O_NOFOLLOW | O_CLOEXEC));
    if (!fd.isValid())
        return objectError("shm_open", name, directory, errno, readWriteNeed());
    if (::ftruncate(fd.get(), static_cast<off_t>(size)) != 0)
        return objectError("ftruncate", name, directory, errno, readWriteNeed());
    struct stat st{};
    if (::fstat(fd.get(), &st) != 0)
        return objectError("fstat", name, directory, errno, {});
    return fromStat(std::string(name), st);
}

} // namespace shm
