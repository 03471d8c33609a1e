/*
 * stfigure.c — structure: pkg:image markers become council figures.
 *
 * A figure carries alt, title, kind (drawing, chart, equation; a picture
 * by default), width and height; its description (the
 * labels of a drawn figure, a chart's data table) becomes desc, built from
 * the marker's paragraphs and tables like any other blocks, except a
 * label in a caption style (Figure_NoTitle in a text box of the drawing),
 * which is the figure's caption. The picture's
 * part name travels as pkg:part (pkg:href for a linked picture) until the
 * media step (output/media.c) writes the file and sets src and type, or
 * drops it. A paragraph holding nothing but a figure gives way to the
 * figure (a block figure), and a figure with a description inside a
 * paragraph with other content splits that paragraph, so descriptions
 * are always blocks.
 */
#include <string.h>

#include "structure.h"

static void
copy(const xmlNode *from, const char *name, xmlNodePtr to)
{
	xmlChar *v = xmlGetProp(from, BAD_CAST name);

	if (v != NULL && *v)
		xmlSetProp(to, BAD_CAST name, v);
	xmlFree(v);
}

/* kind: a picture is the default; a group of shapes is a drawing. */
static void
set_kind(const xmlNode *n, xmlNodePtr e)
{
	xmlChar *k = xmlGetProp(n, BAD_CAST "kind");

	if (k != NULL && xmlStrcmp(k, BAD_CAST "group") == 0)
		xmlSetProp(e, BAD_CAST "kind", BAD_CAST "drawing");
	else if (k != NULL && (xmlStrcmp(k, BAD_CAST "chart") == 0 ||
	                       xmlStrcmp(k, BAD_CAST "equation") == 0))
		xmlSetProp(e, BAD_CAST "kind", k);
	xmlFree(k);
}

/* The pkg namespace declared on the council root (made once). */
static xmlNsPtr
pkg_ns(cd_st_ctx *c)
{
	xmlNodePtr root = xmlDocGetRootElement(c->out);
	xmlNsPtr ns = root ? xmlSearchNsByHref(c->out, root, BAD_CAST CD_PKG_NS) : NULL;

	if (ns == NULL && root != NULL)
		ns = xmlNewNs(root, BAD_CAST CD_PKG_NS, BAD_CAST "pkg");
	return ns;
}

xmlNodePtr
cd_st_figure(cd_st_ctx *c, const xmlNode *n)
{
	xmlNodePtr e = cd_st_elem(c, "figure"), desc;
	xmlChar *src = xmlGetProp(n, BAD_CAST "src");
	xmlChar *href = xmlGetProp(n, BAD_CAST "href");
	xmlNsPtr ns = (src != NULL || href != NULL) ? pkg_ns(c) : NULL;

	if (c->figures != NULL)
		(*c->figures)++;
	copy(n, "alt", e);
	copy(n, "title", e);
	set_kind(n, e);
	copy(n, "width", e);
	copy(n, "height", e);
	if (ns != NULL && src != NULL)
		xmlSetNsProp(e, ns, BAD_CAST "part", src);
	else if (ns != NULL && href != NULL)
		xmlSetNsProp(e, ns, BAD_CAST "href", href);
	xmlFree(src);
	xmlFree(href);
	if (cd_xml_first_elem(n) != NULL) {
		desc = cd_st_elem(c, "desc");
		xmlAddChild(e, desc);   /* a caption among the labels goes before it */
		cd_st_blocks(c, n, desc);
		if (desc->children == NULL)
			cd_xml_remove(desc);
	}
	return e;
}

int
cd_st_figure_caption(cd_st_ctx *c, const xmlNode *p, xmlNodePtr desc)
{
	xmlNodePtr fig = desc->parent, cap;
	cd_st_pinfo pi;

	if (fig == NULL || xmlStrcmp(fig->name, BAD_CAST "figure") != 0 ||
	    cd_xml_child(fig, CD_NS, "caption") != NULL)
		return 0;
	cd_st_para_info(c->styles, p, &pi);
	if (pi.role != CD_ROLE_CAPTION)
		return 0;
	cap = cd_st_elem(c, "caption");
	if (cd_st_inline(c, p, cap, 0))
		xmlAddPrevSibling(desc, cap);
	else
		xmlFreeNode(cap);
	return 1;
}

/* 1 if n is whitespace-only text (libxml2's test). */
static int
blank(const xmlNode *n)
{
	return n->type == XML_TEXT_NODE && xmlIsBlankNode(n);
}

/* Moves the children of p after child at (exclusive) into a new p placed
 * after p. */
static void
split_after(xmlNodePtr p, xmlNodePtr at)
{
	xmlNodePtr q = xmlNewDocNode(p->doc, p->ns, BAD_CAST "p", NULL), nx;
	int content = 0;

	if (q == NULL)
		return;
	for (xmlAttrPtr a = p->properties; a != NULL; a = a->next)
		xmlSetNsProp(q, a->ns, a->name, a->children ? a->children->content : BAD_CAST "");
	for (xmlNodePtr k = at->next; k != NULL; k = nx) {
		nx = k->next;
		content |= !blank(k);
		xmlUnlinkNode(k);
		xmlAddChild(q, k);
	}
	if (content)
		xmlAddNextSibling(p, q);
	else
		xmlFreeNode(q);
}

/* Lifts figure f (a child of paragraph p) out of p. */
static void
lift(xmlNodePtr p, xmlNodePtr f)
{
	int before = 0;

	split_after(p, f);
	xmlUnlinkNode(f);
	xmlAddNextSibling(p, f);
	for (xmlNodePtr k = p->children; k != NULL; k = k->next)
		before |= !blank(k);
	if (!before)
		cd_xml_remove(p);
}

/* 1 if n is the only non-blank child of its parent. */
static int
only_child(const xmlNode *n)
{
	for (xmlNodePtr k = n->parent->children; k != NULL; k = k->next)
		if (k != n && !blank(k))
			return 0;
	return 1;
}

/* Formatting that holds nothing but figure n (b, i, span...) is dropped:
 * it formats no text. */
static void
unwrap_formatting(xmlNodePtr n)
{
	static const char *const fmt[] = { "b", "i", "u", "sup", "sub", "span", "code", NULL };

	for (;;) {
		xmlNodePtr w = n->parent;
		int hit = 0;

		for (int i = 0; fmt[i] != NULL && !hit; i++)
			hit = cd_xml_is(w, CD_NS, fmt[i]);
		if (!hit || !only_child(n))
			return;
		xmlUnlinkNode(n);
		xmlAddPrevSibling(w, n);
		cd_xml_remove(w);
	}
}

void
cd_st_figures_lift(xmlNodePtr root)
{
	xmlNodePtr n = root;

	while ((n = cd_xml_next_in(n, root)) != NULL) {
		xmlNodePtr p;
		int alone;

		if (!cd_xml_is(n, CD_NS, "figure"))
			continue;
		unwrap_formatting(n);
		p = n->parent;
		if (!cd_xml_is(p, CD_NS, "p"))
			continue;
		alone = only_child(n);
		if (alone || cd_xml_child(n, CD_NS, "desc") != NULL)
			lift(p, n);
	}
}
