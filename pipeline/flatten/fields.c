/*
 * fields.c — Word fields keep their result and lose their code.
 *
 * Complex fields (w:fldChar begin/separate/end, w:instrText) are walked run
 * by run through the whole part with a stack, so they may span runs and
 * paragraphs and nest to any depth. HYPERLINK, REF and NOTEREF results are
 * wrapped in w:hyperlink; TOC and INDEX results are dropped. A field whose
 * end is missing ends with the paragraph where it began.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "stages.h"

enum fld_kind { FK_PLAIN, FK_LINK, FK_DROP };

typedef struct fld {
	int in_result;        /* separate seen */
	int unbalanced;       /* no matching end: closes at paragraph end */
	enum fld_kind kind;
	cd_buf instr;
	char *href, *anchor;  /* FK_LINK targets (malloc'd, owned) */
	xmlNodePtr link;      /* current w:hyperlink holding result runs */
} fld;

typedef struct fld_stack {
	fld *v;
	size_t n, cap;
	int failed;
} fld_stack;

static char matched_mark; /* _private marker of begin fldChars with an end */

static void
fld_free(fld *f)
{
	cd_buf_free(&f->instr);
	free(f->href);
	free(f->anchor);
}

/* ---- instruction parsing ---- */

/* Next token of an instruction: a quoted string or a word. Returns a
 * malloc'd copy (caller frees) or NULL at the end; *sw tells a switch. */
static char *
next_token(const char **sp, int *sw)
{
	const char *s = *sp, *b;
	char *t;
	size_t n;

	while (*s && isspace((unsigned char)*s))
		s++;
	if (!*s)
		return NULL;
	*sw = *s == '\\';
	if (*s == '"' || *s == '\xe2') {
		/* "..." or curly quotes (U+201C/U+201D: E2 80 9C/9D) */
		size_t q = *s == '"' ? 1 : (strncmp(s, "\xe2\x80\x9c", 3) == 0 ? 3 : 0);

		if (q > 0) {
			b = s + q;
			s = b;
			while (*s && *s != '"' && strncmp(s, "\xe2\x80\x9d", 3) != 0)
				s++;
			n = (size_t)(s - b);
			if (*s == '"')
				s++;
			else if (*s)
				s += 3;
			goto out;
		}
	}
	b = s;
	while (*s && !isspace((unsigned char)*s))
		s++;
	n = (size_t)(s - b);
out:
	*sp = s;
	t = malloc(n + 1);
	if (t != NULL) {
		memcpy(t, b, n);
		t[n] = '\0';
	}
	return t;
}

static void
set_str(char **dst, char *src)
{
	free(*dst);
	*dst = src;
}

/* A table of contents naming heading styles (TOC \t "Style,1,Style,2",
 * not a table of figures: no \c, no \f) tells which styles Word takes for
 * headings: the list is kept on the package root (toc-styles) for the
 * structure stage. */
static void
toc_styles(const char *s, const xmlNode *at)
{
	int sw = 0, figures = 0, want = 0;
	char *t, *list = NULL;
	xmlNodePtr root = at && at->doc ? xmlDocGetRootElement(at->doc) : NULL;

	while ((t = next_token(&s, &sw)) != NULL) {
		if (sw) {
			figures |= t[1] == 'c' || t[1] == 'f';
			want = t[1] == 't';
			free(t);
		} else if (want && list == NULL) {
			list = t;
			want = 0;
		} else {
			free(t);
		}
	}
	if (list != NULL && !figures && root != NULL && strlen(list) < 4096) {
		xmlChar *old = xmlGetProp(root, BAD_CAST "toc-styles");
		cd_buf b;

		cd_buf_init(&b);
		if (old != NULL && strlen((const char *)old) < 16384) {
			cd_buf_adds(&b, (const char *)old);
			cd_buf_adds(&b, ",");
		}
		cd_buf_adds(&b, list);
		if (b.data != NULL)
			xmlSetProp(root, BAD_CAST "toc-styles", BAD_CAST b.data);
		cd_buf_free(&b);
		xmlFree(old);
	}
	free(list);
}

