#include "ui/lessons/demowindow.h"

#include "ui/lessons/demobytesview.h"
#include "ui/lessons/lessonpanel.h"
#include "ui/lessons/lessonsteps.h"
#include "ui/common/errortext.h"
#include "ui/common/helpmenu.h"
#include "ui/memory/memoryview.h"
#include "ui/lessons/valueplot.h"

#include "core/childprocess.h"
#include "core/forkdemo.h"
#include "core/segmentlist.h"

#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSocketNotifier>
#include <QSpinBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTableWidget>
#include <QTime>
#include <QTimer>
#include <QVBoxLayout>

#include <cstring>
#include <limits>
#include <unistd.h>

namespace {

constexpr int LessonValue = 1664;
constexpr int RunStepMs = 900;
constexpr int RefreshMs = 50;

// The C of each step, as the corrected program writes it (code: not translated).
const char *const StepCalls[DemoWindow::StepCount] = {
    "shmid = shmget(IPC_PRIVATE, sizeof(int), 0600)",
    "shared_int = shmat(shmid, NULL, 0)",
    "pid = fork()",
    "shmctl(shmid, IPC_RMID, NULL)",
    "printf(\"%d\\n\", *shared_int)",
    "*shared_int = 1664",
    "shmdt(shared_int); exit(0)",
    "wait(&status)",
    "printf(\"%d\\n\", *shared_int)",
    "shmdt(shared_int)",
};

bool isChildStep(int step)
{
    return step == DemoWindow::ChildReadStep || step == DemoWindow::ChildWriteStep
        || step == DemoWindow::ChildDetachStep;
}

QString addressText(std::uintptr_t address)
{
    return QStringLiteral("0x%1").arg(quint64(address), 0, 16);
}

} // namespace

DemoWindow::DemoWindow(QWidget *parent)
    : LessonWindow(parent)
{
    setWindowTitle(tr("Fork demo: one int shared by a parent and its child"));
    buildUi();
    fillStepTable();

    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setInterval(RefreshMs);
    connect(m_refreshTimer, &QTimer::timeout, this, &DemoWindow::refresh);
    m_refreshTimer->start();

    m_runTimer = new QTimer(this);
    m_runTimer->setInterval(RunStepMs);
    connect(m_runTimer, &QTimer::timeout, this, [this] {
        if (!step() || m_nextStep >= StepCount)
            m_runTimer->stop();
        updateButtons();
    });

    reset();
    resize(1280, 820);
}

DemoWindow::~DemoWindow()
{
    stopEverything();
}

