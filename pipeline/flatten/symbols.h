/*
 * symbols.h — symbol fonts to Unicode, and the guard against characters
 * no output may hold (pipeline/symbols.c). Not installed.
 */
#ifndef CD_SYMBOLS_H
#define CD_SYMBOLS_H

#include <stddef.h>
#include <stdint.h>
#include <libxml/tree.h>

enum {
	CD_SYM_NONE = 0, CD_SYM_SYMBOL, CD_SYM_WINGDINGS, CD_SYM_WINGDINGS2,
	CD_SYM_WINGDINGS3, CD_SYM_WEBDINGS, CD_SYM_ZAPF, CD_SYM_MTEXTRA
};

/* The symbol font a font name stands for ("Wingdings 3", "ZapfDingbats",
 * "MT Extra", "Symbol"), CD_SYM_NONE for any other font or NULL. */
int cd_sym_font(const char *font);
/* The Unicode character of code (8-bit, or U+F000-U+F0FF) in font (a
 * CD_SYM_* value); in CD_SYM_NONE, code itself when cd_sym_char_ok
 * accepts it. 0 when there is none: the character is dropped. */
uint32_t cd_sym_map(int font, unsigned code);
/* 1 when c may reach an output: an XML character that is not a control
 * (other than tab, LF, CR), a surrogate, a noncharacter or private use. */
int cd_sym_char_ok(uint32_t c);
/* u as UTF-8 in buf (5 bytes, NUL-terminated); "" (returns 0) when u is 0
 * or a character cd_sym_char_ok refuses. Returns the length. */
size_t cd_sym_utf8(uint32_t u, char *buf);
/* Removes every character cd_sym_char_ok refuses (and malformed UTF-8)
 * from the text and attribute values under root, root included; returns
 * how many it removed. */
size_t cd_sym_sanitize(xmlNodePtr root);

#endif
