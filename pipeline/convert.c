/*
 * convert.c — the whole chain: read, flatten, clean, notes, structure.
 */
#include "cd_internal.h"

xmlDocPtr
cd_convert(const char *name, const unsigned char *data, size_t len,
           const cd_options *o, cd_error *err)
{
	xmlDocPtr pkg, council;
	cd_noterefs *refs = NULL;

	pkg = cd_read(name, data, len, o, err);
	if (pkg == NULL)
		return NULL;
	if (cd_flatten(pkg, o, err) != CD_OK || cd_clean_ex(pkg, o, err, &refs) != CD_OK ||
	    cd_notes_ex(pkg, o, err, refs) != CD_OK) {
		xmlFreeDoc(pkg);
		return NULL;
	}
	council = cd_structure(pkg, o, err);
	xmlFreeDoc(pkg);
	return council;
}
