// The browser switched to another IPC namespace (a container's): every tab lists that
// namespace's objects, actions act there, attachers are its processes, a memory view opened
// there stays with its segment when the browser moves on, and a namespace that cannot be
// entered is refused with a sentence. Real namespaces: a child that unshare(CLONE_NEWIPC)s.

#include "support/testsegment.h"

#include "ui/browser/attachersmodel.h"
#include "ui/browser/mainwindow.h"
#include "ui/browser/queuebrowser.h"
#include "ui/browser/queuetablemodel.h"
#include "ui/browser/segmentdetailswidget.h"
#include "ui/browser/segmenttablemodel.h"
#include "ui/browser/semaphorebrowser.h"
#include "ui/browser/semaphoretablemodel.h"
#include "ui/common/namespacerouter.h"
#include "ui/memory/memoryview.h"
#include "ui/memory/memorywindow.h"

#include "core/namespaces.h"
#include "core/segmentlist.h"

#include <QComboBox>
#include <QLabel>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include <sched.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <unistd.h>

using namespace shmtest;

namespace {

constexpr std::size_t ChildSegmentSize = 5 * 4096;

// In the child (system calls only): a namespace of its own with one segment (attached), one
// set of two semaphores and one queue with one message. All go with the namespace.
void objectsInNewNamespace()
{
    if (::unshare(CLONE_NEWIPC) != 0)
        _exit(3);
    const int shmid = ::shmget(IPC_PRIVATE, ChildSegmentSize, 0640);
    if (shmid < 0 || ::shmat(shmid, nullptr, 0) == reinterpret_cast<void *>(-1))
        _exit(4);
    if (::semget(IPC_PRIVATE, 2, 0640) < 0)
        _exit(5);
    const int msqid = ::msgget(IPC_PRIVATE, 0640);
    struct
    {
        long type;
        char text[4];
    } message{7, {'a', 'b', 'c', 0}};
    if (msqid < 0 || ::msgsnd(msqid, &message, 4, IPC_NOWAIT) != 0)
        _exit(6);
}

} // namespace

class TestBrowserNamespace : public QObject
{
    Q_OBJECT
private slots:
    void switchToAChildsNamespace()
    {
        if (geteuid() != 0)
            QSKIP("entering another IPC namespace needs CAP_SYS_ADMIN (refusal: "
                  "refusedWithoutPrivilege)");
        TestSegment ours(10000, 0600);
        QVERIFY(ours.isValid());
        ChildProcess child(objectsInNewNamespace);
        if (!child.waitReady())
            QSKIP("this machine does not let a child make an IPC namespace");

        MainWindow window;
        QVERIFY(window.model()->rowOfShmid(ours.shmid()) >= 0);
        auto atHome = window.openSegment(ours.shmid(), shm::Access::ReadOnly);
        QVERIFY(atHome.ok());
        QVERIFY(window.switchNamespace(child.pid()));
        // The view opened at home stays at home.
        QVERIFY(!NamespaceRouter::namespaceFor(*atHome));
        QVERIFY(NamespaceRouter::namespaceFor(&window) == window.ipcNamespace());
        delete *atHome;
        QVERIFY(window.ipcNamespace());
        QVERIFY(window.ipcNamespace()->id() == *shm::ipcNamespaceOf(child.pid()));
        QVERIFY(window.findChild<QLabel *>(QStringLiteral("namespaceNote"))->isVisibleTo(&window));
        QVERIFY(window.windowTitle().contains(QString::number(window.ipcNamespace()->id().inode)));
        QVERIFY2(window.namespaceBox()->currentText().contains(QString::number(child.pid())), qPrintable(window.namespaceBox()->currentText()));

        // Only the child's objects, with their fields.
        QCOMPARE(window.model()->rowCount(), 1);
        const shm::SegmentInfo theirs = window.model()->segmentAt(0);
        QCOMPARE(theirs.size, std::uint64_t(ChildSegmentSize));
        QCOMPARE(theirs.cpid, child.pid());
        window.tabs()->setCurrentWidget(window.semaphores());
        QCOMPARE(window.semaphores()->model()->rowCount(), 1);
        QCOMPARE(window.semaphores()->model()->setAt(0).nsems, 2u);
        window.tabs()->setCurrentWidget(window.queues());
        QCOMPARE(window.queues()->model()->rowCount(), 1);
        QCOMPARE(window.queues()->model()->queueAt(0).qnum, std::uint64_t(1));
        window.tabs()->setCurrentIndex(0);

        // Attachers are the namespace's: the child.
        QVERIFY(window.selectSegment(theirs.shmid));
        QTRY_COMPARE(window.details()->attachersModel()->rowCount(), 1);
        QCOMPARE(window.details()->attachersModel()
                     ->index(0, 0)
                     .data(Qt::DisplayRole)
                     .toString()
                     .section(QLatin1Char(' '), 0, 0),
                 QString::number(child.pid()));

        // A memory view opened there stays there.
        auto opened = window.openSegment(theirs.shmid, shm::Access::ReadOnly);
        QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().describe().c_str());
        const shm::IpcNamespacePtr theirNamespace = window.ipcNamespace();
        QVERIFY(window.switchNamespace(0));
        QVERIFY(!window.ipcNamespace());
        QVERIFY(window.model()->rowOfShmid(ours.shmid()) >= 0);
        QVERIFY(!window.findChild<QLabel *>(QStringLiteral("namespaceNote"))->isVisibleTo(&window));
        QVERIFY(NamespaceRouter::namespaceFor(*opened) == theirNamespace);
        QVERIFY(!NamespaceRouter::namespaceFor(&window));
        QTest::qWait(1200); // the view's own stat of its segment, a tick or more
        QCOMPARE((*opened)->memoryView()->shmid(), theirs.shmid);
        delete *opened;

