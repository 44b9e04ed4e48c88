// The command line: `shmscope --list [--json]` agrees with the kernel; bad options and values
// give a message on stderr and a non-zero exit.

#include "core/attachment.h"
#include "core/segmentcontrol.h"
#include "core/segmentlist.h"
#include "support/testsegment.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <grp.h>
#include <pwd.h>
#include <sys/shm.h>

using namespace shmtest;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runProgram(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    Run run;
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

QString binary()
{
    return qEnvironmentVariable("SHMSCOPE_BINARY");
}

Run shmscope(const QStringList &arguments)
{
    return runProgram(binary(), arguments);
}

QString isoOrNull(qint64 t)
{
    return t == 0 ? QString() : QDateTime::fromSecsSinceEpoch(t, Qt::UTC).toString(Qt::ISODate);
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(!binary().isEmpty(), "SHMSCOPE_BINARY is not set");
    }

    void jsonAgreesWithKernel()
    {
        TestSegment plain(1234, 0640, unusedKey());
        TestSegment dest(4096, 0600);
        TestSegment chowned(8192, 0604);
        QVERIFY(plain.isValid() && dest.isValid() && chowned.isValid());
        auto attached = shm::Attachment::attach(dest.shmid(), shm::Access::ReadWrite);
        QVERIFY(attached.ok());
        attached->writableData()[0] = std::byte{1};
        QVERIFY(shm::removeSegment(dest.shmid()).ok());
        QVERIFY(shm::setOwner(chowned.shmid(), 12345, 54321).ok()); // ids without names

        const Run run = shmscope({"--list", "--json"});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.err.isEmpty());
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(run.out, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QVERIFY(document.isObject());
        QCOMPARE(document.object().keys(), QStringList{"segments"});
        const QJsonArray segments = document.object().value("segments").toArray();

        auto kernel = shm::listSegmentsFromProc();
        QVERIFY(kernel.ok());
        int checked = 0;
        for (const QJsonValue &value : segments) {
            const QJsonObject o = value.toObject();
            const int shmid = o.value("shmid").toInt(-1);
            if (shmid != plain.shmid() && shmid != dest.shmid() && shmid != chowned.shmid())
                continue;
            ++checked;
            auto it = std::find_if(kernel->begin(), kernel->end(),
                                   [&](const shm::SegmentInfo &s) { return s.shmid == shmid; });
            QVERIFY(it != kernel->end());
            const shm::SegmentInfo &k = *it;
            QCOMPARE(o.value("key").toString(), QString::asprintf("0x%08x", uint(k.key)));
            QCOMPARE(o.value("size").toInteger(), qint64(k.size));
            QCOMPARE(o.value("nattch").toInteger(), qint64(k.nattch));
            QCOMPARE(o.value("uid").toInteger(), qint64(k.uid));
            QCOMPARE(o.value("gid").toInteger(), qint64(k.gid));
            QCOMPARE(o.value("cuid").toInteger(), qint64(k.cuid));
            QCOMPARE(o.value("cgid").toInteger(), qint64(k.cgid));
            QCOMPARE(o.value("cpid").toInteger(), qint64(k.cpid));
            QCOMPARE(o.value("lpid").toInteger(), qint64(k.lpid));
            QCOMPARE(o.value("rss").toInteger(), qint64(k.rss));
            QCOMPARE(o.value("swap").toInteger(), qint64(k.swap));
            QCOMPARE(o.value("perms").toString(), QString::asprintf("%04o", k.mode & 0777));
            QJsonArray status;
            if (k.isMarkedForDestruction())
                status.append("dest");
            if (k.isLocked())
                status.append("locked");
            QCOMPARE(o.value("status").toArray(), status);
            const passwd *pw = getpwuid(k.uid);
            const group *gr = getgrgid(k.gid);
            QCOMPARE(o.value("owner").toString(),
                     pw ? QString::fromLocal8Bit(pw->pw_name) : QString::number(k.uid));
            QCOMPARE(o.value("group").toString(),
                     gr ? QString::fromLocal8Bit(gr->gr_name) : QString::number(k.gid));
            QCOMPARE(o.value("atime").toString(), isoOrNull(k.atime));
            QCOMPARE(o.value("atime").isNull(), k.atime == 0);
            QCOMPARE(o.value("dtime").isNull(), k.dtime == 0);
            QCOMPARE(o.value("ctime").toString(), isoOrNull(k.ctime));
            if (shmid == dest.shmid()) {
                QCOMPARE(status, QJsonArray{"dest"});
                QCOMPARE(o.value("key").toString(), QString("0x00000000"));
                QCOMPARE(o.value("nattch").toInt(), 1);
                QVERIFY(o.value("rss").toInteger() >= 4096);
            }
            if (shmid == chowned.shmid()) {
                QCOMPARE(o.value("owner").toString(), QString("12345"));
                QCOMPARE(o.value("group").toString(), QString("54321"));
                QCOMPARE(o.value("cuid").toInteger(), qint64(geteuid()));
            }
            if (shmid == plain.shmid())
                QVERIFY(o.value("atime").isNull());
        }
        QCOMPARE(checked, 3);
    }

    void emptyListingInFreshIpcNamespace()
    {
        const Run run = runProgram("unshare", {"--ipc", binary(), "--list", "--json"});
        if (run.exitCode != 0 && run.err.contains("unshare"))
            QSKIP("cannot make an IPC namespace here");
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QByteArray("{\"segments\": []}\n"));
        const Run table = runProgram("unshare", {"--ipc", binary(), "--list"});
        QCOMPARE(table.exitCode, 0);
        QCOMPARE(table.out.count('\n'), 1); // the header only
    }

    void tableLikeIpcs()
    {
        TestSegment segment(4321, 0640, unusedKey());
        const Run run = shmscope({"--list"});
        QCOMPARE(run.exitCode, 0);
        const QList<QByteArray> lines = run.out.split('\n');
        QVERIFY(lines.first().startsWith("key"));
        for (const char *column : {"shmid", "owner", "perms", "bytes", "nattch", "status"})
            QVERIFY(lines.first().contains(column));
        const QByteArray key = QString::asprintf("0x%08x", uint(segment.key())).toLatin1();
        bool found = false;
        for (const QByteArray &line : lines) {
            if (!line.startsWith(key))
                continue;
            found = true;
            const QList<QByteArray> fields = line.simplified().split(' ');
            QCOMPARE(fields.value(1), QByteArray::number(segment.shmid()));
            QCOMPARE(fields.value(3), QByteArray("0640"));
            QCOMPARE(fields.value(4), QByteArray("4321"));
            QCOMPARE(fields.value(5), QByteArray("0"));
        }
        QVERIFY(found);
    }

    void helpAndVersion()
    {
        const Run help = shmscope({"--help"});
        QCOMPARE(help.exitCode, 0);
        for (const char *option : {"--list", "--json", "--open", "--select", "--demo"})
            QVERIFY2(help.out.contains(option), option);
        const Run version = shmscope({"--version"});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith("shmscope "));
    }

    void badOptions_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown option") << QStringList{"--list", "--bogus"} << "bogus";
        QTest::newRow("json without list") << QStringList{"--json"} << "--json goes with --list";
        QTest::newRow("stray argument") << QStringList{"--list", "extra"} << "unexpected argument";
        QTest::newRow("select not a number") << QStringList{"--select", "abc"} << "not valid";
        QTest::newRow("select missing value") << QStringList{"--select"} << "select";
        QTest::newRow("open negative") << QStringList{"--open", "-3"} << "not valid";
        QTest::newRow("open vanished id") << QStringList{"--open", "2147480000"}
                                          << "no segment with this id";
        QTest::newRow("read-write without open") << QStringList{"--read-write"}
                                                 << "--read-write goes with --open";
    }
    void badOptions()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Run run = shmscope(arguments);
        QVERIFY(run.exitCode != 0);
        QVERIFY2(QString::fromLocal8Bit(run.err).contains(message),
                 qPrintable(QString::fromLocal8Bit(run.err)));
        QVERIFY(run.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
