/*
 * structure.c — cd_structure: the package document (after flatten, clean,
 * notes) → the council document. Walks the body once, deciding for each
 * paragraph: header line, source, title, lead-in label or content, rule,
 * annex, section (styled, Word-numbered or typed number), list item
 * (Word numbering, enumlevN, typed label) or plain paragraph.
 * Nesting, lists and ids: sections.c; inline content and tables: blocks.c.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "structure.h"
#include "stlang.h"
#include "symbols.h"

typedef struct st_state {
	cd_st_ctx *c;
	cd_st_tree *tree;
	cd_meta meta;
	xmlNodePtr root;
	xmlNodePtr lead[4];   /* purpose, action, references (by CD_LEADIN_*) */
	xmlNodePtr leadin;    /* the open lead-in element, or NULL */
	int front;            /* before the first section / lead-in */
	int after_source;     /* the previous paragraph was the source line */
	int npara, nbidi;
} st_state;

/* ---- the walk ---- */

static void walk(st_state *st, const xmlNode *container);

static xmlNodePtr
leadin_elem(st_state *st, int kind)
{
	static const char *const names[] = { "", "purpose", "action", "references" };

	if (st->lead[kind] == NULL)
		st->lead[kind] = cd_st_elem(st->c, names[kind]);
	return st->lead[kind];
}

static void
set_meta(char **field, const char *text)
{
	if (*field == NULL)
		*field = strdup(text);
}

static xmlNodePtr
make_p(st_state *st, const xmlNode *p, const cd_st_pinfo *pi, size_t skip,
       const char *name)
{
	xmlNodePtr e = cd_st_elem(st->c, name);

	if (!cd_st_inline(st->c, p, e, skip)) {
		xmlFreeNode(e);
		return NULL;
	}
	if (pi->bidi)
		xmlSetProp(e, BAD_CAST "dir", BAD_CAST "rtl");
	return e;
}

/* Front matter: source, title, header lines. 1 when consumed. */
static int
front_para(st_state *st, const cd_st_pinfo *pi, const char *t)
{
	int after = st->after_source;

	st->after_source = 0;
	if (pi->role == CD_ROLE_TITLE && st->meta.title == NULL) {
		set_meta(&st->meta.title, t);
		return 1;
	}
	if (!st->front)
		return 0;
	if ((pi->role == CD_ROLE_SOURCE || cd_st_is_source(t)) && st->meta.source == NULL) {
		set_meta(&st->meta.source, t);
		st->after_source = 1;
		return 1;
	}
	if (after && st->meta.title == NULL && pi->heading == 0 && pi->num_id == 0 &&
	    strlen(t) < 400) {
		set_meta(&st->meta.title, t);
		return 1;
	}
	return pi->heading == 0 && cd_meta_line(&st->meta, t);
}

static void
close_leadin(st_state *st)
{
	st->leadin = NULL;
}

static void
section_para(st_state *st, const xmlNode *p, const cd_st_pinfo *pi, int level,
             const char *num, size_t skip)
{
	xmlNodePtr title = make_p(st, p, pi, skip, "title");

	close_leadin(st);
	st->front = 0;
	if (title == NULL)
		title = cd_st_elem(st->c, "title");
	cd_st_tree_section(st->tree, level, num, title);
}

static int
heading_para(st_state *st, const xmlNode *p, const cd_st_pinfo *pi,
             const cd_st_numlabel *lab, int numbered, const char *t, size_t lead)
{
	char num[64];
	size_t skip;

	if ((skip = cd_st_typed_number(t, pi->heading > 0, num, sizeof num)) > 0) {
		section_para(st, p, pi, cd_st_num_depth(num), num, skip + lead);
		return 1;
	}
	if (pi->heading == 0 || pi->role == CD_ROLE_HEADINGB)
		return 0;
	if (numbered && !lab->bullet && cd_st_label_number(lab->label, num, sizeof num))
		section_para(st, p, pi, cd_st_num_depth(num), num, lead);
	else
		section_para(st, p, pi, pi->heading, NULL, lead);
	return 1;
}

