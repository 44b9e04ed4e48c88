#include "ui/browser/segmentfilterproxy.h"

#include "ui/browser/segmenttablemodel.h"

#include <QCollator>

SegmentFilterProxy::SegmentFilterProxy(QObject *parent)
    : SegmentFilterProxy(SegmentTableModel::SortRole, SegmentTableModel::ShmidRole,
                         SegmentTableModel::SearchTextRole, parent)
{
}

SegmentFilterProxy::SegmentFilterProxy(int sortRole, int idRole, int searchTextRole,
                                       QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_idRole(idRole)
    , m_searchTextRole(searchTextRole)
{
    setSortRole(sortRole);
    setDynamicSortFilter(true);
}

void SegmentFilterProxy::setFilterText(const QString &text)
{
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words == m_words)
        return;
    m_words = words;
    invalidateRowsFilter();
}

bool SegmentFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_words.isEmpty())
        return true;
    const QAbstractItemModel *model = sourceModel();
    QString text = model->index(sourceRow, 0, sourceParent)
                       .data(m_searchTextRole)
                       .toString();
    const int columns = model->columnCount(sourceParent);
    for (int column = 0; column < columns; ++column) {
        text += QLatin1Char('\t');
        text += model->index(sourceRow, column, sourceParent).data(Qt::DisplayRole).toString();
    }
    for (const QString &word : m_words) {
        if (!text.contains(word, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

bool SegmentFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant a = left.data(sortRole());
    const QVariant b = right.data(sortRole());
    const auto tieBreak = [&] {
        return left.data(m_idRole).toInt() < right.data(m_idRole).toInt();
    };
    const int typeA = a.typeId();
    const int typeB = b.typeId();
    if (typeA == QMetaType::QString || typeB == QMetaType::QString) {
        static thread_local QCollator collator = [] {
            QCollator c;
            c.setNumericMode(true);
            c.setCaseSensitivity(Qt::CaseInsensitive);
            return c;
        }();
        const int order = collator.compare(a.toString(), b.toString());
        return order != 0 ? order < 0 : tieBreak();
    }
    if (typeA == QMetaType::ULongLong && typeB == QMetaType::ULongLong) {
        const qulonglong x = a.toULongLong(), y = b.toULongLong();
        return x != y ? x < y : tieBreak();
    }
    const qlonglong x = a.toLongLong(), y = b.toLongLong();
    return x != y ? x < y : tieBreak();
}
