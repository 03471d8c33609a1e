/*
 * test_styles.c — styles.xml table: inheritance, headings, roles, toggles.
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

static const char styles_xml[] =
	"<w:styles " W ">"
	"<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val=\"fr-CH\"/></w:rPr></w:rPrDefault></w:docDefaults>"
	"<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"4\"/></w:numPr></w:pPr>"
	"<w:rPr><w:b/></w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Berschrift2\"><w:name w:val=\"Heading 2\"/></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Sectiontitle3\"><w:name w:val=\"Section title 3\"/>"
	"<w:pPr><w:outlineLvl w:val=\"2\"/></w:pPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Child\"><w:basedOn w:val=\"Sectiontitle3\"/></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"LoopA\"><w:basedOn w:val=\"LoopB\"/></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"LoopB\"><w:basedOn w:val=\"LoopA\"/></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"enumlev2\"><w:name w:val=\"enumlev2\"/>"
	"<w:pPr><w:ind w:left=\"1191\"/></w:pPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Title1\"><w:name w:val=\"Title 1\"/><w:basedOn w:val=\"Source\"/></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Source\"><w:name w:val=\"Source\"/></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Headingb\"><w:name w:val=\"Heading_b\"/></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"TableNoTitle\"><w:name w:val=\"Table_NoTitle\"/>"
	"<w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Equation\"><w:name w:val=\"Equation\"/></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Note3\"><w:name w:val=\"Note 3\"/><w:basedOn w:val=\"Note1\"/></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"AnnexNotitle\"><w:name w:val=\"Annex_No &amp; title\"/></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"AppendixNoTitle0\"><w:name w:val=\"Appendix_NoTitle\"/>"
	"<w:basedOn w:val=\"AnnexNo\"/></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"AnnexNo\"><w:name w:val=\"Annex_No\"/></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"RecNo\"><w:name w:val=\"Rec_No\"/></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Rectitle\"><w:name w:val=\"Rec_title\"/></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Sectiontitle\"><w:name w:val=\"Section_title\"/></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Headingi\"><w:name w:val=\"Heading_i\"/></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Tablehead\"><w:name w:val=\"Table_head\"/><w:basedOn w:val=\"Heading1\"/></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"H4\"><w:name w:val=\"heading 4\"/><w:basedOn w:val=\"Equation\"/></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"TOCHeading\"><w:name w:val=\"TOC Heading\"/></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"TableofFigures\"><w:name w:val=\"table of figures\"/></w:style>"
	"<w:style w:type=\"character\" w:styleId=\"Emph\"><w:rPr><w:i/></w:rPr></w:style>"
	"<w:style w:type=\"character\" w:styleId=\"Strong2\"><w:basedOn w:val=\"Emph\"/><w:rPr><w:b/><w:vertAlign w:val=\"superscript\"/></w:rPr></w:style>"
	"<w:style w:type=\"character\" w:styleId=\"Hyperlink\"><w:rPr><w:u w:val=\"single\"/></w:rPr></w:style>"
	"</w:styles>";

static xmlDocPtr sdoc;
static cd_st_styles *st;

static int
setup(void **state)
{
	(void)state;
	sdoc = xmlReadMemory(styles_xml, (int)strlen(styles_xml), "s.xml", NULL, 0);
	st = cd_st_styles_load(xmlDocGetRootElement(sdoc));
	return sdoc && st ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	cd_st_styles_free(st);
	xmlFreeDoc(sdoc);
	return 0;
}

/* Parses one w:p (caller frees the document). */
static xmlDocPtr
para(const char *inner)
{
	char buf[2048];

	snprintf(buf, sizeof buf, "<w:p " W ">%s</w:p>", inner);
	return xmlReadMemory(buf, (int)strlen(buf), "p.xml", NULL, 0);
}

static void
info_of(const char *inner, cd_st_pinfo *pi)
{
	xmlDocPtr d = para(inner);

	cd_st_para_info(st, xmlDocGetRootElement(d), pi);
	xmlFreeDoc(d);
}

