// The command line: `shmscope --list [--json]` agrees with the kernel; bad options and values
// give a message on stderr and a non-zero exit.

#include "core/attachment.h"
#include "core/queues.h"
#include "core/semaphores.h"
#include "core/segmentcontrol.h"
#include "core/segmentlist.h"
#include "support/programrun.h"
#include "support/rows.h"
#include "support/testsegment.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QScopeGuard>
#include <QTest>

#include <csignal>
#include <cstring>
#include <grp.h>
#include <pwd.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <unistd.h>

using namespace shmtest;

namespace {

using shmtest::ProgramRun;

// What a running process writes on `channel` until its first newline (30 s at most, or until
// it ends).
QByteArray firstLine(QProcess &process, QProcess::ProcessChannel channel)
{
    QByteArray text;
    process.setReadChannel(channel);
    QDeadlineTimer deadline(30000);
    while (!text.contains('\n') && !deadline.hasExpired() && process.state() == QProcess::Running) {
        process.waitForReadyRead(100);
        text += process.readAll();
    }
    return text;
}

struct WindowRun
{
    ProgramRun run;
    bool waited = false; // still running half a second after its message: a window waits
};

// Runs shmscope with the display of the tests (offscreen), waits for its message on stderr,
// checks it then keeps running (a message box waits for the person), and ends it with SIGTERM,
// which closes the box: the exit status is then the refusal's.
WindowRun untilClosed(const QStringList &arguments)
{
    WindowRun result;
    QProcess process;
    process.setProcessEnvironment(QProcessEnvironment::systemEnvironment());
    process.start(qEnvironmentVariable("SHMSCOPE_BINARY"), arguments);
    if (!process.waitForStarted(10000))
        return result;
    const QByteArray err = firstLine(process, QProcess::StandardError);
    result.waited = !process.waitForFinished(500);
    process.terminate();
    if (!process.waitForFinished(20000)) {
        process.kill();
        process.waitForFinished();
    }
    result.run.out = process.readAllStandardOutput();
    result.run.err = err + process.readAllStandardError();
    result.run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return result;
}

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
        // The programs run here inherit this environment: the messages checked are English,
        // whatever the runner's locale.
        for (const char *name : {"LC_ALL", "LC_MESSAGES", "LANGUAGE"})
            qunsetenv(name);
        qputenv("LANG", "C.UTF-8");
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

