#include "ui/browser/segmentdetailswidget.h"

#include "ui/browser/attachersmodel.h"
#include "ui/browser/browserparts.h"
#include "ui/common/helpmenu.h"
#include "ui/common/plural.h"
#include "ui/browser/segmenttablemodel.h"

#include "core/orphans.h"

#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace {

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

// The help page's topic for a field whose label is System V jargon, or an empty string.
QString helpTopicOf(SegmentDetailsWidget::Field field)
{
    switch (field) {
    case SegmentDetailsWidget::KeyField: return QStringLiteral("key");
    case SegmentDetailsWidget::ShmidField: return QStringLiteral("shmid");
    case SegmentDetailsWidget::ModeField: return QStringLiteral("perms");
    case SegmentDetailsWidget::StatusField: return QStringLiteral("dest");
    case SegmentDetailsWidget::NattchField: return QStringLiteral("nattch");
    case SegmentDetailsWidget::CreatorPidField:
    case SegmentDetailsWidget::LastPidField: return QStringLiteral("pids");
    case SegmentDetailsWidget::MemoryField: return QStringLiteral("size");
    default: return {};
    }
}

} // namespace

SegmentDetailsWidget::SegmentDetailsWidget(const SegmentTableModel *names, QWidget *parent)
    : QWidget(parent)
    , m_names(names)
{
    m_stack = browserparts::makeDetailsStack(this, tr("Select a segment to see its details."));

    auto *page = new QWidget(m_stack);
    // Two columns of fields beside the attachers, so everything fits without scrolling.
    QFormLayout *forms[2] = {new QFormLayout, new QFormLayout};
    const QStringList labels{tr("Key:"),         tr("shmid:"),        tr("Size:"),
                             tr("Mode:"),        tr("Owner:"),        tr("Creator:"),
                             tr("Status:"),      tr("Attached:"),     tr("Creator pid:"),
                             tr("Last pid:"),    tr("Last attach:"),  tr("Last detach:"),
                             tr("Last change:"), tr("Memory:")};
    for (int f = 0; f < FieldCount; ++f) {
        auto *value = new QLabel(page);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setTextFormat(Qt::PlainText);
        value->setWordWrap(true);
        value->setObjectName(QStringLiteral("field%1").arg(f));
        m_values[size_t(f)] = value;
        // The words of the System V jargon link to their explanation in the help page.
        const QString topic = helpTopicOf(Field(f));
        if (topic.isEmpty())
            forms[f < NattchField ? 0 : 1]->addRow(labels[f], value);
        else
            forms[f < NattchField ? 0 : 1]->addRow(createHelpLabel(labels[f], topic, page), value);
    }
    auto *formHost = new QWidget(page);
    auto *formRow = new QHBoxLayout(formHost);
    formRow->setContentsMargins(0, 0, 0, 0);
    for (QFormLayout *form : forms) {
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        formRow->addLayout(form, 1);
    }
    auto *scroll = new QScrollArea(page);
    scroll->setWidget(formHost);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    m_attachers = new AttachersModel(this);
    auto *sorted = new QSortFilterProxyModel(this);
    sorted->setSourceModel(m_attachers);
    sorted->setSortRole(AttachersModel::SortRole);
    m_attachersView = new QTableView(page);
    m_attachersView->setObjectName(QStringLiteral("attachersView"));
    m_attachersView->setModel(sorted);
    m_attachersView->setSortingEnabled(true);
    m_attachersView->sortByColumn(AttachersModel::PidColumn, Qt::AscendingOrder);
    m_attachersView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_attachersView->verticalHeader()->hide();
    m_attachersView->setWordWrap(false);
    m_attachersView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_attachersView->horizontalHeader()->setSectionResizeMode(AttachersModel::CommandColumn,
                                                              QHeaderView::Stretch);
    m_attachersView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_attachersView->setAlternatingRowColors(true);
    m_attachersTitle = new QLabel(page);

    auto *right = new QVBoxLayout;
    right->addWidget(m_attachersTitle);
    right->addWidget(m_attachersView);
    auto *row = new QHBoxLayout(page);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(scroll, 1);
    row->addLayout(right, 1);
    m_stack->addWidget(page);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
}

