#pragma once

// What the "New segment", "New semaphore set" and "New message queue" dialogs share: the key
// (private, explicit hex/decimal, and for some ftok path + project id), the mode, exclusive
// create, the note and the message under the form, and the Create button. Every bad input is
// named inline, live, with Create disabled until the input is good; a kernel refusal is shown
// inline too and the dialog stays open with everything the user typed. A dialog adds its own
// rows between the key and the mode, and checks and creates its own kind of object.

#include "core/segmentcontrol.h"

#include <QDialog>

#include <functional>
#include <optional>

class ModeEditor;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

class CreateIpcDialog : public QDialog
{
    Q_OBJECT
public:
    enum KeyKind { PrivateKey, ExplicitKey, FtokKey };
    Q_ENUM(KeyKind)

    // Every problem with the input, one per line, or "" when it is good. After a failed create,
    // the kernel's explanation.
    QString validationMessage() const;

    // Widgets, for tests and for keyboard users' buddies. pathEdit() and projectIdEdit() are
    // null without ftok.
    QComboBox *keyKindCombo() const { return m_keyKind; }
    QLineEdit *keyEdit() const { return m_keyEdit; }
    QLineEdit *pathEdit() const { return m_pathEdit; }
    QLineEdit *projectIdEdit() const { return m_projectId; }
    ModeEditor *modeEditor() const { return m_mode; }
    QCheckBox *exclusiveBox() const { return m_exclusive; }
    QPushButton *createButton() const;
    // The id of the object made by the last successful create, or -1.
    int createdId() const { return m_createdId; }

    // Opens the dialog window-modal, named `name`, deleted when closed; `created` runs with
    // the new object's id when one was made.
    void openThen(const QString &name, QObject *context, const std::function<void(int)> &created);

public slots:
    void accept() override; // creates; stays open, saying why, when the kernel refuses

protected:
    enum class Ftok { None, Offered, WithBrowse };
    struct Checked
    {
        QStringList problems;
        QString note; // information that is not a problem (the ftok key, an existing key)
        // Set when the input is good: makes the object, giving its id.
        std::function<shm::Result<int>()> create;
        void addNote(const QString &text);
    };

    // Makes the key rows; the dialog then adds its own rows to form(), calls addModeRows(),
    // may add more, and ends its constructor with finish().
    CreateIpcDialog(Ftok ftok, QWidget *parent);
    QFormLayout *form() const { return m_form; }
    void addModeRows();
    // Lays out the note, the message and the buttons, and checks the input a first time.
    // `growsToFit`: the dialog grows when a message needs more room.
    void finish(bool growsToFit = false);

    KeyKind keyKind() const;
    // Checks the key into `out` and `spec`. `zeroNote` is the note for key 0 (IPC_PRIVATE).
    // Returns the key to test for "already taken": none for a private key, 0, or bad input.
    std::optional<key_t> checkKey(Checked &out, shm::KeySpec &spec,
                                  const QString &zeroNote) const;
    // Checks the mode into `out` and `mode`.
    void checkMode(Checked &out, unsigned &mode) const;

    // The dialog's whole check, its problems in the order the form shows them.
    virtual Checked check() const = 0;
    void revalidate();

private:
    void browse();

    QFormLayout *m_form = nullptr;
    QComboBox *m_keyKind = nullptr;
    QLineEdit *m_keyEdit = nullptr;
    QWidget *m_ftokRow = nullptr;
    QLineEdit *m_pathEdit = nullptr;
    QLineEdit *m_projectId = nullptr;
    ModeEditor *m_mode = nullptr;
    QCheckBox *m_exclusive = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_note = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_growsToFit = false;
    int m_createdId = -1;
};

// A create dialog of one kind of object: `Request` is what its input describes, made by `make`
// (shm::createSegment...) when Create is pressed.
template <class Request>
class CreateDialogOf : public CreateIpcDialog
{
public:
    // The request the input describes, or nullopt (validationMessage() says why).
    std::optional<Request> request() const
    {
        Checked out;
        return checkRequest(out);
    }

protected:
    using Make = shm::Result<int> (*)(const Request &);
    CreateDialogOf(Ftok ftok, Make make, QWidget *parent)
        : CreateIpcDialog(ftok, parent)
        , m_make(make)
    {
    }
    // Checks the whole input into `out`; the request when it is good.
    virtual std::optional<Request> checkRequest(Checked &out) const = 0;

private:
    Checked check() const override
    {
        Checked out;
        if (auto request = checkRequest(out))
            out.create = [make = m_make, request = *request] { return make(request); };
        return out;
    }

    Make m_make;
};
