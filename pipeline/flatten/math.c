/*
 * math.c — OMML equations as readable linear text (pkg:math), and the
 * Symbol / Wingdings font characters (w:sym, private-use code points) as
 * the Unicode characters they show.
 */
#include <stdlib.h>
#include <string.h>

#include "stages.h"
#include "symbols.h"

/* ---- OMML → linear text ---- */

static void lin(const xmlNode *n, cd_buf *b);

/* The m:val attribute of child element name of the properties element
 * pr, or dflt when absent. Returns a malloc'd string (caller frees). */
static char *
prop_val(const xmlNode *pr, const char *name, const char *dflt)
{
	xmlNodePtr c = cd_xml_child(pr, CD_M_NS, name);
	xmlChar *v = c ? xmlGetNsProp(c, BAD_CAST "val", BAD_CAST CD_M_NS) : NULL;
	char *s = strdup(v ? (const char *)v : dflt);

	xmlFree(v);
	return s;
}

static char *
lin_of(const xmlNode *n)
{
	cd_buf b;

	cd_buf_init(&b);
	if (n != NULL)
		lin(n, &b);
	return cd_buf_take(&b, NULL);
}

/* 1 when s is one character (UTF-8). */
static int
one_char(const char *s)
{
	size_t n = 0;

	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		n += (*p & 0xC0) != 0x80;
	return n <= 1;
}

/* 1 when s is one "atom" that needs no parentheses (letters/digits only,
 * or one character). Scripts (prefix "_" or "^") need one character. */
static int
atomic(const char *s, const char *prefix)
{
	if (one_char(s))
		return 1;
	if (prefix[0] == '_' || prefix[0] == '^')
		return 0;
	for (const char *p = s; *p; p++)
		if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') ||
		      (*p >= 'A' && *p <= 'Z') || *p == '.'))
			return 0;
	return 1;
}

/* Appends the linear text of child name of n, in parentheses unless
 * atomic; prefix is written first when the child has text. */
static void
arg(const xmlNode *n, const char *name, const char *prefix, cd_buf *b)
{
	char *s = lin_of(cd_xml_child(n, CD_M_NS, name));

	if (s != NULL && s[0]) {
		cd_buf_adds(b, prefix);
		if (atomic(s, prefix)) {
			cd_buf_adds(b, s);
		} else {
			cd_buf_addc(b, '(');
			cd_buf_adds(b, s);
			cd_buf_addc(b, ')');
		}
	}
	free(s);
}

static void
lin_delim(const xmlNode *n, cd_buf *b)
{
	xmlNodePtr pr = cd_xml_child(n, CD_M_NS, "dPr");
	char *beg = prop_val(pr, "begChr", "("), *end = prop_val(pr, "endChr", ")");
	char *sep = prop_val(pr, "sepChr", "|");
	int first = 1;

	cd_buf_adds(b, beg ? beg : "");
	for (xmlNodePtr c = n->children; c != NULL; c = c->next) {
		if (!cd_xml_is(c, CD_M_NS, "e"))
			continue;
		if (!first)
			cd_buf_adds(b, sep ? sep : "");
		first = 0;
		lin(c, b);
	}
	cd_buf_adds(b, end ? end : "");
	free(beg);
	free(end);
	free(sep);
}

static void
lin_nary(const xmlNode *n, cd_buf *b)
{
	char *chr = prop_val(cd_xml_child(n, CD_M_NS, "naryPr"), "chr", "\xe2\x88\xab");

	cd_buf_adds(b, chr ? chr : "");
	free(chr);
	arg(n, "sub", "_", b);
	arg(n, "sup", "^", b);
	cd_buf_addc(b, ' ');
	lin(cd_xml_child(n, CD_M_NS, "e"), b);
}

