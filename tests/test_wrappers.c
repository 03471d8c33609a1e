/*
 * test_wrappers.c — content controls, smart tags, custom XML, markup
 * compatibility and tracked changes through the real stages (cd_convert on
 * a DOCX built in memory): the wrapped content is read once, in place.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "cdtest.h"

#define SDT(content) "<w:sdt><w:sdtPr><w:alias w:val=\"ALIAS\"/><w:tag w:val=\"TAG\"/>" \
	"<w:showingPlcHdr/></w:sdtPr><w:sdtEndPr/><w:sdtContent>" content "</w:sdtContent></w:sdt>"
#define TC(text) "<w:tc><w:tcPr><w:tcW w:w=\"2000\" w:type=\"dxa\"/></w:tcPr>" T_P(text) "</w:tc>"

static void
test_sdt_block_and_run(void **state)
{
	xmlDocPtr c;

	(void)state;
	c = t_body(T_P("before")
	           SDT(T_P("in a block control") SDT(T_P("nested control")))
	           "<w:p><w:r><w:t xml:space=\"preserve\">Dear </w:t></w:r>"
	           SDT("<w:r><w:rPr><w:b/></w:rPr><w:t>Name</w:t></w:r>")
	           "<w:r><w:t>, hello.</w:t></w:r></w:p>");
	t_expect_paras(c, "before|in a block control|nested control|Dear Name, hello.");
	t_expect(c, "string(//c:p[4]/c:b)", "Name");
	assert_false(t_has_text(c, "ALIAS"));
	assert_false(t_has_text(c, "TAG"));
	xmlFreeDoc(c);
}

static void
test_sdt_row_and_cell(void **state)
{
	xmlDocPtr c;

	(void)state;
	c = t_body(T_P("Intro")
	           "<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
	           "<w:tr>" TC("h1") TC("h2") "</w:tr>"
	           SDT("<w:tr>" TC("r1") SDT(TC("r1c2")) "</w:tr>")
	           "<w:tr>" SDT(TC("r2c1")) TC("r2c2") "</w:tr></w:tbl>"
	           T_P("After"));
	t_expect(c, "count(//c:table/c:row)", "3");
	t_expect(c, "count(//c:table/c:row[2]/c:cell)", "2");
	t_expect(c, "normalize-space(//c:table/c:row[2]/c:cell[2])", "r1c2");
	t_expect(c, "normalize-space(//c:table/c:row[3]/c:cell[1])", "r2c1");
	t_expect(c, "normalize-space(//c:table/c:row[3]/c:cell[2])", "r2c2");
	xmlFreeDoc(c);
}

static void
test_smarttag_customxml(void **state)
{
	xmlDocPtr c;

	(void)state;
	c = t_body("<w:customXml w:uri=\"urn:x\" w:element=\"block\"><w:customXmlPr>"
	           "<w:attr w:name=\"a\" w:val=\"ATTRVAL\"/></w:customXmlPr>"
	           T_P("custom block") "</w:customXml>"
	           "<w:p><w:r><w:t xml:space=\"preserve\">Meet in </w:t></w:r>"
	           "<w:smartTag w:uri=\"urn:schemas-microsoft-com:office:smarttags\" w:element=\"City\">"
	           "<w:smartTagPr><w:attr w:name=\"n\" w:val=\"SMARTVAL\"/></w:smartTagPr>"
	           "<w:smartTag w:element=\"place\"><w:r><w:t>Geneva</w:t></w:r></w:smartTag>"
	           "</w:smartTag><w:r><w:t xml:space=\"preserve\"> on </w:t></w:r>"
	           "<w:customXml w:element=\"date\"><w:r><w:rPr><w:i/></w:rPr><w:t>Monday</w:t></w:r>"
	           "</w:customXml><w:r><w:t>.</w:t></w:r></w:p>");
	t_expect_paras(c, "custom block|Meet in Geneva on Monday.");
	t_expect(c, "string(//c:p[2]/c:i)", "Monday");
	assert_false(t_has_text(c, "ATTRVAL"));
	assert_false(t_has_text(c, "SMARTVAL"));
	xmlFreeDoc(c);
}

#define TXBX(text) "<w:txbxContent>" T_P(text) "</w:txbxContent>"
#define WPS_SHAPE(text) "<w:drawing><wp:anchor><wp:docPr id=\"1\" name=\"Text Box 1\"/>" \
	"<a:graphic><a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/" \
	"wordprocessingShape\"><wps:wsp><wps:txbx>" TXBX(text) "</wps:txbx></wps:wsp>" \
	"</a:graphicData></a:graphic></wp:anchor></w:drawing>"
#define VML_SHAPE(text) "<w:pict><v:shape><v:textbox>" TXBX(text) "</v:textbox></v:shape></w:pict>"

static void
test_alternate_content(void **state)
{
	xmlDocPtr c;

	(void)state;
	c = t_body("<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\">"
	           WPS_SHAPE("from the choice") "</mc:Choice><mc:Fallback>"
	           VML_SHAPE("from the choice") "</mc:Fallback></mc:AlternateContent></w:r></w:p>"
	           /* a Choice needing a namespace we do not know: the Fallback */
	           "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"x\">"
	           "<x:thing><w:t>UNKNOWNCHOICE</w:t></x:thing></mc:Choice><mc:Fallback>"
	           "<w:t>fallback text</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>"
	           /* the first understood Choice wins over later ones */
	           "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"w14\"><w:t>first</w:t>"
	           "</mc:Choice><mc:Choice Requires=\"wps\"><w:t>SECOND</w:t></mc:Choice>"
	           "<mc:Fallback><w:t>FALLBACK</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>");
	/* the text box is read exactly once */
	t_expect(c, "count(//text()[contains(., 'from the choice')])", "1");
	assert_true(t_has_text(c, "fallback text"));
	assert_false(t_has_text(c, "UNKNOWNCHOICE"));
	assert_true(t_has_text(c, "first"));
	assert_false(t_has_text(c, "SECOND"));
	assert_false(t_has_text(c, "FALLBACK"));
	xmlFreeDoc(c);
}