    // `--list --json --all`: a set and a queue made here, each object exactly as the issue
    // orders it, every number the kernel's; the arrays after "segments".
    void jsonAllHasSemaphoresAndQueues()
    {
        shm::CreateSemaphoresRequest semRequest;
        semRequest.values = {5, 0};
        semRequest.mode = 0640;
        auto semid = shm::createSemaphoreSet(semRequest);
        QVERIFY(semid.ok());
        const auto removeSet = qScopeGuard([&] { semctl(*semid, 0, IPC_RMID); });
        shm::CreateQueueRequest queueRequest;
        queueRequest.mode = 0604;
        auto msqid = shm::createQueue(queueRequest);
        QVERIFY(msqid.ok());
        const auto removeQueue = qScopeGuard([&] { msgctl(*msqid, IPC_RMID, nullptr); });
        QVERIFY(shm::sendMessage(*msqid, 2, "hello").ok());
        QVERIFY(shm::operateSemaphores(*semid, {{1, +3, true, false}}).ok());

        const ProgramRun run = shmscope({"--list", "--json", "--all"});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.err.isEmpty());
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(run.out, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QVERIFY(run.out.startsWith("{\"segments\": ["));
        const qsizetype semaphores = run.out.indexOf("\n\"semaphores\": [");
        const qsizetype queues = run.out.indexOf("\n\"queues\": [");
        QVERIFY(semaphores > 0 && queues > semaphores);

        const passwd *pw = getpwuid(geteuid());
        const group *gr = getgrgid(getegid());
        const QString owner = pw ? QString::fromLocal8Bit(pw->pw_name) : QString::number(geteuid());
        const QString groupName = gr ? QString::fromLocal8Bit(gr->gr_name) : QString::number(getegid());
        auto set = shm::statSemaphoreSet(*semid);
        auto queue = shm::statQueue(*msqid);
        QVERIFY(set.ok() && queue.ok());
        const QString me = QString::number(getpid());
        const QString expectedSet
            = QStringLiteral("{\"key\": \"0x00000000\", \"semid\": %1, \"perms\": \"0640\", "
                             "\"nsems\": 2, \"uid\": %2, \"gid\": %3, \"cuid\": %2, \"cgid\": %3, "
                             "\"owner\": \"%4\", \"group\": \"%5\", \"otime\": \"%6\", "
                             "\"ctime\": \"%7\", \"values\": [5, 3], \"pids\": [%8, %8], "
                             "\"ncnt\": [0, 0], \"zcnt\": [0, 0]}")
                  .arg(*semid).arg(geteuid()).arg(getegid()).arg(owner, groupName,
                       isoOrNull(set->otime), isoOrNull(set->ctime), me);
        const QString expectedQueue
            = QStringLiteral("{\"key\": \"0x00000000\", \"msqid\": %1, \"perms\": \"0604\", "
                             "\"cbytes\": 5, \"qnum\": 1, \"qbytes\": %2, \"lspid\": %3, "
                             "\"lrpid\": 0, \"uid\": %4, \"gid\": %5, \"cuid\": %4, \"cgid\": %5, "
                             "\"owner\": \"%6\", \"group\": \"%7\", \"stime\": \"%8\", "
                             "\"rtime\": null, \"ctime\": \"%9\"}")
                  .arg(*msqid).arg(queue->qbytes).arg(getpid()).arg(geteuid()).arg(getegid())
                  .arg(owner, groupName, isoOrNull(queue->stime), isoOrNull(queue->ctime));
        QVERIFY(set->otime != 0 && queue->stime != 0);
        QStringList lines;
        for (const QByteArray &line : run.out.split('\n'))
            lines << QString::fromUtf8(line.trimmed()).remove(QRegularExpression(",$"));
        QVERIFY2(lines.contains(expectedSet), qPrintable(expectedSet));
        QVERIFY2(lines.contains(expectedQueue), qPrintable(expectedQueue));
        QVERIFY(run.out.indexOf(expectedSet.toUtf8()) > semaphores);
        QVERIFY(run.out.indexOf(expectedQueue.toUtf8()) > queues);
        QCOMPARE(document.object().value("semaphores").toArray().size() > 0, true);

        // The text: a section for each kind, like ipcs.
        const ProgramRun table = shmscope({"--list", "--all"});
        QCOMPARE(table.exitCode, 0);
        QVERIFY(table.out.startsWith("Shared memory segments:\nkey"));
        QVERIFY(table.out.contains("\nSemaphore sets:\nkey        semid"));
        QVERIFY(table.out.contains("\nMessage queues:\nkey        msqid"));
        bool setRow = false, queueRow = false;
        for (const QByteArray &line : table.out.split('\n')) {
            const QList<QByteArray> f = line.simplified().split(' ');
            if (f.value(1) == QByteArray::number(*semid) && f.size() == 7 && f.value(3) == "0640")
                setRow = f.value(4) == "2" && f.value(5) == "5" && f.value(6) == "3";
            if (f.value(1) == QByteArray::number(*msqid) && f.value(3) == "0604")
                queueRow = f.value(4) == "5" && f.value(5) == "1";
        }
        QVERIFY2(setRow && queueRow, table.out.constData());
        // One kind alone (--semaphores, --queues, both): the same objects as --all's arrays.
        const QJsonObject all = document.object();
        const ProgramRun semOnly = shmscope({"--list", "--json", "--semaphores"});
        QCOMPARE(semOnly.exitCode, 0);
        const QJsonObject semObject = QJsonDocument::fromJson(semOnly.out).object();
        QCOMPARE(semObject.keys(), QStringList{"semaphores"});
        QCOMPARE(semObject["semaphores"], all["semaphores"]);
        const ProgramRun msgOnly = shmscope({"--list", "--json", "--queues"});
        QCOMPARE(msgOnly.exitCode, 0);
        const QJsonObject msgObject = QJsonDocument::fromJson(msgOnly.out).object();
        QCOMPARE(msgObject.keys(), QStringList{"queues"});
        QCOMPARE(msgObject["queues"], all["queues"]);
        const ProgramRun both = shmscope({"--list", "--json", "--queues", "--semaphores"});
        QCOMPARE(both.exitCode, 0);
        const QJsonObject bothObject = QJsonDocument::fromJson(both.out).object();
        QCOMPARE(bothObject["semaphores"], all["semaphores"]);
        QCOMPARE(bothObject["queues"], all["queues"]);
        QVERIFY(!bothObject.contains("segments"));
        const ProgramRun semTable = shmscope({"--list", "--semaphores"});
        QCOMPARE(semTable.exitCode, 0);
        QVERIFY2(semTable.out.startsWith("Semaphore sets:\nkey        semid"), semTable.out.constData());
        QVERIFY(!semTable.out.contains("Message queues:"));
        QVERIFY(semTable.out.contains(" " + QByteArray::number(*semid) + " "));
        const ProgramRun msgTable = shmscope({"--list", "--queues"});
        QCOMPARE(msgTable.exitCode, 0);
        QVERIFY2(msgTable.out.startsWith("Message queues:\nkey        msqid"), msgTable.out.constData());
        QVERIFY(msgTable.out.contains(" " + QByteArray::number(*msqid) + " "));
        // Without --all, exactly as before: segments only.
        const ProgramRun plain = shmscope({"--list", "--json"});
        QCOMPARE(QJsonDocument::fromJson(plain.out).object().keys(), QStringList{"segments"});
    }

