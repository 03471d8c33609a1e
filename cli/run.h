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
	int threads;             /* stylesheets side by side per input; 0: cores left */
	int threads_fixed;       /* 1: threads set by COUNCILDOC_THREADS */
	cd_options opt;
	cd_engine *eng;
	char **inputs;           /* expanded list of files, in order */
	size_t *relpos;          /* where each input's output name starts in it */
	size_t *clash;           /* 1 + the earlier input with the same output name, or 0 */
	size_t ninputs, cap;
	char optkey[256];        /* the options that change outputs, for --update */
	struct manifest_entry *old;  /* the previous manifest (--update) */
	size_t nold;
};

/* Converts every input (in parallel with r->jobs > 1), prints one line per
 * failure, keeps the manifest. Returns 0 when all converted, else 1. */
int cd_batch_run(struct run *r);

#endif
