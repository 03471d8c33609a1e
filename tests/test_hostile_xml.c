/*
 * test_hostile_xml.c — hostile XML inside a package built in memory at
 * test time: entity bombs, XXE, deep nesting, bad UTF-8, and cost bounds
 * (lookups that must not be quadratic). Every case must be refused (or
 * the hostile bit ignored) quickly, with one clean line naming the
 * problem. The package and zip cases are in test_hostile.c.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "hostiletest.h"

/* ---- XML attacks ---- */

static const char laughs[] =
	"<?xml version='1.0'?>\n"
	"<!DOCTYPE w:document [\n"
	" <!ENTITY a 'lollollollollollollollollollol'>\n"
	" <!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'>\n"
	" <!ENTITY c '&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;'>\n"
	" <!ENTITY d '&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;'>\n"
	" <!ENTITY e '&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;'>\n"
	" <!ENTITY f '&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;'>\n"
	" <!ENTITY g '&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;'>\n"
	" <!ENTITY h '&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;'>\n"
	" <!ENTITY i '&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;'>\n"
	"]>\n"
	"<w:document xmlns:w='" W_T "'><w:body><w:p><w:r><w:t>&i;</w:t></w:r></w:p>"
	"</w:body></w:document>";

static void
test_billion_laughs(void **state)
{
	t_entry e[] = MIN_PKG(laughs);
	cd_error err;
	xmlDocPtr d;

	(void)state;
	expect_zip_refused(e, 3, NULL, ANY(CD_ERR_LIMIT, CD_ERR_FORMAT), "word/document.xml");
	/* the filters' stdin parser too */
	cd_error_clear(&err);
	d = cd_xml_parse("stdin", laughs, strlen(laughs), &err);
	assert_null(d);
	assert_true(err.code == CD_ERR_FORMAT || err.code == CD_ERR_LIMIT);
	assert_non_null(strstr(err.msg, "stdin"));
	check_msg(&err);
}

static const char xxe[] =
	"<?xml version='1.0'?>\n"
	"<!DOCTYPE w:document [ <!ENTITY x SYSTEM 'file:///etc/passwd'> ]>\n"
	"<w:document xmlns:w='" W_T "'><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p>"
	"</w:body></w:document>";

static void
test_xxe(void **state)
{
	t_entry e[] = MIN_PKG(xxe);

	(void)state;
	expect_zip_refused(e, 3, NULL, ANY(CD_ERR_LIMIT, CD_ERR_FORMAT), "word/document.xml");
}

/* XXE in an optional part: the part is dropped, the document still reads,
 * nothing of /etc/passwd anywhere. */
static void
test_xxe_in_props(void **state)
{
	static const char rels[] =
		"<Relationships xmlns='" REL_NS "'>"
		"<Relationship Id='rId1' Type='" R_T "/officeDocument' Target='word/document.xml'/>"
		"<Relationship Id='rId2' Type='http://schemas.openxmlformats.org/package/2006/"
		"relationships/metadata/core-properties' Target='docProps/core.xml'/>"
		"</Relationships>";
	static const char core[] =
		"<?xml version='1.0'?>\n"
		"<!DOCTYPE cp:coreProperties [ <!ENTITY x SYSTEM 'file:///etc/passwd'> ]>\n"
		"<cp:coreProperties xmlns:cp='http://schemas.openxmlformats.org/package/2006/"
		"metadata/core-properties' xmlns:dc='http://purl.org/dc/elements/1.1/'>"
		"<dc:title>&x;</dc:title></cp:coreProperties>";
	t_entry e[] = { { "[Content_Types].xml", ct_xml, 0, 0 },
	                { "_rels/.rels", rels, 0, 0 },
	                { "word/document.xml", doc_xml, 0, 0 },
	                { "docProps/core.xml", core, 0, 0 } };
	xmlDocPtr pkg;

	(void)state;
	pkg = expect_read_clean(e, 4);
	assert_null(cd_pkg_part(pkg, "core"));
	xmlFreeDoc(pkg);
}

static void
test_deep_nesting(void **state)
{
	size_t depth = 100000, n = 0;
	const char *head = "<w:document xmlns:w='" W_T "'><w:body>\n";
	char *doc = malloc(strlen(head) + depth * 16 + 64);
	t_entry e[] = MIN_PKG(NULL);
	cd_error err;
	xmlDocPtr d;

	(void)state;
	assert_non_null(doc);
	n = (size_t)sprintf(doc, "%s", head);
	for (size_t i = 0; i < depth; i++)
		n += (size_t)sprintf(doc + n, "<w:sdt>");
	for (size_t i = 0; i < depth; i++)
		n += (size_t)sprintf(doc + n, "</w:sdt>");
	sprintf(doc + n, "</w:body></w:document>");
	e[2].data = doc;
	/* the error names part:line */
	expect_zip_refused(e, 3, NULL, CD_ERR_LIMIT, "word/document.xml:2: ");
	cd_error_clear(&err);
	d = cd_xml_parse("stdin", doc, strlen(doc), &err);
	assert_null(d);
	assert_non_null(strstr(err.msg, "stdin:2: "));
	check_msg(&err);
	free(doc);
}

/* Nesting just under the parser's bound goes through the whole chain
 * without overflowing any stage's stack. */
