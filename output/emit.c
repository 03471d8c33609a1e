/*
 * emit.c — the engine: council.rng and the three stylesheets, compiled once
 * per run, applied in-process with libxslt exactly as xsltproc would.
 */
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/relaxng.h>
#include <libxslt/imports.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/xsltutils.h>

#include "cd_internal.h"
#include "xsltext.h"

static const char *const sheet_file[] = {
	"council2docbook.xsl", "council2md.xsl", "council2txt.xsl"
};
enum { SHEET_DOCBOOK, SHEET_MD, SHEET_TXT, NSHEETS };

struct cd_engine {
	char dir[PATH_MAX];
	xsltStylesheetPtr sheet[NSHEETS];
	xmlRelaxNGPtr schema;
	xsltSecurityPrefsPtr sec;
};

/* Collects libxslt/libxml2 messages of one operation into a buffer. */
static void
collect(void *ctx, const char *fmt, ...)
{
	cd_buf *b = ctx;
	va_list ap;
	char tmp[512];

	if (b == NULL || b->len > 2000)
		return;
	va_start(ap, fmt);
	vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	cd_buf_adds(b, tmp);
}

static const char *
first_line(cd_buf *b)
{
	char *p;

	if (b->data == NULL)
		return "";
	for (p = b->data; *p == '\n' || *p == ' '; p++)
		;
	memmove(b->data, p, strlen(p) + 1);
	if ((p = strchr(b->data, '\n')) != NULL)
		*p = '\0';
	return b->data;
}

static int
is_file(const char *dir, const char *name)
{
	char path[PATH_MAX + 64];

	snprintf(path, sizeof path, "%s/%s", dir, name);
	return access(path, R_OK) == 0;
}

/* Finds the data directory; returns 1 and fills out (PATH_MAX) if found. */
static int
find_dir(const char *dir, char *out)
{
	char exe[PATH_MAX], cand[PATH_MAX + 32];
	const char *env = getenv("COUNCILDOC_DATADIR");
	ssize_t n;

	if (dir != NULL || (env != NULL && *env != '\0')) {
		snprintf(out, PATH_MAX, "%s", dir != NULL ? dir : env);
		return is_file(out, "council.rng");
	}
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		char *slash;

		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL)
			*slash = '\0';
		/* in the source tree (bin/) and in build/<flavour>/bin/ */
		static const char *const rel[] = {
			"/../xslt", "/../../../xslt", "/../share/councildoc"
		};
		for (size_t i = 0; i < sizeof rel / sizeof rel[0]; i++) {
			snprintf(cand, sizeof cand, "%s%s", exe, rel[i]);
			if (is_file(cand, "council.rng") && realpath(cand, out) != NULL)
				return 1;
		}
	}
	snprintf(out, PATH_MAX, "%s", CD_DATADIR);
	return is_file(out, "council.rng");
}

static int
load_schema(cd_engine *eng, cd_error *err)
{
	char path[PATH_MAX + 32];
	xmlRelaxNGParserCtxtPtr pc;
	cd_buf msg;

	snprintf(path, sizeof path, "%s/council.rng", eng->dir);
	cd_buf_init(&msg);
	pc = xmlRelaxNGNewParserCtxt(path);
	if (pc == NULL) {
		cd_error_set(err, CD_ERR_NOMEM, path, 0, "out of memory");
		return 0;
	}
	xmlRelaxNGSetParserErrors(pc, collect, collect, &msg);
	eng->schema = xmlRelaxNGParse(pc);
	xmlRelaxNGFreeParserCtxt(pc);
	if (eng->schema == NULL)
		cd_error_set(err, CD_ERR_INTERNAL, path, 0, "cannot load schema: %s",
		             first_line(&msg));
	cd_buf_free(&msg);
	return eng->schema != NULL;
}

