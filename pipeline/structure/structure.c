/*
 * structure.c — cd_structure: the package document (after flatten, clean,
 * notes) → the council document. Walks the body once, deciding for each
 * paragraph: header line, source, title, lead-in label or content, rule,
 * annex, section (styled, Word-numbered or typed number), list item
 * (Word numbering, enumlevN, typed label) or plain paragraph.
 * Nesting, lists and ids: sections.c; inline content and tables: blocks.c.
 */
#include <ctype.h>
#include <malloc.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "structure.h"
#include "stlang.h"
#include "symbols.h"

typedef cd_st_state st_state;

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

static void
close_leadin(st_state *st)
{
	st->leadin = NULL;
}

/* Opens a section (level > 0), a run-in heading's section (level 0) or
 * an annex (level < 0; num may be NULL) titled by paragraph p. Returns
 * the title element. */
static xmlNodePtr
open_heading(st_state *st, const xmlNode *p, const cd_st_pinfo *pi, int level,
             const char *num, size_t skip)
{
	xmlNodePtr title = make_p(st, p, pi, skip, "title");

	cd_st_cap_flush(&st->cap, st->tree);
	close_leadin(st);
	st->front = 0;
	st->opened += level != 0;   /* run-in headings do not end the lead-in */
	if (title == NULL)
		title = cd_st_elem(st->c, "title");
	if (level < 0)
		cd_st_tree_annex(st->tree, num, title);
	else if (level == 0)
		cd_st_tree_minor(st->tree, title);
	else
		cd_st_tree_section(st->tree, level, num, title);
	return title;
}

/* A paragraph with a direct outline level on a plain body style is a
 * heading (Word's navigation pane lists it) unless it reads like a
 * sentence: more than 15 words, or ending with '.', ';' or ','. */
static int
sentence_like(const char *t)
{
	int words = 0, in = 0;
	size_t n = strlen(t);

	for (const char *s = t; *s; s++) {
		int sp = *s == ' ' || *s == '\t' || *s == '\n';

		words += !sp && !in;
		in = !sp;
	}
	return words > 15 || (n > 0 && strchr(".;,", t[n - 1]) != NULL);
}

static int
heading_para(st_state *st, const xmlNode *p, const cd_st_pinfo *pi,
             const cd_st_numlabel *lab, int numbered, const char *t, size_t lead)
{
	char num[64];
	size_t skip;
	int heading = pi->heading > 0 && pi->role != CD_ROLE_HEADINGB &&
	              !(pi->outline_direct && sentence_like(t));

	/* a typed number makes a heading only in a heading style (in a text
	 * dump, which has no styles, a number and a TAB do) */
	if ((heading || st->textdump) &&
	    (skip = cd_st_typed_number(t, heading, num, sizeof num)) > 0) {
		open_heading(st, p, pi, cd_st_num_depth(num), num, skip + lead);
		return 1;
	}
	if (!heading)
		return 0;
	if (numbered && !lab->bullet && cd_st_label_number(lab->label, num, sizeof num))
		open_heading(st, p, pi, cd_st_num_depth(num), num, lead);
	else
		open_heading(st, p, pi, pi->heading, NULL, lead);
	return 1;
}

/* A numbered paragraph: a number typed before a TAB ("3.1.1<TAB>term:
 * ...") in a plain body style. It stays a paragraph, with its number and
 * an id. A Word-numbered body paragraph stays a list item (its label is
 * kept as Word shows it): Word's multi-level lists mix "1.", "1.1" and
 * "a)" levels in one list, which must keep its nesting. 1 when done. */
static int
numbered_para(st_state *st, const xmlNode *p, const cd_st_pinfo *pi, const char *t,
              size_t lead)
{
	char num[64];
	size_t skip = 0;
	xmlNodePtr e;

	if (pi->role != CD_ROLE_NONE || st->textdump)
		return 0;
	if ((skip = cd_st_typed_number(t, 0, num, sizeof num)) == 0)
		return 0;
	skip += lead;
	if ((e = make_p(st, p, pi, skip, "p")) == NULL)
		return 1;
	cd_st_tree_para_id(st->tree, e, num);
	cd_st_tree_block(st->tree, e);
	st->front = 0;
	return 1;
}

