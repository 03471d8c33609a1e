/*
 * clean.c — cd_clean: bookmarks (kept as pkg:anchor only when a link
 * refers to them), proofing and layout marks, empty runs; merges adjacent
 * runs with the same properties so split words come out whole.
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>
#include <libxml/valid.h>

#include "stages.h"

/* ---- anchors ---- */

char *
cd_clean_ncname(const char *name)
{
	cd_buf b;
	unsigned long h = 2166136261u;

	if (xmlValidateNCName(BAD_CAST name, 0) == 0)
		return strdup(name);
	cd_buf_init(&b);
	if (!((name[0] >= 'A' && name[0] <= 'Z') || (name[0] >= 'a' && name[0] <= 'z') ||
	      name[0] == '_'))
		cd_buf_addc(&b, '_');
	for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
		int ok = (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		         (*p >= '0' && *p <= '9') || *p == '-' || *p == '.' || *p == '_';

		cd_buf_addc(&b, ok ? (char)*p : '_');
		h = (h ^ *p) * 16777619u;
	}
	/* distinct names that sanitize alike stay distinct */
	cd_buf_printf(&b, "_%06lx", h & 0xffffffu);
	return cd_buf_take(&b, NULL);
}

/* State of the anchor passes: the names links refer to, and the
 * bookmarks of every part (document order, part after part) found by the
 * walk that collects the links. */
typedef struct clean_ctx {
	xmlHashTablePtr refs;
	cd_flat_list marks;
	cd_flat_list *runs;    /* per part: the run-level elements left (clean_part) */
	size_t nparts, next;
	int failed;
} clean_ctx;

/* the anchor pass's names, then clean_part's: one walk finds both */
static const char *const walk_names[] = {
	"hyperlink", "bookmarkStart", "bookmarkEnd",
	"proofErr", "lastRenderedPageBreak", "permStart", "permEnd", "softHyphen",
	"annotationRef", "noProof", "r", NULL
};

/* Bookmarks become pkg:anchor when a link refers to them, else go. */
static void
clean_bookmarks(const cd_flat_list *l, xmlHashTablePtr refs)
{
	for (size_t i = 0; i < l->n; i++) {
		xmlNodePtr n = l->v[i];
		xmlChar *name;

		if (cd_w_is(n, "bookmarkEnd")) {
			cd_xml_remove(n);
			continue;
		}
		name = cd_w_attr(n, "name");
		if (name != NULL && xmlHashLookup(refs, name) != NULL) {
			xmlNodePtr a = cd_flat_new_pkg(n, "anchor");
			char *id = cd_clean_ncname((const char *)name);

			xmlSetProp(a, BAD_CAST "id", BAD_CAST(id ? id : "_"));
			if (id == NULL || strcmp(id, (const char *)name) != 0)
				xmlSetProp(a, BAD_CAST "name", name);
			free(id);
			xmlAddPrevSibling(n, a);
			/* each name once */
			xmlHashRemoveEntry(refs, name, NULL);
		}
		xmlFree(name);
		cd_xml_remove(n);
	}
}

/* ---- marks and empty runs ---- */

static const char *const drop_marks[] = {
	"proofErr", "lastRenderedPageBreak", "permStart", "permEnd", "softHyphen",
	"annotationRef", "noProof", NULL
};

static int
is_drop_mark(const xmlNode *n)
{
	for (size_t i = 0; drop_marks[i] != NULL; i++)
		if (cd_w_is(n, drop_marks[i]))
			return 1;
	return 0;
}

