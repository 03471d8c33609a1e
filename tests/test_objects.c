/*
 * test_objects.c — images, text boxes, equations and embedded objects, and
 * the parts outside the body, through the real stages (cd_convert on a DOCX
 * built in memory).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "cdtest.h"

#define PIC "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">" \
	"<pic:pic><pic:nvPicPr><pic:cNvPr id=\"0\" name=\"PICNAME.png\" descr=\"PICDESCR\"/><pic:cNvPicPr/>" \
	"</pic:nvPicPr><pic:blipFill><a:blip r:embed=\"rId9\"/></pic:blipFill></pic:pic>" \
	"</a:graphicData></a:graphic>"

static void
test_drawingml_images(void **state)
{
	xmlDocPtr c;

	(void)state;
	c = t_body("<w:p><w:r><w:t xml:space=\"preserve\">Logo: </w:t></w:r><w:r><w:drawing><wp:inline>"
	           "<wp:extent cx=\"1\" cy=\"1\"/><wp:docPr id=\"1\" name=\"Picture 1\" "
	           "descr=\"ITU logo\" title=\"Logo title\"/>" PIC "</wp:inline></w:drawing></w:r></w:p>"
	           "<w:p><w:r><w:drawing><wp:anchor><wp:docPr id=\"2\" name=\"Picture 2\" "
	           "title=\"Only a title\"/>" PIC "</wp:anchor></w:drawing></w:r></w:p>"
	           "<w:p><w:r><w:drawing><wp:inline><wp:docPr id=\"3\" name=\"Picture 3\" descr=\"\"/>"
	           PIC "</wp:inline></w:drawing></w:r><w:r><w:t>caption</w:t></w:r></w:p>");
	t_expect(c, "string((//c:figure)[1]/@alt)", "ITU logo");
	t_expect(c, "string((//c:figure)[1]/@title)", "Logo title");
	t_expect(c, "string((//c:figure)[2]/@title)", "Only a title");
	/* the text before the image stays in its paragraph */
	t_expect(c, "normalize-space(//c:p[c:figure[@alt = 'ITU logo']])", "Logo:");
	assert_true(t_has_text(c, "caption"));
	/* the picture's own name and description in pic:cNvPr are not text */
	assert_false(t_has_text(c, "PICNAME"));
	assert_false(t_has_text(c, "PICDESCR"));
	xmlFreeDoc(c);
}

static void
test_vml_images(void **state)
{
	xmlDocPtr c;

	(void)state;
	c = t_body("<w:p><w:r><w:pict><v:shape id=\"_x0000_i1025\" type=\"#_x0000_t75\" "
	           "alt=\"VML alternative\" style=\"width:10pt\"><v:imagedata r:id=\"rId9\" "
	           "o:title=\"vmltitle\"/></v:shape></w:pict></w:r></w:p>");
	t_expect(c, "string(//c:figure/@alt)", "VML alternative");
	assert_false(t_has_text(c, "_x0000"));
	assert_false(t_has_text(c, "width"));
	xmlFreeDoc(c);
}

#define TXBX(text) "<w:txbxContent>" T_P(text) "</w:txbxContent>"

static void
test_text_boxes_in_place(void **state)
{
	xmlDocPtr c;

	(void)state;
	c = t_body(T_P("before")
	           "<w:p><w:r><w:drawing><wp:anchor><wp:docPr id=\"4\" name=\"Text Box 4\"/>"
	           "<a:graphic><a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/"
	           "wordprocessingShape\"><wps:wsp><wps:txbx>" TXBX("DrawingML box")
	           "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r></w:p>"
	           T_P("middle")
	           "<w:p><w:r><w:pict><v:shape><v:textbox>" TXBX("VML box")
	           "</v:textbox></v:shape></w:pict></w:r></w:p>"
	           T_P("after"));
	t_expect(c, "count(//text()[contains(., 'DrawingML box')])", "1");
	t_expect(c, "count(//text()[contains(., 'VML box')])", "1");
	/* in document order, where the shape is anchored */
	t_expect(c, "normalize-space(/c:council)", "before DrawingML box middle VML box after");
	xmlFreeDoc(c);
}

