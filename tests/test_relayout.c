/*
 * test_relayout.c — the council tree read back from its XML: the same
 * tree (serialized again byte for byte, beyond libxml2's default depth
 * limit), an error naming the XML when it cannot be read, a tree linked
 * out of memory order told from one in order, and every
 * format of cd_emit_all_valid equal to what cd_emit makes from the tree
 * before the relayout.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "cd_internal.h"

static xmlDocPtr
doc_of(const char *xml)
{
	cd_error err;
	xmlDocPtr d = cd_xml_parse("t.xml", xml, strlen(xml), &err);

	assert_non_null(d);
	return d;
}

static char *
serialized(xmlDocPtr d, size_t *len)
{
	char *s = NULL;
	cd_error err;

	assert_int_equal(cd_xml_serialize(d, &s, len, &err), CD_OK);
	return s;
}

/* The tree grown the way the structure stage grows one (nodes added after
 * the document was read), then laid out again: same XML. */
static void
test_same_tree(void **state)
{
	xmlDocPtr d = doc_of("<council xmlns='urn:x'><body><p>a<b>b</b>\tc</p></body></council>");
	xmlNodePtr body = xmlDocGetRootElement(d)->children;
	char *before, *after;
	size_t blen, alen;
	cd_error err;

	(void)state;
	for (int i = 0; i < 50; i++) {
		xmlNodePtr p = xmlNewChild(body, body->ns, BAD_CAST "p", BAD_CAST "text & <more>");

		xmlNewProp(p, BAD_CAST "n", BAD_CAST "1\"2");
		xmlAddPrevSibling(body->children, xmlNewText(BAD_CAST "\n  "));
	}
	before = serialized(d, &blen);
	assert_int_equal(cd_relayout(&d, before, blen, &err), CD_OK);
	assert_non_null(d);
	after = serialized(d, &alen);
	assert_int_equal(alen, blen);
	assert_memory_equal(after, before, blen);
	free(before);
	free(after);
	xmlFreeDoc(d);
}

/* 300 levels: more than libxml2 reads by default (256). */
static void
test_deep_tree(void **state)
{
	xmlDocPtr d = doc_of("<council/>");
	xmlNodePtr n = xmlDocGetRootElement(d);
	char *xml, *again;
	size_t len, alen;
	cd_error err;

	(void)state;
	for (int i = 0; i < 300; i++)
		n = xmlNewChild(n, NULL, BAD_CAST "section", NULL);
	xmlNodeAddContent(n, BAD_CAST "deep");
	xml = serialized(d, &len);
	assert_int_equal(cd_relayout(&d, xml, len, &err), CD_OK);
	again = serialized(d, &alen);
	assert_int_equal(alen, len);
	assert_memory_equal(again, xml, len);
	free(xml);
	free(again);
	xmlFreeDoc(d);
}

static void
test_unreadable(void **state)
{
	static const char bad[] = "<council><p></council>";
	xmlDocPtr d = doc_of("<council/>");
	cd_error err;

	(void)state;
	cd_error_clear(&err);
	assert_int_equal(cd_relayout(&d, bad, sizeof bad - 1, &err), CD_ERR_XML);
	assert_null(d);
	assert_non_null(strstr(err.msg, "council.xml"));
	assert_non_null(strstr(err.msg, "cannot read the council XML back"));
}

/* Paragraphs made one after the other lie in order; the same linked in a
 * shuffled order (each next one about 500 nodes further in memory) make a
 * walk that jumps. */
static void
test_scattered(void **state)
{
	enum { N = 2000 };
	static xmlNodePtr made[N];
	xmlDocPtr in_order = doc_of("<council/>"), shuffled = doc_of("<council/>");
	xmlNodePtr r1 = xmlDocGetRootElement(in_order), r2 = xmlDocGetRootElement(shuffled);

	(void)state;
	for (int i = 0; i < N; i++) {
		xmlNewChild(r1, NULL, BAD_CAST "p", NULL);
		made[i] = xmlNewDocNode(shuffled, NULL, BAD_CAST "p", NULL);
	}
	for (int i = 0; i < N; i++)
		xmlAddChild(r2, made[(i * 997) % N]);
	assert_int_equal(cd_relayout_scattered(in_order), 0);
	assert_int_equal(cd_relayout_scattered(shuffled), 1);
	xmlFreeDoc(in_order);
	xmlFreeDoc(shuffled);
}

/* A report through cd_emit_all_valid (which lays the tree out again) and
 * through cd_emit on a second conversion (which does not): same bytes. */
static void
test_emit_all_valid_same_outputs(void **state)
{
	static const char dump[] = "Report by the Secretary-General\nITU activities\n"
	                           "1\tIntroduction\nSome text.\n1.1\tScope\nMore text.\n";
	static const cd_format fmts[4] = { CD_FMT_XML, CD_FMT_DOCBOOK, CD_FMT_MD, CD_FMT_TXT };
	cd_options o;
	cd_error err;
	cd_engine *eng;
	xmlDocPtr doc, ref;
	char *out[4], *one;
	size_t len[4], n;

	(void)state;
	cd_init();
	cd_options_init(&o);
	eng = cd_engine_new(NULL, &err);
	assert_non_null(eng);
	doc = cd_convert("r.txt", (const unsigned char *)dump, sizeof dump - 1, &o, &err);
	ref = cd_convert("r.txt", (const unsigned char *)dump, sizeof dump - 1, &o, &err);
	assert_non_null(doc);
	assert_non_null(ref);
	assert_int_equal(cd_emit_all_valid(eng, CD_FMT_XML | CD_FMT_DOCBOOK | CD_FMT_MD |
	                                   CD_FMT_TXT, &doc, &o, 2, 1, out, len, NULL, NULL,
	                                   &err), CD_OK);
	for (int i = 0; i < 4; i++) {
		assert_int_equal(cd_emit(eng, fmts[i], ref, &o, &one, &n, &err), CD_OK);
		assert_int_equal(len[i], n);
		assert_memory_equal(out[i], one, n);
		free(one);
		free(out[i]);
	}
	xmlFreeDoc(doc);
	xmlFreeDoc(ref);
	cd_engine_free(eng);
	cd_cleanup();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_tree),
		cmocka_unit_test(test_deep_tree),
		cmocka_unit_test(test_unreadable),
		cmocka_unit_test(test_scattered),
		cmocka_unit_test(test_emit_all_valid_same_outputs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
