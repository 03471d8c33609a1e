/*
 * councildoc — convert ITU Council reports (DOCX, or old text dumps) into
 * council XML, DocBook 5, Markdown and plain text. See councildoc(1).
 */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "councildoc.h"
#include "run.h"
#include "messages.h"

static const char usage_text[] =
	"usage: councildoc [-t FORMATS] [-o DIR] [-j N] [-r] [options] INPUT...\n"
	"\n"
	"  -t, --to FORMATS     comma list of xml (default), docbook, md, txt, all\n"
	"  -o, --output DIR     write DIR/NAME.xml .dbk .md .txt for each input\n"
	"  -j, --jobs N         convert N inputs in parallel (default: the number of cores)\n"
	"  -r, --recursive      look for .docx files in subdirectories too\n"
	"      --notes=WHERE    txt: notes at the end of each section or the document (end)\n"
	"      --wrap=N         txt: wrap lines at N columns (default 0: no wrapping)\n"
	"      --table-headers=HOW  txt: header row 'once' (default) or 'repeat'ed in every row\n"
	"      --front-matter   md: begin with YAML front matter holding the metadata\n"
	"      --toc            md, docbook: a table of contents made from the sections\n"
	"      --comments       keep Word comments apart in the council XML (default: dropped)\n"
	"      --media DIR      without -o: write the pictures into DIR, referenced as DIR/FILE\n"
	"      --changes=HOW    tracked changes: accept (default: Word's final view),\n"
	"                       reject (the original) or all (both, marked)\n"
	"      --no-validate    do not validate the council XML against council.rng\n"
	"      --manifest FILE  keep a manifest of the batch (JSON lines)\n"
	"      --update         skip inputs the manifest shows done with the same options\n"
	"      --meta           print the report's metadata as JSON instead\n"
	"      --datadir DIR    where council.rng and the stylesheets are\n"
	"  -v, --verbose        print the quirks each input needed: warnings (-v),\n"
	"                       notes too (-vv); the manifest counts them always\n"
	"  -W, --fail-level=LEVEL  exit 3 when every input converted but one needed\n"
	"                       a message of LEVEL (warning or note) or worse\n"
	"  -q, --quiet          no error messages, only the exit status\n"
	"  -h, --help           this text\n"
	"  -V, --version        the version\n"
	"\n"
	"INPUT is a .docx/.docm/.dotx/.dotm file, a text dump of a report, a\n"
	"directory (every .docx in it), or - for standard input. With one input\n"
	"and one format and no -o, the result goes to standard output.\n"
	"Pictures go to DIR/NAME.media/ with -o, to --media DIR without it;\n"
	"with neither, no picture is written and figures keep only their text.\n"
	"Exit status: 0 all converted, 1 some input failed, 2 usage error,\n"
	"3 all converted but a message reached the -W level.\n";

static const struct { cd_format fmt; const char *name; } fmts[] = {
	{ CD_FMT_XML, "xml" },
	{ CD_FMT_DOCBOOK, "docbook" },
	{ CD_FMT_MD, "md" },
	{ CD_FMT_TXT, "txt" },
};
#define NFMTS (sizeof fmts / sizeof fmts[0])

static void
usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, "councildoc: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\nTry 'councildoc --help'.\n");
	exit(2);
}

static unsigned
parse_formats(const char *s)
{
	unsigned set = 0;
	char *copy = strdup(s), *tok, *save = NULL;

	if (copy == NULL)
		return 0;
	for (tok = strtok_r(copy, ",", &save); tok != NULL; tok = strtok_r(NULL, ",", &save)) {
		size_t i;

		if (strcmp(tok, "all") == 0) {
			set |= CD_FMT_ALL;
			continue;
		}
		for (i = 0; i < NFMTS && strcmp(tok, fmts[i].name) != 0; i++)
			;
		if (i == NFMTS) {
			free(copy);
			usage_error("unknown format '%s' (xml, docbook, md, txt, all)", s);
		}
		set |= fmts[i].fmt;
	}
	free(copy);
	return set;
}

/* Adds path; its output name is the part of path from relpos on (the
 * path below a directory argument, or the file's base name), without its
 * extension. */
static void
add_input(struct run *r, const char *path, size_t relpos)
{
	if (r->ninputs == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->inputs = realloc(r->inputs, r->cap * sizeof *r->inputs);
		r->relpos = realloc(r->relpos, r->cap * sizeof *r->relpos);
		if (r->inputs == NULL || r->relpos == NULL) {
			perror("councildoc");
			exit(1);
		}
	}
	r->relpos[r->ninputs] = relpos;
	r->inputs[r->ninputs] = strdup(path);
	if (r->inputs[r->ninputs] == NULL) {
		perror("councildoc");
		exit(1);
	}
	r->ninputs++;
}

