#include "ui/common/helpmenu.h"

#include <QAction>
#include <QApplication>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFile>
#include <QIcon>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <QWhatsThis>
#include <QWhatsThisClickedEvent>

#include <utility>

namespace {
const QLatin1String helpScheme("shmscope-help:");
} // namespace

// The page on System V shared memory: one per window, reused.
class SharedMemoryHelpDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SharedMemoryHelpDialog(QWidget *parent)
        : QDialog(parent)
        , m_browser(new QTextBrowser(this))
    {
        setObjectName(QStringLiteral("sharedMemoryHelp"));
        setWindowTitle(tr("System V Shared Memory — shmscope Help"));
        m_browser->setObjectName(QStringLiteral("helpBrowser"));
        m_browser->setOpenExternalLinks(true);
        m_browser->setHtml(sharedMemoryHelpHtml());
        m_browser->setAccessibleName(tr("System V shared memory explained"));
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
        connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(m_browser);
        layout->addWidget(buttons);
        resize(680, 600);
    }

    void showTopic(const QString &anchor)
    {
        m_browser->verticalScrollBar()->setValue(0);
        if (helpTopics().contains(anchor))
            m_browser->scrollToAnchor(anchor);
    }

private:
    QTextBrowser *m_browser;
};

// Opens the page when the user clicks a helpLink() in a What's This text: Qt sends the click to
// the widget the text belongs to, so one application-wide filter serves every widget.
class HelpLinkFilter : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::WhatsThisClicked) {
            const QString href = static_cast<QWhatsThisClickedEvent *>(event)->href();
            if (openHelpLink(qobject_cast<QWidget *>(watched), href))
                return true;
        }
        return QObject::eventFilter(watched, event);
    }
};

namespace {

QString section(const QString &anchor, const QString &title, const QString &body)
{
    return QStringLiteral("<h3><a name=\"%1\"></a>%2</h3>%3").arg(anchor, title, body);
}

QString para(const QString &text)
{
    return QStringLiteral("<p>") + text + QStringLiteral("</p>");
}

} // namespace

QStringList helpTopics()
{
    return {QStringLiteral("key"),      QStringLiteral("shmid"),     QStringLiteral("perms"),
            QStringLiteral("owner"),    QStringLiteral("size"),      QStringLiteral("nattch"),
            QStringLiteral("pids"),     QStringLiteral("times"),     QStringLiteral("dest"),
            QStringLiteral("locked"),   QStringLiteral("attachers"), QStringLiteral("limits"),
            QStringLiteral("commands"), QStringLiteral("fork"),      QStringLiteral("posix"),
            QStringLiteral("memfd"),    QStringLiteral("orphans")};
}

// The page's text, in the HelpPage translation context.
class HelpPage
{
    Q_DECLARE_TR_FUNCTIONS(HelpPage)

public:
    static QString html();
};

QString sharedMemoryHelpHtml()
{
    return HelpPage::html();
}

