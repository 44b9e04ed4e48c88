// Churn: the browser (offscreen, refreshing every 50 ms) while a child process creates and
// destroys segments, changes their modes and attach counts, and while we open and close memory
// views on segments that are being destroyed. Two phases of SHMSCOPE_CHURN_SECONDS/2 each
// (default 30 s in all):
//  1. QAbstractItemModelTester on the model and on the proxy, fatal on any breach, while the
//     child churns SHMSCOPE_CHURN_TESTED_RATE operations per second (default 400) over up to
//     SHMSCOPE_CHURN_TESTED_MAX segments (default 250). The tester walks the whole table on every
//     model signal, so it is kept to a table size and rate where refreshes still come often;
//  2. without the testers, the child as fast as it can (SHMSCOPE_CHURN_RATE, 0 = no limit, the
//     default) filling up to SHMSCOPE_CHURN_MAX segments (default 2000; 1000 under ASan) and
//     draining again, over and over.
// Throughout: no crash, the row selected at the start stays the current and selected one, every
// failed open says plainly why. After each phase, the table equals the kernel's listing exactly.
//
// Nothing is left behind, even if everything is killed: the child attaches each segment and
// marks it for destruction right after shmget, so a segment lives only as long as the child's
// (or one of our views') attachment; the child dies with us (PR_SET_PDEATHSIG, checked after
// fork); cleanup() removes any segment a child made that still exists.

#include "support/browsercheck.h"
#include "support/testsegment.h"
#include "ui/memory/hexview.h"
#include "ui/browser/mainwindow.h"
#include "ui/memory/memoryview.h"
#include "ui/memory/memorywindow.h"
#include "ui/browser/segmentfilterproxy.h"
#include "ui/browser/segmenttablemodel.h"

#include "core/segmentlist.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QElapsedTimer>
#include <QMessageBox>
#include <QPointer>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

#include <memory>

#include <cerrno>
#include <csignal>
#include <ctime>
#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

using shmtest::TestSegment;

namespace {

int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok && value > 0 ? value : fallback;
}

// What the child counts, reported through a pipe when it ends.
struct ChurnReport
{
    long long created = 0;
    long long destroyed = 0;
    long long modeChanges = 0;
    long long extraAttaches = 0;
    long long refused = 0; // shmget/shmat refused (limits reached): backed off
    int peakAlive = 0;
};

struct Slot
{
    int shmid;
    void *address;
    void *extra; // a second attachment, or nullptr
};

double now()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

// The child's loop: system calls only (no allocation after fork: the parent has threads).
// At most `rate` operations per second (0: as fast as it can). Stops when stopFd becomes
// readable (or after `seconds`, a safety net), detaches everything and reports.
[[noreturn]] void churnChild(pid_t parent, int stopFd, int reportFd, Slot *entries, int maxAlive,
                             double seconds, int rate)
{
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent)
        _exit(3);
    ChurnReport report;
    int alive = 0;
    bool filling = true;
    unsigned rng = 0x9e3779b9u ^ unsigned(getpid());
    const auto next = [&rng] {
        rng ^= rng << 13;
        rng ^= rng >> 17;
        rng ^= rng << 5;
        return rng;
    };
    const double start = now();
    const double deadline = start + seconds;
    for (unsigned long iteration = 0;; ++iteration) {
        if ((iteration & 255) == 0) {
            pollfd p{stopFd, POLLIN, 0};
            if (poll(&p, 1, 0) > 0 || now() > deadline)
                break;
            // Keep to the rate: sleep until 256 more operations are due.
            if (rate > 0) {
                const double due = start + double(iteration) / rate;
                const double ahead = due - now();
                if (ahead > 0) {
                    timespec pause{time_t(ahead), long((ahead - double(time_t(ahead))) * 1e9)};
                    nanosleep(&pause, nullptr);
                }
            }
        }
        const unsigned r = next();
        // Fill up to maxAlive, drain to a tenth of it, again and again; mostly one way, with
        // every kind of change mixed in.
        if (alive >= maxAlive)
            filling = false;
        else if (alive <= maxAlive / 10)
            filling = true;
        const bool grow =
            alive < maxAlive && (alive == 0 || (filling ? (r & 3) != 0 : (r & 3) == 0));
        if (grow) {
            const int shmid = shmget(IPC_PRIVATE, 4096 * (1 + (r >> 8) % 4), IPC_CREAT | 0600);
            if (shmid < 0) {
                ++report.refused;
                continue;
            }
            void *address = shmat(shmid, nullptr, SHM_RDONLY);
            if (address == reinterpret_cast<void *>(-1)) {
                shmctl(shmid, IPC_RMID, nullptr);
                ++report.refused;
                continue;
            }
            // From here on the segment lives only while attached: nothing can leak.
            shmctl(shmid, IPC_RMID, nullptr);
            entries[alive++] = Slot{shmid, address, nullptr};
            ++report.created;
            if (alive > report.peakAlive)
                report.peakAlive = alive;
        } else {
            Slot &slot = entries[(r >> 4) % unsigned(alive)];
            switch ((r >> 20) % 4) { // a quarter mode, a quarter nattch, half destroy
            case 0: { // change the mode in place
                shmid_ds ds{};
                ds.shm_perm.uid = geteuid();
                ds.shm_perm.gid = getegid();
                ds.shm_perm.mode = (r >> 24) & 0777;
                if (shmctl(slot.shmid, IPC_SET, &ds) == 0)
                    ++report.modeChanges;
                break;
            }
            case 1: // nattch 1 <-> 2
                if (slot.extra) {
                    shmdt(slot.extra);
                    slot.extra = nullptr;
                } else {
                    void *extra = shmat(slot.shmid, nullptr, SHM_RDONLY);
                    if (extra != reinterpret_cast<void *>(-1)) {
                        slot.extra = extra;
                        ++report.extraAttaches;
                    }
                }
                break;
            default: // destroy: the last detach frees it
                if (slot.extra)
                    shmdt(slot.extra);
                shmdt(slot.address);
                slot = entries[--alive];
                ++report.destroyed;
                break;
            }
        }
    }
    while (alive > 0) {
        Slot &slot = entries[--alive];
        if (slot.extra)
            shmdt(slot.extra);
        shmdt(slot.address);
        ++report.destroyed;
    }
    [[maybe_unused]] ssize_t written = write(reportFd, &report, sizeof report);
    _exit(0);
}

