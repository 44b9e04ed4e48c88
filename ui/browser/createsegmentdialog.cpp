#include "ui/browser/createsegmentdialog.h"

#include "ui/common/colors.h"
#include "ui/common/errortext.h"
#include "ui/common/plural.h"
#include "core/limits.h"
#include "core/parse.h"
#include "core/segmentinfo.h"
#include "ui/browser/modeeditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>

namespace {

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

QString bytesText(std::uint64_t bytes)
{
    const int n = plural::count(bytes);
    return QCoreApplication::translate("CreateSegmentDialog", "%1 (%L2 bytes)", nullptr, n)
        .arg(qs(shm::humanSize(bytes)))
        .arg(qulonglong(bytes));
}

} // namespace

CreateSegmentDialog::CreateSegmentDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("New segment"));
    if (auto limits = shm::readLimits())
        m_shmmax = limits->shmmax;

    auto *form = new QFormLayout;

    m_keyKind = new QComboBox(this);
    m_keyKind->setObjectName(QStringLiteral("keyKind"));
    m_keyKind->addItem(tr("Private (IPC_PRIVATE)"), PrivateKey);
    m_keyKind->addItem(tr("Key"), ExplicitKey);
    m_keyKind->addItem(tr("ftok(path, project id)"), FtokKey);
    form->addRow(tr("&Key kind:"), m_keyKind);

    m_keyEdit = new QLineEdit(this);
    m_keyEdit->setObjectName(QStringLiteral("keyEdit"));
    m_keyEdit->setPlaceholderText(tr("0x1234abcd or 305441741"));
    m_keyRow = m_keyEdit;
    form->addRow(tr("K&ey:"), m_keyEdit);

    m_ftokRow = new QWidget(this);
    auto *ftokLayout = new QHBoxLayout(m_ftokRow);
    ftokLayout->setContentsMargins(0, 0, 0, 0);
    m_pathEdit = new QLineEdit(m_ftokRow);
    m_pathEdit->setObjectName(QStringLiteral("ftokPath"));
    m_pathEdit->setPlaceholderText(tr("an existing file or directory"));
    auto *browseButton = new QToolButton(m_ftokRow);
    browseButton->setText(tr("…"));
    browseButton->setToolTip(tr("Choose a file"));
    m_projectId = new QLineEdit(m_ftokRow);
    m_projectId->setObjectName(QStringLiteral("ftokProjectId"));
    m_projectId->setPlaceholderText(tr("1..255 or a letter"));
    m_projectId->setMaximumWidth(fontMetrics().horizontalAdvance(QLatin1Char('0')) * 14);
    ftokLayout->addWidget(m_pathEdit, 1);
    ftokLayout->addWidget(browseButton);
    ftokLayout->addWidget(new QLabel(tr("project id:"), m_ftokRow));
    ftokLayout->addWidget(m_projectId);
    form->addRow(tr("&Path:"), m_ftokRow);

    auto *sizeRow = new QWidget(this);
    auto *sizeLayout = new QHBoxLayout(sizeRow);
    sizeLayout->setContentsMargins(0, 0, 0, 0);
    m_sizeEdit = new QLineEdit(QStringLiteral("4096"), sizeRow);
    m_sizeEdit->setObjectName(QStringLiteral("sizeEdit"));
    m_unit = new QComboBox(sizeRow);
    m_unit->setObjectName(QStringLiteral("sizeUnit"));
    m_unit->addItem(tr("bytes"), Bytes);
    m_unit->addItem(tr("KiB"), KiB);
    m_unit->addItem(tr("MiB"), MiB);
    m_unit->addItem(tr("GiB"), GiB);
    sizeLayout->addWidget(m_sizeEdit, 1);
    sizeLayout->addWidget(m_unit);
    auto *sizeLabel = new QLabel(tr("&Size:"), this);
    sizeLabel->setBuddy(m_sizeEdit);
    form->addRow(sizeLabel, sizeRow);
    if (m_shmmax > 0)
        sizeRow->setToolTip(tr("At most %1 (SHMMAX)").arg(bytesText(m_shmmax)));

    m_mode = new ModeEditor(this);
    m_mode->setObjectName(QStringLiteral("modeEditor"));
    form->addRow(tr("Mode:"), m_mode);

    m_exclusive = new QCheckBox(tr("E&xclusive: fail if the key is taken (IPC_EXCL)"), this);
    m_exclusive->setObjectName(QStringLiteral("exclusive"));
    m_exclusive->setChecked(true);
    form->addRow(QString(), m_exclusive);
    m_openAfter = new QCheckBox(tr("Open the segment &after creating it"), this);
    m_openAfter->setObjectName(QStringLiteral("openAfterCreate"));
    form->addRow(QString(), m_openAfter);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("validationMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    QPalette warning = m_message->palette();
    warning.setColor(QPalette::WindowText, colors::warningText(palette()));
    m_message->setPalette(warning);
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("note"));
    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::PlainText);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Create"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CreateSegmentDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &CreateSegmentDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_note);
    layout->addWidget(m_message);
    layout->addStretch();
    layout->addWidget(m_buttons);

    connect(m_keyKind, &QComboBox::currentIndexChanged, this, &CreateSegmentDialog::revalidate);
    for (QLineEdit *edit : {m_keyEdit, m_pathEdit, m_projectId, m_sizeEdit})
        connect(edit, &QLineEdit::textChanged, this, &CreateSegmentDialog::revalidate);
    connect(m_unit, &QComboBox::currentIndexChanged, this, &CreateSegmentDialog::revalidate);
    connect(m_mode, &ModeEditor::changed, this, &CreateSegmentDialog::revalidate);
    connect(m_exclusive, &QCheckBox::toggled, this, &CreateSegmentDialog::revalidate);
    connect(browseButton, &QToolButton::clicked, this, &CreateSegmentDialog::browse);
    revalidate();
}

