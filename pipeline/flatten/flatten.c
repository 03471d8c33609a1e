/*
 * flatten.c — cd_flatten: unwraps what Word wraps content in (content
 * controls, smart tags, custom XML, tracked changes, mc:AlternateContent),
 * moves text-box content into the flow (pictures: figures.c),
 * drops hidden text and comment marks. Fields: fields.c; equations and
 * symbols: math.c. Shared helpers for the stages live here too.
 */
#include <stdlib.h>
#include <string.h>

#include "stages.h"

#define MC_NS "http://schemas.openxmlformats.org/markup-compatibility/2006"

/* ---- shared helpers ---- */

void
cd_flat_list_add(cd_flat_list *l, xmlNodePtr n)
{
	if (l->failed)
		return;
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 64;
		xmlNodePtr *v = realloc(l->v, cap * sizeof *v);

		if (v == NULL) {
			l->failed = 1;
			return;
		}
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n++] = n;
}

void
cd_flat_list_free(cd_flat_list *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}

void
cd_flat_collect(xmlNodePtr root, const char *ns, const char *name, cd_flat_list *l)
{
	for (xmlNodePtr n = cd_xml_next_in(root, root); n; n = cd_xml_next_in(n, root))
		if (cd_xml_is(n, ns, name))
			cd_flat_list_add(l, n);
}

void
cd_flat_collect_names(xmlNodePtr root, const char *ns, const char *const *names,
                      cd_flat_list *l)
{
	for (xmlNodePtr n = cd_xml_next_in(root, root); n; n = cd_xml_next_in(n, root))
		for (size_t i = 0; names[i] != NULL; i++)
			if (n->name[0] == (const xmlChar)names[i][0] &&
			    strcmp((const char *)n->name, names[i]) == 0) {
				if (cd_xml_is(n, ns, NULL))
					cd_flat_list_add(l, n);
				break;
			}
}

static const char *const content_roles[] = {
	"document", "footnotes", "endnotes", "comments", "header", "footer"
};

static int
is_content_part(xmlNodePtr p)
{
	xmlChar *r = xmlGetProp(p, BAD_CAST "role");
	int hit = 0;

	for (size_t i = 0; r != NULL && i < sizeof content_roles / sizeof *content_roles; i++)
		if (strcmp((const char *)r, content_roles[i]) == 0)
			hit = 1;
	xmlFree(r);
	return hit;
}

cd_status
cd_flat_each_part(xmlDocPtr pkg, cd_flat_part_fn fn, void *ctx, cd_error *err)
{
	xmlNodePtr root = xmlDocGetRootElement(pkg);

	for (xmlNodePtr p = root ? root->children : NULL; p != NULL; p = p->next) {
		xmlNodePtr pr;
		xmlChar *name;
		cd_status st;

		if (!cd_pkg_is(p, "part") || !is_content_part(p))
			continue;
		pr = cd_xml_first_elem(p);
		if (pr == NULL)
			continue;
		name = xmlGetProp(p, BAD_CAST "name");
		st = fn(pr, name ? (const char *)name : "part", ctx, err);
		xmlFree(name);
		if (st != CD_OK)
			return st;
	}
	return CD_OK;
}

/* The namespace href in scope at ctx, else at the document's root
 * element, else declared on the root element. */
static xmlNsPtr
ns_for(xmlNodePtr ctx, const char *href, const char *prefix)
{
	xmlNodePtr top = xmlDocGetRootElement(ctx->doc);
	xmlNsPtr ns = xmlSearchNsByHref(ctx->doc, ctx, BAD_CAST href);

	if (ns == NULL && top != NULL)
		ns = xmlSearchNsByHref(ctx->doc, top, BAD_CAST href);
	if (ns == NULL)
		ns = xmlNewNs(top ? top : ctx, BAD_CAST href, BAD_CAST prefix);
	return ns;
}

static xmlNodePtr
new_in_ns(xmlNodePtr ctx, const char *href, const char *prefix, const char *name)
{
	return xmlNewDocNode(ctx->doc, ns_for(ctx, href, prefix), BAD_CAST name, NULL);
}

