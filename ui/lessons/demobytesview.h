#pragma once

// The fork demo's few bytes of shared memory, in hex with their offsets; a byte that changed
// lights up and fades out over a second and a half.

#include <QByteArray>
#include <QElapsedTimer>
#include <QWidget>

#include <vector>

class DemoBytesView : public QWidget
{
    Q_OBJECT
public:
    explicit DemoBytesView(QWidget *parent = nullptr);

    // The bytes as read now; bytes that differ from the previous call light up.
    // An empty array shows "not attached".
    void setBytes(const QByteArray &bytes);
    QByteArray bytes() const { return m_bytes; }
    // How many bytes are lit now (for tests).
    int litCount() const;

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void timerEvent(QTimerEvent *event) override;

private:
    double glow(int index) const;

    QByteArray m_bytes;
    std::vector<qint64> m_changedAt; // per byte, ms on m_clock; -1 = never
    QElapsedTimer m_clock;
    int m_fadeTimer = 0;
};
