/*
 * test_emit.c — cd_emit_all_valid against cd_emit: the validation beside
 * the XML, the stylesheets side by side on one document stripped once,
 * give what each format alone gives.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "cd_internal.h"

/* A report of 300 paragraphs (each call converts it anew). */
static xmlDocPtr
long_report(const cd_options *o)
{
	cd_buf dump;
	cd_error err;
	xmlDocPtr doc;

	cd_buf_init(&dump);
	cd_buf_adds(&dump, "Report by the Secretary-General\nITU activities\n1\tIntroduction\n");
	for (int i = 0; i < 300; i++)
		cd_buf_printf(&dump, "Paragraph %d of the report.\n", i);
	doc = cd_convert("r.txt", (const unsigned char *)dump.data, dump.len, o, &err);
	cd_buf_free(&dump);
	assert_non_null(doc);
	return doc;
}

/* Every format at once (validated, the stylesheets side by side in two
 * threads, the document stripped once before them) is what cd_emit makes
 * of each alone from a second conversion. */
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
	assert_int_equal(cd_emit_all_valid(eng, CD_FMT_XML | CD_FMT_DOCBOOK | CD_FMT_MD |
	                                   CD_FMT_TXT, doc, &o, 2, 1, out, len, NULL, NULL,
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
		cmocka_unit_test(test_emit_all_valid_same_outputs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
