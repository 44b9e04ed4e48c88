#pragma once

// The panel under the semaphore table: the selected set's fields in one line, who waits on it
// (where /proc tells), and one row per semaphore (SemaphoreValuesModel), all live.

#include "core/semaphores.h"

#include <QWidget>

#include <optional>
#include <vector>

class QLabel;
class QStackedWidget;
class QTableView;
class SegmentTableModel;
class SemaphoreValuesModel;

class SemaphoreDetailsWidget : public QWidget
{
    Q_OBJECT
public:
    // `names` supplies user, group and process names; it must outlive this widget.
    explicit SemaphoreDetailsWidget(const SegmentTableModel *names, QWidget *parent = nullptr);

    // Shows a set, or "nothing selected" for nullopt.
    void setSet(const std::optional<shm::SemaphoreSetInfo> &set);
    std::optional<shm::SemaphoreSetInfo> set() const { return m_set; }
    // The processes seen blocked in semop on the set (semaphoreWaiters).
    void setWaiters(const std::vector<pid_t> &pids);

    SemaphoreValuesModel *valuesModel() const { return m_values; }
    QTableView *valuesView() const { return m_view; }
    QString summaryText() const;
    QString waitersText() const;

    // "1234 (perl), 1240 (sleep)": each pid with its process name.
    static QString pidsText(const SegmentTableModel *names, const std::vector<pid_t> &pids);

private:
    const SegmentTableModel *m_names;
    std::optional<shm::SemaphoreSetInfo> m_set;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_waiters = nullptr;
    SemaphoreValuesModel *m_values = nullptr;
    QTableView *m_view = nullptr;
};
