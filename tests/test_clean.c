/*
 * test_clean.c — cd_clean: bookmarks and anchors, layout marks, empty
 * runs, run merging.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include <libxml/tree.h>

#include "stagetest.h"

/* s after cd_clean; caller: xmlFreeDoc. */
static xmlDocPtr
clean(const char *s)
{
	return st_run(s, cd_clean);
}

static int
count_runs(xmlDocPtr d)
{
	xmlNodePtr p = cd_xml_first_elem(cd_pkg_body(d));
	int n = 0;

	for (xmlNodePtr c = p ? p->children : NULL; c != NULL; c = c->next)
		n += cd_w_is(c, "r");
	return n;
}

static void
test_bookmarks(void **state)
{
	xmlDocPtr d = clean(DOC(
		"<w:p><w:bookmarkStart w:id=\"1\" w:name=\"_Toc123\"/><w:r><w:t>Head</w:t></w:r>"
		"<w:bookmarkEnd w:id=\"1\"/><w:bookmarkStart w:id=\"2\" w:name=\"_Ref9\"/>"
		"<w:bookmarkStart w:id=\"3\" w:name=\"a b\"/><w:bookmarkStart w:id=\"4\" w:name=\"_GoBack\"/></w:p>"
		"<w:p><w:hyperlink w:anchor=\"_Ref9\"><w:r><w:t>link</w:t></w:r></w:hyperlink>"
		"<w:hyperlink w:anchor=\"a b\"><w:r><w:t>x</w:t></w:r></w:hyperlink></w:p>"));
	char *a, *b;

	(void)state;
	assert_false(xml_has(d, "bookmark"));
	assert_false(xml_has(d, "_Toc123"));
	assert_false(xml_has(d, "_GoBack"));
	assert_true(xml_has(d, "<pkg:anchor id=\"_Ref9\"/>"));
	a = cd_clean_ncname("a b");
	b = cd_clean_ncname("a b");
	assert_string_equal(a, b);
	assert_int_equal(xmlValidateNCName(BAD_CAST a, 0), 0);
	/* the link follows the sanitized id; the original name is kept */
	{
		char want[128];

		snprintf(want, sizeof want, "<pkg:anchor id=\"%s\" name=\"a b\"/>", a);
		assert_true(xml_has(d, want));
		snprintf(want, sizeof want, "<w:hyperlink w:anchor=\"%s\">", a);
		assert_true(xml_has(d, want));
	}
	free(a);
	free(b);
	xmlFreeDoc(d);
}

static void
test_marks_and_breaks(void **state)
{
	xmlDocPtr d = clean(DOC(
		"<w:p><w:r><w:t>non</w:t><w:noBreakHyphen/><w:t>stop</w:t></w:r><w:proofErr w:type=\"spellStart\"/>"
		"<w:r><w:lastRenderedPageBreak/><w:br w:type=\"page\"/><w:t></w:t></w:r>"
		"<w:r><w:rPr><w:b/></w:rPr><w:br/><w:tab/><w:softHyphen/><w:t>x</w:t></w:r>"
		"<w:r><w:rPr><w:i/></w:rPr></w:r><w:permStart w:id=\"1\"/></w:p>"));

	(void)state;
	expect_text(d, "non\xe2\x80\x91stop\tx|");
	assert_false(xml_has(d, "proofErr"));
	assert_false(xml_has(d, "w:type=\"page\""));
	assert_true(xml_has(d, "<w:br/>"));
	assert_false(xml_has(d, "<w:i/>"));
	assert_false(xml_has(d, "perm"));
	xmlFreeDoc(d);
}

static void
test_merge_runs(void **state)
{
	xmlDocPtr d = clean(DOC(
		"<w:p><w:r w:rsidR=\"1\"><w:rPr><w:lang w:val=\"en-GB\"/><w:noProof/></w:rPr><w:t>Suppleme</w:t></w:r>"
		"<w:proofErr w:type=\"spellEnd\"/>"
		"<w:r w:rsidR=\"2\"><w:rPr><w:lang w:val=\"en-GB\"/><w:szCs w:val=\"24\"/>"
		"<w:rFonts w:cstheme=\"minorBidi\"/></w:rPr><w:t xml:space=\"preserve\">nt </w:t></w:r>"
		"<w:r><w:rPr><w:lang w:val=\"en-GB\"/></w:rPr><w:t>x</w:t></w:r>"
		"<w:r><w:rPr><w:b/><w:lang w:val=\"en-GB\"/></w:rPr><w:t>bold</w:t></w:r>"
		"<w:r><w:rPr><w:lang w:val=\"fr-FR\"/></w:rPr><w:t>fr</w:t></w:r></w:p>"));

	(void)state;
	expect_text(d, "Supplement xboldfr|");
	assert_int_equal(count_runs(d), 3);
	assert_true(xml_has(d, "<w:t xml:space=\"preserve\">Supplement x</w:t>"));
	xmlFreeDoc(d);
}

/* Many paragraphs: every one has its runs merged (the set of run
 * containers grows past its first size). */
static void
test_merge_many_paragraphs(void **state)
{
	cd_buf b;
	char *body, *want, *t;
	xmlDocPtr d;

	(void)state;
	cd_buf_init(&b);
	cd_buf_adds(&b, DOC_HEAD);
	for (int i = 0; i < 600; i++)
		cd_buf_printf(&b, "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>a%d</w:t></w:r><w:proofErr/>"
		              "<w:r><w:rPr><w:b/><w:sz w:val=\"20\"/></w:rPr><w:t>b</w:t></w:r></w:p>", i);
	cd_buf_adds(&b, DOC_TAIL);
	body = cd_buf_take(&b, NULL);
	d = clean(body);
	cd_buf_init(&b);
	for (int i = 0; i < 600; i++)
		cd_buf_printf(&b, "a%db|", i);
	want = cd_buf_take(&b, NULL);
	t = doc_text(d);
	assert_string_equal(t, want);
	assert_int_equal(count_runs(d), 1);
	assert_false(xml_has(d, "proofErr"));
	free(t);
	free(want);
	free(body);
	xmlFreeDoc(d);
}

/* Odd nesting: runs inside a mark that goes and inside run properties.
 * Nothing freed is touched again (ASan), the paragraph's runs merge. */
static void
test_runs_in_odd_places(void **state)
{
	xmlDocPtr d = clean(DOC(
		"<w:p><w:r><w:t>A</w:t></w:r><w:proofErr><w:r><w:t>x</w:t></w:r>"
		"<w:r><w:t>y</w:t></w:r></w:proofErr><w:r><w:rPr><w:r><w:t>z</w:t></w:r>"
		"<w:r><w:t>z</w:t></w:r></w:rPr></w:r><w:r><w:t>B</w:t></w:r></w:p>"));

	(void)state;
	expect_text(d, "AB|");
	assert_int_equal(count_runs(d), 1);
	assert_false(xml_has(d, "proofErr"));
	xmlFreeDoc(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bookmarks),
		cmocka_unit_test(test_marks_and_breaks),
		cmocka_unit_test(test_merge_runs),
		cmocka_unit_test(test_merge_many_paragraphs),
		cmocka_unit_test(test_runs_in_odd_places),
	};

	cd_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
