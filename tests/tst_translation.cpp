// The French catalogue: it loads, it covers every string the sources put through tr() with a
// finished translation that keeps the placeholders and the mnemonic, and the program speaks
// French under --lang fr or a French locale (--help included), English under --lang en.

#include "support/mnemonics.h"
#include "support/programrun.h"
#include "ui/common/errortext.h"

#include "core/language.h"
#include "core/parse.h"
#include "core/segmentinfo.h"
#include "core/segmentlist.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

namespace {

struct Message
{
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString translationType; // "", "unfinished", "vanished", "obsolete"
    QStringList translations; // one, or one per plural form
};

QString keyOf(const Message &m)
{
    return m.context + QChar(0x1f) + m.source + QChar(0x1f) + m.comment;
}

// Reads a Qt Linguist .ts file; returns false with a reason on a parse error.
bool readTs(const QString &path, QList<Message> *messages, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return false;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            messages->append(current);
            continue;
        }
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        const auto attributes = xml.attributes();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            current = Message {};
            current.context = context;
            current.numerus = attributes.value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (name == QLatin1String("source")) {
            current.source = xml.readElementText();
        } else if (name == QLatin1String("comment")) {
            current.comment = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            current.translationType = attributes.value(QLatin1String("type")).toString();
            if (!current.numerus)
                current.translations = {xml.readElementText()};
        } else if (name == QLatin1String("numerusform")) {
            current.translations.append(xml.readElementText());
        }
    }
    if (xml.hasError()) {
        *error = xml.errorString();
        return false;
    }
    return true;
}

// %1..%99, %L1, %n, %Ln: what .arg() and tr(..., n) fill in.
QSet<QString> placeholderSet(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%L?(\\d{1,2}|n)"));
    QSet<QString> found;
    for (const auto &match : pattern.globalMatch(text))
        found.insert(match.captured(1));
    return found;
}

using shmtest::ProgramRun;

// Runs shmscope with LANG set to `lang`, LANGUAGE to `languages` if not empty, and no other
// locale variable.
ProgramRun shmscope(const QStringList &arguments, const QString &lang,
                    const QString &languages = {})
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"LC_ALL", "LC_MESSAGES", "LANGUAGE", "LANG"})
        env.remove(QString::fromLatin1(name));
    env.insert(QStringLiteral("LANG"), lang);
    if (!languages.isEmpty())
        env.insert(QStringLiteral("LANGUAGE"), languages);
    return shmtest::runProgram(qEnvironmentVariable("SHMSCOPE_BINARY"), arguments, env);
}

// What `catalogue` makes of the plural message `source` of `context`, for each of `counts`.
QStringList pluralForms(const QTranslator &catalogue, const char *context, const char *source,
                        std::initializer_list<int> counts)
{
    QStringList forms;
    for (int n : counts)
        forms << catalogue.translate(context, source, nullptr, n);
    return forms;
}

} // namespace

class TestTranslation : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void catalogueLoads();
    void everySourceStringIsTranslated();
    void everyPluralHasEnglishForms();
    void translationsKeepPlaceholdersAndMnemonics();
    void helpFollowsLanguage_data();
    void helpFollowsLanguage();
    void unknownLanguageIsRefused();
    void coreErrorsFollowTheLanguage();
    void languageDecision_data();
    void languageDecision();
    void frenchPluralsAndSizes();

private:
    QList<Message> m_shipped;
};

void TestTranslation::initTestCase()
{
    QString error;
    QVERIFY2(readTs(QStringLiteral(SHMSCOPE_TS_FILE), &m_shipped, &error), qPrintable(error));
    QVERIFY(m_shipped.size() > 100);
    QVERIFY2(QFile::exists(qEnvironmentVariable("SHMSCOPE_BINARY")),
             "SHMSCOPE_BINARY must name the built shmscope");
}

