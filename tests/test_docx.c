/*
 * test_docx.c — cd_read / cd_read_docx on packages built in memory with
 * libzip: relationships, Strict namespaces, odd main parts, BOMs, bounds,
 * corrupt zips, and the non-package formats cd_read recognises.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include <zip.h>
#include <libxml/tree.h>

#include "cdtest.h"

#define W_T "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define W_S "http://purl.oclc.org/ooxml/wordprocessingml/main"
#define R_T "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define R_S "http://purl.oclc.org/ooxml/officeDocument/relationships"
#define REL_NS "http://schemas.openxmlformats.org/package/2006/relationships"

static const char pkg_rels[] =
	"<Relationships xmlns='" REL_NS "'>"
	"<Relationship Id='rId1' Type='" R_T "/officeDocument' Target='word/document.xml'/>"
	"<Relationship Id='rId2' Type='http://schemas.openxmlformats.org/package/2006/"
	"relationships/metadata/core-properties' Target='/docProps/core.xml'/>"
	"</Relationships>";

static const char doc_xml[] =
	"<w:document xmlns:w='" W_T "' xmlns:r='" R_T "'><w:body>"
	"<w:p><w:hyperlink r:id='rId5' w:anchor='x'><w:r><w:t>link</w:t></w:r></w:hyperlink>"
	"<w:hyperlink r:id='rId99'><w:r><w:t>dangling</w:t></w:r></w:hyperlink></w:p>"
	"<w:sectPr><w:headerReference w:type='first' r:id='rId7'/>"
	"<w:footerReference w:type='default' r:id='rId8'/></w:sectPr>"
	"</w:body></w:document>";

static const char doc_rels[] =
	"<Relationships xmlns='" REL_NS "'>"
	"<Relationship Id='rId8' Type='" R_T "/footer' Target='footer1.xml'/>"
	"<Relationship Id='rId7' Type='" R_T "/header' Target='./header1.xml'/>"
	"<Relationship Id='rId5' Type='" R_T "/hyperlink' Target='https://www.itu.int/' "
	"TargetMode='External'/>"
	"<Relationship Id='rId3' Type='" R_T "/footnotes' Target='../word/footnotes.xml'/>"
	"<Relationship Id='rId1' Type='" R_T "/styles' Target='styles.xml'/>"
	"<Relationship Id='rId6' Type='" R_T "/settings' Target='../../evil.xml'/>"
	"</Relationships>";

static const char hdr_xml[] = "<w:hdr xmlns:w='" W_T "'><w:p/></w:hdr>";
static const char ftr_xml[] = "<w:ftr xmlns:w='" W_T "'><w:p/></w:ftr>";
static const char fn_xml[] = "<w:footnotes xmlns:w='" W_T "'/>";
static const char sty_xml[] = "<w:styles xmlns:w='" W_T "'/>";
static const char core_xml[] =
	"<cp:coreProperties xmlns:cp='http://schemas.openxmlformats.org/package/2006/"
	"metadata/core-properties' xmlns:dc='http://purl.org/dc/elements/1.1/'>"
	"<dc:title>T</dc:title></cp:coreProperties>";

static xmlDocPtr
read_zip(const t_entry *e, size_t n, const cd_options *o, cd_error *err)
{
	size_t len;
	unsigned char *z = t_zip(e, n, &len);
	xmlDocPtr pkg;

	cd_error_clear(err);
	pkg = cd_read("t.docx", z, len, o, err);
	free(z);
	return pkg;
}

static char *
attr(xmlNodePtr n, const char *name)
{
	xmlChar *v = xmlGetNoNsProp(n, BAD_CAST name);
	char *s = strdup(v ? (const char *)v : "");

	xmlFree(v);
	return s;
}

/* "role:name:type|..." of the parts, for order checks. Caller frees. */
static char *
part_list(xmlDocPtr pkg)
{
	cd_buf b;

	cd_buf_init(&b);
	cd_buf_add(&b, "", 0);
	for (xmlNodePtr p = cd_xml_first_elem(xmlDocGetRootElement(pkg)); p; p = cd_xml_next_elem(p)) {
		char *r = attr(p, "role"), *nm = attr(p, "name"), *t = attr(p, "type");

		cd_buf_printf(&b, "%s:%s:%s|", r, nm, t);
		free(r);
		free(nm);
		free(t);
	}
	return cd_buf_take(&b, NULL);
}

