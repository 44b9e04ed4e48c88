// The fork demo window offscreen: stepping gives the lesson's calls and values, Run plays it
// all, live mode delivers changing values both ways, and stopping, resetting or closing the
// window reaps the child and leaves no segment.

#include "core/forkdemo.h"
#include "core/segmentlist.h"
#include "demoprocesses.h"
#include "lessonfixture.h"
#include "ui/lessons/demowindow.h"
#include "ui/lessons/lessonsteps.h"

#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QtTest>

#include <set>
#include <unistd.h>

class TestDemoWindow : public QObject
{
    Q_OBJECT
private slots:
    // Every test, and every data row, starts and ends with no child and no segment of ours.
    void init() { m_nothingLeft.start(); }
    void cleanup()
    {
        m_window.reset(); // a failed row leaves its window
        m_nothingLeft.check();
    }

    void stepThrough_data()
    {
        QTest::addColumn<int>("step");
        QTest::addColumn<QString>("who");
        QTest::addColumn<QString>("call");
        QTest::addColumn<QString>("result"); // a regular expression
        QTest::addColumn<int>("nattch");     // after the step; -1: segment gone
        const QString parent = QStringLiteral("parent %1").arg(getpid());
        const QString child = QStringLiteral("child ");
        QTest::newRow("1 shmget") << 0 << parent
                                  << "shmid = shmget(IPC_PRIVATE, sizeof(int), 0600)"
                                  << R"(^= \d+$)" << 0;
        QTest::newRow("2 shmat") << 1 << parent << "shared_int = shmat(shmid, NULL, 0)"
                                 << R"(^= 0x[0-9a-f]+$)" << 1;
        QTest::newRow("3 fork") << 2 << parent << "pid = fork()" << R"(^= \d+ \(0 in the child\)$)"
                                << 2;
        QTest::newRow("4 IPC_RMID") << 3 << parent << "shmctl(shmid, IPC_RMID, NULL)"
                                    << R"(^= 0 )" << 2;
        QTest::newRow("5 child reads") << 4 << child << R"(printf("%d\n", *shared_int))"
                                       << "^prints 0$" << 2;
        QTest::newRow("6 child writes") << 5 << child << "*shared_int = 1664"
                                        << "^writes 1664$" << 2;
        QTest::newRow("7 child shmdt") << 6 << child << "shmdt(shared_int); exit(0)"
                                       << "^= 0, exit\\(0\\)$" << 1;
        QTest::newRow("8 wait") << 7 << parent << "wait(&status)"
                                << R"(^= \d+ \(exit status 0\)$)" << 1;
        QTest::newRow("9 parent reads") << 8 << parent << R"(printf("%d\n", *shared_int))"
                                        << "^prints 1664$" << 1;
        QTest::newRow("10 parent shmdt") << 9 << parent << "shmdt(shared_int)" << "^= 0" << -1;
    }

    // Each row on a fresh window: the steps before its own are played, then its own is clicked
    // (a row runs alone as well as after the others).
    void stepThrough()
    {
        QFETCH(int, step);
        QFETCH(QString, who);
        QFETCH(QString, call);
        QFETCH(QString, result);
        QFETCH(int, nattch);
        m_window = std::make_unique<DemoWindow>();
        m_window->show();
        for (int before = 0; before < step; ++before)
            QVERIFY(m_window->step());
        QCOMPARE(m_window->nextStep(), step);
        auto *button = m_window->findChild<QPushButton *>(QStringLiteral("stepButton"));
        QVERIFY(button && button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(m_window->nextStep(), step + 1);

        const QTableWidget *table = m_window->stepTable();
        QVERIFY2(table->item(step, LessonSteps::WhoColumn)->text().startsWith(who),
                 qPrintable(table->item(step, LessonSteps::WhoColumn)->text()));
        QCOMPARE(table->item(step, LessonSteps::CallColumn)->text(), call);
        const QString got = table->item(step, LessonSteps::ResultColumn)->text();
        QVERIFY2(QRegularExpression(result).match(got).hasMatch(), qPrintable(got));

        // The memory view holds the parent's attachment from step 2 to step 10.
        QCOMPARE(m_window->memoryView() != nullptr,
                 step >= DemoWindow::AttachStep && step < DemoWindow::ParentDetachStep);
        const int shmid = m_window->shmid();
        auto info = shm::statSegment(shmid);
        if (nattch < 0) {
            QVERIFY(!info.ok());
        } else {
            QVERIFY(info.ok());
            QCOMPARE(info->nattch, std::uint64_t(nattch));
            QCOMPARE(info->isMarkedForDestruction(), step >= DemoWindow::MarkStep);
        }
        if (step == DemoWindow::ChildWriteStep || step == DemoWindow::ParentReadStep) {
            QVERIFY(m_window->hasValue());
            QCOMPARE(m_window->value(), 1664);
            QCOMPARE(m_window->findChild<QLabel *>(QStringLiteral("value"))->text(),
                     QStringLiteral("1664"));
        }
        if (step == DemoWindow::ChildReadStep)
            QCOMPARE(m_window->value(), 0);
        if (step == DemoWindow::ParentDetachStep) {
            QVERIFY(!button->isEnabled());
            QVERIFY(m_window->pipeLog()->toPlainText().contains(QStringLiteral("pipe: read 0")));
            QVERIFY(m_window->pipeLog()->toPlainText().contains(QStringLiteral("pipe: wrote 1664")));
        }
        m_window.reset(); // reaps the child and removes the segment, checked in cleanup()
    }

    void runPlaysEverything()
    {
        DemoWindow window;
        window.show();
        QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("runButton")),
                          Qt::LeftButton);
        QVERIFY(window.isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(window.nextStep(), int(DemoWindow::StepCount), 30000);
        QVERIFY(!window.isRunning());
        QCOMPARE(window.stepTable()->item(DemoWindow::ParentReadStep, LessonSteps::ResultColumn)
                     ->text(),
                 QStringLiteral("prints 1664"));
    }

