#include "ui/browser/filebrowser.h"

#include "ui/browser/browserparts.h"
#include "ui/browser/filetablemodels.h"
#include "ui/browser/holdersmodel.h"
#include "ui/browser/posixdialogs.h"
#include "ui/browser/segmentdetailswidget.h"
#include "ui/browser/segmentfilterproxy.h"
#include "ui/browser/segmenttablemodel.h"
#include "ui/common/colors.h"
#include "ui/common/errortext.h"
#include "ui/common/helpmenu.h"
#include "ui/memory/memorywindow.h"

#include "core/orphans.h"
#include "core/text.h"

#include <QAction>
#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <set>
#include <sys/stat.h>
#include <sys/sysmacros.h>

namespace {

// The scan of holders reads every process's shared mappings and descriptors (about 75 ms of
// CPU for 300 processes): every fifth refresh, besides when the tab is shown, on F5 and when
// objects come or go (bench_browserattachers: under 2 % of a core at a 1 s refresh).
constexpr int RescanTicks = 5;

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

} // namespace

FileObjectBrowser::FileObjectBrowser(Kind kind, const SegmentTableModel *names, QWidget *parent)
    : QWidget(parent)
    , m_kind(kind)
    , m_names(names)
    , m_home(shm::currentIpcNamespace())
{
    const bool posix = kind == Kind::Posix;
    ColumnTableModel *model = nullptr;
    if (posix)
        model = m_posix = new PosixTableModel(names, this);
    else
        model = m_memfd = new MemfdTableModel(this);
    m_proxy = new SegmentFilterProxy(filetables::SortRole, filetables::IdRole,
                                     filetables::SearchTextRole, this);
    m_proxy->setSourceModel(model);

    m_filter = browserparts::makeFilter(this,
                                        posix ? tr("Filter: name, owner, holder or any text")
                                              : tr("Filter: name, inode, holder or any text"),
                                        m_proxy);
    connect(m_filter, &QLineEdit::textChanged, this, &FileObjectBrowser::updateCount);
    m_count = browserparts::makeCount(this, QStringLiteral("fileCount"));
    m_error = browserparts::makeErrorLabel(this);

    m_view = browserparts::makeTable(this, posix ? QStringLiteral("posixObjects")
                                                 : QStringLiteral("memfds"),
                                     QAbstractItemView::ExtendedSelection);
    browserparts::clearOnEscape(m_filter, m_view);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(0, Qt::AscendingOrder);
    m_view->horizontalHeader()->setSectionsMovable(true);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QTableView::customContextMenuRequested, this,
            &FileObjectBrowser::showContextMenu);
    connect(m_view, &QTableView::doubleClicked, this,
            [this] { openCurrent(shm::Access::ReadOnly); });
    m_view->setWhatsThis(
        posix ? tr("Every %1 object (shm_open) of /dev/shm, refreshed live: its name, size, the "
                   "memory its pages take, permissions, owner, times, and the processes that "
                   "map it or hold it open. Objects nobody holds are %2: they stay until "
                   "someone removes them.")
                    .arg(helpLink(QStringLiteral("posix"), tr("POSIX shared-memory")),
                         helpLink(QStringLiteral("orphans"), tr("orphans")))
              : tr("Every %1 (memfd_create) held by a process of this IPC namespace: its name, "
                   "inode, size, seals, and the processes that map it or hold a descriptor to "
                   "it. A memfd has no name in any directory: it lives while someone holds it.")
                    .arg(helpLink(QStringLiteral("memfd"), QStringLiteral("memfd"))));

    createDetails();
    browserparts::layOutPage(this, m_filter, m_count, m_error, m_view, m_details,
                             posix ? QStringLiteral("posixSplitter")
                                   : QStringLiteral("memfdSplitter"));

    createActions();
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        updateDetails();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &FileObjectBrowser::updateDetails);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &FileObjectBrowser::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &FileObjectBrowser::updateCount);
    connect(&m_watcher, &QFutureWatcher<ScanResult>::finished, this,
            &FileObjectBrowser::scanDone);
    updateCount();
    updateActions();
    updateDetails();
}