xmlNodePtr
cd_flat_new_w(xmlNodePtr ctx, const char *name)
{
	return new_in_ns(ctx, CD_W_NS, "w", name);
}

int
cd_flat_run_has_content(const xmlNode *r)
{
	for (const xmlNode *c = r->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE && !cd_w_is(c, "rPr"))
			return 1;
	return 0;
}

xmlNodePtr
cd_flat_new_pkg(xmlNodePtr ctx, const char *name)
{
	return new_in_ns(ctx, CD_PKG_NS, "pkg", name);
}

void
cd_flat_set_w(xmlNodePtr n, const char *name, const char *val)
{
	xmlSetNsProp(n, ns_for(n, CD_W_NS, "w"), BAD_CAST name, BAD_CAST val);
}

void
cd_flat_set_pkg(xmlNodePtr n, const char *name, const char *val)
{
	xmlSetNsProp(n, ns_for(n, CD_PKG_NS, "pkg"), BAD_CAST name, BAD_CAST val);
}

/* ---- mc:AlternateContent ---- */

static const char *const known_ns[] = {
	CD_WPS_NS,
	"http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
	"http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing",
	"http://schemas.microsoft.com/office/word/2010/wordml",
	"http://schemas.microsoft.com/office/word/2012/wordml",
	CD_M_NS, CD_W_NS, CD_WP_NS, CD_A_NS, CD_V_NS,
};

static int
ns_known(const char *href)
{
	if (strncmp(href, "http://schemas.microsoft.com/office/word/2015/", 46) == 0 ||
	    strncmp(href, "http://schemas.microsoft.com/office/word/2016/", 46) == 0 ||
	    strncmp(href, "http://schemas.microsoft.com/office/word/2018/", 46) == 0)
		return 1;
	for (size_t i = 0; i < sizeof known_ns / sizeof *known_ns; i++)
		if (strcmp(href, known_ns[i]) == 0)
			return 1;
	return 0;
}

/* 1 when every prefix in the Requires list of choice maps to a namespace
 * we understand. */
static int
choice_ok(xmlNodePtr choice)
{
	xmlChar *req = xmlGetProp(choice, BAD_CAST "Requires");
	char *save = NULL, *tok;
	int ok = req != NULL;

	for (tok = req ? strtok_r((char *)req, " \t\r\n", &save) : NULL; ok && tok;
	     tok = strtok_r(NULL, " \t\r\n", &save)) {
		xmlNsPtr ns = xmlSearchNs(choice->doc, choice, BAD_CAST tok);

		ok = ns != NULL && ns->href != NULL && ns_known((const char *)ns->href);
	}
	xmlFree(req);
	return ok;
}

/* Replaces ac by the children of its chosen branch. */
static void
resolve_alternate(xmlNodePtr ac)
{
	xmlNodePtr pick = NULL;

	for (xmlNodePtr c = ac->children; c != NULL && pick == NULL; c = c->next)
		if (cd_xml_is(c, MC_NS, "Choice") && choice_ok(c))
			pick = c;
	if (pick == NULL)
		pick = cd_xml_child(ac, MC_NS, "Fallback");
	if (pick != NULL) {
		xmlUnlinkNode(pick);
		xmlAddPrevSibling(ac, pick);
		cd_xml_remove(ac);
		cd_xml_unwrap(pick);
	} else {
		cd_msg_at(ac, CD_MSG_ALTERNATE_DROPPED, NULL);
		cd_xml_remove(ac);
	}
}

static void
flat_alternates(xmlNodePtr root)
{
	/* outermost first; repeat for alternates that come out of branches */
	for (int round = 0; round < 64; round++) {
		cd_flat_list l = { 0 };
		size_t i;

		cd_flat_collect(root, MC_NS, "AlternateContent", &l);
		if (l.n == 0) {
			cd_flat_list_free(&l);
			return;
		}
		for (i = 0; i < l.n; i++) {
			int nested = 0;

			for (xmlNodePtr a = l.v[i]->parent; a && a != root; a = a->parent)
				if (cd_xml_is(a, MC_NS, "AlternateContent"))
					nested = 1;
			if (!nested)
				resolve_alternate(l.v[i]);
		}
		cd_flat_list_free(&l);
	}
}

