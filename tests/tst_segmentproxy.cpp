// SegmentFilterProxy: numeric sorting per column (never text order), and the filter over key,
// shmid, owner, numbers behind names and any column text.

#include "ui/browser/segmentfilterproxy.h"
#include "ui/browser/segmenttablemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using shm::SegmentInfo;

namespace {

SegmentInfo segment(int shmid, std::uint64_t size, std::int32_t key, std::uint64_t nattch,
                    std::int64_t ctime, unsigned mode = 0600, uid_t uid = 0)
{
    SegmentInfo s;
    s.shmid = shmid;
    s.size = size;
    s.key = key;
    s.nattch = nattch;
    s.ctime = ctime;
    s.mode = mode;
    s.uid = s.cuid = uid;
    s.gid = s.cgid = gid_t(uid);
    return s;
}

// Values chosen so text order and numeric order differ.
std::vector<SegmentInfo> sample()
{
    return {
        segment(9, 100, 0x20, 10, 900, 0600),
        segment(10, 9, 0x3, 2, 1000, 0644, 65534),
        segment(100, 20, 0x100, 1, 99, 0666),
        segment(32768, 1048576, std::int32_t(0xfedcba98), 0, 5, 0640 | shm::ModeDestBit),
    };
}

QList<int> shmidsInOrder(const QAbstractItemModel &proxy)
{
    QList<int> ids;
    for (int row = 0; row < proxy.rowCount(); ++row)
        ids << proxy.index(row, 0).data(SegmentTableModel::ShmidRole).toInt();
    return ids;
}

} // namespace

class TestSegmentProxy : public QObject
{
    Q_OBJECT
private slots:
    void sort_data();
    void sort();
    void filter_data();
    void filter();
    void sortAndFilterFollowMerges();
};

void TestSegmentProxy::sort_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QList<int>>("ascending");

    QTest::newRow("shmid numerically, not 10 < 100 < 9") << int(SegmentTableModel::ShmidColumn)
                                                         << QList<int>{9, 10, 100, 32768};
    QTest::newRow("size in bytes, not human text") << int(SegmentTableModel::SizeColumn)
                                                  << QList<int>{10, 100, 9, 32768};
    QTest::newRow("key as unsigned 32 bits") << int(SegmentTableModel::KeyColumn)
                                            << QList<int>{10, 9, 100, 32768};
    QTest::newRow("nattch") << int(SegmentTableModel::NattchColumn)
                            << QList<int>{32768, 100, 10, 9};
    QTest::newRow("change time") << int(SegmentTableModel::ChangeTimeColumn)
                                 << QList<int>{32768, 100, 9, 10};
    QTest::newRow("perms by octal value") << int(SegmentTableModel::PermsColumn)
                                          << QList<int>{9, 32768, 10, 100};
    QTest::newRow("status: plain before dest") << int(SegmentTableModel::StatusColumn)
                                               << QList<int>{9, 10, 100, 32768};
}

void TestSegmentProxy::sort()
{
    QFETCH(int, column);
    QFETCH(QList<int>, ascending);
    SegmentTableModel model;
    SegmentFilterProxy proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    model.merge(sample());
    proxy.sort(column, Qt::AscendingOrder);
    QCOMPARE(shmidsInOrder(proxy), ascending);
    proxy.sort(column, Qt::DescendingOrder);
    QList<int> descending(ascending.rbegin(), ascending.rend());
    QCOMPARE(shmidsInOrder(proxy), descending);
}

void TestSegmentProxy::filter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<int>>("shown");

    QTest::newRow("empty shows all") << "" << QList<int>{9, 10, 100, 32768};
    QTest::newRow("key as shown in hex") << "0x00000100" << QList<int>{100};
    QTest::newRow("key hex without padding") << "fedcba98" << QList<int>{32768};
    QTest::newRow("key in upper case") << "0XFEDCBA98" << QList<int>{32768};
    QTest::newRow("shmid") << "32768" << QList<int>{32768};
    QTest::newRow("owner name") << "root" << QList<int>{9, 100, 32768};
    QTest::newRow("uid number behind the name") << "65534" << QList<int>{10};
    QTest::newRow("perms text") << "rw-rw-rw-" << QList<int>{100};
    QTest::newRow("octal perms") << "0644" << QList<int>{10};
    QTest::newRow("status column text") << "dest" << QList<int>{32768};
    QTest::newRow("exact size in bytes") << "1048576" << QList<int>{32768};
    QTest::newRow("two words must both match") << "root 0666" << QList<int>{100};
    QTest::newRow("surrounding spaces ignored") << "  dest  " << QList<int>{32768};
    QTest::newRow("nothing matches") << "no-such-thing" << QList<int>{};
}

void TestSegmentProxy::filter()
{
    QFETCH(QString, text);
    QFETCH(QList<int>, shown);
    SegmentTableModel model;
    SegmentFilterProxy proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    proxy.sort(SegmentTableModel::ShmidColumn, Qt::AscendingOrder);
    model.merge(sample());
    proxy.setFilterText(text);
    QCOMPARE(shmidsInOrder(proxy), shown);
}

void TestSegmentProxy::sortAndFilterFollowMerges()
{
    SegmentTableModel model;
    model.setHighlightDuration(0);
    SegmentFilterProxy proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    proxy.sort(SegmentTableModel::SizeColumn, Qt::AscendingOrder);
    proxy.setFilterText(QStringLiteral("root"));
    model.merge(sample());
    QCOMPARE(shmidsInOrder(proxy), (QList<int>{100, 9, 32768}));

    QSignalSpy resets(&proxy, &QAbstractItemModel::modelReset);
    auto next = sample();
    next[0].size = 5000000; // shmid 9 grows: moves to the end
    next[1].uid = 0;        // shmid 10 now owned by root: appears
    next.push_back(segment(40000, 1, 0x7, 0, 1)); // new and smallest
    model.merge(next);
    QCOMPARE(shmidsInOrder(proxy), (QList<int>{40000, 10, 100, 32768, 9}));
    QCOMPARE(resets.count(), 0);
}

QTEST_MAIN(TestSegmentProxy)
#include "tst_segmentproxy.moc"
