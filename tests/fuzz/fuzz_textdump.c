/*
 * fuzz_textdump.c — libFuzzer target: cd_read_textdump on arbitrary bytes
 * (the plain-text dump reader, bypassing format detection).
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
	pkg = cd_read_textdump("fuzz.txt", data, size, &o, &err);
	if (pkg == NULL)
		return 0;
	if (cd_xml_serialize(pkg, &out, &len, &err) == CD_OK)
		free(out);
	xmlFreeDoc(pkg);
	return 0;
}
