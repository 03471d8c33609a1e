/*
 * opc.c — Open Packaging Conventions: the assembly of the package
 * document (doc/pipeline.md; its nodes: pkgdoc.c); relationships:
 * rels.c; Strict namespaces: strict.c,
 * picture and chart references: picrefs.c. The parts
 * come from a loader (input/docx.c: zip entries or Flat OPC); part-name
 * resolution (cd_opc_resolve) lives in docx.c too.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/tree.h>

#include "opc.h"

#define STRICT_PREFIX "http://purl.oclc.org/ooxml/"
#define TRANS_PREFIX  "http://schemas.openxmlformats.org/"
#define CD_OPC_MAX_PARTS 1000 /* parts loaded: bounds the quadratic lookups */

/* ---- the build ---- */

typedef struct part {
	char *name;
	const char *role;
	const char *type;      /* header/footer type, or NULL */
	xmlDocPtr doc;
	rels rl;
} part;

typedef struct build {
	cd_opc_load_fn load;
	void *ctx;
	const cd_options *o;   /* where messages go */
	cd_error *err;
	part *v;
	size_t n, cap;
	int strict;            /* Strict namespaces met (reported once) */
	xmlNodePtr *refs;      /* the main part's c:chart, w:headerReference and */
	size_t nrefs, caprefs; /* w:footerReference, in document order */
	xmlNodePtr *links;     /* the main part's picture references and */
	size_t nlinks, caplinks; /* w:hyperlink, in document order (resolve_links) */
	int links_ok;          /* links is complete (else resolve_links walks) */
} build;

static const char *const role_order[] = {
	"document", "styles", "numbering", "footnotes", "endnotes", "comments",
	"settings", "header", "footer", "core", "custom", "app", "chart", NULL
};

static int
role_rank(const char *role)
{
	int i;

	for (i = 0; role_order[i] != NULL; i++)
		if (strcmp(role_order[i], role) == 0)
			break;
	return i;
}

/* Loads and parses a part, normalising namespaces. 1 loaded, 0 absent,
 * -1 error (in b->err). */
static int
load_doc(build *b, const char *name, xmlDocPtr *out)
{
	int absent = 0, strict = 0;

	*out = b->load(b->ctx, name, &absent, &strict, b->err);
	if (*out == NULL)
		return absent ? 0 : -1;
	if (strict && cd_opc_ns_normalize(*out) > 0 && !b->strict++)
		cd_msg(b->o, CD_MSG_STRICT, name, 0, NULL);
	return 1;
}

/* Loads the relationships of part name into rl (empty when absent). */
static int
load_rels(build *b, const char *name, rels *rl)
{
	char *rn = cd_opc_rels_name(name);
	xmlDocPtr doc = NULL;
	int st;

	if (rn == NULL) {
		cd_error_set(b->err, CD_ERR_NOMEM, name, 0, "out of memory");
		return -1;
	}
	st = load_doc(b, rn, &doc);
	free(rn);
	if (st <= 0)
		return st;
	st = cd_opc_rels_parse(doc, rl);
	xmlFreeDoc(doc);
	if (st < 0)
		cd_error_set(b->err, CD_ERR_NOMEM, name, 0, "out of memory");
	return st;
}

static int
have_part(const build *b, const char *name)
{
	for (size_t i = 0; i < b->n; i++)
		if (cd_opc_name_eq(b->v[i].name, name))
			return 1;
	return 0;
}

/* 1 for the roles whose relationships are not read (their pictures,
 * such as picture bullets, are not shown as figures). */
static int
parts_without_rels(const char *role)
{
	return strcmp(role, "styles") == 0 || strcmp(role, "numbering") == 0 ||
	       strcmp(role, "settings") == 0 || strcmp(role, "chart") == 0 ||
	       strcmp(role, "core") == 0 || strcmp(role, "custom") == 0 ||
	       strcmp(role, "app") == 0;
}

/* Loads part name with role: 1 loaded, 0 absent or loaded before, 2
 * skipped (an optional part tolerates malformed XML), -1 error. */