static void
test_deep_but_legal(void **state)
{
	size_t depth = 240, n;
	char *doc = malloc(depth * 40 + 256);
	t_entry e[] = MIN_PKG(NULL);
	xmlDocPtr pkg;

	(void)state;
	assert_non_null(doc);
	n = (size_t)sprintf(doc, "<w:document xmlns:w='" W_T "'><w:body>");
	for (size_t i = 0; i < depth / 3; i++)
		n += (size_t)sprintf(doc + n, "<w:sdt><w:sdtContent><w:tbl>");
	n += (size_t)sprintf(doc + n, "<w:p><w:r><w:t>x</w:t></w:r></w:p>");
	for (size_t i = 0; i < depth / 3; i++)
		n += (size_t)sprintf(doc + n, "</w:tbl></w:sdtContent></w:sdt>");
	sprintf(doc + n, "</w:body></w:document>");
	e[2].data = doc;
	pkg = expect_read_clean(e, 3);
	xmlFreeDoc(pkg);
	free(doc);
}

static void
test_bad_utf8(void **state)
{
	static const char bad[] =
		"<?xml version='1.0' encoding='UTF-8'?>\n"
		"<w:document xmlns:w='" W_T "'><w:body>\n"
		"<w:p><w:r><w:t>caf\xc3\x28 \xff\xfe</w:t></w:r></w:p>\n"
		"</w:body></w:document>";
	t_entry e[] = MIN_PKG(bad);

	(void)state;
	expect_zip_refused(e, 3, NULL, CD_ERR_XML, "word/document.xml:3: ");
}

/* ---- cost bounds: lookups must not be quadratic ---- */

/* rels: n relationships (rIdK → TYPE/headerK.xml when type is set, else
 * external hyperlinks). Caller frees. */
static char *
many_rels(size_t n, const char *type)
{
	cd_buf b;

	cd_buf_init(&b);
	cd_buf_adds(&b, "<Relationships xmlns='" REL_NS "'>");
	for (size_t i = 0; i < n; i++)
		if (type != NULL)
			cd_buf_printf(&b, "<Relationship Id='rId%zu' Type='" R_T "/%s' "
			              "Target='%s%zu.xml'/>", i, type, type, i);
		else
			cd_buf_printf(&b, "<Relationship Id='rId%zu' Type='" R_T "/hyperlink' "
			              "Target='http://x/%zu' TargetMode='External'/>", i, i);
	cd_buf_adds(&b, "</Relationships>");
	assert_false(b.failed);
	return cd_buf_take(&b, NULL);
}

/* 1500 header parts: refused at the part bound, quickly. */
static void
test_many_parts(void **state)
{
	size_t n = 1500, ne = 0;
	char *drels = many_rels(n, "header");
	t_entry *e = calloc(n + 4, sizeof *e);
	static const char hdr[] = "<w:hdr xmlns:w='" W_T "'><w:p/></w:hdr>";
	char (*names)[32] = calloc(n, sizeof *names);

	(void)state;
	assert_non_null(e);
	assert_non_null(names);
	e[ne++] = (t_entry){ "[Content_Types].xml", ct_xml, 0, 0 };
	e[ne++] = (t_entry){ "_rels/.rels", pkg_rels, 0, 0 };
	e[ne++] = (t_entry){ "word/document.xml", doc_xml, 0, 0 };
	e[ne++] = (t_entry){ "word/_rels/document.xml.rels", drels, 0, 0 };
	for (size_t i = 0; i < n; i++) {
		snprintf(names[i], sizeof names[i], "word/header%zu.xml", i);
		e[ne++] = (t_entry){ names[i], hdr, 0, 0 };
	}
	expect_zip_refused(e, ne, NULL, CD_ERR_LIMIT, "too many parts");
	free(names);
	free(e);
	free(drels);
}

/* 40000 hyperlinks against 40000 relationships: read in well under the
 * time a linear lookup per r:id would take (8e8 comparisons). */
static void
test_many_links(void **state)
{
	size_t n = 40000;
	char *drels = many_rels(n, NULL);
	cd_buf b;
	char *doc;
	t_entry e[] = { { "[Content_Types].xml", ct_xml, 0, 0 },
	                { "_rels/.rels", pkg_rels, 0, 0 },
	                { "word/document.xml", NULL, 0, 0 },
	                { "word/_rels/document.xml.rels", drels, 0, 0 } };
	size_t len;
	unsigned char *z;
	cd_error err;
	xmlDocPtr pkg;
	double t;

	(void)state;
	cd_buf_init(&b);
	cd_buf_adds(&b, "<w:document xmlns:w='" W_T "' xmlns:r='" R_T "'><w:body><w:p>");
	for (size_t i = 0; i < n; i++)
		cd_buf_printf(&b, "<w:hyperlink r:id='rId%zu'/>", n - 1 - i);
	cd_buf_adds(&b, "</w:p></w:body></w:document>");
	assert_false(b.failed);
	doc = cd_buf_take(&b, NULL);
	e[2].data = doc;
	z = t_zip(e, 4, &len);
	t = (double)clock();
	pkg = cd_read("t.docx", z, len, NULL, &err);
	t = ((double)clock() - t) / CLOCKS_PER_SEC;   /* CPU seconds */
	assert_non_null(pkg);
	assert_true(t < 4.0);
	xmlFreeDoc(pkg);
	free(z);
	free(doc);
	free(drels);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_billion_laughs),
		cmocka_unit_test(test_xxe),
		cmocka_unit_test(test_xxe_in_props),
		cmocka_unit_test(test_deep_nesting),
		cmocka_unit_test(test_deep_but_legal),
		cmocka_unit_test(test_bad_utf8),
		cmocka_unit_test(test_many_parts),
		cmocka_unit_test(test_many_links),
	};
	int rc;

	cd_init();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	cd_cleanup();
	return rc;
}
