#include "ui/lessons/racewindow.h"

#include "ui/common/errortext.h"
#include "ui/common/helpmenu.h"
#include "ui/lessons/lessonpanel.h"
#include "ui/lessons/lessonsteps.h"
#include "ui/lessons/valueplot.h"

#include "core/childprocess.h"
#include "core/racedemo.h"
#include "core/segmentlist.h"

#include <QCloseEvent>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <climits>
#include <unistd.h>

namespace {

constexpr int PlayStepMs = 900;
constexpr int RefreshMs = 50;

// The C of each step, as the corrected programs write it (code: not translated).
const char *const StepCalls[RaceWindow::StepCount] = {
    "shmid = shmget(IPC_PRIVATE, sizeof(struct shared), 0600)",
    "shared = shmat(shmid, NULL, 0)",
    "shmctl(shmid, IPC_RMID, NULL)",
    "reg = *counter;            /* load */",
    "reg = *counter;            /* load */",
    "*counter = reg + 1;        /* add, store */",
    "*counter = reg + 1;        /* add, store */",
    "fork() x N: (*counter)++ M times",
    "semid = semget(IPC_PRIVATE, 1, 0600)",
    "semctl(semid, 0, SETVAL, arg)   /* arg.val = 1 */",
    "fork() x N: semop(P); (*counter)++; semop(V)",
    "fork() x N: __atomic_fetch_add(counter, 1, ...)",
    "semctl(semid, 0, IPC_RMID)",
    "shmdt(shared)",
};

int runVariantOf(int step)
{
    switch (step) {
    case RaceWindow::PlainRunStep: return int(shm::RaceVariant::Plain);
    case RaceWindow::SemaphoreRunStep: return int(shm::RaceVariant::Semaphore);
    case RaceWindow::AtomicRunStep: return int(shm::RaceVariant::Atomic);
    default: return -1;
    }
}

bool isChildStep(int step)
{
    return step >= RaceWindow::LoadFirstStep && step <= RaceWindow::StoreSecondStep;
}

// The interleaving's child: 1 for the first and third instruction, 2 for the others.
int interleavedChild(int step)
{
    return step == RaceWindow::LoadFirstStep || step == RaceWindow::StoreFirstStep ? 1 : 2;
}

QString milliseconds(qint64 ns)
{
    return QStringLiteral("%L1").arg(double(ns) / 1e6, 0, 'f', 1);
}

} // namespace

RaceWindow::RaceWindow(QWidget *parent)
    : LessonWindow(parent)
{
    setWindowTitle(tr("Race demo: children adding 1 to one shared int"));
    QWidget *lesson = buildLesson();
    QWidget *counter = buildCounter();
    QSplitter *top = setLessonLayout(lesson, counter, buildRuns());
    top->setSizes({830, 450}); // the step table's calls and results want the width
    installHelpMenu(this);
    fillStepTable();

    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setInterval(RefreshMs);
    connect(m_refreshTimer, &QTimer::timeout, this, &RaceWindow::refresh);
    m_refreshTimer->start();

    m_playTimer = new QTimer(this);
    m_playTimer->setInterval(PlayStepMs);
    connect(m_playTimer, &QTimer::timeout, this, &RaceWindow::playNext);

    reset();
    resize(1280, 800);
}

RaceWindow::~RaceWindow()
{
    stopEverything();
}

QWidget *RaceWindow::buildLesson()
{
    m_panel = new LessonPanel(tr("Stop the children, remove the semaphore set and the segment, "
                                 "and start again."));
    m_steps = m_panel->steps();
    m_stepButton = m_panel->stepButton();
    m_runButton = m_panel->runButton();
    connect(m_stepButton, &QPushButton::clicked, this, [this] {
        step();
        updateButtons();
    });
    connect(m_runButton, &QPushButton::clicked, this, &RaceWindow::run);
    connect(m_panel->resetButton(), &QPushButton::clicked, this, &RaceWindow::reset);
    return m_panel;
}

