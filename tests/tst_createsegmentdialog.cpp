// CreateSegmentDialog: each bad input named before any call is made (row by row), good inputs
// turned into the right request, a real create, a kernel refusal shown inline, and a create
// through the main window seen in the table.

#include "support/mnemonics.h"
#include "support/rows.h"
#include "support/testsegment.h"
#include "ui/browser/createsegmentdialog.h"
#include "ui/browser/mainwindow.h"
#include "ui/browser/modeeditor.h"
#include "ui/browser/segmenttablemodel.h"

#include "ui/common/errortext.h"

#include "core/limits.h"
#include "core/parse.h"
#include "core/segmentcontrol.h"
#include "core/segmentlist.h"

#include <QAbstractButton>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QHash>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>

#include <algorithm>

#include <unistd.h>

using Dialog = CreateSegmentDialog;

namespace {

// Segments this process created: other suites may create theirs on the same machine meanwhile.
int ownSegmentCount()
{
    auto listing = shm::listSegments();
    if (!listing)
        return -1;
    int n = 0;
    for (const auto &s : *listing)
        n += s.cpid == getpid() ? 1 : 0;
    return n;
}

void typeInto(QLineEdit *edit, const QString &text)
{
    edit->selectAll();
    const bool ascii = std::all_of(text.begin(), text.end(),
                                   [](QChar c) { return c.unicode() < 0x80; });
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Backspace);
    else if (ascii)
        QTest::keyClicks(edit, text);
    else // QTest types ASCII only
        edit->setText(text);
}

// What fill() types into the dialog: the first columns of badInput and goodInput.
struct Fields
{
    int kind = Dialog::PrivateKey;
    QString key {}, path {}, projectId {}, size {};
    int unit = Dialog::Bytes;
    QString octal {};
};

void addFieldColumns()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("projectId");
    QTest::addColumn<QString>("size");
    QTest::addColumn<int>("unit");
    QTest::addColumn<QString>("octal");
}

// A test run once in English and once in French.
void addLanguageRows()
{
    shmtest::addBoolRows("french", "English", "French");
}

Fields fetchFields()
{
    QFETCH(int, kind);
    QFETCH(QString, key);
    QFETCH(QString, path);
    QFETCH(QString, projectId);
    QFETCH(QString, size);
    QFETCH(int, unit);
    QFETCH(QString, octal);
    return {kind, key, path, projectId, size, unit, octal};
}

} // namespace

class TestCreateSegmentDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void badInput_data();
    void badInput();
    void goodInput_data();
    void goodInput();
    void sizeRuleIsTheCore_data();
    void sizeRuleIsTheCore();
    void everyOfferedUnitParses_data();
    void everyOfferedUnitParses();
    void modeBoxesFollowOctal();
    void mnemonicsDoNotCollide_data();
    void mnemonicsDoNotCollide();
    void realCreate();
    void kernelRefusalShownInline();
    void createThroughMainWindow();

private:
    void fill(Dialog &dialog, const Fields &fields, bool exclusive);
    QString expand(QString text) const;
    QList<int> m_created;
    std::unique_ptr<shmtest::TestSegment> m_taken;
};

void TestCreateSegmentDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_taken = std::make_unique<shmtest::TestSegment>(4096, 0600, shmtest::unusedKey());
    QVERIFY2(m_taken->isValid(), m_taken->error().c_str());
}

void TestCreateSegmentDialog::cleanup()
{
    for (int shmid : std::as_const(m_created))
        shm::removeSegment(shmid);
    m_created.clear();
}

QString TestCreateSegmentDialog::expand(QString text) const
{
    if (text == QLatin1String("$TAKEN"))
        return QStringLiteral("0x%1").arg(std::uint32_t(m_taken->key()), 8, 16, QLatin1Char('0'));
    if (text == QLatin1String("$FREE"))
        return QStringLiteral("0x%1").arg(std::uint32_t(shmtest::unusedKey()), 8, 16,
                                          QLatin1Char('0'));
    if (text == QLatin1String("$ABOVE_SHMMAX")) {
        auto limits = shm::readLimits();
        return limits ? QString::number(qulonglong(limits->shmmax) + 1) : QString();
    }
    return text;
}

