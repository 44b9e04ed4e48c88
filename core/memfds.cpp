#include "memfds.h"

#include "filedescriptor.h"

#include <algorithm>
#include <fcntl.h>
#include <sys/stat.h>

#ifndef F_SEAL_FUTURE_WRITE
#define F_SEAL_FUTURE_WRITE 0x0010
#endif
#ifndef F_SEAL_EXEC
#define F_SEAL_EXEC 0x0020
#endif

namespace shm {

std::vector<std::string> sealNames(unsigned seals)
{
    std::vector<std::string> names;
    for (auto [bit, name] : {std::pair{unsigned(F_SEAL_SEAL), "seal"},
                             std::pair{unsigned(F_SEAL_SHRINK), "shrink"},
                             std::pair{unsigned(F_SEAL_GROW), "grow"},
                             std::pair{unsigned(F_SEAL_WRITE), "write"},
                             std::pair{unsigned(F_SEAL_FUTURE_WRITE), "future_write"},
                             std::pair{unsigned(F_SEAL_EXEC), "exec"}}) {
        if (seals & bit)
            names.emplace_back(name);
    }
    return names;
}

std::vector<MemfdObject> memfdsOf(const HolderScan &scan)
{
    std::vector<MemfdObject> objects;
    objects.reserve(scan.memfdNames.size());
    for (const auto &[id, name] : scan.memfdNames) {
        MemfdObject object;
        object.name = name;
        object.id = id;
        if (auto it = scan.files.find(id); it != scan.files.end())
            object.holders = it->second;
        if (auto it = scan.memfdPaths.find(id); it != scan.memfdPaths.end()) {
            for (const std::string &path : it->second) {
                // O_PATH would not give the seals; a read-only open of a memfd changes nothing.
                FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY));
                struct stat st{};
                if (!fd.isValid() || ::fstat(fd.get(), &st) != 0 || st.st_ino != id.inode
                    || st.st_dev != id.device)
                    continue; // not ours to open, or the descriptor now names another file
                object.size = static_cast<std::uint64_t>(st.st_size);
                const int seals = ::fcntl(fd.get(), F_GET_SEALS);
                if (seals >= 0)
                    object.seals = static_cast<unsigned>(seals);
                break;
            }
        }
        objects.push_back(std::move(object));
    }
    std::sort(objects.begin(), objects.end(), [](const MemfdObject &a, const MemfdObject &b) {
        return a.name != b.name ? a.name < b.name : a.id < b.id;
    });
    return objects;
}

} // namespace shm
