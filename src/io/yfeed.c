/*
 * yfeed.c - the bounded input of the YAML parser (see yfeed.h).
 *
 * The parser's marks give lines and columns, not byte offsets (their
 * offsets restart with each buffer libfyaml allocates), so the feed follows
 * the events line by line, counting line breaks as libfyaml does: LF, CR
 * and CR LF, and under %YAML 1.1 also NEL, LS and PS. Measuring from the
 * start of the line of the last event over-counts what the parser holds by
 * at most that line's tokens before the event, which keeps the limit safe.
 */
#include "yfeed.h"

#include <string.h>

#include "../core/messages.h"

/* Bytes handed over at a time: the limit is checked this often. */
enum { FEED_PIECE = 4096 };

static bool is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static bool is_flow_indicator(unsigned char c)
{
	return c == '[' || c == ']' || c == '{' || c == '}' || c == ',';
}

static bool separates(unsigned char c)
{
	return is_space(c) || is_flow_indicator(c) || c == ':';
}

enum { FLOW = 1, SPACE = 2, SEPARATES = 4 };
static const unsigned char byte_class[256] = {
	['['] = FLOW | SEPARATES, [']'] = FLOW | SEPARATES,
	['{'] = FLOW | SEPARATES, ['}'] = FLOW | SEPARATES,
	[','] = FLOW | SEPARATES, [':'] = SEPARATES,
	[' '] = SPACE | SEPARATES, ['\t'] = SPACE | SEPARATES,
	['\r'] = SPACE | SEPARATES, ['\n'] = SPACE | SEPARATES,
};

/* The same as count_tokens() byte by byte; PREV is the class of the byte
 * before FROM. */
static size_t count_tokens_bytes(const char *buf, size_t from, size_t to,
                                 unsigned prev)
{
	size_t n = 0;
	for (size_t i = from; i < to; i++) {
		unsigned c = byte_class[(unsigned char)buf[i]];
		n += (c & FLOW) || (!(c & SPACE) && (prev & SEPARATES));
		prev = c;
	}
	return n;
}

#ifdef __SSE2__
#include <emmintrin.h>

static unsigned byte_mask(__m128i v, __m128i c)
{
	return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, c));
}

/* Sixteen bytes at a time: a token starts at a flow indicator, or at a
 * byte that is no space after a separator. The file is read twice by
 * this: a tenth of the parse when it went byte by byte. '[' and '{', ']'
 * and '}' differ in bit 0x20 only. */
static size_t count_tokens_wide(const char *buf, size_t *from, size_t to,
                                unsigned *prev)
{
	const __m128i case_bit = _mm_set1_epi8(0x20), open = _mm_set1_epi8('{'),
	              close = _mm_set1_epi8('}'), comma = _mm_set1_epi8(','),
	              colon = _mm_set1_epi8(':'), blank = _mm_set1_epi8(' '),
	              tab = _mm_set1_epi8('\t'), cr = _mm_set1_epi8('\r'),
	              lf = _mm_set1_epi8('\n');
	size_t n = 0, i = *from;
	unsigned before = (*prev & SEPARATES) != 0;
	for (; i + 16 <= to; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(buf + i));
		__m128i folded = _mm_or_si128(v, case_bit);
		unsigned flow = byte_mask(folded, open) |
		                byte_mask(folded, close) | byte_mask(v, comma);
		unsigned space = byte_mask(v, blank) | byte_mask(v, tab) |
		                 byte_mask(v, cr) | byte_mask(v, lf);
		unsigned separates = flow | space | byte_mask(v, colon);
		unsigned after = (separates << 1 | before) & 0xFFFF;
		n += (size_t)__builtin_popcount(flow | (~space & after & 0xFFFF));
		before = separates >> 15;
	}
	if (i > *from)
		*prev = byte_class[(unsigned char)buf[i - 1]];
	*from = i;
	return n;
}
#endif

/*
 * How many tokens can start in [FROM, TO): at a flow indicator, or at the
 * first byte of a word (after a separator, or at the start). An estimate
 * that never counts a scalar's characters one by one, yet counts each of
 * "[[[" and "0,0,". One pass over a range: the file is scanned twice.
 */
static size_t count_tokens(const char *buf, size_t from, size_t to)
{
	size_t n = 0;
	unsigned prev = from ? byte_class[(unsigned char)buf[from - 1]]
	                     : SEPARATES;
#ifdef __SSE2__
	n += count_tokens_wide(buf, &from, to, &prev);
#endif
	return n + count_tokens_bytes(buf, from, to, prev);
}

