/*
 * test_flatten.c — cd_flatten: wrappers, tracked changes, alternate
 * content, text boxes, images, equations, symbols, hidden text, comments.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "stagetest.h"
#include "symbols.h"

/* s after cd_flatten; caller: xmlFreeDoc. */
static xmlDocPtr
flatten(const char *s)
{
	return st_run(s, cd_flatten);
}

static void
test_sdt_smarttag_customxml(void **state)
{
	xmlDocPtr d = flatten(DOC(
		"<w:sdt><w:sdtPr><w:alias w:val=\"x\"/></w:sdtPr><w:sdtContent>"
		"<w:p><w:smartTag w:uri=\"u\"><w:smartTagPr/><w:r><w:t>Gen</w:t></w:r></w:smartTag>"
		"<w:customXml><w:customXmlPr/><w:r><w:t>eva</w:t></w:r></w:customXml>"
		"<w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t>!</w:t></w:r></w:sdtContent></w:sdt></w:p>"
		"</w:sdtContent></w:sdt>"));

	(void)state;
	expect_text(d, "Geneva!|");
	assert_false(xml_has(d, "sdt"));
	assert_false(xml_has(d, "smartTag"));
	xmlFreeDoc(d);
}

static void
test_tracked_changes(void **state)
{
	xmlDocPtr d = flatten(DOC(
		"<w:p><w:r><w:t>A</w:t></w:r><w:del w:id=\"1\"><w:r><w:delText>gone</w:delText></w:r></w:del>"
		"<w:ins w:id=\"2\"><w:r><w:t>B</w:t></w:r></w:ins>"
		"<w:moveFrom w:id=\"3\"><w:r><w:t>old</w:t></w:r></w:moveFrom>"
		"<w:moveTo w:id=\"4\"><w:r><w:rPr><w:b/><w:rPrChange w:id=\"5\"><w:rPr/></w:rPrChange></w:rPr>"
		"<w:t>C</w:t></w:r></w:moveTo></w:p>"
		"<w:p><w:pPr><w:rPr><w:del w:id=\"6\"/></w:rPr></w:pPr><w:r><w:t>first </w:t></w:r></w:p>"
		"<w:p><w:r><w:t>second</w:t></w:r></w:p>"
		"<w:tbl><w:tr><w:trPr><w:del w:id=\"7\"/></w:trPr><w:tc><w:p><w:r><w:t>row</w:t></w:r></w:p></w:tc></w:tr>"
		"<w:tr><w:tc><w:p><w:r><w:t>kept</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"));

	(void)state;
	expect_text(d, "ABC|first second|kept|");
	assert_false(xml_has(d, "rPrChange"));
	xmlFreeDoc(d);
}

/* A drop cap is a frame paragraph holding the first letter of the next
 * paragraph: Word shows one word. A plain frame (no dropCap) stays apart. */
static void
test_drop_cap(void **state)
{
	xmlDocPtr d = flatten(DOC(
		"<w:p><w:pPr><w:framePr w:dropCap=\"drop\" w:lines=\"3\"/></w:pPr><w:r><w:t>D</w:t></w:r></w:p>"
		"<w:p><w:pPr><w:pStyle w:val=\"Normal\"/></w:pPr><w:r><w:t>rop cap.</w:t></w:r></w:p>"
		"<w:p><w:pPr><w:framePr w:dropCap=\"margin\"/></w:pPr><w:r><w:t>M</w:t></w:r></w:p>"
		"<w:p><w:r><w:t>argin.</w:t></w:r></w:p>"
		"<w:p><w:pPr><w:framePr w:dropCap=\"none\" w:w=\"100\"/></w:pPr><w:r><w:t>Frame</w:t></w:r></w:p>"
		"<w:p><w:r><w:t>apart</w:t></w:r></w:p>"));

	(void)state;
	expect_text(d, "Drop cap.|Margin.|Frame|apart|");
	assert_true(xml_has(d, "<w:pStyle w:val=\"Normal\"/>"));
	xmlFreeDoc(d);
}

