#pragma once

// Long work over a segment's memory, off the GUI thread: find, export, import, snapshot, diff,
// scans. A MemoryTask runs one piece of work in a worker thread; the GUI reads its progress
// ten times a second; cancelling sets a flag the work checks between chunks. A TaskStrip shows
// the running task (what, percent, bytes per second) with a Cancel button; Esc cancels too.
//
// The work gets a TaskProgress and must only touch memory through shm::MemoryAccess (faults
// are caught per thread) and data it owns: no widgets, no GUI-thread objects. Its result goes
// back through the `done` callback, which runs on the GUI thread.

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QWidget>

#include <atomic>
#include <functional>

class QLabel;
class QProgressBar;
class QPushButton;
class QThread;

// Shared by the worker (writes) and the GUI (reads); every member is thread-safe.
class TaskProgress
{
public:
    void setTotal(quint64 bytes) { m_total.store(bytes, std::memory_order_relaxed); }
    void setDone(quint64 bytes) { m_done.store(bytes, std::memory_order_relaxed); }
    void advance(quint64 bytes) { m_done.fetch_add(bytes, std::memory_order_relaxed); }
    quint64 total() const { return m_total.load(std::memory_order_relaxed); }
    quint64 done() const { return m_done.load(std::memory_order_relaxed); }
    // The work checks this between chunks and returns early when it is set.
    bool isCancelled() const { return m_cancelled.load(std::memory_order_relaxed); }
    void cancel() { m_cancelled.store(true, std::memory_order_relaxed); }

private:
    std::atomic<quint64> m_total{0};
    std::atomic<quint64> m_done{0};
    std::atomic<bool> m_cancelled{false};
};

class MemoryTask : public QObject
{
    Q_OBJECT
public:
    using Work = std::function<void(TaskProgress &progress)>;
    // Runs once the work has returned (cancelled or not), on the GUI thread.
    using Done = std::function<void(bool cancelled)>;

    // Starts `work` in a worker thread at once. `title` names it for the strip ("Finding").
    MemoryTask(const QString &title, Work work, Done done, QObject *parent = nullptr);
    // Cancels the work and waits for the worker: the memory it reads must outlive the task.
    ~MemoryTask() override;

    QString title() const { return m_title; }
    bool isRunning() const { return m_running; }
    void cancel() { m_progress.cancel(); }
    bool isCancelled() const { return m_progress.isCancelled(); }
    const TaskProgress &progress() const { return m_progress; }
    // Done bytes over elapsed time, since the start.
    double bytesPerSecond() const;
    // 0..100, or -1 while the total is unknown.
    int percent() const;

signals:
    // About ten times a second while running.
    void progressed();
    // After `done` has run. The task may be deleted from here (deleteLater).
    void finished(bool cancelled);

private:
    void poll();

    QString m_title;
    Work m_work;
    Done m_done;
    TaskProgress m_progress;
    QThread *m_thread = nullptr;
    QElapsedTimer m_clock;
    int m_timerId = 0;
    bool m_running = true;
    void timerEvent(QTimerEvent *event) override;
};

// Whether a caller that starts a task returns at once (the outcome is said when the task ends)
// or only once it has finished (tests, scripts: a local event loop runs meanwhile).
enum class TaskWait { Return, Finish };
// Runs a local event loop until `task` has finished or is destroyed; nullptr returns at once.
void waitForTask(MemoryTask *task);

// "Finding… 42 % · 3.1 GiB/s [Cancel]": hidden while no task runs.
class TaskStrip : public QWidget
{
    Q_OBJECT
public:
    explicit TaskStrip(QWidget *parent = nullptr);
    // Follows `task` until it finishes (nullptr hides the strip).
    void setTask(MemoryTask *task);
    MemoryTask *task() const { return m_task; }
    QString text() const;

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void update();

    MemoryTask *m_task = nullptr;
    QLabel *m_label;
    QProgressBar *m_bar;
    QPushButton *m_cancel;
};
