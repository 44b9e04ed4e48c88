#pragma once

// Colours of the browser, the memory view and the lessons, derived from the palette so light and
// dark themes both stay readable. One blend serves every tint and every fade.

#include <QColor>
#include <QPalette>

#include <algorithm>

namespace colors {

// accent laid over base with the given opacity (0: base, 1: accent). A fading highlight is
// blend(base, accent, ChangeTracker::glow(offset)).
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

// A byte that another process changed (the hex view): the selection hue turned towards its
// complement, so it differs from the selection in light and dark themes alike.
inline QColor changedByte(const QPalette &palette)
{
    const QColor highlight = palette.color(QPalette::Highlight);
    int h = highlight.hsvHue();
    if (h < 0)
        h = 210;
    return QColor::fromHsv((h + 170) % 360, std::max(170, highlight.hsvSaturation()),
                           std::max(200, highlight.value()));
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
