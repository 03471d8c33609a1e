/*
 * test_runs.c — runs and styles through the real stages (cd_convert on a
 * DOCX built in memory): basedOn chains, docDefaults, direct formatting,
 * toggles, hidden text, caps, symbols, tabs, breaks, hyphens, split runs,
 * and the document language (default paragraph style before docDefaults).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "cdtest.h"

#define STY(type, id, extra) "<w:style w:type=\"" type "\" w:styleId=\"" id "\">" \
	"<w:name w:val=\"" id "\"/>" extra "</w:style>"

static void
test_based_on_chain(void **state)
{
	t_doc d = { 0 };
	xmlDocPtr c;

	(void)state;
	d.styles = STY("character", "Base", "<w:rPr><w:b/></w:rPr>")
	           STY("character", "Mid", "<w:basedOn w:val=\"Base\"/><w:rPr><w:i/></w:rPr>")
	           STY("character", "Leaf", "<w:basedOn w:val=\"Mid\"/>")
	           STY("character", "Loop1", "<w:basedOn w:val=\"Loop2\"/>")
	           STY("character", "Loop2", "<w:basedOn w:val=\"Loop1\"/><w:rPr><w:i/></w:rPr>");
	d.body = "<w:p><w:r><w:t xml:space=\"preserve\">plain </w:t></w:r>"
	         "<w:r><w:rPr><w:rStyle w:val=\"Leaf\"/></w:rPr><w:t>styled</w:t></w:r>"
	         "<w:r><w:t xml:space=\"preserve\"> and </w:t></w:r>"
	         "<w:r><w:rPr><w:rStyle w:val=\"Loop1\"/></w:rPr><w:t>cyclic</w:t></w:r></w:p>";
	c = t_council(&d);
	/* Leaf inherits bold from Base and italics from Mid, three styles up */
	t_expect(c, "//c:p[1]//c:b[.//text() = 'styled']", "styled");
	t_expect(c, "//c:p[1]//c:i[.//text() = 'styled']", "styled");
	/* a basedOn cycle ends, and what it holds still applies */
	t_expect(c, "//c:p[1]//c:i[.//text() = 'cyclic']", "cyclic");
	t_expect(c, "count(//c:p[1]//c:b[contains(., 'cyclic')])", "0");
	t_expect_paras(c, "plain styled and cyclic");
	xmlFreeDoc(c);
}

static void
test_defaults_language(void **state)
{
	static const struct { const char *styles, *body, *lang; } cases[] = {
		/* Word's precedence: the default paragraph style's w:lang before
		 * docDefaults' (a French template default under an English Normal) */
		{ "<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val=\"fr-CH\" w:bidi=\"ar-SA\"/>"
		  "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr/></w:pPrDefault></w:docDefaults>"
		  "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
		  "<w:name w:val=\"Normal\"/><w:rPr><w:lang w:val=\"en-GB\" w:eastAsia=\"en-US\"/>"
		  "</w:rPr></w:style>",
		  T_P("The text of the report is in this paragraph."), "en" },
		/* no w:lang on Normal: docDefaults decide */
		{ "<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val=\"fr-CH\"/>"
		  "</w:rPr></w:rPrDefault></w:docDefaults>"
		  "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
		  "<w:name w:val=\"Normal\"/></w:style>",
		  T_P("Le texte du rapport se trouve dans ce paragraphe."), "fr" },
		/* the default paragraph style's language comes through its basedOn */
		{ "<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val=\"en-US\"/>"
		  "</w:rPr></w:rPrDefault></w:docDefaults>"
		  STY("paragraph", "Base", "<w:rPr><w:lang w:val=\"es-ES\"/></w:rPr>")
		  "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
		  "<w:name w:val=\"Normal\"/><w:basedOn w:val=\"Base\"/></w:style>",
		  T_P("El texto del informe."), "es" },
	};

	(void)state;
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		t_doc d = { 0 };
		xmlDocPtr c;

		d.styles = cases[k].styles;
		d.body = cases[k].body;
		c = t_council(&d);
		t_expect(c, "/c:council/@xml:lang", cases[k].lang);
		xmlFreeDoc(c);
	}
}

