// The memory view over mapped files (MemoryWindow::openFile): memfds made here and by a child
// (through /proc/PID/fd/N, or /proc/PID/map_files when only mapped), a POSIX object in a mount
// namespace of its own, changed and truncated by other processes
// while mapped. The view shows the bytes and their changes, survives a truncation (the pages
// past the end read as unreadable, writing there is refused, a note says the object shrank),
// re-opens read-write through its held descriptor, and says why a path cannot be opened: no
// such file, an empty object, the file's mode, another process's descriptor (ptrace read).
//
// The refusals of another user run in this program started again as nobody (--as-nobody, see
// main): a spawned process, never a fork of the Qt test process.

#include "support/testsegment.h"
#include "ui/common/errortext.h"
#include "ui/memory/bytesource.h"
#include "ui/memory/findbar.h"
#include "ui/memory/hexview.h"
#include "ui/memory/memoryview.h"
#include "ui/memory/memorywindow.h"
#include "ui/memory/segmentwatchthread.h"
#include "ui/memory/snapshotpanel.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <functional>
#include <memory>
#include <grp.h>
#include <sched.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

using shmtest::ChildProcess;

namespace {

constexpr quint64 ObjectSize = 64 * 1024;
// The descriptor a child keeps its memfd or object on, so that the test knows its path.
constexpr int ChildFd = 100;

// The byte at `offset` of the pattern every object here starts with.
char patternByte(quint64 offset)
{
    return char((offset * 7 + 3) & 0xff);
}

QByteArray pattern(quint64 size)
{
    QByteArray bytes(qsizetype(size), '\0');
    for (quint64 i = 0; i < size; ++i)
        bytes[qsizetype(i)] = patternByte(i);
    return bytes;
}

// Writes the pattern into fd (system calls only: also for a child). False on a short write.
bool writePattern(int fd, quint64 size)
{
    char chunk[4096];
    for (quint64 at = 0; at < size; at += sizeof chunk) {
        const quint64 n = std::min<quint64>(sizeof chunk, size - at);
        for (quint64 i = 0; i < n; ++i)
            chunk[i] = patternByte(at + i);
        if (::pwrite(fd, chunk, n, off_t(at)) != ssize_t(n))
            return false;
    }
    return true;
}

// A memfd of this process, closed in the destructor.
class Memfd
{
public:
    explicit Memfd(const char *name, quint64 size, unsigned flags = MFD_CLOEXEC)
        : m_fd(::memfd_create(name, flags))
    {
        if (m_fd >= 0 && (::ftruncate(m_fd, off_t(size)) != 0 || !writePattern(m_fd, size)))
            close();
    }
    ~Memfd() { close(); }
    Memfd(const Memfd &) = delete;
    Memfd &operator=(const Memfd &) = delete;
    int fd() const { return m_fd; }
    QString path() const { return QStringLiteral("/proc/self/fd/%1").arg(m_fd); }
    void close()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
    }

private:
    int m_fd = -1;
};

// What another process does to the file open as fd here: a child runs `action` on it (it
// inherits the descriptor), then is reaped. False when the action failed or timed out.
bool inAChild(const std::function<bool()> &action)
{
    int result[2];
    if (::pipe(result) != 0)
        return false;
    bool ok = false;
    {
        ChildProcess child([&] {
            const char c = action() ? 'y' : 'n';
            [[maybe_unused]] auto n = ::write(result[1], &c, 1);
        });
        if (child.waitReady()) {
            char c = 0;
            ok = ::read(result[0], &c, 1) == 1 && c == 'y';
        }
        child.stop();
    }
    ::close(result[0]);
    ::close(result[1]);
    return ok;
}

// The bytes the view's source gives for [offset, offset + count).
QByteArray viewBytes(const MemoryView &view, quint64 offset, quint64 count)
{
    QByteArray bytes(qsizetype(count), '\0');
    view.hexView()->source()->read(offset, reinterpret_cast<std::byte *>(bytes.data()), count);
    return bytes;
}

QByteArray fileBytes(int fd, quint64 offset, quint64 count)
{
    QByteArray bytes(qsizetype(count), '\0');
    const ssize_t n = ::pread(fd, bytes.data(), count, off_t(offset));
    bytes.resize(n < 0 ? 0 : qsizetype(n));
    return bytes;
}