QPushButton *CreateSegmentDialog::createButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

bool CreateSegmentDialog::openAfterCreate() const
{
    return m_openAfter->isChecked();
}

void CreateSegmentDialog::browse()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Path for ftok"),
                                                      m_pathEdit->text());
    if (!path.isEmpty())
        m_pathEdit->setText(path);
}

CreateSegmentDialog::Checked CreateSegmentDialog::check() const
{
    Checked out;
    shm::CreateRequest request;

    // Key.
    const auto kind = KeyKind(m_keyKind->currentData().toInt());
    std::optional<key_t> key; // the key to test for "taken"
    if (kind == ExplicitKey) {
        const QString text = m_keyEdit->text().trimmed();
        if (text.isEmpty()) {
            out.problems << tr("Enter a key: hexadecimal with 0x, or decimal.");
        } else if (auto parsed = shm::parseKey(text.toStdString())) {
            request.key = shm::KeySpec::explicitKey(*parsed);
            if (*parsed == 0)
                out.note = tr("Key 0 is IPC_PRIVATE: a new private segment is made.");
            else
                key = *parsed;
        } else {
            out.problems << tr("Key: %1").arg(errortext::message(parsed.error()));
        }
    } else if (kind == FtokKey) {
        // The core's rules: a project id 1..255 or one character, a path that exists.
        const QString path = m_pathEdit->text();
        if (path.isEmpty())
            out.problems << tr("Enter the path of an existing file or directory for ftok.");
        const QString idText = m_projectId->text().trimmed();
        std::optional<int> projectId;
        if (idText.isEmpty()) {
            out.problems << tr("Enter a project id from 1 to 255 (or one character).");
        } else if (auto parsed = shm::parseProjectId(idText.toStdString())) {
            projectId = *parsed;
        } else {
            out.problems << errortext::message(parsed.error());
        }
        if (!path.isEmpty() && projectId) {
            auto made = shm::makeFtokKey(path.toStdString(), *projectId);
            if (made) {
                request.key = shm::KeySpec::fromFtok(path.toStdString(), *projectId);
                key = *made;
                out.note = tr("ftok gives key %1.").arg(qs(shm::formatKey(*made)));
            } else {
                out.problems << errortext::message(made.error());
            }
        }
    }
    request.exclusive = m_exclusive->isChecked();
    if (key) {
        if (auto existing = shm::openSegment(*key)) {
            if (request.exclusive)
                out.problems << tr("Key %1 is already taken by segment %2 (exclusive create).")
                                    .arg(qs(shm::formatKey(*key)))
                                    .arg(*existing);
            else
                out.note += (out.note.isEmpty() ? QString() : QStringLiteral(" "))
                            + tr("Key %1 is taken by segment %2: without exclusive create, that "
                                 "segment is opened instead (its size must be at least the size "
                                 "asked).")
                                  .arg(qs(shm::formatKey(*key)))
                                  .arg(*existing);
        }
    }

    // Size: the core's rule. A number is counted in the chosen unit, unless it has its own
    // ("4k"); a fraction of a byte is refused.
    const QString sizeText = m_sizeEdit->text().trimmed();
    const std::uint64_t unit = std::uint64_t(1) << (10 * m_unit->currentData().toInt());
    std::optional<std::uint64_t> size;
    if (sizeText.isEmpty()) {
        out.problems << tr("Enter a size.");
    } else if (auto parsed = shm::parseSize(sizeText.toStdString(), unit)) {
        size = *parsed;
    } else {
        out.problems << tr("Size: %1").arg(errortext::message(parsed.error()));
    }
    if (size) {
        if (m_shmmax > 0 && *size > m_shmmax)
            out.problems << tr("The size %1 is above the system's largest segment, SHMMAX = %2.")
                                .arg(bytesText(*size), bytesText(m_shmmax));
        else
            request.size = *size;
    }

    // Mode.
    if (!m_mode->isValid())
        out.problems << m_mode->errorText();
    else
        request.mode = m_mode->mode();

    if (out.problems.isEmpty())
        out.request = request;
    return out;
}

std::optional<shm::CreateRequest> CreateSegmentDialog::request() const
{
    return check().request;
}

QString CreateSegmentDialog::validationMessage() const
{
    return m_message->text();
}

void CreateSegmentDialog::revalidate()
{
    const auto kind = KeyKind(m_keyKind->currentData().toInt());
    m_keyRow->setEnabled(kind == ExplicitKey);
    m_ftokRow->setEnabled(kind == FtokKey);
    m_exclusive->setEnabled(kind != PrivateKey);
    const Checked checked = check();
    m_message->setText(checked.problems.join(QLatin1Char('\n')));
    m_message->setVisible(!checked.problems.isEmpty());
    m_note->setText(checked.note);
    m_note->setVisible(!checked.note.isEmpty());
    createButton()->setEnabled(checked.request.has_value());
}

void CreateSegmentDialog::accept()
{
    const Checked checked = check();
    if (!checked.request) {
        revalidate();
        return;
    }
    auto created = shm::createSegment(*checked.request);
    if (!created) {
        // The kernel said no (limits, EEXIST raced in, EINVAL on an existing key's size...):
        // say why, keep everything typed.
        m_message->setText(errortext::describe(created.error()));
        m_message->setVisible(true);
        return;
    }
    m_createdShmid = *created;
    QDialog::accept();
}
