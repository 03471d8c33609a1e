/*
 * pkgdoc.c — the package document (doc/pipeline.md): a new one, or the
 * main part's own document turned into it (its nodes stay where the
 * parser put them: nothing to move for the largest part), and the other
 * parts moved into it, keeping the parser's line numbers.
 */
#include <stdlib.h>

#include <libxml/tree.h>

#include "opc.h"

/* Gives doc (which has no root element) the pkg:package root; -1 when
 * out of memory. */
static int
set_root(xmlDocPtr doc, const char *source, const char *kind)
{
	xmlNodePtr root = xmlNewDocNode(doc, NULL, BAD_CAST "package", NULL);
	xmlNsPtr ns;

	if (root == NULL)
		return -1;
	xmlDocSetRootElement(doc, root);
	ns = xmlNewNs(root, BAD_CAST CD_PKG_NS, BAD_CAST "pkg");
	xmlSetNs(root, ns);
	xmlNewProp(root, BAD_CAST "source", BAD_CAST(source ? source : ""));
	xmlNewProp(root, BAD_CAST "kind", BAD_CAST kind);
	return 0;
}

xmlDocPtr
cd_opc_pkg_new(const char *source, const char *kind)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");

	if (doc != NULL && set_root(doc, source, kind) != 0) {
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}

/* A new pkg:part element under the package root. */
static xmlNodePtr
new_part(xmlDocPtr pkg, const char *name, const char *role, const char *type)
{
	xmlNodePtr root = xmlDocGetRootElement(pkg);
	xmlNodePtr pe = xmlNewChild(root, root->ns, BAD_CAST "part", NULL);

	if (pe == NULL)
		return NULL;
	xmlNewProp(pe, BAD_CAST "name", BAD_CAST name);
	xmlNewProp(pe, BAD_CAST "role", BAD_CAST role);
	if (type != NULL)
		xmlNewProp(pe, BAD_CAST "type", BAD_CAST type);
	return pe;
}

xmlDocPtr
cd_opc_pkg_take(xmlDocPtr part, const char *source, const char *kind, const char *name,
                const char *role, xmlNodePtr *pe)
{
	xmlNodePtr r = xmlDocGetRootElement(part), c, nx;

	*pe = NULL;
	if (r == NULL) {
		xmlFreeDoc(part);
		return NULL;
	}
	xmlUnlinkNode(r);
	for (c = part->children; c != NULL; c = nx) {   /* comments, PIs */
		nx = c->next;
		xmlUnlinkNode(c);
		xmlFreeNode(c);
	}
	/* as a new document: no URL, encoding or standalone declaration */
	xmlFree((xmlChar *)part->URL);
	part->URL = NULL;
	xmlFree((xmlChar *)part->encoding);
	part->encoding = NULL;
	part->standalone = -1;
	if (set_root(part, source, kind) != 0 || (*pe = new_part(part, name, role, NULL)) == NULL) {
		xmlFreeNode(r);
		xmlFreeDoc(part);
		return NULL;
	}
	xmlAddChild(*pe, r);
	return part;
}

/* The parser's line of every element under r, in document order
 * (malloc'd; NULL when out of memory): xmlDOMWrapAdoptNode clears them,
 * and messages name the line in the part. */
static unsigned short *
keep_lines(xmlNodePtr r, size_t *n)
{
	unsigned short *v;
	size_t k = 0;

	*n = 0;
	for (xmlNodePtr c = r; c != NULL; c = cd_xml_next_in(c, r))
		(*n)++;
	if ((v = malloc(*n * sizeof *v + 1)) == NULL)
		return NULL;
	for (xmlNodePtr c = r; c != NULL; c = cd_xml_next_in(c, r))
		v[k++] = c->line;
	return v;
}

static void
restore_lines(xmlNodePtr r, const unsigned short *v, size_t n)
{
	size_t k = 0;

	for (xmlNodePtr c = r; v != NULL && c != NULL && k < n; c = cd_xml_next_in(c, r))
		c->line = v[k++];
}

xmlNodePtr
cd_opc_pkg_add(xmlDocPtr pkg, xmlDocPtr part, const char *name,
               const char *role, const char *type)
{
	xmlNodePtr r = xmlDocGetRootElement(part);
	xmlNodePtr pe = new_part(pkg, name, role, type);
	unsigned short *lines;
	size_t nlines;

	if (pe == NULL || r == NULL) {
		xmlFreeDoc(part);
		return pe;
	}
	/* the package takes the first part's dictionary: names (and the short
	 * texts the parser interned) are then shared, not copied per node */
	if (pkg->dict == NULL && part->dict != NULL) {
		pkg->dict = part->dict;
		xmlDictReference(pkg->dict);
	}
	xmlUnlinkNode(r);
	lines = keep_lines(r, &nlines);
	if (xmlDOMWrapAdoptNode(NULL, part, r, pkg, pe, 0) != 0) {
		free(lines);
		xmlFreeNode(r);
		xmlFreeDoc(part);
		return NULL;
	}
	restore_lines(r, lines, nlines);
	free(lines);
	xmlAddChild(pe, r);
	xmlFreeDoc(part);
	return pe;
}
