#include "ui/lessons/valueplot.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>

ValuePlot::ValuePlot(QWidget *parent)
    : QWidget(parent)
{
    setAutoFillBackground(false);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAccessibleName(tr("Plot of the shared value over time"));
}

void ValuePlot::addSample(qint64 timeMs, qint64 value)
{
    append({timeMs, value, 0, false});
}

void ValuePlot::addSample(qint64 timeMs, qint64 value, qint64 reference)
{
    append({timeMs, value, reference, true});
}

void ValuePlot::append(const Sample &sample)
{
    m_samples.push_back(sample);
    while (!m_samples.empty() && m_samples.front().timeMs < sample.timeMs - m_windowMs)
        m_samples.pop_front();
    update();
}

void ValuePlot::setLegend(const QString &valueName, const QString &referenceName)
{
    m_valueName = valueName;
    m_referenceName = referenceName;
    update();
}

void ValuePlot::clear()
{
    m_samples.clear();
    update();
}

void ValuePlot::setWindowMs(qint64 ms)
{
    m_windowMs = std::max<qint64>(ms, 1000);
    update();
}

QSize ValuePlot::sizeHint() const
{
    return {360, 140};
}

QSize ValuePlot::minimumSizeHint() const
{
    return {160, 80};
}

void ValuePlot::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = palette();
    painter.fillRect(rect(), pal.color(QPalette::Base));

    const QFontMetrics fm(font());
    const int margin = 6;
    const int labelWidth = fm.horizontalAdvance(QStringLiteral("-2147483648")) + margin;
    const QRectF area(labelWidth + margin, margin, width() - labelWidth - 2 * margin,
                      height() - 2 * margin - fm.height());
    painter.setPen(pal.color(QPalette::Mid));
    painter.drawRect(area);

    // The time axis: "now" at the right, the window's start at the left.
    painter.setPen(pal.color(QPalette::PlaceholderText));
    painter.drawText(QRectF(area.left(), area.bottom() + 2, area.width(), fm.height()),
                     Qt::AlignLeft | Qt::AlignTop, tr("-%1 s").arg(m_windowMs / 1000));
    painter.drawText(QRectF(area.left(), area.bottom() + 2, area.width(), fm.height()),
                     Qt::AlignRight | Qt::AlignTop, tr("now"));
    if (m_samples.empty()) {
        painter.drawText(area, Qt::AlignCenter, tr("no values yet"));
        return;
    }

    const auto [lowIt, highIt] = std::minmax_element(
        m_samples.begin(), m_samples.end(),
        [](const Sample &a, const Sample &b) { return a.value < b.value; });
    qint64 low = lowIt->value;
    qint64 high = highIt->value;
    for (const Sample &sample : m_samples) {
        if (sample.hasReference) {
            low = std::min(low, sample.reference);
            high = std::max(high, sample.reference);
        }
    }
    if (low == high) { // a flat line sits in the middle
        low -= 1;
        high += 1;
    }
    const qint64 now = m_samples.back().timeMs;
    const auto x = [&](qint64 t) {
        return area.right() - double(now - t) / double(m_windowMs) * area.width();
    };
    const auto y = [&](qint64 v) {
        return area.bottom() - double(v - low) / double(high - low) * area.height();
    };

    painter.setPen(pal.color(QPalette::Text));
    painter.drawText(QRectF(0, area.top() - fm.ascent() / 2.0, labelWidth, fm.height()),
                     Qt::AlignRight | Qt::AlignTop, QString::number(high));
    painter.drawText(QRectF(0, area.bottom() - fm.height() + fm.descent(), labelWidth,
                            fm.height()),
                     Qt::AlignRight | Qt::AlignBottom, QString::number(low));

    // Step lines: the int holds its value until the next write.
    const auto stepLine = [&](auto valueOf) {
        QPainterPath path;
        path.moveTo(x(m_samples.front().timeMs), y(valueOf(m_samples.front())));
        for (std::size_t i = 1; i < m_samples.size(); ++i) {
            path.lineTo(x(m_samples[i].timeMs), y(valueOf(m_samples[i - 1])));
            path.lineTo(x(m_samples[i].timeMs), y(valueOf(m_samples[i])));
        }
        return path;
    };
    const QPainterPath path = stepLine([](const Sample &s) { return s.value; });
    painter.setClipRect(area);
    if (m_samples.back().hasReference) {
        QPen dashed(pal.color(QPalette::Text), 1.5, Qt::DashLine);
        painter.setPen(dashed);
        painter.drawPath(stepLine([](const Sample &s) { return s.hasReference ? s.reference : s.value; }));
    }
    if (!m_valueName.isEmpty()) {
        const QRectF legend = area.adjusted(6, 4, -6, -4);
        painter.setPen(pal.color(QPalette::Highlight));
        painter.drawText(legend, Qt::AlignLeft | Qt::AlignTop, QStringLiteral("━ ") + m_valueName);
        painter.setPen(pal.color(QPalette::Text));
        painter.drawText(legend.adjusted(0, fm.height(), 0, 0), Qt::AlignLeft | Qt::AlignTop,
                         QStringLiteral("┅ ") + m_referenceName);
    }
    painter.setPen(QPen(pal.color(QPalette::Highlight), 2));
    painter.drawPath(path);
    painter.setBrush(pal.color(QPalette::Highlight));
    painter.drawEllipse(QPointF(x(now), y(m_samples.back().value)), 3, 3);
}
