#include "ui/lessons/lessonsteps.h"

#include <QFontDatabase>
#include <QHeaderView>

LessonSteps::LessonSteps(QWidget *parent)
    : QTableWidget(0, ColumnCount, parent)
{
    setHorizontalHeaderLabels({tr("#"), tr("Who"), tr("Call (C)"), tr("Result")});
    verticalHeader()->hide();
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setFocusPolicy(Qt::NoFocus);
    setWordWrap(false);
    horizontalHeader()->setSectionResizeMode(NumberColumn, QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(WhoColumn, QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(CallColumn, QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(ResultColumn, QHeaderView::Stretch);
}

void LessonSteps::setRows(const QList<Row> &rows)
{
    m_rows = rows;
    setRowCount(int(rows.size()));
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (int row = 0; row < rowCount(); ++row) {
        auto *number = new QTableWidgetItem(QString::number(row + 1));
        number->setTextAlignment(Qt::AlignCenter);
        setItem(row, NumberColumn, number);
        setItem(row, WhoColumn, new QTableWidgetItem(rows[row].who));
        auto *call = new QTableWidgetItem(rows[row].call);
        call->setFont(mono);
        setItem(row, CallColumn, call);
        setItem(row, ResultColumn, new QTableWidgetItem);
    }
    clearResults();
}

void LessonSteps::setResult(int row, const QString &who, const QString &result, bool ok)
{
    item(row, WhoColumn)->setText(who);
    QTableWidgetItem *resultItem = item(row, ResultColumn);
    resultItem->setText(result);
    resultItem->setToolTip(result);
    // Done rows in the normal text colour; a failure in the palette's link-visited tone would
    // be arbitrary, so it is bold instead.
    QFont font = resultItem->font();
    font.setBold(!ok);
    resultItem->setFont(font);
    for (int column = 0; column < ColumnCount; ++column)
        item(row, column)->setForeground(palette().brush(QPalette::Text));
    selectRow(row);
}

void LessonSteps::clearResults()
{
    for (int row = 0; row < rowCount(); ++row) {
        item(row, WhoColumn)->setText(m_rows[row].who);
        QTableWidgetItem *resultItem = item(row, ResultColumn);
        resultItem->setText(QString());
        resultItem->setToolTip(QString());
        QFont font = resultItem->font();
        font.setBold(false);
        resultItem->setFont(font);
        for (int column = 0; column < ColumnCount; ++column)
            item(row, column)->setForeground(palette().brush(QPalette::PlaceholderText));
    }
    clearSelection();
}
