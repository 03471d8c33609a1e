/*
 * eqtext.c — the text of an equation picture. An OLE equation (Equation
 * Editor, MathType) reaches us as its metafile preview only; the glyph
 * runs it draws are read back from the SVG converted from it and written
 * on one line, so that a reader hears "PCR(i) = PCR_base(i) × 300 +
 * PCR_ext(i)" rather than "Equation". Only a drawing on one line is read:
 * subscripts and superscripts are allowed (superscript digits become
 * Unicode superscripts, as in the text output); a fraction, a root index,
 * a matrix, rotated text (glyphs further from the baseline) or anything
 * drawn besides text (the bar of a radical or a fraction) gives none.
 * Symbol-font glyphs are mapped to Unicode with the table flatten uses.
 */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cd_internal.h"
#include "media.h"
#include "symbols.h"

#define EQ_MAX_RUNS 400

typedef struct eqrun {
	double x, y, size;
	char *text;        /* UTF-8, Symbol glyphs mapped; malloc'd */
	int cls;           /* 0 baseline, 1 superscript, -1 subscript */
} eqrun;

typedef struct eqset {
	eqrun v[EQ_MAX_RUNS];
	size_t n;
	int bad;           /* a run that cannot be placed on a line */
} eqset;

/* The value of a presentation attribute of e (font-family, font-size),
 * else of that property in its style; malloc'd, or NULL. */
static char *
prop(const xmlNode *e, const char *name)
{
	xmlChar *v = xmlGetProp(e, BAD_CAST name), *st;
	char key[32], *r = NULL;
	const char *p, *end;

	if (v != NULL) {
		r = strdup((const char *)v);
		xmlFree(v);
		return r;
	}
	if ((st = xmlGetProp(e, BAD_CAST "style")) == NULL)
		return NULL;
	snprintf(key, sizeof key, "%s:", name);
	if ((p = strstr((const char *)st, key)) != NULL) {
		p += strlen(key);
		while (*p == ' ')
			p++;
		end = strchr(p, ';');
		r = strndup(p, end ? (size_t)(end - p) : strlen(p));
	}
	xmlFree(st);
	return r;
}

/* The text of run t in font family fam as UTF-8: a symbol font's code
 * points (Latin-1 from the WMF's 8-bit text, or U+F0xx) mapped; private
 * use and control characters dropped, as everywhere (symbols.c). */
static char *
run_text(const char *t, const char *fam)
{
	int font = cd_sym_font(fam);
	const unsigned char *s = (const unsigned char *)t;
	size_t left = strlen(t), n;
	cd_buf b;

	cd_buf_init(&b);
	while (left > 0) {
		uint32_t c = cd_utf8_decode(s, left, &n);
		char u[5];

		if (n == 0)
			break;
		s += n;
		left -= n;
		cd_buf_add(&b, u, cd_sym_utf8(cd_sym_map(font, c), u));
	}
	cd_buf_add(&b, "", 0);
	return b.failed ? (cd_buf_free(&b), NULL) : cd_buf_take(&b, NULL);
}

/* Adds the run of text element e; marks the set bad for rotated text. */
static void
add_run(eqset *s, const xmlNode *e)
{
	char *fam = prop(e, "font-family"), *fs = prop(e, "font-size");
	xmlChar *t = xmlNodeGetContent(e), *x = xmlGetProp(e, BAD_CAST "x");
	xmlChar *y = xmlGetProp(e, BAD_CAST "y"), *tr = xmlGetProp(e, BAD_CAST "transform");
	double m[6] = { 1, 0, 0, 1, 0, 0 }, px = x ? strtod((char *)x, NULL) : 0;
	double py = y ? strtod((char *)y, NULL) : 0;
	eqrun *r = &s->v[s->n];

	if (tr != NULL && strncmp((const char *)tr, "matrix(", 7) == 0) {
		char *p = (char *)tr + 7;

		for (int k = 0; k < 6; k++) {
			m[k] = strtod(p, &p);
			while (*p == ',' || *p == ' ')
				p++;
		}
	} else if (tr != NULL) {
		s->bad = 1;
	}
	if (fabs(m[1]) > 1e-3 || fabs(m[2]) > 1e-3 || s->n == EQ_MAX_RUNS)
		s->bad = 1;
	/* "&" is the dot accent of MT Extra, which the converter draws as
	 * Times: the variable under it cannot be told */
	if (t != NULL && strchr((const char *)t, '&') != NULL)
		s->bad = 1;
	if (!s->bad && t != NULL && t[0] != '\0') {
		r->x = m[0] * px + m[2] * py + m[4];
		r->y = m[1] * px + m[3] * py + m[5];
		r->size = fs ? strtod(fs, NULL) : 0;
		r->text = run_text((const char *)t, fam);
		r->cls = 0;
		if (r->text == NULL || r->size <= 0) {
			free(r->text);
			r->text = NULL;
			s->bad = 1;
		} else {
			s->n++;
		}
	}
	free(fam);
	free(fs);
	xmlFree(t);
	xmlFree(x);
	xmlFree(y);
	xmlFree(tr);
}

