#include "ui/memory/snapshotpanel.h"

#include "ui/common/errortext.h"
#include "ui/common/plural.h"
#include "ui/memory/bytesource.h"
#include "ui/memory/hexview.h"
#include "ui/memory/memorytask.h"
#include "ui/memory/memoryview.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace {

QString sizeText(quint64 bytes)
{
    return QLocale().formattedDataSize(qint64(std::min<quint64>(bytes, quint64(INT64_MAX))));
}

// Long work's progress and cancel, for the core's calls.
shm::WorkProgress progressOf(TaskProgress &progress)
{
    return [&progress](std::uint64_t done) {
        progress.setDone(done);
        return !progress.isCancelled();
    };
}

} // namespace

// --- DifferenceModel ---------------------------------------------------------------------------

DifferenceModel::DifferenceModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void DifferenceModel::setRanges(std::vector<shm::ByteRange> ranges, Reader before, Reader after)
{
    beginResetModel();
    m_ranges = std::move(ranges);
    m_before = std::move(before);
    m_after = std::move(after);
    endResetModel();
}

int DifferenceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(std::min<std::size_t>(m_ranges.size(), INT_MAX));
}

int DifferenceModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString DifferenceModel::bytesText(const Reader &reader, const shm::ByteRange &range) const
{
    if (!reader || range.length > ShownBytes)
        return QStringLiteral("…");
    std::byte bytes[ShownBytes];
    reader(range.offset, bytes, range.length);
    return QByteArray(reinterpret_cast<const char *>(bytes), qsizetype(range.length)).toHex(' ');
}

QVariant DifferenceModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || std::size_t(index.row()) >= m_ranges.size())
        return {};
    const shm::ByteRange &range = m_ranges[std::size_t(index.row())];
    if (role == OffsetRole)
        return QVariant::fromValue(quint64(range.offset));
    if (role == LengthRole)
        return QVariant::fromValue(quint64(range.length));
    if (role == Qt::TextAlignmentRole && index.column() == LengthColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case OffsetColumn:
        return QStringLiteral("0x%1").arg(range.offset, 8, 16, QLatin1Char('0'));
    case LengthColumn:
        return QLocale().toString(range.length);
    case BeforeColumn:
        return bytesText(m_before, range);
    case AfterColumn:
        return bytesText(m_after, range);
    default:
        return {};
    }
}

QVariant DifferenceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case OffsetColumn:
        return tr("Offset");
    case LengthColumn:
        return tr("Length");
    case BeforeColumn:
        return tr("Before");
    case AfterColumn:
        return tr("After");
    default:
        return {};
    }
}

// --- DifferencesPanel --------------------------------------------------------------------------

DifferencesPanel::DifferencesPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new DifferenceModel(this))
    , m_table(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_again(new QPushButton(tr("Compare &again"), this))
{
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_table->setObjectName(QStringLiteral("differences"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 4);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_again->setToolTip(tr("Compare the live segment with the same snapshot again"));
    auto *clear = new QPushButton(tr("&Clear"), this);
    clear->setToolTip(tr("Forget the differences and their highlight"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_again);
    buttons->addWidget(clear);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);

    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        emit rangeActivated(index.data(DifferenceModel::OffsetRole).toULongLong(),
                            index.data(DifferenceModel::LengthRole).toULongLong());
    });
    connect(m_again, &QPushButton::clicked, this, &DifferencesPanel::compareAgainRequested);
    connect(clear, &QPushButton::clicked, this, &DifferencesPanel::clearRequested);
}

QString DifferencesPanel::summary() const
{
    return m_summary->text();
}

void DifferencesPanel::setSummary(const QString &text)
{
    m_summary->setText(text);
}

void DifferencesPanel::selectRange(quint64 offset)
{
    const auto &ranges = m_model->ranges();
    const auto at = std::lower_bound(
        ranges.begin(), ranges.end(), offset,
        [](const shm::ByteRange &range, quint64 value) { return range.offset < value; });
    if (at == ranges.end() || at->offset != offset || at - ranges.begin() >= INT_MAX)
        return;
    const QModelIndex index = m_model->index(int(at - ranges.begin()), 0);
    m_table->setCurrentIndex(index);
    m_table->scrollTo(index);
}

