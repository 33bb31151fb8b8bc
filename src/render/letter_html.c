/*
 * letter_html.c - the progress letter (letter.h) as one HTML page: the
 * sink that writes headings, paragraphs, tables and lists as HTML, and
 * the risk diagram inline as SVG.
 */
#include <natrisk/diagram.h>

#include "html.h"
#include "letter.h"
#include "letter_formats.h"

typedef struct html_letter {
	FILE *out;
	const natrisk_scene *scene;
	int failed;
} html_letter;

static void heading(void *ctx, int level, const char *text)
{
	html_letter *h = ctx;
	fprintf(h->out, "<h%d>", level);
	html_text(h->out, text);
	fprintf(h->out, "</h%d>\n", level);
}

static void paragraph(void *ctx, const char *text)
{
	html_letter *h = ctx;
	fputs("<p>", h->out);
	html_text(h->out, text);
	fputs("</p>\n", h->out);
}

static void cells(FILE *out, const char *tag, const char *const *text,
                  size_t n)
{
	fputs("<tr>", out);
	for (size_t i = 0; i < n; i++) {
		fprintf(out, "<%s>", tag);
		html_text(out, text[i]);
		fprintf(out, "</%s>", tag);
	}
	fputs("</tr>\n", out);
}

static void table_begin(void *ctx, const char *const *header, size_t n)
{
	html_letter *h = ctx;
	fputs("<table>\n<thead>", h->out);
	cells(h->out, "th", header, n);
	fputs("</thead>\n<tbody>\n", h->out);
}

static void table_row(void *ctx, const char *const *text, size_t n)
{
	cells(((html_letter *)ctx)->out, "td", text, n);
}

static void table_end(void *ctx)
{
	fputs("</tbody>\n</table>\n", ((html_letter *)ctx)->out);
}

static void list_begin(void *ctx)
{
	fputs("<ul>\n", ((html_letter *)ctx)->out);
}

static void list_item(void *ctx, const char *text)
{
	html_letter *h = ctx;
	fputs("<li>", h->out);
	html_text(h->out, text);
	fputs("</li>\n", h->out);
}

static void list_end(void *ctx)
{
	fputs("</ul>\n", ((html_letter *)ctx)->out);
}

static void diagram(void *ctx, const char *caption)
{
	html_letter *h = ctx;
	fputs("<figure>\n", h->out);
	if (natrisk_scene_write_svg(h->scene, true, h->out) != 0)
		h->failed = 1;
	fputs("<figcaption>", h->out);
	html_text(h->out, caption);
	fputs("</figcaption>\n</figure>\n", h->out);
}

int letter_write_html(const natrisk_progress *pr, const natrisk_scene *scene,
                      natrisk_lang lang, FILE *out)
{
	html_letter h = { out, scene, 0 };
	letter_sink sink = { &h, heading, paragraph, table_begin, table_row,
		             table_end, list_begin, list_item, list_end,
		             diagram };
	fprintf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
	        "<meta charset=\"utf-8\">\n<title>",
	        lang == NATRISK_LANG_NL ? "nl" : "en");
	html_text(out, natrisk_plan_title(natrisk_progress_plan(pr)));
	fputs("</title>\n<style>\n"
	      "body { font-family: sans-serif; max-width: 52rem; margin: 2rem "
	      "auto; line-height: 1.4; }\n"
	      "table { border-collapse: collapse; margin: 0.5rem 0; }\n"
	      "th, td { border: 1px solid #999; padding: 0.2rem 0.5rem; "
	      "text-align: left; }\n"
	      "figure svg { max-width: 100%; height: auto; }\n"
	      "</style>\n</head>\n<body>\n", out);
	bool ok = letter_compose(pr, lang, &sink);
	fputs("</body>\n</html>\n", out);
	return ok && !h.failed ? 0 : -1;
}