void TestTranslation::catalogueLoads()
{
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(":/i18n/shmscope_fr.qm")));
    QVERIFY(!translator.isEmpty());
    QCOMPARE(translator.language(), QStringLiteral("fr_FR"));
    QCOMPARE(translator.translate("MainWindow", "&Quit"), QStringLiteral("&Quitter"));
    QCOMPARE(pluralForms(translator, "MainWindow", "Remove %n segments?", {1, 3}),
             QStringList({QStringLiteral("Supprimer %n segment\u00a0?"),
                          QStringLiteral("Supprimer %n segments\u00a0?")}));
}

// lupdate over today's sources, into a scratch catalogue: every message it finds must be in the
// shipped catalogue, finished, and in the compiled .qm the program loads.
namespace {

// The messages lupdate finds in today's sources, read into `messages`.
void freshMessages(QList<Message> *messages)
{
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const QString fresh = scratch.filePath(QStringLiteral("fresh_fr.ts"));
    const QString source = QStringLiteral(SHMSCOPE_SOURCE_DIR);
    const ProgramRun lupdate = shmtest::runProgram(
        QStringLiteral(SHMSCOPE_LUPDATE),
        {QStringLiteral("-silent"), QStringLiteral("-locations"), QStringLiteral("none"),
         QStringLiteral("-I"), source, source + QStringLiteral("/app"),
         source + QStringLiteral("/core"), source + QStringLiteral("/ui"), QStringLiteral("-ts"),
         fresh});
    QVERIFY2(lupdate.exitCode == 0, lupdate.err.constData());
    QString error;
    QVERIFY2(readTs(fresh, messages, &error), qPrintable(error));
    QVERIFY(messages->size() > 100);
}

} // namespace

namespace {

// What is wrong with `catalogue` (a .ts file) and its compiled `qm` for the `wanted` messages:
// each must be there, finished, with no empty form, and in the .qm.
QStringList catalogueProblems(const QList<Message> &wanted, const QString &catalogue,
                              const QString &qm)
{
    QList<Message> messages;
    QString error;
    if (!readTs(catalogue, &messages, &error))
        return {catalogue + QStringLiteral(": ") + error};
    QHash<QString, Message> shipped;
    for (const Message &m : std::as_const(messages))
        shipped.insert(keyOf(m), m);
    QTranslator compiled;
    if (!compiled.load(qm))
        return {QStringLiteral("cannot load ") + qm};

    QStringList problems;
    for (const Message &m : wanted) {
        const QString where = m.context + QStringLiteral(": \"") + m.source + QLatin1Char('"');
        const auto found = shipped.constFind(keyOf(m));
        if (found == shipped.cend()) {
            problems << QStringLiteral("missing from the catalogue: ") + where;
            continue;
        }
        if (!found->translationType.isEmpty())
            problems << found->translationType + QStringLiteral(": ") + where;
        else if (found->translations.isEmpty() || found->translations.contains(QString()))
            problems << QStringLiteral("empty translation: ") + where;
        const QByteArray context = m.context.toUtf8();
        const QByteArray text = m.source.toUtf8();
        const QByteArray comment = m.comment.toUtf8();
        for (int n : m.numerus ? QList<int> {1, 2} : QList<int> {-1}) {
            if (compiled.translate(context.constData(), text.constData(),
                                   comment.isEmpty() ? nullptr : comment.constData(), n)
                    .isEmpty())
                problems << QStringLiteral("not in the compiled catalogue: ") + where;
        }
    }
    if (!problems.isEmpty())
        problems.prepend(QStringLiteral("%1 problem(s) in %2; run `cmake --build <build> "
                                        "--target update_translations` and translate:")
                             .arg(problems.size())
                             .arg(catalogue));
    return problems;
}

} // namespace

