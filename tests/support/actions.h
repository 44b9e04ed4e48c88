#pragma once

// Triggers a window's action by its object name, as the menu, toolbar or shortcut would; fails
// the test when there is no such action or it is disabled.

#include <QAction>
#include <QObject>
#include <QTest>

namespace shmtest {

inline void trigger(QObject &window, const char *name)
{
    QAction *action = window.findChild<QAction *>(QLatin1String(name));
    QVERIFY2(action, name);
    QVERIFY2(action->isEnabled(), name);
    action->trigger();
}

} // namespace shmtest
