/*
 * test_package.c — the package layer through the real stages (cd_convert on
 * packages built in memory with libzip): Strict namespaces, the four Word
 * content types, a main part elsewhere, unusual prefixes, a BOM, relative
 * and absolute relationship targets, Flat OPC and Word 2003 XML.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "cdtest.h"

#define S_W "http://purl.oclc.org/ooxml/wordprocessingml/main"
#define S_R "http://purl.oclc.org/ooxml/officeDocument/relationships"
#define CT_HEAD "<Types xmlns=\"" T_CT "\"><Default Extension=\"rels\" ContentType=\"" \
	"application/vnd.openxmlformats-package.relationships+xml\"/>" \
	"<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
#define PKG_RELS(rtype, target) "<Relationships xmlns=\"" T_REL "\"><Relationship Id=\"rId1\" " \
	"Type=\"" rtype "/officeDocument\" Target=\"" target "\"/></Relationships>"
#define STYLES_REL(rtype, target) "<Relationships xmlns=\"" T_REL "\"><Relationship Id=\"rId3\" " \
	"Type=\"" rtype "/styles\" Target=\"" target "\"/></Relationships>"
/* a character style Strong (bold) and a paragraph using it */
#define STYLES(w) "<w:styles xmlns:w=\"" w "\"><w:style w:type=\"character\" w:styleId=\"Strong\">" \
	"<w:name w:val=\"Strong\"/><w:rPr><w:b/></w:rPr></w:style></w:styles>"
#define DOC(w, r, body) "<w:document xmlns:w=\"" w "\" xmlns:r=\"" r "\"><w:body>" body \
	"</w:body></w:document>"
#define BODY "<w:p><w:r><w:t xml:space=\"preserve\">Plain and </w:t></w:r><w:r><w:rPr>" \
	"<w:rStyle w:val=\"Strong\"/></w:rPr><w:t>strong</w:t></w:r></w:p>"

/* Converts the package of n entries; caller frees with xmlFreeDoc. */
static xmlDocPtr
convert_entries(const t_entry *e, size_t n)
{
	size_t len;
	unsigned char *z = t_zip(e, n, &len);
	xmlDocPtr c = t_convert(z, len);

	free(z);
	return c;
}

/* The body text "Plain and strong", "strong" bold from the styles part. */
static void
expect_body(xmlDocPtr c)
{
	t_expect_paras(c, "Plain and strong");
	t_expect(c, "string(//c:p/c:b)", "strong");
}

static void
test_strict(void **state)
{
	const t_entry e[] = {
		{ "[Content_Types].xml", CT_HEAD "<Override PartName=\"/word/document.xml\" "
		  "ContentType=\"" T_MAIN_CT "\"/></Types>", 0, 0 },
		{ "_rels/.rels", PKG_RELS(S_R, "word/document.xml"), 0, 0 },
		{ "word/document.xml", DOC(S_W, S_R, BODY), 0, 0 },
		{ "word/_rels/document.xml.rels", STYLES_REL(S_R, "styles.xml"), 0, 0 },
		{ "word/styles.xml", STYLES(S_W), 0, 0 },
	};
	xmlDocPtr c = convert_entries(e, sizeof e / sizeof e[0]);

	(void)state;
	expect_body(c);
	xmlFreeDoc(c);
}

static void
test_content_types(void **state)
{
	static const char *const types[] = {
		"application/vnd.ms-word.document.macroEnabled.main+xml",
		"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
		"application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
	};

	(void)state;
	for (size_t k = 0; k < 3; k++) {
		char *ct = t_cat(CT_HEAD "<Override PartName=\"/word/document.xml\" ContentType=\"",
		                 types[k], "\"/></Types>", NULL);
		/* with the package relationship, and without it (found by its
		 * content type alone) */
		t_entry e[] = {
			{ "[Content_Types].xml", ct, 0, 0 },
			{ "word/document.xml", DOC(T_W, T_R, BODY), 0, 0 },
			{ "word/_rels/document.xml.rels", STYLES_REL(T_R, "styles.xml"), 0, 0 },
			{ "word/styles.xml", STYLES(T_W), 0, 0 },
			{ "_rels/.rels", PKG_RELS(T_R, "/word/document.xml"), 0, 0 },
		};
		xmlDocPtr c = convert_entries(e, 5);

		expect_body(c);
		xmlFreeDoc(c);
		c = convert_entries(e, 4);
		expect_body(c);
		xmlFreeDoc(c);
		free(ct);
	}
}

static void
test_main_part_elsewhere(void **state)
{
	const t_entry e[] = {
		{ "[Content_Types].xml", CT_HEAD "<Override PartName=\"/word/document2.xml\" "
		  "ContentType=\"" T_MAIN_CT "\"/></Types>", 0, 0 },
		{ "_rels/.rels", PKG_RELS(T_R, "word/document2.xml"), 0, 0 },
		/* a stale document.xml that no relationship names */
		{ "word/document.xml", DOC(T_W, T_R, T_P("STALE")), 0, 0 },
		{ "word/document2.xml", DOC(T_W, T_R, BODY), 0, 0 },
		{ "word/_rels/document2.xml.rels", STYLES_REL(T_R, "../word/styles2.xml"), 0, 0 },
		{ "word/styles2.xml", STYLES(T_W), 0, 0 },
	};
	xmlDocPtr c = convert_entries(e, sizeof e / sizeof e[0]);

	(void)state;
	expect_body(c);
	assert_false(t_has_text(c, "STALE"));
	xmlFreeDoc(c);
}

