/*
 * emit.c — the engine: council.rng and the three stylesheets, compiled once
 * per run, applied in-process with libxslt exactly as xsltproc would.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/relaxng.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/xsltutils.h>

#include "cd_internal.h"

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

static cd_status
apply(cd_engine *eng, int which, cd_format fmt, xmlDocPtr council,
      const cd_options *o, char **out, size_t *len, cd_error *err)
{
	xsltStylesheetPtr st = eng->sheet[which];
	xsltTransformContextPtr ctxt;
	const char *params[8];
	char wrap[32];
	xmlDocPtr res;
	xmlChar *mem = NULL;
	int n = 0, stopped;
	cd_buf msg;

	sheet_params(fmt, o, params, wrap, sizeof wrap);
	ctxt = xsltNewTransformContext(st, council);
	if (ctxt == NULL) {
		cd_error_set(err, CD_ERR_NOMEM, NULL, 0, "out of memory");
		return CD_ERR_NOMEM;
	}
	cd_buf_init(&msg);
	xsltSetTransformErrorFunc(ctxt, &msg, collect);
	xsltSetCtxtSecurityPrefs(eng->sec, ctxt);
	res = xsltApplyStylesheetUser(st, council, params, NULL, NULL, ctxt);
	stopped = ctxt->state == XSLT_STATE_ERROR || ctxt->state == XSLT_STATE_STOPPED;
	xsltFreeTransformContext(ctxt);
	if (res == NULL || stopped) {
		cd_error_set(err, CD_ERR_XSLT, sheet_file[which], 0, "%s",
		             msg.len ? first_line(&msg) : "transformation failed");
		cd_buf_free(&msg);
		xmlFreeDoc(res);
		return CD_ERR_XSLT;
	}
	cd_buf_free(&msg);
	if (xsltSaveResultToString(&mem, &n, res, st) != 0 || n < 0) {
		xmlFreeDoc(res);
		xmlFree(mem);
		cd_error_set(err, CD_ERR_XSLT, sheet_file[which], 0, "cannot serialize result");
		return CD_ERR_XSLT;
	}
	xmlFreeDoc(res);
	*out = malloc((size_t)n + 1);
	if (*out == NULL) {
		xmlFree(mem);
		cd_error_set(err, CD_ERR_NOMEM, NULL, 0, "out of memory");
		return CD_ERR_NOMEM;
	}
	if (n > 0)
		memcpy(*out, mem, (size_t)n);
	(*out)[n] = '\0';
	*len = (size_t)n;
	xmlFree(mem);
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
