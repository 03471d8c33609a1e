/*
 * test_eqtext.c — the text an equation picture draws (output/eqtext.c),
 * from SVG written the way libwmf and libemf2svg write it: glyph runs on
 * one line with subscripts and superscripts, Symbol glyphs, spacing, and
 * the pictures that give no text (a fraction, a radical, an accent).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "cd_internal.h"
#include "../output/media.h"

/* A libwmf text run at x, y (font size 20): family, style, text. */
#define RUN(x, y, fam, t) \
	"<text x=\"0\" y=\"0\" style=\"font-family:" fam "; font-style:italic; " \
	"font-size:20.000000; fill:black\" transform=\"matrix(1.000000 -0.000000 " \
	"0.000000 1.000000 " x " " y ")\"\n\t>" t "</text>\n"
#define SVG(body) "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"300\" height=\"40\">" \
	body "</svg>"

static void
expect(const char *svg, const char *want)
{
	char *t = cd_eqtext(svg, strlen(svg));

	if (want == NULL) {
		if (t != NULL)
			print_error("got \"%s\", want none\n", t);
		assert_null(t);
		return;
	}
	assert_non_null(t);
	assert_string_equal(t, want);
	free(t);
}

static void
test_line(void **state)
{
	(void)state;
	/* runs in any order; Symbol 0xB4 is ×, "=" and "+" spaced */
	expect(SVG(RUN("60", "15", "Times", "PCR") RUN("0", "15", "Times", "PCR")
	           RUN("29", "15", "Times", "(i)") RUN("47", "15", "Symbol", "=")
	           RUN("91", "15", "Times", "(i)") RUN("100", "15", "Symbol", "\xC2\xB4")
	           RUN("111", "15", "Times", "300")),
	       "PCR(i) = PCR(i) \xC3\x97 300");
	/* a subscript joins its symbol; superscript digits become Unicode; a
	 * word after them, and words apart, are spaced */
	expect(SVG(RUN("0", "15", "Times", "Rx") RUN("16", "20", "Times", "n")
	           RUN("30", "15", "Symbol", "=") RUN("45", "15", "Times", "10")
	           RUN("65", "6", "Times", "6") RUN("85", "15", "Times", "bits")
	           RUN("120", "15", "Times", "per")),
	       "Rxn = 10\xE2\x81\xB6 bits per");
	/* a word split into runs of ten characters stays one word */
	expect(SVG(RUN("0", "15", "Times", "system_clo") RUN("95", "15", "Times", "ck")),
	       "system_clock");
	/* libemf2svg: position and size as attributes */
	expect("<svg xmlns=\"http://www.w3.org/2000/svg\"><text font-family=\"Arial\" x=\"10\" "
	       "y=\"20\" font-size=\"15\">a</text><text font-family=\"Symbol\" x=\"25\" y=\"20\" "
	       "font-size=\"15\">\xC2\xA3</text><text font-family=\"Arial\" x=\"40\" y=\"20\" "
	       "font-size=\"15\">b</text></svg>",
	       "a \xE2\x89\xA4 b");
	/* a private-use character of an unknown font is dropped */
	expect(SVG(RUN("0", "15", "Times", "x\xEF\x80\x80") RUN("20", "15", "Symbol", "=")
	           RUN("40", "15", "Times", "1")), "x = 1");
}

static void
test_no_line(void **state)
{
	(void)state;
	/* a fraction: numerator and denominator far from one baseline */
	expect(SVG(RUN("0", "12", "Times", "a") RUN("0", "38", "Times", "b")
	           RUN("20", "25", "Symbol", "=") RUN("40", "25", "Times", "c")), NULL);
	/* a radical's bar is drawn, not written */
	expect(SVG(RUN("0", "15", "Times", "x") RUN("20", "15", "Symbol", "=")
	           RUN("40", "15", "Times", "1") "<line x1=\"35\" y1=\"2\" x2=\"60\" y2=\"2\"/>"),
	       NULL);
	/* an MT Extra accent drawn as "&" */
	expect(SVG(RUN("0", "15", "Times", "x") RUN("2", "15", "Times", "&amp;")), NULL);
	/* rotated text, no text, not SVG */
	expect(SVG("<text x=\"0\" y=\"0\" style=\"font-size:20\" transform=\"matrix(0 1 -1 0 5 5)\">a"
	           "</text>"), NULL);
	expect(SVG(""), NULL);
	/* a run without a font size (found by fuzzing: its text leaked) */
	expect(SVG("<text x=\"1\" y=\"2\">a</text>"), NULL);
	expect("not svg", NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_line),
		cmocka_unit_test(test_no_line),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
