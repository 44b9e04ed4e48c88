#include "ui/browser/mainwindow.h"

#include "ui/browser/attachersmodel.h"
#include "ui/browser/browserparts.h"
#include "ui/browser/filebrowser.h"
#include "ui/common/colors.h"
#include "ui/browser/controldialogs.h"
#include "ui/browser/createsegmentdialog.h"
#include "ui/common/errortext.h"
#include "ui/common/helpmenu.h"
#include "ui/common/namespacerouter.h"
#include "ui/common/plural.h"
#include "ui/memory/memorywindow.h"
#include "ui/memory/memoryview.h"
#include "ui/browser/segmentdetailswidget.h"
#include "ui/browser/segmentfilterproxy.h"
#include "ui/browser/queuebrowser.h"
#include "ui/browser/segmenttablemodel.h"
#include "ui/browser/semaphorebrowser.h"

#include "core/attachers.h"
#include "core/limits.h"
#include "core/orphans.h"
#include "core/segmentcontrol.h"
#include "core/segmentlist.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QCloseEvent>
#include <QDateTime>
#include <QDoubleSpinBox>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include <unistd.h>

namespace {

constexpr int DefaultIntervalMs = 1000;
// Attachers come from a scan of every /proc/PID/maps: redo it when the selected segment's
// attach data changes (nattch, lpid, times), and otherwise only this often, in ticks.
constexpr int AttachersRescanTicks = 10;

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

// The namespace switcher reads /proc/*/ns/ipc only when the user opens it.
class NamespaceBox : public QComboBox
{
public:
    NamespaceBox(QWidget *parent, std::function<void()> fill)
        : QComboBox(parent)
        , m_fill(std::move(fill))
    {
    }
    void showPopup() override
    {
        m_fill();
        view()->setMinimumWidth(view()->sizeHintForColumn(0) + 24);
        QComboBox::showPopup();
    }

private:
    std::function<void()> m_fill;
};

bool attachDataDiffers(const shm::SegmentInfo &a, const shm::SegmentInfo &b)
{
    return a.nattch != b.nattch || a.lpid != b.lpid || a.atime != b.atime || a.dtime != b.dtime;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_home(shm::currentIpcNamespace().value_or(shm::IpcNamespaceId{}))
{
    setWindowTitle(tr("shmscope — System V shared memory"));

    m_model = new SegmentTableModel(this);
    m_proxy = new SegmentFilterProxy(this);
    m_proxy->setSourceModel(m_model);

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("filter"));
    m_filter->setPlaceholderText(tr("Filter: key, shmid, owner or any text (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &SegmentFilterProxy::setFilterText);
    connect(m_filter, &QLineEdit::textChanged, this, &MainWindow::updateCount);

    m_view = browserparts::makeTable(this, QStringLiteral("segments"),
                                     QAbstractItemView::ExtendedSelection);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(SegmentTableModel::ShmidColumn, Qt::AscendingOrder);
    m_view->horizontalHeader()->setSectionsMovable(true);
    m_view->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view->horizontalHeader(), &QHeaderView::customContextMenuRequested, this,
            &MainWindow::showHeaderMenu);
    connect(m_view, &QTableView::customContextMenuRequested, this, &MainWindow::showContextMenu);
    connect(m_view, &QTableView::doubleClicked, this,
            [this] { openCurrent(shm::Access::ReadOnly); });

    m_details = new SegmentDetailsWidget(m_model, this);
    m_details->setObjectName(QStringLiteral("details"));

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_filter);
    topLayout->addWidget(m_view);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("splitter"));
    m_splitter->addWidget(top);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(true);

    m_timer = new QTimer(this);
    m_timer->setInterval(DefaultIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &MainWindow::refresh);

