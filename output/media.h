/*
 * media.h — what output/media.c shares with its helpers (not installed).
 */
#ifndef CD_MEDIA_H
#define CD_MEDIA_H

#include <stddef.h>

/* output/metafile.c: converts an EMF (emf = 1) or WMF (emf = 0) picture to
 * SVG in a child process. 0 and a malloc'd *svg of *svglen bytes (caller
 * frees with free()), or -1 when the conversion failed. */
int cd_metafile_to_svg(int emf, const unsigned char *in, size_t len, char **svg,
                       size_t *svglen);

/* output/imginfo.c: what a picture's bytes are. */
typedef struct cd_imginfo {
	const char *ext;     /* "png", "jpeg", "gif", "bmp", "tiff", "emf", "wmf",
	                        "webp"; NULL: not a picture we know (SVG from a
	                        package is not copied: it may hold scripts) */
	const char *type;    /* its media type ("image/png") */
	unsigned long width, height;  /* pixels (0: unknown) */
} cd_imginfo;

void cd_imginfo_sniff(const unsigned char *d, size_t len, cd_imginfo *info);

#endif
