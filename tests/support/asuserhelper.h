#pragma once

// The helper programs' side of running a check as another process (and, for root, as the
// unprivileged user nobody): each is a program of its own, spawned by the test, never a fork of
// the Qt test process. It takes its steps as arguments, runs them in order and writes one line
// a step (asuserprotocol.h).
//
//     shmscope-test-asuser --as nobody|self STEP...
//
// --as nobody: when run by root, drop to uid/gid 65534 with no supplementary groups before the
// first step (an unprivileged user already is one, and stays itself); --as self: no drop.
//
// The core steps (a shmid may be written @: the segment the last `create` made):
//     create SIZE MODE        shmget(IPC_PRIVATE); removed when the helper ends. ok: "shmid N"
//     attach ID ro|rw         shmat, then shmdt
//     stat ID                 ok: "perms 0600 uid U gid G cuid C nattch N"
//     remove ID | mode ID OCTAL | owner ID UID GID | lock ID | unlock ID
//     read ID OFFSET COUNT    ok: the bytes in hex
//     write ID OFFSET HEX     through a read-write attachment
//     semread ID              readSemaphores. ok: the values, split by spaces
//     semop ID INDEX DELTA    operateSemaphores, IPC_NOWAIT
//     semset ID INDEX VALUE | semremove ID | semmode ID OCTAL
//     msgpeek ID              peekMessages. ok: "N messages"
//     msgsend ID TYPE HEX | msgreceive ID (ok: the bytes in hex) | msgremove ID | msgmode ID OCTAL
//     posixcreate NAME SIZE MODE excl|any   createPosixObject in /dev/shm (unlinked at once)
//     posixremove NAME | posixresize NAME SIZE
//     nslist PID              listInventory in the IPC namespace of PID. ok: "N segments"
//     other STEP...           the step, in another process of the same user (the core helper,
//                             whose path is in SHMTEST_ASUSER); its line is this step's line

#include "core/result.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace shmtest::asuser {

struct Report
{
    bool ok = false;
    std::string errnoName; // refused by a system call: its errno's name
    std::string kind;      // refused with an shm::Error: its kind's name (shm::kindName)
    std::string text;
};

Report ok(std::string text = {});
Report refused(const shm::Error &error); // the errno's name and the error's sentence
Report refused(std::string text); // refused by the helper itself (bad step, no segment)

// The step split into words, "@" already replaced by the last created shmid.
using Words = std::vector<std::string>;
// Steps of a helper beyond the core ones: a report, or nullopt when the step is not its own.
using StepHandler = std::function<std::optional<Report>(const Words &words)>;

// Reads --as and drops privileges if asked. Returns the steps, or nullopt (a line is written
// then) when the drop failed or the arguments are wrong.
std::optional<std::vector<std::string>> start(int argc, char **argv);

// Runs the steps, writing one line each; removes the segments `create` made. Returns 0.
int runSteps(const std::vector<std::string> &steps, const StepHandler &extra = {});

// Helpers for step handlers.
std::optional<int> number(const std::string &word, int base = 10);
std::string hex(const void *data, std::size_t size);
std::optional<std::string> unhex(const std::string &text);

} // namespace shmtest::asuser
