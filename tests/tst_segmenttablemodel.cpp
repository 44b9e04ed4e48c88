// SegmentTableModel: the sorted merge (inserts, removes, changes, mixtures), no reset ever, no
// signal when nothing changed, persistent indexes kept; and the same on real segments.

#include "support/testsegment.h"
#include "ui/browser/segmentdetailswidget.h"
#include "ui/browser/segmenttablemodel.h"

#include "core/language.h"
#include "core/segmentcontrol.h"
#include "core/segmentinfo.h"
#include "core/segmentlist.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QLocale>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "core/attachers.h"

#include <cerrno>
#include <clocale>
#include <csignal>
#include <cstring>
#include <cstdio>
#include <cstdlib>
#include <locale>
#include <memory>
#include <sys/shm.h>
#include <unistd.h>

using shm::SegmentInfo;

namespace {

// "1:10 2:20 5:50*" -> shmid 1 size 10, ...; a trailing * sets the dest bit.
std::vector<SegmentInfo> parseSpec(const QString &spec)
{
    std::vector<SegmentInfo> out;
    for (const QString &item : spec.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        QString text = item;
        SegmentInfo info;
        if (text.endsWith(QLatin1Char('*'))) {
            info.mode |= shm::ModeDestBit;
            text.chop(1);
        }
        const QStringList parts = text.split(QLatin1Char(':'));
        info.shmid = parts.value(0).toInt();
        info.size = parts.value(1, QStringLiteral("4096")).toULongLong();
        info.key = 0x1000 + info.shmid;
        info.mode |= 0600;
        info.ctime = 1700000000;
        out.push_back(info);
    }
    return out;
}

// Every signal a model can emit; none may fire on an unchanged refresh.
struct AllSignals
{
    explicit AllSignals(QAbstractItemModel *model)
    {
        const char *names[] = {
            SIGNAL(dataChanged(QModelIndex, QModelIndex, QList<int>)),
            SIGNAL(headerDataChanged(Qt::Orientation, int, int)),
            SIGNAL(layoutAboutToBeChanged(QList<QPersistentModelIndex>,
                                          QAbstractItemModel::LayoutChangeHint)),
            SIGNAL(layoutChanged(QList<QPersistentModelIndex>,
                                 QAbstractItemModel::LayoutChangeHint)),
            SIGNAL(rowsAboutToBeInserted(QModelIndex, int, int)),
            SIGNAL(rowsInserted(QModelIndex, int, int)),
            SIGNAL(rowsAboutToBeRemoved(QModelIndex, int, int)),
            SIGNAL(rowsRemoved(QModelIndex, int, int)),
            SIGNAL(rowsMoved(QModelIndex, int, int, QModelIndex, int)),
            SIGNAL(columnsInserted(QModelIndex, int, int)),
            SIGNAL(columnsRemoved(QModelIndex, int, int)),
            SIGNAL(modelAboutToBeReset()),
            SIGNAL(modelReset()),
        };
        for (const char *name : names)
            spies.push_back(std::make_unique<QSignalSpy>(model, name));
    }
    int total() const
    {
        int n = 0;
        for (const auto &spy : spies)
            n += int(spy->count());
        return n;
    }
    std::vector<std::unique_ptr<QSignalSpy>> spies;
};

} // namespace

class TestSegmentTableModel : public QObject
{
    Q_OBJECT
private slots:
    void merge_data();
    void merge();
    void unchangedRefreshEmitsNothing();
    void persistentIndexFollowsItsSegment();
    void changedRowsAreHighlighted();
    void roles();
    void realSegments();
    void exitedProcessSaysSoInTableAndDetails();
    void sizesFollowTheLanguageNotTheLocale();
};

