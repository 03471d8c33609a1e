/*
 * edges.c — line breaks and spaces at the edge of a formatting element
 * (b, i, u, sup, sub) move outside it. Word often makes the break or the
 * space part of a bold run ("<b>MMR = 1<br/></b>next line", "=<b> 1</b>"),
 * and emphasis that starts or ends with one cannot be written with
 * Markdown's delimiters: it would close on the next line ("</strong>next
 * line") or fall back to HTML ("=<strong> 1</strong>"). What a reader sees
 * does not change. Only U+0020 moves; a no-break space stays where it is.
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

/* The number of spaces at the start (last = 0) or the end of text node n;
 * 0 for any other node. */
static size_t
edge_spaces(const xmlNode *n, int last)
{
	const char *s;
	size_t len, k = 0;

	if (n == NULL || n->type != XML_TEXT_NODE || n->content == NULL)
		return 0;
	s = (const char *)n->content;
	len = strlen(s);
	if (last)
		while (k < len && s[len - 1 - k] == ' ')
			k++;
	else
		while (s[k] == ' ')
			k++;
	return k;
}

static int
movable(const xmlNode *n, int last)
{
	return is_br(n) || edge_spaces(n, last) > 0;
}

/* A break or a space at the first (last) edge of e, or of a formatting
 * element at that edge of e: <i>B<sub>j<br/></sub></i> moves out of both. */
static int
edge_movable(const xmlNode *e, int last)
{
	for (const xmlNode *c = last ? e->last : e->children; c != NULL;
	     c = last ? c->last : c->children) {
		if (movable(c, last))
			return 1;
		if (!is_format(c))
			return 0;
	}
	return 0;
}

/* Puts n beside e: after it (last) or before it. */
static void
put_beside(xmlNodePtr e, xmlNodePtr n, int last)
{
	if (last)
		xmlAddNextSibling(e, n);
	else
		xmlAddPrevSibling(e, n);
}

/* Moves the spaces at the edge of text node t out of e, before (last = 0)
 * or after it; t is freed when nothing is left of it. 0, or -1 when out of
 * memory (nothing moved). */
static int
spaces_out(xmlNodePtr e, xmlNodePtr t, int last)
{
	size_t k = edge_spaces(t, last), len = strlen((const char *)t->content);
	xmlNodePtr sp = xmlNewTextLen(t->content + (last ? len - k : 0), (int)k);

	if (sp == NULL)
		return -1;
	if (k == len) {
		xmlUnlinkNode(t);
		xmlFreeNode(t);
	} else {
		/* a copy: the parser may share the content with its dictionary */
		xmlChar *rest = xmlStrndup(t->content + (last ? 0 : k), (int)(len - k));

		if (rest == NULL) {
			xmlFreeNode(sp);
			return -1;
		}
		xmlNodeSetContent(t, rest);
		xmlFree(rest);
	}
	put_beside(e, sp, last);   /* merges with a text node beside e */
	return 0;
}

/* Moves the breaks and spaces at the start and the end of formatting
 * element e before and after it; removes e when nothing else is left. */
static void
edges_out(xmlNodePtr e)
{
	for (int last = 1; last >= 0; last--) {
		xmlNodePtr c;

		while ((c = last ? e->last : e->children) != NULL && movable(c, last)) {
			if (is_br(c)) {
				xmlUnlinkNode(c);
				put_beside(e, c, last);
			} else if (spaces_out(e, c, last) < 0) {
				break;
			}
		}
	}
	if (e->children == NULL)
		cd_xml_remove(e);
}

void
cd_st_edges_out(xmlNodePtr root)
{
	size_t n = 0, cap = 0;
	xmlNodePtr *v = NULL;

	for (xmlNodePtr k = root; k != NULL; k = cd_xml_next_in(k, root)) {
		if (!is_format(k) || !(edge_movable(k, 0) || edge_movable(k, 1)))
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
		edges_out(v[--n]);
	free(v);
}
