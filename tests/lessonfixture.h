#pragma once

// The lesson window tests' check that every test function, and every data row, starts and ends
// with no child of this process and no segment of its own more than at the start.

#include "demoprocesses.h"

#include <QtTest>

#include <unistd.h>

namespace demotest {

class NothingLeft
{
public:
    // In init(): no child yet; counts the segments this process made so far.
    void start()
    {
        QVERIFY(childrenOf(getpid()).empty());
        m_segmentsBefore = segmentsCreatedBy(getpid()).size();
    }
    // In cleanup(), after the window is deleted: no child left, no segment more.
    void check() const
    {
        QVERIFY(childrenOf(getpid()).empty());
        QCOMPARE(segmentsCreatedBy(getpid()).size(), m_segmentsBefore);
    }

private:
    std::size_t m_segmentsBefore = 0;
};

} // namespace demotest
