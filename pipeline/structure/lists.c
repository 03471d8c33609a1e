/*
 * lists.c — list items: Word numbering, enumlevN styles and typed labels
 * ("a)", "(iv)", "1)", "1bis", "b)bis", bullets, "CM<TAB>Cable Modem"
 * terms), their level, list style and start value. The list's final
 * style and start are decided from the whole sequence of its labels in
 * listseq.c, once the tree is built.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "structure.h"

/* ITU's inserted-item suffixes: "1bis", "b)ter", "3quater". Length of the
 * suffix at s, 0 when none. */
size_t
cd_st_bis_len(const char *s)
{
	static const char *const w[] = { "bis", "ter", "quater", "quinquies",
		"sexies", "septies", "octies", NULL };

	for (int i = 0; w[i]; i++) {
		size_t n = strlen(w[i]);

		if (strncmp(s, w[i], n) == 0 && !isalpha((unsigned char)s[n]))
			return n;
	}
	return 0;
}

static size_t
typed_bullet(const char *s, char *label, size_t max)
{
	static const char *const bullets[] = { "\xC2\xB7", "\xE2\x80\xA2", "-",
		"\xE2\x80\x93", "\xE2\x80\x94", "o", "\xE2\x96\xAA", "\xEF\x82\xB7",
		"*", "\xE2\x80\xBA", "\xE2\x9E\xA2", "\xE2\x9D\x91", "\xE2\x9E\x94",
		"\xE2\x96\xA0", "\xE2\x97\x8F", "\xE2\x9C\x93", NULL };

	for (int i = 0; bullets[i]; i++) {
		size_t b = strlen(bullets[i]);

		if (strncmp(s, bullets[i], b) == 0 &&
		    (s[b] == '\t' || (s[b] == ' ' && strcmp(bullets[i], "o") != 0))) {
			snprintf(label, max, "%s", bullets[i][0] == '\xEF' ? "\xE2\x80\xA2" :
			         bullets[i]);
			return b + 1 + cd_st_lead_space(s + b + 1);
		}
	}
	return 0;
}

/* The list style a label core stands for on its own: digits decimal,
 * several roman letters roman, one letter (also i, v, x, c: the sequence
 * decides later) alphabetic. NULL when it is none of these. */
static const char *
core_style(const char *s, size_t n)
{
	size_t k;

	for (k = 0; k < n && isdigit((unsigned char)s[k]); k++)
		;
	if (k == n)
		return n <= 3 ? "decimal" : NULL;
	if (n == 1 && islower((unsigned char)s[0]))
		return "lower-alpha";
	if (n == 1 && isupper((unsigned char)s[0]))
		return "upper-alpha";
	if (strspn(s, "ivxlcdm") >= n)
		return "lower-roman";
	if (strspn(s, "IVXLCDM") >= n)
		return "upper-roman";
	return NULL;
}

/* Typed list labels: "a)", "(a)", "iv)", "1)", "a.", "1bis", "b)bis",
 * "(b)bis". Returns the bytes to skip (label and separator), 0 when none. */
static size_t
typed_ordered(const char *s, char *label, size_t max, const char **style)
{
	size_t k, b, bis;
	int open = s[0] == '(', close = 0;

	k = b = (size_t)open;
	while (isalnum((unsigned char)s[k]) && k - b < 5 && !(k > b && cd_st_bis_len(s + k)))
		k++;
	if (k == b || (*style = core_style(s + b, k - b)) == NULL)
		return 0;
	k += bis = cd_st_bis_len(s + k);
	if (s[k] == ')')
		close = 1, k++;
	else if (s[k] == '.' && !open && !isdigit((unsigned char)s[b]) && s[k + 1] == '\t')
		close = 1, k++;
	if (bis == 0)
		k += bis = cd_st_bis_len(s + k);
	if ((open && !close) || (!close && bis == 0) || (s[k] != '\t' && s[k] != ' '))
		return 0;
	snprintf(label, max, "%.*s", (int)k, s);
	return k + cd_st_lead_space(s + k);
}

/* "CM<TAB>Cable Modem": a short term, a tab, a definition. Bytes to skip,
 * 0 when s is not one. The term may not look like a sentence, an equation
 * or a field label ("Note:"). */
static size_t
typed_term(const char *s, char *label, size_t max)
{
	const char *tab = strchr(s, '\t');
	size_t n, spaces = 0, alnum = 0;

	if (tab == NULL || (n = (size_t)(tab - s)) == 0 || n > 32 || n + 1 > max)
		return 0;
	for (size_t k = 0; k < n; k++) {
		spaces += s[k] == ' ';
		alnum += isalnum((unsigned char)s[k]) || (unsigned char)s[k] >= 0x80;
		if (strchr("=<>:;", s[k]) != NULL)
			return 0;
	}
	if (alnum == 0 || spaces > 2 || s[n - 1] == '.' || s[n - 1] == ',' || s[n - 1] == ' ')
		return 0;
	for (const char *d = tab; *d; d++)
		if (isalpha((unsigned char)*d) || (unsigned char)*d >= 0x80) {
			memcpy(label, s, n);
			label[n] = '\0';
			return n + cd_st_lead_space(tab);
		}
	return 0;
}

/* Typed list labels: bullets, "a)", "(a)", "iv)", "1)", "1bis". Returns the
 * bytes to skip (label and separator), 0 when none; fills label,
 * *ordered, style. */
