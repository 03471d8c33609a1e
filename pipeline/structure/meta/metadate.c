/*
 * metadate.c — UTF-8 helpers for header lines and date parsing in the six
 * ITU languages (en fr es ru ar zh). Used by meta.c and refs.c.
 */
#include <stdlib.h>
#include <string.h>

#include "cd_internal.h"
#include "metatext.h"

unsigned
cd_meta_u8(const char *s, size_t *len)
{
	uint32_t c;

	if (*s == '\0') {
		*len = 0;
		return 0;
	}
	c = cd_utf8_decode((const unsigned char *)s, 4, len);
	return c == CD_UTF8_BAD ? 0xFFFD : c;
}

/* Latin-1 letters U+00C0..U+00FF folded to lower-case ASCII (0: keep). */
static const char latin1_fold[64] =
	"aaaaaaaceeeeiiii" "dnooooo\0ouuuuyts"
	"aaaaaaaceeeeiiii" "dnooooo\0ouuuuyty";

unsigned
cd_meta_fold(unsigned c)
{
	if (c >= 'A' && c <= 'Z')
		return c + 32;
	if (c >= 0xC0 && c <= 0xFF && latin1_fold[c - 0xC0] != '\0')
		return (unsigned char)latin1_fold[c - 0xC0];
	if (c >= 0x410 && c <= 0x42F)
		return c + 0x20;
	if (c == 0x401 || c == 0x451)
		return 0x435;           /* Ё ё -> е */
	if (c == 0x622 || c == 0x623 || c == 0x625)
		return 0x627;           /* آ أ إ -> ا */
	if (c == 0x2018 || c == 0x2019 || c == 0x2BC || c == 0x60)
		return '\'';
	return c;
}

static int
is_space_cp(unsigned c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 ||
	       c == 0x2007 || c == 0x2009 || c == 0x200A || c == 0x202F ||
	       c == 0x3000 || c == 0x2002 || c == 0x2003;
}

size_t
cd_meta_space_len(const char *s)
{
	size_t n;
	unsigned c = cd_meta_u8(s, &n);

	return is_space_cp(c) ? n : 0;
}

int
cd_meta_wordchar(unsigned c)
{
	if (c < 0x80)
		return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
	if (c <= 0xBF || c == 0xD7 || c == 0xF7)
		return 0;
	if ((c >= 0x2000 && c <= 0x206F) || (c >= 0x3000 && c <= 0x303F) ||
	    (c >= 0xFF00 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||
	    c == 0x60C || c == 0x61B || c == 0x61F || c == 0xFFFD)
		return 0;
	return 1;
}

static int
is_cjk(unsigned c)
{
	return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF);
}

size_t
cd_meta_prefix(const char *s, const char *label)
{
	size_t i = 0, j = 0, n, m;
	unsigned a, b = 0;

	while (label[j] != '\0') {
		if (label[j] == ' ') {
			if ((n = cd_meta_space_len(s + i)) == 0)
				return 0;
			while ((n = cd_meta_space_len(s + i)) > 0)
				i += n;
			j++;
			b = ' ';
			continue;
		}
		a = cd_meta_u8(s + i, &n);
		b = cd_meta_u8(label + j, &m);
		if (n == 0 || cd_meta_fold(a) != cd_meta_fold(b))
			return 0;
		i += n;
		j += m;
	}
	/* word boundary after a letter, except after CJK labels */
	if (cd_meta_wordchar(b) && !is_cjk(b) && cd_meta_wordchar(cd_meta_u8(s + i, &n)))
		return 0;
	return i;
}

char *
cd_meta_squeeze(const char *s)
{
	size_t len = strlen(s), i = 0, o = 0, n;
	char *out = malloc(len + 1);
	int pend = 0;

	if (out == NULL)
		return NULL;
	while (s[i] != '\0') {
		if ((n = cd_meta_space_len(s + i)) > 0) {
			pend = o > 0;
			i += n;
			continue;
		}
		if (pend)
			out[o++] = ' ';
		pend = 0;
		out[o++] = s[i++];
	}
	out[o] = '\0';
	return out;
}