FileObjectBrowser::~FileObjectBrowser()
{
    m_watcher.waitForFinished();
}

void FileObjectBrowser::createDetails()
{
    m_details = browserparts::makeDetailsStack(
        this, m_kind == Kind::Posix ? tr("Select an object to see its fields and holders.")
                                    : tr("Select a memfd to see its fields and holders."));
    m_details->setObjectName(m_kind == Kind::Posix ? QStringLiteral("posixDetails")
                                                   : QStringLiteral("memfdDetails"));
    auto *page = new QWidget(m_details);
    auto *pageLayout = new QHBoxLayout(page);
    auto *fieldsBox = new QWidget(page);
    m_fields = new QFormLayout(fieldsBox);
    const QStringList labels = m_kind == Kind::Posix
        ? QStringList{tr("Name"), tr("File"), tr("Size"), tr("Resident"), tr("Mode"),
                      tr("Owner"), tr("Group"), tr("Modified"), tr("Changed at"), tr("Inode"),
                      tr("Orphan")}
        : QStringList{tr("Name"), tr("Inode"), tr("Size"), tr("Seals"), tr("Opened through")};
    for (const QString &label : labels) {
        auto *value = new QLabel(fieldsBox);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setWordWrap(true);
        //: A field's name before its value ("Size:"); French puts a space before the colon.
        m_fields->addRow(tr("%1:").arg(label), value);
        m_fieldLabels.append({label, value});
    }
    auto *holdersBox = new QWidget(page);
    auto *holdersLayout = new QVBoxLayout(holdersBox);
    holdersLayout->setContentsMargins(0, 0, 0, 0);
    m_holdersTitle = new QLabel(holdersBox);
    m_holdersTitle->setObjectName(QStringLiteral("holdersTitle"));
    m_holders = new HoldersModel(this);
    m_holdersView = browserparts::makeTable(holdersBox, QStringLiteral("holders"));
    m_holdersView->setModel(m_holders);
    m_holdersView->horizontalHeader()->setStretchLastSection(true);
    m_holdersView->setWhatsThis(tr("The processes that hold the object: each mapping (with its "
                                   "address range) and each open descriptor, with its access."));
    holdersLayout->addWidget(m_holdersTitle);
    holdersLayout->addWidget(m_holdersView);
    pageLayout->addWidget(fieldsBox, 2);
    pageLayout->addWidget(holdersBox, 3);
    m_details->addWidget(page);
}

