/*
 * test_lists.c — typed list labels, label values, the symbol table and
 * the guard against characters no output may hold.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include <libxml/parser.h>

#include "structure.h"
#include "symbols.h"

static void
test_typed_labels(void **state)
{
	static const struct { const char *text, *label, *style; int ordered; size_t skip; } t[] = {
		{ "a)\tfirst", "a)", "lower-alpha", 1, 3 },
		{ "c) third", "c)", "lower-alpha", 1, 3 },       /* a letter, not 100 */
		{ "i)\tone", "i)", "lower-alpha", 1, 3 },        /* the sequence decides */
		{ "ii)\ttwo", "ii)", "lower-roman", 1, 4 },
		{ "(iv)\tfour", "(iv)", "lower-roman", 1, 5 },
		{ "1)\tone", "1)", "decimal", 1, 3 },
		{ "1bis\tinserted", "1bis", "decimal", 1, 5 },
		{ "b)bis\tinserted", "b)bis", "lower-alpha", 1, 6 },
		{ "(b)bis inserted", "(b)bis", "lower-alpha", 1, 7 },
		{ "3quater\tx", "3quater", "decimal", 1, 8 },
		{ "A.\tAnnex item", "A.", "upper-alpha", 1, 3 },
		{ "\xE2\x80\x93\tdash", "\xE2\x80\x93", NULL, 0, 4 },
	};
	(void)state;
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char label[64] = "";
		int ordered = -1;
		const char *style = "x";
		size_t skip = cd_st_typed_label(t[i].text, label, sizeof label, &ordered, &style);

		assert_int_equal(skip, t[i].skip);
		assert_string_equal(label, t[i].label);
		assert_int_equal(ordered, t[i].ordered);
		if (t[i].style == NULL)
			assert_null(style);
		else
			assert_string_equal(style, t[i].style);
	}
}

static void
test_not_labels(void **state)
{
	static const char *const t[] = {
		"1.\tA section number", "1.1\tsection", "abc) words", "bis\tword",
		"(a words", "a)b", "e.g. an example", "1. A sentence",
	};
	(void)state;
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char label[64] = "";
		int ordered;
		const char *style;

		assert_int_equal(cd_st_typed_label(t[i], label, sizeof label, &ordered, &style), 0);
	}
}

static void
test_label_values(void **state)
{
	(void)state;
	assert_int_equal(cd_st_label_value("c)", "lower-alpha"), 3);
	assert_int_equal(cd_st_label_value("c)", "lower-roman"), 100);
	assert_int_equal(cd_st_label_value("(iv)", "lower-roman"), 4);
	assert_int_equal(cd_st_label_value("xiv)", "lower-roman"), 14);
	assert_int_equal(cd_st_label_value("12)", NULL), 12);
	assert_int_equal(cd_st_label_value("b)bis", "lower-alpha"), 2);
	assert_int_equal(cd_st_label_value("Step 3:", "decimal"), 1);
	assert_int_equal(cd_st_bis_len("bis)"), 3);
	assert_int_equal(cd_st_bis_len("quater"), 6);
	assert_int_equal(cd_st_bis_len("bishop"), 0);
}

