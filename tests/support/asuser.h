#pragma once

// Checks run by another process, and as the unprivileged user nobody, for the tests: the steps
// (asuserhelper.h lists them) go to a helper program of their own, spawned for the purpose
// (never a fork of the Qt test process), which reports one line a step: what it called, ok or
// refused, the errno's name and the error's sentence. The test reads and compares the reports.
//
//     const auto reports = shmtest::runAsUnprivileged({"attach 5 ro", "stat 5"});
//     QCOMPARE(reports.size(), 2);
//     QVERIFY2(!reports[0].ok && reports[0].errnoName == "EACCES",
//     qPrintable(reports[0].summary()));

#include <QList>
#include <QString>
#include <QStringList>

#include <sys/types.h>

namespace shmtest {

struct StepReport
{
    QString step; // the step, as asked
    bool ok = false;
    QString errnoName; // refused by a system call: its errno's name ("EACCES"); else empty
    QString kind; // refused with an shm::Error: its kind's name ("PermissionDenied"); else empty
    QString text; // ok: what the step read (often empty); refused: the error's sentence

    // "attach 5 ro: refused EACCES: <sentence>", for failure messages.
    QString summary() const;
};

// Which helper runs the steps: the core one (no Qt) or the one that builds widgets too (the
// browser, the memory view; shmscope-test-asuser-widgets).
enum class Helper { Core, Widgets };

// The steps in the helper as the unprivileged user: when this process is root, the helper drops
// to uid/gid 65534 with no supplementary groups before the first step; an unprivileged suite's
// helper stays this user (it is unprivileged already). One report a step, in order; fewer if the
// helper failed (what it wrote on its standard error is then given as a warning).
QList<StepReport> runAsUnprivileged(const QStringList &steps, Helper helper = Helper::Core);

// The same as this process's user: another process, for changes made behind the app's back.
QList<StepReport> runInAnotherProcess(const QStringList &steps, Helper helper = Helper::Core);

// The reports that differ from the outcome expected of them (true: ok), one summary a line, and
// a line when there is not one report a step; empty when all is as expected:
//     QCOMPARE(shmtest::unexpectedOutcomes(reports, {true, false}), QString());
QString unexpectedOutcomes(const QList<StepReport> &reports, const QList<bool> &expectedOk);

// What another process of this user reads from the segment, in hex (as hexBytes writes it); when
// it could not, the summary of its refusal.
QString readInAnotherProcess(int shmid, quint64 offset, quint64 count);
// Another process of this user writes bytes into the segment: empty when it did, else the
// summary of its refusal (QCOMPARE(writeInAnotherProcess(...), QString()) shows why).
QString writeInAnotherProcess(int shmid, quint64 offset, const QByteArray &bytes);

// Who runAsUnprivileged's helper is: nobody (65534) when this process is root, else this user.
uid_t unprivilegedUid();
gid_t unprivilegedGid();

// The bytes as the helper's steps write and report them: lower-case hex, no spaces.
QString hexBytes(const QByteArray &bytes);

} // namespace shmtest
