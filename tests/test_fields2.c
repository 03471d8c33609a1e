/*
 * test_fields2.c — fields and bookmarks through the real stages (cd_convert
 * on a DOCX built in memory): results kept and codes dropped, nesting,
 * fields across runs and paragraphs, links, cross-references, SEQ, TOC and
 * INDEX, MERGEFORMAT, hidden and referenced bookmarks.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "cdtest.h"

#define BEGIN "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
#define SEP "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
#define END "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
#define INSTR(s) "<w:r><w:instrText xml:space=\"preserve\">" s "</w:instrText></w:r>"
#define RUN(s) "<w:r><w:t xml:space=\"preserve\">" s "</w:t></w:r>"
#define FIELD(code, result) BEGIN INSTR(code) SEP RUN(result) END
#define BM(id, name) "<w:bookmarkStart w:id=\"" id "\" w:name=\"" name "\"/>"
#define BME(id) "<w:bookmarkEnd w:id=\"" id "\"/>"

/* No field code, switch or instruction keyword in any text. */
static void
no_codes(xmlDocPtr c)
{
	static const char *const bad[] = { "MERGEFORMAT", "HYPERLINK", "PAGEREF", "NOTEREF",
	                                   " REF ", "SEQ ", "\\h", "\\l", "\\*", "TOC ",
	                                   "INDEX", "_Toc", "_Ref", "_Hlk", "_GoBack", NULL };

	for (int k = 0; bad[k]; k++)
		if (t_has_text(c, bad[k])) {
			t_dump(c);
			fail_msg("field code text \"%s\" is visible", bad[k]);
		}
}

static void
test_nested_fields(void **state)
{
	xmlDocPtr c;

	(void)state;
	c = t_body("<w:p>" RUN("See ")
	           BEGIN INSTR(" QUOTE ") FIELD(" SEQ Table \\* ARABIC ", "3") INSTR(" \\* MERGEFORMAT ")
	           SEP RUN("Table 3") END
	           RUN(" and ") BEGIN INSTR(" IF ") FIELD(" DOCPROPERTY X ", "a") INSTR(" = \"a\" \"yes\" \"no\" ")
	           SEP RUN("yes") END RUN(".") "</w:p>");
	t_expect_paras(c, "See Table 3 and yes.");
	no_codes(c);
	xmlFreeDoc(c);
}

static void
test_fields_across_runs_and_paragraphs(void **state)
{
	xmlDocPtr c;

	(void)state;
	c = t_body("<w:p>" RUN("Visit ") BEGIN INSTR(" HYPER") INSTR("LINK \"https://www.itu") INSTR(".int/council\" ")
	           SEP "<w:r><w:rPr><w:rStyle w:val=\"Hyperlink\"/></w:rPr><w:t>the Council</w:t></w:r>"
	           "<w:r><w:t xml:space=\"preserve\"> page</w:t></w:r>" END RUN(" now.") "</w:p>"
	           /* a field result running over two paragraphs */
	           "<w:p>" BEGIN INSTR(" DOCPROPERTY Abstract \\* MERGEFORMAT ") SEP RUN("First part") "</w:p>"
	           "<w:p>" RUN("second part") END RUN(" after") "</w:p>");
	t_expect(c, "string(//c:link/@href)", "https://www.itu.int/council");
	t_expect(c, "string(//c:link)", "the Council page");
	t_expect_paras(c, "Visit the Council page now.|First part|second part after");
	no_codes(c);
	xmlFreeDoc(c);
}

static void
test_hyperlink_fields(void **state)
{
	xmlDocPtr c;

	(void)state;
	c = t_body("<w:p>" BM("1", "_Ref100") RUN("Target heading") BME("1") "</w:p>"
	           "<w:p>" FIELD(" HYPERLINK \"http://example.org/a b\" \\o \"tip\" ", "external")
	           RUN(" and ") FIELD(" HYPERLINK \\l \"_Ref100\" ", "internal") RUN(" and ")
	           "<w:fldSimple w:instr=\" HYPERLINK &quot;https://itu.int/&quot; \">" RUN("simple")
	           "</w:fldSimple></w:p>");
	t_expect(c, "count(//c:link)", "3");
	t_expect(c, "string(//c:link[1]/@href)", "http://example.org/a b");
	t_expect(c, "string(//c:link[1])", "external");
	t_expect(c, "string(//c:link[3]/@href)", "https://itu.int/");
	t_expect(c, "string(//c:link[3])", "simple");
	/* \l: an internal link to the bookmark, which is an anchor */
	t_expect(c, "string(//c:link[2])", "internal");
	t_expect(c, "count(//c:link[2][@target = //c:anchor/@id])", "1");
	t_expect(c, "count(//c:link[2]/@href)", "0");
	no_codes(c);
	xmlFreeDoc(c);
}

