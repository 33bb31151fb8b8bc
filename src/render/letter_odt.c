/*
 * letter_odt.c - the progress letter (letter.h) as OpenDocument Text
 * (ODF 1.3): content.xml written through libxml2's xmlTextWriter by a
 * sink (headings as text:h, tables as table:table, lists as text:list,
 * the diagram as a draw:frame around Pictures/diagram.png), the fixed
 * styles.xml, meta.xml, and the package (odt_package.c).
 */
#include <libxml/xmlwriter.h>
#include <natrisk/membuf.h>
#include <stdint.h>
#include <stdlib.h>

#include "../core/error.h"
#include "letter.h"
#include "letter_formats.h"

#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_STYLE "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_DRAW "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
#define NS_FO "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
#define NS_SVG "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
#define NS_XLINK "http://www.w3.org/1999/xlink"
#define NS_META "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
#define NS_DC "http://purl.org/dc/elements/1.1/"

#define X(s) ((const xmlChar *)(s))

/* The diagram's width on the page; its height keeps the PNG's ratio. */
#define DIAGRAM_WIDTH_CM 16.0

typedef struct odt_letter {
	xmlTextWriterPtr w;
	int tables;
	double diagram_height_cm;
	int failed; /* a writer call failed (out of memory) */
} odt_letter;

static void check(odt_letter *o, int rc)
{
	if (rc < 0)
		o->failed = 1;
}

static void start(odt_letter *o, const char *name)
{
	check(o, xmlTextWriterStartElement(o->w, X(name)));
}

static void end(odt_letter *o)
{
	check(o, xmlTextWriterEndElement(o->w));
}

static void attr(odt_letter *o, const char *name, const char *value)
{
	check(o, xmlTextWriterWriteAttribute(o->w, X(name), X(value)));
}

static void text_p(odt_letter *o, const char *style, const char *text)
{
	start(o, "text:p");
	if (style)
		attr(o, "text:style-name", style);
	check(o, xmlTextWriterWriteString(o->w, X(text)));
	end(o);
}

static void heading(void *ctx, int level, const char *text)
{
	odt_letter *o = ctx;
	char style[32], lvl[8];
	snprintf(style, sizeof style, "Heading_20_%d", level);
	snprintf(lvl, sizeof lvl, "%d", level);
	start(o, "text:h");
	attr(o, "text:style-name", style);
	attr(o, "text:outline-level", lvl);
	check(o, xmlTextWriterWriteString(o->w, X(text)));
	end(o);
}

static void paragraph(void *ctx, const char *text)
{
	text_p(ctx, "Text_20_body", text);
}

static void row(odt_letter *o, const char *const *cells, size_t n)
{
	start(o, "table:table-row");
	for (size_t i = 0; i < n; i++) {
		start(o, "table:table-cell");
		attr(o, "office:value-type", "string");
		text_p(o, "Table_20_Contents", cells[i]);
		end(o);
	}
	end(o);
}

static void table_begin(void *ctx, const char *const *header, size_t n)
{
	odt_letter *o = ctx;
	char name[32], columns[24];
	snprintf(name, sizeof name, "Table%d", ++o->tables);
	snprintf(columns, sizeof columns, "%zu", n);
	start(o, "table:table");
	attr(o, "table:name", name);
	start(o, "table:table-column");
	attr(o, "table:number-columns-repeated", columns);
	end(o);
	start(o, "table:table-header-rows");
	row(o, header, n);
	end(o);
}

static void table_row(void *ctx, const char *const *cells, size_t n)
{
	row(ctx, cells, n);
}

static void table_end(void *ctx)
{
	end(ctx);
}

static void list_begin(void *ctx)
{
	start(ctx, "text:list");
}

static void list_item(void *ctx, const char *text)
{
	start(ctx, "text:list-item");
	text_p(ctx, "Text_20_body", text);
	end(ctx);
}

static void list_end(void *ctx)
{
	end(ctx);
}