static void
test_omml_linear(void **state)
{
	xmlDocPtr c;
	char *m;

	(void)state;
	c = t_body("<w:p><w:r><w:t xml:space=\"preserve\">where </w:t></w:r><m:oMath>"
	           "<m:r><m:t>E=m</m:t></m:r><m:sSup><m:e><m:r><m:t>c</m:t></m:r></m:e>"
	           "<m:sup><m:r><m:t>2</m:t></m:r></m:sup></m:sSup></m:oMath>"
	           "<w:r><w:t xml:space=\"preserve\"> and </w:t></w:r><m:oMath><m:f><m:num><m:r>"
	           "<m:t>a+b</m:t></m:r></m:num><m:den><m:r><m:t>2</m:t></m:r></m:den></m:f></m:oMath>"
	           "</w:p>"
	           "<w:p><m:oMathPara><m:oMath><m:rad><m:radPr><m:degHide m:val=\"1\"/></m:radPr><m:deg/>"
	           "<m:e><m:r><m:t>x</m:t></m:r></m:e></m:rad></m:oMath></m:oMathPara></w:p>");
	t_expect(c, "count(//c:math)", "3");
	t_expect(c, "string((//c:math)[1])", "E=mc^2");
	m = t_str(c, "(//c:math)[2]");
	/* a fraction reads as a division of its grouped parts */
	assert_non_null(strstr(m, "a+b"));
	assert_non_null(strstr(m, "/"));
	assert_true(strchr(m, '2') > strchr(m, '/'));
	free(m);
	m = t_str(c, "(//c:math)[3]");
	assert_non_null(strstr(m, "x"));
	assert_non_null(strstr(m, "\xE2\x88\x9A"));  /* √ */
	free(m);
	t_expect(c, "normalize-space(//c:p[1]/text()[1])", "where");
	xmlFreeDoc(c);
}

/* m:oMathPara / m:oMath directly in w:body (valid: EG_RunLevelElements
 * holds EG_MathContent; converters write it) becomes its own paragraph. */
static void
test_omml_body_level(void **state)
{
	xmlDocPtr c;

	(void)state;
	c = t_body(T_P("before") "<m:oMathPara><m:oMath><m:r><m:t>y=2x</m:t></m:r></m:oMath>"
	           "</m:oMathPara>" T_P("after"));
	t_expect(c, "string(//c:math)", "y=2x");
	t_expect(c, "normalize-space(/c:council)", "before y=2x after");
	xmlFreeDoc(c);
}

static void
test_embedded_objects(void **state)
{
	xmlDocPtr c;

	(void)state;
	c = t_body("<w:p><w:r><w:t xml:space=\"preserve\">Table: </w:t></w:r><w:r>"
	           "<w:object w:dxaOrig=\"100\" w:dyaOrig=\"100\"><v:shape id=\"_x0000_i1026\" "
	           "alt=\"Budget sheet\"><v:imagedata r:id=\"rId10\" o:title=\"\"/></v:shape>"
	           "<o:OLEObject Type=\"Embed\" ProgID=\"Excel.Sheet.12\" ShapeID=\"_x0000_i1026\" "
	           "DrawAspect=\"Content\" ObjectID=\"_1234567890\" r:id=\"rId11\"/></w:object></w:r></w:p>"
	           "<w:p><w:r><w:object><o:OLEObject Type=\"Embed\" ProgID=\"Equation.3\" "
	           "ObjectID=\"_99\" r:id=\"rId12\"/></w:object></w:r><w:r><w:t>tail</w:t></w:r></w:p>");
	t_expect(c, "string(//c:figure/@alt)", "Budget sheet");
	assert_true(t_has_text(c, "tail"));
	assert_false(t_has_text(c, "Excel.Sheet"));
	assert_false(t_has_text(c, "Equation.3"));
	assert_false(t_has_text(c, "_1234567890"));
	assert_false(t_has_text(c, "_x0000"));
	xmlFreeDoc(c);
}

