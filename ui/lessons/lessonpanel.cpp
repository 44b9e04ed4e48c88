#include "ui/lessons/lessonpanel.h"

#include "ui/lessons/lessonsteps.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

LessonPanel::LessonPanel(const QString &resetToolTip, QWidget *parent)
    : QGroupBox(tr("The lesson, step by step"), parent)
{
    m_steps = new LessonSteps;
    m_steps->setObjectName(QStringLiteral("steps"));

    m_narration = new QLabel;
    m_narration->setObjectName(QStringLiteral("narration"));
    m_narration->setWordWrap(true);
    m_narration->setTextFormat(Qt::RichText);
    m_narration->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_narration->setMinimumHeight(110);
    m_narration->setFrameShape(QFrame::StyledPanel);
    m_narration->setMargin(8);
    m_narration->setBackgroundRole(QPalette::AlternateBase);
    m_narration->setAutoFillBackground(true);

    m_stepButton = new QPushButton(tr("&Step"));
    m_stepButton->setObjectName(QStringLiteral("stepButton"));
    m_stepButton->setToolTip(tr("Play the next system call of the lesson."));
    m_runButton = new QPushButton(tr("&Run"));
    m_runButton->setObjectName(QStringLiteral("runButton"));
    m_runButton->setToolTip(tr("Play the remaining steps one after the other."));
    m_resetButton = new QPushButton(tr("R&eset"));
    m_resetButton->setObjectName(QStringLiteral("resetButton"));
    m_resetButton->setToolTip(resetToolTip);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_stepButton);
    buttons->addWidget(m_runButton);
    buttons->addWidget(m_resetButton);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_steps, 1);
    layout->addWidget(m_narration);
    layout->addLayout(buttons);
}

void LessonPanel::narrate(const QString &html)
{
    m_narration->setText(html);
}

void LessonPanel::showFailure(int row, const QString &who, const QString &error)
{
    m_steps->setResult(row, who, tr("failed: %1").arg(error), false);
    narrate(tr("<b>This step failed.</b> %1<br>Press Reset to start again.")
                .arg(error.toHtmlEscaped()));
}
