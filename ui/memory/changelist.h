#pragma once

// The "Changes" panel of the memory view: the ranges the segment watcher saw change, anywhere
// in the segment, with when each last changed and how many passes saw it change. Refreshed by a
// sorted merge (selection and scrolling stay); a double-click asks to go there.

#include "core/segmentwatcher.h"
#include "ui/common/mergingtablemodel.h"

#include <QWidget>

class QLabel;
class QTableView;

class ChangeListModel : public MergingTableModel
{
    Q_OBJECT
public:
    enum Column { OffsetColumn, LengthColumn, LastChangedColumn, PassesColumn, ColumnCount };
    enum Role { OffsetRole = Qt::UserRole + 1, LengthRole, SortRole };

    explicit ChangeListModel(QObject *parent = nullptr);
    // Merges the watcher's ranges (in offset order) into the rows.
    MergeStats merge(const std::vector<shm::SegmentWatcher::Range> &ranges);
    const shm::SegmentWatcher::Range &range(int row) const { return m_rows[std::size_t(row)]; }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    int rowTotal() const override { return int(m_rows.size()); }

private:
    std::vector<shm::SegmentWatcher::Range> m_rows;
};

class ChangeList : public QWidget
{
    Q_OBJECT
public:
    explicit ChangeList(QWidget *parent = nullptr);
    // Words for a POSIX object or a memfd ("the whole object") rather than a segment.
    void setOfFile(bool ofFile);

    // The watcher to list (not owned).
    void setWatcher(const shm::SegmentWatcher *watcher);
    // Reads the watcher's ranges again.
    void refresh();
    ChangeListModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }

signals:
    // A row was double-clicked (or Enter pressed on it).
    void rangeActivated(quint64 offset, quint64 length);

private:
    const shm::SegmentWatcher *m_watcher = nullptr;
    ChangeListModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_summary = nullptr;
    bool m_ofFile = false;
};
