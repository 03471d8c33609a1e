/*
 * relayout.c — the council document read back from its own XML before
 * the validation and the stylesheets walk it.
 *
 * The structure stage builds the council tree while the package tree is
 * alive and frees the package afterwards: the council's nodes end up
 * spread over a heap several times their size, between the holes the
 * package left. Every later walk of it (the validation, libxslt's
 * numbering of the elements in each transform context, the stripping of
 * white space, the stylesheets themselves) then misses the cache at
 * nearly every node once the heap outgrows it: on a 53 MB report, one
 * numbering walk of the 250 000 elements took 54 ms, against 17 ms for the
 * same document parsed fresh. Freed first and parsed from its
 * serialization, the tree lies in document order in memory that was
 * released as one block. The XML is the output the stylesheets are
 * defined on (stock xsltproc reads the same file), so the outputs do not
 * change. A tree built in one go (a report of many short paragraphs)
 * already lies in order: read back, it was no faster to walk, and the
 * stylesheets' own trees came out slower (a million paragraphs: 2.2 to
 * 2.9 s each), so only a scattered tree is laid out again. Which path a
 * document takes depends on addresses, never its outputs.
 */
#include <stdint.h>

#include <libxml/parser.h>

#include "cd_internal.h"

/* The serialization is ours: no DTD, no entity, nothing to expand; the
 * document is as deep and its texts as long as the package allowed, which
 * may exceed libxml2's default limits (256 levels, 10 MB of text), hence
 * XML_PARSE_HUGE. */
static xmlDocPtr
reread(const char *xml, size_t len, cd_error *err)
{
	int opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
	           XML_PARSE_COMPACT | XML_PARSE_NOCDATA | XML_PARSE_HUGE;
	xmlParserCtxtPtr ctxt;
	xmlDocPtr doc;

	if (len > (size_t)0x7fffffff) {
		cd_error_set(err, CD_ERR_LIMIT, "council.xml", 0, "council document too large");
		return NULL;
	}
	ctxt = xmlNewParserCtxt();
	if (ctxt == NULL) {
		cd_error_set(err, CD_ERR_NOMEM, NULL, 0, "out of memory");
		return NULL;
	}
	doc = xmlCtxtReadMemory(ctxt, xml, (int)len, "council.xml", NULL, opts);
	if (doc != NULL && (!ctxt->wellFormed || doc->intSubset != NULL ||
	                    xmlDocGetRootElement(doc) == NULL)) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	if (doc == NULL)
		cd_error_set(err, CD_ERR_XML, "council.xml",
		             ctxt->lastError.line, "cannot read the council XML back: %s",
		             ctxt->lastError.message ? ctxt->lastError.message : "out of memory");
	xmlFreeParserCtxt(ctxt);
	return doc;
}

int
cd_relayout_scattered(xmlDocPtr doc)
{
	xmlNodePtr root = xmlDocGetRootElement(doc), prev = root;
	size_t steps = 0, jumps = 0;

	for (xmlNodePtr n = cd_xml_next_in(root, root); n != NULL && steps < 8192;
	     n = cd_xml_next_in(n, root)) {
		uintptr_t a = (uintptr_t)n, b = (uintptr_t)prev;

		steps++;
		if ((a > b ? a - b : b - a) >= 4096)
			jumps++;
		prev = n;
	}
	return jumps * 10 > steps;
}

cd_status
cd_relayout(xmlDocPtr *council, const char *xml, size_t len, cd_error *err)
{
	xmlFreeDoc(*council);
	*council = reread(xml, len, err);
	return *council != NULL ? CD_OK : CD_ERR_XML;
}
