#pragma once

// The panel under the table: every IPC_STAT field of the selected segment spelled out, and the
// processes that have it attached.

#include "core/attachers.h"
#include "core/segmentinfo.h"

#include <QWidget>

#include <array>
#include <optional>
#include <vector>

class AttachersModel;
class QLabel;
class QStackedWidget;
class QTableView;
class SegmentTableModel;

class SegmentDetailsWidget : public QWidget
{
    Q_OBJECT
public:
    enum Field {
        KeyField,
        ShmidField,
        SizeField,
        ModeField,
        OwnerField,
        CreatorField,
        StatusField,
        NattchField,
        CreatorPidField,
        LastPidField,
        AttachTimeField,
        DetachTimeField,
        ChangeTimeField,
        MemoryField,
        FieldCount
    };
    Q_ENUM(Field)

    // `names` supplies user, group and process names (its caches); it must outlive this widget.
    explicit SegmentDetailsWidget(const SegmentTableModel *names, QWidget *parent = nullptr);

    // Shows a segment, or "nothing selected" for nullopt. Unchanged fields are not touched.
    void setSegment(const std::optional<shm::SegmentInfo> &info);
    std::optional<shm::SegmentInfo> segment() const { return m_segment; }
    void setAttachers(std::vector<shm::Attacher> attachers);
    AttachersModel *attachersModel() const { return m_attachers; }
    QTableView *attachersView() const { return m_attachersView; }
    QString fieldText(Field field) const;

    // "owner: read, write; group: read; other: none".
    static QString spelledMode(unsigned mode);

private:
    void setField(Field field, const QString &text);

    const SegmentTableModel *m_names;
    std::optional<shm::SegmentInfo> m_segment;
    QStackedWidget *m_stack = nullptr;
    std::array<QLabel *, FieldCount> m_values{};
    AttachersModel *m_attachers = nullptr;
    QTableView *m_attachersView = nullptr;
    QLabel *m_attachersTitle = nullptr;
};
