// `cmake --install` into a temporary prefix: every file lands where a desktop expects it, the
// desktop file passes desktop-file-validate, the icon is a drawable SVG, the man page covers the
// options, and the installed command runs (finding shmscope-gui in libexec).

#include "support/programrun.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QProcessEnvironment>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

namespace {

using shmtest::ProgramRun;

// cmake --install honours DESTDIR, which would put the files elsewhere: never pass it on.
ProgramRun runProgram(const QString &program, const QStringList &arguments)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DESTDIR"));
    return shmtest::runProgram(program, arguments, environment);
}

} // namespace

class TestInstall : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void filesAreInPlace_data();
    void filesAreInPlace();
    void desktopFileIsValid();
    void desktopFileNamesTheInstalledFiles();
    void iconIsADrawableSvg();
    void manPageCoversTheOptions();
    void copyrightIsMachineReadable();
    void changelogStartsWithThisVersion();
    void packageDescriptionFitsDebian();
    void installedCommandRuns();

private:
    QString installed(const QString &relative) const { return m_prefix.filePath(relative); }

    QTemporaryDir m_prefix;
};

void TestInstall::initTestCase()
{
    QVERIFY(m_prefix.isValid());
    const ProgramRun run = runProgram(QStringLiteral(SHMSCOPE_CMAKE_COMMAND),
                               {QStringLiteral("--install"), QStringLiteral(SHMSCOPE_BUILD_DIR),
                                QStringLiteral("--prefix"), m_prefix.path()});
    QVERIFY2(run.exitCode == 0, qPrintable(run.outText() + run.errText()));
}

void TestInstall::filesAreInPlace_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("executable");
    QTest::newRow("command") << QStringLiteral("bin/shmscope") << true;
    QTest::newRow("gui") << QStringLiteral(SHMSCOPE_LIBEXECDIR "/shmscope/shmscope-gui") << true;
    QTest::newRow("layout helper (--dump)")
        << QStringLiteral(SHMSCOPE_LIBEXECDIR "/shmscope/shmscope-layout") << true;
    QTest::newRow("desktop file") << QStringLiteral("share/applications/shmscope.desktop") << false;
    QTest::newRow("icon") << QStringLiteral("share/icons/hicolor/scalable/apps/shmscope.svg")
                          << false;
    QTest::newRow("man page") << QStringLiteral("share/man/man1/shmscope.1.gz") << false;
    QTest::newRow("French catalogue")
        << QStringLiteral("share/shmscope/translations/shmscope_fr.qm") << false;
    QTest::newRow("licence (Debian copyright)") << QStringLiteral("share/doc/shmscope/copyright")
                                                << false;
    QTest::newRow("changelog") << QStringLiteral("share/doc/shmscope/changelog.gz") << false;
}

void TestInstall::filesAreInPlace()
{
    QFETCH(QString, path);
    QFETCH(bool, executable);
    const QFileInfo info(installed(path));
    QVERIFY2(info.isFile(), qPrintable(path + QStringLiteral(" is not installed")));
    QVERIFY(info.size() > 0);
    QCOMPARE(info.isExecutable(), executable);
}

void TestInstall::desktopFileIsValid()
{
    const QString validator
        = QStandardPaths::findExecutable(QStringLiteral("desktop-file-validate"));
    if (validator.isEmpty())
        QSKIP("desktop-file-validate is not installed (Debian: desktop-file-utils; ./dev installs "
              "it)");
    const ProgramRun run
        = runProgram(validator, {installed(QStringLiteral("share/applications/shmscope.desktop"))});
    QVERIFY2(run.exitCode == 0, qPrintable(run.outText() + run.errText()));
    QVERIFY2(run.outText().isEmpty() && run.errText().isEmpty(), qPrintable(run.outText() + run.errText())); // no warnings
}

