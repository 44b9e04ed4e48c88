#pragma once

// The messages of one queue as a peek (MSG_COPY) found them: index, type, size, and the first
// bytes as the hex view's text column shows them and in hex. A new peek is merged by index
// (MergingTableModel): rows that differ change in place, the selection stays; never a reset.

#include "core/queues.h"

#include "ui/browser/columntablemodel.h"

#include <QByteArray>
#include <QFont>

#include <vector>

class QueueMessagesModel : public ColumnTableModel
{
    Q_OBJECT
public:
    enum Column { IndexColumn, TypeColumn, SizeColumn, TextColumn, HexColumn, ColumnCount };
    Q_ENUM(Column)

    enum Role {
        SortRole = Qt::UserRole + 1, // raw number
        BytesRole,                   // QByteArray: all the message's bytes
    };
    Q_ENUM(Role)

    // How many bytes the hex and text columns show before "…".
    static constexpr int PreviewBytes = 16;

    explicit QueueMessagesModel(QObject *parent = nullptr);

    // The messages of a peek, in queue order (an empty list empties the table).
    MergeStats setMessages(const std::vector<shm::Message> &messages);
    // Precondition: 0 <= row < rowCount().
    const shm::Message &messageAt(int row) const { return m_rows[size_t(row)].item; }

    // "68 65 6c 6c 6f" and "hello" for the first `limit` bytes, "…" after them when there are
    // more (limit < 0: all of them).
    static QString hexText(const QByteArray &bytes, int limit = -1);
    static QString printableText(const QByteArray &bytes, int limit = -1);
    // The monospace font of the hex and text columns.
    static QFont previewFont();

protected:
    int rowTotal() const override { return int(m_rows.size()); }
    QVariant cellData(int row, int column, int role) const override;

private:
    static std::span<const ColumnSpec> columnSpecs();

    std::vector<Numbered<shm::Message>> m_rows;
};
