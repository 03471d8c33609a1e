/*
 * test_textdump.c — the text-dump reader (input/textdump.c).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "cd_internal.h"

static xmlDocPtr
read_dump(const char *s)
{
	cd_error err;
	xmlDocPtr pkg = cd_read_textdump("d.txt", (const unsigned char *)s, strlen(s), NULL, &err);

	assert_non_null(pkg);
	return pkg;
}

/* Text of w:p (w:t as is, w:tab as \t, footnoteReference as [^N]).
 * Caller frees. */
static char *
ptext(xmlNodePtr p)
{
	cd_buf b;

	cd_buf_init(&b);
	cd_buf_add(&b, "", 0);
	for (xmlNodePtr r = cd_xml_first_elem(p); r; r = cd_xml_next_elem(r)) {
		if (cd_w_is(r, "hyperlink")) {
			char *in = ptext(r);

			cd_buf_adds(&b, in);
			free(in);
			continue;
		}
		if (!cd_w_is(r, "r"))
			continue;
		for (xmlNodePtr c = cd_xml_first_elem(r); c; c = cd_xml_next_elem(c)) {
			if (cd_w_is(c, "t")) {
				xmlChar *t = xmlNodeGetContent(c);

				cd_buf_adds(&b, (const char *)t);
				xmlFree(t);
			} else if (cd_w_is(c, "tab")) {
				cd_buf_addc(&b, '\t');
			} else if (cd_w_is(c, "footnoteReference")) {
				xmlChar *id = cd_w_attr(c, "id");

				cd_buf_printf(&b, "[^%s]", (const char *)id);
				xmlFree(id);
			} else if (cd_w_is(c, "footnoteRef")) {
				cd_buf_adds(&b, "[ref]");
			}
		}
	}
	return cd_buf_take(&b, NULL);
}

static void
expect_p(xmlNodePtr p, const char *style, const char *text)
{
	xmlChar *st = cd_w_child_val(cd_w_child(p, "pPr"), "pStyle");
	char *t = ptext(p);

	assert_true(cd_w_is(p, "p"));
	if (style == NULL)
		assert_null(st);
	else
		assert_string_equal((const char *)st, style);
	assert_string_equal(t, text);
	xmlFree(st);
	free(t);
}

static void
test_lines(void **state)
{
	static const char dump[] =
		"\xef\xbb\xbf \tPurpose\r\n"
		"This report.\n"
		"____________\n"
		"\n"
		" 1\tIntroduction\n"
		"[bookmark: _Hlt1][bookmark: _Hlk2]Text \xc2\xb7 here.  \n"
		" \xc2\xb7 item one; \n"
		"2.1\tSee https://www.itu.int/.\n";
	xmlDocPtr pkg = read_dump(dump);
	xmlNodePtr p = cd_xml_first_elem(cd_pkg_body(pkg));
	xmlChar *k = xmlGetNoNsProp(xmlDocGetRootElement(pkg), BAD_CAST "kind");

	(void)state;
	assert_string_equal((const char *)k, "textdump");
	xmlFree(k);
	expect_p(p, "Headingb", "Purpose");
	expect_p(p = cd_xml_next_elem(p), NULL, "This report.");
	expect_p(p = cd_xml_next_elem(p), NULL, "____________");
	expect_p(p = cd_xml_next_elem(p), NULL, "1\tIntroduction");
	expect_p(p = cd_xml_next_elem(p), NULL, "Text \xc2\xb7 here.");
	expect_p(p = cd_xml_next_elem(p), NULL, "\xc2\xb7 item one;");
	expect_p(p = cd_xml_next_elem(p), NULL, "2.1\tSee https://www.itu.int/.");
	assert_null(cd_xml_next_elem(p));
	xmlFreeDoc(pkg);
}

