// Every shared-memory object (issue 14), on real objects: a child in a new IPC namespace whose
// segment has the shmid of one of ours, listed through --namespace PID and the core; POSIX
// objects in a private tmpfs on /dev/shm (root, or a user namespace) with their holders by map
// and by descriptor, orphans, create/remove/resize and their refusals; memfds held by a child,
// with seals; the refusals of an unprivileged user; the parsers of /proc text.

#include "core/attachers.h"
#include "core/holders.h"
#include "core/inventorycommand.h"
#include "core/inventorylisting.h"
#include "core/listingformat.h"
#include "core/memfds.h"
#include "core/namecache.h"
#include "core/namespaces.h"
#include "core/orphans.h"
#include "core/posixshm.h"
#include "core/segmentlist.h"
#include "support/asuser.h"
#include "support/programrun.h"
#include "support/testsegment.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTemporaryFile>
#include <QTest>

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <grp.h>
#include <sched.h>
#include <cstring>
#include <string>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

using namespace shmtest;

namespace {

// Fixed descriptor numbers in the children, so that the test knows what to look for.
constexpr int HeldFd = 100;
constexpr int SealedFd = 101;

// In a child (system calls only: the parent has threads): a new IPC namespace where the next
// segment gets `shmid`, a segment of `size` bytes there, attached read-write. It goes with the
// namespace when the child ends.
std::function<void()> segmentInNewNamespace(int shmid, std::size_t size)
{
    return [shmid, size] {
        if (::unshare(CLONE_NEWIPC) != 0)
            _exit(3);
        char id[16];
        const int n = std::snprintf(id, sizeof id, "%d", shmid);
        const int fd = ::open("/proc/sys/kernel/shm_next_id", O_WRONLY);
        if (fd < 0 || ::write(fd, id, std::size_t(n)) != n)
            _exit(4);
        ::close(fd);
        const int theirs = ::shmget(IPC_PRIVATE, size, 0640);
        if (theirs != shmid || ::shmat(theirs, nullptr, 0) == reinterpret_cast<void *>(-1))
            _exit(5);
    };
}

// Writes `text` to the file at `path` (system calls only, for a child).
bool writeFile(const char *path, const char *text)
{
    const int fd = ::open(path, O_WRONLY);
    if (fd < 0)
        return false;
    const ssize_t n = ::write(fd, text, std::strlen(text));
    ::close(fd);
    return n == ssize_t(std::strlen(text));
}

// In a child: a mount namespace of its own with a fresh tmpfs on /dev/shm (`options` for mount).
// Root makes it directly; another user in a user namespace of its own where it is root (its
// files are still its own outside), which lets it mount; it stays inspectable by its parent.
bool privateDevShm(const char *options)
{
    if (geteuid() == 0) {
        if (::unshare(CLONE_NEWNS) != 0)
            return false;
    } else {
        char uidMap[32], gidMap[32];
        std::snprintf(uidMap, sizeof uidMap, "0 %u 1", unsigned(geteuid()));
        std::snprintf(gidMap, sizeof gidMap, "0 %u 1", unsigned(getegid()));
        if (::unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0
            || !writeFile("/proc/self/setgroups", "deny")
            || !writeFile("/proc/self/uid_map", uidMap) || !writeFile("/proc/self/gid_map", gidMap))
            return false;
        ::prctl(PR_SET_DUMPABLE, 1);
    }
    return ::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) == 0
        && ::mount("tmpfs", "/dev/shm", "tmpfs", 0, options) == 0;
}

const shm::SegmentInfo *segmentWithId(const std::vector<shm::SegmentInfo> &segments, int shmid)
{
    auto it = std::find_if(segments.begin(), segments.end(),
                           [&](const shm::SegmentInfo &s) { return s.shmid == shmid; });
    return it == segments.end() ? nullptr : &*it;
}

const shm::PosixObject *posixNamed(const std::vector<shm::PosixObject> &objects,
                                   const std::string &name)
{
    auto it = std::find_if(objects.begin(), objects.end(),
                           [&](const shm::PosixObject &o) { return o.name == name; });
    return it == objects.end() ? nullptr : &*it;
}

std::vector<const shm::MemfdObject *> memfdsNamed(const std::vector<shm::MemfdObject> &objects,
                                                  const std::string &name)
{
    std::vector<const shm::MemfdObject *> found;
    for (const shm::MemfdObject &m : objects) {
        if (m.name == name)
            found.push_back(&m);
    }
    return found;
}

bool hasHolder(const std::vector<shm::Holder> &holders, pid_t pid, shm::HolderVia via,
               bool writable, int fd = -1)
{
    return std::any_of(holders.begin(), holders.end(), [&](const shm::Holder &h) {
        return h.pid == pid && h.via == via && h.writable == writable
            && (via == shm::HolderVia::Map || h.fd == fd);
    });
}

QString holdersText(const std::vector<shm::Holder> &holders)
{
    QStringList parts;
    for (const shm::Holder &h : holders)
        parts << QStringLiteral("%1 %2 %3 fd %4")
                     .arg(h.pid)
                     .arg(h.via == shm::HolderVia::Fd ? "fd" : "map")
                     .arg(h.writable ? "rw" : "ro")
                     .arg(h.fd);
    return parts.join(QStringLiteral("; "));
}

shm::InventoryListing listOrFail(const shm::InventoryOptions &options, bool *ok)
{
    auto listing = shm::listInventory(options);
    *ok = listing.ok();
    if (!listing) {
        qWarning("%s", listing.error().describe().c_str());
        return {};
    }
    return std::move(*listing);
}

QString binary()
{
    return qEnvironmentVariable("SHMSCOPE_BINARY");
}

// A POSIX object of the real /dev/shm made by this test, unlinked when the test ends.
struct DevShmObject
{
    std::string name;
    explicit DevShmObject(std::string n, unsigned mode)
        : name(std::move(n))
    {
        const auto made = shm::createPosixObject(name, 4096, mode, true);
        if (!made)
            qWarning("%s", made.error().describe().c_str());
    }
    ~DevShmObject() { ::unlink(("/dev/shm" + name).c_str()); }
};

} // namespace

