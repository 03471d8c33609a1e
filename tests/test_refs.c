/* test_refs.c — ITU references wrapped in <ref> (pipeline/structure/refs/refs.c). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>

#include "cd_internal.h"

/* counts of <ref> by type in the seed excerpt (checked by hand: Resolutions
 * 101, 102, 133, 180, 206, 102 and the list "Resolutions 101, ... and 206";
 * Recommendations Q.5004, Q.5025, Q.5005; "ITU-T SGs 11, 13 and 17", "SG13",
 * "SGs 12 and 17", "SGs 13 and 17", "ITU-T SG11") */
#define SEED_RES 7
#define SEED_DEC 0
#define SEED_REC 3
#define SEED_DOC 0
#define SEED_SG 5
#define SEED_Q 0
#ifndef SEED
/* the seed report's excerpt kept with the golden tests (run from the
 * project root, as make test does) */
#define SEED "tests/golden/seed-excerpt.dump"
#endif

/* Parses xml, marks references, returns the serialized first child of the
 * root (caller frees with free()); checks the text did not change. */
static char *
mark(const char *xml)
{
	xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), "t.xml", NULL, XML_PARSE_NONET);
	xmlNodePtr root;
	xmlChar *before, *after;
	xmlBufferPtr buf = xmlBufferCreate();
	char *out;

	assert_non_null(doc);
	root = xmlDocGetRootElement(doc);
	before = xmlNodeGetContent(root);
	cd_refs_mark(root);
	after = xmlNodeGetContent(root);
	assert_string_equal((const char *)before, (const char *)after);
	xmlNodeDump(buf, doc, cd_xml_first_elem(root), 0, 0);
	out = strdup((const char *)xmlBufferContent(buf));
	xmlFree(before);
	xmlFree(after);
	xmlBufferFree(buf);
	xmlFreeDoc(doc);
	return out;
}

/* Wraps text in <council><p>...</p></council> and checks the marked <p>. */
static void
check(const char *text, const char *want)
{
	char xml[2048], exp[2048];
	char *got;

	snprintf(xml, sizeof xml, "<council xmlns='urn:councildoc:1'><p>%s</p></council>", text);
	snprintf(exp, sizeof exp, "<p>%s</p>", want);
	got = mark(xml);
	assert_string_equal(got, exp);
	free(got);
}

/* The text must come out without any <ref>. */
static void
none(const char *text)
{
	check(text, text);
}

static void
test_resolutions(void **state)
{
	(void)state;
	check("see Resolution 101 (Rev. Bucharest, 2022), on IP",
	      "see <ref type=\"resolution\" conf=\"pp\" num=\"101\" rev=\"yes\" place=\"Bucharest\" year=\"2022\">"
	      "Resolution 101 (Rev. Bucharest, 2022)</ref>, on IP");
	check("Res. 102 (Dubai, 2018)",
	      "<ref type=\"resolution\" conf=\"pp\" num=\"102\" place=\"Dubai\" year=\"2018\">Res. 102 (Dubai, 2018)</ref>");
	check("and Council Resolution 1332 (Modified 2019).",
	      "and <ref type=\"resolution\" conf=\"council\" num=\"1332\" rev=\"yes\" year=\"2019\">"
	      "Council Resolution 1332 (Modified 2019)</ref>.");
	check("Decision 5 (Rev. Dubai, 2018)",
	      "<ref type=\"decision\" conf=\"pp\" num=\"5\" rev=\"yes\" place=\"Dubai\" year=\"2018\">Decision 5 (Rev. Dubai, 2018)</ref>");
	check("Resolution 180 (Rev. Bucharest, 202), x",
	      "<ref type=\"resolution\" conf=\"pp\" num=\"180\" rev=\"yes\" place=\"Bucharest\">"
	      "Resolution 180 (Rev. Bucharest, 202)</ref>, x");
	check("Resolution 140", "<ref type=\"resolution\" num=\"140\">Resolution 140</ref>");
	check("Resolutions 101, 102, 133, 180 and 206",
	      "<ref type=\"resolution\" num=\"101 102 133 180 206\">Resolutions 101, 102, 133, 180 and 206</ref>");
	check("Resolution\xC2\xA0" "102 (Rev.\xC2\xA0" "Bucharest, 2022)",
	      "<ref type=\"resolution\" conf=\"pp\" num=\"102\" rev=\"yes\" place=\"Bucharest\" year=\"2022\">"
	      "Resolution\xC2\xA0" "102 (Rev.\xC2\xA0" "Bucharest, 2022)</ref>");
	check("WTSA-20 Resolution 64", "<ref type=\"resolution\" conf=\"wtsa\" num=\"64\">WTSA-20 Resolution 64</ref>");
	check("Résolution 101 (Rév. Bucarest, 2022)",
	      "<ref type=\"resolution\" conf=\"pp\" num=\"101\" rev=\"yes\" place=\"Bucarest\" year=\"2022\">"
	      "Résolution 101 (Rév. Bucarest, 2022)</ref>");
	check("Resolutions ITU-R 65 “Principles”",
	      "<ref type=\"resolution\" sector=\"R\" num=\"65\">Resolutions ITU-R 65</ref> “Principles”");
	check("Resolution 5 (see below)", "<ref type=\"resolution\" num=\"5\">Resolution 5</ref> (see below)");
	none("the resolution of the screen");
	none("Resolution of the Council");
	none("Resolution 12345");
	none("NoResolution 5");
}

