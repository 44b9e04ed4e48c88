#include "ui/memory/scanresultsmodel.h"

#include "ui/memory/bytesource.h"

#include <QFont>

ScanResultsModel::ScanResultsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ScanResultsModel::setSource(ByteSource *source)
{
    m_source = source;
}

void ScanResultsModel::setScan(std::shared_ptr<const shm::ValueScan> scan)
{
    beginResetModel();
    m_scan = std::move(scan);
    m_rows.clear();
    if (m_scan) {
        m_rows.reserve(std::size_t(std::min<quint64>(m_scan->count(), MaxRows)));
        m_scan->forEach(MaxRows, [this](std::uint64_t offset, shm::ScanBits value) {
            m_rows.push_back({offset, value, value, true});
        });
    }
    endResetModel();
}

quint64 ScanResultsModel::offsetAt(int row) const
{
    return row >= 0 && std::size_t(row) < m_rows.size() ? m_rows[std::size_t(row)].offset : 0;
}

void ScanResultsModel::refreshRows(int first, int last)
{
    if (!m_source || !m_scan || m_rows.empty())
        return;
    first = std::max(first, 0);
    last = std::min(last, int(m_rows.size()) - 1);
    const shm::ScanFormat &format = m_scan->format();
    const unsigned width = format.width();
    // Changed rows are reported in runs of neighbours: one dataChanged each.
    int runStart = -1;
    const auto flush = [&](int end) {
        if (runStart >= 0)
            emit dataChanged(index(runStart, ValueColumn), index(end, ValueColumn));
        runStart = -1;
    };
    for (int row = first; row <= last; ++row) {
        Row &r = m_rows[std::size_t(row)];
        std::byte bytes[8] = {};
        const auto report = m_source->readReport(r.offset, bytes, width);
        const bool readable = report.unreadable == 0 && report.skipped == 0
            && report.bytesRead + report.zeroBytes == width;
        const shm::ScanBits now = readable ? shm::loadScanValue(format, bytes) : 0;
        if (readable == r.readable && now == r.now) {
            flush(row - 1);
            continue;
        }
        r.readable = readable;
        r.now = now;
        if (runStart < 0)
            runStart = row;
    }
    flush(last);
}

int ScanResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ScanResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ScanResultsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || std::size_t(index.row()) >= m_rows.size() || !m_scan)
        return {};
    const Row &r = m_rows[std::size_t(index.row())];
    const shm::ScanType type = m_scan->format().type;
    const auto shown = [type](shm::ScanBits bits) {
        return QString::fromStdString(shm::formatScanValue(type, bits));
    };
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case OffsetColumn:
            return QStringLiteral("0x%1").arg(r.offset, 0, 16);
        case ValueColumn:
            return r.readable ? shown(r.now) : QStringLiteral("??");
        case PreviousColumn:
            return shown(r.previous);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == OffsetColumn)
            return tr("Offset %L1").arg(r.offset);
        if (index.column() == ValueColumn && !r.readable)
            return tr("This page cannot be read now: reading it faulted.");
        if (index.column() == ValueColumn && r.now != r.previous)
            return tr("Changed since the last scan");
        return {};
    case Qt::FontRole:
        if (index.column() == ValueColumn && r.now != r.previous) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::TextAlignmentRole:
        return int(Qt::AlignRight | Qt::AlignVCenter);
    case OffsetRole:
        return QVariant::fromValue(r.offset);
    }
    return {};
}

QVariant ScanResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case OffsetColumn:
        return tr("Offset");
    case ValueColumn:
        return tr("Value now");
    case PreviousColumn:
        return tr("Previous scan");
    }
    return {};
}
