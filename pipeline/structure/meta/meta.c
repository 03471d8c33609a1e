/*
 * meta.c — the report's header block (meeting, place, agenda item,
 * document number, date, original language), in the six ITU languages
 * (the lead-in box labels: leadin.c). Values are stored without their labels, with white
 * space squeezed (no-break spaces and tabs become one space).
 * Date parsing and UTF-8 helpers: metadate.c (metatext.h).
 */
#include <stdlib.h>
#include <string.h>

#include "cd_internal.h"
#include "metatext.h"


struct label { const char *text; const char *lang; };

static const struct label agenda_labels[] = {
	{"Agenda items", "en"}, {"Agenda item", "en"},
	{"Points de l'ordre du jour", "fr"}, {"Point de l'ordre du jour", "fr"},
	{"Puntos del orden del día", "es"}, {"Punto del orden del día", "es"},
	{"Пункты повестки дня", "ru"}, {"Пункт повестки дня", "ru"},
	{"البند من جدول الأعمال", "ar"}, {"بنود جدول الأعمال", "ar"},
	{"بند جدول الأعمال", "ar"}, {"议程项目", "zh"}, {"议项", "zh"},
	{NULL, NULL}
};

static const struct label doc_labels[] = {
	{"Document No.", ""}, {"Document", ""}, {"Documento", "es"},
	{"Документ", "ru"}, {"الوثيقة", "ar"}, {"文件", "zh"}, {"Doc.", ""},
	{NULL, NULL}
};

static const struct label original_labels[] = {
	{"Original", ""}, {"Оригинал", "ru"}, {"الأصل", "ar"}, {"原文", "zh"},
	{"Langue originale", "fr"}, {NULL, NULL}
};

/* Language names, in the language they are written in (that language is
 * the report's): word -> the language the word is written in. */
static const struct label lang_words[] = {
	{"english", "en"}, {"french", "en"}, {"spanish", "en"}, {"russian", "en"},
	{"arabic", "en"}, {"chinese", "en"},
	{"anglais", "fr"}, {"francais", "fr"}, {"espagnol", "fr"}, {"russe", "fr"},
	{"arabe", "fr"}, {"chinois", "fr"},
	{"ingles", "es"}, {"frances", "es"}, {"espanol", "es"}, {"ruso", "es"},
	{"chino", "es"},
	{"английский", "ru"}, {"французский", "ru"}, {"испанский", "ru"},
	{"русский", "ru"}, {"арабский", "ru"}, {"китайский", "ru"},
	{"الانكليزية", "ar"}, {"الانجليزية", "ar"}, {"الفرنسية", "ar"},
	{"الاسبانية", "ar"}, {"الروسية", "ar"}, {"العربية", "ar"}, {"الصينية", "ar"},
	{"英文", "zh"}, {"英语", "zh"}, {"法文", "zh"}, {"西班牙文", "zh"},
	{"俄文", "zh"}, {"阿拉伯文", "zh"}, {"中文", "zh"},
	{NULL, NULL}
};

/* Meeting names: a line starting with one of these is the meeting when it
 * also holds a year, or when need_year is 0. */
struct meeting { const char *text; int need_year; };

static const struct meeting meetings[] = {
	{"Council Working Group", 0}, {"Groupe de travail du Conseil", 0},
	{"Grupo de Trabajo del Consejo", 0}, {"Рабочая группа Совета", 0},
	{"فريق العمل التابع للمجلس", 0}, {"理事会工作组", 0}, {"CWG-", 0},
	{"Expert Group", 0}, {"Groupe d'experts", 0}, {"Grupo de Expertos", 0},
	{"Plenipotentiary Conference", 0}, {"Conférence de plénipotentiaires", 0},
	{"Conferencia de Plenipotenciarios", 0}, {"Полномочная конференция", 0},
	{"مؤتمر المندوبين المفوضين", 0}, {"全权代表大会", 0},
	{"World Telecommunication", 0}, {"World Radiocommunication", 0},
	{"Radiocommunication Assembly", 0},
	{"Council", 1}, {"Conseil", 1}, {"Consejo", 1}, {"Совет", 1},
	{"المجلس", 1}, {"理事会", 1}, {"WTSA-", 0}, {"WTDC-", 0}, {"WRC-", 0},
	{"PP-", 0},
	{NULL, 0}
};

