#pragma once

// A layout file, whatever it is: an ELF file (told by its first four bytes, \x7fELF) is read
// for its DWARF debug info, anything else is parsed as C. And the files a segment's attachers
// run, the first places to look for its types.

#include "layout.h"

#include <memory>
#include <string>
#include <sys/types.h>
#include <vector>

namespace shm::layout {

enum class FileKind { C, Elf };

// What `path` holds, from its content. A file that cannot be opened or read: errno's Error.
Result<FileKind> layoutFileKind(const std::string &path);

// The types of `path`: readDwarfFile for an ELF file, parseCFile (with `clangArguments`) for
// any other.
Result<std::unique_ptr<TypeSource>>
openLayoutFile(const std::string &path, const std::vector<std::string> &clangArguments = {});

// A program that has the segment attached, and where its executable can be opened.
struct AttacherProgram
{
    pid_t pid = 0;
    std::string command; // its command line
    std::string path; // "/proc/PID/exe": opens the very file it runs, even if replaced since
};

// The attachers of segment `shmid` (of `size` bytes) whose executable this process may read,
// one per distinct executable (by device and inode).
std::vector<AttacherProgram> attacherPrograms(int shmid, std::uint64_t size);

} // namespace shm::layout
