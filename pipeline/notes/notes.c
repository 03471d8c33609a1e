/*
 * notes.c — cd_notes: every footnote/endnote reference in the document
 * part becomes a pkg:note holding a copy of the note's blocks, placed where
 * the reference stood; the notes parts are removed afterwards.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>

#include "stages.h"
#include "structure.h"

typedef struct notes_kind {
	const char *ref;      /* footnoteReference */
	const char *note;     /* footnote */
	const char *mark;     /* footnoteRef */
	const char *role;     /* footnotes */
	const char *kind;     /* footnote */
	const char *prefix;   /* fn */
	xmlHashTablePtr byid; /* w:id → w:footnote (not owned) */
	xmlHashTablePtr used; /* w:id seen */
	unsigned next;        /* next automatic label */
	unsigned custom;      /* custom-mark notes so far */
	char fmt[24];         /* numFmt of the labels (decimal, lowerRoman...) */
	int start;            /* w:numStart */
} notes_kind;

static int
is_separator(xmlNodePtr n)
{
	xmlChar *t = cd_w_attr(n, "type");
	int sep = t != NULL && xmlStrcmp(t, BAD_CAST "normal") != 0;

	xmlFree(t);
	return sep;
}

static void
index_notes(xmlDocPtr pkg, notes_kind *k)
{
	xmlNodePtr root = cd_pkg_part_root(pkg, k->role);

	for (xmlNodePtr n = root ? root->children : NULL; n != NULL; n = n->next) {
		xmlChar *id;

		if (!cd_w_is(n, k->note) || is_separator(n))
			continue;
		id = cd_w_attr(n, "id");
		if (id != NULL)
			xmlHashAddEntry(k->byid, id, n);
		xmlFree(id);
	}
}

/* Strips leading tabs and spaces from w:t t; 1 when text remains. */
static int
strip_text(xmlNodePtr t)
{
	xmlChar *s = xmlNodeGetContent(t);
	const char *p = s ? (const char *)s : "";
	int left;

	while (*p == ' ' || *p == '\t')
		p++;
	left = *p != '\0';
	if (left && p != (const char *)s) {
		xmlChar *esc = xmlEncodeSpecialChars(t->doc, BAD_CAST p);

		xmlNodeSetContent(t, esc);
		xmlFree(esc);
	}
	xmlFree(s);
	return left;
}

/* Strips the note mark runs and the whitespace Word writes after the
 * mark from the start of the copied note content under note. */
static void
strip_mark(xmlNodePtr note, const char *mark)
{
	cd_flat_list l = { 0 };
	int leading = 1;

	cd_flat_collect(note, CD_W_NS, mark, &l);
	for (size_t i = 0; i < l.n; i++)
		cd_xml_remove(l.v[i]);
	cd_flat_list_free(&l);
	cd_flat_collect(cd_xml_first_elem(note), CD_W_NS, "r", &l);
	for (size_t i = 0; i < l.n && leading; i++) {
		xmlNodePtr c, nx;

		for (c = l.v[i]->children; c != NULL && leading; c = nx) {
			nx = c->next;
			if (c->type != XML_ELEMENT_NODE || cd_w_is(c, "rPr"))
				continue;
			if (cd_w_is(c, "tab") || (cd_w_is(c, "t") && !strip_text(c)))
				cd_xml_remove(c);
			else
				leading = 0;
		}
		if (cd_xml_first_elem(l.v[i]) == NULL ||
		    (cd_w_is(cd_xml_first_elem(l.v[i]), "rPr") &&
		     cd_xml_next_elem(cd_xml_first_elem(l.v[i])) == NULL))
			cd_xml_remove(l.v[i]);
	}
	cd_flat_list_free(&l);
}