/* Rows of m:m (matrix) or m:eqArr: "a, b; c, d". */
static void
lin_rows(const xmlNode *n, cd_buf *b)
{
	int row = 0;

	for (xmlNodePtr r = n->children; r != NULL; r = r->next) {
		int col = 0;

		if (cd_xml_is(r, CD_M_NS, "e")) {
			if (row++)
				cd_buf_adds(b, "; ");
			lin(r, b);
			continue;
		}
		if (!cd_xml_is(r, CD_M_NS, "mr"))
			continue;
		if (row++)
			cd_buf_adds(b, "; ");
		for (xmlNodePtr e = r->children; e != NULL; e = e->next)
			if (cd_xml_is(e, CD_M_NS, "e")) {
				if (col++)
					cd_buf_adds(b, ", ");
				lin(e, b);
			}
	}
}

static int
is_props(const xmlNode *n)
{
	size_t l = strlen((const char *)n->name);

	return l >= 2 && strcmp((const char *)n->name + l - 2, "Pr") == 0;
}

static void
lin_children(const xmlNode *n, cd_buf *b)
{
	for (xmlNodePtr c = n->children; c != NULL; c = c->next)
		lin(c, b);
}

static void
lin(const xmlNode *n, cd_buf *b)
{
	if (n == NULL || n->type != XML_ELEMENT_NODE || is_props(n))
		return;
	if (cd_xml_is(n, CD_M_NS, "t") || cd_w_is(n, "t")) {
		xmlChar *t = xmlNodeGetContent(n);

		cd_buf_adds(b, t ? (const char *)t : "");
		xmlFree(t);
	} else if (cd_xml_is(n, CD_M_NS, "f")) {
		arg(n, "num", "", b);
		cd_buf_addc(b, '/');
		arg(n, "den", "", b);
	} else if (cd_xml_is(n, CD_M_NS, "sSup") || cd_xml_is(n, CD_M_NS, "sSub") ||
	           cd_xml_is(n, CD_M_NS, "sSubSup")) {
		lin(cd_xml_child(n, CD_M_NS, "e"), b);
		arg(n, "sub", "_", b);
		arg(n, "sup", "^", b);
	} else if (cd_xml_is(n, CD_M_NS, "sPre")) {
		arg(n, "sub", "_", b);
		arg(n, "sup", "^", b);
		lin(cd_xml_child(n, CD_M_NS, "e"), b);
	} else if (cd_xml_is(n, CD_M_NS, "rad")) {
		arg(n, "deg", "", b);
		cd_buf_adds(b, "\xe2\x88\x9a(");
		lin(cd_xml_child(n, CD_M_NS, "e"), b);
		cd_buf_addc(b, ')');
	} else if (cd_xml_is(n, CD_M_NS, "d")) {
		lin_delim(n, b);
	} else if (cd_xml_is(n, CD_M_NS, "nary")) {
		lin_nary(n, b);
	} else if (cd_xml_is(n, CD_M_NS, "func")) {
		lin(cd_xml_child(n, CD_M_NS, "fName"), b);
		arg(n, "e", " ", b);
	} else if (cd_xml_is(n, CD_M_NS, "limLow") || cd_xml_is(n, CD_M_NS, "limUpp")) {
		lin(cd_xml_child(n, CD_M_NS, "e"), b);
		arg(n, "lim", cd_xml_is(n, CD_M_NS, "limLow") ? "_" : "^", b);
	} else if (cd_xml_is(n, CD_M_NS, "m") || cd_xml_is(n, CD_M_NS, "eqArr")) {
		cd_buf_addc(b, '[');
		lin_rows(n, b);
		cd_buf_addc(b, ']');
	} else {
		lin_children(n, b);
	}
}

char *
cd_flat_math_text(const xmlNode *m)
{
	return lin_of(m);
}

/* 1 when m sits where blocks sit (w:body, w:tc, w:txbxContent, notes...). */
static int
block_level(const xmlNode *m)
{
	static const char *const blocks[] = { "body", "tc", "txbxContent", "footnote",
	                                      "endnote", "comment", "hdr", "ftr" };

	for (size_t i = 0; i < sizeof blocks / sizeof blocks[0]; i++)
		if (cd_w_is(m->parent, blocks[i]))
			return 1;
	return 0;
}

