/* councildoc-extract — reads a DOCX package (or a text dump) from FILE or
 * stdin and writes the package document (doc/pipeline.md) to stdout. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filter.h"

int
main(int argc, char **argv)
{
	const char *path = "-";
	unsigned char *data = NULL;
	char *out = NULL;
	size_t len = 0, olen = 0;
	xmlDocPtr pkg = NULL;
	cd_options o;
	cd_error err;
	struct msglog ml;
	int rc = 1, verbose;

	if ((rc = cd_filter_args(argc, argv, "councildoc-extract", "[-v] [FILE]", NULL, &path,
	                         &verbose)) >= 0)
		return rc;
	rc = 1;
	cd_init();
	cd_options_init(&o);
	cd_filter_messages(&o, &ml, "councildoc-extract", path, verbose);
	cd_error_clear(&err);
	if (cd_read_file(path, o.max_input_size, &data, &len, &err) == CD_OK &&
	    (pkg = cd_read(path, data, len, &o, &err)) != NULL &&
	    cd_xml_serialize(pkg, &out, &olen, &err) == CD_OK) {
		rc = fwrite(out, 1, olen, stdout) != olen || fflush(stdout) != 0;
		if (rc)
			fprintf(stderr, "councildoc-extract: standard output: write error\n");
	} else {
		fprintf(stderr, "councildoc-extract: %s: %s\n",
		        strcmp(path, "-") == 0 ? "stdin" : path, err.msg);
	}
	xmlFreeDoc(pkg);
	free(out);
	free(data);
	msglog_free(&ml);
	cd_cleanup();
	return rc;
}
