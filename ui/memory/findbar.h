#pragma once

// Find in the memory view (Ctrl+F): hex bytes, text, or an integer/float value of a chosen width
// and byte order; next/previous, wrapping around once; matches highlighted in the view. The
// search runs through the source's MemoryAccess (core/memorysearch.h: resident pages at memory
// speed, untouched pages never read), in the memory view's worker (setTaskRunner) with
// progress and Cancel, or on the calling thread when no runner is set.

#include "core/memorysearch.h"
#include "core/result.h"
#include "ui/memory/memorytask.h"
#include "ui/memory/valuecodec.h"

#include <QByteArray>
#include <QWidget>

#include <functional>
#include <optional>

class HexView;
class QComboBox;
class QLabel;
class QLineEdit;

class FindBar : public QWidget
{
    Q_OBJECT
public:
    enum class Kind { HexBytes, Text, Integer, Float };

    explicit FindBar(QWidget *parent = nullptr);

    void setHexView(HexView *view);
    // How a find reaches the worker: MemoryView::runTask (nullptr when another task runs).
    using TaskRunner =
        std::function<MemoryTask *(const QString &, MemoryTask::Work, MemoryTask::Done)>;
    void setTaskRunner(TaskRunner runner) { m_runner = std::move(runner); }
    // The bytes to look for. Integer: signed or unsigned value of `width` bytes (1, 2, 4, 8);
    // Float: width 4 or 8.
    static shm::Result<QByteArray> needle(Kind kind, const QString &text, int width,
                                          valuecodec::Endian endian);

    void setQuery(Kind kind, const QString &text, int width = 4,
                  valuecodec::Endian endian = valuecodec::Endian::Little);
    // Selects the next/previous match from the cursor, wrapping around once, with the cursor on
    // the match's first byte and its row away from the view's edges; false when none, when
    // cancelled (the cursor and selection stay) or refused (the status label says which).
    // TaskWait::Return only starts the search in the worker and returns whether it started;
    // the outcome comes with found().
    bool findNext(TaskWait wait = TaskWait::Finish);
    bool findPrevious(TaskWait wait = TaskWait::Finish);
    QString statusText() const;

    void activate(); // show and focus the text field

signals:
    void message(const QString &text);
    // A search has ended: whether it selected a match (false: not found, cancelled, refused).
    void found(bool selected);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    bool find(bool forward, TaskWait wait);
    // The search's result on the GUI thread: selects the match or says why not.
    bool finish(const QByteArray &pattern, const shm::MemoryMatch &match, bool wrapped,
                bool cancelled);
    void updateWidthChoices();
    void setStatus(const QString &text);

    HexView *m_view = nullptr;
    TaskRunner m_runner;
    QComboBox *m_kind;
    QComboBox *m_width;
    QComboBox *m_endian;
    QLineEdit *m_text;
    QLabel *m_status;
};
