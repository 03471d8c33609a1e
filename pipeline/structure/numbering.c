/*
 * numbering.c — numbering.xml: abstract numbering definitions, instances
 * with overrides, counters with Word's restart rules, and labels rendered
 * from lvlText ("%1.%2.") in the common number formats.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "structure.h"

#define NLVL 9

typedef struct st_lvl {
	int start;
	int restart;        /* lvlRestart: -1 default (restart after any higher level) */
	int is_lgl;
	char fmt[24];
	char text[64];
} st_lvl;

typedef struct st_counter {
	int cnt[NLVL];
	int used[NLVL];
} st_counter;

typedef struct st_abs {
	int id;
	char style_link[64];  /* w:styleLink: defines numbering style X */
	char num_link[64];    /* w:numStyleLink: levels come from style X */
	st_lvl lvl[NLVL];
	st_counter c;
} st_abs;

typedef struct st_num {
	int id, abs_id;
	int over[NLVL];      /* startOverride, -1 none */
	int has_over;
	int has_lvl[NLVL];   /* lvlOverride/lvl: level k redefined in lvl[k] */
	st_lvl lvl[NLVL];
	st_counter c;        /* used when has_over */
	st_abs *abs;
} st_num;

struct cd_st_numbering {
	st_abs *a;
	size_t na;
	st_num *n;
	size_t nn;
};

static int
ival(const xmlNode *parent, const char *child, int dflt)
{
	xmlChar *v = cd_w_child_val(parent, child);
	int r = v ? atoi((const char *)v) : dflt;

	xmlFree(v);
	return r;
}

static int
iattr(const xmlNode *n, const char *name, int dflt)
{
	xmlChar *v = cd_w_attr(n, name);
	int r = v ? atoi((const char *)v) : dflt;

	xmlFree(v);
	return r;
}

static void
sval(const xmlNode *parent, const char *child, char *buf, size_t n, const char *dflt)
{
	xmlChar *v = cd_w_child_val(parent, child);

	snprintf(buf, n, "%s", v ? (const char *)v : dflt);
	xmlFree(v);
}

/* One w:lvl element into *v. */
static void
load_lvl(st_lvl *v, const xmlNode *l)
{
	v->start = ival(l, "start", 1);
	v->restart = ival(l, "lvlRestart", -1);
	v->is_lgl = cd_w_onoff(l, "isLgl") > 0;
	sval(l, "numFmt", v->fmt, sizeof v->fmt, "decimal");
	sval(l, "lvlText", v->text, sizeof v->text, "");
}

static void
load_abs(st_abs *a, const xmlNode *e)
{
	memset(a, 0, sizeof *a);
	a->id = iattr(e, "abstractNumId", -1);
	for (int k = 0; k < NLVL; k++) {
		a->lvl[k].start = 1;
		a->lvl[k].restart = -1;
		snprintf(a->lvl[k].fmt, sizeof a->lvl[k].fmt, "decimal");
	}
	for (xmlNodePtr l = e->children; l; l = l->next) {
		int k;

		if (!cd_w_is(l, "lvl"))
			continue;
		k = iattr(l, "ilvl", -1);
		if (k < 0 || k >= NLVL)
			continue;
		load_lvl(&a->lvl[k], l);
	}
	sval(e, "styleLink", a->style_link, sizeof a->style_link, "");
	sval(e, "numStyleLink", a->num_link, sizeof a->num_link, "");
}

/* The definition an abstractNum stands for: one with w:numStyleLink X is
 * only a reference to the abstractNum carrying w:styleLink X (Word's list
 * styles), whose levels and counters it shares. */
static st_abs *
abs_target(cd_st_numbering *nb, st_abs *a)
{
	if (a == NULL || a->num_link[0] == '\0')
		return a;
	for (size_t j = 0; j < nb->na; j++)
		if (&nb->a[j] != a && strcmp(nb->a[j].style_link, a->num_link) == 0)
			return &nb->a[j];
	return a;
}

