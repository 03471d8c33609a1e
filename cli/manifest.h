/* manifest.h — reading a previous manifest (--update), for cli/batch.c. */
#ifndef CD_MANIFEST_H
#define CD_MANIFEST_H

#include "run.h"

struct manifest_entry {
	char *input, *sha, *options;
	char *out[CD_NFORMATS], *out_sha[CD_NFORMATS];
	size_t nout;
	char *line;     /* the whole record, reused when an input is skipped */
};

/* The JSON string value after "key": in line (from *pos on when pos is
 * not NULL, and *pos then moved past it); malloc'd, or NULL. */
char *json_get(const char *line, const char *key, const char **pos);
void entry_free(struct manifest_entry *e);
/* Loads r->manifest into r->old / r->nold; later lines for the same input
 * win, a torn last line is ignored. */
void manifest_load(struct run *r);
/* The old record if input (with this sha) is done under the same options
 * and all its outputs are still there, unchanged; else NULL. */
const struct manifest_entry *already_done(const struct run *r, const char *input,
                                          const char *sha);

#endif