static void
test_outside_the_body(void **state)
{
	t_doc d = { 0 };
	xmlDocPtr c;

	(void)state;
	d.header = T_P("HEADERTEXT running head");
	d.footer = "<w:p><w:r><w:t>FOOTERTEXT page </w:t></w:r><w:fldSimple w:instr=\" PAGE \">"
	           "<w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>";
	d.comments = "<w:comment w:id=\"0\" w:author=\"A\" w:initials=\"A\">"
	             T_P("COMMENTTEXT please check") "</w:comment>";
	d.body = "<w:p><w:commentRangeStart w:id=\"0\"/><w:r><w:t>Body text</w:t></w:r>"
	         "<w:commentRangeEnd w:id=\"0\"/><w:r><w:rPr><w:rStyle w:val=\"CommentReference\"/>"
	         "</w:rPr><w:commentReference w:id=\"0\"/></w:r><w:r><w:t>.</w:t></w:r></w:p>"
	         "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId20\"/>"
	         "<w:footerReference w:type=\"default\" r:id=\"rId21\"/></w:sectPr>";
	c = t_council(&d);
	t_expect_paras(c, "Body text.");
	assert_false(t_has_text(c, "HEADERTEXT"));
	assert_false(t_has_text(c, "FOOTERTEXT"));
	assert_false(t_has_text(c, "COMMENTTEXT"));
	xmlFreeDoc(c);
}

/* A drawn figure whose text boxes hold its labels (one paragraph style)
 * and its caption (Figure_NoTitle): the caption is the figure's, before
 * its description; a caption paragraph after such a figure stays a
 * paragraph (a figure has one caption). */
#define TBOX(style, text) "<wps:wsp><wps:txbx><w:txbxContent><w:p><w:pPr><w:pStyle w:val=\"" \
	style "\"/></w:pPr><w:r><w:t>" text "</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp>"
static void
test_caption_in_drawing(void **state)
{
	t_doc d = { 0 };
	xmlDocPtr c;

	(void)state;
	d.styles = "<w:style w:type=\"paragraph\" w:styleId=\"NormalWeb\"><w:name w:val=\"Normal (Web)\"/>"
		"</w:style><w:style w:type=\"paragraph\" w:styleId=\"FigureNoTitle\"><w:name "
		"w:val=\"Figure_NoTitle\"/></w:style>";
	d.body = "<w:p><w:r><w:drawing><wp:anchor><wp:docPr id=\"1\" name=\"Group 5\"/><a:graphic>"
		"<a:graphicData><wpg:wgp>" TBOX("NormalWeb", "Encoder") TBOX("NormalWeb", "Decoder")
		TBOX("FigureNoTitle", "Figure 3 \xe2\x80\x93 Coding chain") "</wpg:wgp></a:graphicData>"
		"</a:graphic></wp:anchor></w:drawing></w:r></w:p>"
		"<w:p><w:pPr><w:pStyle w:val=\"FigureNoTitle\"/></w:pPr><w:r><w:t>Figure 3 (end)</w:t>"
		"</w:r></w:p>";
	c = t_council(&d);
	t_expect(c, "string(//c:figure/c:caption)", "Figure 3 \xe2\x80\x93 Coding chain");
	t_expect(c, "name(//c:figure/*[1])", "caption");
	t_expect(c, "count(//c:figure/c:desc/c:p)", "1");
	t_expect(c, "string(//c:figure/c:desc/c:p)", "EncoderDecoder");
	t_expect(c, "count(//c:figure/c:desc/c:p/c:br)", "1");
	t_expect(c, "string(//c:figure/following-sibling::c:p)", "Figure 3 (end)");
	xmlFreeDoc(c);
}

/* A table whose first row is its title (one cell, Table_NoTitle) has it
 * as caption; a second table with a title paragraph before it and the
 * title row too keeps the paragraph as a paragraph. */
#define TC(text) "<w:tc><w:p><w:r><w:t>" text "</w:t></w:r></w:p></w:tc>"
#define TITLE_ROW "<w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr><w:p><w:pPr><w:pStyle " \
	"w:val=\"TableNoTitle\"/></w:pPr><w:r><w:t>Table 1 \xe2\x80\x93 Rates</w:t></w:r></w:p></w:tc></w:tr>"
