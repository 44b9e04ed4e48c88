#include "ui/lessons/lessonwindow.h"

#include "ui/common/errortext.h"
#include "ui/lessons/lessonpanel.h"

#include <QCloseEvent>
#include <QSplitter>
#include <QStatusBar>

LessonWindow::LessonWindow(QWidget *parent)
    : QMainWindow(parent)
{
}

void LessonWindow::closeEvent(QCloseEvent *event)
{
    reset();
    QMainWindow::closeEvent(event);
}

QSplitter *LessonWindow::setLessonLayout(QWidget *lesson, QWidget *side, QWidget *bottom)
{
    auto *top = new QSplitter(Qt::Horizontal);
    top->addWidget(lesson);
    top->addWidget(side);
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 2);
    auto *all = new QSplitter(Qt::Vertical);
    all->addWidget(top);
    all->addWidget(bottom);
    all->setStretchFactor(0, 3);
    all->setStretchFactor(1, 2);
    all->setChildrenCollapsible(false);
    setCentralWidget(all);
    return top;
}

bool LessonWindow::failStep(int row, const QString &who, const QString &error)
{
    m_failed = true;
    m_panel->showFailure(row, who, error);
    statusBar()->showMessage(error);
    return false;
}

bool LessonWindow::failStep(int row, const QString &who, const shm::Error &error)
{
    return failStep(row, who, errortext::describe(error));
}

void LessonWindow::narrate(const QString &html)
{
    m_panel->narrate(html);
}
