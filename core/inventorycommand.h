#pragma once

// The command lines of issue 14: `shmscope --namespaces [--json]` and
// `shmscope --list [--json] [--all] [--attachers] [--orphans] [--namespace PID]`.

#include "inventorylisting.h"
#include "result.h"

#include <cstdio>
#include <optional>
#include <string_view>
#include <variant>

namespace shm {

// What a command line of these options asks for.
struct NamespacesCommand
{
    bool json = false;
};
using InventoryCommand = std::variant<NamespacesCommand, InventoryOptions>;

// Whether argv holds one of the options only these command lines have (--namespaces,
// --namespace, --attachers, --orphans, --semaphores, --queues): then parseInventoryCommandLine
// decides it all. Not for --namespace PID with --open or --select and no other of them: the
// window acts in that namespace.
bool isInventoryCommandLine(int argc, char **argv);

// The command argv asks for, or the BadInput Error that says what is wrong with it (unknown or
// repeated options, options that do not go together, a process id that is not a number above
// 0). Precondition: isInventoryCommandLine.
Result<InventoryCommand> parseInventoryCommandLine(int argc, char **argv);

// When isInventoryCommandLine, runs the command and returns its exit status: 2 (with a message
// on `err`) for a bad command line, a process that does not exist or a namespace that cannot be
// entered; otherwise as printInventory / printNamespaces. nullopt for any other command line.
std::optional<int> runInventoryCommandLine(int argc, char **argv, std::FILE *out, std::FILE *err);

// A process id as typed: a whole decimal number above 0 that fits pid_t.
Result<pid_t> parseProcessId(std::string_view text);

} // namespace shm
