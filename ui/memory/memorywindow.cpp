#include "ui/memory/memorywindow.h"

#include "ui/common/helpmenu.h"
#include "ui/common/namespacerouter.h"
#include "ui/memory/hexview.h"
#include "ui/memory/memoryview.h"
#include "ui/memory/segmentwatchthread.h"

#include <QActionGroup>
#include <QFile>
#include <QLocale>
#include <QMenuBar>
#include <QSettings>
#include <QStatusBar>

shm::Result<MemoryWindow *> MemoryWindow::open(int shmid, shm::Access access, QWidget *parent,
                                               shm::IpcNamespacePtr ns)
{
    shm::IpcNamespaceScope scope(ns);
    if (!scope.ok())
        return *scope.error();
    auto attached = shm::Attachment::attach(shmid, access);
    if (!attached)
        return attached.error();
    return new MemoryWindow(std::move(attached.value()), parent, std::move(ns));
}

shm::Result<MemoryWindow *> MemoryWindow::openFile(const QString &path, const QString &title,
                                                   shm::Access access, QWidget *parent)
{
    // No IPC namespace: a file is reached by its path (/proc/PID/root for another mount
    // namespace's /dev/shm), and the view makes no System V call.
    auto mapped = shm::Attachment::mapFile(QFile::encodeName(path).toStdString(), access);
    if (!mapped)
        return mapped.error();
    return new MemoryWindow(std::move(mapped.value()), parent, {},
                            title.isEmpty() ? path : title);
}

MemoryWindow::MemoryWindow(shm::Attachment attachment, QWidget *parent, shm::IpcNamespacePtr ns,
                           const QString &title)
    : QMainWindow(parent)
    , m_view(new MemoryView(std::move(attachment), this))
{
    m_view->setObjectTitle(title);
    // Its IPC calls (stat, re-attach) stay in the segment's namespace when the browser moves on.
    NamespaceRouter::setNamespace(this, std::move(ns));
    setAttribute(Qt::WA_DeleteOnClose);
    // A window of its own even when a parent is given (the browser opens several).
    setWindowFlag(Qt::Window);
    setCentralWidget(m_view);
    using Id = MemoryView::ActionId;

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_view->action(Id::ExportSegment));
    file->addAction(m_view->action(Id::ExportSelection));
    file->addAction(m_view->action(Id::Import));
    file->addSeparator();
    QAction *close = file->addAction(tr("&Close"), QKeySequence::Close, this, &QWidget::close);
    close->setShortcutContext(Qt::WindowShortcut);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_view->action(Id::Editable));
    edit->addSeparator();
    edit->addAction(m_view->action(Id::Undo));
    edit->addAction(m_view->action(Id::Redo));
    edit->addSeparator();
    edit->addAction(m_view->action(Id::CopyHex));
    edit->addAction(m_view->action(Id::CopyCArray));
    edit->addAction(m_view->action(Id::CopyBase64));
    edit->addAction(m_view->action(Id::PasteHex));
    edit->addAction(m_view->action(Id::Fill));

    QMenu *search = menuBar()->addMenu(tr("&Search"));
    search->addAction(m_view->action(Id::GoTo));
    search->addAction(m_view->action(Id::Find));
    search->addAction(m_view->action(Id::FindNext));
    search->addAction(m_view->action(Id::FindPrevious));
    search->addSeparator();
    search->addAction(m_view->action(Id::ScanValues));

    QMenu *live = menuBar()->addMenu(tr("&Live"));
    live->addAction(m_view->action(Id::PauseLive));
    live->addAction(m_view->action(Id::NextChange));
    live->addAction(m_view->action(Id::PreviousChange));
    live->addAction(m_view->action(Id::ResetChanges));
    live->addSeparator();
    addTrackerBudgetMenu(live);

    QMenu *compare = menuBar()->addMenu(tr("&Compare"));
    compare->addAction(m_view->action(Id::SnapshotSegment));
    compare->addAction(m_view->action(Id::SnapshotSelection));
    compare->addSeparator();
    compare->addAction(m_view->action(Id::CompareWithSnapshot));
    compare->addAction(m_view->action(Id::CompareSnapshots));
    compare->addSeparator();
    compare->addAction(m_view->action(Id::NextDifference));
    compare->addAction(m_view->action(Id::PreviousDifference));
    installHelpMenu(this);

    connect(m_view, &MemoryView::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_view, &MemoryView::editableChanged, this, [this] { updateTitle(); });
    updateTitle();
    resize(1100, 640);
    m_view->hexView()->setCursorOffset(0);
    m_view->hexView()->setFocus(Qt::OtherFocusReason);
}

void MemoryWindow::updateTitle()
{
    if (m_view->isFile()) {
        setWindowTitle(tr("%1 (%2) — shmscope")
                           .arg(m_view->objectTitle(),
                                m_view->isReadOnly() ? tr("read-only") : tr("read-write")));
        return;
    }
    setWindowTitle(tr("shmid %1 (%2) — shmscope")
                       .arg(m_view->shmid())
                       .arg(m_view->isReadOnly() ? tr("read-only") : tr("read-write")));
}

void MemoryWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (!m_shownOnce) {
        // Ready to type at once: focus in the hex column at offset 0.
        m_shownOnce = true;
        m_view->hexView()->setActiveArea(HexView::Area::Hex);
        m_view->hexView()->setCursorOffset(0);
        m_view->hexView()->setFocus(Qt::ActiveWindowFocusReason);
    }
}

void MemoryWindow::addTrackerBudgetMenu(QMenu *live)
{
    // The share of one core the whole-segment tracker may use; remembered for the next view.
    QMenu *menu = live->addMenu(tr("Tracker &budget"));
    menu->setToolTipsVisible(true);
    auto *group = new QActionGroup(menu);
    const double chosen = trackerBudget();
    m_view->segmentWatch()->watcher().setBudget(chosen);
    for (double share : TrackerBudgets) {
        QAction *action = menu->addAction(
            tr("%1% of a core").arg(QLocale().toString(share * 100, 'g', 3)));
        action->setCheckable(true);
        action->setChecked(qFuzzyCompare(share, chosen));
        action->setData(share);
        action->setToolTip(tr("How much CPU the comparison of the whole segment may take: more "
                              "sees changes sooner on a large segment, less leaves more to the "
                              "programs that use it."));
        group->addAction(action);
    }
    connect(group, &QActionGroup::triggered, this, [this](QAction *action) {
        const double share = action->data().toDouble();
        m_view->segmentWatch()->watcher().setBudget(share);
        QSettings().setValue(QStringLiteral("memory/trackerBudget"), share);
    });
}

double MemoryWindow::trackerBudget()
{
    const double stored = QSettings()
                              .value(QStringLiteral("memory/trackerBudget"),
                                     shm::SegmentWatcherOptions{}.budget)
                              .toDouble();
    for (double share : TrackerBudgets) {
        if (qFuzzyCompare(share, stored))
            return share;
    }
    return shm::SegmentWatcherOptions{}.budget; // not one offered: the default
}