void TestCreateSegmentDialog::fill(Dialog &dialog, const Fields &fields, bool exclusive)
{
    dialog.keyKindCombo()->setCurrentIndex(dialog.keyKindCombo()->findData(fields.kind));
    typeInto(dialog.keyEdit(), expand(fields.key));
    typeInto(dialog.pathEdit(), fields.path);
    typeInto(dialog.projectIdEdit(), fields.projectId);
    typeInto(dialog.sizeEdit(), expand(fields.size));
    dialog.unitCombo()->setCurrentIndex(dialog.unitCombo()->findData(fields.unit));
    if (!fields.octal.isEmpty())
        typeInto(dialog.modeEditor()->octalEdit(), fields.octal);
    dialog.exclusiveBox()->setChecked(exclusive);
}

void TestCreateSegmentDialog::badInput_data()
{
    addFieldColumns();
    QTest::addColumn<bool>("exclusive");
    QTest::addColumn<QString>("expected");

    const int P = Dialog::PrivateKey, K = Dialog::ExplicitKey, F = Dialog::FtokKey;
    const int B = Dialog::Bytes, KB = Dialog::KiB;
    QTest::newRow("size zero") << P << "" << "" << "" << "0" << B << "" << true
                               << "at least 1 byte";
    QTest::newRow("size zero KiB") << P << "" << "" << "" << "0" << KB << "" << true
                                   << "at least 1 byte";
    QTest::newRow("size empty") << P << "" << "" << "" << "" << B << "" << true << "Enter a size";
    QTest::newRow("size not a number") << P << "" << "" << "" << "lots" << B << "" << true
                                       << "Size:";
    QTest::newRow("size above SHMMAX") << P << "" << "" << "" << "$ABOVE_SHMMAX" << B << ""
                                       << true << "SHMMAX";
    QTest::newRow("key empty") << K << "" << "" << "" << "4096" << B << "" << true
                               << "Enter a key";
    QTest::newRow("key not a number") << K << "0xZZ" << "" << "" << "4096" << B << "" << true
                                      << "Key:";
    QTest::newRow("key wider than 32 bits") << K << "0x1ffffffff" << "" << "" << "4096" << B
                                            << "" << true << "Key:";
    QTest::newRow("key taken with exclusive") << K << "$TAKEN" << "" << "" << "4096" << B << ""
                                              << true << "already taken";
    QTest::newRow("ftok path empty") << F << "" << "" << "65" << "4096" << B << "" << true
                                     << "Enter the path";
    QTest::newRow("ftok path does not exist")
        << F << "" << "/nonexistent/shmscope-test" << "65" << "4096" << B << "" << true
        << "does not exist";
    QTest::newRow("project id empty") << F << "" << "/tmp" << "" << "4096" << B << "" << true
                                      << "Enter a project id";
    QTest::newRow("project id 0") << F << "" << "/tmp" << "0" << "4096" << B << "" << true
                                  << "from 1 to 255";
    QTest::newRow("project id 256") << F << "" << "/tmp" << "256" << "4096" << B << "" << true
                                    << "from 1 to 255";
    QTest::newRow("project id negative") << F << "" << "/tmp" << "-3" << "4096" << B << ""
                                         << true << "from 1 to 255";
    QTest::newRow("project id two letters") << F << "" << "/tmp" << "AB" << "4096" << B << ""
                                            << true << "neither";
    QTest::newRow("a fraction of a byte") << P << "" << "" << "" << "1.5" << B << "" << true
                                          << "not a whole number of bytes";
    QTest::newRow("a fraction of a byte in KiB") << P << "" << "" << "" << "1.3" << KB << ""
                                                 << true << "not a whole number of bytes";
    QTest::newRow("project id beyond Latin-1") << F << "" << "/tmp" << "€" << "4096" << B << ""
                                               << true << "neither";
    QTest::newRow("mode above 0777") << P << "" << "" << "" << "4096" << B << "1777" << true
                                     << "Mode:";
    QTest::newRow("mode with digit 8") << P << "" << "" << "" << "4096" << B << "0680" << true
                                       << "Mode:";
    QTest::newRow("mode as letters") << P << "" << "" << "" << "4096" << B << "rwx" << true
                                     << "Mode:";
}