static void
para(st_state *st, const xmlNode *p)
{
	cd_st_pinfo pi;
	cd_st_numlabel lab;
	int numbered, kind;
	char *text, *t, num[32];
	size_t lead;
	xmlNodePtr e;

	cd_st_para_info(st->c->styles, p, &pi);
	numbered = cd_st_num_next(st->c->num, pi.num_id, pi.ilvl, &lab);
	if (pi.role == CD_ROLE_TOC || !cd_st_para_has_content(st->c, p))
		return;
	text = cd_st_para_text(st->c, p);
	if (text == NULL)
		return;
	lead = cd_st_lead_space(text);
	t = text + lead;
	for (size_t n = strlen(t); n > 0 && strchr(" \t\r\n", t[n - 1]); n--)
		t[n - 1] = '\0';
	st->npara++;
	st->nbidi += pi.bidi;
	if (*t && cd_st_is_rule(t)) {
		close_leadin(st);
		cd_st_tree_end_list(st->tree);
	} else if (*t && front_para(st, &pi, t)) {
		/* stored in meta */
	} else if (*t && (kind = cd_meta_leadin(t)) != CD_LEADIN_NONE) {
		st->front = 0;
		st->leadin = leadin_elem(st, kind);
	} else if (*t && (pi.role == CD_ROLE_ANNEX || (pi.num_id == 0 &&
	           cd_st_typed_annex(t, num, sizeof num)))) {
		if (pi.role == CD_ROLE_ANNEX && !cd_st_typed_annex(t, num, sizeof num))
			num[0] = '\0';
		close_leadin(st);
		st->front = 0;
		if ((e = make_p(st, p, &pi, lead, "title")) != NULL)
			cd_st_tree_annex(st->tree, num, e);
	} else if (heading_para(st, p, &pi, &lab, numbered, t, lead)) {
		/* section opened */
	} else if (st->leadin != NULL) {
		if ((e = make_p(st, p, &pi, 0, "p")) != NULL)
			xmlAddChild(st->leadin, e);
	} else if (cd_st_list_para(st->c, st->tree, p, &pi, &lab, numbered, t, lead)) {
		st->front = 0;
	} else if ((e = make_p(st, p, &pi, 0, "p")) != NULL) {
		st->front = 0;   /* body text: no more header lines after it */
		cd_st_tree_block(st->tree, e);
	}
	free(text);
}

/* Collects the paragraphs of a table (document order) into a buffer of
 * pointers; caller frees. */
static size_t
table_paras(const xmlNode *n, const xmlNode ***v, size_t *cap, size_t k)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (cd_w_is(c, "p")) {
			if (k == *cap) {
				size_t nc = *cap ? *cap * 2 : 16;
				const xmlNode **nv = realloc(*v, nc * sizeof *nv);

				if (nv == NULL)
					return k;
				*v = nv;
				*cap = nc;
			}
			(*v)[k++] = c;
		} else {
			k = table_paras(c, v, cap, k);
		}
	}
	return k;
}

/* Header-table test and feed. 1 when tbl is the header block. */
static int
header_table(st_state *st, const xmlNode *tbl)
{
	const xmlNode **v = NULL;
	size_t cap = 0, n = table_paras(tbl, &v, &cap, 0);
	int lines = 0, hits = 0, leadin = 0;
	cd_meta scratch;

	cd_meta_init(&scratch);
	for (size_t k = 0; k < n; k++) {
		char *t = cd_st_para_text(st->c, v[k]);
		char *s = t ? t + cd_st_lead_space(t) : NULL;

		if (s != NULL && *s) {
			lines++;
			hits += cd_meta_line(&scratch, s);
			leadin += cd_meta_leadin(s) != CD_LEADIN_NONE;
		}
		free(t);
	}
	cd_meta_free(&scratch);
	if (leadin || hits < 2 || hits * 2 < lines) {
		free(v);
		return 0;
	}
	for (size_t k = 0; k < n; k++) {
		char *t = cd_st_para_text(st->c, v[k]);
		char *s = t ? t + cd_st_lead_space(t) : NULL;
		cd_st_pinfo pi;

		cd_st_para_info(st->c->styles, v[k], &pi);
		if (s != NULL && *s && !cd_meta_line(&st->meta, s))
			front_para(st, &pi, s);
		free(t);
	}
	free(v);
	return 1;
}

static int
table_has_leadin(st_state *st, const xmlNode *tbl)
{
	const xmlNode **v = NULL;
	size_t cap = 0, n = table_paras(tbl, &v, &cap, 0);
	int found = 0;

	for (size_t k = 0; k < n && !found; k++) {
		char *t = cd_st_para_text(st->c, v[k]);

		found = t && cd_meta_leadin(t + cd_st_lead_space(t)) != CD_LEADIN_NONE;
		free(t);
	}
	free(v);
	return found;
}

static int
one_cell(const xmlNode *tbl)
{
	int rows = 0, cells = 0;

	for (const xmlNode *tr = tbl->children; tr; tr = tr->next) {
		if (!cd_w_is(tr, "tr"))
			continue;
		rows++;
		for (const xmlNode *tc = tr->children; tc; tc = tc->next)
			cells += cd_w_is(tc, "tc");
	}
	return rows == 1 && cells == 1;
}

