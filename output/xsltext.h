/*
 * xsltext.h — string functions in C for the stylesheets (namespace
 * urn:councildoc:ext). Each one does what a template of the stylesheets
 * does in XSLT, byte for byte; the stylesheets use them only when
 * function-available() says so, and the templates otherwise (xsltproc).
 */
#ifndef CD_XSLTEXT_H
#define CD_XSLTEXT_H

#include <libxslt/transform.h>

#define CD_XSLT_EXT_NS "urn:councildoc:ext"

/* Registers the functions on one transformation context. */
int cd_xslt_ext_register(xsltTransformContextPtr ctxt);
/* Frees what the functions kept on the context (before freeing it). */
void cd_xslt_ext_done(xsltTransformContextPtr ctxt);

#endif
