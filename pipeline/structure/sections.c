/*
 * sections.c — nests sections and annexes by level, nests list items by
 * level, and gives every section/annex a stable unique id.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/hash.h>

#include "structure.h"

#define DEPTH_MAX 12

typedef struct frame {
	xmlNodePtr node;
	int level;
	int minor;     /* a run-in heading's section (Heading_b) */
} frame;

typedef struct lframe {
	xmlNodePtr list, item;
	int level, ordered;
	char style[24];   /* list style of an ordered list ("" unknown) */
} lframe;

struct cd_st_tree {
	cd_st_ctx *c;
	frame sec[DEPTH_MAX];
	int nsec;
	lframe lst[DEPTH_MAX];
	int nlst;
	xmlHashTablePtr ids;     /* id given so far -> the next suffix to try
	                          * when it is asked for as a base (>= 2) */
	int anon, annexes;
};

/* Caller frees with cd_st_tree_free. */
cd_st_tree *
cd_st_tree_new(cd_st_ctx *c, xmlNodePtr root)
{
	cd_st_tree *t = calloc(1, sizeof *t);

	if (t == NULL)
		return NULL;
	t->ids = xmlHashCreate(64);
	if (t->ids == NULL) {
		cd_st_tree_free(t);
		return NULL;
	}
	t->c = c;
	t->sec[0].node = root;
	t->sec[0].level = -1;
	t->nsec = 1;
	return t;
}

void
cd_st_tree_free(cd_st_tree *t)
{
	if (t == NULL)
		return;
	xmlHashFree(t->ids, NULL);
	free(t);
}

/* Sets a unique id (base, base-2, base-3...) on e and remembers it. One
 * hash table holds the ids and, for each, the next suffix to try when it
 * is asked for again, so a long report with many repeated numbers stays
 * linear: a free base costs one look-up, a taken one its suffixes' (and a
 * large table's look-ups are memory latency at every step). */
static void
set_id(cd_st_tree *t, xmlNodePtr e, const char *base)
{
	char id[160];
	intptr_t n = (intptr_t)xmlHashLookup(t->ids, BAD_CAST base);

	if (n == 0) {
		xmlHashAddEntry(t->ids, BAD_CAST base, (void *)2);
		xmlSetProp(e, BAD_CAST "id", BAD_CAST base);
		return;
	}
	do
		snprintf(id, sizeof id, "%s-%ld", base, (long)n++);
	while (xmlHashLookup(t->ids, BAD_CAST id) != NULL);
	xmlHashUpdateEntry(t->ids, BAD_CAST base, (void *)n, NULL);
	xmlHashAddEntry(t->ids, BAD_CAST id, (void *)2);
	xmlSetProp(e, BAD_CAST "id", BAD_CAST id);
}

/* Latin-1 letters folded to ASCII (U+00C0..U+00FF), '\0' for none. */
static char
fold_latin1(unsigned cp)
{
	static const char map[] =
		"AAAAAAACEEEEIIII" "DNOOOOO-OUUUUYTs"
		"aaaaaaaceeeeiiii" "dnooooo-ouuuuyty";

	return cp >= 0xC0 && cp <= 0xFF ? map[cp - 0xC0] : '\0';
}

int
cd_st_slug(const char *title, char *buf, size_t max)
{
	size_t k = 0;
	int dash = 0;

	if (max == 0)
		return 0;
	for (const unsigned char *s = (const unsigned char *)title; *s && k + 1 < max; s++) {
		char ch = '\0';

		if (isalnum(*s))
			ch = (char)tolower(*s);
		else if (*s == 0xC3 && (s[1] & 0xC0) == 0x80) {
			ch = (char)tolower((unsigned char)fold_latin1(0xC0u + (s[1] & 0x3Fu)));
			s++;
		}
		if (ch == '\0' || ch == '-') {
			dash = k > 0;
			continue;
		}
		if (dash && k + 2 < max)
			buf[k++] = '-';
		dash = 0;
		buf[k++] = ch;
	}
	buf[k] = '\0';
	return k > 0;
}

void
cd_st_tree_end_list(cd_st_tree *t)
{
	t->nlst = 0;
}

static void
append(cd_st_tree *t, xmlNodePtr e)
{
	cd_st_tree_end_list(t);
	xmlAddChild(t->sec[t->nsec - 1].node, e);
}

/* The level of the innermost open section that is not a run-in heading's
 * (0 at the top, 0 in an annex). */
