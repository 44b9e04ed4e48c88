// The memory view's part of the whole-segment change tracker: the watcher's thread, the change
// map beside the hex view, the Changes panel, F8 anywhere and the tracker's status.

#include "ui/memory/memoryview.h"

#include "ui/common/plural.h"
#include "ui/memory/bytesource.h"
#include "ui/memory/changelist.h"
#include "ui/memory/changemap.h"
#include "ui/memory/hexview.h"
#include "ui/memory/segmentwatchthread.h"

#include "core/segmentinfo.h"

#include <QHBoxLayout>
#include <QLocale>

#include <chrono>
#include <vector>

QWidget *MemoryView::buildChangeTracking()
{
    m_watch = new SegmentWatchThread(m_source, this);
    const shm::SegmentWatcher &watcher = m_watch->watcher();
    auto *hexWithMap = new QWidget(this);
    auto *row = new QHBoxLayout(hexWithMap);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(2);
    m_changeMap = new ChangeMap(hexWithMap);
    m_changeMap->setWatcher(&watcher, m_source->size());
    row->addWidget(m_hexView, 1);
    row->addWidget(m_changeMap);
    m_changeList = new ChangeList(this);
    m_changeList->setWatcher(&watcher);
    m_changeList->setOfFile(isFile());

    connect(m_watch, &SegmentWatchThread::updated, this, [this] {
        m_changeMap->refresh();
        if (m_changeList->isVisible())
            m_changeList->refresh();
        updateStatus();
    });
    // Our own edits are not another process's changes.
    connect(m_source, &ByteSource::aboutToWrite, this, [this](quint64 offset, quint64 count) {
        m_watch->watcher().beginOwnWrite(offset, count);
    });
    connect(m_source, &ByteSource::bytesWritten, this, [this](quint64 offset, quint64 count) {
        if (count > shm::SegmentWatcher::MaxOwnWriteBytes) {
            m_watch->watcher().endOwnWrite(offset, count);
            return;
        }
        std::vector<std::byte> bytes(count);
        m_source->readReport(offset, bytes.data(), count,
                             shm::MemoryAccess::Reach::ResidentOnly);
        m_watch->watcher().absorbOwnWrite(offset, bytes.data(), count);
    });
    connect(m_hexView, &HexView::refreshed, m_changeMap, [this] {
        const ChangeTracker &onScreen = m_hexView->changes();
        m_changeMap->setVisibleRange(onScreen.snapshotOffset(), onScreen.snapshot().size());
    });
    connect(m_changeMap, &ChangeMap::offsetClicked, this, [this](quint64 offset, quint64 span) {
        // The first change the clicked pixel stands for, else where it points.
        const shm::SegmentWatcher &w = m_watch->watcher();
        auto change = offset == 0 ? w.previousChange(1) : std::nullopt; // byte 0 changed?
        if (!change)
            change = w.nextChange(offset == 0 ? 0 : offset - 1); // the first at or after
        const quint64 target = change && *change < offset + span ? *change : offset;
        m_hexView->goToFarOffset(target);
        m_hexView->setFocus();
    });
    connect(m_changeList, &ChangeList::rangeActivated, this, [this](quint64 offset, quint64 length) {
        m_hexView->selectMatch(offset, std::max<quint64>(1, length));
        m_hexView->setFocus();
    });
    return hexWithMap;
}

shm::Result<void> MemoryView::goToChange(bool forward)
{
    const quint64 cursor = m_hexView->cursorOffset();
    const shm::SegmentWatcher &watcher = m_watch->watcher();
    const auto anywhere = forward ? watcher.nextChange(cursor) : watcher.previousChange(cursor);
    const auto onScreen = forward ? m_hexView->nextChange(cursor) : m_hexView->previousChange(cursor);
    if (!anywhere && !onScreen) // the hex view words the refusal
        return forward ? m_hexView->goToNextChange() : m_hexView->goToPreviousChange();
    quint64 target = anywhere ? quint64(*anywhere) : *onScreen;
    if (anywhere && onScreen)
        target = forward ? std::min<quint64>(*anywhere, *onScreen) : std::max<quint64>(*anywhere, *onScreen);
    m_hexView->goToFarOffset(target);
    return {};
}

QString MemoryView::trackerStatusText() const
{
    const shm::SegmentWatcher &watcher = m_watch->watcher();
    const quint64 changed = watcher.bytesChangedInWindow();
    const auto window = std::chrono::duration_cast<std::chrono::seconds>(watcher.options().window);
    const shm::SegmentWatcher::Stats stats = watcher.stats();
    QString text = tr(" · %L1 bytes changed in the last %2 s", nullptr, plural::count(changed))
                       .arg(changed)
                       .arg(window.count())
        + tr(" · tracker %1% budget · %2% used · %3 passes/s")
              .arg(QLocale().toString(stats.budget * 100, 'g', 3),
                   QLocale().toString(stats.cpuShare * 100, 'f', 1),
                   QLocale().toString(stats.passesPerSecond, 'f', 1));
    // Past the copy's memory limit the rest of the segment is not compared: said, not hidden.
    if (stats.unwatchedBytes > 0)
        text += tr(" · %1 not watched (the tracker's copy is limited to %2)")
                    .arg(QString::fromStdString(shm::humanSize(stats.unwatchedBytes)),
                         QString::fromStdString(shm::humanSize(stats.maxCopyBytes)));
    return text;
}
