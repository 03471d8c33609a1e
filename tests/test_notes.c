/*
 * test_notes.c — cd_notes: notes placed at their references with labels
 * in order, marks stripped, custom marks, separators and missing notes.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "stagetest.h"

#define FN_PART(notes) "<pkg:part name=\"word/footnotes.xml\" role=\"footnotes\"><w:footnotes " W_DECL ">" \
	"<w:footnote w:type=\"separator\" w:id=\"0\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>" \
	"<w:footnote w:type=\"continuationSeparator\" w:id=\"1\"><w:p><w:r><w:t>sep</w:t></w:r></w:p></w:footnote>" \
	notes "</w:footnotes></pkg:part>"
#define EN_PART(notes) "<pkg:part name=\"word/endnotes.xml\" role=\"endnotes\"><w:endnotes " W_DECL ">" \
	notes "</w:endnotes></pkg:part>"
#define PKG(body, parts) DOC_HEAD body "</w:body></w:document></pkg:part>" parts "</pkg:package>"
#define NOTE(id, text) "<w:footnote w:id=\"" id "\"><w:p><w:pPr><w:pStyle w:val=\"FootnoteText\"/></w:pPr>" \
	"<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/></w:r>" \
	"<w:r><w:t xml:space=\"preserve\"> </w:t></w:r><w:r><w:t>" text "</w:t></w:r></w:p></w:footnote>"
#define REF(id) "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference w:id=\"" id "\"/></w:r>"

/* s after cd_notes; caller: xmlFreeDoc. */
static xmlDocPtr
notes(const char *s)
{
	return st_run(s, cd_notes);
}

static void
test_placed_in_order(void **state)
{
	xmlDocPtr d = notes(PKG(
		"<w:p><w:r><w:t>A</w:t></w:r>" REF("7") "<w:r><w:t>B</w:t></w:r></w:p>"
		"<w:p><w:r><w:t>C</w:t><w:footnoteReference w:id=\"3\"/><w:t>D</w:t></w:r>"
		"<w:r><w:endnoteReference w:id=\"2\"/></w:r></w:p>",
		FN_PART(NOTE("3", "Three") NOTE("7", "Seven"))
		EN_PART("<w:endnote w:id=\"2\"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:tab/><w:t>End</w:t></w:r></w:p></w:endnote>")));

	(void)state;
	expect_text(d, "A[1:Seven|]B|C[2:Three|]D[i:End|]|");
	assert_true(xml_has(d, "<pkg:note kind=\"footnote\" label=\"1\" id=\"fn1\">"));
	assert_true(xml_has(d, "<pkg:note kind=\"footnote\" label=\"2\" id=\"fn2\">"));
	/* Word numbers endnotes i, ii, iii unless told otherwise */
	assert_true(xml_has(d, "<pkg:note kind=\"endnote\" label=\"i\" id=\"en1\">"));
	assert_false(xml_has(d, "footnoteRef"));
	assert_false(xml_has(d, "FootnoteReference"));
	assert_null(cd_pkg_part(d, "footnotes"));
	assert_null(cd_pkg_part(d, "endnotes"));
	xmlFreeDoc(d);
}

static void
test_custom_missing_separator(void **state)
{
	xmlDocPtr d = notes(PKG(
		"<w:p><w:r><w:t>X</w:t></w:r><w:r><w:footnoteReference w:customMarkFollows=\"1\" w:id=\"4\"/>"
		"<w:t>*</w:t></w:r>" REF("99") REF("1") REF("5") "</w:p>",
		FN_PART(NOTE("4", "Star") NOTE("5", "Five"))));

	(void)state;
	expect_text(d, "X[*:Star|][1:Five|]|");
	assert_true(xml_has(d, "label=\"*\" id=\"fnc1\""));
	assert_false(xml_has(d, "sep"));
	xmlFreeDoc(d);
}

static void
test_no_notes_part(void **state)
{
	xmlDocPtr d = notes(DOC("<w:p><w:r><w:t>Y</w:t></w:r>" REF("2") "</w:p>"));

	(void)state;
	expect_text(d, "Y|");
	xmlFreeDoc(d);
}

/* w:footnotePr / w:endnotePr in settings.xml, overridden by the body's
 * last w:sectPr: number format and start value. */
static void
test_label_formats(void **state)
{
	xmlDocPtr d = notes(PKG(
		"<w:p><w:r><w:t>A</w:t></w:r>" REF("3") REF("7")
		"<w:r><w:endnoteReference w:id=\"2\"/></w:r></w:p>"
		"<w:sectPr><w:endnotePr><w:numFmt w:val=\"decimal\"/><w:numStart w:val=\"4\"/></w:endnotePr></w:sectPr>",
		"<pkg:part name=\"word/settings.xml\" role=\"settings\"><w:settings " W_DECL ">"
		"<w:footnotePr><w:numFmt w:val=\"lowerLetter\"/></w:footnotePr>"
		"<w:endnotePr><w:numFmt w:val=\"upperRoman\"/></w:endnotePr></w:settings></pkg:part>"
		FN_PART(NOTE("3", "Three") NOTE("7", "Seven"))
		EN_PART("<w:endnote w:id=\"2\"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t>End</w:t></w:r></w:p></w:endnote>")));

	(void)state;
	expect_text(d, "A[a:Three|][b:Seven|][4:End|]|");
	xmlFreeDoc(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_placed_in_order),
		cmocka_unit_test(test_custom_missing_separator),
		cmocka_unit_test(test_no_notes_part),
		cmocka_unit_test(test_label_formats),
	};

	cd_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