static int
is_package_name(const char *name)
{
	static const char *const ext[] = { ".docx", ".docm", ".dotx", ".dotm" };
	size_t n = strlen(name);

	if (name[0] == '.')
		return 0;
	for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++)
		if (n > 5 && strcasecmp(name + n - 5, ext[i]) == 0)
			return 1;
	return 0;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds the packages in dir (sorted, so batches are deterministic). */
static int
add_dir(struct run *r, const char *dir, int depth, size_t root)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0;

	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			names = realloc(names, cap * sizeof *names);
			if (names == NULL) {
				perror("councildoc");
				exit(1);
			}
		}
		if (asprintf(&names[n], "%s/%s", dir, e->d_name) < 0) {
			perror("councildoc");
			exit(1);
		}
		n++;
	}
	closedir(d);
	qsort(names, n, sizeof *names, cmp_str);
	for (size_t i = 0; i < n; i++) {
		struct stat st;
		const char *base = strrchr(names[i], '/') + 1;

		if (lstat(names[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			if (r->recursive && depth < 64 && base[0] != '.')
				add_dir(r, names[i], depth + 1, root);
		} else if (S_ISREG(st.st_mode) && is_package_name(base)) {
			add_input(r, names[i], root);
		}
		free(names[i]);
	}
	free(names);
	return 0;
}

static void
parse_args(struct run *r, int argc, char **argv)
{
	enum { O_NOTES = 256, O_WRAP, O_FRONT, O_NOVALID, O_DATADIR, O_MANIFEST, O_UPDATE,
	       O_META, O_THEAD, O_COMMENTS, O_MEDIA, O_CHANGES, O_TOC };
	static const struct option longopts[] = {
		{ "to", required_argument, NULL, 't' },
		{ "output", required_argument, NULL, 'o' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "recursive", no_argument, NULL, 'r' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "fail-level", required_argument, NULL, 'W' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "notes", required_argument, NULL, O_NOTES },
		{ "wrap", required_argument, NULL, O_WRAP },
		{ "front-matter", no_argument, NULL, O_FRONT },
		{ "no-validate", no_argument, NULL, O_NOVALID },
		{ "datadir", required_argument, NULL, O_DATADIR },
		{ "manifest", required_argument, NULL, O_MANIFEST },
		{ "update", no_argument, NULL, O_UPDATE },
		{ "meta", no_argument, NULL, O_META },
		{ "table-headers", required_argument, NULL, O_THEAD },
		{ "comments", no_argument, NULL, O_COMMENTS },
		{ "media", required_argument, NULL, O_MEDIA },
		{ "changes", required_argument, NULL, O_CHANGES },
		{ "toc", no_argument, NULL, O_TOC },
		{ NULL, 0, NULL, 0 }
	};
	char *end;
	long v;
	int c;

	while ((c = getopt_long(argc, argv, "t:o:j:rqvW:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 't': r->formats = parse_formats(optarg); break;
		case 'o': r->outdir = optarg; break;
		case 'j':
			v = strtol(optarg, &end, 10);
			if (*end != '\0' || v < 1 || v > 1024)
				usage_error("bad job count '%s'", optarg);
			r->jobs = (int)v;
			break;
		case 'r': r->recursive = 1; break;
		case 'q': r->quiet = 1; break;
		case 'v': r->verbose++; break;
		case 'W':
			if ((r->werror = msg_level_parse(optarg)) == 0)
				usage_error("-W takes warning or note, not '%s'", optarg);
			break;
		case 'h': fputs(usage_text, stdout); exit(0);
		case 'V': printf("councildoc %s\n", CD_VERSION); exit(0);
		case O_NOTES:
			if (strcmp(optarg, "end") == 0)
				r->opt.notes_at = CD_NOTES_END;
			else if (strcmp(optarg, "section") == 0)
				r->opt.notes_at = CD_NOTES_SECTION;
			else
				usage_error("--notes takes section or end, not '%s'", optarg);
			break;
		case O_WRAP:
			v = strtol(optarg, &end, 10);
			if (*end != '\0' || v < 0 || v > 10000)
				usage_error("bad --wrap width '%s'", optarg);
			r->opt.wrap = (int)v;
			break;
		case O_FRONT: r->opt.front_matter = 1; break;
		case O_TOC: r->opt.toc = 1; break;
		case O_NOVALID: r->validate = 0; break;
		case O_DATADIR: r->datadir = optarg; break;
		case O_MANIFEST: r->manifest = optarg; break;
		case O_UPDATE: r->update = 1; break;
		case O_META: r->meta = 1; break;
		case O_COMMENTS: r->opt.keep_comments = 1; break;
		case O_MEDIA: r->media = optarg; break;
		case O_CHANGES:
			if (strcmp(optarg, "accept") == 0)
				r->opt.changes = CD_CHANGES_ACCEPT;
			else if (strcmp(optarg, "reject") == 0)
				r->opt.changes = CD_CHANGES_REJECT;
			else if (strcmp(optarg, "all") == 0)
				r->opt.changes = CD_CHANGES_ALL;
			else
				usage_error("--changes takes accept, reject or all, not '%s'", optarg);
			break;
		case O_THEAD:
			if (strcmp(optarg, "once") != 0 && strcmp(optarg, "repeat") != 0)
				usage_error("--table-headers takes once or repeat, not '%s'", optarg);
			r->opt.table_headers_repeat = strcmp(optarg, "repeat") == 0;
			break;
		default:
			fputs("Try 'councildoc --help'.\n", stderr);
			exit(2);
		}
	}
}

/* The options that change the outputs, as --update compares them. */
static void
set_optkey(struct run *r)
{
	snprintf(r->optkey, sizeof r->optkey,
	         "v=%s;t=%u;notes=%s;wrap=%d;front=%d;toc=%d;thead=%d;comments=%d;changes=%d;validate=%d;dir=%s;media=%s",
	         CD_VERSION, r->formats, r->opt.notes_at == CD_NOTES_SECTION ? "section" : "end",
	         r->opt.wrap, r->opt.front_matter, r->opt.toc, r->opt.table_headers_repeat, r->opt.keep_comments,
	         r->opt.changes, r->validate,
	         r->outdir ? r->outdir : "-", r->media ? r->media : "-");
}

/* The inputs of the command line, directories expanded. Returns the number
 * of directory arguments that held no Word package (each reported). */
static int
expand_inputs(struct run *r, int argc, char **argv)
{
	int empty = 0;

	for (int i = optind; i < argc; i++) {
		struct stat st;

		if (strcmp(argv[i], "-") != 0 && stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			size_t before = r->ninputs;

			/* outputs mirror the folders below the directory argument */
			add_dir(r, argv[i], 0, strlen(argv[i]) + 1);
			if (r->ninputs == before) {
				if (!r->quiet)
					fprintf(stderr, "councildoc: %s: no .docx, .docm, .dotx or .dotm file%s\n",
					        argv[i], r->recursive ? "" : " (-r looks in subfolders)");
				empty++;
			}
		} else {
			const char *slash = strrchr(argv[i], '/');

			add_input(r, argv[i], slash != NULL ? (size_t)(slash + 1 - argv[i]) : 0);
		}
	}
	return empty;
}

int
main(int argc, char **argv)
{
	struct run r;
	cd_error err;
	int rc, empty;

#ifdef __GLIBC__
	/* large reports build and free big trees: keep freed memory for the
	 * next one instead of returning it page by page (measured: ~4 %) */
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
	mallopt(M_MMAP_THRESHOLD, 32 << 20);
	/* the stylesheets' threads share two arenas: one per thread kept
	 * freed memory apart (measured: +25 % peak with three threads) */
	mallopt(M_ARENA_MAX, 2);
#endif
	memset(&r, 0, sizeof r);
	r.formats = CD_FMT_XML;
	r.jobs = (int)sysconf(_SC_NPROCESSORS_ONLN);
	if (r.jobs < 1)
		r.jobs = 1;
	r.validate = 1;
	cd_options_init(&r.opt);
	parse_args(&r, argc, argv);
	if (optind >= argc)
		usage_error("%s", "no input (use - for standard input)");
	if (r.media != NULL && (r.outdir != NULL || r.meta))
		usage_error("%s", "--media goes without -o (pictures then go to DIR/NAME.media/)");
	if (r.update && r.manifest == NULL)
		usage_error("%s", "--update needs --manifest FILE");
	if (r.meta && (r.outdir != NULL || argc - optind > 1))
		usage_error("%s", "--meta takes one input and no -o");
	if (!r.meta && r.outdir == NULL &&
	    (argc - optind > 1 || (r.formats & (r.formats - 1)) != 0))
		usage_error("%s", "several inputs or formats need -o DIR");
	if (r.outdir == NULL) {
		struct stat st;

		if (strcmp(argv[optind], "-") != 0 && stat(argv[optind], &st) == 0 &&
		    S_ISDIR(st.st_mode))
			usage_error("%s", "a directory input needs -o DIR");
	} else if (mkdir(r.outdir, 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, "councildoc: %s: %s\n", r.outdir, strerror(errno));
		return 1;
	}
	empty = expand_inputs(&r, argc, argv);
	cd_init();
	cd_error_clear(&err);
	r.eng = cd_engine_new(r.datadir, &err);
	if (r.eng == NULL) {
		fprintf(stderr, "councildoc: %s\n", err.msg);
		return 1;
	}
	set_optkey(&r);
	if (getenv("COUNCILDOC_THREADS") != NULL) {
		r.threads = atoi(getenv("COUNCILDOC_THREADS"));
		r.threads_fixed = r.threads > 0;
	}
	rc = cd_batch_run(&r);
	if (empty > 0 && rc == 0)
		rc = 1;   /* a directory argument gave nothing to convert */
	cd_engine_free(r.eng);
	for (size_t i = 0; i < r.ninputs; i++)
		free(r.inputs[i]);
	free(r.inputs);
	free(r.relpos);
	cd_cleanup();
	return rc;
}
