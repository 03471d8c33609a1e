/*
 * metaxml.c — the XML side of the header block: filling cd_meta from the
 * package's docProps (core.xml, custom.xml) and building <meta>.
 * Line classification and document numbers: meta.c.
 */
#include <stdlib.h>
#include <string.h>

#include "cd_internal.h"
#include "metatext.h"

#define DC_NS "http://purl.org/dc/elements/1.1/"
#define CP_NS "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"

/* The squeezed text content of n, or NULL when empty. Caller frees with
 * free(). */
static char *
node_text(xmlNodePtr n)
{
	xmlChar *c = xmlNodeGetContent(n);
	char *s;

	if (c == NULL)
		return NULL;
	s = cd_meta_squeeze((const char *)c);
	xmlFree(c);
	if (s != NULL && s[0] == '\0') {
		free(s);
		s = NULL;
	}
	return s;
}

/* Puts v (taken; may be NULL) into *field when that is empty, else frees it. */
static void
fill(char **field, char *v)
{
	if (*field == NULL)
		*field = v;
	else
		free(v);
}

static void
fill_lang(cd_meta *m, const char *v)
{
	size_t n = 0;

	if (m->lang[0] != '\0')
		return;
	while (n < 3 && ((v[n] | 32) >= 'a' && (v[n] | 32) <= 'z'))
		n++;
	if (n < 2 || n > 3 || (v[n] != '\0' && v[n] != '-' && v[n] != '_'))
		return;
	for (size_t i = 0; i < n; i++)
		m->lang[i] = (char)(v[i] | 32);
	m->lang[n] = '\0';
}

/* A document number: stored only when it parses. v is taken. */
static void
fill_docnum(cd_meta *m, char *v)
{
	if (m->document == NULL && v != NULL && cd_meta_parse_docnum(m, v)) {
		m->document = v;
		if (m->lang[0] == '\0' && m->doc_lang[0] != '\0')
			memcpy(m->lang, m->doc_lang, sizeof m->lang);
	} else {
		free(v);
	}
}

/* A date: stored only when it parses. v is taken. */
static void
fill_date(cd_meta *m, char *v)
{
	char iso[11];

	if (m->date == NULL && v != NULL && cd_meta_parse_date(v, iso)) {
		m->date = v;
		memcpy(m->date_iso, iso, sizeof iso);
	} else {
		free(v);
	}
}

/* A meeting from dc:subject: only when cd_meta_line takes it as one. */
static void
fill_meeting(cd_meta *m, char *v)
{
	if (m->meeting == NULL && v != NULL) {
		cd_meta tmp;

		cd_meta_init(&tmp);
		if (cd_meta_line(&tmp, v) && tmp.meeting != NULL) {
			m->meeting = tmp.meeting;
			tmp.meeting = NULL;
		}
		cd_meta_free(&tmp);
	}
	free(v);
}

/* A properties title that is a template's field label ("Question(s):",
 * "Title:") names nothing: NULL then (v is taken). */
static char *
real_title(char *v)
{
	size_t n = v ? strlen(v) : 0;

	while (n > 0 && (v[n - 1] == ' ' || v[n - 1] == '\t'))
		n--;
	if (n == 0 || v[n - 1] == ':') {
		free(v);
		return NULL;
	}
	return v;
}

static void
props_core(cd_meta *m, xmlNodePtr root)
{
	for (xmlNodePtr c = cd_xml_first_elem(root); c; c = cd_xml_next_elem(c)) {
		if (cd_xml_is(c, DC_NS, "title")) {
			fill(&m->title, real_title(node_text(c)));
		} else if (cd_xml_is(c, DC_NS, "language")) {
			char *v = node_text(c);

			if (v != NULL)
				fill_lang(m, v);
			free(v);
		} else if (cd_xml_is(c, DC_NS, "subject")) {
			fill_meeting(m, node_text(c));
		} else if (cd_xml_is(c, CP_NS, "keywords")) {
			fill_docnum(m, node_text(c));
		}
	}
}