void TestInstall::desktopFileNamesTheInstalledFiles()
{
    QSettings desktop(installed(QStringLiteral("share/applications/shmscope.desktop")),
                      QSettings::IniFormat);
    desktop.beginGroup(QStringLiteral("Desktop Entry"));
    const QString exec = desktop.value(QStringLiteral("Exec")).toString();
    QVERIFY(QFileInfo(installed(QStringLiteral("bin/") + exec.section(QLatin1Char(' '), 0, 0)))
                .isExecutable());
    const QString icon = desktop.value(QStringLiteral("Icon")).toString();
    QVERIFY(QFileInfo::exists(installed(QStringLiteral("share/icons/hicolor/scalable/apps/") + icon
                                        + QStringLiteral(".svg"))));
}

void TestInstall::iconIsADrawableSvg()
{
    if (!QImageReader::supportedImageFormats().contains("svg"))
        QSKIP("Qt's SVG image plugin is missing (Debian: libqt6svg6; ./dev installs it)");
    QImageReader reader(
        installed(QStringLiteral("share/icons/hicolor/scalable/apps/shmscope.svg")));
    QCOMPARE(reader.format(), QByteArray("svg"));
    reader.setScaledSize(QSize(48, 48));
    const QImage image = reader.read();
    QVERIFY2(!image.isNull(), qPrintable(reader.errorString()));
    QCOMPARE(image.size(), QSize(48, 48));
    // Drawn, not blank: the middle of the chip is opaque.
    QCOMPARE(qAlpha(image.pixel(24, 24)), 255);
}

void TestInstall::manPageCoversTheOptions()
{
    const ProgramRun run = runProgram(
        QStringLiteral("gzip"),
        {QStringLiteral("-dc"), installed(QStringLiteral("share/man/man1/shmscope.1.gz"))});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.outText().startsWith(QStringLiteral(".TH SHMSCOPE 1 ")));
    QVERIFY(run.outText().contains(QStringLiteral("shmscope " SHMSCOPE_VERSION)));
    for (const char *option : {"list", "json", "select", "open", "read\\-write", "demo", "live",
                               "demo\\-terminal", "verbose", "watch", "interval", "lang", "help",
                               "version", "dump", "layout", "type", "offset", "semaphores",
                               "queues", "attachers", "orphans", "namespaces", "namespace"}) {
        QVERIFY2(run.outText().contains(QStringLiteral("\\-\\-") + QString::fromLatin1(option)), option);
    }
}