    createActions();
    createMenus();
    createToolBar();
    createStatusBar();
    createTabs();

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        updateDetails(false);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { updateDetails(true); });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateCount);

    resize(1200, 760);
    const bool restoredHeader = readSettings();
    refresh();
    if (!restoredHeader)
        m_view->resizeColumnsToContents();
    if (m_proxy->rowCount() > 0 && !m_view->currentIndex().isValid())
        m_view->selectionModel()->setCurrentIndex(
            m_proxy->index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    updateActions();
    m_view->setFocus(Qt::OtherFocusReason); // Del, Enter and the arrows work at once
    if (!m_pauseAction->isChecked())
        m_timer->start();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    const auto make = [this](const QString &name, const QString &text, const QString &icon,
                             const QKeySequence &shortcut, auto slot) {
        auto *action = new QAction(QIcon::fromTheme(icon), text, this);
        action->setObjectName(name);
        if (!shortcut.isEmpty())
            action->setShortcut(shortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };
    m_newAction = make(QStringLiteral("actionNew"), tr("&New Segment…"),
                       QStringLiteral("document-new"), QKeySequence::New,
                       [this] { newSegment(); });
    m_newAction->setStatusTip(tr("Create a shared-memory segment (shmget)"));
    m_removeAction = make(QStringLiteral("actionRemove"), tr("&Remove…"),
                          QStringLiteral("edit-delete"), QKeySequence(Qt::Key_Delete),
                          [this] { confirmRemove(); });
    m_removeAction->setStatusTip(tr("Mark the selected segments for destruction (IPC_RMID)"));
    m_openAction = make(QStringLiteral("actionOpen"), tr("&Open"), QStringLiteral("document-open"),
                        QKeySequence(Qt::Key_Return),
                        [this] { openCurrent(shm::Access::ReadOnly); });
    m_openAction->setStatusTip(
        tr("Attach read-only and show the memory (attaching changes the segment's nattch, "
           "atime and lpid)"));
    m_openAction->setToolTip(MemoryView::attachSideEffectsText());
    m_openWritableAction = make(QStringLiteral("actionOpenReadWrite"), tr("Open for &Editing"),
                                QStringLiteral("document-edit"),
                                QKeySequence(Qt::SHIFT | Qt::Key_Return),
                                [this] { openCurrent(shm::Access::ReadWrite); });
    m_openWritableAction->setStatusTip(
        tr("Attach read-write so the memory can be edited (attaching changes the segment's "
           "nattch, atime and lpid)"));
    m_openWritableAction->setToolTip(MemoryView::attachSideEffectsText());
    // Return and keypad Enter; only from the table: in the filter box it would surprise.
    m_openAction->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    m_openWritableAction->setShortcuts({QKeySequence(Qt::SHIFT | Qt::Key_Return),
                                        QKeySequence(Qt::SHIFT | Qt::Key_Enter)});
    for (QAction *action : {m_openAction, m_openWritableAction}) {
        removeAction(action);
        action->setShortcutContext(Qt::WidgetShortcut);
        m_view->addAction(action);
    }
    m_modeAction = make(QStringLiteral("actionChangeMode"), tr("Change &Mode…"),
                        QStringLiteral("document-properties"), QKeySequence(Qt::CTRL | Qt::Key_M),
                        [this] { askMode(); });
    m_ownerAction = make(QStringLiteral("actionChangeOwner"), tr("Change O&wner and Group…"),
                         QStringLiteral("system-users"), QKeySequence(Qt::CTRL | Qt::Key_O),
                         [this] { askOwner(); });
    m_lockAction = make(QStringLiteral("actionLock"), tr("&Lock in Memory"),
                        QStringLiteral("object-locked"), QKeySequence(Qt::CTRL | Qt::Key_L),
                        [this] { setLocked(selectedShmids(), true); });
    m_unlockAction = make(QStringLiteral("actionUnlock"), tr("&Unlock"),
                          QStringLiteral("object-unlocked"),
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L),
                          [this] { setLocked(selectedShmids(), false); });
    m_orphansAction = make(QStringLiteral("actionSelectOrphans"), tr("Select Or&phans"),
                           QStringLiteral("edit-select-all"),
                           QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A),
                           [this] { selectOrphans(); });
    m_orphansAction->setStatusTip(
        tr("Select every segment nobody attaches whose creator is gone, to remove them"));
    m_copyAction = make(QStringLiteral("actionCopy"), tr("&Copy Rows"),
                        QStringLiteral("edit-copy"), QKeySequence::Copy,
                        [this] { copySelection(); });
    removeAction(m_copyAction);
    m_copyAction->setShortcutContext(Qt::WidgetShortcut);
    m_view->addAction(m_copyAction);
    m_refreshAction = make(QStringLiteral("actionRefresh"), tr("&Refresh Now"),
                           QStringLiteral("view-refresh"), QKeySequence(Qt::Key_F5),
                           [this] { refresh(); });
    m_pauseAction = make(QStringLiteral("actionPause"), tr("&Pause Refreshing"),
                         QStringLiteral("media-playback-pause"), QKeySequence(Qt::Key_Pause),
                         [this](bool paused) { setPaused(paused); });
    m_pauseAction->setCheckable(true);
    m_pauseAction->setShortcuts({QKeySequence(Qt::Key_Pause), QKeySequence(Qt::CTRL | Qt::Key_P)});
    m_filterAction = make(QStringLiteral("actionFilter"), tr("&Filter…"),
                          QStringLiteral("edit-find"), QKeySequence::Find, [this] {
                              // The current tab's filter box (each tab names its own "filter").
                              QLineEdit *filter = segmentsCurrent()
                                  ? m_filter
                                  : m_tabs->currentWidget()->findChild<QLineEdit *>(
                                        QStringLiteral("filter"));
                              if (!filter)
                                  return;
                              filter->setFocus(Qt::ShortcutFocusReason);
                              filter->selectAll();
                          });
    m_demoAction = make(QStringLiteral("actionDemo"), tr("&Fork Demo…"),
                        QStringLiteral("system-run"), QKeySequence(), [this] { emit demoRequested(); });
    m_raceDemoAction = make(QStringLiteral("actionRaceDemo"), tr("&Race Demo…"),
                            QStringLiteral("system-run"), QKeySequence(),
                            [this] { emit raceDemoRequested(); });
    m_quitAction = make(QStringLiteral("actionQuit"), tr("&Quit"),
                        QStringLiteral("application-exit"), QKeySequence::Quit,
                        [this] { close(); });
    // Escape in the filter box clears it and returns to the table.
    browserparts::clearOnEscape(m_filter, m_view);
}