static void
test_tracked_changes(void **state)
{
	xmlDocPtr c;

	(void)state;
	c = t_body("<w:p><w:r><w:t xml:space=\"preserve\">The </w:t></w:r>"
	           "<w:del w:id=\"1\" w:author=\"A\"><w:r><w:delText>OLDWORD</w:delText></w:r></w:del>"
	           "<w:ins w:id=\"2\" w:author=\"A\"><w:r><w:t>new</w:t></w:r></w:ins>"
	           "<w:r><w:t xml:space=\"preserve\"> text</w:t></w:r>"
	           "<w:moveFrom w:id=\"3\"><w:r><w:t>MOVEDAWAY</w:t></w:r></w:moveFrom>"
	           "<w:r><w:t xml:space=\"preserve\"> is </w:t></w:r>"
	           "<w:moveTo w:id=\"4\"><w:r><w:t>here</w:t></w:r></w:moveTo>"
	           "<w:r><w:delText>STRAYDELTEXT</w:delText><w:t>.</w:t></w:r></w:p>"
	           /* a deleted paragraph: text and all */
	           "<w:del w:id=\"5\"><w:p><w:r><w:t>DELETEDPARA</w:t></w:r></w:p></w:del>"
	           "<w:moveFromRangeStart w:id=\"6\" w:name=\"move1\"/>"
	           "<w:p><w:moveFrom w:id=\"7\"><w:r><w:t>MOVEDPARA</w:t></w:r></w:moveFrom></w:p>"
	           "<w:moveFromRangeEnd w:id=\"6\"/>"
	           T_P("End"));
	t_expect_paras(c, "The new text is here.|End");
	assert_false(t_has_text(c, "OLD"));
	assert_false(t_has_text(c, "MOVED"));
	assert_false(t_has_text(c, "STRAY"));
	assert_false(t_has_text(c, "DELETED"));
	xmlFreeDoc(c);
}

static void
test_property_changes_ignored(void **state)
{
	t_doc d = { 0 };
	xmlDocPtr c;

	(void)state;
	d.styles = "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\">"
	           "<w:name w:val=\"heading 1\"/><w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr></w:style>";
	d.numbering = "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
	              "<w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1)\"/></w:lvl></w:abstractNum>"
	              "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>";
	/* the old properties (a heading, numbered, bold) are history only */
	d.body = "<w:p><w:pPr><w:pPrChange w:id=\"1\" w:author=\"A\"><w:pPr>"
	         "<w:pStyle w:val=\"Heading1\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/>"
	         "</w:numPr></w:pPr></w:pPrChange></w:pPr>"
	         "<w:r><w:rPr><w:rPrChange w:id=\"2\" w:author=\"A\"><w:rPr><w:b/><w:vanish/></w:rPr>"
	         "</w:rPrChange></w:rPr><w:t>Now a plain paragraph.</w:t></w:r></w:p>"
	         "<w:tbl><w:tblPr><w:tblPrChange w:id=\"3\"><w:tblPr/></w:tblPrChange></w:tblPr>"
	         "<w:tr><w:trPr><w:trPrChange w:id=\"4\"><w:trPr><w:tblHeader/></w:trPr></w:trPrChange>"
	         "</w:trPr><w:tc><w:tcPr><w:tcPrChange w:id=\"5\"><w:tcPr><w:gridSpan w:val=\"2\"/>"
	         "</w:tcPr></w:tcPrChange></w:tcPr>" T_P("a") "</w:tc>" TC("b") "</w:tr>"
	         "<w:tr>" TC("c") TC("d") "</w:tr></w:tbl>";
	c = t_council(&d);
	t_expect(c, "count(//c:section)", "0");
	t_expect(c, "count(//c:list)", "0");
	t_expect(c, "count(//c:b)", "0");
	t_expect(c, "string(/c:council/c:p[1])", "Now a plain paragraph.");
	t_expect(c, "count(//c:cell[@colspan])", "0");
	t_expect(c, "count(//c:row[@header = 'true'])", "0");
	xmlFreeDoc(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sdt_block_and_run),
		cmocka_unit_test(test_sdt_row_and_cell),
		cmocka_unit_test(test_smarttag_customxml),
		cmocka_unit_test(test_alternate_content),
		cmocka_unit_test(test_tracked_changes),
		cmocka_unit_test(test_property_changes_ignored),
	};
	int rc;

	cd_init();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	cd_cleanup();
	return rc;
}
