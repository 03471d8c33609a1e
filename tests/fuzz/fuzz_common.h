/*
 * fuzz_common.h — shared set-up of the libFuzzer targets (tests/fuzz/):
 * library initialisation and the tight bounds every target runs under.
 */
#ifndef CD_FUZZ_COMMON_H
#define CD_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "councildoc.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Defaults with bounds small enough that one input stays well inside
 * -rss_limit_mb and -timeout. */
static inline void
fuzz_options(cd_options *o)
{
	cd_options_init(o);
	o->max_part_size = (size_t)16 << 20;
	o->max_total_size = (size_t)64 << 20;
	o->max_input_size = (size_t)4 << 20;
}

#endif