/* Lower-cased letters and digits of s, at most cap-1 bytes, into out. */
static void
prop_key(const char *s, char *out, size_t cap)
{
	size_t o = 0;

	for (; *s != '\0' && o + 1 < cap; s++)
		if ((*s >= '0' && *s <= '9') || ((*s | 32) >= 'a' && (*s | 32) <= 'z'))
			out[o++] = (char)((*s >= 'A' && *s <= 'Z') ? *s | 32 : *s);
	out[o] = '\0';
}

static void
props_custom_one(cd_meta *m, const char *key, char *v)
{
	if (strstr(key, "docnum") || strstr(key, "documentnum") ||
	    strstr(key, "docno") || strstr(key, "docref") || strcmp(key, "document") == 0)
		fill_docnum(m, v);
	else if (strstr(key, "meeting") || strstr(key, "council") || strstr(key, "event"))
		fill(&m->meeting, v);
	else if (strstr(key, "agenda"))
		fill(&m->agenda, v);
	else if (strstr(key, "date") && !strstr(key, "update"))
		fill_date(m, v);
	else if (strstr(key, "title"))
		fill(&m->title, v);
	else if (strstr(key, "place") || strstr(key, "venue") || strstr(key, "location"))
		fill(&m->place, v);
	else if (strstr(key, "original"))
		fill(&m->original, v);
	else
		free(v);
}

static void
props_custom(cd_meta *m, xmlNodePtr root)
{
	for (xmlNodePtr c = cd_xml_first_elem(root); c; c = cd_xml_next_elem(c)) {
		xmlChar *name;
		char key[64];

		if (!cd_xml_is(c, NULL, "property"))
			continue;
		if ((name = xmlGetNoNsProp(c, BAD_CAST "name")) == NULL)
			continue;
		prop_key((const char *)name, key, sizeof key);
		xmlFree(name);
		props_custom_one(m, key, node_text(c));
	}
}

/* The CD_META_* bits of the fields that are set. */
static unsigned
filled(const cd_meta *m)
{
	const char *const f[] = { m->meeting, m->place, m->agenda, m->document,
	                          m->date, m->original, m->source, m->title };
	unsigned mask = 0;

	for (unsigned i = 0; i < sizeof f / sizeof f[0]; i++)
		if (f[i] != NULL)
			mask |= 1u << i;
	return mask;
}

void
cd_meta_props(cd_meta *m, xmlDocPtr pkg)
{
	unsigned before;

	if (m == NULL || pkg == NULL)
		return;
	before = filled(m);
	props_core(m, cd_pkg_part_root(pkg, "core"));
	props_custom(m, cd_pkg_part_root(pkg, "custom"));
	m->from_props |= filled(m) & ~before;
}

/* The text of paragraph p (w:t descendants); caller frees with free(). */
static char *
para_text(const xmlNode *p)
{
	cd_buf b;

	cd_buf_init(&b);
	for (xmlNodePtr n = cd_xml_next_in(p, p); n; n = cd_xml_next_in(n, p)) {
		if (cd_w_is(n, "tab"))
			cd_buf_addc(&b, ' ');
		else if (cd_w_is(n, "t") && n->children != NULL && n->children->content != NULL)
			cd_buf_adds(&b, (const char *)n->children->content);
	}
	return cd_buf_take(&b, NULL);
}

static void
header_paras(cd_meta *m, const xmlNode *n, int depth)
{
	for (const xmlNode *c = n->children; c != NULL; c = c->next) {
		if (cd_w_is(c, "p")) {
			char *t = para_text(c);

			if (t != NULL)
				cd_meta_line(m, t);
			free(t);
		} else if (c->type == XML_ELEMENT_NODE && depth < 8) {
			header_paras(m, c, depth + 1);
		}
	}
}