static void
test_symbol_table(void **state)
{
	(void)state;
	assert_int_equal(cd_sym_font("Symbol"), CD_SYM_SYMBOL);
	assert_int_equal(cd_sym_font("Wingdings 3"), CD_SYM_WINGDINGS3);
	assert_int_equal(cd_sym_font("ITC Zapf Dingbats"), CD_SYM_ZAPF);
	assert_int_equal(cd_sym_font("MT Extra"), CD_SYM_MTEXTRA);
	assert_int_equal(cd_sym_font("Arial"), CD_SYM_NONE);
	assert_int_equal(cd_sym_map(CD_SYM_SYMBOL, 0xF0E3), 0x00A9);      /* © */
	assert_int_equal(cd_sym_map(CD_SYM_SYMBOL, 0xA7), 0x2663);        /* ♣ */
	assert_int_equal(cd_sym_map(CD_SYM_SYMBOL, 0xEB), 0x230A);        /* ⌊ */
	assert_int_equal(cd_sym_map(CD_SYM_SYMBOL, 'p'), 0x03C0);         /* π */
	assert_int_equal(cd_sym_map(CD_SYM_SYMBOL, '3'), '3');
	assert_int_equal(cd_sym_map(CD_SYM_WINGDINGS, 0xF0A7), 0x25AA);   /* ▪ */
	assert_int_equal(cd_sym_map(CD_SYM_WINGDINGS, 0xF0FC), 0x2713);   /* ✓ */
	assert_int_equal(cd_sym_map(CD_SYM_WINGDINGS2, 0x50), 0x2713);
	assert_int_equal(cd_sym_map(CD_SYM_WINGDINGS3, 0x67), 0x2192);   /* → */
	assert_int_equal(cd_sym_map(CD_SYM_WEBDINGS, 0x61), 0x2713);
	assert_int_equal(cd_sym_map(CD_SYM_ZAPF, 0x71), 0x2751);          /* ❑ */
	assert_int_equal(cd_sym_map(CD_SYM_ZAPF, 0xAC), 0x2460);          /* ① */
	assert_int_equal(cd_sym_map(CD_SYM_MTEXTRA, 0x6C), 0x2113);       /* ℓ */
	assert_int_equal(cd_sym_map(CD_SYM_SYMBOL, 0xF0F0), 0);           /* no glyph */
	assert_int_equal(cd_sym_map(CD_SYM_NONE, 0xE9), 0xE9);
	assert_int_equal(cd_sym_map(CD_SYM_NONE, 0xD800), 0);
	assert_int_equal(cd_sym_map(CD_SYM_NONE, 0x0001), 0);
	assert_int_equal(cd_sym_map(CD_SYM_NONE, 0xE000), 0);
}

static void
test_forbidden_code_points(void **state)
{
	static const uint32_t bad[] = { 0x0, 0x1, 0x1B, 0x7F, 0x85, 0xD800, 0xDFFF, 0xE000,
		0xF0E3, 0xF8FF, 0xFDD0, 0xFFFE, 0xFFFF, 0x1FFFF, 0xF0000, 0x10FFFD, 0x110000 };
	static const uint32_t good[] = { 0x9, 0xA, 0xD, 0x20, 0xE9, 0x2022, 0xF900, 0x1F600 };
	xmlDocPtr d;
	xmlNodePtr r;
	xmlChar *v;

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(cd_sym_char_ok(bad[i]), 0);
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		assert_int_equal(cd_sym_char_ok(good[i]), 1);
	/* the guard: text and attributes lose what no output may hold */
	d = xmlNewDoc(BAD_CAST "1.0");
	r = xmlNewDocNode(d, NULL, BAD_CAST "p", NULL);
	xmlDocSetRootElement(d, r);
	xmlAddChild(r, xmlNewDocText(d, BAD_CAST "a\xEF\x83\xA3" "b\xED\xA0\x80" "c\xEE\x80\x80" "d\xEF\xBF\xBF"));
	xmlSetProp(r, BAD_CAST "label", BAD_CAST "\xEF\x82\xB7x");
	cd_sym_sanitize(r);
	v = xmlNodeGetContent(r);
	assert_string_equal((const char *)v, "abcd");
	xmlFree(v);
	v = xmlGetProp(r, BAD_CAST "label");
	assert_string_equal((const char *)v, "x");
	xmlFree(v);
	xmlFreeDoc(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_typed_labels),
		cmocka_unit_test(test_not_labels),
		cmocka_unit_test(test_label_values),
		cmocka_unit_test(test_symbol_table),
		cmocka_unit_test(test_forbidden_code_points),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
