// The tabs of POSIX objects and memfds: what a container (a child with IPC and mount namespaces
// of its own, and its own tmpfs on /dev/shm) holds, listed with holders, orphans marked and
// removed, objects created and resized there; memfds of a child with their seals and holders;
// orphan segments marked and selected on the segments' tab. Real objects and processes only.

#include "support/testsegment.h"

#include "ui/browser/filebrowser.h"
#include "ui/browser/filetablemodels.h"
#include "ui/browser/holdersmodel.h"
#include "ui/browser/mainwindow.h"
#include "ui/browser/modeeditor.h"
#include "ui/browser/posixdialogs.h"
#include "ui/browser/segmentfilterproxy.h"
#include "ui/browser/segmenttablemodel.h"
#include "ui/memory/memoryview.h"
#include "ui/memory/memorywindow.h"

#include "core/posixshm.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QFileInfo>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include <fcntl.h>
#include <sched.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace shmtest;

namespace {

constexpr int HeldFd = 40;
constexpr int MemfdFd = 41;
constexpr std::size_t MemfdSize = 8192;

// In the child (system calls only): the objects of a small container. IPC and mount namespaces
// of its own, a fresh tmpfs on /dev/shm with an object mapped read-write (one page written), one
// held by a read-only descriptor and one nobody holds; and a sealed memfd, mapped.
void containerObjects()
{
    if (::unshare(CLONE_NEWIPC | CLONE_NEWNS) != 0
        || ::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0
        || ::mount("tmpfs", "/dev/shm", "tmpfs", 0, "size=4m,mode=1777") != 0)
        _exit(3);
    const int mapped = ::open("/dev/shm/fb-mapped", O_RDWR | O_CREAT | O_EXCL, 0640);
    if (mapped < 0 || ::fchmod(mapped, 0640) != 0 || ::ftruncate(mapped, 3 * 4096) != 0)
        _exit(4);
    void *p = ::mmap(nullptr, 3 * 4096, PROT_READ | PROT_WRITE, MAP_SHARED, mapped, 0);
    if (p == MAP_FAILED)
        _exit(5);
    static_cast<char *>(p)[0] = 'M';
    ::close(mapped);
    const int held = ::open("/dev/shm/fb-held", O_RDWR | O_CREAT | O_EXCL, 0600);
    if (held < 0 || ::ftruncate(held, 8192) != 0)
        _exit(6);
    ::close(held);
    const int ro = ::open("/dev/shm/fb-held", O_RDONLY);
    if (ro < 0 || ::dup2(ro, HeldFd) != HeldFd)
        _exit(7);
    ::close(ro);
    const int orphan = ::open("/dev/shm/fb-orphan", O_RDWR | O_CREAT | O_EXCL, 0644);
    if (orphan < 0 || ::write(orphan, "x", 1) != 1)
        _exit(8);
    ::close(orphan);
    const int memfd = ::memfd_create("fb-container-memfd", MFD_ALLOW_SEALING);
    if (memfd < 0 || ::ftruncate(memfd, MemfdSize) != 0
        || ::fcntl(memfd, F_ADD_SEALS, F_SEAL_SHRINK) != 0 || ::dup2(memfd, MemfdFd) != MemfdFd)
        _exit(9);
    void *m = ::mmap(nullptr, MemfdSize, PROT_READ | PROT_WRITE, MAP_SHARED, MemfdFd, 0);
    if (m == MAP_FAILED)
        _exit(10);
    static_cast<char *>(m)[0] = 'F';
}

// The source row of `name` in a tab's table, or -1.
int posixRow(FileObjectBrowser *tab, const char *name)
{
    return tab->posixModel()->rowOfName(name);
}

int memfdRow(FileObjectBrowser *tab, const QString &name)
{
    for (int row = 0; row < tab->memfdModel()->rowCount(); ++row)
        if (QString::fromStdString(tab->memfdModel()->rowAt(row).object.name) == name)
            return row;
    return -1;
}

// Waits for a scan of holders that began after now to end.
bool scanned(FileObjectBrowser *tab)
{
    QSignalSpy spy(tab, &FileObjectBrowser::holdersScanned);
    tab->refreshNow();
    return spy.wait(20000) || (!spy.isEmpty());
}

QString cell(FileObjectBrowser *tab, int row, int column)
{
    QAbstractItemModel *model = tab->proxy()->sourceModel();
    return model->index(row, column).data().toString();
}

bool hasHolder(const std::vector<shm::Holder> &holders, pid_t pid, shm::HolderVia via,
               bool writable)
{
    for (const shm::Holder &h : holders)
        if (h.pid == pid && h.via == via && h.writable == writable)
            return true;
    return false;
}

} // namespace