void TestTranslation::everySourceStringIsTranslated()
{
    QList<Message> current;
    freshMessages(&current);
    if (QTest::currentTestFailed())
        return;
    const QStringList problems
        = catalogueProblems(current, QStringLiteral(SHMSCOPE_TS_FILE),
                            QStringLiteral(":/i18n/shmscope_fr.qm"));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

// English speaks its plurals through a catalogue of its own: every message with a count has
// both forms there, finished, and in the compiled .qm ("Remove 1 segment?").
void TestTranslation::everyPluralHasEnglishForms()
{
    QList<Message> current;
    freshMessages(&current);
    if (QTest::currentTestFailed())
        return;
    current.removeIf([](const Message &m) { return !m.numerus; });
    QVERIFY(!current.isEmpty());
    const QStringList problems
        = catalogueProblems(current, QStringLiteral(SHMSCOPE_EN_TS_FILE),
                            QStringLiteral(":/i18n/shmscope_en.qm"));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    QTranslator qm;
    QVERIFY(qm.load(QStringLiteral(":/i18n/shmscope_en.qm")));
    QCOMPARE(pluralForms(qm, "MainWindow", "Remove %n segments?", {1, 2}),
             QStringList({QStringLiteral("Remove %n segment?"),
                          QStringLiteral("Remove %n segments?")}));
}

void TestTranslation::translationsKeepPlaceholdersAndMnemonics()
{
    QStringList problems;
    for (const Message &m : std::as_const(m_shipped)) {
        const QString where = m.context + QStringLiteral(": \"") + m.source + QLatin1Char('"');
        for (const QString &translation : m.translations) {
            QSet<QString> expected = placeholderSet(m.source);
            QSet<QString> got = placeholderSet(translation);
            if (m.numerus) { // a singular form may spell the number out
                expected.remove(QStringLiteral("n"));
                got.remove(QStringLiteral("n"));
            }
            if (expected != got)
                problems << QStringLiteral("placeholders differ: ") + where;
            if (shmtest::mnemonicsOf(m.source).size() != shmtest::mnemonicsOf(translation).size())
                problems << QStringLiteral("mnemonic lost or added: ") + where;
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestTranslation::helpFollowsLanguage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("lang");
    QTest::addColumn<QString>("languages");
    QTest::addColumn<bool>("french");
    QTest::newRow("--lang fr, English locale")
        << QStringList {QStringLiteral("--lang"), QStringLiteral("fr"), QStringLiteral("--help")}
        << QStringLiteral("en_US.UTF-8") << QString() << true;
    QTest::newRow("--lang=fr, C locale")
        << QStringList {QStringLiteral("--lang=fr"), QStringLiteral("--help")}
        << QStringLiteral("C") << QString() << true;
    QTest::newRow("French locale") << QStringList {QStringLiteral("--help")}
                                   << QStringLiteral("fr_FR.UTF-8") << QString() << true;
    QTest::newRow("Canadian French locale") << QStringList {QStringLiteral("--help")}
                                            << QStringLiteral("fr_CA.UTF-8") << QString() << true;
    QTest::newRow("--lang en overrides a French locale")
        << QStringList {QStringLiteral("--help"), QStringLiteral("--lang"), QStringLiteral("en")}
        << QStringLiteral("fr_FR.UTF-8") << QString() << false;
    QTest::newRow("English locale") << QStringList {QStringLiteral("--help")}
                                    << QStringLiteral("en_GB.UTF-8") << QString() << false;
    QTest::newRow("LANGUAGE=de:fr:en picks French")
        << QStringList {QStringLiteral("--help")} << QStringLiteral("en_US.UTF-8")
        << QStringLiteral("de:fr:en") << true;
    QTest::newRow("German locale falls back to English")
        << QStringList {QStringLiteral("--help")} << QStringLiteral("de_DE.UTF-8") << QString()
        << false;
}

void TestTranslation::helpFollowsLanguage()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, lang);
    QFETCH(QString, languages);
    QFETCH(bool, french);
    const ProgramRun run = shmscope(arguments, lang, languages);
    QCOMPARE(run.exitCode, 0);
    // Ours, then Qt's own frame of the help text (from qtbase_fr).
    QCOMPARE(run.outText().contains(QStringLiteral("Afficher tous les segments dans un tableau")),
             french);
    QCOMPARE(run.outText().contains(QStringLiteral("Print every segment as a table")), !french);
    QCOMPARE(run.outText().contains(QStringLiteral("--lang <lang>")), true);
    QCOMPARE(run.outText().contains(QStringLiteral("Displays help on commandline options")), !french);
}

void TestTranslation::unknownLanguageIsRefused()
{
    const ProgramRun english
        = shmscope({QStringLiteral("--lang"), QStringLiteral("xx")}, QStringLiteral("C"));
    QCOMPARE(english.exitCode, 2);
    QVERIFY2(english.errText().contains(QStringLiteral("unknown language \"xx\"")), qPrintable(english.errText()));
    const ProgramRun french = shmscope({QStringLiteral("--lang=de")}, QStringLiteral("fr_FR.UTF-8"));
    QCOMPARE(french.exitCode, 2);
    QVERIFY2(french.errText().contains(QStringLiteral("langue \"de\" inconnue")), qPrintable(french.errText()));
}

// The core has no Qt: its sentences are templates the ui translates (errortext), values and
// all, from an input error to a refused system call.
void TestTranslation::coreErrorsFollowTheLanguage()
{
    const auto badShmid = shm::parseShmid("abc");
    QVERIFY(!badShmid.ok());
    const auto gone = shm::statSegment(2147480000);
    QVERIFY(!gone.ok());
    // Without a catalogue the ui shows the core's own English, word for word.
    QCOMPARE(errortext::describe(badShmid.error()),
             QString::fromStdString(badShmid.error().describe()));
    QCOMPARE(errortext::describe(gone.error()), QString::fromStdString(gone.error().describe()));

    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(":/i18n/shmscope_fr.qm")));
    QVERIFY(QCoreApplication::installTranslator(&translator));
    const QString shmid = errortext::message(badShmid.error());
    const QString stat = errortext::describe(gone.error());
    QCoreApplication::removeTranslator(&translator);
    QCOMPARE(shmid, QStringLiteral("Le shmid \"abc\" n’est pas valide\u00a0: un shmid est un "
                                   "nombre entier de 0 à 2147483647."));
    QCOMPARE(stat, QStringLiteral("shmctl IPC_STAT(shmid 2147480000)\u00a0: Argument invalide\u00a0: "
                                  "il n’existe aucun segment de cet identifiant (il a été "
                                  "supprimé, ou n’a jamais existé)."));
}

