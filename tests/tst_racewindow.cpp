// The race lesson's window offscreen: every step gives its call and result (the lost update
// one instruction at a time, the three runs with their totals), a run waits for a prediction
// and shows it beside the result, the live labels follow the children and the semaphore, and
// resetting or closing the window in the middle of a run leaves no child, set or segment.

#include "core/racedemo.h"
#include "core/semaphores.h"
#include "core/segmentlist.h"
#include "demoprocesses.h"
#include "lessonfixture.h"
#include "ui/lessons/lessonsteps.h"
#include "ui/lessons/racewindow.h"

#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QtTest>

#include <memory>
#include <unistd.h>

namespace {

QString result(const RaceWindow &window, int step)
{
    return window.stepTable()->item(step, LessonSteps::ResultColumn)->text();
}

} // namespace

class TestRaceWindow : public QObject
{
    Q_OBJECT
private slots:
    void init() { m_nothingLeft.start(); }
    void cleanup()
    {
        m_window.reset();
        m_nothingLeft.check();
    }

    void stepThrough()
    {
        RaceWindow &window = openWindow(2, 30000);
        auto *stepButton = window.findChild<QPushButton *>(QStringLiteral("stepButton"));
        auto *prediction = window.findChild<QLineEdit *>(QStringLiteral("prediction"));
        QVERIFY(stepButton && prediction);

        const QString expected[RaceWindow::StepCount] = {
            R"(^= \d+$)", R"(^= 0x[0-9a-f]+$)", R"(^= 0 \(marked\)$)",
            "^reg = 0$", "^reg = 0$", "^counter = 1$", "^counter = 1: one update lost$",
            R"(^total ([\d,]+, [\d,]+ lost|60,000, exact) \(\d+\.\d ms\)$)", R"(^= \d+$)", R"(^= 0 \(value 1\)$)",
            R"(^total 60,000, exact \(\d+\.\d ms\)$)", R"(^total 60,000, exact \(\d+\.\d ms\)$)",
            R"(^= 0 \(removed\)$)", R"(^= 0 \(segment destroyed\)$)"};
        int shmid = -1;
        int semid = -1;
        for (int step = 0; step < RaceWindow::StepCount; ++step) {
            QCOMPARE(window.nextStep(), step);
            const bool run = step == RaceWindow::PlainRunStep || step == RaceWindow::SemaphoreRunStep
                || step == RaceWindow::AtomicRunStep;
            if (run) {
                // Predict, then reveal: no run without a prediction.
                QVERIFY(!stepButton->isEnabled());
                QTest::keyClicks(prediction, QStringLiteral("60000"));
                QVERIFY(stepButton->isEnabled());
            }
            // The last run by Return in the prediction: the lesson goes on (no free run).
            if (step == RaceWindow::AtomicRunStep)
                QTest::keyClick(prediction, Qt::Key_Return);
            else
                QTest::mouseClick(stepButton, Qt::LeftButton);
            if (run)
                QTRY_COMPARE_WITH_TIMEOUT(window.nextStep(), step + 1, 60000);
            QCOMPARE(window.nextStep(), step + 1);
            const QString got = result(window, step);
            QVERIFY2(QRegularExpression(expected[step]).match(got).hasMatch(),
                     qPrintable(QStringLiteral("step %1: %2").arg(step + 1).arg(got)));
            if (step == RaceWindow::CreateStep)
                shmid = window.shmid();
            if (step == RaceWindow::SemgetStep)
                semid = window.semid();
            if (run) {
                QVERIFY(prediction->text().isEmpty()); // asked again before the next run
                QVERIFY(demotest::childrenOf(getpid()).size() == 1); // the guard alone
            }
        }
        // The three runs beside their predictions.
        const QTableWidget *results = window.resultTable();
        QCOMPARE(results->rowCount(), 3);
        for (int row = 0; row < 3; ++row) {
            QCOMPARE(results->item(row, RaceWindow::PredictionColumn)->text(), QStringLiteral("60,000"));
            QCOMPARE(results->item(row, RaceWindow::CountsColumn)->text(), QStringLiteral("2 × 30,000"));
        }
        QCOMPARE(results->item(1, RaceWindow::TotalColumn)->text(), QStringLiteral("60,000"));
        QCOMPARE(results->item(1, RaceWindow::LostColumn)->text(), QStringLiteral("0"));
        QCOMPARE(results->item(2, RaceWindow::TotalColumn)->text(), QStringLiteral("60,000"));
        QVERIFY(demotest::semaphoreSetGone(semid));
        QVERIFY(demotest::segmentGone(shmid));
        QVERIFY(!stepButton->isEnabled());
    }