QWidget *RaceWindow::buildCounter()
{
    auto *box = new QGroupBox(tr("The shared counter"));
    m_counterLabel = new QLabel;
    m_counterLabel->setObjectName(QStringLiteral("counter"));
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 3.5);
    big.setBold(true);
    m_counterLabel->setFont(big);
    m_counterLabel->setAlignment(Qt::AlignCenter);
    m_counterLabel->setForegroundRole(QPalette::Highlight);
    m_counterLabel->setToolTip(tr("*counter, read by the window (the parent) through its "
                                  "attachment."));
    m_idealLabel = new QLabel;
    m_idealLabel->setObjectName(QStringLiteral("ideal"));
    m_idealLabel->setAlignment(Qt::AlignCenter);
    m_idealLabel->setTextFormat(Qt::RichText);
    m_semaphoreLabel = new QLabel;
    m_semaphoreLabel->setObjectName(QStringLiteral("semaphore"));
    m_semaphoreLabel->setTextFormat(Qt::RichText);
    m_semaphoreLabel->setWordWrap(true);
    m_objectsLabel = new QLabel;
    m_objectsLabel->setObjectName(QStringLiteral("objects"));
    m_objectsLabel->setTextFormat(Qt::RichText);
    m_objectsLabel->setWordWrap(true);
    m_objectsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_childGrid = new QGridLayout;
    m_childGrid->setHorizontalSpacing(8);
    m_childGrid->setVerticalSpacing(2);
    m_plot = new ValuePlot;
    m_plot->setObjectName(QStringLiteral("plot"));
    m_plot->setLegend(tr("the counter"), tr("the ideal: increments done"));
    m_plot->setToolTip(tr("The counter over the last seconds beside the increments the children "
                          "did: the gap is the updates lost."));

    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_counterLabel);
    layout->addWidget(m_idealLabel);
    layout->addLayout(m_childGrid);
    layout->addWidget(m_semaphoreLabel);
    layout->addWidget(m_objectsLabel);
    layout->addWidget(m_plot, 1);
    return box;
}

QWidget *RaceWindow::buildRuns()
{
    auto *box = new QGroupBox(tr("Predict, then run"));
    m_children = new QSpinBox;
    m_children->setObjectName(QStringLiteral("children"));
    m_children->setRange(1, shm::RaceMaxChildren);
    m_children->setValue(shm::RaceDefaultChildren);
    m_increments = new QSpinBox;
    m_increments->setObjectName(QStringLiteral("increments"));
    m_increments->setRange(1, INT_MAX);
    m_increments->setSingleStep(100000);
    m_increments->setGroupSeparatorShown(true);
    m_increments->setValue(shm::RaceDefaultIncrements);
    // N x M must fit the int: each box bounds the other.
    const auto bound = [this] {
        m_increments->setMaximum(INT_MAX / m_children->value());
        m_children->setMaximum(std::min(shm::RaceMaxChildren, INT_MAX / m_increments->value()));
    };
    connect(m_children, &QSpinBox::valueChanged, this, bound);
    connect(m_increments, &QSpinBox::valueChanged, this, bound);
    m_variantBox = new QComboBox;
    m_variantBox->setObjectName(QStringLiteral("variant"));
    for (int v = 0; v < shm::RaceVariantCount; ++v)
        m_variantBox->addItem(variantName(v), v);
    m_prediction = new QLineEdit;
    m_prediction->setObjectName(QStringLiteral("prediction"));
    m_prediction->setValidator(new QIntValidator(0, INT_MAX, m_prediction));
    m_prediction->setPlaceholderText(tr("your prediction of the total"));
    m_prediction->setToolTip(tr("What will the counter read once every child is reaped? Type it "
                                "before each run: the result is shown beside it."));
    connect(m_prediction, &QLineEdit::textChanged, this, &RaceWindow::updateButtons);
    // Return goes on with the lesson when its next step is a run, else runs the chosen variant.
    connect(m_prediction, &QLineEdit::returnPressed, this, [this] {
        if (m_stepButton->isEnabled() && runVariantOf(m_nextStep) >= 0)
            m_stepButton->click();
        else if (m_goButton->isEnabled())
            m_goButton->click();
    });
    m_goButton = new QPushButton(tr("Run this &variant"));
    m_goButton->setObjectName(QStringLiteral("goButton"));
    m_goButton->setToolTip(tr("Fork the children and let them count, outside the steps."));
    connect(m_goButton, &QPushButton::clicked, this,
            [this] { runVariant(m_variantBox->currentData().toInt()); });

    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Children:")));
    row->addWidget(m_children);
    row->addWidget(new QLabel(tr("increments each:")));
    row->addWidget(m_increments);
    row->addWidget(m_variantBox);
    row->addWidget(new QLabel(tr("Your prediction:")));
    row->addWidget(m_prediction, 1);
    row->addWidget(m_goButton);

    m_results = new QTableWidget(0, ResultColumnCount);
    m_results->setObjectName(QStringLiteral("results"));
    m_results->setHorizontalHeaderLabels({tr("Variant"), tr("Children × increments"),
                                          tr("Your prediction"), tr("Total"), tr("Lost"),
                                          tr("Time (ms)")});
    m_results->verticalHeader()->hide();
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_results->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_results->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_results->horizontalHeader()->setStretchLastSection(false);

    auto *layout = new QVBoxLayout(box);
    layout->addLayout(row);
    layout->addWidget(m_results, 1);
    return box;
}

