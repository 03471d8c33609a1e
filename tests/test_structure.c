/*
 * test_structure.c — cd_structure on small package documents: header
 * block, lead-in, typed and styled sections, nesting and ids, lists,
 * tables with spans, inline formatting, annexes.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "structure.h"

#define W "xmlns:w=\"" CD_W_NS "\""
#define P(style, text) "<w:p><w:pPr><w:pStyle w:val=\"" style "\"/></w:pPr><w:r><w:t xml:space=\"preserve\">" text "</w:t></w:r></w:p>"
#define PT(style, num, text) "<w:p><w:pPr><w:pStyle w:val=\"" style "\"/></w:pPr><w:r><w:t>" num "</w:t><w:tab/><w:t>" text "</w:t></w:r></w:p>"
#define TC(x) "<w:tc>" x "</w:tc>"

static const char styles[] =
	"<w:styles " W "><w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val=\"en-GB\"/></w:rPr>"
	"</w:rPrDefault></w:docDefaults>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Headingb\"><w:name w:val=\"Heading_b\"/><w:rPr><w:b/></w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"enumlev1\"><w:name w:val=\"enumlev1\"/></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"enumlev2\"><w:name w:val=\"enumlev2\"/></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Source\"><w:name w:val=\"Source\"/></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Title1\"><w:name w:val=\"Title 1\"/></w:style>"
	"</w:styles>";

static const char body[] =
	"<w:tbl><w:tr>" TC("<w:p><w:r><w:t>Council 2023</w:t><w:br/><w:t>Geneva, 11-21 July 2023</w:t></w:r></w:p>")
	TC(P("", "")) "</w:tr>"
	"<w:tr>" TC(P("", "Agenda item: PL 1.9")) TC(P("", "Document C23/35-E")) "</w:tr>"
	"<w:tr>" TC(P("", "")) TC(P("", "1 June 2023")) "</w:tr>"
	"<w:tr>" TC(P("", "")) TC(P("", "Original: English")) "</w:tr></w:tbl>"
	P("Source", "Report by the Secretary-General")
	P("Title1", "ITU Internet activities")
	"<w:tbl><w:tr>" TC(P("Headingb", "Purpose") P("", "This report summarizes.")
	                   P("Headingb", "Action required")
	                   "<w:p><w:r><w:t xml:space=\"preserve\">The Council is invited to </w:t></w:r>"
	                   "<w:r><w:rPr><w:b/></w:rPr><w:t>take </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>note</w:t></w:r>"
	                   "<w:r><w:t>.</w:t></w:r></w:p>") "</w:tr></w:tbl>"
	P("", "____________")
	PT("Heading1", "1", "Introduction")
	"<w:p><w:r><w:t>More text</w:t></w:r><pkg:note kind=\"footnote\" label=\"1\" id=\"fn1\">"
	"<w:p><w:r><w:t>A note.</w:t></w:r></w:p></pkg:note><w:r><w:t xml:space=\"preserve\"> and a </w:t></w:r>"
	"<w:hyperlink pkg:href=\"https://www.itu.int/\"><w:r><w:t>link</w:t></w:r></w:hyperlink></w:p>"
	PT("Heading2", "1.1", "A numbered heading that is a section.")
	PT("", "1.1.1", "A numbered paragraph, not a title.")
	PT("enumlev1", "\xE2\x80\xA2", "first bullet")
	PT("enumlev2", "\xE2\x80\x93", "nested dash")
	PT("enumlev1", "\xE2\x80\xA2", "second bullet")
	PT("", "a)", "letter item")
	PT("", "b)", "letter item two")
	P("Heading1", "Unnumbered heading")
	"<w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr>" TC(P("", "Year")) TC(P("", "Income")) TC(P("", "Note")) "</w:tr>"
	"<w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr>" P("", "span") "</w:tc>"
	"<w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr>" P("", "tall") "</w:tc></w:tr>"
	"<w:tr>" TC(P("", "x")) TC(P("", "y")) "<w:tc><w:tcPr><w:vMerge/></w:tcPr>" P("", "") "</w:tc></w:tr>"
	"<w:tr><w:trPr><w:gridBefore w:val=\"1\"/><w:gridAfter w:val=\"1\"/></w:trPr>" TC(P("", "shifted")) "</w:tr>"
	"<w:tr><w:trPr><w:gridBefore w:val=\"2\"/></w:trPr>" TC(P("", "last column")) "</w:tr></w:tbl>"
	/* slivers of a grid (6 and 8 twips) are no columns */
	"<w:tbl><w:tblGrid><w:gridCol w:w=\"6\"/><w:gridCol w:w=\"3000\"/><w:gridCol w:w=\"3000\"/>"
	"<w:gridCol w:w=\"8\"/></w:tblGrid><w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>"
	TC(P("", "Syntax")) "<w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr>" P("", "Mnemonic") "</w:tc></w:tr>"
	"<w:tr>" "<w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr>" P("", "bits") "</w:tc>" TC(P("", "uimsbf"))
	TC(P("", "")) "</w:tr></w:tbl>"
	P("Heading1", "Annex 1")
	PT("Heading1", "1", "Inside the annex")
	P("", "   ");

