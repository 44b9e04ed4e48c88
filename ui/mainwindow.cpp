#include "mainwindow.h"

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("shmscope"));
}

bool MainWindow::selectSegment(int)
{
    return false;
}