/* Run-level cleanup of run r's children. */
static void
clean_run_children(xmlNodePtr r)
{
	xmlNodePtr c, nx;

	for (c = r->children; c != NULL; c = nx) {
		nx = c->next;
		if (c->type != XML_ELEMENT_NODE) {
			if (c->type == XML_TEXT_NODE || c->type == XML_COMMENT_NODE)
				cd_xml_remove(c);
			continue;
		}
		if (cd_w_is(c, "noBreakHyphen")) {
			xmlNodePtr t = cd_flat_new_w(c, "t");

			xmlNodeAddContent(t, BAD_CAST "\xe2\x80\x91");
			xmlAddPrevSibling(c, t);
			cd_xml_remove(c);
		} else if (cd_w_is(c, "br")) {
			xmlChar *ty = cd_w_attr(c, "type");

			if (ty != NULL && (xmlStrcmp(ty, BAD_CAST "page") == 0 ||
			                   xmlStrcmp(ty, BAD_CAST "column") == 0))
				cd_xml_remove(c);
			xmlFree(ty);
		} else if (cd_w_is(c, "t")) {
			if (c->children == NULL)
				cd_xml_remove(c);
		}
	}
}

/* Joins adjacent w:t children of run r into one (xml:space="preserve"). */
static void
join_texts(xmlNodePtr r)
{
	xmlNodePtr c, nx;

	for (c = r->children; c != NULL; c = nx) {
		nx = c->next;
		if (!cd_w_is(c, "t"))
			continue;
		while (cd_w_is(nx, "t")) {
			xmlNodePtr m = nx;
			xmlChar *s = xmlNodeGetContent(m);

			nx = m->next;
			if (s != NULL)
				xmlNodeAddContent(c, s);
			xmlFree(s);
			cd_xml_remove(m);
			xmlNodeSetSpacePreserve(c, 1);
		}
		/* one text node inside */
		if (c->children != NULL && c->children->next != NULL) {
			xmlChar *s = xmlNodeGetContent(c);
			xmlNodePtr tx = xmlNewDocText(c->doc, s);

			while (c->children != NULL)
				cd_xml_remove(c->children);
			xmlAddChild(c, tx);
			xmlFree(s);
		}
	}
}

/* ---- run merging ---- */

/* Run properties that never reach the output (sizes, colours, spacing,
 * theme fonts, proofing): runs differing only in these merge. */
static const char *const key_ignored[] = {
	"noProof", "sz", "szCs", "color", "kern", "spacing", "w", "fitText",
	"snapToGrid", "effect", NULL
};

static int
key_attr_ignored(const xmlChar *name)
{
	return xmlStrcmp(name, BAD_CAST "hint") == 0 ||
	       xmlStrncmp(name, BAD_CAST "rsid", 4) == 0 ||
	       xmlStrstr(name, BAD_CAST "heme") != NULL; /* asciiTheme, cstheme... */
}

static int
key_elem_ignored(const xmlNode *c)
{
	if (c->type != XML_ELEMENT_NODE)
		return 1;
	for (size_t i = 0; key_ignored[i] != NULL; i++)
		if (cd_w_is(c, key_ignored[i]))
			return 1;
	if (cd_w_is(c, "rFonts")) {
		for (xmlAttrPtr a = c->properties; a != NULL; a = a->next)
			if (!key_attr_ignored(a->name))
				return 0;
		return 1;
	}
	return 0;
}

/* Appends n's attributes (but ignored ones) to b. */
static void
key_attrs(const xmlNode *n, cd_buf *b)
{
	for (xmlAttrPtr a = n->properties; a != NULL; a = a->next) {
		xmlChar *v;

		if (key_attr_ignored(a->name))
			continue;
		cd_buf_addc(b, ' ');
		cd_buf_adds(b, (const char *)a->name);
		cd_buf_addc(b, '=');
		if (a->children != NULL && a->children->type == XML_TEXT_NODE &&
		    a->children->next == NULL && a->children->content != NULL) {
			/* the common case: what xmlNodeListGetString returns */
			cd_buf_adds(b, (const char *)a->children->content);
			continue;
		}
		v = xmlNodeListGetString(n->doc, a->children, 1);
		cd_buf_adds(b, v ? (const char *)v : "");
		xmlFree(v);
	}
}

/* The canonical text of r's properties ignoring proofing/rsid noise, in
 * b (emptied first; "" when there is no rPr). 0 when out of memory. */
