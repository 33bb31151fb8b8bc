/*
 * text_metrics.h - how wide a label is, measured with cairo in the font the
 * SVG names first (DejaVu Sans), so that label placement works on real text
 * extents rather than guesses.
 */
#ifndef NATRISK_TEXT_METRICS_H
#define NATRISK_TEXT_METRICS_H

#include <stdbool.h>

#define DIAGRAM_FONT "DejaVu Sans"
#define DIAGRAM_FONT_CSS "'DejaVu Sans', Verdana, sans-serif"

typedef struct text_metrics text_metrics;

text_metrics *text_metrics_new(void);
void text_metrics_free(text_metrics *tm);
/* Advance width of TEXT at SIZE. */
double text_width(text_metrics *tm, const char *text, double size, bool bold);
/* Font ascent and descent at SIZE. */
void text_extent(text_metrics *tm, double size, double *ascent,
                 double *descent);

#endif
