#include "fileread.h"

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace shm {

std::optional<std::string> readWholeFile(const char *path)
{
    int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return std::nullopt;
    std::string text;
    std::size_t used = 0;
    text.resize(64 * 1024);
    for (;;) {
        if (used == text.size())
            text.resize(text.size() * 2);
        ssize_t n = ::read(fd, text.data() + used, text.size() - used);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            int saved = errno;
            ::close(fd);
            errno = saved;
            return std::nullopt;
        }
        if (n == 0)
            break;
        used += static_cast<std::size_t>(n);
    }
    ::close(fd);
    text.resize(used);
    return text;
}

} // namespace shm