QString SegmentDetailsWidget::spelledMode(unsigned mode)
{
    const auto part = [mode](int shift) {
        QStringList rights;
        if (mode & (4u << shift))
            rights << tr("read");
        if (mode & (2u << shift))
            rights << tr("write");
        if (mode & (1u << shift))
            rights << tr("execute");
        return rights.isEmpty() ? tr("none") : rights.join(QStringLiteral(", "));
    };
    return tr("owner: %1; group: %2; other: %3").arg(part(6), part(3), part(0));
}

QString SegmentDetailsWidget::fieldText(Field field) const
{
    return m_values[size_t(field)]->text();
}

void SegmentDetailsWidget::setField(Field field, const QString &text)
{
    QLabel *label = m_values[size_t(field)];
    if (label->text() != text)
        label->setText(text);
}

void SegmentDetailsWidget::setSegment(const std::optional<shm::SegmentInfo> &info)
{
    const bool sameSegment = info && m_segment && info->shmid == m_segment->shmid;
    m_segment = info;
    if (!info) {
        m_stack->setCurrentIndex(0);
        setAttachers({});
        return;
    }
    if (!sameSegment)
        setAttachers({});
    m_stack->setCurrentIndex(1);
    const shm::SegmentInfo &s = *info;

    setField(KeyField, s.key == 0 ? tr("%1 (IPC_PRIVATE, or removed)").arg(qs(shm::formatKey(0)))
                                  : tr("%1 (decimal %2)").arg(qs(shm::formatKey(s.key))).arg(s.key));
    // shmid = sequence * 32768 + index (ipc_buildid), useful when reading kernel traces.
    setField(ShmidField, tr("%1 (slot %2, sequence %3)").arg(s.shmid).arg(s.shmid % 32768).arg(s.shmid / 32768));
    setField(SizeField, tr("%1 (%L2 bytes)", nullptr, plural::count(s.size))
                            .arg(qs(shm::humanSize(s.size)))
                            .arg(qulonglong(s.size)));
    setField(ModeField, QStringLiteral("%1 %2 — %3")
                            .arg(qs(shm::permString(s.mode)), qs(shm::octalPerms(s.mode)),
                                 spelledMode(s.mode)));
    const auto person = [this](uid_t uid, gid_t gid) {
        return tr("%1 (uid %2), group %3 (gid %4)")
            .arg(m_names->userName(uid))
            .arg(uid)
            .arg(m_names->groupName(gid))
            .arg(gid);
    };
    setField(OwnerField, person(s.uid, s.gid));
    setField(CreatorField, person(s.cuid, s.cgid)
                               + (s.uid == s.cuid && s.gid == s.cgid
                                      ? tr(" — the current owner")
                                      : tr(" — the owner was changed since creation")));
    QStringList status;
    if (s.isMarkedForDestruction())
        status << tr("Marked for destruction: it lives until the last process detaches.");
    if (s.isLocked())
        status << tr("Locked in memory (SHM_LOCK): never swapped out.");
    if (m_names->isOrphan(s))
        status << tr("Orphan: nobody attaches it and its creator is gone; unused for %1. "
                     "Nothing will remove it but someone who asks.")
                      .arg(ipccells::ageText(
                          shm::segmentAge(s, QDateTime::currentSecsSinceEpoch())));
    setField(StatusField, status.isEmpty() ? tr("Normal") : status.join(QLatin1Char('\n')));
    setField(NattchField, tr("%1 (nattch)").arg(qulonglong(s.nattch)));
    const auto pid = [this](pid_t p) { return p <= 0 ? tr("none") : m_names->pidText(p); };
    setField(CreatorPidField, pid(s.cpid));
    setField(LastPidField, pid(s.lpid));
    setField(AttachTimeField, SegmentTableModel::timeText(s.atime));
    setField(DetachTimeField, SegmentTableModel::timeText(s.dtime));
    setField(ChangeTimeField, SegmentTableModel::timeText(s.ctime));
    setField(MemoryField, tr("%1 resident, %2 swapped out")
                              .arg(qs(shm::humanSize(s.rss)), qs(shm::humanSize(s.swap))));
}

void SegmentDetailsWidget::setAttachers(std::vector<shm::Attacher> attachers)
{
    m_attachers->setAttachers(std::move(attachers));
    const int n = m_attachers->rowCount();
    m_attachersTitle->setText(n == 0 ? tr("No process of this namespace has it attached.")
                                     : tr("Attachments (from /proc/PID/maps): %1").arg(n));
}
