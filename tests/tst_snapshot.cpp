// Snapshots and range diffs on real segments: a snapshot of a sparse SHM_NORESERVE segment is a
// sparse file with the segment's bytes and leaves the segment's resident size as it was; what
// another process writes afterwards comes back, exactly, as the differing ranges of live memory
// against the snapshot and of two snapshots; a failed or cancelled snapshot leaves no temporary
// and keeps the file it would have replaced.

#include "core/attachment.h"
#include "core/memoryaccess.h"
#include "core/rangediff.h"
#include "core/snapshot.h"
#include "support/asuser.h"
#include "support/testsegment.h"

#include <QDir>
#include <QFile>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <cstring>
#include <grp.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using shm::ByteRange;
using shm::DiffSource;
using shm::MemoryAccess;

namespace {

struct Write
{
    std::uint64_t offset;
    QByteArray bytes;
};

void writeInto(const shm::Attachment &attachment, const std::vector<Write> &writes)
{
    for (const Write &w : writes)
        std::memcpy(attachment.writableData() + w.offset, w.bytes.constData(),
                    std::size_t(w.bytes.size()));
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The entries of a directory, to see that no temporary is left.
QStringList entries(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
}

shm::Result<shm::DiffResult> compareFileWithMemory(const QString &path, const MemoryAccess &memory)
{
    auto file = DiffSource::openFile(path.toStdString());
    if (!file)
        return file.error();
    return shm::compareSources(DiffSource::fromMemory(memory), *file);
}

} // namespace

class TestSnapshot : public QObject
{
    Q_OBJECT
private slots:
    // 256 MiB SHM_NORESERVE, three pages written: the file is 256 MiB long, holds those bytes
    // and zeros, takes a few blocks on disk, and the segment stays three pages resident.
    void sparseSegmentGivesSparseFile()
    {
        const std::uint64_t size = std::uint64_t(256) << 20;
        shmtest::TestSegment segment(size, 0600, 0, SHM_NORESERVE);
        if (!segment.isValid())
            QSKIP(segment.error().c_str());
        auto attachment = shm::Attachment::attach(segment.shmid(), shm::Access::ReadWrite);
        QVERIFY(attachment);
        const std::vector<Write> writes
            = {{0, "first"}, {size / 3 + 5, "middle"}, {size - 4, "last"}};
        writeInto(*attachment, writes);
        const std::uint64_t residentBefore = shmtest::residentBytes(segment.shmid());
        QCOMPARE(residentBefore, 3 * MemoryAccess::pageSize());

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sparse.snap"));
        const auto memory = MemoryAccess::forAttachment(*attachment);
        const auto report = shm::writeSnapshot(memory, 0, size, path.toStdString());
        QVERIFY2(report, report ? "" : report.error().describe().c_str());
        QCOMPARE(report->length, size);
        QCOMPARE(report->holeBytes, size - 3 * MemoryAccess::pageSize());
        QCOMPARE(report->unreadable, std::uint64_t(0));
        QCOMPARE(shmtest::residentBytes(segment.shmid()), residentBefore);

        struct stat st
        {
        };
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(std::uint64_t(st.st_size), size);
        QVERIFY2(std::uint64_t(st.st_blocks) * 512 <= std::uint64_t(1) << 20,
                 qPrintable(QStringLiteral("%1 bytes on disk").arg(st.st_blocks * 512)));
        const QByteArray bytes = fileBytes(path);
        QCOMPARE(std::uint64_t(bytes.size()), size);
        QByteArray expected(qsizetype(size), '\0');
        for (const Write &w : writes)
            expected.replace(qsizetype(w.offset), w.bytes.size(), w.bytes);
        QVERIFY(bytes == expected);

        // Comparing it with the live segment reads no untouched page either.
        const auto diff = compareFileWithMemory(path, memory);
        QVERIFY(diff);
        QCOMPARE(diff->changedBytes, std::uint64_t(0));
        QVERIFY(diff->ranges.empty());
        QCOMPARE(shmtest::residentBytes(segment.shmid()), residentBefore);
    }