static int
rpr_key(xmlNodePtr r, cd_buf *b)
{
	xmlNodePtr rpr = cd_w_child(r, "rPr");

	/* one buffer for every run: no allocation per run */
	b->len = 0;
	b->failed = 0;
	if (b->data != NULL)
		b->data[0] = '\0';
	else
		cd_buf_add(b, "", 0);
	for (xmlNodePtr c = rpr ? rpr->children : NULL; c != NULL; c = c->next) {
		if (key_elem_ignored(c))
			continue;
		cd_buf_addc(b, '{');
		cd_buf_adds(b, c->ns && c->ns->href ? (const char *)c->ns->href : "");
		cd_buf_addc(b, '}');
		cd_buf_adds(b, (const char *)c->name);
		key_attrs(c, b);
		for (xmlNodePtr g = c->children; g != NULL; g = g->next)
			if (g->type == XML_ELEMENT_NODE) {
				cd_buf_addc(b, '<');
				cd_buf_adds(b, (const char *)g->name);
				key_attrs(g, b);
			}
		cd_buf_addc(b, ';');
	}
	return !b->failed && b->data != NULL;
}

/* Moves run c's content (not its properties) to the end of run prev and
 * frees c. */
static void
merge_into(xmlNodePtr prev, xmlNodePtr c)
{
	while (c->children != NULL) {
		xmlNodePtr m = c->children;

		xmlUnlinkNode(m);
		if (cd_w_is(m, "rPr"))
			xmlFreeNode(m);
		else
			xmlAddChild(prev, m);
	}
	cd_xml_remove(c);
	join_texts(prev);
}

/* Merges runs among the children of parent; key[0] and key[1] are
 * scratch buffers (the caller frees them). */
static void
merge_runs(xmlNodePtr parent, cd_buf key[2])
{
	xmlNodePtr prev = NULL, c, nx;
	int cur = 0, pok = 0;

	for (c = parent->children; c != NULL; c = nx) {
		int ok;

		nx = c->next;
		if (c->type == XML_TEXT_NODE && xmlIsBlankNode(c))
			continue;
		if (!cd_w_is(c, "r")) {
			prev = NULL;
			continue;
		}
		ok = rpr_key(c, &key[cur]);
		if (prev != NULL && ok && pok && strcmp(key[cur].data, key[!cur].data) == 0) {
			merge_into(prev, c);
			continue;
		}
		/* this key is the one the next run compares with */
		cur = !cur;
		pok = ok;
		prev = c;
	}
}

/* Containers whose runs wait to be merged, innermost last: each is an
 * ancestor of the element being cleaned, so that nothing cleaned frees
 * one. A container is merged as soon as the (reverse document order)
 * cleaning leaves it, while its nodes are still in the cache. */
typedef struct merge_stack {
	cd_flat_list open;
	cd_buf key[2];
} merge_stack;

/* 1 when a is a proper ancestor of n. */
static int
is_above(const xmlNode *a, const xmlNode *n)
{
	for (n = n->parent; n != NULL; n = n->parent)
		if (n == a)
			return 1;
	return 0;
}

/* Merges the open containers that do not hold e: cleaning has left them
 * (their runs all come after e in document order). */
static void
merge_left(merge_stack *ms, const xmlNode *e)
{
	while (ms->open.n > 0 && (e == NULL || !is_above(ms->open.v[ms->open.n - 1], e)))
		merge_runs(ms->open.v[--ms->open.n], ms->key);
}

static const char *const run_level[] = {
	"proofErr", "lastRenderedPageBreak", "permStart", "permEnd", "softHyphen",
	"annotationRef", "noProof", "r", NULL
};

/* How many elements of a list ahead a loop fetches (a DRAM latency's worth
 * of work on a run). */
#define PREFETCH_AHEAD 8

/* Cleans run-level element n (a mark, or a run whose container joins ms
 * when the run stays). */
