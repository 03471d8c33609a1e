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
 * change. The serialization frees each node right after writing it
 * (while it is in the cache): one walk of the scattered tree, not two.
 * A tree built in one go (a report of many short paragraphs)
 * already lies in order: read back, it was no faster to walk, and the
 * stylesheets' own trees came out slower (a million paragraphs: 2.2 to
 * 2.9 s each), so only a scattered tree is laid out again, and only a
 * large one (a smaller tree fits the cache wherever it lies). The
 * structure stage now builds a long report's tree apart from the
 * package's holes (structure.c), so this is rarely needed; it stays for
 * the trees built in place. Which path a
 * document takes depends on addresses, never its outputs.
 */
#include <stdint.h>

#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlsave.h>

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
	return steps == 8192 && jumps * 10 > steps;
}

/* ---- serialized while freed ---- */

static int
buf_write(void *ctx, const char *s, int n)
{
	cd_buf_add(ctx, s, (size_t)n);
	return n;
}

static int
buf_close(void *ctx)
{
	(void)ctx;
	return 0;
}

static int
has_element_child(const xmlNode *n)
{
	for (const xmlNode *c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			return 1;
	return 0;
}

/* Writes element n, which has children, as libxml2 would, freeing each
 * child right after writing it (while it is still in the cache; a second
 * walk of the scattered tree to free it would miss again). Containers
 * near the root are written piecewise, deeper subtrees whole. */
static void
dump_free(xmlSaveCtxtPtr save, cd_buf *out, xmlNodePtr n, int depth)
{
	xmlNodePtr kids = n->children, last = n->last, nx;

	/* the start tag: libxml2's empty element, less its "/>" */
	n->children = n->last = NULL;
	xmlSaveTree(save, n);
	n->children = kids;
	n->last = last;
	xmlSaveFlush(save);
	if (out->len < 2 || memcmp(out->data + out->len - 2, "/>", 2) != 0) {
		out->failed = 1;
		return;
	}
	out->len -= 2;
	cd_buf_addc(out, '>');
	for (xmlNodePtr c = kids; c != NULL; c = nx) {
		nx = c->next;
		if (depth < 3 && c->type == XML_ELEMENT_NODE && has_element_child(c))
			dump_free(save, out, c, depth + 1);
		else
			xmlSaveTree(save, c);
		xmlUnlinkNode(c);
		xmlFreeNode(c);
	}
	xmlSaveFlush(save);
	cd_buf_printf(out, "</%s%s%s>", n->ns && n->ns->prefix ? (const char *)n->ns->prefix : "",
	              n->ns && n->ns->prefix ? ":" : "", (const char *)n->name);
}

/* The document as xmlDocDumpFormatMemoryEnc(doc, .., "UTF-8", 0) writes
 * it, its nodes freed on the way (doc itself is left to the caller). */
static cd_status
dump_doc(xmlDocPtr doc, cd_buf *out, cd_error *err)
{
	const xmlChar *enc = doc->encoding;
	xmlSaveCtxtPtr save = xmlSaveToIO(buf_write, buf_close, out, "UTF-8", 0);
	int rc;

	if (save == NULL) {
		cd_error_set(err, CD_ERR_NOMEM, NULL, 0, "out of memory");
		return CD_ERR_NOMEM;
	}
	cd_buf_adds(out, "<?xml version=\"");
	cd_buf_adds(out, doc->version ? (const char *)doc->version : "1.0");
	cd_buf_adds(out, "\" encoding=\"UTF-8\"");
	if (doc->standalone >= 0)
		cd_buf_adds(out, doc->standalone ? " standalone=\"yes\"" : " standalone=\"no\"");
	cd_buf_adds(out, "?>\n");
	/* as libxml2 does for the time of a dump: attribute values then keep
	 * their UTF-8 rather than becoming character references */
	doc->encoding = BAD_CAST "UTF-8";
	for (xmlNodePtr c = doc->children; c != NULL; c = c->next) {
		if (c->type == XML_ELEMENT_NODE && c->children != NULL)
			dump_free(save, out, c, 0);
		else
			xmlSaveTree(save, c);
		xmlSaveFlush(save);
		cd_buf_addc(out, '\n');
	}
	doc->encoding = enc;
	rc = xmlSaveClose(save);
	if (rc < 0 || out->failed) {
		cd_error_set(err, CD_ERR_NOMEM, NULL, 0, "cannot serialize XML");
		return CD_ERR_NOMEM;
	}
	return CD_OK;
}

cd_status
cd_relayout(xmlDocPtr *council, char **xml, size_t *len, cd_error *err)
{
	cd_buf out;
	cd_status st;

	*xml = NULL;
	*len = 0;
	cd_buf_init(&out);
	st = dump_doc(*council, &out, err);
	xmlFreeDoc(*council);
	*council = NULL;
	if (st != CD_OK) {
		cd_buf_free(&out);
		return st;
	}
	*xml = cd_buf_take(&out, len);
	*council = reread(*xml, *len, err);
	if (*council == NULL) {
		free(*xml);
		*xml = NULL;
		*len = 0;
		return CD_ERR_XML;
	}
	return CD_OK;
}