cd_status
cd_flat_math(xmlNodePtr root, const char *part, cd_error *err)
{
	cd_flat_list l = { 0 };
	int failed = 0;

	cd_flat_collect(root, NULL, NULL, &l);
	for (size_t i = l.n; i-- > 0;) {
		xmlNodePtr m = l.v[i], pm;
		char *s;
		int outer = 1;

		if (!cd_xml_is(m, CD_M_NS, "oMathPara") && !cd_xml_is(m, CD_M_NS, "oMath"))
			continue;
		for (xmlNodePtr a = m->parent; a != NULL && a != root; a = a->parent)
			if (cd_xml_is(a, CD_M_NS, NULL))
				outer = 0;
		if (!outer)
			continue;
		s = lin_of(m);
		if (s == NULL) {
			failed = 1;
			continue;
		}
		pm = cd_flat_new_pkg(m, "math");
		xmlNodeAddContent(pm, BAD_CAST s);
		if (block_level(m)) {
			/* an equation written straight into the body, a cell or a
			 * text box (no w:p around it) becomes its own paragraph */
			xmlNodePtr p = cd_flat_new_w(m->parent, "p");

			xmlAddChild(p, pm);
			pm = p;
		}
		xmlAddPrevSibling(m, pm);
		cd_xml_remove(m);
		free(s);
	}
	failed |= l.failed;
	cd_flat_list_free(&l);
	if (failed) {
		cd_error_set(err, CD_ERR_NOMEM, part, 0, "out of memory in equations");
		return CD_ERR_NOMEM;
	}
	return CD_OK;
}

/* ---- symbol fonts (table: symbols.c) ---- */

static void
utf8_put(cd_buf *b, uint32_t c)
{
	char u[5];
	size_t n = cd_sym_utf8(c, u);

	if (n > 0)
		cd_buf_add(b, u, n);
}

/* The symbol font of run r: its direct rFonts ascii or hAnsi (the fonts
 * of Latin text) naming one of the symbol fonts; CD_SYM_NONE else. */
int
cd_flat_run_symbol_font(xmlNodePtr r)
{
	static const char *const which[] = { "ascii", "hAnsi" };
	xmlNodePtr f = cd_w_child(cd_w_child(r, "rPr"), "rFonts");
	int font = CD_SYM_NONE;

	for (size_t i = 0; f != NULL && i < 2 && font == CD_SYM_NONE; i++) {
		xmlChar *v = cd_w_attr(f, which[i]);

		font = cd_sym_font((const char *)v);
		xmlFree(v);
	}
	return font;
}

/* Rewrites the text of w:t t in a symbol-font run: U+F020..U+F0FF and the
 * 8-bit codes through the font's table (unknown ones are dropped). */
