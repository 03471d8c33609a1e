/*
 * xmlutil.c — namespace-aware element tests, OOXML attribute access,
 * tree surgery, and the one safe XML parser every input goes through.
 */
#include <stdint.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>

#include "cd_internal.h"

int
cd_xml_has_ns(const xmlNode *n, const char *ns)
{
	for (const xmlNode *k = n->children; k != NULL; k = k->next)
		if (k->type == XML_ELEMENT_NODE &&
		    ((k->ns != NULL && k->ns->href != NULL &&
		      strcmp((const char *)k->ns->href, ns) == 0) || cd_xml_has_ns(k, ns)))
			return 1;
	return 0;
}

int
cd_w_is_any(const xmlNode *n, const char *const *names)
{
	for (size_t i = 0; names[i] != NULL; i++)
		if (cd_w_is(n, names[i]))
			return 1;
	return 0;
}

int
cd_pkg_is(const xmlNode *n, const char *name)
{
	return cd_xml_is(n, CD_PKG_NS, name);
}

xmlNodePtr
cd_xml_child(const xmlNode *n, const char *ns, const char *name)
{
	if (n == NULL)
		return NULL;
	for (xmlNodePtr c = n->children; c != NULL; c = c->next)
		if (cd_xml_is(c, ns, name))
			return c;
	return NULL;
}

xmlNodePtr
cd_w_child(const xmlNode *n, const char *name)
{
	return cd_xml_child(n, CD_W_NS, name);
}