// --- SnapshotTool ------------------------------------------------------------------------------

struct SnapshotTool::Comparison
{
    std::shared_ptr<shm::DiffSource> before; // the snapshot (or the first one)
    std::shared_ptr<shm::DiffSource> after; // live memory, or the second snapshot
    QString beforeName;
    QString afterName;
    QString livePath; // the snapshot's path for a live comparison, else empty
    quint64 base = 0; // where the compared bytes start in the segment
    bool highlight = true; // the ranges are the segment's offsets: shown in the hex view
    shm::Result<shm::DiffResult> outcome = shm::DiffResult {};
};

SnapshotTool::SnapshotTool(MemoryView *view)
    : QObject(view)
    , m_view(view)
{
}

void SnapshotTool::say(const QString &text) const
{
    emit m_view->message(text);
}

QString SnapshotTool::lastDirectory() const
{
    return m_directory.isEmpty() ? QDir::homePath() : m_directory;
}

MemoryTask *SnapshotTool::snapshotTo(const QString &path, bool selectionOnly)
{
    HexView *hex = m_view->hexView();
    quint64 offset = 0;
    quint64 length = hex->source()->size();
    if (selectionOnly) {
        if (!hex->hasSelection()) {
            say(tr("Select the bytes to take a snapshot of first."));
            return nullptr;
        }
        offset = hex->selectionStart();
        length = hex->selectionLength();
    }
    const shm::MemoryAccess memory = hex->source()->memoryAccess();
    const std::string file = QFile::encodeName(path).toStdString();
    auto outcome = std::make_shared<shm::Result<shm::SnapshotReport>>(shm::SnapshotReport {});
    return m_view->runTask(
        tr("Writing snapshot"),
        [memory, offset, length, file, outcome](TaskProgress &progress) {
            progress.setTotal(length);
            *outcome = shm::writeSnapshot(memory, offset, length, file, progressOf(progress));
        },
        [this, path, outcome, hugeTlb = memory.isHugeTlb()](bool) {
            if (!*outcome) {
                say(tr("Cannot write the snapshot: %1").arg(errortext::describe(outcome->error())));
                return;
            }
            const shm::SnapshotReport &report = outcome->value();
            if (report.cancelled) {
                say(tr("Snapshot cancelled: %1 is as it was.").arg(path));
                return;
            }
            QString text = tr("Snapshot written to %1: %2, of which %3 were never touched (holes in "
                              "the file, not read).")
                               .arg(path, sizeText(report.length), sizeText(report.holeBytes));
            if (report.unreadable > 0)
                text += QLatin1Char(' ')
                    + tr("%1 could not be read and are zeros in the file: %2")
                          .arg(sizeText(report.unreadable),
                               errortext::translated(shm::faultText(*report.firstFault, hugeTlb)));
            say(text);
        });
}

MemoryTask *SnapshotTool::compareWithFile(const QString &path)
{
    auto file = shm::DiffSource::openFile(QFile::encodeName(path).toStdString());
    if (!file) {
        say(tr("Cannot compare: %1").arg(errortext::describe(file.error())));
        return nullptr;
    }
    HexView *hex = m_view->hexView();
    const shm::MemoryAccess memory = hex->source()->memoryAccess();
    auto comparison = std::make_shared<Comparison>();
    // A snapshot of the selection is compared with the selection.
    if (file->size() != memory.size() && hex->hasSelection()
        && file->size() == hex->selectionLength())
        comparison->base = hex->selectionStart();
    else if (file->size() != memory.size()) {
        say(tr("Cannot compare: %1 holds %2 bytes and the segment %3 (nor is it the size of "
               "the selection).")
                .arg(path, QLocale().toString(file->size()), QLocale().toString(memory.size())));
        return nullptr;
    }
    comparison->before = std::make_shared<shm::DiffSource>(std::move(file.value()));
    comparison->after = std::make_shared<shm::DiffSource>(
        shm::DiffSource::fromMemory(memory, comparison->base, comparison->before->size()));
    comparison->beforeName = QFileInfo(path).fileName();
    comparison->afterName = tr("the live segment");
    comparison->livePath = path;
    return startComparison(std::move(comparison));
}