/* Decides what the field does from its instruction (at: a node of the
 * field, for what the instruction says about the whole document). */
static void
fld_classify(fld *f, const xmlNode *at)
{
	const char *s = f->instr.data ? f->instr.data : "";
	int sw = 0, want = 0; /* 1: next token is \l's argument */
	char *name = next_token(&s, &sw), *t;

	f->kind = FK_PLAIN;
	if (name == NULL)
		return;
	for (char *p = name; *p; p++)
		*p = (char)toupper((unsigned char)*p);
	if (strcmp(name, "TOC") == 0 || strcmp(name, "INDEX") == 0 || strcmp(name, "TOA") == 0) {
		f->kind = FK_DROP;
		if (strcmp(name, "TOC") == 0)
			toc_styles(s, at);
	} else if (strcmp(name, "HYPERLINK") == 0) {
		while ((t = next_token(&s, &sw)) != NULL) {
			if (sw) {
				want = (t[1] == 'l' || t[1] == 'L') ? 1 : (t[1] == 'o' ||
				        t[1] == 'O' || t[1] == 't' || t[1] == 'T') ? 2 : 0;
				free(t);
			} else if (want == 1) {
				set_str(&f->anchor, t);
				want = 0;
			} else if (want == 2) {
				free(t);
				want = 0;
			} else if (f->href == NULL) {
				f->href = t;
			} else {
				free(t);
			}
		}
		f->kind = (f->href && f->href[0]) || (f->anchor && f->anchor[0]) ? FK_LINK : FK_PLAIN;
	} else if (strcmp(name, "REF") == 0 || strcmp(name, "NOTEREF") == 0) {
		t = next_token(&s, &sw);
		if (t != NULL && !sw && t[0]) {
			set_str(&f->anchor, t);
			f->kind = FK_LINK;
		} else {
			free(t);
		}
	}
	free(name);
}

/* Sets the link target attributes of a new w:hyperlink from f. */
static void
link_attrs(xmlNodePtr h, const fld *f)
{
	if (f->href != NULL && f->href[0]) {
		cd_buf b;
		char *url;

		cd_buf_init(&b);
		cd_buf_adds(&b, f->href);
		if (f->anchor != NULL && f->anchor[0]) {
			cd_buf_addc(&b, '#');
			cd_buf_adds(&b, f->anchor);
		}
		url = cd_buf_take(&b, NULL);
		if (url != NULL)
			cd_flat_set_pkg(h, "href", url);
		free(url);
	} else if (f->anchor != NULL) {
		cd_flat_set_w(h, "anchor", f->anchor);
	}
}

/* ---- the walk ---- */

static void
stack_push(fld_stack *s, int unbalanced)
{
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 8;
		fld *v = realloc(s->v, cap * sizeof *v);

		if (v == NULL) {
			s->failed = 1;
			return;
		}
		s->v = v;
		s->cap = cap;
	}
	memset(&s->v[s->n], 0, sizeof s->v[s->n]);
	cd_buf_init(&s->v[s->n].instr);
	s->v[s->n].unbalanced = unbalanced;
	s->n++;
}

static void
stack_pop(fld_stack *s)
{
	if (s->n > 0)
		fld_free(&s->v[--s->n]);
}

/* 1 while content is code or inside a dropped result. */
static int
hiding(const fld_stack *s)
{
	for (size_t i = 0; i < s->n; i++)
		if (!s->v[i].in_result || s->v[i].kind == FK_DROP)
			return 1;
	return 0;
}

static int
hiding_drop(const fld_stack *s)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i].in_result && s->v[i].kind == FK_DROP)
			return 1;
	return 0;
}

static fld *
innermost_link(fld_stack *s)
{
	for (size_t i = s->n; i-- > 0;)
		if (s->v[i].kind == FK_LINK)
			return &s->v[i];
	return NULL;
}

