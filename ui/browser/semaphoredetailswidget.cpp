#include "ui/browser/semaphoredetailswidget.h"

#include "ui/browser/browserparts.h"
#include "ui/browser/segmentdetailswidget.h"
#include "ui/browser/segmenttablemodel.h"
#include "ui/browser/semaphoretablemodel.h"
#include "ui/browser/semaphorevaluesmodel.h"

#include "core/segmentinfo.h"

#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace {

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

} // namespace

SemaphoreDetailsWidget::SemaphoreDetailsWidget(const SegmentTableModel *names, QWidget *parent)
    : QWidget(parent)
    , m_names(names)
{
    m_stack = browserparts::makeDetailsStack(this,
                                             tr("Select a semaphore set to see its semaphores."));

    auto *page = new QWidget(m_stack);
    m_summary = new QLabel(page);
    m_summary->setObjectName(QStringLiteral("semaphoreSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_waiters = new QLabel(page);
    m_waiters->setObjectName(QStringLiteral("semaphoreWaiters"));
    m_waiters->setWordWrap(true);
    m_waiters->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_values = new SemaphoreValuesModel(names, this);
    m_view = browserparts::makeTable(page, QStringLiteral("semaphoreValues"));
    m_view->setModel(m_values);
    // The numbers keep their header's width; the process names take the rest.
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(SemaphoreValuesModel::PidColumn,
                                                     QHeaderView::Stretch);

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 6, 0, 0);
    m_summary->setIndent(4);
    m_waiters->setIndent(4);
    layout->addWidget(m_summary);
    layout->addWidget(m_waiters);
    layout->addWidget(m_view, 1);
    m_stack->addWidget(page);

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);
    setSet(std::nullopt);
}

QString SemaphoreDetailsWidget::pidsText(const SegmentTableModel *names,
                                         const std::vector<pid_t> &pids)
{
    QStringList parts;
    for (pid_t pid : pids)
        parts << names->pidText(pid);
    return parts.join(QStringLiteral(", "));
}

void SemaphoreDetailsWidget::setSet(const std::optional<shm::SemaphoreSetInfo> &set)
{
    if (set == m_set)
        return;
    m_set = set;
    if (!set) {
        m_values->setSemaphores({});
        m_stack->setCurrentIndex(0);
        return;
    }
    QString summary =
        tr("Set %1 · key %2 · %n semaphores · mode %3 (%4) · owner %5, group %6 · creator %7, %8",
           nullptr, int(set->nsems))
            .arg(set->semid)
            .arg(qs(shm::formatKey(set->key)), qs(shm::octalPerms(set->mode)),
                 SegmentDetailsWidget::spelledMode(set->mode), m_names->userName(set->uid),
                 m_names->groupName(set->gid), m_names->userName(set->cuid),
                 m_names->groupName(set->cgid));
    summary += QLatin1Char('\n')
               + tr("Last semop: %1 · last change: %2")
                     .arg(SegmentTableModel::timeText(set->otime),
                          SegmentTableModel::timeText(set->ctime));
    if (set->semaphores.empty() && set->valuesErrno != 0)
        summary += QLatin1Char('\n')
                   + tr("The values cannot be read: %1.")
                         .arg(SemaphoreTableModel::valuesText(*set));
    m_summary->setText(summary);
    m_values->setSemaphores(set->semaphores);
    m_stack->setCurrentIndex(1);
}

void SemaphoreDetailsWidget::setWaiters(const std::vector<pid_t> &pids)
{
    const int take = m_set ? SemaphoreTableModel::waitingToTake(*m_set) : 0;
    const int zero = m_set ? SemaphoreTableModel::waitingForZero(*m_set) : 0;
    QString text;
    if (take + zero == 0)
        text = tr("No process waits on this set.");
    else if (pids.empty())
        text = tr("%n processes wait on this set (which ones, /proc does not tell us).", nullptr,
                  take + zero);
    else
        text = tr("Waiting in semop: %1.").arg(pidsText(m_names, pids));
    m_waiters->setText(text);
}

QString SemaphoreDetailsWidget::summaryText() const
{
    return m_summary->text();
}

QString SemaphoreDetailsWidget::waitersText() const
{
    return m_waiters->text();
}
