/* run.h — what the councildoc driver (cli/councildoc.c) and its batch
 * runner (cli/batch.c) share. */
#ifndef CD_RUN_H
#define CD_RUN_H

#include <stddef.h>
#include <stdio.h>
#include "councildoc.h"

/* A record of the previous manifest (cli/manifest.c). */
struct manifest_entry {
	char *input, *sha, *options;
	char **out, **out_sha;   /* every output file (formats, pictures) */
	size_t nout;
	char *line;     /* the whole record, reused when an input is skipped */
};

/* Formats by bit index: 1 << i is the cd_format of index i. */
#define CD_NFORMATS 4

struct run {
	unsigned formats;
	const char *outdir;
	const char *media;       /* --media DIR (no -o), or NULL */
	const char *datadir;
	const char *manifest;    /* --manifest FILE, or NULL */
	int jobs, recursive, quiet, validate, update, meta;
	int verbose;             /* -v: print warnings, -vv: notes too */
	int werror;              /* -W LEVEL: exit 3 on a message of that level */
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

/* cli/manifest.c (JSON read with jansson). */
void entry_free(struct manifest_entry *e);
/* Reads a record of this batch once: prints its messages (its
 * "messages") to f (NULL: none printed) when at least level min, clearing
 * the progress bar first when bar; *failed says whether the input failed
 * and *error (malloc'd, caller frees; NULL when none) its error. Returns
 * the worst level the record counts (0 when none). */
int record_read(const char *line, FILE *f, int min, const char *input, int bar,
                int *failed, char **error);
/* Loads r->manifest into r->old; later lines for the same input win. */
void manifest_load(struct run *r);
/* The old record if input (with this sha) is done under the same options
 * and all its outputs are still there, unchanged; else NULL. */
const struct manifest_entry *already_done(const struct run *r, const char *input,
                                          const char *sha);

/* cli/outputs.c. DIR/REL.ext for input idx, where REL is its path below
 * the directory argument (or its base name) without the extension; makes
 * the folders of REL. Caller frees. */
char *output_path(const struct run *r, size_t idx, const char *ext);
/* The output name of input idx (as output_path, no folders made). */
char *output_stem(const struct run *r, size_t idx);
/* Appends {"path":…,"sha256":…} of an output written to the list outs
 * (the SHA-256 only when sha: a manifest asks for it, else ""). */
void list_output(cd_buf *outs, const char *path, const void *data, size_t len, int sha);
/* How the outputs of input idx refer to its pictures (malloc'd), or NULL
 * when no picture is written: "NAME.media/" beside the outputs, else the
 * --media folder as given. */
char *media_prefix(const struct run *r, size_t idx);
/* Writes the pictures of input idx (atomically, each listed in outs);
 * 0, or 1 and *err. */
int write_media(struct run *r, size_t idx, const cd_media *m, cd_buf *outs, cd_error *err);

/* Converts every input (in parallel with r->jobs > 1), prints one line per
 * failure (and the messages with -v), keeps the manifest. Returns 0 when
 * all converted, 1 when some input failed, 3 when all converted but a
 * message reached the -W level. */
int cd_batch_run(struct run *r);

#endif