// This test program started again as nobody (see main), running one check; its output line.
// Empty when nobody cannot run it (the build tree is not reachable): the caller skips.
QString asNobody(const QStringList &arguments)
{
    // A runtime folder of its own, removed after: Qt would otherwise make /tmp/runtime-nobody.
    QTemporaryDir runtime;
    if (!runtime.isValid()
        || ::chown(QFile::encodeName(runtime.path()).constData(), 65534, 65534) != 0)
        return QStringLiteral("no runtime folder");
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime.path());
    process.setProcessEnvironment(environment);
    process.setProgram(QCoreApplication::applicationFilePath());
    process.setArguments(QStringList{QStringLiteral("--as-nobody")} + arguments);
    process.start();
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        return QStringLiteral("timed out");
    }
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

// In a child: a mount namespace of its own with a fresh tmpfs on /dev/shm (root only), so the
// object made there is seen by nobody else and goes with the child.
bool privateDevShm()
{
    return ::unshare(CLONE_NEWNS) == 0
        && ::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) == 0
        && ::mount("tmpfs", "/dev/shm", "tmpfs", 0, "size=1m") == 0;
}

} // namespace

class TestMemoryFile : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void memfdShowsItsBytes();
    void changesByAChildAreSeen();
    void truncatedByAChildKeepsWorking();
    void grownByAChildSaysSo();
    void editableReopensThroughTheDescriptor();
    void sealedAgainstWritingStaysReadOnly();
    void openRefusals_data();
    void openRefusals();
    void emptyObjectHasNothingToShow();
    void memfdOfAChild();
    void memfdOnlyMapped();
    void refusedToAnotherUser();
    void ownReadOnlyFileRefusesEditing();
    void posixObjectInItsOwnNamespace();
};

void TestMemoryFile::initTestCase()
{
    // The texts checked are English, numbers too ("32,768"), whatever the runner's locale.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QStandardPaths::setTestModeEnabled(true);
}

void TestMemoryFile::memfdShowsItsBytes()
{
    Memfd memfd("tst-bytes", ObjectSize);
    QVERIFY(memfd.fd() >= 0);
    auto opened = MemoryWindow::openFile(memfd.path(), QStringLiteral("memfd:tst-bytes"),
                                         shm::Access::ReadOnly);
    QVERIFY2(opened, opened ? "" : opened.error().describe().c_str());
    QPointer<MemoryWindow> window = *opened;
    MemoryView *view = window->memoryView();
    QVERIFY(view->isFile());
    QVERIFY(view->isReadOnly());
    QCOMPARE(view->shmid(), -1);
    QCOMPARE(view->hexView()->source()->size(), ObjectSize);
    QCOMPARE(viewBytes(*view, 0, ObjectSize), pattern(ObjectSize));
    // The header and the title name the object, not a shmid.
    const QString header = view->headerText();
    QVERIFY2(header.startsWith(QStringLiteral("memfd:tst-bytes · ") + memfd.path()),
             qPrintable(header));
    QVERIFY2(header.contains(QLatin1String("65,536 bytes")), qPrintable(header));
    QVERIFY2(header.contains(QStringLiteral("read-only · mapped at 0x")), qPrintable(header));
    QCOMPARE(window->windowTitle(), QStringLiteral("memfd:tst-bytes (read-only) — shmscope"));
    QCOMPARE(view->fileNameBase(), QStringLiteral("memfd-tst-bytes"));
    QVERIFY(view->keepAliveText().isEmpty()); // a memfd never has a name to lose
    // The view holds its own descriptor: ours may go.
    memfd.close();
    view->checkSegmentStatus();
    QCOMPARE(view->fileSize(), ObjectSize);
    QVERIFY2(view->memoryNoteText().isEmpty(), qPrintable(view->memoryNoteText()));
    QCOMPARE(viewBytes(*view, ObjectSize - 16, 16), pattern(ObjectSize).right(16));
    // An export of the whole object, named after it.
    QTemporaryDir dir;
    const QString out = dir.filePath(view->fileNameBase() + QStringLiteral(".bin"));
    const auto exported = view->exportToFile(out, false);
    QVERIFY2(exported, exported ? "" : exported.error().describe().c_str());
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), pattern(ObjectSize));
    delete window;
}

