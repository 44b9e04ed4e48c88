#pragma once

// The dialogs of the semaphore tab: a new set (semget and its initial values), new values
// (SETVAL of one semaphore, SETALL of all) and an operation (semop: P, V or wait for zero).
// Input is checked inline and live, the OK button waiting for good input, as the segment
// dialogs do. An operation that has to wait waits in a worker thread: the dialog says "waiting…"
// and can cancel it; the GUI never blocks.

#include "core/semaphores.h"
#include "ui/browser/createipcdialog.h"

#include <QDialog>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace semaphoreinput {

// Values typed as numbers split by spaces or commas, each 0..SEMVMX; `problem` says what is
// wrong otherwise ("" when nothing is). An empty text is no values.
std::vector<int> parseValues(const QString &text, QString *problem);

} // namespace semaphoreinput

class CreateSemaphoreSetDialog : public CreateDialogOf<shm::CreateSemaphoresRequest>
{
    Q_OBJECT
public:
    explicit CreateSemaphoreSetDialog(QWidget *parent = nullptr);

    // The semid of the set made by the last successful create, or -1.
    int createdSemid() const { return createdId(); }

    QSpinBox *countSpin() const { return m_count; }
    QLineEdit *valuesEdit() const { return m_values; }

private:
    std::optional<shm::CreateSemaphoresRequest> checkRequest(Checked &out) const override;

    QSpinBox *m_count = nullptr;
    QLineEdit *m_values = nullptr;
};

// New values for a set: one semaphore's (SETVAL) or all of them (SETALL). It only collects and
// checks them; the tab confirms and makes the call.
class SemaphoreValuesDialog : public QDialog
{
    Q_OBJECT
public:
    enum Kind { SetOne, SetAll };
    Q_ENUM(Kind)

    SemaphoreValuesDialog(Kind kind, const shm::SemaphoreSetInfo &set, int index,
                          QWidget *parent = nullptr);

    Kind kind() const { return m_kind; }
    int index() const;            // SetOne
    int value() const;            // SetOne, when the input is good
    std::vector<int> values() const; // SetAll, when the input is good
    QString validationMessage() const;

    QSpinBox *indexSpin() const { return m_index; }
    QLineEdit *valuesEdit() const { return m_values; }
    QPushButton *okButton() const;

private:
    void revalidate();

    Kind m_kind;
    unsigned m_nsems;
    QSpinBox *m_index = nullptr;
    QLineEdit *m_values = nullptr;
    QLabel *m_message = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

// semop on one semaphore: take n (P), give n (V) or wait for zero, with IPC_NOWAIT and SEM_UNDO.
// Not modal: the tab stays live while an operation waits. Closing the dialog cancels a wait.
class SemaphoreOperationDialog : public QDialog
{
    Q_OBJECT
public:
    enum Operation { Take, Give, WaitForZero };
    Q_ENUM(Operation)

    SemaphoreOperationDialog(int semid, unsigned nsems, int index, QWidget *parent = nullptr);
    ~SemaphoreOperationDialog() override;

    // The operation the input describes.
    shm::SemaphoreOperation operation() const;
    int semid() const { return m_semid; }
    bool isWaiting() const { return m_job != nullptr; }
    // What happened last ("Waiting…", "Done: …", the refusal's sentence).
    QString statusText() const;

    QSpinBox *indexSpin() const { return m_index; }
    QComboBox *operationCombo() const { return m_operation; }
    QSpinBox *amountSpin() const { return m_amount; }
    QCheckBox *noWaitBox() const { return m_noWait; }
    QCheckBox *undoBox() const { return m_undo; }
    QPushButton *runButton() const { return m_run; }
    QPushButton *cancelButton() const { return m_cancel; }

public slots:
    // Runs the operation in a worker thread; the result comes with operationFinished.
    void run();
    // Stops a waiting operation (nothing is changed); operationFinished follows.
    void cancelWaiting();
    void reject() override; // cancels a wait, then closes

signals:
    // `done`: the operation was done (false: cancelled or refused, `text` says which and why).
    void operationFinished(bool done, const QString &text);

private:
    struct Job
    {
        std::atomic<bool> cancel{false};
        std::optional<shm::Result<shm::SemopOutcome>> result;
    };
    void finish(const std::shared_ptr<Job> &job, const shm::SemaphoreOperation &operation);
    QString doneText(const shm::SemaphoreOperation &operation) const;
    QString failureText(const shm::Error &error) const;
    void updateInputs();
    void setStatus(const QString &text, bool warning);

    int m_semid;
    QSpinBox *m_index = nullptr;
    QComboBox *m_operation = nullptr;
    QSpinBox *m_amount = nullptr;
    QCheckBox *m_noWait = nullptr;
    QCheckBox *m_undo = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_cancel = nullptr;
    std::shared_ptr<Job> m_job; // while an operation runs
};