void MainWindow::createMenus()
{
    QMenu *segment = menuBar()->addMenu(tr("&Segment"));
    m_segmentMenu = segment;
    segment->addAction(m_newAction);
    segment->addAction(m_openAction);
    segment->addAction(m_openWritableAction);
    segment->addSeparator();
    segment->addAction(m_modeAction);
    segment->addAction(m_ownerAction);
    segment->addAction(m_lockAction);
    segment->addAction(m_unlockAction);
    segment->addSeparator();
    segment->addAction(m_orphansAction);
    segment->addAction(m_removeAction);
    segment->addSeparator();
    segment->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_copyAction);
    edit->addAction(m_filterAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_refreshAction);
    view->addAction(m_pauseAction);
    view->addSeparator();
    m_columnsMenu = view->addMenu(tr("&Columns"));
    for (int column = 0; column < SegmentTableModel::ColumnCount; ++column) {
        auto *action = m_columnsMenu->addAction(
            m_model->headerData(column, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setData(column);
        connect(action, &QAction::toggled, this, [this, column](bool on) {
            m_view->horizontalHeader()->setSectionHidden(column, !on);
        });
    }
    connect(m_columnsMenu, &QMenu::aboutToShow, this, [this] {
        for (QAction *action : m_columnsMenu->actions()) {
            QSignalBlocker block(action);
            action->setChecked(!m_view->horizontalHeader()->isSectionHidden(action->data().toInt()));
        }
    });

    QMenu *demo = menuBar()->addMenu(tr("&Demo"));
    demo->addAction(m_demoAction);
    demo->addAction(m_raceDemoAction);

    installHelpMenu(this);
    m_view->setWhatsThis(
        tr("Every System V shared-memory segment of this IPC namespace, refreshed live. "
           "Columns: the %1, the %2, the %3 and %4, the %5, the %6 (%7, %8), the %9 "
           "and the %10.")
            .arg(helpLink(QStringLiteral("key"), tr("key")),
                 helpLink(QStringLiteral("shmid"), tr("shmid")),
                 helpLink(QStringLiteral("owner"), tr("owner")),
                 helpLink(QStringLiteral("perms"), tr("permissions")),
                 helpLink(QStringLiteral("size"), tr("size")),
                 helpLink(QStringLiteral("nattch"), tr("attach count and status")),
                 helpLink(QStringLiteral("dest"), tr("dest")),
                 helpLink(QStringLiteral("locked"), tr("locked")),
                 helpLink(QStringLiteral("pids"), tr("creator and last pids")),
                 helpLink(QStringLiteral("times"), tr("times"))));
    m_details->attachersView()->setWhatsThis(
        tr("The %1 of the selected segment, from /proc/PID/maps.")
            .arg(helpLink(QStringLiteral("attachers"), tr("processes that have it attached"))));
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Main"));
    m_toolBar = bar;
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_newAction);
    bar->addAction(m_openAction);
    bar->addAction(m_removeAction);
    bar->addSeparator();
    bar->addAction(m_refreshAction);
    bar->addAction(m_pauseAction);
    auto *every = new QLabel(tr(" every "), bar);
    bar->addWidget(every);
    m_interval = new QDoubleSpinBox(bar);
    m_interval->setObjectName(QStringLiteral("interval"));
    m_interval->setRange(0.1, 60.0);
    m_interval->setDecimals(1);
    m_interval->setSingleStep(0.5);
    m_interval->setSuffix(tr(" s"));
    m_interval->setValue(DefaultIntervalMs / 1000.0);
    m_interval->setToolTip(tr("Refresh interval"));
    bar->addWidget(m_interval);
    connect(m_interval, &QDoubleSpinBox::valueChanged, this,
            [this](double seconds) { setRefreshInterval(int(seconds * 1000)); });
    bar->addSeparator();
    bar->addWidget(new QLabel(tr(" IPC namespace: "), bar));
    m_namespaceBox = new NamespaceBox(bar, [this] { fillNamespaces(); });
    m_namespaceBox->setObjectName(QStringLiteral("namespaceBox"));
    // Entries can be long (a command, a container id): the box stays narrow, its list does not.
    m_namespaceBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_namespaceBox->setMinimumContentsLength(30);
    m_namespaceBox->setToolTip(
        tr("The IPC namespace shown: every container has its own. Segments, semaphore sets and "
           "queues are listed, created, changed and removed there, and attachers are its "
           "processes. Entering another one needs CAP_SYS_ADMIN over it."));
    bar->addWidget(m_namespaceBox);
    fillNamespaces();
    connect(m_namespaceBox, &QComboBox::activated, this, [this](int index) {
        const pid_t pid = pid_t(m_namespaceBox->itemData(index).toInt());
        if (!switchNamespace(pid))
            fillNamespaces(); // back to the one shown
    });
}

void MainWindow::fillNamespaces()
{
    const shm::IpcNamespaceId home = m_home;
    const shm::IpcNamespaceId shown = m_namespace ? m_namespace->id() : home;
    QSignalBlocker block(m_namespaceBox);
    m_namespaceBox->clear();
    const auto found = shm::listIpcNamespaces(home);
    bool shownListed = false;
    const auto add = [&](const shm::IpcNamespaceId &id, pid_t pid, const QString &text) {
        m_namespaceBox->addItem(text, id == home ? 0 : int(pid));
        if (id == shown) {
            m_namespaceBox->setCurrentIndex(m_namespaceBox->count() - 1);
            shownListed = true;
        }
    };
    if (found) {
        for (const shm::IpcNamespace &ns : *found) {
            QString text = ns.id == home
                ? tr("ipc:[%1] shmscope's own").arg(ns.id.inode)
                : tr("ipc:[%1] pid %2 (%3), %n processes", nullptr, int(ns.processes))
                      .arg(ns.id.inode)
                      .arg(ns.pid)
                      .arg(QString::fromStdString(ns.command).left(40));
            if (ns.container)
                text += QStringLiteral(" · ") + QString::fromStdString(*ns.container);
            add(ns.id, ns.pid, text);
        }
    }
    // Held open, the namespace shown lives on after its last process: still listed.
    if (!shownListed && m_namespace)
        add(shown, m_namespace->pid(),
            tr("ipc:[%1] no process left (kept by shmscope)").arg(shown.inode));
    if (m_namespaceBox->count() == 0)
        add(home, 0, tr("ipc:[%1] shmscope's own").arg(home.inode));
}

