/*
 * fuzz_eqtext.c — libFuzzer target: cd_eqtext (output/eqtext.c) on
 * arbitrary bytes taken as the SVG a metafile converter wrote: the text
 * of an equation preview. The result, when any, must be UTF-8 the
 * outputs may hold.
 */
#include "fuzz_common.h"
#include "cd_internal.h"
#include "../../output/media.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *t = cd_eqtext((const char *)data, size);

	if (t != NULL && strlen(t) == 0)
		abort();              /* an empty text is returned as NULL */
	free(t);
	return 0;
}
