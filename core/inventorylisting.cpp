#include "inventorylisting.h"

#include "attachers.h"
#include "listingformat.h"
#include "namecache.h"
#include "orphans.h"
#include "segmentlist.h"

#include <algorithm>
#include <cerrno>
#include <ctime>
#include <future>
#include <sys/stat.h>

namespace shm {

namespace {

// The System V part of a listing: segments, and with `all` the semaphore sets and queues, in
// the calling thread's IPC namespace. With `parallel` the queues are listed on a second thread
// meanwhile (only in our own namespace: a new thread does not inherit another's).
std::optional<Error> listSystemV(InventoryListing &listing, bool parallel)
{
    const bool all = listing.options.all;
    std::future<Result<std::vector<QueueInfo>>> queuesLater;
    if (all && parallel)
        queuesLater = std::async(std::launch::async, [] { return listQueues(); });
    auto segments = listSegments();
    if (!segments)
        return segments.error();
    listing.segments = std::move(*segments);
    if (!all)
        return std::nullopt;
    auto sets = listSemaphoreSets();
    if (!sets)
        return sets.error();
    listing.sets = std::move(*sets);
    auto queues = parallel ? queuesLater.get() : listQueues();
    if (!queues)
        return queues.error();
    listing.queues = std::move(*queues);
    return std::nullopt;
}

template<typename T, typename Keep>
void keepOnly(std::vector<T> &items, Keep keep)
{
    items.erase(std::remove_if(items.begin(), items.end(),
                               [&](const T &item) { return !keep(item); }),
                items.end());
}

} // namespace

namespace {

// What is not System V: the POSIX objects of `devShm`, and the holders of every kind (and the
// memfds among them), from /proc.
struct FileListing
{
    std::vector<PosixObject> posix;
    HolderScan holders;
    std::vector<MemfdObject> memfds;
};

Result<FileListing> listFiles(const InventoryOptions &options, const std::string &devShm,
                              std::optional<IpcNamespaceId> ns)
{
    FileListing files;
    if (options.all) {
        auto posix = listPosixObjects(devShm);
        if (!posix)
            return posix.error();
        files.posix = std::move(*posix);
    }
    if (options.attachers || options.all) {
        const bool posixHoldersWanted = options.all && (options.attachers || options.orphans);
        HolderScanRequest request;
        request.ipcNamespace = ns;
        request.sysv = options.attachers;
        request.memfd = options.all;
        struct stat st{};
        if (posixHoldersWanted && ::stat(devShm.c_str(), &st) == 0)
            request.posixDevices.insert(st.st_dev);
        request.posixUnderDevShm = devShm == "/dev/shm";
        files.holders = scanHolders(request);
        if (options.all)
            files.memfds = memfdsOf(files.holders);
    }
    return files;
}

} // namespace

namespace {

// --semaphores / --queues: those kinds alone, in the calling thread's IPC namespace.
std::optional<Error> listKinds(InventoryListing &listing)
{
    if (listing.options.semaphores) {
        auto sets = listSemaphoreSets();
        if (!sets)
            return sets.error();
        listing.sets = std::move(*sets);
    }
    if (listing.options.queues) {
        auto queues = listQueues();
        if (!queues)
            return queues.error();
        listing.queues = std::move(*queues);
    }
    return std::nullopt;
}

} // namespace

Result<InventoryListing> listInventory(const InventoryOptions &options)
{
    InventoryListing listing;
    listing.options = options;
    listing.now = static_cast<std::int64_t>(std::time(nullptr));
    if (options.kindsOnly()) {
        std::optional<Error> failure;
        if (options.namespacePid) {
            auto entered = runInIpcNamespace(*options.namespacePid,
                                             [&] { failure = listKinds(listing); });
            if (!entered)
                return entered.error();
        } else {
            failure = listKinds(listing);
        }
        if (failure)
            return *failure;
        return listing;
    }
    const pid_t pid = options.namespacePid.value_or(0);
    std::optional<IpcNamespaceId> ns;
    std::optional<Error> failure;
    Result<FileListing> files = FileListing{};
    if (options.namespacePid) {
        auto entered = runInIpcNamespace(pid, [&] { failure = listSystemV(listing, false); });
        if (!entered)
            return entered.error();
        ns = ipcNamespaceOf(pid);
        if (!ns)
            return noProcessError("--namespace", pid); // it exited while we listed
        if (!failure)
            files = listFiles(options, devShmOf(pid), ns);
    } else {
        // In our own namespace the reads of /proc go on a thread of their own meanwhile: they
        // and the System V calls do not wait for each other.
        auto filesLater = std::async(std::launch::async,
                                     [&] { return listFiles(options, devShmOf(0), ns); });
        failure = listSystemV(listing, true);
        files = filesLater.get();
    }
    if (failure)
        return *failure;
    if (!files)
        return files.error();
    listing.posix = std::move(files->posix);
    listing.holders = std::move(files->holders);
    listing.memfds = std::move(files->memfds);

    if (options.orphans) {
        keepOnly(listing.segments, [](const SegmentInfo &s) { return isOrphanSegment(s); });
        keepOnly(listing.posix, [&](const PosixObject &p) {
            return isOrphanPosixObject(p, listing.holders);
        });
        // Semaphore sets and queues have no attach count, and a memfd lives only while held:
        // none of them is an orphan by these rules.
        listing.sets.clear();
        listing.queues.clear();
        listing.memfds.clear();
    }
    return listing;
}

std::vector<Holder> segmentHolders(const InventoryListing &listing, const SegmentInfo &segment)
{
    std::vector<Holder> holders;
    const auto it = listing.holders.sysv.find(segment.shmid);
    if (it == listing.holders.sysv.end())
        return holders;
    for (const Holder &h : it->second) {
        if (mappingCanBe(h.end - h.start, segment.size))
            holders.push_back(h);
    }
    return holders;
}

std::vector<Holder> posixHolders(const InventoryListing &listing, const PosixObject &object)
{
    const auto it = listing.holders.files.find(FileId{object.device, object.inode});
    return it == listing.holders.files.end() ? std::vector<Holder>() : it->second;
}

namespace {

int writeAll(const std::string &text, std::FILE *out)
{
    std::fwrite(text.data(), 1, text.size(), out);
    return std::fflush(out) == 0 && !std::ferror(out) ? 0 : 1;
}

} // namespace

int printInventory(const InventoryOptions &options, std::FILE *out, std::FILE *err)
{
    auto listing = listInventory(options);
    if (!listing) {
        std::fprintf(err, "shmscope: %s\n", listing.error().describe().c_str());
        return 2;
    }
    NameCache names;
    return writeAll(options.json ? formatInventoryJson(*listing, names)
                                 : formatInventoryTable(*listing, names),
                    out);
}

int printNamespaces(bool json, std::FILE *out, std::FILE *err)
{
    auto namespaces = listIpcNamespaces();
    if (!namespaces) {
        std::fprintf(err, "shmscope: %s\n", namespaces.error().describe().c_str());
        return 2;
    }
    return writeAll(json ? formatNamespacesJson(*namespaces) : formatNamespacesTable(*namespaces),
                    out);
}

} // namespace shm