void
cd_meta_page_header(cd_meta *m, xmlDocPtr pkg)
{
	xmlNodePtr root = xmlDocGetRootElement(pkg), first = NULL, dflt = NULL;
	unsigned before;

	if (m == NULL || root == NULL)
		return;
	for (xmlNodePtr p = root->children; p != NULL; p = p->next) {
		xmlChar *role, *type;

		if (!cd_pkg_is(p, "part"))
			continue;
		role = xmlGetProp(p, BAD_CAST "role");
		type = xmlGetProp(p, BAD_CAST "type");
		if (role != NULL && xmlStrcmp(role, BAD_CAST "header") == 0) {
			if (type != NULL && xmlStrcmp(type, BAD_CAST "first") == 0 && first == NULL)
				first = p;
			else if (dflt == NULL)
				dflt = p;
		}
		xmlFree(role);
		xmlFree(type);
	}
	if (first == NULL)
		first = dflt;
	if (first == NULL)
		return;
	before = filled(m);
	header_paras(m, first, 0);
	m->from_header |= filled(m) & ~before;
}

/* Appends <name>text</name> to parent; returns it (NULL when text is NULL). */
static xmlNodePtr
add_child(xmlNodePtr parent, xmlNsPtr ns, const char *name, const char *text)
{
	xmlNodePtr n;

	if (text == NULL || text[0] == '\0')
		return NULL;
	n = xmlNewDocNode(parent->doc, ns, BAD_CAST name, NULL);
	if (n == NULL)
		return NULL;
	xmlNodeAddContent(n, BAD_CAST text);
	xmlAddChild(parent, n);
	return n;
}

static void
set_attr(xmlNodePtr n, const char *name, const char *v)
{
	if (n != NULL && v != NULL && v[0] != '\0')
		xmlSetProp(n, BAD_CAST name, BAD_CAST v);
}

/* Marks a field that was not read from the body a reader sees. */
static void
hide(xmlNodePtr n, const cd_meta *m, unsigned bit)
{
	if (n != NULL && (m->from_header & bit))
		xmlSetProp(n, BAD_CAST "origin", BAD_CAST "page-header");
	else if (n != NULL && (m->from_props & bit))
		xmlSetProp(n, BAD_CAST "origin", BAD_CAST "properties");
	else if (n != NULL && (m->from_body & bit))
		xmlSetProp(n, BAD_CAST "origin", BAD_CAST "body");
}

xmlNodePtr
cd_meta_node(const cd_meta *m, xmlDocPtr doc, xmlNsPtr ns)
{
	xmlNodePtr meta, d;

	if (m == NULL || !(m->meeting || m->place || m->agenda || m->document ||
	                   m->date || m->original || m->source || m->title))
		return NULL;
	meta = xmlNewDocNode(doc, ns, BAD_CAST "meta", NULL);
	if (meta == NULL)
		return NULL;
	hide(add_child(meta, ns, "meeting", m->meeting), m, CD_META_MEETING);
	hide(add_child(meta, ns, "place", m->place), m, CD_META_PLACE);
	hide(add_child(meta, ns, "agenda-item", m->agenda), m, CD_META_AGENDA);
	d = add_child(meta, ns, "document", m->document);
	hide(d, m, CD_META_DOCUMENT);
	set_attr(d, "session", m->doc_session);
	set_attr(d, "number", m->doc_number);
	set_attr(d, "rev", m->doc_rev);
	set_attr(d, "add", m->doc_add);
	set_attr(d, "cor", m->doc_cor);
	set_attr(d, "lang", m->doc_lang);
	d = add_child(meta, ns, "date", m->date);
	set_attr(d, "when", m->date_iso);
	hide(d, m, CD_META_DATE);
	hide(add_child(meta, ns, "original", m->original), m, CD_META_ORIGINAL);
	hide(add_child(meta, ns, "source", m->source), m, CD_META_SOURCE);
	hide(add_child(meta, ns, "title", m->title), m, CD_META_TITLE);
	return meta;
}
