#include "testsegment.h"

#include "core/fileread.h"
#include "core/segmentlist.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <poll.h>
#include <random>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

namespace shmtest {

TestSegment::TestSegment(std::uint64_t size, unsigned mode, key_t key, int flags)
    : m_key(key)
    , m_size(size)
{
    m_shmid = shmget(key, size, IPC_CREAT | IPC_EXCL | flags | static_cast<int>(mode & 0777));
    if (m_shmid < 0)
        m_error = std::string("shmget: ") + std::strerror(errno);
}

TestSegment::~TestSegment()
{
    if (m_shmid >= 0)
        shmctl(m_shmid, IPC_RMID, nullptr);
}

std::uint64_t residentBytes(int shmid)
{
    const auto text = shm::readWholeFile("/proc/sysvipc/shm");
    if (text) {
        for (const shm::SegmentInfo &segment : shm::parseProcSysvipcShm(*text))
            if (segment.shmid == shmid)
                return segment.rss;
    }
    return UINT64_MAX;
}

namespace {

constexpr const char *NrHugepages = "/proc/sys/vm/nr_hugepages";

std::uint64_t meminfoField(const char *name)
{
    const auto text = shm::readWholeFile("/proc/meminfo");
    if (!text)
        return 0;
    const std::size_t at = text->find(name);
    if (at == std::string::npos)
        return 0;
    return std::strtoull(text->c_str() + at + std::strlen(name), nullptr, 10);
}

bool writeFile(const char *path, const std::string &value)
{
    FILE *file = std::fopen(path, "w");
    if (!file)
        return false;
    const bool written = std::fputs(value.c_str(), file) >= 0;
    return std::fclose(file) == 0 && written;
}

} // namespace

std::uint64_t HugePages::freePages()
{
    return meminfoField("HugePages_Free:");
}

std::uint64_t HugePages::pageSize()
{
    return meminfoField("Hugepagesize:") * 1024;
}

HugePages::HugePages(std::uint64_t pages)
{
    const auto previous = shm::readWholeFile(NrHugepages);
    if (!previous || pageSize() == 0) {
        m_error = "this kernel has no huge pages (no vm.nr_hugepages)";
        return;
    }
    m_previous = *previous;
    const std::uint64_t total = std::strtoull(previous->c_str(), nullptr, 10);
    const std::uint64_t wanted = total + pages;
    if (!writeFile(NrHugepages, std::to_string(wanted))) {
        m_error = std::string("cannot set vm.nr_hugepages: ") + std::strerror(errno);
        m_previous.clear();
        return;
    }
    if (freePages() < pages) {
        m_error = "the kernel found no memory for " + std::to_string(pages) + " more huge pages";
        return;
    }
}

HugePages::~HugePages()
{
    if (!m_previous.empty())
        writeFile(NrHugepages, m_previous);
}

HugeTlbSegment::HugeTlbSegment(std::uint64_t pages, std::uint64_t free)
    : m_huge(HugePages::pageSize())
{
    if (geteuid() != 0) {
        m_whyNot = "setting vm.nr_hugepages needs root";
        return;
    }
    if (m_huge == 0) {
        m_whyNot = "this kernel has no huge pages";
        return;
    }
    m_reserve = std::make_unique<HugePages>(free);
    if (!m_reserve->isValid()) {
        m_whyNot = m_reserve->error();
        return;
    }
    m_segment = std::make_unique<TestSegment>(pages * m_huge, 0600, 0, SHM_HUGETLB | SHM_NORESERVE);
    if (!m_segment->isValid())
        m_whyNot = "shmget SHM_HUGETLB: " + m_segment->error();
}

key_t unusedKey()
{
    static std::mt19937 rng(std::random_device{}());
    for (;;) {
        // A recognisable range: 0x5c0xxxxx.
        key_t key = static_cast<key_t>(0x5c000000u | (rng() & 0x00ffffffu));
        if (shmget(key, 0, 0) < 0 && errno == ENOENT)
            return key;
    }
}

ChildProcess::ChildProcess(const std::function<void()> &fn)
{
    int ready[2], hold[2];
    if (pipe(ready) != 0)
        return;
    if (pipe(hold) != 0) {
        close(ready[0]);
        close(ready[1]);
        return;
    }
    pid_t parent = getpid();
    m_pid = fork();
    if (m_pid == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != parent)
            _exit(1);
        close(ready[0]);
        close(hold[1]);
        fn();
        char c = 'r';
        [[maybe_unused]] auto n = write(ready[1], &c, 1);
        // Wait until the parent closes its end (or dies).
        while (read(hold[0], &c, 1) < 0 && errno == EINTR) {
        }
        _exit(0);
    }
    close(ready[1]);
    close(hold[0]);
    m_readyFd = ready[0];
    m_holdFd = hold[1];
    if (m_pid < 0) {
        close(m_readyFd);
        close(m_holdFd);
        m_readyFd = m_holdFd = -1;
    }
}

ChildProcess::~ChildProcess()
{
    stop();
}

bool ChildProcess::waitReady(int timeoutMs)
{
    if (m_readyFd < 0)
        return false;
    pollfd p{m_readyFd, POLLIN, 0};
    if (poll(&p, 1, timeoutMs) <= 0)
        return false;
    char c;
    return read(m_readyFd, &c, 1) == 1;
}

void ChildProcess::stop()
{
    if (m_holdFd >= 0)
        close(m_holdFd);
    if (m_readyFd >= 0)
        close(m_readyFd);
    m_holdFd = m_readyFd = -1;
    if (m_pid > 0) {
        // A later child may hold a copy of our pipe end, so closing it is not enough.
        kill(m_pid, SIGKILL);
        int status;
        while (waitpid(m_pid, &status, 0) < 0 && errno == EINTR) {
        }
    }
    m_pid = -1;
}

} // namespace shmtest