void RaceWindow::fillStepTable()
{
    QList<LessonSteps::Row> rows;
    for (int row = 0; row < StepCount; ++row) {
        QString who = tr("parent");
        if (isChildStep(row))
            who = tr("child %1").arg(interleavedChild(row));
        else if (runVariantOf(row) >= 0)
            who = tr("children");
        rows.append({who, QString::fromLatin1(StepCalls[row])});
    }
    m_steps->setRows(rows);
}

QString RaceWindow::variantName(int variant) const
{
    switch (static_cast<shm::RaceVariant>(variant)) {
    case shm::RaceVariant::Plain: return tr("(*counter)++ alone");
    case shm::RaceVariant::Semaphore: return tr("between semop P and V");
    case shm::RaceVariant::Atomic: return tr("__atomic_fetch_add");
    }
    return {};
}

QString RaceWindow::parentName() const
{
    return tr("parent");
}

void RaceWindow::setCounts(int children, int increments)
{
    m_children->setMaximum(shm::RaceMaxChildren);
    m_increments->setMaximum(INT_MAX);
    m_increments->setValue(increments);
    m_children->setValue(children);
}

void RaceWindow::setPrediction(const QString &text)
{
    m_prediction->setText(text);
}

bool RaceWindow::isRaceRunning() const
{
    return m_demo && m_demo->isRunning();
}

bool RaceWindow::isPlaying() const
{
    return m_playTimer->isActive();
}

int RaceWindow::shmid() const
{
    return m_demo ? m_demo->shmid() : -1;
}

int RaceWindow::semid() const
{
    return m_demo ? m_demo->semid() : -1;
}

QList<qint64> RaceWindow::childPids() const
{
    QList<qint64> pids;
    if (m_demo) {
        for (pid_t pid : m_demo->childPids())
            pids.append(pid);
    }
    return pids;
}

bool RaceWindow::step()
{
    if (m_failed || m_freeSession || isRaceRunning() || m_nextStep >= StepCount)
        return false;
    if (!m_demo)
        m_demo = std::make_unique<shm::RaceDemo>();
    const int row = m_nextStep;
    if (runVariantOf(row) >= 0)
        return startRun(row, runVariantOf(row)); // the step ends in finishRun
    const bool played = isChildStep(row) ? playInterleaving(row) : playSetUp(row);
    if (!played)
        return false;
    ++m_nextStep;
    refresh();
    updateButtons();
    return true;
}

