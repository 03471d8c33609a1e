/*
 * math.c — OMML equations as readable linear text (pkg:math), and the
 * Symbol / Wingdings font characters (w:sym, private-use code points) as
 * the Unicode characters they show.
 */
#include <stdlib.h>
#include <string.h>

#include "stages.h"

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

/* ---- Symbol and Wingdings ---- */

struct sym_pair { unsigned char code; unsigned short uc; };

static const struct sym_pair symbol_tab[] = {
	{0x22, 0x2200}, {0x24, 0x2203}, {0x27, 0x220B}, {0x2A, 0x2217}, {0x2D, 0x2212},
	{0x40, 0x2245}, {0x41, 0x0391}, {0x42, 0x0392}, {0x43, 0x03A7}, {0x44, 0x0394},
	{0x45, 0x0395}, {0x46, 0x03A6}, {0x47, 0x0393}, {0x48, 0x0397}, {0x49, 0x0399},
	{0x4A, 0x03D1}, {0x4B, 0x039A}, {0x4C, 0x039B}, {0x4D, 0x039C}, {0x4E, 0x039D},
	{0x4F, 0x039F}, {0x50, 0x03A0}, {0x51, 0x0398}, {0x52, 0x03A1}, {0x53, 0x03A3},
	{0x54, 0x03A4}, {0x55, 0x03A5}, {0x56, 0x03C2}, {0x57, 0x03A9}, {0x58, 0x039E},
	{0x59, 0x03A8}, {0x5A, 0x0396}, {0x5C, 0x2234}, {0x5E, 0x22A5}, {0x61, 0x03B1},
	{0x62, 0x03B2}, {0x63, 0x03C7}, {0x64, 0x03B4}, {0x65, 0x03B5}, {0x66, 0x03C6},
	{0x67, 0x03B3}, {0x68, 0x03B7}, {0x69, 0x03B9}, {0x6A, 0x03D5}, {0x6B, 0x03BA},
	{0x6C, 0x03BB}, {0x6D, 0x03BC}, {0x6E, 0x03BD}, {0x6F, 0x03BF}, {0x70, 0x03C0},
	{0x71, 0x03B8}, {0x72, 0x03C1}, {0x73, 0x03C3}, {0x74, 0x03C4}, {0x75, 0x03C5},
	{0x76, 0x03D6}, {0x77, 0x03C9}, {0x78, 0x03BE}, {0x79, 0x03C8}, {0x7A, 0x03B6},
	{0x7E, 0x223C}, {0xA2, 0x2032}, {0xA3, 0x2264}, {0xA5, 0x221E}, {0xA7, 0x2663},
	{0xA8, 0x2666}, {0xA9, 0x2665}, {0xAA, 0x2660}, {0xAB, 0x2194}, {0xAC, 0x2190},
	{0xAD, 0x2191}, {0xAE, 0x2192}, {0xAF, 0x2193}, {0xB0, 0x00B0}, {0xB1, 0x00B1},
	{0xB2, 0x2033}, {0xB3, 0x2265}, {0xB4, 0x00D7}, {0xB5, 0x221D}, {0xB6, 0x2202},
	{0xB7, 0x2022}, {0xB8, 0x00F7}, {0xB9, 0x2260}, {0xBA, 0x2261}, {0xBB, 0x2248},
	{0xBC, 0x2026}, {0xC4, 0x2297}, {0xC5, 0x2295}, {0xC6, 0x2205}, {0xC7, 0x2229},
	{0xC8, 0x222A}, {0xCE, 0x2208}, {0xCF, 0x2209}, {0xD1, 0x2207}, {0xD6, 0x221A},
	{0xD7, 0x00B7}, {0xD8, 0x00AC}, {0xD9, 0x2227}, {0xDA, 0x2228}, {0xDB, 0x21D4},
	{0xDC, 0x21D0}, {0xDE, 0x21D2}, {0xE5, 0x2211}, {0xF2, 0x222B}, {0, 0}
};

static const struct sym_pair wingdings_tab[] = {
	{0x4A, 0x263A}, {0x4C, 0x2639}, {0x6C, 0x25CF}, {0x6E, 0x25A0}, {0x6F, 0x25A1},
	{0x71, 0x2751}, {0x75, 0x25C6}, {0x76, 0x2756}, {0x77, 0x2B25}, {0x9F, 0x2022},
	{0xA1, 0x25CB}, {0xA7, 0x25AA}, {0xA8, 0x25FB}, {0xD8, 0x27A2}, {0xE8, 0x2794},
	{0xF0, 0x21E8}, {0xFB, 0x2717}, {0xFC, 0x2713}, {0xFD, 0x2612}, {0xFE, 0x2611},
	{0, 0}
};