/* The line that completes the heading just opened: Rec_title after
 * Rec_No, Annex_title after Annex_No, Annex_ref after an annex. 1 when
 * p was added to that title. */
static int
pair_line(st_state *st, const xmlNode *p, const cd_st_pinfo *pi)
{
	int ok = st->pair != NULL &&
	         ((pi->role == CD_ROLE_TITLE_TEXT && st->pair_role == CD_ROLE_TITLE_NO) ||
	          (pi->role == CD_ROLE_ANNEX_TITLE && st->pair_role == CD_ROLE_ANNEX_NO) ||
	          (pi->role == CD_ROLE_ANNEX_REF && st->pair_role != CD_ROLE_TITLE_NO));

	if (!ok)
		return 0;
	xmlAddChild(st->pair, cd_st_elem(st->c, "br"));
	cd_st_inline(st->c, p, st->pair, 0);
	cd_st_front_title_heading(st, p, pi);
	if (pi->role != CD_ROLE_ANNEX_REF)
		st->pair_role = CD_ROLE_ANNEX;   /* an Annex_ref may follow */
	return 1;
}

/* Annex headings: the Annex_NoTitle family ("Annex A" ⏎ title), Annex_No
 * (+ Annex_title), a lone Annex_title, or "Annex 2 – Title" typed in a
 * heading style or standing alone. 1 when an annex was opened. */
static int
annex_para(st_state *st, const xmlNode *p, const cd_st_pinfo *pi, const char *t,
           size_t lead)
{
	char num[32] = "";
	int styled = pi->role == CD_ROLE_ANNEX || pi->role == CD_ROLE_ANNEX_NO ||
	             pi->role == CD_ROLE_ANNEX_TITLE;
	/* in a document with styles, a typed "Annex 2 – Title" opens an annex
	 * only in a heading style: the style says what a paragraph is */
	int typed = st->textdump || (pi->heading > 0 && pi->role == CD_ROLE_NONE);
	size_t end = 0;

	if (pi->num_id == 0 && (styled || typed))
		end = cd_st_typed_annex(t, num, sizeof num);   /* num "" when 0 */
	if (!styled && end == 0)
		return 0;
	st->pair = open_heading(st, p, pi, -1, num, lead);
	st->pair_role = pi->role == CD_ROLE_ANNEX_NO ? CD_ROLE_ANNEX_NO : CD_ROLE_ANNEX;
	return 1;
}

/* The paragraphs whose style says what they are, before any text rule:
 * title pairs, run-in headings, captions. 1 when done. */
static int
styled_para(st_state *st, const xmlNode *p, const cd_st_pinfo *pi, const char *t,
            size_t lead)
{
	switch (pi->role) {
	case CD_ROLE_TITLE_NO:
	case CD_ROLE_TITLE_TEXT:
		/* a Recommendation's own title is never inside an annex */
		if (pi->names_doc)
			cd_st_tree_close_all(st->tree);
		st->pair = open_heading(st, p, pi, 1, NULL, lead);
		st->pair_role = pi->role;
		cd_st_front_title_heading(st, p, pi);
		return 1;
	case CD_ROLE_TITLE:
		/* a title after the report's own (front_para took the first) */
		open_heading(st, p, pi, 1, NULL, lead);
		return 1;
	case CD_ROLE_HEADINGB:
		if (st->opened == 0 && cd_meta_leadin(t) != CD_LEADIN_NONE)
			return 0;
		open_heading(st, p, pi, 0, NULL, lead);
		return 1;
	case CD_ROLE_CAPTION: {
		xmlNodePtr e = make_p(st, p, pi, lead, "caption");

		if (e != NULL)
			cd_st_cap_para(&st->cap, st->tree, e);
		st->front = 0;
		return 1;
	}
	default:
		return 0;
	}
}

