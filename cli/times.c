/*
 * times.c — per-stage CPU times of one conversion (COUNCILDOC_TIMES=1).
 * Process CPU time, so that other processes on the machine do not count;
 * the peak resident set (VmHWM) after each stage.
 */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "times.h"

static const char *const stage_name[ST_N] = {
	"read", "flatten", "clean", "notes", "structure", "validate",
	"xml", "docbook", "md", "txt", "write"
};

static double
cpu_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void
sc_start(struct stage_clock *c)
{
	const char *env = getenv("COUNCILDOC_TIMES");

	memset(c, 0, sizeof *c);
	c->on = env != NULL && *env != '\0' && strcmp(env, "0") != 0;
	if (c->on)
		c->last = cpu_now();
}

double
sc_peak_mb(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	double kb = 0;

	if (f == NULL)
		return 0;
	while (fgets(line, sizeof line, f) != NULL)
		if (strncmp(line, "VmHWM:", 6) == 0)
			kb = strtod(line + 6, NULL);
	fclose(f);
	return kb / 1024.0;
}

void
sc_mark(struct stage_clock *c, int stage)
{
	double now;

	if (!c->on || stage < 0 || stage >= ST_N)
		return;
	now = cpu_now();
	c->t[stage] += now - c->last;
	c->peak[stage] = sc_peak_mb();
	c->last = now;
}

void
sc_add(struct stage_clock *c, int stage, double secs)
{
	if (!c->on || stage < 0 || stage >= ST_N)
		return;
	c->t[stage] += secs;
	c->last += secs;
	c->peak[stage] = sc_peak_mb();
}

void
sc_formats(struct stage_clock *c, const double cpu[4])
{
	double now, rest;

	if (!c->on)
		return;
	/* the process clock counts every thread: what the stylesheets' threads
	 * did not spend since the last mark is the XML's and this thread's */
	now = cpu_now();
	rest = now - c->last;
	for (int i = 1; i < 4; i++) {
		c->t[ST_XML + i] += cpu[i];
		rest -= cpu[i];
	}
	c->t[ST_XML] += rest > 0 ? rest : 0;
	c->last = now;
	c->peak[ST_XML] = sc_peak_mb();
	for (int i = 1; i < 4; i++)
		c->peak[ST_XML + i] = c->peak[ST_XML];
}

/* The stages before the stylesheets build and free millions of small
 * nodes. glibc keeps small freed blocks in its fast bins and merges them
 * all at the next larger request (the XML's serializer would pay for the
 * package's nodes, by then cold in the cache); without fast bins, while
 * the stages run, each block is merged as it is freed. The stylesheets
 * run with them (glibc's default). */
static void
fast_bins(int on)
{
#ifdef M_MXFAST
	mallopt(M_MXFAST, on ? 64 * (int)sizeof(size_t) / 4 : 0);
#else
	(void)on;
#endif
}

xmlDocPtr
sc_convert(struct stage_clock *c, const char *name, const unsigned char *data,
           size_t len, const cd_options *o, cd_error *err)
{
	xmlDocPtr pkg, council;
	cd_noterefs *refs = NULL;

	fast_bins(0);
	pkg = cd_read(name, data, len, o, err);
	sc_mark(c, ST_READ);
	c->peak_read = sc_peak_mb();
	if (pkg == NULL)
		return NULL;
	if (cd_flatten(pkg, o, err) != CD_OK)
		goto fail;
	sc_mark(c, ST_FLATTEN);
	if (cd_clean_ex(pkg, o, err, &refs) != CD_OK)
		goto fail;
	sc_mark(c, ST_CLEAN);
	if (cd_notes_ex(pkg, o, err, refs) != CD_OK)
		goto fail;
	sc_mark(c, ST_NOTES);
	council = cd_structure(pkg, o, err);
	c->peak_structure = sc_peak_mb();
	xmlFreeDoc(pkg);
	fast_bins(1);
	sc_mark(c, ST_STRUCTURE);
	return council;
fail:
	xmlFreeDoc(pkg);
	fast_bins(1);
	return NULL;
}

void
sc_print(const struct stage_clock *c, const char *input)
{
	if (!c->on)
		return;
	fprintf(stderr, "times: %s", input);
	for (int i = 0; i < ST_N; i++)
		fprintf(stderr, " %s=%.6f", stage_name[i], c->t[i]);
	fprintf(stderr, "\npeak MB after: %s", input);
	for (int i = 0; i < ST_N; i++)
		fprintf(stderr, " %s=%.0f", stage_name[i], c->peak[i]);
	fputc('\n', stderr);
}