bool RaceWindow::playSetUp(int row)
{
    shm::RaceDemo &demo = *m_demo;
    const QString parent = parentName();
    switch (row) {
    case CreateStep: {
        auto shmid = demo.create();
        if (!shmid)
            return failStep(row, parent, shmid.error());
        m_steps->setResult(row, parent, QStringLiteral("= %1").arg(*shmid));
        narrate(tr("<b>shmget</b> made a private segment of %1 bytes: the counter, then each "
                   "child's progress (how many increments it did), which this window shows. "
                   "<i>A guard process (pid %2) was forked first: it removes what the lesson "
                   "made if this program dies, even by kill -9.</i>")
                    .arg(sizeof(shm::RaceShared))
                    .arg(qint64(demo.guardPid())));
        return true;
    }
    case AttachStep: {
        auto address = demo.attach();
        if (!address)
            return failStep(row, parent, address.error());
        m_steps->setResult(row, parent,
                           QStringLiteral("= 0x%1").arg(quint64(*address), 0, 16));
        narrate(tr("<b>shmat</b> mapped the segment into the parent. Every child forked from now "
                   "on inherits the attachment: they all share one <code>int counter</code>."));
        return true;
    }
    case MarkStep: {
        if (auto marked = demo.markForRemoval(); !marked)
            return failStep(row, parent, marked.error());
        m_steps->setResult(row, parent, tr("= 0 (marked)"));
        narrate(tr("<b>shmctl(IPC_RMID)</b> at once: the parent is attached, and fork hands the "
                   "attachment on, so the segment lives until the last of them detaches, and "
                   "nothing is left if the program is killed."));
        return true;
    }
    case SemgetStep: {
        auto semid = demo.createSemaphore();
        if (!semid)
            return failStep(row, parent, semid.error());
        m_steps->setResult(row, parent, QStringLiteral("= %1").arg(*semid));
        narrate(tr("<b>semget</b> made a set of one semaphore. Its value is <b>0</b> on Linux, "
                   "and POSIX does not even promise that: a P on it now would wait forever. "
                   "It must be initialised. A set cannot be marked for removal: the guard "
                   "removes it if this program dies."));
        return true;
    }
    case SetvalStep: {
        if (auto set = demo.initSemaphore(1); !set)
            return failStep(row, parent, set.error());
        m_steps->setResult(row, parent, tr("= 0 (value 1)"));
        narrate(tr("<b>semctl(SETVAL, 1)</b>: one child at a time may pass. The fourth argument "
                   "is a <code>union semun</code> that the program must declare itself "
                   "(<code>arg.val = 1</code>); passing a bare int works on some machines only."));
        return true;
    }
    case SemRemoveStep: {
        if (auto removed = demo.removeSemaphore(); !removed)
            return failStep(row, parent, removed.error());
        m_steps->setResult(row, parent, tr("= 0 (removed)"));
        narrate(tr("<b>semctl(IPC_RMID)</b> removes the set at once (a process still waiting on "
                   "it would wake with EIDRM): every child has been reaped, so none is."));
        return true;
    }
    case DetachStep: {
        if (auto detached = demo.detach(); !detached)
            return failStep(row, parent, detached.error());
        const auto info = shm::statSegment(demo.shmid());
        if (info)
            return failStep(row, parent,
                            tr("the segment is still there (nattch %1)").arg(info->nattch));
        m_steps->setResult(row, parent, tr("= 0 (segment destroyed)"));
        narrate(tr("The parent detached: nattch reached 0 and the marked segment is gone. "
                   "<code>ipcs</code> shows nothing of the lesson. Reset to play it again."));
        return true;
    }
    default:
        return false;
    }
}