bool MainWindow::switchNamespace(pid_t pid)
{
    auto opened = shm::IpcNamespaceHandle::open(pid);
    if (!opened) {
        showMessage(tr("IPC Namespace"),
                    tr("Cannot switch to the IPC namespace of process %1: %2")
                        .arg(pid)
                        .arg(errortext::describe(opened.error())));
        return false;
    }
    shm::IpcNamespacePtr next = (*opened)->isOurs() || (*opened)->id() == m_home ? nullptr
                                                                                : *opened;
    if ((next ? next->id() : m_home) == (m_namespace ? m_namespace->id() : m_home))
        return true;
    m_namespace = std::move(next);
    NamespaceRouter::setNamespace(this, m_namespace);
    // Other objects: the same ids may name something else there.
    m_view->clearSelection();
    m_detailsShmid = -1;
    fillNamespaces();
    updateNamespaceNote();
    for (FileObjectBrowser *tab : {m_posixObjects, m_memfds})
        tab->setNamespace(m_namespace);
    refresh();
    for (const ObjectTab &tab : m_objectTabs)
        tab.refresh();
    return true;
}

void MainWindow::updateNamespaceNote()
{
    if (!m_namespace) {
        m_namespaceLabel->hide();
        setWindowTitle(tr("shmscope — System V shared memory"));
        return;
    }
    const QString name = QStringLiteral("ipc:[%1]").arg(m_namespace->id().inode);
    m_namespaceLabel->setText(tr("IPC namespace %1").arg(name));
    m_namespaceLabel->show();
    setWindowTitle(tr("shmscope — System V shared memory — IPC namespace %1").arg(name));
}

void MainWindow::createStatusBar()
{
    m_changesLabel = new QLabel(this);
    m_changesLabel->setObjectName(QStringLiteral("changes"));
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("count"));
    m_limitsLabel = new QLabel(this);
    m_limitsLabel->setObjectName(QStringLiteral("limits"));
    m_limitsLabel->setWhatsThis(
        tr("The system's %1: segments in use of SHMMNI, memory in use, and SHMMAX.")
            .arg(helpLink(QStringLiteral("limits"), tr("limits"))));
    statusBar()->addWidget(m_changesLabel, 1);
    m_namespaceLabel = new QLabel(this);
    m_namespaceLabel->setObjectName(QStringLiteral("namespaceNote"));
    m_namespaceLabel->setToolTip(tr("Everything shown and done here is of this IPC namespace, "
                                    "not shmscope's own."));
    m_namespaceLabel->hide();
    statusBar()->addPermanentWidget(m_namespaceLabel);
    statusBar()->addPermanentWidget(m_countLabel);
    statusBar()->addPermanentWidget(m_limitsLabel);
    if (geteuid() == 0) {
        m_rootLabel = new QLabel(tr("Running as root: permission checks are bypassed."), this);
        m_rootLabel->setObjectName(QStringLiteral("rootNote"));
        m_rootLabel->setToolTip(tr("Root has CAP_IPC_OWNER: every segment can be attached, "
                                   "changed and removed whatever its mode."));
        QPalette palette = m_rootLabel->palette();
        palette.setColor(QPalette::WindowText, colors::warningText(this->palette()));
        m_rootLabel->setPalette(palette);
        QFont bold = m_rootLabel->font();
        bold.setBold(true);
        m_rootLabel->setFont(bold);
        statusBar()->addPermanentWidget(m_rootLabel);
    }
}

void MainWindow::createTabs()
{
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("tabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_splitter, tr("Segments"));
    m_semaphores = new SemaphoreBrowser(m_model, m_tabs);
    addObjectTab(m_semaphores, tr("Semaphore sets"), m_semaphores->menu(),
                 m_semaphores->toolBarActions(), [this] { m_semaphores->refresh(); });
    connect(m_semaphores, &SemaphoreBrowser::reported, this,
            [this](const QString &text) { statusBar()->showMessage(text, 5000); });
    m_queues = new QueueBrowser(m_model, m_tabs);
    m_queues->setPaused(true); // the window's timer drives it, as the other tabs
    addObjectTab(m_queues, tr("Message queues"), m_queues->menu(), m_queues->toolBarActions(),
                 [this] { m_queues->refresh(); });
    connect(m_queues, &QueueBrowser::reported, this,
            [this](const QString &text) { statusBar()->showMessage(text, 5000); });
    m_posixObjects = new FileObjectBrowser(FileObjectBrowser::Kind::Posix, m_model, m_tabs);
    m_memfds = new FileObjectBrowser(FileObjectBrowser::Kind::Memfd, m_model, m_tabs);
    for (FileObjectBrowser *tab : {m_posixObjects, m_memfds}) {
        // Refreshed only while shown: a hidden tab's scan of every process would cost for
        // nothing (a namespace switch refreshes every tab).
        addObjectTab(tab, tab == m_posixObjects ? tr("POSIX objects") : tr("memfd"), tab->menu(),
                     tab->toolBarActions(), [this, tab] {
                         if (m_tabs->currentWidget() == tab)
                             tab->refresh();
                     });
        connect(tab, &FileObjectBrowser::reported, this,
                [this](const QString &text) { statusBar()->showMessage(text, 5000); });
    }
    setCentralWidget(m_tabs);
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::currentTabChanged);
    currentTabChanged();
}

