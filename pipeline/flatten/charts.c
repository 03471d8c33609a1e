/*
 * charts.c — flatten: a chart (c:chart, its part loaded by input/ with
 * role "chart") becomes the description of its pkg:image: the chart's
 * title (the title attribute, unless the drawing has one) and its cached
 * data as a WordprocessingML table, series × categories, from
 * c:strCache / c:numCache. The structure stage turns that table into the
 * figure's desc like any other table.
 */
#include <stdlib.h>
#include <string.h>

#include "stages.h"

#define CHART_MAX_SERIES 200
#define CHART_MAX_POINTS 2000

static xmlNodePtr
first_in(xmlNodePtr n, const char *ns, const char *name)
{
	for (xmlNodePtr d = n ? cd_xml_next_in(n, n) : NULL; d != NULL; d = cd_xml_next_in(d, n))
		if (cd_xml_is(d, ns, name))
			return d;
	return NULL;
}

/* The chart part (its c:chartSpace) called name in the package, or NULL. */
static xmlNodePtr
chart_part(xmlDocPtr pkg, const xmlChar *name)
{
	for (xmlNodePtr p = cd_xml_first_elem(xmlDocGetRootElement(pkg)); p != NULL;
	     p = cd_xml_next_elem(p)) {
		xmlChar *pn = cd_pkg_is(p, "part") ? xmlGetProp(p, BAD_CAST "name") : NULL;
		int hit = pn != NULL && xmlStrcasecmp(pn, name) == 0;

		xmlFree(pn);
		if (hit)
			return cd_xml_first_elem(p);
	}
	return NULL;
}

/* The text of the a:t runs under n, joined (caller: free()), or NULL. */
static char *
rich_text(xmlNodePtr n)
{
	cd_buf b;

	cd_buf_init(&b);
	for (xmlNodePtr d = n ? cd_xml_next_in(n, n) : NULL; d != NULL; d = cd_xml_next_in(d, n)) {
		if (cd_xml_is(d, CD_A_NS, "p") && b.len > 0)
			cd_buf_addc(&b, ' ');
		if (cd_xml_is(d, CD_A_NS, "t") || cd_xml_is(d, CD_C_NS, "v")) {
			xmlChar *t = xmlNodeGetContent(d);

			cd_buf_adds(&b, t ? (const char *)t : "");
			xmlFree(t);
		}
	}
	if (b.len == 0 || b.failed) {
		cd_buf_free(&b);
		return NULL;
	}
	return cd_buf_take(&b, NULL);
}

/* The cached points under ref (c:strCache / c:numCache / c:multiLvlStrCache
 * c:pt idx): *n slots, each NULL or malloc'd (caller frees with
 * free_points). */
static char **
cached_points(xmlNodePtr ref, size_t *n)
{
	char **v = NULL;

	*n = 0;
	for (xmlNodePtr d = ref ? cd_xml_next_in(ref, ref) : NULL; d != NULL; d = cd_xml_next_in(d, ref)) {
		xmlChar *ix;
		long i;

		if (!cd_xml_is(d, CD_C_NS, "pt") || (ix = xmlGetProp(d, BAD_CAST "idx")) == NULL)
			continue;
		i = strtol((const char *)ix, NULL, 10);
		xmlFree(ix);
		if (i < 0 || i >= CHART_MAX_POINTS)
			continue;
		if ((size_t)i >= *n) {
			char **w = realloc(v, ((size_t)i + 1) * sizeof *v);

			if (w == NULL)
				break;
			memset(w + *n, 0, ((size_t)i + 1 - *n) * sizeof *w);
			v = w;
			*n = (size_t)i + 1;
		}
		if (v[i] == NULL)
			v[i] = rich_text(d);
	}
	return v;
}

