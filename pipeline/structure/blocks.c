/*
 * blocks.c — a paragraph's runs → council inline content (b i u sup sub
 * span link note figure math anchor br); block containers → p and table
 * (tables: tables.c).
 *
 * A paragraph is first read into a flat array of pieces (text with its
 * formatting, or a ready inline element); the pieces are then trimmed,
 * a leading typed label can be skipped, and the inline tree is built with
 * one stack of open elements in a fixed order (link, b, i, u, sup, sub,
 * span) so that identical formatting across runs merges.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "structure.h"
#include "stlang.h"
#include "symbols.h"

enum { F_B = 1, F_I = 2, F_U = 4, F_SUP = 8, F_SUB = 16 };

typedef struct piece {
	char *text;          /* malloc'd, NULL for node pieces */
	xmlNodePtr node;     /* ready council inline element */
	unsigned fmt;
	char lang[16];
	const xmlNode *link; /* the w:hyperlink it sits in, or NULL */
	const xmlNode *rev;  /* the pkg:ins / pkg:del it sits in, or NULL */
} piece;

typedef struct pieces {
	piece *v;
	size_t n, cap;
	int text_only;       /* do not build node pieces */
	const xmlNode *rev;  /* the tracked change being collected, or NULL */
	int stop;            /* stop at the first content (has_content) */
	int found;           /* with stop: content was found */
} pieces;

static void
pc_free(pieces *ps)
{
	for (size_t k = 0; k < ps->n; k++) {
		free(ps->v[k].text);
		xmlFreeNode(ps->v[k].node);
	}
	free(ps->v);
	ps->v = NULL;
	ps->n = ps->cap = 0;
}

static piece *
pc_add(pieces *ps)
{
	if (ps->n == ps->cap) {
		size_t cap = ps->cap ? ps->cap * 2 : 16;
		piece *v = realloc(ps->v, cap * sizeof *v);

		if (v == NULL)
			return NULL;
		ps->v = v;
		ps->cap = cap;
	}
	memset(&ps->v[ps->n], 0, sizeof ps->v[0]);
	return &ps->v[ps->n++];
}

