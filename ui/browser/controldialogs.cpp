#include "ui/browser/controldialogs.h"

#include "core/namecache.h"
#include "ui/browser/dialogparts.h"
#include "ui/browser/modeeditor.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace {

using dialogparts::makeButtons;
using dialogparts::makeMessageLabel;
using dialogparts::showLines;

std::optional<unsigned long> plainNumber(const QString &text)
{
    bool ok = false;
    const qulonglong value = text.toULongLong(&ok);
    // -1 means "unchanged" to chown-like calls; refuse it and anything beyond 32 bits.
    if (!ok || value >= 0xffffffffULL)
        return std::nullopt;
    return static_cast<unsigned long>(value);
}

} // namespace

ModeDialog::ModeDialog(int shmid, unsigned currentMode, QWidget *parent)
    : ModeDialog(tr("Change mode of segment %1").arg(shmid), currentMode, parent)
{
}

ModeDialog::ModeDialog(const QString &title, unsigned currentMode, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(title);
    m_editor = new ModeEditor(this);
    m_editor->setMode(currentMode & 0777);
    m_message = makeMessageLabel(this);
    m_buttons = makeButtons(this);
    connect(m_editor, &ModeEditor::changed, this, &ModeDialog::revalidate);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_editor);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
}

unsigned ModeDialog::mode() const
{
    return m_editor->mode();
}

void ModeDialog::revalidate()
{
    m_message->setText(m_editor->errorText());
    m_message->setVisible(!m_editor->isValid());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_editor->isValid());
}

OwnerDialog::OwnerDialog(int shmid, const QString &user, const QString &group, QWidget *parent)
    : OwnerDialog(tr("Change owner of segment %1").arg(shmid), user, group, parent)
{
}

OwnerDialog::OwnerDialog(const QString &title, const QString &user, const QString &group,
                         QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(title);
    m_user = new QLineEdit(user, this);
    m_user->setObjectName(QStringLiteral("user"));
    m_group = new QLineEdit(group, this);
    m_group->setObjectName(QStringLiteral("group"));
    m_message = makeMessageLabel(this);
    m_buttons = makeButtons(this);
    connect(m_user, &QLineEdit::textChanged, this, &OwnerDialog::revalidate);
    connect(m_group, &QLineEdit::textChanged, this, &OwnerDialog::revalidate);
    auto *form = new QFormLayout;
    form->addRow(tr("&User (name or uid):"), m_user);
    form->addRow(tr("&Group (name or gid):"), m_group);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    revalidate();
}

std::optional<uid_t> OwnerDialog::resolveUser(const QString &input)
{
    const QString text = input.trimmed();
    if (auto number = plainNumber(text))
        return uid_t(*number);
    return text.isEmpty() ? std::nullopt : shm::userIdNamed(text.toLocal8Bit().toStdString());
}

std::optional<gid_t> OwnerDialog::resolveGroup(const QString &input)
{
    const QString text = input.trimmed();
    if (auto number = plainNumber(text))
        return gid_t(*number);
    return text.isEmpty() ? std::nullopt : shm::groupIdNamed(text.toLocal8Bit().toStdString());
}

QString OwnerDialog::validationMessage() const
{
    return m_message->text();
}

void OwnerDialog::revalidate()
{
    QStringList problems;
    m_uid = resolveUser(m_user->text());
    m_gid = resolveGroup(m_group->text());
    if (!m_uid)
        problems << tr("There is no user \"%1\"; enter a user name or a uid.")
                        .arg(m_user->text().trimmed());
    if (!m_gid)
        problems << tr("There is no group \"%1\"; enter a group name or a gid.")
                        .arg(m_group->text().trimmed());
    showLines(m_message, problems);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problems.isEmpty());
}