void MainWindow::addObjectTab(QWidget *page, const QString &title, QMenu *menu,
                              const QList<QAction *> &toolBarActions,
                              std::function<void()> refresh)
{
    m_tabs->addTab(page, title);
    // After the segment menu, before the others: the object menus sit together.
    const QList<QAction *> menus = menuBar()->actions();
    const qsizetype segmentAt = menus.indexOf(m_segmentMenu->menuAction());
    menuBar()->insertMenu(menus.value(segmentAt + 1 + qsizetype(m_objectTabs.size()), nullptr),
                          menu);
    // The window holds the actions so that their shortcuts work from anywhere in it.
    addActions(menu->actions());
    QAction *separator = m_toolBar->actions().value(3);
    m_toolBar->insertActions(separator, toolBarActions);
    m_objectTabs.push_back({page, menu, toolBarActions, std::move(refresh)});
}

bool MainWindow::segmentsCurrent() const
{
    return !m_tabs || m_tabs->currentWidget() == m_splitter;
}

void MainWindow::currentTabChanged()
{
    // Each tab's actions exist only while it is current: hidden actions are out of the menus and
    // the toolbar, and their shortcuts (Del, Ctrl+N ...) go to the current tab's.
    const bool segments = segmentsCurrent();
    m_segmentMenu->menuAction()->setVisible(segments);
    for (QAction *action : {m_newAction, m_openAction, m_openWritableAction, m_removeAction,
                            m_modeAction, m_ownerAction, m_lockAction, m_unlockAction,
                            m_copyAction, m_orphansAction})
        action->setVisible(segments);
    for (const ObjectTab &tab : m_objectTabs) {
        const bool current = m_tabs->currentWidget() == tab.page;
        tab.menu->menuAction()->setVisible(current);
        for (QAction *action : tab.menu->actions())
            action->setVisible(current);
        if (current)
            tab.refresh();
    }
    // The status bar's figures are the segments'; a pause is news on every tab.
    m_countLabel->setVisible(segments);
    m_limitsLabel->setVisible(segments);
    m_changesLabel->setVisible(segments || m_pauseAction->isChecked());
    updateActions();
}

bool MainWindow::readSettings()
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("browser"));
    restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("windowState")).toByteArray());
    const QByteArray header = settings.value(QStringLiteral("header")).toByteArray();
    if (!header.isEmpty())
        m_view->horizontalHeader()->restoreState(header);
    const QByteArray splitter = settings.value(QStringLiteral("splitter")).toByteArray();
    if (!splitter.isEmpty())
        m_splitter->restoreState(splitter);
    else
        m_splitter->setSizes({430, 330});
    const int interval = settings.value(QStringLiteral("intervalMs"), DefaultIntervalMs).toInt();
    m_interval->setValue(qBound(0.1, interval / 1000.0, 60.0));
    m_pauseAction->setChecked(settings.value(QStringLiteral("paused"), false).toBool());
    settings.endGroup();
    return !header.isEmpty();
}

