#pragma once

// Test fixtures on real segments: a segment that is removed when the fixture goes out of scope,
// and a child process that holds an attachment.

#include "core/attachment.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <sys/types.h>

namespace shmtest {

// shmget(IPC_PRIVATE or key, size, IPC_CREAT|mode); IPC_RMID in the destructor (ignoring a
// segment that is already gone). QFAIL-free: check isValid().
class TestSegment
{
public:
    // `flags`: more shmget flags, such as SHM_NORESERVE or SHM_HUGETLB.
    explicit TestSegment(std::uint64_t size = 4096, unsigned mode = 0600, key_t key = 0,
                         int flags = 0);
    ~TestSegment();
    TestSegment(const TestSegment &) = delete;
    TestSegment &operator=(const TestSegment &) = delete;

    bool isValid() const { return m_shmid >= 0; }
    int shmid() const { return m_shmid; }
    key_t key() const { return m_key; }
    std::uint64_t size() const { return m_size; }
    std::string error() const { return m_error; }

private:
    int m_shmid = -1;
    key_t m_key = 0;
    std::uint64_t m_size = 0;
    std::string m_error;
};

// The segment's resident bytes as /proc/sysvipc/shm says (the kernel's rss column), or
// UINT64_MAX when it is not listed.
std::uint64_t residentBytes(int shmid);

// Sets vm.nr_hugepages to at least `pages` free huge pages more than are free now, and puts
// the old value back in its destructor (after the test removed its huge-page segments).
// isValid() is false, with error() saying why, when the machine cannot (not root, no
// hugetlbfs, the kernel found no memory for them).
class HugePages
{
public:
    explicit HugePages(std::uint64_t pages);
    ~HugePages();
    HugePages(const HugePages &) = delete;
    HugePages &operator=(const HugePages &) = delete;
    bool isValid() const { return m_error.empty(); }
    std::string error() const { return m_error; }
    // Free huge pages now, from /proc/meminfo.
    static std::uint64_t freePages();
    // The huge page size in bytes (Hugepagesize in /proc/meminfo), 0 when unknown.
    static std::uint64_t pageSize();

private:
    std::string m_previous;
    std::string m_error;
};

// A SHM_HUGETLB | SHM_NORESERVE segment of `pages` huge pages, made while only `free` huge pages
// more than before are free (HugePages): reading past them faults with SIGBUS. whyNot() says why
// the machine cannot (not root, no huge pages, shmget refused) for the test to skip. The segment
// is removed before vm.nr_hugepages is put back.
class HugeTlbSegment
{
public:
    HugeTlbSegment(std::uint64_t pages, std::uint64_t free);
    const std::string &whyNot() const { return m_whyNot; }
    int shmid() const { return m_segment ? m_segment->shmid() : -1; }
    std::uint64_t hugePageSize() const { return m_huge; }

private:
    std::uint64_t m_huge = 0;
    std::unique_ptr<HugePages> m_reserve;
    std::unique_ptr<TestSegment> m_segment;
    std::string m_whyNot;
};

// A key that no segment uses now (random, checked with shmget).
key_t unusedKey();

// The uid/gid of an unprivileged user (nobody, 65534): the helper programs drop to it.
constexpr uid_t UnprivilegedUid = 65534;
constexpr gid_t UnprivilegedGid = 65534;

// A child process that stays alive until stop(): it runs fn first (e.g. attach), then sends one
// byte on a pipe and waits. stop() kills and reaps it. A fork of the test process: fn must use
// no Qt (checks that need another program, or another user, go through support/asuser.h).
class ChildProcess
{
public:
    explicit ChildProcess(const std::function<void()> &fn);
    ~ChildProcess();
    ChildProcess(const ChildProcess &) = delete;
    ChildProcess &operator=(const ChildProcess &) = delete;
    pid_t pid() const { return m_pid; }
    // Waits until fn has run in the child. False on timeout or child death.
    bool waitReady(int timeoutMs = 5000);
    void stop();

private:
    pid_t m_pid = -1;
    int m_readyFd = -1;
    int m_holdFd = -1;
};

} // namespace shmtest
