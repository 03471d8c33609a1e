/*
 * roles.c — what a paragraph style says a paragraph is: the table of the
 * ITU house styles and common Word ones (doc/styles.md), matched on style
 * names reduced to lower-case letters and digits.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "structure.h"

/* "heading 3" / "Heading3" → 3; else 0. */
int
cd_st_role_heading_word(const char *s)
{
	if (s == NULL || strncasecmp(s, "heading", 7) != 0)
		return 0;
	s += 7;
	while (*s == ' ')
		s++;
	if (s[0] >= '1' && s[0] <= '9' && s[1] == '\0')
		return s[0] - '0';
	return 0;
}

/* A style name reduced for comparison: lower case ASCII letters and
 * digits only ("Annex_No & title" → "annexnotitle"). */
void
cd_st_role_key(const char *s, char *out, size_t max)
{
	size_t k = 0;

	for (; s && *s && k + 1 < max; s++)
		if (isalnum((unsigned char)*s) || (unsigned char)*s >= 0x80)
			out[k++] = (char)tolower((unsigned char)*s);
	out[k] = '\0';
}

/* The house-style table: reduced style name → role (doc/styles.md). */
static const struct role_name {
	const char *key;
	int role;
} role_names[] = {
	{ "title", CD_ROLE_TITLE }, { "title1", CD_ROLE_TITLE },
	{ "source", CD_ROLE_SOURCE },
	{ "headingb", CD_ROLE_HEADINGB }, { "headingi", CD_ROLE_HEADINGB },
	{ "call", CD_ROLE_CALL },
	{ "annexnotitle", CD_ROLE_ANNEX }, { "appendixnotitle", CD_ROLE_ANNEX },
	{ "annexenotitle", CD_ROLE_ANNEX }, { "attachmentnotitle", CD_ROLE_ANNEX },
	{ "annexno", CD_ROLE_ANNEX_NO }, { "appendixno", CD_ROLE_ANNEX_NO },
	{ "annexeno", CD_ROLE_ANNEX_NO }, { "attachmentno", CD_ROLE_ANNEX_NO },
	{ "annextitle", CD_ROLE_ANNEX_TITLE }, { "appendixtitle", CD_ROLE_ANNEX_TITLE },
	{ "annexetitle", CD_ROLE_ANNEX_TITLE }, { "attachmenttitle", CD_ROLE_ANNEX_TITLE },
	{ "recno", CD_ROLE_TITLE_NO }, { "resno", CD_ROLE_TITLE_NO },
	{ "decno", CD_ROLE_TITLE_NO }, { "opinionno", CD_ROLE_TITLE_NO },
	{ "questionno", CD_ROLE_TITLE_NO }, { "repno", CD_ROLE_TITLE_NO },
	{ "sectionno", CD_ROLE_TITLE_NO }, { "partno", CD_ROLE_TITLE_NO },
	{ "chapno", CD_ROLE_TITLE_NO }, { "artno", CD_ROLE_TITLE_NO },
	{ "rectitle", CD_ROLE_TITLE_TEXT }, { "restitle", CD_ROLE_TITLE_TEXT },
	{ "dectitle", CD_ROLE_TITLE_TEXT }, { "opiniontitle", CD_ROLE_TITLE_TEXT },
	{ "questiontitle", CD_ROLE_TITLE_TEXT }, { "reptitle", CD_ROLE_TITLE_TEXT },
	{ "sectiontitle", CD_ROLE_TITLE_TEXT }, { "parttitle", CD_ROLE_TITLE_TEXT },
	{ "chaptitle", CD_ROLE_TITLE_TEXT }, { "arttitle", CD_ROLE_TITLE_TEXT },
	{ "annexref", CD_ROLE_ANNEX_REF }, { "appendixref", CD_ROLE_ANNEX_REF },
	{ "tablenotitle", CD_ROLE_CAPTION }, { "figurenotitle", CD_ROLE_CAPTION },
	{ "tabletitle", CD_ROLE_CAPTION }, { "figuretitle", CD_ROLE_CAPTION },
	{ "tableno", CD_ROLE_CAPTION }, { "figureno", CD_ROLE_CAPTION },
	{ "caption", CD_ROLE_CAPTION },
	{ "equation", CD_ROLE_EQUATION }, { "formula", CD_ROLE_EQUATION },
	{ "tableoffigures", CD_ROLE_TOC }, { "tocheading", CD_ROLE_TOC },
	{ NULL, 0 }
};

/* Words that make a style name a body part (never a heading). */
static const char *const body_words[] = {
	"figure", "table", "equation", "formula", "legend", "caption", "enumlev",
	"call", "footnote", "endnote", "header", "footer", "note", NULL
};

static int
key_role(const char *key, int *lev)
{
	for (int k = 0; role_names[k].key; k++)
		if (strcmp(key, role_names[k].key) == 0)
			return role_names[k].role;
	if (strncmp(key, "enumlev", 7) == 0 && key[7] >= '1' && key[7] <= '9' &&
	    key[8] == '\0') {
		*lev = key[7] - '0';
		return CD_ROLE_ENUMLEV;
	}
	if (strncmp(key, "toc", 3) == 0 ||
	    (strncmp(key, "index", 5) == 0 && isdigit((unsigned char)key[5])))
		return CD_ROLE_TOC;
	if (strncmp(key, "note", 4) == 0)
		return CD_ROLE_NOTE;
	for (int k = 0; body_words[k]; k++)
		if (strstr(key, body_words[k]) != NULL)
			return CD_ROLE_BODY;
	return CD_ROLE_NONE;
}

/* Title lines of the document itself, not of one of its parts. */
static int
doc_title_key(const char *key)
{
	static const char *const pre[] = { "rec", "res", "dec", "opinion", "question",
		"rep", NULL };

	for (int k = 0; pre[k]; k++)
		if (strncmp(key, pre[k], strlen(pre[k])) == 0)
			return 1;
	return 0;
}

int
cd_st_role_of(const char *name, const char *id, int *lev, int *names_doc)
{
	const char *ids[2] = { name, id };
	char key[64];

	if (cd_st_role_heading_word(id) || cd_st_role_heading_word(name))
		return CD_ROLE_NONE;
	for (int k = 0; k < 2; k++) {
		int r;

		if (ids[k] == NULL)
			continue;
		cd_st_role_key(ids[k], key, sizeof key);
		if ((r = key_role(key, lev)) != CD_ROLE_NONE) {
			*names_doc = (r == CD_ROLE_TITLE_TEXT || r == CD_ROLE_TITLE_NO) &&
			             doc_title_key(key);
			return r;
		}
	}
	return CD_ROLE_NONE;
}

int
cd_st_role_is_body(int role)
{
	switch (role) {
	case CD_ROLE_CAPTION: case CD_ROLE_EQUATION: case CD_ROLE_NOTE:
	case CD_ROLE_BODY: case CD_ROLE_ENUMLEV: case CD_ROLE_CALL:
	case CD_ROLE_TOC: case CD_ROLE_TITLE: case CD_ROLE_SOURCE:
		return 1;
	default:
		return 0;
	}
}