bool RaceWindow::playInterleaving(int row)
{
    // The window plays the two children's instructions on the real counter, in the order that
    // loses an update: each step is one load, or one add and store.
    const int child = interleavedChild(row);
    const QString who = tr("child %1").arg(child);
    if (row == LoadFirstStep) {
        if (auto zero = m_demo->writeCounter(0); !zero)
            return failStep(row, who, zero.error());
    }
    auto counter = m_demo->readCounter();
    if (!counter)
        return failStep(row, who, counter.error());
    if (row == LoadFirstStep || row == LoadSecondStep) {
        m_register[child - 1] = *counter;
        m_steps->setResult(row, who, tr("reg = %1").arg(*counter));
        narrate(row == LoadFirstStep
                    ? tr("<i>The window plays two children's instructions on the real counter, "
                         "in the order that loses an update.</i><br><b>Child 1 loads</b> the counter into a register: it reads <b>%1</b>. "
                         "<code>(*counter)++</code> is three instructions: load, add, store. "
                         "Nothing stops another child between them.").arg(*counter)
                    : tr("<b>Child 2 loads</b> the counter before child 1 stored: it reads "
                         "<b>%1</b> too. Both now hold the same value in their registers.")
                          .arg(*counter));
        return true;
    }
    const int stored = m_register[child - 1] + 1;
    if (auto written = m_demo->writeCounter(stored); !written)
        return failStep(row, who, written.error());
    if (row == StoreFirstStep) {
        m_steps->setResult(row, who, tr("counter = %1").arg(stored));
        narrate(tr("<b>Child 1 adds 1 and stores %1.</b> So far so good.").arg(stored));
    } else {
        m_steps->setResult(row, who, tr("counter = %1: one update lost").arg(stored), false);
        narrate(tr("<b>Child 2 adds 1 to its stale %1 and stores %2</b> over child 1's %2. Two "
                   "increments, and the counter went up by one: <b>an update is lost</b>. With "
                   "millions of increments on two cores this happens all the time. Next: the "
                   "real children. <b>Predict</b> their total below first.")
                    .arg(m_register[child - 1])
                    .arg(stored));
    }
    return true;
}

bool RaceWindow::ensureSetUp(int variant)
{
    if (!m_demo || !m_demo->isAttached() || m_failed) {
        reset();
        m_demo = std::make_unique<shm::RaceDemo>();
        for (int row : {CreateStep, AttachStep, MarkStep}) {
            if (!playSetUp(row))
                return false;
        }
    }
    if (variant == int(shm::RaceVariant::Semaphore) && m_demo->semid() < 0) {
        for (int row : {SemgetStep, SetvalStep}) {
            if (!playSetUp(row))
                return false;
        }
    }
    return true;
}

bool RaceWindow::runVariant(int variant)
{
    if (isRaceRunning() || variant < 0 || variant >= shm::RaceVariantCount)
        return false;
    m_playTimer->stop();
    if (!ensureSetUp(variant))
        return false;
    m_freeSession = true;
    return startRun(-1, variant);
}

