#include "ui/browser/semaphoredialogs.h"

#include "ui/browser/dialogparts.h"
#include "ui/common/colors.h"
#include "ui/common/errortext.h"

#include "core/parse.h"
#include "core/segmentinfo.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStyle>
#include <QThread>
#include <QVBoxLayout>

#include <cerrno>

namespace {

// How long one semtimedop slice of a waiting operation lasts: the longest a cancel waits.
constexpr int CancelSliceMs = 100;
// The most semaphores the create dialog offers (the kernel's SEMMSL decides in the end).
constexpr int MaxSemaphores = 32000;

// A check box with its one-sentence explanation under it, greyed and indented.
QWidget *withExplanation(QCheckBox *box, const QString &explanation, QWidget *parent)
{
    auto *widget = new QWidget(parent);
    auto *layout = new QVBoxLayout(widget);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(box);
    auto *label = new QLabel(explanation, widget);
    label->setWordWrap(true);
    label->setIndent(box->style()->pixelMetric(QStyle::PM_IndicatorWidth) + 6);
    label->setEnabled(false);
    layout->addWidget(label);
    box->setToolTip(explanation);
    return widget;
}

using dialogparts::growToFit;

} // namespace

std::vector<int> semaphoreinput::parseValues(const QString &text, QString *problem)
{
    std::vector<int> values;
    problem->clear();
    static const QRegularExpression separators(QStringLiteral("[\\s,;]+"));
    for (const QString &word : text.split(separators, Qt::SkipEmptyParts)) {
        bool ok = false;
        const qlonglong value = word.toLongLong(&ok);
        if (!ok) {
            *problem = QCoreApplication::translate("SemaphoreDialogs",
                                                   "\"%1\" is not a number.").arg(word);
            return {};
        }
        if (value < 0 || value > shm::SemaphoreValueMax) {
            *problem = QCoreApplication::translate(
                           "SemaphoreDialogs",
                           "%1 is out of range: a semaphore's value is 0 to %2 (SEMVMX, the "
                           "kernel's limit).")
                           .arg(value)
                           .arg(shm::SemaphoreValueMax);
            return {};
        }
        values.push_back(int(value));
    }
    return values;
}

// --- CreateSemaphoreSetDialog ---

CreateSemaphoreSetDialog::CreateSemaphoreSetDialog(QWidget *parent)
    : CreateDialogOf(Ftok::None, &shm::createSemaphoreSet, parent)
{
    setWindowTitle(tr("New semaphore set"));

    m_count = new QSpinBox(this);
    m_count->setObjectName(QStringLiteral("count"));
    m_count->setRange(1, MaxSemaphores);
    m_count->setValue(1);
    form()->addRow(tr("&Semaphores:"), m_count);

    m_values = new QLineEdit(QStringLiteral("0"), this);
    m_values->setObjectName(QStringLiteral("values"));
    m_values->setToolTip(tr("One value for every semaphore, or one value a semaphore, split by "
                            "spaces or commas; each 0 to %1 (SEMVMX).")
                             .arg(shm::SemaphoreValueMax));
    form()->addRow(tr("&Initial values:"), m_values);

    addModeRows();
    connect(m_values, &QLineEdit::textChanged, this, &CreateSemaphoreSetDialog::revalidate);
    connect(m_count, &QSpinBox::valueChanged, this, &CreateSemaphoreSetDialog::revalidate);
    finish(true);
}

