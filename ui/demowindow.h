#pragma once

// The fork demo window: the shared-integer lesson, step by step and live.
// STUB: owned by the demo work (issue 5); keep startLive().

#include <QMainWindow>

class DemoWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit DemoWindow(QWidget *parent = nullptr);
    // Starts live mode at once (shmscope --demo --live).
    void startLive();
};
