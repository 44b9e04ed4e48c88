// shm::ForkDemo on real segments and a real forked child: the lesson's steps, live mode in
// both directions, and cleanup (no child, no segment left).

#include "core/forkdemo.h"
#include "core/segmentlist.h"
#include "demoprocesses.h"

#include <QtTest>

#include <csignal>
#include <cstring>
#include <set>
#include <unistd.h>

namespace {

using demotest::childrenOf;

bool segmentExists(int shmid)
{
    return shm::statSegment(shmid).ok();
}

// Creates the segment, attaches it, forks the child and marks the segment for removal,
// checking each step (the caller returns when QTest::currentTestFailed()).
void startMarked(shm::ForkDemo &demo)
{
    QVERIFY(demo.create().ok());
    QVERIFY(demo.attach().ok());
    QVERIFY(demo.forkChild().ok());
    QVERIFY(demo.markForRemoval().ok());
}

// startMarked, then live mode from `source` every 5 ms.
void startLive(shm::ForkDemo &demo, shm::LiveSource source)
{
    startMarked(demo);
    if (QTest::currentTestFailed())
        return;
    shm::LiveSettings settings;
    settings.source = source;
    settings.periodMs = 5;
    QVERIFY(demo.setLive(settings).ok());
}

} // namespace

class TestForkDemo : public QObject
{
    Q_OBJECT
private slots:
    void init() { QVERIFY(childrenOf(getpid()).empty()); }
    void cleanup() { QVERIFY(childrenOf(getpid()).empty()); }

    void lessonSteps()
    {
        int shmid = -1;
        {
            shm::ForkDemo demo;
            auto created = demo.create();
            QVERIFY2(created.ok(), created.ok() ? "" : created.error().describe().c_str());
            shmid = *created;
            QCOMPARE(shm::statSegment(shmid)->nattch, std::uint64_t(0));
            QCOMPARE(shm::statSegment(shmid)->size, std::uint64_t(sizeof(int)));

            auto address = demo.attach();
            QVERIFY(address.ok());
            QVERIFY(*address != 0);
            QCOMPARE(shm::statSegment(shmid)->nattch, std::uint64_t(1));

            auto pid = demo.forkChild();
            QVERIFY2(pid.ok(), pid.ok() ? "" : pid.error().describe().c_str());
            QVERIFY(*pid > 0);
            QCOMPARE(childrenOf(getpid()), std::vector<pid_t>{*pid});
            QCOMPARE(shm::statSegment(shmid)->nattch, std::uint64_t(2)); // fork duplicated the attachment

            QVERIFY(demo.markForRemoval().ok());
            QVERIFY(shm::statSegment(shmid)->isMarkedForDestruction());
            QCOMPARE(shm::statSegment(shmid)->key, 0); // the key reads 0 once marked

            auto seen = demo.childRead();
            QVERIFY(seen.ok());
            QCOMPARE(*seen, 0);
            auto written = demo.childWrite(1664);
            QVERIFY(written.ok());
            QCOMPARE(*written, 1664);
            QCOMPARE(*demo.parentRead(), 1664);

            QVERIFY(demo.childDetachAndExit().ok());
            QCOMPARE(shm::statSegment(shmid)->nattch, std::uint64_t(1));
            auto ended = demo.waitChild();
            QVERIFY(ended.ok());
            QCOMPARE(ended->pid, *pid);
            QVERIFY(ended->exited);
            QCOMPARE(ended->status, 0);
            QVERIFY(!ended->killed);
            QVERIFY(!demo.hasChild());

            QVERIFY(demo.parentDetach().ok());
            QVERIFY(!segmentExists(shmid)); // marked + last detach: destroyed
        }
        QVERIFY(!segmentExists(shmid));
    }

    void stepsOutOfOrderFailWithAReason()
    {
        shm::ForkDemo demo;
        auto attached = demo.attach();
        QVERIFY(!attached.ok());
        QCOMPARE(attached.error().call, std::string("shmat"));
        QVERIFY(!demo.forkChild().ok());
        QVERIFY(!demo.childRead().ok());
        QVERIFY(!demo.waitChild().ok());
    }

