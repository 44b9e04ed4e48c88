#pragma once

// The change map: a narrow strip beside the hex view's scroll bar, the whole segment from top
// to bottom, showing where bytes change. A bucket that changed just now is lit in the changed
// byte's colour and fades over a few seconds (the watcher's heat); places that changed earlier
// keep a faint mark; the rows on screen are framed. A click asks to go there.

#include <QWidget>

#include <vector>

namespace shm {
class SegmentWatcher;
}

class ChangeMap : public QWidget
{
    Q_OBJECT
public:
    explicit ChangeMap(QWidget *parent = nullptr);

    // The watcher to show (not owned; nullptr: an empty strip).
    void setWatcher(const shm::SegmentWatcher *watcher, quint64 segmentSize);
    // The bytes on screen, framed on the strip.
    void setVisibleRange(quint64 offset, quint64 count);
    // Reads the watcher again and repaints.
    void refresh();

    // The offset at the top of pixel row y (clamped to the segment).
    quint64 offsetAt(int y) const;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    // A click: [offset, offset + span) is what the clicked pixel row stands for.
    void offsetClicked(quint64 offset, quint64 span);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;

private:
    int yOf(quint64 offset) const;

    const shm::SegmentWatcher *m_watcher = nullptr;
    quint64 m_size = 0;
    quint64 m_visibleOffset = 0;
    quint64 m_visibleCount = 0;
    std::vector<float> m_heat;
    std::vector<std::pair<quint64, quint64>> m_changed; // ranges ever seen changing
};