void TestMemoryFile::changesByAChildAreSeen()
{
    Memfd memfd("tst-changes", ObjectSize);
    QVERIFY(memfd.fd() >= 0);
    auto opened = MemoryWindow::openFile(memfd.path(), QStringLiteral("memfd:tst-changes"),
                                         shm::Access::ReadOnly);
    QVERIFY(opened);
    std::unique_ptr<MemoryWindow> window(*opened);
    HexView *hex = window->memoryView()->hexView();
    hex->setLivePaused(true);
    hex->refreshNow(); // the copy changes are found against
    QVERIFY(!hex->hasChanged(5));
    const int fd = memfd.fd();
    QVERIFY(inAChild([fd] { return ::pwrite(fd, "\xde\xad\xbe\xef", 4, 4) == 4; }));
    QVERIFY(hex->refreshNow() > 0);
    QVERIFY(hex->hasChanged(5));
    QVERIFY(!hex->hasChanged(8));
    QCOMPARE(viewBytes(*window->memoryView(), 4, 4), QByteArray("\xde\xad\xbe\xef"));
    QCOMPARE(hex->cellText(4), QStringLiteral("de"));
}

void TestMemoryFile::truncatedByAChildKeepsWorking()
{
    Memfd memfd("tst-truncated", ObjectSize);
    QVERIFY(memfd.fd() >= 0);
    auto opened = MemoryWindow::openFile(memfd.path(), QStringLiteral("memfd:tst-truncated"),
                                         shm::Access::ReadWrite);
    QVERIFY(opened);
    std::unique_ptr<MemoryWindow> window(*opened);
    MemoryView *view = window->memoryView();
    HexView *hex = view->hexView();
    window->show();
    hex->setLivePaused(true);
    // The last rows on screen, read once before the object shrinks.
    hex->setCursorOffset(ObjectSize - 1);
    hex->refreshNow();
    QCOMPARE(hex->cellState(ObjectSize - 1), HexView::Cell::Read);
    const int fd = memfd.fd();
    constexpr quint64 Half = ObjectSize / 2;
    QVERIFY(inAChild([fd] { return ::ftruncate(fd, off_t(Half)) == 0; }));

    // No SIGBUS: the bytes before the end read as before, those past it are unreadable.
    QCOMPARE(viewBytes(*view, 0, Half), pattern(Half));
    QByteArray past(4096, 'x');
    const auto report = hex->source()->readReport(
        Half, reinterpret_cast<std::byte *>(past.data()), quint64(past.size()));
    QCOMPARE(report.unreadable, quint64(past.size()));
    QCOMPARE(past, QByteArray(4096, '\0'));
    QVERIFY(report.firstFault && report.firstFault->pastEnd);
    hex->refreshNow();
    QCOMPARE(hex->cellState(ObjectSize - 1), HexView::Cell::Unreadable);
    QVERIFY2(hex->cellNote(ObjectSize - 1).contains(QLatin1String("truncated")),
             qPrintable(hex->cellNote(ObjectSize - 1)));
    QCOMPARE(hex->cellState(Half - 1), HexView::Cell::Read);

    // The periodic check says so, under the header.
    view->checkSegmentStatus();
    QCOMPARE(view->fileSize(), Half);
    const auto &attachment = static_cast<AttachmentByteSource *>(hex->source())->attachment();
    QCOMPARE(attachment.size(), ObjectSize); // the mapping's length stays
    QVERIFY(attachment.fileSize() && *attachment.fileSize() == Half);
    QVERIFY2(view->memoryNoteText().contains(
                 QLatin1String("The object shrank to 32,768 bytes while it is shown")),
             qPrintable(view->memoryNoteText()));
    QVERIFY(window->findChild<QLabel *>(QStringLiteral("memoryNote"))->isVisible());

    // Writing past the end faults and is refused; before it, it works.
    const std::byte one[] = {std::byte{0x5a}};
    const auto refused = hex->source()->write(Half + 100, one, 1);
    QVERIFY(!refused);
    QVERIFY2(refused.error().english().find("truncated") != std::string::npos,
             refused.error().describe().c_str());
    QVERIFY(hex->source()->write(Half - 1, one, 1));
    QCOMPARE(fileBytes(fd, Half - 1, 1), QByteArray("\x5a"));
    // Through the editor too (typing): refused with a message, nothing crashes.
    hex->setCursorOffset(Half + 10);
    QTest::keyClicks(hex, "77");
    QCOMPARE(fileBytes(fd, 0, ObjectSize).size(), qsizetype(Half));

    // Whole-object work reads through the same guard: an export counts the gone bytes.
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("shrunk.bin"));
    QVERIFY(view->exportToFile(out, false));
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray all = file.readAll();
    QCOMPARE(all.size(), qsizetype(ObjectSize));
    QCOMPARE(all.right(qsizetype(Half)), QByteArray(qsizetype(Half), '\0'));
    // A snapshot too, and find over the pages before and past the end.
    const QString snap = dir.filePath(QStringLiteral("shrunk.snap"));
    MemoryTask *task = view->snapshots()->snapshotTo(snap, false);
    QVERIFY(task);
    waitForTask(task);
    QFile snapshot(snap);
    QVERIFY(snapshot.open(QIODevice::ReadOnly));
    QCOMPARE(snapshot.readAll(), all);
    FindBar *find = view->findBar();
    hex->setCursorOffset(0);
    find->setQuery(FindBar::Kind::HexBytes, QString::fromLatin1(pattern(Half).mid(300, 4).toHex(' ')));
    QVERIFY(find->findNext());
    QCOMPARE(hex->selectionStart(), quint64(300 % 256));
    find->setQuery(FindBar::Kind::Text, QStringLiteral("no such text"));
    QVERIFY(!find->findNext());
    // The whole-object tracker keeps running over it.
    QTest::qWait(300);
    QVERIFY(view->segmentWatch()->isRunning());
}