static void
test_headings(void **state)
{
	cd_st_pinfo pi;

	(void)state;
	assert_int_equal(cd_st_style_heading(st, "Heading1"), 1);
	assert_int_equal(cd_st_style_heading(st, "Berschrift2"), 2);   /* by name */
	assert_int_equal(cd_st_style_heading(st, "Sectiontitle3"), 3); /* outlineLvl */
	assert_int_equal(cd_st_style_heading(st, "Child"), 3);         /* inherited */
	assert_int_equal(cd_st_style_heading(st, "LoopA"), 0);         /* cycle ends */
	assert_int_equal(cd_st_style_heading(st, "Normal"), 0);
	info_of("<w:pPr><w:pStyle w:val=\"Normal\"/><w:outlineLvl w:val=\"1\"/></w:pPr>", &pi);
	assert_int_equal(pi.heading, 2);
	info_of("", &pi);
	assert_int_equal(pi.heading, 0);
}

static void
test_roles_and_numbering(void **state)
{
	cd_st_pinfo pi;

	(void)state;
	info_of("<w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr>", &pi);
	assert_int_equal(pi.num_id, 4);   /* numbering inherited from the style */
	assert_int_equal(pi.ilvl, 0);
	assert_int_equal(pi.bold, 1);
	info_of("<w:pPr><w:pStyle w:val=\"Heading1\"/><w:numPr><w:numId w:val=\"0\"/></w:numPr></w:pPr>", &pi);
	assert_int_equal(pi.num_id, 0);   /* numbering switched off directly */
	info_of("<w:pPr><w:pStyle w:val=\"enumlev2\"/></w:pPr>", &pi);
	assert_int_equal(pi.role, CD_ROLE_ENUMLEV);
	assert_int_equal(pi.enumlev, 2);
	assert_int_equal(pi.ind_left, 1191);
	info_of("<w:pPr><w:pStyle w:val=\"Title1\"/></w:pPr>", &pi);
	assert_int_equal(pi.role, CD_ROLE_TITLE);   /* not Source, its parent */
	info_of("<w:pPr><w:pStyle w:val=\"Headingb\"/><w:bidi/></w:pPr>", &pi);
	assert_int_equal(pi.role, CD_ROLE_HEADINGB);
	assert_int_equal(pi.bidi, 1);
	assert_string_equal(cd_st_styles_lang(st), "fr-CH");
}