static void
fldchar(fld_stack *s, xmlNodePtr c)
{
	xmlChar *t = cd_w_attr(c, "fldCharType");

	if (t == NULL) {
		/* malformed: ignore */
	} else if (xmlStrcmp(t, BAD_CAST "begin") == 0) {
		if (c->_private != &matched_mark)
			cd_msg_at(c, CD_MSG_FIELD_UNCLOSED, NULL);
		stack_push(s, c->_private != &matched_mark);
	} else if (s->n == 0) {
		cd_msg_at(c, CD_MSG_FIELD_STRAY, "%s", (const char *)t);
	} else if (xmlStrcmp(t, BAD_CAST "separate") == 0) {
		if (!s->v[s->n - 1].in_result) {
			s->v[s->n - 1].in_result = 1;
			fld_classify(&s->v[s->n - 1], c);
		}
	} else if (xmlStrcmp(t, BAD_CAST "end") == 0) {
		stack_pop(s);
	}
	xmlFree(t);
}

/* Moves run r into the current w:hyperlink of link field f. */
static void
wrap_link(fld *f, xmlNodePtr r)
{
	if (cd_w_is(r->parent, "hyperlink"))
		return;
	if (f->link == NULL || f->link->parent != r->parent) {
		f->link = cd_flat_new_w(r, "hyperlink");
		link_attrs(f->link, f);
		xmlAddPrevSibling(r, f->link);
	}
	/* nodes between the link and r (bookmarks...) go in as well */
	while (f->link->next != NULL && f->link->next != r) {
		xmlNodePtr m = f->link->next;

		xmlUnlinkNode(m);
		xmlAddChild(f->link, m);
	}
	xmlUnlinkNode(r);
	xmlAddChild(f->link, r);
}

/* Processes one run; returns 1 when something was hidden by a TOC-like
 * field. */
static int
do_run(fld_stack *s, xmlNodePtr r)
{
	xmlNodePtr c, nx;
	int dropped = 0;
	fld *f;

	for (c = r->children; c != NULL; c = nx) {
		nx = c->next;
		if (c->type != XML_ELEMENT_NODE || cd_w_is(c, "rPr"))
			continue;
		if (cd_w_is(c, "fldChar")) {
			fldchar(s, c);
			cd_xml_remove(c);
		} else if (cd_w_is(c, "instrText")) {
			if (s->n > 0 && !s->v[s->n - 1].in_result) {
				xmlChar *t = xmlNodeGetContent(c);

				if (t != NULL)
					cd_buf_adds(&s->v[s->n - 1].instr, (const char *)t);
				xmlFree(t);
			}
			cd_xml_remove(c);
		} else if (hiding(s)) {
			dropped |= hiding_drop(s);
			cd_xml_remove(c);
		}
	}
	f = innermost_link(s);
	if (f != NULL && f->in_result && cd_flat_run_has_content(r))
		wrap_link(f, r);
	return dropped;
}

/* The w:r of paragraph p in document order (not inside nested paragraphs
 * nor inside runs). */
static void
para_runs(xmlNodePtr p, cd_flat_list *runs)
{
	cd_flat_list all = { 0 };

	cd_flat_collect(p, CD_W_NS, "r", &all);
	for (size_t i = 0; i < all.n; i++) {
		int nested = 0;

		for (xmlNodePtr a = all.v[i]->parent; a != NULL && a != p; a = a->parent)
			if (cd_w_is(a, "r") || cd_w_is(a, "p"))
				nested = 1;
		if (!nested)
			cd_flat_list_add(runs, all.v[i]);
	}
	cd_flat_list_free(&all);
}

static int
para_empty(xmlNodePtr p)
{
	cd_flat_list l = { 0 };
	int empty = 1;

	if (cd_w_child(cd_w_child(p, "pPr"), "sectPr") != NULL)
		return 0;
	cd_flat_collect(p, NULL, NULL, &l);
	for (size_t i = 0; i < l.n && empty; i++)
		if (cd_w_is(l.v[i], "t") || cd_w_is(l.v[i], "tab") || cd_w_is(l.v[i], "drawing") ||
		    cd_w_is(l.v[i], "pict") || cd_w_is(l.v[i], "sym") ||
		    cd_xml_is(l.v[i], CD_M_NS, "oMath") || cd_w_is(l.v[i], "footnoteReference") ||
		    cd_w_is(l.v[i], "endnoteReference") || cd_w_is(l.v[i], "object") ||
		    cd_w_is(l.v[i], "p") || cd_w_is(l.v[i], "tbl"))
			empty = 0;
	cd_flat_list_free(&l);
	return empty;
}

