#include "ui/memory/memoryview.h"

#include "ui/memory/byteeditor.h"
#include "ui/memory/changelist.h"
#include "ui/memory/changemap.h"
#include "ui/memory/segmentwatchthread.h"
#include "ui/memory/bytesource.h"
#include "ui/memory/datainspector.h"
#include "ui/common/errortext.h"
#include "ui/common/plural.h"
#include "ui/memory/findbar.h"
#include "ui/memory/hexview.h"
#include "ui/memory/memorynote.h"
#include "ui/memory/scanpanel.h"
#include "ui/memory/snapshotpanel.h"

#include "core/attachers.h"
#include "core/fileread.h"
#include "core/orphans.h"
#include "core/parse.h"
#include "core/segmentinfo.h"
#include "core/segmentlist.h"
#include "core/sparsepages.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QSaveFile>
#include <QScopeGuard>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLocale>
#include <QRegularExpression>
#include <QLabel>
#include <QMessageBox>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTimerEvent>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <memory>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {
constexpr quint64 MaxClipboardBytes = quint64(16) << 20;
constexpr qint64 FileChunk = qint64(4) << 20;
} // namespace

MemoryView::MemoryView(shm::Attachment attachment, QWidget *parent)
    : QWidget(parent)
{
    m_source = new AttachmentByteSource(std::move(attachment), this);
    if (isFile()) {
        m_title = QFile::decodeName(QByteArray::fromStdString(m_source->attachment().path()));
        m_fileSize = m_source->size();
        // A memfd never has a name to remove: its descriptor's link reads "/memfd:NAME
        // (deleted)" from the start.
        const QString link = QFile::symLinkTarget(
            QStringLiteral("/proc/self/fd/%1").arg(m_source->attachment().fileDescriptor()));
        m_memfd = link.startsWith(QLatin1String("/memfd:"));
    } else if (auto info = shm::statSegment(m_source->attachment().shmid())) {
        m_key = QString::fromStdString(shm::formatKey(info->key));
    }

    m_headerRow = new QWidget(this);
    m_header = new QLabel(m_headerRow);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    const QString sideEffects = isFile() ? mapSideEffectsText() : attachSideEffectsText();
    m_header->setToolTip(sideEffects);
    // Said where a person looks first: this view leaves traces in the segment's kernel record.
    auto *attachNote = new QLabel(isFile() ? tr("This view maps the object: the lists of its "
                                                "holders show this program.")
                                           : tr("This view is an attachment: nattch counts it, "
                                                "atime and lpid record it."),
                                  m_headerRow);
    attachNote->setObjectName(QStringLiteral("attachNote"));
    attachNote->setToolTip(sideEffects);
    attachNote->setForegroundRole(QPalette::PlaceholderText);
    // The segment's identity is never cut: the note takes what width is left and wraps.
    m_header->setSizePolicy(QSizePolicy::Minimum, QSizePolicy::Preferred);
    attachNote->setWordWrap(true);
    attachNote->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    auto *headerLayout = new QHBoxLayout(m_headerRow);
    headerLayout->setContentsMargins(0, 0, 0, 0);
    headerLayout->addWidget(m_header);
    headerLayout->addWidget(attachNote, 1);
    // Said under the segment's identity: this view may be what keeps the segment in use.
    m_keepAliveNote = new QLabel(this);
    m_keepAliveNote->setObjectName(QStringLiteral("keepAliveNote"));
    m_keepAliveNote->setWordWrap(true);
    m_keepAliveNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_keepAliveNote->hide();
    // How the memory is read (swap, huge pages, unreadable rows): checkSegmentStatus.
    m_memoryNote = new QLabel(this);
    m_memoryNote->setObjectName(QStringLiteral("memoryNote"));
    m_memoryNote->setWordWrap(true);
    m_memoryNote->hide();
    m_destBanner = new QLabel(this);
    m_destBanner->setWordWrap(true);
    m_destBanner->setAutoFillBackground(true);
    m_destBanner->setBackgroundRole(QPalette::ToolTipBase);
    m_destBanner->setForegroundRole(QPalette::ToolTipText);
    m_destBanner->setMargin(4);
    m_destBanner->hide();

    m_hexView = new HexView(this);
    m_hexView->setSource(m_source);
    m_inspector = new DataInspector(this);
    m_inspector->setHexView(m_hexView);
    m_findBar = new FindBar(this);
    m_findBar->setHexView(m_hexView);
    m_findBar->setTaskRunner([this](const QString &title, MemoryTask::Work work,
                                    MemoryTask::Done done) {
        return runTask(title, std::move(work), std::move(done));
    });
    m_findBar->hide();

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(buildChangeTracking()); // the hex view with its change map
    // The inspector above, the panels (addPanel) below it.
    auto *side = new QSplitter(Qt::Vertical, splitter);
    side->addWidget(m_inspector);
    m_panels = new QTabWidget(side);
    m_panels->setDocumentMode(true);
    m_panels->hide();
    side->addWidget(m_panels);
    side->setChildrenCollapsible(true);
    splitter->addWidget(side);
    addPanel(m_changeList, tr("Changes"));
    // The hex view gets the width its rows need; the inspector takes the rest.
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(true);
    splitter->setSizes({m_hexView->sizeHint().width() + m_changeMap->sizeHint().width(), 400});
    m_splitter = splitter;

    // Status line with the live and layout controls.
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLine"));
    // A long reason (an unreadable byte) is cut rather than widening the window; the tooltip
    // and the note under the header hold it whole.
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    // The offset, the selection and the tracker's figures take more than one line on a
    // narrow window: they wrap instead of losing their end behind the controls.
    m_status->setWordWrap(true);
    auto *live = new QCheckBox(tr("Live"), this);
    live->setChecked(true);
    live->setToolTip(tr("Compare the visible bytes with the previous copy on every tick and "
                        "highlight those another process changed"));
    auto *rate = new QSpinBox(this);
    rate->setRange(1, 120);
    rate->setValue(30);
    rate->setSuffix(tr(" Hz"));
    rate->setToolTip(tr("Live refresh rate"));
    auto *perRow = new QComboBox(this);
    for (int n : {8, 16, 32})
        perRow->addItem(tr("%n bytes/row", nullptr, n), n);
    perRow->setCurrentIndex(1);
    auto *group = new QComboBox(this);
    for (int n : {1, 2, 4, 8})
        group->addItem(tr("group %1").arg(n), n);
    const auto keepFocus = [](QWidget *w) { w->setFocusPolicy(Qt::ClickFocus); };
    keepFocus(live);
    keepFocus(rate);
    keepFocus(perRow);
    keepFocus(group);

    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(perRow);
    statusRow->addWidget(group);
    statusRow->addWidget(live);
    statusRow->addWidget(rate);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_headerRow);
    layout->addWidget(m_keepAliveNote);
    layout->addWidget(m_memoryNote);
    layout->addWidget(m_destBanner);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_findBar);
    m_taskStrip = new TaskStrip(this);
    layout->addWidget(m_taskStrip);
    // Esc cancels the running task wherever the focus is in the view; without a task the action
    // is disabled, so Esc keeps its other uses (closing the find bar).
    auto *cancelTask = new QAction(tr("Cancel Task"), this);
    cancelTask->setObjectName(QStringLiteral("cancelTask"));
    cancelTask->setShortcut(QKeySequence(Qt::Key_Escape));
    cancelTask->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    cancelTask->setEnabled(false);
    addAction(cancelTask);
    connect(cancelTask, &QAction::triggered, this, [this] {
        if (m_task)
            m_task->cancel();
    });
    m_cancelTask = cancelTask;
    layout->addLayout(statusRow);

    buildActions();

    connect(live, &QCheckBox::toggled, this, [this](bool on) { setLivePaused(!on); });
    connect(rate, &QSpinBox::valueChanged, this, [this](int hz) { setRefreshInterval(1000 / hz); });
    connect(this, &MemoryView::editableChanged, this, [this] { updateHeader(); });
    connect(m_actions[int(ActionId::PauseLive)], &QAction::toggled, live,
            [live](bool paused) { live->setChecked(!paused); });
    connect(perRow, &QComboBox::currentIndexChanged, this,
            [this, perRow] {
                m_hexView->setBytesPerRow(perRow->currentData().toInt());
                const int total = m_splitter->width();
                const int hex = std::min(m_hexView->sizeHint().width(), total - 200);
                m_splitter->setSizes({hex, total - hex});
            });
    connect(group, &QComboBox::currentIndexChanged, this,
            [this, group] { m_hexView->setGroupSize(group->currentData().toInt()); });
    connect(m_hexView, &HexView::cursorMoved, this, &MemoryView::updateStatus);
    connect(m_hexView, &HexView::selectionChanged, this, &MemoryView::updateStatus);
    connect(m_hexView, &HexView::changesCounted, this, &MemoryView::updateStatus);
    connect(m_hexView, &HexView::unreadableShownChanged, this, [this] {
        updateMemoryNote();
        updateStatus();
    });
    connect(m_hexView, &HexView::message, this, &MemoryView::say);
    connect(m_inspector, &DataInspector::message, this, &MemoryView::say);
    connect(m_findBar, &FindBar::message, this, &MemoryView::message);

    setFocusProxy(m_hexView);
    updateHeader();
    updateStatus();
    checkSegmentStatus();
    m_statusTimerId = startTimer(1000);
}