static void
clean_one(xmlNodePtr n, merge_stack *ms)
{
	if (is_drop_mark(n)) {
		cd_xml_remove(n);
	} else if (cd_w_is(n, "r")) {
		clean_run_children(n);
		join_texts(n);
		if (!cd_flat_run_has_content(n))
			cd_xml_remove(n);
		else if (ms->open.n == 0 || ms->open.v[ms->open.n - 1] != n->parent)
			cd_flat_list_add(&ms->open, n->parent);
	}
}

/* Cleans the run-level elements v[0..n) (document order, each subtree
 * with all its run-level elements) in reverse document order: what is
 * removed only holds elements already cleaned. Merges their containers. */
static void
clean_list(xmlNodePtr *v, size_t n, merge_stack *ms)
{
	for (size_t i = n; i-- > 0;) {
		/* the elements lie all over a large heap: ask for them ahead */
		if (i >= 2 * PREFETCH_AHEAD)
			__builtin_prefetch(v[i - 2 * PREFETCH_AHEAD]);
		if (i >= PREFETCH_AHEAD) /* fetched by now: its first child next */
			__builtin_prefetch(v[i - PREFETCH_AHEAD]->children);
		merge_left(ms, v[i]);
		clean_one(v[i], ms);
	}
	merge_left(ms, NULL);
}

static void
merge_stack_free(merge_stack *ms)
{
	cd_flat_list_free(&ms->open);
	cd_buf_free(&ms->key[0]);
	cd_buf_free(&ms->key[1]);
}

static int
is_walk_name(const xmlNode *n)
{
	return cd_w_is_any(n, walk_names);
}

static int
is_run_level(const xmlNode *n)
{
	return cd_w_is_any(n, run_level);
}

/* Sorts element n of the anchor walk: links and bookmarks for the anchor
 * pass, run-level elements into runs. */
static void
take_elem(xmlNodePtr n, clean_ctx *cx, cd_flat_list *runs)
{
	xmlChar *a;
	char *id;

	if (!cd_w_is(n, "hyperlink") && !cd_w_is(n, "bookmarkStart") &&
	    !cd_w_is(n, "bookmarkEnd")) {
		cd_flat_list_add(runs, n);
		return;
	}
	if (!cd_w_is(n, "hyperlink")) {
		cd_flat_list_add(&cx->marks, n);
		return;
	}
	a = cd_w_attr(n, "anchor");
	if (a == NULL || !a[0]) {
		xmlFree(a);
		return;
	}
	id = cd_clean_ncname((const char *)a);
	if (id != NULL) {
		if (strcmp(id, (const char *)a) != 0)
			cd_flat_set_w(n, "anchor", id);
		xmlHashAddEntry(cx->refs, a, cx->refs);
	}
	free(id);
	xmlFree(a);
}

/* Walks block k (k included). When it holds no bookmark, its run-level
 * elements are cleaned and merged at once, while in the cache: the
 * bookmarks, which wait for every part's links, are all that could make
 * merging inside k come out otherwise, and k shares no node with the other
 * blocks. Else (or when k is itself run-level: its runs merge with its
 * siblings) they stay in runs for clean_part. */
static void
collect_block(xmlNodePtr k, clean_ctx *cx, cd_flat_list *runs, merge_stack *ms)
{
	size_t m0 = cx->marks.n, r0 = runs->n;

	for (xmlNodePtr n = k; n != NULL; n = cd_xml_next_in(n, k))
		if (is_walk_name(n))
			take_elem(n, cx, runs);
	if (cx->marks.n != m0 || cx->marks.failed || runs->failed || is_run_level(k) ||
	    runs->n == r0)
		return;
	clean_list(runs->v + r0, runs->n - r0, ms);
	runs->n = r0;
}

/* The anchor walk of a part: its blocks (the children of w:body, the
 * other children of the root) one after the other. */
