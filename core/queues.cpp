#include "queues.h"

#include "errordetail.h"
#include "fileread.h"
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

void sortByMsqid(std::vector<QueueInfo> &queues)
{
    const auto byMsqid = [](const QueueInfo &a, const QueueInfo &b) { return a.msqid < b.msqid; };
    if (!std::is_sorted(queues.begin(), queues.end(), byMsqid))
        std::sort(queues.begin(), queues.end(), byMsqid);
}

QueueInfo fromMsqidDs(int msqid, const msqid_ds &ds)
{
    QueueInfo q;
    q.key = ds.msg_perm.__key;
    q.msqid = msqid;
    q.mode = ds.msg_perm.mode & 07777;
    q.cbytes = ds.__msg_cbytes;
    q.qnum = ds.msg_qnum;
    q.qbytes = ds.msg_qbytes;
    q.qbytesKnown = true;
    q.lspid = ds.msg_lspid;
    q.lrpid = ds.msg_lrpid;
    q.uid = ds.msg_perm.uid;
    q.gid = ds.msg_perm.gid;
    q.cuid = ds.msg_perm.cuid;
    q.cgid = ds.msg_perm.cgid;
    q.stime = ds.msg_stime;
    q.rtime = ds.msg_rtime;
    q.ctime = ds.msg_ctime;
    return q;
}

Text readNeed()
{
    return Text(QT_TRANSLATE_NOOP("shm", "read permission on the message queue"));
}

Text writeNeed()
{
    return Text(QT_TRANSLATE_NOOP("shm", "write permission on the message queue"));
}

Text ownerNeed()
{
    return Text(QT_TRANSLATE_NOOP("shm", "being the message queue's owner or creator, or "
                                         "privilege (CAP_SYS_ADMIN)"));
}

// msg_qbytes of a queue we may not IPC_STAT: MSG_STAT_ANY takes an index, which is the id's low
// bits (15, or 24 with ipcmni_extend); the id it returns says whether the index was right.
bool statAnyById(int msqid, msqid_ds &ds)
{
    for (int mask : {0x7fff, 0xffffff}) {
        if (::msgctl(msqid & mask, MSG_STAT_ANY, &ds) == msqid)
            return true;
    }
    return false;
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
    sortByMsqid(queues);
    if (skipped)
        *skipped = bad;
    return queues;
}

Result<std::vector<QueueInfo>> listQueuesFromProc(const std::string &path)
{
    auto text = readWholeFile(path.c_str());
    if (!text)
        return systemError("read", path, errno);
    return parseProcSysvipcMsg(*text);
}

Result<std::vector<QueueInfo>> listQueuesByStat()
{
    msginfo info{};
    const int maxIndex = ::msgctl(0, MSG_INFO, reinterpret_cast<msqid_ds *>(&info));
    if (maxIndex < 0)
        return systemError("msgctl", "MSG_INFO", errno);
    std::vector<QueueInfo> queues;
    for (int index = 0; index <= maxIndex; ++index) {
        msqid_ds ds{};
        int msqid = ::msgctl(index, MSG_STAT_ANY, &ds);
        if (msqid < 0 && errno == EINVAL)
            msqid = ::msgctl(index, MSG_STAT, &ds);
        if (msqid < 0)
            continue;
        queues.push_back(fromMsqidDs(msqid, ds));
    }
    sortByMsqid(queues);
    return queues;
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
        return ipcCallError(Kind, "msgctl IPC_STAT", msqid, saved, readNeed());
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
    switch (saved) {
    case EEXIST:
        return systemError("msgget", target, saved,
                           Text(QT_TRANSLATE_NOOP("shm", "the key is already taken and exclusive "
                                                         "creation (IPC_EXCL) was asked")));
    case ENOSPC:
        return systemError("msgget", target, saved,
                           Text(QT_TRANSLATE_NOOP("shm", "the system limit is reached: all MSGMNI "
                                                         "queue ids are in use "
                                                         "(/proc/sys/kernel/msgmni)")));
    case EACCES:
        return systemError("msgget", target, saved,
                           Text(QT_TRANSLATE_NOOP("shm", "a message queue with this key exists "
                                                         "and its mode does not let you use it; "
                                                         "you are %1"),
                                {whoAmI()}));
    default:
        return systemError("msgget", target, saved);
    }
}

Result<void> removeQueue(int msqid)
{
    if (::msgctl(msqid, IPC_RMID, nullptr) == 0)
        return {};
    return ipcCallError(Kind, "msgctl IPC_RMID", msqid, errno, ownerNeed());
}

namespace {

template<typename Change>
Result<void> setStatus(int msqid, Change change)
{
    msqid_ds ds{};
    // IPC_SET needs ownership, not read permission: MSG_STAT_ANY reads what IPC_STAT may not.
    if (::msgctl(msqid, IPC_STAT, &ds) != 0) {
        const int saved = errno;
        if (saved != EACCES || !statAnyById(msqid, ds))
            return ipcCallError(Kind, "msgctl IPC_SET", msqid, saved, readNeed());
    }
    change(ds);
    if (::msgctl(msqid, IPC_SET, &ds) == 0)
        return {};
    return ipcCallError(Kind, "msgctl IPC_SET", msqid, errno, ownerNeed());
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
    msqid_ds ds{};
    if (::msgctl(msqid, IPC_STAT, &ds) != 0) {
        const int saved = errno;
        if (saved != EACCES || !statAnyById(msqid, ds))
            return ipcCallError(Kind, "msgctl IPC_SET", msqid, saved, readNeed());
    }
    ds.msg_qbytes = static_cast<msglen_t>(qbytes);
    if (::msgctl(msqid, IPC_SET, &ds) == 0)
        return {};
    const int saved = errno;
    const std::uint64_t msgmnb = readKernelNumber("/proc/sys/kernel/msgmnb");
    if (saved == EPERM && msgmnb > 0 && qbytes > msgmnb)
        return ipcCallError(Kind, "msgctl IPC_SET", msqid, saved,
                            Text(QT_TRANSLATE_NOOP("shm", "privilege (CAP_SYS_RESOURCE) to raise "
                                                          "the queue above MSGMNB (%1 bytes, "
                                                          "/proc/sys/kernel/msgmnb)"),
                                 {value(static_cast<std::int64_t>(msgmnb))}));
    return ipcCallError(Kind, "msgctl IPC_SET", msqid, saved, ownerNeed());
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
        return ipcCallError(Kind, "msgrcv MSG_COPY", msqid, saved, readNeed());
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
    return ipcCallError(Kind, "msgsnd", msqid, saved, writeNeed());
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
        return ipcCallError(Kind, "msgrcv", msqid, saved, readNeed());
    }
}

} // namespace shm
