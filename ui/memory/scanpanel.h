#pragma once

// The Scan panel of the memory view (Ctrl+Shift+V): find where a value lives, as scanmem and
// Cheat Engine do, with no ptrace. Choose a type, a byte order and an alignment, type a value,
// First Scan; then narrow as the value changes (changed, unchanged, increased, decreased,
// equals a value) with Next Scan. Each scan runs in the view's worker (MemoryView::runTask:
// progress, Esc cancels). The results show offset, value now (live) and value at the previous
// scan; a double-click selects the value in the hex view.

#include "core/valuescan.h"
#include "ui/memory/scanresultsmodel.h"

#include <QWidget>

#include <memory>

class MemoryView;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

class ScanPanel : public QWidget
{
    Q_OBJECT
public:
    // Scans `view`'s segment; the view hosts the panel (MemoryView::addPanel).
    explicit ScanPanel(MemoryView *view, QWidget *parent = nullptr);

    // Focuses the value field.
    void activate();
    // What First Scan, Next Scan and Reset do. A scan that cannot start (a value out of range,
    // another task running) says why in the status line.
    void startFirstScan();
    void startNextScan();
    void reset();

    ScanResultsModel *model() const { return m_model; }
    QString statusText() const;

protected:
    void timerEvent(QTimerEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void startScan(bool first);
    void finishScan(const shm::Result<shm::ValueScan::Outcome> &result, bool cancelled);
    void updateControls();
    void showCount();
    void refreshVisibleRows();
    void goToRow(const QModelIndex &index);
    shm::ScanFormat chosenFormat() const;

    MemoryView *m_view;
    ScanResultsModel *m_model;
    std::shared_ptr<const shm::ValueScan> m_scan;
    QComboBox *m_type;
    QComboBox *m_order;
    QComboBox *m_alignment;
    QLineEdit *m_value;
    QPushButton *m_first;
    QComboBox *m_narrow;
    QPushButton *m_next;
    QPushButton *m_reset;
    QLabel *m_status;
    QTableView *m_table;
    bool m_running = false;
    int m_generation = 0; // a result from before a Reset is dropped
    int m_refreshTimer = 0;
};
