// Message queues in the core, on real queues: send, a peek (MSG_COPY) that leaves the queue as
// it was, receive; a full queue (EAGAIN); a removed queue; refusals as the unprivileged user;
// the /proc/sysvipc/msg parser fed bad text.

#include "core/queues.h"
#include "support/asuser.h"
#include "support/madeids.h"
#include "support/testsegment.h"

#include <QTest>

#include <cerrno>
#include <sys/msg.h>
#include <unistd.h>

using namespace shmtest;

class TestCoreQueues : public QObject
{
    Q_OBJECT

private:
    MadeIds m_made{[](int msqid) { msgctl(msqid, IPC_RMID, nullptr); }};
    int make(unsigned mode = 0600)
    {
        shm::CreateQueueRequest request;
        request.mode = mode;
        return m_made.keep(shm::createQueue(request));
    }

private slots:
    void cleanup() { m_made.removeAll(); }

    void sendPeekReceive()
    {
        const int msqid = make(0640);
        QVERIFY(msqid >= 0);
        QVERIFY(shm::sendMessage(msqid, 7, "hello").ok());
        const std::string binary("\0\1\2\xff", 4);
        QVERIFY(shm::sendMessage(msqid, 3, binary).ok());
        QVERIFY(shm::sendMessage(msqid, 1, "").ok());
        auto before = shm::statQueue(msqid);
        QVERIFY(before.ok());
        QCOMPARE(before->qnum, 3u);
        QCOMPARE(before->cbytes, 9u);
        QCOMPARE(before->lspid, getpid());
        QCOMPARE(before->lrpid, 0);
        QCOMPARE(before->rtime, 0);

        auto peeked = shm::peekMessages(msqid);
        if (!peeked && peeked.error().kind == shm::ErrorKind::NotSupported)
            QSKIP("this kernel has no MSG_COPY (CONFIG_CHECKPOINT_RESTORE)");
        QVERIFY2(peeked.ok(), peeked.ok() ? "" : peeked.error().describe().c_str());
        QCOMPARE(*peeked, (std::vector<shm::Message>{{7, "hello"}, {3, binary}, {1, ""}}));
        QCOMPARE(shm::peekMessages(msqid, 1)->size(), std::size_t(1));
        // As it was: the same messages, bytes, and no receive counted.
        QCOMPARE(*shm::statQueue(msqid), *before);
        auto listed = shm::listQueues();
        QVERIFY(listed.ok());
        auto it = std::find_if(listed->begin(), listed->end(),
                               [&](const auto &q) { return q.msqid == msqid; });
        QVERIFY(it != listed->end());
        QCOMPARE(*it, *before);
        QVERIFY(it->qbytesKnown);
        auto byStat = shm::listQueuesByStat();
        QVERIFY(byStat.ok());
        QVERIFY(std::find(byStat->begin(), byStat->end(), *before) != byStat->end());

        // Still receivable, in order; a type picks.
        auto three = shm::receiveMessage(msqid, 3);
        QVERIFY(three.ok());
        QCOMPARE(*three, (shm::Message{3, binary}));
        auto first = shm::receiveMessage(msqid);
        QVERIFY(first.ok());
        QCOMPARE(*first, (shm::Message{7, "hello"}));
        QCOMPARE(shm::statQueue(msqid)->lrpid, getpid());
        QVERIFY(shm::receiveMessage(msqid).ok());
        auto none = shm::receiveMessage(msqid);
        QVERIFY(!none.ok());
        QCOMPARE(none.error().kind, shm::ErrorKind::NotFound);
        QCOMPARE(none.error().errnum, ENOMSG);
        QVERIFY(shm::peekMessages(msqid)->empty());
    }

    void fullQueueSaysSo()
    {
        const int msqid = make();
        QVERIFY(msqid >= 0);
        QVERIFY(shm::setQueueMaxBytes(msqid, 16).ok());
        QCOMPARE(shm::statQueue(msqid)->qbytes, 16u);
        QVERIFY(shm::sendMessage(msqid, 1, "0123456789").ok());
        auto full = shm::sendMessage(msqid, 1, "0123456789");
        QVERIFY(!full.ok());
        QCOMPARE(full.error().errnum, EAGAIN);
        QCOMPARE(full.error().kind, shm::ErrorKind::LimitReached);
        QVERIFY2(full.error().english().find("the queue is full: it holds 10 of its 16 bytes")
                     != std::string::npos,
                 full.error().describe().c_str());
        auto badType = shm::sendMessage(msqid, 0, "x");
        QVERIFY(!badType.ok());
        QCOMPARE(badType.error().kind, shm::ErrorKind::BadInput);
        QVERIFY(shm::setQueueMode(msqid, 0604).ok());
        QCOMPARE(shm::statQueue(msqid)->perms(), 0604u);
        QVERIFY(shm::setQueueOwner(msqid, 12345, 54321).ok());
        QCOMPARE(shm::statQueue(msqid)->gid, gid_t(54321));
    }