/* Serializes and re-parses pkg; the body must still be found by namespace. */
static void
check_roundtrip(xmlDocPtr pkg)
{
	xmlChar *m;
	int l;
	cd_error err;
	xmlDocPtr q;

	xmlDocDumpMemory(pkg, &m, &l);
	q = cd_xml_parse("re", (const char *)m, (size_t)l, &err);
	assert_non_null(q);
	assert_non_null(cd_pkg_body(q));
	xmlFreeDoc(q);
	xmlFree(m);
}

static void
test_basic(void **state)
{
	t_entry e[] = {
		{ "[Content_Types].xml", "<Types xmlns='x'/>", 0, 0 },
		{ "_rels/.rels", pkg_rels, 0, 0 }, { "word/document.xml", doc_xml, 0, 0 },
		{ "word/_rels/document.xml.rels", doc_rels, 0, 0 },
		{ "word/header1.xml", hdr_xml, 0, 0 }, { "word/footer1.xml", ftr_xml, 0, 0 },
		{ "word/footnotes.xml", fn_xml, 0, 0 }, { "word/styles.xml", sty_xml, 0, 0 },
		{ "docProps/core.xml", core_xml, 0, 0 }, { "evil.xml", sty_xml, 0, 0 },
	};
	cd_error err;
	xmlDocPtr pkg = read_zip(e, sizeof e / sizeof *e, NULL, &err);
	xmlNodePtr body, p, h;
	xmlChar *href;
	char *list, *v;

	(void)state;
	assert_non_null(pkg);
	v = attr(xmlDocGetRootElement(pkg), "kind");
	assert_string_equal(v, "docx");
	free(v);
	list = part_list(pkg);
	assert_string_equal(list, "document:word/document.xml:|styles:word/styles.xml:|"
	                    "footnotes:word/footnotes.xml:|header:word/header1.xml:first|"
	                    "footer:word/footer1.xml:default|core:docProps/core.xml:|");
	free(list);
	body = cd_pkg_body(pkg);
	assert_non_null(body);
	p = cd_w_child(body, "p");
	h = cd_w_child(p, "hyperlink");
	href = xmlGetNsProp(h, BAD_CAST "href", BAD_CAST CD_PKG_NS);
	assert_string_equal((const char *)href, "https://www.itu.int/");
	xmlFree(href);
	href = cd_w_attr(h, "anchor");
	assert_string_equal((const char *)href, "x");
	xmlFree(href);
	h = cd_xml_next_elem(h);
	assert_false(xmlHasNsProp(h, BAD_CAST "href", BAD_CAST CD_PKG_NS) != NULL);
	check_roundtrip(pkg);
	xmlFreeDoc(pkg);
}