static int
major_level(const cd_st_tree *t)
{
	for (int k = t->nsec - 1; k > 0; k--)
		if (!t->sec[k].minor)
			return t->sec[k].level;
	return 0;
}

void
cd_st_tree_minor(cd_st_tree *t, xmlNodePtr title)
{
	cd_st_tree_section(t, major_level(t) + 1, NULL, title);
	t->sec[t->nsec - 1].minor = 1;
}

void
cd_st_tree_close_all(cd_st_tree *t)
{
	cd_st_tree_end_list(t);
	t->nsec = 1;
}

void
cd_st_tree_para_id(cd_st_tree *t, xmlNodePtr p, const char *num)
{
	char id[160];

	snprintf(id, sizeof id, "par-%s", num);
	xmlSetProp(p, BAD_CAST "num", BAD_CAST num);
	set_id(t, p, id);
}

void
cd_st_tree_section(cd_st_tree *t, int level, const char *num, xmlNodePtr title)
{
	xmlNodePtr s = cd_st_elem(t->c, "section");
	char id[160];

	if (level < 1)
		level = 1;
	while (t->nsec > 1 && t->sec[t->nsec - 1].level >= level)
		t->nsec--;
	if (t->nsec >= DEPTH_MAX)
		t->nsec = DEPTH_MAX - 1;
	if (num != NULL && *num) {
		snprintf(id, sizeof id, "sec-%s", num);
		xmlSetProp(s, BAD_CAST "num", BAD_CAST num);
	} else {
		char slug[48];
		xmlChar *tx = xmlNodeGetContent(title);

		if (cd_st_slug(tx ? (const char *)tx : "", slug, 41))
			snprintf(id, sizeof id, "sec-%s", slug);
		else
			snprintf(id, sizeof id, "sec-%d", ++t->anon);
		xmlFree(tx);
	}
	set_id(t, s, id);
	xmlAddChild(s, title);
	append(t, s);
	t->sec[t->nsec].node = s;
	t->sec[t->nsec].level = level;
	t->sec[t->nsec].minor = 0;
	t->nsec++;
}

void
cd_st_tree_annex(cd_st_tree *t, const char *num, xmlNodePtr title)
{
	xmlNodePtr a = cd_st_elem(t->c, "annex");
	char id[64], low[32];
	size_t k;

	t->nsec = 1;
	t->annexes++;
	for (k = 0; num && num[k] && k + 1 < sizeof low; k++)
		low[k] = (char)tolower((unsigned char)num[k]);
	low[k] = '\0';
	if (k > 0) {
		snprintf(id, sizeof id, "annex-%s", low);
		xmlSetProp(a, BAD_CAST "num", BAD_CAST num);
	} else {
		snprintf(id, sizeof id, "annex-%d", t->annexes);
	}
	set_id(t, a, id);
	xmlAddChild(a, title);
	append(t, a);
	t->sec[t->nsec].node = a;
	t->sec[t->nsec].level = 0;
	t->sec[t->nsec].minor = 0;
	t->nsec++;
}

void
cd_st_tree_block(cd_st_tree *t, xmlNodePtr block)
{
	append(t, block);
}

static xmlNodePtr
new_list(cd_st_tree *t, int ordered, const char *style, int start)
{
	xmlNodePtr l = cd_st_elem(t->c, "list");

	xmlSetProp(l, BAD_CAST "type", BAD_CAST(ordered ? "ordered" : "bullet"));
	if (ordered && style != NULL)
		xmlSetProp(l, BAD_CAST "style", BAD_CAST style);
	if (ordered && start > 0) {
		char b[16];

		snprintf(b, sizeof b, "%d", start);
		xmlSetProp(l, BAD_CAST "start", BAD_CAST b);
	}
	return l;
}

