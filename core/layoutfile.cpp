#include "layoutfile.h"

#include "attachers.h"
#include "clanglayout.h"
#include "dwarflayout.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <set>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace shm::layout {

Result<FileKind> layoutFileKind(const std::string &path)
{
    const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return systemError("open", path, errno);
    char magic[4] = {};
    ssize_t n;
    do
        n = read(fd, magic, sizeof magic);
    while (n < 0 && errno == EINTR);
    const int readError = errno;
    close(fd);
    if (n < 0)
        return systemError("read", path, readError);
    return n == 4
            && std::memcmp(magic,
                           "\x7f"
                           "ELF",
                           4)
                == 0
        ? FileKind::Elf
        : FileKind::C;
}

Result<std::unique_ptr<TypeSource>> openLayoutFile(const std::string &path,
                                                   const std::vector<std::string> &clangArguments)
{
    const auto kind = layoutFileKind(path);
    if (!kind)
        return kind.error();
    if (*kind == FileKind::Elf)
        return readDwarfFile(path);
    return parseCFile(path, clangArguments);
}

std::vector<AttacherProgram> attacherPrograms(int shmid, std::uint64_t size)
{
    std::vector<AttacherProgram> programs;
    std::set<std::pair<dev_t, ino_t>> seen;
    for (const Attacher &attacher : findAttachers(shmid, size)) {
        AttacherProgram program;
        program.pid = attacher.pid;
        program.command = attacher.command;
        program.path = "/proc/" + std::to_string(attacher.pid) + "/exe";
        struct stat st;
        if (stat(program.path.c_str(), &st) != 0 || access(program.path.c_str(), R_OK) != 0)
            continue;
        if (seen.insert({st.st_dev, st.st_ino}).second)
            programs.push_back(std::move(program));
    }
    return programs;
}

} // namespace shm::layout