MemoryTask *SnapshotTool::compareFiles(const QString &before, const QString &after)
{
    auto comparison = std::make_shared<Comparison>();
    for (const auto &[path, side] :
         {std::pair {&before, &comparison->before}, std::pair {&after, &comparison->after}}) {
        auto file = shm::DiffSource::openFile(QFile::encodeName(*path).toStdString());
        if (!file) {
            say(tr("Cannot compare: %1").arg(errortext::describe(file.error())));
            return nullptr;
        }
        *side = std::make_shared<shm::DiffSource>(std::move(file.value()));
    }
    comparison->beforeName = QFileInfo(before).fileName();
    comparison->afterName = QFileInfo(after).fileName();
    comparison->highlight = comparison->before->size() == m_view->hexView()->source()->size();
    return startComparison(std::move(comparison));
}

MemoryTask *SnapshotTool::compareAgain()
{
    if (m_livePath.isEmpty()) {
        say(tr("There is no comparison with the live segment to run again."));
        return nullptr;
    }
    return compareWithFile(m_livePath);
}

MemoryTask *SnapshotTool::startComparison(std::shared_ptr<Comparison> comparison)
{
    return m_view->runTask(
        tr("Comparing"),
        [comparison](TaskProgress &progress) {
            progress.setTotal(comparison->before->size());
            comparison->outcome = shm::compareSources(*comparison->before, *comparison->after,
                                                      progressOf(progress));
        },
        [this, comparison](bool) {
            if (!comparison->outcome) {
                say(tr("Cannot compare: %1").arg(errortext::describe(comparison->outcome.error())));
                return;
            }
            if (comparison->outcome->cancelled) {
                say(tr("Comparison cancelled: the differences shown are those of before."));
                return;
            }
            showResult(*comparison);
        });
}

void SnapshotTool::showResult(const Comparison &comparison)
{
    m_result = comparison.outcome.value();
    m_livePath = comparison.livePath;
    std::vector<shm::ByteRange> ranges = m_result.ranges;
    for (shm::ByteRange &range : ranges)
        range.offset += comparison.base;
    m_view->hexView()->setDifferences(comparison.highlight ? ranges
                                                           : std::vector<shm::ByteRange> {});

    if (!m_panel) {
        m_panel = new DifferencesPanel;
        m_view->addPanel(m_panel, tr("Differences"));
        connect(m_panel, &DifferencesPanel::rangeActivated, this,
                [this](quint64 offset, quint64 length) {
                    m_view->hexView()->selectMatch(offset, length);
                    m_view->hexView()->setFocus(Qt::OtherFocusReason);
                });
        connect(m_panel, &DifferencesPanel::compareAgainRequested, this,
                [this] { compareAgain(); });
        connect(m_panel, &DifferencesPanel::clearRequested, this, [this] { clear(); });
    }
    // Both sides' bytes, in segment offsets: the snapshot from its file, the live side from the
    // view's source (current, whatever re-attaching happened since).
    const auto fileReader = [base = comparison.base](std::shared_ptr<shm::DiffSource> source) {
        return [source, base](quint64 offset, std::byte *dest, quint64 count) {
            source->read(offset - base, dest, count);
        };
    };
    DifferenceModel::Reader after = fileReader(comparison.after);
    if (!comparison.livePath.isEmpty()) {
        QPointer<HexView> hex = m_view->hexView();
        after = [hex](quint64 offset, std::byte *dest, quint64 count) {
            std::fill(dest, dest + count, std::byte {0});
            if (hex && hex->source())
                hex->source()->read(offset, dest, count);
        };
    }
    m_panel->model()->setRanges(std::move(ranges), fileReader(comparison.before), after);
    m_panel->compareAgainButton()->setEnabled(!m_livePath.isEmpty());

    QString text;
    const QString names = tr("%1 against %2").arg(comparison.beforeName, comparison.afterName);
    if (m_result.changedBytes == 0) {
        text = tr("%1: no difference in %2.").arg(names, sizeText(m_result.size));
    } else {
        text = tr("%1: %2 in %3 differ.")
                   .arg(names, tr("%n byte(s)", nullptr, plural::count(m_result.changedBytes)),
                        tr("%n range(s)", nullptr, plural::count(m_result.ranges.size())));
        if (m_result.rangesCut)
            text += QLatin1Char(' ')
                + tr("Only the first %L1 ranges are listed; the count of bytes is whole.")
                      .arg(m_result.ranges.size());
    }
    if (m_result.unreadable > 0)
        text += QLatin1Char(' ')
            + tr("%1 of memory could not be read and were taken as zeros.")
                  .arg(sizeText(m_result.unreadable));
    if (!comparison.highlight)
        text += QLatin1Char(' ')
            + tr("The snapshots are not the size of this segment: the hex "
                 "view does not highlight them.");
    else if (m_result.changedBytes > 0)
        text += QLatin1Char(' ') + tr("F7 / Shift+F7: next / previous difference.");
    m_panel->setSummary(text);
    m_view->showPanel(m_panel);
    say(text);
}