static void
test_alternate_content(void **state)
{
	xmlDocPtr d = flatten(DOC(
		"<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"x\"><w:t>unknown</w:t></mc:Choice>"
		"<mc:Choice Requires=\"wps\"><w:t>choice</w:t></mc:Choice>"
		"<mc:Fallback><w:t>fallback</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>"
		"<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"x wps\"><w:t>no</w:t></mc:Choice>"
		"<mc:Fallback><w:t>fb</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>"));

	(void)state;
	expect_text(d, "choice|fb|");
	assert_false(xml_has(d, "AlternateContent"));
	xmlFreeDoc(d);
}

static void
test_textbox_moved_once(void **state)
{
	xmlDocPtr d = flatten(DOC(
		"<w:p><w:r><w:t>Before</w:t></w:r><w:r><w:drawing><wp:anchor><wp:docPr id=\"1\" name=\"Text Box 1\"/>"
		"<a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>"
		"<w:p><w:r><w:t>box one</w:t></w:r></w:p><w:p><w:r><w:t>box two</w:t></w:r></w:p>"
		"</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"
		"<w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>vml box</w:t></w:r></w:p>"
		"</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>"
		"<w:p><w:r><w:t>After</w:t></w:r></w:p>"));

	(void)state;
	expect_text(d, "Before|box one|box two|vml box|After|");
	assert_false(xml_has(d, "<w:drawing"));
	assert_false(xml_has(d, "pkg:image"));
	xmlFreeDoc(d);
}

static void
test_images(void **state)
{
	xmlDocPtr d = flatten(DOC(
		"<w:p><w:r><w:drawing><wp:inline><wp:docPr id=\"1\" name=\"P\" descr=\"A map\" title=\"\"/>"
		"<a:graphic><a:graphicData><a:blip/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
		"<w:r><w:drawing><wp:anchor><wp:docPr id=\"2\" name=\"Line\"/></wp:anchor></w:drawing></w:r>"
		"<w:r><w:pict><v:shape alt=\"Logo\"><v:imagedata/></v:shape></w:pict></w:r></w:p>"));

	(void)state;
	assert_true(xml_has(d, "<pkg:image alt=\"A map\" kind=\"picture\"/>"));
	assert_true(xml_has(d, "<pkg:image alt=\"Logo\" kind=\"picture\"/>"));
	assert_false(xml_has(d, "Line"));
	xmlFreeDoc(d);
}

static void
test_math_linear(void **state)
{
	xmlDocPtr d = flatten(DOC(
		"<w:p><w:r><w:t>x: </w:t></w:r><m:oMath><m:f><m:num><m:r><m:t>a+b</m:t></m:r></m:num>"
		"<m:den><m:r><m:t>2</m:t></m:r></m:den></m:f><m:r><m:t>=</m:t></m:r>"
		"<m:sSup><m:e><m:r><m:t>x</m:t></m:r></m:e><m:sup><m:r><m:t>2</m:t></m:r></m:sup></m:sSup>"
		"<m:rad><m:radPr><m:degHide m:val=\"1\"/></m:radPr><m:deg/><m:e><m:r><m:t>y</m:t></m:r></m:e></m:rad>"
		"<m:d><m:dPr><m:begChr m:val=\"[\"/><m:endChr m:val=\"]\"/></m:dPr><m:e><m:r><m:t>z</m:t></m:r></m:e></m:d>"
		"<m:nary><m:naryPr><m:chr m:val=\"\xe2\x88\x91\"/></m:naryPr><m:sub><m:r><m:t>i</m:t></m:r></m:sub>"
		"<m:sup><m:r><m:t>n</m:t></m:r></m:sup><m:e><m:r><m:t>i</m:t></m:r></m:e></m:nary>"
		"</m:oMath></w:p>"));

	(void)state;
	expect_text(d, "x: (a+b)/2=x^2\xe2\x88\x9a(y)[z]\xe2\x88\x91_i^n i|");
	xmlFreeDoc(d);
}