    void resetMidLessonReaps()
    {
        DemoWindow window;
        window.show();
        for (int i = 0; i <= DemoWindow::ChildReadStep; ++i)
            QVERIFY(window.step());
        const int shmid = window.shmid();
        const qint64 child = window.childPid();
        QVERIFY(child > 0);
        QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("resetButton")),
                          Qt::LeftButton);
        QCOMPARE(window.nextStep(), 0);
        QVERIFY(!demotest::processExists(pid_t(child)));
        QVERIFY(!shm::statSegment(shmid).ok());
    }

    void liveDeliversDistinctValues()
    {
        DemoWindow window;
        window.show();
        window.findChild<QSpinBox *>(QStringLiteral("rate"))->setValue(50);
        window.startLive();
        QVERIFY(window.isLive());
        const qint64 child = window.childPid();
        QVERIFY(child > 0);
        const int shmid = window.shmid();
        QCOMPARE(shm::statSegment(shmid)->nattch, std::uint64_t(2));
        QVERIFY(shm::statSegment(shmid)->isMarkedForDestruction());

        std::set<int> values;
        QTRY_VERIFY_WITH_TIMEOUT((values.insert(window.value()), values.size() >= 5), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(
            window.pipeLog()->toPlainText().contains(QStringLiteral(", wrote ")), 10000);

        // The parent writes; the child, only watching, reports what it sees.
        auto *source = window.findChild<QComboBox *>(QStringLiteral("source"));
        source->setCurrentIndex(source->findData(int(shm::LiveSource::WatchOnly)));
        window.findChild<QSpinBox *>(QStringLiteral("parentValue"))->setValue(31337);
        QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("parentWriteButton")),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            window.pipeLog()->toPlainText().contains(QStringLiteral("pipe: sees 31337")), 10000);

        // The child writes a typed value; the window shows it.
        source->setCurrentIndex(source->findData(int(shm::LiveSource::Value)));
        window.findChild<QSpinBox *>(QStringLiteral("childValue"))->setValue(-4242);
        QTRY_COMPARE_WITH_TIMEOUT(window.value(), -4242, 10000);

        QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("liveButton")),
                          Qt::LeftButton);
        QVERIFY(!window.isLive());
        QVERIFY(!demotest::processExists(pid_t(child)));
        QCOMPARE(shm::statSegment(shmid)->nattch, std::uint64_t(1)); // and back
        QVERIFY(window.pipeLog()->toPlainText().contains(QStringLiteral("exit status 0")));
        // The lesson cannot go on from a live session's state: Step waits for a Reset.
        QVERIFY(!window.findChild<QPushButton *>(QStringLiteral("stepButton"))->isEnabled());

        // Live again: a new child on the same segment.
        window.startLive();
        QVERIFY(window.childPid() > 0 && window.childPid() != child);
        QCOMPARE(window.shmid(), shmid);
        QCOMPARE(shm::statSegment(shmid)->nattch, std::uint64_t(2));
        window.stopLive();
    }

    void closingMidRunReaps()
    {
        auto window = std::make_unique<DemoWindow>();
        window->show();
        window->startLive();
        const qint64 child = window->childPid();
        const int shmid = window->shmid();
        QVERIFY(child > 0);
        window->close(); // hidden, not deleted: the child must be gone already
        QVERIFY(!demotest::processExists(pid_t(child)));
        QVERIFY(!shm::statSegment(shmid).ok());
        window.reset();
    }

    void destroyingMidLessonReaps()
    {
        int shmid = -1;
        qint64 child = 0;
        {
            DemoWindow window;
            for (int i = 0; i <= DemoWindow::ForkStep; ++i)
                QVERIFY(window.step());
            shmid = window.shmid();
            child = window.childPid();
            // Not marked yet (step 4 not played): the window must remove it itself.
            QVERIFY(!shm::statSegment(shmid)->isMarkedForDestruction());
        }
        QVERIFY(!demotest::processExists(pid_t(child)));
        QVERIFY(!shm::statSegment(shmid).ok());
    }

private:
    std::unique_ptr<DemoWindow> m_window;
    demotest::NothingLeft m_nothingLeft;
};

QTEST_MAIN(TestDemoWindow)
#include "tst_demowindow.moc"
