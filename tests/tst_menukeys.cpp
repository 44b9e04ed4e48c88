// Keyboard access to the menus of every window, in English and in French: each menu title and
// each entry has a mnemonic (or, for an entry, a shortcut), no two share a mnemonic in the same
// menu or menu bar, and no two entries of a window share a shortcut. And the hex view tells
// assistive technology the offset and the value under its cursor.

#include "support/mnemonics.h"
#include "support/testsegment.h"
#include "ui/memory/bytesource.h"
#include "ui/lessons/demowindow.h"
#include "ui/lessons/racewindow.h"
#include "ui/memory/hexview.h"
#include "ui/browser/filebrowser.h"
#include "ui/browser/mainwindow.h"
#include "ui/browser/queuebrowser.h"
#include "ui/browser/semaphorebrowser.h"
#include "ui/memory/memorywindow.h"

#include <QAction>
#include <QHash>
#include <QMenu>
#include <QMenuBar>
#include <QScopeGuard>
#include <QTabWidget>
#include <QTest>
#include <QTranslator>

#include <functional>
#include <memory>

namespace {

// The mnemonic letter of a menu text (lower case), or a null QChar.
QChar mnemonicOf(const QString &text)
{
    return shmtest::mnemonicsOf(text).value(0);
}

QString plain(QString text)
{
    return text.remove(QLatin1Char('&'));
}

// Problems with the menus of `window`, one line each.
QStringList keyboardProblems(QMainWindow *window)
{
    QStringList problems;
    const QString where = window->metaObject()->className();
    QHash<QChar, QString> titles;
    QHash<QKeySequence, QString> shortcuts;
    for (QAction *menuAction : window->menuBar()->actions()) {
        QMenu *menu = menuAction->menu();
        if (!menu || !menuAction->isVisible())
            continue;
        const QChar key = mnemonicOf(menu->title());
        if (key.isNull())
            problems << where + QStringLiteral(": menu %1 has no mnemonic").arg(menu->title());
        else if (titles.contains(key))
            problems << where
                    + QStringLiteral(": menus %1 and %2 share the mnemonic %3")
                          .arg(titles.value(key), menu->title(), key);
        else
            titles.insert(key, menu->title());

        QHash<QChar, QString> entries;
        for (QAction *action : menu->actions()) {
            if (action->isSeparator() || !action->isVisible())
                continue;
            const QString name = plain(menu->title()) + QStringLiteral(" > ") + action->text();
            const QChar entryKey = mnemonicOf(action->text());
            if (entryKey.isNull() && action->shortcut().isEmpty())
                problems << where
                        + QStringLiteral(": %1 has neither a mnemonic nor a shortcut").arg(name);
            if (!entryKey.isNull()) {
                if (entries.contains(entryKey))
                    problems << where
                            + QStringLiteral(": %1 and %2 share the mnemonic %3")
                                  .arg(entries.value(entryKey), name, entryKey);
                else
                    entries.insert(entryKey, name);
            }
            for (const QKeySequence &shortcut : action->shortcuts()) {
                if (shortcuts.contains(shortcut))
                    problems << where
                            + QStringLiteral(": %1 and %2 share the shortcut %3")
                                  .arg(shortcuts.value(shortcut), name, shortcut.toString());
                else
                    shortcuts.insert(shortcut, name);
            }
        }
    }
    return problems;
}

} // namespace

class TestMenuKeys : public QObject
{
    Q_OBJECT

private slots:
    void everyMenuEntryHasKeys_data();
    void everyMenuEntryHasKeys();
    void hexViewReportsOffsetAndValue();
};

void TestMenuKeys::everyMenuEntryHasKeys_data()
{
    QTest::addColumn<QString>("window");
    QTest::addColumn<bool>("french");
    for (const char *window : {"MainWindow", "MainWindow semaphores", "MainWindow queues",
                               "MainWindow POSIX objects", "MainWindow memfds", "MemoryWindow",
                               "DemoWindow", "RaceWindow"}) {
        QTest::addRow("%s, English", window) << QString::fromLatin1(window) << false;
        QTest::addRow("%s, French", window) << QString::fromLatin1(window) << true;
    }
}

void TestMenuKeys::everyMenuEntryHasKeys()
{
    QFETCH(QString, window);
    QFETCH(bool, french);
    QTranslator translator;
    if (french) {
        QVERIFY(translator.load(QStringLiteral(":/i18n/shmscope_fr.qm")));
        QCoreApplication::installTranslator(&translator);
    }
    const auto restore = qScopeGuard([&] { QCoreApplication::removeTranslator(&translator); });

    shmtest::TestSegment segment(4096);
    QVERIFY(segment.isValid());
    std::unique_ptr<QMainWindow> shown;
    if (window == QLatin1String("MainWindow")) {
        shown = std::make_unique<MainWindow>();
    } else if (window == QLatin1String("MainWindow semaphores")) { // the menus of that tab
        auto main = std::make_unique<MainWindow>();
        main->tabs()->setCurrentWidget(main->semaphores());
        shown = std::move(main);
    } else if (window == QLatin1String("MainWindow queues")) { // the message-queue tab's menus
        auto main = std::make_unique<MainWindow>();
        main->tabs()->setCurrentWidget(main->queues());
        shown = std::move(main);
    } else if (window == QLatin1String("MainWindow POSIX objects")) {
        auto main = std::make_unique<MainWindow>();
        main->tabs()->setCurrentWidget(main->posixObjects());
        shown = std::move(main);
    } else if (window == QLatin1String("MainWindow memfds")) {
        auto main = std::make_unique<MainWindow>();
        main->tabs()->setCurrentWidget(main->memfds());
        shown = std::move(main);
    } else if (window == QLatin1String("MemoryWindow")) {
        auto opened = MemoryWindow::open(segment.shmid(), shm::Access::ReadWrite);
        QVERIFY2(opened, opened ? "" : opened.error().describe().c_str());
        shown.reset(*opened);
        shown->setAttribute(Qt::WA_DeleteOnClose, false); // owned here
    } else if (window == QLatin1String("DemoWindow")) {
        shown = std::make_unique<DemoWindow>();
    } else {
        shown = std::make_unique<RaceWindow>();
    }
    const QStringList problems = keyboardProblems(shown.get());
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestMenuKeys::hexViewReportsOffsetAndValue()
{
    std::byte bytes[64] = {};
    bytes[0x21] = std::byte{0xab};
    BufferByteSource source(bytes, sizeof bytes, false);
    HexView view;
    view.setSource(&source);
    QVERIFY(!view.accessibleName().isEmpty());
    view.setCursorOffset(0x21);
    QCOMPARE(view.accessibleDescription(), QStringLiteral("Offset 0x21, value 0xab (171)"));
    view.setCursorOffset(0x3f);
    QCOMPARE(view.accessibleDescription(), QStringLiteral("Offset 0x3f, value 0x00 (0)"));
}

QTEST_MAIN(TestMenuKeys)
#include "tst_menukeys.moc"
