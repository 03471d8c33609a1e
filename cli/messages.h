/* messages.h — what the CLI does with the library's messages (cd_message):
 * keeps them per input for the manifest, prints them with -v. */
#ifndef CD_MESSAGES_H
#define CD_MESSAGES_H

#include <stdio.h>
#include "councildoc.h"

/* The messages of one input: counts by level and up to MSGLOG_MAX of
 * them as JSON objects for the manifest record. */
#define MSGLOG_MAX 100
struct msglog {
	cd_buf items;            /* {"level":…},{…} */
	size_t count[CD_LEVEL_ERROR + 1];
	size_t listed;
	FILE *echo;              /* print each message here too (filters), or NULL */
	int echo_level;          /* ... when at least this level */
	const char *prog, *input;
};

void msglog_init(struct msglog *l);
void msglog_free(struct msglog *l);
/* A cd_report_fn: ctx is a struct msglog. */
void msglog_report(void *ctx, const cd_message *m);
/* Appends ,"notes":N,"warnings":N,"messages":[…] to a manifest record
 * (nothing when there was no message). */
void msglog_record(cd_buf *rec, const struct msglog *l);
/* The worst level among the messages, 0 when none. */
int msglog_worst(const struct msglog *l);

/* Prints one message as "PROG: INPUT: PART:LINE: LEVEL: TEXT: DETAIL". */
void msg_print(FILE *f, const char *prog, const char *input, const char *part, long line,
               const char *level, const char *text, const char *detail);
/* The level named s ("note", "warning"), or 0. */
int msg_level_parse(const char *s);

#endif
