/* units.h - page units. Templates give lengths in millimetres (box_mm,
 * width_mm, the themes' bands); layout, drawlists and the PDF work in points
 * (1 pt = 1/72 inch). This is the one conversion between the two. */
#ifndef AIREPORT_UNITS_H
#define AIREPORT_UNITS_H

/* Points per millimetre: 72 pt per inch, 25.4 mm per inch. */
#define PT_PER_MM (72.0 / 25.4)

static inline double mm_to_pt(double mm)
{
    return mm * PT_PER_MM;
}
static inline double pt_to_mm(double pt)
{
    return pt / PT_PER_MM;
}

#endif
