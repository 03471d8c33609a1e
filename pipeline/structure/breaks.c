/*
 * breaks.c — a line break at the edge of a formatting element (b, i, u,
 * sup, sub) moves outside it: Word often makes the break part of a bold
 * run ("<b>MMR = 1<br/></b>next line"), and emphasis that ends after the
 * break would close on the next line in Markdown ("</strong>next line").
 * What a reader sees does not change.
 */
#include <stdlib.h>
#include <string.h>

#include "structure.h"

static int
is_format(const xmlNode *n)
{
	static const char *const names[] = { "b", "i", "u", "sup", "sub", NULL };

	for (int i = 0; n->type == XML_ELEMENT_NODE && names[i]; i++)
		if (strcmp((const char *)n->name, names[i]) == 0)
			return 1;
	return 0;
}

static int
is_br(const xmlNode *n)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, "br") == 0;
}

/* A break at the first (last) edge of e, or of a formatting element at
 * that edge of e: <i>B<sub>j<br/></sub></i> moves out of both. */
static int
edge_br(const xmlNode *e, int last)
{
	for (const xmlNode *c = last ? e->last : e->children; c != NULL;
	     c = last ? c->last : c->children) {
		if (is_br(c))
			return 1;
		if (!is_format(c))
			return 0;
	}
	return 0;
}

/* Moves the breaks at the start and the end of formatting element e
 * before and after it; removes e when nothing else is left. */
static void
breaks_out(xmlNodePtr e)
{
	while (is_br(e->last)) {
		xmlNodePtr br = e->last;

		xmlUnlinkNode(br);
		xmlAddNextSibling(e, br);
	}
	while (is_br(e->children)) {
		xmlNodePtr br = e->children;

		xmlUnlinkNode(br);
		xmlAddPrevSibling(e, br);
	}
	if (e->children == NULL)
		cd_xml_remove(e);
}

void
cd_st_breaks_out(xmlNodePtr root)
{
	size_t n = 0, cap = 0;
	xmlNodePtr *v = NULL;

	for (xmlNodePtr k = root; k != NULL; k = cd_xml_next_in(k, root)) {
		if (!is_format(k) || !(edge_br(k, 0) || edge_br(k, 1)))
			continue;
		if (n == cap) {
			xmlNodePtr *w = realloc(v, (cap = cap ? cap * 2 : 64) * sizeof *w);

			if (w == NULL)
				break;
			v = w;
		}
		v[n++] = k;
	}
	/* innermost first: a break leaves <i> inside <b>, then <b> */
	while (n > 0)
		breaks_out(v[--n]);
	free(v);
}
