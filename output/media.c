/*
 * media.c — cd_media_collect: the pictures of a converted document, read
 * again from the package, named safely, metafiles converted to SVG, and
 * the figures pointed at them (councildoc.h). Writes nothing: the caller
 * writes the files (atomically, with the other outputs).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cd_internal.h"
#include "media.h"

#define CD_MEDIA_MAX_PICTURES 1000
#define CD_MEDIA_MAX_PIXELS   ((unsigned long long)1 << 28)  /* 268 Mpx */
#define CD_MEDIA_MAX_SIDE     100000UL
#define CD_MEDIA_MAX_CONVERT  ((size_t)32 << 20)  /* metafile bytes converted */
#define CD_MEDIA_NAME_MAX     60

typedef struct entry {
	char *part;          /* the part name */
	char sha[65];
	int file;            /* index of the file referenced, -1: none */
	int metafile;        /* an EMF/WMF waiting for its SVG (convert_all) */
	int same;            /* the entry holding the same bytes, or -1 */
	const char *type;
	unsigned long width, height;
} entry;

typedef struct collector {
	cd_media *m;
	const unsigned char *data;
	size_t len;
	const cd_options *o;
	cd_zip *zip;
	int zip_failed, too_many;
	entry *v;
	size_t n;
	int nomem;
} collector;

/* 1 if a file called name (case-insensitively) is already there. */
static int
name_taken(const cd_media *m, const char *name)
{
	for (size_t i = 0; i < m->nfiles; i++)
		if (strcasecmp(m->files[i].name, name) == 0)
			return 1;
	return 0;
}

/* The stem of a safe file name for part: its base name without the
 * extension, every byte outside [A-Za-z0-9_-] as '_', at most
 * CD_MEDIA_NAME_MAX bytes, "image" when nothing is left. */
static void
safe_stem(const char *part, char *out, size_t max)
{
	const char *base = strrchr(part, '/'), *dot;
	size_t n = 0;

	base = base ? base + 1 : part;
	dot = strrchr(base, '.');
	for (const char *p = base; *p && (dot == NULL || p < dot) && n + 1 < max; p++) {
		unsigned char ch = (unsigned char)*p;

		out[n++] = ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		            (ch >= '0' && ch <= '9') || ch == '-' || ch == '_') ? (char)ch : '_';
	}
	out[n] = '\0';
	if (n == 0)
		snprintf(out, max, "image");
}

/* Adds a file (taking data) named stem.ext, or stem-N.ext when taken.
 * Returns its index, or -1 (data freed). */
static int
add_file(collector *k, const char *stem, const char *ext, unsigned char *data, size_t len)
{
	cd_media_file *v;
	char *name = NULL;

	/* stem.ext, stem-2.ext, then stem-N.ext from N = files + 1 on, so a
	 * package of a thousand parts all called image.png costs n², not n³ */
	for (size_t i = 1; name == NULL || name_taken(k->m, name); i = i == 2 ? k->m->nfiles + 1 : i + 1) {
		free(name);
		if ((i == 1 ? asprintf(&name, "%s.%s", stem, ext)
		            : asprintf(&name, "%s-%zu.%s", stem, i, ext)) < 0) {
			name = NULL;
			break;
		}
	}
	v = name ? realloc(k->m->files, (k->m->nfiles + 1) * sizeof *v) : NULL;
	if (v == NULL) {
		free(name);
		free(data);
		k->nomem = 1;
		return -1;
	}
	k->m->files = v;
	v[k->m->nfiles].name = name;
	v[k->m->nfiles].data = data;
	v[k->m->nfiles].len = len;
	return (int)k->m->nfiles++;
}

/* Converts the metafiles filed (entries marked metafile) to SVG, all in
 * one batch; each entry then refers to its SVG, or keeps its original
 * (warned). */
