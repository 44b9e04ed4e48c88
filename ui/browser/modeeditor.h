#pragma once

// Nine check boxes (owner/group/other × read/write/execute) kept in sync with an octal field.
// Used by the create dialog and the change-mode dialog.

#include <QWidget>

#include <array>

class QCheckBox;
class QLineEdit;

class ModeEditor : public QWidget
{
    Q_OBJECT
public:
    explicit ModeEditor(QWidget *parent = nullptr);

    // The mode shown by the check boxes (the last valid octal text).
    unsigned mode() const;
    void setMode(unsigned mode);
    // False while the octal field holds text that is not a mode 0..0777.
    bool isValid() const { return m_error.isEmpty(); }
    // Why the octal field is refused, or "".
    QString errorText() const { return m_error; }
    QLineEdit *octalEdit() const { return m_octal; }
    QCheckBox *checkBox(int who, int what) const { return m_boxes[size_t(who * 3 + what)]; }

signals:
    void changed();

private:
    void boxesChanged();
    void octalChanged(const QString &text);

    std::array<QCheckBox *, 9> m_boxes{};
    QLineEdit *m_octal = nullptr;
    QString m_error;
    bool m_syncing = false;
};
