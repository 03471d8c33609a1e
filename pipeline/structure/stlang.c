/*
 * stlang.c — the language and script of a run (see stlang.h).
 *
 * Word tags every run with up to three languages (w:lang val / eastAsia /
 * bidi) and applies the one matching the script of each character; a
 * stale w:val on Arabic text must not make it French. We classify a run by
 * the script of most of its letters and pick the matching attribute.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "cd_internal.h"
#include "stlang.h"

/* Decodes one UTF-8 sequence at s (NUL-terminated); *n receives its
 * length (>= 1); U+FFFD for a malformed byte. */
static unsigned
utf8_next(const unsigned char *s, size_t *n)
{
	uint32_t c = cd_utf8_decode(s, 4, n);

	return c == CD_UTF8_BAD ? 0xFFFD : c;
}

enum { K_NONE, K_LTR, K_AR, K_HE, K_HAN, K_KANA, K_HANGUL };

static int
kind_of(unsigned c)
{
	if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
		return K_LTR;
	if (c < 0xC0 || c == 0xD7 || c == 0xF7)
		return K_NONE;
	if (c <= 0x24F || (c >= 0x370 && c <= 0x52F) || (c >= 0x1E00 && c <= 0x1FFF))
		return K_LTR;
	if ((c >= 0x591 && c <= 0x5F4) || (c >= 0xFB1D && c <= 0xFB4F))
		return K_HE;
	if ((c >= 0x660 && c <= 0x669) || (c >= 0x6F0 && c <= 0x6F9))
		return K_NONE;   /* Arabic-Indic digits */
	if ((c >= 0x620 && c <= 0x6FF) || (c >= 0x750 && c <= 0x77F) ||
	    (c >= 0x8A0 && c <= 0x8FF) || (c >= 0xFB50 && c <= 0xFDFF) ||
	    (c >= 0xFE70 && c <= 0xFEFC))
		return K_AR;
	if ((c >= 0x3040 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF))
		return K_KANA;
	if ((c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F) ||
	    (c >= 0xAC00 && c <= 0xD7AF))
		return K_HANGUL;
	if ((c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
	    (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF))
		return K_HAN;
	return K_NONE;
}

/* s copied into out (max bytes, cut, NUL-terminated): snprintf's format
 * parsing cost more than the rest of this file on short runs. */
static void
put(char *out, size_t max, const char *s)
{
	size_t n = strlen(s);

	if (max == 0)
		return;
	if (n >= max)
		n = max - 1;
	memcpy(out, s, n);
	out[n] = '\0';
}

cd_st_script
cd_st_lang_script(const char *s, size_t *letters, char *guess)
{
	size_t cnt[7] = { 0 }, n, ltr, rtl, cjk;
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	cd_st_script r = CD_SCRIPT_NONE;
	const char *g = "";

	for (; *p; p += n) {
		if (*p < 0x80) {   /* ASCII, most of most runs: a letter or none */
			n = 1;
			cnt[(*p | 0x20) >= 'a' && (*p | 0x20) <= 'z' ? K_LTR : K_NONE]++;
			continue;
		}
		cnt[kind_of(utf8_next(p, &n))]++;
	}
	ltr = cnt[K_LTR];
	rtl = cnt[K_AR] + cnt[K_HE];
	cjk = cnt[K_HAN] + cnt[K_KANA] + cnt[K_HANGUL];
	if (rtl > 0 && rtl >= ltr && rtl >= cjk) {
		r = CD_SCRIPT_RTL;
		g = cnt[K_HE] > cnt[K_AR] ? "he" : "ar";
	} else if (cjk > 0 && cjk >= ltr) {
		r = CD_SCRIPT_CJK;
		g = cnt[K_HANGUL] > 0 ? "ko" : cnt[K_KANA] > 0 ? "ja" : "zh";
	} else if (ltr > 0) {
		r = CD_SCRIPT_LTR;
	}
	if (letters != NULL)
		*letters = r == CD_SCRIPT_RTL ? rtl : r == CD_SCRIPT_CJK ? cjk : ltr;
	if (guess != NULL)
		put(guess, 3, g);
	return r;
}

cd_st_script
cd_st_lang_run(const xmlNode *rpr, const char *val, const char *text, char *out, size_t max)
{
	return cd_st_lang_run_n(rpr, val, text, out, max, NULL);
}

cd_st_script
cd_st_lang_run_n(const xmlNode *rpr, const char *val, const char *text, char *out, size_t max,
                 size_t *letters)
{
	char guess[4];
	cd_st_script sc = cd_st_lang_script(text, letters, guess);
	xmlNodePtr l = rpr ? cd_w_child(rpr, "lang") : NULL;
	xmlChar *a = NULL;

	out[0] = '\0';
	if (sc == CD_SCRIPT_RTL || sc == CD_SCRIPT_CJK) {
		a = l ? cd_w_attr(l, sc == CD_SCRIPT_RTL ? "bidi" : "eastAsia") : NULL;
		put(out, max, a && a[0] ? (const char *)a : guess);
		xmlFree(a);
	} else if (sc == CD_SCRIPT_LTR && val != NULL) {
		put(out, max, val);
	}
	return sc;
}

void
cd_st_lang_primary(const char *lang, char *out, size_t max)
{
	size_t k = 0;

	while (lang && lang[k] && lang[k] != '-' && lang[k] != '_' && k + 1 < max) {
		out[k] = (char)tolower((unsigned char)lang[k]);
		k++;
	}
	if (max > 0)
		out[k] = '\0';
}

int
cd_st_lang_is_rtl(const char *lang)
{
	static const char *const rtl[] = { "ar", "he", "fa", "ur", "ps", "yi" };
	char p[8];

	cd_st_lang_primary(lang, p, sizeof p);
	for (size_t k = 0; k < sizeof rtl / sizeof rtl[0]; k++)
		if (strcmp(p, rtl[k]) == 0)
			return 1;
	return 0;
}
