/*
 * tables.c — w:tbl → council table/row/cell: grid columns (w:gridSpan →
 * colspan; w:gridBefore → an empty cell over the columns a row skips;
 * columns of the grid too narrow to show anything left out), vertical merges (w:vMerge restart/continue →
 * rowspan), header rows (w:tblHeader, or a first row all in bold), cells
 * wrapped in w:sdt, nested tables (cell content goes through cd_st_blocks);
 * a first row that is the table's title in a caption style is its caption.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "structure.h"

typedef struct tcell {
	const xmlNode *tc;
	int col, span;
	int vm;        /* 0 none, 1 restart, 2 continue */
} tcell;

/* The table's grid (w:tblGrid): which columns are too narrow to show
 * anything. Word leaves such slivers (6 or 10 twips) when borders are
 * dragged; they are not columns a reader sees, and a cell or a
 * gridBefore covering one would read as an empty column. */
#define GRID_SLIVER 60   /* twips: 1 mm, narrower than any character */

typedef struct tgrid {
	int n;                 /* columns in the grid; 0: all are kept */
	unsigned char *sliver; /* n flags */
} tgrid;

static int
cell_info(const xmlNode *tc, int *span)
{
	xmlNodePtr pr = cd_w_child(tc, "tcPr"), vm = cd_w_child(pr, "vMerge");
	xmlChar *v = cd_w_child_val(pr, "gridSpan");
	xmlChar *m = cd_w_attr(vm, "val");
	int r = vm == NULL ? 0 : (m && xmlStrcmp(m, BAD_CAST "restart") == 0) ? 1 : 2;

	*span = v ? atoi((const char *)v) : 1;
	if (*span < 1 || *span > 1000)
		*span = 1;
	xmlFree(v);
	xmlFree(m);
	return r;
}

/* The grid columns row tr leaves empty before its first cell
 * (w:gridBefore). */
static int
grid_before(const xmlNode *tr)
{
	xmlChar *v = cd_w_child_val(cd_w_child(tr, "trPr"), "gridBefore");
	int n = v ? atoi((const char *)v) : 0;

	xmlFree(v);
	return n < 0 || n > 1000 ? 0 : n;
}

/* Cells of row tr with their grid columns; caller frees *out. */
static size_t
row_cells(const xmlNode *tr, tcell **out)
{
	size_t n = 0, cap = 0;
	int col = grid_before(tr);

	*out = NULL;
	for (const xmlNode *k = tr->children; k; k = k->next) {
		const xmlNode *tc = k;

		if (cd_w_is(k, "sdt"))
			tc = cd_w_child(cd_w_child(k, "sdtContent"), "tc");
		if (!cd_w_is(tc, "tc"))
			continue;
		if (n == cap) {
			tcell *v = realloc(*out, (cap = cap ? cap * 2 : 8) * sizeof *v);

			if (v == NULL)
				break;
			*out = v;
		}
		(*out)[n].tc = tc;
		(*out)[n].col = col;
		(*out)[n].vm = cell_info(tc, &(*out)[n].span);
		col += (*out)[n].span;
		n++;
	}
	return n;
}

/* The number of grid columns [col, col + span) that are not slivers. */
static int
grid_width(const tgrid *g, int col, int span)
{
	int w = 0;

	for (int k = col; k < col + span; k++)
		w += k < 0 || k >= g->n || !g->sliver[k];
	return w;
}

/* 1 when cell tc holds text or an object. */
static int
tc_has_content(const xmlNode *tc)
{
	for (const xmlNode *k = tc; k != NULL; k = cd_xml_next_in(k, tc)) {
		if (cd_w_is(k, "drawing") || cd_w_is(k, "pict") || cd_w_is(k, "object") ||
		    cd_w_is(k, "sym"))
			return 1;
		if (cd_w_is(k, "t") && k->children != NULL && k->children->content != NULL &&
		    k->children->content[0] != '\0')
			return 1;
	}
	return 0;
}

/* Reads tbl's grid into *g (g->n = 0 when no column is a sliver, when a
 * cell with content lies on slivers only, or out of memory: then every
 * column is kept). The caller frees g->sliver. */
static void
grid_read(const xmlNode *tbl, tgrid *g)
{
	const xmlNode *grid = cd_w_child(tbl, "tblGrid");
	int n = 0, any = 0;

	g->n = 0;
	g->sliver = NULL;
	for (const xmlNode *k = grid ? grid->children : NULL; k; k = k->next)
		n += cd_w_is(k, "gridCol");
	if (n == 0 || (g->sliver = calloc((size_t)n, 1)) == NULL)
		return;
	n = 0;
	for (const xmlNode *k = grid->children; k; k = k->next) {
		xmlChar *w;
		char *end;
		long v;

		if (!cd_w_is(k, "gridCol"))
			continue;
		w = cd_w_attr(k, "w");
		v = w ? strtol((const char *)w, &end, 10) : GRID_SLIVER;
		if (w != NULL && *end == '\0' && v >= 0 && v < GRID_SLIVER)
			any = g->sliver[n] = 1;
		xmlFree(w);
		n++;
	}
	g->n = any ? n : 0;
	for (const xmlNode *tr = tbl->children; tr && g->n > 0; tr = tr->next) {
		tcell *cs;
		size_t m;

		if (!cd_w_is(tr, "tr"))
			continue;
		m = row_cells(tr, &cs);
		for (size_t k = 0; k < m; k++)
			if (grid_width(g, cs[k].col, cs[k].span) == 0 && tc_has_content(cs[k].tc))
				g->n = 0;
		free(cs);
	}
}

