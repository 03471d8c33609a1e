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

#include "cd_internal.h"
#include "stages.h"

/* ---- helpers shared by this file's tests ---- */

#define W_DECL "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" " \
	"xmlns:m=\"http://schemas.openxmlformats.org/officeDocument/2006/math\" " \
	"xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" " \
	"xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" " \
	"xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" " \
	"xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" " \
	"xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:x=\"urn:example:unknown\""
#define PKG_OPEN "<pkg:package xmlns:pkg=\"urn:councildoc:pkg\" kind=\"docx\">"
#define DOC(body) PKG_OPEN "<pkg:part name=\"word/document.xml\" role=\"document\">" \
	"<w:document " W_DECL "><w:body>" body "</w:body></w:document></pkg:part></pkg:package>"

/* Parses s; the test fails when it is not well-formed. Caller: xmlFreeDoc. */
static xmlDocPtr
parse(const char *s)
{
	cd_error e;
	xmlDocPtr d;

	cd_error_clear(&e);
	d = cd_xml_parse("test", s, strlen(s), &e);
	assert_non_null(d);
	return d;
}

static void
add_text(cd_buf *b, xmlNodePtr n)
{
	for (xmlNodePtr c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (cd_w_is(c, "t") || cd_pkg_is(c, "math")) {
			xmlChar *t = xmlNodeGetContent(c);

			cd_buf_adds(b, (const char *)t);
			xmlFree(t);
		} else if (cd_w_is(c, "tab")) {
			if (cd_w_is(c->parent, "r"))
				cd_buf_addc(b, '\t');
		} else if (cd_pkg_is(c, "note")) {
			xmlChar *l = xmlGetProp(c, BAD_CAST "label");

			cd_buf_printf(b, "[%s:", (const char *)l);
			xmlFree(l);
			add_text(b, c);
			cd_buf_addc(b, ']');
		} else if (cd_w_is(c, "p")) {
			add_text(b, c);
			cd_buf_addc(b, '|');
		} else {
			add_text(b, c);
		}
	}
}

/* Visible text of the document part: paragraphs end with '|'. The
 * caller frees the result with free(). */
static char *
doc_text(xmlDocPtr d)
{
	cd_buf b;

	cd_buf_init(&b);
	add_text(&b, cd_pkg_body(d));
	return cd_buf_take(&b, NULL);
}

/* The serialized document (caller frees with free()). */
static char *
doc_xml(xmlDocPtr d)
{
	xmlChar *out = NULL;
	int n = 0;
	char *s;

	xmlDocDumpMemoryEnc(d, &out, &n, "UTF-8");
	s = strdup(out ? (const char *)out : "");
	xmlFree(out);
	return s;
}

static void
expect_text(xmlDocPtr d, const char *want)
{
	char *t = doc_text(d);

	assert_string_equal(t, want);
	free(t);
}

static int
xml_has(xmlDocPtr d, const char *needle)
{
	char *s = doc_xml(d);
	int hit = strstr(s, needle) != NULL;

	free(s);
	return hit;
}

static xmlDocPtr
clean(const char *s)
{
	cd_options o;
	cd_error e;
	xmlDocPtr d = parse(s);

	cd_options_init(&o);
	cd_error_clear(&e);
	assert_int_equal(cd_clean(d, &o, &e), CD_OK);
	return d;
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bookmarks),
		cmocka_unit_test(test_marks_and_breaks),
		cmocka_unit_test(test_merge_runs),
	};

	cd_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
