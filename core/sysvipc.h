#pragma once

// What semaphore sets and message queues share: their /proc/sysvipc lines and the sentences of
// a refused call on an id (the counterpart of errordetail.h's segmentCallError).

#include "result.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <sys/types.h>

namespace shm {

enum class IpcKind { Semaphores, Queue };

// "semid 5", "msqid 7"
std::string ipcTarget(IpcKind kind, int id);

// The Gone Error of `call` on an id that names no object (errnum EINVAL or EIDRM).
Error ipcGoneError(IpcKind kind, const std::string &call, int id, int errnum);

// The Error of a failed call on an existing semid or msqid. EIDRM is Gone; EINVAL is Gone only
// when IPC_STAT confirms the id names nothing (else BadInput); EACCES/EPERM say the object's
// mode and owner (from /proc/sysvipc, readable by all) and who we are; `need` says what the call
// needs.
Error ipcCallError(IpcKind kind, const std::string &call, int id, int errnum, Text need);

// The BadInput Error of a mode outside 0..0777.
Error modeError(const std::string &call, const std::string &target);

// What a call on the object needs, in words ("read permission on the semaphore set").
enum class IpcNeed { Read, Write, Owner };
Text ipcNeed(IpcKind kind, IpcNeed need);

// The Error of a refused semget or msgget on `target` ("key 0x...", "IPC_PRIVATE").
Error ipcGetError(IpcKind kind, const std::string &call, const std::string &target, int errnum);

// Whether IPC_STAT says that the id names no object now (EINVAL or EIDRM).
bool ipcIdNamesNothing(IpcKind kind, int id);

// The lines of a /proc/sysvipc file: the header (its first line, when it holds `headerWord`)
// and blank lines skipped; `parse` is given each other line and says whether it understood it.
// Returns how many it did not.
int forEachProcLine(std::string_view text, std::string_view headerWord,
                    const std::function<bool(std::string_view line)> &parse);

// Splits `line` into at most `max` fields; returns how many, or -1 when there are more.
int splitFields(std::string_view line, std::string_view *fields, int max);

// A field as a number that must fit the target (pid_t, uid_t ...).
bool parseIpcKey(std::string_view field, std::int32_t &key);
bool parseId(std::string_view field, int &id);
bool parseMode(std::string_view field, unsigned &mode);
bool parsePid(std::string_view field, pid_t &pid);
bool parseUid(std::string_view field, uid_t &uid);
bool parseGid(std::string_view field, gid_t &gid);

} // namespace shm
