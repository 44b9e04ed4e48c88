#include "ui/memory/scanpanel.h"

#include "ui/common/errortext.h"
#include "ui/common/plural.h"
#include "ui/memory/bytesource.h"
#include "ui/memory/hexview.h"
#include "ui/memory/memoryview.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTimerEvent>
#include <QVBoxLayout>

namespace {
// Live refresh of the rows on screen: four times a second.
constexpr int RefreshMs = 250;
} // namespace

ScanPanel::ScanPanel(MemoryView *view, QWidget *parent)
    : QWidget(parent)
    , m_view(view)
    , m_model(new ScanResultsModel(this))
{
    m_model->setSource(view->hexView()->source());

    m_type = new QComboBox(this);
    m_type->setObjectName(QStringLiteral("scanType"));
    for (int t = 0; t < int(shm::ScanType::ScanTypeCount); ++t) {
        const auto type = shm::ScanType(t);
        QString name = QString::fromLatin1(shm::scanTypeName(type));
        if (type == shm::ScanType::Float32)
            name = tr("%1 (float)").arg(name);
        else if (type == shm::ScanType::Float64)
            name = tr("%1 (double)").arg(name);
        m_type->addItem(name, t);
    }
    m_type->setCurrentIndex(m_type->findData(int(shm::ScanType::Int32)));
    m_order = new QComboBox(this);
    m_order->setObjectName(QStringLiteral("scanOrder"));
    m_order->addItem(tr("Little endian"), int(shm::ScanOrder::Little));
    m_order->addItem(tr("Big endian"), int(shm::ScanOrder::Big));
    m_alignment = new QComboBox(this);
    m_alignment->setObjectName(QStringLiteral("scanAlignment"));
    m_alignment->setToolTip(tr("Offsets the scan looks at: multiples of the type's size (as "
                               "compilers place values), or every offset"));
    m_alignment->addItem(tr("Aligned to its size"), 0);
    m_alignment->addItem(tr("Every offset"), 1);
    for (int a : {2, 4, 8})
        m_alignment->addItem(tr("Every %n bytes", nullptr, a), a);

    m_value = new QLineEdit(this);
    m_value->setObjectName(QStringLiteral("scanValue"));
    m_value->setPlaceholderText(tr("Value, e.g. 100, -5, 0x64 or 1.5"));
    m_value->setClearButtonEnabled(true);
    m_first = new QPushButton(tr("First Scan"), this);
    m_first->setObjectName(QStringLiteral("firstScan"));
    m_first->setToolTip(tr("Every offset of the segment where the value equals this one"));
    m_narrow = new QComboBox(this);
    m_narrow->setObjectName(QStringLiteral("scanNarrow"));
    m_narrow->addItem(tr("Changed"), int(shm::ScanNarrow::Changed));
    m_narrow->addItem(tr("Unchanged"), int(shm::ScanNarrow::Unchanged));
    m_narrow->addItem(tr("Increased"), int(shm::ScanNarrow::Increased));
    m_narrow->addItem(tr("Decreased"), int(shm::ScanNarrow::Decreased));
    m_narrow->addItem(tr("Equals the value"), int(shm::ScanNarrow::Equals));
    m_narrow->setCurrentIndex(m_narrow->findData(int(shm::ScanNarrow::Equals)));
    m_narrow->setToolTip(tr("Keep the candidates whose value, compared with the previous scan, "
                            "has changed, stayed, grown, shrunk, or equals the value typed"));
    m_next = new QPushButton(tr("Next Scan"), this);
    m_next->setObjectName(QStringLiteral("nextScan"));
    m_reset = new QPushButton(tr("Reset"), this);
    m_reset->setObjectName(QStringLiteral("resetScan"));
    m_reset->setToolTip(tr("Forget the candidates, to scan for another value or type"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("scanStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("scanResults"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->setToolTip(tr("Double-click (or Enter) to select the value in the hex view"));

    auto *grid = new QGridLayout;
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_type, 0, 0);
    grid->addWidget(m_order, 0, 1);
    grid->addWidget(m_alignment, 0, 2);
    grid->addWidget(m_value, 1, 0, 1, 2);
    grid->addWidget(m_first, 1, 2);
    grid->addWidget(m_narrow, 2, 0);
    grid->addWidget(m_next, 2, 1);
    grid->addWidget(m_reset, 2, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(grid);
    layout->addWidget(m_status);
    layout->addWidget(m_table, 1);

    connect(m_first, &QPushButton::clicked, this, &ScanPanel::startFirstScan);
    connect(m_next, &QPushButton::clicked, this, &ScanPanel::startNextScan);
    connect(m_reset, &QPushButton::clicked, this, &ScanPanel::reset);
    connect(m_value, &QLineEdit::returnPressed, this, [this] {
        if (m_scan)
            startNextScan();
        else
            startFirstScan();
    });
    connect(m_narrow, &QComboBox::currentIndexChanged, this, &ScanPanel::updateControls);
    connect(m_table, &QTableView::activated, this, &ScanPanel::goToRow);
    connect(m_table, &QTableView::doubleClicked, this, &ScanPanel::goToRow);
    updateControls();
    m_status->setText(tr("Type the value you see, then First Scan."));
}

void ScanPanel::activate()
{
    m_value->setFocus(Qt::ShortcutFocusReason);
    m_value->selectAll();
}

QString ScanPanel::statusText() const
{
    return m_status->text();
}

shm::ScanFormat ScanPanel::chosenFormat() const
{
    return {shm::ScanType(m_type->currentData().toInt()),
            shm::ScanOrder(m_order->currentData().toInt()),
            unsigned(m_alignment->currentData().toInt())};
}

void ScanPanel::startFirstScan()
{
    startScan(true);
}

void ScanPanel::startNextScan()
{
    startScan(false);
}

void ScanPanel::startScan(bool first)
{
    if (m_running || (!first && !m_scan))
        return;
    const shm::ScanFormat format = first ? chosenFormat() : m_scan->format();
    const auto how = shm::ScanNarrow(m_narrow->currentData().toInt());
    shm::ScanBits value = 0;
    if (first || how == shm::ScanNarrow::Equals) {
        const auto parsed = shm::parseScanValue(format.type, m_value->text().toStdString());
        if (!parsed) {
            m_status->setText(errortext::message(parsed.error()));
            return;
        }
        value = *parsed;
    }
    // The worker reads through its own copy of the access and holds the candidates it narrows:
    // the panel keeps showing them until the result comes back.
    const shm::MemoryAccess access = m_view->hexView()->source()->memoryAccess();
    const std::shared_ptr<const shm::ValueScan> previous = m_scan;
    auto result = std::make_shared<std::optional<shm::Result<shm::ValueScan::Outcome>>>();
    const auto work = [=](TaskProgress &progress) {
        const auto tick = [&progress](std::uint64_t done, std::uint64_t total) {
            progress.setTotal(total);
            progress.setDone(done);
            return !progress.isCancelled();
        };
        if (first)
            result->emplace(shm::ValueScan::first(access, format, value, tick));
        else
            result->emplace(previous->narrow(access, how, value, tick));
    };
    const int generation = m_generation;
    const auto done = [this, result, generation](bool cancelled) {
        m_running = false;
        if (generation == m_generation && result->has_value())
            finishScan(**result, cancelled);
        updateControls();
    };
    if (!m_view->runTask(first ? tr("First scan") : tr("Next scan"), work, done)) {
        m_status->setText(tr("Another task is running over the memory: wait for it or cancel "
                             "it (Esc), then scan."));
        return;
    }
    m_running = true;
    m_status->setText(first ? tr("Scanning…") : tr("Narrowing…"));
    updateControls();
}

void ScanPanel::finishScan(const shm::Result<shm::ValueScan::Outcome> &result, bool cancelled)
{
    if (!result) {
        m_status->setText(errortext::message(result.error()));
        return;
    }
    if (cancelled || result->report.cancelled) {
        m_status->setText(tr("Scan cancelled: the candidates are as before."));
        return;
    }
    m_scan = std::make_shared<const shm::ValueScan>(result->scan);
    m_model->setScan(m_scan);
    showCount();
    if (result->report.unreadableBytes > 0)
        m_status->setText(m_status->text() + QLatin1Char(' ')
                          + tr("%L1 bytes could not be read (the page faulted) and were left "
                               "out.",
                               nullptr, plural::count(result->report.unreadableBytes))
                                .arg(result->report.unreadableBytes));
    refreshVisibleRows();
}

void ScanPanel::showCount()
{
    const quint64 count = m_model->candidateCount();
    QString text = tr("%L1 matches", nullptr, plural::count(count)).arg(count);
    if (count > quint64(ScanResultsModel::MaxRows))
        text += QLatin1Char(' ')
                + tr("(showing the first %L1; narrow to see the others)")
                      .arg(ScanResultsModel::MaxRows);
    m_status->setText(text);
}

void ScanPanel::reset()
{
    ++m_generation;
    m_scan.reset();
    m_model->setScan(nullptr);
    m_status->setText(tr("Type the value you see, then First Scan."));
    updateControls();
}

void ScanPanel::updateControls()
{
    const bool started = m_scan != nullptr;
    // The type, order and alignment belong to the candidates: fixed until Reset.
    for (QWidget *w : {static_cast<QWidget *>(m_type), static_cast<QWidget *>(m_order),
                       static_cast<QWidget *>(m_alignment)})
        w->setEnabled(!started && !m_running);
    // The buttons stay enabled while a scan runs (a click then does nothing): disabling the
    // one that has the focus would pass the focus on, and the next key press to Reset.
    m_next->setEnabled(started);
    m_narrow->setEnabled(started);
    const bool needsValue = !started
        || shm::ScanNarrow(m_narrow->currentData().toInt()) == shm::ScanNarrow::Equals;
    m_value->setEnabled(needsValue);
}

void ScanPanel::refreshVisibleRows()
{
    const int rows = m_model->rowCount();
    if (rows == 0)
        return;
    int top = m_table->rowAt(0);
    int bottom = m_table->rowAt(m_table->viewport()->height() - 1);
    if (top < 0)
        top = 0;
    if (bottom < 0)
        bottom = rows - 1;
    m_model->refreshRows(top, bottom);
}

void ScanPanel::goToRow(const QModelIndex &index)
{
    if (!index.isValid() || !m_scan)
        return;
    m_view->hexView()->selectMatch(m_model->offsetAt(index.row()), m_scan->format().width());
    m_view->hexView()->setFocus(Qt::OtherFocusReason);
}

void ScanPanel::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_refreshTimer) {
        QWidget::timerEvent(event);
        return;
    }
    // As the hex view does: paused live refresh pauses the values here too.
    if (!m_view->isLivePaused())
        refreshVisibleRows();
}

void ScanPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_refreshTimer)
        m_refreshTimer = startTimer(RefreshMs);
}

void ScanPanel::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    if (m_refreshTimer)
        killTimer(m_refreshTimer);
    m_refreshTimer = 0;
}
