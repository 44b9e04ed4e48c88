#pragma once

// "New segment": key (private, explicit hex/decimal, or ftok path + project id), size with a
// unit, mode, exclusive create, open after create. Every bad input is named inline, live, and
// the Create button stays disabled until the input is good; a kernel refusal is shown inline
// too and the dialog stays open with everything the user typed.

#include "core/segmentcontrol.h"

#include <QDialog>

#include <optional>

class ModeEditor;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

class CreateSegmentDialog : public QDialog
{
    Q_OBJECT
public:
    enum KeyKind { PrivateKey, ExplicitKey, FtokKey };
    Q_ENUM(KeyKind)
    enum Unit { Bytes, KiB, MiB, GiB };
    Q_ENUM(Unit)

    explicit CreateSegmentDialog(QWidget *parent = nullptr);

    // The request the current input describes, or nullopt (then validationMessage() says why).
    std::optional<shm::CreateRequest> request() const;
    // Every problem with the input, one per line, or "" when it is good. After a failed create,
    // the kernel's explanation.
    QString validationMessage() const;
    bool openAfterCreate() const;
    // The shmid made by the last successful create, or -1.
    int createdShmid() const { return m_createdShmid; }

    // Widgets, for tests and for keyboard users' buddies.
    QComboBox *keyKindCombo() const { return m_keyKind; }
    QLineEdit *keyEdit() const { return m_keyEdit; }
    QLineEdit *pathEdit() const { return m_pathEdit; }
    QLineEdit *projectIdEdit() const { return m_projectId; }
    QLineEdit *sizeEdit() const { return m_sizeEdit; }
    QComboBox *unitCombo() const { return m_unit; }
    ModeEditor *modeEditor() const { return m_mode; }
    QCheckBox *exclusiveBox() const { return m_exclusive; }
    QPushButton *createButton() const;

public slots:
    void accept() override; // creates; stays open on failure

private:
    struct Checked
    {
        std::optional<shm::CreateRequest> request;
        QStringList problems;
        QString note; // information that is not a problem (the ftok key, an existing key)
    };
    Checked check() const;
    void revalidate();
    void browse();

    QComboBox *m_keyKind = nullptr;
    QLineEdit *m_keyEdit = nullptr;
    QLineEdit *m_pathEdit = nullptr;
    QLineEdit *m_projectId = nullptr;
    QLineEdit *m_sizeEdit = nullptr;
    QComboBox *m_unit = nullptr;
    ModeEditor *m_mode = nullptr;
    QCheckBox *m_exclusive = nullptr;
    QCheckBox *m_openAfter = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_note = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QWidget *m_keyRow = nullptr;
    QWidget *m_ftokRow = nullptr;
    std::uint64_t m_shmmax = 0;
    int m_createdShmid = -1;
};