static void
pc_text(pieces *ps, const char *s, unsigned fmt, const char *lang, const xmlNode *link)
{
	piece *p;

	if (s == NULL || *s == '\0')
		return;
	for (const char *q = s; ps->stop && !ps->found && *q; q++)
		ps->found = !(*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r');
	/* extend the previous piece when nothing changes */
	if (ps->n > 0 && ps->v[ps->n - 1].text != NULL && ps->v[ps->n - 1].fmt == fmt &&
	    ps->v[ps->n - 1].link == link && ps->v[ps->n - 1].rev == ps->rev &&
	    strcmp(ps->v[ps->n - 1].lang, lang) == 0) {
		piece *q = &ps->v[ps->n - 1];
		size_t a = strlen(q->text), b = strlen(s);
		char *t = realloc(q->text, a + b + 1);

		if (t != NULL) {
			memcpy(t + a, s, b + 1);
			q->text = t;
		}
		return;
	}
	if ((p = pc_add(ps)) == NULL)
		return;
	p->text = strdup(s);
	p->fmt = fmt;
	snprintf(p->lang, sizeof p->lang, "%s", lang);
	p->link = link;
	p->rev = ps->rev;
}

static void
pc_node(pieces *ps, xmlNodePtr n, const xmlNode *link)
{
	piece *p;

	if (n == NULL)
		return;
	if (ps->text_only || (p = pc_add(ps)) == NULL) {
		xmlFreeNode(n);
		return;
	}
	p->node = n;
	p->link = link;
	p->rev = ps->rev;
	if (ps->stop && xmlStrcmp(n->name, BAD_CAST "br") != 0)
		ps->found = 1;
}

xmlNodePtr
cd_st_elem(cd_st_ctx *c, const char *name)
{
	return xmlNewDocNode(c->out, c->ns, BAD_CAST name, NULL);
}

static void
copy_attr(const xmlNode *from, const char *name, xmlNodePtr to, const char *as)
{
	xmlChar *v = xmlGetProp(from, BAD_CAST name);

	if (v != NULL && *v)
		xmlSetProp(to, BAD_CAST as, v);
	xmlFree(v);
}

/* A w:sym left in the paragraph (the flatten stage converts them; a
 * package that skipped it) as UTF-8 in buf (size 5), "" when it maps to
 * nothing (symbols.c). */
static const char *
sym_char(const xmlNode *sym, char *buf)
{
	xmlChar *font = cd_w_attr(sym, "font"), *ch = cd_w_attr(sym, "char");
	unsigned long code = ch ? strtoul((const char *)ch, NULL, 16) : 0;
	uint32_t u = code <= 0xFFFF ? cd_sym_map(cd_sym_font((const char *)font),
	                                         (unsigned)code) : 0;

	xmlFree(font);
	xmlFree(ch);
	cd_sym_utf8(u, buf);
	return buf;
}

static void collect(cd_st_ctx *c, const xmlNode *parent, pieces *ps, const xmlNode *link);

static xmlNodePtr
note_node(cd_st_ctx *c, const xmlNode *n)
{
	xmlNodePtr e = cd_st_elem(c, "note");
	int saved = c->in_note;

	copy_attr(n, "id", e, "id");
	copy_attr(n, "label", e, "label");
	copy_attr(n, "kind", e, "kind");
	if (!xmlHasProp(e, BAD_CAST "kind"))
		xmlSetProp(e, BAD_CAST "kind", BAD_CAST "footnote");
	c->in_note = 1;
	cd_st_blocks(c, n, e);
	c->in_note = saved;
	return e;
}

static xmlNodePtr
marker_node(cd_st_ctx *c, const xmlNode *n)
{
	xmlNodePtr e = NULL;
	xmlChar *t;

	if (cd_pkg_is(n, "note"))
		return note_node(c, n);
	if (cd_pkg_is(n, "image"))
		return cd_st_figure(c, n);
	if (cd_pkg_is(n, "math")) {
		e = cd_st_elem(c, "math");
		t = xmlNodeGetContent(n);
		if (t != NULL)
			xmlNodeAddContent(e, t);
		xmlFree(t);
	} else if (cd_pkg_is(n, "anchor")) {
		e = cd_st_elem(c, "anchor");
		copy_attr(n, "id", e, "id");
		if (!xmlHasProp(e, BAD_CAST "id")) {
			xmlFreeNode(e);
			e = NULL;
		}
	}
	return e;
}

static void
run_child(cd_st_ctx *c, const xmlNode *k, pieces *ps, unsigned fmt,
          const char *lang, const xmlNode *link)
{
	if (cd_w_is(k, "t")) {
		const xmlNode *one = k->children;  /* mostly a single text node */
		int direct = one != NULL && one->type == XML_TEXT_NODE && one->next == NULL;
		xmlChar *t = direct ? NULL : xmlNodeGetContent(k);

		pc_text(ps, direct ? (const char *)one->content : (const char *)t, fmt, lang, link);
		xmlFree(t);
	} else if (cd_w_is(k, "tab") || cd_w_is(k, "ptab")) {
		pc_text(ps, "\t", fmt, lang, link);
	} else if (cd_w_is(k, "noBreakHyphen")) {
		pc_text(ps, "\xE2\x80\x91", fmt, lang, link);
	} else if (cd_w_is(k, "cr") || cd_w_is(k, "br")) {
		xmlChar *type = cd_w_attr(k, "type");

		/* plain text shows a line break as '\n' (one byte, as pc_trim
		 * counts a br node) */
		if ((type == NULL || xmlStrcmp(type, BAD_CAST "textWrapping") == 0) &&
		    ps->text_only)
			pc_text(ps, "\n", fmt, lang, link);
		else if (type == NULL || xmlStrcmp(type, BAD_CAST "textWrapping") == 0)
			pc_node(ps, cd_st_elem(c, "br"), link);
		xmlFree(type);
	} else if (cd_w_is(k, "sym")) {
		char u[5];

		pc_text(ps, sym_char(k, u), fmt, lang, link);
	} else if (k->ns && strcmp((const char *)k->ns->href, CD_PKG_NS) == 0) {
		if (!ps->text_only)
			pc_node(ps, marker_node(c, k), link);
	}
}

/* The language of run r when it is not the document's (its span's
 * xml:lang): by the script of its letters (stlang.h); Latin text in a
 * right-to-left or CJK document without a tag of its own takes the
 * document default (docDefaults w:val). 1 when out holds a tag. */
static int
run_lang(const cd_st_ctx *c, const xmlNode *r, const char *val, char *out, size_t max)
{
	cd_buf text;
	cd_st_script sc;
	char p[8];

	cd_buf_init(&text);
	for (const xmlNode *t = r->children; t; t = t->next)
		if (cd_w_is(t, "t") && t->children && t->children->content)
			cd_buf_adds(&text, (const char *)t->children->content);
	sc = cd_st_lang_run(cd_w_child(r, "rPr"), val, text.len ? text.data : "", out, max);
	cd_buf_free(&text);
	if (sc == CD_SCRIPT_LTR && out[0] == '\0' &&
	    (cd_st_lang_is_rtl(c->lang) || strcmp(c->lang, "zh") == 0 ||
	     strcmp(c->lang, "ja") == 0 || strcmp(c->lang, "ko") == 0)) {
		const char *d = cd_st_styles_lang(c->styles);

		if (d != NULL && !cd_st_lang_is_rtl(d))
			snprintf(out, max, "%s", d);
	}
	cd_st_lang_primary(out, p, sizeof p);
	if (strcmp(p, c->lang) == 0 || p[0] == '\0')
		out[0] = '\0';
	return out[0] != '\0';
}

static void
run(cd_st_ctx *c, const xmlNode *r, pieces *ps, const xmlNode *link)
{
	cd_st_rfmt f;
	unsigned fmt = 0;
	const char *lang = "";
	char tag[16];

	cd_st_run_fmt(c->styles, cd_w_child(r, "rPr"), &f);
	if (f.vanish || (c->para_vanish && cd_w_onoff(cd_w_child(r, "rPr"), "vanish") != 0))
		return;
	fmt = (f.b ? F_B : 0) | (f.i ? F_I : 0) | (f.u && link == NULL ? F_U : 0) |
	      (f.sup ? F_SUP : 0) | (f.sub ? F_SUB : 0);
	if (!c->in_note && run_lang(c, r, f.lang, tag, sizeof tag))
		lang = tag;
	for (const xmlNode *k = r->children; k && !ps->found; k = k->next)
		run_child(c, k, ps, fmt, lang, link);
}

static void
collect(cd_st_ctx *c, const xmlNode *parent, pieces *ps, const xmlNode *link)
{
	for (const xmlNode *k = parent->children; k && !ps->found; k = k->next) {
		if (k->type != XML_ELEMENT_NODE)
			continue;
		if (cd_w_is(k, "r"))
			run(c, k, ps, link);
		else if (cd_w_is(k, "hyperlink"))
			collect(c, k, ps, k);
		else if (cd_w_is(k, "ins") || cd_w_is(k, "moveTo") ||
		         cd_w_is(k, "smartTag") || cd_w_is(k, "customXml") ||
		         cd_w_is(k, "sdt") || cd_w_is(k, "sdtContent") ||
		         cd_w_is(k, "fldSimple") || cd_w_is(k, "dir") ||
		         cd_w_is(k, "bdo"))
			collect(c, k, ps, link);
		else if (cd_pkg_is(k, "ins") || cd_pkg_is(k, "del")) {
			const xmlNode *saved = ps->rev;

			ps->rev = k;
			collect(c, k, ps, link);
			ps->rev = saved;
		} else if (k->ns && strcmp((const char *)k->ns->href, CD_PKG_NS) == 0 &&
		           !ps->text_only)
			pc_node(ps, marker_node(c, k), link);
	}
}

/* Plain text of the pieces (caller frees). */
/* 1 for text shown as deleted (--changes=all): it takes no part in how
 * the paragraph is read (a deleted "3.1<TAB>" is no section number). */
static int
is_deleted(const piece *p)
{
	return p->rev != NULL && cd_pkg_is(p->rev, "del");
}

static char *
pc_plain(const pieces *ps)
{
	cd_buf b;

	cd_buf_init(&b);
	for (size_t k = 0; k < ps->n; k++)
		if (ps->v[k].text && !is_deleted(&ps->v[k]))
			cd_buf_adds(&b, ps->v[k].text);
	return cd_buf_take(&b, NULL);
}

char *
cd_st_para_text(const cd_st_ctx *c, const xmlNode *p)
{
	pieces ps = { NULL, 0, 0, 1, NULL, 0, 0 };
	cd_st_ctx tmp = *c;
	char *s;

	collect(&tmp, p, &ps, NULL);
	s = pc_plain(&ps);
	pc_free(&ps);
	return s;
}

static int
is_space(const char *s)
{
	return *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r';
}

/* Drops skip bytes of text and leading whitespace/br from the front, and
 * trailing whitespace/br from the end. */
static void
pc_trim(pieces *ps, size_t skip)
{
	size_t k;

	for (k = 0; k < ps->n; k++) {
		piece *p = &ps->v[k];

		if (p->text && skip > 0 && is_deleted(p)) {
			continue;
		} else if (p->text) {
			size_t l = strlen(p->text), d = skip < l ? skip : l;

			skip -= d;
			while (skip == 0 && d < l && is_space(p->text + d))
				d++;
			memmove(p->text, p->text + d, l - d + 1);
			if (p->text[0] != '\0')
				break;
		} else if (p->node && xmlStrcmp(p->node->name, BAD_CAST "br") == 0) {
			xmlFreeNode(p->node);
			p->node = NULL;
			skip -= skip > 0;   /* '\n' in the plain text */
		} else if (skip == 0) {
			break;
		}
	}
	for (k = ps->n; k > 0; k--) {
		piece *p = &ps->v[k - 1];

		if (p->text) {
			size_t l = strlen(p->text);

			while (l > 0 && is_space(p->text + l - 1))
				p->text[--l] = '\0';
			if (l > 0)
				break;
		} else if (p->node && xmlStrcmp(p->node->name, BAD_CAST "br") == 0) {
			xmlFreeNode(p->node);
			p->node = NULL;
		} else if (p->node) {
			break;
		}
	}
}

/* The open-element keys of a piece, outermost first. */
static int
keys(const piece *p, const char **k, const void **id)
{
	static const char *const names[] = { "b", "i", "u", "sup", "sub" };
	int n = 0;

	if (p->rev) {
		k[n] = (const char *)p->rev->name;   /* "ins" or "del" */
		id[n++] = p->rev;
	}
	if (p->link) {
		k[n] = "link";
		id[n++] = p->link;
	}
	for (int b = 0; b < 5; b++)
		if (p->fmt & (1u << b)) {
			k[n] = names[b];
			id[n++] = NULL;
		}
	if (p->lang[0]) {
		k[n] = "span";
		id[n++] = p->lang;
	}
	return n;
}

static xmlNodePtr
open_elem(cd_st_ctx *c, const char *name, const piece *p)
{
	xmlNodePtr e = cd_st_elem(c, name);

	if (strcmp(name, "link") == 0) {
		xmlChar *h = xmlGetNsProp(p->link, BAD_CAST "href", BAD_CAST CD_PKG_NS);
		xmlChar *a = cd_w_attr(p->link, "anchor");

		if (h != NULL)
			xmlSetProp(e, BAD_CAST "href", h);
		else if (a != NULL)
			xmlSetProp(e, BAD_CAST "target", a);
		xmlFree(h);
		xmlFree(a);
	} else if (strcmp(name, "ins") == 0 || strcmp(name, "del") == 0) {
		xmlChar *a = xmlGetProp(p->rev, BAD_CAST "author");
		xmlChar *d = xmlGetProp(p->rev, BAD_CAST "date");

		if (a != NULL)
			xmlSetProp(e, BAD_CAST "author", a);
		if (d != NULL)
			xmlSetProp(e, BAD_CAST "date", d);
		xmlFree(a);
		xmlFree(d);
	} else if (strcmp(name, "span") == 0) {
		xmlNsPtr xns = xmlSearchNsByHref(c->out, e, BAD_CAST CD_XML_NS);

		xmlSetNsProp(e, xns, BAD_CAST "lang", BAD_CAST p->lang);
		if (cd_st_lang_is_rtl(p->lang) != cd_st_lang_is_rtl(c->lang))
			xmlSetProp(e, BAD_CAST "dir",
			           BAD_CAST (cd_st_lang_is_rtl(p->lang) ? "rtl" : "ltr"));
	}
	return e;
}

static int
link_usable(const xmlNode *l)
{
	xmlChar *h = xmlGetNsProp(l, BAD_CAST "href", BAD_CAST CD_PKG_NS);
	xmlChar *a = cd_w_attr(l, "anchor");
	int ok = h != NULL || a != NULL;

	xmlFree(h);
	xmlFree(a);
	return ok;
}

static int
build(cd_st_ctx *c, pieces *ps, xmlNodePtr parent)
{
	xmlNodePtr stack[10];
	const char *sk[10];
	const void *sid[10];
	int depth = 0, added = 0;

	stack[0] = parent;
	for (size_t k = 0; k < ps->n; k++) {
		piece *p = &ps->v[k];
		const char *kn[10];
		const void *kid[10];
		int n, common = 0;

		if (p->link && !link_usable(p->link))
			p->link = NULL;
		if ((p->text == NULL || p->text[0] == '\0') && p->node == NULL)
			continue;
		if (p->text != NULL) {
			n = keys(p, kn, kid);
			while (common < n && common < depth && strcmp(kn[common], sk[common]) == 0 &&
			       (kid[common] == sid[common] ||
			        (kid[common] && sid[common] && strcmp(kn[common], "span") == 0 &&
			         strcmp(kid[common], sid[common]) == 0)))
				common++;
			depth = common;
			for (; depth < n; depth++) {
				stack[depth + 1] = xmlAddChild(stack[depth], open_elem(c, kn[depth], p));
				sk[depth] = kn[depth];
				sid[depth] = kid[depth];
			}
			for (char *t = p->text; *t; t++)
				if (*t == '\t' || *t == '\n' || *t == '\r')
					*t = ' ';
			xmlNodeAddContent(stack[depth], BAD_CAST p->text);
		} else {
			xmlAddChild(stack[depth], p->node);
			p->node = NULL;
		}
		added = 1;
	}
	return added;
}

int
cd_st_inline(cd_st_ctx *c, const xmlNode *p, xmlNodePtr parent, size_t skip)
{
	pieces ps = { NULL, 0, 0, 0, NULL, 0, 0 };
	int r, saved = c->para_vanish;

	c->para_vanish = cd_st_para_vanish(c->styles, p);
	collect(c, p, &ps, NULL);
	c->para_vanish = saved;
	pc_trim(&ps, skip);
	r = build(c, &ps, parent);
	pc_free(&ps);
	return r;
}

int
cd_st_para_has_content(const cd_st_ctx *c, const xmlNode *p)
{
	pieces ps = { NULL, 0, 0, 0, NULL, 0, 0 };
	cd_st_ctx tmp = *c;
	int has = 0;

	/* package elements (notes, figures...) are built with effects on the
	 * context; without them, collecting may stop at the first content */
	ps.stop = !cd_xml_has_ns(p, CD_PKG_NS);
	tmp.para_vanish = cd_st_para_vanish(c->styles, p);
	collect(&tmp, p, &ps, NULL);
	for (size_t k = 0; k < ps.n && !has; k++) {
		for (const char *s = ps.v[k].text; s && *s && !has; s++)
			has = !is_space(s);
		if (ps.v[k].node && xmlStrcmp(ps.v[k].node->name, BAD_CAST "br") != 0)
			has = 1;
	}
	pc_free(&ps);
	return has;
}

void
cd_st_blocks(cd_st_ctx *c, const xmlNode *container, xmlNodePtr parent)
{
	xmlNodePtr list = NULL;

	for (const xmlNode *k = container->children; k; k = k->next) {
		if (cd_w_is(k, "p")) {
			xmlNodePtr p;

			if (cd_pkg_is(container, "image") && cd_st_figure_caption(c, k, parent)) {
				list = NULL;
				continue;
			}
			if (cd_st_block_item(c, k, parent, &list))
				continue;
			list = NULL;
			if (!cd_st_para_has_content(c, k))
				continue;
			p = cd_st_elem(c, "p");
			if (cd_st_inline(c, k, p, 0))
				xmlAddChild(parent, p);
			else
				xmlFreeNode(p);
		} else if (cd_w_is(k, "tbl")) {
			xmlNodePtr t = cd_st_table(c, k);

			list = NULL;
			if (t != NULL)
				xmlAddChild(parent, t);
		} else if (cd_w_is(k, "sdt") || cd_w_is(k, "sdtContent") ||
		           cd_w_is(k, "customXml") || cd_w_is(k, "ins") ||
		           cd_w_is(k, "txbxContent")) {
			list = NULL;
			cd_st_blocks(c, k, parent);
		}
	}
}
