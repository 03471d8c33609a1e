/*
 * docx.c — OPC part names (cd_opc_resolve) and the DOCX reader: parts come
 * out of the zip through libzip, in memory and bounded (per-part size,
 * total size, compression ratio); opc.c does the rest. The same bounded
 * reader serves the pictures (cd_zip_*, for output/media.c). Format
 * detection and Flat OPC: detect.c. Entry names are only ever compared,
 * never used as paths.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <zip.h>
#include <libxml/tree.h>

#include "opc.h"

#define RATIO_FLOOR ((zip_uint64_t)1 << 20) /* ratio checked above 1 MiB */
#define READ_HINT   ((size_t)16 << 20)

/* ---- part names ---- */

int
cd_opc_name_eq(const char *a, const char *b)
{
	return strcasecmp(a, b) == 0;
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Appends target to out (percent-decoded, '\\' as '/'), stopping at '#'. */
static size_t
decode_into(char *out, size_t n, const char *t)
{
	for (; *t != '\0' && *t != '#'; t++) {
		if (*t == '%' && hexval(t[1]) >= 0 && hexval(t[2]) >= 0) {
			out[n++] = (char)(hexval(t[1]) * 16 + hexval(t[2]));
			t += 2;
		} else {
			out[n++] = *t == '\\' ? '/' : *t;
		}
	}
	out[n] = '\0';
	return n;
}

/* Resolves "." and ".." segments of path into out; -1 if it escapes. */
static int
normalize_segments(const char *path, char *out)
{
	size_t n = 0;
	const char *p = path;

	while (*p != '\0') {
		const char *e = strchr(p, '/');
		size_t len = e ? (size_t)(e - p) : strlen(p);

		if (len == 2 && p[0] == '.' && p[1] == '.') {
			if (n == 0)
				return -1;
			while (n > 0 && out[n - 1] != '/')
				n--;
			if (n > 0)
				n--; /* the separator before the popped segment */
		} else if (len > 0 && !(len == 1 && p[0] == '.')) {
			if (n > 0)
				out[n++] = '/';
			memcpy(out + n, p, len);
			n += len;
		}
		p += len;
		if (*p == '/')
			p++;
	}
	out[n] = '\0';
	return 0;
}

char *
cd_opc_resolve(const char *base, const char *target)
{
	size_t blen = base ? strlen(base) : 0, n = 0;
	char *tmp, *out;

	if (target == NULL || *target == '\0')
		return NULL;
	tmp = malloc(blen + strlen(target) + 2);
	out = malloc(blen + strlen(target) + 2);
	if (tmp == NULL || out == NULL) {
		free(tmp);
		free(out);
		return NULL;
	}
	if (target[0] != '/' && target[0] != '\\' && base != NULL) {
		const char *slash = strrchr(base, '/');

		if (slash != NULL) {
			n = (size_t)(slash - base) + 1;
			memcpy(tmp, base, n);
		}
	}
	decode_into(tmp, n, target);
	if (normalize_segments(tmp, out) < 0 || out[0] == '\0') {
		free(out);
		out = NULL;
	}
	free(tmp);
	return out;
}

char *
cd_opc_rels_name(const char *name)
{
	const char *slash = strrchr(name, '/');
	size_t dir = slash ? (size_t)(slash - name) + 1 : 0;
	size_t len = strlen(name);
	char *r = malloc(len + sizeof "_rels/" + sizeof ".rels");

	if (r == NULL)
		return NULL;
	memcpy(r, name, dir);
	memcpy(r + dir, "_rels/", 6);
	memcpy(r + dir + 6, name + dir, len - dir);
	memcpy(r + 6 + len, ".rels", 6);
	return r;
}

/* ---- zip parts ---- */

typedef struct zipsrc {
	zip_t *za;
	const cd_options *o;
	char **names;        /* normalised entry names (NULL: unusable) */
	char ***sorted;      /* the usable names[] slots, by name then position */
	zip_int64_t n, nsorted;
	size_t total;        /* decompressed bytes read so far */
} zipsrc;

/* Entry name as a part name: '\\' → '/', leading '/' stripped (QUIRK). */
static char *
entry_name(const char *raw)
{
	char *s;

	while (*raw == '/' || *raw == '\\')
		raw++;
	s = strdup(raw);
	for (char *p = s; p != NULL && *p != '\0'; p++)
		if (*p == '\\')
			*p = '/';
	return s;
}

/* qsort order of zipsrc.sorted: name case-insensitively, then entry
 * order (so the first of duplicate entries comes first). */
static int
slot_cmp(const void *a, const void *b)
{
	char *const *x = *(char *const *const *)a, *const *y = *(char *const *const *)b;
	int c = strcasecmp(*x, *y);

	return c != 0 ? c : (x > y) - (x < y);
}

static int
zipsrc_index(zipsrc *z)
{
	z->n = zip_get_num_entries(z->za, 0);
	if (z->n < 0)
		z->n = 0;
	z->names = calloc((size_t)z->n + 1, sizeof *z->names);
	if (z->names == NULL)
		return -1;
	for (zip_int64_t i = 0; i < z->n; i++) {
		const char *raw = zip_get_name(z->za, (zip_uint64_t)i, ZIP_FL_ENC_GUESS);

		if (raw != NULL && (z->names[i] = entry_name(raw)) == NULL)
			return -1;
	}
	/* a sorted index: a hostile zip may hold very many entries */
	z->sorted = calloc((size_t)z->n + 1, sizeof *z->sorted);
	if (z->sorted == NULL)
		return -1;
	for (zip_int64_t i = 0; i < z->n; i++)
		if (z->names[i] != NULL)
			z->sorted[z->nsorted++] = &z->names[i];
	qsort(z->sorted, (size_t)z->nsorted, sizeof *z->sorted, slot_cmp);
	return 0;
}

static void
zipsrc_free(zipsrc *z)
{
	for (zip_int64_t i = 0; z->names != NULL && i < z->n; i++)
		free(z->names[i]);
	free(z->names);
	free(z->sorted);
	if (z->za != NULL)
		zip_discard(z->za);
}

/* The first entry called name (case-insensitively), or -1 (QUIRK:
 * duplicates after the first are ignored). */
static zip_int64_t
zipsrc_find(const zipsrc *z, const char *name)
{
	zip_int64_t lo = 0, hi = z->nsorted;

	while (lo < hi) {
		zip_int64_t mid = lo + (hi - lo) / 2;

		if (strcasecmp(*z->sorted[mid], name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < z->nsorted && cd_opc_name_eq(*z->sorted[lo], name))
		return z->sorted[lo] - z->names;
	return -1;
}

/* Checks what the central directory claims against the bounds. */
static int
check_stat(zipsrc *z, zip_int64_t i, const char *name, cd_error *err)
{
	zip_stat_t st;

	zip_stat_init(&st);
	if (zip_stat_index(z->za, (zip_uint64_t)i, 0, &st) != 0) {
		cd_error_set(err, CD_ERR_FORMAT, name, 0, "corrupt zip: %s",
		             zip_strerror(z->za));
		return -1;
	}
	if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
		cd_error_set(err, CD_ERR_FORMAT, name, 0, "encrypted zip entry; cannot be read");
		return -1;
	}
	if ((st.valid & ZIP_STAT_SIZE) && st.size > z->o->max_part_size) {
		cd_error_set(err, CD_ERR_LIMIT, name, 0,
		             "part too large (%llu bytes decompressed, limit %zu)",
		             (unsigned long long)st.size, z->o->max_part_size);
		return -1;
	}
	if ((st.valid & ZIP_STAT_SIZE) && (st.valid & ZIP_STAT_COMP_SIZE) &&
	    st.size > RATIO_FLOOR &&
	    (st.comp_size == 0 || st.size / st.comp_size > z->o->max_ratio)) {
		cd_error_set(err, CD_ERR_LIMIT, name, 0,
		             "compression ratio over %u (zip bomb?)", z->o->max_ratio);
		return -1;
	}
	return 0;
}

/* Reads entry i whole, enforcing the bounds on the bytes actually
 * inflated. Returns 0 and a malloc'd *out (caller frees), or -1. */
static int
read_entry(zipsrc *z, zip_int64_t i, const char *name, cd_buf *out, cd_error *err)
{
	zip_file_t *zf = zip_fopen_index(z->za, (zip_uint64_t)i, 0);
	char chunk[65536];
	zip_int64_t got;
	size_t limit = z->o->max_part_size;

	if (zf == NULL) {
		cd_error_set(err, CD_ERR_FORMAT, name, 0, "corrupt zip: %s", zip_strerror(z->za));
		return -1;
	}
	while ((got = zip_fread(zf, chunk, sizeof chunk)) > 0) {
		if ((size_t)got > limit - out->len || (size_t)got > z->o->max_total_size - z->total) {
			int part = (size_t)got > limit - out->len;

			zip_fclose(zf);
			cd_error_set(err, CD_ERR_LIMIT, name, 0, "%s (limit %zu bytes decompressed)",
			             part ? "part too large" : "package too large",
			             part ? limit : z->o->max_total_size);
			return -1;
		}
		z->total += (size_t)got;
		cd_buf_add(out, chunk, (size_t)got);
	}
	if (got < 0) {
		cd_error_set(err, CD_ERR_FORMAT, name, 0, "corrupt zip: %s",
		             zip_error_strerror(zip_file_get_error(zf)));
		zip_fclose(zf);
		return -1;
	}
	zip_fclose(zf);
	if (out->failed) {
		cd_error_set(err, CD_ERR_NOMEM, name, 0, "out of memory");
		return -1;
	}
	return 0;
}

/* The ratio bound on the bytes actually inflated (len) of entry i. */
static int
check_ratio(zipsrc *z, zip_int64_t i, size_t len, cd_error *err)
{
	zip_stat_t st;

	if (len <= RATIO_FLOOR)
		return 0;
	zip_stat_init(&st);
	if (zip_stat_index(z->za, (zip_uint64_t)i, 0, &st) == 0 &&
	    (st.valid & ZIP_STAT_COMP_SIZE) &&
	    (st.comp_size == 0 || len / st.comp_size > z->o->max_ratio)) {
		cd_error_set(err, CD_ERR_LIMIT, z->names[i], 0,
		             "compression ratio over %u (zip bomb?)", z->o->max_ratio);
		return -1;
	}
	return 0;
}

/* cd_opc_load_fn over the zip. */
static xmlDocPtr
zip_load(void *ctx, const char *name, int *absent, int *strict, cd_error *err)
{
	zipsrc *z = ctx;
	zip_int64_t i = zipsrc_find(z, name);
	cd_buf b;
	xmlDocPtr doc;

	*absent = i < 0;
	if (i < 0 || check_stat(z, i, z->names[i], err) < 0)
		return NULL;
	cd_buf_init(&b);
	cd_buf_add(&b, "", 0);
	if (read_entry(z, i, z->names[i], &b, err) < 0) {
		cd_buf_free(&b);
		return NULL;
	}
	if (check_ratio(z, i, b.len, err) < 0) {
		cd_buf_free(&b);
		return NULL;
	}
	doc = cd_xml_parse_ns(z->names[i], b.data, b.len, CD_OPC_STRICT_PREFIX, strict, err);
	cd_buf_free(&b);
	return doc;
}

xmlDocPtr
cd_read_docx(const char *name, const unsigned char *data, size_t len,
             const cd_options *o, cd_error *err)
{
	cd_options defaults;
	zip_error_t ze;
	zip_source_t *src;
	zipsrc z = { NULL, NULL, NULL, NULL, 0, 0, 0 };
	xmlDocPtr pkg;

	if (o == NULL) {
		cd_options_init(&defaults);
		o = &defaults;
	}
	z.o = o;
	zip_error_init(&ze);
	src = zip_source_buffer_create(data, len, 0, &ze);
	if (src != NULL && (z.za = zip_open_from_source(src, ZIP_RDONLY, &ze)) == NULL)
		zip_source_free(src);
	if (z.za == NULL) {
		if (zip_error_code_zip(&ze) == ZIP_ER_NOZIP)
			cd_error_set(err, CD_ERR_FORMAT, NULL, 0, "corrupt zip: no end of "
			             "central directory (truncated or damaged file)");
		else
			cd_error_set(err, CD_ERR_FORMAT, NULL, 0, "corrupt zip: %s",
			             zip_error_strerror(&ze));
		zip_error_fini(&ze);
		return NULL;
	}
	zip_error_fini(&ze);
	if (zipsrc_index(&z) < 0) {
		cd_error_set(err, CD_ERR_NOMEM, NULL, 0, "out of memory");
		zipsrc_free(&z);
		return NULL;
	}
	for (zip_int64_t i = 1, first = 0; i < z.nsorted; i++) {   /* first of a run: read */
		if (!cd_opc_name_eq(*z.sorted[first], *z.sorted[i]))
			first = i;
		else if (i - first <= 10)
			cd_msg(o, CD_MSG_ZIP_DUPLICATE, *z.sorted[first], 0, "also %s", *z.sorted[i]);
	}
	pkg = cd_opc_build(zip_load, &z, name, o, err);
	zipsrc_free(&z);
	return pkg;
}

/* ---- binary parts (pictures), for output/media.c ---- */

struct cd_zip {
	zipsrc z;
	cd_options o;
};

cd_zip *
cd_zip_open(const unsigned char *data, size_t len, const cd_options *o, cd_error *err)
{
	cd_zip *zp = calloc(1, sizeof *zp);
	zip_source_t *src;

	if (zp == NULL) {
		cd_error_set(err, CD_ERR_NOMEM, NULL, 0, "out of memory");
		return NULL;
	}
	if (o != NULL)
		zp->o = *o;
	else
		cd_options_init(&zp->o);
	zp->z.o = &zp->o;
	src = zip_source_buffer_create(data, len, 0, NULL);
	if (src != NULL && (zp->z.za = zip_open_from_source(src, ZIP_RDONLY, NULL)) == NULL)
		zip_source_free(src);
	if (zp->z.za == NULL || zipsrc_index(&zp->z) < 0) {
		cd_error_set(err, CD_ERR_FORMAT, NULL, 0, "corrupt zip");
		cd_zip_close(zp);
		return NULL;
	}
	return zp;
}

int
cd_zip_read(cd_zip *zp, const char *name, cd_buf *out, cd_error *err)
{
	zip_int64_t i = zipsrc_find(&zp->z, name);

	if (i < 0)
		return 0;
	if (check_stat(&zp->z, i, zp->z.names[i], err) < 0 ||
	    read_entry(&zp->z, i, zp->z.names[i], out, err) < 0 ||
	    check_ratio(&zp->z, i, out->len, err) < 0)
		return -1;
	return 1;
}

void
cd_zip_close(cd_zip *zp)
{
	if (zp == NULL)
		return;
	zipsrc_free(&zp->z);
	free(zp);
}