MemoryView::~MemoryView()
{
    // The watcher reads the memory: its thread ends before the mapping goes.
    m_watch->stop();
    // A task reads the memory: stop it and wait for its thread before the mapping goes.
    delete m_task.data();
    // The view holds a pointer to the source; detach it before the source goes.
    m_inspector->setHexView(nullptr);
    m_hexView->setSource(nullptr);
}

QUndoStack *MemoryView::undoStack() const
{
    return m_hexView->undoStack();
}

int MemoryView::shmid() const
{
    return m_source->attachment().shmid();
}

bool MemoryView::isFile() const
{
    return m_source->attachment().isFile();
}

QString MemoryView::objectTitle() const
{
    return isFile() ? m_title : tr("shmid %1").arg(shmid());
}

void MemoryView::setObjectTitle(const QString &title)
{
    if (!isFile() || title.isEmpty())
        return;
    m_title = title;
    updateHeader();
}

QString MemoryView::fileNameBase() const
{
    if (!isFile())
        return QStringLiteral("shmid-%1").arg(shmid());
    // "/NAME" -> "NAME", "memfd:NAME" -> "memfd-NAME": no slash, no leading dot or dash.
    static const QRegularExpression unsafe(QStringLiteral("[^\\w.-]+"),
                                           QRegularExpression::UseUnicodePropertiesOption);
    QString base = m_title;
    base.replace(unsafe, QStringLiteral("-"));
    while (base.startsWith(QLatin1Char('-')) || base.startsWith(QLatin1Char('.')))
        base.remove(0, 1);
    while (base.endsWith(QLatin1Char('-')))
        base.chop(1);
    return base.isEmpty() ? QStringLiteral("object") : base;
}

bool MemoryView::isReadOnly() const
{
    return !m_source->isWritable();
}

void MemoryView::addPanel(QWidget *panel, const QString &title)
{
    m_panels->addTab(panel, title);
    m_panels->show();
}

