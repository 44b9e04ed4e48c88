#pragma once

// Snapshots and differences in the memory view. SnapshotTool writes snapshots of the segment or
// the selection and compares the live segment with a snapshot, or two snapshots, in the view's
// worker task (progress, Cancel); the differences are highlighted in the hex view, listed in
// the "Differences" panel (DifferencesPanel, added under the inspector with the first result)
// and reached with Next/Previous Difference.

#include "core/rangediff.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QWidget>

#include <functional>
#include <memory>

class QLabel;
class QPushButton;
class QTableView;
class MemoryTask;
class MemoryView;

// The differing ranges: offset, length, and for short ranges the bytes before and after.
class DifferenceModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { OffsetColumn, LengthColumn, BeforeColumn, AfterColumn, ColumnCount };
    enum Role { OffsetRole = Qt::UserRole + 1, LengthRole };
    // Reads the bytes of one side: (offset, dest, count).
    using Reader = std::function<void(quint64, std::byte *, quint64)>;
    // Ranges this short or shorter show their bytes.
    static constexpr quint64 ShownBytes = 16;

    explicit DifferenceModel(QObject *parent = nullptr);
    void setRanges(std::vector<shm::ByteRange> ranges, Reader before, Reader after);
    const std::vector<shm::ByteRange> &ranges() const { return m_ranges; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QString bytesText(const Reader &reader, const shm::ByteRange &range) const;

    std::vector<shm::ByteRange> m_ranges;
    Reader m_before;
    Reader m_after;
};

// The "Differences" panel: what was compared, the count, the list, Compare again.
class DifferencesPanel : public QWidget
{
    Q_OBJECT
public:
    explicit DifferencesPanel(QWidget *parent = nullptr);
    DifferenceModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QPushButton *compareAgainButton() const { return m_again; }
    QString summary() const;
    void setSummary(const QString &text);
    // Makes the row of the range starting at `offset` current.
    void selectRange(quint64 offset);

signals:
    void rangeActivated(quint64 offset, quint64 length);
    void compareAgainRequested();
    void clearRequested();

private:
    DifferenceModel *m_model;
    QTableView *m_table;
    QLabel *m_summary;
    QPushButton *m_again;
};

class SnapshotTool : public QObject
{
    Q_OBJECT
public:
    explicit SnapshotTool(MemoryView *view);

    // Writes the whole segment (or the selection) to `path` in the view's task; nullptr when
    // another task runs. The outcome is said with MemoryView::message.
    MemoryTask *snapshotTo(const QString &path, bool selectionOnly);
    // Compares the live segment with the snapshot at `path`: the whole segment, or, for a file
    // the size of the selection, the selection. Refused (nullptr, said) when the sizes differ.
    MemoryTask *compareWithFile(const QString &path);
    // Compares two snapshots; the hex view highlights the ranges when they are the segment's
    // size (the view shows the live segment).
    MemoryTask *compareFiles(const QString &before, const QString &after);
    // Runs the last live comparison again (nothing without one).
    MemoryTask *compareAgain();
    void clear();

    // The same, asking for the file(s) first.
    void snapshotDialog(bool selectionOnly);
    void compareWithFileDialog();
    void compareFilesDialog();

    // Selects the next / previous differing range from the cursor; false (and a message) when
    // there is none.
    bool goToNextDifference();
    bool goToPreviousDifference();

    // The last comparison's result (empty before any).
    const shm::DiffResult &result() const { return m_result; }
    DifferencesPanel *panel() const { return m_panel; }

private:
    struct Comparison;
    MemoryTask *startComparison(std::shared_ptr<Comparison> comparison);
    void showResult(const Comparison &comparison);
    void goTo(const shm::ByteRange &range);
    void say(const QString &text) const;
    QString lastDirectory() const;

    MemoryView *m_view;
    QPointer<DifferencesPanel> m_panel;
    shm::DiffResult m_result;
    QString m_livePath; // the snapshot of the last live comparison
    QString m_directory;
};