static xmlDocPtr out;
static xmlXPathContextPtr xp;

/* The package document of the fixture, extra at the end of its body
 * (caller: xmlFreeDoc), or NULL. */
static xmlDocPtr
fixture_pkg(const char *extra)
{
	cd_buf b;
	xmlDocPtr pkg;

	cd_buf_init(&b);
	cd_buf_adds(&b, "<pkg:package xmlns:pkg=\"" CD_PKG_NS "\" " W " kind=\"docx\">"
	            "<pkg:part name=\"word/document.xml\" role=\"document\"><w:document><w:body>");
	cd_buf_adds(&b, body);
	cd_buf_adds(&b, extra);
	cd_buf_adds(&b, "</w:body></w:document></pkg:part><pkg:part name=\"word/styles.xml\" role=\"styles\">");
	cd_buf_adds(&b, styles);
	cd_buf_adds(&b, "</pkg:part></pkg:package>");
	pkg = xmlReadMemory(b.data, (int)b.len, "pkg.xml", NULL, 0);
	cd_buf_free(&b);
	return pkg;
}

static int
setup(void **state)
{
	xmlDocPtr pkg = fixture_pkg("");
	cd_error err;
	cd_options o;

	(void)state;
	if (pkg == NULL)
		return -1;
	cd_options_init(&o);
	out = cd_structure(pkg, &o, &err);
	xmlFreeDoc(pkg);
	if (out == NULL)
		return -1;
	xp = xmlXPathNewContext(out);
	xmlXPathRegisterNs(xp, BAD_CAST "c", BAD_CAST CD_NS);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	xmlXPathFreeContext(xp);
	xmlFreeDoc(out);
	return 0;
}

/* String value of an XPath expression over the output. */
static char *
q(const char *expr)
{
	static char buf[512];
	xmlXPathObjectPtr r = xmlXPathEvalExpression(BAD_CAST expr, xp);
	xmlChar *s = r ? xmlXPathCastToString(r) : NULL;

	snprintf(buf, sizeof buf, "%s", s ? (const char *)s : "");
	xmlFree(s);
	xmlXPathFreeObject(r);
	return buf;
}

static void
test_meta_and_leadin(void **state)
{
	(void)state;
	assert_string_equal(q("string(/c:council/@xml:lang)"), "en");
	assert_string_equal(q("string(/c:council/c:meta/c:source)"), "Report by the Secretary-General");
	assert_string_equal(q("string(/c:council/c:meta/c:title)"), "ITU Internet activities");
	assert_string_equal(q("string(/c:council/c:meta/c:original)"), "English");
	/* two header lines in one cell, split at the line break */
	assert_string_equal(q("string(/c:council/c:meta/c:meeting)"), "Council 2023");
	assert_string_equal(q("string(/c:council/c:meta/c:place)"), "Geneva, 11-21 July 2023");
	assert_string_equal(q("string(/c:council/c:summary/c:purpose/c:p)"), "This report summarizes.");
	/* bold across two runs merges into one element */
	assert_string_equal(q("count(/c:council/c:summary/c:action/c:p/c:b)"), "1");
	assert_string_equal(q("string(/c:council/c:summary/c:action/c:p/c:b)"), "take note");
	/* header lines, the title and the rule never reach the body */
	assert_string_equal(q("count(//c:p[contains(., 'Council 2023') or contains(., 'Original')])"), "0");
	assert_string_equal(q("count(//c:p[contains(., '___')])"), "0");
	assert_string_equal(q("count(//c:table[.//c:p = 'Purpose'])"), "0");
}