void FileObjectBrowser::createActions()
{
    const auto make = [this](const QString &name, const QString &text, const QString &icon,
                             const QKeySequence &shortcut, auto slot) {
        QAction *action = browserparts::makeAction(this, name, text, icon, shortcut);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    const bool posix = m_kind == Kind::Posix;
    const QString prefix = posix ? QStringLiteral("Posix") : QStringLiteral("Memfd");
    m_openAction = make(QStringLiteral("actionOpen") + prefix, tr("&Open Read-Only"),
                        QStringLiteral("document-open"), QKeySequence::Open,
                        [this] { openCurrent(shm::Access::ReadOnly); });
    m_openAction->setStatusTip(tr("Map the object and show its bytes live, read-only"));
    m_openWritableAction = make(QStringLiteral("actionOpenWritable") + prefix,
                                tr("Open &Writable"), QStringLiteral("document-edit"),
                                QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O),
                                [this] { openCurrent(shm::Access::ReadWrite); });
    m_openWritableAction->setStatusTip(tr("Map the object read-write, to edit its bytes"));
    // Return in the table opens, as on the segments' tab.
    auto *openFromTable = new QAction(m_view);
    openFromTable->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    openFromTable->setShortcutContext(Qt::WidgetShortcut);
    connect(openFromTable, &QAction::triggered, this,
            [this] { openCurrent(shm::Access::ReadOnly); });
    m_view->addAction(openFromTable);

    m_menu = new QMenu(posix ? tr("P&OSIX") : tr("&memfd"), this);
    m_menu->setObjectName(posix ? QStringLiteral("posixMenu") : QStringLiteral("memfdMenu"));
    if (posix) {
        m_newAction = make(QStringLiteral("actionNewPosixObject"), tr("&New Object…"),
                           QStringLiteral("document-new"), QKeySequence::New,
                           [this] { newObject(); });
        m_newAction->setStatusTip(tr("Create a POSIX shared-memory object (shm_open, ftruncate)"));
        m_resizeAction = make(QStringLiteral("actionResizePosixObject"), tr("Re&size…"),
                              QStringLiteral("transform-scale"),
                              QKeySequence(Qt::CTRL | Qt::Key_R), [this] { askResize(); });
        m_resizeAction->setStatusTip(tr("Change the object's length (ftruncate)"));
        m_orphansAction = make(QStringLiteral("actionSelectPosixOrphans"),
                               tr("Select Or&phans"), QStringLiteral("edit-select-all"),
                               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A),
                               [this] { selectOrphans(); });
        m_orphansAction->setStatusTip(tr("Select every object nobody maps or holds open"));
        m_removeAction = make(QStringLiteral("actionRemovePosixObject"), tr("&Remove…"),
                              QStringLiteral("edit-delete"), QKeySequence(Qt::Key_Delete),
                              [this] { confirmRemove(); });
        m_removeAction->setStatusTip(tr("Remove the selected objects' names (shm_unlink); "
                                        "their memory goes when the last holder lets go"));
        m_menu->addAction(m_newAction);
        m_menu->addAction(m_openAction);
        m_menu->addAction(m_openWritableAction);
        m_menu->addSeparator();
        m_menu->addAction(m_resizeAction);
        m_menu->addAction(m_orphansAction);
        m_menu->addSeparator();
        m_menu->addAction(m_removeAction);
    } else {
        m_menu->addAction(m_openAction);
        m_menu->addAction(m_openWritableAction);
    }
}

QList<QAction *> FileObjectBrowser::toolBarActions() const
{
    if (m_kind == Kind::Posix)
        return {m_newAction, m_openAction, m_removeAction};
    return {m_openAction};
}

