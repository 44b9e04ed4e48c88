#pragma once

// Sorting and filtering of the segment table, and of the other IPC tables that give the same
// three roles: numbers sort as numbers (the sort role), text naturally, ties by id; the filter
// matches any column's text, plus the numbers behind names (uid, decimal key, exact size),
// case-insensitively.

#include <QSortFilterProxyModel>

class SegmentFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    // Over a SegmentTableModel (its SortRole, ShmidRole and SearchTextRole).
    explicit SegmentFilterProxy(QObject *parent = nullptr);
    // Over another table: its roles for the raw sort value, the id (an int: ties, in order) and
    // the extra text the filter matches (column 0).
    SegmentFilterProxy(int sortRole, int idRole, int searchTextRole, QObject *parent = nullptr);

    // Empty text shows every row. Several words must all match (each in any column).
    void setFilterText(const QString &text);
    QString filterText() const { return m_words.join(QLatin1Char(' ')); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QStringList m_words;
    int m_idRole;
    int m_searchTextRole;
};
