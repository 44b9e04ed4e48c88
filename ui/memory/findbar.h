#pragma once

// Find in the memory view (Ctrl+F): hex bytes, text, or an integer/float value of a chosen width
// and byte order; next/previous with wrap-around; matches highlighted in the view. The search
// runs over the attached memory with memmem (memory speed, no per-byte virtual calls).

#include "core/result.h"
#include "ui/memory/valuecodec.h"

#include <QByteArray>
#include <QWidget>

#include <optional>

class HexView;
class QComboBox;
class QLabel;
class QLineEdit;

class FindBar : public QWidget
{
    Q_OBJECT
public:
    enum class Kind { HexBytes, Text, Integer, Float };

    explicit FindBar(QWidget *parent = nullptr);

    void setHexView(HexView *view);
    // The bytes to look for. Integer: signed or unsigned value of `width` bytes (1, 2, 4, 8);
    // Float: width 4 or 8.
    static shm::Result<QByteArray> needle(Kind kind, const QString &text, int width,
                                          valuecodec::Endian endian);

    void setQuery(Kind kind, const QString &text, int width = 4,
                  valuecodec::Endian endian = valuecodec::Endian::Little);
    // Selects the next/previous match from the cursor, wrapping around, with the cursor on the
    // match's first byte and its row away from the view's edges; false when none (the status
    // label says why).
    bool findNext();
    bool findPrevious();
    QString statusText() const;

    void activate(); // show and focus the text field

signals:
    void message(const QString &text);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    bool find(bool forward);
    void updateWidthChoices();
    void setStatus(const QString &text);

    HexView *m_view = nullptr;
    QComboBox *m_kind;
    QComboBox *m_width;
    QComboBox *m_endian;
    QLineEdit *m_text;
    QLabel *m_status;
};