// Debian's machine-readable format (copyright-format 1.0), holding the licence of LICENSE (the
// only copy installed: a second would be lintian's extra-license-file).
void TestInstall::copyrightIsMachineReadable()
{
    QFile copyright(installed(QStringLiteral("share/doc/shmscope/copyright")));
    QVERIFY(copyright.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(copyright.readAll());
    const QStringList lines = text.split(QLatin1Char('\n'));
    QCOMPARE(lines.first(),
             QStringLiteral("Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"));
    for (const char *field : {"Upstream-Name: shmscope", "Files: *", "Copyright: ",
                              "License: Expat"}) {
        QVERIFY2(lines.contains(QString::fromLatin1(field))
                     || text.contains(QLatin1Char('\n') + QString::fromLatin1(field)),
                 field);
    }
    // The licence text, from "Permission is hereby granted" on, as a continuation block: each
    // line indented by one space, an empty line written " .".
    QFile licence(QStringLiteral(SHMSCOPE_SOURCE_DIR "/LICENSE"));
    QVERIFY(licence.open(QIODevice::ReadOnly));
    const QString licenceText = QString::fromUtf8(licence.readAll());
    const qsizetype start = licenceText.indexOf(QStringLiteral("Permission is hereby granted"));
    QVERIFY(start >= 0);
    QString expected;
    for (const QString &line : licenceText.mid(start).trimmed().split(QLatin1Char('\n')))
        expected += line.isEmpty() ? QStringLiteral(" .\n") : QLatin1Char(' ') + line + QLatin1Char('\n');
    QVERIFY2(text.contains(QStringLiteral("License: Expat\n") + expected),
             "the copyright file's Expat paragraph is not LICENSE's text");
    QVERIFY(!QFileInfo::exists(installed(QStringLiteral("share/doc/shmscope/LICENSE"))));
}

// changelog.gz as a native Debian package has it: gzip -9n (no name, no time stamp), in
// Debian's changelog format, its first entry this version.
void TestInstall::changelogStartsWithThisVersion()
{
    QFile file(installed(QStringLiteral("share/doc/shmscope/changelog.gz")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray header = file.read(10);
    QCOMPARE(header.size(), 10);
    QCOMPARE(quint8(header[0]), quint8(0x1f));
    QCOMPARE(quint8(header[1]), quint8(0x8b));
    QCOMPARE(quint8(header[3]) & 0x08, 0); // FNAME: no file name (gzip -n)
    QCOMPARE(header.mid(4, 4), QByteArray(4, '\0')); // MTIME 0 (gzip -n)
    const ProgramRun run = runProgram(
        QStringLiteral("gzip"),
        {QStringLiteral("-dc"), installed(QStringLiteral("share/doc/shmscope/changelog.gz"))});
    QCOMPARE(run.exitCode, 0);
    const QStringList lines = run.outText().split(QLatin1Char('\n'));
    QVERIFY2(lines.first().startsWith(QStringLiteral("shmscope (" SHMSCOPE_VERSION ") ")),
             qPrintable(lines.first()));
    QVERIFY(lines.first().contains(QStringLiteral("; urgency=")));
    const auto trailer = std::find_if(lines.begin(), lines.end(), [](const QString &line) {
        return line.startsWith(QStringLiteral(" -- "));
    });
    QVERIFY(trailer != lines.end());
    QVERIFY2(trailer->contains(QStringLiteral(">  ")), qPrintable(*trailer)); // two spaces
}

// The package's extended description as CPack will write it: lines of at most 80 columns
// (lintian's extended-description-line-too-long), no tab.
void TestInstall::packageDescriptionFitsDebian()
{
    QFile config(QStringLiteral(SHMSCOPE_BUILD_DIR "/CPackConfig.cmake"));
    if (!config.open(QIODevice::ReadOnly))
        QSKIP("no CPackConfig.cmake in the build directory");
    const QString text = QString::fromUtf8(config.readAll());
    const QString opening = QStringLiteral("set(CPACK_PACKAGE_DESCRIPTION \"");
    const qsizetype start = text.indexOf(opening);
    QVERIFY(start >= 0);
    const qsizetype end = text.indexOf(QStringLiteral("\")\n"), start);
    QVERIFY(end > start);
    const QStringList lines = text.mid(start + opening.size(), end - start - opening.size())
                                  .split(QLatin1Char('\n'));
    QVERIFY(lines.size() > 3);
    for (const QString &line : lines) {
        // CPack writes each line after one space.
        QVERIFY2(line.size() + 1 <= 80, qPrintable(line));
        QVERIFY2(!line.contains(QLatin1Char('\t')), qPrintable(line));
    }
}

void TestInstall::installedCommandRuns()
{
    const QString command = installed(QStringLiteral("bin/shmscope"));
    const ProgramRun version = runProgram(command, {QStringLiteral("--version")});
    QVERIFY2(version.exitCode == 0, qPrintable(version.errText()));
    QCOMPARE(version.outText().trimmed(), QStringLiteral("shmscope " SHMSCOPE_VERSION));
    const ProgramRun list = runProgram(command, {QStringLiteral("--list"), QStringLiteral("--json")});
    QVERIFY2(list.exitCode == 0, qPrintable(list.errText()));
    QVERIFY(list.outText().startsWith(QStringLiteral("{")));
    // --dump runs in libexec's shmscope-layout: a bad file is its message, not "not installed".
    const ProgramRun dump = runProgram(command, {QStringLiteral("--dump"), QStringLiteral("1"),
                                                 QStringLiteral("--layout"),
                                                 QStringLiteral("/nonexistent/record.h"),
                                                 QStringLiteral("--type"), QStringLiteral("x")});
    QCOMPARE(dump.exitCode, 2);
    QVERIFY2(dump.errText().contains(QStringLiteral("No such file or directory")),
             qPrintable(dump.errText()));
    const ProgramRun help = runProgram(
        command, {QStringLiteral("--lang"), QStringLiteral("fr"), QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.outText().contains(QStringLiteral("Afficher tous les segments")));
}

QTEST_MAIN(TestInstall)
#include "support/programrun.h"
#include "tst_install.moc"
