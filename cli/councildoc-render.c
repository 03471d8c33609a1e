/* councildoc-render — council XML in (FILE or stdin), one format out:
 *   councildoc-render -t docbook|md|txt|xml [FILE] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filter.h"

static cd_format
parse_format(const char *s)
{
	if (strcmp(s, "xml") == 0)
		return CD_FMT_XML;
	if (strcmp(s, "docbook") == 0)
		return CD_FMT_DOCBOOK;
	if (strcmp(s, "md") == 0)
		return CD_FMT_MD;
	if (strcmp(s, "txt") == 0)
		return CD_FMT_TXT;
	return 0;
}

int
main(int argc, char **argv)
{
	cd_format fmt;
	const char *path = "-", *fname = NULL;
	unsigned char *data = NULL;
	char *out = NULL;
	size_t len = 0, olen = 0;
	xmlDocPtr doc = NULL;
	cd_engine *eng = NULL;
	cd_options o;
	cd_error err;
	int rc = 1, verbose;

	if ((rc = cd_filter_args(argc, argv, "councildoc-render", "-t docbook|md|txt|xml [FILE]",
	                         &fname, &path, &verbose)) >= 0)
		return rc;
	if ((fmt = parse_format(fname)) == 0) {
		fprintf(stderr, "usage: councildoc-render -t docbook|md|txt|xml [FILE]\n");
		return 2;
	}
	rc = 1;
	cd_init();
	cd_options_init(&o);
	cd_error_clear(&err);
	if (cd_read_file(path, o.max_input_size, &data, &len, &err) == CD_OK &&
	    (doc = cd_xml_parse(path, (const char *)data, len, &err)) != NULL &&
	    (eng = cd_engine_new(NULL, &err)) != NULL &&
	    cd_emit(eng, fmt, doc, &o, &out, &olen, &err) == CD_OK) {
		rc = fwrite(out, 1, olen, stdout) != olen || fflush(stdout) != 0;
		if (rc)
			fprintf(stderr, "councildoc-render: standard output: write error\n");
	} else {
		fprintf(stderr, "councildoc-render: %s: %s\n",
		        strcmp(path, "-") == 0 ? "stdin" : path, err.msg);
	}
	cd_engine_free(eng);
	xmlFreeDoc(doc);
	free(out);
	free(data);
	cd_cleanup();
	return rc;
}
