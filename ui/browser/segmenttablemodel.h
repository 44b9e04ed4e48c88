#pragma once

// The table of every segment: one row per SegmentInfo, kept sorted by shmid. A refresh is a
// sorted merge (rows inserted, removed or changed in place), never a model reset, so selection,
// current row and scroll position survive it.

#include "core/namecache.h"
#include "core/segmentinfo.h"

#include "ui/browser/columntablemodel.h"

#include <QBasicTimer>
#include <QHash>

#include <vector>

class SegmentTableModel : public ColumnTableModel
{
    Q_OBJECT
public:
    enum Column {
        KeyColumn,
        ShmidColumn,
        OwnerColumn,
        GroupColumn,
        PermsColumn,
        SizeColumn,
        NattchColumn,
        StatusColumn,
        CreatorPidColumn,
        LastPidColumn,
        AttachTimeColumn,
        DetachTimeColumn,
        ChangeTimeColumn,
        RssColumn,
        SwapColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        SortRole = Qt::UserRole + 1, // raw number (qlonglong/qulonglong) or text for names
        ShmidRole,                   // int, any column
        SearchTextRole,              // extra text the filter matches (numbers behind names...)
        HighlightedRole,             // bool: the row appeared or changed recently
        OrphanRole,                  // bool: nobody attaches it and its creator is gone
    };
    Q_ENUM(Role)

    explicit SegmentTableModel(QObject *parent = nullptr);

    // Merges a listing into the model. `segments` must be sorted by shmid (listSegments() is).
    // Emits rowsInserted/rowsRemoved/dataChanged for what differs and nothing at all when
    // nothing differs. Rows that appear or change are highlighted for highlightDuration().
    MergeStats merge(const std::vector<shm::SegmentInfo> &segments);

    // 0 disables highlighting. Default 2000 ms.
    void setHighlightDuration(int ms) { m_highlightMs = ms; }
    int highlightDuration() const { return m_highlightMs; }

    // The row of shmid, or -1 (binary search).
    int rowOfShmid(int shmid) const;
    // Precondition: 0 <= row < rowCount().
    const shm::SegmentInfo &segmentAt(int row) const { return m_rows[size_t(row)].info; }
    std::vector<shm::SegmentInfo> segments() const;

    // Text helpers shared with the details panel.
    static QString timeText(std::int64_t seconds);     // local time, "never" for 0
    static QString statusText(const shm::SegmentInfo &info); // "dest, locked" or ""
    QString pidText(pid_t pid) const;                 // "1234 (bash)", "1234 (exited)", "" for 0
    // Nobody attaches it and its creator is gone (orphans.h): nothing will clean it up.
    bool isOrphan(const shm::SegmentInfo &info) const;
    QString userName(uid_t uid) const;
    QString groupName(gid_t gid) const;
    QString processName(pid_t pid) const; // cached /proc/PID/comm, "" when gone

protected:
    void timerEvent(QTimerEvent *event) override;
    int rowTotal() const override { return int(m_rows.size()); }
    QVariant cellData(int row, int column, int role) const override;

private:
    struct Row
    {
        shm::SegmentInfo info;
        qint64 highlightUntil = 0; // ms since epoch; 0 = not highlighted
    };

    static std::span<const ColumnSpec> columnSpecs();
    // The field behind a column that is not Custom, and the Custom columns' text or sort key.
    static QVariant rawData(const shm::SegmentInfo &info, int column);
    static QVariant customData(const shm::SegmentInfo &info, int column, bool sortKey);
    QVariant toolTipData(const shm::SegmentInfo &info, int column) const;
    QVariant backgroundData(const Row &row) const;
    void scheduleHighlightExpiry();
    void forgetExitedProcesses();

    std::vector<Row> m_rows;
    bool m_populated = false;
    int m_highlightMs = 2000;
    QBasicTimer m_highlightTimer;
    mutable shm::NameCache m_names;
    struct ProcessName
    {
        QString name;
        qint64 readAt = 0;
    };
    mutable QHash<pid_t, ProcessName> m_processNames;
};
