// The terminal demo (shm::runTerminalDemo and shmscope --demo-terminal): 0 from the child, then
// 1664 from the parent, exit status 0, no segment and no child left.

#include "core/terminaldemo.h"
#include "demoprocesses.h"
#include "support/rows.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QtTest>

#include <sstream>
#include <unistd.h>

class TestTerminalDemo : public QObject
{
    Q_OBJECT
private slots:
    void init() { QVERIFY(demotest::childrenOf(getpid()).empty()); }

    void inProcess_data()
    {
        shmtest::addBoolRows("verbose", "plain", "verbose");
    }

    void inProcess()
    {
        QFETCH(bool, verbose);
        const auto before = demotest::segmentsCreatedBy(getpid()).size();
        std::ostringstream out, err;
        QCOMPARE(shm::runTerminalDemo(verbose, out, err), 0);
        QCOMPARE(QString::fromStdString(err.str()), QString());
        checkOutput(QString::fromStdString(out.str()), verbose, getpid());
        QCOMPARE(demotest::segmentsCreatedBy(getpid()).size(), before);
        QVERIFY(demotest::childrenOf(getpid()).empty());
    }

    // The command in English (the C locale), and in French: asked with --lang fr, or by the
    // locale alone (the display-free command then hands the demo to the program that has the
    // catalogue).
    void binary_data()
    {
        QTest::addColumn<bool>("verbose");
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("lang");
        QTest::addColumn<bool>("french");
        const QStringList demo{QStringLiteral("--demo-terminal")};
        QTest::newRow("plain") << false << demo << "C.UTF-8" << false;
        QTest::newRow("verbose") << true << demo + QStringList{QStringLiteral("--verbose")}
                                 << "C.UTF-8" << false;
        QTest::newRow("--lang fr") << false << QStringList{QStringLiteral("--lang"),
                                                           QStringLiteral("fr")} + demo
                                   << "C.UTF-8" << true;
        QTest::newRow("French locale") << false << demo << "fr_FR.UTF-8" << true;
        QTest::newRow("--lang en in a French locale")
            << false << QStringList{QStringLiteral("--lang=en")} + demo << "fr_FR.UTF-8" << false;
    }

    void binary()
    {
        QFETCH(bool, verbose);
        QFETCH(QStringList, arguments);
        QFETCH(QString, lang);
        QFETCH(bool, french);
        const QString program = qEnvironmentVariable("SHMSCOPE_BINARY");
        if (program.isEmpty())
            QSKIP("SHMSCOPE_BINARY is not set (run through ctest)");
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES"})
            environment.remove(QString::fromLatin1(name));
        environment.insert(QStringLiteral("LANG"), lang);
        process.setProcessEnvironment(environment);
        qint64 pid = 0;
        connect(&process, &QProcess::started, this, [&] { pid = process.processId(); });
        process.start(program, arguments);
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        QCOMPARE(QString::fromUtf8(process.readAllStandardError()), QString());
        QVERIFY(pid > 0);
        checkOutput(QString::fromUtf8(process.readAllStandardOutput()), verbose, pid_t(pid),
                    french);
        QVERIFY(demotest::segmentsCreatedBy(pid_t(pid)).empty());
        QVERIFY(demotest::childrenOf(pid_t(pid)).empty());
    }

private:
    // The value lines, in order: the child's 0, then the parent's 1664, each saying who.
    static void checkOutput(const QString &text, bool verbose, pid_t parent, bool french = false)
    {
        const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        const QRegularExpression valueLine(
            french ? QStringLiteral(R"(^(père|fils) +\(pid (\d+)\)\x{a0}: la valeur est (-?\d+)$)")
                   : QStringLiteral(R"(^(parent|child) +\(pid (\d+)\): the value is (-?\d+)$)"));
        const QString parentRole = french ? QStringLiteral("père") : QStringLiteral("parent");
        const QString childRole = french ? QStringLiteral("fils") : QStringLiteral("child");
        QStringList values;
        QStringList who;
        for (const QString &line : lines) {
            const auto match = valueLine.match(line);
            if (!match.hasMatch())
                continue;
            who << match.captured(1);
            values << match.captured(3);
            if (match.captured(1) == parentRole)
                QCOMPARE(match.captured(2).toLongLong(), qint64(parent));
            else
                QVERIFY(match.captured(2).toLongLong() != qint64(parent));
        }
        QCOMPARE(who, (QStringList{childRole, parentRole}));
        QCOMPARE(values, (QStringList{QStringLiteral("0"), QStringLiteral("1664")}));
        if (!verbose) {
            QCOMPARE(lines.size(), 2);
            return;
        }
        // Verbose: every call, in the lesson's order, with its result.
        const QStringList calls{QStringLiteral("shmget(IPC_PRIVATE, sizeof(int), 0600) = "),
                                QStringLiteral("shmat("), QStringLiteral("fork() = "),
                                QStringLiteral("IPC_RMID, NULL) = 0"),
                                QStringLiteral("the value is 0"),
                                QStringLiteral("*shared_int = 1664"),
                                QStringLiteral("shmdt(shared_int) = 0, then exit(0)"),
                                QStringLiteral("wait(&status) = "),
                                QStringLiteral("the value is 1664"),
                                QStringLiteral("shmdt(shared_int) = 0 ")};
        qsizetype from = 0;
        for (const QString &call : calls) {
            const qsizetype at = text.indexOf(call, from);
            QVERIFY2(at >= 0, qPrintable(QStringLiteral("missing or out of order: ") + call));
            from = at + call.size();
        }
    }
};

QTEST_GUILESS_MAIN(TestTerminalDemo)
#include "tst_terminaldemo.moc"
