#pragma once

// Small dialogs for IPC_SET: the permission bits, and the owner user and group, of a segment or
// of another IPC object (the constructor with a title). They only collect and check input; the
// window that opened them makes the call and reports the result.

#include <QDialog>

#include <optional>
#include <sys/types.h>

class ModeEditor;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

class ModeDialog : public QDialog
{
    Q_OBJECT
public:
    ModeDialog(int shmid, unsigned currentMode, QWidget *parent = nullptr);
    ModeDialog(const QString &title, unsigned currentMode, QWidget *parent);
    unsigned mode() const;
    ModeEditor *editor() const { return m_editor; }

private:
    void revalidate();
    ModeEditor *m_editor = nullptr;
    QLabel *m_message = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

class OwnerDialog : public QDialog
{
    Q_OBJECT
public:
    OwnerDialog(int shmid, const QString &user, const QString &group, QWidget *parent = nullptr);
    OwnerDialog(const QString &title, const QString &user, const QString &group,
                QWidget *parent);
    // Valid when the dialog was accepted.
    uid_t uid() const { return m_uid.value_or(uid_t(-1)); }
    gid_t gid() const { return m_gid.value_or(gid_t(-1)); }
    QLineEdit *userEdit() const { return m_user; }
    QLineEdit *groupEdit() const { return m_group; }
    QString validationMessage() const;

    // A user name or number; nullopt when neither.
    static std::optional<uid_t> resolveUser(const QString &text);
    static std::optional<gid_t> resolveGroup(const QString &text);

private:
    void revalidate();
    QLineEdit *m_user = nullptr;
    QLineEdit *m_group = nullptr;
    QLabel *m_message = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    std::optional<uid_t> m_uid;
    std::optional<gid_t> m_gid;
};
