/*
 * bodylang.c — the language of a document body: the language most of its
 * letters are in, counted run by run as Word applies languages to them
 * (stlang.h: Arabic text takes w:bidi, CJK w:eastAsia).
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "structure.h"
#include "stlang.h"


typedef struct lang_count {
	char tag[8][8];
	size_t n[8];      /* letters tagged with tag[i] */
	size_t ex[8];     /* of which explicitly (run or character style) */
	int used;
} lang_count;

static void
lc_add(lang_count *lc, const char *tag, size_t len, int explicit_tag)
{
	int i;

	for (i = 0; i < lc->used && strcmp(lc->tag[i], tag) != 0; i++)
		;
	if (i == lc->used && lc->used < 8)
		snprintf(lc->tag[lc->used++], sizeof lc->tag[0], "%s", tag);
	if (i < lc->used) {
		lc->n[i] += len;
		lc->ex[i] += explicit_tag ? len : 0;
	}
}

/* 1 when t is a w:t holding text. */
static int
is_text(const xmlNode *t)
{
	return cd_w_is(t, "t") && t->children != NULL && t->children->content != NULL;
}

/* The text of run r's w:t: the content of the one w:t as it is (clean
 * joined a run's w:t into one), else their text gathered in b. */
static const char *
run_text(const xmlNode *r, cd_buf *b)
{
	const xmlNode *first = NULL;
	int more = 0;

	for (const xmlNode *t = r->children; t != NULL && !more; t = t->next)
		if (is_text(t)) {
			more = first != NULL;
			first = first != NULL ? first : t;
		}
	if (!more)
		return first != NULL ? (const char *)first->children->content : "";
	for (const xmlNode *t = r->children; t != NULL; t = t->next)
		if (is_text(t))
			cd_buf_adds(b, (const char *)t->children->content);
	return b->len > 0 ? b->data : "";
}

/* Counts the letters of every run under n by the language Word applies to
 * them (stlang.h: Arabic text takes w:bidi, CJK w:eastAsia). */
static void
count_runs(const cd_st_styles *s, const xmlNode *n, const char *dflt, lang_count *lc)
{
	for (const xmlNode *k = n->children; k; k = k->next) {
		cd_st_rfmt f;
		cd_buf text;
		char lang[16], tag[8];
		size_t len = 0;
		cd_st_script sc;

		/* a parsed body lies in memory mostly in document order: fetch
		 * the next kilobytes now (as cd_xml_next_in) */
		__builtin_prefetch((const void *)((uintptr_t)k + 512));
		__builtin_prefetch((const void *)((uintptr_t)k + 1024));
		if (k->type != XML_ELEMENT_NODE)
			continue;
		if (!cd_w_is(k, "r")) {
			count_runs(s, k, dflt, lc);
			continue;
		}
		cd_st_run_fmt(s, cd_w_child(k, "rPr"), &f);
		cd_buf_init(&text);
		sc = cd_st_lang_run_n(cd_w_child(k, "rPr"), f.lang, run_text(k, &text), lang,
		                      sizeof lang, &len);
		cd_buf_free(&text);
		if (sc == CD_SCRIPT_NONE)
			continue;
		cd_st_lang_primary(lang[0] ? lang : dflt, tag, sizeof tag);
		lc_add(lc, tag, len, lang[0] != '\0');
	}
}

/* The language most of the body's letters are in. Untagged text takes the
 * document default, unless the explicitly tagged text is a quarter or more
 * of all and mostly in another language: then the default is a stale one
 * (an English report written from a French template). */
void
cd_st_body_lang(const cd_st_styles *s, const xmlNode *body, char *out, size_t max)
{
	lang_count lc;
	const char *d = cd_st_styles_lang(s);
	char dflt[8];
	size_t all = 0, ex = 0;
	int best = -1, bex = -1;

	memset(&lc, 0, sizeof lc);
	cd_st_lang_primary(d ? d : "en", dflt, sizeof dflt);
	if (body != NULL)
		count_runs(s, body, dflt, &lc);
	for (int i = 0; i < lc.used; i++) {
		all += lc.n[i];
		ex += lc.ex[i];
		if (lc.tag[i][0] && (best < 0 || lc.n[i] > lc.n[best]))
			best = i;
		if (lc.tag[i][0] && lc.ex[i] > 0 && (bex < 0 || lc.ex[i] > lc.ex[bex]))
			bex = i;
	}
	if (best >= 0 && bex >= 0 && strcmp(lc.tag[best], dflt) == 0 && bex != best &&
	    ex * 4 >= all && lc.ex[bex] * 2 > ex && !cd_st_lang_is_rtl(lc.tag[best]))
		best = bex;
	snprintf(out, max, "%s", best >= 0 ? lc.tag[best] : "en");
}
