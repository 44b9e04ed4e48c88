// Export and import on real segments with the targets and sources people hit: an existing file
// kept whole when the export fails midway (a file size limit, as on a full disk), devices
// (/dev/null, /dev/full), a FIFO nobody reads and one whose reader leaves early (SIGPIPE ignored
// as the program does), and sources of unknown size (/dev/zero, a FIFO fed by another process,
// /proc/self/status) read only up to what fits.

#include "support/asuser.h"
#include "support/testsegment.h"
#include "ui/common/errortext.h"
#include "ui/memory/bytesource.h"
#include "ui/memory/hexview.h"
#include "ui/memory/memoryview.h"

#include <QDir>
#include <QFile>
#include <QLocale>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <functional>
#include <fcntl.h>
#include <memory>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using shmtest::TestSegment;

namespace {

// A read-write view of `segment`, live refresh paused, its bytes filled with `fill`.
std::unique_ptr<MemoryView> openView(const TestSegment &segment, char fill)
{
    auto attached = shm::Attachment::attach(segment.shmid(), shm::Access::ReadWrite);
    if (!attached)
        return nullptr;
    std::memset(attached->writableData(), fill, segment.size());
    auto view = std::make_unique<MemoryView>(std::move(attached.value()));
    view->hexView()->setLivePaused(true);
    return view;
}

QByteArray memory(const MemoryView &view, quint64 offset, quint64 count)
{
    return QByteArray(reinterpret_cast<const char *>(view.hexView()->source()->constData() + offset),
                      qsizetype(count));
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A child process (a fork, no Qt): runs fn, then exits with its result.
pid_t forkChild(const std::function<int()> &fn)
{
    const pid_t pid = fork();
    if (pid == 0)
        _exit(fn());
    return pid;
}

int reap(pid_t pid)
{
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return status;
}

} // namespace

class TestMemoryFiles : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void failedExportKeepsTheOldFile();
    void exportToDevices();
    void exportToFifoWithoutReader();
    void exportToFifoWhoseReaderLeaves();
    void importFromDevZeroNearTheEnd();
    void importFromFifoFedByAnotherProcess_data();
    void importFromFifoFedByAnotherProcess();
    void importFromProcFile();
};

void TestMemoryFiles::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    // As shmscope does at start: a reader that leaves gives EPIPE, not death.
    std::signal(SIGPIPE, SIG_IGN);
}

void TestMemoryFiles::failedExportKeepsTheOldFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("export.bin"));
    const QByteArray old(100, 'o');
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(old), qint64(old.size()));
    }
    TestSegment segment(65536);
    QVERIFY(segment.isValid());
    auto view = openView(segment, '\x5a');
    QVERIFY(view);

    // Writes past 8 KiB fail with EFBIG (SIGXFSZ ignored, as a full disk fails a write midway).
    rlimit saved{};
    QCOMPARE(getrlimit(RLIMIT_FSIZE, &saved), 0);
    const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit small = saved;
    small.rlim_cur = 8192;
    QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
    const auto exported = view->exportToFile(path, false);
    setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, previousHandler);

    QVERIFY(!exported);
    QCOMPARE(exported.error().errnum, EFBIG);
    QVERIFY(errortext::message(exported.error()).contains(path));
    // The old file is whole, and no temporary is left beside it.
    QCOMPARE(fileBytes(path), old);
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{QStringLiteral("export.bin")});

    // Without the limit the same export replaces it.
    QVERIFY(view->exportToFile(path, false));
    QCOMPARE(fileBytes(path), QByteArray(65536, '\x5a'));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{QStringLiteral("export.bin")});
}

void TestMemoryFiles::exportToDevices()
{
    TestSegment segment(8192);
    QVERIFY(segment.isValid());
    auto view = openView(segment, '\x01');
    QVERIFY(view);
    // Written in place: /dev/null stays a device (a QSaveFile would rename a file over it).
    QVERIFY(view->exportToFile(QStringLiteral("/dev/null"), false));
    struct stat st {};
    QCOMPARE(stat("/dev/null", &st), 0);
    QVERIFY(S_ISCHR(st.st_mode));
    const auto full = view->exportToFile(QStringLiteral("/dev/full"), false);
    QVERIFY(!full);
    QCOMPARE(full.error().errnum, ENOSPC);
    QCOMPARE(full.error().kind, shm::ErrorKind::LimitReached);
}