static void
load_num(st_num *n, const xmlNode *e)
{
	memset(n, 0, sizeof *n);
	n->id = iattr(e, "numId", -1);
	n->abs_id = ival(e, "abstractNumId", -1);
	for (int k = 0; k < NLVL; k++)
		n->over[k] = -1;
	for (xmlNodePtr o = e->children; o; o = o->next) {
		xmlNodePtr lv;
		int k;

		if (!cd_w_is(o, "lvlOverride"))
			continue;
		k = iattr(o, "ilvl", -1);
		if (k < 0 || k >= NLVL)
			continue;
		/* a whole level redefined for this instance: its own list,
		 * starting at the new level's start unless startOverride says */
		if ((lv = cd_w_child(o, "lvl")) != NULL) {
			load_lvl(&n->lvl[k], lv);
			n->has_lvl[k] = 1;
			n->over[k] = n->lvl[k].start;
			n->has_over = 1;
		}
		if (cd_w_child(o, "startOverride") != NULL) {
			n->over[k] = ival(o, "startOverride", 1);
			n->has_over = 1;
		}
	}
}

/* The definition of level k in force for instance n (n->abs not NULL). */
static const st_lvl *
lvl_of(const st_num *n, int k)
{
	return n->has_lvl[k] ? &n->lvl[k] : &n->abs->lvl[k];
}

/* Caller frees with cd_st_num_free. */
cd_st_numbering *
cd_st_num_load(xmlNodePtr root)
{
	cd_st_numbering *nb = calloc(1, sizeof *nb);
	size_t ca = 0, cn = 0;

	if (nb == NULL)
		return NULL;
	for (xmlNodePtr e = root ? root->children : NULL; e; e = e->next) {
		ca += cd_w_is(e, "abstractNum");
		cn += cd_w_is(e, "num");
	}
	nb->a = calloc(ca ? ca : 1, sizeof *nb->a);
	nb->n = calloc(cn ? cn : 1, sizeof *nb->n);
	if (nb->a == NULL || nb->n == NULL) {
		cd_st_num_free(nb);
		return NULL;
	}
	for (xmlNodePtr e = root ? root->children : NULL; e; e = e->next) {
		if (cd_w_is(e, "abstractNum"))
			load_abs(&nb->a[nb->na++], e);
		else if (cd_w_is(e, "num"))
			load_num(&nb->n[nb->nn++], e);
	}
	for (size_t i = 0; i < nb->nn; i++)
		for (size_t j = 0; j < nb->na; j++)
			if (nb->a[j].id == nb->n[i].abs_id)
				nb->n[i].abs = abs_target(nb, &nb->a[j]);
	return nb;
}

void
cd_st_num_free(cd_st_numbering *n)
{
	if (n == NULL)
		return;
	free(n->a);
	free(n->n);
	free(n);
}

static void
alpha(int v, int upper, char *buf, size_t n)
{
	/* Word: a..z, aa..zz, aaa... (letter repeated) */
	int reps, letter;
	size_t k = 0;

	if (v < 1)
		v = 1;
	reps = (v - 1) / 26 + 1;
	letter = (v - 1) % 26;
	for (int r = 0; r < reps && k + 1 < n; r++)
		buf[k++] = (char)((upper ? 'A' : 'a') + letter);
	buf[k] = '\0';
}

static void
roman(int v, int upper, char *buf, size_t n)
{
	static const int val[] = { 1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1 };
	static const char *const lo[] = { "m", "cm", "d", "cd", "c", "xc", "l", "xl",
	                                  "x", "ix", "v", "iv", "i" };
	static const char *const up[] = { "M", "CM", "D", "CD", "C", "XC", "L", "XL",
	                                  "X", "IX", "V", "IV", "I" };
	size_t k = 0;

	buf[0] = '\0';
	if (v < 1 || v > 3999) {
		snprintf(buf, n, "%d", v);
		return;
	}
	for (int i = 0; i < 13; i++)
		while (v >= val[i]) {
			size_t l = strlen(upper ? up[i] : lo[i]);

			if (k + l + 1 > n)
				return;
			memcpy(buf + k, upper ? up[i] : lo[i], l + 1);
			k += l;
			v -= val[i];
		}
}

/* Appends a UTF-8 string table entry chosen by v (1-based, cycling). */
static void
table_fmt(const char *const *tab, int count, int v, char *buf, size_t n)
{
	snprintf(buf, n, "%s", tab[(v - 1 + count * 64) % count]);
}

static void
digits_fmt(const char *const *dig, int v, char *buf, size_t n)
{
	char tmp[16];
	size_t k = 0;

	snprintf(tmp, sizeof tmp, "%d", v);
	buf[0] = '\0';
	for (const char *p = tmp; *p; p++) {
		const char *d = *p >= '0' && *p <= '9' ? dig[*p - '0'] : "-";
		size_t l = strlen(d);

		if (k + l + 1 > n)
			return;
		memcpy(buf + k, d, l + 1);
		k += l;
	}
}

