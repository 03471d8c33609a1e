/*
 * stlang.h — which language and direction a run of a Word document is in
 * (structure stage; used by structure.c for the document language and by
 * blocks.c for span xml:lang / dir).
 */
#ifndef CD_STLANG_H
#define CD_STLANG_H

#include <stddef.h>
#include <libxml/tree.h>

/* The script most letters of a text are written in. */
typedef enum cd_st_script {
	CD_SCRIPT_NONE = 0,  /* no letters: digits, punctuation, spaces */
	CD_SCRIPT_LTR,       /* Latin, Greek, Cyrillic ... */
	CD_SCRIPT_RTL,       /* Arabic, Hebrew */
	CD_SCRIPT_CJK        /* Han, kana, Hangul */
} cd_st_script;

/* Classifies UTF-8 text s; *letters (may be NULL) receives the number of
 * letters of the winning script, guess (>= 3 bytes, may be NULL) the
 * language the script implies ("ar", "he", "zh", "ja", "ko"; "" for LTR). */
cd_st_script cd_st_lang_script(const char *s, size_t *letters, char *guess);

/* The language Word applies to text in a run with run properties rpr
 * (w:rPr, may be NULL) and val (the w:lang/@w:val in force, "" if none):
 * RTL text takes w:bidi, CJK text w:eastAsia (else the script's language),
 * other letters val. Writes the tag to out ("" when the text has no
 * letters or no tag applies) and returns the script. */
cd_st_script cd_st_lang_run(const xmlNode *rpr, const char *val, const char *text,
                            char *out, size_t max);
/* cd_st_lang_run that also counts the letters of the script in *letters
 * (as cd_st_lang_script): one pass over the text for both. */
cd_st_script cd_st_lang_run_n(const xmlNode *rpr, const char *val, const char *text,
                              char *out, size_t max, size_t *letters);

/* Copies the primary subtag of lang, lower-cased, to out ("en-GB" -> "en"). */
void cd_st_lang_primary(const char *lang, char *out, size_t max);

/* 1 when the primary language is written right to left (ar he fa ur ps yi). */
int cd_st_lang_is_rtl(const char *lang);

#endif