void MemoryView::showPanel(QWidget *panel)
{
    m_panels->show();
    m_panels->setCurrentWidget(panel);
}

MemoryTask *MemoryView::runTask(const QString &title, MemoryTask::Work work,
                                MemoryTask::Done done)
{
    if (m_task && m_task->isRunning()) {
        say(tr("%1 is still running: cancel it (Esc) or wait for it to end.")
                .arg(m_task->title()));
        return nullptr;
    }
    auto *task = new MemoryTask(title, std::move(work), std::move(done), this);
    connect(task, &MemoryTask::finished, task, &QObject::deleteLater);
    connect(task, &MemoryTask::finished, m_cancelTask, [this] { m_cancelTask->setEnabled(false); });
    m_cancelTask->setEnabled(true);
    m_task = task;
    m_taskStrip->setTask(task);
    return task;
}

shm::Result<void> MemoryView::setEditable(bool editable)
{
    const bool wasEditable = !isReadOnly();
    if (m_task && m_task->isRunning()) {
        QSignalBlocker block(m_actions[int(ActionId::Editable)]);
        m_actions[int(ActionId::Editable)]->setChecked(wasEditable);
        shm::Error busy = refusal(isFile() ? "mmap" : "attach",
                                  isFile() ? m_title : QString::number(shmid()),
                                  tr("%1 is running over the memory: cancel it (Esc) before "
                                     "switching between read-only and read-write.")
                                      .arg(m_task->title()));
        busy.kind = shm::ErrorKind::InvalidState;
        return busy;
    }
    const auto reattached =
        m_source->reattach(editable ? shm::Access::ReadWrite : shm::Access::ReadOnly);
    if (!reattached) {
        QSignalBlocker block(m_actions[int(ActionId::Editable)]);
        m_actions[int(ActionId::Editable)]->setChecked(wasEditable);
        return reattached;
    }
    QSignalBlocker block(m_actions[int(ActionId::Editable)]);
    m_actions[int(ActionId::Editable)]->setChecked(editable);
    for (ActionId id : {ActionId::PasteHex, ActionId::Fill, ActionId::Import})
        m_actions[int(id)]->setEnabled(editable);
    if (wasEditable != editable)
        emit editableChanged(editable);
    return {};
}

void MemoryView::setRefreshInterval(int ms)
{
    m_hexView->setRefreshInterval(ms);
    if (ms <= 0)
        setLivePaused(true);
    updateStatus();
}

int MemoryView::refreshInterval() const
{
    return m_hexView->refreshInterval();
}

void MemoryView::setLivePaused(bool paused)
{
    m_hexView->setLivePaused(paused);
    QSignalBlocker block(m_actions[int(ActionId::PauseLive)]);
    m_actions[int(ActionId::PauseLive)]->setChecked(paused);
    updateStatus();
}

bool MemoryView::isLivePaused() const
{
    return m_hexView->isLivePaused();
}

void MemoryView::setInspectorVisible(bool visible)
{
    m_inspector->setVisible(visible);
}

void MemoryView::setHeaderVisible(bool visible)
{
    m_headerVisible = visible;
    m_headerRow->setVisible(visible);
    m_keepAliveNote->setVisible(visible && !m_keepAliveNote->text().isEmpty());
    updateMemoryNote();
}

QAction *MemoryView::action(ActionId id) const
{
    return m_actions[int(id)];
}

QString MemoryView::segmentStatusText() const
{
    return m_destBanner->isVisible() || m_markedForDestruction ? m_destBanner->text() : QString();
}

QString MemoryView::attachSideEffectsText()
{
    return tr("Attaching, even read-only, is seen by everyone: while the view is open the "
              "segment's nattch counts it, and attaching and detaching set its atime, dtime "
              "and lpid to this moment and this process. The bytes are not touched unless "
              "you edit them.");
}

QString MemoryView::mapSideEffectsText()
{
    return tr("Mapping a file is seen by those who look: while the view is open this program "
              "holds it (a descriptor and a mapping, in /proc), so it counts among its holders "
              "and keeps its memory alive if its name is removed. The bytes are not touched "
              "unless you edit them.");
}

QString MemoryView::headerText() const
{
    const auto &a = m_source->attachment();
    if (a.isFile()) {
        // One pass over the values: a title or a path holding "%2" stays as it is.
        return tr("%1 · %2 · %3 (%4 bytes) · %5 · mapped at 0x%6", nullptr,
                  plural::count(a.size()))
            .arg(m_title, QFile::decodeName(QByteArray::fromStdString(a.path())),
                 QString::fromStdString(shm::humanSize(a.size())), QLocale().toString(a.size()),
                 a.isReadOnly() ? tr("read-only") : tr("read-write"),
                 QString::number(quint64(a.address()), 16));
    }
    return tr("shmid %1 · key %2 · %3 (%L4 bytes) · %5 · attached at 0x%6", nullptr,
              plural::count(a.size()))
        .arg(a.shmid())
        .arg(m_key.isEmpty() ? tr("unknown") : m_key)
        .arg(QString::fromStdString(shm::humanSize(a.size())))
        .arg(a.size())
        .arg(a.isReadOnly() ? tr("read-only") : tr("read-write"))
        .arg(quint64(a.address()), 0, 16);
}

void MemoryView::updateHeader()
{
    m_header->setText(headerText());
}

