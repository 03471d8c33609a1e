/* validate.c — every format of a document after its validation.
 *
 * With a stylesheet among the formats, the XML is serialized first and the
 * tree read back from it (relayout.c), then validated and transformed: the
 * validation and the stylesheets walk a tree that lies in document order.
 * The XML alone is validated beside its serialization. There neither
 * writes what the other reads: the serializer (xmlsave.c) writes
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
silent(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

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
	xmlSetGenericErrorFunc(NULL, silent);
	xmlSetStructuredErrorFunc(NULL, NULL);
	run_validation(arg);
	return NULL;
}

static void
clear_outputs(char *out[4], size_t len[4])
{
	for (int i = 0; i < 4; i++) {
		out[i] = NULL;
		len[i] = 0;
	}
}

/* The XML alone: validated beside its serialization when a thread is
 * free. */
static cd_status
xml_only(struct vjob *v, unsigned formats, int threads, char *out[4], size_t len[4],
         double cpu[4], double *vcpu, cd_error *err)
{
	pthread_t tid;
	double t0;
	cd_status xrc = CD_OK;
	int side = threads > 1 && (formats & CD_FMT_XML) &&
	           pthread_create(&tid, NULL, validation_main, v) == 0;

	if (!side)
		run_validation(v);
	t0 = thread_cpu();
	if (formats & CD_FMT_XML && (side || v->rc == CD_OK))
		xrc = cd_xml_serialize(v->doc, &out[0], &len[0], err);
	if (cpu != NULL)
		cpu[0] = thread_cpu() - t0;
	if (side)
		pthread_join(tid, NULL);
	if (vcpu != NULL)
		*vcpu = v->cpu;
	/* the validation's error first, as when it ran before the outputs */
	if (v->rc != CD_OK || xrc != CD_OK) {
		free(out[0]);
		clear_outputs(out, len);
		if (v->rc != CD_OK)
			*err = v->err;
		return v->rc != CD_OK ? v->rc : xrc;
	}
	return CD_OK;
}

cd_status
cd_emit_all_valid(cd_engine *eng, unsigned formats, xmlDocPtr *council,
                  const cd_options *o, int threads, int validate, char *out[4],
                  size_t len[4], double cpu[4], double *vcpu, cd_error *err)
{
	struct vjob v = { eng, *council, { 0 }, CD_OK, 0 };
	unsigned sheets = formats & ~(unsigned)CD_FMT_XML;
	char *xml = NULL;
	size_t xlen = 0;
	double t0 = thread_cpu();
	cd_status rc;

	clear_outputs(out, len);
	if (vcpu != NULL)
		*vcpu = 0;
	if (sheets == 0 && validate)
		return xml_only(&v, formats, threads, out, len, cpu, vcpu, err);
	if (sheets == 0)
		return cd_emit_all(eng, formats, *council, o, threads, out, len, cpu, err);
	/* the stylesheets walk the tree many times: laid out again first */
	rc = cd_xml_serialize(*council, &xml, &xlen, err);
	if (rc == CD_OK)
		rc = cd_relayout(council, xml, xlen, err);
	t0 = thread_cpu() - t0;
	if (rc == CD_OK && validate) {
		v.doc = *council;
		run_validation(&v);
		if (vcpu != NULL)
			*vcpu = v.cpu;
		if ((rc = v.rc) != CD_OK)
			*err = v.err;
	}
	if (rc == CD_OK)
		rc = cd_emit_all(eng, sheets, *council, o, threads, out, len, cpu, err);
	if (rc != CD_OK || !(formats & CD_FMT_XML)) {
		free(xml);
		xml = NULL;
		xlen = 0;
	}
	if (rc == CD_OK) {
		out[0] = xml;
		len[0] = xlen;
		if (cpu != NULL)
			cpu[0] = t0;
	}
	return rc;
}