void TestMemoryFiles::exportToFifoWithoutReader()
{
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("pipe"));
    QCOMPARE(mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    TestSegment segment(4096);
    QVERIFY(segment.isValid());
    auto view = openView(segment, '\x02');
    QVERIFY(view);
    // Refused at once rather than waiting for a reader that may never come.
    const auto exported = view->exportToFile(fifo, false);
    QVERIFY(!exported);
    QCOMPARE(exported.error().errnum, ENXIO);
    QVERIFY(errortext::message(exported.error()).contains(QLatin1String("reading")));
    struct stat st {};
    QCOMPARE(stat(QFile::encodeName(fifo).constData(), &st), 0);
    QVERIFY(S_ISFIFO(st.st_mode));
}

void TestMemoryFiles::exportToFifoWhoseReaderLeaves()
{
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("pipe"));
    const QByteArray fifoPath = QFile::encodeName(fifo);
    QCOMPARE(mkfifo(fifoPath.constData(), 0600), 0);
    int ready[2];
    QCOMPARE(pipe(ready), 0);
    // The reader opens the FIFO (read-write: the open does not wait), reads 1000 bytes and
    // leaves while the export still has most of the segment to write.
    const pid_t reader = forkChild([&] {
        close(ready[0]);
        const int fd = open(fifoPath.constData(), O_RDWR);
        if (fd < 0 || write(ready[1], "r", 1) != 1)
            return 1;
        char buffer[1000];
        std::size_t got = 0;
        while (got < sizeof buffer) {
            const ssize_t n = read(fd, buffer + got, sizeof buffer - got);
            if (n <= 0)
                return 2;
            got += std::size_t(n);
        }
        return 0;
    });
    QVERIFY(reader > 0);
    close(ready[1]);
    char byte = 0;
    QCOMPARE(read(ready[0], &byte, 1), ssize_t(1));
    close(ready[0]);

    TestSegment segment(1 << 20);
    QVERIFY(segment.isValid());
    auto view = openView(segment, '\x03');
    QVERIFY(view);
    const auto exported = view->exportToFile(fifo, false);
    QVERIFY(!exported);
    QCOMPARE(exported.error().errnum, EPIPE);
    QVERIFY2(errortext::message(exported.error()).contains(QLatin1String("closed")),
             qPrintable(errortext::message(exported.error())));
    const int status = reap(reader);
    QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    // The view lives on: it refreshes and exports elsewhere.
    view->hexView()->refreshNow();
    const QString file = dir.filePath(QStringLiteral("after.bin"));
    QVERIFY(view->exportToFile(file, false));
    QCOMPARE(fileBytes(file).size(), qsizetype(1 << 20));
}

void TestMemoryFiles::importFromDevZeroNearTheEnd()
{
    TestSegment segment(4096);
    QVERIFY(segment.isValid());
    auto view = openView(segment, '\xff');
    QVERIFY(view);
    QSignalSpy messages(view.get(), &MemoryView::message);
    QVERIFY(view->importFromFile(QStringLiteral("/dev/zero"), 4000));
    // Exactly the 96 bytes that fit, and nothing before them.
    QCOMPARE(memory(*view, 4000, 96), QByteArray(96, '\0'));
    QCOMPARE(memory(*view, 0, 4000), QByteArray(4000, '\xff'));
    QCOMPARE(shmtest::readInAnotherProcess(segment.shmid(), 3998, 4), QStringLiteral("ffff0000"));
    QCOMPARE(messages.count(), 1);
    const QString said = messages.at(0).at(0).toString();
    QVERIFY2(said.contains(QLatin1String("96 bytes")) && said.contains(QLatin1String("has more")),
             qPrintable(said));
    // One undo step.
    QCOMPARE(view->undoStack()->count(), 1);
    view->undoStack()->undo();
    QCOMPARE(memory(*view, 4000, 96), QByteArray(96, '\xff'));
    // Nothing fits at the end: refused, as a file that does not fit.
    const auto atEnd = view->importFromFile(QStringLiteral("/dev/zero"), 4096);
    QVERIFY(!atEnd);
    QCOMPARE(atEnd.error().kind, shm::ErrorKind::BadInput);
}

