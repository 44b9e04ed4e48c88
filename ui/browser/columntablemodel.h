#pragma once

// What the browser's tables share: a MergingTableModel whose columns are stated once, in a table
// of ColumnSpec (title, header tool tip, alignment, monospace), so headerData(), the alignment and
// the monospace font come from here and each model only answers cellData() for its own rows.
// Beside it, the merge helpers of tables keyed by an id or by a row number, and the cell texts
// every IPC object's table shows the same way (key, perms, owner tool tip, the filter's numbers).

#include "ui/common/mergingtablemodel.h"

#include <QFont>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <algorithm>
#include <cstdint>
#include <span>
#include <sys/types.h>
#include <vector>

class ColumnTableModel : public MergingTableModel
{
public:
    // What a column shows, for the cells every IPC object's table has (ipccells::formatted()
    // gives their text and sort key from the raw field); Custom: the model's own cells.
    enum class Format {
        Custom,
        Id,    // int; sorts as a number
        Count, // a decimal number, right-aligned
        Size,  // bytes in a human unit, sorts by bytes
        Key,   // the key in hex, monospace
        Perms, // "rw-r----- 0640", monospace; sorts by the permission bits
        User,  // a uid's name
        Group, // a gid's name
        Pid,   // "1234 (bash)"; sorts by pid
        Time,  // local time or "never"; sorts by seconds
    };

    struct ColumnSpec
    {
        // QT_TR_NOOP in the model's own class: translated in its tr() context.
        const char *title;
        const char *toolTip = nullptr; // the header's; nullptr: none
        Format format = Format::Custom;
        // Of Custom columns; Id, Count and Size are right-aligned, Key and Perms monospace.
        Qt::Alignment alignment = Qt::AlignLeft;
        bool monospace = false;
    };

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const final;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const final;

    static QFont monospaceFont();
    static QFont boldFont();

protected:
    // `columns` must outlive the model (a static table).
    ColumnTableModel(std::span<const ColumnSpec> columns, QObject *parent);

    // Any role but Qt::TextAlignmentRole, for a valid index. For Qt::FontRole an invalid answer
    // means the column's font (monospace or none).
    virtual QVariant cellData(int row, int column, int role) const = 0;
    bool isMonospace(int column) const;
    Format columnFormat(int column) const { return m_columns[size_t(column)].format; }

    // `input` when it is sorted by keyOf, else a sorted copy of it in `copy`.
    template<typename Item, typename KeyOf>
    static const std::vector<Item> &sortedBy(const std::vector<Item> &input,
                                             std::vector<Item> &copy, KeyOf keyOf)
    {
        const auto less = [&](const Item &a, const Item &b) { return keyOf(a) < keyOf(b); };
        if (std::is_sorted(input.begin(), input.end(), less))
            return input;
        copy = input;
        std::sort(copy.begin(), copy.end(), less);
        return copy;
    }

    // Merges a listing (any order) into rows that are the items themselves, keyed by keyOf.
    template<typename Item, typename KeyOf>
    MergeStats mergeListing(std::vector<Item> &rows, const std::vector<Item> &input, KeyOf keyOf)
    {
        std::vector<Item> sortedCopy;
        return mergeSorted(
            rows, sortedBy(input, sortedCopy, keyOf), keyOf, keyOf,
            [](const Item &row, const Item &item) { return row == item; },
            [](const Item &item) { return item; }, [](Item &row, const Item &item) { row = item; });
    }

    // The row of a table sorted by keyOf whose key is `key`, or -1 (binary search).
    template<typename Row, typename KeyOf>
    static int rowOfKey(const std::vector<Row> &rows, int key, KeyOf keyOf)
    {
        auto it = std::lower_bound(rows.begin(), rows.end(), key,
                                   [&](const Row &row, int id) { return keyOf(row) < id; });
        if (it == rows.end() || keyOf(*it) != key)
            return -1;
        return int(it - rows.begin());
    }

    // A table of a list's items by their place in it: rows keep their number, cells change.
    template<typename Item>
    struct Numbered
    {
        int index = 0;
        Item item;
    };
    template<typename Item>
    MergeStats mergeNumbered(std::vector<Numbered<Item>> &rows, const std::vector<Item> &items)
    {
        std::vector<Numbered<Item>> next;
        next.reserve(items.size());
        for (size_t i = 0; i < items.size(); ++i)
            next.push_back({int(i), items[i]});
        const auto indexOf = [](const Numbered<Item> &row) { return row.index; };
        return mergeSorted(
            rows, next, indexOf, indexOf,
            [](const Numbered<Item> &row, const Numbered<Item> &n) { return row.item == n.item; },
            [](const Numbered<Item> &n) { return n; },
            [](Numbered<Item> &row, const Numbered<Item> &n) { row.item = n.item; });
    }

private:
    std::span<const ColumnSpec> m_columns;
};