    void goneQueuesAreSaid()
    {
        const int msqid = make();
        QVERIFY(msqid >= 0);
        QVERIFY(shm::removeQueue(msqid).ok());
        for (const shm::Error &error :
             {shm::statQueue(msqid).error(), shm::peekMessages(msqid).error(),
              shm::sendMessage(msqid, 1, "x").error(), shm::receiveMessage(msqid).error(),
              shm::removeQueue(msqid).error(), shm::setQueueMaxBytes(msqid, 10).error()}) {
            QCOMPARE(error.kind, shm::ErrorKind::Gone);
            QVERIFY2(error.english().find("no message queue with this id") != std::string::npos,
                     error.describe().c_str());
        }
    }

    void unprivilegedUserIsRefused()
    {
        if (geteuid() != 0)
            QSKIP("root makes the queue, and a helper drops to nobody");
        const int msqid = make(0600);
        QVERIFY(msqid >= 0);
        QVERIFY(shm::sendMessage(msqid, 1, "secret").ok());
        const QString id = QString::number(msqid);
        const QList<StepReport> reports
            = runAsUnprivileged({"msgpeek " + id, "msgreceive " + id, "msgsend " + id + " 1 aa",
                                 "msgremove " + id, "msgmode " + id + " 0666"});
        QCOMPARE(reports.size(), 5);
        const char *errnos[] = {"EACCES", "EACCES", "EACCES", "EPERM", "EPERM"};
        for (int i = 0; i < 5; ++i) {
            QVERIFY2(!reports[i].ok, qPrintable(reports[i].summary()));
            QCOMPARE(reports[i].kind, QStringLiteral("PermissionDenied"));
            QCOMPARE(reports[i].errnoName, QLatin1String(errnos[i]));
            QVERIFY2(reports[i].text.contains("the message queue has mode rw------- (0600)")
                         && reports[i].text.contains("you are uid 65534"),
                     qPrintable(reports[i].summary()));
        }
        QCOMPARE(shm::statQueue(msqid)->qnum, 1u);
        // Raising msg_qbytes above MSGMNB needs CAP_SYS_RESOURCE: the owner, without it, is told.
        QVERIFY(shm::setQueueOwner(msqid, UnprivilegedUid, UnprivilegedGid).ok());
        const QList<StepReport> owner = runAsUnprivileged({"msgmode " + id + " 0644"});
        QCOMPARE(unexpectedOutcomes(owner, {true}), QString());
    }

    void parserSkipsMalformedLines()
    {
        const std::string text =
            "       key      msqid perms      cbytes       qnum lspid lrpid   uid   gid  cuid  cgid      stime      rtime      ctime\n"
            "         0          3   600          10          2   100   200     0     0     0     0 1700000000          0 1700000001\n"
            "        -5          1   644           0          0     0     0  1000  1000  1000  1000          0          0 1700000002\n"
            "         0          4   600          10          2   100   200     0     0     0     0 1700000000          0\n"
            "         0          5   600          -1          2   100   200     0     0     0     0 1 0 1\n"
            "         0          6   800          10          2   100   200     0     0     0     0 1 0 1\n"
            "         0          7   600          10          2   100   200     0     0     0     0 1 0 1 9\n"
            "not a line at all\r\n"
            "\t\r\n";
        int skipped = -1;
        const auto queues = shm::parseProcSysvipcMsg(text, &skipped);
        QCOMPARE(skipped, 5);
        QCOMPARE(queues.size(), std::size_t(2));
        QCOMPARE(queues[0].msqid, 1);
        QCOMPARE(queues[0].key, -5);
        QCOMPARE(queues[0].uid, uid_t(1000));
        QCOMPARE(queues[1].msqid, 3);
        QCOMPARE(queues[1].cbytes, 10u);
        QCOMPARE(queues[1].qnum, 2u);
        QCOMPARE(queues[1].lspid, 100);
        QCOMPARE(queues[1].lrpid, 200);
        QCOMPARE(queues[1].stime, 1700000000);
        QCOMPARE(queues[1].ctime, 1700000001);
        QVERIFY(!queues[1].qbytesKnown);
    }
};

QTEST_GUILESS_MAIN(TestCoreQueues)
#include "tst_corequeues.moc"