void TestMemoryFile::grownByAChildSaysSo()
{
    Memfd memfd("tst-grown", ObjectSize);
    QVERIFY(memfd.fd() >= 0);
    auto opened = MemoryWindow::openFile(memfd.path(), QString(), shm::Access::ReadOnly);
    QVERIFY(opened);
    std::unique_ptr<MemoryWindow> window(*opened);
    MemoryView *view = window->memoryView();
    QCOMPARE(view->objectTitle(), memfd.path()); // no title given: the path
    const int fd = memfd.fd();
    QVERIFY(inAChild([fd] { return ::ftruncate(fd, off_t(2 * ObjectSize)) == 0; }));
    view->checkSegmentStatus();
    QVERIFY2(view->memoryNoteText().contains(QLatin1String(
                 "The object grew to 131,072 bytes: this view shows its first 65,536 bytes")),
             qPrintable(view->memoryNoteText()));
    QCOMPARE(view->hexView()->source()->size(), ObjectSize);
}

void TestMemoryFile::editableReopensThroughTheDescriptor()
{
    Memfd memfd("tst-editable", ObjectSize);
    QVERIFY(memfd.fd() >= 0);
    auto opened = MemoryWindow::openFile(memfd.path(), QStringLiteral("memfd:tst-editable"),
                                         shm::Access::ReadOnly);
    QVERIFY(opened);
    std::unique_ptr<MemoryWindow> window(*opened);
    MemoryView *view = window->memoryView();
    // Our descriptor is kept to check the bytes, under another number: the path the view was
    // opened by names nothing now, and re-opening must not need it.
    const int ours = ::fcntl(memfd.fd(), F_DUPFD_CLOEXEC, 200);
    QVERIFY(ours >= 0);
    auto closeOurs = qScopeGuard([ours] { ::close(ours); });
    memfd.close();
    QVERIFY(view->isReadOnly());
    const auto editable = view->setEditable(true);
    QVERIFY2(editable, editable ? "" : editable.error().describe().c_str());
    QVERIFY(!view->isReadOnly());
    QVERIFY(view->headerText().contains(QLatin1String("read-write")));
    QCOMPARE(window->windowTitle(), QStringLiteral("memfd:tst-editable (read-write) — shmscope"));
    HexView *hex = view->hexView();
    hex->setCursorOffset(16);
    QTest::keyClicks(hex, "c0ffee");
    QCOMPARE(fileBytes(ours, 16, 3), QByteArray("\xc0\xff\xee"));
    QVERIFY(view->setEditable(false));
    QVERIFY(view->isReadOnly());
    QCOMPARE(viewBytes(*view, 16, 3), QByteArray("\xc0\xff\xee"));
    QTest::keyClicks(hex, "00");
    QCOMPARE(fileBytes(ours, 16, 3), QByteArray("\xc0\xff\xee"));
}

