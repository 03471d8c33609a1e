/*
 * fuzz_read.c — libFuzzer target: cd_read on arbitrary bytes (format
 * detection, zip and Flat OPC package reader, text-dump reader). The
 * result, when any, is serialized to exercise the whole tree.
 */
#include <stdlib.h>

#include "fuzz_common.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	cd_init();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	cd_options o;
	cd_error err;
	xmlDocPtr pkg;
	char *out = NULL;
	size_t len = 0;

	fuzz_options(&o);
	cd_error_clear(&err);
	pkg = cd_read("fuzz.docx", data, size, &o, &err);
	if (pkg == NULL)
		return 0;
	if (cd_xml_serialize(pkg, &out, &len, &err) == CD_OK)
		free(out);
	xmlFreeDoc(pkg);
	return 0;
}