void MemoryView::updateStatus()
{
    const quint64 cursor = m_hexView->cursorOffset();
    QString text = tr("Offset 0x%1 (%L2)").arg(cursor, 0, 16).arg(cursor);
    if (m_hexView->hasSelection()) {
        const quint64 length = m_hexView->selectionLength();
        text += tr(" · selected %L1 bytes from 0x%2", nullptr, plural::count(length))
                    .arg(length)
                    .arg(m_hexView->selectionStart(), 0, 16);
    }
    text += trackerStatusText();
    if (m_hexView->isLivePaused())
        text += tr(" · live paused");
    if (m_hexView->cellState(cursor) == HexView::Cell::Unreadable)
        text += tr(" · unreadable: %1").arg(m_hexView->cellNote(cursor));
    else if (m_hexView->cellState(cursor) == HexView::Cell::Untouched)
        text += tr(" · never written (zeros, not read)");
    m_status->setText(text);
    m_status->setToolTip(m_hexView->cellNote(cursor));
}

void MemoryView::say(const QString &text)
{
    emit message(text);
}

void MemoryView::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_statusTimerId)
        checkSegmentStatus();
    else
        QWidget::timerEvent(event);
}

namespace {

// Mappings of the segment in this process (this view's and any other), from /proc/self/maps.
int ourAttachmentCount(int shmid, quint64 size)
{
    const auto maps = shm::readWholeFile("/proc/self/maps");
    if (!maps)
        return 0;
    int count = 0;
    for (const shm::SysvMapping &m : shm::parseMaps(*maps))
        count += m.shmid == shmid && shm::mappingCanBe(m.end - m.start, size) ? 1 : 0;
    return count;
}

} // namespace

QString MemoryView::keepAliveText() const
{
    if (isFile())
        return m_fileUnlinked
            ? tr("Its name was removed (shm_unlink): its memory lives on while a process holds "
                 "it, this view included, and goes when the last one lets go.")
            : QString();
    const KeepAlive &k = m_keepAlive;
    QStringList parts;
    if (k.creatorGone)
        parts << tr("Its creator, process %1, has exited.").arg(k.creator);
    if (k.marked) {
        if (k.onlyThisProcess && k.ourAttachments == 1)
            parts << tr("This view is its last attachment: the kernel destroys the segment when "
                        "the view is closed.");
        else if (k.onlyThisProcess)
            parts << tr("Only this program has it attached: the kernel destroys the segment when "
                        "this program detaches it.");
        else
            parts << tr("This view keeps it alive until it is closed.");
    } else if (k.onlyThisProcess) {
        parts << tr("No other process has it attached: this view alone keeps it in use.");
    }
    if (!k.marked && (k.creatorGone || k.onlyThisProcess))
        parts << tr("A program that checks whether the segment is still in use (as a database "
                    "restarting after a crash does) finds it in use while this view is open.");
    return parts.join(QLatin1Char(' '));
}

void MemoryView::updateMemoryNote()
{
    memorynote::Facts facts{m_swappedBytes, m_source->memoryAccess().isHugeTlb(),
                            m_hexView->showsUnreadable(), m_hexView->unreadableShownNote()};
    if (isFile()) {
        facts.file = true;
        facts.mappedBytes = m_source->size();
        facts.fileBytes = m_fileSize;
    }
    const QString note = memorynote::text(facts);
    if (note != m_memoryNote->text())
        m_memoryNote->setText(note);
    m_memoryNote->setVisible(m_headerVisible && !note.isEmpty());
}

QString MemoryView::memoryNoteText() const
{
    return m_memoryNote->text();
}

void MemoryView::checkFileStatus()
{
    // fstat of the held descriptor: the file the view maps, whatever its name names now.
    struct stat st {};
    if (::fstat(m_source->attachment().fileDescriptor(), &st) == 0) {
        m_fileSize = quint64(st.st_size);
        m_fileUnlinked = !m_memfd && st.st_nlink == 0;
    }
    updateMemoryNote();
    const QString note = keepAliveText();
    if (note != m_keepAliveNote->text())
        m_keepAliveNote->setText(note);
    m_keepAliveNote->setVisible(m_headerVisible && !note.isEmpty());
}

void MemoryView::checkSegmentStatus()
{
    if (isFile()) {
        checkFileStatus();
        return;
    }
    const auto info = shm::statSegment(shmid());
    if (!info) {
        m_destBanner->setText(tr("The segment's status cannot be read: %1")
                                  .arg(errortext::describe(info.error())));
        m_destBanner->show();
        return;
    }
    // IPC_STAT has no swap figure: /proc/sysvipc/shm has.
    if (const auto all = shm::listSegments()) {
        const auto it = std::find_if(all->begin(), all->end(),
                                     [this](const shm::SegmentInfo &s) { return s.shmid == shmid(); });
        m_swappedBytes = it != all->end() ? it->swap : 0;
        m_source->setSwappedBytes(m_swappedBytes);
        m_watch->watcher().setSwappedBytes(m_swappedBytes);
    }
    updateMemoryNote();
    m_keepAlive.ourAttachments = ourAttachmentCount(shmid(), info->size);
    m_keepAlive.onlyThisProcess =
        m_keepAlive.ourAttachments > 0 && info->nattch <= quint64(m_keepAlive.ourAttachments);
    m_keepAlive.creator = info->cpid;
    m_keepAlive.creatorGone = info->cpid > 0 && shm::processGone(info->cpid);
    m_keepAlive.marked = info->isMarkedForDestruction();
    const QString note = keepAliveText();
    if (note != m_keepAliveNote->text())
        m_keepAliveNote->setText(note);
    m_keepAliveNote->setVisible(m_headerVisible && !note.isEmpty());
    const bool marked = info->isMarkedForDestruction();
    if (marked == m_markedForDestruction)
        return;
    m_markedForDestruction = marked;
    if (marked) {
        m_destBanner->setText(
            tr("This segment is marked for destruction (IPC_RMID): it stays alive while it is "
               "attached, and the kernel removes it when the last process detaches. The view "
               "keeps working."));
    }
    m_destBanner->setVisible(marked);
}