std::optional<shm::CreateSemaphoresRequest>
CreateSemaphoreSetDialog::checkRequest(Checked &out) const
{
    shm::CreateSemaphoresRequest request;
    checkKey(out, request.key, tr("Key 0 is IPC_PRIVATE: a new private set is made."));
    request.exclusive = exclusiveBox()->isChecked();
    if (!request.exclusive && request.key.kind != shm::KeySpec::Kind::Private)
        out.note = tr("Without exclusive create, an existing set of this key is opened instead, "
                      "and its values are left as they are.");

    QString problem;
    const std::vector<int> values = semaphoreinput::parseValues(m_values->text(), &problem);
    const int count = m_count->value();
    if (!problem.isEmpty())
        out.problems << tr("Initial values: %1").arg(problem);
    else if (values.empty())
        out.problems << tr("Enter the initial values: one for all, or one a semaphore.");
    else if (values.size() == 1)
        request.values.assign(size_t(count), values.front());
    else if (int(values.size()) != count)
        out.problems << tr("%n values for %1 semaphores: give one value for all, or one a "
                           "semaphore.",
                           nullptr, int(values.size()))
                            .arg(count);
    else
        request.values = values;

    checkMode(out, request.mode);
    return out.problems.isEmpty() ? std::optional(request) : std::nullopt;
}

// --- SemaphoreValuesDialog ---

SemaphoreValuesDialog::SemaphoreValuesDialog(Kind kind, const shm::SemaphoreSetInfo &set,
                                             int index, QWidget *parent)
    : QDialog(parent)
    , m_kind(kind)
    , m_nsems(set.nsems)
{
    auto *form = new QFormLayout;
    m_values = new QLineEdit(this);
    m_values->setObjectName(QStringLiteral("values"));
    if (kind == SetOne) {
        setWindowTitle(tr("Set one value of semaphore set %1 (SETVAL)").arg(set.semid));
        m_index = new QSpinBox(this);
        m_index->setObjectName(QStringLiteral("index"));
        m_index->setRange(0, int(set.nsems) - 1);
        m_index->setValue(qBound(0, index, int(set.nsems) - 1));
        form->addRow(tr("Se&maphore number:"), m_index);
        form->addRow(tr("&Value:"), m_values);
        const auto showCurrent = [this, semaphores = set.semaphores] {
            const size_t i = size_t(m_index->value());
            if (i < semaphores.size())
                m_values->setText(QString::number(semaphores[i].value));
        };
        showCurrent();
        connect(m_index, &QSpinBox::valueChanged, this, showCurrent);
    } else {
        setWindowTitle(tr("Set every value of semaphore set %1 (SETALL)").arg(set.semid));
        QStringList current;
        for (const shm::Semaphore &s : set.semaphores)
            current << QString::number(s.value);
        m_values->setText(current.join(QLatin1Char(' ')));
        form->addRow(tr("&Values:"), m_values);
    }
    m_values->setToolTip(tr("Each value 0 to %1 (SEMVMX); for every semaphore, split by spaces "
                            "or commas.")
                             .arg(shm::SemaphoreValueMax));
    setMinimumWidth(fontMetrics().averageCharWidth() * 64);
    auto *note = new QLabel(tr("Processes waiting on the set may wake up; the semaphores' undo "
                               "records (SEM_UNDO) are cleared."),
                            this);
    note->setWordWrap(true);
    m_message = dialogparts::makeMessageLabel(this);
    m_buttons = dialogparts::makeButtons(this, tr("&Set…"));
    connect(m_values, &QLineEdit::textChanged, this, &SemaphoreValuesDialog::revalidate);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    revalidate();
}

QPushButton *SemaphoreValuesDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

int SemaphoreValuesDialog::index() const
{
    return m_index ? m_index->value() : 0;
}

int SemaphoreValuesDialog::value() const
{
    const std::vector<int> all = values();
    return all.empty() ? 0 : all.front();
}

std::vector<int> SemaphoreValuesDialog::values() const
{
    QString problem;
    return semaphoreinput::parseValues(m_values->text(), &problem);
}

QString SemaphoreValuesDialog::validationMessage() const
{
    return m_message->text();
}

