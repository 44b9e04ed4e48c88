#include "ui/memory/memorywindow.h"

#include "ui/common/helpmenu.h"
#include "ui/memory/hexview.h"
#include "ui/memory/memoryview.h"

#include <QMenuBar>
#include <QStatusBar>

shm::Result<MemoryWindow *> MemoryWindow::open(int shmid, shm::Access access, QWidget *parent)
{
    auto attached = shm::Attachment::attach(shmid, access);
    if (!attached)
        return attached.error();
    return new MemoryWindow(std::move(attached.value()), parent);
}

MemoryWindow::MemoryWindow(shm::Attachment attachment, QWidget *parent)
    : QMainWindow(parent)
    , m_view(new MemoryView(std::move(attachment), this))
{
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
