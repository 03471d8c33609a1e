/*
 * fuzz_common.h — shared set-up of the libFuzzer targets (tests/fuzz/):
 * library initialisation, the tight bounds every target runs under, and
 * the end every target shares (serialize the result, free it). Each
 * target is one translation unit that includes this header once, so
 * LLVMFuzzerInitialize is defined here.
 */
#ifndef CD_FUZZ_COMMON_H
#define CD_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "councildoc.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	cd_init();
	return 0;
}

/* A report function that reads every field of the message (so that a
 * wrong part, line or detail shows under the sanitizers). */
static void
fuzz_report(void *ctx, const cd_message *m)
{
	size_t *sum = ctx;

	*sum += strlen(m->code) + strlen(m->text) + (m->part ? strlen(m->part) : 0) +
	        (m->detail ? strlen(m->detail) : 0) + (size_t)m->line + (size_t)m->level;
}

/* Defaults with bounds small enough that one input stays well inside
 * -rss_limit_mb and -timeout; messages go to fuzz_report. */
static inline void
fuzz_options(cd_options *o)
{
	static size_t sum;

	cd_options_init(o);
	o->max_part_size = (size_t)16 << 20;
	o->max_total_size = (size_t)64 << 20;
	o->max_input_size = (size_t)4 << 20;
	o->report = fuzz_report;
	o->report_ctx = &sum;
}

/* Serializes doc (when not NULL) to exercise the whole tree, then frees
 * it with xmlFreeDoc. */
static inline void
fuzz_serialize_free(xmlDocPtr doc)
{
	char *out = NULL;
	size_t len = 0;
	cd_error err;

	if (doc != NULL && cd_xml_serialize(doc, &out, &len, &err) == CD_OK)
		free(out);
	xmlFreeDoc(doc);
}

/* A reader of bytes into a package document (cd_read, cd_read_textdump). */
typedef xmlDocPtr (*fuzz_reader)(const char *name, const unsigned char *data, size_t len,
                                 const cd_options *o, cd_error *err);

/* Runs reader on the bytes under fuzz_options, serializes and frees the
 * result. Returns 0 (libFuzzer's "keep going"). */
static inline int
fuzz_read_with(fuzz_reader reader, const char *name, const uint8_t *data, size_t size)
{
	cd_options o;
	cd_error err;

	fuzz_options(&o);
	cd_error_clear(&err);
	fuzz_serialize_free(reader(name, data, size, &o, &err));
	return 0;
}

#endif