static void
map_pua(xmlNodePtr t, int font)
{
	xmlChar *s = xmlNodeGetContent(t);
	const unsigned char *p;
	cd_buf b;
	int changed = 0;
	size_t dropped = 0;
	char *out;

	if (s == NULL)
		return;
	cd_buf_init(&b);
	for (p = s; *p;) {
		unsigned c = 0, len = 0;

		/* U+F000..U+F0FF is EF 80 80 .. EF 83 BF; U+0080..U+00FF C2/C3 xx */
		if (p[0] == 0xEF && p[1] >= 0x80 && p[1] <= 0x83 && p[2] >= 0x80 && p[2] <= 0xBF)
			c = 0xF000u | ((unsigned)(p[1] & 0x3F) << 6) | (p[2] & 0x3Fu), len = 3;
		else if ((p[0] == 0xC2 || p[0] == 0xC3) && (p[1] & 0xC0) == 0x80)
			c = ((unsigned)(p[0] & 0x1F) << 6) | (p[1] & 0x3Fu), len = 2;
		else if (p[0] > 0x20 && p[0] < 0x7F)
			c = p[0], len = 1;
		if (len == 0) {
			cd_buf_addc(&b, (char)*p++);
			continue;
		}
		utf8_put(&b, cd_sym_map(font, c));
		changed |= cd_sym_map(font, c) != (c & 0xFF) || len == 3;
		if (cd_sym_map(font, c) == 0)
			dropped++;
		p += len;
	}
	if (dropped > 0)
		cd_msg_at(t, CD_MSG_SYMBOL_UNKNOWN, "%zu in a symbol-font run", dropped);
	out = cd_buf_take(&b, NULL);
	if (changed && out != NULL) {
		xmlChar *esc = xmlEncodeSpecialChars(t->doc, BAD_CAST out);

		xmlNodeSetContent(t, esc);
		xmlFree(esc);
	}
	free(out);
	xmlFree(s);
}

static void
sym_to_text(xmlNodePtr sym)
{
	xmlChar *font = cd_w_attr(sym, "font"), *chr = cd_w_attr(sym, "char");
	unsigned long code = chr ? strtoul((const char *)chr, NULL, 16) : 0;
	uint32_t u = code <= 0xFFFF ? cd_sym_map(cd_sym_font((const char *)font),
	                                         (unsigned)code) : 0;

	if (u == 0)
		cd_msg_at(sym, cd_sym_font((const char *)font) != CD_SYM_NONE ?
		          CD_MSG_SYMBOL_UNKNOWN : CD_MSG_CHAR_FORBIDDEN,
		          "w:sym font \"%s\" char %s", font ? (const char *)font : "",
		          chr ? (const char *)chr : "");
	if (u != 0) {
		cd_buf b;
		char *s;
		xmlNodePtr t = cd_flat_new_w(sym, "t");

		cd_buf_init(&b);
		utf8_put(&b, u);
		s = cd_buf_take(&b, NULL);
		if (s != NULL)
			xmlNodeAddContent(t, BAD_CAST s);
		free(s);
		xmlAddPrevSibling(sym, t);
	}
	cd_xml_remove(sym);
	xmlFree(font);
	xmlFree(chr);
}

/* Appends the w:sym under root to syms and the w:r in a symbol font to
 * runs (pre-order). */
static void
collect_syms_runs(xmlNodePtr root, cd_flat_list *syms, cd_flat_list *runs)
{
	for (xmlNodePtr n = cd_xml_next_in(root, root); n; n = cd_xml_next_in(n, root)) {
		if (cd_w_is(n, "r") && cd_flat_run_symbol_font(n) != CD_SYM_NONE)
			cd_flat_list_add(runs, n);
		else if (cd_w_is(n, "sym"))
			cd_flat_list_add(syms, n);
	}
}

void
cd_flat_symbols_in(const cd_flat_list *syms, const cd_flat_list *symruns)
{
	for (size_t i = 0; i < syms->n; i++)
		sym_to_text(syms->v[i]);
	/* a run's font is its rFonts, which turning w:sym into text leaves */
	for (size_t i = 0; i < symruns->n; i++) {
		int font = cd_flat_run_symbol_font(symruns->v[i]);

		for (xmlNodePtr c = symruns->v[i]->children; c != NULL; c = c->next)
			if (cd_w_is(c, "t"))
				map_pua(c, font);
	}
}

cd_status
cd_flat_symbols(xmlNodePtr root, const char *part, cd_error *err)
{
	cd_flat_list runs = { 0 }, syms = { 0 };

	(void)part;
	(void)err;
	/* one walk: converting symbols never removes a run */
	collect_syms_runs(root, &syms, &runs);
	cd_flat_symbols_in(&syms, &runs);
	cd_flat_list_free(&syms);
	cd_flat_list_free(&runs);
	return CD_OK;
}
