#pragma once

// The race lesson's window: N children add 1 to one shared int M times each, three ways:
// (*counter)++ (updates are lost), between semop P and V on a System V semaphore (exact), and
// with __atomic_fetch_add (exact, cheaper). Step by step (each call as C with its result, the
// lost update of two children's load, add and store shown one instruction at a time) or freely;
// before each run the window asks for a prediction of the total, and shows the result beside
// it. While the children run: the counter, each child's progress, the semaphore's value and
// ncnt, and a plot of the counter beside the ideal count. On real processes (shm::RaceDemo);
// closing the window kills and reaps the children and removes the segment and the set.

#include "ui/lessons/lessonwindow.h"

#include <memory>
#include <optional>

class LessonPanel;
class LessonSteps;
class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTimer;
class ValuePlot;

namespace shm {
class RaceDemo;
struct RaceOutcome;
}

class RaceWindow : public LessonWindow
{
    Q_OBJECT
public:
    enum Step {
        CreateStep,
        AttachStep,
        MarkStep,
        LoadFirstStep,   // the lost update, one instruction at a time
        LoadSecondStep,
        StoreFirstStep,
        StoreSecondStep,
        PlainRunStep,    // the race, for real
        SemgetStep,
        SetvalStep,
        SemaphoreRunStep,
        AtomicRunStep,
        SemRemoveStep,
        DetachStep,
        StepCount
    };
    enum ResultColumn {
        VariantColumn,
        CountsColumn,
        PredictionColumn,
        TotalColumn,
        LostColumn,
        TimeColumn,
        ResultColumnCount
    };

    explicit RaceWindow(QWidget *parent = nullptr);
    ~RaceWindow() override;

    // The numbers of children and increments of the next runs (the command line's N and M).
    void setCounts(int children, int increments);
    // The prediction of the next run's total; empty: none yet.
    void setPrediction(const QString &text);

    // Plays the next step; false when there is none, a run is going or a step failed. A run
    // step starts the children and returns: the step is done when they all are reaped.
    bool step();
    // Plays `count` steps at once, each run but the last one waited for (tests, the command
    // line's SHMSCOPE_TEST_DEMO_STEPS).
    void playSteps(int count);
    // Plays the remaining steps one after the other; pauses at a run without a prediction.
    void run();
    // Runs one variant outside the steps (after its set-up), with the prediction typed.
    bool runVariant(int variant);
    // Kills and reaps the children, removes the set and the segment, and starts over.
    void reset() override;

    int nextStep() const { return m_nextStep; }
    bool isRaceRunning() const;
    bool isPlaying() const;
    int shmid() const;
    int semid() const;
    QList<qint64> childPids() const;
    LessonSteps *stepTable() const { return m_steps; }
    QTableWidget *resultTable() const { return m_results; }

private:
    QWidget *buildLesson();
    QWidget *buildCounter();
    QWidget *buildRuns();
    void fillStepTable();
    bool playSetUp(int row);
    bool playInterleaving(int row);
    bool startRun(int row, int variant);
    void finishRun(const shm::RaceOutcome &outcome);
    void playNext();
    void refresh();
    void refreshSemaphore();
    void showChildren(int count);
    void updateButtons();
    void stopEverything();
    bool ensureSetUp(int variant);
    QString parentName() const;
    QString variantName(int variant) const;

    std::unique_ptr<shm::RaceDemo> m_demo;
    int m_nextStep = 0;
    bool m_freeSession = false; // a run outside the steps since the last reset: no more stepping
    int m_runRow = -1;          // the step of the run going, -1: a free run or none
    int m_runVariant = 0;
    std::optional<qint64> m_runPrediction;
    int m_register[2] = {0, 0}; // the two children's registers of the interleaving steps
    std::optional<qint64> m_lastIdeal; // the last run's N x M, for the plot between runs

    LessonSteps *m_steps = nullptr;
    QPushButton *m_stepButton = nullptr;
    QPushButton *m_runButton = nullptr;
    QLabel *m_counterLabel = nullptr;
    QLabel *m_idealLabel = nullptr;
    QLabel *m_semaphoreLabel = nullptr;
    QLabel *m_objectsLabel = nullptr;
    QGridLayout *m_childGrid = nullptr;
    QList<QProgressBar *> m_childBars;
    ValuePlot *m_plot = nullptr;
    QSpinBox *m_children = nullptr;
    QSpinBox *m_increments = nullptr;
    QComboBox *m_variantBox = nullptr;
    QLineEdit *m_prediction = nullptr;
    QPushButton *m_goButton = nullptr;
    QTableWidget *m_results = nullptr;
    QTimer *m_refreshTimer = nullptr;
    QTimer *m_playTimer = nullptr;
};
