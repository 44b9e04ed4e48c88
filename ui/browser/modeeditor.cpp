#include "ui/browser/modeeditor.h"

#include "ui/common/errortext.h"

#include "core/parse.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>

ModeEditor::ModeEditor(QWidget *parent)
    : QWidget(parent)
{
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    const QStringList who{tr("Owner"), tr("Group"), tr("Other")};
    const QStringList what{tr("Read"), tr("Write"), tr("Execute")};
    for (int c = 0; c < 3; ++c)
        grid->addWidget(new QLabel(what[c], this), 0, c + 1, Qt::AlignHCenter);
    for (int r = 0; r < 3; ++r) {
        grid->addWidget(new QLabel(who[r], this), r + 1, 0);
        for (int c = 0; c < 3; ++c) {
            auto *box = new QCheckBox(this);
            box->setObjectName(QStringLiteral("mode_%1_%2").arg(r).arg(c));
            box->setAccessibleName(QStringLiteral("%1 %2").arg(who[r], what[c].toLower()));
            m_boxes[size_t(r * 3 + c)] = box;
            grid->addWidget(box, r + 1, c + 1, Qt::AlignHCenter);
            connect(box, &QCheckBox::toggled, this, &ModeEditor::boxesChanged);
        }
    }
    m_octal = new QLineEdit(this);
    m_octal->setObjectName(QStringLiteral("octalMode"));
    m_octal->setMaxLength(6);
    m_octal->setToolTip(tr("The mode in octal, 0 to 0777, e.g. 0640"));
    auto *octalLabel = new QLabel(tr("&Octal:"), this);
    octalLabel->setBuddy(m_octal);
    grid->addWidget(octalLabel, 4, 0);
    grid->addWidget(m_octal, 4, 1, 1, 3);
    connect(m_octal, &QLineEdit::textEdited, this, &ModeEditor::octalChanged);
    setMode(0600);
}

unsigned ModeEditor::mode() const
{
    unsigned mode = 0;
    for (int i = 0; i < 9; ++i) {
        if (m_boxes[size_t(i)]->isChecked())
            mode |= 0400u >> i;
    }
    return mode;
}

void ModeEditor::setMode(unsigned mode)
{
    m_syncing = true;
    for (int i = 0; i < 9; ++i)
        m_boxes[size_t(i)]->setChecked((mode & (0400u >> i)) != 0);
    m_syncing = false;
    m_octal->setText(QStringLiteral("0%1").arg(mode & 0777, 3, 8, QLatin1Char('0')));
    m_error.clear();
    emit changed();
}

void ModeEditor::boxesChanged()
{
    if (m_syncing)
        return;
    m_octal->setText(QStringLiteral("0%1").arg(mode(), 3, 8, QLatin1Char('0')));
    m_error.clear();
    emit changed();
}

void ModeEditor::octalChanged(const QString &text)
{
    auto parsed = shm::parseMode(text.trimmed().toStdString());
    if (!parsed) {
        m_error = tr("Mode: %1").arg(errortext::message(parsed.error()));
    } else {
        m_error.clear();
        m_syncing = true;
        for (int i = 0; i < 9; ++i)
            m_boxes[size_t(i)]->setChecked((*parsed & (0400u >> i)) != 0);
        m_syncing = false;
    }
    emit changed();
}