    // A snapshot, then another process writes known bytes: live against the snapshot and the
    // snapshot against a second one give exactly those runs.
    void diffGivesWhatAnotherProcessWrote()
    {
        const std::uint64_t size = std::uint64_t(8) << 20;
        shmtest::TestSegment segment(size, 0600, 0, SHM_NORESERVE);
        QVERIFY2(segment.isValid(), segment.error().c_str());
        auto attachment = shm::Attachment::attach(segment.shmid(), shm::Access::ReadOnly);
        QVERIFY(attachment);
        QTemporaryDir dir;
        const std::string before = dir.filePath(QStringLiteral("before")).toStdString();
        const std::string after = dir.filePath(QStringLiteral("after")).toStdString();
        const auto memory = MemoryAccess::forAttachment(*attachment);
        QVERIFY(shm::writeSnapshot(memory, 0, size, before));

        // Runs that touch (4096 and 4097 join 4093..4095), one at the end, one across 4 MiB
        // (the compare's chunk).
        const std::vector<Write> writes
            = {{10, "abc"}, {4093, "xyz"}, {4096, "12"}, {(4 << 20) - 2, "four"}, {size - 1, "!"}};
        const int shmid = segment.shmid();
        for (const Write &w : writes)
            QCOMPARE(shmtest::writeInAnotherProcess(shmid, w.offset, w.bytes), QString());
        const std::vector<ByteRange> expected
            = {{10, 3}, {4093, 5}, {(4 << 20) - 2, 4}, {size - 1, 1}};

        const std::uint64_t resident = shmtest::residentBytes(shmid);
        const auto live = compareFileWithMemory(QString::fromStdString(before), memory);
        QVERIFY(live);
        QCOMPARE(live->size, size);
        QCOMPARE(live->ranges, expected);
        QCOMPARE(live->changedBytes, std::uint64_t(13));
        QVERIFY(!live->rangesCut);
        QCOMPARE(shmtest::residentBytes(shmid), resident);

        QVERIFY(shm::writeSnapshot(memory, 0, size, after));
        auto a = DiffSource::openFile(before);
        auto b = DiffSource::openFile(after);
        QVERIFY(a && b);
        const auto files = shm::compareSources(*a, *b);
        QVERIFY(files);
        QCOMPARE(files->ranges, expected);
        QCOMPARE(files->changedBytes, std::uint64_t(13));

        // A limit on the list: cut, while the count stays whole.
        const auto cut = shm::compareSources(*a, *b, {}, 2);
        QVERIFY(cut);
        QVERIFY(cut->rangesCut);
        QCOMPARE(cut->ranges, std::vector<ByteRange>(expected.begin(), expected.begin() + 2));
        QCOMPARE(cut->changedBytes, std::uint64_t(13));

        // A selection's snapshot: the bytes of the window only, compared with that window.
        const std::string window = dir.filePath(QStringLiteral("window")).toStdString();
        QVERIFY(shm::writeSnapshot(memory, 4090, 16, window));
        QCOMPARE(fileBytes(QString::fromStdString(window)),
                 QByteArray("\0\0\0xyz12\0\0\0\0\0\0\0\0", 16));
        auto windowFile = DiffSource::openFile(window);
        QVERIFY(windowFile);
        const auto same
            = shm::compareSources(DiffSource::fromMemory(memory, 4090, 16), *windowFile);
        QVERIFY(same);
        QCOMPARE(same->changedBytes, std::uint64_t(0));
    }

    void differentSizesRefused()
    {
        shmtest::TestSegment segment(8192);
        QVERIFY(segment.isValid());
        auto attachment = shm::Attachment::attach(segment.shmid());
        QVERIFY(attachment);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("small"));
        QVERIFY(writeFile(path, QByteArray(4096, 'x')));
        const auto diff = compareFileWithMemory(path, MemoryAccess::forAttachment(*attachment));
        QVERIFY(!diff);
        QCOMPARE(diff.error().kind, shm::ErrorKind::BadInput);
        const std::string text = diff.error().english();
        QVERIFY2(text.find("8192") != std::string::npos && text.find("4096") != std::string::npos,
                 text.c_str());
        // Not a regular file, and a missing one: refused with a reason.
        QVERIFY(!DiffSource::openFile(dir.path().toStdString()));
        const auto missing
            = DiffSource::openFile(dir.filePath(QStringLiteral("none")).toStdString());
        QVERIFY(!missing);
        QCOMPARE(missing.error().kind, shm::ErrorKind::NotFound);
    }

