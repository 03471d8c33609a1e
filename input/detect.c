/*
 * detect.c — cd_read: what the input is (a zip package, Flat OPC XML, a
 * text dump, or something we refuse with one clear line), and the Flat
 * OPC reader (parts out of pkg:xmlData; opc.c does the rest).
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "opc.h"

#define FLAT_NS    "http://schemas.microsoft.com/office/2006/xmlPackage"
#define WORD2003_NS "http://schemas.microsoft.com/office/word/2003/wordml"

/* ---- Flat OPC ---- */

/* cd_opc_load_fn over a parsed Flat OPC document: copies the root of the
 * pkg:xmlData of the pkg:part called name into a document of its own. */
static xmlDocPtr
flat_load(void *ctx, const char *name, int *absent, int *strict, cd_error *err)
{
	xmlNodePtr root = xmlDocGetRootElement(ctx);

	*absent = 1;
	*strict = 1;   /* a copy: its namespaces were not looked at */
	for (xmlNodePtr p = cd_xml_first_elem(root); p != NULL; p = cd_xml_next_elem(p)) {
		xmlChar *pn;
		char *norm;
		int hit;
		xmlNodePtr data, el;
		xmlDocPtr doc;

		if (!cd_xml_is(p, FLAT_NS, "part"))
			continue;
		pn = xmlGetNsProp(p, BAD_CAST "name", BAD_CAST FLAT_NS);
		norm = pn ? cd_opc_resolve("", (const char *)pn) : NULL;
		xmlFree(pn);
		hit = norm != NULL && cd_opc_name_eq(norm, name);
		free(norm);
		if (!hit)
			continue;
		data = cd_xml_child(p, FLAT_NS, "xmlData");
		if ((el = cd_xml_first_elem(data)) == NULL)
			return NULL; /* binary parts count as absent */
		*absent = 0;
		doc = xmlNewDoc(BAD_CAST "1.0");
		el = doc ? xmlDocCopyNode(el, doc, 1) : NULL;
		if (el == NULL) {
			xmlFreeDoc(doc);
			cd_error_set(err, CD_ERR_NOMEM, name, 0, "out of memory");
			return NULL;
		}
		xmlDocSetRootElement(doc, el);
		return doc;
	}
	return NULL;
}

/* ---- detection ---- */

static int
has_prefix(const unsigned char *d, size_t len, const char *magic, size_t n)
{
	return len >= n && memcmp(d, magic, n) == 0;
}

/* 1 if the UTF-16LE form of s occurs in d. */
static int
has_utf16(const unsigned char *d, size_t len, const char *s)
{
	size_t n = strlen(s);

	for (size_t i = 0; len >= 2 * n && i <= len - 2 * n; i++) {
		size_t k = 0;

		while (k < n && d[i + 2 * k] == (unsigned char)s[k] && d[i + 2 * k + 1] == 0)
			k++;
		if (k == n)
			return 1;
	}
	return 0;
}

