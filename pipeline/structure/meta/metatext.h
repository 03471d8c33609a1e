/*
 * metatext.h — UTF-8 text helpers shared by pipeline/meta.c,
 * pipeline/metadate.c and pipeline/refs.c (defined in metadate.c).
 * Not installed; prefix cd_meta_.
 */
#ifndef CD_METATEXT_H
#define CD_METATEXT_H

#include <stddef.h>

/* Decodes the code point at s (never past NUL); *len gets its byte length
 * (1 for an invalid byte, which decodes as U+FFFD; 0 at the NUL). */
unsigned cd_meta_u8(const char *s, size_t *len);
/* Case- and accent-folded code point (ASCII, Latin-1, Cyrillic; Arabic
 * alef forms to bare alef; typographic apostrophes to '). */
unsigned cd_meta_fold(unsigned c);
/* 1 if c is part of a word (a letter or digit, any script), 0 for white
 * space and punctuation. */
int cd_meta_wordchar(unsigned c);
/* Byte length of the white-space code point at s (space, tab, no-break
 * spaces, ideographic space...), 0 when s does not start with one. */
size_t cd_meta_space_len(const char *s);
/* When s starts with label (folded comparison; a space in label matches
 * one or more white-space code points of s), the number of bytes of s
 * matched, else 0. The match must end at a word boundary. */
size_t cd_meta_prefix(const char *s, const char *label);
/* A copy of s with white-space runs collapsed to one ASCII space and
 * trimmed at both ends, or NULL on allocation failure. Caller frees with
 * free(). */
char *cd_meta_squeeze(const char *s);
/* Parses a date like cd_meta_parse_date; lang (>= 3 bytes, may be NULL)
 * receives the language a month name implies ("" when none or ambiguous). */
int cd_meta_parse_date_lang(const char *s, char iso[11], char *lang);
/* 1 if s is a date or date range ("11-21 July 2023", "11–21 de julio de
 * 2023", "2023年7月11日至21日"): numbers, month names and connectives only,
 * with a month and a four-digit year. */
int cd_meta_is_dates(const char *s);

#endif
