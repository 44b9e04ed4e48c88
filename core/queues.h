#pragma once

// System V message queues: listing (/proc/sysvipc/msg, or MSG_STAT over indices), and the calls
// on a queue: create, remove, IPC_SET, msg_qbytes, peek (MSG_COPY), send and receive.

#include "result.h"
#include "segmentcontrol.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <sys/types.h>
#include <vector>

namespace shm {

struct QueueInfo
{
    std::int32_t key = 0;
    int msqid = -1;
    unsigned mode = 0;
    std::uint64_t cbytes = 0; // bytes in the queue now
    std::uint64_t qnum = 0;   // messages in the queue now
    std::uint64_t qbytes = 0; // most bytes the queue may hold (msg_qbytes)
    bool qbytesKnown = false; // not in /proc: read by IPC_STAT or MSG_STAT_ANY
    pid_t lspid = 0;          // last msgsnd
    pid_t lrpid = 0;          // last msgrcv
    uid_t uid = 0;
    gid_t gid = 0;
    uid_t cuid = 0;
    gid_t cgid = 0;
    std::int64_t stime = 0;   // last send, 0 = never
    std::int64_t rtime = 0;   // last receive, 0 = never
    std::int64_t ctime = 0;

    unsigned perms() const { return mode & 0777; }
    bool operator==(const QueueInfo &) const = default;
};

// Every queue in this IPC namespace, sorted by msqid, each with its qbytes (read per queue).
// /proc/sysvipc/msg, or listQueuesByStat() where that cannot be read.
Result<std::vector<QueueInfo>> listQueues();
// The /proc file alone: qbytesKnown is false.
Result<std::vector<QueueInfo>> listQueuesFromProc(const std::string &path = "/proc/sysvipc/msg");
// MSG_INFO for the highest index, then MSG_STAT_ANY (or MSG_STAT) on every index.
Result<std::vector<QueueInfo>> listQueuesByStat();

// Parses the text of /proc/sysvipc/msg: header and malformed lines skipped (counted in
// `skipped`), never throws. Sorted by msqid.
std::vector<QueueInfo> parseProcSysvipcMsg(std::string_view text, int *skipped = nullptr);

// IPC_STAT of one queue.
Result<QueueInfo> statQueue(int msqid);

struct CreateQueueRequest
{
    KeySpec key;
    unsigned mode = 0600;
    bool exclusive = false;
};

// msgget(key, IPC_CREAT [| IPC_EXCL] | mode).
Result<int> createQueue(const CreateQueueRequest &request);
// msgctl(IPC_RMID): immediate; waiting senders and receivers wake with EIDRM.
Result<void> removeQueue(int msqid);
// msgctl(IPC_SET) of the owner, the permission bits, or msg_qbytes (above MSGMNB needs
// CAP_SYS_RESOURCE).
Result<void> setQueueOwner(int msqid, uid_t uid, gid_t gid);
Result<void> setQueueMode(int msqid, unsigned mode);
Result<void> setQueueMaxBytes(int msqid, std::uint64_t qbytes);

struct Message
{
    long type = 0;
    std::string bytes;

    bool operator==(const Message &) const = default;
};

// The messages in the queue, in order, without taking them: msgrcv(MSG_COPY | IPC_NOWAIT) of
// each index (at most `maxCount`). The queue is left as it was (qnum, cbytes, the messages; the
// kernel does not even count it as a receive). NotSupported when the kernel has no MSG_COPY
// (built without CONFIG_CHECKPOINT_RESTORE).
Result<std::vector<Message>> peekMessages(int msqid, std::size_t maxCount = 10000);

// msgsnd(IPC_NOWAIT) of one message: `type` >= 1, at most MSGMAX bytes. A full queue is refused
// (EAGAIN), never waited for.
Result<void> sendMessage(int msqid, long type, std::string_view bytes);

// msgrcv(IPC_NOWAIT) of one message, which takes it: `type` 0 takes the first, > 0 the first of
// that type, < 0 the first of the lowest type <= -type. NotFound when none is there (ENOMSG).
Result<Message> receiveMessage(int msqid, long type = 0);

} // namespace shm
