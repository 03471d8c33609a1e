/*
 * filter.c — the shared main() of the one-stage filters: read one XML
 * document from FILE or stdin, apply a stage, write the result to stdout.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filter.h"

int
cd_filter_args(int argc, char **argv, const char *prog, const char *usage,
               const char **fmt, const char **path, int *verbose)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "to", required_argument, NULL, 't' },
		{ "verbose", no_argument, NULL, 'v' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	opterr = 0;
	optind = 1;
	*verbose = 0;
	while ((c = getopt_long(argc, argv, fmt ? "hVvt:" : "hVv", longopts, NULL)) != -1) {
		switch (c) {
		case 'v':
			++*verbose;
			break;
		case 'h':
			printf("usage: %s %s\n", prog, usage);
			return 0;
		case 'V':
			printf("%s %s\n", prog, CD_VERSION);
			return 0;
		case 't':
			if (fmt != NULL) {
				*fmt = optarg;
				break;
			}
			/* FALLTHROUGH */
		default:
			fprintf(stderr, "usage: %s %s\n", prog, usage);
			return 2;
		}
	}
	if (argc - optind > 1 || (fmt != NULL && *fmt == NULL)) {
		fprintf(stderr, "usage: %s %s\n", prog, usage);
		return 2;
	}
	*path = optind < argc ? argv[optind] : "-";
	return -1;
}

void
cd_filter_messages(cd_options *o, struct msglog *l, const char *prog, const char *path,
                   int verbose)
{
	msglog_init(l);
	l->prog = prog;
	l->input = strcmp(path, "-") == 0 ? "stdin" : path;
	l->echo = verbose > 0 ? stderr : NULL;
	l->echo_level = verbose > 1 ? CD_LEVEL_NOTE : CD_LEVEL_WARNING;
	o->report = msglog_report;
	o->report_ctx = l;
}

static int
write_out(const char *prog, const char *data, size_t len)
{
	if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "%s: standard output: write error\n", prog);
		return 1;
	}
	return 0;
}

int
cd_filter_main(int argc, char **argv, const char *prog, const char *usage,
               cd_filter_fn fn)
{
	const char *path = "-";
	unsigned char *data = NULL;
	size_t len = 0, olen = 0;
	char *out = NULL;
	xmlDocPtr in = NULL, res = NULL;
	cd_options o;
	cd_error err;
	struct msglog ml;
	int rc = 1, verbose;

	if ((rc = cd_filter_args(argc, argv, prog, usage, NULL, &path, &verbose)) >= 0)
		return rc;
	rc = 1;
	cd_init();
	cd_options_init(&o);
	cd_filter_messages(&o, &ml, prog, path, verbose);
	cd_error_clear(&err);
	if (cd_read_file(path, o.max_input_size, &data, &len, &err) != CD_OK)
		goto done;
	in = cd_xml_parse(strcmp(path, "-") == 0 ? "stdin" : path, (const char *)data, len, &err);
	if (in == NULL)
		goto done;
	res = fn(in, &o, &err);
	if (res == NULL)
		goto done;
	if (cd_xml_serialize(res, &out, &olen, &err) != CD_OK)
		goto done;
	rc = write_out(prog, out, olen);
done:
	if (rc != 0 && err.code != CD_OK)
		fprintf(stderr, "%s: %s: %s\n", prog,
		        strcmp(path, "-") == 0 ? "stdin" : path, err.msg);
	if (res != in)
		xmlFreeDoc(res);
	xmlFreeDoc(in);
	free(out);
	free(data);
	msglog_free(&ml);
	cd_cleanup();
	return rc;
}