static void
do_para(fld_stack *s, xmlNodePtr p)
{
	cd_flat_list runs = { 0 };
	int dropped = hiding_drop(s);

	para_runs(p, &runs);
	for (size_t i = 0; i < runs.n; i++)
		dropped |= do_run(s, runs.v[i]);
	cd_flat_list_free(&runs);
	for (size_t i = 0; i < s->n; i++)
		s->v[i].link = NULL; /* a new paragraph starts new links */
	while (s->n > 0 && s->v[s->n - 1].unbalanced)
		stack_pop(s);
	if (dropped && para_empty(p))
		cd_xml_remove(p);
}

/* Marks every begin fldChar that has a matching end. */
static void
mark_matched(xmlNodePtr root)
{
	cd_flat_list l = { 0 }, open = { 0 };

	cd_flat_collect(root, CD_W_NS, "fldChar", &l);
	for (size_t i = 0; i < l.n; i++) {
		xmlChar *t = cd_w_attr(l.v[i], "fldCharType");

		if (t != NULL && xmlStrcmp(t, BAD_CAST "begin") == 0)
			cd_flat_list_add(&open, l.v[i]);
		else if (t != NULL && xmlStrcmp(t, BAD_CAST "end") == 0 && open.n > 0)
			open.v[--open.n]->_private = &matched_mark;
		xmlFree(t);
	}
	cd_flat_list_free(&l);
	cd_flat_list_free(&open);
}

/* Removes field marks outside paragraphs (never visited). */
static void
remove_strays(xmlNodePtr root, const char *name)
{
	cd_flat_list l = { 0 };

	cd_flat_collect(root, CD_W_NS, name, &l);
	for (size_t i = l.n; i-- > 0;)
		cd_xml_remove(l.v[i]);
	cd_flat_list_free(&l);
}

/* w:fldSimple: innermost first. */
static void
simple_fields(xmlNodePtr root)
{
	cd_flat_list l = { 0 };

	cd_flat_collect(root, CD_W_NS, "fldSimple", &l);
	for (size_t i = l.n; i-- > 0;) {
		xmlNodePtr fs = l.v[i];
		xmlChar *in = cd_w_attr(fs, "instr");
		fld f;

		memset(&f, 0, sizeof f);
		cd_buf_init(&f.instr);
		cd_buf_adds(&f.instr, in ? (const char *)in : "");
		xmlFree(in);
		fld_classify(&f, fs);
		cd_xml_remove(cd_w_child(fs, "fldData"));
		if (f.kind == FK_DROP) {
			cd_xml_remove(fs);
		} else if (f.kind == FK_LINK && !cd_w_is(fs->parent, "hyperlink")) {
			xmlNodePtr h = cd_flat_new_w(fs, "hyperlink");

			link_attrs(h, &f);
			xmlAddPrevSibling(fs, h);
			while (fs->children != NULL) {
				xmlNodePtr c = fs->children;

				xmlUnlinkNode(c);
				xmlAddChild(h, c);
			}
			cd_xml_remove(fs);
		} else {
			cd_xml_unwrap(fs);
		}
		fld_free(&f);
	}
	cd_flat_list_free(&l);
}

cd_status
cd_flat_fields(xmlNodePtr root, const char *part, cd_error *err)
{
	cd_flat_list paras = { 0 };
	fld_stack s = { 0 };
	int failed;

	mark_matched(root);
	cd_flat_collect(root, CD_W_NS, "p", &paras);
	for (size_t i = 0; i < paras.n && !s.failed; i++)
		do_para(&s, paras.v[i]);
	while (s.n > 0)
		stack_pop(&s);
	failed = s.failed || paras.failed;
	free(s.v);
	cd_flat_list_free(&paras);
	remove_strays(root, "fldChar");
	remove_strays(root, "instrText");
	simple_fields(root);
	if (failed) {
		cd_error_set(err, CD_ERR_NOMEM, part, 0, "out of memory in fields");
		return CD_ERR_NOMEM;
	}
	return CD_OK;
}