class TestFileBrowser : public QObject
{
    Q_OBJECT
private slots:
    // A container's POSIX objects, through /proc/PID/root/dev/shm after the switch to its IPC
    // namespace: listed with holders, the orphan marked, selected and removed; an object made
    // and resized there; its memfd with seals and holders. Back home, the container's are gone.
    void objectsOfAContainer()
    {
        if (geteuid() != 0)
            QSKIP("entering another IPC namespace needs CAP_SYS_ADMIN, and a tmpfs of its own "
                  "on /dev/shm needs root (refusals: tst_browsernamespace)");
        ChildProcess child(containerObjects);
        if (!child.waitReady())
            QSKIP("this machine does not let a child make IPC and mount namespaces with a "
                  "tmpfs of its own");
        const QString dir = QStringLiteral("/proc/%1/root/dev/shm").arg(child.pid());

        MainWindow window;
        FileObjectBrowser *posix = window.posixObjects();
        FileObjectBrowser *memfds = window.memfds();
        QVERIFY(posix && memfds);
        QAbstractItemModelTester posixTester(posix->posixModel(),
                                             QAbstractItemModelTester::FailureReportingMode::Fatal);
        QAbstractItemModelTester memfdTester(memfds->memfdModel(),
                                             QAbstractItemModelTester::FailureReportingMode::Fatal);
        QAbstractItemModelTester holdersTester(posix->holdersModel(),
                                               QAbstractItemModelTester::FailureReportingMode::Fatal);
        QVERIFY(window.switchNamespace(child.pid()));
        window.tabs()->setCurrentWidget(posix);
        QCOMPARE(QString::fromStdString(posix->directory()), dir);
        QVERIFY(scanned(posix));

        // Exactly the container's three objects, with their fields and holders.
        QCOMPARE(posix->posixModel()->rowCount(), 3);
        const int mapped = posixRow(posix, "/fb-mapped");
        const int held = posixRow(posix, "/fb-held");
        const int orphan = posixRow(posix, "/fb-orphan");
        QVERIFY(mapped >= 0 && held >= 0 && orphan >= 0);
        const auto &m = posix->posixModel()->rowAt(mapped);
        QCOMPARE(m.object.size, std::uint64_t(3 * 4096));
        QCOMPARE(m.object.allocated, std::uint64_t(4096));
        QCOMPARE(m.object.mode, 0640u);
        QVERIFY(hasHolder(m.holders, child.pid(), shm::HolderVia::Map, true));
        QVERIFY(hasHolder(posix->posixModel()->rowAt(held).holders, child.pid(),
                          shm::HolderVia::Fd, false));
        QVERIFY(!PosixTableModel::isOrphan(posix->posixModel()->rowAt(mapped)));
        QVERIFY(!PosixTableModel::isOrphan(posix->posixModel()->rowAt(held)));
        QVERIFY(PosixTableModel::isOrphan(posix->posixModel()->rowAt(orphan)));
        QVERIFY2(cell(posix, orphan, PosixTableModel::OrphanColumn).startsWith("orphan, "),
                 qPrintable(cell(posix, orphan, PosixTableModel::OrphanColumn)));
        QVERIFY(cell(posix, mapped, PosixTableModel::OrphanColumn).isEmpty());
        QCOMPARE(cell(posix, orphan, PosixTableModel::HoldersColumn), QStringLiteral("nobody"));

        // The details: fields, and the holders table of the object selected.
        QVERIFY(posix->selectName(QStringLiteral("/fb-held")));
        QCOMPARE(posix->detailText(QStringLiteral("File")), dir + QStringLiteral("/fb-held"));
        QVERIFY2(posix->detailText(QStringLiteral("Size")).startsWith("8,192 bytes"),
                 qPrintable(posix->detailText(QStringLiteral("Size"))));
        QCOMPARE(posix->holdersModel()->rowCount(), 1);
        QCOMPARE(posix->holdersModel()->index(0, HoldersModel::WhereColumn).data().toString(),
                 QStringLiteral("fd %1").arg(HeldFd));
        QCOMPARE(posix->holdersModel()->index(0, HoldersModel::AccessColumn).data().toString(),
                 QStringLiteral("read-only"));

        // Open in the memory view, read-only, through the container's /dev/shm: the byte the
        // child wrote.
        {
            auto opened = posix->openObject(m.id, shm::Access::ReadOnly);
            QVERIFY2(opened.ok(), qPrintable(posix->lastMessage()));
            std::unique_ptr<MemoryWindow> view(*opened);
            QVERIFY(view->memoryView()->isReadOnly());
            QVERIFY2(view->windowTitle().contains("/fb-mapped"), qPrintable(view->windowTitle()));
            QVERIFY(view->memoryView()->headerText().contains(dir + "/fb-mapped"));
        }

        // Select the orphans; the confirmation lists each with its age; remove them.
        QCOMPARE(posix->selectOrphans(), 1);
        const QList<int> ids = posix->selectedIds();
        QCOMPARE(ids.size(), 1);
        const QString question = posix->removalText(ids);
        QVERIFY2(question.contains("/fb-orphan") && question.contains("orphan unused for"),
                 qPrintable(question));
        QVERIFY(posix->removalText({posix->posixModel()->rowAt(held).id})
                    .contains(QStringLiteral("%1 (").arg(child.pid())));
        QCOMPARE(posix->removeObjects(ids), 1);
        QVERIFY(!QFileInfo::exists(dir + QStringLiteral("/fb-orphan")));
        QCOMPARE(posix->posixModel()->rowCount(), 2);
        // Removing it again: it is gone, and said so.
        QCOMPARE(posix->removeObjects(ids), 0);
        QVERIFY2(posix->lastMessage().contains("no longer"), qPrintable(posix->lastMessage()));

        // Create there, through the dialog: bad input named, a taken name refused with the
        // dialog still open, then a good one.
        PosixCreateDialog create(posix->directory());
        create.nameEdit()->setText(QStringLiteral("/a/b"));
        QVERIFY(!create.createButton()->isEnabled());
        QVERIFY(!create.validationMessage().isEmpty());
        create.nameEdit()->setText(QStringLiteral("/fb-held"));
        create.sizeEdit()->setText(QStringLiteral("64 KiB"));
        QVERIFY(create.createButton()->isEnabled());
        create.accept();
        QVERIFY(!create.created());
        QVERIFY2(create.validationMessage().contains("exists"), qPrintable(create.validationMessage()));
        QCOMPARE(QFileInfo(dir + "/fb-held").size(), 8192); // untouched
        create.nameEdit()->setText(QStringLiteral("/fb-new"));
        create.modeEditor()->setMode(0640);
        create.accept();
        QVERIFY(create.created());
        QFileInfo made(dir + "/fb-new");
        QCOMPARE(made.size(), 65536);
        QCOMPARE(int(made.permissions() & (QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup
                                           | QFile::WriteGroup | QFile::ReadOther)),
                 int(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup));
        posix->refresh();
        const int fresh = posixRow(posix, "/fb-new");
        QVERIFY(fresh >= 0);

        // Resize there.
        QVERIFY(posix->resizeObject(posix->posixModel()->rowAt(fresh).id, 4096));
        QCOMPARE(QFileInfo(dir + "/fb-new").size(), 4096);
        PosixResizeDialog resize(posix->posixModel()->rowAt(posixRow(posix, "/fb-new")).object,
                                 posix->directory());
        resize.sizeEdit()->setText(QStringLiteral("lots"));
        QVERIFY(!resize.resizeButton()->isEnabled());
        resize.sizeEdit()->setText(QStringLiteral("4096"));
        QVERIFY(!resize.resizeButton()->isEnabled()); // the size it has
        resize.sizeEdit()->setText(QStringLiteral("0"));
        QVERIFY(resize.resizeButton()->isEnabled());
        resize.accept();
        QCOMPARE(QFileInfo(dir + "/fb-new").size(), 0);
        QCOMPARE(posix->removeObjects({posix->posixModel()->rowAt(posixRow(posix, "/fb-new")).id}),
                 1);

        // The container's memfd: its name, size, seal and holder.
        window.tabs()->setCurrentWidget(memfds);
        QVERIFY(scanned(memfds));
        const int row = memfdRow(memfds, QStringLiteral("fb-container-memfd"));
        QVERIFY(row >= 0);
        const auto &memfd = memfds->memfdModel()->rowAt(row);
        QCOMPARE(memfd.object.size.value_or(0), std::uint64_t(MemfdSize));
        QCOMPARE(MemfdTableModel::sealsText(memfd.object), QStringLiteral("shrink"));
        QVERIFY(hasHolder(memfd.object.holders, child.pid(), shm::HolderVia::Fd, true));
        QVERIFY(hasHolder(memfd.object.holders, child.pid(), shm::HolderVia::Map, true));
        // Only the container's processes: not shmscope, whose GUI thread visits the namespace.
        const int ours = ::memfd_create("fb-ours", 0);
        QVERIFY(ours >= 0);
        auto closeOurs = qScopeGuard([ours] { ::close(ours); });
        QVERIFY(scanned(memfds));
        for (int r = 0; r < memfds->memfdModel()->rowCount(); ++r)
            for (const shm::Holder &h : memfds->memfdModel()->rowAt(r).object.holders)
                QVERIFY2(h.pid == child.pid(), qPrintable(QString::fromStdString(h.command)));

        // Home again: our /dev/shm, our namespace's memfds; not the container's.
        QVERIFY(window.switchNamespace(0));
        window.tabs()->setCurrentWidget(posix);
        QCOMPARE(QString::fromStdString(posix->directory()), QStringLiteral("/dev/shm"));
        QVERIFY(scanned(posix));
        QCOMPARE(posixRow(posix, "/fb-mapped"), -1);
        window.tabs()->setCurrentWidget(memfds);
        QVERIFY(scanned(memfds));
        QCOMPARE(memfdRow(memfds, QStringLiteral("fb-container-memfd")), -1);
        QVERIFY(memfdRow(memfds, QStringLiteral("fb-ours")) >= 0);
    }

