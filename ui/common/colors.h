#pragma once

// Colours of the browser, derived from the palette so light and dark themes both stay readable.

#include <QColor>
#include <QPalette>

namespace colors {

// accent laid over base with the given opacity.
inline QColor blend(const QColor &base, const QColor &accent, double mix)
{
    return QColor::fromRgbF(float(base.redF() * (1 - mix) + accent.redF() * mix),
                            float(base.greenF() * (1 - mix) + accent.greenF() * mix),
                            float(base.blueF() * (1 - mix) + accent.blueF() * mix));
}

// The background of a row that appeared or changed: a tint of Highlight over Base.
inline QColor changedRow(const QPalette &palette)
{
    return blend(palette.color(QPalette::Base), palette.color(QPalette::Highlight), 0.35);
}

// Text that warns (errors, the root note): red, lightened on dark backgrounds so it contrasts
// with the window colour, and pulled toward the palette's text colour.
inline QColor warningText(const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Window).lightnessF() < 0.5;
    const QColor red = dark ? QColor(255, 120, 110) : QColor(180, 20, 10);
    return blend(red, palette.color(QPalette::WindowText), 0.15);
}

} // namespace colors