/* ---- wrappers and tracked changes ---- */

static const char *const w_unwrap[] = { "sdt", "smartTag", "customXml", "ins", "moveTo",
	"sdtContent", NULL };
static const char *const w_drop[] = {
	"del", "moveFrom", "delText", "delInstrText", "pPrChange", "rPrChange",
	"sectPrChange", "tblPrChange", "tcPrChange", "trPrChange", "numberingChange",
	"sdtPr", "sdtEndPr", "smartTagPr", "customXmlPr", "moveFromRangeStart",
	"moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd",
	"customXmlInsRangeStart", "customXmlInsRangeEnd", "customXmlDelRangeStart",
	"customXmlDelRangeEnd", "customXmlMoveFromRangeStart",
	"customXmlMoveFromRangeEnd", "customXmlMoveToRangeStart",
	"customXmlMoveToRangeEnd", "tblGridChange", "cellIns", "cellDel", "cellMerge",
	"commentRangeStart", "commentRangeEnd", "commentReference", NULL
};

static void
flat_wrappers(xmlNodePtr root)
{
	cd_flat_list l = { 0 };

	cd_flat_collect(root, CD_W_NS, NULL, &l);
	/* reverse document order: inner nodes first, so nothing freed is visited */
	for (size_t i = l.n; i-- > 0;) {
		xmlNodePtr n = l.v[i];

		if ((cd_w_is(n, "del") || cd_w_is(n, "ins")) && cd_flat_in_props(n))
			continue; /* a mark on the paragraph mark or row, not a wrapper */
		if (cd_w_is_any(n, w_drop))
			cd_xml_remove(n);
		else if (cd_w_is_any(n, w_unwrap))
			cd_xml_unwrap(n);
	}
	cd_flat_list_free(&l);
}

/* 1 when the paragraph mark of p goes in this view of the changes: a
 * deleted mark when they are accepted, an inserted one when they are
 * rejected; with all changes shown every paragraph stays. */
static int
mark_gone(xmlNodePtr p, int mode)
{
	xmlNodePtr rpr = cd_w_child(cd_w_child(p, "pPr"), "rPr");

	if (mode == CD_CHANGES_ALL)
		return 0;
	return cd_w_child(rpr, mode == CD_CHANGES_REJECT ? "ins" : "del") != NULL;
}

/* A drop cap: a frame paragraph (w:framePr w:dropCap="drop"/"margin")
 * holding the first letter(s) of the next paragraph, which Word shows as
 * one word ("D" + "rop cap." reads "Drop cap."). */
static int
drop_cap(xmlNodePtr p)
{
	xmlChar *v = cd_w_attr(cd_w_child(cd_w_child(p, "pPr"), "framePr"), "dropCap");
	int dc = v != NULL && xmlStrcmp(v, BAD_CAST "none") != 0;

	xmlFree(v);
	return dc;
}

/* Paragraphs whose mark is deleted (inserted, when changes are
 * rejected), and drop caps, join the next paragraph; rows whose deletion
 * (insertion) is tracked vanish. */
static void
flat_deleted_marks(xmlNodePtr root, int mode)
{
	cd_flat_list l = { 0 };

	cd_flat_collect(root, CD_W_NS, "p", &l);
	for (size_t i = 0; i < l.n; i++) {
		xmlNodePtr p = l.v[i], next = cd_xml_next_elem(p), first, c, nx;

		if (!(mark_gone(p, mode) || drop_cap(p)) || !cd_w_is(next, "p"))
			continue;
		first = cd_w_child(next, "pPr");
		first = first ? first->next : next->children;
		for (c = p->children; c != NULL; c = nx) {
			nx = c->next;
			if (cd_w_is(c, "pPr"))
				continue;
			xmlUnlinkNode(c);
			if (first != NULL)
				xmlAddPrevSibling(first, c);
			else
				xmlAddChild(next, c);
		}
		cd_xml_remove(p);
	}
	cd_flat_list_free(&l);
	cd_flat_collect(root, CD_W_NS, "tr", &l);
	for (size_t i = l.n; i-- > 0 && mode != CD_CHANGES_ALL;)
		if (cd_w_child(cd_w_child(l.v[i], "trPr"),
		               mode == CD_CHANGES_REJECT ? "ins" : "del") != NULL)
			cd_xml_remove(l.v[i]);
	cd_flat_list_free(&l);
}