static void
test_strict_document2_bom(void **state)
{
	static const char rels[] =
		"<Relationships xmlns='" REL_NS "'>"
		"<Relationship Id='rId1' Type='" R_S "/officeDocument' Target='word/document2.xml'/>"
		"</Relationships>";
	static const char doc[] =
		"\xef\xbb\xbf<?xml version='1.0' encoding='UTF-8'?>"
		"<w:document xmlns:w='" W_S "' xmlns:r='" R_S "'><w:body>"
		"<w:p><w:hyperlink r:id='L'><w:r><w:t>x</w:t></w:r></w:hyperlink></w:p>"
		"</w:body></w:document>";
	static const char drels[] =
		"<Relationships xmlns='" REL_NS "'>"
		"<Relationship Id='L' Type='" R_S "/hyperlink' Target='http://a.example/' "
		"TargetMode='External'/>"
		"<Relationship Id='S' Type='" R_S "/styles' Target='styles.xml'/></Relationships>";
	static const char sty[] = "\xef\xbb\xbf<w:styles xmlns:w='" W_S "'/>";
	t_entry e[] = {
		{ "_rels/.rels", rels, 0, 0 }, { "word/document2.xml", doc, 0, 0 },
		{ "word/_rels/document2.xml.rels", drels, 0, 0 }, { "word/styles.xml", sty, 0, 0 },
	};
	cd_error err;
	xmlDocPtr pkg = read_zip(e, 4, NULL, &err);
	xmlNodePtr h;
	xmlChar *href;

	(void)state;
	assert_non_null(pkg);
	assert_non_null(cd_pkg_part_root(pkg, "styles"));
	assert_true(cd_w_is(cd_pkg_part_root(pkg, "styles"), "styles"));
	h = cd_w_child(cd_w_child(cd_pkg_body(pkg), "p"), "hyperlink");
	assert_non_null(h);
	assert_true(xmlHasNsProp(h, BAD_CAST "id", BAD_CAST R_T) != NULL);
	href = xmlGetNsProp(h, BAD_CAST "href", BAD_CAST CD_PKG_NS);
	assert_string_equal((const char *)href, "http://a.example/");
	xmlFree(href);
	check_roundtrip(pkg);
	xmlFreeDoc(pkg);
}

static void
test_content_types_and_case(void **state)
{
	static const char ct[] =
		"<Types xmlns='http://schemas.openxmlformats.org/package/2006/content-types'>"
		"<Override PartName='/Word/Main.xml' ContentType='application/vnd.ms-word."
		"document.macroEnabled.main+xml'/></Types>";
	static const char doc2[] = "<w:document xmlns:w='" W_T "'><w:body><w:p>"
		"<w:r><w:t>second</w:t></w:r></w:p></w:body></w:document>";
	static const char doc1[] = "<w:document xmlns:w='" W_T "'><w:body><w:p>"
		"<w:r><w:t>first</w:t></w:r></w:p></w:body></w:document>";
	t_entry e[] = {
		{ "[Content_Types].xml", ct, 0, 0 }, { "word/main.xml", doc1, 0, 0 },
		{ "WORD/MAIN.XML", doc2, 0, 0 },
	};
	cd_error err;
	xmlDocPtr pkg = read_zip(e, 3, NULL, &err);
	xmlChar *t;

	(void)state;
	assert_non_null(pkg);
	t = xmlNodeGetContent(cd_pkg_body(pkg));
	assert_string_equal((const char *)t, "first"); /* duplicates: the first */
	xmlFree(t);
	xmlFreeDoc(pkg);
}

static void
test_missing_main(void **state)
{
	t_entry e[] = { { "theme/theme1.xml", "<a/>", 0, 0 } };
	t_entry e2[] = {
		{ "_rels/.rels", "<Relationships xmlns='" REL_NS "'><Relationship Id='a' "
		  "Type='" R_T "/officeDocument' Target='../document.xml'/></Relationships>", 0, 0 },
	};
	cd_error err;

	(void)state;
	assert_null(read_zip(e, 1, NULL, &err));
	assert_int_equal(err.code, CD_ERR_FORMAT);
	assert_string_equal(err.msg, "no main document part (word/document.xml)");
	assert_null(read_zip(e2, 1, NULL, &err)); /* target escapes the root */
	assert_int_equal(err.code, CD_ERR_FORMAT);
}