void TestCreateSegmentDialog::badInput()
{
    const Fields fields = fetchFields();
    QFETCH(bool, exclusive);
    QFETCH(QString, expected);

    const int before = ownSegmentCount();
    Dialog dialog;
    fill(dialog, fields, exclusive);
    QVERIFY2(dialog.validationMessage().contains(expected),
             qPrintable(dialog.validationMessage()));
    QVERIFY(!dialog.createButton()->isEnabled());
    QVERIFY(!dialog.request());
    // Even forced, no call is made and nothing typed is lost.
    dialog.accept();
    QCOMPARE(dialog.createdShmid(), -1);
    QVERIFY(dialog.result() != QDialog::Accepted);
    QCOMPARE(dialog.sizeEdit()->text(), expand(fields.size));
    QCOMPARE(ownSegmentCount(), before);
}

void TestCreateSegmentDialog::goodInput_data()
{
    addFieldColumns();
    QTest::addColumn<qulonglong>("bytes");
    QTest::addColumn<uint>("mode");
    QTest::addColumn<int>("keyKind");

    const int P = Dialog::PrivateKey, K = Dialog::ExplicitKey, F = Dialog::FtokKey;
    using Kind = shm::KeySpec::Kind;
    QTest::newRow("private, 4096 bytes") << P << "" << "" << "" << "4096" << int(Dialog::Bytes)
                                         << "" << 4096ULL << 0600u << int(Kind::Private);
    QTest::newRow("free hex key, 2 KiB") << K << "$FREE" << "" << "" << "2" << int(Dialog::KiB)
                                         << "" << 2048ULL << 0600u << int(Kind::Explicit);
    QTest::newRow("1.5 MiB") << P << "" << "" << "" << "1.5" << int(Dialog::MiB) << ""
                             << 1572864ULL << 0600u << int(Kind::Private);
    QTest::newRow("1 GiB") << P << "" << "" << "" << "1" << int(Dialog::GiB) << ""
                           << 1073741824ULL << 0600u << int(Kind::Private);
    QTest::newRow("size with its own unit") << P << "" << "" << "" << "4k" << int(Dialog::Bytes)
                                            << "" << 4096ULL << 0600u << int(Kind::Private);
    QTest::newRow("ftok with a letter") << F << "" << "/tmp" << "A" << "100"
                                        << int(Dialog::Bytes) << "" << 100ULL << 0600u
                                        << int(Kind::Ftok);
    QTest::newRow("ftok with a Latin-1 letter") << F << "" << "/tmp" << "é" << "100"
                                                << int(Dialog::Bytes) << "" << 100ULL << 0600u
                                                << int(Kind::Ftok);
    QTest::newRow("half a KiB") << P << "" << "" << "" << "0.5" << int(Dialog::KiB) << ""
                                << 512ULL << 0600u << int(Kind::Private);
    QTest::newRow("French unit typed") << P << "" << "" << "" << "3 Kio" << int(Dialog::Bytes)
                                       << "" << 3072ULL << 0600u << int(Kind::Private);
    QTest::newRow("ftok with a number") << F << "" << "/tmp" << "255" << "100"
                                        << int(Dialog::Bytes) << "" << 100ULL << 0600u
                                        << int(Kind::Ftok);
    QTest::newRow("mode typed in octal") << P << "" << "" << "" << "64" << int(Dialog::Bytes)
                                         << "0640" << 64ULL << 0640u << int(Kind::Private);
    QTest::newRow("mode typed without leading 0") << P << "" << "" << "" << "64"
                                                  << int(Dialog::Bytes) << "755" << 64ULL
                                                  << 0755u << int(Kind::Private);
}

void TestCreateSegmentDialog::goodInput()
{
    const Fields fields = fetchFields();
    QFETCH(qulonglong, bytes);
    QFETCH(uint, mode);
    QFETCH(int, keyKind);

    Dialog dialog;
    fill(dialog, fields, true);
    QVERIFY2(dialog.validationMessage().isEmpty(), qPrintable(dialog.validationMessage()));
    QVERIFY(dialog.createButton()->isEnabled());
    const auto request = dialog.request();
    QVERIFY(request);
    QCOMPARE(qulonglong(request->size), bytes);
    QCOMPARE(request->mode, mode);
    QCOMPARE(int(request->key.kind), keyKind);
    QVERIFY(request->exclusive);
}

