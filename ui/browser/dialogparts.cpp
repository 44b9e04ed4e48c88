#include "ui/browser/dialogparts.h"

#include "ui/common/colors.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLayout>
#include <QPushButton>

QLabel *dialogparts::makeLabel(QWidget *parent, const QString &name, bool warning)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    if (warning) {
        QPalette palette = label->palette();
        palette.setColor(QPalette::WindowText, colors::warningText(parent->palette()));
        label->setPalette(palette);
    }
    label->hide();
    return label;
}

QLabel *dialogparts::makeMessageLabel(QWidget *parent)
{
    return makeLabel(parent, QStringLiteral("validationMessage"), true);
}

void dialogparts::showLines(QLabel *label, const QStringList &lines)
{
    label->setText(lines.join(QLatin1Char('\n')));
    label->setVisible(!lines.isEmpty());
}

QDialogButtonBox *dialogparts::makeButtons(QDialog *dialog, const QString &okText)
{
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    if (!okText.isEmpty())
        buttons->button(QDialogButtonBox::Ok)->setText(okText);
    QObject::connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    return buttons;
}

void dialogparts::growToFit(QWidget *dialog)
{
    if (QLayout *layout = dialog->layout())
        layout->activate();
    const int needed = dialog->hasHeightForWidth() ? dialog->heightForWidth(dialog->width())
                                                   : dialog->sizeHint().height();
    if (needed > dialog->height())
        dialog->resize(dialog->width(), needed);
}