/* Builds the pkg:note for note element src with label and id. */
static xmlNodePtr
make_note(xmlNodePtr ctx, xmlNodePtr src, const notes_kind *k,
          const char *label, const char *id)
{
	xmlNodePtr note = cd_flat_new_pkg(ctx, "note");

	xmlSetProp(note, BAD_CAST "kind", BAD_CAST k->kind);
	xmlSetProp(note, BAD_CAST "label", BAD_CAST label);
	xmlSetProp(note, BAD_CAST "id", BAD_CAST id);
	for (xmlNodePtr c = src->children; c != NULL; c = c->next) {
		xmlNodePtr cp;

		if (c->type != XML_ELEMENT_NODE)
			continue;
		cp = xmlDocCopyNode(c, ctx->doc, 1);
		if (cp != NULL)
			xmlAddChild(note, cp);
	}
	strip_mark(note, k->mark);
	return note;
}

/* With w:customMarkFollows the mark is the text of the next w:t in the
 * run; takes it out of the body. Returns a malloc'd label or NULL. */
static char *
custom_label(xmlNodePtr ref)
{
	for (xmlNodePtr c = ref->next; c != NULL; c = c->next)
		if (cd_w_is(c, "t")) {
			xmlChar *s = xmlNodeGetContent(c);
			char *lab = strdup(s ? (const char *)s : "");

			xmlFree(s);
			cd_xml_remove(c);
			return lab;
		}
	return strdup("*");
}

/* Splits run r after ref: the children after ref go to a new run (same
 * properties) inserted after r. Returns the new run, or NULL when nothing
 * follows. */
static xmlNodePtr
split_after(xmlNodePtr r, xmlNodePtr ref)
{
	xmlNodePtr r2, rpr = cd_w_child(r, "rPr");

	if (ref->next == NULL)
		return NULL;
	r2 = xmlDocCopyNode(r, r->doc, 2);
	if (r2 == NULL)
		return NULL;
	if (rpr != NULL)
		xmlAddChild(r2, xmlDocCopyNode(rpr, r->doc, 1));
	while (ref->next != NULL) {
		xmlNodePtr m = ref->next;

		xmlUnlinkNode(m);
		xmlAddChild(r2, m);
	}
	xmlAddNextSibling(r, r2);
	return r2;
}

static int
attr_on(xmlNodePtr n, const char *name)
{
	xmlChar *v = cd_w_attr(n, name);
	int on = v != NULL && (xmlStrcmp(v, BAD_CAST "1") == 0 ||
	                       xmlStrcmp(v, BAD_CAST "true") == 0 ||
	                       xmlStrcmp(v, BAD_CAST "on") == 0);

	xmlFree(v);
	return on;
}

static void
place_ref(xmlNodePtr ref, notes_kind *k)
{
	xmlNodePtr r = ref->parent, src, note;
	xmlChar *id = cd_w_attr(ref, "id");
	char *custom = NULL, label[32], nid[48];

	src = id ? xmlHashLookup(k->byid, id) : NULL;
	if (attr_on(ref, "customMarkFollows"))
		custom = custom_label(ref);
	if (src != NULL && xmlHashLookup(k->used, id) == NULL && cd_w_is(r, "r")) {
		xmlHashAddEntry(k->used, id, k);
		if (custom != NULL) {
			snprintf(label, sizeof label, "%s", custom);
			snprintf(nid, sizeof nid, "%sc%u", k->prefix, ++k->custom);
		} else {
			++k->next;
			cd_st_num_format(k->fmt, k->start - 1 + (int)k->next, label, sizeof label);
			snprintf(nid, sizeof nid, "%s%u", k->prefix, k->next);
		}
		split_after(r, ref);
		note = make_note(r, src, k, label, nid);
		xmlAddNextSibling(r, note);
	} else if (src == NULL) {
		cd_msg_at(ref, CD_MSG_NOTE_MISSING, "%s %s", k->note, id ? (const char *)id : "without id");
	} else if (cd_w_is(r, "r")) {
		cd_msg_at(ref, CD_MSG_NOTE_REPEATED, "%s %s", k->note, (const char *)id);
	}
	cd_xml_remove(ref);
	if (cd_w_is(r, "r") && !cd_flat_run_has_content(r))
		cd_xml_remove(r);
	free(custom);
	xmlFree(id);
}

