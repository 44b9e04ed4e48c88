#include "ui/memory/changelist.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <chrono>

namespace {

qint64 msSinceEpoch(shm::SegmentWatcher::WallClock::time_point time)
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count();
}

bool sameRange(const shm::SegmentWatcher::Range &a, const shm::SegmentWatcher::Range &b)
{
    return a.offset == b.offset && a.length == b.length && a.lastChanged == b.lastChanged
           && a.passes == b.passes;
}

} // namespace

ChangeListModel::ChangeListModel(QObject *parent)
    : MergingTableModel(ColumnCount, parent)
{
}

MergingTableModel::MergeStats ChangeListModel::merge(
    const std::vector<shm::SegmentWatcher::Range> &ranges)
{
    using Range = shm::SegmentWatcher::Range;
    const auto key = [](const Range &r) { return r.offset; };
    return mergeSorted(
        m_rows, ranges, key, key, sameRange, [](const Range &r) { return r; },
        [](Range &row, const Range &r) { row = r; });
}

QVariant ChangeListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowTotal())
        return {};
    const shm::SegmentWatcher::Range &r = m_rows[std::size_t(index.row())];
    if (role == OffsetRole)
        return QVariant::fromValue(quint64(r.offset));
    if (role == LengthRole)
        return QVariant::fromValue(quint64(r.length));
    if (role == Qt::TextAlignmentRole)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == SortRole) {
        switch (index.column()) {
        case OffsetColumn: return QVariant::fromValue(quint64(r.offset));
        case LengthColumn: return QVariant::fromValue(quint64(r.length));
        case LastChangedColumn: return msSinceEpoch(r.lastChanged);
        case PassesColumn: return QVariant::fromValue(quint64(r.passes));
        default: return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case OffsetColumn:
        return QStringLiteral("0x%1").arg(r.offset, 0, 16);
    case LengthColumn:
        return QStringLiteral("%L1").arg(r.length);
    case LastChangedColumn:
        return QDateTime::fromMSecsSinceEpoch(msSinceEpoch(r.lastChanged))
            .toString(QStringLiteral("HH:mm:ss.zzz"));
    case PassesColumn:
        return QStringLiteral("%L1").arg(r.passes);
    default:
        return {};
    }
}

QVariant ChangeListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case OffsetColumn: return tr("Offset");
    case LengthColumn: return tr("Length");
    case LastChangedColumn: return tr("Last changed");
    case PassesColumn: return tr("Times");
    default: return {};
    }
}

ChangeList::ChangeList(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("changeList"));
    m_model = new ChangeListModel(this);
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(ChangeListModel::SortRole);
    m_table = new QTableView(this);
    m_table->setModel(proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ChangeListModel::OffsetColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    setOfFile(false);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    const auto activate = [this, proxy](const QModelIndex &index) {
        const QModelIndex source = proxy->mapToSource(index);
        if (!source.isValid())
            return;
        const auto &r = m_model->range(source.row());
        emit rangeActivated(r.offset, r.length);
    };
    connect(m_table, &QTableView::doubleClicked, this, activate);
    connect(m_table, &QTableView::activated, this, activate);
}

void ChangeList::setOfFile(bool ofFile)
{
    m_ofFile = ofFile;
    m_table->setToolTip(
        ofFile ? tr("Ranges of bytes the tracker saw change anywhere in the object, when each "
                    "last changed and in how many passes. Double-click to go there.")
               : tr("Ranges of bytes the tracker saw change anywhere in the segment, when each "
                    "last changed and in how many passes. Double-click to go there."));
    if (m_summary)
        refresh();
}

void ChangeList::setWatcher(const shm::SegmentWatcher *watcher)
{
    m_watcher = watcher;
    refresh();
}

void ChangeList::refresh()
{
    if (!m_watcher) {
        m_model->merge({});
        m_summary->clear();
        return;
    }
    m_model->merge(m_watcher->ranges());
    const int n = m_model->rowCount();
    const auto max = int(m_watcher->options().maxRanges);
    QString text = m_ofFile ? tr("%n changed range(s) in the whole object", nullptr, n)
                            : tr("%n changed range(s) in the whole segment", nullptr, n);
    if (n >= max)
        text += QLatin1Char(' ') + tr("(at most %L1: the closest are merged)").arg(max);
    m_summary->setText(text);
}