void TestMemoryFiles::importFromFifoFedByAnotherProcess_data()
{
    QTest::addColumn<int>("fed");
    QTest::addColumn<quint64>("offset");
    QTest::addColumn<int>("expected");
    QTest::addColumn<bool>("more");
    QTest::newRow("the stream ends before the segment") << 300 << quint64(10) << 300 << false;
    QTest::newRow("the stream has more than fits") << 10000 << quint64(0) << 4096 << true;
    QTest::newRow("the stream ends exactly at the end") << 96 << quint64(4000) << 96 << false;
}

void TestMemoryFiles::importFromFifoFedByAnotherProcess()
{
    QFETCH(int, fed);
    QFETCH(quint64, offset);
    QFETCH(int, expected);
    QFETCH(bool, more);
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("pipe"));
    const QByteArray fifoPath = QFile::encodeName(fifo);
    QCOMPARE(mkfifo(fifoPath.constData(), 0600), 0);
    QByteArray stream(fed, Qt::Uninitialized);
    for (int i = 0; i < fed; ++i)
        stream[i] = char('A' + i % 26);
    // The writer feeds the FIFO and closes it; it may be cut short (EPIPE) once we stop reading.
    const pid_t writer = forkChild([&] {
        const int fd = open(fifoPath.constData(), O_WRONLY);
        if (fd < 0)
            return 1;
        for (qsizetype done = 0; done < stream.size();) {
            const ssize_t n = write(fd, stream.constData() + done, std::size_t(stream.size() - done));
            if (n <= 0)
                return 0;
            done += n;
        }
        close(fd);
        return 0;
    });
    QVERIFY(writer > 0);
    TestSegment segment(4096);
    QVERIFY(segment.isValid());
    auto view = openView(segment, '\0');
    QVERIFY(view);
    QSignalSpy messages(view.get(), &MemoryView::message);
    const auto imported = view->importFromFile(fifo, offset);
    const int status = reap(writer);
    QVERIFY2(imported, imported ? "" : imported.error().describe().c_str());
    QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    QCOMPARE(memory(*view, offset, quint64(expected)), stream.left(expected));
    if (offset + quint64(expected) < 4096)
        QCOMPARE(memory(*view, offset + quint64(expected), 1), QByteArray(1, '\0'));
    QCOMPARE(messages.count(), 1);
    const QString said = messages.at(0).at(0).toString();
    QVERIFY2(said.contains(QLocale().toString(expected) + QLatin1String(" bytes")), qPrintable(said));
    QCOMPARE(said.contains(QLatin1String("has more")), more);
    QCOMPARE(view->undoStack()->count(), 1);
}

void TestMemoryFiles::importFromProcFile()
{
    // Its size says 0: read until it ends, or up to what fits.
    const QString path = QStringLiteral("/proc/self/status");
    TestSegment segment(65536);
    QVERIFY(segment.isValid());
    auto view = openView(segment, '\0');
    QVERIFY(view);
    QSignalSpy messages(view.get(), &MemoryView::message);
    QVERIFY(view->importFromFile(path, 0));
    const QByteArray written = memory(*view, 0, 65536);
    const qsizetype length = written.indexOf('\0');
    QVERIFY(length > 20);
    QVERIFY(written.startsWith("Name:"));
    QVERIFY(written.left(length).contains("\nPid:"));
    QVERIFY(!messages.at(0).at(0).toString().contains(QLatin1String("has more")));
    QVERIFY(messages.at(0).at(0).toString().contains(QLocale().toString(length) + QLatin1String(" bytes")));
    // Near the end, only what fits.
    QVERIFY(view->importFromFile(path, 65536 - 5));
    QCOMPARE(memory(*view, 65536 - 5, 5), QByteArray("Name:"));
    QVERIFY(messages.last().at(0).toString().contains(QLatin1String("has more")));
    QCOMPARE(view->undoStack()->count(), 2);
}

QTEST_MAIN(TestMemoryFiles)
#include "tst_memoryfiles.moc"