/* ---- dates ---- */

struct month { const char *name; int mon; const char *lang; };

static const struct month months[] = {
	{"january", 1, "en"}, {"february", 2, "en"}, {"march", 3, "en"},
	{"april", 4, "en"}, {"may", 5, "en"}, {"june", 6, "en"},
	{"july", 7, "en"}, {"august", 8, "en"}, {"september", 9, "en"},
	{"october", 10, "en"}, {"november", 11, "en"}, {"december", 12, "en"},
	{"jan", 1, "en"}, {"feb", 2, "en"}, {"mar", 3, "en"}, {"apr", 4, "en"},
	{"jun", 6, "en"}, {"jul", 7, "en"}, {"aug", 8, "en"}, {"sep", 9, "en"},
	{"sept", 9, "en"}, {"oct", 10, "en"}, {"nov", 11, "en"}, {"dec", 12, "en"},
	{"janvier", 1, "fr"}, {"fevrier", 2, "fr"}, {"mars", 3, "fr"},
	{"avril", 4, "fr"}, {"mai", 5, "fr"}, {"juin", 6, "fr"},
	{"juillet", 7, "fr"}, {"aout", 8, "fr"}, {"septembre", 9, "fr"},
	{"octobre", 10, "fr"}, {"novembre", 11, "fr"}, {"decembre", 12, "fr"},
	{"enero", 1, "es"}, {"febrero", 2, "es"}, {"marzo", 3, "es"},
	{"abril", 4, "es"}, {"mayo", 5, "es"}, {"junio", 6, "es"},
	{"julio", 7, "es"}, {"agosto", 8, "es"}, {"septiembre", 9, "es"},
	{"setiembre", 9, "es"}, {"octubre", 10, "es"}, {"noviembre", 11, "es"},
	{"diciembre", 12, "es"},
	{"января", 1, "ru"}, {"февраля", 2, "ru"}, {"марта", 3, "ru"},
	{"апреля", 4, "ru"}, {"мая", 5, "ru"}, {"июня", 6, "ru"},
	{"июля", 7, "ru"}, {"августа", 8, "ru"}, {"сентября", 9, "ru"},
	{"октября", 10, "ru"}, {"ноября", 11, "ru"}, {"декабря", 12, "ru"},
	{"январь", 1, "ru"}, {"февраль", 2, "ru"}, {"март", 3, "ru"},
	{"апрель", 4, "ru"}, {"май", 5, "ru"}, {"июнь", 6, "ru"},
	{"июль", 7, "ru"}, {"август", 8, "ru"}, {"сентябрь", 9, "ru"},
	{"октябрь", 10, "ru"}, {"ноябрь", 11, "ru"}, {"декабрь", 12, "ru"},
	/* Arabic (alef forms folded to bare alef by cd_meta_fold) */
	{"يناير", 1, "ar"}, {"فبراير", 2, "ar"}, {"مارس", 3, "ar"},
	{"ابريل", 4, "ar"}, {"مايو", 5, "ar"}, {"يونيو", 6, "ar"},
	{"يونيه", 6, "ar"}, {"يوليو", 7, "ar"}, {"يوليه", 7, "ar"},
	{"اغسطس", 8, "ar"}, {"سبتمبر", 9, "ar"}, {"اكتوبر", 10, "ar"},
	{"نوفمبر", 11, "ar"}, {"ديسمبر", 12, "ar"},
};

/* Words a date may hold besides day, month and year. */
static const char *const date_filler[] = {
	"de", "del", "года", "год", "г", "م", "le", "the", "of", NULL
};
/* Connectives of a date range ("11 to 21 July"). */
static const char *const range_words[] = {
	"to", "and", "au", "et", "du", "al", "y", "a", "по", "и", "с", "до",
	"الى", "حتى", "من", "و", NULL
};
/* Ordinal suffixes glued to a day number ("1er", "1st"). */
static const char *const ordinals[] = {"er", "st", "nd", "rd", "th", "e", NULL};

enum { TK_NUM = 1, TK_WORD };
#define DT_MAXTOK 12

