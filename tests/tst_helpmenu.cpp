// The Help menu: its actions and their keys, the shared-memory page (one per window, anchors,
// links from What's This texts), the About box, and all of it in French.

#include "support/actions.h"
#include "ui/common/helpmenu.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QScrollBar>
#include <QTest>
#include <QTextBrowser>
#include <QTranslator>
#include <QWhatsThis>
#include <QWhatsThisClickedEvent>

namespace {

QWidget *helpDialogOf(QWidget *window)
{
    return window->findChild<QWidget *>(QStringLiteral("sharedMemoryHelp"));
}

QTextBrowser *browserOf(QWidget *window)
{
    QWidget *dialog = helpDialogOf(window);
    return dialog ? dialog->findChild<QTextBrowser *>(QStringLiteral("helpBrowser")) : nullptr;
}

} // namespace

class TestHelpMenu : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void menuHasEveryEntryWithKeys();
    void pageHasEveryTopic();
    void pageOpensOncePerWindowAtTopic_data();
    void pageOpensOncePerWindowAtTopic();
    void helpLinksOpenThePage();
    void helpLabelsOpenThePage();
    void whatsThisLinksOpenThePage();
    void aboutBoxShowsVersionLicenceAndQt();
    void everythingInFrench();
};

void TestHelpMenu::initTestCase()
{
    QCoreApplication::setApplicationVersion(QStringLiteral("9.8.7"));
}

void TestHelpMenu::menuHasEveryEntryWithKeys()
{
    QMainWindow window;
    window.menuBar()->addMenu(QStringLiteral("&File"));
    QMenu *menu = installHelpMenu(&window);
    QVERIFY(menu);
    QCOMPARE(window.menuBar()->actions().constLast(), menu->menuAction());
    QCOMPARE(menu->title(), QStringLiteral("&Help"));

    QStringList names;
    for (QAction *action : menu->actions()) {
        if (action->isSeparator())
            continue;
        names << action->objectName();
        QVERIFY2(action->text().contains(QLatin1Char('&')), qPrintable(action->text()));
    }
    QCOMPARE(
        names,
        (QStringList {QStringLiteral("actionWhatsThis"), QStringLiteral("actionSharedMemoryHelp"),
                      QStringLiteral("actionAbout"), QStringLiteral("actionAboutQt")}));
    auto *whatsThis = menu->findChild<QAction *>(QStringLiteral("actionWhatsThis"));
    QCOMPARE(whatsThis->shortcut(), QKeySequence(QKeySequence::WhatsThis));
    auto *page = menu->findChild<QAction *>(QStringLiteral("actionSharedMemoryHelp"));
    QCOMPARE(page->shortcut(), QKeySequence(QKeySequence::HelpContents));
    QCOMPARE(page->shortcut(), QKeySequence(Qt::Key_F1));
}

void TestHelpMenu::pageHasEveryTopic()
{
    const QString html = sharedMemoryHelpHtml();
    for (const QString &topic : helpTopics()) {
        QVERIFY2(html.contains(QStringLiteral("<a name=\"%1\">").arg(topic)), qPrintable(topic));
        QVERIFY2(html.contains(QStringLiteral("href=\"#%1\"").arg(topic)), qPrintable(topic));
    }
    for (const char *word :
         {"IPC_PRIVATE", "IPC_RMID", "nattch", "SHM_LOCK", "ftok()", "/proc/PID/maps", "fork()"})
        QVERIFY2(html.contains(QLatin1String(word)), word);
}

void TestHelpMenu::pageOpensOncePerWindowAtTopic_data()
{
    QTest::addColumn<QString>("topic");
    QTest::addColumn<bool>("scrolled");
    QTest::newRow("top") << QString() << false;
    QTest::newRow("unknown topic shows the top") << QStringLiteral("nonsense") << false;
    QTest::newRow("dest, far down") << QStringLiteral("dest") << true;
    QTest::newRow("fork, at the end") << QStringLiteral("fork") << true;
}

