/*
 * styles.c — styles.xml as a table: basedOn chains, docDefaults, heading
 * levels, ITU house-style roles, numbering and run formatting.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "structure.h"

#define CHAIN_MAX 24   /* basedOn depth bound (also breaks cycles) */

typedef struct st_style {
	char *id;
	char *name;        /* lower case, NULL when absent */
	char *based_on;
	int is_char;       /* character style */
	int is_default;    /* default paragraph style */
	int toc_level;     /* 1..9: the document's TOC field lists it as a heading */
	int role;          /* CD_ROLE_* its name names (roles.c), found at load */
	int enumlev, names_doc;
	int heading_name;  /* 1..9 for a "heading N" style, else 0 */
	const xmlNode *ppr, *rpr;
} st_style;

struct cd_st_styles {
	st_style *v;
	size_t n;
	const xmlNode *def_rpr, *def_ppr;
	char *lang;
	const st_style *def_para;
};

static char *
dup_attr(const xmlNode *n, const char *name)
{
	xmlChar *v = cd_w_attr(n, name);
	char *s = v ? strdup((const char *)v) : NULL;

	xmlFree(v);
	return s;
}

static int
cmp_style(const void *a, const void *b)
{
	return strcmp(((const st_style *)a)->id, ((const st_style *)b)->id);
}

static int
cmp_key(const void *key, const void *elem)
{
	return strcmp(key, ((const st_style *)elem)->id);
}

static const st_style *
find(const cd_st_styles *s, const char *id)
{
	if (s == NULL || id == NULL || s->n == 0)
		return NULL;
	return bsearch(id, s->v, s->n, sizeof *s->v, cmp_key);
}

static void
load_one(cd_st_styles *s, const xmlNode *e)
{
	st_style *st = &s->v[s->n];
	xmlChar *type = cd_w_attr(e, "type");
	xmlChar *def = cd_w_attr(e, "default");
	xmlNodePtr name = cd_w_child(e, "name"), bo = cd_w_child(e, "basedOn");

	memset(st, 0, sizeof *st);
	st->id = dup_attr(e, "styleId");
	if (st->id == NULL) {
		xmlFree(type);
		xmlFree(def);
		return;
	}
	st->name = dup_attr(name, "val");
	for (char *p = st->name; p && *p; p++)
		*p = (char)tolower((unsigned char)*p);
	st->based_on = dup_attr(bo, "val");
	st->is_char = type && xmlStrcmp(type, BAD_CAST "character") == 0;
	st->is_default = def && (xmlStrcmp(def, BAD_CAST "1") == 0 ||
	                         xmlStrcmp(def, BAD_CAST "true") == 0) &&
	                 (type == NULL || xmlStrcmp(type, BAD_CAST "paragraph") == 0);
	st->ppr = cd_w_child(e, "pPr");
	st->rpr = cd_w_child(e, "rPr");
	s->n++;
	xmlFree(type);
	xmlFree(def);
}

/* The document's default language as Word applies it: w:lang/@w:val of
 * the default paragraph style (or of a style it is based on), else of the
 * docDefaults run properties. Returns a malloc'd string (freed with the
 * table) or NULL. */
static int chain(const cd_st_styles *s, const st_style *st, const st_style **out);

static char *
default_lang(const cd_st_styles *s)
{
	const st_style *c[CHAIN_MAX];
	int n = chain(s, s->def_para, c);

	for (int k = 0; k < n; k++) {
		char *l = dup_attr(cd_w_child(c[k]->rpr, "lang"), "val");

		if (l != NULL)
			return l;
	}
	return dup_attr(cd_w_child(s->def_rpr, "lang"), "val");
}