void MainWindow::writeSettings() const
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("browser"));
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("windowState"), saveState());
    settings.setValue(QStringLiteral("header"), m_view->horizontalHeader()->saveState());
    settings.setValue(QStringLiteral("splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("intervalMs"), m_timer->interval());
    settings.setValue(QStringLiteral("paused"), m_pauseAction->isChecked());
    settings.endGroup();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    writeSettings();
    event->accept();
}

void MainWindow::setRefreshInterval(int ms)
{
    m_timer->setInterval(qMax(100, ms));
    if (qAbs(m_interval->value() * 1000 - m_timer->interval()) > 1) {
        QSignalBlocker block(m_interval);
        m_interval->setValue(m_timer->interval() / 1000.0);
    }
}

void MainWindow::setPaused(bool paused)
{
    if (m_pauseAction->isChecked() != paused) {
        QSignalBlocker block(m_pauseAction);
        m_pauseAction->setChecked(paused);
    }
    m_changesLabel->setVisible(segmentsCurrent() || paused);
    if (paused) {
        m_timer->stop();
        m_changesLabel->setText(tr("Refreshing paused (F5 refreshes once)."));
    } else {
        m_timer->start();
        refresh();
    }
}

void MainWindow::refresh()
{
    // Also when called from outside an event of this window (tests, the program at start).
    shm::IpcNamespaceScope scope(m_namespace);
    auto listing = shm::listSegments();
    if (!listing) {
        m_changesLabel->setText(tr("Cannot list segments: %1").arg(errortext::describe(listing.error())));
        return;
    }

    // Keep the row at the top of the viewport where it is, unless the view is at the very top.
    QScrollBar *scroll = m_view->verticalScrollBar();
    const bool atTop = scroll->value() == 0;
    const int topShmid = m_view->indexAt(QPoint(0, 0)).data(SegmentTableModel::ShmidRole).toInt();
    const bool hadTop = m_view->indexAt(QPoint(0, 0)).isValid();

    const SegmentTableModel::MergeStats stats = m_model->merge(*listing);

    if (stats.total() > 0 && !atTop && hadTop) {
        const int row = m_model->rowOfShmid(topShmid);
        if (row >= 0) {
            const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
            if (index.isValid() && m_view->indexAt(QPoint(0, 0)) != index)
                m_view->scrollTo(index, QAbstractItemView::PositionAtTop);
        }
    }
    if (stats.total() > 0) {
        m_lastChanges = browserparts::changesText(stats);
    }
    if (!m_pauseAction->isChecked())
        m_changesLabel->setText(m_lastChanges.isEmpty() ? tr("No change since start.")
                                                        : m_lastChanges);
    m_changesLabel->setToolTip(tr("Rows that appeared or changed are highlighted for a moment."));
    updateCount();
    updateLimits(*listing);
    updateDetails(false);
    if (stats.total() > 0)
        updateActions();
    // Only the tab on show: another's listing (every semaphore's values...) would cost each
    // tick for nothing; it is read again when its tab becomes current.
    for (const ObjectTab &tab : m_objectTabs) {
        if (m_tabs->currentWidget() == tab.page)
            tab.refresh();
    }
}

QString MainWindow::changesText() const
{
    return m_changesLabel->text();
}

void MainWindow::updateCount()
{
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    m_countLabel->setText(shown == total ? tr("Segments: %1").arg(total)
                                         : tr("Shown: %1 of %2").arg(shown).arg(total));
}

void MainWindow::updateLimits(const std::vector<shm::SegmentInfo> &listing)
{
    auto limits = shm::readLimits();
    // Summed from the listing in hand: SHM_INFO would walk every segment in the kernel again.
    const shm::Usage usage = shm::usageOf(listing);
    if (!limits) {
        m_limitsLabel->setText(tr("Limits unavailable"));
        return;
    }
    const std::optional<std::uint64_t> usedBytes = bytesOfPages(usage.totalPages, shm::pageSize());
    const QString text = tr("%1 of %2 segments (SHMMNI) · %3 in use · SHMMAX %4", nullptr,
                            plural::count(limits->shmmni))
                             .arg(usage.usedIds)
                             .arg(qulonglong(limits->shmmni))
                             .arg(sizeOfPagesText(usage.totalPages, shm::pageSize()),
                                  qs(shm::humanSize(limits->shmmax)));
    if (m_limitsLabel->text() != text) {
        m_limitsLabel->setText(text);
        const QStringList lines{
            tr("Segments in use: %1 of at most %2 (SHMMNI)")
                .arg(usage.usedIds)
                .arg(qulonglong(limits->shmmni)),
            (usedBytes ? tr("Memory of segments: %L1 bytes (%2 resident, %3 swapped) of at most "
                            "%L4 pages (SHMALL)",
                            nullptr, plural::count(*usedBytes))
                             .arg(qulonglong(*usedBytes))
                       : tr("Memory of segments: %L1 pages, more than 16 EiB (%2 resident, %3 "
                            "swapped) of at most %L4 pages (SHMALL)")
                             .arg(qulonglong(usage.totalPages)))
                .arg(sizeOfPagesText(usage.rssPages, shm::pageSize()),
                     sizeOfPagesText(usage.swapPages, shm::pageSize()))
                .arg(qulonglong(limits->shmall)),
            tr("Largest segment: %L1 bytes (SHMMAX)", nullptr, plural::count(limits->shmmax))
                .arg(qulonglong(limits->shmmax))};
        m_limitsLabel->setToolTip(lines.join(QLatin1Char('\n')));
    }
}

std::optional<std::uint64_t> MainWindow::bytesOfPages(std::uint64_t pages, std::uint64_t pageSize)
{
    std::uint64_t bytes = 0;
    if (__builtin_mul_overflow(pages, pageSize, &bytes))
        return std::nullopt;
    return bytes;
}

QString MainWindow::sizeOfPagesText(std::uint64_t pages, std::uint64_t pageSize)
{
    const auto bytes = bytesOfPages(pages, pageSize);
    return bytes ? qs(shm::humanSize(*bytes)) : tr("more than 16 EiB");
}

QString MainWindow::limitsText() const
{
    return m_limitsLabel->text();
}

void MainWindow::updateDetails(bool forceAttachers)
{
    const int shmid = currentShmid();
    const int row = shmid >= 0 ? m_model->rowOfShmid(shmid) : -1;
    if (row < 0) {
        m_detailsShmid = -1;
        m_details->setSegment(std::nullopt);
        return;
    }
    const shm::SegmentInfo &info = m_model->segmentAt(row);
    const auto previous = m_details->segment();
    const bool changedSegment = shmid != m_detailsShmid;
    const bool attachChanged = !previous || changedSegment || attachDataDiffers(*previous, info);
    m_details->setSegment(info);
    m_detailsShmid = shmid;

    ++m_ticksSinceAttachersScan;
    const bool due = m_ticksSinceAttachersScan >= AttachersRescanTicks;
    if (forceAttachers || attachChanged || due) {
        m_ticksSinceAttachersScan = 0;
        // A segment with no attachment has no attacher to find: skip the /proc scan.
        m_details->setAttachers(info.nattch == 0 ? std::vector<shm::Attacher>{}
                                                 : shm::findAttachers(shmid, info.size));
    }
}

void MainWindow::updateActions()
{
    const QList<int> ids = selectedShmids();
    const bool any = !ids.isEmpty();
    bool anyLocked = false, anyUnlocked = false;
    for (int id : ids) {
        const int row = m_model->rowOfShmid(id);
        if (row < 0)
            continue;
        (m_model->segmentAt(row).isLocked() ? anyLocked : anyUnlocked) = true;
    }
    const bool current = currentShmid() >= 0;
    m_removeAction->setEnabled(any);
    m_openAction->setEnabled(current);
    m_openWritableAction->setEnabled(current);
    m_modeAction->setEnabled(any);
    m_ownerAction->setEnabled(any);
    m_lockAction->setEnabled(anyUnlocked);
    m_unlockAction->setEnabled(anyLocked);
    m_copyAction->setEnabled(any);
}

QList<int> MainWindow::selectedShmids() const
{
    return browserparts::selectedIds(m_view, SegmentTableModel::ShmidRole);
}

int MainWindow::currentShmid() const
{
    return browserparts::currentId(m_view, SegmentTableModel::ShmidRole);
}

bool MainWindow::selectSegment(int shmid)
{
    if (!browserparts::selectRow(
            m_view, m_proxy, m_filter, [&] { return m_model->rowOfShmid(shmid); },
            [this] { refresh(); }))
        return false;
    updateActions();
    return true;
}

QMessageBox *MainWindow::showMessage(const QString &title, const QString &text,
                                     const QString &details)
{
    m_lastMessage = text;
    statusBar()->showMessage(text, 10000);
    return browserparts::showWarning(this, QStringLiteral("messageBox"), title, text, details);
}

QString MainWindow::failureText(int shmid, const shm::Error &error) const
{
    // The core confirmed that the id names no segment: someone removed it meanwhile.
    if (error.kind == shm::ErrorKind::Gone)
        return tr("Segment %1 no longer exists: it was removed by someone else.").arg(shmid);
    return errortext::describe(error);
}

int MainWindow::applyEach(const QList<int> &shmids, const QString &what,
                          const std::function<shm::Result<void>(int)> &fn)
{
    const browserparts::Outcome outcome = browserparts::applyEach(
        shmids, what,
        tr("%1 failed for %2 of %n segments:", nullptr, int(shmids.size())).arg(what), fn, [this](int shmid, const shm::Error &error) { return failureText(shmid, error); });
    refresh();
    if (!outcome.failures.isEmpty())
        showMessage(what, outcome.failures);
    else if (outcome.done > 0)
        statusBar()->showMessage(outcome.doneText, 5000);
    return outcome.done;
}

int MainWindow::removeSegments(const QList<int> &shmids)
{
    return applyEach(shmids, tr("Remove"), [](int shmid) { return shm::removeSegment(shmid); });
}

int MainWindow::changeMode(const QList<int> &shmids, unsigned mode)
{
    return applyEach(shmids, tr("Change mode"),
                     [mode](int shmid) { return shm::setMode(shmid, mode); });
}

int MainWindow::changeOwner(const QList<int> &shmids, uid_t uid, gid_t gid)
{
    return applyEach(shmids, tr("Change owner"),
                     [uid, gid](int shmid) { return shm::setOwner(shmid, uid, gid); });
}

int MainWindow::setLocked(const QList<int> &shmids, bool locked)
{
    return applyEach(shmids, locked ? tr("Lock") : tr("Unlock"),
                     [locked](int shmid) { return shm::setLocked(shmid, locked); });
}

shm::Result<MemoryWindow *> MainWindow::openSegment(int shmid, shm::Access access)
{
    shm::IpcNamespaceScope scope(m_namespace);
    auto opened = MemoryWindow::open(shmid, access, this, m_namespace);
    if (!opened) {
        const shm::Error &error = opened.error();
        const QString text = failureText(shmid, error);
        if (error.kind == shm::ErrorKind::Gone) {
            refresh();
            showMessage(tr("Open"), text);
        } else if (access == shm::Access::ReadWrite
                   && error.kind == shm::ErrorKind::PermissionDenied
                   && shm::statSegment(shmid)) {
            // Writing refused, reading allowed (IPC_STAT needs read permission): offer that.
            QMessageBox *box = showMessage(tr("Open for Editing"), text);
            box->setInformativeText(tr("You may read this segment: open it read-only instead?"));
            QPushButton *readOnly = box->addButton(tr("Open &Read-Only"), QMessageBox::AcceptRole);
            connect(readOnly, &QAbstractButton::clicked, this,
                    [this, shmid] { openSegment(shmid, shm::Access::ReadOnly); });
            box->setDefaultButton(readOnly);
        } else {
            showMessage(tr("Open"), text);
        }
        return opened;
    }
    MemoryWindow *window = *opened;
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->show();
    statusBar()->showMessage(
        tr("Opened %1 %2; nattch counts the view.")
            .arg(shmid)
            .arg(access == shm::Access::ReadOnly ? tr("read-only") : tr("read-write")),
        10000);
    refresh();
    return window;
}

void MainWindow::openCurrent(shm::Access access)
{
    const int shmid = currentShmid();
    if (shmid >= 0)
        openSegment(shmid, access);
}

int MainWindow::selectOrphans()
{
    const int count = browserparts::selectWhere(m_view, SegmentTableModel::OrphanRole);
    statusBar()->showMessage(
        count == 0 ? tr("No orphans: every segment shown is attached, or its creator still runs.")
                   : tr("Selected %n orphans: Remove (Del) asks before it removes them.",
                        nullptr, count),
        5000);
    return count;
}

void MainWindow::confirmRemove()
{
    const QList<int> ids = selectedShmids();
    if (ids.isEmpty())
        return;
    std::uint64_t attachedSegments = 0, attachments = 0;
    QStringList lines;
    for (int id : ids) {
        const int row = m_model->rowOfShmid(id);
        if (row < 0)
            continue;
        const shm::SegmentInfo &s = m_model->segmentAt(row);
        if (s.nattch > 0) {
            ++attachedSegments;
            attachments += s.nattch;
        }
        lines << tr("shmid %1, key %2, %3, %4 attached%5")
                     .arg(s.shmid)
                     .arg(qs(shm::formatKey(s.key)), qs(shm::humanSize(s.size)))
                     .arg(qulonglong(s.nattch))
                     .arg(s.isMarkedForDestruction() ? tr(", already marked for destruction")
                                                     : QString());
        if (m_model->isOrphan(s))
            lines.last() += tr(", orphan unused for %1")
                                .arg(ipccells::ageText(shm::segmentAge(
                                    s, QDateTime::currentSecsSinceEpoch())));
    }
    QString text;
    if (ids.size() == 1) {
        const int row = m_model->rowOfShmid(ids.constFirst());
        const std::uint64_t n = row >= 0 ? m_model->segmentAt(row).nattch : 0;
        text = tr("Remove segment %1?").arg(ids.constFirst());
        text += QLatin1Char('\n');
        const QString lives = tr("It lives on until the last one detaches; only its key is "
                                 "freed now.");
        if (n == 0)
            text += tr("No process has it attached: it is destroyed at once.");
        else
            text += tr("It is still attached by %n processes.", nullptr, plural::count(n))
                    + QLatin1Char(' ') + lives;
    } else {
        text = tr("Remove %n segments?", nullptr, int(ids.size()));
        text += QLatin1Char('\n');
        text += attachedSegments == 0
                    ? tr("None is attached: they are destroyed at once.")
                    : tr("%n of them are still attached (%1); each lives on until its last "
                         "process detaches.",
                         nullptr, plural::count(attachedSegments))
                          .arg(tr("%n attachments in all", nullptr, plural::count(attachments)));
    }
    browserparts::confirm(
        this, QStringLiteral("confirmRemove"), tr("Remove"), text, tr("&Remove"),
        [this, ids] { removeSegments(ids); }, lines.join(QLatin1Char('\n')));
}

const shm::SegmentInfo *MainWindow::dialogSegment(const QList<int> &ids) const
{
    const int row = m_model->rowOfShmid(currentShmid() >= 0 ? currentShmid() : ids.constFirst());
    return row >= 0 ? &m_model->segmentAt(row) : nullptr;
}

void MainWindow::openControlDialog(QDialog *dialog, const QList<int> &ids,
                                   const QString &severalTitle)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (ids.size() > 1)
        dialog->setWindowTitle(severalTitle);
    dialog->open();
}