void TestSegmentTableModel::merge_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<int>("inserted");
    QTest::addColumn<int>("removed");
    QTest::addColumn<int>("changed");

    QTest::newRow("empty stays empty") << "" << "" << 0 << 0 << 0;
    QTest::newRow("first fill") << "" << "1 2 3" << 3 << 0 << 0;
    QTest::newRow("unchanged") << "1 2 3" << "1 2 3" << 0 << 0 << 0;
    QTest::newRow("insert at start") << "5 6" << "1 5 6" << 1 << 0 << 0;
    QTest::newRow("insert run in middle") << "1 9" << "1 3 4 5 9" << 3 << 0 << 0;
    QTest::newRow("insert at end") << "1 2" << "1 2 3 4" << 2 << 0 << 0;
    QTest::newRow("remove first") << "1 2 3" << "2 3" << 0 << 1 << 0;
    QTest::newRow("remove run in middle") << "1 2 3 4 5" << "1 5" << 0 << 3 << 0;
    QTest::newRow("remove last") << "1 2 3" << "1 2" << 0 << 1 << 0;
    QTest::newRow("remove all") << "1 2 3" << "" << 0 << 3 << 0;
    QTest::newRow("change one size") << "1 2 3" << "1 2:99 3" << 0 << 0 << 1;
    QTest::newRow("change run") << "1 2 3 4" << "1 2:7 3:8 4" << 0 << 0 << 2;
    QTest::newRow("marked for destruction") << "1 2" << "1 2*" << 0 << 0 << 1;
    QTest::newRow("insert, remove and change mixed")
        << "1 3 5 7 9" << "2 3:33 5 8 9:99 10" << 3 << 2 << 2;
    QTest::newRow("disjoint sets") << "1 2 3" << "4 5 6" << 3 << 3 << 0;
    QTest::newRow("interleaved") << "1 3 5" << "2 4 6" << 3 << 3 << 0;
    QTest::newRow("unsorted listing is sorted first") << "1 2 3" << "4 3 1:5" << 1 << 1 << 1;
}

void TestSegmentTableModel::merge()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(int, inserted);
    QFETCH(int, removed);
    QFETCH(int, changed);

    SegmentTableModel model;
    model.setHighlightDuration(0);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.merge(parseSpec(before));

    AllSignals all(&model);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy dataChanged(&model, &QAbstractItemModel::dataChanged);
    const auto next = parseSpec(after);
    const auto stats = model.merge(next);

    QCOMPARE(stats.inserted, inserted);
    QCOMPARE(stats.removed, removed);
    QCOMPARE(stats.changed, changed);
    QCOMPARE(resets.count(), 0);
    if (inserted + removed + changed == 0)
        QCOMPARE(all.total(), 0);
    // Each changed row is covered by some dataChanged.
    int coveredRows = 0;
    for (const auto &args : dataChanged)
        coveredRows += args.at(1).toModelIndex().row() - args.at(0).toModelIndex().row() + 1;
    QCOMPARE(coveredRows, changed);

    auto expected = next;
    std::sort(expected.begin(), expected.end(),
              [](const SegmentInfo &a, const SegmentInfo &b) { return a.shmid < b.shmid; });
    QCOMPARE(model.rowCount(), int(expected.size()));
    QVERIFY(model.segments() == expected);
    for (int row = 0; row < model.rowCount(); ++row) {
        QCOMPARE(model.index(row, SegmentTableModel::ShmidColumn).data().toInt(),
                 expected[size_t(row)].shmid);
        QCOMPARE(model.index(row, SegmentTableModel::SizeColumn)
                     .data(SegmentTableModel::SortRole)
                     .toULongLong(),
                 expected[size_t(row)].size);
        QCOMPARE(model.rowOfShmid(expected[size_t(row)].shmid), row);
    }
}

void TestSegmentTableModel::unchangedRefreshEmitsNothing()
{
    SegmentTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QString spec;
    for (int i = 0; i < 4000; ++i)
        spec += QStringLiteral("%1:%2 ").arg(i * 7 + 3).arg(4096 + i);
    const auto listing = parseSpec(spec);
    model.merge(listing);
    QCOMPARE(model.rowCount(), 4000);

    AllSignals all(&model);
    const auto copy = listing; // a fresh listing with the same values
    const auto stats = model.merge(copy);
    QCOMPARE(stats.total(), 0);
    QCOMPARE(all.total(), 0);
}