/* Caller frees with cd_st_styles_free. */
cd_st_styles *
cd_st_styles_load(xmlNodePtr root)
{
	cd_st_styles *s = calloc(1, sizeof *s);
	size_t cap = 0;
	xmlNodePtr dd;

	if (s == NULL)
		return NULL;
	for (xmlNodePtr e = root ? root->children : NULL; e; e = e->next)
		cap += cd_w_is(e, "style");
	s->v = calloc(cap ? cap : 1, sizeof *s->v);
	if (s->v == NULL) {
		free(s);
		return NULL;
	}
	for (xmlNodePtr e = root ? root->children : NULL; e; e = e->next)
		if (cd_w_is(e, "style"))
			load_one(s, e);
	qsort(s->v, s->n, sizeof *s->v, cmp_style);
	dd = cd_w_child(root, "docDefaults");
	s->def_rpr = cd_w_child(cd_w_child(dd, "rPrDefault"), "rPr");
	s->def_ppr = cd_w_child(cd_w_child(dd, "pPrDefault"), "pPr");
	for (size_t i = 0; i < s->n; i++) {
		st_style *st = &s->v[i];

		if (st->is_default && s->def_para == NULL)
			s->def_para = st;
		/* once per style, not once per paragraph */
		st->role = cd_st_role_of(st->name, st->id, &st->enumlev, &st->names_doc);
		st->heading_name = cd_st_role_heading_word(st->id);
		if (st->heading_name == 0)
			st->heading_name = cd_st_role_heading_word(st->name);
	}
	s->lang = default_lang(s);
	return s;
}

void
cd_st_styles_free(cd_st_styles *s)
{
	if (s == NULL)
		return;
	for (size_t i = 0; i < s->n; i++) {
		free(s->v[i].id);
		free(s->v[i].name);
		free(s->v[i].based_on);
	}
	free(s->v);
	free(s->lang);
	free(s);
}

const char *
cd_st_styles_lang(const cd_st_styles *s)
{
	return s ? s->lang : NULL;
}

/* Fills chain[] with st and its ancestors; returns the count. */
static int
chain(const cd_st_styles *s, const st_style *st, const st_style **out)
{
	int n = 0;

	while (st != NULL && n < CHAIN_MAX) {
		for (int k = 0; k < n; k++)
			if (out[k] == st)
				return n;
		out[n++] = st;
		st = find(s, st->based_on);
	}
	return n;
}

/* Compares a string ignoring case, spaces, underscores and hyphens. */
static int
loose_eq(const char *a, const char *b)
{
	if (a == NULL)
		return 0;
	for (;;) {
		while (*a == ' ' || *a == '_' || *a == '-')
			a++;
		while (*b == ' ' || *b == '_' || *b == '-')
			b++;
		if (*a == '\0' || *b == '\0')
			return *a == *b;
		if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
			return 0;
		a++;
		b++;
	}
}

void
cd_st_styles_toc(cd_st_styles *s, const char *list)
{
	char name[128], key[64], sk[64];
	const char *p = list;

	while (s != NULL && p != NULL && *p) {
		const char *c = strchr(p, ','), *e;
		int lvl;

		if (c == NULL)
			break;
		snprintf(name, sizeof name, "%.*s", (int)(c - p) < 127 ? (int)(c - p) : 127, p);
		lvl = atoi(c + 1);
		e = strchr(c + 1, ',');
		p = e ? e + 1 : NULL;
		if (lvl < 1 || lvl > 9)
			continue;
		cd_st_role_key(name, key, sizeof key);
		for (size_t k = 0; k < s->n && key[0]; k++) {
			cd_st_role_key(s->v[k].name ? s->v[k].name : s->v[k].id, sk, sizeof sk);
			if (strcmp(sk, key) == 0 && s->v[k].toc_level == 0)
				s->v[k].toc_level = lvl;
		}
	}
}

/* The TOC level of the first style of the chain that has one, else 0. */
static int
chain_toc(const st_style *const *c, int n)
{
	for (int k = 0; k < n; k++)
		if (c[k]->toc_level > 0)
			return c[k]->toc_level;
	return 0;
}

static int
ppr_outline(const xmlNode *ppr)
{
	xmlChar *v = cd_w_child_val(ppr, "outlineLvl");
	int lvl = v ? atoi((const char *)v) : -1;

	xmlFree(v);
	return lvl >= 0 && lvl <= 8 ? lvl + 1 : (v ? 0 : -1);
}

int
cd_st_style_heading(const cd_st_styles *s, const char *id)
{
	const st_style *c[CHAIN_MAX];
	int n = chain(s, find(s, id), c);

	for (int k = 0; k < n; k++) {
		int o;

		if (c[k]->heading_name > 0)
			return c[k]->heading_name;
		o = ppr_outline(c[k]->ppr);
		if (o >= 0)
			return o;
	}
	return 0;
}

static int
int_attr(const xmlNode *n, const char *name, int dflt)
{
	xmlChar *v = cd_w_attr(n, name);
	int r = v ? atoi((const char *)v) : dflt;

	xmlFree(v);
	return r;
}

