/*
 * utf8.c — the library's one UTF-8 decoder and encoder.
 */
#include "cd_internal.h"

uint32_t
cd_utf8_decode(const unsigned char *s, size_t n, size_t *len)
{
	size_t l;
	uint32_t c;

	if (n == 0) {
		*len = 0;
		return CD_UTF8_BAD;
	}
	*len = 1;
	if (s[0] < 0x80)
		return s[0];
	l = s[0] >= 0xC2 && s[0] <= 0xDF ? 2 : s[0] >= 0xE0 && s[0] <= 0xEF ? 3 :
	    s[0] >= 0xF0 && s[0] <= 0xF4 ? 4 : 0;
	if (l == 0 || l > n)
		return CD_UTF8_BAD;
	c = s[0] & (0x7Fu >> l);
	for (size_t k = 1; k < l; k++) {
		if ((s[k] & 0xC0) != 0x80)
			return CD_UTF8_BAD;
		c = (c << 6) | (s[k] & 0x3Fu);
	}
	/* overlong forms, surrogates and beyond U+10FFFF are not UTF-8 */
	if ((l == 3 && (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))) ||
	    (l == 4 && (c < 0x10000 || c > 0x10FFFF)))
		return CD_UTF8_BAD;
	*len = l;
	return c;
}

size_t
cd_utf8_encode(uint32_t c, char out[5])
{
	size_t n = 0;

	if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
		out[0] = '\0';
		return 0;
	}
	if (c < 0x80) {
		out[n++] = (char)c;
	} else if (c < 0x800) {
		out[n++] = (char)(0xC0 | (c >> 6));
		out[n++] = (char)(0x80 | (c & 0x3F));
	} else if (c < 0x10000) {
		out[n++] = (char)(0xE0 | (c >> 12));
		out[n++] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[n++] = (char)(0x80 | (c & 0x3F));
	} else {
		out[n++] = (char)(0xF0 | (c >> 18));
		out[n++] = (char)(0x80 | ((c >> 12) & 0x3F));
		out[n++] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[n++] = (char)(0x80 | (c & 0x3F));
	}
	out[n] = '\0';
	return n;
}