static int
load_sheets(cd_engine *eng, cd_error *err)
{
	char path[PATH_MAX + 32];
	cd_buf msg;

	for (int i = 0; i < NSHEETS; i++) {
		/* messages while compiling go to msg; the handlers in place
		 * before (the caller's, or cd_init's) are put back */
		xmlGenericErrorFunc xml_err = xmlGenericError, xslt_err = xsltGenericError;
		void *xml_ctx = xmlGenericErrorContext, *xslt_ctx = xsltGenericErrorContext;

		cd_buf_init(&msg);
		snprintf(path, sizeof path, "%s/%s", eng->dir, sheet_file[i]);
		xsltSetGenericErrorFunc(&msg, collect);
		xmlSetGenericErrorFunc(&msg, collect);
		eng->sheet[i] = xsltParseStylesheetFile((const xmlChar *)path);
		xsltSetGenericErrorFunc(xslt_ctx, xslt_err);
		xmlSetGenericErrorFunc(xml_ctx, xml_err);
		if (eng->sheet[i] == NULL || eng->sheet[i]->errors > 0) {
			cd_error_set(err, CD_ERR_XSLT, sheet_file[i], 0,
			             "cannot compile stylesheet: %s", first_line(&msg));
			cd_buf_free(&msg);
			return 0;
		}
		cd_buf_free(&msg);
	}
	return 1;
}

cd_engine *
cd_engine_new(const char *dir, cd_error *err)
{
	cd_engine *eng = calloc(1, sizeof *eng);

	if (eng == NULL) {
		cd_error_set(err, CD_ERR_NOMEM, NULL, 0, "out of memory");
		return NULL;
	}
	if (!find_dir(dir, eng->dir)) {
		cd_error_set(err, CD_ERR_IO, NULL, 0,
		             "cannot find council.rng and the stylesheets (looked in %s; "
		             "set COUNCILDOC_DATADIR)", eng->dir);
		free(eng);
		return NULL;
	}
	/* Stylesheets may read files (xsl:include, document('')) but never
	 * write files, create directories or touch the network. */
	eng->sec = xsltNewSecurityPrefs();
	if (eng->sec == NULL ||
	    xsltSetSecurityPrefs(eng->sec, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid) ||
	    xsltSetSecurityPrefs(eng->sec, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid) ||
	    xsltSetSecurityPrefs(eng->sec, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid) ||
	    xsltSetSecurityPrefs(eng->sec, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid) ||
	    !load_schema(eng, err) || !load_sheets(eng, err)) {
		if (eng->sec == NULL)
			cd_error_set(err, CD_ERR_NOMEM, NULL, 0, "out of memory");
		cd_engine_free(eng);
		return NULL;
	}
	return eng;
}

void
cd_engine_free(cd_engine *eng)
{
	if (eng == NULL)
		return;
	for (int i = 0; i < NSHEETS; i++)
		if (eng->sheet[i] != NULL)
			xsltFreeStylesheet(eng->sheet[i]);
	if (eng->schema != NULL)
		xmlRelaxNGFree(eng->schema);
	if (eng->sec != NULL)
		xsltFreeSecurityPrefs(eng->sec);
	free(eng);
}

const char *
cd_engine_dir(const cd_engine *eng)
{
	return eng->dir;
}

struct verr {
	cd_error *err;
	int n;
};

static void
valid_serror(void *data, xmlErrorPtr e)
{
	struct verr *v = data;

	if (v->n++ == 0)
		cd_error_set(v->err, CD_ERR_INVALID, "council.rng", e->line,
		             "output does not validate: %s", e->message ? e->message : "");
}

cd_status
cd_engine_validate(cd_engine *eng, xmlDocPtr council, cd_error *err)
{
	xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(eng->schema);
	struct verr v = { err, 0 };
	int rc;

	if (vc == NULL) {
		cd_error_set(err, CD_ERR_NOMEM, NULL, 0, "out of memory");
		return CD_ERR_NOMEM;
	}
	xmlRelaxNGSetValidStructuredErrors(vc, valid_serror, &v);
	rc = xmlRelaxNGValidateDoc(vc, council);
	xmlRelaxNGFreeValidCtxt(vc);
	if (rc == 0)
		return CD_OK;
	if (v.n == 0)
		cd_error_set(err, CD_ERR_INVALID, "council.rng", 0, "output does not validate");
	return CD_ERR_INVALID;
}