// Removes every segment whose creator is pid (the churn child): safety net after a failure.
int removeSegmentsOf(pid_t pid)
{
    int removed = 0;
    if (auto listing = shm::listSegments()) {
        for (const auto &s : *listing) {
            if (s.cpid == pid && shmctl(s.shmid, IPC_RMID, nullptr) == 0)
                ++removed;
        }
    }
    return removed;
}

} // namespace

struct PhaseSettings
{
    const char *name;
    int seconds;
    int rate;
    int maxAlive;
    bool modelTester;
};

struct PhaseResult
{
    ChurnReport churn;
    int opened = 0;
    int refusedAsGone = 0;
    int otherFailures = 0;
    int maxRows = 0;
    int turns = 0;
    qint64 slowestTurnMs = 0;
};

class TestChurn : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void browserUnderChurn();

private:
    void runPhase(MainWindow &window, int keeper, const PhaseSettings &settings,
                  PhaseResult &result);
    pid_t m_child = -1;
};

void TestChurn::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    std::signal(SIGPIPE, SIG_IGN); // a stop request to a child that already ended is no error
}

void TestChurn::cleanup()
{
    for (QWidget *w : QApplication::topLevelWidgets())
        delete w;
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    if (m_child > 0) {
        kill(m_child, SIGKILL);
        waitpid(m_child, nullptr, 0);
        removeSegmentsOf(m_child);
        m_child = -1;
    }
}

