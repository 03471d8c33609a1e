/*
 * media.h — what output/media.c shares with its helpers (not installed).
 */
#ifndef CD_MEDIA_H
#define CD_MEDIA_H

#include <stddef.h>

/* output/metafile.c: a metafile to convert, and its SVG. */
typedef struct cd_mf_job {
	int emf;                       /* 1 EMF, 0 WMF */
	const unsigned char *in;
	size_t len;
	char *svg;                     /* out: malloc'd (caller frees), NULL: failed */
	size_t svglen;
} cd_mf_job;

/* Converts the n metafiles to SVG in child processes (each failure costs
 * its own picture only). */
void cd_metafile_batch(cd_mf_job *jobs, size_t n);

/* output/eqtext.c: the text an equation picture draws, on one line
 * ("PCR(i) = PCR_base(i) × 300"), read from its SVG; malloc'd (caller
 * frees), or NULL when it draws none or draws more than a line. */
char *cd_eqtext(const char *svg, size_t len);

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
