/*
 * xsltext.c — string functions in C for the stylesheets (see xsltext.h).
 *
 * Every function here has a template in the stylesheets that computes the
 * same string, used when the function is not available (xsltproc): the
 * function only spares libxslt the template calls, temporary strings and
 * translate() passes (translate() compares each character of the text
 * with each character of its second argument, in a function call).
 *
 *   cdx:md-esc(S)          m-esc (md-inline.xsl): \ ` * _ [ ] < > | ~ & #
 *                          each preceded by a backslash, except "_"
 *                          between two ASCII letters or digits
 *   cdx:md-text(S)         the m-inl text() template: tab, LF, CR as spaces,
 *                          then m-esc
 *   cdx:md-line(NUM, S)    a paragraph of plain text as m-blocks writes it:
 *                          normalize-space(concat(NUM' ', md-esc(S))) with
 *                          its start escaped as m-line-start does ("" when
 *                          it is blank)
 *   cdx:md-para(S)         m-para (council2md.xsl): the segments of S
 *                          between U+E000 marks, normalized, the blank
 *                          ones left out, each escaped at its start,
 *                          joined by backslash-newline, ending in newline
 *   cdx:txt-lines(S)       t-segments (txt-wrap.xsl) when lines are neither
 *                          wrapped nor isolated: each non-blank segment,
 *                          normalized, on a line of its own
 *   cdx:trim-nl(S)         m-trim-nl / t-trim-nl: S without its trailing
 *                          newlines
 *   cdx:indent(S, PAD, FIRST)  cd-indent (common.xsl): every non-empty
 *                          line of S prefixed with PAD, the first with
 *                          FIRST (a first line that is empty gets none)
 *   cdx:md-url(U)          m-url (md-inline.xsl): space ( ) < > \ in U
 *                          percent-encoded
 *   cdx:md-cell(S)         the c:cell m-cell template (md-tables.xsl): S
 *                          normalized, a leading U+E000 dropped, the
 *                          others as " <br> ", normalized again
 *   cdx:md-cell-of(CELL)  the c:cell m-cell template on a cell holding
 *                          only c:p elements of plain text: md-text of
 *                          their text nodes, each non-blank paragraph
 *                          after a U+E000 mark, then md-cell
 *   cdx:md-emph(RAW, DELIM, HTML, NODE)  m-emph on a c:b or c:i of one
 *                          text node (xsltemph.c)
 *   cdx:db-first(ID)       db-first (council2docbook.xsl): generate-id()
 *                          of the first c:section, c:annex, c:anchor,
 *                          c:note or c:p whose @id is ID, "" when none
 *   cdx:db-id(NODE)        the test of db-id (db-ids.xsl) in one call: the
 *                          @id of NODE's first node when that node is the
 *                          first carrier of it and it starts with
 *                          [A-Za-z_] (or is empty) and holds none of
 *                          ' :/\t#?[]()'; else an empty node-set
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>
#include <libxml/xpathInternals.h>
#include <libxslt/extensions.h>
#include <libxslt/functions.h>

#include "cd_internal.h"
#include "xsltext.h"
#include "xsltemph.h"

/* XPath's white space (normalize-space) */
static int
xp_blank(unsigned char c)
{
	return c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D;
}

static int
md_special(unsigned char c)
{
	return c != '\0' && strchr("\\`*_[]<>|~&#", c) != NULL;
}

static int
ascii_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* m-esc-us: "_" needs no backslash between two ASCII letters or digits
 * of S (GFM never reads an intraword "_" as emphasis) */
static int
md_escape_at(const xmlChar *s, const xmlChar *start, const xmlChar *end)
{
	if (*s != '_')
		return md_special(*s);
	return !(s > start && s + 1 < end && ascii_alnum(s[-1]) && ascii_alnum(s[1]));
}

/* Appends the N bytes at S (normalize-space'd when NORM, tabs and line
 * ends as spaces when TABS, Markdown-escaped when ESC) to B; *pend says a
 * space is owed before the next character (normalize-space across pieces). */
/* a byte put() copies as it is, whatever its flags */
static int
plain_byte(unsigned char c)
{
	return c > 0x20 && c != '\\' && c != '`' && c != '*' && c != '_' && c != '[' &&
	       c != ']' && c != '<' && c != '>' && c != '|' && c != '~' && c != '&' && c != '#';
}

