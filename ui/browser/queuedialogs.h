#pragma once

// The dialogs of the queue browser. Each names every bad input inline, live, with its button
// disabled until the input is good. Create, send and receive make their call themselves: a
// kernel refusal is shown inline and the dialog stays open with what was typed. Every call is
// made with IPC_NOWAIT: none of them can block the GUI.

#include "core/queues.h"
#include "ui/browser/createipcdialog.h"

#include <QDialog>

#include <cstdint>
#include <optional>
#include <vector>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

// A number of /proc/sys/kernel (msgmax, msgmnb), 0 when unreadable.
std::uint64_t queueKernelLimit(const char *name);

// "New queue": key (private, explicit, or ftok path + project id), mode, exclusive create.
class CreateQueueDialog : public CreateDialogOf<shm::CreateQueueRequest>
{
    Q_OBJECT
public:
    explicit CreateQueueDialog(QWidget *parent = nullptr);

    int createdMsqid() const { return createdId(); }

private:
    std::optional<shm::CreateQueueRequest> checkRequest(Checked &out) const override;
};

// "Send message": a type (1 or more) and the bytes, typed as text (UTF-8) or as hex.
class SendMessageDialog : public QDialog
{
    Q_OBJECT
public:
    enum Format { TextFormat, HexFormat };
    Q_ENUM(Format)

    SendMessageDialog(int msqid, QWidget *parent = nullptr);

    // The type and bytes the input describes, or nullopt (validationMessage() says why).
    std::optional<shm::Message> message() const;
    QString validationMessage() const;

    QLineEdit *typeEdit() const { return m_type; }
    QComboBox *formatCombo() const { return m_format; }
    QPlainTextEdit *bytesEdit() const { return m_bytes; }
    QPushButton *sendButton() const;

public slots:
    void accept() override; // msgsnd(IPC_NOWAIT); stays open on failure (a full queue...)

private:
    struct Checked
    {
        std::optional<shm::Message> message;
        QStringList problems;
    };
    Checked check() const;
    void revalidate();
    // Rewrites what was typed in the newly chosen format (text <-> hex) when nothing is lost.
    void formatChanged();

    int m_msqid = -1;
    std::uint64_t m_msgmax = 0;
    Format m_shownFormat = TextFormat;
    QString m_formatNote;
    QLineEdit *m_type = nullptr;
    QComboBox *m_format = nullptr;
    QPlainTextEdit *m_bytes = nullptr;
    QLabel *m_size = nullptr;
    QLabel *m_message = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

// "Receive message": takes one message out of the queue, so the dialog is the confirmation.
class ReceiveMessageDialog : public QDialog
{
    Q_OBJECT
public:
    ReceiveMessageDialog(int msqid, QWidget *parent = nullptr);

    // The type asked (0, > 0, < 0), or nullopt when the text is not one.
    std::optional<long> type() const;
    QString validationMessage() const;
    // What the last accept() received.
    const std::optional<shm::Message> &received() const { return m_received; }
    // The queue's messages as a peek found them: the dialog then names the one it would take.
    void setPeeked(std::vector<shm::Message> messages);
    // The index in the peeked messages of the one `type` takes, or -1: the first (type 0), the
    // first of that type (> 0), the first of the lowest type up to -type (< 0), as msgrcv does.
    static int indexTaken(const std::vector<shm::Message> &messages, long type);

    QLineEdit *typeEdit() const { return m_type; }
    QPushButton *receiveButton() const;

public slots:
    void accept() override; // msgrcv(IPC_NOWAIT); stays open when nothing fits

private:
    void revalidate();

    int m_msqid = -1;
    QLineEdit *m_type = nullptr;
    QLabel *m_meaning = nullptr;
    QLabel *m_message = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    std::optional<shm::Message> m_received;
    std::optional<std::vector<shm::Message>> m_peeked;
};

// "Change maximum bytes": msg_qbytes. Says that raising it above MSGMNB needs privilege.
class QueueMaxBytesDialog : public QDialog
{
    Q_OBJECT
public:
    QueueMaxBytesDialog(int msqid, const shm::QueueInfo *current, QWidget *parent = nullptr);

    // Valid when the input is good.
    std::optional<std::uint64_t> maxBytes() const;
    QString validationMessage() const;
    QLineEdit *bytesEdit() const { return m_bytes; }

private:
    void revalidate();

    std::uint64_t m_msgmnb = 0;
    std::uint64_t m_current = 0;
    QLineEdit *m_bytes = nullptr;
    QLabel *m_note = nullptr;
    QLabel *m_message = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};
