/*
 * fuzz_textdump.c — libFuzzer target: cd_read_textdump on arbitrary bytes
 * (the plain-text dump reader, bypassing format detection).
 */
#include "fuzz_common.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_read_with(cd_read_textdump, "fuzz.txt", data, size);
}