void
cd_st_tree_item(cd_st_tree *t, int level, int ordered, const char *style,
                int start, const char *label, xmlNodePtr p)
{
	xmlNodePtr item;
	lframe *f;

	if (level < 1)
		level = 1;
	while (t->nlst > 0 && t->lst[t->nlst - 1].level > level)
		t->nlst--;
	/* a top-level item of another kind or number style starts a new list
	 * ("V." after "2." is a different Word list, not a third item) */
	if (t->nlst == 1 && t->lst[0].level == level &&
	    (t->lst[0].ordered != ordered ||
	     (ordered && style != NULL && t->lst[0].style[0] != '\0' &&
	      strcmp(t->lst[0].style, style) != 0)))
		t->nlst = 0;
	if (t->nlst == 0 || (t->lst[t->nlst - 1].level < level && t->nlst < DEPTH_MAX &&
	                     t->lst[t->nlst - 1].item != NULL)) {
		xmlNodePtr l = new_list(t, ordered, style, start);

		if (t->nlst == 0)
			xmlAddChild(t->sec[t->nsec - 1].node, l);
		else
			xmlAddChild(t->lst[t->nlst - 1].item, l);
		f = &t->lst[t->nlst++];
		f->list = l;
		f->item = NULL;
		f->level = level;
		f->ordered = ordered;
		snprintf(f->style, sizeof f->style, "%s", style ? style : "");
	}
	f = &t->lst[t->nlst - 1];
	item = xmlAddChild(f->list, cd_st_elem(t->c, "item"));
	if (label != NULL && *label)
		xmlSetProp(item, BAD_CAST "label", BAD_CAST label);
	xmlAddChild(item, p);
	f->item = item;
}

/* ---- text classification ---- */

size_t
cd_st_lead_space(const char *s)
{
	size_t k = 0;

	for (;;) {
		if (s[k] == ' ' || s[k] == '\t' || s[k] == '\n' || s[k] == '\r')
			k++;
		else if ((unsigned char)s[k] == 0xC2 && (unsigned char)s[k + 1] == 0xA0)
			k += 2;
		else
			return k;
	}
}

/* "2.1.3<TAB>" / "2.1.3.<TAB>" (or spaces when spaces_ok): copies the
 * number without trailing dot into num and returns the bytes to skip,
 * 0 when the text does not start with a section number. */
size_t
cd_st_typed_number(const char *s, int spaces_ok, char *num, size_t max)
{
	size_t k = 0, n = 0;
	int comps = 0;

	/* an annex clause ("A.1", "II.3.2"): capital letters, then digits */
	while (isupper((unsigned char)s[k]) && k < 4)
		k++;
	if (k > 0 && !(s[k] == '.' && isdigit((unsigned char)s[k + 1])))
		return 0;
	if (k > 0) {
		k++;
		comps++;
	}
	for (;;) {
		size_t d = 0;

		while (isdigit((unsigned char)s[k + d]))
			d++;
		if (d == 0 || d > 3)
			return 0;
		k += d;
		comps++;
		if (s[k] == '.' && isdigit((unsigned char)s[k + 1]) && comps < 8) {
			k++;
			continue;
		}
		break;
	}
	n = k;
	if (s[k] == '.')
		k++;
	if (s[k] == '\t') {
		k++;
	} else if (spaces_ok && s[k] == ' ') {
		while (s[k] == ' ')
			k++;
	} else {
		return 0;
	}
	if (s[k + cd_st_lead_space(s + k)] == '\0' || n + 1 > max)
		return 0;
	memcpy(num, s, n);
	num[n] = '\0';
	return k;
}

/* The length of an annex number that is one non-ASCII character — a
 * capital Cyrillic or Greek letter ("Приложение А"), an Arabic letter, a
 * Chinese numeral ("附件一") — followed by the end, a space, a line break
 * or punctuation; 0 otherwise ("Приложение к решению" is a sentence). */
static size_t
letter_num(const char *s)
{
	static const uint32_t han[] = { 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D,
		0x4E03, 0x516B, 0x4E5D, 0x5341, 0 };   /* 一 二 三 四 五 六 七 八 九 十 */
	size_t l;
	uint32_t c = cd_utf8_decode((const unsigned char *)s, 4, &l);
	unsigned char nx = (unsigned char)s[l];
	int ok = (c >= 0x0400 && c <= 0x042F) || (c >= 0x0391 && c <= 0x03A9) ||
	         (c >= 0x0620 && c <= 0x064A);

	for (int i = 0; han[i] && !ok; i++)
		ok = c == han[i];
	if (!ok)
		return 0;
	return nx == '\0' || nx == ' ' || nx == '\t' || nx == '\n' || nx == '-' || nx == ':' ||
	       nx == '.' || nx == 0xE2 ? l : 0;
}

/* 1 when s starts with a lower-case Cyrillic or Greek letter. */
static int
lower_word(const char *s)
{
	size_t l;
	uint32_t c = cd_utf8_decode((const unsigned char *)s, 4, &l);

	return (c >= 0x0430 && c <= 0x045F) || (c >= 0x03B1 && c <= 0x03C9);
}

/* Annex heading: "Annex 1", "ANNEX A", "Annexe 2", "Anexo 1", "Appendix 1",
 * "Приложение А", "Дополнение I" with an optional title. Fills num (""
 * when none). 1 when it is one. */
