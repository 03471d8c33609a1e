/*
 * fuzz_read.c — libFuzzer target: cd_read on arbitrary bytes (format
 * detection, zip and Flat OPC package reader, text-dump reader). The
 * result, when any, is serialized to exercise the whole tree.
 */
#include "fuzz_common.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_read_with(cd_read, "fuzz.docx", data, size);
}
