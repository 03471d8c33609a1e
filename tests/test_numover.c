/*
 * test_numover.c — numbering instances with level overrides through the
 * real stages (cd_convert on a DOCX built in memory): w:lvlOverride holding
 * a whole w:lvl, w:startOverride, shared counters, w:lvlRestart, and the
 * start of a list interrupted by a paragraph.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "cdtest.h"

#define LVL(ilvl, start, fmt, text, extra) "<w:lvl w:ilvl=\"" ilvl "\"><w:start w:val=\"" start "\"/>" \
	"<w:numFmt w:val=\"" fmt "\"/>" extra "<w:lvlText w:val=\"" text "\"/></w:lvl>"
#define NP(num, ilvl, text) "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" ilvl "\"/><w:numId w:val=\"" \
	num "\"/></w:numPr></w:pPr><w:r><w:t>" text "</w:t></w:r></w:p>"

static const char abs0[] =
	"<w:abstractNum w:abstractNumId=\"0\">"
	LVL("0", "1", "decimal", "%1)", "")
	LVL("1", "1", "lowerLetter", "%2)", "")
	"</w:abstractNum>";

/* The labels of the items, joined with ' '. Caller frees with free(). */
static char *
labels(xmlDocPtr c)
{
	return t_join(c, "//c:item/@label", " ");
}

static void
expect_labels(xmlDocPtr c, const char *want)
{
	char *l = labels(c);

	if (strcmp(l, want) != 0) {
		t_dump(c);
		free(l);
		fail_msg("labels: want \"%s\"", want);
	}
	free(l);
}

static void
test_lvl_override_redefines_level(void **state)
{
	t_doc d = { 0 };
	char *numbering = t_cat(abs0,
		"<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
		"<w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/>"
		"<w:lvlOverride w:ilvl=\"0\">" LVL("0", "3", "upperRoman", "%1.", "")
		"</w:lvlOverride></w:num>", NULL);
	xmlDocPtr c;

	(void)state;
	d.numbering = numbering;
	d.body = NP("1", "0", "one") NP("1", "0", "two") T_P("Between.")
	         NP("2", "0", "roman three") NP("2", "0", "roman four")
	         NP("2", "1", "letter") T_P("Between.") NP("1", "0", "three");
	c = t_council(&d);
	/* num 2 has its own level 0 (upper roman from III) and its own
	 * counters; level 1 is still the abstract's; num 1 goes on */
	expect_labels(c, "1) 2) III. IV. a) 3)");
	t_expect(c, "string(//c:list[c:item[@label = 'III.']]/@style)", "upper-roman");
	t_expect(c, "string(//c:list[c:item[@label = 'III.']]/@start)", "3");
	xmlFreeDoc(c);
	free(numbering);
}

static void
test_start_override_wins(void **state)
{
	t_doc d = { 0 };
	char *numbering = t_cat(abs0,
		"<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
		"<w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/>"
		"<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"7\"/>"
		LVL("0", "3", "lowerRoman", "(%1)", "") "</w:lvlOverride></w:num>"
		"<w:num w:numId=\"3\"><w:abstractNumId w:val=\"0\"/>"
		"<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>",
		NULL);
	xmlDocPtr c;

	(void)state;
	d.numbering = numbering;
	d.body = NP("1", "0", "a") NP("1", "0", "b") NP("2", "0", "seven") NP("2", "0", "eight")
	         T_P("Restart:") NP("3", "0", "again") NP("3", "0", "again two");
	c = t_council(&d);
	expect_labels(c, "1) 2) (vii) (viii) 1) 2)");
	xmlFreeDoc(c);
	free(numbering);
}

static void
test_lvl_restart(void **state)
{
	t_doc d = { 0 };
	xmlDocPtr c;

	(void)state;
	/* level 1 never restarts (lvlRestart 0); level 2 restarts only after
	 * level 0 (lvlRestart 1: the first level), not after level 1 */
	d.numbering = "<w:abstractNum w:abstractNumId=\"0\">"
	              LVL("0", "1", "decimal", "%1.", "")
	              LVL("1", "1", "decimal", "%1.%2", "<w:lvlRestart w:val=\"0\"/>")
	              LVL("2", "1", "lowerLetter", "%3)", "<w:lvlRestart w:val=\"1\"/>")
	              "</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>";
	d.body = NP("1", "0", "x") NP("1", "1", "x") NP("1", "2", "x") NP("1", "1", "x")
	         NP("1", "2", "x") NP("1", "0", "x") NP("1", "1", "x") NP("1", "2", "x");
	c = t_council(&d);
	expect_labels(c, "1. 1.1 a) 1.2 b) 2. 2.3 a)");
	xmlFreeDoc(c);
}

/* A list opened at an item that is not the first of its numbering (a Word
 * list interrupted by a paragraph, or a typed "3)") starts at the item's
 * own number. */
static void
test_interrupted_list_start(void **state)
{
	t_doc d = { 0 };
	char *numbering;
	xmlDocPtr c;

	(void)state;
	numbering = t_cat(abs0, "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>", NULL);
	d.numbering = numbering;
	d.body = NP("1", "0", "first") T_P("Explanation of the first.") NP("1", "0", "second")
	         T_P("Explanation of the second.")
	         "<w:p><w:r><w:t>3)</w:t><w:tab/><w:t>typed third</w:t></w:r></w:p>";
	c = t_council(&d);
	t_expect(c, "string(//c:list[c:item/@label = '2)']/@start)", "2");
	t_expect(c, "string(//c:list[c:item/@label = '3)']/@start)", "3");
	xmlFreeDoc(c);
	free(numbering);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lvl_override_redefines_level),
		cmocka_unit_test(test_start_override_wins),
		cmocka_unit_test(test_lvl_restart),
		cmocka_unit_test(test_interrupted_list_start),
	};
	int rc;

	cd_init();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	cd_cleanup();
	return rc;
}