void DemoWindow::buildUi()
{
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);

    // ---- the lesson ----
    auto *lessonBox = new LessonPanel(tr("Stop the child, detach, and start the lesson again."));
    m_panel = lessonBox;
    m_steps = lessonBox->steps();
    m_narration = lessonBox->narration();
    m_stepButton = lessonBox->stepButton();
    m_runButton = lessonBox->runButton();
    m_resetButton = lessonBox->resetButton();
    connect(m_stepButton, &QPushButton::clicked, this, [this] {
        step();
        updateButtons();
    });
    connect(m_runButton, &QPushButton::clicked, this, &DemoWindow::run);
    connect(m_resetButton, &QPushButton::clicked, this, &DemoWindow::reset);

    // ---- the shared int ----
    auto *memoryBox = new QGroupBox(tr("The shared int"));
    m_valueLabel = new QLabel;
    m_valueLabel->setObjectName(QStringLiteral("value"));
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 4.5);
    big.setBold(true);
    m_valueLabel->setFont(big);
    m_valueLabel->setAlignment(Qt::AlignCenter);
    m_valueLabel->setForegroundRole(QPalette::Highlight);
    m_valueLabel->setMinimumWidth(QFontMetrics(big).horizontalAdvance(QStringLiteral("-2147483648")));
    m_valueLabel->setToolTip(tr("*shared_int, read by the window (the parent) through its attachment."));
    m_segmentLabel = new QLabel;
    m_segmentLabel->setObjectName(QStringLiteral("segment"));
    m_segmentLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_nattchLabel = new QLabel;
    m_nattchLabel->setObjectName(QStringLiteral("nattch"));
    m_nattchLabel->setTextFormat(Qt::RichText);
    m_removalLabel = new QLabel;
    m_removalLabel->setObjectName(QStringLiteral("removal"));
    m_removalLabel->setWordWrap(true);
    m_removalLabel->setTextFormat(Qt::RichText);
    m_bytes = new DemoBytesView;
    m_bytes->setObjectName(QStringLiteral("bytes"));
    m_bytes->setToolTip(tr("The segment's bytes (little-endian int): a byte that changes lights up."));
    m_memoryPlaceholder = new QLabel(tr("The memory view appears here once the parent has "
                                        "attached the segment (step 2)."));
    m_memoryPlaceholder->setWordWrap(true);
    m_memoryPlaceholder->setAlignment(Qt::AlignCenter);
    m_memoryPlaceholder->setForegroundRole(QPalette::PlaceholderText);

    auto *memoryLayout = new QVBoxLayout(memoryBox);
    memoryLayout->addWidget(m_valueLabel);
    memoryLayout->addWidget(m_bytes, 0, Qt::AlignHCenter);
    memoryLayout->addSpacing(6);
    memoryLayout->addWidget(m_segmentLabel);
    memoryLayout->addWidget(m_nattchLabel);
    memoryLayout->addWidget(m_removalLabel);
    memoryLayout->addSpacing(6);
    memoryLayout->addWidget(m_memoryPlaceholder, 1);
    m_memoryLayout = memoryLayout;

    // ---- live ----
    auto *liveBox = new QGroupBox(tr("Live: the child keeps changing the int"));
    m_sourceBox = new QComboBox;
    m_sourceBox->setObjectName(QStringLiteral("source"));
    m_sourceBox->addItem(tr("counts up (reads, adds 1, writes)"), int(shm::LiveSource::Counter));
    m_sourceBox->addItem(tr("writes the value below"), int(shm::LiveSource::Value));
    m_sourceBox->addItem(tr("only watches (reports changes)"), int(shm::LiveSource::WatchOnly));
    m_childValue = new QSpinBox;
    m_childValue->setObjectName(QStringLiteral("childValue"));
    m_childValue->setRange(std::numeric_limits<int>::min(), std::numeric_limits<int>::max());
    m_childValue->setValue(42);
    m_rate = new QSpinBox;
    m_rate->setObjectName(QStringLiteral("rate"));
    m_rate->setRange(1, 50);
    m_rate->setValue(5);
    m_rate->setSuffix(tr(" writes/s"));
    m_liveButton = new QPushButton(tr("Start &live"));
    m_liveButton->setObjectName(QStringLiteral("liveButton"));
    connect(m_liveButton, &QPushButton::clicked, this, [this] {
        if (m_live)
            stopLive();
        else
            startLive();
    });
    connect(m_sourceBox, &QComboBox::currentIndexChanged, this, &DemoWindow::applyLiveSettings);
    connect(m_childValue, &QSpinBox::valueChanged, this, &DemoWindow::applyLiveSettings);
    connect(m_rate, &QSpinBox::valueChanged, this, &DemoWindow::applyLiveSettings);

    m_parentValue = new QSpinBox;
    m_parentValue->setObjectName(QStringLiteral("parentValue"));
    m_parentValue->setRange(std::numeric_limits<int>::min(), std::numeric_limits<int>::max());
    m_parentValue->setValue(1000);
    m_parentWriteButton = new QPushButton(tr("&Write from the parent"));
    m_parentWriteButton->setObjectName(QStringLiteral("parentWriteButton"));
    m_parentWriteButton->setToolTip(tr("*shared_int = value, in this window's process: the child "
                                       "reports what it sees through its pipe."));
    connect(m_parentWriteButton, &QPushButton::clicked, this, &DemoWindow::writeFromParent);

    auto *childRow = new QHBoxLayout;
    childRow->addWidget(m_sourceBox);
    childRow->addWidget(m_childValue);
    childRow->addWidget(m_rate);
    childRow->addWidget(m_liveButton);
    childRow->addStretch();
    auto *parentRow = new QHBoxLayout;
    parentRow->addWidget(m_parentValue);
    parentRow->addWidget(m_parentWriteButton);
    parentRow->addStretch();
    auto *controls = new QFormLayout;
    controls->addRow(tr("Child:"), childRow);
    controls->addRow(tr("Parent:"), parentRow);

    m_plot = new ValuePlot;
    m_plot->setObjectName(QStringLiteral("plot"));
    m_plot->setToolTip(tr("The shared int over the last seconds, as the parent sees it."));
    m_pipeLog = new QPlainTextEdit;
    m_pipeLog->setObjectName(QStringLiteral("pipeLog"));
    m_pipeLog->setReadOnly(true);
    m_pipeLog->setFont(mono);
    m_pipeLog->setMaximumBlockCount(500);
    m_pipeLog->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_pipeLog->setPlaceholderText(tr("What the child writes to its pipe appears here."));

    auto *plotBox = new QVBoxLayout;
    plotBox->addWidget(new QLabel(tr("The value over the last 10 seconds")));
    plotBox->addWidget(m_plot, 1);
    auto *logBox = new QVBoxLayout;
    logBox->addWidget(new QLabel(tr("The child's pipe (its readings) and the parent's writes")));
    logBox->addWidget(m_pipeLog, 1);
    auto *liveViews = new QHBoxLayout;
    liveViews->addLayout(plotBox, 1);
    liveViews->addLayout(logBox, 1);
    auto *liveLayout = new QVBoxLayout(liveBox);
    liveLayout->addLayout(controls);
    liveLayout->addLayout(liveViews, 1);

    setLessonLayout(lessonBox, memoryBox, liveBox);
    installHelpMenu(this);
}