    // A free run: the set-up is played for it, the labels follow the children while they run
    // (counter, progress, semaphore value and waiters), and the result goes beside the
    // prediction.
    void freeRunIsLive()
    {
        RaceWindow &window = openWindow(3, 400000);
        auto *go = window.findChild<QPushButton *>(QStringLiteral("goButton"));
        QVERIFY(!go->isEnabled()); // a prediction first
        window.setPrediction(QStringLiteral("1200000"));
        QVERIFY(go->isEnabled());
        QVERIFY(window.runVariant(int(shm::RaceVariant::Semaphore)));
        QVERIFY(window.isRaceRunning());
        QCOMPARE(window.childPids().size(), 3);
        QVERIFY(!go->isEnabled());
        auto *semaphore = window.findChild<QLabel *>(QStringLiteral("semaphore"));
        QVERIFY(semaphore->text().contains(QStringLiteral("semid %1").arg(window.semid())));
        auto *bar = window.findChild<QProgressBar *>(QStringLiteral("child1"));
        QVERIFY(bar);
        QCOMPARE(bar->maximum(), 400000);
        QTRY_VERIFY_WITH_TIMEOUT(!window.isRaceRunning(), 120000);
        QCOMPARE(bar->value(), 400000);
        QCOMPARE(window.resultTable()->rowCount(), 1);
        QCOMPARE(window.resultTable()->item(0, RaceWindow::PredictionColumn)->text(),
                 QStringLiteral("1,200,000"));
        QCOMPARE(window.resultTable()->item(0, RaceWindow::TotalColumn)->text(),
                 QStringLiteral("1,200,000"));
        QVERIFY(semaphore->text().contains(QStringLiteral("value <b>1</b>")));
        QVERIFY(semaphore->text().contains(QStringLiteral("(ncnt) <b>0</b>")));
    }

    void endMidRun_data()
    {
        QTest::addColumn<bool>("close");
        QTest::newRow("reset") << false;
        QTest::newRow("close") << true;
    }
    void endMidRun()
    {
        QFETCH(bool, close);
        RaceWindow &window = openWindow(3, 100000000);
        window.setPrediction(QStringLiteral("1"));
        QVERIFY(window.runVariant(int(shm::RaceVariant::Semaphore)));
        const QList<qint64> children = window.childPids();
        const int shmid = window.shmid();
        const int semid = window.semid();
        auto *counter = window.findChild<QLabel *>(QStringLiteral("counter"));
        QTRY_VERIFY_WITH_TIMEOUT(counter->text() != QStringLiteral("0")
                                     && counter->text() != QStringLiteral("–"), 30000);
        if (close)
            window.close();
        else
            window.reset();
        QVERIFY(!window.isRaceRunning());
        for (qint64 child : children)
            QVERIFY(!demotest::processExists(pid_t(child)));
        QVERIFY(demotest::childrenOf(getpid()).empty());
        QVERIFY(demotest::semaphoreSetGone(semid));
        QVERIFY(demotest::segmentGone(shmid));
    }

private:
    // A new window shown, for runs of `children` children adding `increments` times each.
    RaceWindow &openWindow(int children, int increments)
    {
        m_window = std::make_unique<RaceWindow>();
        m_window->setCounts(children, increments);
        m_window->show();
        return *m_window;
    }

    std::unique_ptr<RaceWindow> m_window;
    demotest::NothingLeft m_nothingLeft;
};

QTEST_MAIN(TestRaceWindow)
#include "tst_racewindow.moc"