void FileObjectBrowser::showContextMenu(const QPoint &pos)
{
    QMenu menu(this);
    menu.addAction(m_openAction);
    menu.addAction(m_openWritableAction);
    if (m_kind == Kind::Posix) {
        menu.addSeparator();
        menu.addAction(m_resizeAction);
        menu.addAction(m_orphansAction);
        menu.addSeparator();
        menu.addAction(m_removeAction);
    }
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

std::string FileObjectBrowser::directory() const
{
    return m_namespace ? shm::devShmOf(m_namespace->pid()) : std::string("/dev/shm");
}

void FileObjectBrowser::setNamespace(shm::IpcNamespacePtr ns)
{
    m_namespace = std::move(ns);
    m_view->clearSelection();
    // What was scanned was of the other namespace: nothing is known of this one's holders.
    m_scanned = false;
    m_scan = {};
    m_objects.clear();
    m_ticksSinceScan = RescanTicks; // the next refresh scans at once
    ++m_generation; // what runs is of the other namespace: not to be shown
    merge();
}

void FileObjectBrowser::setError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void FileObjectBrowser::refresh()
{
    bool changed = false;
    if (m_kind == Kind::Posix) {
        auto listing = shm::listPosixObjects(directory());
        if (!listing) {
            setError(tr("Cannot list POSIX objects: %1").arg(errortext::describe(listing.error())));
            m_objects.clear();
        } else {
            setError({});
            // New or removed objects: their holders are news too.
            std::set<std::string> before, after;
            for (const shm::PosixObject &o : m_objects)
                before.insert(o.name);
            for (const shm::PosixObject &o : *listing)
                after.insert(o.name);
            changed = before != after;
            m_objects = std::move(*listing);
        }
    }
    ++m_ticksSinceScan;
    if (!m_scanned || changed || m_ticksSinceScan >= RescanTicks)
        startScan();
    merge();
}

void FileObjectBrowser::refreshNow()
{
    m_ticksSinceScan = RescanTicks;
    refresh();
}

bool FileObjectBrowser::scanning() const
{
    return m_watcher.isRunning();
}

void FileObjectBrowser::startScan()
{
    if (m_watcher.isRunning()) {
        m_rescanWanted = true;
        return;
    }
    m_rescanWanted = false;
    m_ticksSinceScan = 0;
    shm::HolderScanRequest request;
    request.ipcNamespace = m_namespace ? std::optional(m_namespace->id()) : m_home;
    request.ownNamespace = m_home; // shmscope's own memfds are of its home
    request.sysv = false;
    request.memfd = m_kind == Kind::Memfd;
    if (m_kind == Kind::Posix) {
        const std::string dir = directory();
        struct stat st{};
        if (::stat(dir.c_str(), &st) == 0)
            request.posixDevices.insert(st.st_dev);
        request.posixUnderDevShm = dir == "/dev/shm";
    }
    const bool memfds = m_kind == Kind::Memfd;
    m_watcher.setFuture(QtConcurrent::run([request, memfds, generation = m_generation] {
        ScanResult result;
        result.generation = generation;
        result.scan = shm::scanHolders(request);
        if (memfds)
            result.memfds = shm::memfdsOf(result.scan);
        return result;
    }));
}

void FileObjectBrowser::scanDone()
{
    ScanResult result = m_watcher.result();
    if (result.generation != m_generation) { // of the namespace shown before
        startScan();
        return;
    }
    m_scan = std::move(result);
    m_scanned = true;
    merge();
    emit holdersScanned();
    if (m_rescanWanted) // asked for while this one ran (F5, objects came or went)
        startScan();
}

void FileObjectBrowser::merge()
{
    MergingTableModel::MergeStats stats;
    if (m_posix)
        stats = m_posix->merge(m_objects, m_scan.scan.files, m_scanned);
    else
        stats = m_memfd->merge(m_scan.memfds, m_scan.scan.memfdPaths);
    if (!m_columnsSized && m_scanned && m_proxy->rowCount() > 0) {
        // Once, when the first rows with their holders are in: later the user's widths stay.
        m_columnsSized = true;
        m_view->resizeColumnsToContents();
    }
    updateCount();
    updateDetails();
    if (stats.total() > 0)
        updateActions();
    // An orphan's age moves on without its row changing: repaint the rows on screen.
    if (m_orphanCount > 0)
        m_view->viewport()->update();
}

void FileObjectBrowser::updateCount()
{
    const int total = m_proxy->sourceModel()->rowCount();
    const int shown = m_proxy->rowCount();
    QString text = m_kind == Kind::Posix ? tr("POSIX objects: %1").arg(total)
                                         : tr("memfds: %1").arg(total);
    if (shown != total)
        text = tr("Shown: %1 of %2").arg(shown).arg(total);
    m_orphanCount = 0;
    if (m_kind == Kind::Posix && m_scanned) {
        for (int row = 0; row < m_posix->rowCount(); ++row)
            m_orphanCount += PosixTableModel::isOrphan(m_posix->rowAt(row)) ? 1 : 0;
        if (m_orphanCount > 0)
            text += QStringLiteral(" · ") + tr("%n orphans", nullptr, m_orphanCount);
    }
    m_count->setText(text);
}

QString FileObjectBrowser::detailText(const QString &label) const
{
    for (const auto &field : m_fieldLabels)
        if (field.first == label)
            return field.second->text();
    return {};
}

void FileObjectBrowser::updateDetails()
{
    const int id = currentId();
    const auto set = [this](int index, const QString &text) {
        QLabel *label = m_fieldLabels[index].second;
        if (label->text() != text)
            label->setText(text);
    };
    const auto bytes = [](std::uint64_t n) {
        return tr("%L1 bytes (%2)").arg(qulonglong(n)).arg(ipccells::sizeText(n));
    };
    std::vector<shm::Holder> holders;
    bool known = m_scanned;
    if (m_posix) {
        const int row = id >= 0 ? m_posix->rowOfId(id) : -1;
        if (row < 0) {
            m_details->setCurrentIndex(0);
            m_holders->setHolders({});
            return;
        }
        const PosixTableModel::Row &r = m_posix->rowAt(row);
        const shm::PosixObject &o = r.object;
        set(0, qs(o.name));
        set(1, qs(directory() + "/" + o.name.substr(1)));
        set(2, bytes(o.size));
        set(3, bytes(o.allocated));
        set(4, tr("%1 (%2)").arg(ipccells::permsText(o.mode), SegmentDetailsWidget::spelledMode(o.mode)));
        set(5, tr("%1 (uid %2)").arg(m_names->userName(o.uid)).arg(o.uid));
        set(6, tr("%1 (gid %2)").arg(m_names->groupName(o.gid)).arg(o.gid));
        set(7, SegmentTableModel::timeText(o.mtime));
        set(8, SegmentTableModel::timeText(o.ctime));
        set(9, QString::number(o.inode));
        QString orphan;
        if (!r.holdersKnown)
            orphan = tr("not known yet (scanning)");
        else if (PosixTableModel::isOrphan(r))
            orphan = tr("yes: nobody holds it; unused for %1")
                         .arg(ipccells::ageText(
                             shm::posixObjectAge(o, QDateTime::currentSecsSinceEpoch())));
        else
            orphan = tr("no");
        set(10, orphan);
        holders = r.holders;
        known = r.holdersKnown;
    } else {
        const int row = id >= 0 ? m_memfd->rowOfId(id) : -1;
        if (row < 0) {
            m_details->setCurrentIndex(0);
            m_holders->setHolders({});
            return;
        }
        const MemfdTableModel::Row &r = m_memfd->rowAt(row);
        const shm::MemfdObject &m = r.object;
        set(0, qs(m.name));
        set(1, tr("%1 (device %2:%3)").arg(m.id.inode).arg(major(m.id.device)).arg(minor(m.id.device)));
        set(2, m.size ? bytes(*m.size) : tr("unknown: reading it needs the right to inspect a holder (ptrace read)"));
        set(3, MemfdTableModel::sealsText(m));
        set(4, r.paths.empty() ? tr("no path we may open (needs the right to inspect a holder)")
                               : qs(r.paths.front()));
        holders = m.holders;
    }
    m_details->setCurrentIndex(1);
    std::set<pid_t> pids;
    for (const shm::Holder &h : holders)
        pids.insert(h.pid);
    if (!known)
        m_holdersTitle->setText(tr("Holders: scanning /proc…"));
    else if (holders.empty())
        m_holdersTitle->setText(tr("Holders: nobody maps it or holds it open."));
    else
        m_holdersTitle->setText(tr("Holders: %n processes", nullptr, int(pids.size())));
    m_holders->setHolders(std::move(holders));
    if (m_holders->rowCount() > 0 && m_holdersSizedFor != id) {
        // Fitted to each object's holders once, when they are first shown.
        m_holdersSizedFor = id;
        m_holdersView->resizeColumnsToContents();
        // A command line may be long: its full text is in the tool tip.
        constexpr int CommandWidth = 260;
        if (m_holdersView->columnWidth(HoldersModel::CommandColumn) > CommandWidth)
            m_holdersView->setColumnWidth(HoldersModel::CommandColumn, CommandWidth);
    }
}

void FileObjectBrowser::updateActions()
{
    const bool any = !selectedIds().isEmpty();
    const bool current = currentId() >= 0;
    m_openAction->setEnabled(current);
    m_openWritableAction->setEnabled(current);
    if (m_kind == Kind::Posix) {
        m_removeAction->setEnabled(any);
        m_resizeAction->setEnabled(current);
        m_orphansAction->setEnabled(m_scanned && m_posix->rowCount() > 0);
    }
}

QList<int> FileObjectBrowser::selectedIds() const
{
    return browserparts::selectedIds(m_view, filetables::IdRole);
}

int FileObjectBrowser::currentId() const
{
    return browserparts::currentId(m_view, filetables::IdRole);
}

bool FileObjectBrowser::selectName(const QString &name)
{
    if (!m_posix)
        return false;
    const std::string wanted = name.toStdString();
    if (!browserparts::selectRow(
            m_view, m_proxy, m_filter, [&] { return m_posix->rowOfName(wanted); },
            [this] { refresh(); }))
        return false;
    updateActions();
    return true;
}

int FileObjectBrowser::selectOrphans()
{
    if (!m_posix)
        return 0;
    const int count = browserparts::selectWhere(m_view, filetables::OrphanRole);
    if (count == 0)
        report(m_scanned ? tr("No orphans: every object shown is held by a process.")
                         : tr("The holders are still being scanned: try again in a moment."));
    else
        report(tr("Selected %n orphans.", nullptr, count));
    updateActions();
    return count;
}

const shm::PosixObject *FileObjectBrowser::posixObject(int id) const
{
    const int row = m_posix ? m_posix->rowOfId(id) : -1;
    return row >= 0 ? &m_posix->rowAt(row).object : nullptr;
}

QString FileObjectBrowser::objectName(int id) const
{
    if (const shm::PosixObject *o = posixObject(id))
        return qs(o->name);
    return {};
}

QString FileObjectBrowser::removalText(const QList<int> &ids) const
{
    QStringList lines;
    int held = 0;
    const std::int64_t now = QDateTime::currentSecsSinceEpoch();
    for (int id : ids) {
        const int row = m_posix->rowOfId(id);
        if (row < 0)
            continue;
        const PosixTableModel::Row &r = m_posix->rowAt(row);
        QString line = tr("%1, %2").arg(qs(r.object.name), ipccells::sizeText(r.object.size));
        if (PosixTableModel::isOrphan(r))
            line += tr(", orphan unused for %1").arg(ipccells::ageText(shm::posixObjectAge(r.object, now)));
        lines << line;
        if (!r.holders.empty())
            ++held;
        for (const shm::Holder &h : r.holders)
            lines << QStringLiteral("    ") + HoldersModel::lineText(h);
    }
    QString text = ids.size() == 1 ? tr("Remove %1?").arg(objectName(ids.constFirst()))
                                   : tr("Remove %n POSIX objects?", nullptr, int(ids.size()));
    text += QLatin1Char('\n');
    text += held == 0 ? tr("Nobody holds them: their memory is freed at once.", nullptr,
                           int(ids.size()))
                      : tr("Their names go at once; %n of them are still held, and keep their "
                           "memory until the last holder lets go.",
                           nullptr, held);
    return text + QStringLiteral("\n\n") + lines.join(QLatin1Char('\n'));
}

void FileObjectBrowser::confirmRemove()
{
    const QList<int> ids = selectedIds();
    if (ids.isEmpty())
        return;
    browserparts::confirm(this, QStringLiteral("confirmRemovePosix"), tr("Remove POSIX objects"),
                          removalText(ids), tr("&Remove"), [this, ids] { removeObjects(ids); });
}

int FileObjectBrowser::removeObjects(const QList<int> &ids)
{
    // Names first: the ids' rows go with the refresh.
    std::map<int, std::string> names;
    for (int id : ids)
        if (const shm::PosixObject *o = posixObject(id))
            names[id] = o->name;
    const std::string dir = directory();
    const browserparts::Outcome outcome = browserparts::applyEach(
        ids, tr("Remove"),
        tr("%1 failed for %2 of %n POSIX objects:", nullptr, int(ids.size())).arg(tr("Remove")),
        [&](int id) -> shm::Result<void> {
            auto it = names.find(id);
            if (it == names.end())
                return shm::systemError("shm_unlink", "", ENOENT);
            return shm::removePosixObject(it->second, dir);
        },
        [&](int id, const shm::Error &error) {
            auto it = names.find(id);
            if (error.kind == shm::ErrorKind::Gone || error.errnum == ENOENT)
                return tr("%1 no longer exists: someone else removed it.")
                    .arg(it != names.end() ? qs(it->second) : QString::number(id));
            return errortext::describe(error);
        });
    refreshNow();
    if (!outcome.failures.isEmpty())
        showMessage(tr("Remove"), outcome.failures);
    else if (outcome.done > 0)
        report(outcome.doneText);
    return outcome.done;
}

bool FileObjectBrowser::resizeObject(int id, std::uint64_t size)
{
    const shm::PosixObject *o = posixObject(id);
    if (!o) {
        showMessage(tr("Resize"), tr("The object is no longer listed."));
        return false;
    }
    const std::string name = o->name;
    auto done = shm::resizePosixObject(name, size, directory());
    refresh();
    if (!done) {
        showMessage(tr("Resize"), done.error().errnum == ENOENT
                                      ? tr("%1 no longer exists: someone else removed it.").arg(qs(name))
                                      : errortext::describe(done.error()));
        return false;
    }
    report(tr("Resized %1 to %L2 bytes.").arg(qs(name)).arg(qulonglong(size)));
    return true;
}

void FileObjectBrowser::newObject()
{
    auto *dialog = new PosixCreateDialog(directory(), this);
    dialog->setObjectName(QStringLiteral("createPosixDialog"));
    browserparts::openDialog(dialog, this, [this, dialog] {
        if (!dialog->created())
            return;
        const QString name = qs(dialog->created()->name);
        refreshNow();
        selectName(name);
        report(tr("Created %1.").arg(name));
    });
}

void FileObjectBrowser::askResize()
{
    const shm::PosixObject *o = posixObject(currentId());
    if (!o)
        return;
    auto *dialog = new PosixResizeDialog(*o, directory(), this);
    dialog->setObjectName(QStringLiteral("resizePosixDialog"));
    const QString name = qs(o->name);
    browserparts::openDialog(dialog, this, [this, dialog, name] {
        refresh();
        report(tr("Resized %1 to %L2 bytes.").arg(name).arg(qulonglong(dialog->size().value_or(0))));
    });
}

shm::Result<MemoryWindow *> FileObjectBrowser::openObject(int id, shm::Access access)
{
    QString path, title;
    if (m_posix) {
        if (const shm::PosixObject *o = posixObject(id)) {
            path = qs(directory() + "/" + o->name.substr(1));
            title = qs(o->name);
        }
    } else if (const int row = m_memfd->rowOfId(id); row >= 0) {
        const MemfdTableModel::Row &r = m_memfd->rowAt(row);
        title = QStringLiteral("memfd:") + qs(r.object.name);
        if (!r.paths.empty()) {
            path = qs(r.paths.front());
        } else if (!r.object.holders.empty()) {
            // No path opened during the scan: the holder's descriptor is the way, and the
            // refusal (ptrace read) is said by the open.
            const shm::Holder &h = r.object.holders.front();
            path = h.via == shm::HolderVia::Fd
                ? QStringLiteral("/proc/%1/fd/%2").arg(h.pid).arg(h.fd)
                : QStringLiteral("/proc/%1/map_files/%2-%3")
                      .arg(h.pid)
                      .arg(h.start, 0, 16)
                      .arg(h.end, 0, 16);
        }
    }
    if (path.isEmpty()) {
        showMessage(tr("Open"), tr("The object is no longer listed."));
        return shm::systemError("open", title.toStdString(), ENOENT);
    }
    auto opened = MemoryWindow::openFile(path, title, access, window());
    if (!opened) {
        showMessage(tr("Open"), tr("Cannot open %1: %2")
                                    .arg(title, errortext::describe(opened.error())));
        return opened.error();
    }
    (*opened)->show();
    return *opened;
}

void FileObjectBrowser::openCurrent(shm::Access access)
{
    const int id = currentId();
    if (id >= 0)
        openObject(id, access);
}

QMessageBox *FileObjectBrowser::showMessage(const QString &title, const QString &text)
{
    m_lastMessage = text;
    return browserparts::showWarning(this, QStringLiteral("messageBox"), title, text);
}

void FileObjectBrowser::report(const QString &text)
{
    m_lastMessage = text;
    emit reported(text);
}
