#pragma once

// What the lesson windows (the fork and race lessons) share: the lesson panel on the left, what
// the lesson shows beside it and under both; a failed step said in the panel and the status
// line; and closing, which stops everything the lesson started (reset()).

#include <QMainWindow>

class LessonPanel;
class QSplitter;

namespace shm {
struct Error;
}

class LessonWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit LessonWindow(QWidget *parent = nullptr);

    // Stops the lesson's processes and removes its objects, and starts over.
    virtual void reset() = 0;

protected:
    // The window may be hidden rather than deleted: the lesson is stopped now either way, and
    // starts afresh if the window is shown again.
    void closeEvent(QCloseEvent *event) override;

    // `lesson` (the panel, m_panel) and `side` next to it, above `bottom`: the central widget.
    // Returns the splitter of the upper two.
    QSplitter *setLessonLayout(QWidget *lesson, QWidget *side, QWidget *bottom);
    // Step `row` failed (done by `who`): the lesson stops there, the panel and the status line
    // say why. Returns false, for `return failStep(...)`.
    bool failStep(int row, const QString &who, const QString &error);
    // The same for a call of the lesson that failed with `error` (said as errortext does).
    bool failStep(int row, const QString &who, const shm::Error &error);
    void narrate(const QString &html);

    LessonPanel *m_panel = nullptr;
    bool m_failed = false;
};