static int
vm_continues(const xmlNode *tr, int col)
{
	tcell *cs;
	size_t n = row_cells(tr, &cs);
	int r = 0;

	for (size_t k = 0; k < n; k++)
		if (cs[k].col == col)
			r = cs[k].vm == 2;
	free(cs);
	return r;
}

/* 1 when every text run of the row is bold (direct or by paragraph style). */
static int
row_bold(cd_st_ctx *c, const xmlNode *tr)
{
	int runs = 0, bold = 1;

	for (const xmlNode *n = tr->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (cd_w_is(n, "p")) {
			cd_st_pinfo pi;
			int pr, pb;

			cd_st_para_info(c->styles, n, &pi);
			cd_st_para_bold(c->styles, n, &pi, &pr, &pb);
			runs += pr;
			if (pb < pr)
				bold = 0;
		} else if (!cd_w_is(n, "tbl")) {
			int sub = row_bold(c, n);

			if (sub < 0)
				bold = 0;
			else if (sub > 0)
				runs++;
		}
	}
	return runs == 0 ? 0 : bold ? 1 : -1;
}

static int
is_header_row(cd_st_ctx *c, const xmlNode *tr, int first)
{
	xmlNodePtr pr = cd_w_child(tr, "trPr");

	if (cd_w_onoff(pr, "tblHeader") > 0)
		return 1;
	return first && row_bold(c, tr) > 0;
}

static void
set_int(xmlNodePtr e, const char *name, int v)
{
	char b[16];

	snprintf(b, sizeof b, "%d", v);
	xmlSetProp(e, BAD_CAST name, BAD_CAST b);
}

/* An empty cell over the n grid columns a row skips before its first
 * cell (w:gridBefore), so the cells after it stay in their columns. The
 * columns it skips at its end (w:gridAfter) need none. */
static void
grid_gap(cd_st_ctx *c, xmlNodePtr row, int n)
{
	xmlNodePtr cell;

	if (n < 1)
		return;
	cell = xmlAddChild(row, cd_st_elem(c, "cell"));
	if (n > 1)
		set_int(cell, "colspan", n);
}

static xmlNodePtr
table_row(cd_st_ctx *c, const tgrid *g, const xmlNode *tr, int header)
{
	xmlNodePtr row = cd_st_elem(c, "row");
	tcell *cs;
	size_t n = row_cells(tr, &cs);

	if (header)
		xmlSetProp(row, BAD_CAST "header", BAD_CAST "true");
	grid_gap(c, row, grid_width(g, 0, grid_before(tr)));
	for (size_t k = 0; k < n; k++) {
		xmlNodePtr cell;
		int span = grid_width(g, cs[k].col, cs[k].span);

		if (cs[k].vm == 2 || span == 0)
			continue;
		cell = xmlAddChild(row, cd_st_elem(c, "cell"));
		if (span > 1)
			set_int(cell, "colspan", span);
		if (cs[k].vm == 1) {
			int rs = 1;

			for (const xmlNode *t = cd_xml_next_elem(tr); t; t = cd_xml_next_elem(t)) {
				if (!cd_w_is(t, "tr") || !vm_continues(t, cs[k].col))
					break;
				rs++;
			}
			if (rs > 1)
				set_int(cell, "rowspan", rs);
		}
		cd_st_blocks(c, cs[k].tc, cell);
	}
	free(cs);
	if (row->children == NULL) {
		xmlFreeNode(row);
		return NULL;
	}
	return row;
}

/* The caption of a table whose first row is its title: one cell holding
 * one paragraph in a caption style (Table_NoTitle, the title repeated on
 * each page), as a caption element; else NULL. */
static xmlNodePtr
title_row(cd_st_ctx *c, const xmlNode *tr)
{
	tcell *cs;
	size_t n = row_cells(tr, &cs);
	const xmlNode *title = NULL;
	xmlNodePtr cap = NULL;
	int ok = n == 1 && cs[0].vm == 0;

	for (const xmlNode *k = ok ? cs[0].tc->children : NULL; k != NULL && ok; k = k->next) {
		cd_st_pinfo pi;

		if (cd_w_is(k, "tcPr") || k->type != XML_ELEMENT_NODE)
			continue;
		if (!cd_w_is(k, "p")) {
			ok = 0;
		} else if (cd_st_para_has_content(c, k)) {
			cd_st_para_info(c->styles, k, &pi);
			ok = title == NULL && pi.role == CD_ROLE_CAPTION;
			title = k;
		}
	}
	free(cs);
	if (ok && title != NULL) {
		cap = cd_st_elem(c, "caption");
		if (!cd_st_inline(c, title, cap, 0)) {
			xmlFreeNode(cap);
			cap = NULL;
		}
	}
	return cap;
}

xmlNodePtr
cd_st_table(cd_st_ctx *c, const xmlNode *tbl)
{
	xmlNodePtr t = cd_st_elem(c, "table"), cap;
	int first = 1, has_text = 0;
	tgrid g;

	grid_read(tbl, &g);

	for (const xmlNode *tr = tbl->children; tr; tr = tr->next) {
		xmlNodePtr row;

		if (!cd_w_is(tr, "tr"))
			continue;
		if (first && t->children == NULL && (cap = title_row(c, tr)) != NULL) {
			xmlAddChild(t, cap);   /* the title row is the caption */
			continue;
		}
		row = table_row(c, &g, tr, is_header_row(c, tr, first));
		first = 0;
		if (row == NULL)
			continue;
		xmlAddChild(t, row);
		for (xmlNodePtr cl = row->children; cl && !has_text; cl = cl->next)
			has_text = cl->children != NULL;
	}
	free(g.sliver);
	if (!has_text) {
		xmlFreeNode(t);
		return NULL;
	}
	return t;
}