    // A file size limit fails the write half-way (EFBIG): the old file is kept, whole, and no
    // temporary is left beside it.
    void failedWriteKeepsTheOldFile()
    {
        const std::uint64_t size = std::uint64_t(1) << 20;
        shmtest::TestSegment segment(size);
        QVERIFY(segment.isValid());
        auto attachment = shm::Attachment::attach(segment.shmid(), shm::Access::ReadWrite);
        QVERIFY(attachment);
        std::memset(attachment->writableData(), 0x5a, size);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("kept"));
        QVERIFY(writeFile(path, "the old snapshot"));

        const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit previous {};
        getrlimit(RLIMIT_FSIZE, &previous);
        rlimit limited = previous;
        limited.rlim_cur = 64 * 1024;
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &limited), 0);
        const auto result = shm::writeSnapshot(MemoryAccess::forAttachment(*attachment), 0, size,
                                               path.toStdString());
        setrlimit(RLIMIT_FSIZE, &previous);
        std::signal(SIGXFSZ, previousHandler);

        QVERIFY(!result);
        QCOMPARE(result.error().errnum, EFBIG);
        QVERIFY2(result.error().english().find("ulimit") != std::string::npos,
                 result.error().describe().c_str());
        QCOMPARE(fileBytes(path), QByteArray("the old snapshot"));
        QCOMPARE(entries(dir.path()), QStringList {QStringLiteral("kept")});
    }

    // No space left on a device written in place: the error says so.
    void fullDevice()
    {
        shmtest::TestSegment segment(65536);
        QVERIFY(segment.isValid());
        auto attachment = shm::Attachment::attach(segment.shmid(), shm::Access::ReadWrite);
        QVERIFY(attachment);
        std::memset(attachment->writableData(), 1, 65536);
        const auto result
            = shm::writeSnapshot(MemoryAccess::forAttachment(*attachment), 0, 65536, "/dev/full");
        QVERIFY(!result);
        QCOMPARE(result.error().errnum, ENOSPC);
        QVERIFY2(result.error().english().find("full") != std::string::npos,
                 result.error().describe().c_str());
    }

    // The unprivileged user may read the segment but not write in the directory: EACCES, and
    // the file there is kept. (Run in a forked child that drops to nobody when we are root.)
    void unwritableDirectory()
    {
        shmtest::TestSegment segment(65536, 0644);
        QVERIFY(segment.isValid());
        QTemporaryDir dir;
        QVERIFY(::chmod(QFile::encodeName(dir.path()).constData(), 0755) == 0);
        const QString path = dir.filePath(QStringLiteral("kept"));
        QVERIFY(writeFile(path, "old"));
        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0644) == 0);
        const bool root = geteuid() == 0;
        if (!root)
            QVERIFY(::chmod(QFile::encodeName(dir.path()).constData(), 0555) == 0);
        auto restore
            = qScopeGuard([&] { ::chmod(QFile::encodeName(dir.path()).constData(), 0755); });

        const std::string target = path.toStdString();
        const int shmid = segment.shmid();
        const pid_t child = fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            // No Qt here: the core alone, and _exit.
            if (root
                && (setgroups(0, nullptr) != 0 || setresgid(65534, 65534, 65534) != 0
                    || setresuid(65534, 65534, 65534) != 0))
                _exit(100);
            auto attachment = shm::Attachment::attach(shmid, shm::Access::ReadOnly);
            if (!attachment)
                _exit(101);
            const auto result
                = shm::writeSnapshot(MemoryAccess::forAttachment(*attachment), 0, 65536, target);
            if (result)
                _exit(0);
            _exit(result.error().kind == shm::ErrorKind::PermissionDenied
                          && result.error().english().find("directory") != std::string::npos
                      ? result.error().errnum
                      : 102);
        }
        int status = 0;
        QCOMPARE(waitpid(child, &status, 0), child);
        QVERIFY(WIFEXITED(status));
        QCOMPARE(WEXITSTATUS(status), EACCES);
        QCOMPARE(fileBytes(path), QByteArray("old"));
        QCOMPARE(entries(dir.path()), QStringList {QStringLiteral("kept")});
    }

    // Cancelled half-way: nothing written, the old file kept, no temporary; progress reached
    // the point of the cancel.
    void cancelKeepsTheOldFile()
    {
        const std::uint64_t size = std::uint64_t(32) << 20;
        shmtest::TestSegment segment(size);
        QVERIFY(segment.isValid());
        auto attachment = shm::Attachment::attach(segment.shmid(), shm::Access::ReadWrite);
        QVERIFY(attachment);
        std::memset(attachment->writableData(), 7, size);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("kept"));
        QVERIFY(writeFile(path, "old"));
        std::uint64_t seen = 0;
        const auto result = shm::writeSnapshot(MemoryAccess::forAttachment(*attachment), 0, size,
                                               path.toStdString(), [&](std::uint64_t done) {
                                                   seen = done;
                                                   return done < size / 2;
                                               });
        QVERIFY(result);
        QVERIFY(result->cancelled);
        QVERIFY(seen >= size / 2 && seen < size);
        QCOMPARE(fileBytes(path), QByteArray("old"));
        QCOMPARE(entries(dir.path()), QStringList {QStringLiteral("kept")});

        // The same for a compare: cancelled, with what was seen so far.
        auto file = DiffSource::openFile(path.toStdString());
        QVERIFY(file);
        const auto memory = MemoryAccess::forAttachment(*attachment);
        const auto diff = shm::compareSources(DiffSource::fromMemory(memory, 0, 3), *file,
                                              [](std::uint64_t) { return false; });
        QVERIFY(diff);
        QVERIFY(diff->cancelled);
    }

    // A resident page that cannot be read (PROT_NONE after it was written: the kernel's own
    // copy fails with EFAULT, ours with SIGSEGV) is written as zeros and reported.
    void unreadablePageReported()
    {
        const std::uint64_t page = MemoryAccess::pageSize();
        void *mapping
            = mmap(nullptr, 4 * page, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
        QVERIFY(mapping != MAP_FAILED);
        auto unmap = qScopeGuard([&] { munmap(mapping, 4 * page); });
        std::memset(mapping, 0x33, 4 * page);
        auto *bytes = static_cast<std::byte *>(mapping);
        QCOMPARE(mprotect(bytes + 2 * page, page, PROT_NONE), 0);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("faulted"));
        const auto report
            = shm::writeSnapshot(MemoryAccess(bytes, 4 * page), 0, 4 * page, path.toStdString());
        QVERIFY2(report, report ? "" : report.error().describe().c_str());
        QCOMPARE(report->unreadable, page);
        QVERIFY(report->firstFault);
        QCOMPARE(report->firstFault->offset, 2 * page);
        QByteArray expected(qsizetype(4 * page), '\x33');
        expected.replace(qsizetype(2 * page), qsizetype(page), QByteArray(qsizetype(page), '\0'));
        QVERIFY(fileBytes(path) == expected);
        // Compared with its snapshot: the faulted page is counted, and reads as the zeros the
        // file holds.
        const auto diff = compareFileWithMemory(path, MemoryAccess(bytes, 4 * page));
        QVERIFY(diff);
        QCOMPARE(diff->unreadable, page);
        QCOMPARE(diff->changedBytes, std::uint64_t(0));
    }

    // A replaced file keeps its mode.
    void replacedFileKeepsItsMode()
    {
        shmtest::TestSegment segment(4096);
        QVERIFY(segment.isValid());
        auto attachment = shm::Attachment::attach(segment.shmid());
        QVERIFY(attachment);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mode"));
        QVERIFY(writeFile(path, {}));
        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0640) == 0);
        QVERIFY(shm::writeSnapshot(MemoryAccess::forAttachment(*attachment), 0, 4096,
                                   path.toStdString()));
        struct stat st
        {
        };
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(st.st_mode & 07777, mode_t(0640));
        QCOMPARE(st.st_size, off_t(4096));
    }
};

QTEST_GUILESS_MAIN(TestSnapshot)
#include "tst_snapshot.moc"