bool RaceWindow::startRun(int row, int variant)
{
    const int children = m_children->value();
    const int increments = m_increments->value();
    bool ok = false;
    const qint64 predicted = m_prediction->text().trimmed().toLongLong(&ok);
    m_runPrediction = ok ? std::optional<qint64>(predicted) : std::nullopt;
    auto pids = m_demo->start(static_cast<shm::RaceVariant>(variant), children, increments);
    if (!pids) {
        const QString error = errortext::describe(pids.error());
        if (row >= 0)
            return failStep(row, tr("children"), error);
        statusBar()->showMessage(error);
        return false;
    }
    m_runRow = row;
    m_runVariant = variant;
    m_lastIdeal.reset();
    showChildren(children);
    if (row >= 0)
        m_steps->setResult(row, tr("%n children", nullptr, children), tr("running…"));
    const QString expected = QStringLiteral("%L1").arg(qint64(children) * increments);
    const QString prediction = m_runPrediction ? QStringLiteral("%L1").arg(*m_runPrediction)
                                               : tr("none");
    switch (static_cast<shm::RaceVariant>(variant)) {
    case shm::RaceVariant::Plain:
        narrate(tr("<b>%1 children</b> run <code>(*counter)++</code> %2 times each, at the same "
                   "time (they were released together). Without lost updates the total would be "
                   "<b>%3</b>; you predicted <b>%4</b>. Watch the counter fall behind the ideal.")
                    .arg(children).arg(QStringLiteral("%L1").arg(increments), expected, prediction));
        break;
    case shm::RaceVariant::Semaphore:
        narrate(tr("Each child now takes the semaphore before it increments and gives it back "
                   "after: <code>semop(semid, &amp;P, 1)</code> with <code>sem_op = -1</code>, the "
                   "increment, <code>semop</code> with <code>+1</code>. A child that finds it at "
                   "0 waits: that is <b>ncnt</b>. <b>SEM_UNDO</b>: if a child dies holding it, "
                   "the kernel gives it back, else the others would wait forever. You predicted "
                   "<b>%1</b> (ideal %2).").arg(prediction, expected));
        break;
    case shm::RaceVariant::Atomic:
        narrate(tr("<code>__atomic_fetch_add</code> makes load, add and store one indivisible "
                   "instruction (<code>lock add</code> on x86): no system call, no waiting in the "
                   "kernel. You predicted <b>%1</b> (ideal %2).").arg(prediction, expected));
        break;
    }
    refresh();
    updateButtons();
    return true;
}

void RaceWindow::finishRun(const shm::RaceOutcome &outcome)
{
    const int row = m_results->rowCount();
    m_results->insertRow(row);
    const QString lost = outcome.lost() > 0 ? QStringLiteral("%L1").arg(outcome.lost())
                                            : QStringLiteral("0");
    const QStringList cells{
        variantName(int(outcome.variant)),
        QStringLiteral("%1 × %L2").arg(outcome.children).arg(outcome.increments),
        m_runPrediction ? QStringLiteral("%L1").arg(*m_runPrediction) : tr("none"),
        QStringLiteral("%L1").arg(outcome.total),
        lost,
        milliseconds(outcome.elapsedNs),
    };
    for (int column = 0; column < ResultColumnCount; ++column) {
        auto *item = new QTableWidgetItem(cells[column]);
        if (column >= PredictionColumn)
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_results->setItem(row, column, item);
    }
    m_results->scrollToBottom();

    const bool right = m_runPrediction && *m_runPrediction == outcome.total;
    QString verdict;
    if (!m_runPrediction)
        verdict = tr("You made no prediction.");
    else if (right)
        verdict = tr("<b>Your prediction was right.</b>");
    else
        verdict = tr("You predicted %L1: off by %L2.")
                      .arg(*m_runPrediction)
                      .arg(qAbs(*m_runPrediction - outcome.total));
    QString why;
    if (!outcome.allOk)
        why = tr("A child did not finish: the total is not the run's.");
    else if (outcome.lost() > 0)
        why = tr("%L1 updates were lost: the children's loads and stores interleaved.")
                  .arg(outcome.lost());
    else if (outcome.variant == shm::RaceVariant::Plain)
        why = tr("No update was lost this time: the children did not overlap (a busy machine "
                 "may run them one after the other). Try more increments or children.");
    else
        why = tr("Exact: no update was lost.");
    narrate(tr("<b>The counter reads %L1</b> after every child was reaped (read it before "
               "wait, and you would see a count still going up). %2 %3 Time: %4 ms.")
                .arg(outcome.total)
                .arg(verdict, why, milliseconds(outcome.elapsedNs)));
    if (m_runRow >= 0) {
        const QString summary = outcome.lost() > 0
            ? tr("total %L1, %L2 lost (%3 ms)").arg(outcome.total).arg(outcome.lost())
                  .arg(milliseconds(outcome.elapsedNs))
            : tr("total %L1, exact (%2 ms)").arg(outcome.total).arg(milliseconds(outcome.elapsedNs));
        m_steps->setResult(m_runRow, tr("%n children", nullptr, outcome.children), summary,
                           outcome.allOk);
        m_nextStep = m_runRow + 1;
    }
    m_runRow = -1;
    m_prediction->clear(); // a new prediction for the next run
}