static void
test_footnotes(void **state)
{
	static const char dump[] =
		"Texts[footnoteRef:1] approved.  [1:  These are the total.] \n"
		"Two[footnoteRef:2] and three[footnoteRef:3].[2: Note [two].][3:  Three.]\n"
		"Multi[footnoteRef:4] line.  [4:  First para.\n"
		"Second para.]\n"
		"After [5: not a note] text.\n";
	xmlDocPtr pkg = read_dump(dump);
	xmlNodePtr p = cd_xml_first_elem(cd_pkg_body(pkg));
	xmlNodePtr fns = cd_pkg_part_root(pkg, "footnotes"), f;
	xmlChar *v;

	(void)state;
	expect_p(p, NULL, "Texts[^1] approved.");
	expect_p(p = cd_xml_next_elem(p), NULL, "Two[^2] and three[^3].");
	expect_p(p = cd_xml_next_elem(p), NULL, "Multi[^4] line.");
	expect_p(p = cd_xml_next_elem(p), NULL, "After [5: not a note] text.");
	assert_null(cd_xml_next_elem(p));
	assert_true(cd_w_is(fns, "footnotes"));
	f = cd_xml_first_elem(fns);
	v = cd_w_attr(f, "type");
	assert_string_equal((const char *)v, "separator");
	xmlFree(v);
	v = cd_w_attr(f = cd_xml_next_elem(f), "id");
	assert_string_equal((const char *)v, "0");
	xmlFree(v);
	v = cd_w_attr(f = cd_xml_next_elem(f), "id");
	assert_string_equal((const char *)v, "1");
	xmlFree(v);
	expect_p(cd_w_child(f, "p"), "FootnoteText", "[ref] These are the total.");
	expect_p(cd_w_child(f = cd_xml_next_elem(f), "p"), "FootnoteText", "[ref] Note [two].");
	expect_p(cd_w_child(f = cd_xml_next_elem(f), "p"), "FootnoteText", "[ref] Three.");
	f = cd_xml_next_elem(f);
	expect_p(p = cd_w_child(f, "p"), "FootnoteText", "[ref] First para.");
	expect_p(cd_xml_next_elem(p), "FootnoteText", "Second para.");
	assert_null(cd_xml_next_elem(f));
	xmlFreeDoc(pkg);
}

static void
test_roundtrip(void **state)
{
	xmlDocPtr pkg = read_dump("A\tb[footnoteRef:1] [1: n]\n"), back;
	xmlChar *m;
	int len;
	cd_error err;

	(void)state;
	xmlDocDumpMemory(pkg, &m, &len);
	assert_non_null(strstr((const char *)m, "xml:space=\"preserve\""));
	back = cd_xml_parse("re", (const char *)m, (size_t)len, &err);
	assert_non_null(back);
	assert_non_null(cd_w_child(cd_pkg_body(back), "p"));
	xmlFree(m);
	xmlFreeDoc(back);
	xmlFreeDoc(pkg);
}

/* A bare URL becomes a link whose text is the URL, trailing dot outside. */
static void
test_urls(void **state)
{
	xmlDocPtr pkg = read_dump("See https://bbmaps.itu.int/bbmaps/. Or http://x.int\n");
	xmlNodePtr p = cd_xml_first_elem(cd_pkg_body(pkg)), h;
	xmlChar *href, *text;
	int n = 0;

	(void)state;
	for (h = cd_xml_first_elem(p); h; h = cd_xml_next_elem(h)) {
		if (!cd_w_is(h, "hyperlink"))
			continue;
		href = xmlGetNsProp(h, BAD_CAST "href", BAD_CAST CD_PKG_NS);
		text = xmlNodeGetContent(h);
		assert_string_equal((const char *)href, (const char *)text);
		assert_string_equal((const char *)href,
		                    n == 0 ? "https://bbmaps.itu.int/bbmaps/" : "http://x.int");
		n++;
		xmlFree(href);
		xmlFree(text);
	}
	assert_int_equal(n, 2);
	xmlFreeDoc(pkg);
}

/* After a bullet item ending with ':', lower-case bullet items nest. */
static void
test_nested_bullets(void **state)
{
	xmlDocPtr pkg = read_dump("\xc2\xb7 ITU-T SG20:\n\xc2\xb7 approved one\n"
	                          "\xc2\xb7 agreed two\n\xc2\xb7 ITU-T SG3 did\n"
	                          "\xc2\xb7 lower but not nested\n");
	xmlNodePtr p = cd_xml_first_elem(cd_pkg_body(pkg));
	int want[] = { 0, 1, 1, 0, 0 };

	(void)state;
	for (int i = 0; i < 5; i++, p = cd_xml_next_elem(p)) {
		xmlNodePtr ind = cd_w_child(cd_w_child(p, "pPr"), "ind");

		assert_non_null(p);
		assert_int_equal(ind != NULL, want[i]);
	}
	xmlFreeDoc(pkg);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lines),
		cmocka_unit_test(test_footnotes),
		cmocka_unit_test(test_roundtrip),
		cmocka_unit_test(test_urls),
		cmocka_unit_test(test_nested_bullets),
	};

	cd_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
