/*
 * imginfo.c — what a picture's bytes are (by their signature, never by
 * the part name) and, for raster formats, the pixel size its header
 * claims, so a picture claiming an absurd size (an image bomb for
 * whoever decodes it) can be refused before it is written.
 */
#include <string.h>

#include "media.h"

static unsigned long
be32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 |
	       (unsigned long)p[2] << 8 | p[3];
}

static unsigned long
le32(const unsigned char *p)
{
	return (unsigned long)p[3] << 24 | (unsigned long)p[2] << 16 |
	       (unsigned long)p[1] << 8 | p[0];
}

/* The frame size of a JPEG: the first SOFn marker's height and width. */
static void
jpeg_size(const unsigned char *d, size_t len, cd_imginfo *in)
{
	size_t i = 2;

	while (i + 9 < len) {
		unsigned m;
		size_t seg;

		if (d[i] != 0xFF) {
			i++;
			continue;
		}
		m = d[i + 1];
		if (m == 0xFF || m == 0x01 || (m >= 0xD0 && m <= 0xD9)) {
			i += m == 0xFF ? 1 : 2;
			continue;
		}
		seg = (size_t)d[i + 2] << 8 | d[i + 3];
		if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
			in->height = (unsigned long)d[i + 5] << 8 | d[i + 6];
			in->width = (unsigned long)d[i + 7] << 8 | d[i + 8];
			return;
		}
		if (seg < 2)
			return;
		i += 2 + seg;
	}
}

static int
has(const unsigned char *d, size_t len, size_t off, const char *magic, size_t n)
{
	return len >= off + n && memcmp(d + off, magic, n) == 0;
}

static void
set(cd_imginfo *in, const char *ext, const char *type)
{
	in->ext = ext;
	in->type = type;
}

void
cd_imginfo_sniff(const unsigned char *d, size_t len, cd_imginfo *in)
{
	memset(in, 0, sizeof *in);
	if (has(d, len, 0, "\x89PNG\r\n\x1a\n", 8)) {
		set(in, "png", "image/png");
		if (len >= 24) {
			in->width = be32(d + 16);
			in->height = be32(d + 20);
		}
	} else if (has(d, len, 0, "\xFF\xD8\xFF", 3)) {
		set(in, "jpeg", "image/jpeg");
		jpeg_size(d, len, in);
	} else if (has(d, len, 0, "GIF87a", 6) || has(d, len, 0, "GIF89a", 6)) {
		set(in, "gif", "image/gif");
		if (len >= 10) {
			in->width = (unsigned long)d[7] << 8 | d[6];
			in->height = (unsigned long)d[9] << 8 | d[8];
		}
	} else if (has(d, len, 0, "BM", 2) && len >= 26) {
		set(in, "bmp", "image/bmp");
		in->width = le32(d + 18);
		in->height = le32(d + 22) > 0x7fffffffUL ? 0x100000000UL - le32(d + 22) : le32(d + 22);
	} else if (has(d, len, 0, "II*\0", 4) || has(d, len, 0, "MM\0*", 4)) {
		set(in, "tiff", "image/tiff");
	} else if (has(d, len, 0, "RIFF", 4) && has(d, len, 8, "WEBP", 4)) {
		set(in, "webp", "image/webp");
	} else if (has(d, len, 0, "\x01\0\0\0", 4) && has(d, len, 40, " EMF", 4)) {
		set(in, "emf", "image/emf");
	} else if (has(d, len, 0, "\xD7\xCD\xC6\x9A", 4) ||
	           ((has(d, len, 0, "\x01\0\x09\0", 4) || has(d, len, 0, "\x02\0\x09\0", 4)) &&
	            len >= 18)) {
		set(in, "wmf", "image/wmf");
	}
}