static void
para(st_state *st, const xmlNode *p)
{
	cd_st_pinfo pi;
	cd_st_numlabel lab;
	int numbered, kind;
	char *text, *t;
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
	if (*t && pair_line(st, p, &pi)) {
		free(text);
		return;
	}
	st->pair = NULL;
	if (*t == '\0' && !numbered && st->leadin == NULL && pi.role != CD_ROLE_CAPTION) {
		/* no text: a picture (the figure a caption may name), math */
		if ((e = make_p(st, p, &pi, 0, "p")) != NULL)
			cd_st_cap_block(&st->cap, st->tree, e);
		st->front = 0;
		free(text);
		return;
	}
	if (pi.role != CD_ROLE_CAPTION)
		cd_st_cap_flush(&st->cap, st->tree);
	if (*t)
		cd_st_front_subject(st, t);
	if (*t && cd_st_is_rule(t)) {
		close_leadin(st);
		cd_st_tree_end_list(st->tree);
	} else if (*t && cd_st_front_para(st, &pi, t)) {
		/* stored in meta */
	} else if (*t && styled_para(st, p, &pi, t, lead)) {
		/* heading, run-in heading or caption */
	} else if (*t && st->opened == 0 && !st->body_text &&
	           (pi.heading == 0 || pi.role == CD_ROLE_HEADINGB) &&
	           (kind = cd_meta_leadin(t)) != CD_LEADIN_NONE) {
		/* Purpose, Action required, References: the lead-in box only
		 * before the first clause and any body text (the summary comes
		 * first: reading order never changes); later ordinary text */
		st->front = 0;
		st->leadin = leadin_elem(st, kind);
	} else if (*t && annex_para(st, p, &pi, t, lead)) {
		/* annex opened */
	} else if (heading_para(st, p, &pi, &lab, numbered, t, lead)) {
		/* section opened */
	} else if (st->leadin != NULL) {
		if ((e = make_p(st, p, &pi, 0, "p")) != NULL)
			xmlAddChild(st->leadin, e);
	} else if (numbered_para(st, p, &pi, t, lead)) {
		st->body_text = 1;   /* numbered paragraph */
	} else if (cd_st_list_para(st->c, st->tree, p, &pi, &lab, numbered, t, lead)) {
		st->front = 0;
		st->body_text = 1;
	} else if ((e = make_p(st, p, &pi, 0, "p")) != NULL) {
		st->front = 0;   /* body text: no more header lines after it */
		st->body_text |= *t != '\0';
		/* its text may not reach the output (hidden): a lone picture then */
		cd_st_cap_block(&st->cap, st->tree, e);
	}
	free(text);
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

	st->pair = NULL;
	if (st->front && cd_st_front_header_table(st, tbl))
		return;
	if ((st->opened == 0 && cd_st_front_leadin_table(st, tbl)) || one_cell(tbl)) {
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
	if (st->leadin != NULL) {
		cd_st_cap_flush(&st->cap, st->tree);
		xmlAddChild(st->leadin, t);
	} else {
		cd_st_cap_table(&st->cap, st->tree, t);
		st->body_text = 1;
	}
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
	"comment", "desc", NULL
};

/* Caller frees the result with xmlFreeDoc. */
static xmlDocPtr
structure(xmlDocPtr pkg, cd_error *err)
{
	cd_st_ctx c;
	st_state st;
	xmlNodePtr body = cd_pkg_body(pkg);
	size_t dropped, figures = 0;

	if (body == NULL) {
		cd_error_set(err, CD_ERR_FORMAT, "word/document.xml", 0,
		             "no document body in the package");
		return NULL;
	}
	memset(&c, 0, sizeof c);
	memset(&st, 0, sizeof st);
	c.figures = &figures;
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
	cd_st_body_lang(c.styles, body, c.lang, sizeof c.lang);
	st.c = &c;
	st.front = 1;
	cd_meta_init(&st.meta);
	if ((st.tree = cd_st_tree_new(&c, st.root)) == NULL)
		goto nomem;
	{
		xmlChar *kind = xmlGetProp(xmlDocGetRootElement(pkg), BAD_CAST "kind");

		xmlChar *toc = xmlGetProp(xmlDocGetRootElement(pkg), BAD_CAST "toc-styles");

		st.textdump = kind && xmlStrcmp(kind, BAD_CAST "textdump") == 0;
		cd_st_styles_toc(c.styles, (const char *)toc);
		xmlFree(kind);
		xmlFree(toc);
	}
	walk(&st, body);
	cd_st_cap_flush(&st.cap, st.tree);
	finish(&st, pkg);
	cd_st_comments(&c, pkg, st.root);
	cd_st_lists_finish(st.root);
	cd_st_toc_leftovers(st.root);
	if ((dropped = cd_sym_sanitize(st.root)) > 0)
		cd_msg_at(body, CD_MSG_CHAR_FORBIDDEN, "%zu left in the text (a symbol font set by a style?)",
		          dropped);
	cd_refs_mark(st.root);
	if (figures > 0) /* a walk of the whole output for nothing else */
		cd_st_figures_lift(st.root);
	cd_st_edges_out(st.root);
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

struct apart {
	xmlDocPtr pkg;
	cd_error *err;
	xmlDocPtr out;
};

static void *
apart_main(void *arg)
{
	struct apart *a = arg;

	cd_thread_quiet();
	a->out = structure(a->pkg, a->err);
	return NULL;
}

/* 1 when the heap is full of holes: flatten and clean free nodes all over
 * the package's memory, and glibc's malloc serves new nodes from those
 * holes first. More than 4096 free chunks: a long report has thousands
 * (2 500 at 1 MB of XML, 8 400 at 3 MB, 160 000 at 53 MB), a short one or
 * a report of many short paragraphs some two hundred. Below that the
 * council tree fits the cache wherever it lies, and a fresh arena would
 * only cost its page faults (2 to 3 ms at 1 MB). The count walks glibc's
 * free lists: 0.03 s at 53 MB. */
static int
heap_holey(void)
{
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
	return mallinfo2().ordblks > 4096;
#else
	return 0;
#endif
}

/* In a heap full of holes the council document is built in a thread of
 * its own: glibc gives a new thread an arena of its own, so the council's
 * nodes lie together, in the order they are made, instead of filling the
 * holes all over the package's memory. Built in the holes, a long
 * report's council tree jumped 4 KiB or more at nine steps in ten of a
 * walk, and every later walk (this stage's own passes, the serialization,
 * the validation, the stylesheets) missed the cache at almost every node:
 * on a 53 MB report, built apart, this stage took 1.26 s instead of 1.41,
 * the validation 0.15 instead of 0.31 and the three stylesheets 3.1
 * instead of 4.3. Without holes (a million short paragraphs) the tree lies
 * in order anyway, and apart it would not reuse the little the package
 * freed: its peak memory grew by 7 %. The calling thread waits; the
 * outputs are the same. */
xmlDocPtr
cd_st_build(xmlDocPtr pkg, const cd_options *o, cd_error *err, int apart)
{
	struct apart a = { pkg, err, NULL };
	cd_msg_route mr;
	pthread_t tid;

	if (pkg == NULL) {
		cd_error_set(err, CD_ERR_USAGE, NULL, 0, "structure: no package document");
		return NULL;
	}
	cd_msg_bind(pkg, &mr, o);
	if (apart && pthread_create(&tid, NULL, apart_main, &a) == 0)
		pthread_join(tid, NULL);
	else
		a.out = structure(pkg, err);
	cd_msg_unbind(pkg, &mr);
	return a.out;
}

xmlDocPtr
cd_structure(xmlDocPtr pkg, const cd_options *o, cd_error *err)
{
	return cd_st_build(pkg, o, err, heap_holey());
}