    // --attachers and --orphans add keys and keep every other key and value as --list --json
    // gives them; our own read-only attachment is an attacher by map.
    void attachersAddOnlyTheirKey()
    {
        TestSegment segment(5000, 0600, unusedKey());
        QVERIFY(segment.isValid());
        auto attached = shm::Attachment::attach(segment.shmid(), shm::Access::ReadOnly);
        QVERIFY(attached.ok());
        const auto find = [&](const QByteArray &json) {
            for (const QJsonValue &v : QJsonDocument::fromJson(json).object()["segments"].toArray()) {
                if (v["shmid"].toInt() == segment.shmid())
                    return v.toObject();
            }
            return QJsonObject();
        };
        const ProgramRun plain = shmscope({"--list", "--json"});
        const ProgramRun wide = shmscope({"--list", "--json", "--attachers"});
        QCOMPARE(plain.exitCode, 0);
        QCOMPARE(wide.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(wide.out).object().keys(), QStringList{"segments"});
        QJsonObject before = find(plain.out), after = find(wide.out);
        QVERIFY(!before.isEmpty());
        const QJsonArray attachers = after.take(QStringLiteral("attachers")).toArray();
        before.remove(QStringLiteral("atime")); // our attach may have come between the two runs
        after.remove(QStringLiteral("atime"));
        QCOMPARE(after, before);
        QCOMPARE(attachers.size(), 1);
        const QJsonObject own = attachers.first().toObject();
        QCOMPARE(own["pid"].toInt(), int(getpid()));
        QCOMPARE(own["access"].toString(), QStringLiteral("read-only"));
        QCOMPARE(own["via"].toString(), QStringLiteral("map"));
        QVERIFY(!own["command"].toString().isEmpty());

        const ProgramRun namespaces = shmscope({"--namespaces", "--json"});
        QCOMPARE(namespaces.exitCode, 0);
        const QJsonArray list = QJsonDocument::fromJson(namespaces.out).object()["namespaces"].toArray();
        QVERIFY(!list.isEmpty());
        for (const QJsonValue &ns : list) {
            QCOMPARE(ns.toObject().keys(),
                     (QStringList{"command", "container", "inode", "pid", "processes"}));
            QVERIFY(ns["processes"].toInt() >= 1);
            QVERIFY(ns["container"].isNull() || ns["container"].isString());
        }
        const ProgramRun table = shmscope({"--namespaces"});
        QCOMPARE(table.exitCode, 0);
        QVERIFY(table.out.startsWith("inode"));
        QCOMPARE(table.out.count('\n'), list.size() + 1);
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
        const ProgramRun all = shmtest::runProgram("unshare", {"--ipc", binary(), "--list", "--json", "--all"});
        QCOMPARE(all.exitCode, 0);
        // The System V arrays as before; then the POSIX objects of our /dev/shm (not of the
        // IPC namespace) and the memfds of the namespace's processes: only shmscope, which holds
        // none.
        QVERIFY2(all.out.startsWith("{\"segments\": [],\n\"semaphores\": [],\n\"queues\": [],\n\"posix\": ["),
                 all.out.constData());
        QVERIFY2(all.out.endsWith(",\n\"memfd\": []}\n"), all.out.constData());
        QCOMPARE(QJsonDocument::fromJson(all.out).object().keys(),
                 (QStringList{"memfd", "posix", "queues", "segments", "semaphores"}));
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
        for (const char *option : {"--list", "--json", "--open", "--select", "--demo", "--watch",
                                   "--interval", "--snapshot", "--output", "--diff"})
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
        shmtest::addBoolRows("hideProc", "with /proc", "/proc/self/exe unreadable");
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
        row("semaphores with all", {"--list", "--semaphores", "--all"}, "cannot go together");
        row("queues with attachers", {"--list", "--queues", "--attachers"}, "cannot go together");
        row("semaphores without list", {"--semaphores"}, "--semaphores goes with --list");
        row("queues twice", {"--list", "--queues", "--queues"}, "more than once");

        // Options that cannot go together: none is dropped without a word.
        row("open with select", {"--open", "1", "--select", "1"}, "--open and --select cannot go together");
        row("demo with open", {"--demo", "--open", "1"}, "--open and --demo cannot go together");
        row("demo with select", {"--select", "1", "--demo"}, "--select and --demo cannot go together");
        row("demo-terminal with demo", {"--demo-terminal", "--demo"}, "--demo-terminal and --demo cannot go together");
        row("demo-terminal with open", {"--open", "1", "--demo-terminal"}, "--demo-terminal and --open cannot go together");
        row("list with open", {"--list", "--open", "1"}, "--list and --open cannot go together");
        row("list with select", {"--list", "--select", "1"}, "--list and --select cannot go together");
        row("list with demo", {"--demo", "--list"}, "--list and --demo cannot go together");
        row("list with demo-terminal", {"--list", "--demo-terminal"}, "--list and --demo-terminal cannot go together");
        row("json list with demo-terminal", {"--list", "--json", "--demo-terminal", "--verbose"}, "cannot go together");
        row("open twice", {"--open", "1", "--open", "2"}, "--open is given more than once");
        row("select twice", {"--select", "1", "--select", "2"}, "--select is given more than once");
        row("unknown option alone", {"--bogus"}, "bogus");
        row("json without list", {"--json"}, "--json goes with --list");
        row("all without list", {"--all"}, "--all goes with --list");
        row("all with json without list", {"--json", "--all"}, "goes with --list");
        row("stray argument", {"--list", "extra"}, "unexpected argument");
        row("select not a number", {"--select", "abc"}, "not valid");
        row("select missing value", {"--select"}, "select");
        row("open negative", {"--open", "-3"}, "not valid");
        row("open vanished id", {"--open", "2147480000"}, "no segment with this id");
        row("read-write without open", {"--read-write"}, "--read-write goes with --open");
        row("unknown language", {"--lang", "de"}, "unknown language \"de\"");
        row("watch not a number", {"--watch", "abc"}, "not valid");
        row("watch missing value", {"--watch"}, "watch");
        row("watch vanished id", {"--watch", "2147480000"}, "no segment with this id");
        row("watch interval zero", {"--watch", "1", "--interval", "0"}, "The interval 0 is not valid");
        row("watch interval not a number", {"--interval", "fast", "--watch", "1"}, "The interval fast is not valid");
        row("interval without watch", {"--interval", "100"}, "--interval goes with --watch");
        row("watch with list", {"--watch", "1", "--list"}, "--list and --watch cannot go together");
        row("watch twice", {"--watch", "1", "--watch", "2"}, "--watch is given more than once");
        row("snapshot without output", {"--snapshot", "1"}, "--snapshot needs -o FILE");
        row("snapshot bad shmid", {"--snapshot", "x1", "-o", "/nonexistent/x"}, "not valid");
        row("snapshot with json", {"--snapshot", "1", "-o", "/nonexistent/x", "--json"}, "--json goes with --list or --diff");
        row("output without snapshot", {"--diff", "a", "b", "-o", "x"}, "-o goes with --snapshot");
        row("snapshot with diff", {"--snapshot", "1", "-o", "x", "--diff"}, "cannot go together");
        row("diff with one input", {"--diff", "a"}, "--diff needs two inputs");
        row("diff with list", {"--diff", "a", "b", "--list"}, "--list and --diff cannot go together");
        row("snapshot with open", {"--open", "1", "--snapshot", "1", "-o", "x"}, "--open and --snapshot cannot go together");
        row("snapshot twice", {"--snapshot", "1", "--snapshot", "2", "-o", "x"}, "--snapshot is given more than once");
        row("diff missing file", {"--diff", "/nonexistent/a", "/nonexistent/b"}, "there is no file /nonexistent/a");
        row("diff vanished id", {"--diff", "2147480000", "/nonexistent/b"}, "no segment with this id");
        // Every shared-memory object (issue 14): decided by shmscope itself.
        row("namespace not a number", {"--list", "--namespace", "abc"}, "The process id \"abc\" is not valid");
        row("namespace zero", {"--list", "--namespace=0"}, "is not valid");
        row("namespace missing value", {"--list", "--namespace"}, "--namespace needs a process id");
        row("namespace of no process", {"--list", "--namespace", "2147480000"}, "there is no process 2147480000");
        row("namespace twice", {"--list", "--namespace", "1", "--namespace", "1"}, "--namespace is given more than once");
        row("namespace without list", {"--namespace", "1"}, "--namespace goes with --list");
        row("namespace of no process with open", {"--namespace", "2147480000", "--open", "1"}, "there is no process 2147480000");
        row("namespace of no process with select", {"--namespace", "2147480000", "--select", "/x"}, "there is no process 2147480000");
        row("namespace with open and attachers", {"--namespace", "1", "--open", "1", "--attachers"}, "--attachers and --open cannot go together");
        row("namespace with demo", {"--namespace", "1", "--demo"}, "--namespace and --demo cannot go together");
        row("open bad POSIX name", {"--open", "/a/b"}, "holds no other / than the first");
        row("select missing POSIX object", {"--select", "/shmscope-no-such-object"}, "/shmscope-no-such-object");
        row("namespaces with list", {"--namespaces", "--list"}, "--namespaces and --list cannot go together");
        row("namespaces with all", {"--namespaces", "--all"}, "--all goes with --list");
        row("namespaces with attachers", {"--namespaces", "--attachers"}, "--attachers goes with --list");
        row("namespaces twice", {"--namespaces", "--namespaces"}, "--namespaces is given more than once");
        row("attachers without list", {"--attachers"}, "--attachers goes with --list");
        row("orphans without list", {"--orphans", "--json"}, "--orphans goes with --list");
        row("attachers with watch", {"--list", "--attachers", "--watch", "1"}, "--attachers and --watch cannot go together");
        row("orphans with unknown option", {"--list", "--orphans", "--bogus"}, "unknown option \"--bogus\"");
        row("attachers with stray argument", {"--list", "--attachers", "extra"}, "unexpected argument");
        row("attachers twice", {"--list", "--attachers", "--attachers"}, "--attachers is given more than once");
        // The race lesson's counts: refused with a sentence, before any window or child.
        row("race children zero", {"--demo-terminal", "--lesson", "race", "--children", "0"}, "The number of children 0 is not valid");
        row("race children negative", {"--demo", "--lesson", "race", "--children", "-2"}, "The number of children -2 is not valid");
        row("race children not a number", {"--demo-terminal", "--lesson", "race", "--children", "two"}, "The number of children two is not valid");
        row("race children too many", {"--demo", "--lesson", "race", "--children", "17"}, "from 1 to 16");
        row("race increments zero", {"--demo", "--lesson", "race", "--increments", "0"}, "The number of increments 0 is not valid");
        row("race increments negative", {"--demo-terminal", "--lesson", "race", "--increments", "-5"}, "The number of increments -5 is not valid");
        row("race increments not a number", {"--demo-terminal", "--lesson", "race", "--increments", "1e6"}, "The number of increments 1e6 is not valid");
        row("race increments past int", {"--demo-terminal", "--lesson", "race", "--increments", "2147483648"}, "The number of increments 2147483648 is not valid");
        row("race total overflows", {"--demo-terminal", "--lesson", "race", "--children", "2", "--increments", "1073741824"}, "2 children times 1073741824 increments make 2147483648");
        row("race total overflows in the window", {"--demo", "--lesson", "race", "--children", "16", "--increments", "200000000"}, "the shared int cannot count past 2147483647");
        row("race children without race", {"--demo-terminal", "--children", "2"}, "--children goes with --lesson race");
        row("race increments with fork", {"--demo", "--lesson", "fork", "--increments", "2"}, "--increments goes with --lesson race");
        row("unknown lesson", {"--demo", "--lesson", "pipes"}, "unknown lesson \"pipes\"");
        row("lesson without demo", {"--lesson", "race"}, "--lesson goes with --demo or --demo-terminal");
        row("lesson twice", {"--demo", "--lesson", "race", "--lesson", "fork"}, "--lesson is given more than once");
        row("race with live", {"--demo", "--live", "--lesson", "race"}, "--live goes with the fork lesson");
        // --dump (C layouts): the file, the type, the shmid and the offset are checked, each
        // with its message, before anything is attached (the shmid is not the second
        // argument here: that would be --open's window rows above).
        const QString layouts = QStringLiteral(SHMTEST_LAYOUTS_DIR);
        const QString header = layouts + "/record.h";
        row("dump header that does not parse",
            {"--layout", layouts + "/broken.h", "--type", "struct good", "--dump", "2147480000"},
            "broken.h:11:5: error: unknown type name 'uint32'");
        row("dump unknown type", {"--layout", header, "--type", "struct nothing", "--dump", "1"},
            "there is no type struct nothing in");
        row("dump unknown type lists the types", {"--layout", header, "--type", "nothing", "--dump", "1"},
            "struct record");
        row("dump binary without debug info", {"--layout", "/bin/true", "--type", "x", "--dump", "1"},
            "/bin/true has no debug info");
        row("dump missing file", {"--layout", "/nonexistent/record.h", "--type", "x", "--dump", "1"},
            "No such file or directory");
        row("dump file is a directory", {"--layout", "/", "--type", "x", "--dump", "1"},
            "Is a directory");
        row("dump bad shmid", {"--layout", header, "--type", "struct record", "--dump", "x1"}, "not valid");
        row("dump vanished id", {"--layout", header, "--type", "struct record", "--dump", "2147480000"},
            "no segment with this id");
        row("dump bad offset", {"--layout", header, "--type", "point_t", "--dump", "1", "--offset", "zz"},
            "The offset \"zz\" is not a number");
        row("dump without layout", {"--type", "point_t", "--dump", "1"}, "--dump needs --layout FILE");
        row("dump without type", {"--layout", header, "--dump", "1"}, "--dump needs --type NAME");
        row("dump missing value", {"--layout", header, "--type", "point_t", "--dump"}, "--dump needs a value");
        row("dump type twice", {"--layout", header, "--type", "a", "--type", "b", "--dump", "1"},
            "--type is given more than once");
        row("dump with list", {"--layout", header, "--type", "a", "--dump", "1", "--list"},
            "--list and --dump cannot go together");
        row("dump unknown option", {"--layout", header, "--type", "a", "--dump", "1", "--bogus"},
            "unknown option --bogus");
        row("dump stray argument", {"--layout", header, "--type", "a", "--dump", "1", "extra"},
            "unexpected argument: extra");
        QTest::addRow("browser without display") << QStringList{} << "no display" << true;
        QTest::addRow("demo without display") << QStringList{"--demo"} << "no display" << true;
    }
    void badOptions()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        QFETCH(bool, withoutDisplay);
        // A bad --open or --select value, with a display, is said in a window too, which
        // waits for the person (see refusalInAWindow): here SIGTERM closes it.
        const bool window = !withoutDisplay && !message.contains(QLatin1String("together"))
                            && !message.contains(QLatin1String("more than once"))
                            && (arguments.value(1).startsWith(QLatin1Char('/'))
                                || arguments.value(1) == QLatin1String("abc")
                                || arguments.value(1) == QLatin1String("-3")
                                || arguments.value(1) == QLatin1String("2147480000"));
        const ProgramRun run = window ? untilClosed(arguments).run : shmscope(arguments, withoutDisplay);
        QVERIFY2(run.exitCode > 0, "a message and an exit status, not a crash");
        QVERIFY2(QString::fromLocal8Bit(run.err).contains(message),
                 qPrintable(QString::fromLocal8Bit(run.err)));
        QVERIFY(run.out.isEmpty());
    }
    // From a desktop, a refusal of --open or --select is said in a window as well as on stderr
    // (nobody reads stderr there); the exit status is still the refusal's. Without a display,
    // stderr only, at once.
    void refusalInAWindow_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("open vanished id") << QStringList{"--open", "2147480000"}
                                          << "no segment with this id";
        QTest::newRow("open not a number") << QStringList{"--open", "x1"} << "not valid";
        QTest::newRow("select vanished id") << QStringList{"--select", "2147480000"}
                                            << "no segment with";
    }
    void refusalInAWindow()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const WindowRun shown = untilClosed(arguments);
        QVERIFY2(shown.waited, "a window waits for the person");
        QCOMPARE(shown.run.exitCode, 2);
        QVERIFY2(shown.run.errText().contains(message), shown.run.err.constData());
        // Without a display: the same message, and the program ends by itself.
        const ProgramRun plain = shmscope(arguments, true);
        QCOMPARE(plain.exitCode, 2);
        QVERIFY2(plain.errText().contains(message), plain.err.constData());
    }

    // The same on a real X server (Xvfb): the window is there, titled shmscope, and closing it
    // (Return on its button) ends the program with the refusal's status.
    void refusalWindowOnX11()
    {
        const QString xvfb = QStandardPaths::findExecutable(QStringLiteral("Xvfb"));
        const QString xdotool = QStandardPaths::findExecutable(QStringLiteral("xdotool"));
        if (xvfb.isEmpty() || xdotool.isEmpty())
            QSKIP("needs Xvfb and xdotool");
        QProcess server;
        server.start(xvfb, {"-displayfd", "1", "-screen", "0", "800x600x24", "-nolisten", "tcp"});
        QVERIFY(server.waitForStarted());
        auto stopServer = qScopeGuard([&] {
            server.kill();
            server.waitForFinished();
        });
        const QByteArray number = firstLine(server, QProcess::StandardOutput);
        if (!number.contains('\n'))
            QSKIP("Xvfb did not start here");
        QProcessEnvironment environment = withoutDisplay();
        environment.insert("DISPLAY", ":" + QString::fromLatin1(number.trimmed()));

        QProcess app;
        app.setProcessEnvironment(environment);
        app.start(binary(), {"--open", "2147480000"});
        QVERIFY(app.waitForStarted());
        auto stopApp = qScopeGuard([&] {
            app.kill();
            app.waitForFinished();
        });
        QByteArray window;
        QDeadlineTimer deadline(30000);
        while (window.isEmpty() && !deadline.hasExpired() && app.state() == QProcess::Running) {
            QProcess search;
            search.setProcessEnvironment(environment);
            search.start(xdotool, {"search", "--onlyvisible", "--name", "^shmscope$"});
            search.waitForFinished();
            window = search.readAllStandardOutput().trimmed().split('\n').value(0);
            if (window.isEmpty())
                QTest::qWait(200);
        }
        QVERIFY2(!window.isEmpty(), "no window titled shmscope");
        QVERIFY(app.state() == QProcess::Running);
        QProcess key;
        key.setProcessEnvironment(environment);
        key.start(xdotool, {"windowfocus", QString::fromLatin1(window), "key", "Return"});
        QVERIFY(key.waitForFinished());
        QVERIFY(app.waitForFinished(20000));
        QCOMPARE(app.exitStatus(), QProcess::NormalExit);
        QCOMPARE(app.exitCode(), 2);
        QVERIFY(app.readAllStandardError().contains("no segment with this id"));
    }

    // A --lang value shmscope does not speak is shown between quotes, cut, and with every
    // control or non-ASCII byte written as \xNN: the message never moves a terminal's cursor
    // or fills a screen.
    void unknownLanguageQuotedAndCut_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QString>("shown");
        QTest::addColumn<bool>("withoutDisplay");
        for (bool withoutDisplay : {false, true}) {
            const char *where = withoutDisplay ? " (no display)" : "";
            QTest::addRow("escape sequence%s", where)
                << QByteArray("de\x1b[2J\r\nx") << QStringLiteral("\"de\\x1b[2J\\x0d\\x0ax\"") << withoutDisplay;
            QTest::addRow("long%s", where) << QByteArray(5000, 'z')
                                           << "\"" + QString(32, 'z') + "\"…" << withoutDisplay;
            QTest::addRow("quotes and bytes%s", where)
                << QByteArray("a\"b\\c\xc3\xa9") << QStringLiteral("\"a\\x22b\\x5cc\\xc3\\xa9\"") << withoutDisplay;
        }
    }
    void unknownLanguageQuotedAndCut()
    {
        QFETCH(QByteArray, value);
        QFETCH(QString, shown);
        QFETCH(bool, withoutDisplay);
        const ProgramRun run = shmscope({"--lang", QString::fromLocal8Bit(value), "--list"},
                                        withoutDisplay);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.errText().contains("unknown language " + shown), run.err.constData());
        QVERIFY2(run.err.size() < 300, run.err.constData());
        for (int i = 0; i + 1 < run.err.size(); ++i)
            QVERIFY2((uchar(run.err[i]) >= 0x20 && uchar(run.err[i]) != 0x7f) || run.err[i] == '\n',
                     run.err.constData());
    }

    // --snapshot writes the segment's bytes and prints nothing; --diff against it gives the
    // exact JSON of what changed since, exit 1 (0 when equal), and refuses sizes that differ.
    // In English by shmscope itself, in French by shmscope-gui: the same output and statuses.
    void snapshotAndDiff_data()
    {
        shmtest::addBoolRows("french", "by shmscope", "by shmscope-gui (--lang fr)");
    }
    void snapshotAndDiff()
    {
        QFETCH(bool, french);
        const QStringList lang = french ? QStringList{"--lang", "fr"} : QStringList{};
        TestSegment segment(65536, 0600);
        QVERIFY(segment.isValid());
        auto attachment = shm::Attachment::attach(segment.shmid(), shm::Access::ReadWrite);
        QVERIFY(attachment);
        std::memset(attachment->writableData() + 1000, 0x11, 3000);
        QTemporaryDir dir;
        const QString before = dir.filePath(QStringLiteral("before.snap"));
        const QString id = QString::number(segment.shmid());
        ProgramRun run = shmscope(lang + QStringList{"--snapshot", id, "-o", before}, true);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QByteArray());
        QCOMPARE(run.err, QByteArray());
        QFile file(before);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray(reinterpret_cast<const char *>(attachment->data()), 65536));

        run = shmscope(lang + QStringList{"--diff", id, before, "--json"}, true);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QByteArray(R"({"size": 65536, "changed_bytes": 0, "ranges": []})" "\n"));
        run = shmscope(lang + QStringList{"--diff", before, id}, true);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QByteArray());

        std::memcpy(attachment->writableData() + 16, "ab", 2);
        attachment->writableData()[65535] = std::byte{0x7f};
        std::memset(attachment->writableData() + 2000, 0x22, 100);
        run = shmscope(lang + QStringList{"--diff", before, id, "--json"}, true);
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.out, QByteArray(R"({"size": 65536, "changed_bytes": 103, "ranges": [)"
                                     R"({"offset": 16, "length": 2}, {"offset": 2000, "length": 100}, )"
                                     R"({"offset": 65535, "length": 1}]})" "\n"));
        QCOMPARE(run.err, QByteArray());
        // The table: a header, a line a range with the bytes of each side, a summary.
        run = shmscope(lang + QStringList{"--diff", before, id}, true);
        QCOMPARE(run.exitCode, 1);
        const QList<QByteArray> lines = run.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 5);
        QVERIFY2(lines[1].simplified() == "0x0000000000000010 2 00 00 61 62", lines[1].constData());
        QVERIFY2(lines[2].simplified() == "0x00000000000007d0 100 11 11 11 11 11 11 11 11 ... 22 22 22 22 22 22 22 22 ...",
                 lines[2].constData());

        QFile small(dir.filePath(QStringLiteral("small")));
        QVERIFY(small.open(QIODevice::WriteOnly));
        small.write(QByteArray(100, 'x'));
        small.close();
        run = shmscope(lang + QStringList{"--diff", small.fileName(), id}, true);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("65536") && run.err.contains("100"), run.err.constData());
        QCOMPARE(run.out, QByteArray());
    }

    // A listing into a pipe whose reader has gone (shmscope --list | head -c1) ends with a
    // message and a status, not a death by SIGPIPE.
    // --watch prints a JSON line for what another process writes anywhere in the segment, and
    // ends with status 0 on SIGTERM or SIGINT.
    void watchPrintsWhatAnotherProcessWrote_data()
    {
        QTest::addColumn<int>("signal");
        QTest::newRow("SIGTERM") << int(SIGTERM);
        QTest::newRow("SIGINT") << int(SIGINT);
    }
    void watchPrintsWhatAnotherProcessWrote()
    {
        QFETCH(int, signal);
        constexpr quint64 MiB = quint64(1) << 20;
        TestSegment segment(64 * MiB);
        QVERIFY2(segment.isValid(), segment.error().c_str());
        QProcess watch;
        watch.start(binary(), {"--watch", QString::number(segment.shmid()), "--interval", "20"});
        QVERIFY(watch.waitForStarted(10000));
        // Attached: the kernel counts it. Then a writer keeps writing 8 bytes at 60 MiB, so that
        // some write comes after the watch's first pass (its baseline).
        QTRY_VERIFY_WITH_TIMEOUT(shm::statSegment(segment.shmid())->nattch >= 1, 30000);
        const int shmid = segment.shmid();
        ChildProcess writer([shmid] {
            auto *at = static_cast<char *>(shmat(shmid, nullptr, 0));
            for (unsigned i = 0;; ++i) {
                std::memset(at + 60 * MiB, i % 2 ? 'A' : 'B', 8);
                usleep(10000);
            }
        });
        const QByteArray line = firstLine(watch, QProcess::StandardOutput);
        writer.stop();
        QJsonParseError error;
        const QJsonObject json = QJsonDocument::fromJson(line.trimmed(), &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, line.constData());
        QCOMPARE(json.keys(), (QStringList{"after", "length", "offset", "time"}));
        QCOMPARE(json.value("offset").toInteger(), qint64(60 * MiB));
        QCOMPARE(json.value("length").toInteger(), 8);
        QVERIFY2(json.value("after") == QLatin1String("4141414141414141")
                     || json.value("after") == QLatin1String("4242424242424242"),
                 line.constData());
        static const QRegularExpression iso(
            QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d\\d:\\d\\d$"));
        QVERIFY2(iso.match(json.value("time").toString()).hasMatch(), line.constData());
        ::kill(pid_t(watch.processId()), signal);
        QVERIFY(watch.waitForFinished(30000));
        QCOMPARE(watch.exitStatus(), QProcess::NormalExit);
        QCOMPARE(watch.exitCode(), 0);
    }
    // The segment removed while only the watch holds it: a message and status 1.
    void watchEndsWhenTheSegmentIsRemoved()
    {
        TestSegment segment(4096);
        QVERIFY2(segment.isValid(), segment.error().c_str());
        QProcess watch;
        watch.start(binary(), {"--watch", QString::number(segment.shmid())});
        QVERIFY(watch.waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(shm::statSegment(segment.shmid())->nattch >= 1, 30000);
        QCOMPARE(shmctl(segment.shmid(), IPC_RMID, nullptr), 0);
        QVERIFY(watch.waitForFinished(30000));
        QCOMPARE(watch.exitCode(), 1);
        QVERIFY2(watch.readAllStandardError().contains("was removed"), "says why");
        QVERIFY(watch.readAllStandardOutput().isEmpty());
    }

    void listingIntoAClosedPipe_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("table") << QStringList{"--list"};
        QTest::newRow("json") << QStringList{"--list", "--json"};
    }
    void listingIntoAClosedPipe()
    {
        QFETCH(QStringList, arguments);
        int fds[2];
        QCOMPARE(pipe(fds), 0);
        ::close(fds[0]); // the reader has gone before the first write
        QProcess process;
        process.setStandardOutputFile(QStringLiteral("/proc/self/fd/%1").arg(fds[1]));
        process.start(binary(), arguments);
        QVERIFY(process.waitForFinished(30000));
        ::close(fds[1]);
        QCOMPARE(process.exitStatus(), QProcess::NormalExit); // not killed by SIGPIPE
        QCOMPARE(process.exitCode(), 1);
        QVERIFY2(process.readAllStandardError().contains("Broken pipe"), "says why");
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