/* The house-style table: what each ITU style family is. */
static void
test_house_style_roles(void **state)
{
	static const struct {
		const char *ppr;
		int role, heading, names_doc;
	} cases[] = {
		/* a caption with an outline level is still no heading */
		{ "<w:pStyle w:val=\"TableNoTitle\"/>", CD_ROLE_CAPTION, 0, 0 },
		/* a direct outline level does not override a body role */
		{ "<w:pStyle w:val=\"Equation\"/><w:outlineLvl w:val=\"1\"/>", CD_ROLE_EQUATION, 0, 0 },
		{ "<w:pStyle w:val=\"Note3\"/><w:outlineLvl w:val=\"0\"/>", CD_ROLE_NOTE, 0, 0 },
		{ "<w:pStyle w:val=\"AnnexNotitle\"/>", CD_ROLE_ANNEX, 0, 0 },
		/* the style's own name wins over its parent's */
		{ "<w:pStyle w:val=\"AppendixNoTitle0\"/>", CD_ROLE_ANNEX, 0, 0 },
		{ "<w:pStyle w:val=\"AnnexNo\"/>", CD_ROLE_ANNEX_NO, 0, 0 },
		{ "<w:pStyle w:val=\"RecNo\"/>", CD_ROLE_TITLE_NO, 0, 1 },
		{ "<w:pStyle w:val=\"Rectitle\"/>", CD_ROLE_TITLE_TEXT, 0, 1 },
		{ "<w:pStyle w:val=\"Sectiontitle\"/>", CD_ROLE_TITLE_TEXT, 0, 0 },
		{ "<w:pStyle w:val=\"Headingi\"/>", CD_ROLE_HEADINGB, 0, 0 },
		/* a table head based on a heading style names a body part */
		{ "<w:pStyle w:val=\"Tablehead\"/>", CD_ROLE_BODY, 0, 0 },
		/* a "heading N" style is a heading, whatever its parent */
		{ "<w:pStyle w:val=\"H4\"/>", CD_ROLE_NONE, 4, 0 },
		{ "<w:pStyle w:val=\"TOCHeading\"/>", CD_ROLE_TOC, 0, 0 },
		{ "<w:pStyle w:val=\"TableofFigures\"/>", CD_ROLE_TOC, 0, 0 },
	};
	cd_st_pinfo pi;
	char ppr[256];

	(void)state;
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		snprintf(ppr, sizeof ppr, "<w:pPr>%s</w:pPr>", cases[k].ppr);
		info_of(ppr, &pi);
		assert_int_equal(pi.role, cases[k].role);
		assert_int_equal(pi.heading, cases[k].heading);
		assert_int_equal(pi.names_doc, cases[k].names_doc);
		assert_int_equal(pi.outline_direct, 0);
	}
	/* a style the TOC field lists becomes a heading; a role stays */
	cd_st_styles_toc(st, "Source,1,Table_NoTitle,2,Bad,x,LoopA,3,heading 2");
	info_of("<w:pPr><w:pStyle w:val=\"LoopA\"/></w:pPr>", &pi);
	assert_int_equal(pi.heading, 3);
	info_of("<w:pPr><w:pStyle w:val=\"Source\"/></w:pPr>", &pi);
	assert_int_equal(pi.heading, 0);
	info_of("<w:pPr><w:pStyle w:val=\"TableNoTitle\"/></w:pPr>", &pi);
	assert_int_equal(pi.heading, 0);
	/* a direct outline level on Normal allows a heading */
	info_of("<w:pPr><w:outlineLvl w:val=\"1\"/></w:pPr>", &pi);
	assert_int_equal(pi.heading, 2);
	assert_int_equal(pi.outline_direct, 1);
	assert_int_equal(cd_st_role_is_body(CD_ROLE_CAPTION), 1);
	assert_int_equal(cd_st_role_is_body(CD_ROLE_ANNEX), 0);
}

static void
fmt_of(const char *rpr, cd_st_rfmt *f)
{
	char buf[1024];
	xmlDocPtr d;

	snprintf(buf, sizeof buf, "<w:rPr " W ">%s</w:rPr>", rpr);
	d = xmlReadMemory(buf, (int)strlen(buf), "r.xml", NULL, 0);
	cd_st_run_fmt(st, xmlDocGetRootElement(d), f);
	xmlFreeDoc(d);
}

static void
test_run_format(void **state)
{
	cd_st_rfmt f;

	(void)state;
	fmt_of("<w:b/><w:i w:val=\"0\"/><w:u w:val=\"none\"/>", &f);
	assert_int_equal(f.b, 1);
	assert_int_equal(f.i, 0);
	assert_int_equal(f.u, 0);
	fmt_of("<w:rStyle w:val=\"Strong2\"/>", &f);   /* chain: Strong2 → Emph */
	assert_int_equal(f.b, 1);
	assert_int_equal(f.i, 1);
	assert_int_equal(f.sup, 1);
	fmt_of("<w:rStyle w:val=\"Hyperlink\"/>", &f);  /* link underline is not emphasis */
	assert_int_equal(f.u, 0);
	fmt_of("<w:u w:val=\"double\"/><w:vertAlign w:val=\"subscript\"/><w:lang w:val=\"ar-SA\"/>", &f);
	assert_int_equal(f.u, 1);
	assert_int_equal(f.sub, 1);
	assert_string_equal(f.lang, "ar-SA");
	fmt_of("<w:vanish/>", &f);
	assert_int_equal(f.vanish, 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_headings),
		cmocka_unit_test(test_roles_and_numbering),
		cmocka_unit_test(test_house_style_roles),
		cmocka_unit_test(test_run_format),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