namespace {

// The environment shm::localeLanguage reads in languageDecision: NAME=value pairs.
QStringList g_environment;

const char *fakeEnvironment(const char *name)
{
    static QByteArray value;
    for (const QString &pair : std::as_const(g_environment)) {
        if (pair.section(QLatin1Char('='), 0, 0) == QLatin1String(name)) {
            value = pair.section(QLatin1Char('='), 1).toUtf8();
            return value.constData();
        }
    }
    return nullptr;
}

} // namespace

// The one decision both programs make (core/language.h): --lang, else the locale as gettext
// reads it.
void TestTranslation::languageDecision_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QString>("language");
    QTest::addColumn<bool>("requested");
    QTest::addColumn<QString>("unknown");
    const QStringList none;
    QTest::newRow("nothing set") << none << none << "en" << false << "";
    QTest::newRow("LANG=fr_FR.UTF-8") << none << QStringList{"LANG=fr_FR.UTF-8"} << "fr" << false
                                      << "";
    QTest::newRow("LANG=fr_CA@euro") << none << QStringList{"LANG=fr_CA@euro"} << "fr" << false
                                     << "";
    QTest::newRow("LANG=de_DE: English") << none << QStringList{"LANG=de_DE.UTF-8"} << "en"
                                         << false << "";
    QTest::newRow("LC_ALL beats LANG") << none
                                       << QStringList{"LC_ALL=en_GB.UTF-8", "LANG=fr_FR.UTF-8"}
                                       << "en" << false << "";
    QTest::newRow("LC_MESSAGES beats LANG")
        << none << QStringList{"LC_MESSAGES=fr_FR.UTF-8", "LANG=en_US.UTF-8"} << "fr" << false
        << "";
    QTest::newRow("an empty LC_ALL is not set")
        << none << QStringList{"LC_ALL=", "LANG=fr_FR.UTF-8"} << "fr" << false << "";
    QTest::newRow("LC_ALL=C is English, whatever LANG and LANGUAGE say")
        << none << QStringList{"LC_ALL=C", "LANG=fr_FR.UTF-8", "LANGUAGE=fr"} << "en" << false
        << "";
    QTest::newRow("LANGUAGE=de:fr:en picks French")
        << none << QStringList{"LANG=en_US.UTF-8", "LANGUAGE=de:fr:en"} << "fr" << false << "";
    QTest::newRow("LANGUAGE=de:en_GB picks English")
        << none << QStringList{"LANG=fr_FR.UTF-8", "LANGUAGE=de:en_GB"} << "en" << false << "";
    QTest::newRow("LANGUAGE with nothing we speak: English")
        << none << QStringList{"LANG=fr_FR.UTF-8", "LANGUAGE=de"} << "en" << false << "";
    QTest::newRow("--lang fr over an English locale")
        << QStringList{"--lang", "fr"} << QStringList{"LANG=en_US.UTF-8"} << "fr" << true << "";
    QTest::newRow("--lang=en over a French locale")
        << QStringList{"--list", "--lang=en"} << QStringList{"LC_ALL=fr_FR.UTF-8"} << "en" << true
        << "";
    QTest::newRow("the first --lang counts")
        << QStringList{"--lang", "fr", "--lang", "en"} << none << "fr" << true << "";
    QTest::newRow("--lang de: refused, in the locale's language")
        << QStringList{"--lang", "de"} << QStringList{"LANG=fr_FR.UTF-8"} << "fr" << false
        << "de";
    QTest::newRow("--lang without a value: the locale")
        << QStringList{"--lang"} << QStringList{"LANG=fr_FR.UTF-8"} << "fr" << false << "";
}

