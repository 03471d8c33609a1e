/* validate.c — every format of a document after its validation, the
 * validation beside the XML's serialization.
 *
 * Neither writes what the other reads: the serializer (xmlsave.c) writes
 * only the document's encoding field, for the time of the dump, which the
 * validator never reads; xmlRelaxNGValidateDoc (libxml2 2.9.14, relaxng.c)
 * writes only the psvi field of the elements it validates (node->psvi =
 * define; cleared by xmlRelaxNGCleanPSVI at its end), which the
 * serializer never reads. Its
 * other write to the tree, the relinking of siblings' next pointers in
 * xmlRelaxNGValidateInterleave, happens only for <interleave>, <mixed> or
 * combine="interleave", none of which council.rng uses; its datatypes
 * (NCName, token, integer, date, anyURI) do not register IDs. The
 * stylesheets, by contrast, read and write psvi (libxslt keys and template
 * lookup), so they run only after the validation. */
#include <pthread.h>
#include <time.h>
#include <stdlib.h>

#include <libxml/xmlerror.h>

#include "cd_internal.h"

static double
thread_cpu(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

struct vjob {
	cd_engine *eng;
	xmlDocPtr doc;
	cd_error err;
	cd_status rc;
	double cpu;
};

static void
run_validation(struct vjob *v)
{
	double t0 = thread_cpu();

	cd_error_clear(&v->err);
	v->rc = cd_engine_validate(v->eng, v->doc, &v->err);
	v->cpu = thread_cpu() - t0;
}

/* libxml2's error handlers are per thread: silenced as cd_init does. */
static void *
validation_main(void *arg)
{
	cd_thread_quiet();
	run_validation(arg);
	return NULL;
}

cd_status
cd_emit_all_valid(cd_engine *eng, unsigned formats, xmlDocPtr council,
                  const cd_options *o, int threads, int validate, char *out[4],
                  size_t len[4], double cpu[4], double *vcpu, cd_error *err)
{
	struct vjob v = { eng, council, { 0 }, CD_OK, 0 };
	pthread_t tid;
	char *xml = NULL;
	size_t xlen = 0;
	double t0;
	cd_status rc, xrc;

	if (vcpu != NULL)
		*vcpu = 0;
	if (!validate)
		return cd_emit_all(eng, formats, council, o, threads, out, len, cpu, err);
	if (threads <= 1 || !(formats & CD_FMT_XML) ||
	    pthread_create(&tid, NULL, validation_main, &v) != 0) {
		run_validation(&v);
		if (vcpu != NULL)
			*vcpu = v.cpu;
		if (v.rc != CD_OK) {
			for (int i = 0; i < 4; i++) {
				out[i] = NULL;
				len[i] = 0;
			}
			*err = v.err;
			return v.rc;
		}
		return cd_emit_all(eng, formats, council, o, threads, out, len, cpu, err);
	}
	t0 = thread_cpu();
	xrc = cd_xml_serialize(council, &xml, &xlen, err);
	t0 = thread_cpu() - t0;
	pthread_join(tid, NULL);
	if (vcpu != NULL)
		*vcpu = v.cpu;
	/* the validation's error first, as when it ran before the outputs */
	if (v.rc != CD_OK || xrc != CD_OK) {
		free(xml);
		for (int i = 0; i < 4; i++) {
			out[i] = NULL;
			len[i] = 0;
		}
		if (v.rc != CD_OK)
			*err = v.err;
		return v.rc != CD_OK ? v.rc : xrc;
	}
	rc = cd_emit_all(eng, formats & ~(unsigned)CD_FMT_XML, council, o, threads, out, len,
	                 cpu, err);
	if (rc != CD_OK) {
		free(xml);
		return rc;
	}
	out[0] = xml;
	len[0] = xlen;
	if (cpu != NULL)
		cpu[0] = t0;
	return CD_OK;
}
