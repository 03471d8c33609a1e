/* convert.c — a program of another project on the installed library:
 * converts one report to Markdown on standard output.
 *   cc convert.c $(pkg-config --cflags --libs councildoc) */
#include <stdio.h>
#include <stdlib.h>
#include <councildoc.h>

int
main(int argc, char **argv)
{
	unsigned char *data = NULL;
	size_t len = 0, olen = 0;
	char *md = NULL;
	cd_options o;
	cd_error err;
	cd_engine *eng = NULL;
	xmlDocPtr doc = NULL;
	int rc = 1;

	if (argc != 2)
		return 2;
	cd_init();
	cd_options_init(&o);
	cd_error_clear(&err);
	if (cd_read_file(argv[1], o.max_input_size, &data, &len, &err) == CD_OK &&
	    (doc = cd_convert(argv[1], data, len, &o, &err)) != NULL &&
	    (eng = cd_engine_new(NULL, &err)) != NULL &&
	    cd_emit(eng, CD_FMT_MD, doc, &o, &md, &olen, &err) == CD_OK)
		rc = fwrite(md, 1, olen, stdout) != olen;
	else
		fprintf(stderr, "convert: %s\n", err.msg);
	free(md);
	free(data);
	xmlFreeDoc(doc);
	cd_engine_free(eng);
	cd_cleanup();
	return rc;
}