/* ---- text boxes ---- */

static void
flat_textboxes(xmlNodePtr root)
{
	cd_flat_list l = { 0 }, moved = { 0 };

	cd_flat_collect(root, CD_W_NS, "txbxContent", &l);
	for (size_t i = 0; i < l.n; i++) {
		xmlNodePtr t = l.v[i], p = t->parent, at, c, nx;

		while (p != NULL && p != root && !cd_w_is(p, "p") && !cd_fig_is_group(p))
			p = p->parent;
		if (cd_fig_is_group(p))
			continue;   /* the group's figure keeps its labels (figures.c) */
		if (!cd_w_is(p, "p")) {
			cd_msg_at(t, CD_MSG_TEXTBOX_DROPPED, NULL);
			cd_xml_remove(t);
			continue;
		}
		/* after p and after blocks already moved behind p */
		at = p;
		while (cd_xml_next_elem(at) != NULL && cd_xml_next_elem(at)->_private == p)
			at = cd_xml_next_elem(at);
		for (c = t->children; c != NULL; c = nx) {
			nx = c->next;
			if (c->type != XML_ELEMENT_NODE)
				continue;
			xmlUnlinkNode(c);
			xmlAddNextSibling(at, c);
			c->_private = p;
			cd_flat_list_add(&moved, c);
			at = c;
		}
		cd_xml_remove(t);
	}
	for (size_t i = 0; i < moved.n; i++)
		moved.v[i]->_private = NULL;
	cd_flat_list_free(&l);
	cd_flat_list_free(&moved);
}

/* ---- hidden text, comments, bare hyperlinks ---- */

/* An external link with w:anchor: the anchor is the URL's fragment, not
 * a bookmark; it moves into pkg:href. */
static void
href_fragment(xmlNodePtr h, const xmlChar *href, const xmlChar *anchor)
{
	if (anchor[0] && xmlStrchr(href, '#') == NULL) {
		cd_buf b;
		char *url;

		cd_buf_init(&b);
		cd_buf_adds(&b, (const char *)href);
		cd_buf_addc(&b, '#');
		cd_buf_adds(&b, (const char *)anchor);
		url = cd_buf_take(&b, NULL);
		if (url != NULL)
			cd_flat_set_pkg(h, "href", url);
		free(url);
	}
	xmlRemoveProp(xmlHasNsProp(h, BAD_CAST "anchor", BAD_CAST CD_W_NS));
}

/* Drops the hidden runs among runs (all w:r under root when runs is
 * NULL), in reverse document order: a run removed never holds one still
 * to be looked at. */
static void
flat_hidden_runs(xmlNodePtr root, const cd_flat_list *runs)
{
	cd_flat_list l = { 0 };

	if (runs == NULL) {
		cd_flat_collect(root, CD_W_NS, "r", &l);
		runs = &l;
	}
	for (size_t i = runs->n; i-- > 0;) {
		xmlNodePtr rpr = cd_w_child(runs->v[i], "rPr");

		if (cd_w_onoff(rpr, "vanish") == 1 || cd_w_onoff(rpr, "webHidden") == 1)
			cd_xml_remove(runs->v[i]);
	}
	cd_flat_list_free(&l);
}

/* Handles the hyperlinks under root. */
static void
flat_links(xmlNodePtr root)
{
	cd_flat_list l = { 0 };

	cd_flat_collect(root, CD_W_NS, "hyperlink", &l);
	for (size_t i = l.n; i-- > 0;) {
		xmlNodePtr h = l.v[i];
		xmlChar *href = xmlGetNsProp(h, BAD_CAST "href", BAD_CAST CD_PKG_NS);
		xmlChar *anchor = cd_w_attr(h, "anchor");

		if ((href == NULL || !href[0]) && (anchor == NULL || !anchor[0]))
			cd_xml_unwrap(h);
		else if (href != NULL && href[0] && anchor != NULL)
			href_fragment(h, href, anchor);
		xmlFree(href);
		xmlFree(anchor);
	}
	cd_flat_list_free(&l);
}