void SemaphoreValuesDialog::revalidate()
{
    QString problem;
    const std::vector<int> values = semaphoreinput::parseValues(m_values->text(), &problem);
    if (problem.isEmpty()) {
        if (m_kind == SetOne && values.size() != 1)
            problem = tr("Enter one value, 0 to %1.").arg(shm::SemaphoreValueMax);
        else if (m_kind == SetAll && values.size() != m_nsems)
            problem = tr("The set has %n semaphores: enter one value for each.", nullptr,
                         int(m_nsems));
    }
    m_message->setText(problem);
    m_message->setVisible(!problem.isEmpty());
    okButton()->setEnabled(problem.isEmpty());
    growToFit(this);
}

// --- SemaphoreOperationDialog ---

SemaphoreOperationDialog::SemaphoreOperationDialog(int semid, unsigned nsems, int index,
                                                   QWidget *parent)
    : QDialog(parent)
    , m_semid(semid)
{
    setWindowTitle(tr("Operate on semaphore set %1 (semop)").arg(semid));
    auto *form = new QFormLayout;
    m_index = new QSpinBox(this);
    m_index->setObjectName(QStringLiteral("index"));
    m_index->setRange(0, qMax(0, int(nsems) - 1));
    m_index->setValue(qBound(0, index, int(nsems) - 1));
    form->addRow(tr("Se&maphore number:"), m_index);

    m_operation = new QComboBox(this);
    m_operation->setObjectName(QStringLiteral("operation"));
    m_operation->addItem(tr("P: take n (−n, waits while the value is below n)"), Take);
    m_operation->addItem(tr("V: give n (+n, never waits)"), Give);
    m_operation->addItem(tr("Wait for zero (0, waits while the value is not 0)"), WaitForZero);
    form->addRow(tr("&Operation:"), m_operation);

    m_amount = new QSpinBox(this);
    m_amount->setObjectName(QStringLiteral("amount"));
    m_amount->setRange(1, shm::SemaphoreValueMax);
    form->addRow(tr("&n:"), m_amount);

    m_noWait = new QCheckBox(tr("IPC_NO&WAIT"), this);
    m_noWait->setObjectName(QStringLiteral("noWait"));
    form->addRow(QString(), withExplanation(m_noWait,
                                            tr("Refuse at once (EAGAIN) instead of waiting when "
                                               "the operation cannot proceed now."),
                                            this));
    m_undo = new QCheckBox(tr("SEM_&UNDO"), this);
    m_undo->setObjectName(QStringLiteral("undo"));
    form->addRow(QString(), withExplanation(m_undo,
                                            tr("The kernel takes the change back when shmscope "
                                               "exits, so a P is not held for ever by a program "
                                               "that is gone."),
                                            this));

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox(this);
    m_run = buttons->addButton(tr("&Run"), QDialogButtonBox::ActionRole);
    m_run->setObjectName(QStringLiteral("run"));
    m_run->setDefault(true);
    m_cancel = buttons->addButton(tr("&Cancel Waiting"), QDialogButtonBox::ActionRole);
    m_cancel->setObjectName(QStringLiteral("cancelWaiting"));
    m_cancel->hide();
    QPushButton *close = buttons->addButton(QDialogButtonBox::Close);
    connect(m_run, &QPushButton::clicked, this, &SemaphoreOperationDialog::run);
    connect(m_cancel, &QPushButton::clicked, this, &SemaphoreOperationDialog::cancelWaiting);
    connect(close, &QPushButton::clicked, this, &SemaphoreOperationDialog::reject);
    connect(m_operation, &QComboBox::currentIndexChanged, this,
            &SemaphoreOperationDialog::updateInputs);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addStretch();
    layout->addWidget(buttons);
    updateInputs();
}

SemaphoreOperationDialog::~SemaphoreOperationDialog()
{
    // The worker holds the job too: it sees the flag within a slice and ends by itself.
    if (m_job)
        m_job->cancel = true;
}

shm::SemaphoreOperation SemaphoreOperationDialog::operation() const
{
    shm::SemaphoreOperation op;
    op.index = m_index->value();
    switch (Operation(m_operation->currentData().toInt())) {
    case Take: op.delta = -m_amount->value(); break;
    case Give: op.delta = m_amount->value(); break;
    case WaitForZero: op.delta = 0; break;
    }
    op.noWait = m_noWait->isChecked();
    op.undo = m_undo->isChecked();
    return op;
}

