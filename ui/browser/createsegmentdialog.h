#pragma once

// "New segment": key (private, explicit hex/decimal, or ftok path + project id), size with a
// unit, mode, exclusive create, open after create. Every bad input is named inline, live, and
// the Create button stays disabled until the input is good; a kernel refusal is shown inline
// too and the dialog stays open with everything the user typed.

#include "ui/browser/createipcdialog.h"

#include <optional>

class QComboBox;
class QLineEdit;

class CreateSegmentDialog : public CreateDialogOf<shm::CreateRequest>
{
    Q_OBJECT
public:
    enum Unit { Bytes, KiB, MiB, GiB };
    Q_ENUM(Unit)

    explicit CreateSegmentDialog(QWidget *parent = nullptr);

    bool openAfterCreate() const;
    // The shmid made by the last successful create, or -1.
    int createdShmid() const { return createdId(); }

    QLineEdit *sizeEdit() const { return m_sizeEdit; }
    QComboBox *unitCombo() const { return m_unit; }

private:
    std::optional<shm::CreateRequest> checkRequest(Checked &out) const override;

    QLineEdit *m_sizeEdit = nullptr;
    QComboBox *m_unit = nullptr;
    QCheckBox *m_openAfter = nullptr;
    std::uint64_t m_shmmax = 0;
};