static void
test_symbols(void **state)
{
	xmlDocPtr d = flatten(DOC(
		"<w:p><w:r><w:sym w:font=\"Symbol\" w:char=\"F0B7\"/><w:sym w:font=\"Wingdings\" w:char=\"FC\"/>"
		"<w:sym w:font=\"Symbol\" w:char=\"F061\"/></w:r>"
		"<w:r><w:rPr><w:rFonts w:ascii=\"Wingdings\" w:hAnsi=\"Wingdings\"/></w:rPr>"
		"<w:t>\xef\x82\xa7</w:t></w:r></w:p>"));

	(void)state;
	/* • ✓ α ▪ */
	expect_text(d, "\xe2\x80\xa2\xe2\x9c\x93\xce\xb1\xe2\x96\xaa|");
	assert_int_equal(cd_sym_map(cd_sym_font("Symbol"), 0xB1), 0xB1);
	assert_int_equal(cd_sym_map(cd_sym_font("Symbol"), 0xF0B9), 0x2260);
	assert_int_equal(cd_sym_map(cd_sym_font("Wingdings"), 0xD8), 0x27A2);
	xmlFreeDoc(d);
}

static void
test_hidden_and_links(void **state)
{
	xmlDocPtr d = flatten(DOC(
		"<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r>"
		"<w:r><w:rPr><w:vanish w:val=\"0\"/></w:rPr><w:t>shown</w:t></w:r>"
		"<w:r><w:rPr><w:specVanish/></w:rPr><w:t>!</w:t></w:r>"
		"<w:hyperlink><w:r><w:t> bare</w:t></w:r></w:hyperlink>"
		"<w:hyperlink pkg:href=\"http://a.b/c\" w:anchor=\"f\"><w:r><w:t> ext</w:t></w:r></w:hyperlink>"
		"<w:commentRangeStart w:id=\"0\"/><w:r><w:commentReference w:id=\"0\"/></w:r></w:p>"));

	(void)state;
	expect_text(d, "shown! bare ext|");
	assert_true(xml_has(d, "pkg:href=\"http://a.b/c#f\""));
	assert_false(xml_has(d, "w:anchor"));
	assert_false(xml_has(d, "comment"));
	xmlFreeDoc(d);
}

static void
test_comments_part(void **state)
{
	static const char *src = PKG_OPEN
		"<pkg:part name=\"word/document.xml\" role=\"document\"><w:document " W_DECL ">"
		"<w:body><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document></pkg:part>"
		"<pkg:part name=\"word/comments.xml\" role=\"comments\"><w:comments " W_DECL ">"
		"<w:comment w:id=\"0\"><w:p><w:r><w:t>note</w:t></w:r></w:p></w:comment>"
		"</w:comments></pkg:part></pkg:package>";
	cd_options o;
	cd_error e;
	xmlDocPtr d = parse(src);

	(void)state;
	cd_options_init(&o);
	assert_int_equal(cd_flatten(d, &o, &e), CD_OK);
	assert_null(cd_pkg_part(d, "comments"));
	xmlFreeDoc(d);
	d = parse(src);
	o.keep_comments = 1;
	assert_int_equal(cd_flatten(d, &o, &e), CD_OK);
	assert_non_null(cd_pkg_part(d, "comments"));
	xmlFreeDoc(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sdt_smarttag_customxml),
		cmocka_unit_test(test_tracked_changes),
		cmocka_unit_test(test_drop_cap),
		cmocka_unit_test(test_alternate_content),
		cmocka_unit_test(test_textbox_moved_once),
		cmocka_unit_test(test_images),
		cmocka_unit_test(test_math_linear),
		cmocka_unit_test(test_symbols),
		cmocka_unit_test(test_hidden_and_links),
		cmocka_unit_test(test_comments_part),
	};

	cd_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
