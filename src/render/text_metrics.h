/*
 * text_metrics.h - how wide a label is, measured with cairo in the font the
 * SVG names first (DejaVu Sans), so that label placement works on real text
 * extents rather than guesses.
 */
#ifndef NATRISK_TEXT_METRICS_H
#define NATRISK_TEXT_METRICS_H

#include <stdbool.h>
#include <stddef.h>

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

/* TEXT broken at spaces into lines no wider than MAX_WIDTH (a word wider
 * than that gets a line of its own): as few lines as filling each line
 * allows, with the breaks that make the widest line narrowest, so that
 * two lines come out about equally long. Writes the lines, separated by
 * '\n', into OUT (strlen(TEXT) + 1 bytes), sets *WIDTH to the widest
 * line's and returns the number of lines; nothing is left out. */
size_t text_wrap(text_metrics *tm, const char *text, double size, bool bold,
                 double max_width, char *out, double *width);
/* The same in at most LINES lines (fewer when TEXT has fewer words),
 * whatever their width. */
size_t text_wrap_lines(text_metrics *tm, const char *text, double size,
                       bool bold, size_t lines, char *out, double *width);

#endif