static void
test_malformed_and_dtd(void **state)
{
	t_entry e[] = { { "_rels/.rels", pkg_rels, 0, 0 },
	                { "word/document.xml",
	                  "<w:document xmlns:w='" W_T "'>\n<w:body>\n<w:p></w:r>", 0, 0 } };
	t_entry d[] = { { "_rels/.rels", pkg_rels, 0, 0 },
	                { "word/document.xml", "<!DOCTYPE x [<!ENTITY e SYSTEM 'http://x/'>]>"
	                  "<w:document xmlns:w='" W_T "'>&e;</w:document>", 0, 0 } };
	cd_error err;

	(void)state;
	assert_null(read_zip(e, 2, NULL, &err));
	assert_int_equal(err.code, CD_ERR_XML);
	assert_true(strncmp(err.msg, "word/document.xml:3: ", 21) == 0);
	assert_null(read_zip(d, 2, NULL, &err));
	assert_true(strstr(err.msg, "word/document.xml") != NULL);
	assert_null(strchr(err.msg, '\n'));
}

static void
test_bomb(void **state)
{
	size_t big = (size_t)4 << 20;
	char *doc = malloc(big + 1);
	static const char head[] = "<w:document xmlns:w='" W_T "'><w:body/>";
	cd_options o;
	cd_error err;
	t_entry e[] = { { "_rels/.rels", pkg_rels, 0, 0 }, { "word/document.xml", doc, big, 0 } };

	(void)state;
	memset(doc, ' ', big);
	memcpy(doc, head, sizeof head - 1);
	memcpy(doc + big - 14, "</w:document>", 13);
	cd_options_init(&o);
	o.max_part_size = (size_t)1 << 20;
	assert_null(read_zip(e, 2, &o, &err));
	assert_int_equal(err.code, CD_ERR_LIMIT);
	assert_true(strncmp(err.msg, "word/document.xml: part too large", 33) == 0);
	cd_options_init(&o);
	o.max_ratio = 100;
	assert_null(read_zip(e, 2, &o, &err));
	assert_int_equal(err.code, CD_ERR_LIMIT);
	assert_non_null(strstr(err.msg, "ratio"));
	cd_options_init(&o);
	o.max_total_size = (size_t)2 << 20;
	assert_null(read_zip(e, 2, &o, &err));
	assert_int_equal(err.code, CD_ERR_LIMIT);
	cd_options_init(&o);
	o.max_ratio = 100000;
	{
		xmlDocPtr pkg = read_zip(e, 2, &o, &err); /* within the bounds */

		assert_non_null(pkg);
		xmlFreeDoc(pkg);
	}
	free(doc);
}

static void
test_truncated(void **state)
{
	t_entry e[] = { { "_rels/.rels", pkg_rels, 0, 0 }, { "word/document.xml", doc_xml, 0, 0 } };
	size_t len;
	unsigned char *z = t_zip(e, 2, &len);
	cd_error err;

	(void)state;
	assert_null(cd_read("t.docx", z, len - 30, NULL, &err));
	assert_int_equal(err.code, CD_ERR_FORMAT);
	assert_true(strncmp(err.msg, "corrupt zip", 11) == 0);
	assert_null(cd_read("t.docx", z, 40, NULL, &err));
	assert_true(strncmp(err.msg, "corrupt zip", 11) == 0);
	free(z);
}

static void
test_encrypted_entry(void **state)
{
	t_entry e[] = { { "_rels/.rels", pkg_rels, 0, 0 }, { "word/document.xml", doc_xml, 0, T_AES } };
	cd_error err;

	(void)state;
	if (!zip_encryption_method_supported(ZIP_EM_AES_256, 1))
		skip();
	assert_null(read_zip(e, 2, NULL, &err));
	assert_int_equal(err.code, CD_ERR_FORMAT);
	assert_string_equal(err.msg, "word/document.xml: encrypted zip entry; cannot be read");
}

static void
expect_error(const char *data, size_t len, cd_status code, const char *msg)
{
	cd_error err;

	cd_error_clear(&err);
	assert_null(cd_read("x", (const unsigned char *)data, len, NULL, &err));
	assert_int_equal(err.code, code);
	assert_string_equal(err.msg, msg);
}