void RaceWindow::playSteps(int count)
{
    for (int n = 0; n < count; ++n) {
        if (isRaceRunning() && m_demo) {
            auto outcome = m_demo->finish(600000);
            if (!outcome)
                break;
            finishRun(*outcome);
        }
        if (!step())
            break;
    }
}

void RaceWindow::run()
{
    if (m_playTimer->isActive()) {
        m_playTimer->stop();
        updateButtons();
        return;
    }
    if (m_nextStep >= StepCount || m_freeSession || m_failed)
        reset();
    m_playTimer->start();
    playNext(); // the first step at once
    updateButtons();
}

void RaceWindow::playNext()
{
    if (isRaceRunning())
        return; // the run's step ends when its children are reaped
    const bool needsPrediction = runVariantOf(m_nextStep) >= 0
        && m_prediction->text().trimmed().isEmpty();
    if (needsPrediction) {
        m_playTimer->stop();
        narrate(tr("<b>Your prediction first.</b> What will the counter read after this run? "
                   "Type it below, then press Run again."));
        m_prediction->setFocus();
    } else if (!step() || m_nextStep >= StepCount) {
        m_playTimer->stop();
    }
    updateButtons();
}

void RaceWindow::reset()
{
    m_playTimer->stop();
    stopEverything();
    m_nextStep = 0;
    m_failed = false;
    m_freeSession = false;
    m_runRow = -1;
    m_steps->clearResults();
    m_lastIdeal.reset();
    m_plot->clear();
    showChildren(0);
    narrate(tr("<b>The lesson</b>: N children each add 1 to a shared int M times. With a plain "
               "<code>(*counter)++</code> the total comes out <b>below N × M</b>: two children "
               "load the same value and one update is lost. A semaphore makes it exact; an "
               "atomic increment too, for less.<br>Press <b>Step</b> to play one call at a "
               "time, <b>Run</b> to play them all, or type a prediction below and run a "
               "variant."));
    refresh();
    updateButtons();
}

void RaceWindow::stopEverything()
{
    // RaceDemo's destructor kills and reaps the children, removes the set and the segment, and
    // ends the guard.
    m_demo.reset();
}

void RaceWindow::showChildren(int count)
{
    while (m_childBars.size() > count)
        delete m_childBars.takeLast();
    while (m_childBars.size() < count) {
        auto *bar = new QProgressBar;
        bar->setObjectName(QStringLiteral("child%1").arg(m_childBars.size() + 1));
        bar->setTextVisible(true);
        const int index = int(m_childBars.size());
        m_childGrid->addWidget(bar, index / 2, index % 2);
        m_childBars.append(bar);
    }
    const QList<qint64> pids = childPids();
    for (int i = 0; i < count; ++i) {
        m_childBars[i]->setRange(0, m_increments->value());
        m_childBars[i]->setValue(0);
        m_childBars[i]->setFormat(tr("child %1: %v").arg(i < pids.size() ? pids[i] : 0));
    }
}

