/*
 * mkdocx — build a DOCX package from a readable source file.
 *
 *   mkdocx SOURCE.xml OUT.docx
 *
 * SOURCE is one XML file: <pkg:package xmlns:pkg="urn:councildoc:pkg">
 * holding <pkg:part name="word/document.xml">ROOT ELEMENT</pkg:part>...
 * (the same shape as the package document of doc/pipeline.md). Each part's
 * element is written as its own XML part. When the source has no
 * [Content_Types].xml, _rels/.rels or word/_rels/document.xml.rels part,
 * mkdocx writes the usual ones for the parts present (role attributes or
 * well-known names). A binary part (a picture) is written in hex:
 * <pkg:part name="word/media/image1.png" encoding="hex">89504E47…</pkg:part>
 * (white space ignored); repeat="N" writes its bytes N times (a large
 * part from a short source: a zip bomb). Entries are written with a fixed
 * time stamp, so the same source always gives the same bytes. Test and
 * demo tool only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "cd_internal.h"

#define WML_REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

static const struct known {
	const char *name, *type, *ctype;
} known[] = {
	{ "word/styles.xml", "styles", "wordprocessingml.styles+xml" },
	{ "word/numbering.xml", "numbering", "wordprocessingml.numbering+xml" },
	{ "word/footnotes.xml", "footnotes", "wordprocessingml.footnotes+xml" },
	{ "word/endnotes.xml", "endnotes", "wordprocessingml.endnotes+xml" },
	{ "word/comments.xml", "comments", "wordprocessingml.comments+xml" },
	{ "word/settings.xml", "settings", "wordprocessingml.settings+xml" },
	{ "word/header1.xml", "header", "wordprocessingml.header+xml" },
	{ "word/footer1.xml", "footer", "wordprocessingml.footer+xml" },
};

struct part {
	char *name;
	char *data;
	size_t len;
};

struct pkg {
	struct part p[128];
	size_t n;
};

static void
die(const char *what, const char *msg)
{
	fprintf(stderr, "mkdocx: %s: %s\n", what, msg);
	exit(1);
}

static void
add(struct pkg *k, const char *name, char *data, size_t len)
{
	if (k->n == sizeof k->p / sizeof k->p[0])
		die(name, "too many parts");
	k->p[k->n].name = strdup(name);
	k->p[k->n].data = data;
	k->p[k->n].len = len;
	k->n++;
}

static int
has(const struct pkg *k, const char *name)
{
	for (size_t i = 0; i < k->n; i++)
		if (strcmp(k->p[i].name, name) == 0)
			return 1;
	return 0;
}

static char *
dump_element(xmlNodePtr el, size_t *len)
{
	xmlDocPtr d = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr copy = xmlDocCopyNode(el, d, 1);
	xmlChar *mem = NULL;
	int n = 0;
	char *out;

	xmlDocSetRootElement(d, copy);
	xmlReconciliateNs(d, copy);
	xmlDocDumpMemoryEnc(d, &mem, &n, "UTF-8");
	xmlFreeDoc(d);
	out = malloc((size_t)n + 1);
	if (out == NULL || mem == NULL)
		die("memory", "exhausted");
	memcpy(out, mem, (size_t)n);
	out[n] = '\0';
	xmlFree(mem);
	*len = (size_t)n;
	return out;
}

static int
hexval(int c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 :
	       c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* The bytes of a hex part p, repeated as its repeat attribute says. */
static char *
hex_part(xmlNodePtr p, const char *name, size_t *len)
{
	xmlChar *t = xmlNodeGetContent(p), *rep = xmlGetProp(p, BAD_CAST "repeat");
	long times = rep ? strtol((const char *)rep, NULL, 10) : 1;
	size_t n = 0, cap = t ? xmlStrlen(t) / 2 + 1 : 1;
	char *one = malloc(cap), *out;
	int hi = -1;

	if (one == NULL || times < 1 || times > (64L << 20))
		die(name, "bad hex part");
	for (const xmlChar *c = t; c != NULL && *c; c++) {
		int v = hexval(*c);

		if (v < 0) {
			if (*c != ' ' && *c != '\n' && *c != '\t' && *c != '\r')
				die(name, "not a hex digit");
			continue;
		}
		if (hi < 0) {
			hi = v;
		} else {
			one[n++] = (char)(hi << 4 | v);
			hi = -1;
		}
	}
	out = malloc(n * (size_t)times + 1);
	if (out == NULL)
		die(name, "out of memory");
	for (long i = 0; i < times; i++)
		memcpy(out + n * (size_t)i, one, n);
	*len = n * (size_t)times;
	free(one);
	xmlFree(t);
	xmlFree(rep);
	return out;
}