/* 1 when n is a property container or w:t: a note reference is run
 * content, so the walk for them need not look inside (a large document
 * is mostly such subtrees). */
static int
holds_no_refs(const xmlNode *n)
{
	static const char *const names[] = { "rPr", "pPr", "t", "tcPr", "trPr", "tblPr",
		"tblGrid", "sectPr", NULL };

	return cd_w_is_any(n, names);
}

int
cd_notes_is_ref(const xmlNode *n, const xmlNode *root)
{
	if (!cd_w_is(n, "footnoteReference") && !cd_w_is(n, "endnoteReference"))
		return 0;
	for (n = n->parent; n != root; n = n->parent)
		if (n == NULL || holds_no_refs(n))
			return 0;
	return 1;
}

/* The note references under root, in document order (nothing else:
 * placing a reference frees nodes around it); and the first w:sectPr
 * child of body (NULL when none), met on the way. */
static void
collect_refs(xmlNodePtr root, const xmlNode *body, cd_flat_list *refs, xmlNodePtr *sect)
{
	xmlNodePtr n = root ? root->children : NULL;

	*sect = NULL;
	while (n != NULL) {
		/* a parsed part lies in memory mostly in document order, a few
		 * hundred bytes a node: fetching the next kilobytes now hides
		 * much of a large part's DRAM latency */
		__builtin_prefetch((const void *)((uintptr_t)n + 512));
		__builtin_prefetch((const void *)((uintptr_t)n + 1024));
		__builtin_prefetch((const void *)((uintptr_t)n + 1536));
		if (n->type == XML_ELEMENT_NODE) {
			if (cd_w_is(n, "footnoteReference") || cd_w_is(n, "endnoteReference"))
				cd_flat_list_add(refs, n);
			else if (n->parent == body && *sect == NULL && cd_w_is(n, "sectPr"))
				*sect = n;
			if (n->children != NULL && !holds_no_refs(n)) {
				/* back to the sibling after the subtree: fetch it now */
				if (n->next != NULL)
					__builtin_prefetch(n->next);
				n = n->children;
				continue;
			}
		}
		while (n->next == NULL && n->parent != root)
			n = n->parent;
		n = n->next;
	}
}

static void
kind_init(notes_kind *k, int foot)
{
	memset(k, 0, sizeof *k);
	k->ref = foot ? "footnoteReference" : "endnoteReference";
	k->note = foot ? "footnote" : "endnote";
	k->mark = foot ? "footnoteRef" : "endnoteRef";
	k->role = foot ? "footnotes" : "endnotes";
	k->kind = foot ? "footnote" : "endnote";
	k->prefix = foot ? "fn" : "en";
	k->byid = xmlHashCreate(64);
	k->used = xmlHashCreate(64);
}

/* Reads w:numFmt and w:numStart of w:footnotePr / w:endnotePr under pr. */
static void
kind_props(notes_kind *k, xmlNodePtr parent)
{
	xmlNodePtr pr = parent ? cd_w_child(parent, k->kind[0] == 'f' ? "footnotePr" : "endnotePr") : NULL;
	xmlChar *v;

	if (pr == NULL)
		return;
	v = cd_w_attr(cd_w_child(pr, "numFmt"), "val");
	if (v != NULL && xmlStrlen(v) < (int)sizeof k->fmt)
		snprintf(k->fmt, sizeof k->fmt, "%s", (const char *)v);
	xmlFree(v);
	v = cd_w_attr(cd_w_child(pr, "numStart"), "val");
	if (v != NULL && atoi((const char *)v) > 0)
		k->start = atoi((const char *)v);
	xmlFree(v);
}

