/*
 * xsltemph.c — cdx:md-emph(RAW, DELIM, HTML, NODE): what the m-emph
 * template (md-inline.xsl) writes for NODE, a c:b or c:i element whose
 * content is one text node, RAW being that text as md-text writes it:
 *
 *   RAW itself when it is blank but for U+E000 break marks; else the
 *   core (RAW normalize-space'd) between DELIM, or between <HTML> and
 *   </HTML> when delimiters could not open or close there (punctuation
 *   at an edge against a letter of the text node beside it, a space-like
 *   or break character at an edge, a c:b or c:i right next to it, the
 *   same emphasis around it), after a space when RAW starts with a
 *   space, tab or newline and before one when it ends with one.
 *
 * The template stays the fallback (xsltproc) and computes the same.
 */
#include <string.h>

#include <libxml/tree.h>

#include "cd_internal.h"
#include "xsltemph.h"
#include "xsltext.h"

/* $m-punct and $m-spacelike of md-inline.xsl, in UTF-8 */
static const char punct[] =
	"!\"#$%&'()*+,-./:;<=>\?@[\\]^_`{|}~"
	"\xE2\x80\x9C\xE2\x80\x9D\xE2\x80\x98\xE2\x80\x99\xC2\xAB\xC2\xBB\xE2\x80\xB9"
	"\xE2\x80\xBA\xE2\x80\x9E\xE2\x80\x9A\xE2\x80\x93\xE2\x80\x94\xE2\x80\x95"
	"\xE2\x80\x90\xE2\x80\x91\xE2\x80\xA6\xC2\xA1\xC2\xBF\xC2\xB7\xE2\x80\xA2"
	"\xC2\xA7\xC2\xB6\xE2\x80\xA0\xE2\x80\xA1\xE2\x80\xB2\xE2\x80\xB3\xE3\x80\x82"
	"\xEF\xBC\x8C\xE3\x80\x81\xEF\xBC\x9A\xEF\xBC\x9B\xEF\xBC\x81\xEF\xBC\x9F"
	"\xEF\xBC\x88\xEF\xBC\x89\xE3\x80\x8C\xE3\x80\x8D\xE3\x80\x8E\xE3\x80\x8F"
	"\xE3\x80\x90\xE3\x80\x91\xE3\x80\x8A\xE3\x80\x8B\xE3\x80\x88\xE3\x80\x89"
	"\xE3\x83\xBB";
static const char spacelike[] =
	"\xC2\xA0\xE2\x80\xAF\xE2\x80\x87\xE3\x80\x80\xE2\x80\x89\xE2\x80\x8A";
static const char brk[] = "\xEE\x80\x80";

static int
xp_blank(unsigned char c)
{
	return c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D;
}

/* the length of the UTF-8 character at S (1 for a stray byte) */
static size_t
char_len(const char *s)
{
	size_t n = 1;

	while (s[n] != '\0' && ((unsigned char)s[n] & 0xC0) == 0x80)
		n++;
	return n;
}

/* contains(SET, C): the character C (N bytes) occurs in SET */
static int
in_set(const char *set, const char *c, size_t n)
{
	char ch[8];

	if (n == 0 || n >= sizeof ch)
		return n == 0;
	memcpy(ch, c, n);
	ch[n] = '\0';
	return strstr(set, ch) != NULL;
}

static int
is_emph(const xmlNode *n, const char *name)
{
	return cd_xml_is(n, CD_NS, name);
}

static int
is_text(const xmlNode *n)
{
	return n != NULL && (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE);
}

/* $prevch / $nextch: the last or first character of the text node N */
static void
edge_char(const xmlNode *n, int last, const char **c, size_t *len)
{
	const char *s = n->content != NULL ? (const char *)n->content : "";
	size_t l = strlen(s);

	*c = s;
	*len = 0;
	if (l == 0)
		return;
	if (!last) {
		*len = char_len(s);
		return;
	}
	*c = s + l - 1;
	while (*c > s && ((unsigned char)**c & 0xC0) == 0x80)
		(*c)--;
	*len = (size_t)(s + l - *c);
}