QString HelpPage::html()
{
    QString html;
    html += QStringLiteral("<h2>") + tr("System V shared memory") + QStringLiteral("</h2>");
    html += para(
        tr("A <b>shared-memory segment</b> is a block of memory kept by the kernel that several "
           "processes can <i>attach</i> to their address space. What one process writes there, the "
           "others see at once: no copy, no system call for each access. It is the fastest way for "
           "processes to exchange data; they still have to agree on who writes when (with a "
           "semaphore, a pipe, a flag in the segment)."));
    html += para(tr(
        "<code>shmget()</code> creates or finds a segment and returns its identifier; "
        "<code>shmat()</code> attaches it and returns its address; <code>shmdt()</code> detaches "
        "it; <code>shmctl()</code> reads its state, changes its owner or mode, locks it or marks "
        "it for destruction. A segment outlives the processes that made it: it stays until it "
        "is removed or the machine restarts."));

    const QList<std::pair<QString, QString>> topics = {
        {QStringLiteral("key"), tr("key")},
        {QStringLiteral("shmid"), QStringLiteral("shmid")},
        {QStringLiteral("perms"), tr("permissions")},
        {QStringLiteral("owner"), tr("owner")},
        {QStringLiteral("size"), tr("size")},
        {QStringLiteral("nattch"), QStringLiteral("nattch")},
        {QStringLiteral("pids"), QStringLiteral("cpid, lpid")},
        {QStringLiteral("times"), tr("times")},
        {QStringLiteral("dest"), QStringLiteral("dest")},
        {QStringLiteral("locked"), QStringLiteral("locked")},
        {QStringLiteral("attachers"), tr("attached processes")},
        {QStringLiteral("limits"), tr("limits")},
        {QStringLiteral("commands"), tr("commands")},
        {QStringLiteral("fork"), QStringLiteral("fork()")},
        {QStringLiteral("posix"), tr("POSIX shared memory")},
        {QStringLiteral("memfd"), QStringLiteral("memfd")},
        {QStringLiteral("orphans"), tr("orphans")},
    };
    QStringList links;
    for (const auto &[anchor, text] : topics)
        links += QStringLiteral("<a href=\"#%1\">%2</a>").arg(anchor, text);
    html += para(tr("Topics:") + QLatin1Char(' ') + links.join(QStringLiteral(" · ")));

    html += section(
        QStringLiteral("key"), tr("Key"),
        para(tr("The number programs agree on to find the same segment, as they would agree on a "
                "file name: <code>shmget(key, size, flags)</code> returns the segment that has "
                "this key, or creates it with <code>IPC_CREAT</code>. Programs often derive the "
                "key from a file with <code>ftok()</code>. shmscope shows it in hexadecimal, as "
                "<code>ipcs</code> does."))
            + para(
                tr("The key <code>IPC_PRIVATE</code> (0) always creates a new segment that no "
                   "other <code>shmget()</code> can find: only processes given its shmid, such as "
                   "children after <code>fork()</code>, can use it. A segment marked for "
                   "destruction also shows the key 0.")));
    html += section(
        QStringLiteral("shmid"), tr("Identifier (shmid)"),
        para(tr("The identifier the kernel gives the segment: <code>shmat()</code>, "
                "<code>shmctl()</code> and <code>ipcrm -m</code> take it. Any process that knows "
                "the shmid can attach the segment if the permissions allow it, without knowing "
                "the key. Linux builds it as <i>sequence</i> × 32768 + <i>slot</i>, so a segment "
                "created in a freed slot gets a new shmid and an old identifier cannot reach it "
                "by mistake.")));
    html += section(
        QStringLiteral("perms"), tr("Permissions (perms)"),
        para(tr("Nine bits, as for a file: read and write for the owner, the group and the others "
                "(execute means nothing here). Attaching read-only needs the read permission; "
                "attaching read-write needs read and write. Root, and any process with "
                "<code>CAP_IPC_OWNER</code>, bypasses these checks.")));
    html += section(
        QStringLiteral("owner"), tr("Owner and creator"),
        para(tr("Each segment has an owner (uid, gid) and a creator (cuid, cgid). Only the owner, "
                "the creator or a privileged process may change the mode or the owner "
                "(<code>IPC_SET</code>) or remove the segment (<code>IPC_RMID</code>).")));
    html += section(
        QStringLiteral("size"), tr("Size, RSS and swap"),
        para(tr("The size in bytes requested from <code>shmget()</code>. The kernel provides "
                "memory in whole pages, and only when a page is first touched: <b>RSS</b> is the "
                "memory the segment occupies now, <b>swap</b> what has been moved to swap "
                "space.")));
    html += section(
        QStringLiteral("nattch"), tr("Attachments (nattch)"),
        para(tr("The number of current attachments. Each <code>shmat()</code> adds one, each "
                "<code>shmdt()</code> removes one; a process that attaches twice counts twice. "
                "<code>fork()</code> gives the child the parent's attachments; "
                "<code>exit()</code> and <code>exec()</code> detach everything. A segment with "
                "nattch 0 still exists and keeps its contents.")));
    html += section(
        QStringLiteral("pids"), tr("Creator and last process (cpid, lpid)"),
        para(tr("<b>cpid</b> is the process that created the segment, <b>lpid</b> the last one "
                "that attached or detached it. Either may have exited long ago.")));
    html += section(
        QStringLiteral("times"), tr("Times (atime, dtime, ctime)"),
        para(tr("<b>atime</b>: last attachment; <b>dtime</b>: last detachment; <b>ctime</b>: "
                "creation or last change through <code>shmctl()</code>. “Never” means that the "
                "event has not happened yet.")));
    html += section(
        QStringLiteral("dest"), tr("Marked for destruction (dest)"),
        para(tr("<code>shmctl(shmid, IPC_RMID, NULL)</code>, or <code>ipcrm -m shmid</code>, "
                "does not free the memory at once: it <i>marks the segment for destruction</i>. "
                "Its key becomes 0, so no <code>shmget()</code> finds it any more; the processes "
                "still attached keep using it, and the kernel frees it when the last one "
                "detaches. A segment that nobody has attached is freed at once."))
            + para(tr("A good habit: mark a segment for destruction as soon as every process has "
                      "attached it. Then nothing is left behind, even if the programs crash or are "
                      "killed.")));
    html += section(
        QStringLiteral("locked"), tr("Locked in memory (locked)"),
        para(tr("<code>shmctl(shmid, SHM_LOCK, NULL)</code> keeps the segment's pages in RAM: "
                "they are never swapped out. It needs <code>CAP_IPC_LOCK</code> or enough room "
                "under the <code>RLIMIT_MEMLOCK</code> limit. <code>SHM_UNLOCK</code> undoes "
                "it.")));
    html += section(
        QStringLiteral("attachers"), tr("Which processes have it attached"),
        para(tr("The kernel counts attachments but does not say who holds them. shmscope finds "
                "them in each process's <code>/proc/PID/maps</code>, where an attachment appears "
                "as <code>/SYSV</code> followed by the key, with <code>r--s</code> when it is "
                "read-only and <code>rw-s</code> when it is read-write. Without privileges, the "
                "processes of other users may stay hidden.")));
    html += section(
        QStringLiteral("limits"), tr("System limits"),
        para(tr("The kernel limits the size of one segment (<code>shmmax</code>), the total of "
                "shared memory in pages (<code>shmall</code>) and the number of segments "
                "(<code>shmmni</code>): see <code>/proc/sys/kernel/</code>. Beyond them "
                "<code>shmget()</code> fails with <code>EINVAL</code> or "
                "<code>ENOSPC</code>.")));
    html += section(
        QStringLiteral("commands"), tr("Command-line tools"),
        para(tr("<code>ipcs -m</code> lists the segments, <code>ipcmk -M size</code> creates "
                "one, <code>ipcrm -m shmid</code> marks one for destruction and <code>lsipc "
                "-m</code> lists them with more columns. <code>shmscope --list</code> prints the "
                "table without a display; <code>man shmscope</code> describes every option.")));
    html += section(
        QStringLiteral("fork"), tr("Shared memory and fork()"),
        para(tr("After <code>fork()</code>, the parent and the child have separate copies of their "
                "ordinary variables: what one changes, the other never sees. A segment attached "
                "before <code>fork()</code> is the exception: both processes reach the same "
                "memory, so the value the child writes is the value the parent reads. The fork "
                "demo shows it step by step.")));
    html += section(
        QStringLiteral("posix"), tr("POSIX shared memory"),
        para(tr("<code>shm_open(\"/NAME\", flags, mode)</code> opens or creates an object that "
                "is a file of the tmpfs mounted on <code>/dev/shm</code>; "
                "<code>ftruncate()</code> sets its size, <code>mmap(MAP_SHARED)</code> maps it "
                "and <code>shm_unlink()</code> removes its name. Its permissions, owner and "
                "times are the file's. Like a segment it outlives its processes; unlike one, "
                "the kernel keeps no count of who uses it: shmscope finds its <b>holders</b> in "
                "each process's <code>/proc/PID/maps</code> (mappings) and "
                "<code>/proc/PID/fd</code> (open descriptors). A container sees the "
                "<code>/dev/shm</code> of its own mount namespace."))
            + para(tr("Shrinking an object that a process has mapped is allowed: that process "
                      "then gets <code>SIGBUS</code> when it touches a page past the new end.")));
    html += section(
        QStringLiteral("memfd"), tr("memfd"),
        para(tr("<code>memfd_create(\"NAME\", flags)</code> gives a descriptor to a file of "
                "memory with no name in any directory: it lives while some process holds a "
                "descriptor or a mapping, and is passed to others over a UNIX socket (Wayland "
                "buffers, PipeWire, browsers). It shows as <code>/memfd:NAME (deleted)</code> "
                "in <code>/proc/PID/fd</code> and <code>/proc/PID/maps</code>. <b>Seals</b> "
                "(<code>F_ADD_SEALS</code>) forbid from then on to shrink, grow or write it, so "
                "that a receiver may trust it. Another process's memfd is opened through its "
                "<code>/proc/PID/fd/N</code>, which needs the right to inspect that process "
                "(ptrace read).")));
    html += section(
        QStringLiteral("orphans"), tr("Orphans"),
        para(tr("Shared memory nobody uses any more and that nothing will clean up: a segment "
                "that no process attaches and whose creator has exited, or a POSIX object that "
                "no process maps or holds open. It keeps its memory until someone removes it "
                "(or the machine restarts): programs that crashed before their clean-up leave "
                "them. shmscope shows how long each has been unused; a memfd is never an "
                "orphan, since it goes with its last holder.")));
    return html;
}