static void
test_sections(void **state)
{
	(void)state;
	assert_string_equal(q("string(/c:council/c:section[1]/@id)"), "sec-1");
	assert_string_equal(q("string(/c:council/c:section[1]/c:title)"), "Introduction");
	assert_string_equal(q("string(/c:council/c:section[1]/c:section/@num)"), "1.1");
	assert_string_equal(q("string(/c:council/c:section[1]/c:section/c:title)"),
	                    "A numbered heading that is a section.");
	/* a number typed in a body style makes a numbered paragraph */
	assert_string_equal(q("string(//c:section[@num='1.1']/c:p[1]/@id)"), "par-1.1.1");
	assert_string_equal(q("string(//c:section[@num='1.1']/c:p[1]/@num)"), "1.1.1");
	assert_string_equal(q("string(//c:section[@num='1.1']/c:p[1])"), "A numbered paragraph, not a title.");
	assert_string_equal(q("count(//c:section[@num='1.1.1'])"), "0");
	assert_string_equal(q("string(/c:council/c:section[2]/@id)"), "sec-unnumbered-heading");
	assert_string_equal(q("count(/c:council/c:section[2]/@num)"), "0");
	assert_string_equal(q("string(/c:council/c:annex/@id)"), "annex-1");
	assert_string_equal(q("string(/c:council/c:annex/@num)"), "1");
	assert_string_equal(q("string(/c:council/c:annex/c:section/@id)"), "sec-1-2");
}

static void
test_inline(void **state)
{
	(void)state;
	assert_string_equal(q("string(//c:note/@id)"), "fn1");
	assert_string_equal(q("string(//c:note/c:p)"), "A note.");
	assert_string_equal(q("string(//c:link/@href)"), "https://www.itu.int/");
	assert_string_equal(q("string(//c:link)"), "link");
	assert_string_equal(q("string(/c:council/c:section[1]/c:p/text()[1])"), "More text");
}

static void
test_lists(void **state)
{
	(void)state;
	assert_string_equal(q("string(//c:section[@num='1.1']/c:list[1]/@type)"), "bullet");
	assert_string_equal(q("count(//c:section[@num='1.1']/c:list[1]/c:item)"), "2");
	assert_string_equal(q("string(//c:section[@num='1.1']/c:list[1]/c:item[1]/c:p)"), "first bullet");
	assert_string_equal(q("string(//c:section[@num='1.1']/c:list[1]/c:item[1]/c:list/c:item/c:p)"),
	                    "nested dash");
	assert_string_equal(q("string(//c:section[@num='1.1']/c:list[2]/@style)"), "lower-alpha");
	assert_string_equal(q("string(//c:section[@num='1.1']/c:list[2]/c:item[2]/@label)"), "b)");
	assert_string_equal(q("string(//c:section[@num='1.1']/c:list[2]/c:item[2]/c:p)"), "letter item two");
}