/* The length of the line break at I, or 0. */
static size_t line_break(const yfeed *feed, size_t i)
{
	const unsigned char *p = (const unsigned char *)feed->buf + i;
	size_t left = feed->len - i;
	if (p[0] == '\n')
		return 1;
	if (p[0] == '\r')
		return left > 1 && p[1] == '\n' ? 2 : 1;
	if (!feed->breaks_1_1)
		return 0;
	if (left >= 2 && p[0] == 0xC2 && p[1] == 0x85)
		return 2;
	if (left >= 3 && p[0] == 0xE2 && p[1] == 0x80 &&
	    (p[2] == 0xA8 || p[2] == 0xA9))
		return 3;
	return 0;
}

/* Where the next line break at or after I starts, or feed->given. */
static size_t next_break(const yfeed *feed, size_t i)
{
	if (feed->breaks_1_1) {
		while (i < feed->given && !line_break(feed, i))
			i++;
		return i;
	}
	/* a line feed by memchr, then a carriage return before it */
	const char *p = feed->buf + i, *end = feed->buf + feed->given;
	const char *lf = memchr(p, '\n', (size_t)(end - p));
	if (!lf)
		lf = end;
	const char *cr = memchr(p, '\r', (size_t)(lf - p));
	return (size_t)((cr ? cr : lf) - feed->buf);
}

void yfeed_init(yfeed *feed, const char *buf, size_t len)
{
	*feed = (yfeed){ .buf = buf, .len = len };
}

ssize_t yfeed_read(void *user, void *out, size_t count)
{
	yfeed *feed = user;
	if (feed->given_tokens - feed->line_tokens > YFEED_MAX_AHEAD) {
		feed->overrun = true;
		return 0; /* an end of file: libfyaml 0.7 reads again after -1 */
	}
	size_t n = feed->len - feed->given;
	if (n > count)
		n = count;
	if (n > FEED_PIECE)
		n = FEED_PIECE;
	memcpy(out, feed->buf + feed->given, n);
	feed->given_tokens += count_tokens(feed->buf, feed->given,
	                                   feed->given + n);
	feed->given += n;
	return (ssize_t)n;
}

void yfeed_reached(yfeed *feed, int line, int column)
{
	if (line < feed->line || (line == feed->line && column <= feed->column))
		return;
	/* Scanning resumes where it stopped: a line is scanned once. */
	size_t i = feed->scanned, tokens = feed->scanned_tokens;
	while (feed->line < line && i < feed->given) {
		size_t at = next_break(feed, i);
		size_t n = at < feed->given ? line_break(feed, at) : 0;
		size_t end = at + (n ? n : 0);
		if (end > feed->len)
			end = feed->len;
		tokens += count_tokens(feed->buf, i, end);
		i = end;
		if (n) {
			feed->line++;
			feed->line_start = i;
			feed->line_tokens = tokens;
		}
	}
	feed->scanned = i;
	feed->scanned_tokens = tokens;
	feed->column = feed->line == line ? column : 0;
}

int yfeed_header_column(const yfeed *feed, int line)
{
	if (line != feed->line)
		return -1;
	int column = 0, word = -1;
	unsigned char prev = ' ';
	for (size_t i = feed->line_start; i < feed->len && !line_break(feed, i);
	     i++) {
		unsigned char c = (unsigned char)feed->buf[i];
		if (c == '#' && is_space(prev))
			break;
		if (!is_space(c) && is_space(prev))
			word = (c == '|' || c == '>') ? column : -1;
		column += (c & 0xC0) != 0x80;
		prev = c;
	}
	return word;
}

/* Where the report's scan starts: COLUMN characters into the line. */
static size_t column_offset(const yfeed *feed)
{
	size_t i = feed->line_start;
	if (i == 0 && feed->len >= 3 && memcmp(feed->buf, "\xEF\xBB\xBF", 3) == 0)
		i = 3; /* libfyaml does not count a byte order mark */
	for (int column = 0; i < feed->given && !line_break(feed, i); i++) {
		if (((unsigned char)feed->buf[i] & 0xC0) == 0x80)
			continue;
		if (column++ == feed->column)
			break;
	}
	return i;
}

/* A place in the text as the report's scan tracks it. */
struct place {
	int line, column; /* from 1 */
};

