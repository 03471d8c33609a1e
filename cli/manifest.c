/*
 * manifest.c — reading the manifest a previous batch kept (--update): one
 * JSON line per input, with its outputs (formats and pictures) and their
 * SHA-256. The batch (cli/batch.c) writes it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cd_internal.h"
#include "run.h"

char *
json_get(const char *line, const char *key, const char **pos)
{
	char pat[64];
	const char *p;
	cd_buf b;

	snprintf(pat, sizeof pat, "\"%s\":\"", key);
	p = strstr(pos != NULL && *pos != NULL ? *pos : line, pat);
	if (p == NULL)
		return NULL;
	cd_buf_init(&b);
	for (p += strlen(pat); *p && *p != '"'; p++) {
		if (*p == '\\' && p[1] != '\0') {
			p++;
			cd_buf_addc(&b, *p == 'n' ? '\n' : *p == 't' ? '\t' : *p == 'r' ? '\r' : *p);
		} else {
			cd_buf_addc(&b, *p);
		}
	}
	if (pos != NULL)
		*pos = p;
	return cd_buf_take(&b, NULL);
}

void
entry_free(struct manifest_entry *e)
{
	free(e->input);
	free(e->sha);
	free(e->options);
	free(e->line);
	for (size_t i = 0; i < e->nout; i++) {
		free(e->out[i]);
		free(e->out_sha[i]);
	}
	free(e->out);
	free(e->out_sha);
}

static int
parse_entry(const char *line, struct manifest_entry *e)
{
	const char *pos = NULL;
	char *status = json_get(line, "status", NULL);
	int ok = status != NULL && strcmp(status, "ok") == 0;

	free(status);
	memset(e, 0, sizeof *e);
	if (!ok)
		return 0;
	e->input = json_get(line, "input", NULL);
	e->sha = json_get(line, "sha256", NULL);
	e->options = json_get(line, "options", NULL);
	pos = strstr(line, "\"outputs\":[");
	while (pos != NULL) {
		char *path = json_get(line, "path", &pos);
		char *sha = path ? json_get(line, "sha256", &pos) : NULL;
		char **o = sha ? realloc(e->out, (e->nout + 1) * sizeof *o) : NULL;
		char **h = o ? realloc(e->out_sha, (e->nout + 1) * sizeof *h) : NULL;

		if (o != NULL)
			e->out = o;
		if (h != NULL)
			e->out_sha = h;
		if (h == NULL) {
			free(path);
			free(sha);
			break;
		}
		e->out[e->nout] = path;
		e->out_sha[e->nout++] = sha;
	}
	e->line = strdup(line);
	if (e->input == NULL || e->sha == NULL || e->options == NULL || e->line == NULL) {
		entry_free(e);
		return 0;
	}
	return 1;
}

void
manifest_load(struct run *r)
{
	FILE *f = fopen(r->manifest, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	if (f == NULL)
		return;
	while ((n = getline(&line, &cap, f)) > 0) {
		struct manifest_entry e, *p;

		if (line[n - 1] != '\n')
			break;   /* a torn last line (killed writer): ignore it */
		line[n - 1] = '\0';
		if (!parse_entry(line, &e))
			continue;
		p = realloc(r->old, (r->nold + 1) * sizeof *r->old);
		if (p == NULL) {
			entry_free(&e);
			break;
		}
		r->old = p;
		r->old[r->nold++] = e;
	}
	free(line);
	fclose(f);
}

static int
file_has_sha(const char *path, const char *sha)
{
	unsigned char *data;
	size_t len;
	char hex[65];
	cd_error err;

	if (cd_read_file(path, (size_t)1 << 31, &data, &len, &err) != CD_OK)
		return 0;
	cd_sha256_hex(data, len, hex);
	free(data);
	return strcmp(hex, sha) == 0;
}

const struct manifest_entry *
already_done(const struct run *r, const char *input, const char *sha)
{
	for (size_t i = r->nold; i-- > 0;) {
		const struct manifest_entry *e = &r->old[i];

		if (strcmp(e->input, input) != 0)
			continue;
		if (strcmp(e->sha, sha) != 0 || strcmp(e->options, r->optkey) != 0)
			return NULL;
		for (size_t k = 0; k < e->nout; k++)
			if (!file_has_sha(e->out[k], e->out_sha[k]))
				return NULL;
		return e->nout > 0 ? e : NULL;
	}
	return NULL;
}