static void
test_cross_references(void **state)
{
	t_doc d = { 0 };
	xmlDocPtr c;

	(void)state;
	d.footnotes = "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p>"
	              "</w:footnote><w:footnote w:id=\"1\"><w:p><w:r><w:footnoteRef/></w:r>"
	              RUN(" The note.") "</w:p></w:footnote>";
	d.body = "<w:p>" BM("1", "_Ref200") RUN("Section text") BME("1") RUN(" with a note")
	         BM("2", "_Ref300") "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr>"
	         "<w:footnoteReference w:id=\"1\"/></w:r>" BME("2") RUN(".") "</w:p>"
	         "<w:p>" RUN("See ") FIELD(" REF _Ref200 \\h ", "Section text") RUN(" on page ")
	         FIELD(" PAGEREF _Ref200 \\h ", "4") RUN(", note ")
	         FIELD(" NOTEREF _Ref300 \\f \\h ", "1") RUN(", table ")
	         "<w:fldSimple w:instr=\" SEQ Table \\* ARABIC \">" RUN("7") "</w:fldSimple>"
	         RUN(".") "</w:p>";
	c = t_council(&d);
	t_expect(c, "normalize-space(//c:p[2])", "See Section text on page 4, note 1, table 7.");
	t_expect(c, "count(//c:note)", "1");
	/* a link, when there is one, points at an anchor that exists */
	t_expect(c, "count(//c:link[@target][not(@target = //c:anchor/@id)])", "0");
	no_codes(c);
	xmlFreeDoc(c);
}

static void
test_toc_index_dropped(void **state)
{
	xmlDocPtr c;

	(void)state;
	c = t_body(T_P("Report")
	           "<w:p>" BEGIN INSTR(" TOC \\o \"1-3\" \\h \\z \\u ") SEP
	           "<w:hyperlink w:anchor=\"_Toc1\"><w:r><w:t>TOCENTRY one</w:t></w:r></w:hyperlink></w:p>"
	           "<w:p><w:hyperlink w:anchor=\"_Toc2\"><w:r><w:t>TOCENTRY two</w:t></w:r></w:hyperlink>"
	           END "</w:p>"
	           "<w:p>" BM("5", "_Toc1") RUN("Introduction") BME("5") "</w:p>"
	           "<w:p>" FIELD(" INDEX \\e \"\t\" \\c \"2\" ", "INDEXENTRY, 3") "</w:p>"
	           "<w:p>" RUN("Term") BEGIN INSTR(" XE \"Term\" ") END RUN(" defined.") "</w:p>");
	t_expect_paras(c, "Report|Introduction|Term defined.");
	assert_false(t_has_text(c, "TOCENTRY"));
	assert_false(t_has_text(c, "INDEXENTRY"));
	no_codes(c);
	xmlFreeDoc(c);
}

static void
test_mergeformat_never_visible(void **state)
{
	xmlDocPtr c;

	(void)state;
	c = t_body("<w:p><w:fldSimple w:instr=\" DOCPROPERTY  Title  \\* MERGEFORMAT \">" RUN("My title")
	           "</w:fldSimple></w:p>"
	           /* a field without separate: no result, nothing shown */
	           "<w:p>" RUN("a") BEGIN INSTR(" DATE \\@ \"d MMMM yyyy\" \\* MERGEFORMAT ") END RUN("b") "</w:p>"
	           /* a fldSimple without result */
	           "<w:p>" RUN("c") "<w:fldSimple w:instr=\" PAGE \\* MERGEFORMAT \"/>" RUN("d") "</w:p>"
	           /* an unbalanced field: begin without end */
	           "<w:p>" RUN("e") BEGIN INSTR(" FORMTEXT \\* MERGEFORMAT ") SEP RUN("f") "</w:p>");
	t_expect_paras(c, "My title|ab|cd|ef");
	no_codes(c);
	xmlFreeDoc(c);
}

static void
test_bookmarks(void **state)
{
	xmlDocPtr c;

	(void)state;
	c = t_body("<w:p>" BM("1", "_Toc111") BM("2", "_Hlt222") BM("3", "_Hlk333") BM("4", "_GoBack")
	           BM("5", "_Ref444") BM("6", "_GUID_0d2c8b1e_3f4a_4b5c_9d8e_7f6a5b4c3d2e")
	           BM("7", "Referenced") RUN("Text") BME("1") BME("2") BME("3") BME("4") BME("5")
	           BME("6") BME("7") "</w:p>"
	           "<w:p><w:hyperlink w:anchor=\"Referenced\"><w:r><w:t>go</w:t></w:r></w:hyperlink>"
	           RUN(" ") "<w:hyperlink w:anchor=\"_Hlk333\"><w:r><w:t>there</w:t></w:r></w:hyperlink></w:p>");
	/* only the two referenced bookmarks are anchors */
	t_expect(c, "count(//c:anchor)", "2");
	t_expect(c, "count(//c:link[@target = //c:anchor/@id])", "2");
	t_expect(c, "count(//c:link[not(@target = //c:anchor/@id)])", "0");
	/* ids are XML names and unique */
	t_expect(c, "count(//c:anchor[@id = preceding::c:anchor/@id])", "0");
	t_expect_paras(c, "Text|go there");
	no_codes(c);
	xmlFreeDoc(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nested_fields),
		cmocka_unit_test(test_fields_across_runs_and_paragraphs),
		cmocka_unit_test(test_hyperlink_fields),
		cmocka_unit_test(test_cross_references),
		cmocka_unit_test(test_toc_index_dropped),
		cmocka_unit_test(test_mergeformat_never_visible),
		cmocka_unit_test(test_bookmarks),
	};
	int rc;

	cd_init();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	cd_cleanup();
	return rc;
}