static void
free_points(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static xmlNodePtr
w_new(xmlNodePtr parent, xmlNsPtr w, const char *name)
{
	return xmlNewChild(parent, w, BAD_CAST name, NULL);
}

/* A table cell holding text s in row tr. */
static void
add_cell(xmlNodePtr tr, xmlNsPtr w, const char *s)
{
	xmlNodePtr p = w_new(w_new(tr, w, "tc"), w, "p");

	if (p != NULL && s != NULL && s[0] != '\0')
		xmlNewTextChild(w_new(p, w, "r"), w, BAD_CAST "t", BAD_CAST s);
}

/* Adds one row per series (c:ser) of plot area pa to tbl; ncat is the
 * number of category columns so far (grown by the series). */
static void
series_rows(xmlNodePtr tbl, xmlNsPtr w, xmlNodePtr pa, char ***cats, size_t *ncat)
{
	size_t nser = 0;

	for (xmlNodePtr s = cd_xml_next_in(pa, pa); s != NULL && nser < CHART_MAX_SERIES;
	     s = cd_xml_next_in(s, pa)) {
		xmlNodePtr tx, val, tr;
		char **vals, *name;
		size_t nv;

		if (!cd_xml_is(s, CD_C_NS, "ser"))
			continue;
		nser++;
		if (*cats == NULL) {
			xmlNodePtr cat = cd_xml_child(s, CD_C_NS, "cat");

			if (cat == NULL)
				cat = cd_xml_child(s, CD_C_NS, "xVal");
			*cats = cached_points(cat, ncat);
		}
		tx = cd_xml_child(s, CD_C_NS, "tx");
		val = cd_xml_child(s, CD_C_NS, "val");
		if (val == NULL)
			val = cd_xml_child(s, CD_C_NS, "yVal");
		vals = cached_points(val, &nv);
		name = rich_text(tx);
		tr = w_new(tbl, w, "tr");
		add_cell(tr, w, name);
		for (size_t i = 0; i < nv || i < *ncat; i++)
			add_cell(tr, w, i < nv ? vals[i] : NULL);
		free(name);
		free_points(vals, nv);
	}
}

/* The header row (an empty corner, then the categories) as the first row
 * of tbl, marked as a header row; columns beyond the categories get their
 * number. */
static void
header_row(xmlNodePtr tbl, xmlNsPtr w, char **cats, size_t ncat, size_t ncols)
{
	xmlNodePtr tr = xmlNewNode(w, BAD_CAST "tr"), first = cd_xml_first_elem(tbl);
	char num[24];

	if (tr == NULL)
		return;
	w_new(w_new(tr, w, "trPr"), w, "tblHeader");
	add_cell(tr, w, NULL);
	for (size_t i = 0; i < ncols; i++) {
		snprintf(num, sizeof num, "%zu", i + 1);
		add_cell(tr, w, i < ncat && cats[i] != NULL ? cats[i] : num);
	}
	if (first != NULL)
		xmlAddPrevSibling(first, tr);
	else
		xmlAddChild(tbl, tr);
}

void
cd_flat_chart(xmlNodePtr img, xmlNodePtr chart)
{
	xmlChar *src = xmlGetNsProp(chart, BAD_CAST "src", BAD_CAST CD_PKG_NS);
	xmlNodePtr space = src ? chart_part(chart->doc, src) : NULL;
	xmlNodePtr ch = space ? cd_xml_child(space, CD_C_NS, "chart") : NULL;
	xmlNodePtr pa = ch ? cd_xml_child(ch, CD_C_NS, "plotArea") : NULL;
	xmlNsPtr w = xmlSearchNsByHref(chart->doc, chart, BAD_CAST CD_W_NS);
	xmlNodePtr tbl;
	char *title, **cats = NULL;
	size_t ncat = 0, ncols = 0;

	xmlFree(src);
	if (pa == NULL || w == NULL)
		return;
	title = rich_text(first_in(cd_xml_child(ch, CD_C_NS, "title"), CD_C_NS, "tx"));
	if (title != NULL && !xmlHasProp(img, BAD_CAST "title"))
		xmlSetProp(img, BAD_CAST "title", BAD_CAST title);
	free(title);
	tbl = xmlNewNode(w, BAD_CAST "tbl");
	if (tbl == NULL)
		return;
	series_rows(tbl, w, pa, &cats, &ncat);
	for (xmlNodePtr tr = cd_xml_first_elem(tbl); tr != NULL; tr = cd_xml_next_elem(tr)) {
		size_t k = 0;

		for (xmlNodePtr tc = cd_xml_first_elem(tr); tc != NULL; tc = cd_xml_next_elem(tc))
			k++;
		if (k > ncols + 1)
			ncols = k - 1;
	}
	if (ncols > 0) {
		header_row(tbl, w, cats, ncat, ncols);
		xmlAddChild(img, tbl);
	} else {
		xmlFreeNode(tbl);
	}
	free_points(cats, ncat);
}
