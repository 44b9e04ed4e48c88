#include "ui/browser/createipcdialog.h"

#include "ui/browser/dialogparts.h"
#include "ui/browser/modeeditor.h"
#include "ui/common/errortext.h"

#include "core/parse.h"
#include "core/segmentinfo.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

void CreateIpcDialog::Checked::addNote(const QString &text)
{
    note += (note.isEmpty() ? QString() : QStringLiteral(" ")) + text;
}

CreateIpcDialog::CreateIpcDialog(Ftok ftok, QWidget *parent)
    : QDialog(parent)
{
    m_form = new QFormLayout;

    m_keyKind = new QComboBox(this);
    m_keyKind->setObjectName(QStringLiteral("keyKind"));
    m_keyKind->addItem(tr("Private (IPC_PRIVATE)"), PrivateKey);
    m_keyKind->addItem(tr("Key"), ExplicitKey);
    if (ftok != Ftok::None)
        m_keyKind->addItem(tr("ftok(path, project id)"), FtokKey);
    m_form->addRow(tr("&Key kind:"), m_keyKind);

    m_keyEdit = new QLineEdit(this);
    m_keyEdit->setObjectName(QStringLiteral("keyEdit"));
    m_keyEdit->setPlaceholderText(tr("0x1234abcd or 305441741"));
    m_form->addRow(tr("K&ey:"), m_keyEdit);
    connect(m_keyKind, &QComboBox::currentIndexChanged, this, &CreateIpcDialog::revalidate);
    connect(m_keyEdit, &QLineEdit::textChanged, this, &CreateIpcDialog::revalidate);
    if (ftok == Ftok::None)
        return;

    m_ftokRow = new QWidget(this);
    auto *ftokLayout = new QHBoxLayout(m_ftokRow);
    ftokLayout->setContentsMargins(0, 0, 0, 0);
    m_pathEdit = new QLineEdit(m_ftokRow);
    m_pathEdit->setObjectName(QStringLiteral("ftokPath"));
    m_pathEdit->setPlaceholderText(tr("an existing file or directory"));
    QToolButton *browseButton = nullptr;
    if (ftok == Ftok::WithBrowse) {
        browseButton = new QToolButton(m_ftokRow);
        browseButton->setText(tr("…"));
        browseButton->setToolTip(tr("Choose a file"));
        connect(browseButton, &QToolButton::clicked, this, &CreateIpcDialog::browse);
    }
    m_projectId = new QLineEdit(m_ftokRow);
    m_projectId->setObjectName(QStringLiteral("ftokProjectId"));
    m_projectId->setPlaceholderText(tr("1..255 or a letter"));
    m_projectId->setMaximumWidth(fontMetrics().horizontalAdvance(QLatin1Char('0')) * 14);
    ftokLayout->addWidget(m_pathEdit, 1);
    if (browseButton)
        ftokLayout->addWidget(browseButton);
    ftokLayout->addWidget(new QLabel(tr("project id:"), m_ftokRow));
    ftokLayout->addWidget(m_projectId);
    m_form->addRow(tr("&Path:"), m_ftokRow);
    for (QLineEdit *edit : {m_pathEdit, m_projectId})
        connect(edit, &QLineEdit::textChanged, this, &CreateIpcDialog::revalidate);
}

void CreateIpcDialog::addModeRows()
{
    m_mode = new ModeEditor(this);
    m_mode->setObjectName(QStringLiteral("modeEditor"));
    m_form->addRow(tr("Mode:"), m_mode);

    m_exclusive = new QCheckBox(tr("E&xclusive: fail if the key is taken (IPC_EXCL)"), this);
    m_exclusive->setObjectName(QStringLiteral("exclusive"));
    m_exclusive->setChecked(true);
    m_form->addRow(QString(), m_exclusive);
    connect(m_mode, &ModeEditor::changed, this, &CreateIpcDialog::revalidate);
    connect(m_exclusive, &QCheckBox::toggled, this, &CreateIpcDialog::revalidate);
}