/* What the report's scan is in: brackets count outside quotes and
 * comments only. A quote just read in single quotes may end them or, doubled,
 * stand for itself; a backslash in double quotes escapes what follows. */
enum scan_state {
	IN_PLAIN, IN_COMMENT, IN_SINGLE, IN_SINGLE_QUOTE, IN_DOUBLE,
	IN_DOUBLE_ESCAPE
};

static enum scan_state next_state(enum scan_state state, unsigned char c,
                                  unsigned char prev)
{
	switch (state) {
	case IN_SINGLE:
		return c == '\'' ? IN_SINGLE_QUOTE : IN_SINGLE;
	case IN_SINGLE_QUOTE:
		return c == '\'' ? IN_SINGLE : next_state(IN_PLAIN, c, prev);
	case IN_DOUBLE:
		return c == '\\' ? IN_DOUBLE_ESCAPE
		                  : c == '"' ? IN_PLAIN : IN_DOUBLE;
	case IN_DOUBLE_ESCAPE:
		return IN_DOUBLE;
	case IN_COMMENT:
		return IN_COMMENT;
	case IN_PLAIN:
		break;
	}
	if (c == '#' && is_space(prev))
		return IN_COMMENT;
	if (c == '\'' && separates(prev))
		return IN_SINGLE;
	if (c == '"' && separates(prev))
		return IN_DOUBLE;
	return IN_PLAIN;
}

/* The report's walk over what the parser was given past its last event. */
struct report_scan {
	struct place at;    /* of the byte looked at */
	struct place first; /* the first byte that is no separator */
	struct place open;  /* the outermost bracket still open */
	bool seen;
	char open_bracket;  /* it, or 0 */
	size_t depth, base; /* base: the depth at which OPEN counts */
	enum scan_state state;
};

/* Looks at byte C; returns whether it opens a level past MAX_DEPTH. */
static bool scan_byte(struct report_scan *s, unsigned char c,
                      unsigned char prev, size_t max_depth)
{
	s->state = next_state(s->state, c, prev);
	if (!s->seen && !separates(c)) {
		s->first = s->at;
		s->seen = true;
	}
	bool plain = s->state == IN_PLAIN;
	if (plain && (c == '[' || c == '{')) {
		if (s->depth++ == s->base) {
			s->open = s->at;
			s->open_bracket = (char)c;
		}
		if (s->depth > max_depth)
			return true;
	} else if (plain && (c == ']' || c == '}') && s->depth > 0 &&
	           --s->depth <= s->base) {
		s->base = s->depth;
		s->open_bracket = 0;
	}
	s->at.column += (c & 0xC0) != 0x80;
	return false;
}

void yfeed_report(const yfeed *feed, const char *name, size_t depth,
                  size_t max_depth, const char *nesting, natrisk_diag *diag)
{
	size_t start = column_offset(feed);
	struct report_scan s = {
		.at = { feed->line + 1, feed->column + 1 },
		.depth = depth, .base = depth, .state = IN_PLAIN
	};
	s.first = s.at;
	for (size_t i = start; i < feed->given && i < feed->len; i++) {
		size_t n = line_break(feed, i);
		if (n) {
			i += n - 1;
			s.at = (struct place){ s.at.line + 1, 1 };
			if (s.state == IN_COMMENT)
				s.state = IN_PLAIN;
			continue;
		}
		unsigned char prev = i > start ? (unsigned char)feed->buf[i - 1]
		                               : ' ';
		if (scan_byte(&s, (unsigned char)feed->buf[i], prev,
		              max_depth)) {
			natrisk_diag_add(diag, NATRISK_SEVERITY_ERROR, name,
			                 s.at.line, s.at.column, "%s",
			                 msg_tr(nesting));
			return;
		}
	}
	if (s.open_bracket)
		natrisk_diag_add(diag, NATRISK_SEVERITY_ERROR, name, s.open.line,
		                 s.open.column, "this '%c' holds too much to "
		                 "read at once (more than %d YAML tokens before "
		                 "it ends); write long lists and mappings in "
		                 "block style, one item a line", s.open_bracket,
		                 YFEED_MAX_AHEAD);
	else
		natrisk_diag_add(diag, NATRISK_SEVERITY_ERROR, name, s.first.line,
		                 s.first.column, "too much to read at once from "
		                 "here (more than %d YAML tokens before the next "
		                 "value)", YFEED_MAX_AHEAD);
}
