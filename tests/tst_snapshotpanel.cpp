// Snapshots and differences in the memory view: a snapshot taken from the view, then another
// process writes; Compare with Snapshot highlights exactly what it wrote in the hex view, lists
// the ranges with the bytes before and after, F7 / Shift+F7 go through them, Compare again sees
// a later write, and a file of another size is refused with a message.

#include "support/asuser.h"
#include "support/testsegment.h"
#include "ui/memory/hexview.h"
#include "ui/memory/memorytask.h"
#include "ui/memory/memoryview.h"
#include "ui/memory/snapshotpanel.h"

#include <QAction>
#include <QFile>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/shm.h>

using shm::ByteRange;

namespace {

// Waits for the task to finish (its `done` has run then).
bool finishes(MemoryTask *task)
{
    if (!task)
        return false;
    QPointer<MemoryTask> alive(task);
    QSignalSpy finished(task, &MemoryTask::finished);
    return finished.wait(60000) || !alive;
}

// Another process writes `bytes` at `offset`.
bool writeElsewhere(int shmid, std::uint64_t offset, const char *bytes)
{
    return shmtest::writeInAnotherProcess(shmid, offset, QByteArray(bytes)).isEmpty();
}

} // namespace

class TestSnapshotPanel : public QObject
{
    Q_OBJECT
private slots:
    void snapshotThenCompare()
    {
        const std::uint64_t size = std::uint64_t(4) << 20;
        shmtest::TestSegment segment(size, 0600, 0, SHM_NORESERVE);
        QVERIFY2(segment.isValid(), segment.error().c_str());
        QVERIFY(writeElsewhere(segment.shmid(), 100, "before"));
        auto attached = shm::Attachment::attach(segment.shmid());
        QVERIFY(attached);
        MemoryView view(std::move(attached.value()));
        view.setLivePaused(true);
        SnapshotTool *tool = view.snapshots();
        QVERIFY(tool);
        QSignalSpy messages(&view, &MemoryView::message);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("view.snap"));
        const std::uint64_t resident = shmtest::residentBytes(segment.shmid());
        QVERIFY(finishes(tool->snapshotTo(path, false)));
        QVERIFY2(messages.last().first().toString().contains(QLatin1String("Snapshot written")),
                 qPrintable(messages.last().first().toString()));
        QCOMPARE(QFile(path).size(), qint64(size));
        QCOMPARE(shmtest::residentBytes(segment.shmid()), resident);

        QVERIFY(writeElsewhere(segment.shmid(), 102, "FO"));
        QVERIFY(writeElsewhere(segment.shmid(), size - 3, "end"));
        QVERIFY(finishes(tool->compareWithFile(path)));
        const std::vector<ByteRange> expected = {{102, 2}, {size - 3, 3}};
        QCOMPARE(view.hexView()->differences(), expected);
        QVERIFY(view.hexView()->isDifference(103));
        QVERIFY(!view.hexView()->isDifference(104));
        DifferencesPanel *panel = tool->panel();
        QVERIFY(panel);
        QCOMPARE(panel->model()->rowCount(), 2);
        QCOMPARE(panel->model()->index(0, DifferenceModel::BeforeColumn).data().toString(),
                 QStringLiteral("66 6f"));
        QCOMPARE(panel->model()->index(0, DifferenceModel::AfterColumn).data().toString(),
                 QStringLiteral("46 4f"));
        QVERIFY2(panel->summary().contains(QLatin1String("view.snap")),
                 qPrintable(panel->summary()));
        QCOMPARE(shmtest::residentBytes(segment.shmid()), resident + 4096);

        // F7 / Shift+F7 through the view's actions.
        view.hexView()->setCursorOffset(0);
        view.action(MemoryView::ActionId::NextDifference)->trigger();
        QCOMPARE(view.hexView()->cursorOffset(), quint64(102));
        QCOMPARE(view.hexView()->selectionLength(), quint64(2));
        view.action(MemoryView::ActionId::NextDifference)->trigger();
        QCOMPARE(view.hexView()->cursorOffset(), size - 3);
        QVERIFY(!tool->goToNextDifference());
        view.action(MemoryView::ActionId::PreviousDifference)->trigger();
        QCOMPARE(view.hexView()->cursorOffset(), quint64(102));
        QVERIFY(!tool->goToPreviousDifference());

        // A later write is seen by Compare again.
        QVERIFY(writeElsewhere(segment.shmid(), 5000, "x"));
        QVERIFY(panel->compareAgainButton()->isEnabled());
        panel->compareAgainButton()->click();
        QVERIFY(finishes(view.currentTask()));
        QCOMPARE(view.hexView()->differences().size(), std::size_t(3));
        QCOMPARE(tool->result().changedBytes, std::uint64_t(6));

        // Two snapshots: the second taken now.
        const QString later = dir.filePath(QStringLiteral("later.snap"));
        QVERIFY(finishes(tool->snapshotTo(later, false)));
        QVERIFY(finishes(tool->compareFiles(path, later)));
        QCOMPARE(tool->result().ranges.size(), std::size_t(3));
        QVERIFY(!panel->compareAgainButton()->isEnabled());

        tool->clear();
        QVERIFY(view.hexView()->differences().empty());
        QCOMPARE(panel->model()->rowCount(), 0);
    }

    void selectionSnapshotAndRefusals()
    {
        shmtest::TestSegment segment(65536);
        QVERIFY(segment.isValid());
        QVERIFY(writeElsewhere(segment.shmid(), 10, "abcdef"));
        auto attached = shm::Attachment::attach(segment.shmid());
        QVERIFY(attached);
        MemoryView view(std::move(attached.value()));
        view.setLivePaused(true);
        SnapshotTool *tool = view.snapshots();
        QSignalSpy messages(&view, &MemoryView::message);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("selection.snap"));

        QVERIFY(!tool->snapshotTo(path, true)); // nothing selected
        QVERIFY(messages.last().first().toString().contains(QLatin1String("Select")));
        view.hexView()->setSelection(8, 8);
        QVERIFY(finishes(tool->snapshotTo(path, true)));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("\0\0abcdef", 8));
        file.close();

        // Compared with the selection it was taken of.
        QVERIFY(writeElsewhere(segment.shmid(), 12, "C"));
        QVERIFY(finishes(tool->compareWithFile(path)));
        QCOMPARE(view.hexView()->differences(), (std::vector<ByteRange> {{12, 1}}));

        // Not the segment's size, nor the selection's: refused with a message.
        view.hexView()->clearSelection();
        QVERIFY(!tool->compareWithFile(path));
        QVERIFY2(messages.last().first().toString().contains(QLatin1String("65,536"))
                     || messages.last().first().toString().contains(QLatin1String("65536")),
                 qPrintable(messages.last().first().toString()));
        QVERIFY(!tool->compareWithFile(dir.filePath(QStringLiteral("missing"))));
    }
};

QTEST_MAIN(TestSnapshotPanel)
#include "tst_snapshotpanel.moc"
