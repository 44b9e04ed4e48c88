#pragma once

// The fork demo's few bytes of shared memory, in hex with their offsets; a byte that changed
// lights up and fades out over a second and a half. The same ChangeTracker, fade and colour
// blend as the hex view's.

#include "ui/memory/changetracker.h"

#include <QByteArray>
#include <QWidget>

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
    QByteArray m_bytes;
    ChangeTracker m_tracker;
    int m_fadeTimer = 0;
};
