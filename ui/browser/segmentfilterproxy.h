#pragma once

// Sorting and filtering of the segment table: numbers sort as numbers (SortRole), text
// naturally; the filter matches any column's text, plus the numbers behind names (uid, decimal
// key, exact size), case-insensitively.

#include <QSortFilterProxyModel>

class SegmentFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit SegmentFilterProxy(QObject *parent = nullptr);

    // Empty text shows every row. Several words must all match (each in any column).
    void setFilterText(const QString &text);
    QString filterText() const { return m_words.join(QLatin1Char(' ')); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QStringList m_words;
};