/* Places every run on the main baseline (the one carrying most
 * characters), above it or below it; 0, or -1 when one lies too far for
 * a line of text (a fraction, a root index, a matrix). */
static int
classify(eqset *s)
{
	size_t best = 0, best_chars = 0;
	double base, size;

	for (size_t i = 0; i < s->n; i++) {
		size_t chars = 0;

		for (size_t j = 0; j < s->n; j++)
			if (fabs(s->v[j].y - s->v[i].y) <= 0.1 * s->v[i].size)
				chars += strlen(s->v[j].text);
		if (chars > best_chars) {
			best_chars = chars;
			best = i;
		}
	}
	base = s->v[best].y;
	size = s->v[best].size;
	for (size_t i = 0; i < s->n; i++) {
		double d = s->v[i].y - base;

		if (fabs(d) <= 0.12 * size)
			s->v[i].cls = 0;
		else if (d < 0 && -d <= 0.7 * size)
			s->v[i].cls = 1;
		else if (d > 0 && d <= 0.5 * size)
			s->v[i].cls = -1;
		else
			return -1;
	}
	return 0;
}

static int
cmp_x(const void *a, const void *b)
{
	const eqrun *p = a, *q = b;

	return (p->x > q->x) - (p->x < q->x);
}

/* 1 when the UTF-8 character at s is a relation or a binary operator,
 * spaced in the line. */
static int
is_op(const char *s)
{
	static const char *const ops[] = { "=", "+", "<", ">", "\xE2\x88\x92" /* − */,
		"\xC3\x97" /* × */, "\xC3\xB7" /* ÷ */, "\xC2\xB1" /* ± */, "\xE2\x89\xA4" /* ≤ */,
		"\xE2\x89\xA5" /* ≥ */, "\xE2\x89\xA0" /* ≠ */, "\xE2\x89\x88" /* ≈ */,
		"\xE2\x89\xA1" /* ≡ */, "\xE2\x86\x92" /* → */, NULL };

	for (int k = 0; ops[k]; k++)
		if (strncmp(s, ops[k], strlen(ops[k])) == 0)
			return 1;
	return 0;
}

/* Start of the last UTF-8 character of the n bytes at s. */
static const char *
last_char(const char *s, size_t n)
{
	const char *p = s + n;

	while (p > s && ((unsigned char)p[-1] & 0xC0) == 0x80)
		p--;
	return p > s ? p - 1 : s;
}

/* Rough advance of an ASCII run in ems (Times-like proportions): enough
 * to tell touching runs from runs a thin space apart. */
static double
run_width(const char *t)
{
	double w = 0;

	for (const unsigned char *p = (const unsigned char *)t; *p; p++) {
		if ((*p & 0xC0) == 0x80)
			continue;
		w += strchr("fijlrt.,:;'!|()[]` ", *p) ? 0.30 : strchr("mw", *p) ? 0.72 :
		     strchr("MW", *p) ? 0.88 : isupper(*p) ? 0.66 : isdigit(*p) ? 0.5 : 0.46;
	}
	return w;
}

/* A space between run a and run b (b follows a on the line): around an
 * operator (not inside "<="), after a closing bracket or a superscript
 * that a gap separates from a word, and between words; not inside a word
 * the editor split into runs of ten characters ("system_clo|ck"). */