/* Word's defaults (footnotes 1, 2, 3; endnotes i, ii, iii), then
 * settings.xml, then sect (the document's last section properties). */
static void
kind_format(xmlDocPtr pkg, notes_kind *k, xmlNodePtr sect)
{
	snprintf(k->fmt, sizeof k->fmt, "%s", k->kind[0] == 'f' ? "decimal" : "lowerRoman");
	k->start = 1;
	kind_props(k, cd_pkg_part_root(pkg, "settings"));
	kind_props(k, sect);
	if (strcmp(k->fmt, "bullet") == 0 || strcmp(k->fmt, "none") == 0)
		snprintf(k->fmt, sizeof k->fmt, "decimal");
}

static void
kind_free(notes_kind *k)
{
	xmlHashFree(k->byid, NULL);
	xmlHashFree(k->used, NULL);
}

void
cd_noterefs_free(cd_noterefs *refs)
{
	if (refs == NULL)
		return;
	cd_flat_list_free(&refs->refs);
	free(refs);
}

/* The references and the body's section properties: those clean's walk
 * handed over (nr, when it is about this package's main part), else one
 * walk finds them. */
static void
find_refs(xmlNodePtr doc, cd_noterefs *nr, cd_flat_list *l, xmlNodePtr *sect)
{
	if (nr != NULL && doc != NULL && nr->root == doc && nr->pkg == doc->doc &&
	    !nr->refs.failed) {
		*l = nr->refs;
		memset(&nr->refs, 0, sizeof nr->refs);
		*sect = nr->sect;
		return;
	}
	collect_refs(doc, doc ? cd_w_child(doc, "body") : NULL, l, sect);
}

static cd_status
notes(xmlDocPtr pkg, cd_noterefs *nr, cd_error *err)
{
	notes_kind k[2];
	cd_flat_list l = { 0 };
	xmlNodePtr doc = cd_pkg_part_root(pkg, "document"), sect;
	cd_status st = CD_OK;

	find_refs(doc, nr, &l, &sect);
	kind_init(&k[0], 1);
	kind_init(&k[1], 0);
	kind_format(pkg, &k[0], sect);
	kind_format(pkg, &k[1], sect);
	if (k[0].byid && k[0].used && k[1].byid && k[1].used) {
		index_notes(pkg, &k[0]);
		index_notes(pkg, &k[1]);
		for (size_t i = 0; i < l.n; i++)
			place_ref(l.v[i], &k[cd_w_is(l.v[i], k[0].ref) ? 0 : 1]);
		if (l.failed)
			st = CD_ERR_NOMEM;
		cd_flat_list_free(&l);
	} else {
		st = CD_ERR_NOMEM;
	}
	kind_free(&k[0]);
	kind_free(&k[1]);
	if (st != CD_OK) {
		cd_error_set(err, st, NULL, 0, "out of memory placing notes");
		return st;
	}
	cd_xml_remove(cd_pkg_part(pkg, "footnotes"));
	cd_xml_remove(cd_pkg_part(pkg, "endnotes"));
	return CD_OK;
}

cd_status
cd_notes_ex(xmlDocPtr pkg, const cd_options *o, cd_error *err, cd_noterefs *refs)
{
	cd_msg_route mr;
	cd_status st;

	if (pkg == NULL || xmlDocGetRootElement(pkg) == NULL) {
		cd_noterefs_free(refs);
		cd_error_set(err, CD_ERR_USAGE, NULL, 0, "notes: no package document");
		return CD_ERR_USAGE;
	}
	cd_msg_bind(pkg, &mr, o);
	st = notes(pkg, refs, err);
	cd_msg_unbind(pkg, &mr);
	cd_noterefs_free(refs);
	return st;
}

cd_status
cd_notes(xmlDocPtr pkg, const cd_options *o, cd_error *err)
{
	return cd_notes_ex(pkg, o, err, NULL);
}
