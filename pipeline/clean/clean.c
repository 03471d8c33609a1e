/*
 * clean.c — cd_clean: bookmarks (kept as pkg:anchor only when a link
 * refers to them), proofing and layout marks, empty runs; merges adjacent
 * runs with the same properties (merge.c) so split words come out whole.
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
	cd_noterefs *nr;       /* the main part's note references (cd_clean_ex) */
	int in_main;           /* the anchor walk is in the main part */
	int nr_lost;           /* cleaning may free one of them: not handed over */
	int nr_seen;           /* the anchor walk met the main part */
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
	return cd_w_is_any(n, drop_marks);
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
		cd_clean_merge_runs(ms->open.v[--ms->open.n], ms->key);
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
		cd_clean_join_texts(n);
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

/* Besides the marks, the elements cleaning removes with whatever they
 * hold (the others it removes hold no note reference cd_notes would
 * place). */
static const char *const frees_held[] = {
	"noBreakHyphen", "br", "bookmarkStart", "bookmarkEnd", NULL
};

/* Keeps note reference n of the main part for cd_notes_ex, unless
 * cleaning could free it (odd input): then none is handed over. */
static void
take_ref(xmlNodePtr n, clean_ctx *cx)
{
	for (const xmlNode *a = n->parent; a != NULL && a != cx->nr->root; a = a->parent)
		if (is_drop_mark(a) || cd_w_is_any(a, frees_held))
			cx->nr_lost = 1;
	cd_flat_list_add(&cx->nr->refs, n);
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
		else if (cx->in_main && cd_notes_is_ref(n, cx->nr->root))
			take_ref(n, cx);
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
	cx->in_main = cx->nr != NULL && root == cx->nr->root;
	cx->nr_seen |= cx->in_main;
	for (xmlNodePtr c = root->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (!cd_w_is(c, "body")) {
			collect_block(c, cx, runs, &ms);
			continue;
		}
		for (xmlNodePtr b = c->children; b != NULL; b = b->next) {
			if (b->type != XML_ELEMENT_NODE)
				continue;
			if (cx->in_main && c == cx->nr->body && cx->nr->sect == NULL &&
			    cd_w_is(b, "sectPr"))
				cx->nr->sect = b;
			collect_block(b, cx, runs, &ms);
		}
	}
	cx->in_main = 0;
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

/* The note references for cd_notes_ex, when the anchor walk met them
 * all and cleaning left them in place; else NULL. */
static cd_noterefs *
hand_refs(clean_ctx *cx, cd_status st)
{
	cd_noterefs *nr = cx->nr;

	cx->nr = NULL;
	if (nr != NULL && (st != CD_OK || cx->nr_lost || !cx->nr_seen || nr->refs.failed)) {
		cd_noterefs_free(nr);
		nr = NULL;
	}
	return nr;
}

/* The note references' hand-over, when asked for (refs) and the package
 * has a main part. */
static void
want_refs(xmlDocPtr pkg, clean_ctx *cx, cd_noterefs **refs)
{
	xmlNodePtr root = cd_pkg_part_root(pkg, "document");

	if (refs == NULL || root == NULL)
		return;
	cx->nr = calloc(1, sizeof *cx->nr);
	if (cx->nr == NULL)
		return;
	cx->nr->pkg = pkg;
	cx->nr->root = root;
	cx->nr->body = cd_w_child(root, "body");
}

static cd_status
clean(xmlDocPtr pkg, clean_ctx *cx, cd_error *err)
{
	cd_status st;
	int failed;

	st = cd_flat_each_part(pkg, anchors_part, cx, err);
	failed = cx->marks.failed || cx->failed;
	for (size_t i = 0; i < cx->nparts; i++)
		failed |= cx->runs[i].failed;
	for (size_t i = 0; i < cx->marks.n && cx->runs != NULL; i++)
		if (cx->marks.v[i]->children != NULL) {
			drop_runs(cx);
			cx->nr_lost = 1;
		}
	if (st == CD_OK && !failed)
		clean_bookmarks(&cx->marks, cx->refs);
	cd_flat_list_free(&cx->marks);
	if (st == CD_OK && failed) {
		drop_runs(cx);
		cd_error_set(err, CD_ERR_NOMEM, NULL, 0, "out of memory");
		return CD_ERR_NOMEM;
	}
	if (st == CD_OK)
		st = cd_flat_each_part(pkg, clean_part, cx, err);
	drop_runs(cx);
	return st;
}

cd_status
cd_clean_ex(xmlDocPtr pkg, const cd_options *o, cd_error *err, cd_noterefs **refs)
{
	clean_ctx cx = { 0 };
	cd_status st;

	(void)o;
	if (refs != NULL)
		*refs = NULL;
	if (pkg == NULL || xmlDocGetRootElement(pkg) == NULL) {
		cd_error_set(err, CD_ERR_USAGE, NULL, 0, "clean: no package document");
		return CD_ERR_USAGE;
	}
	cx.refs = xmlHashCreate(64);
	if (cx.refs == NULL) {
		cd_error_set(err, CD_ERR_NOMEM, NULL, 0, "out of memory");
		return CD_ERR_NOMEM;
	}
	want_refs(pkg, &cx, refs);
	st = clean(pkg, &cx, err);
	xmlHashFree(cx.refs, NULL);
	if (refs != NULL)
		*refs = hand_refs(&cx, st);
	return st;
}

cd_status
cd_clean(xmlDocPtr pkg, const cd_options *o, cd_error *err)
{
	return cd_clean_ex(pkg, o, err, NULL);
}