void TestMemoryFile::sealedAgainstWritingStaysReadOnly()
{
    Memfd memfd("tst-sealed", 4096, MFD_CLOEXEC | MFD_ALLOW_SEALING);
    QVERIFY(memfd.fd() >= 0);
    QCOMPARE(::fcntl(memfd.fd(), F_ADD_SEALS, F_SEAL_WRITE), 0);
    auto opened = MemoryWindow::openFile(memfd.path(), QStringLiteral("memfd:tst-sealed"),
                                         shm::Access::ReadOnly);
    QVERIFY(opened);
    std::unique_ptr<MemoryWindow> window(*opened);
    MemoryView *view = window->memoryView();
    const auto refused = view->setEditable(true);
    QVERIFY(!refused);
    QVERIFY2(refused.error().english().find("F_SEAL_WRITE") != std::string::npos,
             refused.error().describe().c_str());
    QVERIFY(view->isReadOnly());
    QCOMPARE(viewBytes(*view, 0, 4096), pattern(4096));
}

void TestMemoryFile::openRefusals_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("errnum");
    QTest::addColumn<QString>("says");
    const QString pid = QString::number(getpid());
    QTest::newRow("no such object")
        << QStringLiteral("/dev/shm/shmscope-tst-none-%1").arg(pid) << ENOENT
        << QStringLiteral("the object was removed (shm_unlink), or never existed.");
    QTest::newRow("a descriptor the process does not have")
        << QStringLiteral("/proc/%1/fd/987654").arg(pid) << ENOENT
        << QStringLiteral("process %1 has no descriptor 987654 now").arg(pid);
    QTest::newRow("a process that has exited")
        << QStringLiteral("/proc/2147483647/fd/3") << ENOENT
        << QStringLiteral("process 2147483647 has exited");
}

void TestMemoryFile::openRefusals()
{
    QFETCH(QString, path);
    QFETCH(int, errnum);
    QFETCH(QString, says);
    auto opened = MemoryWindow::openFile(path, QStringLiteral("/none"), shm::Access::ReadOnly);
    QVERIFY(!opened);
    QCOMPARE(opened.error().errnum, errnum);
    QCOMPARE(opened.error().kind, shm::ErrorKind::NotFound);
    QCOMPARE(opened.error().target, path.toStdString());
    const QString message = errortext::message(opened.error());
    QVERIFY2(message.startsWith(QLatin1String("No such file or directory: ") + says),
             qPrintable(message));
}

void TestMemoryFile::emptyObjectHasNothingToShow()
{
    Memfd memfd("tst-empty", 0);
    QVERIFY(memfd.fd() >= 0);
    auto opened = MemoryWindow::openFile(memfd.path(), QStringLiteral("memfd:tst-empty"),
                                         shm::Access::ReadOnly);
    QVERIFY(!opened);
    QCOMPARE(opened.error().kind, shm::ErrorKind::InvalidState);
    QVERIFY2(errortext::message(opened.error()).contains(QLatin1String("there is nothing to show")),
             opened.error().describe().c_str());
    // Not a regular file: refused before any mapping.
    auto directory = MemoryWindow::openFile(QStringLiteral("/dev/shm"), QString(),
                                            shm::Access::ReadOnly);
    QVERIFY(!directory);
    QCOMPARE(directory.error().kind, shm::ErrorKind::BadInput);
}