void MainWindow::askMode()
{
    const QList<int> ids = selectedShmids();
    if (ids.isEmpty())
        return;
    const shm::SegmentInfo *segment = dialogSegment(ids);
    auto *dialog = new ModeDialog(ids.constFirst(), segment ? segment->perms() : 0600, this);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog, ids] { changeMode(ids, dialog->mode()); });
    openControlDialog(dialog, ids, tr("Change mode of %n segments", nullptr, int(ids.size())));
}

void MainWindow::askOwner()
{
    const QList<int> ids = selectedShmids();
    if (ids.isEmpty())
        return;
    const shm::SegmentInfo *segment = dialogSegment(ids);
    auto *dialog = new OwnerDialog(ids.constFirst(),
                                   segment ? m_model->userName(segment->uid) : QString(),
                                   segment ? m_model->groupName(segment->gid) : QString(), this);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog, ids] { changeOwner(ids, dialog->uid(), dialog->gid()); });
    openControlDialog(dialog, ids, tr("Change owner of %n segments", nullptr, int(ids.size())));
}

void MainWindow::newSegment()
{
    auto *dialog = new CreateSegmentDialog(this);
    dialog->openThen(QStringLiteral("createDialog"), this, [this, dialog](int shmid) {
        refresh();
        selectSegment(shmid);
        statusBar()->showMessage(tr("Created segment %1.").arg(shmid), 5000);
        if (dialog->openAfterCreate())
            openSegment(shmid, shm::Access::ReadOnly);
    });
}