void TestHelpMenu::pageOpensOncePerWindowAtTopic()
{
    QFETCH(QString, topic);
    QFETCH(bool, scrolled);
    QMainWindow window;
    installHelpMenu(&window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QWidget *dialog = showSharedMemoryHelp(&window, topic);
    QVERIFY(dialog->isVisible());
    QCOMPARE(helpDialogOf(&window), dialog);
    QTextBrowser *browser = browserOf(&window);
    QVERIFY(browser);
    QCOMPARE(browser->verticalScrollBar()->value() > 0, scrolled);

    // From the menu, or from another widget of the window: the same dialog, back to the top.
    auto *page = window.findChild<QAction *>(QStringLiteral("actionSharedMemoryHelp"));
    page->trigger();
    QCOMPARE(window.findChildren<QTextBrowser *>().size(), 1);
    QCOMPARE(browser->verticalScrollBar()->value(), 0);
    QCOMPARE(showSharedMemoryHelp(window.menuBar(), topic), dialog);
}

void TestHelpMenu::helpLinksOpenThePage()
{
    QMainWindow window;
    installHelpMenu(&window);
    const QString link = helpLink(QStringLiteral("nattch"), QStringLiteral("attached"));
    QCOMPARE(link, QStringLiteral("<a href=\"shmscope-help:nattch\">attached</a>"));
    QVERIFY(!openHelpLink(&window, QStringLiteral("https://example.invalid/")));
    QVERIFY(!helpDialogOf(&window));
    QVERIFY(openHelpLink(&window, QStringLiteral("shmscope-help:nattch")));
    QVERIFY(helpDialogOf(&window));
    QVERIFY(helpDialogOf(&window)->isVisible());
}

void TestHelpMenu::helpLabelsOpenThePage()
{
    QMainWindow window;
    QLabel *label = createHelpLabel(QStringLiteral("Key & co:"), QStringLiteral("key"), &window);
    QCOMPARE(label->text(), QStringLiteral("<a href=\"shmscope-help:key\">Key &amp; co:</a>"));
    QVERIFY(!helpDialogOf(&window));
    emit label->linkActivated(QStringLiteral("shmscope-help:key"));
    QVERIFY(helpDialogOf(&window));
    QVERIFY(helpDialogOf(&window)->isVisible());
}

void TestHelpMenu::whatsThisLinksOpenThePage()
{
    QMainWindow window;
    installHelpMenu(&window);
    auto *field = new QWidget(&window);
    field->setWhatsThis(helpLink(QStringLiteral("key"), QStringLiteral("key")));
    window.setCentralWidget(field);
    // What Qt sends to the widget when the user clicks a link of its What's This text.
    QWhatsThisClickedEvent click(QStringLiteral("shmscope-help:key"));
    QCoreApplication::sendEvent(field, &click);
    QVERIFY(helpDialogOf(&window));
    QVERIFY(helpDialogOf(&window)->isVisible());
}

void TestHelpMenu::aboutBoxShowsVersionLicenceAndQt()
{
    QMainWindow window;
    installHelpMenu(&window);
    shmtest::trigger(window, "actionAbout");
    auto *box = window.findChild<QMessageBox *>(QStringLiteral("aboutBox"));
    QVERIFY(box);
    QVERIFY(box->isVisible());
    QVERIFY(box->text().contains(QStringLiteral("shmscope 9.8.7")));
    QVERIFY(box->text().contains(QStringLiteral("MIT")));
    QVERIFY(box->text().contains(QString::fromLatin1(qVersion())));
    QVERIFY(box->detailedText().startsWith(QStringLiteral("MIT License")));
    QPointer<QMessageBox> guard(box);
    box->close();
    QTRY_VERIFY(guard.isNull()); // deletes itself
}

void TestHelpMenu::everythingInFrench()
{
    QTranslator french;
    QVERIFY(french.load(QStringLiteral(":/i18n/shmscope_fr.qm")));
    QCoreApplication::installTranslator(&french);
    QMainWindow window;
    QMenu *menu = installHelpMenu(&window);
    QCOMPARE(menu->title(), QStringLiteral("Aid&e"));
    QCOMPARE(window.findChild<QAction *>(QStringLiteral("actionSharedMemoryHelp"))->text(),
             QStringLiteral("&Mémoire partagée System V"));
    const QString html = sharedMemoryHelpHtml();
    QVERIFY(html.contains(QStringLiteral("marque le segment pour destruction")));
    QVERIFY(!html.contains(QStringLiteral("marks the segment for destruction")));
    QWidget *dialog = showSharedMemoryHelp(&window, QStringLiteral("key"));
    QCOMPARE(dialog->windowTitle(), QStringLiteral("Mémoire partagée System V — Aide de shmscope"));
    QCoreApplication::removeTranslator(&french);
}

QTEST_MAIN(TestHelpMenu)
#include "tst_helpmenu.moc"