    // A memfd of a child in our namespace: listed with seals and holders, found by the filter,
    // and it goes from the table when the child lets go.
    void memfdOfAChild()
    {
        const QString name = QStringLiteral("fb-child-%1").arg(getpid());
        const std::string nameText = name.toStdString();
        auto child = std::make_unique<ChildProcess>([nameText] {
            const int fd = ::memfd_create(nameText.c_str(), MFD_ALLOW_SEALING);
            if (fd < 0 || ::ftruncate(fd, 3 * 4096) != 0
                || ::fcntl(fd, F_ADD_SEALS, F_SEAL_GROW | F_SEAL_SHRINK) != 0
                || ::dup2(fd, MemfdFd) != MemfdFd)
                _exit(3);
            ::close(fd);
        });
        QVERIFY(child->waitReady());
        const pid_t pid = child->pid();
        MainWindow window;
        FileObjectBrowser *memfds = window.memfds();
        window.tabs()->setCurrentWidget(memfds);
        QVERIFY(scanned(memfds));
        const int row = memfdRow(memfds, name);
        QVERIFY(row >= 0);
        const auto &memfd = memfds->memfdModel()->rowAt(row);
        QCOMPARE(memfd.object.size.value_or(0), std::uint64_t(3 * 4096));
        QCOMPARE(MemfdTableModel::sealsText(memfd.object), QStringLiteral("shrink, grow"));
        QCOMPARE(memfd.object.holders.size(), std::size_t(1));
        QCOMPARE(memfd.object.holders.front().pid, pid);
        QCOMPARE(memfd.object.holders.front().fd, MemfdFd);
        QVERIFY(!memfd.paths.empty());
        // Opened through the child's descriptor: its three pages, read-only.
        {
            auto opened = memfds->openObject(memfd.id, shm::Access::ReadOnly);
            QVERIFY2(opened.ok(), qPrintable(memfds->lastMessage()));
            std::unique_ptr<MemoryWindow> view(*opened);
            QVERIFY2(view->windowTitle().contains("memfd:" + name), qPrintable(view->windowTitle()));
            QVERIFY(view->memoryView()->headerText().contains("12,288"));
        }
        memfds->filterEdit()->setText(name);
        QCOMPARE(memfds->proxy()->rowCount(), 1);
        memfds->filterEdit()->setText(QString::number(pid));
        QVERIFY(memfds->proxy()->rowCount() >= 1);
        memfds->filterEdit()->clear();

        child.reset(); // the child exits: its memfd is gone
        QVERIFY(scanned(memfds));
        QCOMPARE(memfdRow(memfds, name), -1);
    }