static void
test_table_title_row(void **state)
{
	t_doc d = { 0 };
	xmlDocPtr c;

	(void)state;
	d.styles = "<w:style w:type=\"paragraph\" w:styleId=\"TableNoTitle\"><w:name "
		"w:val=\"Table_NoTitle\"/></w:style>";
	d.body = "<w:tbl>" TITLE_ROW "<w:tr>" TC("Year") TC("Rate") "</w:tr><w:tr>" TC("2024") TC("3")
		"</w:tr></w:tbl>" T_P("Between.")
		"<w:p><w:pPr><w:pStyle w:val=\"TableNoTitle\"/></w:pPr><w:r><w:t>Table 2 \xe2\x80\x93 "
		"Again</w:t></w:r></w:p><w:tbl>" TITLE_ROW "<w:tr>" TC("a") TC("b") "</w:tr></w:tbl>";
	c = t_council(&d);
	t_expect(c, "string(//c:table[1]/c:caption)", "Table 1 \xe2\x80\x93 Rates");
	t_expect(c, "count(//c:table[1]/c:row)", "2");
	t_expect(c, "normalize-space(//c:table[1]/c:row[1]/c:cell[1])", "Year");
	t_expect(c, "string(//c:table[2]/c:caption)", "Table 1 \xe2\x80\x93 Rates");
	t_expect(c, "string(//c:table[2]/preceding-sibling::c:p[1])", "Table 2 \xe2\x80\x93 Again");
	xmlFreeDoc(c);
}

/* Pictures in a caption-styled paragraph: alone, the paragraph is the
 * figure (and takes the caption after it); with text, the picture is a
 * figure and the text its caption. */
#define FIGP(body) "<w:p><w:pPr><w:pStyle w:val=\"FigureNoTitle\"/></w:pPr>" body "</w:p>"
#define INLINE_PIC(n) "<w:r><w:drawing><wp:inline><wp:docPr id=\"" n "\" name=\"Picture " n "\"/>" \
	PIC "</wp:inline></w:drawing></w:r>"
static void
test_picture_in_caption_style(void **state)
{
	t_doc d = { 0 };
	xmlDocPtr c;

	(void)state;
	d.styles = "<w:style w:type=\"paragraph\" w:styleId=\"FigureNoTitle\"><w:name "
		"w:val=\"Figure_NoTitle\"/></w:style>";
	d.body = FIGP(INLINE_PIC("1")) FIGP("<w:r><w:t>Figure 1 \xe2\x80\x93 Alone</w:t></w:r>")
		FIGP(INLINE_PIC("2") "<w:r><w:br/></w:r><w:r><w:t>Figure 2 \xe2\x80\x93 Together</w:t></w:r>")
		T_P("After.");
	c = t_council(&d);
	t_expect(c, "count(//c:figure)", "2");
	t_expect(c, "string((//c:figure)[1]/c:caption)", "Figure 1 \xe2\x80\x93 Alone");
	t_expect(c, "string((//c:figure)[2]/c:caption)", "Figure 2 \xe2\x80\x93 Together");
	t_expect(c, "count((//c:figure)[2]/c:caption/c:br)", "0");
	t_expect(c, "count(//c:caption//c:figure)", "0");
	t_expect(c, "count(//c:p)", "1");
	xmlFreeDoc(c);
	/* a figure drawn as a table: "Figure 5 – ..." below the table is its
	 * caption; a "Table 6 – ..." below it waits for the next table */
	d.body = "<w:tbl><w:tr>" TC("Byte 0") TC("Flags") "</w:tr></w:tbl>"
		FIGP("<w:r><w:t>Figure 5 \xe2\x80\x93 Header structure</w:t></w:r>")
		"<w:tbl><w:tr>" TC("a") TC("b") "</w:tr></w:tbl>"
		FIGP("<w:r><w:t>Table 6 \xe2\x80\x93 Next</w:t></w:r>")
		"<w:tbl><w:tr>" TC("c") TC("d") "</w:tr></w:tbl>";
	c = t_council(&d);
	t_expect(c, "string(//c:table[1]/c:caption)", "Figure 5 \xe2\x80\x93 Header structure");
	t_expect(c, "count(//c:table[2]/c:caption)", "0");
	t_expect(c, "string(//c:table[3]/c:caption)", "Table 6 \xe2\x80\x93 Next");
	xmlFreeDoc(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_drawingml_images),
		cmocka_unit_test(test_vml_images),
		cmocka_unit_test(test_text_boxes_in_place),
		cmocka_unit_test(test_omml_linear),
		cmocka_unit_test(test_omml_body_level),
		cmocka_unit_test(test_embedded_objects),
		cmocka_unit_test(test_outside_the_body),
		cmocka_unit_test(test_caption_in_drawing),
		cmocka_unit_test(test_table_title_row),
		cmocka_unit_test(test_picture_in_caption_style),
	};
	int rc;

	cd_init();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	cd_cleanup();
	return rc;
}