static void
test_prefix_bom_absolute(void **state)
{
	const t_entry e[] = {
		{ "[Content_Types].xml", CT_HEAD "<Override PartName=\"/word/document.xml\" "
		  "ContentType=\"" T_MAIN_CT "\"/></Types>", 0, 0 },
		{ "_rels/.rels", "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
		  PKG_RELS(T_R, "/word/document.xml"), 0, 0 },
		/* ns0: for the main namespace, a BOM and an XML declaration */
		{ "word/document.xml", "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\" "
		  "standalone=\"yes\"?>\n<ns0:document xmlns:ns0=\"" T_W "\" xmlns:ns1=\"" T_R "\">"
		  "<ns0:body><ns0:p><ns0:r><ns0:t xml:space=\"preserve\">Plain and </ns0:t></ns0:r>"
		  "<ns0:r><ns0:rPr><ns0:rStyle ns0:val=\"Strong\"/></ns0:rPr><ns0:t>strong</ns0:t>"
		  "</ns0:r></ns0:p></ns0:body></ns0:document>", 0, 0 },
		/* an absolute target within the package */
		{ "word/_rels/document.xml.rels", STYLES_REL(T_R, "/word/styles.xml"), 0, 0 },
		{ "word/styles.xml", "\xEF\xBB\xBF" STYLES(T_W), 0, 0 },
	};
	xmlDocPtr c = convert_entries(e, sizeof e / sizeof e[0]);

	(void)state;
	expect_body(c);
	xmlFreeDoc(c);
}

#define FLAT "http://schemas.microsoft.com/office/2006/xmlPackage"

static void
test_flat_opc(void **state)
{
	static const char flat[] =
		"<?xml version=\"1.0\" standalone=\"yes\"?>\n<?mso-application progid=\"Word.Document\"?>\n"
		"<pkg:package xmlns:pkg=\"" FLAT "\">"
		"<pkg:part pkg:name=\"/_rels/.rels\" pkg:contentType=\"application/vnd.openxmlformats-"
		"package.relationships+xml\"><pkg:xmlData>" PKG_RELS(T_R, "word/document.xml")
		"</pkg:xmlData></pkg:part>"
		"<pkg:part pkg:name=\"/word/document.xml\" pkg:contentType=\"" T_MAIN_CT "\">"
		"<pkg:xmlData>" DOC(T_W, T_R, BODY) "</pkg:xmlData></pkg:part>"
		"<pkg:part pkg:name=\"/word/_rels/document.xml.rels\" pkg:contentType=\"application/"
		"vnd.openxmlformats-package.relationships+xml\"><pkg:xmlData>"
		STYLES_REL(T_R, "styles.xml") "</pkg:xmlData></pkg:part>"
		"<pkg:part pkg:name=\"/word/styles.xml\" pkg:contentType=\"application/xml\">"
		"<pkg:xmlData>" STYLES(T_W) "</pkg:xmlData></pkg:part>"
		"<pkg:part pkg:name=\"/word/media/image1.png\" pkg:contentType=\"image/png\" "
		"pkg:compression=\"store\"><pkg:binaryData>iVBORw0KGgo=</pkg:binaryData></pkg:part>"
		"</pkg:package>";
	xmlDocPtr c;

	(void)state;
	c = t_convert((const unsigned char *)flat, sizeof flat - 1);
	expect_body(c);
	xmlFreeDoc(c);
}

static void
test_word2003_message(void **state)
{
	static const char w2003[] =
		"<?xml version=\"1.0\"?><?mso-application progid=\"Word.Document\"?>"
		"<w:wordDocument xmlns:w=\"http://schemas.microsoft.com/office/word/2003/wordml\">"
		"<w:body><w:p><w:r><w:t>old</w:t></w:r></w:p></w:body></w:wordDocument>";
	cd_options o;
	cd_error err;
	xmlDocPtr c;

	(void)state;
	cd_options_init(&o);
	cd_error_clear(&err);
	c = cd_convert("old.xml", (const unsigned char *)w2003, sizeof w2003 - 1, &o, &err);
	assert_null(c);
	assert_int_equal(err.code, CD_ERR_FORMAT);
	assert_non_null(strstr(err.msg, "Word 2003 XML"));
	assert_non_null(strstr(err.msg, ".docx"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strict),
		cmocka_unit_test(test_content_types),
		cmocka_unit_test(test_main_part_elsewhere),
		cmocka_unit_test(test_prefix_bom_absolute),
		cmocka_unit_test(test_flat_opc),
		cmocka_unit_test(test_word2003_message),
	};
	int rc;

	cd_init();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	cd_cleanup();
	return rc;
}