static void
test_ppr_default_bidi(void **state)
{
	t_doc d = { 0 };
	xmlDocPtr c;

	(void)state;
	d.styles = "<w:docDefaults><w:pPrDefault><w:pPr><w:bidi/></w:pPr></w:pPrDefault>"
	           "</w:docDefaults>";
	d.body = T_P("\xD9\x86\xD8\xB5 \xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A")
	         "<w:p><w:pPr><w:bidi w:val=\"0\"/></w:pPr><w:r><w:t>ltr</w:t></w:r></w:p>";
	c = t_council(&d);
	t_expect(c, "/c:council/@xml:lang", "ar");
	t_expect(c, "/c:council/@dir", "rtl");
	t_expect(c, "count(//c:p[1][@dir = 'rtl'])", "1");
	t_expect(c, "count(//c:p[2][@dir = 'rtl'])", "0");
	xmlFreeDoc(c);
}

static void
test_direct_formatting(void **state)
{
	xmlDocPtr c;

	(void)state;
	c = t_body("<w:p>" T_R_("<w:b/>", "bold") T_R_("", " ") T_R_("<w:i/>", "italic")
	           T_R_("", " ") T_R_("<w:u w:val=\"single\"/>", "under") T_R_("", " ")
	           T_R_("<w:u w:val=\"none\"/>", "plainu") T_R_("", " E=mc")
	           T_R_("<w:vertAlign w:val=\"superscript\"/>", "2") T_R_("", " H")
	           T_R_("<w:vertAlign w:val=\"subscript\"/>", "2") T_R_("", "O")
	           "</w:p>");
	t_expect(c, "string(//c:p/c:b)", "bold");
	t_expect(c, "string(//c:p/c:i)", "italic");
	t_expect(c, "string(//c:p/c:u)", "under");
	t_expect(c, "count(//c:u[contains(., 'plainu')])", "0");
	t_expect(c, "string(//c:p/c:sup)", "2");
	t_expect(c, "string(//c:p/c:sub)", "2");
	t_expect_paras(c, "bold italic under plainu E=mc2 H2O");
	xmlFreeDoc(c);
}

static void
test_toggles(void **state)
{
	t_doc d = { 0 };
	xmlDocPtr c;

	(void)state;
	d.styles = STY("paragraph", "BoldPara", "<w:rPr><w:b/><w:i/></w:rPr>");
	d.body = "<w:p>" T_R_("<w:b w:val=\"0\"/>", "off0") T_R_("", " ")
	         T_R_("<w:b w:val=\"false\"/>", "offfalse") T_R_("", " ")
	         T_R_("<w:b w:val=\"off\"/>", "offoff") T_R_("", " ")
	         T_R_("<w:b w:val=\"1\"/>", "on1") T_R_("", " ")
	         T_R_("<w:b w:val=\"true\"/>", "ontrue") "</w:p>"
	         /* the paragraph style's bold is presentation; direct off keeps
	          * it off, direct on is emphasis */
	         "<w:p><w:pPr><w:pStyle w:val=\"BoldPara\"/></w:pPr>"
	         T_R_("", "styled ") T_R_("<w:b w:val=\"0\"/><w:i w:val=\"0\"/>", "switched off")
	         T_R_("", " ") T_R_("<w:b/>", "direct") "</w:p>";
	c = t_council(&d);
	t_expect(c, "count(//c:p[1]/c:b)", "2");
	t_expect(c, "string(//c:p[1]/c:b[1])", "on1");
	t_expect(c, "string(//c:p[1]/c:b[2])", "ontrue");
	t_expect(c, "count(//c:p[2]//c:b[contains(., 'switched')])", "0");
	t_expect(c, "count(//c:p[2]//c:i)", "0");
	t_expect(c, "string(//c:p[2]/c:b)", "direct");
	xmlFreeDoc(c);
}