    // Segments nobody attaches whose creator is gone are marked (with their age) and selected
    // by "Select orphans"; ours (we live) and attached ones are not.
    void orphanSegments()
    {
        TestSegment ours(4096, 0600);
        QVERIFY(ours.isValid());
        int orphanId = -1;
        {
            int pipeFds[2];
            QVERIFY(::pipe(pipeFds) == 0);
            const pid_t pid = ::fork();
            QVERIFY(pid >= 0);
            if (pid == 0) {
                const int id = ::shmget(IPC_PRIVATE, 8192, 0600);
                (void)!::write(pipeFds[1], &id, sizeof id);
                _exit(0);
            }
            ::close(pipeFds[1]);
            QCOMPARE(::read(pipeFds[0], &orphanId, sizeof orphanId), ssize_t(sizeof orphanId));
            ::close(pipeFds[0]);
            int status = 0;
            QCOMPARE(::waitpid(pid, &status, 0), pid);
        }
        QVERIFY(orphanId >= 0);
        auto removeOrphan = qScopeGuard([orphanId] { ::shmctl(orphanId, IPC_RMID, nullptr); });

        MainWindow window;
        SegmentTableModel *model = window.model();
        const int row = model->rowOfShmid(orphanId);
        QVERIFY(row >= 0);
        QVERIFY(model->isOrphan(model->segmentAt(row)));
        QVERIFY(!model->isOrphan(model->segmentAt(model->rowOfShmid(ours.shmid()))));
        const QString status
            = model->index(row, SegmentTableModel::StatusColumn).data().toString();
        QVERIFY2(status.startsWith("orphan, "), qPrintable(status));
        QVERIFY(window.selectOrphans() >= 1);
        const QList<int> selected = window.selectedShmids();
        QVERIFY(selected.contains(orphanId));
        QVERIFY(!selected.contains(ours.shmid()));
    }
};

QTEST_MAIN(TestFileBrowser)
#include "tst_filebrowser.moc"
