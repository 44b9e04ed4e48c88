#include "ui/browser/createsegmentdialog.h"

#include "ui/common/errortext.h"
#include "ui/common/plural.h"
#include "core/limits.h"
#include "core/parse.h"
#include "core/segmentinfo.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>

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
    : CreateDialogOf(Ftok::WithBrowse, &shm::createSegment, parent)
{
    setWindowTitle(tr("New segment"));
    if (auto limits = shm::readLimits())
        m_shmmax = limits->shmmax;

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
    form()->addRow(sizeLabel, sizeRow);
    if (m_shmmax > 0)
        sizeRow->setToolTip(tr("At most %1 (SHMMAX)").arg(bytesText(m_shmmax)));

    addModeRows();
    m_openAfter = new QCheckBox(tr("Open the segment &after creating it"), this);
    m_openAfter->setObjectName(QStringLiteral("openAfterCreate"));
    form()->addRow(QString(), m_openAfter);

    connect(m_sizeEdit, &QLineEdit::textChanged, this, &CreateSegmentDialog::revalidate);
    connect(m_unit, &QComboBox::currentIndexChanged, this, &CreateSegmentDialog::revalidate);
    finish();
}

bool CreateSegmentDialog::openAfterCreate() const
{
    return m_openAfter->isChecked();
}

std::optional<shm::CreateRequest> CreateSegmentDialog::checkRequest(Checked &out) const
{
    shm::CreateRequest request;

    // Key.
    const std::optional<key_t> key = checkKey(
        out, request.key, tr("Key 0 is IPC_PRIVATE: a new private segment is made."));
    request.exclusive = exclusiveBox()->isChecked();
    if (key) {
        if (auto existing = shm::openSegment(*key)) {
            if (request.exclusive)
                out.problems << tr("Key %1 is already taken by segment %2 (exclusive create).")
                                    .arg(qs(shm::formatKey(*key)))
                                    .arg(*existing);
            else
                out.addNote(tr("Key %1 is taken by segment %2: without exclusive create, that "
                               "segment is opened instead (its size must be at least the size "
                               "asked).")
                                .arg(qs(shm::formatKey(*key)))
                                .arg(*existing));
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

    checkMode(out, request.mode);
    return out.problems.isEmpty() ? std::optional(request) : std::nullopt;
}
