/*
 * test_lib.c — the library as another program embeds it: cd_init and
 * cd_cleanup pair up and may repeat, the host's libxml2 error handler and
 * parser defaults come back after the last cd_cleanup, and a conversion
 * works in each round.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <libxml/parser.h>

#include "councildoc.h"

static int host_calls;

static void
host_handler(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
	host_calls++;
}

/* A text dump (no zip needed) through the whole chain and the Markdown
 * stylesheet. */
static void
convert_once(void)
{
	static const char dump[] = "Report by the Secretary-General\nITU activities\n1\tIntroduction\nSome text.\n";
	cd_options o;
	cd_error err;
	cd_engine *eng;
	xmlDocPtr doc;
	char *out = NULL;
	size_t len = 0;

	cd_options_init(&o);
	cd_error_clear(&err);
	doc = cd_convert("report.txt", (const unsigned char *)dump, sizeof dump - 1, &o, &err);
	assert_non_null(doc);
	eng = cd_engine_new(NULL, &err);
	assert_non_null(eng);
	assert_int_equal(cd_emit(eng, CD_FMT_MD, doc, &o, &out, &len, &err), CD_OK);
	assert_non_null(strstr(out, "## 1 Introduction"));
	free(out);
	cd_engine_free(eng);
	xmlFreeDoc(doc);
}

static void
test_init_cleanup_repeat(void **state)
{
	(void)state;
	xmlSetGenericErrorFunc(NULL, host_handler);
	xmlSubstituteEntitiesDefault(1);
	for (int round = 0; round < 2; round++) {
		cd_init();
		cd_init();   /* nested: one more user */
		convert_once();
		cd_cleanup();
		convert_once();   /* still set up: one user left */
		cd_cleanup();
		/* the host's settings are back */
		assert_ptr_equal(xmlGenericError, host_handler);
		assert_int_equal(xmlSubstituteEntitiesDefault(1), 1);
	}
	cd_cleanup();   /* unpaired: nothing happens */
	assert_ptr_equal(xmlGenericError, host_handler);
	xmlSubstituteEntitiesDefault(0);
	xmlSetGenericErrorFunc(NULL, NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init_cleanup_repeat),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