void TestMemoryFile::memfdOfAChild()
{
    // The child's memfd on ChildFd; we open it through /proc/CHILD/fd/N, as the browser does.
    ChildProcess child([] {
        const int fd = ::memfd_create("tst-child", 0);
        if (fd < 0 || ::ftruncate(fd, off_t(ObjectSize)) != 0 || !writePattern(fd, ObjectSize)
            || ::dup2(fd, ChildFd) != ChildFd)
            _exit(3);
        ::close(fd);
    });
    QVERIFY(child.waitReady());
    const QString path = QStringLiteral("/proc/%1/fd/%2").arg(child.pid()).arg(ChildFd);
    auto opened = MemoryWindow::openFile(path, QStringLiteral("memfd:tst-child"),
                                         shm::Access::ReadOnly);
    if (!opened && geteuid() != 0 && opened.error().kind == shm::ErrorKind::PermissionDenied)
        QSKIP(qPrintable(QStringLiteral("this system refuses even the same user's process: %1")
                             .arg(errortext::describe(opened.error()))));
    QVERIFY2(opened, opened ? "" : opened.error().describe().c_str());
    std::unique_ptr<MemoryWindow> window(*opened);
    MemoryView *view = window->memoryView();
    QCOMPARE(viewBytes(*view, 0, ObjectSize), pattern(ObjectSize));
    QVERIFY(view->setEditable(true));
    QVERIFY(view->hexView()->source()->write(0, reinterpret_cast<const std::byte *>("\x11"), 1));
    // The child gone, the memory stays while the view holds it.
    child.stop();
    view->checkSegmentStatus();
    QCOMPARE(viewBytes(*view, 0, 2), QByteArray("\x11") + patternByte(1));
    QCOMPARE(view->fileSize(), ObjectSize);
}

void TestMemoryFile::memfdOnlyMapped()
{
    // A memfd whose descriptor is closed lives on in its mapping: the browser opens it through
    // /proc/PID/map_files/START-END, which only CAP_SYS_ADMIN may open.
    Memfd memfd("tst-mapped", 8192);
    QVERIFY(memfd.fd() >= 0);
    void *mapping = ::mmap(nullptr, 8192, PROT_READ, MAP_SHARED, memfd.fd(), 0);
    QVERIFY(mapping != MAP_FAILED);
    auto unmap = qScopeGuard([mapping] { ::munmap(mapping, 8192); });
    memfd.close();
    const auto start = quintptr(mapping);
    const QString path = QStringLiteral("/proc/%1/map_files/%2-%3")
                             .arg(getpid())
                             .arg(start, 0, 16)
                             .arg(start + 8192, 0, 16);
    auto opened = MemoryWindow::openFile(path, QStringLiteral("memfd:tst-mapped"),
                                         shm::Access::ReadOnly);
    if (geteuid() != 0) {
        QVERIFY(!opened);
        QCOMPARE(opened.error().kind, shm::ErrorKind::PermissionDenied);
        QVERIFY2(errortext::message(opened.error()).contains(QLatin1String("needs CAP_SYS_ADMIN")),
                 opened.error().describe().c_str());
        return;
    }
    QVERIFY2(opened, opened ? "" : opened.error().describe().c_str());
    std::unique_ptr<MemoryWindow> window(*opened);
    QCOMPARE(viewBytes(*window->memoryView(), 0, 8192), pattern(8192));
    // Unmapped: the path names nothing now.
    window.reset();
    unmap.dismiss();
    QCOMPARE(::munmap(mapping, 8192), 0);
    auto gone = MemoryWindow::openFile(path, QString(), shm::Access::ReadOnly);
    QVERIFY(!gone);
    QVERIFY2(errortext::message(gone.error()).contains(QLatin1String("has no mapping at")),
             gone.error().describe().c_str());
}