static void
test_table(void **state)
{
	(void)state;
	assert_string_equal(q("string(//c:table/c:row[1]/@header)"), "true");
	assert_string_equal(q("string(//c:table/c:row[2]/c:cell[1]/@colspan)"), "2");
	assert_string_equal(q("string(//c:table/c:row[2]/c:cell[2]/@rowspan)"), "2");
	assert_string_equal(q("count(//c:table/c:row[3]/c:cell)"), "2");
	/* grid columns a row skips become an empty cell, so the cells after
	 * them stay in their columns */
	assert_string_equal(q("count(//c:table/c:row[4]/c:cell)"), "2");
	assert_string_equal(q("string(//c:table/c:row[4]/c:cell[2]/c:p)"), "shifted");
	assert_string_equal(q("count(//c:table/c:row[4]/c:cell[1]/node())"), "0");
	assert_string_equal(q("count(//c:table/c:row[5]/c:cell)"), "2");
	assert_string_equal(q("string(//c:table/c:row[5]/c:cell[1]/@colspan)"), "2");
	assert_string_equal(q("string(//c:table/c:row[5]/c:cell[2]/c:p)"), "last column");
	assert_string_equal(q("count((//c:table)[2]/c:row[1]/c:cell)"), "2");
	assert_string_equal(q("count((//c:table)[2]//@colspan)"), "0");
	assert_string_equal(q("string((//c:table)[2]/c:row[1]/c:cell[2]/c:p)"), "Mnemonic");
	assert_string_equal(q("count((//c:table)[2]/c:row[2]/c:cell)"), "2");
	assert_string_equal(q("string((//c:table)[2]/c:row[2]/c:cell[1]/c:p)"), "bits");
}

/* Numbers and annex lines as the classification reads them. */
static void
test_numbers(void **state)
{
	char num[32];

	(void)state;
	assert_int_equal(cd_st_typed_number("2.1.3.\tTitle", 0, num, sizeof num), 7);
	assert_string_equal(num, "2.1.3");
	assert_int_equal(cd_st_typed_number("A.1\tGeneral", 0, num, sizeof num), 4);
	assert_string_equal(num, "A.1");
	assert_int_equal(cd_st_num_depth("A.1"), 2);
	assert_int_equal(cd_st_typed_number("II.3  Scope", 1, num, sizeof num), 6);
	assert_string_equal(num, "II.3");
	assert_int_equal(cd_st_typed_number("II.3  Scope", 0, num, sizeof num), 0);   /* spaces: headings only */
	assert_int_equal(cd_st_typed_number("ABCDE.1\tx", 0, num, sizeof num), 0);
	assert_int_equal(cd_st_typed_number("E\tx", 0, num, sizeof num), 0);
	assert_int_equal(cd_st_typed_number("1.1\t", 0, num, sizeof num), 0);     /* nothing after */
	assert_int_equal(cd_st_label_number("A.1.", num, sizeof num), 1);
	assert_string_equal(num, "A.1");
	assert_int_equal(cd_st_label_number("2.1)", num, sizeof num), 1);
	assert_string_equal(num, "2.1");
	assert_int_equal(cd_st_label_number("a)", num, sizeof num), 0);
	assert_int_equal(cd_st_label_number("A", num, sizeof num), 0);
	assert_int_equal(cd_st_label_number("A.b", num, sizeof num), 0);
	/* an annex number ends at the line break, never swallowing the title */
	assert_int_equal(cd_st_typed_annex("Annex A\nCRC decoder model", num, sizeof num), 7);
	assert_string_equal(num, "A");
	assert_true(cd_st_typed_annex("Appendix II\nBibliography", num, sizeof num) > 0);
	assert_string_equal(num, "II");
	assert_int_equal(cd_st_typed_annex("Annex to the decision", num, sizeof num), 0);
	assert_true(cd_st_typed_annex("Annex 2 – Budget", num, sizeof num) > 0);
	assert_string_equal(num, "2");
	/* the source line of a report, six languages */
	assert_true(cd_st_is_source("Report by the Secretary-General"));
	assert_true(cd_st_is_source("\xd0\x9e\xd1\x82\xd1\x87\xd0\xb5\xd1\x82 \xd0\x93\xd0\xb5\xd0\xbd\xd0\xb5"
	                            "\xd1\x80\xd0\xb0\xd0\xbb\xd1\x8c\xd0\xbd\xd0\xbe\xd0\xb3\xd0\xbe"));   /* Отчет Генерального */
	assert_true(cd_st_is_source("\xe7\xa7\x98\xe4\xb9\xa6\xe9\x95\xbf\xe7\x9a\x84\xe6\x8a\xa5\xe5\x91\x8a"));   /* 秘书长的报告 */
	assert_true(cd_st_is_source("\xe7\x90\x86\xe4\xba\x8b\xe4\xbc\x9a\xe5\xb7\xa5\xe4\xbd\x9c\xe7\xbb\x84"
	                            "\xe4\xb8\xbb\xe5\xb8\xad\xe7\x9a\x84\xe6\x8a\xa5\xe5\x91\x8a"));   /* 理事会工作组主席的报告 */
	assert_false(cd_st_is_source("The report by the group was adopted."));
	/* Russian, Arabic and Chinese annexes and appendices */
	assert_int_equal(cd_st_typed_annex("\xd0\x9f\xd1\x80\xd0\xb8\xd0\xbb\xd0\xbe\xd0\xb6\xd0\xb5"
	                                   "\xd0\xbd\xd0\xb8\xd0\xb5 \xd0\x90\n\xd0\x9e\xd0\xb1\xd0\xb7\xd0\xbe\xd1\x80",
	                                   num, sizeof num), 23);   /* Приложение А⏎Обзор */
	assert_string_equal(num, "\xd0\x90");
	assert_true(cd_st_typed_annex("\xd0\x94\xd0\xbe\xd0\xbf\xd0\xbe\xd0\xbb\xd0\xbd\xd0\xb5\xd0\xbd"
	                              "\xd0\xb8\xd0\xb5 II", num, sizeof num) > 0);   /* Дополнение II */
	assert_string_equal(num, "II");
	assert_int_equal(cd_st_typed_annex("\xd0\x9f\xd1\x80\xd0\xb8\xd0\xbb\xd0\xbe\xd0\xb6\xd0\xb5"
	                                   "\xd0\xbd\xd0\xb8\xd0\xb5 \xd0\xba \xd1\x80\xd0\xb5\xd1\x88\xd0\xb5\xd0\xbd"
	                                   "\xd0\xb8\xd1\x8e", num, sizeof num), 0);   /* Приложение к решению */
	assert_true(cd_st_typed_annex("\xe9\x99\x84\xe5\xbd\x95\xe4\xb8\x80", num, sizeof num) > 0);   /* 附录一 */
	assert_string_equal(num, "\xe4\xb8\x80");
}

