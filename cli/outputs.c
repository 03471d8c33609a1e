/*
 * outputs.c — where the outputs of an input go: DIR/REL.ext beside the
 * others, the pictures in DIR/REL.media/ (or the --media folder), each
 * written file listed for the manifest.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "councildoc.h"
#include "run.h"

/* DIR/REL.ext for input idx, where REL is its path below the directory
 * argument (or its base name) without the extension; creates the folders
 * of REL. Caller frees. */
char *
output_path(const struct run *r, size_t idx, const char *ext)
{
	const char *in = r->inputs[idx];
	const char *rel = strcmp(in, "-") == 0 ? "stdin" : in + r->relpos[idx];
	const char *slash = strrchr(rel, '/'), *dot;
	char *path;
	int n;

	dot = strrchr(slash != NULL ? slash + 1 : rel, '.');
	n = dot != NULL && dot != (slash != NULL ? slash + 1 : rel) ? (int)(dot - rel)
	                                                            : (int)strlen(rel);
	if (asprintf(&path, "%s/%.*s.%s", r->outdir, n, rel, ext) < 0)
		return NULL;
	for (char *p = path + strlen(r->outdir) + 1; (p = strchr(p, '/')) != NULL; p++) {
		*p = '\0';
		if (mkdir(path, 0777) != 0 && errno != EEXIST) {
			*p = '/';
			return path;   /* the write reports the error */
		}
		*p = '/';
	}
	return path;
}

/* The output name of input idx (as output_path, no folders made). */
char *
output_stem(const struct run *r, size_t idx)
{
	const char *in = r->inputs[idx];
	const char *rel = strcmp(in, "-") == 0 ? "stdin" : in + r->relpos[idx];
	const char *slash = strrchr(rel, '/');
	const char *dot = strrchr(slash != NULL ? slash + 1 : rel, '.');

	if (dot == NULL || dot == (slash != NULL ? slash + 1 : rel))
		return strdup(rel);
	return strndup(rel, (size_t)(dot - rel));
}

/* Appends {"path":…,"sha256":…} of an output written to the list outs. */
void
list_output(cd_buf *outs, const char *path, const void *data, size_t len, int sha)
{
	char hex[65] = "";

	if (sha)
		cd_sha256_hex(data, len, hex);
	cd_buf_adds(outs, outs->len > 0 ? "," : "");
	cd_buf_adds(outs, "{\"path\":");
	cd_json_str(outs, path);
	cd_buf_printf(outs, ",\"sha256\":\"%s\"}", hex);
}

/* The folder the pictures of input idx go to (malloc'd, made), or NULL:
 * DIR/NAME.media with -o, the --media folder without. */
static char *
media_folder(const struct run *r, size_t idx, cd_error *err)
{
	char *dir = r->outdir != NULL ? output_path(r, idx, "media") : strdup(r->media);

	if (dir == NULL) {
		cd_error_set(err, CD_ERR_NOMEM, NULL, 0, "out of memory");
		return NULL;
	}
	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		cd_error_set(err, CD_ERR_IO, dir, 0, "%s", strerror(errno));
		free(dir);
		return NULL;
	}
	return dir;
}

/* How the outputs of input idx refer to its pictures (malloc'd), or NULL
 * when no picture is written: "NAME.media/" beside the outputs, else the
 * --media folder as given. */
char *
media_prefix(const struct run *r, size_t idx)
{
	char *stem, *p = NULL;
	const char *base;

	if (r->meta || (r->outdir == NULL && r->media == NULL))
		return NULL;
	if (r->outdir == NULL)
		return asprintf(&p, "%s/", r->media) < 0 ? NULL : p;
	stem = output_stem(r, idx);
	base = stem ? strrchr(stem, '/') : NULL;
	if (stem != NULL && asprintf(&p, "%s.media/", base ? base + 1 : stem) < 0)
		p = NULL;
	free(stem);
	return p;
}

/* Writes the pictures of input idx (atomically, each listed in outs). */
int
write_media(struct run *r, size_t idx, const cd_media *m, cd_buf *outs, cd_error *err)
{
	char *dir, *path;

	if (m->nfiles == 0 || (dir = media_folder(r, idx, err)) == NULL)
		return m->nfiles == 0 ? 0 : 1;
	for (size_t i = 0; i < m->nfiles; i++) {
		if (asprintf(&path, "%s/%s", dir, m->files[i].name) < 0) {
			cd_error_set(err, CD_ERR_NOMEM, NULL, 0, "out of memory");
			free(dir);
			return 1;
		}
		/* with -o, unsynced like the other outputs: the batch syncs the
		 * file system of DIR once at the end */
		if ((r->outdir != NULL ?
		     cd_write_atomic_nosync(path, (const char *)m->files[i].data, m->files[i].len, err) :
		     cd_write_atomic(path, (const char *)m->files[i].data, m->files[i].len, err)) != CD_OK) {
			free(path);
			free(dir);
			return 1;
		}
		list_output(outs, path, m->files[i].data, m->files[i].len, r->manifest != NULL);
		free(path);
	}
	free(dir);
	return 0;
}