static int
space_between(const eqrun *a, const eqrun *b)
{
	const char *pa = last_char(a->text, strlen(a->text));
	unsigned char ca = (unsigned char)*pa, cb = (unsigned char)b->text[0];
	double gap = (b->x - (a->x + run_width(a->text) * a->size)) / a->size;

	if (ca == ' ' || cb == ' ')
		return 0;
	if (is_op(pa) != is_op(b->text))
		return 1;
	if (strchr(")]}", ca) && isalnum(cb))
		return gap > 0.08;                /* "(1/750) seconds", ")) DIV" */
	if (!isalnum(ca) || !isalnum(cb))
		return 0;
	if (a->cls != b->cls)
		return b->cls == 0 && gap > 0.25; /* "10⁶ bits", not "Rxₙ" */
	if (isalpha(ca) != isalpha(cb))
		return 1;                         /* "DIV 300", "3584 bytes" */
	return strlen(a->text) != 10 && gap > 0;  /* "bits per" */
}

/* Appends run r, superscript digits as Unicode superscripts. */
static void
put_run(cd_buf *b, const eqrun *r)
{
	static const char *const sup[] = { "\xE2\x81\xB0", "\xC2\xB9", "\xC2\xB2", "\xC2\xB3",
		"\xE2\x81\xB4", "\xE2\x81\xB5", "\xE2\x81\xB6", "\xE2\x81\xB7", "\xE2\x81\xB8",
		"\xE2\x81\xB9" };
	int digits = r->cls == 1;

	for (const char *p = r->text; *p && digits; p++)
		digits = isdigit((unsigned char)*p);
	if (!digits) {
		cd_buf_adds(b, r->text);
		return;
	}
	for (const char *p = r->text; *p; p++)
		cd_buf_adds(b, sup[*p - '0']);
}

/* The runs on one line, whitespace folded; malloc'd, or NULL. */
static char *
line(eqset *s)
{
	cd_buf b;
	char *r = NULL;

	qsort(s->v, s->n, sizeof s->v[0], cmp_x);
	cd_buf_init(&b);
	for (size_t i = 0; i < s->n; i++) {
		if (i > 0 && space_between(&s->v[i - 1], &s->v[i]))
			cd_buf_addc(&b, ' ');
		put_run(&b, &s->v[i]);
	}
	if ((r = cd_buf_take(&b, NULL)) != NULL) {
		char *o = r;

		for (const char *w = r; *w; w++)      /* fold whitespace, trim */
			if (!isspace((unsigned char)*w) || (o > r && o[-1] != ' '))
				*o++ = isspace((unsigned char)*w) ? ' ' : *w;
		while (o > r && o[-1] == ' ')
			o--;
		*o = '\0';
		if (r[0] == '\0') {
			free(r);
			r = NULL;
		}
	}
	return r;
}

/* 1 for an element that draws something other than text: a fraction
 * bar, a radical, a big bracket, an accent drawn as a line. The text of
 * such a picture is not its equation. */
static int
drawn(const xmlNode *e)
{
	static const char *const names[] = { "line", "path", "polyline", "polygon", "rect",
		"ellipse", "circle", "image", NULL };

	for (int k = 0; names[k]; k++)
		if (strcmp((const char *)e->name, names[k]) == 0)
			return 1;
	return 0;
}

char *
cd_eqtext(const char *svg, size_t len)
{
	cd_error err;
	xmlDocPtr d = cd_xml_parse("svg", svg, len, &err);
	xmlNodePtr root = d ? xmlDocGetRootElement(d) : NULL;
	eqset *s = calloc(1, sizeof *s);
	char *r = NULL;

	for (xmlNodePtr n = root; n != NULL && s != NULL && !s->bad; n = cd_xml_next_in(n, root)) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)n->name, "text") == 0)
			add_run(s, n);
		else if (drawn(n))
			s->bad = 1;
	}
	if (s != NULL && !s->bad && s->n > 0 && classify(s) == 0)
		r = line(s);
	for (size_t i = 0; s != NULL && i < s->n; i++)
		free(s->v[i].text);
	free(s);
	xmlFreeDoc(d);
	return r;
}