size_t
cd_st_typed_label(const char *s, char *label, size_t max, int *ordered, const char **style)
{
	size_t k;

	*ordered = 0;
	*style = NULL;
	if ((k = typed_bullet(s, label, max)) > 0)
		return k;
	if ((k = typed_ordered(s, label, max, style)) > 0) {
		*ordered = 1;
		return k;
	}
	*style = NULL;
	return 0;
}

/* The level of a typed item: its enumlev style, else its indentation. */
static int
typed_level(const cd_st_pinfo *pi)
{
	if (pi->role == CD_ROLE_ENUMLEV)
		return pi->enumlev;
	return pi->ind_left < 1000 ? 1 : pi->ind_left < 1500 ? 2 : 3;
}

/* The item's paragraph (NULL when it has no content). */
static xmlNodePtr
item_p(cd_st_ctx *c, const xmlNode *p, const cd_st_pinfo *pi, size_t skip)
{
	xmlNodePtr e = cd_st_elem(c, "p");

	if (!cd_st_inline(c, p, e, skip)) {
		xmlFreeNode(e);
		return NULL;
	}
	if (pi->bidi)
		xmlSetProp(e, BAD_CAST "dir", BAD_CAST "rtl");
	return e;
}

/* List item from Word numbering, enumlev style, typed label or term. 1 if
 * done. A list that opens here starts at this item's own number, so a
 * list interrupted by other paragraphs resumes at "2)", not at 1. The
 * item is marked with where its label came from (CD_ST_SRC_ATTR), for
 * cd_st_lists_finish. */
int
cd_st_list_para(cd_st_ctx *c, cd_st_tree *tree, const xmlNode *p, const cd_st_pinfo *pi,
                const cd_st_numlabel *lab, int numbered, const char *t, size_t lead)
{
	char label[64] = "";
	int ordered = 0, level = 1;
	const char *style = NULL, *src = "typed";
	size_t skip = 0;
	xmlNodePtr e;

	if (numbered) {
		snprintf(label, sizeof label, "%s", lab->label);
		ordered = !lab->bullet;
		style = cd_st_num_style(lab->fmt);
		level = lab->level + 1;
		src = "word";
	} else if ((skip = cd_st_typed_label(t, label, sizeof label, &ordered, &style)) > 0) {
		skip += lead;
		level = typed_level(pi);
	} else if ((skip = typed_term(t, label, sizeof label)) > 0) {
		src = "term";
		skip += lead;
		level = typed_level(pi);
	} else if (pi->role == CD_ROLE_ENUMLEV) {
		level = pi->enumlev;
	} else {
		return 0;
	}
	if ((e = item_p(c, p, pi, skip)) == NULL)
		return 1;
	cd_st_tree_item(tree, level, ordered, style,
	                numbered && ordered ? lab->value :
	                ordered ? cd_st_label_value(label, style) : 0, label, e);
	if (e->parent != NULL)
		xmlSetProp(e->parent, BAD_CAST CD_ST_SRC_ATTR, BAD_CAST src);
	return 1;
}

/* A paragraph of a cell or note as a list item when it has a label: Word
 * numbering (whose counters advance here as in the body) or a typed one.
 * Consecutive items share *list (appended to parent when opened). 1 when
 * p was made an item. */
int
cd_st_block_item(cd_st_ctx *c, const xmlNode *p, xmlNodePtr parent, xmlNodePtr *list)
{
	cd_st_pinfo pi;
	cd_st_numlabel lab;
	char label[64], *text;
	const char *style = NULL, *src = "word";
	int ordered = 0, numbered;
	size_t skip = 0;
	xmlNodePtr e, item;

	cd_st_para_info(c->styles, p, &pi);
	numbered = pi.heading == 0 && cd_st_num_next(c->num, pi.num_id, pi.ilvl, &lab);
	if (!cd_st_para_has_content(c, p))
		return 1;
	if (numbered) {
		snprintf(label, sizeof label, "%s", lab.label);
		ordered = !lab.bullet;
		style = cd_st_num_style(lab.fmt);
	} else if ((text = cd_st_para_text(c, p)) != NULL) {
		size_t lead = cd_st_lead_space(text);

		skip = cd_st_typed_label(text + lead, label, sizeof label, &ordered, &style);
		skip += skip ? lead : 0;
		src = "typed";
		free(text);
		if (skip == 0)
			return 0;
	} else {
		return 0;
	}
	e = cd_st_elem(c, "p");
	if (!cd_st_inline(c, p, e, skip)) {
		xmlFreeNode(e);
		return 1;
	}
	if (*list == NULL) {
		*list = xmlAddChild(parent, cd_st_elem(c, "list"));
		xmlSetProp(*list, BAD_CAST "type", BAD_CAST(ordered ? "ordered" : "bullet"));
		if (ordered && style != NULL)
			xmlSetProp(*list, BAD_CAST "style", BAD_CAST style);
	}
	item = xmlAddChild(*list, cd_st_elem(c, "item"));
	if (label[0])
		xmlSetProp(item, BAD_CAST "label", BAD_CAST label);
	xmlSetProp(item, BAD_CAST CD_ST_SRC_ATTR, BAD_CAST src);
	xmlAddChild(item, e);
	return 1;
}