static const char *const deleted_names[] = { "del", "ins", "framePr", NULL };
static const char *const change_names[] = { "ins", "del", "moveTo", "moveFrom",
	"delText", "delInstrText", NULL };
static const char *const field_names[] = { "fldChar", "instrText", "fldSimple", NULL };
static const char *const math_names[] = { "oMath", "oMathPara", NULL };
static const char *const symbol_names[] = { "sym", "rFonts", NULL };
static const char *const image_names[] = { "drawing", "pict", "object", NULL };
static const char *const hidden_names[] = { "vanish", "webHidden", NULL };

/* The passes before fields, in their order, each only when the census
 * saw an element it acts on. *ran is set when one of them runs: the
 * census lists may then hold nodes it freed. */
static cd_status
flat_early(xmlNodePtr root, const cd_census *c, int mode, int *ran)
{
	int alternates = cd_census_has(c, "AlternateContent");
	int changes = mode != CD_CHANGES_ACCEPT && cd_census_any(c, change_names);
	int wrappers = cd_census_any(c, w_drop) || cd_census_any(c, w_unwrap);
	int deleted = cd_census_any(c, deleted_names);
	int boxes = cd_census_has(c, "txbxContent");

	*ran |= alternates || changes || wrappers || deleted || boxes;
	if (alternates)
		flat_alternates(root);
	if (changes && cd_flat_revisions(root, mode) != CD_OK)
		return CD_ERR_NOMEM;
	if (wrappers)
		flat_wrappers(root);
	if (deleted)
		flat_deleted_marks(root, mode);
	if (boxes)
		flat_textboxes(root);
	return CD_OK;
}

static cd_status
flat_part(xmlNodePtr root, const char *part, void *ctx, cd_error *err)
{
	cd_census c;
	cd_status st;
	int fields, math, stale, mode = *(const int *)ctx;

	/* each pass only when the part holds an element it acts on */
	cd_census_take(root, &c);
	stale = c.failed;
	if (flat_early(root, &c, mode, &stale) != CD_OK) {
		cd_census_free(&c);
		cd_error_set(err, CD_ERR_NOMEM, part, 0, "out of memory in tracked changes");
		return CD_ERR_NOMEM;
	}
	fields = cd_census_any(&c, field_names);
	math = cd_census_any(&c, math_names);
	st = fields ? cd_flat_fields(root, part, err) : CD_OK;
	if (st == CD_OK && math)
		st = cd_flat_math(root, part, err);
	stale |= fields || math;
	if (st == CD_OK && cd_census_any(&c, symbol_names)) {
		if (stale)
			st = cd_flat_symbols(root, part, err);
		else
			cd_flat_symbols_in(&c.syms, &c.symruns);
	}
	if (cd_census_any(&c, image_names)) {
		cd_flat_figures(root);
		stale = 1;
	}
	/* symbols leave runs and their properties as they were */
	if (cd_census_any(&c, hidden_names))
		flat_hidden_runs(root, stale ? NULL : &c.hidden);
	/* fields make hyperlinks */
	if (fields || cd_census_has(&c, "hyperlink"))
		flat_links(root);
	cd_census_free(&c);
	return st;
}

cd_status
cd_flatten(xmlDocPtr pkg, const cd_options *o, cd_error *err)
{
	xmlNodePtr comments;
	cd_msg_route mr;
	cd_status st;
	int mode;

	if (pkg == NULL || xmlDocGetRootElement(pkg) == NULL) {
		cd_error_set(err, CD_ERR_USAGE, NULL, 0, "flatten: no package document");
		return CD_ERR_USAGE;
	}
	comments = cd_pkg_part(pkg, "comments");
	if (comments != NULL && (o == NULL || !o->keep_comments))
		cd_xml_remove(comments);
	mode = o != NULL ? o->changes : CD_CHANGES_ACCEPT;
	cd_msg_bind(pkg, &mr, o);
	st = cd_flat_each_part(pkg, flat_part, &mode, err);
	cd_msg_unbind(pkg, &mr);
	return st;
}