static void
convert_all(collector *k)
{
	cd_mf_job *jobs = calloc(k->n + 1, sizeof *jobs);
	size_t nj = 0;

	if (jobs == NULL) {
		k->nomem = 1;
		return;
	}
	for (size_t i = 0; i < k->n; i++) {
		entry *e = &k->v[i];

		if (!e->metafile || k->m->files[e->file].len > CD_MEDIA_MAX_CONVERT)
			continue;
		jobs[nj].emf = strcmp(e->type, "image/emf") == 0;
		jobs[nj].in = k->m->files[e->file].data;
		jobs[nj++].len = k->m->files[e->file].len;
	}
	cd_metafile_batch(jobs, nj);
	nj = 0;
	for (size_t i = 0; i < k->n; i++) {
		entry *e = &k->v[i];
		char stem[CD_MEDIA_NAME_MAX + 1];
		int svg = -1;

		if (!e->metafile)
			continue;
		if (k->m->files[e->file].len <= CD_MEDIA_MAX_CONVERT && jobs[nj++].svg != NULL) {
			safe_stem(e->part, stem, sizeof stem);
			svg = add_file(k, stem, "svg", (unsigned char *)jobs[nj - 1].svg, jobs[nj - 1].svglen);
			jobs[nj - 1].svg = NULL;
		}
		if (svg >= 0) {
			e->file = svg;
			e->type = "image/svg+xml";
		} else {
			cd_msg(k->o, CD_MSG_MEDIA_CONVERT, e->part, 0, "%s",
			       strcmp(e->type, "image/emf") == 0 ? "EMF" : "WMF");
		}
		e->metafile = 0;
	}
	for (size_t i = 0; i < nj; i++)
		free(jobs[i].svg);
	free(jobs);
}

/* Reads part; 0 and the bytes in b, or -1 (warned). */
static int
read_part(collector *k, const char *part, cd_buf *b)
{
	cd_error err;
	int st;

	cd_error_clear(&err);
	if (k->zip == NULL && !k->zip_failed && (k->len < 2 || memcmp(k->data, "PK", 2) != 0)) {
		k->zip_failed = 1;   /* QUIRK: Flat OPC pkg:binaryData is not read */
		cd_msg(k->o, CD_MSG_MEDIA_UNREADABLE, NULL, 0, "pictures are read from zip packages only, not Flat OPC");
	}
	if (k->zip == NULL && !k->zip_failed &&
	    (k->zip = cd_zip_open(k->data, k->len, k->o, &err)) == NULL) {
		k->zip_failed = 1;
		cd_msg(k->o, CD_MSG_MEDIA_UNREADABLE, NULL, 0, "%s", err.msg);
	}
	if (k->zip == NULL)
		return -1;
	st = cd_zip_read(k->zip, part, b, &err);
	if (st == 0)
		cd_msg(k->o, CD_MSG_MEDIA_MISSING, part, 0, NULL);
	else if (st < 0)
		cd_msg(k->o, CD_MSG_MEDIA_MISSING, part, 0, "%s", err.msg);
	return st > 0 ? 0 : -1;
}

/* Checks and files the bytes of part into entry e. */
static void
file_part(collector *k, entry *e, cd_buf *b)
{
	cd_imginfo in;
	char stem[CD_MEDIA_NAME_MAX + 1];
	size_t len;
	int f;

	cd_imginfo_sniff((const unsigned char *)b->data, b->len, &in);
	if (in.ext == NULL) {
		cd_msg(k->o, CD_MSG_MEDIA_FORMAT, e->part, 0, NULL);
		return;
	}
	if (in.width > CD_MEDIA_MAX_SIDE || in.height > CD_MEDIA_MAX_SIDE ||
	    (unsigned long long)in.width * in.height > CD_MEDIA_MAX_PIXELS) {
		cd_msg(k->o, CD_MSG_MEDIA_BOMB, e->part, 0, "%lux%lu pixels", in.width, in.height);
		return;
	}
	cd_sha256_hex(b->data, b->len, e->sha);
	for (size_t i = 0; i + 1 < k->n; i++)
		if (k->v[i].file >= 0 && strcmp(k->v[i].sha, e->sha) == 0) {
			e->same = (int)i;   /* the same picture under another name */
			return;
		}
	safe_stem(e->part, stem, sizeof stem);
	len = b->len;
	f = add_file(k, stem, in.ext, (unsigned char *)cd_buf_take(b, NULL), len);
	if (f < 0)
		return;
	e->type = in.type;
	e->width = in.width;
	e->height = in.height;
	e->metafile = strcmp(in.ext, "emf") == 0 || strcmp(in.ext, "wmf") == 0;
	e->file = f;
}