cd_status
cd_xml_serialize(xmlDocPtr doc, char **out, size_t *len, cd_error *err)
{
	xmlChar *mem = NULL;
	int n = 0;

	xmlDocDumpFormatMemoryEnc(doc, &mem, &n, "UTF-8", 0);
	if (mem == NULL || n < 0) {
		cd_error_set(err, CD_ERR_NOMEM, NULL, 0, "cannot serialize XML");
		return CD_ERR_NOMEM;
	}
	*out = malloc((size_t)n + 1);
	if (*out == NULL) {
		xmlFree(mem);
		cd_error_set(err, CD_ERR_NOMEM, NULL, 0, "out of memory");
		return CD_ERR_NOMEM;
	}
	memcpy(*out, mem, (size_t)n);
	(*out)[n] = '\0';
	*len = (size_t)n;
	xmlFree(mem);
	return CD_OK;
}

/* XSLT parameters as xsltproc --stringparam would pass them. */
static void
sheet_params(cd_format fmt, const cd_options *o, const char **p, char *wrap, size_t wn)
{
	int i = 0;

	if (fmt == CD_FMT_TXT) {
		p[i++] = "notes";
		p[i++] = o->notes_at == CD_NOTES_SECTION ? "'section'" : "'end'";
		snprintf(wrap, wn, "'%d'", o->wrap > 0 ? o->wrap : 0);
		p[i++] = "wrap";
		p[i++] = wrap;
		p[i++] = "table-headers";
		p[i++] = o->table_headers_repeat ? "'repeat'" : "'once'";
	} else if (fmt == CD_FMT_MD) {
		p[i++] = "front-matter";
		p[i++] = o->front_matter ? "'yes'" : "'no'";
		p[i++] = "toc";
		p[i++] = o->toc ? "'yes'" : "'no'";
	} else if (fmt == CD_FMT_DOCBOOK) {
		p[i++] = "toc";
		p[i++] = o->toc ? "'yes'" : "'no'";
	}
	p[i] = NULL;
}

/* One stylesheet applied to the council document: the context is made
 * by new_job (in the calling thread: making it numbers the document's
 * elements for XPath, a write), run_job may then run in any thread. */
struct job {
	cd_engine *eng;
	int which;
	cd_format fmt;
	xmlDocPtr council;
	const cd_options *o;
	xsltTransformContextPtr ctxt;
	cd_buf msg;
	char *out;
	size_t len;
	double cpu;              /* CPU seconds: its context, its share of the
	                          * stripping, the thread that ran it */
	cd_status rc;
	cd_error err;
};

static int
new_job(struct job *j, cd_engine *eng, int which, cd_format fmt, xmlDocPtr council,
        const cd_options *o, cd_error *err)
{
	memset(j, 0, sizeof *j);
	j->eng = eng;
	j->which = which;
	j->fmt = fmt;
	j->council = council;
	j->o = o;
	cd_buf_init(&j->msg);
	j->ctxt = xsltNewTransformContext(eng->sheet[which], council);
	if (j->ctxt == NULL) {
		cd_error_set(err, CD_ERR_NOMEM, NULL, 0, "out of memory");
		return 0;
	}
	xsltSetTransformErrorFunc(j->ctxt, &j->msg, collect);
	xsltSetCtxtSecurityPrefs(eng->sec, j->ctxt);
	if (!cd_xslt_ext_register(j->ctxt)) {
		xsltFreeTransformContext(j->ctxt);
		j->ctxt = NULL;
		cd_error_set(err, CD_ERR_NOMEM, NULL, 0, "out of memory");
		return 0;
	}
	return 1;
}

