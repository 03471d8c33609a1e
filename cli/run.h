/* run.h — what the councildoc driver (cli/councildoc.c) and its batch
 * runner (cli/batch.c) share. */
#ifndef CD_RUN_H
#define CD_RUN_H

#include <stddef.h>
#include "councildoc.h"

struct manifest_entry;

/* Formats by bit index: 1 << i is the cd_format of index i. */
#define CD_NFORMATS 4

struct run {
	unsigned formats;
	const char *outdir;
	const char *datadir;
	const char *manifest;    /* --manifest FILE, or NULL */
	int jobs, recursive, quiet, validate, update, meta;
	int spare_cores;         /* fewer workers than cores: split big renders */
	cd_options opt;
	cd_engine *eng;
	char **inputs;           /* expanded list of files, in order */
	size_t ninputs, cap;
	char optkey[256];        /* the options that change outputs, for --update */
	struct manifest_entry *old;  /* the previous manifest (--update) */
	size_t nold;
};

/* Converts every input (in parallel with r->jobs > 1), prints one line per
 * failure, keeps the manifest. Returns 0 when all converted, else 1. */
int cd_batch_run(struct run *r);

/* Renders council in every format of r->formats into out[i]/olen[i]
 * (index i for format 1 << i; each malloc'd, caller frees). input_size
 * (bytes of the input) decides whether a second process helps. Returns 0,
 * or 1 with *err set. */
int cd_render_all(struct run *r, xmlDocPtr council, size_t input_size, char **out,
                  size_t *olen, cd_error *err);

#endif
