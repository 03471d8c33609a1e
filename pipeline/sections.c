/*
 * sections.c — nests sections and annexes by level, nests list items by
 * level, and gives every section/annex a stable unique id.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "structure.h"

#define DEPTH_MAX 12

typedef struct frame {
	xmlNodePtr node;
	int level;
} frame;

typedef struct lframe {
	xmlNodePtr list, item;
	int level, ordered;
} lframe;

struct cd_st_tree {
	cd_st_ctx *c;
	frame sec[DEPTH_MAX];
	int nsec;
	lframe lst[DEPTH_MAX];
	int nlst;
	char **ids;
	size_t nids, capids;
	int anon, annexes;
};

/* Caller frees with cd_st_tree_free. */
cd_st_tree *
cd_st_tree_new(cd_st_ctx *c, xmlNodePtr root)
{
	cd_st_tree *t = calloc(1, sizeof *t);

	if (t == NULL)
		return NULL;
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
	for (size_t k = 0; k < t->nids; k++)
		free(t->ids[k]);
	free(t->ids);
	free(t);
}

static int
id_used(const cd_st_tree *t, const char *id)
{
	for (size_t k = 0; k < t->nids; k++)
		if (strcmp(t->ids[k], id) == 0)
			return 1;
	return 0;
}

/* Sets a unique id (base, base-2, base-3...) on e and remembers it. */
static void
set_id(cd_st_tree *t, xmlNodePtr e, const char *base)
{
	char id[160];
	int n = 2;

	snprintf(id, sizeof id, "%s", base);
	while (id_used(t, id))
		snprintf(id, sizeof id, "%s-%d", base, n++);
	if (t->nids == t->capids) {
		size_t cap = t->capids ? t->capids * 2 : 32;
		char **v = realloc(t->ids, cap * sizeof *v);

		if (v == NULL)
			return;
		t->ids = v;
		t->capids = cap;
	}
	if ((t->ids[t->nids] = strdup(id)) != NULL)
		t->nids++;
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
	if (t->nlst == 1 && t->lst[0].level == level && t->lst[0].ordered != ordered)
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
	}
	f = &t->lst[t->nlst - 1];
	item = xmlAddChild(f->list, cd_st_elem(t->c, "item"));
	if (label != NULL && *label)
		xmlSetProp(item, BAD_CAST "label", BAD_CAST label);
	xmlAddChild(item, p);
	f->item = item;
}