// The dialog has no size rule of its own: what it accepts, refuses and says is the core's
// parseSize with the unit box as the unit of a bare number.
void TestCreateSegmentDialog::sizeRuleIsTheCore_data()
{
    QTest::addColumn<QString>("size");
    QTest::addColumn<int>("unit");
    QTest::newRow("1.5 bytes") << "1.5" << int(Dialog::Bytes);
    QTest::newRow("0.001 KiB") << "0.001" << int(Dialog::KiB);
    QTest::newRow("1.0000001 MiB") << "1.0000001" << int(Dialog::MiB);
    QTest::newRow("1.25 KiB") << "1.25" << int(Dialog::KiB);
    QTest::newRow("4 parsecs") << "4 parsecs" << int(Dialog::Bytes);
    QTest::newRow("zero GiB") << "0" << int(Dialog::GiB);
    QTest::newRow("2 Mio") << "2 Mio" << int(Dialog::KiB);
    QTest::newRow("overflow") << "99999999999" << int(Dialog::GiB);
}

void TestCreateSegmentDialog::sizeRuleIsTheCore()
{
    QFETCH(QString, size);
    QFETCH(int, unit);
    const auto core = shm::parseSize(size.toStdString(), std::uint64_t(1) << (10 * unit));
    Dialog dialog;
    fill(dialog, {.kind = Dialog::PrivateKey, .size = size, .unit = unit}, true);
    const auto request = dialog.request();
    if (core.ok()) {
        auto limits = shm::readLimits();
        if (limits && *core > limits->shmmax)
            QSKIP("the size is above this system's SHMMAX");
        QVERIFY2(request, qPrintable(dialog.validationMessage()));
        QCOMPARE(qulonglong(request->size), qulonglong(*core));
    } else {
        QVERIFY(!request);
        QVERIFY2(dialog.validationMessage().contains(errortext::message(core.error())),
                 qPrintable(dialog.validationMessage()));
    }
}

// Whatever the unit box offers, in English and in French, also parses when typed in the size
// field: "3 Kio" is what a French user reads in the box.
void TestCreateSegmentDialog::everyOfferedUnitParses_data()
{
    addLanguageRows();
}

void TestCreateSegmentDialog::everyOfferedUnitParses()
{
    QFETCH(bool, french);
    QTranslator translator;
    if (french) {
        QVERIFY(translator.load(QStringLiteral(":/i18n/shmscope_fr.qm")));
        QVERIFY(QCoreApplication::installTranslator(&translator));
    }
    Dialog dialog;
    if (french)
        QCoreApplication::removeTranslator(&translator);
    QComboBox *units = dialog.unitCombo();
    QCOMPARE(units->itemText(1), french ? QStringLiteral("Kio") : QStringLiteral("KiB"));
    for (int i = 0; i < units->count(); ++i) {
        const int unit = units->itemData(i).toInt();
        const QString typed = QStringLiteral("3 ") + units->itemText(i);
        fill(dialog, {.kind = Dialog::PrivateKey, .size = typed, .unit = Dialog::Bytes}, true);
        const auto request = dialog.request();
        QVERIFY2(request, qPrintable(typed + QStringLiteral(": ") + dialog.validationMessage()));
        QCOMPARE(qulonglong(request->size), 3ULL << (10 * unit));
    }
}

// Alt+letter reaches one field of the dialog only, in English and in French (Qt's own
// catalogue too: the Cancel button's text is Qt's).
void TestCreateSegmentDialog::mnemonicsDoNotCollide_data()
{
    addLanguageRows();
}

