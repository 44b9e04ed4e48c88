#pragma once

// Pieces every dialog of the browser is built of: the label that names bad input (or a kernel
// refusal) in the warning colour, the OK/Cancel buttons, and growing to fit a message that
// appeared. One look and one way to show a refusal for all of them.

#include <QStringList>

class QDialog;
class QDialogButtonBox;
class QLabel;
class QWidget;

namespace dialogparts {

// A word-wrapped plain-text label named `name`, hidden until it has something to say; in the
// warning colour when `warning`.
QLabel *makeLabel(QWidget *parent, const QString &name, bool warning);
// The label that names bad input and refusals ("validationMessage").
QLabel *makeMessageLabel(QWidget *parent);
// Shows the lines, one per line, or hides the label when there are none.
void showLines(QLabel *label, const QStringList &lines);
// OK (with `okText` when not empty) and Cancel, wired to accept() and reject().
QDialogButtonBox *makeButtons(QDialog *dialog, const QString &okText = QString());
// Makes the dialog tall enough for what it shows now (a message that appeared): never shrinks
// it, and keeps the width the user chose.
void growToFit(QWidget *dialog);

} // namespace dialogparts