class TestCoreInventory : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        for (const char *name : {"LC_ALL", "LC_MESSAGES", "LANGUAGE"})
            qunsetenv(name);
        qputenv("LANG", "C.UTF-8");
    }

    // A container's segment has a shmid of its namespace, here the same number as one of ours:
    // through the namespace of the child, the core and the command line list the child's
    // segment (its size, its attacher), and ours stays ours.
    void namespaceWithCollidingShmid()
    {
        if (geteuid() != 0)
            QSKIP("unshare(CLONE_NEWIPC) and shm_next_id need root");
        TestSegment ours(10000, 0600);
        QVERIFY(ours.isValid());
        const int shmid = ours.shmid();
        ChildProcess child(segmentInNewNamespace(shmid, 3 * 4096));
        if (!child.waitReady())
            QSKIP("this machine does not let a child make an IPC namespace and choose a shmid");

        const auto childNs = shm::ipcNamespaceOf(child.pid());
        const auto ourNs = shm::ipcNamespaceOf(0);
        QVERIFY(childNs && ourNs);
        QVERIFY(!(*childNs == *ourNs));
        auto namespaces = shm::listIpcNamespaces();
        QVERIFY(namespaces.ok());
        auto found = std::find_if(namespaces->begin(), namespaces->end(),
                                  [&](const shm::IpcNamespace &ns) { return ns.id == *childNs; });
        QVERIFY(found != namespaces->end());
        QCOMPARE(found->processes, std::uint64_t(1));
        QCOMPARE(found->pid, child.pid());
        QCOMPARE(found->command, shm::processCommand(child.pid()));
        QVERIFY(std::any_of(namespaces->begin(), namespaces->end(),
                            [&](const shm::IpcNamespace &ns) { return ns.id == *ourNs; }));

        bool ok = false;
        shm::InventoryOptions options;
        options.attachers = true;
        options.namespacePid = child.pid();
        const auto theirs = listOrFail(options, &ok);
        QVERIFY(ok);
        QCOMPARE(theirs.segments.size(), 1u);
        QCOMPARE(theirs.segments.front().shmid, shmid);
        QCOMPARE(theirs.segments.front().size, std::uint64_t(3 * 4096));
        QCOMPARE(theirs.segments.front().cpid, child.pid());
        const auto theirHolders = shm::segmentHolders(theirs, theirs.segments.front());
        QCOMPARE(theirHolders.size(), 1u);
        QCOMPARE(theirHolders.front().pid, child.pid());
        QVERIFY(theirHolders.front().writable);

        // attachers.h, given the namespace: the child's attachment, not ours.
        const auto inTheirs = shm::findAttachers(shmid, 3 * 4096, childNs);
        QCOMPARE(inTheirs.size(), 1u);
        QCOMPARE(inTheirs.front().pid, child.pid());
        QCOMPARE(shm::findAllAttachers(childNs)[shmid].size(), 1u);
        QVERIFY(shm::findAttachers(shmid, 3 * 4096).empty());

        // A handle held open, and this thread inside it for a scope (what the browser does).
        auto handle = shm::IpcNamespaceHandle::open(child.pid());
        QVERIFY2(handle.ok(), handle.ok() ? "" : handle.error().describe().c_str());
        QVERIFY(!(*handle)->isOurs());
        QVERIFY((*handle)->id() == *childNs);
        {
            shm::IpcNamespaceScope scope(*handle);
            QVERIFY(scope.ok());
            QVERIFY(*shm::ipcNamespaceOf(0) == *childNs);
            const auto inside = shm::statSegment(shmid);
            QVERIFY(inside.ok());
            QCOMPARE(inside->size, std::uint64_t(3 * 4096));
            QCOMPARE(shm::findAttachers(shmid, 3 * 4096).size(), 1u);
        }
        QVERIFY(*shm::ipcNamespaceOf(0) == *ourNs);
        QCOMPARE(shm::statSegment(shmid)->size, std::uint64_t(10000));
        auto own = shm::IpcNamespaceHandle::open(::getpid());
        QVERIFY(own.ok() && (*own)->isOurs());

        options.namespacePid.reset();
        const auto mine = listOrFail(options, &ok);
        QVERIFY(ok);
        const shm::SegmentInfo *ownSegment = segmentWithId(mine.segments, shmid);
        QVERIFY(ownSegment);
        QCOMPARE(ownSegment->size, std::uint64_t(10000));
        QVERIFY2(shm::segmentHolders(mine, *ownSegment).empty(), "the child's mapping is not ours");

        // The command line, through the same thread.
        const ProgramRun run = runProgram(binary(), {"--list", "--json", "--attachers",
                                                     "--namespace", QString::number(child.pid())});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray segments = QJsonDocument::fromJson(run.out).object()["segments"].toArray();
        QCOMPARE(segments.size(), 1);
        const QJsonObject segment = segments.first().toObject();
        QCOMPARE(segment["shmid"].toInt(), shmid);
        QCOMPARE(segment["size"].toInteger(), 3 * 4096);
        const QJsonArray attachers = segment["attachers"].toArray();
        QCOMPARE(attachers.size(), 1);
        QCOMPARE(attachers.first()["pid"].toInt(), int(child.pid()));
        QCOMPARE(attachers.first()["access"].toString(), QStringLiteral("read-write"));
        QCOMPARE(attachers.first()["via"].toString(), QStringLiteral("map"));
        QCOMPARE(attachers.first()["command"].toString(),
                 QString::fromStdString(shm::processCommand(child.pid())));
        const ProgramRun table = runProgram(binary(), {"--list", "--namespace",
                                                       QString::number(child.pid())});
        QCOMPARE(table.exitCode, 0);
        QCOMPARE(table.out.count('\n'), 2); // the header and the child's segment

        const ProgramRun listed = runProgram(binary(), {"--namespaces", "--json"});
        QCOMPARE(listed.exitCode, 0);
        bool seen = false;
        for (const QJsonValue &ns : QJsonDocument::fromJson(listed.out).object()["namespaces"].toArray()) {
            if (ns["inode"].toInteger() == qint64(childNs->inode)) {
                seen = true;
                QCOMPARE(ns["pid"].toInt(), int(child.pid()));
                QCOMPARE(ns["processes"].toInt(), 1);
                QVERIFY(ns["container"].isNull());
            }
        }
        QVERIFY(seen);
        child.stop();
    }

    // Listing another namespace needs CAP_SYS_ADMIN over it: an unprivileged user is refused
    // with a sentence naming it; a process that has gone is said to be gone.
    void namespaceRefusals()
    {
        if (geteuid() != 0) {
            // Our own child in a user namespace of its own with its IPC namespace: we hold
            // every capability there, but setns needs CAP_SYS_ADMIN in our own namespace too.
            ChildProcess child([] {
                if (::unshare(CLONE_NEWUSER | CLONE_NEWIPC) != 0)
                    _exit(3);
            });
            if (!child.waitReady())
                QSKIP("this machine gives no user namespaces to unprivileged users");
            shm::InventoryOptions options;
            options.namespacePid = child.pid();
            auto refused = shm::listInventory(options);
            QVERIFY(!refused.ok());
            QCOMPARE(refused.error().kind, shm::ErrorKind::PermissionDenied);
            QVERIFY2(refused.error().english().find("CAP_SYS_ADMIN") != std::string::npos,
                     refused.error().describe().c_str());
            const ProgramRun run = runProgram(binary(), {"--list", "--namespace",
                                                         QString::number(child.pid())});
            QCOMPARE(run.exitCode, 2);
            QVERIFY2(run.err.contains("CAP_SYS_ADMIN"), run.err.constData());
            QVERIFY(run.out.isEmpty());
            return;
        }
        const uid_t nobody = unprivilegedUid();
        const gid_t nogroup = unprivilegedGid();
        // Nobody's own process, in a namespace root made: nobody may inspect it (ptrace read)
        // but not enter its namespace.
        ChildProcess child([nobody, nogroup] {
            if (::unshare(CLONE_NEWIPC) != 0 || ::setgroups(0, nullptr) != 0
                || ::setresgid(nogroup, nogroup, nogroup) != 0
                || ::setresuid(nobody, nobody, nobody) != 0)
                _exit(3);
            ::prctl(PR_SET_DUMPABLE, 1);
        });
        QVERIFY(child.waitReady());
        ChildProcess rootChild(segmentInNewNamespace(12345, 4096));
        const bool rootChildReady = rootChild.waitReady();
        const QString pid = QString::number(child.pid());
        QStringList steps{"nslist " + pid, "nslist " + QString::number(getpid())};
        if (rootChildReady)
            steps << "nslist " + QString::number(rootChild.pid());
        const auto reports = runAsUnprivileged(steps);
        QCOMPARE(reports.size(), steps.size());
        QVERIFY2(!reports[0].ok && reports[0].errnoName == "EPERM", qPrintable(reports[0].summary()));
        QCOMPARE(reports[0].kind, QStringLiteral("PermissionDenied"));
        QVERIFY2(reports[0].text.contains("CAP_SYS_ADMIN"), qPrintable(reports[0].summary()));
        // Root's process: nobody may not even read its namespace.
        QVERIFY2(!reports[1].ok && reports[1].kind == "PermissionDenied",
                 qPrintable(reports[1].summary()));
        QVERIFY2(reports[1].text.contains("ptrace"), qPrintable(reports[1].summary()));
        if (rootChildReady)
            QVERIFY2(!reports[2].ok && reports[2].kind == "PermissionDenied",
                     qPrintable(reports[2].summary()));
        const pid_t ended = child.pid();
        child.stop(); // killed and reaped
        rootChild.stop();

        // A process that has ended.
        shm::InventoryOptions options;
        options.namespacePid = ended;
        auto gone = shm::listInventory(options);
        QVERIFY(!gone.ok());
        QCOMPARE(gone.error().kind, shm::ErrorKind::NotFound);
        QVERIFY2(gone.error().english().find("no process") != std::string::npos,
                 gone.error().describe().c_str());
    }

    // POSIX objects in a private mount namespace with a tmpfs of its own on /dev/shm: listed
    // through /proc/PID/root/dev/shm with size, mode, resident size and holders (a read-write
    // mapping, a read-only descriptor), and the one nobody holds is the orphan.
    void posixObjectsWithHolders()
    {
        ChildProcess child([] {
            if (!privateDevShm("size=4m,mode=1777"))
                _exit(3);
            const int mapped = ::open("/dev/shm/inv-mapped", O_RDWR | O_CREAT | O_EXCL, 0640);
            if (mapped < 0 || ::fchmod(mapped, 0640) != 0 || ::ftruncate(mapped, 3 * 4096) != 0)
                _exit(4);
            void *p = ::mmap(nullptr, 3 * 4096, PROT_READ | PROT_WRITE, MAP_SHARED, mapped, 0);
            if (p == MAP_FAILED)
                _exit(5);
            static_cast<char *>(p)[0] = 1; // one page resident
            ::close(mapped);
            const int held = ::open("/dev/shm/inv-held", O_RDWR | O_CREAT | O_EXCL, 0600);
            if (held < 0 || ::ftruncate(held, 8192) != 0)
                _exit(6);
            ::close(held);
            const int ro = ::open("/dev/shm/inv-held", O_RDONLY);
            if (ro < 0 || ::dup2(ro, HeldFd) != HeldFd)
                _exit(7);
            ::close(ro);
            const int orphan = ::open("/dev/shm/inv-orphan", O_RDWR | O_CREAT | O_EXCL, 0644);
            if (orphan < 0 || ::write(orphan, "x", 1) != 1)
                _exit(8);
            ::close(orphan);
        });
        if (!child.waitReady())
            QSKIP("this machine does not let a child mount a tmpfs in a private mount namespace "
                  "(as root, or in a user namespace of its own)");
        const std::string dir = shm::devShmOf(child.pid());
        QCOMPARE(dir, "/proc/" + std::to_string(child.pid()) + "/root/dev/shm");

        shm::InventoryOptions options;
        options.all = true;
        options.attachers = true;
        options.namespacePid = child.pid();
        bool ok = false;
        const auto listing = listOrFail(options, &ok);
        QVERIFY(ok);
        QCOMPARE(listing.posix.size(), 3u);
        const auto *mapped = posixNamed(listing.posix, "/inv-mapped");
        const auto *held = posixNamed(listing.posix, "/inv-held");
        const auto *orphan = posixNamed(listing.posix, "/inv-orphan");
        QVERIFY(mapped && held && orphan);
        QCOMPARE(mapped->size, std::uint64_t(3 * 4096));
        QCOMPARE(mapped->mode, 0640u);
        QCOMPARE(mapped->allocated, std::uint64_t(4096)); // the page written, no other
        QCOMPARE(held->allocated, std::uint64_t(0));
        QCOMPARE(held->mode, 0600u);
        QCOMPARE(orphan->size, std::uint64_t(1));
        QCOMPARE(mapped->uid, geteuid());
        const auto mappedHolders = shm::posixHolders(listing, *mapped);
        QVERIFY2(mappedHolders.size() == 1
                     && hasHolder(mappedHolders, child.pid(), shm::HolderVia::Map, true),
                 qPrintable(holdersText(mappedHolders)));
        const auto heldHolders = shm::posixHolders(listing, *held);
        QVERIFY2(heldHolders.size() == 1
                     && hasHolder(heldHolders, child.pid(), shm::HolderVia::Fd, false, HeldFd),
                 qPrintable(holdersText(heldHolders)));
        QVERIFY(shm::posixHolders(listing, *orphan).empty());

        options.orphans = true;
        options.attachers = false;
        const auto orphans = listOrFail(options, &ok);
        QVERIFY(ok);
        QCOMPARE(orphans.posix.size(), 1u);
        QCOMPARE(orphans.posix.front().name, std::string("/inv-orphan"));
        QVERIFY(orphans.memfds.empty());

        // The command line: posix entries with their keys and attachers.
        const ProgramRun run = runProgram(binary(), {"--list", "--json", "--all", "--attachers",
                                                     "--namespace", QString::number(child.pid())});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject all = QJsonDocument::fromJson(run.out).object();
        for (const char *key : {"segments", "semaphores", "queues", "posix", "memfd"})
            QVERIFY2(all.contains(key), key);
        const QJsonArray posix = all["posix"].toArray();
        QCOMPARE(posix.size(), 3);
        QJsonObject entry;
        for (const QJsonValue &v : posix) {
            if (v["name"] == QStringLiteral("/inv-mapped"))
                entry = v.toObject();
        }
        QCOMPARE(entry["size"].toInteger(), 3 * 4096);
        QCOMPARE(entry["perms"].toString(), QStringLiteral("0640"));
        QCOMPARE(entry["uid"].toInt(), int(geteuid()));
        QCOMPARE(entry["owner"].toString(), QString::fromStdString(shm::NameCache().userName(geteuid())));
        QVERIFY(entry["mtime"].isString() && entry["ctime"].isString());
        const QJsonArray attachers = entry["attachers"].toArray();
        QCOMPARE(attachers.size(), 1);
        QCOMPARE(attachers.first()["via"].toString(), QStringLiteral("map"));
        QCOMPARE(attachers.first()["access"].toString(), QStringLiteral("read-write"));
        const ProgramRun orphanRun = runProgram(
            binary(), {"--list", "--json", "--all", "--orphans", "--namespace",
                       QString::number(child.pid())});
        QCOMPARE(orphanRun.exitCode, 0);
        const QJsonArray orphanPosix
            = QJsonDocument::fromJson(orphanRun.out).object()["posix"].toArray();
        QCOMPARE(orphanPosix.size(), 1);
        QCOMPARE(orphanPosix.first()["name"].toString(), QStringLiteral("/inv-orphan"));
        QVERIFY(orphanPosix.first()["age"].toInteger() >= 0);
        const ProgramRun text = runProgram(binary(), {"--list", "--all", "--attachers",
                                                      "--namespace", QString::number(child.pid())});
        QCOMPARE(text.exitCode, 0);
        for (const char *section : {"Shared memory segments:", "Semaphore sets:",
                                    "Message queues:", "POSIX shared memory objects:",
                                    "memfd objects:"})
            QVERIFY2(text.out.contains(section), section);
        QVERIFY(text.out.contains("/inv-held"));
        QVERIFY(text.out.contains("fd " + QByteArray::number(HeldFd)));

        // Create, resize and remove there, and their refusals.
        auto made = shm::createPosixObject("/inv-new", 1000, 0640, true, dir);
        QVERIFY2(made.ok(), made.ok() ? "" : made.error().describe().c_str());
        QCOMPARE(made->size, std::uint64_t(1000));
        QCOMPARE(made->mode, 0640u);
        auto again = shm::createPosixObject("/inv-new", 1000, 0640, true, dir);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().kind, shm::ErrorKind::Exists);
        QVERIFY2(again.error().english().find("exists already") != std::string::npos,
                 again.error().describe().c_str());
        auto reopened = shm::createPosixObject("/inv-new", 2000, 0600, false, dir);
        QVERIFY(reopened.ok());
        QCOMPARE(reopened->size, std::uint64_t(2000));
        QCOMPARE(reopened->mode, 0640u); // an existing object keeps its mode
        auto resized = shm::resizePosixObject("/inv-new", 5000, dir);
        QVERIFY(resized.ok());
        QCOMPARE(resized->size, std::uint64_t(5000));
        QVERIFY(shm::removePosixObject("/inv-new", dir).ok());
        auto removedTwice = shm::removePosixObject("/inv-new", dir);
        QVERIFY(!removedTwice.ok());
        QCOMPARE(removedTwice.error().kind, shm::ErrorKind::NotFound);
        auto resizeGone = shm::resizePosixObject("/inv-new", 1, dir);
        QVERIFY(!resizeGone.ok());
        QCOMPARE(resizeGone.error().kind, shm::ErrorKind::NotFound);
        QVERIFY2(resizeGone.error().english().find("no POSIX shared memory object")
                     != std::string::npos,
                 resizeGone.error().describe().c_str());
        // tmpfs takes any size up to 2^63 - 1 (sparse); past it, off_t cannot say it.
        auto tooBig = shm::resizePosixObject("/inv-held", ~std::uint64_t(0), dir);
        QVERIFY(!tooBig.ok());
        QCOMPARE(tooBig.error().errnum, EFBIG);
        QVERIFY2(tooBig.error().english().find("more than a file") != std::string::npos,
                 tooBig.error().describe().c_str());
        child.stop(); // its tmpfs goes with its mount namespace
    }

    // A full tmpfs: creation is refused with a sentence that says so.
    void fullTmpfs()
    {
        ChildProcess child([] {
            if (!privateDevShm("size=64k,nr_inodes=4,mode=1777"))
                _exit(3);
        });
        if (!child.waitReady())
            QSKIP("this machine does not let a child mount a tmpfs in a private mount namespace "
                  "(as root, or in a user namespace of its own)");
        const std::string dir = shm::devShmOf(child.pid());
        shm::Error last;
        bool refused = false;
        for (int i = 0; i < 16 && !refused; ++i) {
            auto made = shm::createPosixObject("/fill-" + std::to_string(i), 10, 0600, true, dir);
            if (!made) {
                refused = true;
                last = made.error();
            }
        }
        QVERIFY(refused);
        QCOMPARE(last.errnum, ENOSPC);
        QCOMPARE(last.kind, shm::ErrorKind::LimitReached);
        QVERIFY2(last.english().find("full") != std::string::npos, last.describe().c_str());
        child.stop();
    }

    // The refusals of an unprivileged user on root's objects in the real /dev/shm.
    void posixRefusalsAsNobody()
    {
        if (geteuid() != 0)
            QSKIP("needs root: the objects are root's, the steps nobody's");
        const std::string name = "/shmscope-tst-" + std::to_string(getpid());
        DevShmObject object(name, 0600);
        const QString n = QString::fromStdString(name);
        const auto reports = runAsUnprivileged({"posixresize " + n + " 100",
                                                "posixremove " + n,
                                                "posixcreate " + n + " 100 0600 excl",
                                                "posixcreate " + n + " 100 0600 any",
                                                "posixcreate bad/name 1 0600 excl"});
        QCOMPARE(reports.size(), 5);
        QVERIFY2(!reports[0].ok && reports[0].errnoName == "EACCES", qPrintable(reports[0].summary()));
        QVERIFY2(reports[0].text.contains("mode 0600"), qPrintable(reports[0].summary()));
        QVERIFY2(!reports[1].ok && reports[1].errnoName == "EPERM", qPrintable(reports[1].summary()));
        QVERIFY2(reports[1].text.contains("sticky"), qPrintable(reports[1].summary()));
        QVERIFY2(!reports[2].ok && reports[2].errnoName == "EEXIST", qPrintable(reports[2].summary()));
        QVERIFY2(!reports[3].ok && reports[3].errnoName == "EACCES", qPrintable(reports[3].summary()));
        QVERIFY2(!reports[4].ok && reports[4].kind == "BadInput", qPrintable(reports[4].summary()));
        struct stat st{};
        QCOMPARE(::stat(("/dev/shm" + name).c_str(), &st), 0); // still there, size unchanged
        QCOMPARE(st.st_size, off_t(4096));
    }

    // memfds held by a child: one sealed, held by a descriptor and a read-only mapping; one
    // mapped read-write whose descriptor is closed. Each is listed once, with its size and
    // seals and every holder.
    void memfdsHeldByAChild()
    {
        ChildProcess child([] {
            const int sealed = ::memfd_create("inv-sealed", MFD_ALLOW_SEALING | MFD_CLOEXEC);
            if (sealed < 0 || ::ftruncate(sealed, 3 * 4096) != 0
                || ::fcntl(sealed, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW) != 0
                || ::dup2(sealed, SealedFd) != SealedFd)
                _exit(3);
            ::close(sealed);
            if (::mmap(nullptr, 3 * 4096, PROT_READ, MAP_SHARED, SealedFd, 0) == MAP_FAILED)
                _exit(4);
            const int mapped = ::memfd_create("inv-mapped-only", MFD_CLOEXEC);
            if (mapped < 0 || ::ftruncate(mapped, 8192) != 0
                || ::mmap(nullptr, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, mapped, 0)
                    == MAP_FAILED)
                _exit(5);
            ::close(mapped);
        });
        QVERIFY(child.waitReady());
        shm::InventoryOptions options;
        options.all = true;
        options.attachers = true;
        bool ok = false;
        const auto listing = listOrFail(options, &ok);
        QVERIFY(ok);
        const auto childsOwn = [&](const std::string &name) {
            std::vector<const shm::MemfdObject *> found;
            for (const shm::MemfdObject *m : memfdsNamed(listing.memfds, name)) {
                if (std::any_of(m->holders.begin(), m->holders.end(),
                                [&](const shm::Holder &h) { return h.pid == child.pid(); }))
                    found.push_back(m);
            }
            return found;
        };
        const auto sealedList = childsOwn("inv-sealed");
        QCOMPARE(sealedList.size(), 1u); // one object for the descriptor and the mapping
        const shm::MemfdObject &sealed = *sealedList.front();
        QVERIFY(sealed.size);
        QCOMPARE(*sealed.size, std::uint64_t(3 * 4096));
        QVERIFY(sealed.seals);
        QCOMPARE(shm::sealNames(*sealed.seals), (std::vector<std::string>{"shrink", "grow"}));
        QVERIFY2(sealed.holders.size() == 2
                     && hasHolder(sealed.holders, child.pid(), shm::HolderVia::Fd, true, SealedFd)
                     && hasHolder(sealed.holders, child.pid(), shm::HolderVia::Map, false),
                 qPrintable(holdersText(sealed.holders)));
        const auto mappedList = childsOwn("inv-mapped-only");
        QCOMPARE(mappedList.size(), 1u);
        const shm::MemfdObject &mapped = *mappedList.front();
        QVERIFY2(mapped.holders.size() == 1
                     && hasHolder(mapped.holders, child.pid(), shm::HolderVia::Map, true),
                 qPrintable(holdersText(mapped.holders)));
        if (geteuid() == 0) { // /proc/PID/map_files needs CAP_SYS_ADMIN
            QVERIFY(mapped.size);
            QCOMPARE(*mapped.size, std::uint64_t(8192));
            QVERIFY(mapped.seals);
            QCOMPARE(shm::sealNames(*mapped.seals), std::vector<std::string>{"seal"});
        }

        const ProgramRun run = runProgram(binary(), {"--list", "--json", "--all", "--attachers"});
        QCOMPARE(run.exitCode, 0);
        bool seen = false;
        for (const QJsonValue &m : QJsonDocument::fromJson(run.out).object()["memfd"].toArray()) {
            if (m["inode"].toInteger() != qint64(sealed.id.inode) || m["name"] != "inv-sealed")
                continue;
            seen = true;
            QCOMPARE(m["size"].toInteger(), 3 * 4096);
            QCOMPARE(m["seals"].toArray(), (QJsonArray{"shrink", "grow"}));
            const QJsonArray attachers = m["attachers"].toArray();
            QCOMPARE(attachers.size(), 2);
            for (const QJsonValue &a : attachers) {
                QCOMPARE(a["pid"].toInt(), int(child.pid()));
                if (a["via"] == QStringLiteral("fd")) {
                    QCOMPARE(a["fd"].toInt(), SealedFd);
                    QCOMPARE(a["access"].toString(), QStringLiteral("read-write"));
                } else {
                    QCOMPARE(a["access"].toString(), QStringLiteral("read-only"));
                }
            }
        }
        QVERIFY(seen);
        child.stop();
    }

    // A segment whose creator has gone and that nobody attaches is an orphan; ours (creator
    // alive) and an attached one are not.
    void orphanSegments()
    {
        int pipeFds[2];
        QCOMPARE(::pipe(pipeFds), 0);
        ChildProcess creator([&pipeFds] {
            const int shmid = ::shmget(IPC_PRIVATE, 4096, 0600);
            if (shmid < 0 || ::write(pipeFds[1], &shmid, sizeof shmid) != sizeof shmid)
                _exit(3);
        });
        QVERIFY(creator.waitReady());
        int orphanId = -1;
        QCOMPARE(::read(pipeFds[0], &orphanId, sizeof orphanId), ssize_t(sizeof orphanId));
        ::close(pipeFds[0]);
        ::close(pipeFds[1]);
        const auto removeOrphan = qScopeGuard([orphanId] { ::shmctl(orphanId, IPC_RMID, nullptr); });
        TestSegment ours(4096, 0600);
        QVERIFY(ours.isValid());

        shm::InventoryOptions options;
        options.orphans = true;
        bool ok = false;
        auto listing = listOrFail(options, &ok);
        QVERIFY(ok);
        QVERIFY2(!segmentWithId(listing.segments, orphanId), "its creator is alive");
        const pid_t creatorPid = creator.pid();
        creator.stop();
        QVERIFY(shm::processGone(creatorPid));
        listing = listOrFail(options, &ok);
        QVERIFY(ok);
        const shm::SegmentInfo *orphan = segmentWithId(listing.segments, orphanId);
        QVERIFY(orphan);
        QVERIFY(shm::segmentAge(*orphan, listing.now) >= 0);
        QVERIFY(!segmentWithId(listing.segments, ours.shmid()));
        for (const shm::SegmentInfo &s : listing.segments)
            QVERIFY(s.nattch == 0 && shm::processGone(s.cpid));

        const ProgramRun run = runProgram(binary(), {"--list", "--json", "--orphans"});
        QCOMPARE(run.exitCode, 0);
        bool seen = false;
        for (const QJsonValue &s : QJsonDocument::fromJson(run.out).object()["segments"].toArray()) {
            QVERIFY(s["shmid"].toInt() != ours.shmid());
            if (s["shmid"].toInt() == orphanId) {
                seen = true;
                QVERIFY(s["age"].toInteger() >= 0);
            }
        }
        QVERIFY(seen);

        // Attached by a process, it is no orphan, whoever made it.
        ChildProcess attacher([orphanId] {
            if (::shmat(orphanId, nullptr, SHM_RDONLY) == reinterpret_cast<void *>(-1))
                _exit(3);
        });
        QVERIFY(attacher.waitReady());
        listing = listOrFail(options, &ok);
        QVERIFY(ok);
        QVERIFY(!segmentWithId(listing.segments, orphanId));
        attacher.stop();
    }

    // --list --json writes its text a part at a time: the same text as formatJson, across
    // the parts' edges.
    void streamedJsonIsFormatJson_data()
    {
        QTest::addColumn<int>("count");
        for (int count : {0, 1, 63, 64, 65, 200, 1000, 5000})
            QTest::addRow("%d segments", count) << count;
    }
    void streamedJsonIsFormatJson()
    {
        QFETCH(int, count);
        std::vector<shm::SegmentInfo> segments;
        for (int i = 0; i < count; ++i) {
            shm::SegmentInfo s;
            s.key = i * 7919 - 5;
            s.shmid = i * 32768 + i;
            s.mode = 0640 | (i % 3 == 0 ? shm::ModeDestBit : 0);
            s.size = std::uint64_t(i) << 20;
            s.cpid = i + 1;
            s.uid = s.gid = s.cuid = s.cgid = uid_t(i % 2 ? 0 : 65534);
            s.atime = i % 5 ? 1764650000 + i : 0;
            s.ctime = 1764650000;
            segments.push_back(s);
        }
        shm::NameCache names;
        const std::string whole = shm::formatJson(segments, names);
        char *buffer = nullptr;
        std::size_t size = 0;
        std::FILE *memory = ::open_memstream(&buffer, &size);
        QVERIFY(memory);
        shm::writeJson(segments, names, memory);
        std::fclose(memory);
        const std::string streamed(buffer, size);
        std::free(buffer);
        QCOMPARE(streamed.size(), whole.size());
        QVERIFY(streamed == whole);
    }

    // /proc/sysvipc/shm is read a buffer at a time: a file of it parses to what its whole text
    // parses to, lines across the buffers' edges, a last line without newline and a line
    // longer than a buffer included.
    void procShmReadInParts()
    {
        QTemporaryFile file;
        QVERIFY(file.open());
        std::string text = "       key      shmid perms                  size  cpid  lpid nattch   uid   "
                           "gid  cuid  cgid      atime      dtime      ctime                   rss"
                           "                  swap\n";
        for (int i = 0; i < 3000; ++i) {
            text += std::to_string(i * 31 - 7) + " " + std::to_string(i * 32768 + i)
                + "   1600 " + std::to_string(4096 * (i + 1)) + " 12 13 " + std::to_string(i % 4)
                + " 0 0 0 0 0 0 1764650000 " + std::to_string(4096 * (i % 3)) + " 0\n";
            if (i == 1500)
                text += std::string(70000, 'x') + "\n"; // longer than a buffer: not a line of ours
        }
        text += "1 999999 600 4096 1 1 0 0 0 0 0 0 0 0 0 0"; // no newline
        file.write(text.data(), qint64(text.size()));
        file.close();
        int skipped = 0;
        const auto whole = shm::parseProcSysvipcShm(text, &skipped);
        QCOMPARE(whole.size(), 3001u);
        QVERIFY(skipped >= 1);
        const auto parts = shm::listSegmentsFromProc(file.fileName().toStdString());
        QVERIFY(parts.ok());
        QCOMPARE(parts->size(), whole.size());
        QVERIFY(*parts == whole);
    }

    void processGoneForUnknownPids()
    {
        QVERIFY(!shm::processGone(getpid()));
        QVERIFY(shm::processGone(0));
        QVERIFY(shm::processGone(999999999));
    }

    void containerOfCgroup_data()
    {
        QTest::addColumn<QByteArray>("cgroup");
        QTest::addColumn<QString>("container");
        const QByteArray id = "3f4e5d6c7b8a9f0e1d2c3b4a5968778695a4b3c2d1e0f9e8d7c6b5a49382716f";
        QTest::newRow("docker, cgroup v2 systemd")
            << "0::/system.slice/docker-" + id + ".scope\n" << "docker:3f4e5d6c7b8a";
        QTest::newRow("docker, cgroup v1")
            << "12:memory:/docker/" + id + "\n1:name=systemd:/docker/" + id + "\n"
            << "docker:3f4e5d6c7b8a";
        QTest::newRow("podman") << "0::/machine.slice/libpod-" + id + ".scope/container\n"
                                << "podman:3f4e5d6c7b8a";
        QTest::newRow("containerd (cri)")
            << "0::/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod1.slice/"
               "cri-containerd-" + id + ".scope\n"
            << "containerd:3f4e5d6c7b8a";
        QTest::newRow("cri-o") << "0::/kubepods.slice/crio-" + id + ".scope\n"
                               << "cri-o:3f4e5d6c7b8a";
        QTest::newRow("kubernetes without runtime prefix")
            << "0::/kubepods/besteffort/pod1234/" + id + "\n" << "containerd:3f4e5d6c7b8a";
        QTest::newRow("systemd-nspawn machine")
            << QByteArray("0::/machine.slice/machine-web\\x2dfront.scope/payload\n")
            << "machine:web-front";
        QTest::newRow("lxc payload") << QByteArray("0::/lxc.payload.db1/init.scope\n")
                                     << "lxc:db1";
        QTest::newRow("lxc v1") << QByteArray("4:cpu:/lxc/db2\n") << "lxc:db2";
        QTest::newRow("user session") << QByteArray("0::/user.slice/user-1000.slice/session-2.scope\n")
                                      << QString();
        QTest::newRow("docker, short id is no id")
            << QByteArray("0::/system.slice/docker-abc.scope\n") << QString();
        QTest::newRow("root") << QByteArray("0::/\n") << QString();
        QTest::newRow("empty") << QByteArray() << QString();
        QTest::newRow("garbage") << QByteArray("::::\n\n:x\x01") << QString();
    }
    void containerOfCgroup()
    {
        QFETCH(QByteArray, cgroup);
        QFETCH(QString, container);
        const auto found = shm::containerOfCgroup(std::string_view(cgroup.constData(), cgroup.size()));
        QCOMPARE(found ? QString::fromStdString(*found) : QString(), container);
    }

    void mapsEntry_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<bool>("writable");
        QTest::addColumn<bool>("shared");
        QTest::addColumn<uint>("major");
        QTest::addColumn<uint>("minor");
        QTest::addColumn<quint64>("inode");
        QTest::addColumn<QByteArray>("path");
        QTest::newRow("posix object")
            << QByteArray("7f0000000000-7f0000003000 rw-s 00000000 00:1a 42          /dev/shm/x")
            << true << true << true << 0u << 0x1au << quint64(42) << QByteArray("/dev/shm/x");
        QTest::newRow("memfd with spaces")
            << QByteArray("1000-2000 r--s 00001000 00:01 7 /memfd:a b (deleted)") << true << false
            << true << 0u << 1u << quint64(7) << QByteArray("/memfd:a b (deleted)");
        QTest::newRow("private file") << QByteArray("1000-2000 r-xp 0 fd:01 99 /usr/lib/x.so")
                                      << true << false << false << 0xfdu << 1u << quint64(99)
                                      << QByteArray("/usr/lib/x.so");
        QTest::newRow("anonymous") << QByteArray("1000-2000 rw-p 00000000 00:00 0") << true
                                   << true << false << 0u << 0u << quint64(0) << QByteArray();
        QTest::newRow("bad perms") << QByteArray("1000-2000 rwxq 0 00:00 0 /x") << false << false
                                   << false << 0u << 0u << quint64(0) << QByteArray();
        QTest::newRow("no device colon") << QByteArray("1000-2000 rw-s 0 0001 0 /x") << false
                                         << false << false << 0u << 0u << quint64(0) << QByteArray();
        QTest::newRow("end before start") << QByteArray("2000-1000 rw-s 0 00:01 0 /x") << false
                                          << false << false << 0u << 0u << quint64(0)
                                          << QByteArray();
        QTest::newRow("major too big") << QByteArray("1000-2000 rw-s 0 1000:01 0 /x") << false
                                       << false << false << 0u << 0u << quint64(0) << QByteArray();
        QTest::newRow("empty") << QByteArray() << false << false << false << 0u << 0u << quint64(0)
                               << QByteArray();
    }
    void mapsEntry()
    {
        QFETCH(QByteArray, line);
        QFETCH(bool, valid);
        const auto entry = shm::parseMapsEntry(std::string_view(line.constData(), line.size()));
        QCOMPARE(entry.has_value(), valid);
        if (!valid)
            return;
        QFETCH(bool, writable);
        QFETCH(bool, shared);
        QFETCH(uint, major);
        QFETCH(uint, minor);
        QFETCH(quint64, inode);
        QFETCH(QByteArray, path);
        QCOMPARE(entry->writable, writable);
        QCOMPARE(entry->shared, shared);
        QCOMPARE(entry->device, makedev(major, minor));
        QCOMPARE(quint64(entry->inode), inode);
        QCOMPARE(QByteArray(entry->path.data(), qsizetype(entry->path.size())), path);
    }

    void fdinfoFlags_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("flags"); // -1: none
        QTest::newRow("read-write") << QByteArray("pos:\t0\nflags:\t0100002\nmnt_id:\t25\n") << 0100002;
        QTest::newRow("read-only first") << QByteArray("flags:\t02100000\n") << 02100000;
        QTest::newRow("no flags") << QByteArray("pos:\t0\n") << -1;
        QTest::newRow("not octal") << QByteArray("flags:\t0109\n") << -1;
        QTest::newRow("trailing words") << QByteArray("flags:\t02 x\n") << -1;
        QTest::newRow("empty") << QByteArray() << -1;
    }
    void fdinfoFlags()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, flags);
        const auto found = shm::parseFdinfoFlags(std::string_view(text.constData(), text.size()));
        QCOMPARE(found ? int(*found) : -1, flags);
    }

    void memfdName_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QString>("name"); // null: not a memfd
        QTest::newRow("deleted") << QByteArray("/memfd:wayland-shm (deleted)") << "wayland-shm";
        QTest::newRow("no suffix") << QByteArray("/memfd:x") << "x";
        QTest::newRow("empty name") << QByteArray("/memfd: (deleted)") << "";
        QTest::newRow("file") << QByteArray("/dev/shm/memfd:x") << QString();
        QTest::newRow("empty") << QByteArray() << QString();
    }
    void memfdName()
    {
        QFETCH(QByteArray, path);
        QFETCH(QString, name);
        const auto found = shm::memfdName(std::string_view(path.constData(), path.size()));
        QCOMPARE(found.has_value(), !name.isNull());
        if (found)
            QCOMPARE(QString::fromStdString(*found), name);
    }

    void posixNames_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << QByteArray("/data") << true;
        QTest::newRow("dots inside") << QByteArray("/a.b") << true;
        QTest::newRow("255 bytes") << "/" + QByteArray(255, 'n') << true;
        QTest::newRow("256 bytes") << "/" + QByteArray(256, 'n') << false;
        QTest::newRow("no slash") << QByteArray("data") << false;
        QTest::newRow("slash only") << QByteArray("/") << false;
        QTest::newRow("two slashes") << QByteArray("/a/b") << false;
        QTest::newRow("dot") << QByteArray("/.") << false;
        QTest::newRow("dot dot") << QByteArray("/..") << false;
        QTest::newRow("NUL") << QByteArray("/a\0b", 4) << false;
        QTest::newRow("empty") << QByteArray() << false;
    }
    void posixNames()
    {
        QFETCH(QByteArray, name);
        QFETCH(bool, valid);
        const auto checked = shm::checkPosixName(std::string_view(name.constData(), name.size()));
        QCOMPARE(checked.ok(), valid);
        if (!valid) {
            QCOMPARE(checked.error().kind, shm::ErrorKind::BadInput);
            QVERIFY(!checked.error().english().empty());
        }
    }

    void processIds_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("pid"); // 0: refused
        QTest::newRow("one") << QByteArray("1") << 1;
        QTest::newRow("large") << QByteArray("4194304") << 4194304;
        QTest::newRow("zero") << QByteArray("0") << 0;
        QTest::newRow("negative") << QByteArray("-5") << 0;
        QTest::newRow("word") << QByteArray("abc") << 0;
        QTest::newRow("trailing") << QByteArray("12x") << 0;
        QTest::newRow("too large") << QByteArray("99999999999") << 0;
        QTest::newRow("empty") << QByteArray() << 0;
    }
    void processIds()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, pid);
        const auto parsed = shm::parseProcessId(std::string_view(text.constData(), text.size()));
        QCOMPARE(parsed.ok() ? int(*parsed) : 0, pid);
    }
};

QTEST_GUILESS_MAIN(TestCoreInventory)
#include "tst_coreinventory.moc"
