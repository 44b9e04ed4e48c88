// The kind of each core error, produced by a real call: a removed segment is Gone, a refusal is
// PermissionDenied, refused input is BadInput, a taken key Exists... The UI acts on the kind
// (refresh when Gone, offer read-only when writing is refused), so each is checked here, with
// the errno where that is the point.

#include "core/attachment.h"
#include "core/parse.h"
#include "core/segmentcontrol.h"
#include "core/segmentlist.h"
#include "support/asuser.h"
#include "support/testsegment.h"

#include <QTest>

#include <cerrno>
#include <functional>
#include <optional>
#include <sys/shm.h>
#include <unistd.h>

using namespace shmtest;

namespace {

template<typename T>
std::optional<shm::Error> errorOf(const shm::Result<T> &result)
{
    if (result)
        return std::nullopt;
    return result.error();
}

// The id of a segment that existed and was removed (IPC_RMID with nothing attached).
int removedShmid()
{
    const int shmid = shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600);
    if (shmid >= 0)
        shmctl(shmid, IPC_RMID, nullptr);
    return shmid;
}

struct Case
{
    const char *name;
    shm::ErrorKind kind;
    int errnum;        // for Gone, EINVAL stands for EINVAL or EIDRM
    const char *says;  // a word the sentence must hold, or nullptr
    std::function<std::optional<shm::Error>()> make;
};

const std::vector<Case> &cases()
{
    using K = shm::ErrorKind;
    static const std::vector<Case> all = {
        {"shmat of a removed segment", K::Gone, EINVAL, nullptr,
         [] { return errorOf(shm::Attachment::attach(removedShmid())); }},
        {"IPC_STAT of a removed segment", K::Gone, EINVAL, "no segment with this id",
         [] { return errorOf(shm::statSegment(removedShmid())); }},
        {"IPC_RMID of a removed segment", K::Gone, EINVAL, nullptr,
         [] { return errorOf(shm::removeSegment(removedShmid())); }},
        {"IPC_SET of a removed segment", K::Gone, EINVAL, nullptr,
         [] { return errorOf(shm::setMode(removedShmid(), 0644)); }},
        {"SHM_LOCK of a removed segment", K::Gone, EINVAL, nullptr,
         [] { return errorOf(shm::setLocked(removedShmid(), true)); }},
        // EINVAL on a shmid that still names a segment is about an argument, not a vanishing.
        {"IPC_SET of an owner uid the kernel cannot map", K::BadInput, EINVAL, nullptr,
         [] {
             TestSegment segment;
             return errorOf(shm::setOwner(segment.shmid(), static_cast<uid_t>(-1), getegid()));
         }},
        {"shmget asking more than the key's segment holds", K::BadInput, EINVAL, nullptr,
         [] {
             TestSegment segment(4096, 0600, unusedKey());
             shm::CreateRequest request;
             request.key = shm::KeySpec::explicitKey(segment.key());
             request.size = 8192;
             return errorOf(shm::createSegment(request));
         }},
        {"a key that is not a number", K::BadInput, 0, nullptr,
         [] { return errorOf(shm::parseKey("0xzz")); }},
        {"a size of zero", K::BadInput, 0, nullptr,
         [] {
             shm::CreateRequest request;
             request.size = 0;
             return errorOf(shm::createSegment(request));
         }},
        {"a size above SHMMAX", K::LimitReached, 0, "SHMMAX",
         [] {
             shm::CreateRequest request;
             request.size = ~std::uint64_t(0);
             return errorOf(shm::createSegment(request));
         }},
        {"IPC_EXCL on a taken key", K::Exists, EEXIST, nullptr,
         [] {
             TestSegment segment(4096, 0600, unusedKey());
             shm::CreateRequest request;
             request.key = shm::KeySpec::explicitKey(segment.key());
             request.size = 4096;
             request.exclusive = true;
             return errorOf(shm::createSegment(request));
         }},
        {"shmget of a key no segment has", K::NotFound, ENOENT, nullptr,
         [] { return errorOf(shm::openSegment(unusedKey())); }},
        {"ftok of a missing file", K::NotFound, ENOENT, nullptr,
         [] { return errorOf(shm::makeFtokKey("/nonexistent/shmscope", 1)); }},
        {"a second shmdt", K::InvalidState, 0, nullptr,
         [] {
             TestSegment segment;
             auto attached = shm::Attachment::attach(segment.shmid());
             if (!attached)
                 return std::optional<shm::Error>(attached.error());
             (void)attached->detach();
             return errorOf(attached->detach());
         }},
    };
    return all;
}

} // namespace

