#pragma once

// The tables of the shared memory that lives in files: POSIX objects (shm_open, files of
// /dev/shm) and memfds (memfd_create, seen only through their holders). Each row carries the
// object's holders from the last scan of /proc, and a stable id: the browser's selection and
// actions work on ints (browserparts), while these objects are named by a string or an inode.
// Both are refreshed by the sorted merge, never a reset, as every table of the browser.

#include "core/holders.h"
#include "core/memfds.h"
#include "core/posixshm.h"

#include "ui/browser/columntablemodel.h"

#include <map>
#include <string>
#include <vector>

class SegmentTableModel;

// The roles both tables give SegmentFilterProxy and the browser.
namespace filetables {
enum Role {
    SortRole = Qt::UserRole + 1, // raw number, or text
    IdRole,                      // int: the row's stable id
    SearchTextRole,              // the numbers behind names
    OrphanRole,                  // bool: nobody holds it (POSIX objects only)
};
}

class PosixTableModel : public ColumnTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        SizeColumn,
        ResidentColumn,
        PermsColumn,
        OwnerColumn,
        GroupColumn,
        ModifiedColumn,
        ChangedColumn,
        HoldersColumn,
        OrphanColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    struct Row
    {
        shm::PosixObject object;
        int id = 0;
        bool holdersKnown = false; // false until the first scan of /proc has come
        std::vector<shm::Holder> holders;
        bool operator==(const Row &) const = default;
    };

    // `names` (user, group names) must outlive the model.
    explicit PosixTableModel(const SegmentTableModel *names, QObject *parent = nullptr);

    // Merges a listing (any order) with the holders of a scan (by file; `holdersKnown` false
    // when no scan has come yet, so nothing is called an orphan on a guess).
    MergeStats merge(const std::vector<shm::PosixObject> &objects,
                     const std::map<shm::FileId, std::vector<shm::Holder>> &holders,
                     bool holdersKnown);

    int rowOfId(int id) const;
    int rowOfName(const std::string &name) const;
    const Row &rowAt(int row) const { return m_rows[size_t(row)]; }
    static bool isOrphan(const Row &row) { return row.holdersKnown && row.holders.empty(); }

    // "2 processes (postgres, psql)", "nobody", "…" before the first scan.
    static QString holdersText(const Row &row);

protected:
    int rowTotal() const override { return int(m_rows.size()); }
    QVariant cellData(int row, int column, int role) const override;

private:
    static std::span<const ColumnSpec> columnSpecs();
    QVariant display(const Row &row, int column, bool sortKey) const;

    const SegmentTableModel *m_names;
    std::vector<Row> m_rows; // sorted by name
    std::map<std::string, int> m_ids;
    int m_nextId = 1;
};

class MemfdTableModel : public ColumnTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        InodeColumn,
        SizeColumn,
        SealsColumn,
        HoldersColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    struct Row
    {
        shm::MemfdObject object;
        int id = 0;
        std::vector<std::string> paths; // /proc paths that reopen it (memfdPaths)
        bool operator==(const Row &) const = default;
    };

    explicit MemfdTableModel(QObject *parent = nullptr);

    // Merges the memfds of a scan (memfdsOf) with the paths that reopen each.
    MergeStats merge(const std::vector<shm::MemfdObject> &memfds,
                     const std::map<shm::FileId, std::vector<std::string>> &paths);

    int rowOfId(int id) const;
    const Row &rowAt(int row) const { return m_rows[size_t(row)]; }

    // "seal, shrink, grow", "none", or "unknown (no right to read the holder)".
    static QString sealsText(const shm::MemfdObject &memfd);

protected:
    int rowTotal() const override { return int(m_rows.size()); }
    QVariant cellData(int row, int column, int role) const override;

private:
    static std::span<const ColumnSpec> columnSpecs();
    QVariant display(const Row &row, int column, bool sortKey) const;

    std::vector<Row> m_rows; // sorted by (name, device, inode)
    std::map<shm::FileId, int> m_ids;
    int m_nextId = 1;
};