/* numPr of a pPr: 1 when present (num_id / ilvl filled when given). */
static int
ppr_num(const xmlNode *ppr, int *num_id, int *ilvl)
{
	xmlNodePtr np = cd_w_child(ppr, "numPr");

	if (np == NULL)
		return 0;
	if (cd_w_child(np, "numId"))
		*num_id = int_attr(cd_w_child(np, "numId"), "val", 0);
	if (cd_w_child(np, "ilvl"))
		*ilvl = int_attr(cd_w_child(np, "ilvl"), "val", 0);
	return 1;
}

static int
ppr_ind(const xmlNode *ppr, int *left)
{
	xmlNodePtr ind = cd_w_child(ppr, "ind");
	xmlChar *v;

	if (ind == NULL)
		return 0;
	v = cd_w_attr(ind, "left");
	if (v == NULL)
		v = cd_w_attr(ind, "start");
	if (v == NULL)
		return 0;
	*left = atoi((const char *)v);
	xmlFree(v);
	return 1;
}

static void
para_from_styles(const cd_st_styles *s, const st_style *const *c, int n,
                 cd_st_pinfo *pi, int have_num, int have_ind)
{
	int have_bidi = pi->bidi >= 0, have_b = 0;

	int role_done = 0;

	for (int k = 0; k < n; k++) {
		if (!role_done) {
			pi->role = c[k]->role;
			pi->enumlev = c[k]->enumlev;
			pi->names_doc = c[k]->names_doc;
			/* a "heading N" style ends the search: its ancestors'
			 * roles are not its own */
			role_done = pi->role != CD_ROLE_NONE || c[k]->heading_name;
		}
		if (!have_num)
			have_num = ppr_num(c[k]->ppr, &pi->num_id, &pi->ilvl);
		if (!have_ind)
			have_ind = ppr_ind(c[k]->ppr, &pi->ind_left);
		if (!have_bidi && cd_w_onoff(c[k]->ppr, "bidi") >= 0) {
			pi->bidi = cd_w_onoff(c[k]->ppr, "bidi");
			have_bidi = 1;
		}
		if (!have_b && cd_w_onoff(c[k]->rpr, "b") >= 0) {
			pi->bold = cd_w_onoff(c[k]->rpr, "b");
			have_b = 1;
		}
	}
	if (!have_b && cd_w_onoff(s->def_rpr, "b") > 0)
		pi->bold = 1;
	if (pi->bidi < 0)
		pi->bidi = cd_w_onoff(s->def_ppr, "bidi") > 0;
}

void
cd_st_para_info(const cd_st_styles *s, const xmlNode *p, cd_st_pinfo *pi)
{
	xmlNodePtr ppr = cd_w_child(p, "pPr");
	xmlChar *sid = cd_w_child_val(ppr, "pStyle");
	const st_style *st = sid ? find(s, (const char *)sid) : NULL;
	const st_style *c[CHAIN_MAX];
	int n, have_num, have_ind, o;

	memset(pi, 0, sizeof *pi);
	if (st == NULL && s != NULL)
		st = s->def_para;
	n = chain(s, st, c);
	have_num = ppr_num(ppr, &pi->num_id, &pi->ilvl);
	have_ind = ppr_ind(ppr, &pi->ind_left);
	pi->bidi = cd_w_onoff(ppr, "bidi");
	para_from_styles(s, c, n, pi, have_num, have_ind);
	pi->heading = st ? cd_st_style_heading(s, st->id) : 0;
	o = ppr_outline(ppr);
	if (o >= 0) {
		pi->outline_direct = o > 0 && pi->heading == 0 && pi->role == CD_ROLE_NONE;
		pi->heading = o;
	}
	/* a style without a role that the document's TOC lists as a heading */
	if (pi->heading == 0 && pi->role == CD_ROLE_NONE && o < 0)
		pi->heading = chain_toc(c, n);
	/* a style that names a body part is never a heading, whatever outline
	 * level it or the paragraph carries */
	if (cd_st_role_is_body(pi->role)) {
		pi->heading = 0;
		pi->outline_direct = 0;
	}
	if (pi->ilvl < 0 || pi->ilvl > 8)
		pi->ilvl = 0;
	/* a run-in heading (Heading_b) is a heading by its bold; when every
	 * run switches the bold off, Word shows body text, and it is one */
	if (pi->role == CD_ROLE_HEADINGB && pi->bold) {
		int runs, bold;

		cd_st_para_bold(s, p, pi, &runs, &bold);
		if (runs > 0 && bold == 0) {
			pi->role = CD_ROLE_NONE;
			pi->heading = 0;
		}
	}
	xmlFree(sid);
}