/* 1 if d is valid UTF-8 text without NULs or stray control bytes. */
static int
is_text(const unsigned char *d, size_t len)
{
	for (size_t i = 0; i < len;) {
		unsigned char c = d[i];
		size_t n = c < 0x80 ? 1 : (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 :
		           (c & 0xf8) == 0xf0 ? 4 : 0;

		if (n == 0 || (n == 2 && c < 0xc2) || i + n > len)
			return 0;
		if (n == 1 && c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')
			return 0;
		for (size_t k = 1; k < n; k++)
			if ((d[i + k] & 0xc0) != 0x80)
				return 0;
		i += n;
	}
	return 1;
}

/* Offset of the first byte after a BOM and white space. */
static size_t
skip_lead(const unsigned char *d, size_t len)
{
	size_t i = has_prefix(d, len, "\xef\xbb\xbf", 3) ? 3 : 0;

	while (i < len && (d[i] == ' ' || d[i] == '\t' || d[i] == '\r' || d[i] == '\n'))
		i++;
	return i;
}

static int
is_html(const unsigned char *d, size_t len)
{
	return (len >= 5 && strncasecmp((const char *)d, "<html", 5) == 0) ||
	       (len >= 14 && strncasecmp((const char *)d, "<!doctype html", 14) == 0);
}

/* An XML input: Flat OPC is read, Word 2003 XML refused. */
static xmlDocPtr
read_xml(const char *name, const unsigned char *data, size_t len,
         const cd_options *o, cd_error *err)
{
	const char *part = "input";
	xmlDocPtr x = cd_xml_parse(part, (const char *)data, len, err);
	xmlNodePtr root;
	xmlDocPtr pkg = NULL;

	if (x == NULL)
		return NULL;
	root = xmlDocGetRootElement(x);
	if (cd_xml_is(root, FLAT_NS, "package"))
		pkg = cd_opc_build(flat_load, x, name, o, err);
	else if (cd_xml_is(root, WORD2003_NS, "wordDocument"))
		cd_error_set(err, CD_ERR_FORMAT, NULL, 0,
		             "Word 2003 XML is not supported; save as .docx");
	else
		cd_error_set(err, CD_ERR_FORMAT, NULL, 0,
		             "not a DOCX package (XML document <%s>)", (const char *)root->name);
	xmlFreeDoc(x);
	return pkg;
}

xmlDocPtr
cd_read(const char *name, const unsigned char *data, size_t len,
        const cd_options *o, cd_error *err)
{
	size_t lead;

	if (data == NULL || len == 0) {
		cd_error_set(err, CD_ERR_FORMAT, NULL, 0, "empty input");
		return NULL;
	}
	if (o != NULL && len > o->max_input_size) {
		cd_error_set(err, CD_ERR_LIMIT, NULL, 0, "input too large (%zu bytes, limit %zu)",
		             len, o->max_input_size);
		return NULL;
	}
	if (has_prefix(data, len, "PK", 2))
		return cd_read_docx(name, data, len, o, err);
	if (has_prefix(data, len, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8)) {
		if (has_utf16(data, len, "EncryptedPackage"))
			cd_error_set(err, CD_ERR_FORMAT, NULL, 0,
			             "encrypted package (OLE2 EncryptedPackage); cannot be read");
		else
			cd_error_set(err, CD_ERR_FORMAT, NULL, 0,
			             "legacy Word 97-2003 .doc (OLE2); save it as .docx");
		return NULL;
	}
	if (has_prefix(data, len, "\xdb\xa5", 2)) {
		cd_error_set(err, CD_ERR_FORMAT, NULL, 0,
		             "legacy Word 2.0 binary .doc; save it as .docx");
		return NULL;
	}
	if (has_prefix(data, len, "\xff\xfe", 2) || has_prefix(data, len, "\xfe\xff", 2))
		return read_xml(name, data, len, o, err); /* UTF-16 XML */
	lead = skip_lead(data, len);
	if (is_html(data + lead, len - lead)) {
		cd_error_set(err, CD_ERR_FORMAT, NULL, 0, "HTML saved as .docx, not a package");
		return NULL;
	}
	if (has_prefix(data + lead, len - lead, "<?xml", 5) ||
	    (has_prefix(data + lead, len - lead, "<", 1) && !is_text(data, len)))
		return read_xml(name, data, len, o, err);
	if (has_prefix(data + lead, len - lead, "<", 1)) {
		xmlDocPtr pkg = read_xml(name, data, len, o, err);

		if (pkg != NULL || (err != NULL && err->code != CD_ERR_XML))
			return pkg;
		cd_error_clear(err);
	}
	if (is_text(data, len))
		return cd_read_textdump(name, data, len, o, err);
	cd_error_set(err, CD_ERR_FORMAT, NULL, 0, "not a DOCX package");
	return NULL;
}