static void
test_vanish(void **state)
{
	t_doc d = { 0 };
	xmlDocPtr c;

	(void)state;
	d.styles = STY("character", "Hidden", "<w:rPr><w:vanish/></w:rPr>")
	           STY("character", "HiddenChild", "<w:basedOn w:val=\"Hidden\"/>");
	d.body = "<w:p>" T_R_("", "seen ") T_R_("<w:vanish/>", "DIRECTHIDDEN")
	         T_R_("<w:rStyle w:val=\"Hidden\"/>", "STYLEHIDDEN")
	         T_R_("<w:rStyle w:val=\"HiddenChild\"/>", "INHERITEDHIDDEN")
	         T_R_("<w:rStyle w:val=\"Hidden\"/><w:vanish w:val=\"0\"/>", "shown")
	         T_R_("<w:vanish w:val=\"0\"/>", " too") "</w:p>"
	         "<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr>" T_R_("", "mark only") "</w:p>";
	c = t_council(&d);
	t_expect_paras(c, "seen shown too|mark only");
	assert_false(t_has_text(c, "HIDDEN"));
	xmlFreeDoc(c);
}

/* w:vanish in a paragraph style's rPr hides every run of its paragraphs,
 * unless a run switches it off directly. */
static void
test_vanish_para_style(void **state)
{
	t_doc d = { 0 };
	xmlDocPtr c;

	(void)state;
	d.styles = STY("paragraph", "HiddenPara", "<w:rPr><w:vanish/></w:rPr>");
	d.body = T_P("seen") "<w:p><w:pPr><w:pStyle w:val=\"HiddenPara\"/></w:pPr>"
	         T_R_("", "PARAHIDDEN") T_R_("<w:vanish w:val=\"0\"/>", "unhidden") "</w:p>";
	c = t_council(&d);
	t_expect_paras(c, "seen|unhidden");
	xmlFreeDoc(c);
}

static void
test_caps_and_symbols(void **state)
{
	xmlDocPtr c;

	(void)state;
	c = t_body("<w:p>" T_R_("<w:caps/>", "Kept as typed") T_R_("<w:smallCaps/>", " small")
	           "<w:r><w:t xml:space=\"preserve\"> a</w:t><w:sym w:font=\"Symbol\" w:char=\"F061\"/>"
	           "<w:sym w:font=\"Symbol\" w:char=\"F0B3\"/><w:sym w:font=\"Wingdings\" w:char=\"F0FC\"/>"
	           "<w:sym w:font=\"Symbol\" w:char=\"00B4\"/><w:t>b</w:t></w:r></w:p>");
	/* α ≥ ✓ × */
	t_expect_paras(c, "Kept as typed small a\xCE\xB1\xE2\x89\xA5\xE2\x9C\x93\xC3\x97" "b");
	xmlFreeDoc(c);
}