int
cd_st_para_vanish(const cd_st_styles *s, const xmlNode *p)
{
	xmlChar *sid = cd_w_child_val(cd_w_child(p, "pPr"), "pStyle");
	const st_style *st = sid ? find(s, (const char *)sid) : NULL;
	const st_style *c[CHAIN_MAX];
	int n;

	xmlFree(sid);
	if (st == NULL && s != NULL)
		st = s->def_para;
	n = chain(s, st, c);
	for (int k = 0; k < n; k++) {
		int v = cd_w_onoff(c[k]->rpr, "vanish");

		if (v >= 0)
			return v;
	}
	return 0;
}

static void
rpr_apply(const xmlNode *rpr, cd_st_rfmt *f, int *seen)
{
	int v;
	xmlNodePtr e;

	if (rpr == NULL)
		return;
#define ONOFF(fld, name, bit) \
	if (!(*seen & (bit)) && (v = cd_w_onoff(rpr, name)) >= 0) { \
		f->fld = v; *seen |= (bit); }
	ONOFF(b, "b", 1)
	ONOFF(i, "i", 2)
	ONOFF(vanish, "vanish", 4)
	ONOFF(caps, "caps", 8)
#undef ONOFF
	if (!(*seen & 16) && (e = cd_w_child(rpr, "u")) != NULL) {
		xmlChar *u = cd_w_attr(e, "val");

		f->u = !(u && (xmlStrcmp(u, BAD_CAST "none") == 0 ||
		               xmlStrcmp(u, BAD_CAST "0") == 0));
		xmlFree(u);
		*seen |= 16;
	}
	if (!(*seen & 32) && (e = cd_w_child(rpr, "vertAlign")) != NULL) {
		xmlChar *va = cd_w_attr(e, "val");

		f->sup = va && xmlStrcmp(va, BAD_CAST "superscript") == 0;
		f->sub = va && xmlStrcmp(va, BAD_CAST "subscript") == 0;
		xmlFree(va);
		*seen |= 32;
	}
	if (!(*seen & 64) && (e = cd_w_child(rpr, "lang")) != NULL) {
		xmlChar *l = cd_w_attr(e, "val");

		if (l != NULL) {
			snprintf(f->lang, sizeof f->lang, "%s", (const char *)l);
			*seen |= 64;
		}
		xmlFree(l);
	}
}

void
cd_st_run_fmt(const cd_st_styles *s, const xmlNode *rpr, cd_st_rfmt *f)
{
	xmlChar *rs = cd_w_child_val(rpr, "rStyle");
	const st_style *c[CHAIN_MAX];
	int n, seen = 0;

	memset(f, 0, sizeof *f);
	rpr_apply(rpr, f, &seen);
	/* An explicit "off" in direct formatting does not cancel the "on" of
	 * the run's character style (doc/quirks-structure.md). */
	if ((seen & 1) && !f->b)
		seen &= ~1;
	if ((seen & 2) && !f->i)
		seen &= ~2;
	n = chain(s, rs ? find(s, (const char *)rs) : NULL, c);
	for (int k = 0; k < n; k++) {
		/* a link's underline is how Word draws links, not emphasis */
		if (loose_eq(c[k]->id, "Hyperlink") || loose_eq(c[k]->id, "FollowedHyperlink") ||
		    loose_eq(c[k]->name, "Internet link") || loose_eq(c[k]->name, "hyperlink"))
			seen |= 16;
		rpr_apply(c[k]->rpr, f, &seen);
	}
	xmlFree(rs);
}

void
cd_st_para_bold(const cd_st_styles *s, const xmlNode *p, const cd_st_pinfo *pi, int *runs,
                int *bold)
{
	*runs = *bold = 0;
	for (const xmlNode *r = p->children; r; r = r->next) {
		xmlNodePtr rpr = cd_w_child(r, "rPr");
		int b = cd_w_onoff(rpr, "b");
		cd_st_rfmt f;

		if (!cd_w_is(r, "r") || cd_w_child(r, "t") == NULL)
			continue;
		cd_st_run_fmt(s, rpr, &f);
		(*runs)++;
		*bold += b > 0 || (b < 0 && (pi->bold || f.b));
	}
}