unsigned
cd_flat_sym_map(const char *font, unsigned code)
{
	const struct sym_pair *t = NULL;

	if (code >= 0xF000 && code <= 0xF0FF)
		code -= 0xF000;
	if (font != NULL && strstr(font, "Wingdings") != NULL)
		t = wingdings_tab;
	else if (font != NULL && strstr(font, "Symbol") != NULL)
		t = symbol_tab;
	if (t == NULL)
		return code >= 0x20 && code < 0xF000 && code != 0x7F ? code : 0;
	for (const struct sym_pair *p = t; p->code != 0; p++)
		if (p->code == code)
			return p->uc;
	/* Symbol shares ASCII punctuation and digits */
	if (t == symbol_tab && code >= 0x20 && code < 0x7F)
		return code;
	return 0;
}

static void
utf8_put(cd_buf *b, unsigned c)
{
	char u[4];
	size_t n;

	if (c < 0x80) {
		u[0] = (char)c;
		n = 1;
	} else if (c < 0x800) {
		u[0] = (char)(0xC0 | (c >> 6));
		u[1] = (char)(0x80 | (c & 0x3F));
		n = 2;
	} else {
		u[0] = (char)(0xE0 | (c >> 12));
		u[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		u[2] = (char)(0x80 | (c & 0x3F));
		n = 3;
	}
	cd_buf_add(b, u, n);
}

/* The symbol font of run r (rFonts ascii/hAnsi/cs naming Symbol or
 * Wingdings), or NULL. Caller frees with xmlFree. */
static xmlChar *
run_symbol_font(xmlNodePtr r)
{
	static const char *const which[] = { "ascii", "hAnsi", "cs", "eastAsia" };
	xmlNodePtr f = cd_w_child(cd_w_child(r, "rPr"), "rFonts");

	for (size_t i = 0; f != NULL && i < 4; i++) {
		xmlChar *v = cd_w_attr(f, which[i]);

		if (v != NULL && (xmlStrstr(v, BAD_CAST "Symbol") || xmlStrstr(v, BAD_CAST "Wingdings")))
			return v;
		xmlFree(v);
	}
	return NULL;
}

/* Rewrites the text of w:t t: U+F020..U+F0FF through font's table. */
static void
map_pua(xmlNodePtr t, const char *font)
{
	xmlChar *s = xmlNodeGetContent(t);
	const unsigned char *p;
	cd_buf b;
	int changed = 0;
	char *out;

	if (s == NULL)
		return;
	cd_buf_init(&b);
	for (p = s; *p;) {
		/* U+F020..U+F0FF is EF 80 A0 .. EF 83 BF */
		if (p[0] == 0xEF && p[1] >= 0x80 && p[1] <= 0x83 && p[2] >= 0x80 && p[2] <= 0xBF) {
			unsigned c = 0xF000u | ((unsigned)(p[1] & 0x3F) << 6) | (p[2] & 0x3Fu);
			unsigned u = cd_flat_sym_map(font, c);

			if (u != 0)
				utf8_put(&b, u);
			changed = 1;
			p += 3;
		} else {
			cd_buf_addc(&b, (char)*p++);
		}
	}
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
	unsigned u = code <= 0xFFFF ? cd_flat_sym_map((const char *)font, (unsigned)code) : 0;

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

/* Appends the w:sym under root to syms and the w:r to runs (pre-order). */
static void
collect_syms_runs(xmlNodePtr root, cd_flat_list *syms, cd_flat_list *runs)
{
	for (xmlNodePtr n = cd_xml_next_in(root, root); n; n = cd_xml_next_in(n, root)) {
		if (cd_w_is(n, "r"))
			cd_flat_list_add(runs, n);
		else if (cd_w_is(n, "sym"))
			cd_flat_list_add(syms, n);
	}
}

cd_status
cd_flat_symbols(xmlNodePtr root, const char *part, cd_error *err)
{
	cd_flat_list l = { 0 }, syms = { 0 };

	(void)part;
	(void)err;
	/* one walk: converting symbols never removes a run */
	collect_syms_runs(root, &syms, &l);
	for (size_t i = 0; i < syms.n; i++)
		sym_to_text(syms.v[i]);
	cd_flat_list_free(&syms);
	for (size_t i = 0; i < l.n; i++) {
		xmlChar *font = run_symbol_font(l.v[i]);

		for (xmlNodePtr c = font ? l.v[i]->children : NULL; c != NULL; c = c->next)
			if (cd_w_is(c, "t"))
				map_pua(c, (const char *)font);
		xmlFree(font);
	}
	cd_flat_list_free(&l);
	return CD_OK;
}
