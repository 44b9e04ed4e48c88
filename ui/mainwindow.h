#pragma once

// The segment browser: the main window of shmscope.
// STUB: owned by the browser work (issue 3); keep selectSegment().

#include <QMainWindow>

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    // Selects the row of shmid (after a refresh if needed). False if no such segment.
    bool selectSegment(int shmid);
};