static void
add_generated(struct pkg *k)
{
	cd_buf b;
	size_t len;

	if (!has(k, "[Content_Types].xml")) {
		cd_buf_init(&b);
		cd_buf_adds(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Types xmlns="
		            "\"http://schemas.openxmlformats.org/package/2006/content-types\">"
		            "<Default Extension=\"rels\" ContentType=\"application/"
		            "vnd.openxmlformats-package.relationships+xml\"/>"
		            "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
		            "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
		            "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>");
		for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
			if (has(k, known[i].name))
				cd_buf_printf(&b, "<Override PartName=\"/%s\" ContentType=\"application/"
				              "vnd.openxmlformats-officedocument.%s\"/>",
				              known[i].name, known[i].ctype);
		cd_buf_adds(&b, "</Types>\n");
		char *d = cd_buf_take(&b, &len);
		add(k, "[Content_Types].xml", d, len);
	}
	if (!has(k, "_rels/.rels")) {
		cd_buf_init(&b);
		cd_buf_adds(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Relationships xmlns="
		            "\"http://schemas.openxmlformats.org/package/2006/relationships\">"
		            "<Relationship Id=\"rId1\" Type=\"" WML_REL "officeDocument\" "
		            "Target=\"word/document.xml\"/>");
		if (has(k, "docProps/core.xml"))
			cd_buf_adds(&b, "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats"
			            ".org/package/2006/relationships/metadata/core-properties\" "
			            "Target=\"docProps/core.xml\"/>");
		cd_buf_adds(&b, "</Relationships>\n");
		char *d = cd_buf_take(&b, &len);
		add(k, "_rels/.rels", d, len);
	}
	if (!has(k, "word/_rels/document.xml.rels")) {
		cd_buf_init(&b);
		cd_buf_adds(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Relationships xmlns="
		            "\"http://schemas.openxmlformats.org/package/2006/relationships\">");
		for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
			if (has(k, known[i].name))
				cd_buf_printf(&b, "<Relationship Id=\"rIdK%zu\" Type=\"" WML_REL "%s\" "
				              "Target=\"%s\"/>", i, known[i].type, known[i].name + 5);
		cd_buf_adds(&b, "</Relationships>\n");
		char *d = cd_buf_take(&b, &len);
		add(k, "word/_rels/document.xml.rels", d, len);
	}
}

static void
write_zip(const struct pkg *k, const char *out)
{
	int zerr = 0;
	zip_t *z;

	remove(out);
	z = zip_open(out, ZIP_CREATE | ZIP_TRUNCATE, &zerr);
	if (z == NULL)
		die(out, "cannot create");
	/* [Content_Types].xml first, as Word writes it */
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < k->n; i++) {
			int ct = strcmp(k->p[i].name, "[Content_Types].xml") == 0;
			zip_source_t *s;
			zip_int64_t idx;

			if (ct != (pass == 0))
				continue;
			s = zip_source_buffer(z, k->p[i].data, k->p[i].len, 0);
			idx = s ? zip_file_add(z, k->p[i].name, s, ZIP_FL_ENC_UTF_8) : -1;
			if (idx < 0)
				die(k->p[i].name, zip_strerror(z));
			zip_file_set_mtime(z, (zip_uint64_t)idx, 315532800 + 86400, 0);
		}
	}
	if (zip_close(z) != 0)
		die(out, zip_strerror(z));
}

int
main(int argc, char **argv)
{
	unsigned char *src = NULL;
	size_t len = 0;
	xmlDocPtr doc;
	cd_error err;
	struct pkg k = { .n = 0 };

	if (argc != 3) {
		fprintf(stderr, "usage: mkdocx SOURCE.xml OUT.docx\n");
		return 2;
	}
	cd_init();
	if (cd_read_file(argv[1], (size_t)64 << 20, &src, &len, &err) != CD_OK)
		die(argv[1], err.msg);
	doc = cd_xml_parse(argv[1], (const char *)src, len, &err);
	if (doc == NULL)
		die(argv[1], err.msg);
	for (xmlNodePtr p = xmlDocGetRootElement(doc)->children; p; p = p->next) {
		xmlChar *name, *enc;
		xmlNodePtr el = cd_xml_first_elem(p);
		size_t n;
		char *data;
		int hex;

		if (!cd_pkg_is(p, "part"))
			continue;
		name = xmlGetProp(p, BAD_CAST "name");
		enc = xmlGetProp(p, BAD_CAST "encoding");
		hex = enc != NULL && xmlStrcmp(enc, BAD_CAST "hex") == 0;
		xmlFree(enc);
		if (name == NULL)
			die(argv[1], "pkg:part without name");
		if (!hex && el == NULL) {
			xmlFree(name);
			continue;
		}
		data = hex ? hex_part(p, (const char *)name, &n) : dump_element(el, &n);
		add(&k, (const char *)name, data, n);
		xmlFree(name);
	}
	add_generated(&k);
	write_zip(&k, argv[2]);
	for (size_t i = 0; i < k.n; i++) {
		free(k.p[i].name);
		free(k.p[i].data);
	}
	xmlFreeDoc(doc);
	free(src);
	cd_cleanup();
	return 0;
}