void TestMemoryFile::refusedToAnotherUser()
{
    if (geteuid() != 0)
        QSKIP("needs root to make a file of another owner (the checks run as nobody)");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QCOMPARE(::chmod(QFile::encodeName(dir.path()).constData(), 0755), 0);
    const QString secret = dir.filePath(QStringLiteral("secret"));
    const QString shared = dir.filePath(QStringLiteral("readable"));
    for (const auto &[path, mode] : {std::pair{secret, 0400}, std::pair{shared, 0444}}) {
        const int fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_EXCL,
                              0600);
        QVERIFY(fd >= 0);
        QVERIFY(::ftruncate(fd, 4096) == 0 && writePattern(fd, 4096));
        QCOMPARE(::fchmod(fd, mode_t(mode)), 0);
        ::close(fd);
    }
    // A memfd of root's: /proc/CHILD/fd/N needs the right to read the child.
    ChildProcess child([] {
        const int fd = ::memfd_create("tst-root", 0);
        if (fd < 0 || ::ftruncate(fd, 4096) != 0 || ::dup2(fd, ChildFd) != ChildFd)
            _exit(3);
    });
    QVERIFY(child.waitReady());
    const QString theirs = QStringLiteral("/proc/%1/fd/%2").arg(child.pid()).arg(ChildFd);

    const QString denied = asNobody({QStringLiteral("open"), secret});
    if (denied.isEmpty())
        QSKIP("nobody cannot run this test program (its build tree is not reachable)");
    QVERIFY2(denied.startsWith(QLatin1String("refused EACCES PermissionDenied: Permission "
                                             "denied: this needs read permission on the file; "
                                             "the file has mode 0400 (r--------), owner root "
                                             "(uid 0)")),
             qPrintable(denied));
    QVERIFY2(denied.contains(QLatin1String("you are uid 65534")), qPrintable(denied));

    const QString ptrace = asNobody({QStringLiteral("open"), theirs});
    QVERIFY2(ptrace.startsWith(QLatin1String("refused EACCES PermissionDenied")), qPrintable(ptrace));
    QVERIFY2(ptrace.contains(QLatin1String("needs the right to read that process (ptrace read")),
             qPrintable(ptrace));
    QVERIFY2(ptrace.contains(QLatin1String("the process runs as root (uid 0)")), qPrintable(ptrace));
    child.stop();

    // Readable by all, writable by none: shown, editing refused with the mode, still shown.
    const QString readOnly = asNobody({QStringLiteral("editable"), shared});
    QVERIFY2(readOnly.startsWith(QLatin1String("opened; editable refused EACCES: Permission "
                                               "denied: this needs read and write permission on "
                                               "the file; the file has mode 0444 (r--r--r--)")),
             qPrintable(readOnly));
    QVERIFY2(readOnly.endsWith(QLatin1String("; still read-only, reads its bytes")),
             qPrintable(readOnly));
}

void TestMemoryFile::ownReadOnlyFileRefusesEditing()
{
    if (geteuid() == 0)
        QSKIP("root may write whatever the mode: refusedToAnotherUser checks this as nobody");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("mine"));
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_EXCL, 0600);
    QVERIFY(fd >= 0);
    QVERIFY(::ftruncate(fd, 4096) == 0 && writePattern(fd, 4096));
    QCOMPARE(::fchmod(fd, 0400), 0);
    ::close(fd);
    auto opened = MemoryWindow::openFile(path, QStringLiteral("mine"), shm::Access::ReadOnly);
    QVERIFY2(opened, opened ? "" : opened.error().describe().c_str());
    std::unique_ptr<MemoryWindow> window(*opened);
    MemoryView *view = window->memoryView();
    const auto refused = view->setEditable(true);
    QVERIFY(!refused);
    QCOMPARE(refused.error().errnum, EACCES);
    QVERIFY2(refused.error().english().find("the file has mode 0400") != std::string::npos,
             refused.error().describe().c_str());
    QCOMPARE(refused.error().target, path.toStdString());
    QVERIFY(view->isReadOnly());
    QCOMPARE(viewBytes(*view, 0, 4096), pattern(4096));
}