void TestSegmentTableModel::persistentIndexFollowsItsSegment()
{
    SegmentTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.merge(parseSpec("10 20 30 40"));
    QPersistentModelIndex thirty(model.index(model.rowOfShmid(30), 0));
    QPersistentModelIndex forty(model.index(model.rowOfShmid(40), 0));
    model.merge(parseSpec("1 2 3 20 30:5 35 40*"));
    QVERIFY(thirty.isValid());
    QCOMPARE(thirty.data(SegmentTableModel::ShmidRole).toInt(), 30);
    QCOMPARE(thirty.row(), 4);
    QCOMPARE(forty.data(SegmentTableModel::ShmidRole).toInt(), 40);
    model.merge(parseSpec("1 2 3 20"));
    QVERIFY(!thirty.isValid());
    QVERIFY(!forty.isValid());
}

void TestSegmentTableModel::changedRowsAreHighlighted()
{
    SegmentTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setHighlightDuration(60000);
    model.merge(parseSpec("1 2 3"));
    // The first fill is not news.
    for (int row = 0; row < 3; ++row)
        QVERIFY(!model.index(row, 0).data(SegmentTableModel::HighlightedRole).toBool());
    model.merge(parseSpec("1 2:77 3 4"));
    QVERIFY(!model.index(0, 0).data(SegmentTableModel::HighlightedRole).toBool());
    QVERIFY(model.index(1, 0).data(SegmentTableModel::HighlightedRole).toBool());
    QVERIFY(!model.index(2, 0).data(SegmentTableModel::HighlightedRole).toBool());
    QVERIFY(model.index(3, 0).data(SegmentTableModel::HighlightedRole).toBool());
    QVERIFY(model.index(3, 0).data(Qt::BackgroundRole).isValid());
    QVERIFY(!model.index(0, 0).data(Qt::BackgroundRole).isValid());
}

void TestSegmentTableModel::roles()
{
    SegmentTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    SegmentInfo info;
    info.shmid = 32769;
    info.key = 0x162e;
    info.mode = 0640 | shm::ModeDestBit | shm::ModeLockedBit;
    info.size = 1536;
    info.atime = 0;
    info.ctime = 1700000000;
    info.nattch = 2;
    model.merge({info});
    const auto at = [&](int column, int role = Qt::DisplayRole) {
        return model.index(0, column).data(role);
    };
    QCOMPARE(at(SegmentTableModel::KeyColumn).toString(), QStringLiteral("0x0000162e"));
    QCOMPARE(at(SegmentTableModel::KeyColumn, SegmentTableModel::SortRole).toULongLong(),
             0x162eULL);
    QCOMPARE(at(SegmentTableModel::PermsColumn).toString(), QStringLiteral("rw-r----- 0640"));
    QCOMPARE(at(SegmentTableModel::SizeColumn).toString(), QString::fromStdString(shm::humanSize(1536)));
    QVERIFY(at(SegmentTableModel::SizeColumn, Qt::ToolTipRole).toString().contains(QStringLiteral("bytes")));
    QCOMPARE(at(SegmentTableModel::StatusColumn).toString(), QStringLiteral("dest, locked"));
    QCOMPARE(at(SegmentTableModel::AttachTimeColumn).toString(), QStringLiteral("never"));
    QCOMPARE(at(SegmentTableModel::ChangeTimeColumn, SegmentTableModel::SortRole).toLongLong(),
             1700000000LL);
    QCOMPARE(at(SegmentTableModel::NattchColumn, SegmentTableModel::SortRole).toULongLong(), 2ULL);
    QCOMPARE(at(SegmentTableModel::OwnerColumn).toString(), QStringLiteral("root"));
    QCOMPARE(model.headerData(SegmentTableModel::ShmidColumn, Qt::Horizontal).toString(),
             QStringLiteral("shmid"));
    QVERIFY(!model.index(0, 0).data(SegmentTableModel::SearchTextRole).toString().isEmpty());
}

