#include "ui/lessons/demobytesview.h"

#include "ui/common/colors.h"

#include <QFontDatabase>
#include <QPainter>
#include <QTimerEvent>

namespace {
constexpr qint64 FadeMs = 1500;
constexpr int CellPadding = 10;
}

DemoBytesView::DemoBytesView(QWidget *parent)
    : QWidget(parent)
    , m_tracker(FadeMs)
{
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(mono.pointSizeF() * 1.6);
    setFont(mono);
    setAccessibleName(tr("Bytes of the shared int"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void DemoBytesView::setBytes(const QByteArray &bytes)
{
    // Other bytes (attached, detached): nothing lights up, and what was fading stops.
    const bool sameBytes = bytes.size() == m_bytes.size();
    if (!sameBytes)
        m_tracker.clear();
    m_tracker.observe(0, std::as_bytes(std::span(bytes.constData(), std::size_t(bytes.size()))),
                      sameBytes);
    m_bytes = bytes;
    if (litCount() > 0 && !m_fadeTimer)
        m_fadeTimer = startTimer(40);
    update();
}

int DemoBytesView::litCount() const
{
    return m_tracker.litCount();
}

void DemoBytesView::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_fadeTimer)
        return QWidget::timerEvent(event);
    m_tracker.expireFades();
    if (litCount() == 0) {
        killTimer(m_fadeTimer);
        m_fadeTimer = 0;
    }
    update();
}

QSize DemoBytesView::sizeHint() const
{
    const QFontMetrics fm(font());
    const int cell = fm.horizontalAdvance(QStringLiteral("00")) + 2 * CellPadding;
    return {cell * 4 + 8 * 5, fm.height() * 2 + 3 * CellPadding};
}

void DemoBytesView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QPalette &pal = palette();
    const QFontMetrics fm(font());
    if (m_bytes.isEmpty()) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignLeft | Qt::AlignVCenter, tr("(not attached)"));
        return;
    }
    const int cellWidth = fm.horizontalAdvance(QStringLiteral("00")) + 2 * CellPadding;
    const int cellHeight = fm.height() + CellPadding;
    const int gap = 8;
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() / 1.6);
    const QFontMetrics smallMetrics(small);

    const QColor base = pal.color(QPalette::Base);
    const QColor lit = pal.color(QPalette::Highlight);
    for (int i = 0; i < m_bytes.size(); ++i) {
        const QRect cell(i * (cellWidth + gap), smallMetrics.height() + 2, cellWidth, cellHeight);
        const double g = m_tracker.glow(quint64(i));
        painter.fillRect(cell, colors::blend(base, lit, g));
        painter.setPen(pal.color(QPalette::Mid));
        painter.drawRect(cell.adjusted(0, 0, -1, -1));
        painter.setPen(g > 0.5 ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Text));
        painter.setFont(font());
        painter.drawText(cell, Qt::AlignCenter,
                         QStringLiteral("%1").arg(quint8(m_bytes[i]), 2, 16, QLatin1Char('0')));
        painter.setFont(small);
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(QRect(cell.left(), 0, cellWidth, smallMetrics.height()),
                         Qt::AlignCenter, QStringLiteral("+%1").arg(i));
    }
}
