/*
 * fuzz_stages.c — libFuzzer target: the bytes are parsed (cd_xml_parse)
 * as a package document and run through cd_flatten, cd_clean, cd_notes
 * and cd_structure, as the filter programs do with their stdin; inputs of
 * odd length through cd_clean_ex and cd_notes_ex, as councildoc does, so
 * that the note references clean hands over meet arbitrary trees too.
 * Every stage so meets arbitrary (well-formed) XML.
 */
#include "fuzz_common.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	cd_options o;
	cd_error err;
	xmlDocPtr pkg, council = NULL;

	fuzz_options(&o);
	cd_error_clear(&err);
	pkg = cd_xml_parse("stdin", (const char *)data, size, &err);
	if (pkg == NULL)
		return 0;
	if (cd_flatten(pkg, &o, &err) == CD_OK) {
		cd_noterefs *refs = NULL;
		int ex = size & 1;

		if ((ex ? cd_clean_ex(pkg, &o, &err, &refs) : cd_clean(pkg, &o, &err)) == CD_OK &&
		    (ex ? cd_notes_ex(pkg, &o, &err, refs) : cd_notes(pkg, &o, &err)) == CD_OK)
			council = cd_structure(pkg, &o, &err);
	}
	fuzz_serialize_free(council);
	xmlFreeDoc(pkg);
	return 0;
}