static void
count_message(void *ctx, const cd_message *m)
{
	(void)m;
	(*(int *)ctx)++;
}

/* Built in a thread of its own (its own malloc arena) or in place: the
 * same council document, and the messages reach the caller's report
 * function either way (a private-use character no symbol font explains
 * makes one). */
static void
test_apart(void **state)
{
	static const char pua[] = P("", "x\xEF\x80\xA0y");
	xmlDocPtr pkg[2] = { fixture_pkg(pua), fixture_pkg(pua) }, built[2];
	int seen[2] = { 0, 0 };
	char *xml[2];
	size_t len;

	(void)state;
	for (int apart = 0; apart < 2; apart++) {
		cd_options o;
		cd_error err;

		assert_non_null(pkg[apart]);
		cd_options_init(&o);
		o.report = count_message;
		o.report_ctx = &seen[apart];
		built[apart] = cd_st_build(pkg[apart], &o, &err, apart);
		assert_non_null(built[apart]);
		assert_int_equal(cd_xml_serialize(built[apart], &xml[apart], &len, &err), CD_OK);
		xmlFreeDoc(built[apart]);
		xmlFreeDoc(pkg[apart]);
	}
	assert_string_equal(xml[1], xml[0]);
	assert_int_equal(seen[0], 1);
	assert_int_equal(seen[1], 1);
	free(xml[0]);
	free(xml[1]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_apart),
		cmocka_unit_test(test_meta_and_leadin),
		cmocka_unit_test(test_sections),
		cmocka_unit_test(test_inline),
		cmocka_unit_test(test_lists),
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_numbers),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
