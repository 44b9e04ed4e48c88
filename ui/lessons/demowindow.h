#pragma once

// The fork demo window: the shared-integer lesson of the course, step by step (Step / Run /
// Reset) and live (the child keeps changing the int while the window watches it), on real
// segments and a real forked child (shm::ForkDemo). Closing the window stops and reaps the
// child; the segment is marked for removal as soon as both processes are attached.

#include "ui/lessons/lessonsteps.h"

#include "ui/lessons/lessonwindow.h"

#include <memory>

class DemoBytesView;
class LessonPanel;
class MemoryView;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSocketNotifier;
class QSpinBox;
class QTableWidget;
class QTimer;
class QVBoxLayout;
class ValuePlot;

namespace shm {
class ForkDemo;
struct ChildReport;
}

class DemoWindow : public LessonWindow
{
    Q_OBJECT
public:
    // The lesson's steps, in order.
    enum Step {
        CreateStep,
        AttachStep,
        ForkStep,
        MarkStep,
        ChildReadStep,
        ChildWriteStep,
        ChildDetachStep,
        WaitStep,
        ParentReadStep,
        ParentDetachStep,
        StepCount
    };

    explicit DemoWindow(QWidget *parent = nullptr);
    ~DemoWindow() override;

    // Starts live mode at once (shmscope --demo --live): makes the segment, attaches, forks,
    // marks it for removal and lets the child change the int.
    void startLive();
    // Stops live mode: the child detaches and exits, and is reaped.
    void stopLive();

    // Plays the next step of the lesson; false when there is none or it failed.
    bool step();
    // Plays the remaining steps one after the other, a little apart so they can be followed.
    void run();
    // Stops everything (child reaped, parent detached, segment gone) and starts over.
    void reset() override;

    // State, for tests and the status line.
    int nextStep() const { return m_nextStep; }
    bool isLive() const { return m_live; }
    bool isRunning() const;
    qint64 childPid() const;
    int shmid() const;
    // The last value the parent read through its attachment, if attached.
    bool hasValue() const { return m_hasValue; }
    int value() const { return m_value; }
    QTableWidget *stepTable() const { return m_steps; }
    QPlainTextEdit *pipeLog() const { return m_pipeLog; }
    // The embedded memory view of the segment, while the parent is attached (else nullptr).
    MemoryView *memoryView() const { return m_memoryView; }

private:
    void buildUi();
    void fillStepTable();
    void logLine(const QString &line);
    void logReport(const shm::ChildReport &report);
    void readReports();
    void watchReports();
    void unwatchReports();
    void refresh();
    void updateButtons();
    void applyLiveSettings();
    void writeFromParent();
    void showMemoryView();
    void dropMemoryView();
    void stopEverything();
    QString parentName() const;
    QString childName() const;

    std::unique_ptr<shm::ForkDemo> m_demo;
    int m_nextStep = 0;
    bool m_live = false;
    bool m_liveSession = false; // live mode was used since the last reset: no more stepping
    bool m_hasValue = false;
    int m_value = 0;
    qint64 m_lastChildPid = 0;

    LessonSteps *m_steps = nullptr;
    QLabel *m_narration = nullptr;
    QPushButton *m_stepButton = nullptr;
    QPushButton *m_runButton = nullptr;
    QPushButton *m_resetButton = nullptr;
    QLabel *m_valueLabel = nullptr;
    QLabel *m_segmentLabel = nullptr;
    QLabel *m_nattchLabel = nullptr;
    QLabel *m_removalLabel = nullptr;
    DemoBytesView *m_bytes = nullptr;
    QVBoxLayout *m_memoryLayout = nullptr;
    MemoryView *m_memoryView = nullptr;
    QLabel *m_memoryPlaceholder = nullptr;
    QComboBox *m_sourceBox = nullptr;
    QSpinBox *m_childValue = nullptr;
    QSpinBox *m_rate = nullptr;
    QPushButton *m_liveButton = nullptr;
    QSpinBox *m_parentValue = nullptr;
    QPushButton *m_parentWriteButton = nullptr;
    ValuePlot *m_plot = nullptr;
    QPlainTextEdit *m_pipeLog = nullptr;
    QTimer *m_refreshTimer = nullptr;
    QTimer *m_runTimer = nullptr;
    QSocketNotifier *m_notifier = nullptr;
};
