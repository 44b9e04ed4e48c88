#pragma once

// The table of a lesson's steps, shared by the fork and race windows: one row a system call,
// with its number, who makes it, the C as the corrected program writes it, and its result once
// played. Rows not played yet are greyed; a failed result is bold.

#include <QTableWidget>

class LessonSteps : public QTableWidget
{
    Q_OBJECT
public:
    enum Column { NumberColumn, WhoColumn, CallColumn, ResultColumn, ColumnCount };

    struct Row
    {
        QString who;  // shown until the step is played
        QString call; // C, not translated
    };

    explicit LessonSteps(QWidget *parent = nullptr);

    // Replaces every row (and the results) with `rows`.
    void setRows(const QList<Row> &rows);
    // The step was played: who made it and what it gave; the row is selected.
    void setResult(int row, const QString &who, const QString &result, bool ok = true);
    // Every row back to not played.
    void clearResults();

private:
    QList<Row> m_rows;
};
