#include "asuser.h"

#include "asuserprotocol.h"
#include "testsegment.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QtDebug>

#include <algorithm>

#include <unistd.h>

namespace shmtest {

QString StepReport::summary() const
{
    QString s = step + QLatin1String(ok ? ": ok" : ": refused");
    if (!errnoName.isEmpty())
        s += QLatin1Char(' ') + errnoName;
    if (!kind.isEmpty())
        s += QLatin1String(" (") + kind + QLatin1Char(')');
    if (!text.isEmpty())
        s += QLatin1String(": ") + text;
    return s;
}

namespace {

QList<StepReport> run(const char *as, const QStringList &steps, Helper helper)
{
    const QString program
        = QString::fromUtf8(helper == Helper::Core ? SHMTEST_ASUSER : SHMTEST_ASUSER_WIDGETS);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("SHMTEST_ASUSER"), QString::fromUtf8(SHMTEST_ASUSER));
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, QStringList {QStringLiteral("--as"), QString::fromLatin1(as)} + steps);
    QList<StepReport> reports;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        qWarning("%s: %s", qPrintable(program), qPrintable(process.errorString()));
        return reports;
    }
    const QList<QByteArray> lines = process.readAllStandardOutput().split('\n');
    for (const QByteArray &line : lines) {
        if (line.isEmpty())
            continue;
        const auto fields = protocol::splitLine(line.toStdString());
        if (fields.size() != 5) {
            qWarning("%s wrote: %s", qPrintable(program), line.constData());
            continue;
        }
        reports.append({QString::fromStdString(fields[0]), fields[1] == "ok",
                        QString::fromStdString(fields[2]), QString::fromStdString(fields[3]),
                        QString::fromStdString(fields[4])});
    }
    if (reports.size() != steps.size() || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0)
        qWarning("%s (exit %d): %s", qPrintable(program), process.exitCode(),
                 process.readAllStandardError().constData());
    return reports;
}

} // namespace

QList<StepReport> runAsUnprivileged(const QStringList &steps, Helper helper)
{
    return run("nobody", steps, helper);
}

QList<StepReport> runInAnotherProcess(const QStringList &steps, Helper helper)
{
    return run("self", steps, helper);
}

QString unexpectedOutcomes(const QList<StepReport> &reports, const QList<bool> &expectedOk)
{
    QStringList lines;
    if (reports.size() != expectedOk.size())
        lines
            << QStringLiteral("%1 reports for %2 steps").arg(reports.size()).arg(expectedOk.size());
    for (qsizetype i = 0; i < std::min(reports.size(), expectedOk.size()); ++i) {
        if (reports[i].ok != expectedOk[i])
            lines << QStringLiteral("step %1, %2").arg(i).arg(reports[i].summary());
    }
    return lines.join(QLatin1Char('\n'));
}

namespace {

StepReport oneStep(const QString &step)
{
    const QList<StepReport> reports = runInAnotherProcess({step});
    return reports.size() == 1 ? reports[0]
                               : StepReport {step, false, {}, {}, QStringLiteral("no report")};
}

} // namespace

QString readInAnotherProcess(int shmid, quint64 offset, quint64 count)
{
    const StepReport report
        = oneStep(QStringLiteral("read %1 %2 %3").arg(shmid).arg(offset).arg(count));
    return report.ok ? report.text : report.summary();
}

QString writeInAnotherProcess(int shmid, quint64 offset, const QByteArray &bytes)
{
    const StepReport report
        = oneStep(QStringLiteral("write %1 %2 %3").arg(shmid).arg(offset).arg(hexBytes(bytes)));
    return report.ok ? QString() : report.summary();
}

uid_t unprivilegedUid()
{
    return geteuid() == 0 ? UnprivilegedUid : geteuid();
}

gid_t unprivilegedGid()
{
    return geteuid() == 0 ? UnprivilegedGid : getegid();
}

QString hexBytes(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toHex());
}

} // namespace shmtest