void TestCreateSegmentDialog::mnemonicsDoNotCollide()
{
    QFETCH(bool, french);
    QTranslator ours, qt;
    if (french) {
        QVERIFY(ours.load(QStringLiteral(":/i18n/shmscope_fr.qm")));
        QVERIFY(QCoreApplication::installTranslator(&ours));
        if (qt.load(QStringLiteral("qtbase_fr"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(&qt);
    }
    const auto restore = qScopeGuard([&] {
        QCoreApplication::removeTranslator(&ours);
        QCoreApplication::removeTranslator(&qt);
    });
    Dialog dialog;
    QStringList texts;
    for (const QLabel *label : dialog.findChildren<QLabel *>())
        texts << label->text();
    for (const QAbstractButton *button : dialog.findChildren<QAbstractButton *>())
        texts << button->text();
    QHash<QChar, QString> owner;
    QStringList problems;
    int keys = 0;
    for (const QString &text : texts) {
        for (const QChar key : shmtest::mnemonicsOf(text)) {
            ++keys;
            if (owner.contains(key))
                problems << QStringLiteral("%1 and %2 share Alt+%3").arg(owner.value(key), text, key);
            else
                owner.insert(key, text);
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    QVERIFY(keys >= 8); // key kind, key, path, size, octal, exclusive, open after, create
}

void TestCreateSegmentDialog::modeBoxesFollowOctal()
{
    ModeEditor editor;
    typeInto(editor.octalEdit(), QStringLiteral("0751"));
    QVERIFY(editor.isValid());
    QCOMPARE(editor.mode(), 0751u);
    QVERIFY(editor.checkBox(0, 2)->isChecked());  // owner execute
    QVERIFY(!editor.checkBox(1, 1)->isChecked()); // group write
    QVERIFY(editor.checkBox(2, 2)->isChecked());  // other execute
    editor.checkBox(1, 1)->click();               // group write on
    QCOMPARE(editor.octalEdit()->text(), QStringLiteral("0771"));
    QCOMPARE(editor.mode(), 0771u);
    typeInto(editor.octalEdit(), QStringLiteral("9"));
    QVERIFY(!editor.isValid());
    QCOMPARE(editor.mode(), 0771u); // the boxes keep the last good mode
}

void TestCreateSegmentDialog::realCreate()
{
    Dialog dialog;
    fill(dialog,
         {.kind = Dialog::ExplicitKey, .key = QStringLiteral("$FREE"), .size = QStringLiteral("8"),
          .unit = Dialog::KiB, .octal = QStringLiteral("0640")},
         true);
    const key_t key = key_t(dialog.keyEdit()->text().toUInt(nullptr, 16));
    QVERIFY(dialog.createButton()->isEnabled());
    QTest::mouseClick(dialog.createButton(), Qt::LeftButton);
    QVERIFY2(dialog.createdShmid() >= 0, qPrintable(dialog.validationMessage()));
    m_created << dialog.createdShmid();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    auto stat = shm::statSegment(dialog.createdShmid());
    QVERIFY(stat.ok());
    QCOMPARE(stat->size, 8192u);
    QCOMPARE(stat->perms(), 0640u);
    QCOMPARE(stat->key, key);
}

void TestCreateSegmentDialog::kernelRefusalShownInline()
{
    // Not exclusive, existing key, larger size: shmget says EINVAL. The dialog stays open.
    Dialog dialog;
    fill(dialog,
         {.kind = Dialog::ExplicitKey, .key = QStringLiteral("$TAKEN"), .size = QStringLiteral("1"),
          .unit = Dialog::MiB},
         false);
    QVERIFY(dialog.createButton()->isEnabled());
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("note"))->text().contains(
        QStringLiteral("taken")));
    dialog.accept();
    QCOMPARE(dialog.createdShmid(), -1);
    QVERIFY(dialog.result() != QDialog::Accepted);
    QVERIFY(!dialog.validationMessage().isEmpty());
    QVERIFY2(dialog.validationMessage().contains(QStringLiteral("shmget")),
             qPrintable(dialog.validationMessage()));
    QCOMPARE(dialog.keyEdit()->text(), expand(QStringLiteral("$TAKEN")));
    auto stat = shm::statSegment(m_taken->shmid());
    QVERIFY(stat.ok());
    QCOMPARE(stat->size, 4096u); // untouched
}

void TestCreateSegmentDialog::createThroughMainWindow()
{
    MainWindow window;
    window.show();
    QAction *action = window.findChild<QAction *>(QStringLiteral("actionNew"));
    QVERIFY(action);
    action->trigger();
    auto *dialog = window.findChild<Dialog *>(QStringLiteral("createDialog"));
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    fill(*dialog,
         {.kind = Dialog::ExplicitKey, .key = QStringLiteral("$FREE"),
          .size = QStringLiteral("12345"), .unit = Dialog::Bytes},
         true);
    const key_t key = key_t(dialog->keyEdit()->text().toUInt(nullptr, 16));
    QTest::mouseClick(dialog->createButton(), Qt::LeftButton);
    auto shmid = shm::openSegment(key);
    QVERIFY(shmid.ok());
    m_created << *shmid;
    // The window refreshed and selected the new segment.
    QCOMPARE(window.currentShmid(), *shmid);
    const int row = window.model()->rowOfShmid(*shmid);
    QVERIFY(row >= 0);
    QCOMPARE(window.model()->segmentAt(row).size, 12345u);
}

QTEST_MAIN(TestCreateSegmentDialog)
#include "tst_createsegmentdialog.moc"