/* The entry of part (read, checked and filed the first time), or NULL. */
static entry *
part_entry(collector *k, const char *part)
{
	entry *v, *e;
	cd_buf b;

	for (size_t i = 0; i < k->n; i++)
		if (k->v[i].part != NULL && strcasecmp(k->v[i].part, part) == 0)
			return &k->v[i];
	if (k->n >= CD_MEDIA_MAX_PICTURES) {
		if (!k->too_many++)
			cd_msg(k->o, CD_MSG_MEDIA_TOO_MANY, NULL, 0, "more than %d",
			       CD_MEDIA_MAX_PICTURES);
		return NULL;
	}
	if ((v = realloc(k->v, (k->n + 1) * sizeof *v)) == NULL) {
		k->nomem = 1;
		return NULL;
	}
	k->v = v;
	e = &v[k->n++];
	memset(e, 0, sizeof *e);
	e->file = -1;
	e->same = -1;
	if ((e->part = strdup(part)) == NULL) {
		k->nomem = 1;
		return e;
	}
	cd_buf_init(&b);
	cd_buf_add(&b, "", 0);
	if (read_part(k, part, &b) == 0)
		file_part(k, e, &b);
	cd_buf_free(&b);
	return e;
}

static void
set_ulong(xmlNodePtr f, const char *name, unsigned long v)
{
	char s[24];

	if (v == 0 || xmlHasProp(f, BAD_CAST name))
		return;
	snprintf(s, sizeof s, "%lu", v);
	xmlSetProp(f, BAD_CAST name, BAD_CAST s);
}

/* Appends path to b as a URI path: bytes other than letters, digits,
 * "-._~/" and the sub-delimiters "!$&'()*+,;=:@" percent-encoded (a
 * space, '%', '#', '?', non-ASCII). */
static void
uri_path(cd_buf *b, const char *path)
{
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr("-._~/!$&'()*+,;=:@", *p) != NULL)
			cd_buf_addc(b, (char)*p);
		else
			cd_buf_printf(b, "%%%02X", *p);
	}
}

/* First pass: reads and files the picture of figure f (warns about a
 * linked one). */
static void
figure_read(collector *k, xmlNodePtr f)
{
	xmlChar *part = xmlGetNsProp(f, BAD_CAST "part", BAD_CAST CD_PKG_NS);
	xmlChar *href = xmlGetNsProp(f, BAD_CAST "href", BAD_CAST CD_PKG_NS);

	if (href != NULL)
		cd_msg(k->o, CD_MSG_MEDIA_LINKED, NULL, 0, "%s", (const char *)href);
	if (part != NULL)
		part_entry(k, (const char *)part);
	xmlFree(part);
	xmlFree(href);
}

/* The entry of part after the first pass (following a duplicate to the
 * entry holding its bytes), or NULL. */
static entry *
filed_entry(collector *k, const char *part)
{
	for (size_t i = 0; i < k->n; i++)
		if (k->v[i].part != NULL && strcasecmp(k->v[i].part, part) == 0)
			return k->v[i].same >= 0 ? &k->v[k->v[i].same] : &k->v[i];
	return NULL;
}

/* An equation picture without alternative text gets the text it draws
 * (eqtext.c) as its alt. */
static void
equation_alt(collector *k, xmlNodePtr f, const entry *e)
{
	xmlChar *kind = xmlGetProp(f, BAD_CAST "kind"), *alt = xmlGetProp(f, BAD_CAST "alt");

	if (kind != NULL && xmlStrcmp(kind, BAD_CAST "equation") == 0 &&
	    (alt == NULL || alt[0] == '\0') && strcmp(e->type, "image/svg+xml") == 0) {
		char *t = cd_eqtext((const char *)k->m->files[e->file].data, k->m->files[e->file].len);

		if (t != NULL)
			xmlSetProp(f, BAD_CAST "alt", BAD_CAST t);
		free(t);
	}
	xmlFree(kind);
	xmlFree(alt);
}

