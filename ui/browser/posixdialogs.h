#pragma once

// The dialogs of the POSIX objects' tab: "New POSIX object" (shm_open with O_CREAT, then
// ftruncate: name, size, mode, exclusive) and "Resize" (ftruncate). Bad input is named inline,
// live, with the button disabled; a refusal of the kernel is shown inline too and the dialog
// stays open with what the user typed, as in every create dialog of the browser.

#include "core/posixshm.h"

#include <QDialog>

#include <cstdint>
#include <optional>
#include <string>

class ModeEditor;
class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

class PosixCreateDialog : public QDialog
{
    Q_OBJECT
public:
    // Objects are made in `directory` (/dev/shm, or another mount namespace's).
    explicit PosixCreateDialog(std::string directory, QWidget *parent = nullptr);

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *sizeEdit() const { return m_size; }
    ModeEditor *modeEditor() const { return m_mode; }
    QCheckBox *exclusiveBox() const { return m_exclusive; }
    QPushButton *createButton() const;
    // Every problem with the input, one per line, or the kernel's refusal; "" when good.
    QString validationMessage() const;
    // The object made by the last successful create.
    const std::optional<shm::PosixObject> &created() const { return m_created; }

public slots:
    void accept() override; // creates; stays open, saying why, when it is refused

private:
    void revalidate();
    QStringList problems(std::string *name, std::uint64_t *size) const;

    std::string m_directory;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_size = nullptr;
    ModeEditor *m_mode = nullptr;
    QCheckBox *m_exclusive = nullptr;
    QLabel *m_message = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    std::optional<shm::PosixObject> m_created;
};

class PosixResizeDialog : public QDialog
{
    Q_OBJECT
public:
    PosixResizeDialog(const shm::PosixObject &object, std::string directory,
                      QWidget *parent = nullptr);

    QLineEdit *sizeEdit() const { return m_size; }
    QPushButton *resizeButton() const;
    QString validationMessage() const;
    // The size asked for, when the input is good.
    std::optional<std::uint64_t> size() const;

public slots:
    void accept() override; // resizes; stays open, saying why, when it is refused

private:
    void revalidate();

    shm::PosixObject m_object;
    std::string m_directory;
    QLineEdit *m_size = nullptr;
    QLabel *m_note = nullptr;
    QLabel *m_message = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

// "0", else shm::parseSize: ftruncate takes 0 (an object may be emptied), a size never does.
shm::Result<std::uint64_t> parseObjectSize(const QString &text);