// The cells every IPC object's table (segments, semaphore sets, queues) shows alike. The texts
// that need translating are passed in, already translated in the calling model's context.
namespace ipccells {

QString keyText(std::int32_t key);          // "0x0000162e"
QVariant keySortKey(std::int32_t key);      // the 32 bits as ipcs shows them: follows the hex
QString permsText(unsigned mode);           // "rw-r----- 0640"
// privateText for key 0, else `format` ("Key %1 (decimal %2)") filled in.
QString keyToolTip(std::int32_t key, const QString &privateText, const QString &format);
// The command line of pid, or `exitedFormat` ("Process %1 has exited"); nothing for pid <= 0.
QVariant pidToolTip(pid_t pid, const QString &exitedFormat);
// The numbers behind names, for the filter: decimal and hex key, uid, gid, cuid, cgid, then
// `extra`, then the octal mode.
QString sizeText(std::uint64_t bytes);      // "1.5 KiB", in the user's language
QString ageText(std::int64_t seconds);      // "45 s", "12 min", "5 h", "3 days"
QString searchText(std::int32_t key, uid_t uid, gid_t gid, uid_t cuid, gid_t cgid, unsigned mode,
                   const QStringList &extra = {});

template<typename Info>
QString searchText(const Info &info, const QStringList &extra = {})
{
    return searchText(info.key, info.uid, info.gid, info.cuid, info.cgid, info.mode, extra);
}

// `format` ("Owner uid %1 (%2), gid %3 (%4)\nCreator uid %5 (%6), gid %7 (%8)") filled in with
// info's ids and their names.
template<typename Info, typename Names>
QString ownerToolTip(const QString &format, const Info &info, const Names &names)
{
    return format.arg(info.uid)
        .arg(names.userName(info.uid))
        .arg(info.gid)
        .arg(names.groupName(info.gid))
        .arg(info.cuid)
        .arg(names.userName(info.cuid))
        .arg(info.cgid)
        .arg(names.groupName(info.cgid));
}

// The text (sortKey false) or sort key of a column that is not Custom, from the raw field the
// model gives (the key, id, mode, count, uid, gid, pid or seconds). Names: userName(),
// groupName(), pidText() and the static timeText(), as SegmentTableModel has them.
template<typename Names>
QVariant formatted(ColumnTableModel::Format format, const QVariant &raw, bool sortKey,
                   const Names &names)
{
    using Format = ColumnTableModel::Format;
    switch (format) {
    case Format::Id:
        return sortKey ? QVariant(raw.toLongLong()) : QVariant(raw.toInt());
    case Format::Count:
        return sortKey ? QVariant(raw.toULongLong()) : QVariant(QString::number(raw.toULongLong()));
    case Format::Size:
        return sortKey ? QVariant(raw.toULongLong()) : QVariant(sizeText(raw.toULongLong()));
    case Format::Key:
        return sortKey ? keySortKey(raw.toInt()) : QVariant(keyText(raw.toInt()));
    case Format::Perms:
        return sortKey ? QVariant(qulonglong(raw.toUInt() & 0777))
                       : QVariant(permsText(raw.toUInt()));
    case Format::User:
        return names.userName(uid_t(raw.toUInt()));
    case Format::Group:
        return names.groupName(gid_t(raw.toUInt()));
    case Format::Pid:
        return sortKey ? QVariant(raw.toLongLong()) : QVariant(names.pidText(pid_t(raw.toInt())));
    case Format::Time:
        return sortKey ? QVariant(raw.toLongLong()) : QVariant(Names::timeText(raw.toLongLong()));
    case Format::Custom:
        break;
    }
    return {};
}

// A Display or Sort role cell of an IPC table: Custom columns from the model's
// custom(info, column, sortKey), the others formatted() from its raw(info, column).
template<typename Info, typename Names>
QVariant cell(ColumnTableModel::Format format, const Info &info, int column, bool sortKey,
              const Names &names, QVariant (*raw)(const Info &, int),
              QVariant (*custom)(const Info &, int, bool))
{
    if (format == ColumnTableModel::Format::Custom)
        return custom(info, column, sortKey);
    return formatted(format, raw(info, column), sortKey, names);
}

} // namespace ipccells