QString SemaphoreOperationDialog::statusText() const
{
    return m_status->text();
}

void SemaphoreOperationDialog::setStatus(const QString &text, bool warning)
{
    QPalette palette = this->palette();
    if (warning)
        palette.setColor(QPalette::WindowText, colors::warningText(this->palette()));
    m_status->setPalette(palette);
    m_status->setText(text);
    growToFit(this);
}

void SemaphoreOperationDialog::updateInputs()
{
    const bool waiting = isWaiting();
    for (QWidget *input : {static_cast<QWidget *>(m_index), static_cast<QWidget *>(m_operation),
                           static_cast<QWidget *>(m_noWait), static_cast<QWidget *>(m_undo)})
        input->setEnabled(!waiting);
    m_amount->setEnabled(!waiting
                         && Operation(m_operation->currentData().toInt()) != WaitForZero);
    m_run->setEnabled(!waiting);
    m_cancel->setVisible(waiting);
}

void SemaphoreOperationDialog::run()
{
    if (isWaiting())
        return;
    const shm::SemaphoreOperation op = operation();
    auto job = std::make_shared<Job>();
    m_job = job;
    const int semid = m_semid;
    QThread *thread = QThread::create([job, semid, op] {
        job->result = shm::operateSemaphores(semid, {op}, &job->cancel, CancelSliceMs);
    });
    thread->setObjectName(QStringLiteral("semop"));
    // finished is emitted by the worker; queued to this dialog, dropped if it is gone by then.
    connect(thread, &QThread::finished, this, [this, job, op] { finish(job, op); });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    setStatus(op.noWait ? tr("Running…")
                        : tr("Waiting… semop blocks until the operation can proceed; Cancel "
                             "Waiting stops it without changing anything."),
              false);
    updateInputs();
    m_cancel->setFocus();
    thread->start();
}

void SemaphoreOperationDialog::cancelWaiting()
{
    if (m_job)
        m_job->cancel = true;
}

void SemaphoreOperationDialog::reject()
{
    cancelWaiting();
    QDialog::reject();
}

QString SemaphoreOperationDialog::doneText(const shm::SemaphoreOperation &op) const
{
    if (op.delta < 0)
        return tr("Done: took %1 from semaphore %2 of set %3.").arg(-op.delta).arg(op.index).arg(m_semid);
    if (op.delta > 0)
        return tr("Done: gave %1 to semaphore %2 of set %3.").arg(op.delta).arg(op.index).arg(m_semid);
    return tr("Done: semaphore %1 of set %2 is zero.").arg(op.index).arg(m_semid);
}

QString SemaphoreOperationDialog::failureText(const shm::Error &error) const
{
    if (error.errnum == EIDRM)
        return tr("Semaphore set %1 was removed while the operation waited: the kernel woke it "
                  "with EIDRM, and nothing was done.")
            .arg(m_semid);
    if (error.kind == shm::ErrorKind::Gone)
        return tr("Semaphore set %1 no longer exists: it was removed by someone else.").arg(m_semid);
    return errortext::describe(error);
}

void SemaphoreOperationDialog::finish(const std::shared_ptr<Job> &job,
                                      const shm::SemaphoreOperation &op)
{
    if (job != m_job)
        return;
    m_job.reset();
    bool done = false;
    QString text;
    if (!job->result) {
        text = tr("The operation ended without a result.");
    } else if (!*job->result) {
        text = failureText(job->result->error());
    } else if (**job->result == shm::SemopOutcome::Cancelled) {
        text = tr("Cancelled: the operation stopped waiting, nothing was changed.");
    } else {
        done = true;
        text = doneText(op);
    }
    setStatus(text, !done);
    updateInputs();
    m_run->setFocus();
    emit operationFinished(done, text);
}