void TestSegmentTableModel::realSegments()
{
    SegmentTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    shmtest::TestSegment a(4096, 0600);
    shmtest::TestSegment b(8192, 0640, shmtest::unusedKey());
    QVERIFY2(a.isValid(), a.error().c_str());
    QVERIFY2(b.isValid(), b.error().c_str());

    auto listing = shm::listSegments();
    QVERIFY(listing.ok());
    model.merge(*listing);
    const int rowB = model.rowOfShmid(b.shmid());
    QVERIFY(model.rowOfShmid(a.shmid()) >= 0);
    QVERIFY(rowB >= 0);
    QCOMPARE(model.segmentAt(rowB).key, b.key());
    QCOMPARE(model.segmentAt(rowB).size, 8192u);

    // A change made by the kernel shows as dataChanged on that row, without a reset.
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(shm::setMode(b.shmid(), 0644).ok());
    listing = shm::listSegments();
    QVERIFY(listing.ok());
    model.merge(*listing);
    QCOMPARE(resets.count(), 0);
    bool sawB = false;
    for (const auto &args : changed) {
        const int first = args.at(0).toModelIndex().row(), last = args.at(1).toModelIndex().row();
        sawB = sawB || (first <= model.rowOfShmid(b.shmid()) && model.rowOfShmid(b.shmid()) <= last);
    }
    QVERIFY(sawB);
    QCOMPARE(model.segmentAt(model.rowOfShmid(b.shmid())).perms(), 0644u);

    // Removed behind the model's back: the row goes at the next merge.
    const int idA = a.shmid();
    QVERIFY(shm::removeSegment(idA).ok());
    listing = shm::listSegments();
    QVERIFY(listing.ok());
    model.merge(*listing);
    QCOMPARE(model.rowOfShmid(idA), -1);
    QCOMPARE(resets.count(), 0);
}

// A process that created a segment and exited: the Creator cell says "(exited)" at the next
// merge (the name is not kept from the cache), although the kernel's row did not change, and
// the details panel says the same words.
void TestSegmentTableModel::exitedProcessSaysSoInTableAndDetails()
{
    const key_t key = shmtest::unusedKey();
    shmtest::ChildProcess child([key] { shmget(key, 4096, IPC_CREAT | IPC_EXCL | 0600); });
    QVERIFY(child.waitReady());
    const int shmid = shmget(key, 0, 0);
    QVERIFY2(shmid >= 0, std::strerror(errno));
    auto removeIt = qScopeGuard([shmid] { shmctl(shmid, IPC_RMID, nullptr); });
    const pid_t pid = child.pid();

    SegmentTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    SegmentDetailsWidget details(&model);
    const auto check = [&](const QString &expected) {
        auto listing = shm::listSegments();
        QVERIFY(listing.ok());
        model.merge(*listing);
        const int row = model.rowOfShmid(shmid);
        QVERIFY(row >= 0);
        QCOMPARE(model.segmentAt(row).cpid, pid);
        const QString cell = model.index(row, SegmentTableModel::CreatorPidColumn).data().toString();
        QCOMPARE(cell, expected);
        details.setSegment(model.segmentAt(row));
        QCOMPARE(details.fieldText(SegmentDetailsWidget::CreatorPidField), cell);
    };
    const QString name = QString::fromStdString(shm::processName(pid));
    QVERIFY(!name.isEmpty());
    check(QStringLiteral("%1 (%2)").arg(pid).arg(name));

    child.stop(); // killed and reaped
    QVERIFY(kill(pid, 0) != 0);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    check(QStringLiteral("%1 (exited)").arg(pid));
    // The kernel's row is the same: the view is told by the model that the name went.
    const int row = model.rowOfShmid(shmid);
    bool told = false;
    for (const auto &args : changed) {
        told = told || (args.at(0).toModelIndex().row() <= row && row <= args.at(1).toModelIndex().row()
                        && args.at(0).toModelIndex().column() <= SegmentTableModel::CreatorPidColumn
                        && SegmentTableModel::CreatorPidColumn <= args.at(1).toModelIndex().column());
    }
    QVERIFY(told);
    QCOMPARE(details.fieldText(SegmentDetailsWidget::LastPidField), QStringLiteral("none"));
}

