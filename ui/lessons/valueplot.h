#pragma once

// A small plot of an integer over the last seconds (the fork demo's shared int), optionally
// beside a reference drawn dashed (the race demo's ideal count).

#include <QWidget>

#include <deque>

class ValuePlot : public QWidget
{
    Q_OBJECT
public:
    explicit ValuePlot(QWidget *parent = nullptr);

    // Adds a sample taken at timeMs (a monotonic clock, in ms); drops samples older than the
    // window.
    void addSample(qint64 timeMs, qint64 value);
    // The same with the reference's value at that time.
    void addSample(qint64 timeMs, qint64 value, qint64 reference);
    // Names for a legend at the top left (none when empty).
    void setLegend(const QString &valueName, const QString &referenceName);
    void clear();
    // How much history is shown (default 10 s).
    void setWindowMs(qint64 ms);
    qint64 windowMs() const { return m_windowMs; }
    int sampleCount() const { return static_cast<int>(m_samples.size()); }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    struct Sample
    {
        qint64 timeMs;
        qint64 value;
        qint64 reference;
        bool hasReference;
    };
    void append(const Sample &sample);
    QString m_valueName;
    QString m_referenceName;
    std::deque<Sample> m_samples;
    qint64 m_windowMs = 10000;
};
