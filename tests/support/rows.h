#pragma once

// Data rows that several tests share.

#include <QTest>

namespace shmtest {

// A test run both ways: one bool column, `column`, with the row `whenFalse` and then the row
// `whenTrue`.
inline void addBoolRows(const char *column, const char *whenFalse, const char *whenTrue)
{
    QTest::addColumn<bool>(column);
    QTest::newRow(whenFalse) << false;
    QTest::newRow(whenTrue) << true;
}

} // namespace shmtest