void
cd_meta_init(cd_meta *m)
{
	memset(m, 0, sizeof *m);
}

static void
free_docnum(cd_meta *m)
{
	free(m->doc_session);
	free(m->doc_number);
	free(m->doc_rev);
	free(m->doc_add);
	free(m->doc_cor);
	m->doc_session = m->doc_number = m->doc_rev = m->doc_add = m->doc_cor = NULL;
	m->doc_lang[0] = '\0';
}

void
cd_meta_free(cd_meta *m)
{
	if (m == NULL)
		return;
	free(m->meeting);
	free(m->place);
	free(m->agenda);
	free(m->document);
	free(m->date);
	free(m->original);
	free(m->source);
	free(m->title);
	free_docnum(m);
	cd_meta_init(m);
}

/* A malloc'd copy of n bytes of s, or NULL. Caller frees with free(). */
static char *
dupn(const char *s, size_t n)
{
	char *p = malloc(n + 1);

	if (p != NULL) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

/* Stores v in *field unless already set. Always returns 1 (consumed). */
static int
set_once(char **field, const char *v)
{
	if (*field == NULL)
		*field = dupn(v, strlen(v));
	return 1;
}

static void
set_lang(char lang[8], const char *v)
{
	size_t n = strlen(v);

	if (n > 0 && n < 8)
		memcpy(lang, v, n + 1);
}

/* Weak language hint (a label, a month name): only when nothing better. */
static void
hint_lang(cd_meta *m, const char *lang)
{
	if (m->lang[0] == '\0' && lang != NULL)
		set_lang(m->lang, lang);
}

/* Matches one of labels at s; returns bytes matched and sets *which. */
static size_t
match_label(const char *s, const struct label *labels, const struct label **which)
{
	size_t n;

	for (int i = 0; labels[i].text != NULL; i++)
		if ((n = cd_meta_prefix(s, labels[i].text)) > 0) {
			*which = &labels[i];
			return n;
		}
	return 0;
}

/* Skips white space and one colon (ASCII or fullwidth) after a label.
 * *colon tells whether there was one. Returns the new position. */
static const char *
after_label(const char *s, int *colon)
{
	size_t n;

	*colon = 0;
	while ((n = cd_meta_space_len(s)) > 0)
		s += n;
	if (*s == ':') {
		s++;
		*colon = 1;
	} else if (strncmp(s, "\xEF\xBC\x9A", 3) == 0) {   /* ： */
		s += 3;
		*colon = 1;
	}
	while ((n = cd_meta_space_len(s)) > 0)
		s += n;
	return s;
}

static int
line_agenda(cd_meta *m, const char *s)
{
	const struct label *l = NULL;
	size_t n = match_label(s, agenda_labels, &l);
	int colon;

	if (n == 0)
		return 0;
	s = after_label(s + n, &colon);
	if (*s == '\0' || strlen(s) > 60)
		return 0;
	hint_lang(m, l->lang);
	return set_once(&m->agenda, s);
}

static const char *
lang_of_word(const char *v)
{
	size_t n, k = 0;
	char w[64];

	/* fold the value (first word) and look it up; Arabic "بال" prefix */
	while (*v != '\0' && k + 5 < sizeof w && cd_meta_space_len(v) == 0) {
		unsigned c = cd_meta_fold(cd_meta_u8(v, &n));

		if (c < 0x80)
			w[k++] = (char)c;
		else if (c >= 0x600 && c < 0x800) {
			w[k++] = (char)(0xC0 | (c >> 6));
			w[k++] = (char)(0x80 | (c & 0x3F));
		} else {
			memcpy(w + k, v, n);
			k += n;
		}
		v += n;
	}
	w[k] = '\0';
	for (int i = 0; lang_words[i].text != NULL; i++) {
		const char *t = lang_words[i].text, *p = w;

		if (strncmp(p, "\xD8\xA8\xD8\xA7\xD9\x84", 6) == 0 &&   /* بال */
		    strncmp(t, "\xD8\xA7\xD9\x84", 4) == 0)
			p += 2;                                   /* keep ال */
		if (strcmp(p, t) == 0)
			return lang_words[i].lang;
	}
	return NULL;
}

static int
line_original(cd_meta *m, const char *s)
{
	const struct label *l = NULL;
	size_t n = match_label(s, original_labels, &l);
	const char *lang;
	int colon;

	if (n == 0)
		return 0;
	s = after_label(s + n, &colon);
	if (!colon || *s == '\0' || strlen(s) > 60)
		return 0;
	if ((lang = lang_of_word(s)) != NULL && m->doc_lang[0] == '\0')
		set_lang(m->lang, lang);
	hint_lang(m, l->lang);
	return set_once(&m->original, s);
}

static int
store_docnum(cd_meta *m, const char *v)
{
	if (m->document != NULL)
		return 1;
	if (!cd_meta_parse_docnum(m, v))
		return 0;
	m->document = dupn(v, strlen(v));
	if (m->doc_lang[0] != '\0')
		set_lang(m->lang, m->doc_lang);
	return 1;
}

static int
line_docnum(cd_meta *m, const char *s)
{
	const struct label *l = NULL;
	size_t n = match_label(s, doc_labels, &l);
	int colon;

	if (n > 0) {
		const char *v = after_label(s + n, &colon);

		if (*v != '\0' && store_docnum(m, v)) {
			hint_lang(m, l->lang);
			return 1;
		}
		return 0;
	}
	/* a bare number must carry its language letter */
	n = strlen(s);
	if (n < 4 || s[n - 2] != '-' || strchr("EFSCRA", s[n - 1]) == NULL)
		return 0;
	return store_docnum(m, s);
}

static int
line_date(cd_meta *m, const char *s)
{
	char iso[11], lang[8];

	if (!cd_meta_parse_date_lang(s, iso, lang))
		return 0;
	if (m->date == NULL) {
		m->date = dupn(s, strlen(s));
		memcpy(m->date_iso, iso, sizeof m->date_iso);
		hint_lang(m, lang[0] ? lang : NULL);
	}
	return 1;
}

/* "Geneva, 11-21 July 2023": a short place name without digits, a comma
 * (ASCII, Arabic or fullwidth), then dates only. */
static int
line_place(cd_meta *m, const char *s)
{
	const char *c = NULL;
	size_t i, n, words = 1;

	for (i = 0; s[i] != '\0' && c == NULL; i += n) {
		unsigned u = cd_meta_u8(s + i, &n);

		if (u == ',' || u == 0x60C || u == 0xFF0C)
			c = s + i + n;
		else if (u >= '0' && u <= '9')
			return 0;
		else if (u == ' ')
			words++;
	}
	if (c == NULL || i - n == 0 || i > 60 || words > 6 || strlen(c) > 60)
		return 0;
	if (!cd_meta_is_dates(c))
		return 0;
	return set_once(&m->place, s);
}

static int
has_year(const char *s)
{
	int run = 0;

	for (; *s != '\0'; s++) {
		run = (*s >= '0' && *s <= '9') ? run + 1 : 0;
		if (run == 4 && !(s[1] >= '0' && s[1] <= '9') &&
		    (s[-3] == '1' || s[-3] == '2'))
			return 1;
	}
	return 0;
}

static int
line_meeting(cd_meta *m, const char *s)
{
	size_t len = strlen(s);

	if (len > 140 || s[len - 1] == '.')
		return 0;
	for (int i = 0; meetings[i].text != NULL; i++) {
		size_t n = cd_meta_prefix(s, meetings[i].text);

		if (n == 0)
			continue;
		/* "Council 2023", not "Council Resolution 1332 (Modified 2019)" */
		if (meetings[i].need_year) {
			while (s[n] == ' ' || s[n] == '-')
				n++;
			if (!has_year(s + n) || !(s[n] >= '1' && s[n] <= '2'))
				return 0;
		}
		return set_once(&m->meeting, s);
	}
	return 0;
}

int
cd_meta_line(cd_meta *m, const char *line)
{
	char *s;
	int r;

	if (m == NULL || line == NULL || (s = cd_meta_squeeze(line)) == NULL)
		return 0;
	r = s[0] != '\0' &&
	    (line_agenda(m, s) || line_original(m, s) || line_docnum(m, s) ||
	     line_date(m, s) || line_place(m, s) || line_meeting(m, s));
	free(s);
	return r;
}

/* ---- document numbers ---- */

static int
is_alnum(char c)
{
	return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
}

/* Parses "(Rev.1)", "(Add. 2)", "(Corr.1)" groups at s[0..n). Fills the
 * three out strings (malloc'd; caller frees). 1 if all groups parsed. */
static int
docnum_groups(const char *s, size_t n, char **rev, char **add, char **cor)
{
	static const char *const kw[] = {"Rev", "Rév", "Add", "Corr", "Cor", "Rect"};
	size_t i = 0, k, d;

	while (i < n) {
		char **slot = NULL;

		while (i < n && s[i] == ' ')
			i++;
		if (i == n)
			break;
		if (s[i] != '(')
			return 0;
		i++;
		for (size_t j = 0; j < sizeof kw / sizeof kw[0] && slot == NULL; j++)
			if ((k = cd_meta_prefix(s + i, kw[j])) > 0)
				slot = j < 2 ? rev : j == 2 ? add : cor;
		if (slot == NULL || *slot != NULL)
			return 0;
		i += k;
		if (s[i] == '.')
			i++;
		while (s[i] == ' ')
			i++;
		for (d = 0; i + d < n && s[i + d] >= '0' && s[i + d] <= '9'; d++)
			;
		if (d == 0 || d > 3 || i + d >= n || s[i + d] != ')')
			return 0;
		*slot = dupn(s + i, d);
		i += d + 1;
	}
	return 1;
}

/* Splits "C23/35" into session and number; 1 if well formed. */
static int
docnum_base(const char *s, size_t n, size_t *slash)
{
	size_t i, last = n, digit = 0, allx = 1;

	if (n == 0 || !((s[0] | 32) >= 'a' && (s[0] | 32) <= 'z'))
		return 0;
	for (i = 0; i < n; i++) {
		if (s[i] == '/')
			last = i;
		else if (!is_alnum(s[i]) && s[i] != '-' && s[i] != '&' && s[i] != '_')
			return 0;
	}
	if (last == n || last == 0 || last + 1 == n)
		return 0;
	for (i = 0; i < last; i++)
		digit |= s[i] >= '0' && s[i] <= '9';
	if (!digit)
		return 0;
	digit = 0;
	for (i = last + 1; i < n; i++) {
		if (!is_alnum(s[i]))
			return 0;
		digit |= s[i] >= '0' && s[i] <= '9';
		allx &= (s[i] | 32) == 'x';
	}
	*slash = last;
	return digit || allx;
}

static const char *
doc_letter_lang(char c)
{
	switch (c) {
	case 'E': return "en";
	case 'F': return "fr";
	case 'S': return "es";
	case 'C': return "zh";
	case 'R': return "ru";
	case 'A': return "ar";
	default: return NULL;
	}
}

int
cd_meta_parse_docnum(cd_meta *m, const char *str)
{
	char *s = cd_meta_squeeze(str), *rev = NULL, *add = NULL, *cor = NULL;
	const char *lang = NULL, *paren;
	size_t n, base, slash;
	int ok = 0;

	if (s == NULL)
		return 0;
	n = strlen(s);
	if (n >= 3 && (lang = doc_letter_lang(s[n - 1])) != NULL && s[n - 2] == '-')
		n -= 2;
	else if (n >= 5 && lang != NULL && (unsigned char)s[n - 4] == 0xE2 &&
	         (unsigned char)s[n - 3] == 0x80 &&
	         ((unsigned char)s[n - 2] == 0x93 || (unsigned char)s[n - 2] == 0x91))
		n -= 4;                       /* en dash or non-breaking hyphen */
	else
		lang = NULL;
	paren = memchr(s, '(', n);
	base = paren ? (size_t)(paren - s) : n;
	while (base > 0 && s[base - 1] == ' ')
		base--;
	if (docnum_base(s, base, &slash) &&
	    docnum_groups(s + base, n - base, &rev, &add, &cor)) {
		free_docnum(m);
		m->doc_session = dupn(s, slash);
		m->doc_number = dupn(s + slash + 1, base - slash - 1);
		m->doc_rev = rev;
		m->doc_add = add;
		m->doc_cor = cor;
		if (lang != NULL)
			set_lang(m->doc_lang, lang);
		ok = 1;
	} else {
		free(rev);
		free(add);
		free(cor);
	}
	free(s);
	return ok;
}