static void diagram(void *ctx, const char *caption)
{
	odt_letter *o = ctx;
	char width[32], height[32];
	snprintf(width, sizeof width, "%.2fcm", DIAGRAM_WIDTH_CM);
	snprintf(height, sizeof height, "%.2fcm", o->diagram_height_cm);
	start(o, "text:p");
	attr(o, "text:style-name", "Text_20_body");
	start(o, "draw:frame");
	attr(o, "draw:name", "diagram");
	attr(o, "text:anchor-type", "as-char");
	attr(o, "svg:width", width);
	attr(o, "svg:height", height);
	start(o, "draw:image");
	attr(o, "xlink:href", "Pictures/diagram.png");
	attr(o, "xlink:type", "simple");
	attr(o, "xlink:show", "embed");
	attr(o, "xlink:actuate", "onLoad");
	end(o);
	end(o);
	end(o);
	text_p(o, "Text_20_body", caption);
}

static void root_namespaces(odt_letter *o)
{
	static const char *const ns[][2] = {
		{ "xmlns:office", NS_OFFICE }, { "xmlns:style", NS_STYLE },
		{ "xmlns:text", NS_TEXT }, { "xmlns:table", NS_TABLE },
		{ "xmlns:draw", NS_DRAW }, { "xmlns:fo", NS_FO },
		{ "xmlns:svg", NS_SVG }, { "xmlns:xlink", NS_XLINK },
	};
	for (size_t i = 0; i < sizeof ns / sizeof *ns; i++)
		attr(o, ns[i][0], ns[i][1]);
	attr(o, "office:version", "1.3");
}

/* content.xml into *BUF (free with xmlBufferFree); 0 or -1. */
static int write_content(const natrisk_progress *pr, natrisk_lang lang,
                         double height_cm, xmlBufferPtr *buf)
{
	*buf = xmlBufferCreate();
	odt_letter o = { .w = *buf ? xmlNewTextWriterMemory(*buf, 0) : NULL,
		         .diagram_height_cm = height_cm };
	if (!o.w)
		return -1;
	letter_sink sink = { &o, heading, paragraph, table_begin, table_row,
		             table_end, list_begin, list_item, list_end,
		             diagram };
	check(&o, xmlTextWriterStartDocument(o.w, "1.0", "UTF-8", NULL));
	start(&o, "office:document-content");
	root_namespaces(&o);
	start(&o, "office:body");
	start(&o, "office:text");
	if (!letter_compose(pr, lang, &sink))
		o.failed = 1;
	check(&o, xmlTextWriterEndDocument(o.w));
	xmlFreeTextWriter(o.w);
	return o.failed ? -1 : 0;
}

