#pragma once

// Which IPC namespace the GUI thread is in while it handles an event. A System V call, and a
// read of /proc/sysvipc, acts in the calling thread's IPC namespace; the browser can be switched
// to another namespace (a container's), and a memory view keeps the namespace its segment is of.
// A window says which namespace it and everything under it act in (setNamespace); before each
// event of the GUI thread the router puts the thread in the namespace of the receiver's nearest
// such ancestor, or back in the one it started in (the lessons, and everything else, stay there).
// The thread moves only when the namespace wanted changes; threads it starts are born where it is.

#include "core/namespaces.h"

#include <QObject>

class NamespaceRouter : public QObject
{
public:
    // `root` and the objects under it act in `ns` from now on (null or ours: where the thread
    // started, whatever namespace the objects above root act in). The router is installed on
    // the application at the first call.
    static void setNamespace(QObject *root, shm::IpcNamespacePtr ns);
    // The namespace `object` acts in: its nearest ancestor's that chose one (itself included);
    // null for home.
    static shm::IpcNamespacePtr namespaceFor(const QObject *object);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    NamespaceRouter();
    static NamespaceRouter *instance();
    // Puts the thread in `ns` (null: where it started) unless it is there.
    void enter(const shm::IpcNamespaceHandle *ns);

    int m_home = -1; // the GUI thread's namespace when the router was made
    shm::IpcNamespaceId m_homeId;
    bool m_away = false; // the thread was moved out of home by us
};