xmlNodePtr
cd_xml_next_elem(const xmlNode *n)
{
	for (n = n ? n->next : NULL; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			return (xmlNodePtr)n;
	return NULL;
}

xmlNodePtr
cd_xml_first_elem(const xmlNode *n)
{
	for (n = n ? n->children : NULL; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			return (xmlNodePtr)n;
	return NULL;
}

xmlChar *
cd_w_attr(const xmlNode *n, const char *name)
{
	if (n == NULL || n->type != XML_ELEMENT_NODE)
		return NULL;
	return xmlGetNsProp(n, (const xmlChar *)name, (const xmlChar *)CD_W_NS);
}

xmlChar *
cd_w_child_val(const xmlNode *n, const char *child)
{
	return cd_w_attr(cd_w_child(n, child), "val");
}

int
cd_w_onoff(const xmlNode *parent, const char *name)
{
	xmlNodePtr p = cd_w_child(parent, name);
	xmlChar *v;
	int on;

	if (p == NULL)
		return -1;
	v = cd_w_attr(p, "val");
	if (v == NULL)
		return 1;
	on = !(xmlStrcmp(v, BAD_CAST "0") == 0 || xmlStrcmp(v, BAD_CAST "false") == 0 ||
	       xmlStrcmp(v, BAD_CAST "off") == 0 || xmlStrcmp(v, BAD_CAST "none") == 0);
	xmlFree(v);
	return on;
}

xmlNodePtr
cd_xml_next_in(const xmlNode *n, const xmlNode *root)
{
	if (n == NULL)
		return NULL;
	/* a parsed tree lies in memory mostly in document order, a few
	 * hundred bytes a node: fetching the next kilobytes now hides much
	 * of a large tree's DRAM latency */
	__builtin_prefetch((const void *)((uintptr_t)n + 512));
	__builtin_prefetch((const void *)((uintptr_t)n + 1024));
	__builtin_prefetch((const void *)((uintptr_t)n + 1536));
	if ((n == root || n->type == XML_ELEMENT_NODE) && n->children != NULL) {
		/* the walk comes back to the next sibling after the subtree:
		 * fetched meanwhile, not waited for then */
		if (n->next != NULL)
			__builtin_prefetch(n->next);
		n = n->children;
	} else {
		while (n != root && n->next == NULL)
			n = n->parent;
		if (n == root)
			return NULL;
		n = n->next;
	}
	/* skip text, comments and the like */
	while (n != NULL && n->type != XML_ELEMENT_NODE) {
		if (n->next != NULL) {
			n = n->next;
			continue;
		}
		while (n != root && n->next == NULL)
			n = n->parent;
		if (n == root)
			return NULL;
		n = n->next;
	}
	if (n != NULL) {
		__builtin_prefetch(n->children);
		__builtin_prefetch(n->next);
	}
	return (xmlNodePtr)n;
}

void
cd_xml_unwrap(xmlNodePtr n)
{
	xmlNodePtr c, next;

	if (n == NULL)
		return;
	for (c = n->children; c != NULL; c = next) {
		next = c->next;
		xmlUnlinkNode(c);
		xmlAddPrevSibling(n, c);
	}
	xmlUnlinkNode(n);
	xmlFreeNode(n);
}

void
cd_xml_remove(xmlNodePtr n)
{
	if (n == NULL)
		return;
	xmlUnlinkNode(n);
	xmlFreeNode(n);
}

xmlNodePtr
cd_pkg_part(xmlDocPtr pkg, const char *role)
{
	xmlNodePtr root = xmlDocGetRootElement(pkg);

	if (root == NULL)
		return NULL;
	for (xmlNodePtr p = root->children; p != NULL; p = p->next) {
		xmlChar *r;
		int hit;

		if (!cd_pkg_is(p, "part"))
			continue;
		r = xmlGetProp(p, BAD_CAST "role");
		hit = r != NULL && strcmp((const char *)r, role) == 0;
		xmlFree(r);
		if (hit)
			return p;
	}
	return NULL;
}

xmlNodePtr
cd_pkg_part_root(xmlDocPtr pkg, const char *role)
{
	return cd_xml_first_elem(cd_pkg_part(pkg, role));
}

xmlNodePtr
cd_pkg_body(xmlDocPtr pkg)
{
	return cd_w_child(cd_pkg_part_root(pkg, "document"), "body");
}

/* ---- the safe parser ---- */

struct parse_state {
	const char *part;
	cd_error *err;
	int seen;
	const char *ns_prefix;   /* cd_xml_parse_ns */
	size_t ns_len;
	int *ns_seen;
};

static void
parse_serror(void *data, xmlErrorPtr e)
{
	xmlParserCtxtPtr ctxt = data;
	struct parse_state *st = ctxt ? ctxt->_private : NULL;

	if (st == NULL || e == NULL || e->level < XML_ERR_ERROR || st->seen)
		return;
	st->seen = 1;
	cd_error_set(st->err, e->code == XML_ERR_ENTITY_LOOP ||
	             e->code == XML_ERR_INTERNAL_ERROR ? CD_ERR_LIMIT : CD_ERR_XML,
	             st->part, e->line, "%s", e->message ? e->message : "malformed XML");
}

/* The start of an element (SAX2): its namespace declarations are looked
 * at, then libxml2 builds the element as it would have. */
static void
ns_start(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
         int nb_namespaces, const xmlChar **namespaces, int nb_attributes,
         int nb_defaulted, const xmlChar **attributes)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct parse_state *st = ctxt->_private;

	for (int i = 0; i < nb_namespaces && !*st->ns_seen; i++) {
		const xmlChar *u = namespaces[2 * i + 1];

		if (u != NULL && strncmp((const char *)u, st->ns_prefix, st->ns_len) == 0)
			*st->ns_seen = 1;
	}
	xmlSAX2StartElementNs(ctx, localname, prefix, uri, nb_namespaces, namespaces,
	                      nb_attributes, nb_defaulted, attributes);
}

xmlDocPtr
cd_xml_parse(const char *part, const char *data, size_t len, cd_error *err)
{
	return cd_xml_parse_ns(part, data, len, NULL, NULL, err);
}

xmlDocPtr
cd_xml_parse_ns(const char *part, const char *data, size_t len, const char *ns_prefix,
                int *ns_seen, cd_error *err)
{
	struct parse_state st = { part, err, 0, ns_prefix, 0, ns_seen };
	xmlParserCtxtPtr ctxt;
	xmlDocPtr doc;
	/* No network, no DTD loading, no entity substitution, no default
	 * attributes from a DTD; libxml2's own limits bound depth (256) and
	 * entity amplification because XML_PARSE_HUGE is never set. */
	int opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
	           XML_PARSE_COMPACT | XML_PARSE_NOCDATA;

	if (len > (size_t)0x7fffffff) {
		cd_error_set(err, CD_ERR_LIMIT, part, 0, "part too large to parse");
		return NULL;
	}
	ctxt = xmlNewParserCtxt();
	if (ctxt == NULL) {
		cd_error_set(err, CD_ERR_NOMEM, part, 0, "out of memory");
		return NULL;
	}
	ctxt->_private = &st;
	ctxt->sax->serror = parse_serror;
	if (ns_prefix != NULL && ns_seen != NULL) {
		st.ns_len = strlen(ns_prefix);
		ctxt->sax->startElementNs = ns_start;
	}
	ctxt->vctxt.error = NULL;
	ctxt->vctxt.warning = NULL;
	doc = xmlCtxtReadMemory(ctxt, data, (int)len, part, NULL, opts);
	if (doc == NULL || !ctxt->wellFormed) {
		if (!st.seen)
			cd_error_set(err, CD_ERR_XML, part, 0, "not well-formed XML");
		xmlFreeDoc(doc);
		xmlFreeParserCtxt(ctxt);
		return NULL;
	}
	xmlFreeParserCtxt(ctxt);
	if (doc->intSubset != NULL) {
		/* Word never writes a DTD; one here is an attack surface
		 * (entity expansion, external entities), so refuse it. */
		cd_error_set(err, CD_ERR_FORMAT, part, 0,
		             "document type declarations are not allowed");
		xmlFreeDoc(doc);
		return NULL;
	}
	if (xmlDocGetRootElement(doc) == NULL) {
		cd_error_set(err, CD_ERR_XML, part, 0, "no root element");
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}

/* ---- pretty printing that never touches mixed content ---- */

static int
is_container(const xmlNode *n, const char *const *names)
{
	for (; *names != NULL; names++)
		if (strcmp((const char *)n->name, *names) == 0)
			return 1;
	return 0;
}

static void
indent_rec(xmlNodePtr n, const char *const *containers, int depth)
{
	xmlNodePtr c, next;
	char pad[2 + 2 * 32];
	int w = depth + 1 < 32 ? depth + 1 : 32;

	if (!is_container(n, containers) || n->children == NULL)
		return;
	for (c = n->children; c != NULL; c = c->next)
		if (c->type == XML_TEXT_NODE)
			return; /* mixed content: leave it exactly as it is */
	pad[0] = '\n';
	memset(pad + 1, ' ', (size_t)(2 * w));
	pad[1 + 2 * w] = '\0';
	for (c = n->children; c != NULL; c = next) {
		next = c->next;
		xmlAddPrevSibling(c, xmlNewDocText(n->doc, BAD_CAST pad));
		if (c->type == XML_ELEMENT_NODE)
			indent_rec(c, containers, depth + 1);
	}
	pad[1 + 2 * (w - 1)] = '\0';
	xmlAddChild(n, xmlNewDocText(n->doc, BAD_CAST pad));
}

void
cd_xml_indent(xmlNodePtr root, const char *const *containers)
{
	if (root != NULL && root->type == XML_ELEMENT_NODE)
		indent_rec(root, containers, 0);
}