    void liveCounterDeliversDistinctValues()
    {
        shm::ForkDemo demo;
        startLive(demo, shm::LiveSource::Counter);
        if (QTest::currentTestFailed())
            return;
        const int shmid = demo.shmid();

        std::set<std::int32_t> seenByParent;
        std::set<std::int32_t> reportedByChild;
        QTRY_VERIFY_WITH_TIMEOUT(
            (seenByParent.insert(*demo.parentRead()),
             [&] {
                 for (const auto &report : demo.takeReports()) {
                     if (report.kind == shm::ChildReport::Tick && report.wrote)
                         reportedByChild.insert(report.written);
                 }
             }(),
             seenByParent.size() >= 5 && reportedByChild.size() >= 5),
            10000);

        auto ended = demo.stopChild();
        QVERIFY(ended.ok());
        QVERIFY(ended->exited);
        QCOMPARE(ended->status, 0);
        QVERIFY(!ended->killed);
        QCOMPARE(shm::statSegment(shmid)->nattch, std::uint64_t(1));
    }

    void childSeesWhatTheParentWrites()
    {
        shm::ForkDemo demo;
        startLive(demo, shm::LiveSource::WatchOnly);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(demo.parentWrite(777).ok());
        bool seen = false;
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                     for (const auto &report : demo.takeReports()) {
                                         if (report.kind == shm::ChildReport::Tick
                                             && !report.wrote && report.value == 777)
                                             seen = true;
                                     }
                                 }(),
                                 seen),
                                 10000);

        // Then the child writes a value of its own and the parent sees it.
        shm::LiveSettings settings;
        settings.source = shm::LiveSource::Value;
        settings.periodMs = 5;
        settings.value = -12345;
        QVERIFY(demo.setLive(settings).ok());
        QTRY_COMPARE_WITH_TIMEOUT(*demo.parentRead(), -12345, 10000);
        QVERIFY(demo.stopChild().ok());
    }

    void destructorReapsAndRemoves()
    {
        int shmid = -1;
        pid_t child = 0;
        {
            shm::ForkDemo demo;
            QVERIFY(demo.create().ok());
            shmid = demo.shmid();
            QVERIFY(demo.attach().ok());
            auto pid = demo.forkChild();
            QVERIFY(pid.ok());
            child = *pid;
            QVERIFY(demo.setLive({}).ok());
            // Not marked: the destructor must remove it itself.
        }
        QVERIFY(!segmentExists(shmid));
        QVERIFY(childrenOf(getpid()).empty());
        QCOMPARE(kill(child, 0), -1);
    }

    void handedOverAttachmentKeepsOneAttach()
    {
        shm::ForkDemo demo;
        QVERIFY(demo.create().ok());
        const auto address = demo.attach();
        QVERIFY(address.ok());
        shm::Attachment held = demo.handOverAttachment();
        QVERIFY(held.isValid());
        QCOMPARE(held.address(), *address);
        QVERIFY(demo.isAttached());
        QVERIFY(demo.isAttachmentHandedOver());
        QVERIFY(!demo.parentDetach().ok()); // the holder detaches, not the demo
        QVERIFY(demo.forkChild().ok());
        QVERIFY(demo.markForRemoval().ok());
        QCOMPARE(shm::statSegment(demo.shmid())->nattch, std::uint64_t(2));
        QVERIFY(demo.childWrite(99).ok());
        QCOMPARE(*demo.parentRead(), 99);
        QCOMPARE(std::memcmp(held.data(), &*demo.parentRead(), sizeof(int)), 0);
        QVERIFY(demo.childDetachAndExit().ok());
        QVERIFY(demo.waitChild().ok());
        const int shmid = demo.shmid();
        QVERIFY(held.detach().ok());
        demo.handedAttachmentDetached();
        QVERIFY(!demo.isAttached());
        QVERIFY(!demo.parentRead().ok());
        QVERIFY(!segmentExists(shmid));
    }

    void restartOnTheSameSegment()
    {
        shm::ForkDemo demo;
        startMarked(demo);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(demo.stopChild().ok());
        // A marked segment can still be shared with a new child through fork.
        auto again = demo.forkChild();
        QVERIFY2(again.ok(), again.ok() ? "" : again.error().describe().c_str());
        QCOMPARE(shm::statSegment(demo.shmid())->nattch, std::uint64_t(2));
        QVERIFY(demo.childWrite(5).ok());
        QCOMPARE(*demo.parentRead(), 5);
    }
};

QTEST_GUILESS_MAIN(TestForkDemo)
#include "tst_forkdemo.moc"
