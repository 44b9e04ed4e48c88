#include "ui/common/namespacerouter.h"

#include <QCoreApplication>
#include <QHash>
#include <QThread>

#include <fcntl.h>
#include <sched.h>
#include <unistd.h>

namespace {

// The windows that chose a namespace. Only the GUI thread reads and writes it.
QHash<const QObject *, shm::IpcNamespacePtr> &roots()
{
    static QHash<const QObject *, shm::IpcNamespacePtr> table;
    return table;
}

} // namespace

NamespaceRouter::NamespaceRouter()
    : QObject(QCoreApplication::instance())
    , m_home(::open("/proc/thread-self/ns/ipc", O_RDONLY | O_CLOEXEC))
    , m_homeId(shm::currentIpcNamespace().value_or(shm::IpcNamespaceId{}))
{
}

NamespaceRouter *NamespaceRouter::instance()
{
    static NamespaceRouter *router = [] {
        auto *made = new NamespaceRouter;
        QCoreApplication::instance()->installEventFilter(made);
        QObject::connect(made, &QObject::destroyed, [] { roots().clear(); });
        return made;
    }();
    return router;
}

void NamespaceRouter::setNamespace(QObject *root, shm::IpcNamespacePtr ns)
{
    NamespaceRouter *router = instance();
    const bool known = roots().contains(root);
    // Null stands for home, and is kept: a memory view opened at home stays there when the
    // browser it came from moves to another namespace.
    roots().insert(root, ns && !ns->isOurs() ? std::move(ns) : nullptr);
    if (!known)
        QObject::connect(root, &QObject::destroyed, router, [root] { roots().remove(root); });
    // Now, not at the next event: the caller goes on in the namespace it chose.
    router->enter(namespaceFor(root).get());
}

shm::IpcNamespacePtr NamespaceRouter::namespaceFor(const QObject *object)
{
    const auto &table = roots();
    if (table.isEmpty())
        return {};
    for (; object; object = object->parent()) {
        const auto found = table.constFind(object);
        if (found != table.constEnd())
            return found.value();
    }
    return {};
}

bool NamespaceRouter::eventFilter(QObject *watched, QEvent *event)
{
    Q_UNUSED(event);
    if (roots().isEmpty() && !m_away)
        return false;
    if (watched->thread() == thread())
        enter(namespaceFor(watched).get());
    return false;
}

void NamespaceRouter::enter(const shm::IpcNamespaceHandle *ns)
{
    if (m_home < 0)
        return;
    const shm::IpcNamespaceId wanted = ns ? ns->id() : m_homeId;
    const auto here = shm::currentIpcNamespace();
    if (here && *here == wanted)
        return;
    // Entering was tried when the handle was opened (IpcNamespaceHandle::open), and coming back
    // needs the same capability as leaving: neither fails after that.
    if (shm::enterIpcNamespace(ns ? ns->descriptor() : m_home) == 0)
        m_away = ns != nullptr;
}
