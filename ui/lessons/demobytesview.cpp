#include "ui/lessons/demobytesview.h"

#include <QFontDatabase>
#include <QPainter>
#include <QTimerEvent>

namespace {
constexpr qint64 FadeMs = 1500;
constexpr int CellPadding = 10;
}

DemoBytesView::DemoBytesView(QWidget *parent)
    : QWidget(parent)
{
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(mono.pointSizeF() * 1.6);
    setFont(mono);
    setAccessibleName(tr("Bytes of the shared int"));
    m_clock.start();
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void DemoBytesView::setBytes(const QByteArray &bytes)
{
    if (bytes.size() != m_bytes.size()) {
        m_changedAt.assign(static_cast<std::size_t>(bytes.size()), -1);
    } else {
        for (qsizetype i = 0; i < bytes.size(); ++i) {
            if (bytes[i] != m_bytes[i])
                m_changedAt[static_cast<std::size_t>(i)] = m_clock.elapsed();
        }
    }
    m_bytes = bytes;
    if (litCount() > 0 && !m_fadeTimer)
        m_fadeTimer = startTimer(40);
    update();
}

double DemoBytesView::glow(int index) const
{
    const qint64 at = m_changedAt[static_cast<std::size_t>(index)];
    if (at < 0)
        return 0;
    const qint64 age = m_clock.elapsed() - at;
    return age >= FadeMs ? 0 : 1.0 - double(age) / FadeMs;
}

int DemoBytesView::litCount() const
{
    int lit = 0;
    for (int i = 0; i < m_bytes.size(); ++i)
        lit += glow(i) > 0 ? 1 : 0;
    return lit;
}

void DemoBytesView::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_fadeTimer)
        return QWidget::timerEvent(event);
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
        const double g = glow(i);
        QColor fill = base;
        if (g > 0) { // blend the highlight into the base colour as the change ages
            fill = QColor::fromRgbF(base.redF() + (lit.redF() - base.redF()) * g,
                                    base.greenF() + (lit.greenF() - base.greenF()) * g,
                                    base.blueF() + (lit.blueF() - base.blueF()) * g);
        }
        painter.fillRect(cell, fill);
        painter.setPen(pal.color(QPalette::Mid));
        painter.drawRect(cell.adjusted(0, 0, -1, -1));
        painter.setPen(g > 0.5 ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Text));
        painter.setFont(font());
        painter.drawText(cell, Qt::AlignCenter,
                         QStringLiteral("%1").arg(quint8(m_bytes[i]), 2, 16, QLatin1Char('0')));
        painter.setFont(small);
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(QRect(cell.left(), 0, cellWidth, smallMetrics.height()),
                         Qt::AlignCenter, tr("+%1").arg(i));
    }
}
