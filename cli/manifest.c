/*
 * manifest.c — reading the manifest a previous batch kept (--update): one
 * JSON line per input, with its outputs (formats and pictures) and their
 * SHA-256. The batch (cli/batch.c) writes it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "councildoc.h"
#include "run.h"
#include "messages.h"

/* A copy of member key of o when it is a string, else NULL. */
static char *
dup_member(json_t *o, const char *key)
{
	const char *v = json_string_value(json_object_get(o, key));

	return v != NULL ? strdup(v) : NULL;
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

/* One record of the manifest, read with jansson: any key order, every
 * escape. 1 for a record of a converted input, else 0 (e cleared). */
static int
parse_entry(const char *line, struct manifest_entry *e)
{
	json_t *o = json_loads(line, JSON_REJECT_DUPLICATES, NULL), *outs, *x;
	const char *status = json_string_value(json_object_get(o, "status"));
	size_t i;

	memset(e, 0, sizeof *e);
	if (status == NULL || strcmp(status, "ok") != 0) {
		json_decref(o);
		return 0;
	}
	e->input = dup_member(o, "input");
	e->sha = dup_member(o, "sha256");
	e->options = dup_member(o, "options");
	outs = json_object_get(o, "outputs");
	if (json_array_size(outs) > 0) {
		e->out = calloc(json_array_size(outs), sizeof *e->out);
		e->out_sha = calloc(json_array_size(outs), sizeof *e->out_sha);
	}
	json_array_foreach(outs, i, x) {
		if (e->out == NULL || e->out_sha == NULL)
			break;
		e->out[e->nout] = dup_member(x, "path");
		e->out_sha[e->nout] = dup_member(x, "sha256");
		if (e->out[e->nout] == NULL || e->out_sha[e->nout] == NULL) {
			free(e->out[e->nout]);
			free(e->out_sha[e->nout]);
			break;
		}
		e->nout++;
	}
	json_decref(o);
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


int
record_read(const char *line, FILE *f, int min, const char *input, int bar, int *failed,
            char **error)
{
	json_t *o = json_loads(line, JSON_REJECT_DUPLICATES, NULL), *m;
	const char *status = json_string_value(json_object_get(o, "status"));
	int worst = json_integer_value(json_object_get(o, "warnings")) > 0 ? CD_LEVEL_WARNING :
	            json_integer_value(json_object_get(o, "notes")) > 0 ? CD_LEVEL_NOTE : 0;
	size_t i;

	*error = NULL;
	*failed = o == NULL || status == NULL || strcmp(status, "ok") != 0;
	if (*failed && json_string_value(json_object_get(o, "error")) != NULL)
		*error = strdup(json_string_value(json_object_get(o, "error")));
	json_array_foreach(json_object_get(o, "messages"), i, m) {
		const char *level = json_string_value(json_object_get(m, "level"));

		if (f == NULL || level == NULL || msg_level_parse(level) < min)
			continue;
		if (bar) {
			fputs("\r\033[K", f);
			bar = 0;
		}
		msg_print(f, "councildoc", input, json_string_value(json_object_get(m, "part")),
		          (long)json_integer_value(json_object_get(m, "line")), level,
		          json_string_value(json_object_get(m, "text")),
		          json_string_value(json_object_get(m, "detail")));
	}
	json_decref(o);
	return worst;
}