size_t
cd_st_typed_annex(const char *s, char *num, size_t max)
{
	static const char *const words[] = { "annexe", "annex", "anexo", "appendix",
		"appendice", "apéndice", "APÉNDICE", "attachment",
		"приложение", "Приложение", "ПРИЛОЖЕНИЕ", "дополнение", "Дополнение", "ДОПОЛНЕНИЕ",
		"الملحق", "التذييل", "附件", "附录", NULL };
	size_t k = 0, w;

	num[0] = '\0';
	for (int i = 0; words[i] && k == 0; i++) {
		w = strlen(words[i]);
		if (strncasecmp(s, words[i], w) == 0)
			k = w;
	}
	if (k == 0 || isalpha((unsigned char)s[k]) || strlen(s) > 200)
		return 0;
	k += cd_st_lead_space(s + k);
	if ((w = letter_num(s + k)) > 0 && w < max) {
		snprintf(num, max, "%.*s", (int)w, s + k);
		return k + w;
	}
	if (lower_word(s + k))
		return 0;    /* "Приложение к решению" is a sentence */
	if (s[k] == '\0' || (unsigned char)s[k] >= 0x80 || s[k] == '-' || s[k] == ':' ||
	    s[k] == '\n')
		return k;
	w = k;
	while (isalnum((unsigned char)s[k]) && k - w < 4)
		k++;
	if (k == w || isalnum((unsigned char)s[k]))
		return 0;
	if (k - w > 1 && !isdigit((unsigned char)s[w]) && !isupper((unsigned char)s[w + 1]))
		return 0;    /* "Annex to ..." is a sentence, not an annex heading */
	snprintf(num, max, "%.*s", (int)(k - w), s + w);
	return k;
}

int
cd_st_is_rule(const char *s)
{
	int n = 0;

	for (; *s; s++) {
		if (*s == '_')
			n++;
		else if (*s != ' ' && *s != '\t')
			return 0;
	}
	return n >= 5;
}

int
cd_st_is_source(const char *s)
{
	static const char *const pre[] = { "Report by", "Note by", "Contribution from",
		"Contribution by", "Proposal by", "Rapport du", "Rapport de",
		"Note du", "Note de", "Contribution de", "Contribution du",
		"Informe del", "Informe de", "Nota del", "Nota de", "Contribución de",
		"Доклад ", "Отчет ", "Отчёт ", "Записка ", "Вклад ",
		"تقرير ", "مذكرة ", "مساهمة ",
		"秘书长", NULL };   /* 秘书长的报告: Report by the Secretary-General */
	/* Chinese puts the author first: "……的报告" (report), "……的说明" (note),
	 * "……的文稿" (contribution) */
	static const char *const post[] = { "的报告", "的说明", "的文稿", NULL };
	size_t n = strlen(s);

	for (int i = 0; pre[i]; i++)
		if (strncasecmp(s, pre[i], strlen(pre[i])) == 0)
			return n < 160;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	for (int i = 0; post[i] && n < 120; i++)
		if (n > strlen(post[i]) && strncmp(s + n - strlen(post[i]), post[i], strlen(post[i])) == 0)
			return 1;
	return 0;
}

/* Strips a trailing ")" / "." and spaces from a numbering label; 1 when
 * what remains is a section number (digits and dots, after an annex
 * clause's capital letters: "A.1"). */
int
cd_st_label_number(const char *lab, char *num, size_t max)
{
	size_t n = strlen(lab), k = 0;

	while (n > 0 && (lab[n - 1] == '.' || lab[n - 1] == ')' || lab[n - 1] == ' '))
		n--;
	/* an annex clause's letters first ("A.1", "II.3") */
	while (k < n && k < 3 && isupper((unsigned char)lab[k]))
		k++;
	if (k > 0 && (k + 1 >= n || lab[k] != '.' || !isdigit((unsigned char)lab[k + 1])))
		return 0;
	if (n == 0 || n + 1 > max || !isdigit((unsigned char)lab[k > 0 ? k + 1 : 0]))
		return 0;
	for (; k < n; k++)
		if (!isdigit((unsigned char)lab[k]) && lab[k] != '.')
			return 0;
	memcpy(num, lab, n);
	num[n] = '\0';
	return 1;
}

int
cd_st_num_depth(const char *num)
{
	int d = 1;

	for (; *num; num++)
		d += *num == '.';
	return d;
}
