/*
 * fuzz_stages.c — libFuzzer target: the bytes are parsed (cd_xml_parse)
 * as a package document and run through cd_flatten, cd_clean, cd_notes
 * and cd_structure, as the filter programs do with their stdin. Every
 * stage so meets arbitrary (well-formed) XML.
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
	xmlDocPtr pkg, council = NULL;
	char *out = NULL;
	size_t len = 0;

	fuzz_options(&o);
	cd_error_clear(&err);
	pkg = cd_xml_parse("stdin", (const char *)data, size, &err);
	if (pkg == NULL)
		return 0;
	if (cd_flatten(pkg, &o, &err) == CD_OK && cd_clean(pkg, &o, &err) == CD_OK &&
	    cd_notes(pkg, &o, &err) == CD_OK)
		council = cd_structure(pkg, &o, &err);
	if (council != NULL && cd_xml_serialize(council, &out, &len, &err) == CD_OK)
		free(out);
	xmlFreeDoc(council);
	xmlFreeDoc(pkg);
	return 0;
}
