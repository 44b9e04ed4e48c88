#include "queues.h"

#include "errordetail.h"
#include "fileread.h"
#include "ipclisting.h"
#include "segmentinfo.h"
#include "sysvipc.h"
#include "textscan.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <sys/ipc.h>
#include <sys/msg.h>

#ifndef MSG_COPY
#define MSG_COPY 040000
#endif

namespace shm {

namespace {

constexpr IpcKind Kind = IpcKind::Queue;

bool parseLine(std::string_view line, QueueInfo &q)
{
    std::string_view f[14];
    if (splitFields(line, f, 14) != 14)
        return false;
    return parseIpcKey(f[0], q.key) && parseId(f[1], q.msqid) && parseMode(f[2], q.mode)
        && parseWhole(f[3], q.cbytes) && parseWhole(f[4], q.qnum) && parsePid(f[5], q.lspid)
        && parsePid(f[6], q.lrpid) && parseUid(f[7], q.uid) && parseGid(f[8], q.gid)
        && parseUid(f[9], q.cuid) && parseGid(f[10], q.cgid) && parseWhole(f[11], q.stime)
        && parseWhole(f[12], q.rtime) && parseWhole(f[13], q.ctime);
}

QueueInfo fromMsqidDs(int msqid, const msqid_ds &ds)
{
    QueueInfo q;
    copyPermissions(q, ds.msg_perm);
    q.msqid = msqid;
    q.cbytes = ds.__msg_cbytes;
    q.qnum = ds.msg_qnum;
    q.qbytes = ds.msg_qbytes;
    q.qbytesKnown = true;
    q.lspid = ds.msg_lspid;
    q.lrpid = ds.msg_lrpid;
    q.stime = ds.msg_stime;
    q.rtime = ds.msg_rtime;
    q.ctime = ds.msg_ctime;
    return q;
}

// The status of a queue IPC_STAT refuses us (for its msg_qbytes, or IPC_SET by its owner).
bool statAnyById(int msqid, msqid_ds &ds)
{
    return shm::statAnyById(msqid, ds, [](int index, msqid_ds &d) {
        return ::msgctl(index, MSG_STAT_ANY, &d);
    });
}

} // namespace

std::vector<QueueInfo> parseProcSysvipcMsg(std::string_view text, int *skipped)
{
    std::vector<QueueInfo> queues;
    queues.reserve(text.size() / 130 + 1);
    const int bad = forEachProcLine(text, "msqid", [&](std::string_view line) {
        QueueInfo q;
        if (!parseLine(line, q))
            return false;
        queues.push_back(q);
        return true;
    });
    sortById(queues, &QueueInfo::msqid);
    if (skipped)
        *skipped = bad;
    return queues;
}

Result<std::vector<QueueInfo>> listQueuesFromProc(const std::string &path)
{
    return listFromProcFile(path, parseProcSysvipcMsg);
}

Result<std::vector<QueueInfo>> listQueuesByStat()
{
    msginfo info{};
    const int maxIndex = ::msgctl(0, MSG_INFO, reinterpret_cast<msqid_ds *>(&info));
    if (maxIndex < 0)
        return systemError("msgctl", "MSG_INFO", errno);
    return listByStatIndex<QueueInfo, msqid_ds>(
        maxIndex, MSG_STAT_ANY, MSG_STAT, &QueueInfo::msqid,
        [](int index, int command, msqid_ds &ds) { return ::msgctl(index, command, &ds); },
        fromMsqidDs);
}

Result<std::vector<QueueInfo>> listQueues()
{
    auto queues = listQueuesFromProc();
    if (!queues)
        return listQueuesByStat();
    for (QueueInfo &q : *queues) {
        msqid_ds ds{};
        if (::msgctl(q.msqid, IPC_STAT, &ds) == 0 || (errno == EACCES && statAnyById(q.msqid, ds)))
            q = fromMsqidDs(q.msqid, ds); // the kernel's numbers as they are now
    }
    return queues;
}

Result<QueueInfo> statQueue(int msqid)
{
    msqid_ds ds{};
    if (::msgctl(msqid, IPC_STAT, &ds) != 0) {
        const int saved = errno;
        if (saved == EINVAL || saved == EIDRM)
            return ipcGoneError(Kind, "msgctl IPC_STAT", msqid, saved);
        return ipcCallError(Kind, "msgctl IPC_STAT", msqid, saved, ipcNeed(Kind, IpcNeed::Read));
    }
    return fromMsqidDs(msqid, ds);
}

Result<int> createQueue(const CreateQueueRequest &request)
{
    auto resolved = resolveKey(request.key);
    if (!resolved)
        return resolved.error();
    const key_t key = *resolved;
    const std::string target = keyTarget(key);
    if (request.mode > 0777)
        return modeError("msgget", target);
    const int msqid = ::msgget(key, IPC_CREAT | (request.exclusive ? IPC_EXCL : 0)
                                        | static_cast<int>(request.mode));
    if (msqid >= 0)
        return msqid;
    const int saved = errno;
    return ipcGetError(Kind, "msgget", target, saved);
}

Result<void> removeQueue(int msqid)
{
    if (::msgctl(msqid, IPC_RMID, nullptr) == 0)
        return {};
    return ipcCallError(Kind, "msgctl IPC_RMID", msqid, errno, ipcNeed(Kind, IpcNeed::Owner));
}

namespace {

template<typename Change>
Result<void> setStatus(int msqid, Change change, Text setNeed = ipcNeed(Kind, IpcNeed::Owner))
{
    return shm::setStatus<msqid_ds>(
        [msqid](int command, msqid_ds &ds) { return ::msgctl(msqid, command, &ds); },
        [msqid](msqid_ds &ds) { return statAnyById(msqid, ds); }, change,
        [&](int errnum, bool reading) {
            return ipcCallError(Kind, "msgctl IPC_SET", msqid, errnum,
                                reading ? ipcNeed(Kind, IpcNeed::Read) : setNeed);
        });
}

// One number of a /proc/sys/kernel file (msgmnb, msgmax); 0 where unreadable.
std::uint64_t readKernelNumber(const char *path)
{
    std::uint64_t value = 0;
    if (auto text = readWholeFile(path)) {
        std::string_view line = *text;
        std::string_view f[1];
        if (splitFields(line.substr(0, line.find('\n')), f, 1) == 1)
            parseWhole(f[0], value);
    }
    return value;
}

} // namespace

Result<void> setQueueOwner(int msqid, uid_t uid, gid_t gid)
{
    return setStatus(msqid, [&](msqid_ds &ds) {
        ds.msg_perm.uid = uid;
        ds.msg_perm.gid = gid;
    });
}

Result<void> setQueueMode(int msqid, unsigned mode)
{
    if (mode > 0777)
        return modeError("msgctl IPC_SET", ipcTarget(Kind, msqid));
    return setStatus(msqid, [&](msqid_ds &ds) {
        ds.msg_perm.mode = static_cast<decltype(ds.msg_perm.mode)>((ds.msg_perm.mode & ~0777u) | mode);
    });
}

Result<void> setQueueMaxBytes(int msqid, std::uint64_t qbytes)
{
    if (qbytes > 0x7fffffffULL)
        return inputError("msgctl IPC_SET", ipcTarget(Kind, msqid),
                          Text(QT_TRANSLATE_NOOP("shm", "msg_qbytes (the most bytes a queue may "
                                                        "hold) can be at most %1."),
                               {value(0x7fffffffLL)}));
    const std::uint64_t msgmnb = readKernelNumber("/proc/sys/kernel/msgmnb");
    return setStatus(
        msqid, [&](msqid_ds &ds) { ds.msg_qbytes = static_cast<msglen_t>(qbytes); },
        msgmnb > 0 && qbytes > msgmnb
            ? Text(QT_TRANSLATE_NOOP("shm", "privilege (CAP_SYS_RESOURCE) to raise the queue "
                                            "above MSGMNB (%1 bytes, /proc/sys/kernel/msgmnb)"),
                   {value(static_cast<std::int64_t>(msgmnb))})
            : ipcNeed(Kind, IpcNeed::Owner));
}

namespace {

struct Buffer
{
    explicit Buffer(std::size_t size) : storage(sizeof(long) + size) {}
    long *typePointer() { return reinterpret_cast<long *>(storage.data()); }
    char *text() { return storage.data() + sizeof(long); }
    void *raw() { return storage.data(); }
    std::vector<char> storage;
};

} // namespace

Result<std::vector<Message>> peekMessages(int msqid, std::size_t maxCount)
{
    auto stat = statQueue(msqid);
    if (!stat)
        return stat.error();
    // No message is larger than all the queue holds.
    Buffer buffer(std::max<std::size_t>(static_cast<std::size_t>(stat->cbytes), 1));
    std::vector<Message> messages;
    for (std::size_t index = 0; index < maxCount; ++index) {
        const ssize_t n = ::msgrcv(msqid, buffer.raw(), buffer.storage.size() - sizeof(long),
                                   static_cast<long>(index), MSG_COPY | IPC_NOWAIT);
        if (n >= 0) {
            messages.push_back({*buffer.typePointer(),
                                std::string(buffer.text(), static_cast<std::size_t>(n))});
            continue;
        }
        const int saved = errno;
        if (saved == ENOMSG)
            break; // past the last message
        if (saved == E2BIG) {
            // Sent since the IPC_STAT, larger than all that was there: read the size again.
            auto again = statQueue(msqid);
            if (!again)
                return again.error();
            buffer = Buffer(std::max<std::size_t>(static_cast<std::size_t>(again->cbytes),
                                                  buffer.storage.size() * 2));
            --index;
            continue;
        }
        if (saved == ENOSYS) {
            Error error = systemError("msgrcv MSG_COPY", ipcTarget(Kind, msqid), saved,
                                      Text(QT_TRANSLATE_NOOP("shm", "peeking at messages is not "
                                                                    "possible on this kernel: it "
                                                                    "was built without MSG_COPY "
                                                                    "(CONFIG_CHECKPOINT_RESTORE); "
                                                                    "a message can only be seen "
                                                                    "by receiving it")));
            error.kind = ErrorKind::NotSupported;
            return error;
        }
        return ipcCallError(Kind, "msgrcv MSG_COPY", msqid, saved, ipcNeed(Kind, IpcNeed::Read));
    }
    return messages;
}

Result<void> sendMessage(int msqid, long type, std::string_view bytes)
{
    const std::string target = ipcTarget(Kind, msqid);
    if (type < 1)
        return inputError("msgsnd", target,
                          Text(QT_TRANSLATE_NOOP("shm", "A message's type must be 1 or more.")));
    const std::uint64_t msgmax = readKernelNumber("/proc/sys/kernel/msgmax");
    if (msgmax > 0 && bytes.size() > msgmax)
        return inputError("msgsnd", target,
                          Text(QT_TRANSLATE_NOOP("shm", "The message has %1 bytes, above MSGMAX "
                                                        "(%2 bytes, /proc/sys/kernel/msgmax)."),
                               {value(static_cast<std::int64_t>(bytes.size())),
                                value(static_cast<std::int64_t>(msgmax))}),
                          ErrorKind::LimitReached);
    Buffer buffer(bytes.size());
    *buffer.typePointer() = type;
    if (!bytes.empty())
        std::memcpy(buffer.text(), bytes.data(), bytes.size());
    if (::msgsnd(msqid, buffer.raw(), bytes.size(), IPC_NOWAIT) == 0)
        return {};
    const int saved = errno;
    if (saved == EAGAIN) {
        auto stat = statQueue(msqid);
        Error error = stat
            ? systemError("msgsnd", target, saved,
                          Text(QT_TRANSLATE_NOOP("shm", "the queue is full: it holds %1 of its "
                                                        "%2 bytes (msg_qbytes), and %3 bytes more "
                                                        "do not fit; a receiver must take messages "
                                                        "first, or the queue's owner raise "
                                                        "msg_qbytes"),
                               {value(static_cast<std::int64_t>(stat->cbytes)),
                                value(static_cast<std::int64_t>(stat->qbytes)),
                                value(static_cast<std::int64_t>(bytes.size()))}))
            : systemError("msgsnd", target, saved,
                          Text(QT_TRANSLATE_NOOP("shm", "the queue is full")));
        error.kind = ErrorKind::LimitReached;
        return error;
    }
    if (saved == EINVAL && !ipcIdNamesNothing(Kind, msqid))
        return inputError("msgsnd", target,
                          Text(QT_TRANSLATE_NOOP("shm", "The kernel refused the message's size "
                                                        "or type.")));
    return ipcCallError(Kind, "msgsnd", msqid, saved, ipcNeed(Kind, IpcNeed::Write));
}

Result<Message> receiveMessage(int msqid, long type)
{
    auto stat = statQueue(msqid);
    if (!stat)
        return stat.error();
    Buffer buffer(std::max<std::size_t>(static_cast<std::size_t>(stat->cbytes), 1));
    for (;;) {
        const ssize_t n = ::msgrcv(msqid, buffer.raw(), buffer.storage.size() - sizeof(long), type,
                                   IPC_NOWAIT);
        if (n >= 0)
            return Message{*buffer.typePointer(), std::string(buffer.text(), static_cast<std::size_t>(n))};
        const int saved = errno;
        if (saved == E2BIG) { // a larger message came since the IPC_STAT
            buffer = Buffer(buffer.storage.size() * 2);
            continue;
        }
        if (saved == ENOMSG) {
            Error error = systemError("msgrcv", ipcTarget(Kind, msqid), saved,
                                      Text(QT_TRANSLATE_NOOP("shm", "no message of this type is "
                                                                    "in the queue")));
            error.kind = ErrorKind::NotFound;
            return error;
        }
        return ipcCallError(Kind, "msgrcv", msqid, saved, ipcNeed(Kind, IpcNeed::Read));
    }
}

} // namespace shm