// --- actions -------------------------------------------------------------------------------

void MemoryView::buildActions()
{
    const auto make = [this](ActionId id, const QString &text, const QKeySequence &key,
                             auto slot) {
        auto *a = new QAction(text, this);
        if (!key.isEmpty())
            a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        m_actions[int(id)] = a;
        return a;
    };
    using K = QKeySequence;
    make(ActionId::GoTo, tr("&Go to Offset..."), K(tr("Ctrl+G")), [this] { goToOffsetDialog(); });
    make(ActionId::Find, tr("&Find..."), K::Find, [this] { showFind(); });
    make(ActionId::FindNext, tr("Find &Next"), K::FindNext, [this] {
        if (m_findBar->isHidden())
            showFind();
        else
            m_findBar->findNext(TaskWait::Return);
    });
    make(ActionId::FindPrevious, tr("Find &Previous"), K::FindPrevious, [this] {
        if (m_findBar->isHidden())
            showFind();
        else
            m_findBar->findPrevious(TaskWait::Return);
    });
    make(ActionId::NextChange, tr("Next &Changed Byte"), K(tr("F8")),
         [this] { sayIfRefused(goToChange(true)); });
    make(ActionId::PreviousChange, tr("Previous C&hanged Byte"), K(tr("Shift+F8")),
         [this] { sayIfRefused(goToChange(false)); });
    make(ActionId::ResetChanges, tr("&Reset Change Counter"), K(tr("Ctrl+Shift+R")),
         [this] {
             m_hexView->resetChanges();
             m_watch->watcher().resetRecord();
         });
    auto *pause = make(ActionId::PauseLive, tr("&Pause Live Refresh"), K(tr("Ctrl+Shift+P")),
                       [] {});
    pause->setCheckable(true);
    connect(pause, &QAction::toggled, this, [this](bool paused) { setLivePaused(paused); });
    auto *editable = make(ActionId::Editable,
                          isFile() ? tr("&Editable (open read-write)")
                                   : tr("&Editable (attach read-write)"),
                          K(tr("Ctrl+E")), [] {});
    editable->setCheckable(true);
    editable->setChecked(!isReadOnly());
    connect(editable, &QAction::toggled, this, [this](bool on) {
        if (const auto switched = setEditable(on); !switched)
            say(tr("Cannot switch to %1: %2")
                    .arg(on ? tr("read-write") : tr("read-only"),
                         errortext::describe(switched.error())));
    });

    // The stack's actions keep their text and state; they go through the editor, which leaves
    // the stack as it was when an undo or redo is refused.
    QAction *undo = m_hexView->undoStack()->createUndoAction(this, tr("&Undo"));
    disconnect(undo, &QAction::triggered, m_hexView->undoStack(), nullptr);
    connect(undo, &QAction::triggered, m_hexView->editor(), &ByteEditor::undo);
    undo->setShortcut(K::Undo);
    undo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(undo);
    m_actions[int(ActionId::Undo)] = undo;
    QAction *redo = m_hexView->undoStack()->createRedoAction(this, tr("&Redo"));
    disconnect(redo, &QAction::triggered, m_hexView->undoStack(), nullptr);
    connect(redo, &QAction::triggered, m_hexView->editor(), &ByteEditor::redo);
    redo->setShortcut(K::Redo);
    redo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(redo);
    m_actions[int(ActionId::Redo)] = redo;

    make(ActionId::CopyHex, tr("&Copy as Hex"), K::Copy,
         [this] { sayIfRefused(copySelection(valuecodec::CopyFormat::HexText)); });
    make(ActionId::CopyCArray, tr("Copy as C &Array"), K(tr("Ctrl+Shift+C")),
         [this] { sayIfRefused(copySelection(valuecodec::CopyFormat::CArray)); });
    make(ActionId::CopyBase64, tr("Copy as &Base64"), K(tr("Ctrl+Alt+C")),
         [this] { sayIfRefused(copySelection(valuecodec::CopyFormat::Base64)); });
    make(ActionId::PasteHex, tr("&Paste Hex"), K::Paste, [this] { pasteHex(); });
    make(ActionId::Fill, tr("&Fill Selection..."), K(tr("Ctrl+Shift+F")),
         [this] { fillSelection(); });
    make(ActionId::ExportSegment,
         isFile() ? tr("E&xport Object...") : tr("E&xport Segment..."), K(tr("Ctrl+Shift+S")),
         [this] { exportBytes(false); });
    make(ActionId::ExportSelection, tr("Export &Selection..."), K(),
         [this] { exportBytes(true); });
    make(ActionId::Import, tr("&Import File..."), K(tr("Ctrl+I")), [this] { importFile(); });
    make(ActionId::ScanValues, tr("Scan for &Values"), K(tr("Ctrl+Shift+V")), [this] {
        auto *panel = findChild<ScanPanel *>();
        if (!panel) {
            panel = new ScanPanel(this);
            addPanel(panel, tr("Scan"));
        }
        showPanel(panel);
        panel->activate();
    });
    m_snapshots = new SnapshotTool(this);
    make(ActionId::SnapshotSegment,
         isFile() ? tr("&Snapshot Object...") : tr("&Snapshot Segment..."), K(),
         [this] { m_snapshots->snapshotDialog(false); });
    make(ActionId::SnapshotSelection, tr("Snapshot Se&lection..."), K(),
         [this] { m_snapshots->snapshotDialog(true); });
    make(ActionId::CompareWithSnapshot, tr("Compare &with Snapshot..."), K(),
         [this] { m_snapshots->compareWithFileDialog(); });
    make(ActionId::CompareSnapshots, tr("Compare &Two Snapshots..."), K(),
         [this] { m_snapshots->compareFilesDialog(); });
    make(ActionId::NextDifference, tr("&Next Difference"), K(tr("F7")),
         [this] { m_snapshots->goToNextDifference(); });
    make(ActionId::PreviousDifference, tr("&Previous Difference"), K(tr("Shift+F7")),
         [this] { m_snapshots->goToPreviousDifference(); });
    for (ActionId id : {ActionId::PasteHex, ActionId::Fill, ActionId::Import})
        m_actions[int(id)]->setEnabled(!isReadOnly());
}