void DemoWindow::fillStepTable()
{
    QList<LessonSteps::Row> rows;
    for (int row = 0; row < StepCount; ++row)
        rows.append({isChildStep(row) ? tr("child") : tr("parent"), QString::fromLatin1(StepCalls[row])});
    m_steps->setRows(rows);
}

void DemoWindow::logLine(const QString &line)
{
    m_pipeLog->appendPlainText(
        QStringLiteral("%1  %2").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss.zzz")), line));
}

QString DemoWindow::parentName() const
{
    return tr("parent %1").arg(qint64(getpid()));
}

QString DemoWindow::childName() const
{
    return tr("child %1").arg(m_lastChildPid);
}

qint64 DemoWindow::childPid() const
{
    return m_demo && m_demo->hasChild() ? m_demo->childPid() : 0;
}

int DemoWindow::shmid() const
{
    return m_demo ? m_demo->shmid() : -1;
}

bool DemoWindow::isRunning() const
{
    return m_runTimer->isActive();
}

bool DemoWindow::step()
{
    if (m_failed || m_live || m_nextStep >= StepCount)
        return false;
    if (!m_demo)
        m_demo = std::make_unique<shm::ForkDemo>();
    shm::ForkDemo &demo = *m_demo;
    const int row = m_nextStep;
    const QString parent = parentName();

    switch (row) {
    case CreateStep: {
        auto shmid = demo.create();
        if (!shmid)
            return failStep(row, parent, shmid.error());
        m_steps->setResult(row, parent, QStringLiteral("= %1").arg(*shmid), true);
        narrate(tr("<b>shmget</b> made a new segment of <b>%1 bytes</b> with the key IPC_PRIVATE: "
                   "no other program can find it by key; only processes that inherit it share "
                   "it. The kernel fills it with zeros. Nobody is attached yet: "
                   "<b>nattch is 0</b>.<br><i>Until step 4, a crash here would leave this "
                   "segment in the system for good (ipcs -m would show it).</i>")
                    .arg(sizeof(int)));
        break;
    }
    case AttachStep: {
        auto address = demo.attach();
        if (!address)
            return failStep(row, parent, address.error());
        m_steps->setResult(row, parent, QStringLiteral("= %1").arg(addressText(*address)));
        showMemoryView();
        narrate(tr("<b>shmat</b> mapped the segment into the parent's memory: the int lives at "
                   "%1. <b>nattch is 1</b>. The value reads 0, as the bytes show.")
                    .arg(addressText(*address)));
        break;
    }
    case ForkStep: {
        auto pid = demo.forkChild();
        if (!pid)
            return failStep(row, parent, pid.error());
        m_lastChildPid = *pid;
        watchReports();
        m_steps->setResult(row, parent, tr("= %1 (0 in the child)").arg(qint64(*pid)));
        logLine(tr("%1 → pipe: started, attached, sees the int").arg(childName()));
        narrate(tr("<b>fork</b> copied the parent: the child (pid %1) has the same attachment at "
                   "the same address, so <b>nattch is 2</b>. The child dies with its parent "
                   "(PR_SET_PDEATHSIG, checked right after fork) and will be reaped: no zombie.")
                    .arg(qint64(*pid)));
        break;
    }
    case MarkStep: {
        auto marked = demo.markForRemoval();
        if (!marked)
            return failStep(row, parent, marked.error());
        m_steps->setResult(row, parent, tr("= 0 (marked)"));
        narrate(tr("<b>shmctl(IPC_RMID)</b> now, not at the end as in the printed program: both "
                   "processes are attached, and the kernel keeps a marked segment until the "
                   "<b>last detach</b>. Its key reads 0 and no new process can find it, but the "
                   "parent and child go on sharing it. If the app is killed (even kill -9), the "
                   "kernel detaches both and the segment goes: nothing is left behind."));
        break;
    }
    case ChildReadStep: {
        auto seen = demo.childRead();
        if (!seen)
            return failStep(row, childName(), seen.error());
        m_steps->setResult(row, childName(), tr("prints %1").arg(*seen));
        logLine(tr("%1 → pipe: read %2").arg(childName()).arg(*seen));
        narrate(tr("The <b>child</b> read the int through its own attachment: <b>%1</b>. It sent "
                   "what it read to the window through a pipe (below).").arg(*seen));
        break;
    }
    case ChildWriteStep: {
        auto written = demo.childWrite(LessonValue);
        if (!written)
            return failStep(row, childName(), written.error());
        m_steps->setResult(row, childName(), tr("writes %1").arg(*written));
        logLine(tr("%1 → pipe: wrote %2").arg(childName()).arg(*written));
        narrate(tr("The <b>child</b> wrote <b>%1</b> into the segment. The parent never wrote: "
                   "yet the big number and the bytes above, read by the parent, changed. "
                   "That is shared memory.").arg(*written));
        break;
    }
    case ChildDetachStep: {
        auto detached = demo.childDetachAndExit();
        if (!detached)
            return failStep(row, childName(), detached.error());
        m_steps->setResult(row, childName(), tr("= 0, exit(0)"));
        logLine(tr("%1 → pipe: detached, exiting").arg(childName()));
        unwatchReports(); // the child closes its pipe as it exits
        narrate(tr("The <b>child</b> detached (shmdt) and exited: <b>nattch is back to 1</b>. "
                   "Until the parent waits for it, the child stays a zombie: an entry that only "
                   "holds its exit status."));
        break;
    }
    case WaitStep: {
        unwatchReports();
        auto ended = demo.waitChild();
        if (!ended)
            return failStep(row, parent, ended.error());
        const QString how = ended->exited ? tr("exit status %1").arg(ended->status)
                                          : tr("killed by signal %1").arg(ended->status);
        m_steps->setResult(row, parent, QStringLiteral("= %1 (%2)").arg(qint64(ended->pid)).arg(how),
                      ended->exited && ended->status == 0);
        narrate(tr("<b>wait</b> reaped the child (%1): no zombie is left. Waiting also orders "
                   "the two processes: the parent reads only after the child wrote.").arg(how));
        break;
    }
    case ParentReadStep: {
        auto value = demo.parentRead();
        if (!value)
            return failStep(row, parent, value.error());
        m_steps->setResult(row, parent, tr("prints %1").arg(*value), *value == LessonValue);
        narrate(tr("The <b>parent</b> reads <b>%1</b>: the value the child wrote. The two "
                   "processes shared one int.").arg(*value));
        break;
    }
    case ParentDetachStep: {
        // The parent's attachment is held by the memory view: destroying the view is the
        // parent's shmdt. The kernel tells whether the segment went.
        if (m_memoryView) {
            dropMemoryView();
        } else if (auto detached = demo.parentDetach(); !detached) {
            return failStep(row, parent, detached.error());
        }
        auto info = shm::statSegment(demo.shmid());
        if (info)
            return failStep(row, parent, tr("the segment is still there (nattch %1)")
                                             .arg(info->nattch));
        if (info.error().kind != shm::ErrorKind::Gone)
            return failStep(row, parent, info.error());
        m_steps->setResult(row, parent, tr("= 0 (segment destroyed)"));
        narrate(tr("The <b>parent</b> detached: nattch reached 0 and, as the segment was marked "
                   "in step 4, the kernel destroyed it. <code>ipcs -m</code> no longer lists it. "
                   "The lesson is over: Reset to play it again, or try Live."));
        break;
    }
    default:
        return false;
    }
    ++m_nextStep;
    refresh();
    updateButtons();
    return true;
}

void DemoWindow::run()
{
    if (m_runTimer->isActive()) {
        m_runTimer->stop();
        updateButtons();
        return;
    }
    if (m_live)
        return;
    if (m_nextStep >= StepCount || m_liveSession || m_failed)
        reset();
    step();
    if (m_nextStep < StepCount && !m_failed)
        m_runTimer->start();
    updateButtons();
}

void DemoWindow::reset()
{
    m_runTimer->stop();
    stopEverything();
    m_nextStep = 0;
    m_failed = false;
    m_liveSession = false;
    m_lastChildPid = 0;
    m_steps->clearResults();
    m_plot->clear();
    m_pipeLog->clear();
    narrate(tr("<b>The lesson</b>: a parent makes a private segment that holds one int, "
               "attaches it and forks. The child prints the int (0), writes 1664 and detaches; "
               "the parent waits, prints the int (1664) and detaches.<br>"
               "Press <b>Step</b> to play one system call at a time, <b>Run</b> to play them all, "
               "or <b>Start live</b> to let the child keep changing the int."));
    refresh();
    updateButtons();
}

void DemoWindow::startLive()
{
    if (m_live)
        return;
    m_runTimer->stop();
    // A live run starts from a fresh segment, unless the parent still holds the one of an
    // earlier live run: then a new child is forked onto it.
    const bool reuse = m_demo && m_demo->isAttached() && m_demo->isMarkedForRemoval()
        && !m_demo->hasChild() && m_nextStep == ForkStep + 2;
    if (!reuse) {
        reset();
        for (int wanted = CreateStep; wanted <= MarkStep; ++wanted) {
            if (!step())
                return;
        }
    } else {
        auto pid = m_demo->forkChild();
        if (!pid) {
            statusBar()->showMessage(errortext::describe(pid.error()));
            return;
        }
        m_lastChildPid = *pid;
        watchReports();
        m_steps->setResult(ForkStep, parentName(), tr("= %1 (0 in the child)").arg(qint64(*pid)));
    }
    m_live = true;
    m_liveSession = true;
    applyLiveSettings();
    narrate(tr("<b>Live.</b> The child (pid %1) changes the int %2 times a second; the window "
               "(the parent) reads it through its own attachment and shows it: the big number, "
               "the bytes (a changed byte lights up), the plot. Type a value and press "
               "<b>Write from the parent</b>: the child reports what it sees through its pipe.<br>"
               "<i>The segment is already marked for removal (IPC_RMID): it lives as long as one "
               "of the two is attached, so closing or even killing the app leaves nothing.</i>")
                .arg(m_lastChildPid)
                .arg(m_rate->value()));
    updateButtons();
}

void DemoWindow::stopLive()
{
    if (!m_live)
        return;
    m_live = false;
    unwatchReports();
    if (m_demo && m_demo->hasChild()) {
        auto ended = m_demo->stopChild();
        for (const auto &report : m_demo->takeReports())
            logReport(report);
        if (ended) {
            logLine(ended->exited ? tr("%1 was reaped: exit status %2").arg(childName()).arg(ended->status)
                                  : tr("%1 was reaped: killed by signal %2").arg(childName()).arg(ended->status));
        }
    }
    narrate(tr("<b>Stopped.</b> The child detached and exited, and the parent reaped it: "
               "<b>nattch is back to 1</b>. The parent still holds the segment; Start live forks "
               "a new child onto it, Reset detaches (and the kernel destroys the segment)."));
    refresh();
    updateButtons();
}

void DemoWindow::applyLiveSettings()
{
    m_childValue->setEnabled(m_sourceBox->currentData().toInt() == int(shm::LiveSource::Value));
    if (!m_live || !m_demo || !m_demo->hasChild())
        return;
    shm::LiveSettings settings;
    settings.source = static_cast<shm::LiveSource>(m_sourceBox->currentData().toInt());
    settings.value = m_childValue->value();
    settings.periodMs = 1000 / m_rate->value();
    if (auto set = m_demo->setLive(settings); !set)
        statusBar()->showMessage(errortext::describe(set.error()));
}

void DemoWindow::writeFromParent()
{
    if (!m_demo || !m_demo->isAttached())
        return;
    const int value = m_parentValue->value();
    if (auto written = m_demo->parentWrite(value); !written) {
        statusBar()->showMessage(errortext::describe(written.error()));
        return;
    }
    logLine(tr("%1: *shared_int = %2").arg(parentName()).arg(value));
    refresh();
}

void DemoWindow::showMemoryView()
{
    dropMemoryView();
    if (!m_demo || m_demo->isAttachmentHandedOver())
        return;
    shm::Attachment attachment = m_demo->handOverAttachment();
    if (!attachment.isValid())
        return;
    // The view holds the parent's one attachment (no second shmat: nattch stays 1, then 2 after
    // fork). It must not re-attach elsewhere, since the demo writes through that address.
    m_memoryView = new MemoryView(std::move(attachment));
    m_memoryView->setObjectName(QStringLiteral("memoryView"));
    if (QAction *editable = m_memoryView->action(MemoryView::ActionId::Editable)) {
        editable->setEnabled(false);
        editable->setVisible(false);
    }
    m_memoryView->setRefreshInterval(RefreshMs);
    // Four bytes: the big number above already decodes them, and the labels above say what
    // the header would.
    m_memoryView->setInspectorVisible(false);
    m_memoryView->setHeaderVisible(false);
    m_memoryPlaceholder->hide();
    m_memoryLayout->addWidget(m_memoryView, 1);
}

void DemoWindow::dropMemoryView()
{
    if (!m_memoryView)
        return;
    delete m_memoryView; // shmdt of the parent's attachment
    m_memoryView = nullptr;
    if (m_demo)
        m_demo->handedAttachmentDetached();
    m_memoryPlaceholder->show();
}

void DemoWindow::watchReports()
{
    unwatchReports();
    if (!m_demo || m_demo->reportFd() < 0)
        return;
    m_notifier = new QSocketNotifier(m_demo->reportFd(), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &DemoWindow::readReports);
}

void DemoWindow::unwatchReports()
{
    // Before the descriptor closes (the child is reaped), so the notifier never sees a stale fd.
    delete m_notifier;
    m_notifier = nullptr;
}

void DemoWindow::readReports()
{
    if (!m_demo)
        return;
    const auto reports = m_demo->takeReports();
    for (const auto &report : reports)
        logReport(report);
    if (reports.empty()) {
        // Readable but empty: the child closed its pipe (it exited). Stop watching a pipe that
        // would stay readable; in live mode, reap the child now.
        unwatchReports();
        if (m_live)
            stopLive();
    }
}

void DemoWindow::logReport(const shm::ChildReport &report)
{
    const QString child = tr("child %1").arg(report.pid);
    switch (report.kind) {
    case shm::ChildReport::Ready:
        logLine(tr("%1 → pipe: started, attached, sees %2").arg(child).arg(report.value));
        break;
    case shm::ChildReport::Read:
        logLine(tr("%1 → pipe: read %2").arg(child).arg(report.value));
        break;
    case shm::ChildReport::Wrote:
        logLine(tr("%1 → pipe: wrote %2").arg(child).arg(report.value));
        break;
    case shm::ChildReport::Detached:
        logLine(report.errnum == 0 ? tr("%1 → pipe: detached, exiting").arg(child)
                                   : tr("%1 → pipe: shmdt failed: %2")
                                         .arg(child, errortext::translated(shm::errnoPhrase(report.errnum))));
        break;
    case shm::ChildReport::Tick:
        if (report.wrote)
            logLine(tr("%1 → pipe: read %2, wrote %3").arg(child).arg(report.value).arg(report.written));
        else
            logLine(tr("%1 → pipe: sees %2").arg(child).arg(report.value));
        break;
    default:
        break;
    }
}

void DemoWindow::refresh()
{
    const bool attached = m_demo && m_demo->isAttached();
    m_hasValue = false;
    if (attached) {
        if (auto value = m_demo->parentRead()) {
            m_hasValue = true;
            m_value = *value;
        }
    }
    if (m_hasValue) {
        m_valueLabel->setText(QString::number(m_value));
        QByteArray bytes(sizeof(int), Qt::Uninitialized);
        std::memcpy(bytes.data(), &m_value, sizeof(int));
        m_bytes->setBytes(bytes);
        m_plot->addSample(shm::monotonicMs(), m_value);
    } else {
        m_valueLabel->setText(QStringLiteral("–"));
        m_bytes->setBytes({});
    }

    const int id = shmid();
    if (id < 0) {
        m_segmentLabel->setText(tr("No segment yet."));
        m_nattchLabel->setText(QString());
        m_removalLabel->setText(QString());
        return;
    }
    auto info = shm::statSegment(id);
    if (!info) {
        const bool gone = info.error().kind == shm::ErrorKind::Gone;
        m_segmentLabel->setText(
            gone ? tr("shmid %1: destroyed (nattch reached 0 after IPC_RMID).").arg(id)
                 : errortext::describe(info.error()));
        m_nattchLabel->setText(gone ? tr("nattch <b>0</b>") : QString());
        m_removalLabel->setText(QString());
        return;
    }
    QString attachedBy;
    if (attached && m_demo->hasChild())
        attachedBy = tr("the parent (%1) and the child (%2)").arg(qint64(getpid())).arg(m_demo->childPid());
    else if (attached)
        attachedBy = tr("the parent (%1)").arg(qint64(getpid()));
    else
        attachedBy = tr("nobody in this demo");
    m_segmentLabel->setText(tr("shmid %1 · key %2 · %3 bytes · mode %4 · at %5 in the parent")
                                .arg(id)
                                .arg(QString::fromStdString(shm::formatKey(info->key)))
                                .arg(info->size)
                                .arg(QString::fromStdString(shm::octalPerms(info->mode)))
                                .arg(attached ? addressText(m_demo->address()) : tr("(detached)")));
    m_nattchLabel->setText(tr("nattch <b>%1</b>: attached by %2").arg(info->nattch).arg(attachedBy));
    // Once marked, the memory view's own banner says it; the label speaks before that.
    m_removalLabel->setVisible(!(m_memoryView && info->isMarkedForDestruction()));
    m_removalLabel->setText(info->isMarkedForDestruction()
        ? tr("<b>Marked for removal</b> (IPC_RMID): the kernel destroys it at the last detach, "
             "so even kill -9 of this app leaves nothing.")
        : tr("<b>Not marked for removal yet</b>: if this app died now, the segment would stay."));
}

void DemoWindow::updateButtons()
{
    const bool running = m_runTimer->isActive();
    const bool lessonOpen = !m_live && !m_liveSession && !m_failed && m_nextStep < StepCount;
    m_stepButton->setEnabled(lessonOpen && !running);
    // Run also replays the lesson from the start once it is over (or after live mode).
    m_runButton->setEnabled(!m_live);
    m_runButton->setText(running ? tr("Pau&se") : tr("&Run"));
    m_liveButton->setText(m_live ? tr("Stop &live") : tr("Start &live"));
    m_liveButton->setEnabled(!running);
    m_parentWriteButton->setEnabled(m_demo && m_demo->isAttached());
    QString status;
    if (m_live)
        status = tr("Live: child %1 is running.").arg(m_lastChildPid);
    else if (m_liveSession)
        status = tr("Live mode stopped. Start live again, or Reset to play the lesson.");
    else if (m_nextStep >= StepCount)
        status = tr("The lesson is complete.");
    else
        status = tr("Step %1 of %2 next.").arg(m_nextStep + 1).arg(int(StepCount));
    if (!m_failed)
        statusBar()->showMessage(status);
}

void DemoWindow::stopEverything()
{
    m_live = false;
    unwatchReports();
    // ForkDemo's destructor stops and reaps the child and removes an unmarked segment; the view
    // then detaches the parent (the kernel destroys the marked segment at that last detach).
    m_demo.reset();
    dropMemoryView();
}
