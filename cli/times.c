/*
 * times.c — per-stage CPU times of one conversion (COUNCILDOC_TIMES=1).
 * Process CPU time, so that other processes on the machine do not count.
 */
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

void
sc_mark(struct stage_clock *c, int stage)
{
	double now;

	if (!c->on || stage < 0 || stage >= ST_N)
		return;
	now = cpu_now();
	c->t[stage] += now - c->last;
	c->last = now;
}

xmlDocPtr
sc_convert(struct stage_clock *c, const char *name, const unsigned char *data,
           size_t len, const cd_options *o, cd_error *err)
{
	xmlDocPtr pkg, council;

	if (!c->on)
		return cd_convert(name, data, len, o, err);
	pkg = cd_read(name, data, len, o, err);
	sc_mark(c, ST_READ);
	if (pkg == NULL)
		return NULL;
	if (cd_flatten(pkg, o, err) != CD_OK)
		goto fail;
	sc_mark(c, ST_FLATTEN);
	if (cd_clean(pkg, o, err) != CD_OK)
		goto fail;
	sc_mark(c, ST_CLEAN);
	if (cd_notes(pkg, o, err) != CD_OK)
		goto fail;
	sc_mark(c, ST_NOTES);
	council = cd_structure(pkg, o, err);
	xmlFreeDoc(pkg);
	sc_mark(c, ST_STRUCTURE);
	return council;
fail:
	xmlFreeDoc(pkg);
	return NULL;
}

void
sc_print(const struct stage_clock *c, const char *input)
{
	if (!c->on)
		return;
	fprintf(stderr, "times: %s", input);
	for (int i = 0; i < ST_N; i++)
		fprintf(stderr, " %s=%.4f", stage_name[i], c->t[i]);
	fputc('\n', stderr);
}