void MemoryView::goToOffsetDialog()
{
    QString text = QStringLiteral("0x%1").arg(m_hexView->cursorOffset(), 0, 16);
    while (true) {
        bool ok = false;
        text = QInputDialog::getText(this, tr("Go to Offset"),
                                     tr("Offset (hex with 0x, or decimal), 0 to 0x%1:")
                                         .arg(m_source->size() - 1, 0, 16),
                                     QLineEdit::Normal, text, &ok);
        if (!ok)
            return;
        const auto moved = m_hexView->goTo(text);
        if (moved) {
            m_hexView->setFocus();
            return;
        }
        QMessageBox::warning(this, tr("Go to Offset"), errortext::message(moved.error()));
    }
}

void MemoryView::showFind()
{
    m_findBar->activate();
}

shm::Result<void> MemoryView::copySelection(valuecodec::CopyFormat format)
{
    const quint64 length = m_hexView->hasSelection() ? m_hexView->selectionLength() : 1;
    if (length > MaxClipboardBytes)
        return refusal("copy", QString::number(length),
                       tr("The selection is too large for the clipboard (%1); select at most 16 "
                          "MiB, or use Export Selection.")
                           .arg(QString::fromStdString(shm::humanSize(length))));
    const auto copyable = m_hexView->copyableSelection();
    if (!copyable)
        return copyable.error();
    const QByteArray &bytes = *copyable;
    QApplication::clipboard()->setText(valuecodec::formatBytes(format, bytes));
    say(tr("Copied %Ln bytes.", nullptr, int(bytes.size())));
    return {};
}

void MemoryView::sayIfRefused(const shm::Result<void> &result)
{
    if (!result)
        say(errortext::message(result.error()));
}

void MemoryView::pasteHex()
{
    sayIfRefused(m_hexView->pasteHex(QApplication::clipboard()->text()));
}

void MemoryView::fillSelection()
{
    const quint64 start = m_hexView->selectionStart();
    const quint64 length = m_hexView->hasSelection() ? m_hexView->selectionLength() : 1;
    // Refused before asking for the byte, for the editor's reason.
    if (const auto allowed = m_hexView->editor()->check(start, length); !allowed) {
        sayIfRefused(allowed);
        return;
    }
    bool ok = false;
    const QString text = QInputDialog::getText(
        this, tr("Fill Selection"),
        tr("Fill %L1 bytes from 0x%2 with the byte (hex, e.g. 00 or ff):", nullptr,
           plural::count(length))
            .arg(length)
            .arg(start, 0, 16),
        QLineEdit::Normal, QStringLiteral("00"), &ok);
    if (!ok)
        return;
    const auto bytes = shm::parseHexBytes(text.toStdString());
    if (!bytes || bytes->size() != 1) {
        say(tr("Type one byte in hex, such as 00 or ff."));
        return;
    }
    sayIfRefused(m_hexView->fillSelection(std::to_integer<quint8>((*bytes)[0])));
}

namespace {

// An export that failed: the sentence says why, errnum and kind say what the system said.
shm::Error exportError(const QString &path, const QString &why, int errnum)
{
    shm::Error error =
        refusal("export", path, MemoryView::tr("Cannot export to %1: %2").arg(path, why));
    error.errnum = errnum;
    error.kind = errnum != 0 ? shm::kindOfErrno(errnum) : shm::ErrorKind::System;
    return error;
}

QString writeFailure(int errnum)
{
    if (errnum == EPIPE)
        return MemoryView::tr("the program reading from it has closed it (broken pipe).");
    if (errnum == ENXIO)
        return MemoryView::tr("no program is reading from it.");
    return errortext::translated(shm::errnoPhrase(errnum));
}

// Where an export's bytes go. The memory is read through MemoryAccess window by window: the
// pages never touched are not read but skipped, as holes in a regular file and as written
// zeros in a pipe or a device.
class ExportSink
{
public:
    virtual ~ExportSink() = default;
    // False with error() set when the bytes could not be written.
    virtual bool write(const char *data, quint64 length) = 0;
    virtual bool skip(quint64 length) = 0;
    virtual bool finish() = 0;
    shm::Error error() const { return m_error; }

protected:
    shm::Error m_error;
};

// A pipe or a device (a FIFO, /dev/null): written in place, as QSaveFile would put a regular
// file in its place. Opened without waiting, so a pipe nobody reads from is an error, not a
// hang; written as the reader takes the bytes, checking for Cancel while it waits.
class InPlaceSink : public ExportSink
{
public:
    InPlaceSink(const QString &path, const TaskProgress &progress)
        : m_path(path)
        , m_progress(progress)
    {
        m_fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
        if (m_fd < 0)
            fail(errno);
    }
    ~InPlaceSink() override
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    bool isOpen() const { return m_fd >= 0; }
    bool write(const char *data, quint64 length) override
    {
        for (quint64 done = 0; done < length;) {
            const ssize_t n = ::write(m_fd, data + done, length - done);
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0 && errno == EAGAIN) {
                if (m_progress.isCancelled())
                    return false;
                pollfd ready{m_fd, POLLOUT, 0};
                ::poll(&ready, 1, 100);
                continue;
            }
            if (n <= 0)
                return fail(n < 0 ? errno : EIO);
            done += quint64(n);
        }
        return true;
    }
    bool skip(quint64 length) override
    {
        static const std::vector<char> zeros(std::size_t(FileChunk), 0);
        for (quint64 done = 0; done < length && !m_progress.isCancelled();) {
            const quint64 chunk = std::min<quint64>(quint64(FileChunk), length - done);
            if (!write(zeros.data(), chunk))
                return false;
            done += chunk;
        }
        return true;
    }
    bool finish() override { return true; }

private:
    bool fail(int errnum)
    {
        m_error = exportError(m_path, writeFailure(errnum), errnum);
        return false;
    }

