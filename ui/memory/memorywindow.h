#pragma once

// A top-level window showing one attached segment's memory: a MemoryView with menus and a
// status bar. Several can be open at once, one per segment (or several on the same segment).

#include "core/attachment.h"
#include "core/result.h"

#include <QMainWindow>

class MemoryView;
class QMenu;

class MemoryWindow : public QMainWindow
{
    Q_OBJECT
public:
    // Attaches shmid (read-only or read-write) and returns a new window (WA_DeleteOnClose), or
    // the attach's error: its kind tells a vanished segment (Gone) from a refusal
    // (PermissionDenied). When shown, keyboard focus is in the hex column at offset 0.
    static shm::Result<MemoryWindow *> open(int shmid, shm::Access access,
                                            QWidget *parent = nullptr);

    MemoryView *memoryView() const { return m_view; }

    // The tracker budgets the Live menu offers (shares of one core), and the one chosen last
    // (QSettings "memory/trackerBudget"; the watcher's default, 5%, until one is chosen).
    static constexpr double TrackerBudgets[] = {0.01, 0.02, 0.05, 0.10, 0.25};
    static double trackerBudget();

protected:
    void showEvent(QShowEvent *event) override;

private:
    explicit MemoryWindow(shm::Attachment attachment, QWidget *parent);
    void updateTitle();
    void addTrackerBudgetMenu(QMenu *live);

    MemoryView *m_view;
    bool m_shownOnce = false;
};