static void
collect_anchors(xmlNodePtr root, clean_ctx *cx)
{
	cd_flat_list *runs;
	merge_stack ms = { 0 };

	runs = realloc(cx->runs, (cx->nparts + 1) * sizeof *runs);
	if (runs == NULL) {
		cx->failed = 1;
		return;
	}
	cx->runs = runs;
	runs = &cx->runs[cx->nparts++];
	memset(runs, 0, sizeof *runs);
	for (xmlNodePtr c = root->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (!cd_w_is(c, "body")) {
			collect_block(c, cx, runs, &ms);
			continue;
		}
		for (xmlNodePtr b = c->children; b != NULL; b = b->next)
			if (b->type == XML_ELEMENT_NODE)
				collect_block(b, cx, runs, &ms);
	}
	cx->failed |= ms.open.failed;
	merge_stack_free(&ms);
}

/* The run-level elements of the part the anchor walk left (those of blocks
 * with bookmarks), unless a bookmark it removed held elements (odd input:
 * they may have gone with it), then all of them looked for again (cleaning
 * and merging what is clean already changes nothing). */
static cd_status
clean_part(xmlNodePtr root, const char *part, void *ctx, cd_error *err)
{
	clean_ctx *cx = ctx;
	cd_flat_list l = { 0 };
	merge_stack ms = { 0 };
	int failed;

	if (cx->runs != NULL && cx->next < cx->nparts) {
		l = cx->runs[cx->next];
		memset(&cx->runs[cx->next++], 0, sizeof l);
	} else {
		cd_flat_collect_names(root, CD_W_NS, run_level, &l);
	}
	clean_list(l.v, l.n, &ms);
	failed = l.failed || ms.open.failed;
	cd_flat_list_free(&l);
	merge_stack_free(&ms);
	if (failed) {
		cd_error_set(err, CD_ERR_NOMEM, part, 0, "out of memory merging runs");
		return CD_ERR_NOMEM;
	}
	return CD_OK;
}

static cd_status
anchors_part(xmlNodePtr root, const char *part, void *ctx, cd_error *err)
{
	(void)part;
	(void)err;
	collect_anchors(root, ctx);
	return CD_OK;
}

/* Forgets the run lists of the anchor pass: clean_part looks again. */
static void
drop_runs(clean_ctx *cx)
{
	for (size_t i = 0; i < cx->nparts; i++)
		cd_flat_list_free(&cx->runs[i]);
	free(cx->runs);
	cx->runs = NULL;
	cx->nparts = cx->next = 0;
}

cd_status
cd_clean(xmlDocPtr pkg, const cd_options *o, cd_error *err)
{
	clean_ctx cx = { 0 };
	cd_status st;
	int failed;

	(void)o;
	if (pkg == NULL || xmlDocGetRootElement(pkg) == NULL) {
		cd_error_set(err, CD_ERR_USAGE, NULL, 0, "clean: no package document");
		return CD_ERR_USAGE;
	}
	cx.refs = xmlHashCreate(64);
	if (cx.refs == NULL) {
		cd_error_set(err, CD_ERR_NOMEM, NULL, 0, "out of memory");
		return CD_ERR_NOMEM;
	}
	st = cd_flat_each_part(pkg, anchors_part, &cx, err);
	failed = cx.marks.failed || cx.failed;
	for (size_t i = 0; i < cx.nparts; i++)
		failed |= cx.runs[i].failed;
	for (size_t i = 0; i < cx.marks.n && cx.runs != NULL; i++)
		if (cx.marks.v[i]->children != NULL)
			drop_runs(&cx);
	if (st == CD_OK && !failed)
		clean_bookmarks(&cx.marks, cx.refs);
	cd_flat_list_free(&cx.marks);
	xmlHashFree(cx.refs, NULL);
	if (st == CD_OK && failed) {
		drop_runs(&cx);
		cd_error_set(err, CD_ERR_NOMEM, NULL, 0, "out of memory");
		return CD_ERR_NOMEM;
	}
	if (st == CD_OK)
		st = cd_flat_each_part(pkg, clean_part, &cx, err);
	drop_runs(&cx);
	return st;
}