        // Removal acts in the namespace shown.
        QVERIFY(window.switchNamespace(child.pid()));
        QCOMPARE(window.removeSegments({theirs.shmid}), 1);
        bool goneThere = false;
        QVERIFY(shm::runInIpcNamespace(child.pid(), [&] {
                    goneThere = !shm::statSegment(theirs.shmid).ok()
                        || shm::statSegment(theirs.shmid)->isMarkedForDestruction();
                }).ok());
        QVERIFY(goneThere);
        QVERIFY(window.switchNamespace(0)); // the test's thread too is back home
        QVERIFY(shm::statSegment(ours.shmid()).ok()); // ours untouched
        child.stop();
    }

    void refusals()
    {
        MainWindow window;
        // A process that does not exist.
        QVERIFY(!window.switchNamespace(999999999));
        QVERIFY2(window.lastMessage().contains(QStringLiteral("999999999")),
                 qPrintable(window.lastMessage()));
        QVERIFY(!window.ipcNamespace());
    }

    void refusedWithoutPrivilege()
    {
        if (geteuid() == 0)
            QSKIP("root may enter any namespace (the run as nobody checks the refusal)");
        // Our own child in a user namespace with its own IPC namespace: setns needs
        // CAP_SYS_ADMIN in our namespace too.
        ChildProcess child([] {
            if (::unshare(CLONE_NEWUSER | CLONE_NEWIPC) != 0)
                _exit(3);
        });
        if (!child.waitReady())
            QSKIP("this machine gives no user namespaces to unprivileged users");
        MainWindow window;
        const int rows = window.model()->rowCount();
        QVERIFY(!window.switchNamespace(child.pid()));
        QVERIFY2(window.lastMessage().contains(QStringLiteral("CAP_SYS_ADMIN")),
                 qPrintable(window.lastMessage()));
        QVERIFY(!window.ipcNamespace());
        QCOMPARE(window.model()->rowCount(), rows);
        child.stop();
    }
};

QTEST_MAIN(TestBrowserNamespace)
#include "tst_browsernamespace.moc"