static int
add_part(build *b, const char *name, const char *role, int optional)
{
	part *p;
	xmlDocPtr doc;
	int st;

	if (have_part(b, name))
		return 0;
	if (b->n >= CD_OPC_MAX_PARTS) {
		cd_error_set(b->err, CD_ERR_LIMIT, name, 0, "too many parts (limit %d)",
		             CD_OPC_MAX_PARTS);
		return -1;
	}
	st = load_doc(b, name, &doc);
	if (st < 0 && optional && b->err != NULL &&
	    (b->err->code == CD_ERR_XML || b->err->code == CD_ERR_FORMAT)) {
		cd_msg(b->o, CD_MSG_PROPS_MALFORMED, name, 0, "%s", b->err->msg);
		cd_error_clear(b->err);
		return 2; /* QUIRK: a broken docProps part is skipped */
	}
	if (st <= 0)
		return st;
	if (b->n == b->cap) {
		part *v = realloc(b->v, (b->cap = b->cap ? b->cap * 2 : 8) * sizeof *v);

		if (v == NULL) {
			xmlFreeDoc(doc);
			cd_error_set(b->err, CD_ERR_NOMEM, name, 0, "out of memory");
			return -1;
		}
		b->v = v;
	}
	p = &b->v[b->n];
	memset(p, 0, sizeof *p);
	p->name = strdup(name);
	p->role = role;
	p->doc = doc;
	b->n++;
	if (p->name == NULL) {
		cd_error_set(b->err, CD_ERR_NOMEM, name, 0, "out of memory");
		return -1;
	}
	if (parts_without_rels(role) || optional)
		return 1;
	return load_rels(b, name, &p->rl) < 0 ? -1 : 1;
}

static void
build_free(build *b)
{
	for (size_t i = 0; i < b->n; i++) {
		free(b->v[i].name);
		xmlFreeDoc(b->v[i].doc);
		cd_opc_rels_free(&b->v[i].rl);
	}
	free(b->v);
	free(b->refs);
	free(b->links);
}

static const char *const main_types[] = {
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
	"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
	"application/vnd.ms-word.document.macroEnabled.main+xml",
	"application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
	NULL
};

/* The main part from [Content_Types].xml (malloc'd), or NULL. */
static char *
main_from_content_types(build *b)
{
	xmlDocPtr doc = NULL;
	char *name = NULL;

	if (load_doc(b, "[Content_Types].xml", &doc) <= 0) {
		cd_error_clear(b->err);
		return NULL;
	}
	for (xmlNodePtr c = cd_xml_first_elem(xmlDocGetRootElement(doc));
	     c != NULL && name == NULL; c = cd_xml_next_elem(c)) {
		char *ct = cd_opc_attr_dup(c, "ContentType"), *pn;

		for (int i = 0; ct != NULL && main_types[i] != NULL && name == NULL; i++) {
			if (strcasecmp(ct, main_types[i]) != 0)
				continue;
			pn = cd_opc_attr_dup(c, "PartName");
			name = pn ? cd_opc_resolve("", pn) : NULL;
			free(pn);
		}
		free(ct);
	}
	xmlFreeDoc(doc);
	return name;
}

/* Finds the main part name (malloc'd) from the package rels pr. */
static char *
main_part_name(build *b, const rels *pr)
{
	char *name;

	for (size_t i = 0; i < pr->n; i++)
		if (!pr->v[i].external && cd_opc_rel_is(&pr->v[i], "officeDocument") &&
		    (name = cd_opc_resolve("", pr->v[i].target)) != NULL)
			return name;
	if ((name = main_from_content_types(b)) != NULL)
		return name;
	return NULL;
}

static const struct {
	const char *suffix, *role;
} satellites[] = {
	{ "styles", "styles" }, { "numbering", "numbering" },
	{ "footnotes", "footnotes" }, { "endnotes", "endnotes" },
	{ "comments", "comments" }, { "settings", "settings" },
	{ "header", "header" }, { "footer", "footer" },
	{ "core-properties", "core" }, { "custom-properties", "custom" },
	{ "extended-properties", "app" }, { NULL, NULL }
};

/* Loads the parts the relationships rl of part base point at. */
static int
load_satellites(build *b, const char *base, const rels *rl, int package)
{
	for (size_t i = 0; i < rl->n; i++) {
		const rel *r = &rl->v[i];

		if (r->external)
			continue;
		for (int k = 0; satellites[k].suffix != NULL; k++) {
			int props = k >= 8;
			char *name;
			int st;

			if (props != package || !cd_opc_rel_is(r, satellites[k].suffix))
				continue;
			/* QUIRK: a target outside the package is ignored */
			if ((name = cd_opc_resolve(base, r->target)) == NULL) {
				cd_msg(b->o, CD_MSG_PART_OUTSIDE, *base ? base : "_rels/.rels", 0,
				       "%s", r->target);
				continue;
			}
			st = add_part(b, name, satellites[k].role, props);
			if (st == 0 && !have_part(b, name))
				cd_msg(b->o, CD_MSG_PART_MISSING, name, 0, "%s", satellites[k].role);
			free(name);
			if (st < 0)
				return -1;
		}
	}
	return 0;
}