void CreateIpcDialog::finish(bool growsToFit)
{
    m_growsToFit = growsToFit;
    m_message = dialogparts::makeMessageLabel(this);
    m_note = dialogparts::makeLabel(this, QStringLiteral("note"), false);
    m_buttons = dialogparts::makeButtons(this, tr("&Create"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(m_note);
    layout->addWidget(m_message);
    layout->addStretch();
    layout->addWidget(m_buttons);
    revalidate();
}

void CreateIpcDialog::openThen(const QString &name, QObject *context,
                               const std::function<void(int)> &created)
{
    setObjectName(name);
    setAttribute(Qt::WA_DeleteOnClose);
    connect(this, &QDialog::accepted, context, [this, created] { created(m_createdId); });
    open();
}

QPushButton *CreateIpcDialog::createButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

QString CreateIpcDialog::validationMessage() const
{
    return m_message->text();
}

CreateIpcDialog::KeyKind CreateIpcDialog::keyKind() const
{
    return KeyKind(m_keyKind->currentData().toInt());
}

void CreateIpcDialog::browse()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Path for ftok"),
                                                      m_pathEdit->text());
    if (!path.isEmpty())
        m_pathEdit->setText(path);
}

std::optional<key_t> CreateIpcDialog::checkKey(Checked &out, shm::KeySpec &spec,
                                               const QString &zeroNote) const
{
    const KeyKind kind = keyKind();
    std::optional<key_t> key;
    if (kind == ExplicitKey) {
        const QString text = m_keyEdit->text().trimmed();
        if (text.isEmpty()) {
            out.problems << tr("Enter a key: hexadecimal with 0x, or decimal.");
        } else if (auto parsed = shm::parseKey(text.toStdString())) {
            spec = shm::KeySpec::explicitKey(*parsed);
            if (*parsed == 0)
                out.note = zeroNote;
            else
                key = *parsed;
        } else {
            out.problems << tr("Key: %1").arg(errortext::message(parsed.error()));
        }
    } else if (kind == FtokKey) {
        // The core's rules: a project id 1..255 or one character, a path that exists.
        const QString path = m_pathEdit->text();
        if (path.isEmpty())
            out.problems << tr("Enter the path of an existing file or directory for ftok.");
        const QString idText = m_projectId->text().trimmed();
        std::optional<int> projectId;
        if (idText.isEmpty()) {
            out.problems << tr("Enter a project id from 1 to 255 (or one character).");
        } else if (auto parsed = shm::parseProjectId(idText.toStdString())) {
            projectId = *parsed;
        } else {
            out.problems << errortext::message(parsed.error());
        }
        if (!path.isEmpty() && projectId) {
            if (auto made = shm::makeFtokKey(path.toStdString(), *projectId)) {
                spec = shm::KeySpec::fromFtok(path.toStdString(), *projectId);
                key = *made;
                out.note = tr("ftok gives key %1.")
                               .arg(QString::fromStdString(shm::formatKey(*made)));
            } else {
                out.problems << errortext::message(made.error());
            }
        }
    }
    return key;
}

void CreateIpcDialog::checkMode(Checked &out, unsigned &mode) const
{
    if (!m_mode->isValid())
        out.problems << m_mode->errorText();
    else
        mode = m_mode->mode();
}

void CreateIpcDialog::revalidate()
{
    if (!m_buttons) // still being built
        return;
    const KeyKind kind = keyKind();
    m_keyEdit->setEnabled(kind == ExplicitKey);
    if (m_ftokRow)
        m_ftokRow->setEnabled(kind == FtokKey);
    m_exclusive->setEnabled(kind != PrivateKey);
    const Checked checked = check();
    dialogparts::showLines(m_message, checked.problems);
    dialogparts::showLines(m_note,
                           checked.note.isEmpty() ? QStringList() : QStringList{checked.note});
    createButton()->setEnabled(bool(checked.create));
    if (m_growsToFit)
        dialogparts::growToFit(this);
}

void CreateIpcDialog::accept()
{
    const Checked checked = check();
    if (!checked.create) {
        revalidate();
        return;
    }
    auto created = checked.create();
    if (!created) {
        // The kernel said no (limits, EEXIST raced in, EINVAL on an existing key's size...):
        // say why, keep everything typed.
        dialogparts::showLines(m_message, {errortext::describe(created.error())});
        if (m_growsToFit)
            dialogparts::growToFit(this);
        return;
    }
    m_createdId = *created;
    QDialog::accept();
}