void TestTranslation::languageDecision()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, environment);
    QFETCH(QString, language);
    QFETCH(bool, requested);
    QFETCH(QString, unknown);
    g_environment = environment;
    std::vector<QByteArray> storage{QByteArray("shmscope")};
    for (const QString &argument : std::as_const(arguments))
        storage.push_back(argument.toUtf8());
    std::vector<const char *> argv;
    for (const QByteArray &argument : storage)
        argv.push_back(argument.constData());
    const shm::LanguageChoice choice
        = shm::chooseLanguage(int(argv.size()), argv.data(), fakeEnvironment);
    g_environment.clear();
    QCOMPARE(QString::fromLatin1(shm::languageCode(choice.language)), language);
    QCOMPARE(choice.requested, requested);
    QCOMPARE(QString::fromStdString(choice.unknown), unknown);
}

// French takes the singular for 0 and 1 ("0 octet"), and writes sizes its own way.
void TestTranslation::frenchPluralsAndSizes()
{
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(":/i18n/shmscope_fr.qm")));
    QCOMPARE(pluralForms(translator, "SegmentTableModel", "%L1 bytes resident", {0, 1, 2}),
             QStringList({QStringLiteral("%L1 octet résident"),
                          QStringLiteral("%L1 octet résident"),
                          QStringLiteral("%L1 octets résidents")}));
    QCOMPARE(pluralForms(translator, "MainWindow", "%n attachments in all", {1, 5}),
             QStringList({QStringLiteral("%n attachement en tout"),
                          QStringLiteral("%n attachements en tout")}));
    QCOMPARE(shm::humanSize(1536, shm::Language::French), std::string("1,5 Kio"));
    QCOMPARE(shm::humanSize(512, shm::Language::French), std::string("512 o"));
    QCOMPARE(shm::humanSize(1536, shm::Language::English), std::string("1.5 KiB"));
}

QTEST_GUILESS_MAIN(TestTranslation)
#include "tst_translation.moc"
