#pragma once

// The segment watcher (core/segmentwatcher.h) of a memory view, in a worker thread of its own.
// It follows its source's re-attach: stopped and joined before the old mapping goes
// (ByteSource::aboutToReattach), started again on the new one with the copy and the record
// kept. The destructor stops and joins it. The record is read from the GUI thread through
// watcher() (it has its own lock); updated() says when to read it again.

#include "core/segmentwatcher.h"

#include <QObject>
#include <QPointer>

#include <memory>
#include <thread>

class ByteSource;

class SegmentWatchThread : public QObject
{
    Q_OBJECT
public:
    // The heat map's buckets of a memory view (about a pixel row each on a tall window).
    static constexpr std::size_t MapBuckets = 512;

    // Watches `source`'s memory from now on (the source must outlive the watch, or be
    // detached from it with stop() before it goes).
    explicit SegmentWatchThread(ByteSource *source, QObject *parent = nullptr);
    ~SegmentWatchThread() override;

    const shm::SegmentWatcher &watcher() const { return *m_watcher; }
    shm::SegmentWatcher &watcher() { return *m_watcher; }
    bool isRunning() const { return m_thread.joinable(); }
    void start();
    // Stops the passes and joins the thread (at once if it waits, else after the pass).
    void stop();

signals:
    // A few times a second while it runs: the record may have changed.
    void updated();

private:
    void timerEvent(QTimerEvent *event) override;

    QPointer<ByteSource> m_source;
    std::unique_ptr<shm::SegmentWatcher> m_watcher;
    std::thread m_thread;
    int m_timerId = 0;
};