static void
table(st_state *st, const xmlNode *tbl)
{
	xmlNodePtr t;

	if (st->front && header_table(st, tbl))
		return;
	if (table_has_leadin(st, tbl) || one_cell(tbl)) {
		for (const xmlNode *tr = tbl->children; tr; tr = tr->next)
			for (const xmlNode *tc = tr->children; tc; tc = tc->next)
				if (cd_w_is(tc, "tc"))
					walk(st, tc);
		close_leadin(st);
		return;
	}
	if ((t = cd_st_table(st->c, tbl)) == NULL)
		return;
	st->front = 0;
	if (st->leadin != NULL)
		xmlAddChild(st->leadin, t);
	else
		cd_st_tree_block(st->tree, t);
}

static void
walk(st_state *st, const xmlNode *container)
{
	for (const xmlNode *k = container->children; k; k = k->next) {
		if (cd_w_is(k, "p"))
			para(st, k);
		else if (cd_w_is(k, "tbl"))
			table(st, k);
		else if (cd_w_is(k, "sdt") || cd_w_is(k, "sdtContent") ||
		         cd_w_is(k, "customXml") || cd_w_is(k, "ins") ||
		         cd_w_is(k, "moveTo") || cd_w_is(k, "txbxContent"))
			walk(st, k);
	}
}

/* ---- language ---- */

typedef struct lang_count {
	char tag[8][8];
	size_t n[8];      /* letters tagged with tag[i] */
	size_t ex[8];     /* of which explicitly (run or character style) */
	int used;
} lang_count;

static void
lc_add(lang_count *lc, const char *tag, size_t len, int explicit_tag)
{
	int i;

	for (i = 0; i < lc->used && strcmp(lc->tag[i], tag) != 0; i++)
		;
	if (i == lc->used && lc->used < 8)
		snprintf(lc->tag[lc->used++], sizeof lc->tag[0], "%s", tag);
	if (i < lc->used) {
		lc->n[i] += len;
		lc->ex[i] += explicit_tag ? len : 0;
	}
}

/* Counts the letters of every run under n by the language Word applies to
 * them (stlang.h: Arabic text takes w:bidi, CJK w:eastAsia). */
static void
count_runs(const cd_st_styles *s, const xmlNode *n, const char *dflt, lang_count *lc)
{
	for (const xmlNode *k = n->children; k; k = k->next) {
		cd_st_rfmt f;
		cd_buf text;
		char lang[16], tag[8];
		size_t len = 0;
		cd_st_script sc;

		if (k->type != XML_ELEMENT_NODE)
			continue;
		if (!cd_w_is(k, "r")) {
			count_runs(s, k, dflt, lc);
			continue;
		}
		cd_st_run_fmt(s, cd_w_child(k, "rPr"), &f);
		cd_buf_init(&text);
		for (const xmlNode *t = k->children; t; t = t->next)
			if (cd_w_is(t, "t") && t->children && t->children->content)
				cd_buf_adds(&text, (const char *)t->children->content);
		sc = cd_st_lang_run(cd_w_child(k, "rPr"), f.lang, text.len ? text.data : "",
		                    lang, sizeof lang);
		cd_st_lang_script(text.len ? text.data : "", &len, NULL);
		cd_buf_free(&text);
		if (sc == CD_SCRIPT_NONE)
			continue;
		cd_st_lang_primary(lang[0] ? lang : dflt, tag, sizeof tag);
		lc_add(lc, tag, len, lang[0] != '\0');
	}
}

/* The language most of the body's letters are in. Untagged text takes the
 * document default, unless the explicitly tagged text is a quarter or more
 * of all and mostly in another language: then the default is a stale one
 * (an English report written from a French template). */
static void
body_lang(const cd_st_styles *s, const xmlNode *body, char *out, size_t max)
{
	lang_count lc;
	const char *d = cd_st_styles_lang(s);
	char dflt[8];
	size_t all = 0, ex = 0;
	int best = -1, bex = -1;

	memset(&lc, 0, sizeof lc);
	cd_st_lang_primary(d ? d : "en", dflt, sizeof dflt);
	if (body != NULL)
		count_runs(s, body, dflt, &lc);
	for (int i = 0; i < lc.used; i++) {
		all += lc.n[i];
		ex += lc.ex[i];
		if (lc.tag[i][0] && (best < 0 || lc.n[i] > lc.n[best]))
			best = i;
		if (lc.tag[i][0] && lc.ex[i] > 0 && (bex < 0 || lc.ex[i] > lc.ex[bex]))
			bex = i;
	}
	if (best >= 0 && bex >= 0 && strcmp(lc.tag[best], dflt) == 0 && bex != best &&
	    ex * 4 >= all && lc.ex[bex] * 2 > ex && !cd_st_lang_is_rtl(lc.tag[best]))
		best = bex;
	snprintf(out, max, "%s", best >= 0 ? lc.tag[best] : "en");
}

