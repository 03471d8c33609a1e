/*
 * lists.c — list items: Word numbering, enumlevN styles and typed labels
 * ("a)", "(iv)", "1)", bullets), their level, list style and start value.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "structure.h"

/* Typed list labels: bullets, "a)", "(a)", "iv)", "1)". Returns the bytes
 * to skip (label and separator), 0 when none; fills label, *ordered, style. */
size_t
cd_st_typed_label(const char *s, char *label, size_t max, int *ordered, const char **style)
{
	static const char *const bullets[] = { "\xC2\xB7", "\xE2\x80\xA2", "-",
		"\xE2\x80\x93", "\xE2\x80\x94", "o", "\xE2\x96\xAA", "\xEF\x82\xB7",
		"*", "\xE2\x80\xBA", "\xE2\x9E\xA2", NULL };
	size_t k = 0, b;

	for (int i = 0; bullets[i]; i++) {
		b = strlen(bullets[i]);
		if (strncmp(s, bullets[i], b) == 0 &&
		    (s[b] == '\t' || (s[b] == ' ' && strcmp(bullets[i], "o") != 0))) {
			snprintf(label, max, "%s", bullets[i][0] == '\xEF' ? "\xE2\x80\xA2" :
			         bullets[i]);
			*ordered = 0;
			*style = NULL;
			return b + 1 + cd_st_lead_space(s + b + 1);
		}
	}
	if (s[0] == '(')
		k = 1;
	b = k;
	while (isalnum((unsigned char)s[k]) && k - b < 5)
		k++;
	if (k == b || s[k] != ')' || (s[k + 1] != '\t' && s[k + 1] != ' '))
		return 0;
	if (isdigit((unsigned char)s[b])) {
		for (size_t q = b; q < k; q++)
			if (!isdigit((unsigned char)s[q]))
				return 0;
		*style = "decimal";
	} else if (strspn(s + b, "ivxlc") == k - b) {
		*style = "lower-roman";
	} else if (strspn(s + b, "IVXLC") == k - b) {
		*style = "upper-roman";
	} else if (k - b == 1 && islower((unsigned char)s[b])) {
		*style = "lower-alpha";
	} else if (k - b == 1 && isupper((unsigned char)s[b])) {
		*style = "upper-alpha";
	} else {
		return 0;
	}
	if (k - b == 1 && (s[b] == 'i' || s[b] == 'v' || s[b] == 'x'))
		*style = "lower-alpha";   /* a lone i) is more often a letter list */
	*ordered = 1;
	snprintf(label, max, "%.*s", (int)(k + 1), s);
	return k + 1 + cd_st_lead_space(s + k + 1);
}

/* The number a typed label stands for ("3)" 3, "(c)" 3, "iv." 4 in a roman
 * list), or 1 when it is not a single number or letter. */
static int
typed_value(const char *label, const char *style)
{
	static const char roman[] = "ivxlcdm";
	static const int rv[] = { 1, 5, 10, 50, 100, 500, 1000 };
	char b[32];
	size_t n = 0;
	int v = 0, prev = 0;

	for (const char *s = label; *s && n + 1 < sizeof b; s++)
		if (*s != '(' && *s != ')' && *s != '.' && *s != ' ')
			b[n++] = (char)tolower((unsigned char)*s);
	b[n] = '\0';
	if (n == 0)
		return 1;
	if (strspn(b, "0123456789") == n)
		return n < 6 ? atoi(b) : 1;
	if (style != NULL && strstr(style, "roman") != NULL && strspn(b, roman) == n) {
		for (size_t i = n; i-- > 0;) {
			int d = rv[strchr(roman, b[i]) - roman];

			v += d < prev ? -d : d;
			if (d > prev)
				prev = d;
		}
		return v > 0 ? v : 1;
	}
	if (n == 1 && b[0] >= 'a' && b[0] <= 'z')
		return b[0] - 'a' + 1;
	return 1;
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

/* List item from Word numbering, enumlev style or typed label. 1 if done.
 * A list that opens here starts at this item's own number, so a list
 * interrupted by other paragraphs resumes at "2)", not at 1. */
int
cd_st_list_para(cd_st_ctx *c, cd_st_tree *tree, const xmlNode *p, const cd_st_pinfo *pi,
                const cd_st_numlabel *lab, int numbered, const char *t, size_t lead)
{
	char label[64] = "";
	int ordered = 0, level = 1;
	const char *style = NULL;
	size_t skip = 0;
	xmlNodePtr e;

	if (numbered) {
		snprintf(label, sizeof label, "%s", lab->label);
		ordered = !lab->bullet;
		style = cd_st_num_style(lab->fmt);
		level = lab->level + 1;
	} else if ((skip = cd_st_typed_label(t, label, sizeof label, &ordered, &style)) > 0) {
		skip += lead;
		level = pi->role == CD_ROLE_ENUMLEV ? pi->enumlev :
		        pi->ind_left < 1000 ? 1 : pi->ind_left < 1500 ? 2 : 3;
	} else if (pi->role == CD_ROLE_ENUMLEV) {
		level = pi->enumlev;
	} else {
		return 0;
	}
	if ((e = item_p(c, p, pi, skip)) == NULL)
		return 1;
	cd_st_tree_item(tree, level, ordered, style,
	                numbered && ordered ? lab->value :
	                ordered ? typed_value(label, style) : 0, label, e);
	return 1;
}
