/*
 * test_opc.c — part-name resolution, rels names, Strict namespace
 * normalisation and package-document assembly (input/opc.c).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "cd_internal.h"
#include "../input/opc.h"

static void
expect_resolve(const char *base, const char *target, const char *want)
{
	char *got = cd_opc_resolve(base, target);

	if (want == NULL) {
		assert_null(got);
		return;
	}
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void
test_resolve(void **state)
{
	(void)state;
	expect_resolve("word/document.xml", "styles.xml", "word/styles.xml");
	expect_resolve("word/document.xml", "./media/a.png", "word/media/a.png");
	expect_resolve("word/document.xml", "../customXml/item1.xml", "customXml/item1.xml");
	expect_resolve("word/document.xml", "/word/footnotes.xml", "word/footnotes.xml");
	expect_resolve("", "word/document2.xml", "word/document2.xml");
	expect_resolve("", "/word//x/../document.xml", "word/document.xml");
	expect_resolve("", "word/a%20b.xml", "word/a b.xml");
	expect_resolve("", "word\\document.xml", "word/document.xml");
	expect_resolve("word/document.xml", "../../etc/passwd", NULL);
	expect_resolve("", "../x.xml", NULL);
	expect_resolve("", "", NULL);
	expect_resolve("", "/", NULL);
}

static void
test_rels_name(void **state)
{
	char *r;

	(void)state;
	r = cd_opc_rels_name("word/document.xml");
	assert_string_equal(r, "word/_rels/document.xml.rels");
	free(r);
	r = cd_opc_rels_name("");
	assert_string_equal(r, "_rels/.rels");
	free(r);
	r = cd_opc_rels_name("top.xml");
	assert_string_equal(r, "_rels/top.xml.rels");
	free(r);
	assert_true(cd_opc_name_eq("Word/Document.XML", "word/document.xml"));
	assert_false(cd_opc_name_eq("word/document.xml", "word/document2.xml"));
}

static void
test_ns_normalize(void **state)
{
	static const char x[] =
		"<w:document xmlns:w='http://purl.oclc.org/ooxml/wordprocessingml/main' "
		"xmlns:r='http://purl.oclc.org/ooxml/officeDocument/relationships'>"
		"<w:body><w:p><m:oMath xmlns:m='http://purl.oclc.org/ooxml/officeDocument/math'/>"
		"<w:hyperlink r:id='a'/>"
		"<a:blip xmlns:a='http://purl.oclc.org/ooxml/drawingml/main'/>"
		"<wp:inline xmlns:wp='http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing'/>"
		"<o:x xmlns:o='urn:other'/></w:p></w:body></w:document>";
	cd_error err;
	xmlDocPtr d = cd_xml_parse("t", x, sizeof x - 1, &err);
	xmlNodePtr p, c;

	(void)state;
	assert_non_null(d);
	cd_opc_ns_normalize(d);
	p = cd_w_child(cd_w_child(xmlDocGetRootElement(d), "body"), "p");
	assert_non_null(p);
	c = cd_xml_first_elem(p);
	assert_true(cd_xml_is(c, CD_M_NS, "oMath"));
	c = cd_xml_next_elem(c);
	assert_true(cd_w_is(c, "hyperlink"));
	assert_non_null(xmlHasNsProp(c, BAD_CAST "id", BAD_CAST CD_R_NS));
	assert_true(cd_xml_is(cd_xml_next_elem(c), CD_A_NS, "blip"));
	c = cd_xml_next_elem(cd_xml_next_elem(c));
	assert_true(cd_xml_is(c, CD_WP_NS, "inline"));
	assert_true(cd_xml_is(cd_xml_next_elem(c), "urn:other", "x"));
	xmlFreeDoc(d);
}

static void
test_pkg_add(void **state)
{
	static const char x[] =
		"\xef\xbb\xbf<?xml version='1.0' encoding='UTF-8'?>"
		"<ns0:document xmlns:ns0='" CD_W_NS "'><ns0:body><ns0:p/></ns0:body></ns0:document>";
	cd_error err;
	xmlDocPtr part = cd_xml_parse("word/document.xml", x, sizeof x - 1, &err);
	xmlDocPtr pkg = cd_opc_pkg_new("a.docx", "docx"), back;
	xmlNodePtr pe;
	xmlChar *m, *v;
	int len;

	(void)state;
	assert_non_null(part);
	pe = cd_opc_pkg_add(pkg, part, "word/document.xml", "document", NULL);
	assert_true(cd_pkg_is(pe, "part"));
	v = xmlGetNoNsProp(pe, BAD_CAST "role");
	assert_string_equal((const char *)v, "document");
	xmlFree(v);
	xmlDocDumpMemory(pkg, &m, &len);
	assert_non_null(strstr((const char *)m, "source=\"a.docx\" kind=\"docx\""));
	back = cd_xml_parse("re", (const char *)m, (size_t)len, &err);
	assert_non_null(back);
	assert_non_null(cd_w_child(cd_pkg_body(back), "p"));
	xmlFree(m);
	xmlFreeDoc(back);
	xmlFreeDoc(pkg);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_resolve),
		cmocka_unit_test(test_rels_name),
		cmocka_unit_test(test_ns_normalize),
		cmocka_unit_test(test_pkg_add),
	};

	cd_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
