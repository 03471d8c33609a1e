/* filter.h — the shared driver of the one-stage filter programs. */
#ifndef CD_FILTER_H
#define CD_FILTER_H

#include "councildoc.h"
#include "messages.h"

/* A stage as a filter sees it: takes the input document, returns the
 * output document (the same one for in-place stages, a new one otherwise),
 * or NULL with *err set. */
typedef xmlDocPtr (*cd_filter_fn)(xmlDocPtr in, const cd_options *o, cd_error *err);

/* Parses a filter's command line with getopt_long: -h/--help, -V/--version,
 * -v/--verbose (counted in *verbose) and, when fmt is not NULL, a required
 * -t/--to FORMAT (*fmt set). Returns -1 when the program goes on with
 * *path (FILE or "-"), else the exit status to return (0 after
 * --help/--version, 2 on a usage error). */
int cd_filter_args(int argc, char **argv, const char *prog, const char *usage,
                   const char **fmt, const char **path, int *verbose);
/* Routes the messages of o to l, which prints them on stderr with -v
 * (warnings) or -vv (notes too). Caller frees l with msglog_free. */
void cd_filter_messages(cd_options *o, struct msglog *l, const char *prog, const char *path,
                        int verbose);

/* Reads FILE (or stdin) as XML, runs fn, writes the result to stdout.
 * Returns the exit status (0, 1 failure, 2 usage). */
int cd_filter_main(int argc, char **argv, const char *prog, const char *usage,
                   cd_filter_fn fn);

#endif