void TestMemoryFile::posixObjectInItsOwnNamespace()
{
    if (geteuid() != 0)
        QSKIP("needs root: a mount namespace of its own with a tmpfs on /dev/shm");
    ChildProcess child([] {
        if (!privateDevShm())
            _exit(3);
        const int fd = ::open("/dev/shm/tst-object", O_RDWR | O_CREAT | O_EXCL, 0600);
        if (fd < 0 || ::ftruncate(fd, off_t(ObjectSize)) != 0 || !writePattern(fd, ObjectSize)
            || ::dup2(fd, ChildFd) != ChildFd)
            _exit(4);
    });
    QVERIFY(child.waitReady());
    const QString path = QStringLiteral("/proc/%1/root/dev/shm/tst-object").arg(child.pid());
    // Not in our /dev/shm: only the child's namespace has it.
    QVERIFY(!QFile::exists(QStringLiteral("/dev/shm/tst-object")));
    auto opened = MemoryWindow::openFile(path, QStringLiteral("/tst-object"),
                                         shm::Access::ReadOnly);
    QVERIFY2(opened, opened ? "" : opened.error().describe().c_str());
    std::unique_ptr<MemoryWindow> window(*opened);
    MemoryView *view = window->memoryView();
    QCOMPARE(viewBytes(*view, 0, ObjectSize), pattern(ObjectSize));
    QCOMPARE(view->fileNameBase(), QStringLiteral("tst-object"));
    QVERIFY(view->keepAliveText().isEmpty());
    // shm_unlink: the name goes, the view keeps the memory and says so.
    QCOMPARE(::unlink(QFile::encodeName(path).constData()), 0);
    view->checkSegmentStatus();
    QVERIFY2(view->keepAliveText().contains(QLatin1String("Its name was removed")),
             qPrintable(view->keepAliveText()));
    // Editable without the name: through the held descriptor.
    const auto editable = view->setEditable(true);
    QVERIFY2(editable, editable ? "" : editable.error().describe().c_str());
    QVERIFY(view->hexView()->source()->write(0, reinterpret_cast<const std::byte *>("\x42"), 1));
    const QString childFd = QStringLiteral("/proc/%1/fd/%2").arg(child.pid()).arg(ChildFd);
    QFile same(childFd);
    QVERIFY(same.open(QIODevice::ReadOnly));
    QCOMPARE(same.read(1), QByteArray("\x42"));
    same.close();
    child.stop(); // its namespace and tmpfs go; the view still holds the object
    QCOMPARE(viewBytes(*view, 1, 3), pattern(4).mid(1));
}

namespace {

// --as-nobody open PATH | editable PATH: as uid/gid 65534 (dropped when root), opens PATH in a
// memory window read-only and prints one line: "ok", or "refused ERRNO KIND: sentence"; with
// editable, then switches it to read-write and says how that went and whether it still reads.
int runAsNobody(int argc, char **argv)
{
    if (argc != 4)
        return 2;
    if (geteuid() == 0
        && (::setgroups(0, nullptr) != 0 || ::setresgid(65534, 65534, 65534) != 0
            || ::setresuid(65534, 65534, 65534) != 0))
        return 3;
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QStandardPaths::setTestModeEnabled(true);
    const QString path = QFile::decodeName(argv[3]);
    const auto errnoName = [](int errnum) {
        return QString::fromLatin1(strerrorname_np(errnum) ? strerrorname_np(errnum) : "0");
    };
    auto opened = MemoryWindow::openFile(path, QStringLiteral("tst"), shm::Access::ReadOnly);
    if (!opened) {
        std::printf("refused %s %s: %s\n", qPrintable(errnoName(opened.error().errnum)),
                    shm::kindName(opened.error().kind),
                    qPrintable(errortext::message(opened.error())));
        return 0;
    }
    std::unique_ptr<MemoryWindow> window(*opened);
    if (std::strcmp(argv[2], "editable") != 0) {
        std::printf("ok\n");
        return 0;
    }
    MemoryView *view = window->memoryView();
    const auto editable = view->setEditable(true);
    const QString outcome = editable ? QStringLiteral("editable")
                                     : QStringLiteral("editable refused %1: %2")
                                           .arg(errnoName(editable.error().errnum),
                                                errortext::message(editable.error()));
    const bool reads = viewBytes(*view, 0, 4096) == pattern(4096);
    std::printf("opened; %s; %s, %s\n", qPrintable(outcome),
                view->isReadOnly() ? "still read-only" : "read-write",
                reads ? "reads its bytes" : "reads other bytes");
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc > 1 && std::strcmp(argv[1], "--as-nobody") == 0)
        return runAsNobody(argc, argv);
    QApplication app(argc, argv);
    TestMemoryFile test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_memoryfile.moc"