static const char styles_xml[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<office:document-styles xmlns:office=\"" NS_OFFICE "\""
	" xmlns:style=\"" NS_STYLE "\" xmlns:fo=\"" NS_FO "\""
	" xmlns:text=\"" NS_TEXT "\" office:version=\"1.3\">"
	"<office:font-face-decls/>"
	"<office:styles>"
	"<style:default-style style:family=\"paragraph\">"
	"<style:text-properties fo:font-size=\"11pt\"/>"
	"</style:default-style>"
	"<style:style style:name=\"Standard\" style:family=\"paragraph\"/>"
	"<style:style style:name=\"Text_20_body\" style:display-name=\"Text "
	"body\" style:family=\"paragraph\" style:parent-style-name=\"Standard\">"
	"<style:paragraph-properties fo:margin-top=\"0cm\" "
	"fo:margin-bottom=\"0.2cm\"/></style:style>"
	"<style:style style:name=\"Table_20_Contents\" style:display-name="
	"\"Table Contents\" style:family=\"paragraph\" "
	"style:parent-style-name=\"Standard\"/>"
	"<style:style style:name=\"Heading\" style:family=\"paragraph\" "
	"style:parent-style-name=\"Standard\">"
	"<style:paragraph-properties fo:margin-top=\"0.4cm\" "
	"fo:margin-bottom=\"0.2cm\" fo:keep-with-next=\"always\"/>"
	"<style:text-properties fo:font-weight=\"bold\"/></style:style>"
	"<style:style style:name=\"Heading_20_1\" style:display-name=\"Heading "
	"1\" style:family=\"paragraph\" style:parent-style-name=\"Heading\" "
	"style:default-outline-level=\"1\"><style:text-properties "
	"fo:font-size=\"16pt\"/></style:style>"
	"<style:style style:name=\"Heading_20_2\" style:display-name=\"Heading "
	"2\" style:family=\"paragraph\" style:parent-style-name=\"Heading\" "
	"style:default-outline-level=\"2\"><style:text-properties "
	"fo:font-size=\"13pt\"/></style:style>"
	"<style:style style:name=\"Heading_20_3\" style:display-name=\"Heading "
	"3\" style:family=\"paragraph\" style:parent-style-name=\"Heading\" "
	"style:default-outline-level=\"3\"><style:text-properties "
	"fo:font-size=\"11pt\"/></style:style>"
	"</office:styles>"
	"</office:document-styles>\n";

/* meta.xml: the generator, title and language. */
static int write_meta(const natrisk_progress *pr, natrisk_lang lang,
                      xmlBufferPtr *buf)
{
	*buf = xmlBufferCreate();
	odt_letter o = { .w = *buf ? xmlNewTextWriterMemory(*buf, 0) : NULL };
	if (!o.w)
		return -1;
	check(&o, xmlTextWriterStartDocument(o.w, "1.0", "UTF-8", NULL));
	start(&o, "office:document-meta");
	attr(&o, "xmlns:office", NS_OFFICE);
	attr(&o, "xmlns:meta", NS_META);
	attr(&o, "xmlns:dc", NS_DC);
	attr(&o, "office:version", "1.3");
	start(&o, "office:meta");
	check(&o, xmlTextWriterWriteElement(o.w, X("meta:generator"),
	                                    X("natrisk " NATRISK_VERSION)));
	check(&o, xmlTextWriterWriteElement(
		          o.w, X("dc:title"),
		          X(natrisk_plan_title(natrisk_progress_plan(pr)))));
	check(&o, xmlTextWriterWriteElement(
		          o.w, X("dc:language"),
		          X(lang == NATRISK_LANG_NL ? "nl-NL" : "en-GB")));
	check(&o, xmlTextWriterEndDocument(o.w));
	xmlFreeTextWriter(o.w);
	return o.failed ? -1 : 0;
}

/* The PNG's height over its width, from its IHDR chunk. */
static double png_ratio(const unsigned char *png, size_t len)
{
	if (len < 24)
		return 0.75;
	uint32_t w = (uint32_t)png[16] << 24 | (uint32_t)png[17] << 16 |
	             (uint32_t)png[18] << 8 | png[19];
	uint32_t h = (uint32_t)png[20] << 24 | (uint32_t)png[21] << 16 |
	             (uint32_t)png[22] << 8 | png[23];
	return w ? (double)h / w : 0.75;
}

/* The diagram at twice its size, for print. */
static int render_png(const natrisk_scene *scene, natrisk_membuf *png)
{
	FILE *f = natrisk_membuf_open(png);
	if (!f)
		return error_set(NATRISK_ENOMEM, "out of memory");
	int rc = natrisk_scene_write_png(scene, 2.0, f);
	if (natrisk_membuf_close(png, f) != 0 && rc == 0)
		rc = error_set(NATRISK_ENOMEM, "out of memory");
	else if (rc != 0)
		rc = error_set(rc, "cannot draw the risk diagram");
	return rc;
}

int letter_write_odt(const natrisk_progress *pr, const natrisk_scene *scene,
                     natrisk_lang lang, FILE *out)
{
	natrisk_membuf png = { 0 };
	xmlBufferPtr content = NULL, meta = NULL;
	int rc = render_png(scene, &png);
	double height = DIAGRAM_WIDTH_CM *
	                png_ratio((const unsigned char *)png.data, png.len);
	if (rc == 0 && (write_content(pr, lang, height, &content) != 0 ||
	                write_meta(pr, lang, &meta) != 0))
		rc = error_set(NATRISK_ENOMEM, "out of memory");
	if (rc == 0) {
		const odt_part parts[] = {
			{ "content.xml", "text/xml", xmlBufferContent(content),
			  (size_t)xmlBufferLength(content) },
			{ "styles.xml", "text/xml", styles_xml,
			  sizeof styles_xml - 1 },
			{ "meta.xml", "text/xml", xmlBufferContent(meta),
			  (size_t)xmlBufferLength(meta) },
			{ "Pictures/diagram.png", "image/png", png.data, png.len },
		};
		rc = odt_package_write(parts, sizeof parts / sizeof *parts, out);
	}
	if (content)
		xmlBufferFree(content);
	if (meta)
		xmlBufferFree(meta);
	free(png.data);
	return rc;
}
