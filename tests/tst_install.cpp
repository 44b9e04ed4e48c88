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
    QTest::newRow("desktop file") << QStringLiteral("share/applications/shmscope.desktop") << false;
    QTest::newRow("icon") << QStringLiteral("share/icons/hicolor/scalable/apps/shmscope.svg")
                          << false;
    QTest::newRow("man page") << QStringLiteral("share/man/man1/shmscope.1.gz") << false;
    QTest::newRow("French catalogue")
        << QStringLiteral("share/shmscope/translations/shmscope_fr.qm") << false;
    QTest::newRow("licence") << QStringLiteral("share/doc/shmscope/LICENSE") << false;
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
                               "demo\\-terminal", "verbose", "lang", "help", "version"}) {
        QVERIFY2(run.outText().contains(QStringLiteral("\\-\\-") + QString::fromLatin1(option)), option);
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
    const ProgramRun help = runProgram(
        command, {QStringLiteral("--lang"), QStringLiteral("fr"), QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.outText().contains(QStringLiteral("Afficher tous les segments")));
}

QTEST_MAIN(TestInstall)
#include "support/programrun.h"
#include "tst_install.moc"
