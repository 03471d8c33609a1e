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

/* Relays d out; its XML must be the bytes cd_xml_serialize wrote, and
 * the tree read back must serialize to them again. */
static void
relayout_same(xmlDocPtr *d)
{
	char *before, *xml, *again;
	size_t blen, len, alen;
	cd_error err;

	before = serialized(*d, &blen);
	assert_int_equal(cd_relayout(d, &xml, &len, &err), CD_OK);
	assert_non_null(*d);
	assert_int_equal(len, blen);
	assert_memory_equal(xml, before, blen);
	again = serialized(*d, &alen);
	assert_int_equal(alen, blen);
	assert_memory_equal(again, before, blen);
	free(before);
	free(xml);
	free(again);
}

/* The tree grown the way the structure stage grows one (nodes added after
 * the document was read): namespaces with and without prefix, attribute
 * values with quotes, tabs and non-ASCII letters, mixed content, empty
 * elements, comments, containers nested deeper than the piecewise part. */
static void
test_same_tree(void **state)
{
	xmlDocPtr d = doc_of("<?xml version='1.0'?><!-- top --><council xmlns='urn:x' "
	                     "xmlns:pkg='urn:p' xml:lang='fr'><meta><title>T\xc3\xa9</title>"
	                     "</meta><body><section><section><section><section><p>a<b>b</b>\tc"
	                     "</p><p></p><pkg:x pkg:a='&lt;&amp;'/></section></section></section>"
	                     "</section><!-- c --><p>x &amp; y</p></body></council>");
	xmlNodePtr root = xmlDocGetRootElement(d), body = root->children->next;

	(void)state;
	for (int i = 0; i < 50; i++) {
		xmlNodePtr p = xmlNewTextChild(body, body->ns, BAD_CAST "p",
		                                BAD_CAST "text & <more>");

		xmlNewProp(p, BAD_CAST "n", BAD_CAST "1\"2\t\xc3\xa9");
		xmlAddPrevSibling(body->children, xmlNewText(BAD_CAST "\n  "));
	}
	relayout_same(&d);
	xmlFreeDoc(d);
}

/* 300 levels: more than libxml2 reads by default (256). */
static void
test_deep_tree(void **state)
{
	xmlDocPtr d = doc_of("<council/>");
	xmlNodePtr n = xmlDocGetRootElement(d);

	(void)state;
	for (int i = 0; i < 300; i++)
		n = xmlNewChild(n, NULL, BAD_CAST "section", NULL);
	xmlNodeAddContent(n, BAD_CAST "deep");
	relayout_same(&d);
	xmlFreeDoc(d);
}

/* A control character no XML parser takes back: the error names the XML,
 * and nothing is left to free. */
static void
test_unreadable(void **state)
{
	xmlDocPtr d = doc_of("<council><p>x</p></council>");
	char *xml = NULL;
	size_t len = 0;
	cd_error err;

	(void)state;
	xmlNodeSetContent(xmlDocGetRootElement(d)->children, BAD_CAST "a\x01b");
	cd_error_clear(&err);
	assert_int_equal(cd_relayout(&d, &xml, &len, &err), CD_ERR_XML);
	assert_null(d);
	assert_null(xml);
	assert_non_null(strstr(err.msg, "council.xml"));
	assert_non_null(strstr(err.msg, "cannot read the council XML back"));
}

/* Paragraphs made one after the other lie in order; the same linked in a
 * shuffled order (each next one about 5000 nodes away in memory) make a
 * walk that jumps. */
static void
test_scattered(void **state)
{
	enum { N = 10000 };
	static xmlNodePtr made[N];
	xmlDocPtr in_order = doc_of("<council/>"), shuffled = doc_of("<council/>");
	xmlNodePtr r1 = xmlDocGetRootElement(in_order), r2 = xmlDocGetRootElement(shuffled);

	(void)state;
	for (int i = 0; i < N; i++) {
		xmlNewChild(r1, NULL, BAD_CAST "p", NULL);
		made[i] = xmlNewDocNode(shuffled, NULL, BAD_CAST "p", NULL);
	}
	for (int i = 0; i < N; i++)
		xmlAddChild(r2, made[(i * 4999) % N]);
	assert_int_equal(cd_relayout_scattered(in_order), 0);
	assert_int_equal(cd_relayout_scattered(shuffled), 1);
	xmlFreeDoc(in_order);
	xmlFreeDoc(shuffled);
}

/* A report of 9 000 paragraphs, twice: one as converted, one whose
 * paragraphs were copied in a shuffled order (same document, memory out of
 * order). The second goes through the relayout in cd_emit_all_valid; each
 * format must be what cd_emit makes from the first. */
static xmlDocPtr
long_report(const cd_options *o)
{
	cd_buf dump;
	cd_error err;
	xmlDocPtr doc;

	cd_buf_init(&dump);
	cd_buf_adds(&dump, "Report by the Secretary-General\nITU activities\n1\tIntroduction\n");
	for (int i = 0; i < 9000; i++)
		cd_buf_printf(&dump, "Paragraph %d of the report.\n", i);
	doc = cd_convert("r.txt", (const unsigned char *)dump.data, dump.len, o, &err);
	cd_buf_free(&dump);
	assert_non_null(doc);
	return doc;
}

static void
shuffle_paragraphs(xmlDocPtr doc)
{
	xmlNodePtr root = xmlDocGetRootElement(doc), *ps = NULL, *copies;
	size_t n = 0, cap = 0;

	for (xmlNodePtr x = cd_xml_next_in(root, root); x; x = cd_xml_next_in(x, root))
		if (strcmp((const char *)x->name, "p") == 0) {
			if (n == cap) {
				cap = cap ? 2 * cap : 1024;
				ps = realloc(ps, cap * sizeof *ps);
				assert_non_null(ps);
			}
			ps[n++] = x;
		}
	assert_true(n > 8192);
	copies = calloc(n, sizeof *copies);
	assert_non_null(copies);
	/* new elements made in a shuffled order take over each paragraph's
	 * attributes and children */
	for (size_t i = 0; i < n; i++) {
		size_t k = (i * 4999) % n;

		copies[k] = xmlNewDocNode(doc, ps[k]->ns, ps[k]->name, NULL);
		xmlCopyPropList(copies[k], ps[k]->properties);
	}
	for (size_t i = 0; i < n; i++) {
		for (xmlNodePtr c = ps[i]->children, nx; c != NULL; c = nx) {
			nx = c->next;
			xmlUnlinkNode(c);
			xmlAddChild(copies[i], c);
		}
		xmlFreeNode(xmlReplaceNode(ps[i], copies[i]));
	}
	free(ps);
	free(copies);
}

static void
test_emit_all_valid_same_outputs(void **state)
{
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
	doc = long_report(&o);
	ref = long_report(&o);
	shuffle_paragraphs(doc);
	assert_int_equal(cd_relayout_scattered(doc), 1);
	assert_int_equal(cd_relayout_scattered(ref), 0);
	assert_int_equal(cd_emit_all_valid(eng, CD_FMT_XML | CD_FMT_DOCBOOK | CD_FMT_MD |
	                                   CD_FMT_TXT, &doc, &o, 2, 1, out, len, NULL, NULL,
	                                   &err), CD_OK);
	assert_int_equal(cd_relayout_scattered(doc), 0);   /* read back */
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
