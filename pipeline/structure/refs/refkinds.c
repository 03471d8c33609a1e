/*
 * refkinds.c — the recognisers of pipeline/refs.c, one per kind of ITU
 * reference (resolutions and decisions, recommendations, study groups,
 * questions, Council documents), and the scanner helpers they share.
 * The attributes they fill and the forms they accept are described at
 * the top of refs.c. Positions are byte offsets in the UTF-8 text s.
 */
#include <stdlib.h>
#include <string.h>

#include "cd_internal.h"
#include "metatext.h"
#include "refkinds.h"

/* ---- small scanner helpers (positions are byte offsets in s) ---- */

/* Bytes of white space at s+i (possibly several code points). */
static size_t
sp(const char *s, size_t i)
{
	size_t n, j = i;

	while ((n = cd_meta_space_len(s + j)) > 0)
		j += n;
	return j - i;
}

/* Length of literal w at s+i (exact bytes), 0 when absent. */
static size_t
lit(const char *s, size_t i, const char *w)
{
	size_t n = strlen(w);

	return strncmp(s + i, w, n) == 0 ? n : 0;
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* 1 if no word character follows s+i. */
static int
ends_word(const char *s, size_t i)
{
	size_t n;

	return !cd_meta_wordchar(cd_meta_u8(s + i, &n));
}

/* Digits at s+i (at most max), copied into out (cap bytes); count. */
static size_t
digits(const char *s, size_t i, size_t max, char *out, size_t cap)
{
	size_t n = 0;

	while (is_digit(s[i + n]))
		n++;
	if (n == 0 || n > max || n + 1 > cap)
		return 0;
	memcpy(out, s + i, n);
	out[n] = '\0';
	return n;
}

/* Appends " tok" (or tok when empty) to a num list. */
static void
num_add(char *num, size_t cap, const char *tok)
{
	size_t n = strlen(num), t = strlen(tok);

	if (n + t + 2 > cap)
		return;
	if (n > 0)
		num[n++] = ' ';
	memcpy(num + n, tok, t + 1);
}

/* "ITU-T" and translations at s+i: sets sector, returns bytes. */
static size_t
sector_at(const char *s, size_t i, char sector[2])
{
	static const char *const pre[] = {"ITU-", "UIT-", "МСЭ-"};
	size_t n = 0;

	for (size_t k = 0; k < 3 && n == 0; k++)
		n = lit(s, i, pre[k]);
	if (n == 0)
		return 0;
	if (s[i + n] == 'T' || s[i + n] == 'R' || s[i + n] == 'D') {
		sector[0] = s[i + n];
		n++;
	} else if (lit(s, i + n, "Т")) {      /* Cyrillic Т */
		sector[0] = 'T';
		n += 2;
	} else {
		return 0;
	}
	sector[1] = '\0';
	return ends_word(s, i + n) ? n : 0;
}

/* A list continuation: ", " " and " ", and " " et " " y " " и " " و". */
static size_t
list_sep(const char *s, size_t i)
{
	static const char *const w[] = {"and", "et", "y", "и", "or", "ou", "o"};
	size_t j = i, k;

	if (s[j] == ',')
		j++;
	j += sp(s, j);
	for (size_t t = 0; t < sizeof w / sizeof w[0]; t++)
		if ((k = lit(s, j, w[t])) > 0 && cd_meta_space_len(s + j + k) > 0) {
			j += k;
			j += sp(s, j);
			break;
		}
	return j > i && (s[i] == ',' || j - i > 1) ? j - i : 0;
}

/* ---- resolutions and decisions ---- */

struct kw { const char *text; const char *type; int plural; };

static const struct kw resdec[] = {
	{"Resolutions", "resolution", 1}, {"Resolution", "resolution", 0},
	{"Res.", "resolution", 0},
	{"Résolutions", "resolution", 1}, {"Résolution", "resolution", 0},
	{"Resoluciones", "resolution", 1}, {"Resolución", "resolution", 0},
	{"Резолюции", "resolution", 1},
	{"Резолюция", "resolution", 0},
	{"القرار", "resolution", 0},   /* القرار */
	{"Decisions", "decision", 1}, {"Decision", "decision", 0},
	{"Décisions", "decision", 1}, {"Décision", "decision", 0},
	{"Decisiones", "decision", 1}, {"Decisión", "decision", 0},
	{"Решения", "decision", 1},
	{"Решение", "decision", 0},
	{"المقرر", "decision", 0},      /* المقرر */
	{NULL, NULL, 0}
};

/* "Council ", "PP-22 ", "WTSA ", ... before the keyword: sets conf. */
static size_t
conf_prefix(const char *s, size_t i, char conf[8])
{
	static const char *const names[][2] = {
		{"Council", "council"}, {"PP", "pp"}, {"WTSA", "wtsa"}, {"WTDC", "wtdc"},
		{"WRA", "ra"}, {"RA", "ra"}, {"Conseil", "council"}, {"Consejo", "council"},
	};
	size_t n = 0, k;

	for (k = 0; k < sizeof names / sizeof names[0]; k++)
		if ((n = lit(s, i, names[k][0])) > 0)
			break;
	if (n == 0)
		return 0;
	if (s[i + n] == '-' && is_digit(s[i + n + 1]) && is_digit(s[i + n + 2]))
		n += 3;
	if (!ends_word(s, i + n) || sp(s, i + n) == 0)
		return 0;
	strcpy(conf, names[k][1]);
	return n + sp(s, i + n);
}

/* Conference from where (and when) a resolution was adopted. */
static const char *
conf_of_place(const char *place, const char *year)
{
	static const char *const tab[][3] = {
		{"Bucharest", "", "pp"}, {"Bucarest", "", "pp"}, {"Busan", "", "pp"},
		{"Guadalajara", "", "pp"}, {"Antalya", "", "pp"}, {"Marrakesh", "", "pp"},
		{"Marrakech", "", "pp"}, {"Minneapolis", "", "pp"}, {"Kyoto", "", "pp"},
		{"Dubai", "2018", "pp"}, {"Dubai", "2012", "wtsa"}, {"Dubai", "2014", "wtdc"},
		{"Hammamet", "", "wtsa"}, {"Johannesburg", "", "wtsa"},
		{"New Delhi", "", "wtsa"}, {"Kigali", "", "wtdc"}, {"Buenos Aires", "", "wtdc"},
		{"Hyderabad", "", "wtdc"}, {"Doha", "", "wtdc"},
		{"Sharm el-Sheikh", "", "ra"},
	};

	for (size_t k = 0; k < sizeof tab / sizeof tab[0]; k++)
		if (strcmp(place, tab[k][0]) == 0 &&
		    (tab[k][1][0] == '\0' || strcmp(year, tab[k][1]) == 0))
			return tab[k][2];
	return NULL;
}

/* "(Rev. Bucharest, 2022)", "(Dubai, 2018)", "(Modified 2019)" at s+i. */
static size_t
res_paren(const char *s, size_t i, cd_refs_m *m)
{
	static const char *const revw[] = {"Rev.", "Rev", "Rév.", "Modified",
		"Mod.", "modifiée", "Пересм."};
	size_t j = i, k, p0, pend, n;
	char year[8] = "";
	int rev = 0;

	if (s[j] != '(')
		return 0;
	j++;
	for (k = 0; k < sizeof revw / sizeof revw[0]; k++)
		if ((n = lit(s, j, revw[k])) > 0 && (s[j + n - 1] == '.' ||
		    !cd_meta_wordchar(cd_meta_u8(s + j + n, &p0)))) {
			j += n;
			rev = 1;
			break;
		}
	j += sp(s, j);
	p0 = pend = j;                    /* place: words without digits */
	while (s[j] != '\0' && strchr(",()", s[j]) == NULL && !is_digit(s[j])) {
		if ((n = cd_meta_space_len(s + j)) > 0) {
			j += n;
			continue;
		}
		cd_meta_u8(s + j, &n);
		j += n;
		pend = j;
	}
	j = pend;
	if (pend - p0 >= sizeof m->place || (pend > p0 && pend - p0 < 3))
		return 0;
	if (s[j] == ',')
		j++;
	j += sp(s, j);
	n = digits(s, j, 4, year, sizeof year);
	j += n;
	if (n > 0 && lit(s, j, " г."))           /* " г." */
		j += 4;
	/* a year, or a revision with a place; places start upper case */
	if (s[j] != ')' || (n == 0 && (pend == p0 || !rev)) ||
	    (pend > p0 && s[p0] >= 'a' && s[p0] <= 'z'))
		return 0;
	memcpy(m->place, s + p0, pend - p0);
	m->place[pend - p0] = '\0';
	if (n == 4)
		strcpy(m->year, year);
	if (rev)
		strcpy(m->rev, "yes");
	return j + 1 - i;
}

static size_t
match_resdec(const char *s, size_t i, cd_refs_m *m)
{
	const struct kw *kw = NULL;
	size_t j = i, n = 0, p;
	char tok[8];

	j += conf_prefix(s, j, m->conf);
	for (int k = 0; resdec[k].text != NULL && n == 0; k++)
		if ((n = lit(s, j, resdec[k].text)) > 0)
			kw = &resdec[k];
	if (n == 0 || (s[j + n - 1] != '.' && !ends_word(s, j + n)) || sp(s, j + n) == 0)
		return 0;
	j += n + sp(s, j + n);
	if ((n = sector_at(s, j, m->sector)) > 0)
		j += n + sp(s, j + n);
	if ((n = digits(s, j, 4, tok, sizeof tok)) == 0 || !ends_word(s, j + n))
		return 0;
	num_add(m->num, sizeof m->num, tok);
	j += n;
	while (kw->plural && (n = list_sep(s, j)) > 0) {
		size_t d = digits(s, j + n, 4, tok, sizeof tok);

		if (d == 0 || !ends_word(s, j + n + d))
			break;
		num_add(m->num, sizeof m->num, tok);
		j += n + d;
	}
	n = sp(s, j);
	if ((p = res_paren(s, j + n, m)) > 0)
		j += n + p;
	if (m->conf[0] == '\0' && m->place[0] != '\0') {
		const char *c = conf_of_place(m->place, m->year);

		if (c != NULL)
			strcpy(m->conf, c);
	}
	if (m->conf[0] == '\0' && i >= 5 && strncmp(s + i - 5, "(PP) ", 5) == 0)
		strcpy(m->conf, "pp");
	m->type = kw->type;
	return j - i;
}

/* ---- recommendations ---- */

/* "Amd.2", "Amd 2", "Amendment 2" after a recommendation number. */
static size_t
rec_amd(const char *s, size_t i, cd_refs_m *m)
{
	static const char *const w[] = {"Amd.", "Amd", "Amendment"};
	size_t j = i + sp(s, i), n = 0, d;

	if (j == i)
		return 0;
	for (size_t k = 0; k < 3 && n == 0; k++)
		n = lit(s, j, w[k]);
	if (n == 0)
		return 0;
	j += n + sp(s, j + n);
	if ((d = digits(s, j, 3, m->amd, sizeof m->amd)) == 0 || !ends_word(s, j + d)) {
		m->amd[0] = '\0';
		return 0;
	}
	return j + d - i;
}

/* "Y.3537", "H.225.0", "M.2083-0", "Y.Suppl.59", "Y Suppl. 59" at s+i. */
static size_t
rec_id(const char *s, size_t i, cd_refs_m *m)
{
	static const char *const sw[] = {"Suppl.", "Suppl", "Supp.", "Sup."};
	size_t j = i, k, n = 0, d;

	while (s[j] >= 'A' && s[j] <= 'Z' && j - i < 3)
		j++;
	if (j == i || (s[j] != '.' && s[j] != ' '))
		return 0;
	memcpy(m->series, s + i, j - i);
	m->series[j - i] = '\0';
	k = j + 1;
	for (size_t t = 0; t < 4 && n == 0; t++)
		n = lit(s, k, sw[t]);
	if (n > 0) {                                   /* supplement */
		k += n + sp(s, k + n);
		if ((d = digits(s, k, 4, m->suppl, sizeof m->suppl)) == 0 || !ends_word(s, k + d))
			return 0;
		return k + d - i;
	}
	if (s[j] != '.')
		return 0;
	for (;;) {                                     /* 225.0, 2083-0 */
		d = 0;
		while (is_digit(s[k + d]))
			d++;
		if (d == 0)
			break;
		k += d;
		if ((s[k] != '.' && s[k] != '-') || !is_digit(s[k + 1]))
			break;
		k++;
	}
	if (k == j + 1 || !ends_word(s, k) || k - j - 1 >= sizeof m->num)
		return 0;
	memcpy(m->num, s + j + 1, k - j - 1);
	m->num[k - j - 1] = '\0';
	return k - i + rec_amd(s, k, m);
}

static size_t
match_rec(const char *s, size_t i, cd_refs_m *m)
{
	static const char *const w[] = {"Recommendation", "Recommandation",
		"Recomendación", "Рекомендация"};
	size_t j = i, n = 0, r;

	for (size_t k = 0; k < 4 && n == 0; k++)
		n = lit(s, j, w[k]);
	if (n > 0 && sp(s, j + n) > 0)
		j += n + sp(s, j + n);
	if ((n = sector_at(s, j, m->sector)) == 0 || sp(s, j + n) == 0)
		return 0;
	j += n + sp(s, j + n);
	if ((r = rec_id(s, j, m)) == 0)
		return 0;
	m->type = "recommendation";
	return j + r - i;
}

/* ---- study groups and questions ---- */

/* "Q3/1", "Question 3/1" at s+i: fills out (cap bytes) with "3/1". */
static size_t
question_at(const char *s, size_t i, char *out, size_t cap)
{
	size_t j = i, a, b;
	char x[8], y[8];

	if (lit(s, j, "Question") && sp(s, j + 8) > 0)
		j += 8 + sp(s, j + 8);
	else if (s[j] == 'Q')
		j++;
	else
		return 0;
	if ((a = digits(s, j, 2, x, sizeof x)) == 0 || s[j + a] != '/' ||
	    (b = digits(s, j + a + 1, 2, y, sizeof y)) == 0 || !ends_word(s, j + a + 1 + b) ||
	    a + b + 2 > cap)
		return 0;
	memcpy(out, s + j, a + b + 1);
	out[a + b + 1] = '\0';
	return j + a + 1 + b - i;
}

static size_t
match_sg(const char *s, size_t i, cd_refs_m *m)
{
	size_t j = i, n, d, plural = 0;
	char tok[8];

	if ((n = sector_at(s, j, m->sector)) > 0 && sp(s, j + n) > 0)
		j += n + sp(s, j + n);
	if ((n = lit(s, j, "Study Groups")) > 0 || (n = lit(s, j, "SGs")) > 0)
		plural = 1;
	else if ((n = lit(s, j, "Study Group")) == 0 && (n = lit(s, j, "SG")) == 0)
		return 0;
	j += n;
	if (plural || n > 2)
		j += sp(s, j);
	else if (s[j] == ' ')
		j++;
	if ((d = digits(s, j, 2, tok, sizeof tok)) == 0 || !ends_word(s, j + d))
		return 0;
	num_add(m->num, sizeof m->num, tok);
	j += d;
	while (plural && (n = list_sep(s, j)) > 0) {
		if ((d = digits(s, j + n, 2, tok, sizeof tok)) == 0 || !ends_word(s, j + n + d))
			break;
		num_add(m->num, sizeof m->num, tok);
		j += n + d;
	}
	if (!plural && (n = sp(s, j)) > 0 &&
	    (d = question_at(s, j + n, m->question, sizeof m->question)) > 0)
		j += n + d;
	m->type = "study-group";
	return j - i;
}

static size_t
match_question(const char *s, size_t i, cd_refs_m *m)
{
	size_t j = i, n;

	if ((n = sector_at(s, j, m->sector)) > 0 && sp(s, j + n) > 0)
		j += n + sp(s, j + n);
	if ((n = question_at(s, j, m->num, sizeof m->num)) == 0)
		return 0;
	m->type = "question";
	return j + n - i;
}

/* ---- Council documents ---- */

static int
doc_session_ok(const char *s)
{
	if (s[0] == 'C' && is_digit(s[1]) && is_digit(s[2]) && s[3] == '/')
		return 1;
	if (strncmp(s, "PP", 2) == 0)
		return (s[2] == '-' ? is_digit(s[3]) : is_digit(s[2]));
	return strncmp(s, "CWG-", 4) == 0;
}

static size_t
match_doc(const char *s, size_t i, cd_refs_m *m)
{
	static const char *const w[] = {"Documents", "Document", "Documento", "Doc."};
	size_t j = i, n = 0, k, tl;
	char tokbuf[64];
	cd_meta tmp;
	int ok;

	for (k = 0; k < 4 && n == 0; k++)
		n = lit(s, j, w[k]);
	if (n > 0 && sp(s, j + n) > 0)
		j += n + sp(s, j + n);
	if (!doc_session_ok(s + j))
		return 0;
	for (k = j; s[k] != '\0' && k - j < sizeof tokbuf - 1; k++)
		if (!(is_digit(s[k]) || (s[k] >= 'A' && s[k] <= 'Z') || (s[k] >= 'a' && s[k] <= 'z') ||
		      strchr("/-&_().", s[k]) != NULL))
			break;
	while (k > j && strchr("-.(", s[k - 1]) != NULL)    /* sentence dot, dangling "(" */
		k--;
	while (k > j && s[k - 1] == ')' && memchr(s + j, '(', k - j) == NULL)
		k--;
	if (k == j || !ends_word(s, k))
		return 0;
	tl = k - j;
	memcpy(tokbuf, s + j, tl);
	tokbuf[tl] = '\0';
	cd_meta_init(&tmp);
	ok = cd_meta_parse_docnum(&tmp, tokbuf);
	if (ok && strlen(tmp.doc_session) + strlen(tmp.doc_number) + 2 <= sizeof m->num) {
		strcpy(m->num, tmp.doc_session);
		strcat(m->num, "/");
		strcat(m->num, tmp.doc_number);
		if (tmp.doc_rev && strlen(tmp.doc_rev) < sizeof m->rev)
			strcpy(m->rev, tmp.doc_rev);
		m->type = "document";
	} else {
		ok = 0;
	}
	cd_meta_free(&tmp);
	return ok ? k - i : 0;
}

/* ---- any kind ---- */

/* Every recogniser above starts with one of these bytes at s+i: the
 * keywords and prefixes (Council, Conseil, Consejo, PP, WTSA, WTDC, WRA,
 * RA; Resolution..., Res., Decision..., Document..., Doc.; Recommendation...;
 * ITU-, UIT-; Study Group, SG; Question, Q; C23/.., CWG-) and the first
 * byte of the Cyrillic and Arabic ones (Р М: 0xD0; ا: 0xD8). A new
 * keyword that starts otherwise must be added here. */
int
cd_refs_can_start(unsigned char c)
{
	/* (a switch: called for every character of the body's text) */
	switch (c) {
	case 'C': case 'D': case 'I': case 'P': case 'Q': case 'R': case 'S': case 'U':
	case 'W': case 0xD0: case 0xD8:
		return 1;
	default:
		return 0;
	}
}


size_t
cd_refs_match(const char *s, size_t i, cd_refs_m *m)
{
	/* each recogniser with the bytes its matches can start with */
	static const struct {
		size_t (*fn)(const char *, size_t, cd_refs_m *);
		const char *first;
	} kinds[] = {
		{ match_resdec, "CPWRD\xD0\xD8" }, { match_rec, "RIU\xD0" },
		{ match_sg, "IUS\xD0" }, { match_doc, "DCP" }, { match_question, "IUQ\xD0" },
	};
	size_t n;

	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		if (s[i] == '\0' || strchr(kinds[k].first, s[i]) == NULL)
			continue;
		memset(m, 0, sizeof *m);
		if ((n = kinds[k].fn(s, i, m)) > 0)
			return n;
	}
	memset(m, 0, sizeof *m);
	return 0;
}