    QString m_path;
    const TaskProgress &m_progress;
    int m_fd = -1;
};

// A regular file, new or replaced: through QSaveFile, so an existing file is replaced only when
// every byte is written, and a failure (a full disk, a file size limit) or Cancel leaves no
// temporary. Untouched pages are holes: the file is sparse.
class RegularFileSink : public ExportSink
{
public:
    explicit RegularFileSink(const QString &path)
        : m_path(path)
        , m_file(path)
    {
        errno = 0;
        if (!m_file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
            m_error = exportError(path, m_file.errorString(), errno);
    }
    bool isOpen() const { return m_file.isOpen(); }
    bool write(const char *data, quint64 length) override
    {
        errno = 0;
        if (m_file.write(data, qint64(length)) != qint64(length))
            return fail();
        m_size += length;
        return true;
    }
    bool skip(quint64 length) override
    {
        m_size += length;
        errno = 0;
        return m_file.seek(qint64(m_size)) || fail();
    }
    bool finish() override
    {
        errno = 0;
        // A hole at the end is made by the size alone.
        if (!m_file.resize(qint64(m_size)))
            return fail();
        errno = 0;
        if (!m_file.commit()) {
            m_error = exportError(m_path, m_file.errorString(), errno);
            return false;
        }
        return true;
    }

private:
    bool fail()
    {
        const int errnum = errno;
        m_error = exportError(m_path, errnum ? writeFailure(errnum) : m_file.errorString(), errnum);
        m_file.cancelWriting();
        return false;
    }

    QString m_path;
    QSaveFile m_file;
    quint64 m_size = 0;
};

struct ExportOutcome
{
    shm::Result<void> result;
    quint64 unreadable = 0; // faulted pages, written as zeros
};

// Copies [offset, offset + length) to `path`, for the worker: no widgets.
ExportOutcome exportRange(const shm::MemoryAccess &access, quint64 offset, quint64 length,
                          const QString &path, TaskProgress &progress)
{
    progress.setTotal(length);
    ExportOutcome outcome;
    struct stat st {};
    const bool inPlace = ::stat(QFile::encodeName(path).constData(), &st) == 0
                         && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode);
    std::unique_ptr<ExportSink> sink;
    if (inPlace) {
        auto device = std::make_unique<InPlaceSink>(path, progress);
        if (!device->isOpen())
            return {device->error()};
        sink = std::move(device);
    } else {
        auto file = std::make_unique<RegularFileSink>(path);
        if (!file->isOpen())
            return {file->error()};
        sink = std::move(file);
    }
    constexpr quint64 Window = quint64(64) << 20;
    const shm::SparsePages map(access);
    std::vector<char> buffer(std::size_t(std::min<quint64>(quint64(FileChunk), length)));
    for (quint64 at = offset; at < offset + length;) {
        const quint64 window = std::min(Window, offset + length - at);
        for (const shm::PageRun &run : map.pages(at, window)) {
            if (progress.isCancelled())
                return outcome; // the sink goes without commit: no file, the old one kept
            if (run.state == shm::PageState::Untouched) {
                if (!sink->skip(run.length))
                    return {sink->error()};
                progress.advance(run.length);
                continue;
            }
            for (quint64 done = 0; done < run.length && !progress.isCancelled();) {
                const quint64 chunk = std::min<quint64>(buffer.size(), run.length - done);
                const auto report = access.read(run.offset + done,
                                                reinterpret_cast<std::byte *>(buffer.data()), chunk);
                outcome.unreadable += report.unreadable;
                if (!sink->write(buffer.data(), chunk))
                    return {progress.isCancelled() ? shm::Result<void>() : sink->error()};
                done += chunk;
                progress.advance(chunk);
            }
        }
        at += window;
    }
    if (!progress.isCancelled() && !sink->finish())
        return {sink->error()};
    return outcome;
}

} // namespace

shm::Result<void> MemoryView::exportToFile(const QString &path, bool selectionOnly, TaskWait wait)
{
    const quint64 offset = selectionOnly ? m_hexView->selectionStart() : 0;
    const quint64 length = selectionOnly ? (m_hexView->hasSelection() ? m_hexView->selectionLength() : 1)
                                         : m_source->size();
    const shm::MemoryAccess access = m_source->memoryAccess();
    auto outcome = std::make_shared<ExportOutcome>();
    auto finished = std::make_shared<shm::Result<void>>();
    MemoryTask *task = runTask(
        tr("Exporting"),
        [access, offset, length, path, outcome](TaskProgress &progress) {
            *outcome = exportRange(access, offset, length, path, progress);
        },
        [this, outcome, finished, length, path, wait](bool cancelled) {
            if (!outcome->result) {
                *finished = outcome->result;
                if (wait == TaskWait::Return)
                    say(errortext::message(outcome->result.error()));
                return;
            }
            if (cancelled) {
                *finished = exportError(path, tr("cancelled."), ECANCELED);
                say(tr("Export cancelled: %1 was not written.").arg(path));
                return;
            }
            QString text =
                tr("Exported %L1 bytes to %2.", nullptr, plural::count(length)).arg(length).arg(path);
            if (outcome->unreadable > 0)
                text += QLatin1Char(' ')
                        + tr("%L1 bytes could not be read (a fault) and were written as zeros.",
                             nullptr, plural::count(outcome->unreadable))
                              .arg(outcome->unreadable);
            say(text);
        });
    return awaitTask(task, "export", path, wait, finished);
}

