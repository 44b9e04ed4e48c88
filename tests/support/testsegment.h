#pragma once

// Test fixtures on real segments: a segment that is removed when the fixture goes out of scope,
// and a helper that runs code in a forked child (optionally as an unprivileged user).

#include "core/attachment.h"

#include <cstdint>
#include <functional>
#include <string>
#include <sys/types.h>

namespace shmtest {

// shmget(IPC_PRIVATE or key, size, IPC_CREAT|mode); IPC_RMID in the destructor (ignoring a
// segment that is already gone). QFAIL-free: check isValid().
class TestSegment
{
public:
    explicit TestSegment(std::uint64_t size = 4096, unsigned mode = 0600, key_t key = 0);
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

// A key that no segment uses now (random, checked with shmget).
key_t unusedKey();

// The uid/gid of an unprivileged user (nobody, 65534).
constexpr uid_t UnprivilegedUid = 65534;
constexpr gid_t UnprivilegedGid = 65534;

// Forks; the child drops to uid/gid (unless uid is -1), runs fn and exits with its return value
// (0..255). Returns the child's exit status, or -1 if it did not exit normally.
int runInChild(const std::function<int()> &fn, uid_t uid = static_cast<uid_t>(-1),
               gid_t gid = static_cast<gid_t>(-1));

// A child process that stays alive until stop(): it runs fn first (e.g. attach), then sends one
// byte on a pipe and waits. stop() kills and reaps it.
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