static const char *const arabic_alpha[] = {
	"أ", "ب", "ت", "ث", "ج", "ح", "خ", "د", "ذ", "ر", "ز", "س", "ش", "ص",
	"ض", "ط", "ظ", "ع", "غ", "ف", "ق", "ك", "ل", "م", "ن", "ه", "و", "ي"
};
static const char *const arabic_abjad[] = {
	"أ", "ب", "ج", "د", "ه", "و", "ز", "ح", "ط", "ي", "ك", "ل", "م", "ن",
	"س", "ع", "ف", "ص", "ق", "ر", "ش", "ت", "ث", "خ", "ذ", "ض", "ظ", "غ"
};
static const char *const hindi_dig[] = {
	"٠", "١", "٢", "٣", "٤", "٥", "٦", "٧", "٨", "٩"
};
static const char *const cjk_dig[] = {
	"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"
};
static const char *const ru_lower[] = {
	"а", "б", "в", "г", "д", "е", "ж", "з", "и", "к", "л", "м", "н", "о",
	"п", "р", "с", "т", "у", "ф", "х", "ц", "ч", "ш", "щ", "э", "ю", "я"
};

static void
chinese_counting(int v, char *buf, size_t n)
{
	if (v >= 1 && v <= 10)
		snprintf(buf, n, "%s", v == 10 ? "十" : cjk_dig[v]);
	else if (v > 10 && v < 20)
		snprintf(buf, n, "十%s", cjk_dig[v % 10]);
	else if (v >= 20 && v < 100)
		snprintf(buf, n, "%s十%s", cjk_dig[v / 10], v % 10 ? cjk_dig[v % 10] : "");
	else
		snprintf(buf, n, "%d", v);
}

static void
ordinal(int v, char *buf, size_t n)
{
	const char *suf = "th";

	if (v % 100 < 11 || v % 100 > 13) {
		if (v % 10 == 1)
			suf = "st";
		else if (v % 10 == 2)
			suf = "nd";
		else if (v % 10 == 3)
			suf = "rd";
	}
	snprintf(buf, n, "%d%s", v, suf);
}

void
cd_st_num_format(const char *fmt, int v, char *buf, size_t n)
{
	if (strcmp(fmt, "lowerLetter") == 0 || strcmp(fmt, "upperLetter") == 0)
		alpha(v, fmt[0] == 'u', buf, n);
	else if (strcmp(fmt, "lowerRoman") == 0 || strcmp(fmt, "upperRoman") == 0)
		roman(v, fmt[0] == 'u', buf, n);
	else if (strcmp(fmt, "decimalZero") == 0)
		snprintf(buf, n, "%02d", v);
	else if (strcmp(fmt, "ordinal") == 0)
		ordinal(v, buf, n);
	else if (strcmp(fmt, "arabicAlpha") == 0)
		table_fmt(arabic_alpha, 28, v, buf, n);
	else if (strcmp(fmt, "arabicAbjad") == 0)
		table_fmt(arabic_abjad, 28, v, buf, n);
	else if (strcmp(fmt, "hindiNumbers") == 0)
		digits_fmt(hindi_dig, v, buf, n);
	else if (strcmp(fmt, "ideographDigital") == 0)
		digits_fmt(cjk_dig, v, buf, n);
	else if (strcmp(fmt, "chineseCounting") == 0 ||
	         strcmp(fmt, "chineseCountingThousand") == 0)
		chinese_counting(v, buf, n);
	else if (strcmp(fmt, "russianLower") == 0)
		table_fmt(ru_lower, 28, v, buf, n);
	else if (strcmp(fmt, "none") == 0 || strcmp(fmt, "bullet") == 0)
		buf[0] = '\0';
	else
		snprintf(buf, n, "%d", v);
}