static void
test_legacy_and_encrypted(void **state)
{
	char ole[2048];
	static const char name[] = "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0";

	(void)state;
	memset(ole, 0, sizeof ole);
	memcpy(ole, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8);
	expect_error(ole, sizeof ole, CD_ERR_FORMAT,
	             "legacy Word 97-2003 .doc (OLE2); save it as .docx");
	memcpy(ole + 1024, name, sizeof name - 1);
	expect_error(ole, sizeof ole, CD_ERR_FORMAT,
	             "encrypted package (OLE2 EncryptedPackage); cannot be read");
	expect_error("\xdb\xa5\x2d\x00\x00\x00", 6, CD_ERR_FORMAT,
	             "legacy Word 2.0 binary .doc; save it as .docx");
	expect_error("", 0, CD_ERR_FORMAT, "empty input");
	expect_error("\x01\x02\x03\xff", 4, CD_ERR_FORMAT, "not a DOCX package");
}

static void
test_xml_formats(void **state)
{
	static const char w2003[] =
		"<?xml version='1.0'?><?mso-application progid='Word.Document'?>"
		"<w:wordDocument xmlns:w='http://schemas.microsoft.com/office/word/2003/wordml'/>";
	static const char html[] = "\xef\xbb\xbf \n<!DOCTYPE HTML><html><body>x</body></html>";
	static const char html2[] = "<HTML><body>x</body></html>";
	static const char flat[] =
		"<?xml version='1.0'?><pkg:package "
		"xmlns:pkg='http://schemas.microsoft.com/office/2006/xmlPackage'>"
		"<pkg:part pkg:name='/_rels/.rels'><pkg:xmlData>"
		"<Relationships xmlns='" REL_NS "'><Relationship Id='a' Type='" R_T
		"/officeDocument' Target='word/document.xml'/></Relationships>"
		"</pkg:xmlData></pkg:part>"
		"<pkg:part pkg:name='/word/document.xml'><pkg:xmlData>"
		"<w:document xmlns:w='" W_T "'><w:body><w:p><w:r><w:t>flat</w:t></w:r></w:p>"
		"</w:body></w:document></pkg:xmlData></pkg:part></pkg:package>";
	cd_error err;
	xmlDocPtr pkg;
	xmlChar *t;

	(void)state;
	expect_error(w2003, sizeof w2003 - 1, CD_ERR_FORMAT,
	             "Word 2003 XML is not supported; save as .docx");
	expect_error(html, sizeof html - 1, CD_ERR_FORMAT, "HTML saved as .docx, not a package");
	expect_error(html2, sizeof html2 - 1, CD_ERR_FORMAT, "HTML saved as .docx, not a package");
	pkg = cd_read("f.xml", (const unsigned char *)flat, sizeof flat - 1, NULL, &err);
	assert_non_null(pkg);
	t = xmlNodeGetContent(cd_pkg_body(pkg));
	assert_string_equal((const char *)t, "flat");
	xmlFree(t);
	check_roundtrip(pkg);
	xmlFreeDoc(pkg);
}

static void
test_textdump_detected(void **state)
{
	static const char txt[] = "\xef\xbb\xbf 1\tIntroduction\nText.\n";
	cd_error err;
	xmlDocPtr pkg;
	char *k;

	(void)state;
	pkg = cd_read("d.txt", (const unsigned char *)txt, sizeof txt - 1, NULL, &err);
	assert_non_null(pkg);
	k = attr(xmlDocGetRootElement(pkg), "kind");
	assert_string_equal(k, "textdump");
	free(k);
	xmlFreeDoc(pkg);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_basic),
		cmocka_unit_test(test_strict_document2_bom),
		cmocka_unit_test(test_content_types_and_case),
		cmocka_unit_test(test_missing_main),
		cmocka_unit_test(test_malformed_and_dtd),
		cmocka_unit_test(test_bomb),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_encrypted_entry),
		cmocka_unit_test(test_legacy_and_encrypted),
		cmocka_unit_test(test_xml_formats),
		cmocka_unit_test(test_textdump_detected),
	};

	cd_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