struct dtok {
	int kind;
	int val, ndig;
	char w[40];
	int glued;   /* a word glued to the preceding number */
};

struct dtoks {
	struct dtok t[DT_MAXTOK];
	int n;
	int cjk;        /* 年 or 月 seen */
	int bad;        /* something not tokenisable, or too many tokens */
};

static int
digit_val(unsigned c)
{
	if (c >= '0' && c <= '9')
		return (int)(c - '0');
	if (c >= 0x660 && c <= 0x669)
		return (int)(c - 0x660);
	if (c >= 0x6F0 && c <= 0x6F9)
		return (int)(c - 0x6F0);
	if (c >= 0xFF10 && c <= 0xFF19)
		return (int)(c - 0xFF10);
	return -1;
}

/* 年 月 日 至: separators of Chinese dates */
static int
is_cjk_date(unsigned c)
{
	return c == 0x5E74 || c == 0x6708 || c == 0x65E5 || c == 0x81F3;
}

static int
is_date_sep(unsigned c)
{
	return is_space_cp(c) || c == ',' || c == '.' || c == '-' || c == '/' ||
	       (c >= 0x2010 && c <= 0x2015) ||
	       c == 0x60C || c == 0xFF0C || c == 0x3001 || c == 0xFF0D ||
	       c == 0x81F3 || c == 0x65E5;   /* 至 日 */
}

static struct dtok *
dt_push(struct dtoks *d, int kind)
{
	struct dtok *t;

	if (d->n >= DT_MAXTOK) {
		d->bad = 1;
		return NULL;
	}
	t = &d->t[d->n++];
	memset(t, 0, sizeof *t);
	t->kind = kind;
	return t;
}


/* Reads a run of word code points at s into t->w (folded). Returns bytes. */
static size_t
dt_word(const char *s, struct dtok *t, struct dtoks *d)
{
	size_t i = 0, n, o = 0;
	unsigned c;

	while ((c = cd_meta_u8(s + i, &n)) != 0 && cd_meta_wordchar(c) &&
	       digit_val(c) < 0 && !is_cjk_date(c)) {
		if (o + 5 > sizeof t->w)
			d->bad = 1;
		else
			{
				char u[5];
				size_t l = cd_utf8_encode(cd_meta_fold(c), u);

				memcpy(t->w + o, u, l);
				o += l;
			}
		i += n;
	}
	t->w[o] = '\0';
	return i;
}

static void
dt_tokenize(const char *s, struct dtoks *d)
{
	size_t i = 0, n;
	unsigned c;
	struct dtok *t;

	memset(d, 0, sizeof *d);
	while (!d->bad && (c = cd_meta_u8(s + i, &n)) != 0) {
		if (c == 0x5E74 || c == 0x6708) {
			d->cjk = 1;
			i += n;
		} else if (is_date_sep(c)) {
			i += n;
		} else if (digit_val(c) >= 0) {
			if ((t = dt_push(d, TK_NUM)) == NULL)
				break;
			while ((c = cd_meta_u8(s + i, &n)) != 0 && digit_val(c) >= 0) {
				if (t->ndig < 6)
					t->val = t->val * 10 + digit_val(c);
				t->ndig++;
				i += n;
			}
			if (cd_meta_wordchar(c) && !is_cjk_date(c) &&
			    (t = dt_push(d, TK_WORD)) != NULL) {
				t->glued = 1;
				i += dt_word(s + i, t, d);
			}
		} else if (cd_meta_wordchar(c)) {
			if ((t = dt_push(d, TK_WORD)) == NULL)
				break;
			i += dt_word(s + i, t, d);
			if (t->w[0] == '\0')
				d->bad = 1;
		} else {
			d->bad = 1;
		}
	}
}

static int
in_list(const char *w, const char *const *list)
{
	for (int i = 0; list[i] != NULL; i++)
		if (strcmp(w, list[i]) == 0)
			return 1;
	return 0;
}

