#include "ui/memory/segmentwatchthread.h"

#include "ui/memory/bytesource.h"

#include <QTimerEvent>

namespace {
constexpr int UpdatePeriodMs = 250;
} // namespace

SegmentWatchThread::SegmentWatchThread(ByteSource *source, QObject *parent)
    : QObject(parent)
    , m_source(source)
{
    shm::SegmentWatcher::Options options;
    options.heatBuckets = MapBuckets;
    m_watcher = std::make_unique<shm::SegmentWatcher>(source->memoryAccess(), options);
    connect(source, &ByteSource::aboutToReattach, this, &SegmentWatchThread::stop);
    connect(source, &ByteSource::reattached, this, [this] {
        m_watcher->setAccess(m_source->memoryAccess());
        start();
    });
    start();
}

SegmentWatchThread::~SegmentWatchThread()
{
    stop();
}

void SegmentWatchThread::start()
{
    if (m_thread.joinable())
        return;
    m_thread = std::thread([watcher = m_watcher.get()] { watcher->run(); });
    if (!m_timerId)
        m_timerId = startTimer(UpdatePeriodMs);
}

void SegmentWatchThread::stop()
{
    if (!m_thread.joinable())
        return;
    m_watcher->stop();
    m_thread.join();
}

void SegmentWatchThread::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_timerId)
        emit updated();
    else
        QObject::timerEvent(event);
}
