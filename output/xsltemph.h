/*
 * xsltemph.h — cdx:md-emph, the Markdown emphasis of a bold or italic
 * run of text (see xsltemph.c), registered by xsltext.c.
 */
#ifndef CD_XSLTEMPH_H
#define CD_XSLTEMPH_H

#include <libxml/xpathInternals.h>

/* cdx:md-emph(RAW, DELIM, HTML, NODE): an XPath extension function */
void cd_xsltemph_md_emph(xmlXPathParserContextPtr ctxt, int nargs);

#endif
