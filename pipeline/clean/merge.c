/*
 * merge.c — the run merging of cd_clean: adjacent runs whose properties
 * differ only in what never reaches the output become one run, and a
 * run's adjacent w:t become one, so that words Word split come out whole.
 */
#include <string.h>

#include "stages.h"

/* Joins adjacent w:t children of run r into one (xml:space="preserve"). */
void
cd_clean_join_texts(xmlNodePtr r)
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
	cd_clean_join_texts(prev);
}

/* Merges runs among the children of parent; key[0] and key[1] are
 * scratch buffers (the caller frees them). */
void
cd_clean_merge_runs(xmlNodePtr parent, cd_buf key[2])
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