void SnapshotTool::clear()
{
    m_result = {};
    m_livePath.clear();
    m_view->hexView()->setDifferences({});
    if (m_panel) {
        m_panel->model()->setRanges({}, {}, {});
        m_panel->setSummary(QString());
        m_panel->compareAgainButton()->setEnabled(false);
    }
}

void SnapshotTool::goTo(const shm::ByteRange &range)
{
    m_view->hexView()->selectMatch(range.offset, range.length);
    if (m_panel)
        m_panel->selectRange(range.offset);
}

bool SnapshotTool::goToNextDifference()
{
    const auto &ranges = m_view->hexView()->differences();
    const quint64 cursor = m_view->hexView()->cursorOffset();
    const auto next = std::upper_bound(
        ranges.begin(), ranges.end(), cursor,
        [](quint64 value, const shm::ByteRange &range) { return value < range.offset; });
    if (next == ranges.end()) {
        say(ranges.empty() ? tr("No differences are shown: compare with a snapshot first.")
                           : tr("No difference after the cursor."));
        return false;
    }
    goTo(*next);
    return true;
}

bool SnapshotTool::goToPreviousDifference()
{
    const auto &ranges = m_view->hexView()->differences();
    const quint64 cursor = m_view->hexView()->cursorOffset();
    const auto at = std::lower_bound(
        ranges.begin(), ranges.end(), cursor,
        [](const shm::ByteRange &range, quint64 value) { return range.offset < value; });
    if (at == ranges.begin()) {
        say(ranges.empty() ? tr("No differences are shown: compare with a snapshot first.")
                           : tr("No difference before the cursor."));
        return false;
    }
    goTo(*std::prev(at));
    return true;
}

void SnapshotTool::snapshotDialog(bool selectionOnly)
{
    if (selectionOnly && !m_view->hexView()->hasSelection()) {
        say(tr("Select the bytes to take a snapshot of first."));
        return;
    }
    const QString name = m_view->fileNameBase()
                         + (selectionOnly ? QStringLiteral("-selection") : QString())
                         + QStringLiteral(".snap");
    const QString path = QFileDialog::getSaveFileName(
        m_view,
        selectionOnly ? tr("Snapshot Selection")
                      : (m_view->isFile() ? tr("Snapshot Object") : tr("Snapshot Segment")),
        QDir(lastDirectory()).filePath(name), tr("Snapshots (*.snap);;All files (*)"));
    if (path.isEmpty())
        return;
    m_directory = QFileInfo(path).absolutePath();
    snapshotTo(path, selectionOnly);
}

void SnapshotTool::compareWithFileDialog()
{
    const QString path
        = QFileDialog::getOpenFileName(m_view, tr("Compare with Snapshot"), lastDirectory(),
                                       tr("Snapshots (*.snap);;All files (*)"));
    if (path.isEmpty())
        return;
    m_directory = QFileInfo(path).absolutePath();
    compareWithFile(path);
}

void SnapshotTool::compareFilesDialog()
{
    const QString filter = tr("Snapshots (*.snap);;All files (*)");
    const QString before = QFileDialog::getOpenFileName(
        m_view, tr("Compare Two Snapshots: the first (before)"), lastDirectory(), filter);
    if (before.isEmpty())
        return;
    m_directory = QFileInfo(before).absolutePath();
    const QString after = QFileDialog::getOpenFileName(
        m_view, tr("Compare Two Snapshots: the second (after)"), lastDirectory(), filter);
    if (after.isEmpty())
        return;
    compareFiles(before, after);
}