static void
test_recommendations(void **state)
{
	(void)state;
	check("Recommendation ITU-T Y.3537 “Cloud”",
	      "<ref type=\"recommendation\" sector=\"T\" series=\"Y\" num=\"3537\">Recommendation ITU-T Y.3537</ref> “Cloud”");
	check("ITU-T Y.1540 Amd.2 “IP”",
	      "<ref type=\"recommendation\" sector=\"T\" series=\"Y\" num=\"1540\" amd=\"2\">ITU-T Y.1540 Amd.2</ref> “IP”");
	check("agreed ITU-T Y.Suppl.59 (revised)",
	      "agreed <ref type=\"recommendation\" sector=\"T\" series=\"Y\" suppl=\"59\">ITU-T Y.Suppl.59</ref> (revised)");
	check("Recommendation ITU-R M.2083-0 “IMT”",
	      "<ref type=\"recommendation\" sector=\"R\" series=\"M\" num=\"2083-0\">Recommendation ITU-R M.2083-0</ref> “IMT”");
	check("on ITU-T Y.4480. The",
	      "on <ref type=\"recommendation\" sector=\"T\" series=\"Y\" num=\"4480\">ITU-T Y.4480</ref>. The");
	check("ITU-T H.225.0 (V8)",
	      "<ref type=\"recommendation\" sector=\"T\" series=\"H\" num=\"225.0\">ITU-T H.225.0</ref> (V8)");
	check("Recommendations ITU-T Q.5004 “A”; ITU-T Q.5005",
	      "Recommendations <ref type=\"recommendation\" sector=\"T\" series=\"Q\" num=\"5004\">ITU-T Q.5004</ref> “A”; "
	      "<ref type=\"recommendation\" sector=\"T\" series=\"Q\" num=\"5005\">ITU-T Q.5005</ref>");
	none("Y.3537 alone");
	none("ITU-T Y.dec-IoT-arch");
	none("ITU-T Recommendations");
	none("ITU-Tx Y.3537");
}

static void
test_documents(void **state)
{
	(void)state;
	check("is presented as Document C23/35.",
	      "is presented as <ref type=\"document\" num=\"C23/35\">Document C23/35</ref>.");
	check("see C23/35(Rev.1) and C22/58",
	      "see <ref type=\"document\" num=\"C23/35\" rev=\"1\">C23/35(Rev.1)</ref> and "
	      "<ref type=\"document\" num=\"C22/58\">C22/58</ref>");
	check("(C23/35-E)", "(<ref type=\"document\" num=\"C23/35\">C23/35-E</ref>)");
	check("CWG-Internet-18/3", "<ref type=\"document\" num=\"CWG-Internet-18/3\">CWG-Internet-18/3</ref>");
	none("C23 and 35/36");
	none("AC23/35");
	none("C23/");
}

