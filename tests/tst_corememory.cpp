// The memory access layer on real segments: reading a sparse SHM_NORESERVE segment never makes
// it larger, untouched pages come back as zeros without being read, and a SHM_HUGETLB segment
// past the free huge pages faults with SIGBUS that comes back as an unreadable page instead of
// killing the program.

#include "core/attachment.h"
#include "core/memoryaccess.h"
#include "support/testsegment.h"

#include <QtTest>

#include <csignal>
#include <cstring>
#include <sys/mman.h>
#include <sys/shm.h>
#include <unistd.h>
#include <vector>

using shm::MemoryAccess;
using shm::PageState;

class TestCoreMemory : public QObject
{
    Q_OBJECT
private slots:
    void guardedCatchesASegfault()
    {
        const long page = sysconf(_SC_PAGESIZE);
        void *mapping = mmap(nullptr, std::size_t(page), PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS,
                             -1, 0);
        QVERIFY(mapping != MAP_FAILED);
        auto unmap = qScopeGuard([&] { munmap(mapping, std::size_t(page)); });
        std::byte into[16];
        shm::Fault fault;
        QCOMPARE(shm::guardedCopy(into, static_cast<const std::byte *>(mapping), sizeof into,
                                  &fault),
                 std::uint64_t(0));
        QCOMPARE(fault.signal, SIGSEGV);
        // Nested guards, and a guard after a fault, work.
        int inner = 0;
        bool outerOk = shm::guarded([&] {
            inner = shm::guarded([&] { std::memcpy(into, mapping, 1); }) ? 1 : 2;
        });
        QVERIFY(outerOk);
        QCOMPARE(inner, 2);
        QVERIFY(shm::guarded([&] { std::memset(into, 1, sizeof into); }));
    }

    // A 1 GiB SHM_NORESERVE segment with three pages written: reading it all, in either reach,
    // gives the written bytes and zeros elsewhere, and its resident size stays three pages.
    void sparseReadLeavesResidentSize()
    {
        const std::uint64_t size = std::uint64_t(1) << 30;
        shmtest::TestSegment segment(size, 0600, 0, SHM_NORESERVE);
        if (!segment.isValid())
            QSKIP(segment.error().c_str());
        const std::uint64_t page = MemoryAccess::pageSize();
        const std::uint64_t written[] = {0, size / 2 + 123, size - 1};
        {
            auto writer = shm::Attachment::attach(segment.shmid(), shm::Access::ReadWrite);
            QVERIFY(writer.ok());
            for (std::uint64_t at : written)
                writer.value().writableData()[at] = std::byte(0x5a);
        }
        const std::uint64_t before = shmtest::residentBytes(segment.shmid());
        QCOMPARE(before, 3 * page);

        auto reader = shm::Attachment::attach(segment.shmid());
        QVERIFY(reader.ok());
        const MemoryAccess access = MemoryAccess::forAttachment(reader.value());
        QVERIFY(!access.isHugeTlb());
        QCOMPARE(access.residentBytes(0, size), 3 * page);
        const auto runs = access.pages(0, size);
        QCOMPARE(runs.size(), std::size_t(5)); // R U R U R
        QCOMPARE(runs.front().state, PageState::Resident);
        QCOMPARE(runs[1].state, PageState::Untouched);

        std::vector<std::byte> chunk(std::size_t(64) << 20, std::byte(0xff));
        std::uint64_t nonZero = 0;
        std::uint64_t zeroBytes = 0;
        for (std::uint64_t at = 0; at < size; at += chunk.size()) {
            const auto report = access.read(at, chunk.data(), chunk.size());
            QVERIFY(report.complete());
            zeroBytes += report.zeroBytes;
            for (std::byte b : chunk)
                nonZero += b != std::byte(0);
        }
        QCOMPARE(nonZero, std::uint64_t(3));
        QCOMPARE(zeroBytes, size - 3 * page);
        QCOMPARE(shmtest::residentBytes(segment.shmid()), before);

        // With swapped pages announced, background reads skip what is not resident and user
        // reads take it (here: a read that does allocate, so on a small part only).
        MemoryAccess swapped = access;
        swapped.setSwappedBytes(page);
        auto report = swapped.read(0, chunk.data(), 4 * page, MemoryAccess::Reach::ResidentOnly);
        QCOMPARE(report.bytesRead, page);
        QCOMPARE(report.skipped, 3 * page);
        QCOMPARE(report.notRead.size(), std::size_t(1));
        QCOMPARE(report.notRead.front().state, PageState::MaybeSwapped);
        QCOMPARE(shmtest::residentBytes(segment.shmid()), before);
    }

    // Huge pages: one free huge page for a four-page SHM_NORESERVE segment. The first page is
    // written; reading the others faults with SIGBUS, reported, the program alive.
    void hugePagesPastTheFreeOnesFault()
    {
        {
            const shmtest::HugeTlbSegment segment(4, 1);
            if (!segment.whyNot().empty())
                QSKIP(segment.whyNot().c_str());
            const std::uint64_t huge = segment.hugePageSize();
            const int shmid = segment.shmid();
            const std::uint64_t freeBefore = shmtest::HugePages::freePages();
            {
                auto writer = shm::Attachment::attach(shmid, shm::Access::ReadWrite);
                QVERIFY(writer.ok());
                writer.value().writableData()[10] = std::byte(7); // takes the free huge page
            }
            QCOMPARE(shmtest::HugePages::freePages(), freeBefore - 1);
            auto reader = shm::Attachment::attach(shmid);
            QVERIFY(reader.ok());
            const MemoryAccess access = MemoryAccess::forAttachment(reader.value());
            QVERIFY(access.isHugeTlb());
            std::vector<std::byte> all(4 * huge);
            // In the background, pages not mapped here are not read at all.
            auto background = access.read(0, all.data(), all.size(),
                                          MemoryAccess::Reach::ResidentOnly);
            QCOMPARE(background.skipped, 4 * huge);
            QVERIFY(!background.firstFault);
            // Asked for: the first huge page reads, the three others fault.
            auto report = access.read(0, all.data(), all.size());
            QCOMPARE(report.bytesRead, huge);
            QCOMPARE(all[10], std::byte(7));
            QCOMPARE(report.unreadable, 3 * huge);
            QVERIFY(report.firstFault);
            QCOMPARE(report.firstFault->signal, SIGBUS);
            QCOMPARE(report.firstFault->offset, huge);
            QCOMPARE(report.notRead.size(), std::size_t(1));
            QCOMPARE(report.notRead.front().state, PageState::Unreadable);
            QVERIFY(!shm::faultText(*report.firstFault, true).english().empty());
        }
    }
};

QTEST_GUILESS_MAIN(TestCoreMemory)
#include "tst_corememory.moc"
