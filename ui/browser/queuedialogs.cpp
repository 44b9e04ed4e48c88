#include "ui/browser/queuedialogs.h"

#include "ui/browser/dialogparts.h"
#include "ui/browser/queuemessagesmodel.h"
#include "ui/common/colors.h"
#include "ui/common/errortext.h"
#include "ui/common/plural.h"

#include "core/parse.h"
#include "core/segmentcontrol.h"
#include "core/segmentinfo.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <climits>

namespace {

// Wide enough for the sentences under the fields to fit in two or three lines.
constexpr int DialogWidthChars = 64;

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

using dialogparts::makeButtons;
using dialogparts::makeLabel;
using dialogparts::showLines;

// A message type as typed: decimal or 0x hex within [min, LONG_MAX].
shm::Result<std::int64_t> parseType(const QString &text, std::int64_t min)
{
    return shm::parseInteger(text.trimmed().toStdString(), min, LONG_MAX);
}

} // namespace

std::uint64_t queueKernelLimit(const char *name)
{
    QFile file(QStringLiteral("/proc/sys/kernel/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    bool ok = false;
    const qulonglong value = file.readAll().trimmed().toULongLong(&ok);
    return ok ? value : 0;
}

// --- CreateQueueDialog ---------------------------------------------------------------------

CreateQueueDialog::CreateQueueDialog(QWidget *parent)
    : CreateDialogOf(Ftok::Offered, &shm::createQueue, parent)
{
    setMinimumWidth(fontMetrics().averageCharWidth() * DialogWidthChars);
    setWindowTitle(tr("New message queue"));
    addModeRows();
    finish();
}

std::optional<shm::CreateQueueRequest> CreateQueueDialog::checkRequest(Checked &out) const
{
    shm::CreateQueueRequest request;
    const std::optional<key_t> key = checkKey(
        out, request.key, tr("Key 0 is IPC_PRIVATE: a new private queue is made."));
    request.exclusive = keyKind() != PrivateKey && exclusiveBox()->isChecked();
    if (key) {
        if (auto listed = shm::listQueues()) {
            for (const shm::QueueInfo &queue : *listed) {
                if (queue.key != *key)
                    continue;
                if (request.exclusive)
                    out.problems << tr("Key %1 is already taken by message queue %2 (exclusive "
                                       "create).")
                                        .arg(qs(shm::formatKey(*key)))
                                        .arg(queue.msqid);
                else
                    out.addNote(tr("Key %1 is taken by message queue %2: without exclusive "
                                   "create, that queue is opened instead.")
                                    .arg(qs(shm::formatKey(*key)))
                                    .arg(queue.msqid));
                break;
            }
        }
    }
    checkMode(out, request.mode);
    return out.problems.isEmpty() ? std::optional(request) : std::nullopt;
}

// --- SendMessageDialog ---------------------------------------------------------------------

SendMessageDialog::SendMessageDialog(int msqid, QWidget *parent)
    : QDialog(parent), m_msqid(msqid), m_msgmax(queueKernelLimit("msgmax"))
{
    setMinimumWidth(fontMetrics().averageCharWidth() * DialogWidthChars);
    setWindowTitle(tr("Send a message to queue %1").arg(msqid));
    auto *form = new QFormLayout;
    m_type = new QLineEdit(QStringLiteral("1"), this);
    m_type->setObjectName(QStringLiteral("type"));
    m_type->setToolTip(tr("The message's type (mtype): 1 or more. Receivers can ask for a type."));
    form->addRow(tr("&Type:"), m_type);
    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("format"));
    m_format->addItem(tr("Text (UTF-8)"), TextFormat);
    m_format->addItem(tr("Hex bytes"), HexFormat);
    form->addRow(tr("&Bytes as:"), m_format);
    m_bytes = new QPlainTextEdit(this);
    m_bytes->setObjectName(QStringLiteral("bytes"));
    m_bytes->setTabChangesFocus(true);
    form->addRow(tr("&Message:"), m_bytes);

    m_size = makeLabel(this, QStringLiteral("size"), false);
    m_size->show();
    auto *nowait = new QLabel(tr("Sent with IPC_NOWAIT: when the queue is full, the send is "
                                 "refused at once instead of waiting for room."),
                              this);
    nowait->setWordWrap(true);
    m_message = makeLabel(this, QStringLiteral("validationMessage"), true);
    m_buttons = makeButtons(this, tr("&Send"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_size);
    layout->addWidget(nowait);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);

    connect(m_type, &QLineEdit::textChanged, this, &SendMessageDialog::revalidate);
    m_type->selectAll(); // typing a type replaces the 1
    m_type->setFocus();
    connect(m_format, &QComboBox::currentIndexChanged, this, &SendMessageDialog::formatChanged);
    connect(m_bytes, &QPlainTextEdit::textChanged, this, [this] {
        m_formatNote.clear();
        revalidate();
    });
    revalidate();
}

QPushButton *SendMessageDialog::sendButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

SendMessageDialog::Checked SendMessageDialog::check() const
{
    Checked out;
    shm::Message message;
    if (auto type = parseType(m_type->text(), 1))
        message.type = long(*type);
    else
        out.problems << tr("Type: %1").arg(errortext::message(type.error()));
    const QString text = m_bytes->toPlainText();
    if (Format(m_format->currentData().toInt()) == HexFormat) {
        if (!text.trimmed().isEmpty()) { // no digits: an empty message
            if (auto bytes = shm::parseHexBytes(text.toStdString()))
                message.bytes.assign(reinterpret_cast<const char *>(bytes->data()), bytes->size());
            else
                out.problems << tr("Bytes: %1").arg(errortext::message(bytes.error()));
        }
    } else {
        message.bytes = text.toStdString();
    }
    if (m_msgmax > 0 && message.bytes.size() > m_msgmax)
        out.problems << tr("The message has %L1 bytes, above MSGMAX, the largest message (%L2 "
                           "bytes).")
                            .arg(qulonglong(message.bytes.size()))
                            .arg(qulonglong(m_msgmax));
    if (out.problems.isEmpty())
        out.message = message;
    return out;
}

std::optional<shm::Message> SendMessageDialog::message() const
{
    return check().message;
}

QString SendMessageDialog::validationMessage() const
{
    return m_message->text();
}

void SendMessageDialog::formatChanged()
{
    const auto format = Format(m_format->currentData().toInt());
    if (format == m_shownFormat)
        return;
    const QString text = m_bytes->toPlainText();
    m_formatNote.clear();
    if (format == HexFormat) {
        const QByteArray bytes = text.toUtf8();
        m_shownFormat = format;
        m_bytes->setPlainText(QueueMessagesModel::hexText(bytes));
        return;
    }
    // Hex to text: only bytes that are UTF-8 text can be written as text.
    QByteArray bytes;
    if (!text.trimmed().isEmpty()) {
        auto parsed = shm::parseHexBytes(text.toStdString());
        if (!parsed) {
            m_shownFormat = format; // not bytes yet: what was typed is taken as text
            revalidate();
            return;
        }
        bytes = QByteArray(reinterpret_cast<const char *>(parsed->data()),
                           qsizetype(parsed->size()));
    }
    const QString asText = QString::fromUtf8(bytes);
    if (asText.toUtf8() != bytes) {
        m_formatNote = tr("These bytes are not UTF-8 text: they stay in hex.");
        QSignalBlocker block(m_format);
        m_format->setCurrentIndex(m_format->findData(HexFormat));
        revalidate();
        return;
    }
    m_shownFormat = format;
    m_bytes->setPlainText(asText);
}

void SendMessageDialog::revalidate()
{
    const Checked checked = check();
    QStringList lines = checked.problems;
    if (!m_formatNote.isEmpty())
        lines.prepend(m_formatNote);
    showLines(m_message, lines);
    m_size->setVisible(checked.message.has_value());
    if (checked.message) {
        const std::uint64_t n = checked.message->bytes.size();
        m_size->setText(m_msgmax > 0 ? tr("%L1 bytes (at most %L2, MSGMAX).", nullptr,
                                          plural::count(n))
                                           .arg(qulonglong(n))
                                           .arg(qulonglong(m_msgmax))
                                     : tr("%L1 bytes.", nullptr, plural::count(n))
                                           .arg(qulonglong(n)));
    }
    sendButton()->setEnabled(checked.message.has_value());
}

void SendMessageDialog::accept()
{
    const Checked checked = check();
    if (!checked.message) {
        revalidate();
        return;
    }
    auto sent = shm::sendMessage(m_msqid, checked.message->type, checked.message->bytes);
    if (!sent) {
        showLines(m_message, {errortext::describe(sent.error())});
        return;
    }
    QDialog::accept();
}

// --- ReceiveMessageDialog ------------------------------------------------------------------

ReceiveMessageDialog::ReceiveMessageDialog(int msqid, QWidget *parent)
    : QDialog(parent), m_msqid(msqid)
{
    setMinimumWidth(fontMetrics().averageCharWidth() * DialogWidthChars);
    setWindowTitle(tr("Receive a message from queue %1").arg(msqid));
    auto *warning = new QLabel(tr("Receiving takes the message out of the queue: the program "
                                  "that waits for it will not get it."),
                               this);
    warning->setObjectName(QStringLiteral("takesWarning"));
    warning->setWordWrap(true);
    QPalette palette = warning->palette();
    palette.setColor(QPalette::WindowText, colors::warningText(this->palette()));
    warning->setPalette(palette);
    auto *form = new QFormLayout;
    m_type = new QLineEdit(QStringLiteral("0"), this);
    m_type->setObjectName(QStringLiteral("type"));
    form->addRow(tr("&Type:"), m_type);
    auto *rules = new QLabel(tr("0: the first message. N > 0: the first message of type N. "
                                "-N: the first message of the lowest type, up to N."),
                             this);
    rules->setWordWrap(true);
    m_meaning = makeLabel(this, QStringLiteral("meaning"), false);
    m_message = makeLabel(this, QStringLiteral("validationMessage"), true);
    auto *nowait = new QLabel(tr("Received with IPC_NOWAIT: when no message fits, nothing is "
                                 "waited for."),
                              this);
    nowait->setWordWrap(true);
    m_buttons = makeButtons(this, tr("&Take Message"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(warning);
    layout->addLayout(form);
    layout->addWidget(rules);
    layout->addWidget(m_meaning);
    layout->addWidget(nowait);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    connect(m_type, &QLineEdit::textChanged, this, &ReceiveMessageDialog::revalidate);
    m_type->selectAll(); // typing a type replaces the 0
    m_type->setFocus();
    revalidate();
}

QPushButton *ReceiveMessageDialog::receiveButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

std::optional<long> ReceiveMessageDialog::type() const
{
    auto type = parseType(m_type->text(), -LONG_MAX);
    return type ? std::optional<long>(long(*type)) : std::nullopt;
}

QString ReceiveMessageDialog::validationMessage() const
{
    return m_message->text();
}

void ReceiveMessageDialog::setPeeked(std::vector<shm::Message> messages)
{
    m_peeked = std::move(messages);
    revalidate();
}

int ReceiveMessageDialog::indexTaken(const std::vector<shm::Message> &messages, long type)
{
    int best = -1;
    for (size_t i = 0; i < messages.size(); ++i) {
        const long t = messages[i].type;
        if (type == 0 || t == type)
            return int(i);
        if (type < 0 && t <= -type && (best < 0 || t < messages[size_t(best)].type))
            best = int(i);
    }
    return best;
}

void ReceiveMessageDialog::revalidate()
{
    auto type = parseType(m_type->text(), -LONG_MAX);
    if (!type) {
        showLines(m_message, {tr("Type: %1").arg(errortext::message(type.error()))});
        m_meaning->hide();
    } else {
        showLines(m_message, {});
        const qlonglong t = *type;
        showLines(m_meaning,
                  {t == 0  ? tr("Takes the first message in the queue.")
                   : t > 0 ? tr("Takes the first message of type %1.").arg(t)
                           : tr("Takes the first message of the lowest type from 1 to %1.")
                                 .arg(-t)});
        if (m_peeked) {
            const int index = indexTaken(*m_peeked, long(t));
            QString which;
            if (index < 0) {
                which = tr("No message in the queue fits now.");
            } else {
                const shm::Message &message = (*m_peeked)[size_t(index)];
                const QByteArray bytes(message.bytes.data(), qsizetype(message.bytes.size()));
                which = tr("Now that is message %1: type %2, %n bytes, \"%3\".", nullptr,
                           plural::count(message.bytes.size()))
                            .arg(index)
                            .arg(message.type)
                            .arg(QueueMessagesModel::printableText(bytes, 32));
            }
            m_meaning->setText(m_meaning->text() + QLatin1Char(' ') + which);
        }
    }
    receiveButton()->setEnabled(type.ok());
}

void ReceiveMessageDialog::accept()
{
    const auto asked = type();
    if (!asked) {
        revalidate();
        return;
    }
    auto received = shm::receiveMessage(m_msqid, *asked);
    if (!received) {
        showLines(m_message, {errortext::describe(received.error())});
        return;
    }
    m_received = *received;
    QDialog::accept();
}

// --- QueueMaxBytesDialog -------------------------------------------------------------------

QueueMaxBytesDialog::QueueMaxBytesDialog(int msqid, const shm::QueueInfo *current,
                                         QWidget *parent)
    : QDialog(parent), m_msgmnb(queueKernelLimit("msgmnb"))
{
    setMinimumWidth(fontMetrics().averageCharWidth() * DialogWidthChars);
    setWindowTitle(tr("Change the maximum bytes of queue %1").arg(msqid));
    m_current = current && current->qbytesKnown ? current->qbytes : 0;
    auto *form = new QFormLayout;
    m_bytes = new QLineEdit(m_current > 0 ? QString::number(m_current) : QString(), this);
    m_bytes->setObjectName(QStringLiteral("maxBytes"));
    form->addRow(tr("&Most bytes (msg_qbytes):"), m_bytes);
    if (current)
        form->addRow(tr("Now:"), new QLabel(tr("%1 messages, %L2 bytes", nullptr,
                                               plural::count(current->qnum))
                                                .arg(qulonglong(current->qnum))
                                                .arg(qulonglong(current->cbytes)),
                                            this));
    m_note = makeLabel(this, QStringLiteral("note"), false);
    m_message = makeLabel(this, QStringLiteral("validationMessage"), true);
    m_buttons = makeButtons(this, tr("&Change"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_note);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    connect(m_bytes, &QLineEdit::textChanged, this, &QueueMaxBytesDialog::revalidate);
    revalidate();
}

std::optional<std::uint64_t> QueueMaxBytesDialog::maxBytes() const
{
    auto parsed = shm::parseUnsigned(m_bytes->text().trimmed().toStdString(), 0x7fffffffULL);
    return parsed ? std::optional<std::uint64_t>(*parsed) : std::nullopt;
}

QString QueueMaxBytesDialog::validationMessage() const
{
    return m_message->text();
}

void QueueMaxBytesDialog::revalidate()
{
    auto parsed = shm::parseUnsigned(m_bytes->text().trimmed().toStdString(), 0x7fffffffULL);
    QStringList notes;
    if (m_msgmnb > 0) {
        if (parsed && *parsed > m_msgmnb)
            notes << tr("This is above MSGMNB (%L1 bytes, /proc/sys/kernel/msgmnb): raising a "
                        "queue past it needs privilege (CAP_SYS_RESOURCE), or the kernel "
                        "refuses.")
                         .arg(qulonglong(m_msgmnb));
        else
            notes << tr("Up to MSGMNB (%L1 bytes), the queue's owner may set it; above needs "
                        "privilege (CAP_SYS_RESOURCE).")
                         .arg(qulonglong(m_msgmnb));
    }
    showLines(m_note, notes);
    showLines(m_message,
              parsed ? QStringList()
                     : QStringList{tr("Most bytes: %1").arg(errortext::message(parsed.error()))});
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(parsed.ok());
}