static void
put(cd_buf *b, const xmlChar *s, size_t n, int norm, int tabs, int esc, int *pend)
{
	const xmlChar *start = s;

	for (const xmlChar *end = s + n; s < end; s++) {
		unsigned char c = *s;

		if (plain_byte(c) && !*pend) {
			const xmlChar *run = s;

			while (s + 1 < end && plain_byte(s[1]))
				s++;
			cd_buf_add(b, (const char *)run, (size_t)(s - run) + 1);
			continue;
		}

		if (tabs && (c == '\t' || c == '\n' || c == '\r'))
			c = ' ';
		if (norm && xp_blank(c)) {
			if (b->len > 0)
				*pend = 1;
			continue;
		}
		if (*pend) {
			cd_buf_add(b, " ", 1);
			*pend = 0;
		}
		if (esc && md_escape_at(s, start, end))
			cd_buf_add(b, "\\", 1);
		cd_buf_add(b, (const char *)&c, 1);
	}
}

/* The string argument of a function of one argument (caller frees it
 * with xmlFree), or NULL after an arity or memory error. */
static xmlChar *
one_arg(xmlXPathParserContextPtr ctxt, int nargs)
{
	if (nargs != 1) {
		xmlXPathErr(ctxt, XPATH_INVALID_ARITY);
		return NULL;
	}
	return xmlXPathPopString(ctxt);
}

int
cd_xslt_pop_set(xmlXPathParserContextPtr ctxt, int nargs, int want, xmlNodeSetPtr *set)
{
	*set = NULL;
	if (nargs != want) {
		xmlXPathErr(ctxt, XPATH_INVALID_ARITY);
		return 0;
	}
	*set = xmlXPathPopNodeSet(ctxt);
	if (xmlXPathCheckError(ctxt)) {
		xmlXPathFreeNodeSet(*set);
		*set = NULL;
		return 0;
	}
	return 1;
}

static void
push_buf(xmlXPathParserContextPtr ctxt, cd_buf *b)
{
	xmlChar *r = xmlStrndup(BAD_CAST(b->data != NULL ? b->data : ""), (int)b->len);

	cd_buf_free(b);
	if (r == NULL) {
		xmlXPathErr(ctxt, XPATH_MEMORY_ERROR);
		return;
	}
	valuePush(ctxt, xmlXPathWrapString(r));
}

static void
esc_common(xmlXPathParserContextPtr ctxt, int nargs, int tabs)
{
	xmlChar *s;
	cd_buf b;
	int pend = 0;

	s = one_arg(ctxt, nargs);
	if (s == NULL)
		return;
	cd_buf_init(&b);
	put(&b, s, (size_t)xmlStrlen(s), 0, tabs, 1, &pend);
	xmlFree(s);
	push_buf(ctxt, &b);
}

static void
fn_md_esc(xmlXPathParserContextPtr ctxt, int nargs)
{
	esc_common(ctxt, nargs, 0);
}

static void
fn_md_text(xmlXPathParserContextPtr ctxt, int nargs)
{
	esc_common(ctxt, nargs, 1);
}

/* m-line-start on the normalized line in B (from offset 0) */
static void
line_start(const cd_buf *b, cd_buf *out)
{
	const char *s = b->data;
	size_t lead = 0;

	if (b->len == 0)
		return;
	if (strchr("+-=#", s[0]) != NULL) {
		cd_buf_add(out, "\\", 1);
		cd_buf_add(out, s, b->len);
		return;
	}
	/* m-lead-digits counts at most 12 */
	while (lead < b->len && lead < 12 && s[lead] >= '0' && s[lead] <= '9')
		lead++;
	if (lead > 0 && lead <= 9 && lead < b->len && (s[lead] == '.' || s[lead] == ')') &&
	    (lead + 1 == b->len || s[lead + 1] == ' ' || s[lead + 1] == '\t')) {
		cd_buf_add(out, s, lead);
		cd_buf_add(out, "\\", 1);
		cd_buf_add(out, s + lead, b->len - lead);
		return;
	}
	cd_buf_add(out, s, b->len);
}

static void
fn_md_line(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlChar *num, *s;
	cd_buf b, out;
	int pend = 0;

	if (nargs != 2) {
		xmlXPathErr(ctxt, XPATH_INVALID_ARITY);
		return;
	}
	s = xmlXPathPopString(ctxt);
	num = xmlXPathPopString(ctxt);
	if (s == NULL || num == NULL) {
		xmlFree(s);
		xmlFree(num);
		return;
	}
	cd_buf_init(&b);
	cd_buf_init(&out);
	put(&b, num, (size_t)xmlStrlen(num), 1, 0, 0, &pend);
	if (b.len > 0)
		pend = 1;
	put(&b, s, (size_t)xmlStrlen(s), 1, 0, 1, &pend);
	xmlFree(num);
	xmlFree(s);
	line_start(&b, &out);
	cd_buf_free(&b);
	push_buf(ctxt, &out);
}