static const struct month *
month_of(const struct dtok *t)
{
	if (t->kind != TK_WORD)
		return NULL;
	for (size_t i = 0; i < sizeof months / sizeof months[0]; i++)
		if (strcmp(t->w, months[i].name) == 0)
			return &months[i];
	return NULL;
}

static int
days_in(int y, int m)
{
	static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dim[m - 1];
}

static int
valid_ymd(int y, int m, int d, int ylen)
{
	return ylen == 4 && y >= 1900 && y <= 2199 && m >= 1 && m <= 12 &&
	       d >= 1 && d <= days_in(y, m);
}

/* Drops fillers and ordinal suffixes; returns the count of kept tokens
 * (at most 3, copied to out), or -1 when more than 3 remain. */
static int
dt_core(const struct dtoks *d, struct dtok out[3])
{
	int k = 0;

	for (int i = 0; i < d->n; i++) {
		const struct dtok *t = &d->t[i];

		if (t->kind == TK_WORD && (in_list(t->w, date_filler) ||
		    (t->glued && in_list(t->w, ordinals))))
			continue;
		if (k == 3)
			return -1;
		out[k++] = *t;
	}
	return k;
}

int
cd_meta_parse_date_lang(const char *s, char iso[11], char *lang)
{
	struct dtoks d;
	struct dtok c[3];
	const struct month *mo = NULL;
	int y = 0, m = 0, day = 0, ylen = 0;

	if (lang != NULL)
		lang[0] = '\0';
	dt_tokenize(s, &d);
	if (d.bad || dt_core(&d, c) != 3)
		return 0;
	if (c[0].kind == TK_NUM && c[0].ndig <= 2 && (mo = month_of(&c[1])) != NULL &&
	    c[2].kind == TK_NUM) {
		day = c[0].val, m = mo->mon, y = c[2].val, ylen = c[2].ndig;
	} else if ((mo = month_of(&c[0])) != NULL && c[1].kind == TK_NUM &&
	           c[1].ndig <= 2 && c[2].kind == TK_NUM) {
		day = c[1].val, m = mo->mon, y = c[2].val, ylen = c[2].ndig;
	} else if (c[0].kind == TK_NUM && c[0].ndig == 4 && c[1].kind == TK_NUM &&
	           c[1].ndig <= 2 && c[2].kind == TK_NUM && c[2].ndig <= 2) {
		y = c[0].val, m = c[1].val, day = c[2].val, ylen = 4;
		if (d.cjk && lang != NULL)
			strcpy(lang, "zh");
	} else {
		return 0;
	}
	if (!valid_ymd(y, m, day, ylen))
		return 0;
	iso[0] = (char)('0' + y / 1000);
	iso[1] = (char)('0' + y / 100 % 10);
	iso[2] = (char)('0' + y / 10 % 10);
	iso[3] = (char)('0' + y % 10);
	iso[4] = '-';
	iso[5] = (char)('0' + m / 10);
	iso[6] = (char)('0' + m % 10);
	iso[7] = '-';
	iso[8] = (char)('0' + day / 10);
	iso[9] = (char)('0' + day % 10);
	iso[10] = '\0';
	if (mo != NULL && lang != NULL)
		strcpy(lang, mo->lang);
	return 1;
}

int
cd_meta_parse_date(const char *s, char iso[11])
{
	return cd_meta_parse_date_lang(s, iso, NULL);
}

int
cd_meta_is_dates(const char *s)
{
	struct dtoks d;
	int month = 0, year = 0;

	dt_tokenize(s, &d);
	if (d.bad || d.n == 0)
		return 0;
	for (int i = 0; i < d.n; i++) {
		const struct dtok *t = &d.t[i];

		if (t->kind == TK_NUM) {
			if (t->ndig == 4 && t->val >= 1900 && t->val <= 2199)
				year = 1;
			else if (t->ndig > 2)
				return 0;
		} else if (month_of(t) != NULL) {
			month = 1;
		} else if (!in_list(t->w, date_filler) && !in_list(t->w, range_words) &&
		           !(t->glued && in_list(t->w, ordinals))) {
			return 0;
		}
	}
	return year && (month || d.cjk);
}