namespace {

// Numbers written with a decimal comma, as a French std::locale would.
struct CommaNumpunct : std::numpunct<char>
{
    char do_decimal_point() const override { return ','; }
};

// Puts LC_NUMERIC on a French locale for the life of the object: an installed one, else one
// compiled with localedef into a temporary directory (LOCPATH), so nothing on the machine
// changes. `problem` says why not when it cannot.
class FrenchNumbers
{
public:
    FrenchNumbers()
    {
        const char *previous = std::setlocale(LC_NUMERIC, nullptr);
        m_previous = previous ? previous : "C";
        if (use())
            return;
        if (!m_dir.isValid()) {
            m_problem = "no temporary directory for a French locale";
            return;
        }
        QProcess localedef;
        localedef.start(QStringLiteral("localedef"),
                        {QStringLiteral("-i"), QStringLiteral("fr_FR"), QStringLiteral("-f"),
                         QStringLiteral("UTF-8"), m_dir.filePath(QStringLiteral("fr_FR.UTF-8"))});
        if (!localedef.waitForFinished(60000) || localedef.exitCode() != 0) {
            m_problem = "no fr_FR locale installed, and localedef cannot make one ("
                + localedef.errorString().toStdString() + ")";
            return;
        }
        m_oldLocPath = qEnvironmentVariable("LOCPATH");
        m_setLocPath = true;
        qputenv("LOCPATH", QFile::encodeName(m_dir.path()));
        if (!use())
            m_problem = "the French locale made by localedef does not load";
    }
    ~FrenchNumbers()
    {
        std::setlocale(LC_NUMERIC, m_previous.c_str());
        if (m_setLocPath && m_oldLocPath.isEmpty())
            qunsetenv("LOCPATH");
        else if (m_setLocPath)
            qputenv("LOCPATH", QFile::encodeName(m_oldLocPath));
    }
    const std::string &problem() const { return m_problem; }

private:
    bool use()
    {
        for (const char *name : {"fr_FR.UTF-8", "fr_FR.utf8", "fr_FR"}) {
            if (std::setlocale(LC_NUMERIC, name)) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "%.1f", 1.5);
                if (std::string(buffer) == "1,5") {
                    m_problem.clear();
                    return true;
                }
            }
        }
        return false;
    }

    QTemporaryDir m_dir;
    std::string m_previous;
    std::string m_problem = "no French locale";
    QString m_oldLocPath;
    bool m_setLocPath = false;
};

} // namespace

// The size column is in the program's language (shm::displayLanguage, which shmscope-gui sets
// from --lang or the locale's messages), whatever LC_NUMERIC, the C++ locale and Qt's default
// locale say: --lang en on a French system writes 1.5 KiB, never 1,5 KiB.
void TestSegmentTableModel::sizesFollowTheLanguageNotTheLocale()
{
    const FrenchNumbers numbers;
    if (!numbers.problem().empty())
        QSKIP(numbers.problem().c_str());
    const std::locale previousCpp = std::locale::global(
        std::locale(std::locale::classic(), new CommaNumpunct));
    const QLocale previousQt;
    QLocale::setDefault(QLocale(QLocale::French, QLocale::France));

    struct Row
    {
        shm::Language language;
        std::uint64_t bytes;
        const char *text;
    };
    const Row rows[] = {
        {shm::Language::English, 1536, "1.5 KiB"},     {shm::Language::English, 512, "512 B"},
        {shm::Language::English, 3145728, "3 MiB"},    {shm::Language::French, 1536, "1,5 Kio"},
        {shm::Language::French, 512, "512 o"},         {shm::Language::French, 2684354560, "2,5 Gio"},
    };
    QStringList wrong;
    for (const Row &row : rows) {
        shm::setDisplayLanguage(row.language);
        SegmentTableModel model;
        SegmentInfo info;
        info.shmid = 7;
        info.size = row.bytes;
        model.merge({info});
        const QString shown = model.index(0, SegmentTableModel::SizeColumn).data().toString();
        if (shown != QLatin1String(row.text))
            wrong << QStringLiteral("%1 bytes in %2: %3, not %4")
                         .arg(row.bytes)
                         .arg(QLatin1String(shm::languageCode(row.language)), shown,
                              QLatin1String(row.text));
    }
    shm::setDisplayLanguage(shm::Language::English);
    QLocale::setDefault(previousQt);
    std::locale::global(previousCpp);
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));
}

QTEST_MAIN(TestSegmentTableModel)
#include "tst_segmenttablemodel.moc"
