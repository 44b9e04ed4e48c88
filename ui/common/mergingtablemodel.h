#pragma once

// The sorted merge behind every table of shmscope: the rows and the next listing are both
// sorted by a key; a run of rows that are gone is removed, a run of new items inserted, a run of
// rows changed in place announced with one dataChanged. Never a model reset, so selection and
// scrolling stay, and nothing at all is emitted when nothing differs.

#include <QAbstractTableModel>

#include <vector>

class MergingTableModel : public QAbstractTableModel
{
public:
    // What one merge did.
    struct MergeStats
    {
        int inserted = 0;
        int removed = 0;
        int changed = 0;
        int total() const { return inserted + removed + changed; }
    };

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : rowTotal();
    }
    int columnCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : m_columns;
    }

protected:
    MergingTableModel(int columns, QObject *parent)
        : QAbstractTableModel(parent), m_columns(columns)
    {
    }

    virtual int rowTotal() const = 0;

    // Merges `next` into `rows`. Both are sorted by key: rowKey(row) and itemKey(item) give
    // comparable keys, unique within each list. same(row, item): nothing to announce. make(item)
    // builds a new row; update(row, item) changes one in place.
    template<typename Row, typename Item, typename RowKey, typename ItemKey, typename Same,
             typename Make, typename Update>
    MergeStats mergeSorted(std::vector<Row> &rows, const std::vector<Item> &next, RowKey rowKey,
                           ItemKey itemKey, Same same, Make make, Update update)
    {
        MergeStats stats;
        const size_t n = next.size();
        size_t i = 0; // row in rows
        size_t j = 0; // item in next
        // Whether rows[at] comes before next[j] (true when next is used up), and the reverse.
        const auto rowFirst = [&](size_t at) {
            return j == n || rowKey(rows[at]) < itemKey(next[j]);
        };
        const auto itemFirst = [&](size_t at) {
            return i == rows.size() || itemKey(next[at]) < rowKey(rows[i]);
        };
        while (i < rows.size() || j < n) {
            if (i < rows.size() && rowFirst(i)) {
                size_t end = i;
                while (end < rows.size() && rowFirst(end))
                    ++end;
                beginRemoveRows({}, int(i), int(end) - 1);
                rows.erase(rows.begin() + qsizetype(i), rows.begin() + qsizetype(end));
                endRemoveRows();
                stats.removed += int(end - i);
            } else if (itemFirst(j)) {
                size_t end = j;
                while (end < n && itemFirst(end))
                    ++end;
                const size_t count = end - j;
                beginInsertRows({}, int(i), int(i + count) - 1);
                std::vector<Row> added;
                added.reserve(count);
                for (size_t k = j; k < end; ++k)
                    added.push_back(make(next[k]));
                rows.insert(rows.begin() + qsizetype(i), added.begin(), added.end());
                endInsertRows();
                stats.inserted += int(count);
                i += count;
                j = end;
            } else if (same(rows[i], next[j])) {
                ++i;
                ++j;
            } else {
                const size_t first = i;
                while (i < rows.size() && j < n && !(rowKey(rows[i]) < itemKey(next[j]))
                       && !(itemKey(next[j]) < rowKey(rows[i])) && !same(rows[i], next[j])) {
                    update(rows[i], next[j]);
                    ++i;
                    ++j;
                }
                emit dataChanged(index(int(first), 0), index(int(i) - 1, m_columns - 1));
                stats.changed += int(i - first);
            }
        }
        return stats;
    }

private:
    int m_columns;
};