static void
test_tabs_breaks_hyphens(void **state)
{
	xmlDocPtr c;

	(void)state;
	c = t_body("<w:p><w:r><w:t>one</w:t><w:tab/><w:t>two</w:t><w:br/><w:t>three</w:t>"
	           "<w:cr/><w:t>four</w:t><w:br w:type=\"page\"/><w:t>five</w:t></w:r></w:p>"
	           "<w:p><w:r><w:t>co</w:t><w:noBreakHyphen/><w:t>operate</w:t>"
	           "<w:softHyphen/><w:t>tion</w:t></w:r></w:p>");
	/* TAB → a space; br and cr → c:br; a page break is no line break */
	t_expect(c, "count(//c:p[1]/c:br)", "2");
	t_expect(c, "normalize-space(//c:p[1]/text()[1])", "one two");
	t_expect(c, "string(//c:p[1]/c:br[1]/following-sibling::text()[1])", "three");
	t_expect(c, "string(//c:p[1]/c:br[2]/following-sibling::text()[1])", "fourfive");
	/* U+2011 kept, the soft hyphen gone */
	t_expect(c, "string(//c:p[2])", "co\xE2\x80\x91operatetion");
	xmlFreeDoc(c);
	/* a break at the edge of bold and italic runs moves out of them */
	c = t_body("<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>MMR = 1</w:t><w:br/></w:r>"
	           "<w:r><w:t>next</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:br/><w:t>last</w:t>"
	           "</w:r><w:r><w:rPr><w:b/></w:rPr><w:br/></w:r></w:p>");
	t_expect(c, "count(//c:b/c:br | //c:i/c:br)", "0");
	t_expect(c, "count(//c:p/c:br)", "2");   /* the last one ends the paragraph: dropped */
	t_expect(c, "string(//c:b)", "MMR = 1");
	t_expect(c, "name(//c:b/following-sibling::*[1])", "br");
	t_expect(c, "string(//c:i)", "last");
	t_expect(c, "count(//c:b)", "1");
	xmlFreeDoc(c);
	/* nested: the break leaves the subscript, then the italic around it */
	c = t_body("<w:p><w:r><w:rPr><w:i/></w:rPr><w:t>B</w:t></w:r>"
	           "<w:r><w:rPr><w:i/><w:vertAlign w:val=\"subscript\"/></w:rPr><w:t>j</w:t><w:br/></w:r>"
	           "<w:r><w:t>= next</w:t></w:r></w:p>");
	t_expect(c, "count(//c:i//c:br)", "0");
	t_expect(c, "string(//c:i)", "Bj");
	t_expect(c, "name(//c:i/following-sibling::*[1])", "br");
	xmlFreeDoc(c);
	/* spaces at the edges of bold and superscript move out; a no-break
	 * space stays; a bold space alone is no bold */
	c = t_body("<w:p><w:r><w:t xml:space=\"preserve\">x =</w:t></w:r>"
	           "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\"> 1 </w:t></w:r>"
	           "<w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr><w:t xml:space=\"preserve\">a </w:t></w:r>"
	           "<w:r><w:t>Clean</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t xml:space=\"preserve\">\xC2\xA0y</w:t></w:r>"
	           "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\"> </w:t></w:r><w:r><w:t>z</w:t></w:r></w:p>");
	t_expect(c, "string(//c:b)", "1");
	t_expect(c, "string(//c:sup)", "a");
	t_expect(c, "string(//c:i)", "\xC2\xA0y");
	t_expect(c, "count(//c:b)", "1");
	t_expect(c, "string(//c:p)", "x = 1 a Clean\xC2\xA0y z");
	xmlFreeDoc(c);
}

static void
test_split_runs_merged(void **state)
{
	xmlDocPtr c;

	(void)state;
	c = t_body("<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Spl</w:t></w:r>"
	           "<w:proofErr w:type=\"spellStart\"/>"
	           "<w:r w:rsidR=\"00A1\"><w:rPr><w:b/><w:lang w:val=\"en-GB\"/></w:rPr><w:t>it</w:t></w:r>"
	           "<w:bookmarkStart w:id=\"0\" w:name=\"_GoBack\"/><w:bookmarkEnd w:id=\"0\"/>"
	           "<w:r><w:rPr><w:b/><w:color w:val=\"FF0000\"/></w:rPr><w:t xml:space=\"preserve\"> word</w:t></w:r>"
	           "<w:r><w:t xml:space=\"preserve\"> and </w:t></w:r><w:r><w:t>pla</w:t></w:r>"
	           "<w:r><w:t>in</w:t></w:r></w:p>");
	/* one b element, not three; the text reads as typed */
	t_expect(c, "count(//c:p/c:b)", "1");
	t_expect(c, "string(//c:p/c:b)", "Split word");
	t_expect(c, "string(//c:p)", "Split word and plain");
	t_expect(c, "count(//c:p/c:anchor)", "0");
	xmlFreeDoc(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_based_on_chain),
		cmocka_unit_test(test_defaults_language),
		cmocka_unit_test(test_ppr_default_bidi),
		cmocka_unit_test(test_direct_formatting),
		cmocka_unit_test(test_toggles),
		cmocka_unit_test(test_vanish),
		cmocka_unit_test(test_vanish_para_style),
		cmocka_unit_test(test_caps_and_symbols),
		cmocka_unit_test(test_tabs_breaks_hyphens),
		cmocka_unit_test(test_split_runs_merged),
	};
	int rc;

	cd_init();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	cd_cleanup();
	return rc;
}
