#include "ui/memory/changemap.h"

#include "core/segmentinfo.h"
#include "core/segmentwatcher.h"
#include "ui/common/colors.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace {
constexpr int StripWidth = 16;
// How strong the mark of a place that changed earlier (no longer hot) is.
constexpr double EarlierMark = 0.3;
} // namespace

ChangeMap::ChangeMap(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("changeMap"));
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Where in the segment bytes change: bright where they changed just now, "
                  "fading over a few seconds; a faint mark where they changed earlier. Click to "
                  "go there."));
}

QSize ChangeMap::sizeHint() const
{
    return {StripWidth, 200};
}

QSize ChangeMap::minimumSizeHint() const
{
    return {StripWidth, 40};
}

void ChangeMap::setWatcher(const shm::SegmentWatcher *watcher, quint64 segmentSize)
{
    m_watcher = watcher;
    m_size = segmentSize;
    refresh();
}

void ChangeMap::setVisibleRange(quint64 offset, quint64 count)
{
    if (offset == m_visibleOffset && count == m_visibleCount)
        return;
    m_visibleOffset = offset;
    m_visibleCount = count;
    update();
}

void ChangeMap::refresh()
{
    m_heat.clear();
    m_changed.clear();
    if (m_watcher) {
        m_heat = m_watcher->heat();
        for (const auto &range : m_watcher->ranges())
            m_changed.emplace_back(range.offset, range.length);
    }
    update();
}

int ChangeMap::yOf(quint64 offset) const
{
    if (m_size == 0)
        return 0;
    return int(double(offset) / double(m_size) * height());
}

quint64 ChangeMap::offsetAt(int y) const
{
    if (m_size == 0 || height() <= 0)
        return 0;
    const double at = std::clamp(double(y) / height(), 0.0, 1.0) * double(m_size);
    return std::min<quint64>(quint64(at), m_size - 1);
}

void ChangeMap::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QPalette &pal = palette();
    const QColor base = colors::blend(pal.color(QPalette::Base), pal.color(QPalette::Text), 0.06);
    const QColor hot = colors::changedByte(pal);
    painter.fillRect(rect(), base);
    if (m_size == 0)
        return;
    const int h = height();
    // Each pixel row shows the strongest of what it covers: a lone byte stays visible on a
    // gigabyte segment.
    std::vector<float> rows(std::size_t(std::max(h, 1)), 0.0f);
    for (const auto &[offset, length] : m_changed) {
        const int from = std::clamp(yOf(offset), 0, h - 1);
        const int to = std::clamp(yOf(offset + length - 1), from, h - 1);
        for (int y = from; y <= to; ++y)
            rows[std::size_t(y)] = std::max(rows[std::size_t(y)], float(EarlierMark));
    }
    if (!m_heat.empty()) {
        const quint64 bucketBytes = m_watcher->bucketSize();
        for (std::size_t b = 0; b < m_heat.size(); ++b) {
            if (m_heat[b] <= 0)
                continue;
            const float lit = float(EarlierMark + (1 - EarlierMark) * m_heat[b]);
            const int from = std::clamp(yOf(b * bucketBytes), 0, h - 1);
            const int to = std::clamp(yOf((b + 1) * bucketBytes - 1), from, h - 1);
            for (int y = from; y <= to; ++y)
                rows[std::size_t(y)] = std::max(rows[std::size_t(y)], lit);
        }
    }
    // Each mark at least 3 pixels tall, so that a single changed byte can be seen and clicked.
    std::vector<float> marks(rows.size(), 0.0f);
    for (std::size_t y = 0; y < rows.size(); ++y) {
        const std::size_t lo = y == 0 ? 0 : y - 1;
        const std::size_t hi = std::min(rows.size() - 1, y + 1);
        marks[y] = std::max({rows[lo], rows[y], rows[hi]});
    }
    rows.swap(marks);
    for (int y = 0; y < h; ++y) {
        if (rows[std::size_t(y)] > 0)
            painter.fillRect(QRect(1, y, width() - 2, 1),
                             colors::blend(base, hot, rows[std::size_t(y)]));
    }
    // The rows on screen: a frame, at least 3 pixels tall so that it can be seen.
    if (m_visibleCount > 0) {
        const int top = std::clamp(yOf(m_visibleOffset), 0, h - 3);
        const int bottom = std::clamp(yOf(m_visibleOffset + m_visibleCount), top + 2, h - 1);
        painter.setPen(pal.color(QPalette::Text));
        painter.drawRect(QRect(0, top, width() - 1, bottom - top));
    }
}

void ChangeMap::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_size == 0) {
        QWidget::mousePressEvent(event);
        return;
    }
    const int y = int(event->position().y());
    const quint64 from = offsetAt(y);
    const quint64 to = std::max(from + 1, offsetAt(y + 1));
    emit offsetClicked(from, to - from);
}

bool ChangeMap::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && m_size > 0) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const quint64 from = offsetAt(help->pos().y());
        const quint64 to = std::max(from + 1, offsetAt(help->pos().y() + 1));
        QToolTip::showText(help->globalPos(),
                           tr("0x%1 to 0x%2 (%3 of %4)")
                                   .arg(from, 0, 16)
                                   .arg(to - 1, 0, 16)
                                   .arg(QString::fromStdString(shm::humanSize(from)),
                                        QString::fromStdString(shm::humanSize(m_size)))
                               + QLatin1Char('\n') + toolTip(),
                           this);
        return true;
    }
    return QWidget::event(event);
}