/* Second pass: points figure f at its picture (when prefix is set), then
 * removes the temporary attributes. */
static void
figure(collector *k, xmlNodePtr f, const char *prefix)
{
	xmlAttrPtr pa = xmlHasNsProp(f, BAD_CAST "part", BAD_CAST CD_PKG_NS);
	xmlAttrPtr ha = xmlHasNsProp(f, BAD_CAST "href", BAD_CAST CD_PKG_NS);
	xmlChar *part = pa ? xmlNodeGetContent((xmlNodePtr)pa) : NULL;
	entry *e;

	if (prefix != NULL && part != NULL && (e = filed_entry(k, (const char *)part)) != NULL &&
	    e->file >= 0) {
		cd_buf src;

		cd_buf_init(&src);
		uri_path(&src, prefix);
		cd_buf_adds(&src, k->m->files[e->file].name);   /* safe already */
		if (src.data != NULL && !src.failed)
			xmlSetProp(f, BAD_CAST "src", BAD_CAST src.data);
		cd_buf_free(&src);
		xmlSetProp(f, BAD_CAST "type", BAD_CAST e->type);
		equation_alt(k, f, e);
		if (strcmp(e->type, "image/svg+xml") != 0 && strcmp(e->type, "image/emf") != 0 &&
		    strcmp(e->type, "image/wmf") != 0 && !xmlHasProp(f, BAD_CAST "width")) {
			set_ulong(f, "width", e->width);
			set_ulong(f, "height", e->height);
		}
	}
	xmlFree(part);
	xmlRemoveProp(pa);
	xmlRemoveProp(ha);
}

/* Removes the pkg namespace declaration from the root. */
static void
drop_ns(xmlNodePtr root)
{
	for (xmlNsPtr *pp = &root->nsDef; *pp != NULL; pp = &(*pp)->next) {
		if ((*pp)->href != NULL && xmlStrcmp((*pp)->href, BAD_CAST CD_PKG_NS) == 0) {
			xmlNsPtr ns = *pp;

			*pp = ns->next;
			ns->next = NULL;
			xmlFreeNs(ns);
			return;
		}
	}
}

cd_status
cd_media_collect(xmlDocPtr council, const unsigned char *data, size_t len,
                 const char *prefix, const cd_options *o, cd_media *m, cd_error *err)
{
	xmlNodePtr root = council ? xmlDocGetRootElement(council) : NULL;
	collector k;

	memset(m, 0, sizeof *m);
	memset(&k, 0, sizeof k);
	k.m = m;
	k.data = data;
	k.len = len;
	k.o = o;
	if (data != NULL && prefix != NULL) {
		for (xmlNodePtr n = root; n != NULL; n = cd_xml_next_in(n, root))
			if (cd_xml_is(n, CD_NS, "figure"))
				figure_read(&k, n);
		convert_all(&k);
	}
	for (xmlNodePtr n = root; n != NULL; n = cd_xml_next_in(n, root))
		if (cd_xml_is(n, CD_NS, "figure"))
			figure(&k, n, data != NULL ? prefix : NULL);
	if (root != NULL)
		drop_ns(root);
	cd_zip_close(k.zip);
	for (size_t i = 0; i < k.n; i++)
		free(k.v[i].part);
	free(k.v);
	if (k.nomem) {
		cd_media_free(m);
		cd_error_set(err, CD_ERR_NOMEM, NULL, 0, "out of memory");
		return CD_ERR_NOMEM;
	}
	return CD_OK;
}

void
cd_media_free(cd_media *m)
{
	if (m == NULL)
		return;
	for (size_t i = 0; i < m->nfiles; i++) {
		free(m->files[i].name);
		free(m->files[i].data);
	}
	free(m->files);
	memset(m, 0, sizeof *m);
}
