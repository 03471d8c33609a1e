/*
 * test_numbering.c — numbering.xml counters and labels.
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

#define W "xmlns:w=\"" CD_W_NS "\""
#define LVL(i, start, fmt, text) \
	"<w:lvl w:ilvl=\"" #i "\"><w:start w:val=\"" #start "\"/><w:numFmt w:val=\"" fmt \
	"\"/><w:lvlText w:val=\"" text "\"/></w:lvl>"

static const char num_xml[] =
	"<w:numbering " W ">"
	"<w:abstractNum w:abstractNumId=\"1\">"
	LVL(0, 1, "decimal", "%1.") LVL(1, 1, "decimal", "%1.%2.") LVL(2, 1, "lowerLetter", "%3)")
	"</w:abstractNum>"
	"<w:abstractNum w:abstractNumId=\"2\">"
	LVL(0, 1, "bullet", "\xEF\x82\xB7") LVL(1, 1, "bullet", "o")
	"</w:abstractNum>"
	"<w:abstractNum w:abstractNumId=\"3\">"
	LVL(0, 1, "upperRoman", "%1.") LVL(1, 1, "lowerRoman", "(%2)")
	"</w:abstractNum>"
	/* a list style: 5 refers to 4 through numStyleLink/styleLink */
	"<w:abstractNum w:abstractNumId=\"4\"><w:styleLink w:val=\"ListA\"/>"
	LVL(0, 1, "upperLetter", "%1)") LVL(1, 1, "decimal", "%1.%2")
	"<w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerRoman\"/><w:isLgl/>"
	"<w:lvlText w:val=\"%1.%2.%3\"/></w:lvl>"
	"</w:abstractNum>"
	"<w:abstractNum w:abstractNumId=\"5\"><w:numStyleLink w:val=\"ListA\"/></w:abstractNum>"
	"<w:num w:numId=\"1\"><w:abstractNumId w:val=\"1\"/></w:num>"
	"<w:num w:numId=\"5\"><w:abstractNumId w:val=\"5\"/></w:num>"
	"<w:num w:numId=\"6\"><w:abstractNumId w:val=\"4\"/></w:num>"
	"<w:num w:numId=\"2\"><w:abstractNumId w:val=\"2\"/></w:num>"
	"<w:num w:numId=\"3\"><w:abstractNumId w:val=\"3\"/></w:num>"
	"<w:num w:numId=\"4\"><w:abstractNumId w:val=\"1\"/>"
	"<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"5\"/></w:lvlOverride></w:num>"
	"</w:numbering>";

static xmlDocPtr ndoc;
static cd_st_numbering *nb;

static int
setup(void **state)
{
	(void)state;
	ndoc = xmlReadMemory(num_xml, (int)strlen(num_xml), "n.xml", NULL, 0);
	nb = cd_st_num_load(xmlDocGetRootElement(ndoc));
	return ndoc && nb ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	cd_st_num_free(nb);
	xmlFreeDoc(ndoc);
	return 0;
}

static const char *
next(int num, int ilvl)
{
	static cd_st_numlabel lab;

	if (!cd_st_num_next(nb, num, ilvl, &lab))
		return "-";
	return lab.label;
}

static void
test_multilevel(void **state)
{
	(void)state;
	assert_string_equal(next(1, 0), "1.");
	assert_string_equal(next(1, 1), "1.1.");
	assert_string_equal(next(1, 1), "1.2.");
	assert_string_equal(next(1, 2), "a)");
	assert_string_equal(next(1, 2), "b)");
	assert_string_equal(next(1, 0), "2.");
	assert_string_equal(next(1, 1), "2.1.");   /* restarted by level 0 */
	assert_string_equal(next(1, 2), "a)");
	/* numId 4 shares abstractNum 1 but has a startOverride: restarts at 5 */
	assert_string_equal(next(4, 0), "5.");
	assert_string_equal(next(4, 1), "5.1.");
	assert_string_equal(next(1, 0), "3.");     /* numId 1 continues */
	assert_string_equal(next(0, 0), "-");      /* numbering off */
	assert_string_equal(next(99, 0), "-");     /* unknown */
}

static void
test_bullets_and_roman(void **state)
{
	cd_st_numlabel lab;

	(void)state;
	assert_int_equal(cd_st_num_next(nb, 2, 0, &lab), 1);
	assert_int_equal(lab.bullet, 1);
	assert_string_equal(lab.label, "\xE2\x80\xA2");   /* PUA bullet → • */
	assert_int_equal(cd_st_num_next(nb, 2, 1, &lab), 1);
	assert_string_equal(lab.label, "o");
	assert_string_equal(next(3, 0), "I.");
	assert_string_equal(next(3, 1), "(i)");
	assert_string_equal(next(3, 1), "(ii)");
	assert_string_equal(next(3, 1), "(iii)");
	assert_string_equal(next(3, 1), "(iv)");
	assert_string_equal(next(3, 0), "II.");
	assert_int_equal(cd_st_num_next(nb, 3, 0, &lab), 1);
	assert_string_equal(lab.fmt, "upperRoman");
	assert_string_equal(cd_st_num_style(lab.fmt), "upper-roman");
}

/* numStyleLink → styleLink; isLgl shows every level in decimal. */
static void
test_style_link_and_legal(void **state)
{
	(void)state;
	assert_string_equal(next(5, 0), "A)");
	assert_string_equal(next(5, 1), "A.1");
	assert_string_equal(next(6, 0), "B)");     /* same list, through the style */
	assert_string_equal(next(5, 1), "B.1");
	assert_string_equal(next(5, 2), "2.1.1");  /* isLgl: B → 2, i → 1 */
	assert_string_equal(next(5, 2), "2.1.2");
}

static void
test_formats(void **state)
{
	static const struct { const char *fmt; int n; const char *want; } cases[] = {
		{ "lowerLetter", 27, "aa" },
		{ "upperLetter", 3, "C" },
		{ "lowerRoman", 1994, "mcmxciv" },
		{ "decimalZero", 7, "07" },
		{ "ordinal", 22, "22nd" },
		{ "ordinal", 13, "13th" },
		{ "hindiNumbers", 12, "\xD9\xA1\xD9\xA2" },
		{ "chineseCounting", 12, "十二" },
		{ "arabicAlpha", 2, "ب" },
		{ "somethingElse", 4, "4" },
	};
	char b[32];

	(void)state;
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		cd_st_num_format(cases[k].fmt, cases[k].n, b, sizeof b);
		assert_string_equal(b, cases[k].want);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_multilevel),
		cmocka_unit_test(test_bullets_and_roman),
		cmocka_unit_test(test_style_link_and_legal),
		cmocka_unit_test(test_formats),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
