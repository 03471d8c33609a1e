/*
 * captions.c — ties caption paragraphs (Table_NoTitle, Figure_NoTitle,
 * Caption...) to their table or figure. ITU puts a table's title above
 * the table and a figure's title below the figure: a caption attaches to
 * the figure just emitted, or to the table without caption just emitted
 * (a figure drawn as a table), unless it names a table; else it waits for
 * the next block; when that block is no table or figure, the caption is
 * emitted in place as a paragraph. Reading order never changes.
 */
#include <string.h>
#include <strings.h>

#include "structure.h"

/* "Table 2-1 – ..." in the six languages: a caption that belongs to the
 * table that follows. */
static int
table_caption(xmlNodePtr cap)
{
	static const char *const words[] = { "table", "tableau", "cuadro",
		"\xD0\xA2\xD0\xB0\xD0\xB1\xD0\xBB\xD0\xB8\xD1\x86\xD0\xB0",     /* Таблица */
		"\xD8\xA7\xD9\x84\xD8\xAC\xD8\xAF\xD9\x88\xD9\x84",             /* الجدول */
		"\xE8\xA1\xA8", NULL };                                          /* 表 */
	xmlChar *t = xmlNodeGetContent(cap);
	const char *s = t ? (const char *)t : "";
	int r = 0;

	s += cd_st_lead_space(s);
	for (int k = 0; words[k] && !r; k++)
		r = strncasecmp(s, words[k], strlen(words[k])) == 0;
	xmlFree(t);
	return r;
}

static void
attach(xmlNodePtr to, xmlNodePtr cap)
{
	if (to->children != NULL)
		xmlAddPrevSibling(to->children, cap);
	else
		xmlAddChild(to, cap);
}

void
cd_st_cap_flush(cd_st_captions *k, cd_st_tree *t)
{
	k->last = NULL;
	if (k->pending == NULL)
		return;
	xmlNodeSetName(k->pending, BAD_CAST "p");
	cd_st_tree_block(t, k->pending);
	k->pending = NULL;
}

/* 1 when figure or table n has its caption already (one its drawing
 * holds): another caption paragraph stays a paragraph. */
static int
has_caption(const xmlNode *n)
{
	return cd_xml_child(n, CD_NS, "caption") != NULL;
}

void
cd_st_cap_add(cd_st_captions *k, cd_st_tree *t, xmlNodePtr cap)
{
	if (k->last != NULL && !table_caption(cap) && !has_caption(k->last)) {
		attach(k->last, cap);
		k->last = NULL;
		return;
	}
	cd_st_cap_flush(k, t);
	k->pending = cap;
}

/* The figure when p holds one figure and nothing else, else NULL. */
static xmlNodePtr
only_figure(const xmlNode *p)
{
	xmlNodePtr fig = NULL;

	for (xmlNodePtr n = p->children; n; n = n->next) {
		if (n->type == XML_TEXT_NODE) {
			if (!xmlIsBlankNode(n))
				return NULL;
		} else if (n->type == XML_ELEMENT_NODE) {
			if (fig != NULL || xmlStrcmp(n->name, BAD_CAST "figure") != 0)
				return NULL;
			fig = n;
		}
	}
	return fig;
}

void
cd_st_cap_para(cd_st_captions *k, cd_st_tree *t, xmlNodePtr cap)
{
	xmlNodePtr figs = NULL, last = NULL;

	if (only_figure(cap) != NULL) {   /* a picture in a caption style */
		xmlNodeSetName(cap, BAD_CAST "p");
		cd_st_cap_block(k, t, cap);
		return;
	}
	/* the pictures anchored in it come first, as figures; its text is
	 * the caption of the last of them (a picture, a line break and
	 * "Figure 3 – ..." in one paragraph) */
	for (xmlNodePtr n = cap->children, nx; n != NULL; n = nx) {
		nx = n->next;
		if (n->type != XML_ELEMENT_NODE || xmlStrcmp(n->name, BAD_CAST "figure") != 0)
			continue;
		xmlUnlinkNode(n);
		if (last == NULL)
			figs = n;
		else
			xmlAddNextSibling(last, n);
		last = n;
	}
	while (figs != NULL) {
		xmlNodePtr p = xmlNewDocNode(cap->doc, cap->ns, BAD_CAST "p", NULL), nx = figs->next;

		xmlUnlinkNode(figs);
		if (p == NULL) {
			xmlFreeNode(figs);
		} else {
			xmlAddChild(p, figs);
			cd_st_cap_block(k, t, p);
		}
		figs = nx;
	}
	while (cap->children != NULL &&
	       ((cap->children->type == XML_ELEMENT_NODE &&
	         xmlStrcmp(cap->children->name, BAD_CAST "br") == 0) ||
	        (cap->children->type == XML_TEXT_NODE && xmlIsBlankNode(cap->children))))
		cd_xml_remove(cap->children);   /* the break after the picture */
	cd_st_cap_add(k, t, cap);
}

void
cd_st_cap_block(cd_st_captions *k, cd_st_tree *t, xmlNodePtr p)
{
	xmlNodePtr fig = only_figure(p);

	if (fig == NULL) {
		cd_st_cap_flush(k, t);
		cd_st_tree_block(t, p);
		return;
	}
	/* a paragraph holding only a picture is the figure itself */
	xmlUnlinkNode(fig);
	xmlFreeNode(p);
	if (has_caption(fig))
		cd_st_cap_flush(k, t);
	cd_st_tree_block(t, fig);
	k->last = fig;
	if (k->pending != NULL) {
		attach(fig, k->pending);
		k->pending = NULL;
		k->last = NULL;
	}
}

void
cd_st_cap_table(cd_st_captions *k, cd_st_tree *t, xmlNodePtr tbl)
{
	k->last = NULL;
	if (has_caption(tbl))
		cd_st_cap_flush(k, t);
	if (k->pending != NULL) {
		attach(tbl, k->pending);
		k->pending = NULL;
	}
	cd_st_tree_block(t, tbl);
	/* a figure drawn as a table ("Figure 45 – … structure" below it) */
	if (!has_caption(tbl))
		k->last = tbl;
}
