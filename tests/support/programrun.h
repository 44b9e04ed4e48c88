#pragma once

// Runs a program to its end, for the tests of the command line, the translation and the install.

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace shmtest {

struct ProgramRun
{
    int exitCode = -1; // -1: it crashed, or did not end in time and was killed
    QByteArray out;    // standard output and error, as written
    QByteArray err;

    QString outText() const { return QString::fromUtf8(out); }
    QString errText() const { return QString::fromUtf8(err); }
};

// `program` with `arguments` in `environment` (this process's by default).
ProgramRun runProgram(const QString &program, const QStringList &arguments,
                      const QProcessEnvironment &environment
                      = QProcessEnvironment::systemEnvironment(),
                      int timeoutMs = 120000);

} // namespace shmtest
