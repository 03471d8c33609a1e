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

/* Cleans and places the notes of s twice, cd_notes walking the part for
 * its references and cd_notes_ex taking them from cd_clean_ex: the two
 * packages must serialize alike. Returns how many references cd_clean_ex
 * handed over, -1 when it handed none. */
static int
handed(const char *s)
{
	xmlDocPtr walked = parse(s), took = parse(s);
	cd_noterefs *refs = NULL;
	cd_options o;
	cd_error e;
	char *a, *b;
	int n;

	cd_options_init(&o);
	cd_error_clear(&e);
	assert_int_equal(cd_clean(walked, &o, &e), CD_OK);
	assert_int_equal(cd_notes(walked, &o, &e), CD_OK);
	assert_int_equal(cd_clean_ex(took, &o, &e, &refs), CD_OK);
	n = refs ? (int)refs->refs.n : -1;
	assert_int_equal(cd_notes_ex(took, &o, &e, refs), CD_OK);
	a = doc_xml(walked);
	b = doc_xml(took);
	assert_string_equal(a, b);
	free(a);
	free(b);
	xmlFreeDoc(walked);
	xmlFreeDoc(took);
	return n;
}

/* cd_clean_ex's walk hands cd_notes_ex the references a walk of its own
 * would find, and none when cleaning could free one of them. */
static void
test_refs_from_clean(void **state)
{
	(void)state;
	/* runs merged around the references, the body's w:sectPr */
	assert_int_equal(handed(PKG(
		"<w:p><w:r><w:t>A</w:t></w:r>" REF("3") "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr>"
		"<w:t>b</w:t></w:r>" REF("7") "<w:r><w:endnoteReference w:id=\"2\"/></w:r></w:p>"
		"<w:tbl><w:tr><w:tc><w:p>" REF("3") "</w:p></w:tc></w:tr></w:tbl>"
		"<w:sectPr><w:endnotePr><w:numFmt w:val=\"decimal\"/></w:endnotePr></w:sectPr>",
		FN_PART(NOTE("3", "Three") NOTE("7", "Seven"))
		EN_PART("<w:endnote w:id=\"2\"><w:p><w:r><w:endnoteRef/></w:r></w:p></w:endnote>"))), 4);
	/* a reference where notes never looks (inside w:t, w:rPr) is not one */
	assert_int_equal(handed(PKG(
		"<w:p><w:r><w:rPr><w:footnoteReference w:id=\"3\"/></w:rPr><w:t>x<w:footnoteReference w:id=\"3\"/></w:t></w:r>"
		REF("3") "</w:p>", FN_PART(NOTE("3", "Three")))), 1);
	/* inside what cleaning removes whole: cd_notes_ex looks for itself */
	assert_int_equal(handed(PKG(
		"<w:p><w:proofErr>" REF("3") "</w:proofErr>" REF("7") "</w:p>",
		FN_PART(NOTE("3", "Three") NOTE("7", "Seven")))), -1);
	assert_int_equal(handed(PKG(
		"<w:p><w:bookmarkStart w:id=\"0\" w:name=\"b\">" REF("3") "</w:bookmarkStart>" REF("7") "</w:p>",
		FN_PART(NOTE("3", "Three") NOTE("7", "Seven")))), -1);
	assert_int_equal(handed(PKG("<w:p><w:r><w:br w:type=\"page\">" REF("3") "</w:br></w:r></w:p>",
		FN_PART(NOTE("3", "Three")))), -1);
	/* no main part: nothing to hand over */
	assert_int_equal(handed(PKG_OPEN FN_PART(NOTE("3", "Three")) "</pkg:package>"), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_placed_in_order),
		cmocka_unit_test(test_custom_missing_separator),
		cmocka_unit_test(test_no_notes_part),
		cmocka_unit_test(test_label_formats),
		cmocka_unit_test(test_refs_from_clean),
	};

	cd_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