void MainWindow::copySelection()
{
    QStringList lines;
    const QHeaderView *header = m_view->horizontalHeader();
    QStringList titles;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int column = header->logicalIndex(visual);
        if (!header->isSectionHidden(column))
            titles << m_model->headerData(column, Qt::Horizontal).toString();
    }
    lines << titles.join(QLatin1Char('\t'));
    for (int shmid : selectedShmids()) {
        const int row = m_model->rowOfShmid(shmid);
        if (row < 0)
            continue;
        QStringList cells;
        for (int visual = 0; visual < header->count(); ++visual) {
            const int column = header->logicalIndex(visual);
            if (!header->isSectionHidden(column))
                cells << m_model->index(row, column).data().toString();
        }
        lines << cells.join(QLatin1Char('\t'));
    }
    QApplication::clipboard()->setText(lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
}

void MainWindow::showHeaderMenu(const QPoint &pos)
{
    m_columnsMenu->popup(m_view->horizontalHeader()->mapToGlobal(pos));
}

void MainWindow::showContextMenu(const QPoint &pos)
{
    QMenu menu(this);
    menu.addAction(m_openAction);
    menu.addAction(m_openWritableAction);
    menu.addSeparator();
    menu.addAction(m_modeAction);
    menu.addAction(m_ownerAction);
    menu.addAction(m_lockAction);
    menu.addAction(m_unlockAction);
    menu.addSeparator();
    menu.addAction(m_copyAction);
    menu.addAction(m_removeAction);
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}