/* a character beside the run that delimiters cannot open or close against */
static int
word_char(const char *c, size_t n)
{
	return n > 0 && !(n == 1 && *c == ' ') && !in_set(punct, c, n) && !in_set(spacelike, c, n);
}

/* The emphasis of RAW (see above) appended to OUT; NODE the element. */
static void
emph(cd_buf *out, const char *raw, const char *delim, const char *html, const xmlNode *node)
{
	cd_buf core;
	size_t rl = strlen(raw), i, fl, ll;
	const char *first, *last, *c;
	int lead, trail, only_marks = 1, bad;
	size_t cn;

	cd_buf_init(&core);
	for (i = 0; i < rl; i++) {          /* normalize-space */
		if (xp_blank((unsigned char)raw[i]))
			continue;
		if (core.len > 0 && i > 0 && xp_blank((unsigned char)raw[i - 1]))
			cd_buf_add(&core, " ", 1);
		cd_buf_add(&core, raw + i, 1);
	}
	cd_buf_add(&core, "", 0);
	for (i = 0; i < core.len && only_marks; i += 3)     /* translate($core, $m-br, '') */
		only_marks = i + 3 <= core.len && memcmp(core.data + i, brk, 3) == 0;
	if (core.len == 0 || only_marks) {
		cd_buf_adds(out, raw);
		cd_buf_free(&core);
		return;
	}
	lead = raw[0] == ' ' || raw[0] == '\t' || raw[0] == '\n';
	trail = raw[rl - 1] == ' ' || raw[rl - 1] == '\t' || raw[rl - 1] == '\n';
	first = core.data;
	fl = char_len(first);
	last = core.data + core.len - 1;
	while (last > core.data && ((unsigned char)*last & 0xC0) == 0x80)
		last--;
	ll = (size_t)(core.data + core.len - last);

	bad = 0;
	if (!lead && in_set(punct, first, fl) && is_text(node->prev)) {
		edge_char(node->prev, 1, &c, &cn);
		bad |= word_char(c, cn);
	}
	if (!trail && in_set(punct, last, ll) && is_text(node->next)) {
		edge_char(node->next, 0, &c, &cn);
		bad |= word_char(c, cn);
	}
	bad |= in_set(spacelike, first, fl) || in_set(spacelike, last, ll) ||
	       (fl == 3 && memcmp(first, brk, 3) == 0) || (ll == 3 && memcmp(last, brk, 3) == 0);
	bad |= (!lead && (is_emph(node->prev, "b") || is_emph(node->prev, "i"))) ||
	       (!trail && (is_emph(node->next, "b") || is_emph(node->next, "i")));
	for (const xmlNode *a = node->parent; !bad && a != NULL; a = a->parent)
		bad = (is_emph(node, "b") && is_emph(a, "b")) || (is_emph(node, "i") && is_emph(a, "i"));

	if (lead)
		cd_buf_add(out, " ", 1);
	if (bad)
		cd_buf_printf(out, "<%s>%s</%s>", html, core.data, html);
	else
		cd_buf_printf(out, "%s%s%s", delim, core.data, delim);
	if (trail)
		cd_buf_add(out, " ", 1);
	cd_buf_free(&core);
}

void
cd_xsltemph_md_emph(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlNodeSetPtr set;
	xmlChar *raw, *delim, *html;
	cd_buf out;
	xmlChar *r;

	if (!cd_xslt_pop_set(ctxt, nargs, 4, &set))
		return;
	html = xmlXPathPopString(ctxt);
	delim = xmlXPathPopString(ctxt);
	raw = xmlXPathPopString(ctxt);
	cd_buf_init(&out);
	if (raw != NULL && delim != NULL && html != NULL && set != NULL && set->nodeNr > 0)
		emph(&out, (const char *)raw, (const char *)delim, (const char *)html, set->nodeTab[0]);
	xmlXPathFreeNodeSet(set);
	xmlFree(raw);
	xmlFree(delim);
	xmlFree(html);
	r = xmlStrndup(BAD_CAST(out.data != NULL ? out.data : ""), (int)out.len);
	cd_buf_free(&out);
	if (r == NULL) {
		xmlXPathErr(ctxt, XPATH_MEMORY_ERROR);
		return;
	}
	valuePush(ctxt, xmlXPathWrapString(r));
}