static void
test_study_groups(void **state)
{
	(void)state;
	check("ITU-T SG13 approved",
	      "<ref type=\"study-group\" sector=\"T\" num=\"13\">ITU-T SG13</ref> approved");
	check("ITU-D SG1 Q3/1 works",
	      "<ref type=\"study-group\" sector=\"D\" num=\"1\" question=\"3/1\">ITU-D SG1 Q3/1</ref> works");
	check("ITU-T Study Group 17", "<ref type=\"study-group\" sector=\"T\" num=\"17\">ITU-T Study Group 17</ref>");
	check("by SGs 17 and 20,", "by <ref type=\"study-group\" num=\"17 20\">SGs 17 and 20</ref>,");
	check("by SG 3", "by <ref type=\"study-group\" num=\"3\">SG 3</ref>");
	check("New Q1/1 is", "New <ref type=\"question\" num=\"1/1\">Q1/1</ref> is");
	none("SG alone");
	none("SGX 13");
	none("the SG's work");
	none("ITU-T Study Groups (SGs).");
}

static void
test_tree(void **state)
{
	char *got;

	(void)state;
	got = mark("<council xmlns='urn:councildoc:1'><section><title>On Resolution 1</title>"
	           "<p>A <b>Resolution 2</b> <link href='x'>Resolution 3</link> "
	           "<note id='fn1' label='1' kind='footnote'><p>Resolution 4</p></note>"
	           "<ref type='x'>Resolution 5</ref></p></section></council>");
	assert_string_equal(got,
		"<section><title>On <ref type=\"resolution\" num=\"1\">Resolution 1</ref></title>"
		"<p>A <b><ref type=\"resolution\" num=\"2\">Resolution 2</ref></b> <link href=\"x\">Resolution 3</link> "
		"<note id=\"fn1\" label=\"1\" kind=\"footnote\"><p><ref type=\"resolution\" num=\"4\">Resolution 4</ref></p></note>"
		"<ref type=\"x\">Resolution 5</ref></p></section>");
	free(got);
	got = mark("<council xmlns='urn:councildoc:1'><meta><title>Resolution 1</title></meta>"
	           "<p>x &amp; SG13 &lt; y</p></council>");
	assert_string_equal(got, "<meta><title>Resolution 1</title></meta>");
	free(got);
	cd_refs_mark(NULL);
}

/* Counts the <ref> of each type in the seed dump, one <p> per line. */
static void
test_seed(void **state)
{
	static const char *const types[] = {"resolution", "decision", "recommendation",
		"document", "study-group", "question"};
	static const int want[] = {SEED_RES, SEED_DEC, SEED_REC, SEED_DOC, SEED_SG, SEED_Q};
	int count[6] = {0};
	FILE *f = fopen(SEED, "r");
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr root = xmlNewDocNode(doc, NULL, BAD_CAST "council", NULL);
	xmlNsPtr ns = xmlNewNs(root, BAD_CAST CD_NS, NULL);
	xmlChar *before, *after;
	char line[8192];

	(void)state;
	assert_non_null(f);
	xmlSetNs(root, ns);
	xmlDocSetRootElement(doc, root);
	while (fgets(line, sizeof line, f) != NULL) {
		xmlNodePtr p = xmlNewDocNode(doc, ns, BAD_CAST "p", NULL);

		xmlNodeAddContent(p, BAD_CAST line);
		xmlAddChild(root, p);
	}
	fclose(f);
	before = xmlNodeGetContent(root);
	cd_refs_mark(root);
	after = xmlNodeGetContent(root);
	assert_string_equal((const char *)before, (const char *)after);
	for (xmlNodePtr p = root->children; p != NULL; p = p->next)
		for (xmlNodePtr r = p->children; r != NULL; r = r->next) {
			xmlChar *t = cd_xml_is(r, CD_NS, "ref") ? xmlGetProp(r, BAD_CAST "type") : NULL;

			for (int k = 0; t != NULL && k < 6; k++)
				count[k] += strcmp((const char *)t, types[k]) == 0;
			xmlFree(t);
		}
	for (int k = 0; k < 6; k++) {
		print_message("seed: %d %s\n", count[k], types[k]);
		assert_int_equal(count[k], want[k]);
	}
	xmlFree(before);
	xmlFree(after);
	xmlFreeDoc(doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_resolutions),
		cmocka_unit_test(test_recommendations),
		cmocka_unit_test(test_documents),
		cmocka_unit_test(test_study_groups),
		cmocka_unit_test(test_tree),
		cmocka_unit_test(test_seed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
