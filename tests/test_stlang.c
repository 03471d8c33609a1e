/* test_stlang.c — the language and script of a run (pipeline/structure/stlang.c). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include <libxml/parser.h>
#include "cd_internal.h"
#include "stlang.h"

#define W "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

static xmlDocPtr
rpr_doc(const char *xml)
{
	return xmlReadMemory(xml, (int)strlen(xml), "rpr.xml", NULL, XML_PARSE_NONET);
}

static void
test_script(void **state)
{
	char g[4];
	size_t n;

	(void)state;
	assert_int_equal(cd_st_lang_script("Hello, world", &n, g), CD_SCRIPT_LTR);
	assert_int_equal(n, 10);
	assert_string_equal(g, "");
	assert_int_equal(cd_st_lang_script("قطاع تقييس ITU", &n, g), CD_SCRIPT_RTL);
	assert_string_equal(g, "ar");
	assert_int_equal(cd_st_lang_script("שלום", NULL, g), CD_SCRIPT_RTL);
	assert_string_equal(g, "he");
	assert_int_equal(cd_st_lang_script("国际电联 ITU", NULL, g), CD_SCRIPT_CJK);
	assert_string_equal(g, "zh");
	assert_int_equal(cd_st_lang_script("ひらがな", NULL, g), CD_SCRIPT_CJK);
	assert_string_equal(g, "ja");
	assert_int_equal(cd_st_lang_script("(2017/04) – ١٢٣", &n, g), CD_SCRIPT_NONE);
	assert_int_equal(n, 0);
	assert_int_equal(cd_st_lang_script("", NULL, NULL), CD_SCRIPT_NONE);
}

static void
test_run(void **state)
{
	xmlDocPtr d = rpr_doc("<w:rPr " W "><w:lang w:val=\"es-ES\" w:eastAsia=\"ja-JP\" w:bidi=\"ar-EG\"/></w:rPr>");
	xmlNodePtr rpr = xmlDocGetRootElement(d);
	char out[16];

	(void)state;
	/* Arabic text takes w:bidi, not the stale w:val */
	assert_int_equal(cd_st_lang_run(rpr, "es-ES", "الاتحاد", out, sizeof out), CD_SCRIPT_RTL);
	assert_string_equal(out, "ar-EG");
	assert_int_equal(cd_st_lang_run(rpr, "es-ES", "Hola", out, sizeof out), CD_SCRIPT_LTR);
	assert_string_equal(out, "es-ES");
	assert_int_equal(cd_st_lang_run(rpr, "es-ES", "漢字", out, sizeof out), CD_SCRIPT_CJK);
	assert_string_equal(out, "ja-JP");
	/* punctuation only: no language */
	assert_int_equal(cd_st_lang_run(rpr, "es-ES", " ( ", out, sizeof out), CD_SCRIPT_NONE);
	assert_string_equal(out, "");
	/* no w:lang: the script's language for RTL/CJK, nothing for Latin */
	assert_int_equal(cd_st_lang_run(NULL, "", "עברית", out, sizeof out), CD_SCRIPT_RTL);
	assert_string_equal(out, "he");
	cd_st_lang_run(NULL, "", "text", out, sizeof out);
	assert_string_equal(out, "");
	xmlFreeDoc(d);
}

static void
test_primary_rtl(void **state)
{
	char p[8];

	(void)state;
	cd_st_lang_primary("en-GB", p, sizeof p);
	assert_string_equal(p, "en");
	cd_st_lang_primary("AR_sa", p, sizeof p);
	assert_string_equal(p, "ar");
	assert_true(cd_st_lang_is_rtl("ar-EG"));
	assert_true(cd_st_lang_is_rtl("he"));
	assert_false(cd_st_lang_is_rtl("en-US"));
	assert_false(cd_st_lang_is_rtl(""));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_script),
		cmocka_unit_test(test_run),
		cmocka_unit_test(test_primary_rtl),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