/* the segments of S between U+E000 break marks, each normalize-space'd:
 * calls emit(OUT, segment, first) for each non-blank one */
static void
segments(const xmlChar *s, void (*emit)(cd_buf *, const cd_buf *, int), cd_buf *out)
{
	static const char br[] = "\xEE\x80\x80";
	cd_buf seg;
	int first = 1;

	cd_buf_init(&seg);
	for (;;) {
		const char *e = strstr((const char *)s, br);
		size_t n = e != NULL ? (size_t)(e - (const char *)s) : strlen((const char *)s);
		int pend = 0;

		seg.len = 0;
		put(&seg, s, n, 1, 0, 0, &pend);
		if (seg.len > 0) {
			emit(out, &seg, first);
			first = 0;
		}
		if (e == NULL)
			break;
		s = (const xmlChar *)e + 3;
	}
	cd_buf_free(&seg);
}

/* m-para (council2md.xsl): the lines joined by backslash-newline */
static void
emit_md(cd_buf *out, const cd_buf *seg, int first)
{
	if (!first)
		cd_buf_add(out, "\\\n", 2);
	line_start(seg, out);
}

/* t-segments (txt-wrap.xsl) without wrapping or isolates: one line each */
static void
emit_txt(cd_buf *out, const cd_buf *seg, int first)
{
	(void)first;
	cd_buf_add(out, seg->data, seg->len);
	cd_buf_add(out, "\n", 1);
}

static void
para_common(xmlXPathParserContextPtr ctxt, int nargs, int md)
{
	xmlChar *s;
	cd_buf out;

	s = one_arg(ctxt, nargs);
	if (s == NULL)
		return;
	cd_buf_init(&out);
	segments(s, md ? emit_md : emit_txt, &out);
	if (md && out.len > 0)
		cd_buf_add(&out, "\n", 1);
	xmlFree(s);
	push_buf(ctxt, &out);
}

static void
fn_md_para(xmlXPathParserContextPtr ctxt, int nargs)
{
	para_common(ctxt, nargs, 1);
}

static void
fn_txt_lines(xmlXPathParserContextPtr ctxt, int nargs)
{
	para_common(ctxt, nargs, 0);
}

static void
fn_trim_nl(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlChar *s;
	int n;

	s = one_arg(ctxt, nargs);
	if (s == NULL)
		return;
	n = xmlStrlen(s);
	while (n > 0 && s[n - 1] == '\n')
		s[--n] = '\0';
	valuePush(ctxt, xmlXPathWrapString(s));
}

/* cd-indent: PAD before every non-empty line of S, FIRST before the
 * first (when that line is not empty) */
static void
fn_indent(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlChar *s, *pad, *first;
	const char *p, *lead;
	cd_buf out;

	if (nargs != 3) {
		xmlXPathErr(ctxt, XPATH_INVALID_ARITY);
		return;
	}
	first = xmlXPathPopString(ctxt);
	pad = xmlXPathPopString(ctxt);
	s = xmlXPathPopString(ctxt);
	cd_buf_init(&out);
	if (s != NULL && pad != NULL && first != NULL) {
		lead = (const char *)first;
		for (p = (const char *)s; *p != '\0';) {
			const char *e = strchr(p, '\n');
			size_t n = e != NULL ? (size_t)(e - p) : strlen(p);

			if (n > 0) {
				cd_buf_adds(&out, lead);
				cd_buf_add(&out, p, n);
			}
			if (e == NULL)
				break;
			cd_buf_add(&out, "\n", 1);
			lead = (const char *)pad;
			p = e + 1;
		}
	}
	xmlFree(s);
	xmlFree(pad);
	xmlFree(first);
	push_buf(ctxt, &out);
}