shm::Result<void> MemoryView::importFromFile(const QString &path, quint64 offset, TaskWait wait)
{
    // Read in the worker (a FIFO with no writer or a slow device does not hold the window);
    // written here, through the editor, as one undo step. The editor checks the range and
    // words the refusal.
    ByteSource *source = m_source;
    auto read = std::make_shared<ByteEditor::FileRead>();
    auto finished = std::make_shared<shm::Result<void>>();
    const auto done = [this, read, finished, path, offset, wait](bool cancelled) {
        if (cancelled) {
            const QString text =
                read->streamed > 0
                    ? tr("Import cancelled: %L1 bytes were written before; they cannot be undone.",
                         nullptr, plural::count(read->streamed))
                          .arg(read->streamed)
                    : tr("Import cancelled: nothing was written.");
            *finished = refusal("import", path, text);
            say(text);
            return;
        }
        const auto written =
            m_hexView->editor()->finishFile(offset, *read, tr("Import %1").arg(path));
        if (!written) {
            *finished = written.error();
            if (wait == TaskWait::Return)
                say(errortext::message(written.error()));
            return;
        }
        QString text =
            tr("Imported %L1 bytes from %2 at 0x%3.", nullptr, plural::count(written->bytes))
                .arg(written->bytes)
                .arg(path)
                .arg(offset, 0, 16);
        if (written->sourceHasMore)
            text += QLatin1Char(' ')
                    + tr("The source has more: reading stopped at the end of the segment.");
        if (!written->undoable)
            text += QLatin1Char(' ') + tr("This cannot be undone (undo keeps at most %1 MiB).")
                                           .arg(ByteEditor::MaxUndoableBytes >> 20);
        say(text);
    };
    MemoryTask *task = runTask(
        tr("Importing"),
        [source, offset, path, read](TaskProgress &progress) {
            *read = ByteEditor::readFile(source, offset, path, &progress);
        },
        done);
    return awaitTask(task, "import", path, wait, finished);
}

shm::Result<void> MemoryView::awaitTask(MemoryTask *task, const char *what, const QString &input,
                                        TaskWait wait,
                                        const std::shared_ptr<shm::Result<void>> &outcome)
{
    if (!task)
        return busyError(what, input);
    if (wait == TaskWait::Return)
        return {};
    waitForTask(task);
    return *outcome;
}

shm::Error MemoryView::busyError(const char *what, const QString &input) const
{
    shm::Error busy = refusal(what, input,
                              tr("%1 is still running: cancel it (Esc) or wait for it to end.")
                                  .arg(m_task ? m_task->title() : QString()));
    busy.kind = shm::ErrorKind::InvalidState;
    return busy;
}

void MemoryView::exportBytes(bool selectionOnly)
{
    const QString path = QFileDialog::getSaveFileName(
        this,
        selectionOnly ? tr("Export Selection")
                      : (isFile() ? tr("Export Object") : tr("Export Segment")),
        fileNameBase() + QStringLiteral(".bin"));
    if (!path.isEmpty())
        exportToFile(path, selectionOnly, TaskWait::Return); // the task says how it ended
}

void MemoryView::importFile()
{
    const quint64 offset = m_hexView->selectionStart();
    if (const auto allowed = m_hexView->editor()->check(offset, 0); !allowed) {
        sayIfRefused(allowed);
        return;
    }
    const QString path = QFileDialog::getOpenFileName(this, tr("Import File into Segment"));
    if (path.isEmpty())
        return;
    const QFileInfo info(path);
    const bool knownSize = info.isFile() && info.size() > 0;
    // A pipe, a device or a /proc file: at most what fits is read.
    const quint64 bytes = knownSize ? quint64(info.size()) : m_source->size() - offset;
    QString question;
    if (isFile()) {
        question = knownSize
            ? tr("Overwrite %L1 bytes of %2 from offset 0x%3 with the contents of %4? Other "
                 "processes see the change at once.",
                 nullptr, plural::count(bytes))
            : tr("Overwrite up to %L1 bytes of %2 from offset 0x%3 with what %4 gives? Its size "
                 "is unknown: reading stops at the end of the object. Other processes see the "
                 "change at once.",
                 nullptr, plural::count(bytes));
        question = question.arg(bytes).arg(m_title).arg(offset, 0, 16).arg(path);
    } else {
        question = knownSize
            ? tr("Overwrite %L1 bytes of shmid %2 from offset 0x%3 with the contents of %4? "
                 "Other processes see the change at once.",
                 nullptr, plural::count(bytes))
            : tr("Overwrite up to %L1 bytes of shmid %2 from offset 0x%3 with what %4 gives? "
                 "Its size is unknown: reading stops at the end of the segment. Other "
                 "processes see the change at once.",
                 nullptr, plural::count(bytes));
        question = question.arg(bytes).arg(shmid()).arg(offset, 0, 16).arg(path);
    }
    if (bytes > ByteEditor::MaxUndoableBytes)
        question += QLatin1Char(' ')
                    + (knownSize ? tr("This cannot be undone.")
                                 : tr("Beyond %1 MiB, it cannot be undone.")
                                       .arg(ByteEditor::MaxUndoableBytes >> 20));
    const auto answer = QMessageBox::question(this, tr("Import File"), question);
    if (answer == QMessageBox::Yes)
        importFromFile(path, offset, TaskWait::Return); // the task says how it ended
}
