#include "ui/browser/posixdialogs.h"

#include "ui/browser/dialogparts.h"
#include "ui/browser/modeeditor.h"
#include "ui/common/errortext.h"

#include "core/parse.h"
#include "core/text.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

shm::Result<std::uint64_t> parseObjectSize(const QString &text)
{
    if (text.trimmed() == QStringLiteral("0"))
        return std::uint64_t(0);
    return shm::parseSize(text.toStdString());
}

PosixCreateDialog::PosixCreateDialog(std::string directory, QWidget *parent)
    : QDialog(parent)
    , m_directory(std::move(directory))
{
    setWindowTitle(tr("New POSIX Shared-Memory Object"));
    auto *form = new QFormLayout;
    m_name = new QLineEdit(QStringLiteral("/"), this);
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_name->setToolTip(tr("The name shm_open takes: a slash, then up to 255 characters without "
                          "another slash"));
    auto *nameLabel = new QLabel(tr("&Name:"), this);
    nameLabel->setBuddy(m_name);
    form->addRow(nameLabel, m_name);
    m_size = new QLineEdit(QStringLiteral("4096"), this);
    m_size->setObjectName(QStringLiteral("sizeEdit"));
    m_size->setToolTip(tr("Bytes, or with a unit: 64 KiB, 2 MiB, 1 GiB"));
    auto *sizeLabel = new QLabel(tr("&Size:"), this);
    sizeLabel->setBuddy(m_size);
    form->addRow(sizeLabel, m_size);
    m_mode = new ModeEditor(this);
    m_mode->setMode(0600);
    form->addRow(tr("Mode:"), m_mode);
    m_exclusive = new QCheckBox(tr("&Fail if the name is taken (O_EXCL)"), this);
    m_exclusive->setObjectName(QStringLiteral("exclusiveBox"));
    m_exclusive->setChecked(true);
    m_exclusive->setToolTip(tr("Unchecked, an object of that name is opened and set to the size "
                               "given: its bytes past that size are lost."));
    form->addRow(QString(), m_exclusive);

    m_message = dialogparts::makeMessageLabel(this);
    m_buttons = dialogparts::makeButtons(this, tr("&Create"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);

    connect(m_name, &QLineEdit::textChanged, this, &PosixCreateDialog::revalidate);
    connect(m_size, &QLineEdit::textChanged, this, &PosixCreateDialog::revalidate);
    connect(m_mode, &ModeEditor::changed, this, &PosixCreateDialog::revalidate);
    connect(m_exclusive, &QCheckBox::toggled, this, &PosixCreateDialog::revalidate);
    revalidate();
}

QPushButton *PosixCreateDialog::createButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

QString PosixCreateDialog::validationMessage() const
{
    return m_message->isVisible() || !m_message->text().isEmpty() ? m_message->text() : QString();
}

QStringList PosixCreateDialog::problems(std::string *name, std::uint64_t *size) const
{
    QStringList out;
    const std::string text = m_name->text().toStdString();
    if (auto checked = shm::checkPosixName(text); !checked)
        out << tr("Name: %1").arg(errortext::describe(checked.error()));
    else
        *name = text;
    if (auto parsed = parseObjectSize(m_size->text()); !parsed)
        out << tr("Size: %1").arg(errortext::describe(parsed.error()));
    else
        *size = *parsed;
    if (!m_mode->isValid())
        out << tr("Mode: %1").arg(m_mode->errorText());
    return out;
}

void PosixCreateDialog::revalidate()
{
    std::string name;
    std::uint64_t size = 0;
    const QStringList lines = problems(&name, &size);
    dialogparts::showLines(m_message, lines);
    createButton()->setEnabled(lines.isEmpty());
}

void PosixCreateDialog::accept()
{
    std::string name;
    std::uint64_t size = 0;
    if (!problems(&name, &size).isEmpty())
        return;
    auto made = shm::createPosixObject(name, size, m_mode->mode(), m_exclusive->isChecked(),
                                       m_directory);
    if (!made) {
        dialogparts::showLines(m_message, {errortext::describe(made.error())});
        dialogparts::growToFit(this);
        return;
    }
    m_created = *made;
    QDialog::accept();
}

PosixResizeDialog::PosixResizeDialog(const shm::PosixObject &object, std::string directory,
                                     QWidget *parent)
    : QDialog(parent)
    , m_object(object)
    , m_directory(std::move(directory))
{
    setWindowTitle(tr("Resize %1").arg(QString::fromStdString(object.name)));
    auto *form = new QFormLayout;
    m_size = new QLineEdit(QString::number(object.size), this);
    m_size->setObjectName(QStringLiteral("sizeEdit"));
    auto *sizeLabel = new QLabel(tr("New &size:"), this);
    sizeLabel->setBuddy(m_size);
    form->addRow(tr("Now:"), new QLabel(tr("%L1 bytes").arg(qulonglong(object.size)), this));
    form->addRow(sizeLabel, m_size);
    m_note = dialogparts::makeLabel(this, QStringLiteral("note"), false);
    m_message = dialogparts::makeMessageLabel(this);
    m_buttons = dialogparts::makeButtons(this, tr("&Resize"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_note);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    connect(m_size, &QLineEdit::textChanged, this, &PosixResizeDialog::revalidate);
    revalidate();
}

QPushButton *PosixResizeDialog::resizeButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

QString PosixResizeDialog::validationMessage() const
{
    return m_message->text();
}

std::optional<std::uint64_t> PosixResizeDialog::size() const
{
    auto parsed = parseObjectSize(m_size->text());
    return parsed ? std::optional<std::uint64_t>(*parsed) : std::nullopt;
}

void PosixResizeDialog::revalidate()
{
    auto parsed = parseObjectSize(m_size->text());
    if (!parsed) {
        dialogparts::showLines(m_message, {tr("Size: %1").arg(errortext::describe(parsed.error()))});
        dialogparts::showLines(m_note, {});
    } else {
        dialogparts::showLines(m_message, {});
        QStringList note;
        if (*parsed < m_object.size)
            note << tr("Shrinking drops the %L1 bytes past the new end. A holder that touches "
                       "them gets SIGBUS (shmscope's own views do not crash).")
                        .arg(qulonglong(m_object.size - *parsed));
        else if (*parsed > m_object.size)
            note << tr("The %L1 new bytes read as zeros; their pages are allocated only when "
                       "written.")
                        .arg(qulonglong(*parsed - m_object.size));
        dialogparts::showLines(m_note, note);
    }
    resizeButton()->setEnabled(parsed.ok() && *parsed != m_object.size);
}

void PosixResizeDialog::accept()
{
    const auto wanted = size();
    if (!wanted)
        return;
    auto done = shm::resizePosixObject(m_object.name, *wanted, m_directory);
    if (!done) {
        dialogparts::showLines(m_message, {errortext::describe(done.error())});
        dialogparts::growToFit(this);
        return;
    }
    QDialog::accept();
}
