/*
 * text_wrap.c - breaking a diagram's text into lines (text_metrics.h):
 * long titles wrap instead of being cut, so every word a reader wrote
 * stays in the picture. Lines are balanced: the narrowest widest line for
 * the fewest lines, found by bisection on the width a greedy fill may use.
 */
#include "text_metrics.h"

#include <math.h>
#include <string.h>

/* Titles are at most 200 characters, so at most 100 words; past this,
 * the rest of a text is one unbreakable word. */
enum { MAX_WORDS = 256 };

typedef struct words {
	const char *start[MAX_WORDS];
	size_t length[MAX_WORDS];
	double width[MAX_WORDS];
	size_t count;
	double space;  /* the width of a space */
	double widest; /* the widest word */
} words;

static void split_words(text_metrics *tm, const char *text, double size,
                        bool bold, words *w)
{
	char word[1024];
	w->count = 0;
	w->widest = 0;
	w->space = text_width(tm, " ", size, bold);
	for (const char *p = text; *p;) {
		p += strspn(p, " ");
		if (!*p)
			break;
		size_t n = w->count + 1 < MAX_WORDS ? strcspn(p, " ") : strlen(p);
		w->start[w->count] = p;
		w->length[w->count] = n;
		size_t copy = n < sizeof word ? n : sizeof word - 1;
		memcpy(word, p, copy);
		word[copy] = '\0';
		w->width[w->count] = text_width(tm, word, size, bold);
		if (w->width[w->count] > w->widest)
			w->widest = w->width[w->count];
		w->count++;
		p += n;
	}
}

/* Greedy fill at LIMIT: the number of lines; BREAKS[k] is set when a
 * line starts at word k (when BREAKS is not NULL). */
static size_t fill(const words *w, double limit, bool *breaks,
                   double *widest)
{
	size_t lines = 0;
	double line = 0;
	*widest = 0;
	for (size_t k = 0; k < w->count; k++) {
		bool start = k == 0 || line + w->space + w->width[k] > limit;
		if (start) {
			lines++;
			line = w->width[k];
		} else {
			line += w->space + w->width[k];
		}
		if (breaks)
			breaks[k] = start;
		if (line > *widest)
			*widest = line;
	}
	return lines;
}

/* The breaks for at most LINES lines (at least as many as WIDEST allows)
 * that make the widest line narrowest, written into OUT. */
static size_t balance(const words *w, size_t lines, char *out,
                      double *width)
{
	double widest, low = w->widest, high = low;
	for (size_t k = 0; k < w->count; k++)
		high += w->width[k] + w->space;
	/* the narrowest limit that needs no more lines */
	for (int i = 0; i < 24 && high - low > 0.05; i++) {
		double mid = (low + high) / 2;
		if (fill(w, mid, NULL, &widest) <= lines)
			high = mid;
		else
			low = mid;
	}
	bool breaks[MAX_WORDS];
	size_t made = fill(w, high, breaks, width);
	char *o = out;
	for (size_t k = 0; k < w->count; k++) {
		if (k > 0)
			*o++ = breaks[k] ? '\n' : ' ';
		memcpy(o, w->start[k], w->length[k]);
		o += w->length[k];
	}
	*o = '\0';
	return made ? made : 1;
}

size_t text_wrap(text_metrics *tm, const char *text, double size, bool bold,
                 double max_width, char *out, double *width)
{
	words w;
	split_words(tm, text, size, bold, &w);
	double widest;
	size_t lines = fill(&w, fmax(max_width, w.widest), NULL, &widest);
	return balance(&w, lines, out, width);
}

size_t text_wrap_lines(text_metrics *tm, const char *text, double size,
                       bool bold, size_t lines, char *out, double *width)
{
	words w;
	split_words(tm, text, size, bold, &w);
	return balance(&w, lines, out, width);
}
