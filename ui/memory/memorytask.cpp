#include "ui/memory/memorytask.h"

#include "core/segmentinfo.h"

#include <QEventLoop>
#include <QHBoxLayout>
#include <QPointer>
#include <QKeyEvent>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QThread>
#include <QTimerEvent>

MemoryTask::MemoryTask(const QString &title, Work work, Done done, QObject *parent)
    : QObject(parent)
    , m_title(title)
    , m_work(std::move(work))
    , m_done(std::move(done))
{
    m_clock.start();
    m_thread = QThread::create([this] { m_work(m_progress); });
    m_thread->setObjectName(QStringLiteral("shmscope memory task"));
    connect(m_thread, &QThread::finished, this, [this] {
        if (!m_running)
            return;
        m_running = false;
        killTimer(m_timerId);
        m_timerId = 0;
        emit progressed();
        const bool cancelled = m_progress.isCancelled();
        if (m_done)
            m_done(cancelled);
        emit finished(cancelled);
    });
    m_timerId = startTimer(100);
    m_thread->start(QThread::LowPriority);
}

MemoryTask::~MemoryTask()
{
    m_progress.cancel();
    m_running = false; // `done` does not run any more: its objects may be going
    m_thread->wait();
    delete m_thread;
}

void MemoryTask::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_timerId)
        emit progressed();
    else
        QObject::timerEvent(event);
}

double MemoryTask::bytesPerSecond() const
{
    const qint64 ms = m_clock.elapsed();
    return ms > 0 ? double(m_progress.done()) * 1000.0 / double(ms) : 0.0;
}

int MemoryTask::percent() const
{
    const quint64 total = m_progress.total();
    if (total == 0)
        return -1;
    return int(std::min<quint64>(100, m_progress.done() * 100 / total));
}

void waitForTask(MemoryTask *task)
{
    QPointer<MemoryTask> guard(task);
    if (!guard || !guard->isRunning())
        return;
    QEventLoop loop;
    QObject::connect(task, &MemoryTask::finished, &loop, &QEventLoop::quit);
    QObject::connect(task, &QObject::destroyed, &loop, &QEventLoop::quit);
    loop.exec();
}

TaskStrip::TaskStrip(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    m_bar->setRange(0, 100);
    m_cancel->setToolTip(tr("Stop the task (Esc)"));
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_task)
            m_task->cancel();
    });
    hide();
}

void TaskStrip::setTask(MemoryTask *task)
{
    if (m_task)
        disconnect(m_task, nullptr, this, nullptr);
    m_task = task;
    if (!task) {
        hide();
        return;
    }
    connect(task, &MemoryTask::progressed, this, &TaskStrip::update);
    connect(task, &MemoryTask::finished, this, [this] { setTask(nullptr); });
    connect(task, &QObject::destroyed, this, [this] {
        m_task = nullptr;
        hide();
    });
    update();
    show();
}

QString TaskStrip::text() const
{
    return m_label->text();
}

void TaskStrip::update()
{
    if (!m_task)
        return;
    const int percent = m_task->percent();
    m_bar->setRange(0, percent < 0 ? 0 : 100); // busy indicator while the total is unknown
    if (percent >= 0)
        m_bar->setValue(percent);
    const QString rate =
        QString::fromStdString(shm::humanSize(quint64(m_task->bytesPerSecond())));
    m_label->setText(m_task->isCancelled()
                         ? tr("%1: cancelling…").arg(m_task->title())
                         : tr("%1… %2/s · Esc cancels").arg(m_task->title(), rate));
}

void TaskStrip::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && m_task) {
        m_task->cancel();
        return;
    }
    QWidget::keyPressEvent(event);
}
