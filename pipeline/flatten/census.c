/*
 * census.c — which element names occur in a part, found in one tree walk.
 *
 * Most flatten passes act on constructs that a given report does not
 * contain (text boxes, equations, fields...). Each pass walks the whole
 * part, so a large report paid for every pass; the census lets a pass be
 * skipped when none of the element names it acts on occurs. Names are
 * matched in any namespace, so the census only ever over-approximates:
 * a skipped pass is one that would have done nothing.
 */
#include <stdlib.h>
#include <string.h>

#include "stages.h"

/* Sorted (strcmp order): every name a flatten pass looks for. */
static const char *const census_names[] = {
	"AlternateContent", "cellDel", "cellIns", "cellMerge", "commentRangeEnd",
	"commentRangeStart", "commentReference", "customXml", "customXmlDelRangeEnd",
	"customXmlDelRangeStart", "customXmlInsRangeEnd", "customXmlInsRangeStart",
	"customXmlMoveFromRangeEnd", "customXmlMoveFromRangeStart",
	"customXmlMoveToRangeEnd", "customXmlMoveToRangeStart", "customXmlPr", "del",
	"delInstrText", "delText", "drawing", "fldChar", "fldSimple", "framePr",
	"hyperlink", "ins", "instrText", "moveFrom", "moveFromRangeEnd",
	"moveFromRangeStart", "moveTo", "moveToRangeEnd", "moveToRangeStart",
	"numberingChange", "oMath", "oMathPara", "object", "pPrChange", "pict",
	"rFonts", "rPrChange", "sdt", "sdtContent", "sdtEndPr", "sdtPr",
	"sectPrChange", "smartTag", "smartTagPr", "sym", "tblGridChange",
	"tblPrChange", "tcPrChange", "trPrChange", "txbxContent", "vanish",
	"webHidden",
};

#define CENSUS_N (sizeof census_names / sizeof *census_names)

_Static_assert(CENSUS_N <= sizeof ((cd_census *)0)->seen, "cd_census.seen too small");

static int
census_cmp(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

/* Index of name in census_names, or -1. */
static long
census_index(const char *name)
{
	const char *const *hit = bsearch(name, census_names, CENSUS_N, sizeof *census_names,
	                                 census_cmp);

	return hit ? (long)(hit - census_names) : -1;
}

/* The w:r whose first w:rPr holds n (a run property), else NULL. */
static xmlNodePtr
prop_run(xmlNodePtr n)
{
	xmlNodePtr rpr = n->parent, r = rpr ? rpr->parent : NULL;

	if (!cd_w_is(n, NULL) || !cd_w_is(rpr, "rPr") || !cd_w_is(r, "r") ||
	    cd_w_child(r, "rPr") != rpr)
		return NULL;
	return r;
}

/* 1 when no w:vanish or w:webHidden comes before n among its siblings. */
static int
first_hiding(const xmlNode *n)
{
	for (const xmlNode *p = n->prev; p != NULL; p = p->prev)
		if (cd_w_is(p, "vanish") || cd_w_is(p, "webHidden"))
			return 0;
	return 1;
}

/* Notes what the symbol and hidden-text passes act on while n is in the
 * cache, so that they need not walk the part again. */
static void
census_note(cd_census *c, xmlNodePtr n, const char *name)
{
	xmlNodePtr r;

	if (strcmp(name, "sym") == 0) {
		if (cd_w_is(n, "sym"))
			cd_flat_list_add(&c->syms, n);
	} else if (strcmp(name, "rFonts") == 0) {
		r = prop_run(n);
		if (r != NULL && cd_w_child(n->parent, "rFonts") == n &&
		    cd_flat_run_symbol_font(r) != 0)
			cd_flat_list_add(&c->symruns, r);
	} else if (strcmp(name, "vanish") == 0 || strcmp(name, "webHidden") == 0) {
		r = prop_run(n);
		/* the run once, however many of them its rPr holds: the pass
		 * that uses the list removes the runs */
		if (r != NULL && first_hiding(n))
			cd_flat_list_add(&c->hidden, r);
	}
}

void
cd_census_take(xmlNodePtr root, cd_census *c)
{
	memset(c, 0, sizeof *c);
	for (xmlNodePtr n = cd_xml_next_in(root, root); n; n = cd_xml_next_in(n, root)) {
		long i = census_index((const char *)n->name);

		if (i < 0)
			continue;
		c->seen[i] = 1;
		census_note(c, n, census_names[i]);
	}
	c->failed = c->syms.failed || c->symruns.failed || c->hidden.failed;
}

void
cd_census_free(cd_census *c)
{
	cd_flat_list_free(&c->syms);
	cd_flat_list_free(&c->symruns);
	cd_flat_list_free(&c->hidden);
}

int
cd_census_has(const cd_census *c, const char *name)
{
	long i = census_index(name);

	/* a name the census does not count may be anywhere */
	return i < 0 || c->seen[i];
}

int
cd_census_any(const cd_census *c, const char *const *names)
{
	for (size_t i = 0; names[i] != NULL; i++)
		if (cd_census_has(c, names[i]))
			return 1;
	return 0;
}