class TestCoreErrors : public QObject
{
    Q_OBJECT
private slots:
    void kindOfRealCall_data()
    {
        QTest::addColumn<int>("index");
        for (std::size_t i = 0; i < cases().size(); ++i)
            QTest::newRow(cases()[i].name) << int(i);
    }
    void kindOfRealCall()
    {
        QFETCH(int, index);
        const Case &c = cases()[std::size_t(index)];
        const std::optional<shm::Error> error = c.make();
        QVERIFY2(error, "the call succeeded");
        QVERIFY2(error->kind == c.kind, error->describe().c_str());
        if (c.kind == shm::ErrorKind::Gone)
            QVERIFY2(error->errnum == EINVAL || error->errnum == EIDRM, error->describe().c_str());
        else
            QCOMPARE(error->errnum, c.errnum);
        QVERIFY(!error->english().empty());
        if (c.says)
            QVERIFY2(error->english().find(c.says) != std::string::npos, error->describe().c_str());
    }

    // Root bypasses permission checks: the calls run in the helper program, which drops to
    // nobody when we are root. A segment of mode 0000 refuses its owner too, so the same checks
    // hold unprivileged.
    void permissionDenied()
    {
        TestSegment segment(4096, 0000);
        QVERIFY(segment.isValid());
        const QString id = QString::number(segment.shmid());
        const QList<StepReport> reports = runAsUnprivileged(
            {QStringLiteral("attach %1 ro").arg(id), QStringLiteral("attach %1 rw").arg(id),
             QStringLiteral("stat ") + id});
        QCOMPARE(reports.size(), 3);
        for (const StepReport &report : reports) {
            QVERIFY2(!report.ok, qPrintable(report.summary()));
            QCOMPARE(report.kind, QStringLiteral("PermissionDenied"));
            QCOMPARE(report.errnoName, QStringLiteral("EACCES"));
        }
    }

    // What errno alone says, when the call adds nothing.
    void kindOfErrno_data()
    {
        QTest::addColumn<int>("errnum");
        QTest::addColumn<shm::ErrorKind>("kind");
        QTest::newRow("EACCES") << EACCES << shm::ErrorKind::PermissionDenied;
        QTest::newRow("EPERM") << EPERM << shm::ErrorKind::PermissionDenied;
        QTest::newRow("EIDRM") << EIDRM << shm::ErrorKind::Gone;
        QTest::newRow("EINVAL") << EINVAL << shm::ErrorKind::BadInput;
        QTest::newRow("ENOENT") << ENOENT << shm::ErrorKind::NotFound;
        QTest::newRow("EEXIST") << EEXIST << shm::ErrorKind::Exists;
        QTest::newRow("ENOSPC") << ENOSPC << shm::ErrorKind::LimitReached;
        QTest::newRow("ENOMEM") << ENOMEM << shm::ErrorKind::LimitReached;
        QTest::newRow("ENOSYS") << ENOSYS << shm::ErrorKind::NotSupported;
        QTest::newRow("EIO") << EIO << shm::ErrorKind::System;
        QTest::newRow("ETIMEDOUT") << ETIMEDOUT << shm::ErrorKind::System;
    }
    void kindOfErrno()
    {
        QFETCH(int, errnum);
        QFETCH(shm::ErrorKind, kind);
        QVERIFY(shm::kindOfErrno(errnum) == kind);
        QVERIFY(shm::systemError("call", "target", errnum).kind == kind);
    }
};

QTEST_GUILESS_MAIN(TestCoreErrors)
#include "tst_coreerrors.moc"