void RaceWindow::refresh()
{
    if (isRaceRunning()) {
        const shm::RaceProgress now = m_demo->progress();
        for (int i = 0; i < int(now.done.size()) && i < m_childBars.size(); ++i)
            m_childBars[i]->setValue(now.done[i]);
        m_plot->addSample(shm::monotonicMs(), now.counter, now.ideal);
        if (auto outcome = m_demo->collect()) {
            for (int i = 0; i < m_childBars.size(); ++i)
                m_childBars[i]->setValue(m_childBars[i]->maximum());
            m_plot->addSample(shm::monotonicMs(), outcome->total, outcome->expected);
            m_lastIdeal = outcome->expected;
            finishRun(*outcome);
            updateButtons();
        }
    }
    const bool attached = m_demo && m_demo->isAttached();
    auto counter = attached ? m_demo->readCounter() : shm::Result<int>(0);
    if (attached && counter && !isRaceRunning()) {
        // Between runs the counter holds still, beside the last run's N x M.
        if (m_lastIdeal)
            m_plot->addSample(shm::monotonicMs(), *counter, *m_lastIdeal);
        else
            m_plot->addSample(shm::monotonicMs(), *counter);
    }
    m_counterLabel->setText(attached && counter ? QStringLiteral("%L1").arg(*counter)
                                                : QStringLiteral("–"));
    if (attached && counter) {
        const shm::RaceProgress now = m_demo->progress();
        m_idealLabel->setText(now.done.empty() ? tr("the counter")
                                               : tr("ideal <b>%L1</b> · lost so far <b>%L2</b>")
                                                     .arg(now.ideal)
                                                     .arg(std::max<qint64>(0, now.ideal - *counter)));
    } else {
        m_idealLabel->setText(QString());
    }
    refreshSemaphore();
    const int id = shmid();
    QString objects = id < 0 ? tr("No segment yet.")
                             : tr("Parent pid %1 · segment shmid %2").arg(qint64(getpid())).arg(id);
    if (id >= 0) {
        if (auto info = shm::statSegment(id))
            objects += tr(" · nattch <b>%1</b>%2").arg(info->nattch)
                           .arg(info->isMarkedForDestruction() ? tr(" · marked for removal")
                                                               : tr(" · <b>not marked yet</b>"));
        else
            objects += tr(" · destroyed");
    }
    m_objectsLabel->setText(objects);
}

void RaceWindow::refreshSemaphore()
{
    if (!m_demo || m_demo->semid() < 0) {
        m_semaphoreLabel->setText(tr("No semaphore yet."));
        return;
    }
    auto semaphore = m_demo->semaphore();
    if (!semaphore) {
        m_semaphoreLabel->setText(errortext::describe(semaphore.error()));
        return;
    }
    m_semaphoreLabel->setText(tr("Semaphore semid %1: value <b>%2</b> · waiting (ncnt) <b>%3</b> "
                                 "· last semop by pid %4")
                                  .arg(m_demo->semid())
                                  .arg(semaphore->value)
                                  .arg(semaphore->ncnt)
                                  .arg(qint64(semaphore->pid)));
}

void RaceWindow::updateButtons()
{
    const bool running = isRaceRunning();
    const bool playing = m_playTimer->isActive();
    const bool lessonOpen = !m_failed && !m_freeSession && m_nextStep < StepCount;
    const bool predicted = !m_prediction->text().trimmed().isEmpty();
    // A run step needs a prediction: the lesson asks for it first.
    const bool stepNeedsPrediction = runVariantOf(m_nextStep) >= 0 && !predicted;
    m_stepButton->setEnabled(lessonOpen && !running && !playing && !stepNeedsPrediction);
    m_runButton->setEnabled(!running || playing);
    m_runButton->setText(playing ? tr("Pau&se") : tr("&Run"));
    m_goButton->setEnabled(!running && !playing && predicted);
    m_children->setEnabled(!running);
    m_increments->setEnabled(!running);
    QString status;
    if (running)
        status = tr("%n children counting.", nullptr, int(childPids().size()));
    else if (m_freeSession)
        status = tr("Free runs. Reset to play the lesson's steps again.");
    else if (m_nextStep >= StepCount)
        status = tr("The lesson is complete.");
    else if (stepNeedsPrediction)
        status = tr("Step %1 of %2 next: type your prediction first.").arg(m_nextStep + 1).arg(int(StepCount));
    else
        status = tr("Step %1 of %2 next.").arg(m_nextStep + 1).arg(int(StepCount));
    if (!m_failed)
        statusBar()->showMessage(status);
}