/* ---- the stage ---- */

static void
finish(st_state *st, xmlDocPtr pkg)
{
	xmlNodePtr meta, summary = NULL, first = st->root->children;
	xmlNsPtr xns;
	char lang[16];
	const char *dir = NULL;

	cd_meta_page_header(&st->meta, pkg);
	cd_meta_props(&st->meta, pkg);
	for (int k = CD_LEADIN_PURPOSE; k <= CD_LEADIN_REFERENCES; k++) {
		if (st->lead[k] == NULL)
			continue;
		if (st->lead[k]->children == NULL) {
			xmlFreeNode(st->lead[k]);
			continue;
		}
		if (summary == NULL)
			summary = cd_st_elem(st->c, "summary");
		xmlAddChild(summary, st->lead[k]);
	}
	if (summary != NULL)
		first = first ? xmlAddPrevSibling(first, summary) : xmlAddChild(st->root, summary);
	meta = cd_meta_node(&st->meta, st->c->out, st->c->ns);
	if (meta != NULL)
		first ? (void)xmlAddPrevSibling(first, meta) : (void)xmlAddChild(st->root, meta);
	cd_st_lang_primary(st->meta.lang[0] ? st->meta.lang : st->meta.doc_lang[0] ?
	                   st->meta.doc_lang : st->c->lang, lang, sizeof lang);
	if (lang[0] == '\0')
		snprintf(lang, sizeof lang, "en");
	xns = xmlSearchNsByHref(st->c->out, st->root, BAD_CAST CD_XML_NS);
	xmlSetNsProp(st->root, xns, BAD_CAST "lang", BAD_CAST lang);
	if (cd_st_lang_is_rtl(lang) || (st->npara > 0 && st->nbidi * 2 > st->npara))
		dir = "rtl";
	if (dir != NULL)
		xmlSetProp(st->root, BAD_CAST "dir", BAD_CAST dir);
}

/* The council elements whose content is blocks only: where whitespace is
 * insignificant, so cd_xml_indent may lay them out (the stylesheets list
 * the same elements in xsl:strip-space). */
static const char *const cd_st_block_containers[] = {
	"council", "meta", "summary", "purpose", "action", "references", "section",
	"annex", "list", "item", "table", "row", "cell", "note", "quote", "comments",
	"comment", NULL
};

/* Caller frees the result with xmlFreeDoc. */
xmlDocPtr
cd_structure(xmlDocPtr pkg, const cd_options *o, cd_error *err)
{
	cd_st_ctx c;
	st_state st;
	xmlNodePtr body = cd_pkg_body(pkg);

	(void)o;
	if (body == NULL) {
		cd_error_set(err, CD_ERR_FORMAT, "word/document.xml", 0,
		             "no document body in the package");
		return NULL;
	}
	memset(&c, 0, sizeof c);
	memset(&st, 0, sizeof st);
	c.styles = cd_st_styles_load(cd_pkg_part_root(pkg, "styles"));
	c.num = cd_st_num_load(cd_pkg_part_root(pkg, "numbering"));
	c.out = xmlNewDoc(BAD_CAST "1.0");
	if (c.styles == NULL || c.num == NULL || c.out == NULL)
		goto nomem;
	st.root = xmlNewDocNode(c.out, NULL, BAD_CAST "council", NULL);
	xmlDocSetRootElement(c.out, st.root);
	c.ns = xmlNewNs(st.root, BAD_CAST CD_NS, NULL);
	xmlSetNs(st.root, c.ns);
	xmlSetProp(st.root, BAD_CAST "version", BAD_CAST "1");
	body_lang(c.styles, body, c.lang, sizeof c.lang);
	st.c = &c;
	st.front = 1;
	cd_meta_init(&st.meta);
	if ((st.tree = cd_st_tree_new(&c, st.root)) == NULL)
		goto nomem;
	walk(&st, body);
	finish(&st, pkg);
	cd_st_comments(&c, pkg, st.root);
	cd_st_lists_finish(st.root);
	cd_sym_sanitize(st.root);
	cd_refs_mark(st.root);
	cd_xml_indent(st.root, cd_st_block_containers);
	cd_st_tree_free(st.tree);
	cd_meta_free(&st.meta);
	cd_st_styles_free(c.styles);
	cd_st_num_free(c.num);
	return c.out;
nomem:
	cd_meta_free(&st.meta);
	cd_st_styles_free(c.styles);
	cd_st_num_free(c.num);
	xmlFreeDoc(c.out);
	cd_error_set(err, CD_ERR_NOMEM, NULL, 0, "out of memory");
	return NULL;
}
