#pragma once

// The left half of a lesson window, shared by the fork and race lessons: the step table, the
// narration under it, and the Step / Run / Reset buttons. The window wires the buttons.

#include <QGroupBox>

class LessonSteps;
class QLabel;
class QPushButton;

class LessonPanel : public QGroupBox
{
    Q_OBJECT
public:
    // `resetToolTip` says what Reset stops and removes in this lesson.
    explicit LessonPanel(const QString &resetToolTip, QWidget *parent = nullptr);

    LessonSteps *steps() const { return m_steps; }
    QLabel *narration() const { return m_narration; }
    QPushButton *stepButton() const { return m_stepButton; }
    QPushButton *runButton() const { return m_runButton; }
    QPushButton *resetButton() const { return m_resetButton; }

    void narrate(const QString &html);
    // A step failed: its row says why, and so does the narration.
    void showFailure(int row, const QString &who, const QString &error);

private:
    LessonSteps *m_steps = nullptr;
    QLabel *m_narration = nullptr;
    QPushButton *m_stepButton = nullptr;
    QPushButton *m_runButton = nullptr;
    QPushButton *m_resetButton = nullptr;
};
