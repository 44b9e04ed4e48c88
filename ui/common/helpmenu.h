#pragma once

// The Help menu every shmscope window carries, the in-app page on System V shared memory and
// the About box.

#include <QString>

class QLabel;
class QMainWindow;
class QMenu;
class QWidget;

// Adds a "Help" menu at the end of the window's menu bar: What's This? (Shift+F1), System V
// Shared Memory (F1), About shmscope, About Qt. Also lets the links of What's This texts made
// with helpLink() open the page. Returns the menu (owned by the menu bar).
QMenu *installHelpMenu(QMainWindow *window);

// Opens the shared-memory page of parent's window (one per window, raised if already open) and
// scrolls it to `anchor`, one of helpTopics(); an empty or unknown anchor shows the top.
// Returns the page's dialog.
QWidget *showSharedMemoryHelp(QWidget *parent, const QString &anchor = {});

// The anchors of the page: key, shmid, perms, owner, size, nattch, pids, times, dest, locked,
// attachers, limits, commands, fork, posix, memfd, orphans.
QStringList helpTopics();

// The page itself (HTML, in the current language).
QString sharedMemoryHelpHtml();

// Rich text linking to a topic of the page, for labels, tooltips and What's This texts:
// <a href="shmscope-help:key">text</a>. A QLabel shows it with setTextFormat(Qt::RichText);
// connect its linkActivated signal to openHelpLink. In What's This texts it works by itself.
QString helpLink(const QString &anchor, const QString &text);

// A label (e.g. a form row's "Key:") whose text links to a topic of the page: clicking it, or
// activating it from the keyboard, opens the page there.
QLabel *createHelpLabel(const QString &text, const QString &anchor, QWidget *parent = nullptr);

// If `link` is a helpLink() target, opens the page there and returns true; else false.
bool openHelpLink(QWidget *parent, const QString &link);

// Opens the About box (version, licence, Qt version) window-modally and returns it; it deletes
// itself when closed.
QWidget *showAboutBox(QWidget *parent);
