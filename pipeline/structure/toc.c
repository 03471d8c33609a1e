/*
 * toc.c — what a dropped table of contents leaves behind. The entries of
 * a TOC field (and TOC-styled paragraphs) never reach the council
 * document; their heading ("Contents", "Table of Contents", "Sommaire",
 * "List of Figures"...) and the "Page" column header would stay behind
 * with nothing under them. This pass removes them when nothing but other
 * such leftovers follows them before the next section or the end.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "structure.h"

static int
is_elem(const xmlNode *n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, BAD_CAST name) == 0;
}

/* The text of n with white space collapsed and trimmed, lower-cased for
 * ASCII, in buf (size max). */
static void
norm_text(const xmlNode *n, char *buf, size_t max)
{
	xmlChar *t = xmlNodeGetContent(n);
	size_t k = 0;
	int space = 0;

	buf[0] = '\0';
	for (const xmlChar *s = t; s != NULL && *s && k + 2 < max; s++) {
		if (isspace(*s)) {
			space = k > 0;
			continue;
		}
		if (space)
			buf[k++] = ' ';
		space = 0;
		buf[k++] = (char)tolower(*s);
	}
	buf[k] = '\0';
	xmlFree(t);
}

/* "Contents" and its kin in the six ITU languages, as the whole text of
 * n. */
static int
toc_words(const xmlNode *n)
{
	static const char *const titles[] = {
		"contents", "table of contents", "list of tables", "list of figures",
		"sommaire", "table des matières", "table des matieres", "liste des tableaux",
		"liste des figures", "índice", "indice", "contenido", "índice de materias",
		"содержание", "оглавление", "目录", "目 录", "المحتويات", "جدول المحتويات", NULL
	};
	char b[64];

	norm_text(n, b, sizeof b);
	for (int i = 0; titles[i]; i++)
		if (strcmp(b, titles[i]) == 0)
			return 1;
	return 0;
}

static int
toc_title(const xmlNode *n)
{
	return is_elem(n, "p") && toc_words(n);
}

/* A "Page" column header: a paragraph, or a table holding nothing else. */
static int
page_leftover(const xmlNode *n)
{
	char b[32];

	if (!is_elem(n, "p") && !is_elem(n, "table"))
		return 0;
	norm_text(n, b, sizeof b);
	return strcmp(b, "page") == 0 || strcmp(b, "pages") == 0 || strcmp(b, "page no.") == 0;
}

/* 1 when nothing follows n before the next section, annex or the end of
 * its parent but other leftovers. */
static int
nothing_under(const xmlNode *n)
{
	for (n = xmlNextElementSibling((xmlNodePtr)n); n; n = xmlNextElementSibling((xmlNodePtr)n)) {
		if (is_elem(n, "section") || is_elem(n, "annex"))
			return 1;
		if (!toc_title(n) && !page_leftover(n))
			return 0;
	}
	return 1;
}

/* 1 when every element after the title is a section: the heading has no
 * text of its own under it. */
static int
only_sections_after(const xmlNode *title)
{
	for (const xmlNode *k = xmlNextElementSibling((xmlNodePtr)title); k;
	     k = xmlNextElementSibling((xmlNodePtr)k))
		if (!is_elem(k, "section"))
			return 0;
	return 1;
}

/* A "Contents" heading over nothing but the sections that follow the TOC
 * (their levels are deeper): the sections take its place, it goes. */
static void
unwrap_section(xmlNodePtr sec, xmlNodePtr title)
{
	xmlNodePtr k, next;

	for (k = xmlNextElementSibling(title); k; k = next) {
		next = xmlNextElementSibling(k);
		xmlUnlinkNode(k);
		xmlAddPrevSibling(sec, k);
	}
	xmlUnlinkNode(sec);
	xmlFreeNode(sec);
}

/* Drops the leftovers among the children of parent (a section, an annex
 * or the root: never inside a table cell, where "Table of Contents" is
 * content), then looks into its sections; a section titled "Contents"
 * with nothing left in it goes too. */
static void
drop_in(xmlNodePtr parent)
{
	xmlNodePtr n, next;

	for (n = xmlFirstElementChild(parent); n; n = next) {
		next = xmlNextElementSibling(n);
		if ((toc_title(n) && nothing_under(n)) || page_leftover(n)) {
			xmlUnlinkNode(n);
			xmlFreeNode(n);
		} else if (is_elem(n, "section") || is_elem(n, "annex")) {
			xmlNodePtr title = xmlFirstElementChild(n);

			drop_in(n);
			if (is_elem(n, "section") && is_elem(title, "title") && toc_words(title) &&
			    only_sections_after(title))
				unwrap_section(n, title);
		}
	}
}

void
cd_st_toc_leftovers(xmlNodePtr root)
{
	if (root != NULL)
		drop_in(root);
}