/* Sets the type of the header/footer parts from the sectPr references of
 * the main part, as collect_refs listed them (first reference wins). */
static void
set_hf_types(build *b)
{
	for (size_t k = 0; k < b->nrefs; k++) {
		xmlNodePtr n = b->refs[k];
		xmlChar *id, *ty;
		const rel *r;
		char *name;

		if (!cd_w_is(n, "headerReference") && !cd_w_is(n, "footerReference"))
			continue;
		id = xmlGetNsProp(n, BAD_CAST "id", BAD_CAST CD_R_NS);
		r = id ? cd_opc_rels_find(&b->v[0].rl, (const char *)id) : NULL;
		xmlFree(id);
		if (r == NULL || (name = cd_opc_resolve(b->v[0].name, r->target)) == NULL)
			continue;
		ty = cd_w_attr(n, "type");
		for (size_t i = 1; i < b->n; i++) {
			if (b->v[i].type != NULL || !cd_opc_name_eq(b->v[i].name, name))
				continue;
			if (ty != NULL && strcmp((const char *)ty, "first") == 0)
				b->v[i].type = "first";
			else if (ty != NULL && strcmp((const char *)ty, "even") == 0)
				b->v[i].type = "even";
			else
				b->v[i].type = "default";
		}
		xmlFree(ty);
		free(name);
	}
}

/* Sets pkg:href on w:hyperlink n when its r:id names an external
 * relationship of rl, and resolves n when it is a picture or chart
 * reference (resolve_media) against the part base. */
static void
resolve_one(const build *b, xmlNodePtr pe, xmlNodePtr n, const char *base, const rels *rl,
            int rels_read)
{
	xmlChar *id;
	const rel *r;
	int linked;

	if (cd_opc_picture_ref(n, &linked) != NULL &&
	    cd_opc_resolve_picture(n, pe->ns, base, rl) != 0 && rels_read)
		cd_msg(b->o, CD_MSG_PICTURE_UNRESOLVED, base, xmlGetLineNo(n), NULL);
	if (!cd_w_is(n, "hyperlink"))
		return;
	id = xmlGetNsProp(n, BAD_CAST "id", BAD_CAST CD_R_NS);
	/* QUIRK: an r:id naming no relationship is ignored */
	r = id ? cd_opc_rels_find(rl, (const char *)id) : NULL;
	if (id != NULL && r == NULL && rels_read)
		cd_msg(b->o, CD_MSG_LINK_UNRESOLVED, base, xmlGetLineNo(n), "r:id %s",
		       (const char *)id);
	xmlFree(id);
	if (r != NULL && r->external)
		xmlSetNsProp(n, pe->ns, BAD_CAST "href", BAD_CAST r->target);
}

/* resolve_one on every element under pe; or, for the main part, on the
 * ones collect_refs listed (b->links: the same elements in the same
 * order, without a second walk of the largest part). */
static void
resolve_links(const build *b, xmlNodePtr pe, const char *base, const rels *rl, int rels_read,
              int main_part)
{
	if (main_part && b->links_ok) {
		for (size_t k = 0; k < b->nlinks; k++)
			resolve_one(b, pe, b->links[k], base, rl, rels_read);
		return;
	}
	for (xmlNodePtr n = pe; n != NULL; n = cd_xml_next_in(n, pe))
		resolve_one(b, pe, n, base, rl, rels_read);
}

/* Appends x to the list v (n used, cap allocated); -1 out of memory. */
static int
list_add(xmlNodePtr **v, size_t *n, size_t *cap, xmlNodePtr x)
{
	if (*n == *cap) {
		size_t nc = *cap ? 2 * *cap : 16;
		xmlNodePtr *w = realloc(*v, nc * sizeof *w);

		if (w == NULL)
			return -1;
		*v = w;
		*cap = nc;
	}
	(*v)[(*n)++] = x;
	return 0;
}

/* Lists in b->refs the main part's elements that load_charts and
 * set_hf_types read, and in b->links those resolve_links acts on (one
 * walk for all; the main part does not change in between). 0, or -1 out
 * of memory (in b->err). */