const char *
cd_st_num_style(const char *fmt)
{
	static const char *const map[][2] = {
		{ "decimal", "decimal" }, { "decimalZero", "decimal-leading-zero" },
		{ "lowerLetter", "lower-alpha" }, { "upperLetter", "upper-alpha" },
		{ "lowerRoman", "lower-roman" }, { "upperRoman", "upper-roman" },
		{ "ordinal", "ordinal" }, { "arabicAlpha", "arabic-alpha" },
		{ "arabicAbjad", "arabic-abjad" }, { "hindiNumbers", "hindi" },
		{ "chineseCounting", "cjk-ideographic" },
		{ "ideographDigital", "cjk-decimal" }, { "russianLower", "lower-russian" },
	};
	for (size_t k = 0; k < sizeof map / sizeof map[0]; k++)
		if (strcmp(map[k][0], fmt) == 0)
			return map[k][1];
	return NULL;
}

/* Maps Symbol/Wingdings private-use bullets to real characters. */
static void
bullet_text(const char *t, char *buf, size_t n)
{
	const unsigned char *u = (const unsigned char *)t;

	if (u[0] == 0xEF && (u[1] == 0x80 || u[1] == 0x81 || u[1] == 0x82 || u[1] == 0x83)) {
		unsigned cp = ((unsigned)(u[1] & 0x3f) << 6) | (u[2] & 0x3f);

		snprintf(buf, n, "%s", cp == 0xA7 ? "\xE2\x96\xAA" :   /* ▪ */
		                       cp == 0xD8 ? "\xE2\x9E\xA2" :   /* ➢ */
		                       cp == 0xFC ? "\xE2\x9C\x93" :   /* ✓ */
		                       "\xE2\x80\xA2");                /* • */
		return;
	}
	snprintf(buf, n, "%s", t[0] ? t : "\xE2\x80\xA2");
}

static void
render(const st_num *nm, const st_counter *c, int ilvl, char *buf, size_t n)
{
	const char *t = lvl_of(nm, ilvl)->text;
	size_t k = 0;

	buf[0] = '\0';
	for (; *t && k + 1 < n; t++) {
		char num[32];
		int lv;

		if (t[0] != '%' || t[1] < '1' || t[1] > '9') {
			buf[k++] = *t;
			continue;
		}
		lv = t[1] - '1';
		t++;
		cd_st_num_format(lvl_of(nm, ilvl)->is_lgl ? "decimal" : lvl_of(nm, lv)->fmt,
		                 c->used[lv] ? c->cnt[lv] :
		                 nm->over[lv] >= 0 ? nm->over[lv] : lvl_of(nm, lv)->start,
		                 num, sizeof num);
		for (const char *q = num; *q && k + 1 < n; q++)
			buf[k++] = *q;
	}
	buf[k] = '\0';
}

static st_num *
find_num(cd_st_numbering *nb, int id)
{
	for (size_t i = 0; i < nb->nn; i++)
		if (nb->n[i].id == id)
			return &nb->n[i];
	return NULL;
}

int
cd_st_num_next(cd_st_numbering *nb, int num_id, int ilvl, cd_st_numlabel *out)
{
	st_num *nm;
	const st_lvl *lv;
	st_counter *c;

	memset(out, 0, sizeof *out);
	if (nb == NULL || num_id <= 0 || (nm = find_num(nb, num_id)) == NULL ||
	    nm->abs == NULL)
		return 0;
	if (ilvl < 0 || ilvl >= NLVL)
		ilvl = 0;
	lv = lvl_of(nm, ilvl);
	c = nm->has_over ? &nm->c : &nm->abs->c;
	if (!c->used[ilvl]) {
		c->cnt[ilvl] = nm->over[ilvl] >= 0 ? nm->over[ilvl] : lv->start;
		c->used[ilvl] = 1;
	} else {
		c->cnt[ilvl]++;
	}
	/* lvlRestart r: level k restarts after a level 1..r (0: never) */
	for (int k = ilvl + 1; k < NLVL; k++) {
		int r = lvl_of(nm, k)->restart;

		if (r < 0 || ilvl < r)
			c->used[k] = 0;
	}
	/* isLgl: the label is all decimal, and so is the list's style */
	snprintf(out->fmt, sizeof out->fmt, "%s", lv->is_lgl ? "decimal" : lv->fmt);
	out->bullet = strcmp(out->fmt, "bullet") == 0 || strcmp(out->fmt, "none") == 0;
	out->level = ilvl;
	out->value = c->cnt[ilvl];
	out->start = nm->over[ilvl] >= 0 ? nm->over[ilvl] : lv->start;
	if (strcmp(out->fmt, "bullet") == 0)
		bullet_text(lv->text, out->label, sizeof out->label);
	else
		render(nm, c, ilvl, out->label, sizeof out->label);
	return 1;
}
