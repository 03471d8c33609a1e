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

/* Checks that an extension function got want arguments and pops the last
 * one as a node set into *set (caller: xmlXPathFreeNodeSet). 0, with the
 * XPath error set and *set NULL, when either fails. */
int cd_xslt_pop_set(xmlXPathParserContextPtr ctxt, int nargs, int want, xmlNodeSetPtr *set);

/* Registers the functions on one transformation context. */
int cd_xslt_ext_register(xsltTransformContextPtr ctxt);
/* Frees what the functions kept on the context (before freeing it). */
void cd_xslt_ext_done(xsltTransformContextPtr ctxt);

#endif