static int
collect_refs(build *b)
{
	xmlNodePtr top = xmlDocGetRootElement(b->v[0].doc);

	b->links_ok = 1;
	for (xmlNodePtr n = top; n != NULL; n = cd_xml_next_in(n, top)) {
		int linked;

		if ((cd_opc_picture_ref(n, &linked) != NULL || cd_w_is(n, "hyperlink")) &&
		    b->links_ok && list_add(&b->links, &b->nlinks, &b->caplinks, n) != 0)
			b->links_ok = 0;   /* resolve_links walks instead */
		if (!cd_xml_is(n, CD_C_NS, "chart") && !cd_w_is(n, "headerReference") &&
		    !cd_w_is(n, "footerReference"))
			continue;
		if (list_add(&b->refs, &b->nrefs, &b->caprefs, n) != 0) {
			cd_error_set(b->err, CD_ERR_NOMEM, NULL, 0, "out of memory");
			return -1;
		}
	}
	return 0;
}

/* Loads the chart parts (c:chart r:id) the main part refers to, as
 * optional parts of role "chart". */
static int
load_charts(build *b)
{
	if (collect_refs(b) < 0)
		return -1;
	for (size_t k = 0; k < b->nrefs; k++) {
		xmlNodePtr n = b->refs[k];
		xmlChar *id;
		const rel *r;
		char *name;
		int st;

		if (!cd_xml_is(n, CD_C_NS, "chart"))
			continue;
		id = xmlGetNsProp(n, BAD_CAST "id", BAD_CAST CD_R_NS);
		r = id ? cd_opc_rels_find(&b->v[0].rl, (const char *)id) : NULL;
		xmlFree(id);
		if (r == NULL || r->external || (name = cd_opc_resolve(b->v[0].name, r->target)) == NULL)
			continue;
		st = add_part(b, name, "chart", 1);
		free(name);
		if (st < 0)
			return -1;
	}
	return 0;
}

/* Moves the loaded parts, in the documented order, into a new package
 * document. */
static xmlDocPtr
assemble(build *b, const char *source)
{
	xmlNodePtr pe;
	xmlDocPtr pkg = cd_opc_pkg_take(b->v[0].doc, source, "docx", b->v[0].name,
	                                b->v[0].role, &pe);

	b->v[0].doc = NULL;   /* the main part (role document, first) */
	if (pkg == NULL)
		return NULL;
	resolve_links(b, pe, b->v[0].name, &b->v[0].rl, 1, 1);
	for (int rank = 0; role_order[rank] != NULL; rank++) {
		for (size_t i = 1; i < b->n; i++) {
			part *p = &b->v[i];

			if (role_rank(p->role) != rank)
				continue;
			pe = cd_opc_pkg_add(pkg, p->doc, p->name, p->role, p->type);
			p->doc = NULL;
			if (pe == NULL) {
				xmlFreeDoc(pkg);
				return NULL;
			}
			resolve_links(b, pe, p->name, &p->rl, !parts_without_rels(p->role), 0);
		}
	}
	return pkg;
}

static int
build_parts(build *b)
{
	rels pr = { NULL, 0, NULL };
	char *main_name;
	int st;

	if (load_rels(b, "", &pr) < 0)
		return -1;
	main_name = main_part_name(b, &pr);
	if (main_name == NULL) {
		cd_opc_rels_free(&pr);
		cd_error_set(b->err, CD_ERR_FORMAT, NULL, 0,
		             "no main document part (word/document.xml)");
		return -1;
	}
	st = add_part(b, main_name, "document", 0);
	if (st == 0)
		cd_error_set(b->err, CD_ERR_FORMAT, main_name, 0,
		             "main document part is missing from the package");
	free(main_name);
	if (st > 0 && !cd_w_is(xmlDocGetRootElement(b->v[0].doc), "document")) {
		cd_error_set(b->err, CD_ERR_FORMAT, NULL, 0,
		             "no main document part (word/document.xml): %s is not a "
		             "WordprocessingML document", b->v[0].name);
		st = -1;
	}
	if (st > 0) {
		/* copies: b->v moves when parts are added */
		rels mr = b->v[0].rl;
		const char *mn = b->v[0].name;

		if (load_satellites(b, mn, &mr, 0) < 0 || load_satellites(b, "", &pr, 1) < 0 ||
		    load_charts(b) < 0)
			st = -1;
	}
	cd_opc_rels_free(&pr);
	return st > 0 ? 0 : -1;
}

xmlDocPtr
cd_opc_build(cd_opc_load_fn load, void *ctx, const char *source, const cd_options *o,
             cd_error *err)
{
	build b = { load, ctx, o, err, NULL, 0, 0, 0, NULL, 0, 0, NULL, 0, 0, 0 };
	xmlDocPtr pkg = NULL;

	if (build_parts(&b) == 0) {
		set_hf_types(&b);
		pkg = assemble(&b, source);
		if (pkg == NULL)
			cd_error_set(err, CD_ERR_NOMEM, NULL, 0, "out of memory");
	}
	build_free(&b);
	return pkg;
}
