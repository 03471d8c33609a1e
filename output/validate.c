/* validate.c — every format of a document after its validation.
 *
 * With a stylesheet among the formats and a tree scattered in memory, the
 * XML is serialized first and the tree read back from it (relayout.c),
 * then validated and transformed: the validation and the stylesheets walk
 * a tree that lies in document order. Otherwise the validation runs beside
 * the XML's serialization. There neither writes what the other reads: the serializer (xmlsave.c) writes
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

static void
clear_outputs(char *out[4], size_t len[4], double cpu[4])
{
	for (int i = 0; i < 4; i++) {
		out[i] = NULL;
		len[i] = 0;
		if (cpu != NULL)
			cpu[i] = 0;
	}
}

/* The XML (when want_xml) into *xml, the document validated (when
 * validate) beside its serialization when a thread is free. */
static cd_status
valid_xml(struct vjob *v, int want_xml, int validate, int threads, char **xml,
          size_t *xlen, double *xcpu, cd_error *err)
{
	pthread_t tid;
	double t0;
	cd_status xrc = CD_OK;
	int side = validate && want_xml && threads > 1 &&
	           pthread_create(&tid, NULL, validation_main, v) == 0;

	if (validate && !side)
		run_validation(v);
	t0 = thread_cpu();
	if (want_xml && (side || v->rc == CD_OK))
		xrc = cd_xml_serialize(v->doc, xml, xlen, err);
	*xcpu = thread_cpu() - t0;
	if (side)
		pthread_join(tid, NULL);
	/* the validation's error first, as when it ran before the outputs */
	if (v->rc != CD_OK)
		*err = v->err;
	return v->rc != CD_OK ? v->rc : xrc;
}

/* The XML into *xml, *council read back from it (relayout.c), then
 * validated (when validate). */
static cd_status
relaid(struct vjob *v, xmlDocPtr *council, int validate, char **xml, size_t *xlen,
       double *xcpu, cd_error *err)
{
	double t0 = thread_cpu();
	cd_status rc = cd_relayout(council, xml, xlen, err);

	*xcpu = thread_cpu() - t0;
	if (rc == CD_OK && validate) {
		v->doc = *council;
		run_validation(v);
		if ((rc = v->rc) != CD_OK)
			*err = v->err;
	}
	return rc;
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
	double xcpu = 0;
	cd_status rc;

	clear_outputs(out, len, cpu);
	/* the stylesheets walk the tree many times: a scattered one is laid
	 * out again first */
	if (sheets != 0 && cd_relayout_scattered(*council))
		rc = relaid(&v, council, validate, &xml, &xlen, &xcpu, err);
	else
		rc = valid_xml(&v, (formats & CD_FMT_XML) != 0, validate, threads, &xml, &xlen,
		               &xcpu, err);
	if (vcpu != NULL)
		*vcpu = v.cpu;
	if (rc == CD_OK && sheets != 0)
		rc = cd_emit_all(eng, sheets, *council, o, threads, out, len, cpu, err);
	if (rc != CD_OK) {
		free(xml);
		return rc;
	}
	if (formats & CD_FMT_XML) {
		out[0] = xml;
		len[0] = xlen;
	} else {
		free(xml);
	}
	if (cpu != NULL)
		cpu[0] = xcpu;
	return CD_OK;
}