static double
thread_cpu(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Applies the stylesheet, frees the context, serializes: j->out (malloc'd,
 * NUL-terminated) or j->rc and j->err. */
static void
run_job(struct job *j)
{
	xsltStylesheetPtr st = j->eng->sheet[j->which];
	const char *params[8];
	char wrap[32];
	xmlDocPtr res;
	xmlChar *mem = NULL;
	int n = 0, stopped;
	double t0 = thread_cpu();

	sheet_params(j->fmt, j->o, params, wrap, sizeof wrap);
	res = xsltApplyStylesheetUser(st, j->council, params, NULL, NULL, j->ctxt);
	stopped = j->ctxt->state == XSLT_STATE_ERROR || j->ctxt->state == XSLT_STATE_STOPPED;
	cd_xslt_ext_done(j->ctxt);
	xsltFreeTransformContext(j->ctxt);
	j->ctxt = NULL;
	j->rc = CD_ERR_XSLT;
	if (res == NULL || stopped) {
		cd_error_set(&j->err, CD_ERR_XSLT, sheet_file[j->which], 0, "%s",
		             j->msg.len ? first_line(&j->msg) : "transformation failed");
	} else if (xsltSaveResultToString(&mem, &n, res, st) != 0 || n < 0) {
		cd_error_set(&j->err, CD_ERR_XSLT, sheet_file[j->which], 0, "cannot serialize result");
	} else if ((j->out = malloc((size_t)n + 1)) == NULL) {
		cd_error_set(&j->err, CD_ERR_NOMEM, NULL, 0, "out of memory");
		j->rc = CD_ERR_NOMEM;
	} else {
		if (n > 0)
			memcpy(j->out, mem, (size_t)n);
		j->out[n] = '\0';
		j->len = (size_t)n;
		j->rc = CD_OK;
	}
	cd_buf_free(&j->msg);
	xmlFreeDoc(res);
	xmlFree(mem);
	j->cpu += thread_cpu() - t0;
}

static cd_status
apply(cd_engine *eng, int which, cd_format fmt, xmlDocPtr council,
      const cd_options *o, char **out, size_t *len, cd_error *err)
{
	struct job j;

	if (!new_job(&j, eng, which, fmt, council, o, err))
		return CD_ERR_NOMEM;
	run_job(&j);
	if (j.rc != CD_OK) {
		*err = j.err;
		return j.rc;
	}
	*out = j.out;
	*len = j.len;
	return CD_OK;
}

cd_status
cd_emit(cd_engine *eng, cd_format fmt, xmlDocPtr council, const cd_options *o,
        char **out, size_t *len, cd_error *err)
{
	*out = NULL;
	*len = 0;
	switch (fmt) {
	case CD_FMT_XML:
		return cd_xml_serialize(council, out, len, err);
	case CD_FMT_DOCBOOK:
		return apply(eng, SHEET_DOCBOOK, fmt, council, o, out, len, err);
	case CD_FMT_MD:
		return apply(eng, SHEET_MD, fmt, council, o, out, len, err);
	case CD_FMT_TXT:
		return apply(eng, SHEET_TXT, fmt, council, o, out, len, err);
	default:
		cd_error_set(err, CD_ERR_USAGE, NULL, 0, "cd_emit: one format at a time");
		return CD_ERR_USAGE;
	}
}

/* ---- all formats of one document, the stylesheets side by side ---- */

struct pool {
	struct job *jobs;
	int n, next;
	pthread_mutex_t lock;
};

/* Runs jobs until none is left. */
static void *
worker(void *arg)
{
	struct pool *p = arg;

	for (;;) {
		int k;

		pthread_mutex_lock(&p->lock);
		k = p->next < p->n ? p->next++ : -1;
		pthread_mutex_unlock(&p->lock);
		if (k < 0)
			return NULL;
		run_job(&p->jobs[k]);
	}
}

/* A thread of run_jobs: libxml2's error handlers are per thread, so it
 * silences its own as cd_init does the caller's. */
static void *
thread_main(void *arg)
{
	cd_thread_quiet();
	return worker(arg);
}

/* Runs jobs[0..n) in this thread and up to threads - 1 more. */
static void
run_jobs(struct job *jobs, int n, int threads)
{
	struct pool p = { jobs, n, 0, PTHREAD_MUTEX_INITIALIZER };
	pthread_t tid[NSHEETS];
	int started = 0;

	for (int k = 0; k < threads - 1 && k < n - 1; k++)
		if (pthread_create(&tid[started], NULL, thread_main, &p) == 0)
			started++;
	worker(&p);
	for (int k = 0; k < started; k++)
		pthread_join(tid[k], NULL);
	pthread_mutex_destroy(&p.lock);
}

cd_status
cd_emit_all(cd_engine *eng, unsigned formats, xmlDocPtr council, const cd_options *o,
            int threads, char *out[4], size_t len[4], double cpu[4], cd_error *err)
{
	/* the longest first, so that the last one to finish is short */
	static const struct { cd_format fmt; int sheet; } order[] = {
		{ CD_FMT_TXT, SHEET_TXT }, { CD_FMT_MD, SHEET_MD }, { CD_FMT_DOCBOOK, SHEET_DOCBOOK },
	};
	cd_error jerr[4];
	cd_status jrc[4] = { CD_OK, CD_OK, CD_OK, CD_OK };
	struct job jobs[NSHEETS];
	cd_status rc = CD_OK;
	int n = 0;

	for (int i = 0; i < 4; i++) {
		out[i] = NULL;
		len[i] = 0;
		if (cpu != NULL)
			cpu[i] = 0;
	}
	/* the XML first: the stylesheets strip the document's white space */
	if (formats & CD_FMT_XML) {
		double t0 = thread_cpu();

		if ((rc = cd_xml_serialize(council, &out[0], &len[0], err)) != CD_OK)
			return rc;
		if (cpu != NULL)
			cpu[0] = thread_cpu() - t0;
	}
	/* contexts made here, one after the other (each numbers the document's
	 * elements for XPath: a write), then the document stripped once as the
	 * first stylesheet would strip it: the transforms then only read it.
	 * Both are the stylesheets' work, counted in their CPU time (the
	 * stripping shared out). */
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
		double t0;

		if (!(formats & order[i].fmt))
			continue;
		t0 = thread_cpu();
		if (!new_job(&jobs[n], eng, order[i].sheet, order[i].fmt, council, o, err)) {
			rc = CD_ERR_NOMEM;
			break;
		}
		jobs[n++].cpu = thread_cpu() - t0;
	}
	if (rc == CD_OK && n > 0 && xsltNeedElemSpaceHandling(jobs[0].ctxt)) {
		double t0 = thread_cpu(), share;

		xsltApplyStripSpaces(jobs[0].ctxt, xmlDocGetRootElement(council));
		share = (thread_cpu() - t0) / n;
		for (int k = 0; k < n; k++)
			jobs[k].cpu += share;
	}
	if (rc == CD_OK)
		run_jobs(jobs, n, threads < 1 ? 1 : threads);
	for (int k = 0; k < n; k++) {
		int slot = jobs[k].fmt == CD_FMT_DOCBOOK ? 1 : jobs[k].fmt == CD_FMT_MD ? 2 : 3;

		if (jobs[k].ctxt != NULL) {           /* never run */
			xsltFreeTransformContext(jobs[k].ctxt);
			cd_buf_free(&jobs[k].msg);
			continue;
		}
		out[slot] = jobs[k].out;
		len[slot] = jobs[k].len;
		jrc[slot] = jobs[k].rc;
		jerr[slot] = jobs[k].err;
		if (cpu != NULL)
			cpu[slot] = jobs[k].cpu;
	}
	/* the error of the first format, as when they ran one after the other */
	for (int i = 1; i < 4 && rc == CD_OK; i++)
		if (jrc[i] != CD_OK) {
			rc = jrc[i];
			*err = jerr[i];
		}
	if (rc != CD_OK)
		for (int i = 0; i < 4; i++) {
			free(out[i]);
			out[i] = NULL;
		}
	return rc;
}