/* m-url: the characters a link destination cannot hold, percent-encoded */
static void
fn_md_url(xmlXPathParserContextPtr ctxt, int nargs)
{
	static const char from[] = " ()<>\\", *const to[] = {
		"%20", "%28", "%29", "%3C", "%3E", "%5C"
	};
	xmlChar *u;
	cd_buf out;

	u = one_arg(ctxt, nargs);
	if (u == NULL)
		return;
	cd_buf_init(&out);
	for (const xmlChar *p = u; *p != '\0'; p++) {
		const char *k = strchr(from, *p);

		if (k != NULL)
			cd_buf_adds(&out, to[k - from]);
		else
			cd_buf_add(&out, (const char *)p, 1);
	}
	xmlFree(u);
	push_buf(ctxt, &out);
}

/* m-cell: a pipe-table cell's blocks (S, LEN bytes: the c:cell template's
 * $t) on one line, joined by <br>, appended to OUT */
static void
md_cell(cd_buf *out, const char *s, size_t len)
{
	static const char br[] = "\xEE\x80\x80";
	cd_buf n;
	const char *p;
	int pend = 0;

	cd_buf_init(&n);
	put(&n, (const xmlChar *)s, len, 1, 0, 0, &pend);
	cd_buf_add(&n, "", 0);
	p = n.data != NULL ? n.data : "";
	if (strncmp(p, br, 3) == 0)
		p += 3;
	pend = 0;
	for (;;) {
		const char *e = strstr(p, br);
		size_t k = e != NULL ? (size_t)(e - p) : strlen(p);

		put(out, (const xmlChar *)p, k, 1, 0, 0, &pend);
		if (e == NULL)
			break;
		put(out, (const xmlChar *)" <br> ", 6, 1, 0, 0, &pend);
		p = e + 3;
	}
	cd_buf_free(&n);
}

static void
fn_md_cell(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlChar *s;
	cd_buf out;

	s = one_arg(ctxt, nargs);
	if (s == NULL)
		return;
	cd_buf_init(&out);
	md_cell(&out, (const char *)s, (size_t)xmlStrlen(s));
	xmlFree(s);
	push_buf(ctxt, &out);
}

/* whether B holds nothing but XPath white space and U+E000 marks */
static int
blank_but_marks(const cd_buf *b)
{
	for (size_t i = 0; i < b->len;) {
		if (i + 3 <= b->len && memcmp(b->data + i, "\xEE\x80\x80", 3) == 0)
			i += 3;
		else if (xp_blank((unsigned char)b->data[i]))
			i++;
		else
			return 0;
	}
	return 1;
}

/* cdx:md-cell-of(CELL): the c:cell m-cell template on cells whose element
 * children are c:p elements holding no element: each paragraph's text
 * nodes as md-text writes them (the m-inl text() template), a paragraph
 * blank but for break marks left out, the others each after a U+E000
 * mark (the c:p m-cell template), the whole through m-cell */
static void
fn_md_cell_of(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlNodeSetPtr set;
	cd_buf t, p, out;

	if (!cd_xslt_pop_set(ctxt, nargs, 1, &set))
		return;
	cd_buf_init(&t);
	cd_buf_init(&p);
	for (int i = 0; set != NULL && i < set->nodeNr; i++) {
		for (xmlNodePtr c = set->nodeTab[i]->children; c != NULL; c = c->next) {
			if (c->type != XML_ELEMENT_NODE)
				continue;
			p.len = 0;
			for (xmlNodePtr x = c->children; x != NULL; x = x->next) {
				int pend = 0;

				if ((x->type == XML_TEXT_NODE || x->type == XML_CDATA_SECTION_NODE) &&
				    x->content != NULL)
					put(&p, x->content, (size_t)xmlStrlen(x->content), 0, 1, 1, &pend);
			}
			if (!blank_but_marks(&p)) {
				cd_buf_add(&t, "\xEE\x80\x80", 3);
				cd_buf_add(&t, p.data, p.len);
			}
		}
	}
	xmlXPathFreeNodeSet(set);
	cd_buf_init(&out);
	md_cell(&out, t.data != NULL ? t.data : "", t.len);
	cd_buf_free(&p);
	cd_buf_free(&t);
	push_buf(ctxt, &out);
}

/* The carriers of ids by id, the first in document order: made at the
 * first call of a transformation (in its thread; the document is only
 * read), kept in the context's _private until cd_xslt_ext_done. */
