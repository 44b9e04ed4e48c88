// The command line: `shmscope --list [--json]` agrees with the kernel; bad options and values
// give a message on stderr and a non-zero exit.

#include "core/attachment.h"
#include "core/segmentcontrol.h"
#include "core/segmentlist.h"
#include "support/programrun.h"
#include "support/testsegment.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

#include <grp.h>
#include <pwd.h>
#include <sys/shm.h>

using namespace shmtest;

namespace {

using shmtest::ProgramRun;

// No way to a display at all (as over ssh, or in cron).
QProcessEnvironment withoutDisplay()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        environment.remove(QString::fromLatin1(name));
    return environment;
}

QString binary()
{
    return qEnvironmentVariable("SHMSCOPE_BINARY");
}

ProgramRun shmscope(const QStringList &arguments, bool noDisplay = false)
{
    return shmtest::runProgram(binary(), arguments,
                               noDisplay ? withoutDisplay()
                                         : QProcessEnvironment::systemEnvironment());
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

        const ProgramRun run = shmscope({"--list", "--json"});
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
        const ProgramRun run = shmtest::runProgram("unshare", {"--ipc", binary(), "--list", "--json"});
        if (run.exitCode != 0 && run.err.contains("unshare"))
            QSKIP("cannot make an IPC namespace here");
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QByteArray("{\"segments\": []}\n"));
        const ProgramRun table = shmtest::runProgram("unshare", {"--ipc", binary(), "--list"});
        QCOMPARE(table.exitCode, 0);
        QCOMPARE(table.out.count('\n'), 1); // the header only
    }

    void tableLikeIpcs()
    {
        TestSegment segment(4321, 0640, unusedKey());
        const ProgramRun run = shmscope({"--list"});
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
        const ProgramRun help = shmscope({"--help"});
        QCOMPARE(help.exitCode, 0);
        for (const char *option : {"--list", "--json", "--open", "--select", "--demo"})
            QVERIFY2(help.out.contains(option), option);
        const ProgramRun version = shmscope({"--version"});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith("shmscope "));
    }

    // shmscope finds shmscope-gui through /proc/self/exe only. A shmscope-gui in the current
    // directory, or in ../libexec/shmscope/ from it, is never run: not normally, and not when
    // /proc/self/exe cannot be read (a tmpfs over /proc in a private mount namespace), where
    // shmscope refuses with a message instead.
    void launcherIgnoresTheCurrentDirectory_data()
    {
        QTest::addColumn<bool>("hideProc");
        QTest::newRow("with /proc") << false;
        QTest::newRow("/proc/self/exe unreadable") << true;
    }
    void launcherIgnoresTheCurrentDirectory()
    {
        QFETCH(bool, hideProc);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString work = dir.filePath(QStringLiteral("work"));
        const QString marker = dir.filePath(QStringLiteral("decoy-ran"));
        QVERIFY(QDir().mkpath(work));
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("libexec/shmscope"))));
        for (const QString &decoy : {work + QStringLiteral("/shmscope-gui"),
                                     dir.filePath(QStringLiteral("libexec/shmscope/shmscope-gui"))}) {
            QFile file(decoy);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("#!/bin/sh\necho decoy >> '" + QFile::encodeName(marker) + "'\n");
            file.close();
            QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                        | QFileDevice::ExeOwner | QFileDevice::ExeGroup
                                        | QFileDevice::ExeOther | QFileDevice::ReadOther));
        }
        // --version is handed to shmscope-gui.
        const QString script = hideProc
            ? QStringLiteral("mount -t tmpfs none /proc && cd \"$1\" && exec \"$2\" --version")
            : QStringLiteral("cd \"$1\" && exec \"$2\" --version");
        const ProgramRun run = hideProc
            ? shmtest::runProgram("unshare", {"-rm", "sh", "-c", script, "sh", work, binary()})
            : shmtest::runProgram("sh", {"-c", script, "sh", work, binary()});
        if (hideProc && !run.err.startsWith("shmscope:"))
            QSKIP(qPrintable("cannot hide /proc in a private mount namespace here: "
                             + run.errText().trimmed()));
        QVERIFY2(!QFile::exists(marker), "a shmscope-gui of the current directory was run");
        if (hideProc) {
            QCOMPARE(run.exitCode, 2);
            QVERIFY2(run.err.contains("/proc/self/exe"), run.err.constData());
            QVERIFY(run.out.isEmpty());
        } else {
            QCOMPARE(run.exitCode, 0);
            QVERIFY(run.out.startsWith("shmscope "));
        }
    }

    // Each bad command line twice: with a display, and without one, where Qt would abort if
    // the program tried to open a window before checking what it was asked.
    void badOptions_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::addColumn<bool>("withoutDisplay");
        const auto row = [](const char *name, const QStringList &arguments, const char *message) {
            for (bool withoutDisplay : {false, true}) {
                QTest::addRow("%s%s", name, withoutDisplay ? " (no display)" : "")
                    << arguments << QString::fromLatin1(message) << withoutDisplay;
            }
        };
        row("unknown option", {"--list", "--bogus"}, "bogus");
        row("unknown option alone", {"--bogus"}, "bogus");
        row("json without list", {"--json"}, "--json goes with --list");
        row("stray argument", {"--list", "extra"}, "unexpected argument");
        row("select not a number", {"--select", "abc"}, "not valid");
        row("select missing value", {"--select"}, "select");
        row("open negative", {"--open", "-3"}, "not valid");
        row("open vanished id", {"--open", "2147480000"}, "no segment with this id");
        row("read-write without open", {"--read-write"}, "--read-write goes with --open");
        row("unknown language", {"--lang", "de"}, "unknown language de");
        QTest::addRow("browser without display") << QStringList{} << "no display" << true;
        QTest::addRow("demo without display") << QStringList{"--demo"} << "no display" << true;
    }
    void badOptions()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        QFETCH(bool, withoutDisplay);
        const ProgramRun run = shmscope(arguments, withoutDisplay);
        QVERIFY2(run.exitCode > 0, "a message and an exit status, not a crash");
        QVERIFY2(QString::fromLocal8Bit(run.err).contains(message),
                 qPrintable(QString::fromLocal8Bit(run.err)));
        QVERIFY(run.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
