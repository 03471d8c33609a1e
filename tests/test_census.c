/*
 * test_census.c — cd_census_take / cd_census_has / cd_census_any, and
 * cd_flat_collect_names (the helpers that let flatten and clean skip
 * passes with nothing to do).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "cd_internal.h"
#include "stages.h"

#define W "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" " \
	"xmlns:m=\"http://schemas.openxmlformats.org/officeDocument/2006/math\" " \
	"xmlns:x=\"urn:example:other\""

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
census_sees_nested_names(void **state)
{
	xmlDocPtr d = parse("<w:body " W "><w:p><w:r><w:rPr><w:vanish/></w:rPr>"
	                    "<w:t>x</w:t></w:r><w:tbl><w:tr><w:tc><w:p><m:oMath/>"
	                    "</w:p></w:tc></w:tr></w:tbl></w:p></w:body>");
	cd_census c;

	(void)state;
	cd_census_take(xmlDocGetRootElement(d), &c);
	assert_true(cd_census_has(&c, "vanish"));
	assert_true(cd_census_has(&c, "oMath"));
	assert_false(cd_census_has(&c, "oMathPara"));
	assert_false(cd_census_has(&c, "txbxContent"));
	assert_false(cd_census_has(&c, "AlternateContent"));
	assert_false(cd_census_has(&c, "fldChar"));
	cd_census_free(&c);
	xmlFreeDoc(d);
}

static void
census_is_conservative(void **state)
{
	/* names in another namespace count; untracked names always "may occur" */
	xmlDocPtr d = parse("<w:body " W "><x:fldSimple/></w:body>");
	static const char *const none[] = { "sdt", "del", NULL };
	static const char *const some[] = { "del", "fldSimple", NULL };
	cd_census c;

	(void)state;
	cd_census_take(xmlDocGetRootElement(d), &c);
	assert_true(cd_census_has(&c, "fldSimple"));
	assert_true(cd_census_has(&c, "p"));          /* not tracked */
	assert_true(cd_census_has(&c, "noSuchName")); /* not tracked */
	assert_false(cd_census_any(&c, none));
	assert_true(cd_census_any(&c, some));
	cd_census_free(&c);
	xmlFreeDoc(d);
}

static void
census_excludes_root(void **state)
{
	xmlDocPtr d = parse("<w:sdt " W "><w:p/></w:sdt>");
	cd_census c;

	(void)state;
	cd_census_take(xmlDocGetRootElement(d), &c);
	assert_false(cd_census_has(&c, "sdt"));
	cd_census_free(&c);
	cd_census_take(NULL, &c);
	assert_false(cd_census_has(&c, "del"));
	cd_census_free(&c);
	xmlFreeDoc(d);
}

static void
collect_names_in_order(void **state)
{
	xmlDocPtr d = parse("<w:body " W "><w:bookmarkStart w:name=\"a\"/><w:p>"
	                    "<w:hyperlink w:anchor=\"a\"><w:r/></w:hyperlink>"
	                    "<x:hyperlink/><w:bookmarkEnd/></w:p></w:body>");
	static const char *const names[] = { "hyperlink", "bookmarkStart", "bookmarkEnd", NULL };
	cd_flat_list l = { 0 };

	(void)state;
	cd_flat_collect_names(xmlDocGetRootElement(d), CD_W_NS, names, &l);
	assert_int_equal(l.n, 3);
	assert_string_equal((const char *)l.v[0]->name, "bookmarkStart");
	assert_string_equal((const char *)l.v[1]->name, "hyperlink");
	assert_string_equal((const char *)l.v[2]->name, "bookmarkEnd");
	cd_flat_list_free(&l);
	/* any namespace: the x:hyperlink too */
	cd_flat_collect_names(xmlDocGetRootElement(d), NULL, names, &l);
	assert_int_equal(l.n, 4);
	assert_string_equal((const char *)l.v[2]->ns->href, "urn:example:other");
	cd_flat_list_free(&l);
	xmlFreeDoc(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(census_sees_nested_names),
		cmocka_unit_test(census_is_conservative),
		cmocka_unit_test(census_excludes_root),
		cmocka_unit_test(collect_names_in_order),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