static xmlHashTablePtr
db_ids(xsltTransformContextPtr t, xmlXPathParserContextPtr ctxt)
{
	static const char *const names[] = { "section", "annex", "anchor", "note", "p" };
	xmlDocPtr doc = t->initialContextDoc != NULL ? t->initialContextDoc : ctxt->context->doc;
	xmlNodePtr root = doc != NULL ? xmlDocGetRootElement(doc) : NULL;
	xmlHashTablePtr h;

	if (t->_private != NULL)
		return t->_private;
	if ((h = xmlHashCreate(0)) == NULL)
		return NULL;
	for (xmlNodePtr n = root; n != NULL; n = cd_xml_next_in(n, root)) {
		xmlChar *id;

		if (!cd_xml_is(n, CD_NS, NULL))
			continue;
		for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
			if (strcmp((const char *)n->name, names[i]) == 0 &&
			    (id = xmlGetNoNsProp(n, BAD_CAST "id")) != NULL) {
				xmlHashAddEntry(h, id, n);     /* fails for a later carrier */
				xmlFree(id);
				break;
			}
	}
	t->_private = h;
	return h;
}

static void
fn_db_first(xmlXPathParserContextPtr ctxt, int nargs)
{
	xsltTransformContextPtr t = xsltXPathGetTransformContext(ctxt);
	xmlHashTablePtr h;
	xmlNodePtr n = NULL;
	xmlChar *id;

	id = one_arg(ctxt, nargs);
	if (id == NULL || t == NULL) {
		xmlFree(id);
		return;
	}
	h = db_ids(t, ctxt);
	if (h != NULL)
		n = xmlHashLookup(h, id);
	xmlFree(id);
	if (n == NULL) {
		valuePush(ctxt, xmlXPathNewCString(""));
		return;
	}
	/* libxslt's own generate-id(), on the node */
	valuePush(ctxt, xmlXPathNewNodeSet(n));
	xsltGenerateIdFunction(ctxt, 1);
}

/* The id test of db-id that needs no look-up: contains($db-ncname-start,
 * substring(@id, 1, 1)) and translate(@id, ' :/&#9;#?[]()', '') = @id. */
static int
db_id_plain(const xmlChar *id)
{
	int c = id[0] | 0x20;   /* ASCII letters in lower case */

	return (id[0] == '\0' || id[0] == '_' || (c >= 'a' && c <= 'z')) &&
	       strpbrk((const char *)id, " :/\t#?[]()") == NULL;
}

static void
fn_db_id(xmlXPathParserContextPtr ctxt, int nargs)
{
	xsltTransformContextPtr t = xsltXPathGetTransformContext(ctxt);
	xmlNodeSetPtr set;
	xmlNodePtr n;
	xmlAttrPtr a = NULL;
	xmlHashTablePtr h;
	xmlChar *id = NULL;

	if (!cd_xslt_pop_set(ctxt, nargs, 1, &set))
		return;
	n = set != NULL && set->nodeNr > 0 ? set->nodeTab[0] : NULL;
	if (n != NULL && n->type == XML_ELEMENT_NODE && t != NULL)
		a = xmlHasNsProp(n, BAD_CAST "id", NULL);
	if (a != NULL)
		id = xmlNodeGetContent((xmlNodePtr)a);
	if (id == NULL || !db_id_plain(id))
		a = NULL;
	h = a != NULL ? db_ids(t, ctxt) : NULL;
	if (h == NULL || xmlHashLookup(h, id) != n)
		a = NULL;
	xmlFree(id);
	xmlXPathFreeNodeSet(set);
	valuePush(ctxt, xmlXPathNewNodeSet((xmlNodePtr)a));
}

void
cd_xslt_ext_done(xsltTransformContextPtr ctxt)
{
	if (ctxt != NULL && ctxt->_private != NULL) {
		xmlHashFree(ctxt->_private, NULL);
		ctxt->_private = NULL;
	}
}

int
cd_xslt_ext_register(xsltTransformContextPtr ctxt)
{
	static const struct {
		const char *name;
		xmlXPathFunction fn;
	} fns[] = {
		{ "md-esc", fn_md_esc }, { "md-text", fn_md_text },
		{ "md-line", fn_md_line }, { "md-para", fn_md_para },
		{ "txt-lines", fn_txt_lines }, { "trim-nl", fn_trim_nl },
		{ "indent", fn_indent }, { "md-url", fn_md_url },
		{ "md-cell", fn_md_cell }, { "md-cell-of", fn_md_cell_of },
		{ "md-emph", cd_xsltemph_md_emph }, { "db-first", fn_db_first },
		{ "db-id", fn_db_id },
	};

	for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++)
		if (xsltRegisterExtFunction(ctxt, BAD_CAST fns[i].name, BAD_CAST CD_XSLT_EXT_NS,
		                            fns[i].fn) != 0)
			return 0;
	return 1;
}