void TestChurn::runPhase(MainWindow &window, int keeper, const PhaseSettings &settings,
                         PhaseResult &result)
{
    std::unique_ptr<QAbstractItemModelTester> modelTester, proxyTester;
    if (settings.modelTester) {
        modelTester = std::make_unique<QAbstractItemModelTester>(
            window.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        proxyTester = std::make_unique<QAbstractItemModelTester>(
            window.proxy(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    }
    std::vector<Slot> entries(size_t(settings.maxAlive) + 1);
    int stopPipe[2], reportPipe[2];
    QCOMPARE(pipe2(stopPipe, O_CLOEXEC), 0);
    QCOMPARE(pipe2(reportPipe, O_CLOEXEC), 0);
    const pid_t parent = getpid();
    m_child = fork();
    QVERIFY(m_child >= 0);
    if (m_child == 0)
        churnChild(parent, stopPipe[0], reportPipe[1], entries.data(), settings.maxAlive,
                   settings.seconds * 10.0 + 120.0, settings.rate);
    close(stopPipe[0]);
    close(reportPipe[1]);

    // Drive the app while the churn runs: refreshes come from the timer; we open views on
    // random rows of the child's (often already destroyed) segments and close them again.
    QStringList unexpected;
    std::vector<QPointer<MemoryWindow>> views;
    QElapsedTimer clock;
    clock.start();
    unsigned rng = 12345;
    qint64 last = 0;
    const QString gone = QStringLiteral("Segment %1 no longer exists: it was removed by someone else.");
    while (clock.elapsed() < qint64(settings.seconds) * 1000) {
        QTest::qWait(25);
        ++result.turns;
        result.slowestTurnMs = std::max(result.slowestTurnMs, clock.elapsed() - last);
        last = clock.elapsed();
        SegmentTableModel *model = window.model();
        result.maxRows = std::max(result.maxRows, model->rowCount());
        for (int attempt = 0; attempt < 3 && model->rowCount() > 0; ++attempt) {
            rng = rng * 1103515245u + 12345u;
            const auto &info = model->segmentAt(int((rng >> 8) % unsigned(model->rowCount())));
            if (info.cpid != m_child)
                continue;
            const int shmid = info.shmid;
            if (window.openSegment(shmid, shm::Access::ReadOnly)) {
                ++result.opened;
                for (MemoryWindow *w : window.findChildren<MemoryWindow *>()) {
                    if (std::find(views.begin(), views.end(), w) == views.end())
                        views.emplace_back(w);
                }
            } else if (window.lastMessage() == gone.arg(shmid)) {
                ++result.refusedAsGone;
            } else {
                // The child may have set a mode without read permission: a plain refusal
                // naming the mode is right too (root bypasses it).
                ++result.otherFailures;
                if (!window.lastMessage().contains(QLatin1String("mode")))
                    unexpected << window.lastMessage();
            }
        }
        // Keep a handful of views open, ticking live; close the oldest.
        while (views.size() > 4) {
            if (views.front())
                views.front()->close();
            views.erase(views.begin());
        }
        for (auto &view : views) {
            if (view)
                view->memoryView()->hexView()->refreshNow();
        }
        // Message boxes about vanished segments: dismissed as a person would.
        for (QMessageBox *box : window.findChildren<QMessageBox *>())
            box->close();
        QCOMPARE(window.currentShmid(), keeper);
    }

    // Stop the churn and collect the child's figures.
    [[maybe_unused]] ssize_t sent = write(stopPipe[1], "x", 1);
    QCOMPARE(read(reportPipe[0], &result.churn, sizeof result.churn),
             ssize_t(sizeof result.churn));
    close(stopPipe[1]);
    close(reportPipe[0]);
    int status = 0;
    QCOMPARE(waitpid(m_child, &status, 0), m_child);
    QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    const pid_t child = m_child;
    m_child = -1;
    for (auto &view : views) {
        if (view)
            view->close();
    }
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);

    const ChurnReport &c = result.churn;
    qInfo("%s: %d s, child %lld created, %lld destroyed, %lld mode changes, %lld extra "
          "attaches, peak %d alive, %lld refused by limits; browser up to %d rows, %d views "
          "opened, %d opens refused as vanished, %d refused otherwise; %d turns of the event "
          "loop, the longest %lld ms",
          settings.name, settings.seconds, c.created, c.destroyed, c.modeChanges,
          c.extraAttaches, c.peakAlive, c.refused, result.maxRows, result.opened,
          result.refusedAsGone, result.otherFailures, result.turns, result.slowestTurnMs);
    QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected.join(QLatin1Char('\n'))));
    QVERIFY(c.created > 0);
    QCOMPARE(c.destroyed, c.created);
    QVERIFY(result.opened + result.refusedAsGone + result.otherFailures > 0);

    // Nothing of the child's is left; the table equals the kernel's listing exactly.
    QCOMPARE(removeSegmentsOf(child), 0);
    QVERIFY(shmtest::tableMatchesKernel(window));
    QCOMPARE(window.currentShmid(), keeper);
    QCOMPARE(window.selectedShmids(), QList<int>{keeper});
}

void TestChurn::browserUnderChurn()
{
    const int seconds = envInt("SHMSCOPE_CHURN_SECONDS", 30);
    const int half = std::max(1, seconds / 2);
    const int rate = qEnvironmentVariableIntValue("SHMSCOPE_CHURN_RATE"); // 0: unlimited
#if defined(__SANITIZE_ADDRESS__)
    const int maxAlive = envInt("SHMSCOPE_CHURN_MAX", 1000); // everything is slower there
#else
    const int maxAlive = envInt("SHMSCOPE_CHURN_MAX", 2000);
#endif
    const PhaseSettings tested{"with the model tester", half,
                               envInt("SHMSCOPE_CHURN_TESTED_RATE", 400),
                               envInt("SHMSCOPE_CHURN_TESTED_MAX", 250), true};
    const PhaseSettings fast{"as fast as it can", half, rate, maxAlive, false};

    // A segment of ours that stays selected through the churn.
    TestSegment keeper(4096);
    QVERIFY(keeper.isValid());
    MainWindow window;
    window.resize(1000, 700);
    window.show();
    window.view()->sortByColumn(SegmentTableModel::ShmidColumn, Qt::AscendingOrder);
    window.setRefreshInterval(50);
    window.setPaused(false);
    QVERIFY(window.selectSegment(keeper.shmid()));

    for (const PhaseSettings &settings : {tested, fast}) {
        PhaseResult result;
        runPhase(window, keeper.shmid(), settings, result);
        if (QTest::currentTestFailed())
            return;
    }
}

QTEST_MAIN(TestChurn)
#include "tst_churn.moc"