QString helpLink(const QString &anchor, const QString &text)
{
    return QStringLiteral("<a href=\"%1%2\">%3</a>").arg(helpScheme, anchor, text);
}

QLabel *createHelpLabel(const QString &text, const QString &anchor, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::RichText);
    label->setText(helpLink(anchor, text.toHtmlEscaped()));
    label->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    label->setToolTip(QCoreApplication::translate("HelpMenu", "Explain this (opens the help)"));
    QObject::connect(label, &QLabel::linkActivated, label,
                     [label](const QString &link) { openHelpLink(label, link); });
    return label;
}

bool openHelpLink(QWidget *parent, const QString &link)
{
    if (!link.startsWith(helpScheme))
        return false;
    showSharedMemoryHelp(parent, link.mid(helpScheme.size()));
    return true;
}

QWidget *showSharedMemoryHelp(QWidget *parent, const QString &anchor)
{
    QWidget *window = parent ? parent->window() : nullptr;
    SharedMemoryHelpDialog *dialog = nullptr;
    if (window) {
        dialog = qobject_cast<SharedMemoryHelpDialog *>(window);
        if (!dialog)
            dialog = window->findChild<SharedMemoryHelpDialog *>(QString(),
                                                                 Qt::FindDirectChildrenOnly);
    }
    if (!dialog) {
        dialog = new SharedMemoryHelpDialog(window);
        if (!window)
            dialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    dialog->showTopic(anchor);
    return dialog;
}

QWidget *showAboutBox(QWidget *parent)
{
    auto *box = new QMessageBox(parent);
    box->setObjectName(QStringLiteral("aboutBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowTitle(QCoreApplication::translate("HelpMenu", "About shmscope"));
    box->setIconPixmap(QApplication::windowIcon().pixmap(64, 64));
    box->setTextFormat(Qt::RichText);
    box->setText(
        QStringLiteral("<h3>shmscope %1</h3>").arg(QCoreApplication::applicationVersion())
        + para(QCoreApplication::translate("HelpMenu",
                                           "An inspector for System V shared memory on Linux."))
        + para(QCoreApplication::translate("HelpMenu",
                                           "Copyright © 2026 the shmscope authors. Free software "
                                           "under the MIT licence."))
        + para(QCoreApplication::translate("HelpMenu", "Built with Qt %1, running on Qt %2.")
                   .arg(QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion()))));
    // The licence's own words stay in English: they are the legal text.
    QFile licence(QStringLiteral(":/shmscope/LICENSE"));
    if (licence.open(QIODevice::ReadOnly | QIODevice::Text))
        box->setDetailedText(QString::fromUtf8(licence.readAll()));
    box->setStandardButtons(QMessageBox::Close);
    box->setWindowModality(parent ? Qt::WindowModal : Qt::ApplicationModal);
    box->show();
    return box;
}

QMenu *installHelpMenu(QMainWindow *window)
{
    if (!qApp->findChild<HelpLinkFilter *>(QString(), Qt::FindDirectChildrenOnly))
        qApp->installEventFilter(new HelpLinkFilter(qApp));

    QMenu *menu = window->menuBar()->addMenu(QCoreApplication::translate("HelpMenu", "&Help"));
    menu->setObjectName(QStringLiteral("helpMenu"));

    QAction *whatsThis = QWhatsThis::createAction(menu);
    whatsThis->setObjectName(QStringLiteral("actionWhatsThis"));
    whatsThis->setText(QCoreApplication::translate("HelpMenu", "What's &This?"));
    whatsThis->setShortcut(QKeySequence::WhatsThis);
    whatsThis->setShortcutContext(Qt::WindowShortcut);
    menu->addAction(whatsThis);

    QAction *page
        = menu->addAction(QIcon::fromTheme(QStringLiteral("help-contents")),
                          QCoreApplication::translate("HelpMenu", "System V &Shared Memory"));
    page->setObjectName(QStringLiteral("actionSharedMemoryHelp"));
    page->setShortcut(QKeySequence::HelpContents);
    page->setShortcutContext(Qt::WindowShortcut);
    page->setStatusTip(QCoreApplication::translate(
        "HelpMenu", "What a key, a shmid, nattch and dest mean, and how segments work"));
    QObject::connect(page, &QAction::triggered, window, [window] { showSharedMemoryHelp(window); });

    menu->addSeparator();
    QAction *about = menu->addAction(QIcon::fromTheme(QStringLiteral("help-about")),
                                     QCoreApplication::translate("HelpMenu", "&About shmscope"));
    about->setObjectName(QStringLiteral("actionAbout"));
    about->setMenuRole(QAction::AboutRole);
    QObject::connect(about, &QAction::triggered, window, [window] { showAboutBox(window); });

    QAction *aboutQt = menu->addAction(QCoreApplication::translate("HelpMenu", "About &Qt"));
    aboutQt->setObjectName(QStringLiteral("actionAboutQt"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
    QObject::connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
    return menu;
}

#include "helpmenu.moc"
