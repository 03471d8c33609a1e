/*
 * core.c — error values, options, the growable buffer, library init.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxslt/xslt.h>
#include <libexslt/exslt.h>

#include "cd_internal.h"

void
cd_error_set(cd_error *e, cd_status code, const char *part, int line,
             const char *fmt, ...)
{
	va_list ap;
	size_t n = 0;

	if (e == NULL)
		return;
	e->code = code;
	e->msg[0] = '\0';
	if (part != NULL && line > 0)
		n = (size_t)snprintf(e->msg, sizeof e->msg, "%s:%d: ", part, line);
	else if (part != NULL)
		n = (size_t)snprintf(e->msg, sizeof e->msg, "%s: ", part);
	if (n >= sizeof e->msg)
		n = sizeof e->msg - 1;
	va_start(ap, fmt);
	vsnprintf(e->msg + n, sizeof e->msg - n, fmt, ap);
	va_end(ap);
	/* one line: no newlines in a message */
	for (char *p = e->msg; *p; p++)
		if (*p == '\n' || *p == '\r')
			*p = ' ';
	n = strlen(e->msg);
	while (n > 0 && e->msg[n - 1] == ' ')
		e->msg[--n] = '\0';
}

void
cd_error_clear(cd_error *e)
{
	if (e != NULL) {
		e->code = CD_OK;
		e->msg[0] = '\0';
	}
}

void
cd_options_init(cd_options *o)
{
	memset(o, 0, sizeof *o);
	o->max_part_size = (size_t)256 << 20;
	o->max_total_size = (size_t)1 << 30;
	o->max_ratio = 1000;
	o->max_input_size = (size_t)2 << 30;
	o->keep_comments = 0;
	o->notes_at = CD_NOTES_END;
	o->wrap = 0;
	o->front_matter = 0;
}

/* ---- cd_buf ---- */

void
cd_buf_init(cd_buf *b)
{
	b->data = NULL;
	b->len = b->cap = 0;
	b->failed = 0;
}

static int
buf_grow(cd_buf *b, size_t need)
{
	size_t cap;
	char *p;

	if (b->failed)
		return 0;
	if (b->len + need + 1 <= b->cap)
		return 1;
	cap = b->cap ? b->cap : 256;
	while (cap < b->len + need + 1) {
		if (cap > ((size_t)-1) / 2) {
			b->failed = 1;
			return 0;
		}
		cap *= 2;
	}
	p = realloc(b->data, cap);
	if (p == NULL) {
		b->failed = 1;
		return 0;
	}
	b->data = p;
	b->cap = cap;
	return 1;
}

void
cd_buf_add(cd_buf *b, const char *s, size_t n)
{
	if (n == 0 && b->data != NULL)
		return;
	if (!buf_grow(b, n))
		return;
	if (n > 0)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
cd_buf_adds(cd_buf *b, const char *s)
{
	cd_buf_add(b, s, strlen(s));
}

void
cd_buf_addc(cd_buf *b, char c)
{
	cd_buf_add(b, &c, 1);
}

void
cd_buf_printf(cd_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !buf_grow(b, (size_t)n))
		return;
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

char *
cd_buf_take(cd_buf *b, size_t *len)
{
	char *p;

	if (b->failed) {
		cd_buf_free(b);
		return NULL;
	}
	if (b->data == NULL)
		cd_buf_add(b, "", 0);
	p = b->data;
	if (len != NULL)
		*len = b->len;
	cd_buf_init(b);
	return p;
}

void
cd_buf_free(cd_buf *b)
{
	free(b->data);
	cd_buf_init(b);
}

/* ---- library init ---- */

static void
silent_generic(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

/* cd_init/cd_cleanup pair up: the first cd_init sets the library up, the
 * last cd_cleanup puts back what it changed, and a later cd_init sets it up
 * again. What it changes process-wide while in use: libxml2's generic
 * error handler (silenced: library code never prints) and the parser
 * defaults for external DTDs, entity substitution and pedantic mode
 * (off). EXSLT stays registered (harmless, as xsltproc does); freeing
 * libxml2's globals (xmlCleanupParser) is the process's business, at exit. */
static int users;
static struct {
	xmlGenericErrorFunc err;
	void *err_ctx;
	xmlStructuredErrorFunc serr;
	void *serr_ctx;
	int load_ext_dtd, substitute, pedantic;
} saved;

void
cd_init(void)
{
	if (users++ > 0)
		return;
	LIBXML_TEST_VERSION
	xmlInitParser();
	saved.err = xmlGenericError;
	saved.err_ctx = xmlGenericErrorContext;
	saved.serr = xmlStructuredError;
	saved.serr_ctx = xmlStructuredErrorContext;
	/* Library code never prints: errors reach callers through cd_error. */
	xmlSetGenericErrorFunc(NULL, silent_generic);
	xmlSetStructuredErrorFunc(NULL, NULL);
	saved.load_ext_dtd = xmlLoadExtDtdDefaultValue;
	xmlLoadExtDtdDefaultValue = 0;
	saved.substitute = xmlSubstituteEntitiesDefault(0);
	saved.pedantic = xmlPedanticParserDefault(0);
	/* EXSLT (exsl:node-set, str:...) as xsltproc registers it */
	exsltRegisterAll();
}

void
cd_thread_quiet(void)
{
	xmlSetGenericErrorFunc(NULL, silent_generic);
	xmlSetStructuredErrorFunc(NULL, NULL);
}

void
cd_cleanup(void)
{
	if (users == 0 || --users > 0)
		return;
	xmlSetGenericErrorFunc(saved.err_ctx, saved.err);
	xmlSetStructuredErrorFunc(saved.serr_ctx, saved.serr);
	xmlLoadExtDtdDefaultValue = saved.load_ext_dtd;
	xmlSubstituteEntitiesDefault(saved.substitute);
	xmlPedanticParserDefault(saved.pedantic);
}
