/*
 * test_fields.c — complex and simple fields: results kept, codes dropped,
 * links made, TOC removed, nesting and unbalanced fields.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "stagetest.h"

#define BEGIN "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
#define SEP "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
#define END "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
#define INSTR(s) "<w:r><w:instrText xml:space=\"preserve\">" s "</w:instrText></w:r>"
#define RUN(s) "<w:r><w:t xml:space=\"preserve\">" s "</w:t></w:r>"

static xmlDocPtr
fields(const char *s)
{
	cd_error e;
	xmlDocPtr d = parse(s);

	cd_error_clear(&e);
	assert_int_equal(cd_flat_fields(xmlDocGetRootElement(d), "test", &e), CD_OK);
	return d;
}

static void
test_hyperlink_field(void **state)
{
	xmlDocPtr d = fields(DOC("<w:p>" RUN("see ") BEGIN INSTR(" HYPERLINK \"https://www.it")
		INSTR("u.int/\" \\o \"tip\" ") SEP RUN("ITU ") RUN("site") END RUN(".") "</w:p>"));

	(void)state;
	expect_text(d, "see ITU site.|");
	assert_true(xml_has(d, "<w:hyperlink pkg:href=\"https://www.itu.int/\"><w:r><w:t xml:space=\"preserve\">ITU </w:t></w:r><w:r>"));
	assert_false(xml_has(d, "instrText"));
	assert_false(xml_has(d, "fldChar"));
	xmlFreeDoc(d);
}

static void
test_local_and_ref(void **state)
{
	xmlDocPtr d = fields(DOC("<w:p>" BEGIN INSTR("HYPERLINK \\l \"_Toc1\"") SEP RUN("here") END
		BEGIN INSTR(" REF _Ref5 \\h ") SEP RUN("Table 1") END
		BEGIN INSTR(" PAGEREF _Ref5 \\h ") SEP RUN("7") END "</w:p>"));

	(void)state;
	expect_text(d, "hereTable 17|");
	assert_true(xml_has(d, "<w:hyperlink w:anchor=\"_Toc1\">"));
	assert_true(xml_has(d, "<w:hyperlink w:anchor=\"_Ref5\">"));
	xmlFreeDoc(d);
}

static void
test_nested_and_codeonly(void **state)
{
	/* IF { DOCPROPERTY x } = "a" "yes" "no": the nested field is in the code */
	xmlDocPtr d = fields(DOC("<w:p>" RUN("A") BEGIN INSTR(" IF ") BEGIN INSTR(" DOCPROPERTY x ")
		SEP RUN("inner") END INSTR(" = \"a\" ") SEP RUN("yes") END
		BEGIN INSTR(" XE \"entry\" ") END RUN("B")
		BEGIN INSTR("SEQ Table \\* ARABIC") SEP RUN("3") END "</w:p>"));

	(void)state;
	expect_text(d, "AyesB3|");
	xmlFreeDoc(d);
}

static void
test_toc_dropped(void **state)
{
	xmlDocPtr d = fields(DOC("<w:p><w:pPr><w:pStyle w:val=\"TOC1\"/></w:pPr>" BEGIN INSTR(" TOC \\o \"1-3\" ") SEP
		"<w:hyperlink w:anchor=\"_Toc1\">" RUN("1 Intro") "</w:hyperlink></w:p>"
		"<w:p>" RUN("2 More") "</w:p>"
		"<w:p>" RUN("3 End") END "</w:p>"
		"<w:p>" RUN("Body") "</w:p>"));

	(void)state;
	expect_text(d, "Body|");
	xmlFreeDoc(d);
}

static void
test_unbalanced(void **state)
{
	/* a field without end stops at its paragraph end */
	xmlDocPtr d = fields(DOC("<w:p>" END RUN("x") BEGIN INSTR(" TOC ") SEP RUN("toc") "</w:p>"
		"<w:p>" RUN("rest") "</w:p>"
		"<w:p>" SEP RUN("tail") "</w:p>"));

	(void)state;
	expect_text(d, "x|rest|tail|");
	xmlFreeDoc(d);
}

static void
test_fldsimple(void **state)
{
	xmlDocPtr d = fields(DOC("<w:p><w:fldSimple w:instr=\" HYPERLINK &quot;http://x.org&quot; \">"
		RUN("x.org") "</w:fldSimple><w:fldSimple w:instr=\"PAGE\">" RUN("4") "</w:fldSimple>"
		"<w:fldSimple w:instr=\"TOC\">" RUN("gone") "</w:fldSimple></w:p>"));

	(void)state;
	expect_text(d, "x.org4|");
	assert_true(xml_has(d, "<w:hyperlink pkg:href=\"http://x.org\">"));
	assert_false(xml_has(d, "fldSimple"));
	xmlFreeDoc(d);
}

static void
test_link_across_paragraphs(void **state)
{
	xmlDocPtr d = fields(DOC("<w:p>" BEGIN INSTR("HYPERLINK \"http://a\"") SEP RUN("one") "</w:p>"
		"<w:p>" RUN("two") END RUN(" three") "</w:p>"));
	xmlNodePtr body = cd_pkg_body(d), p2 = cd_xml_next_elem(cd_xml_first_elem(body));

	(void)state;
	expect_text(d, "one|two three|");
	assert_true(cd_w_is(cd_xml_first_elem(p2), "hyperlink"));
	xmlFreeDoc(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hyperlink_field),
		cmocka_unit_test(test_local_and_ref),
		cmocka_unit_test(test_nested_and_codeonly),
		cmocka_unit_test(test_toc_dropped),
		cmocka_unit_test(test_unbalanced),
		cmocka_unit_test(test_fldsimple),
		cmocka_unit_test(test_link_across_paragraphs),
	};

	cd_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
