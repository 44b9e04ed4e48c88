#include "demowindow.h"

DemoWindow::DemoWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Fork demo"));
}

void DemoWindow::startLive() {}
