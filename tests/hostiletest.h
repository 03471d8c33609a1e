/*
 * hostiletest.h — what test_hostile.c (package and zip cases) and
 * test_hostile_xml.c (XML, entity, nesting and cost cases) share: a
 * minimal package, timing, and the checks that an input is refused with
 * one clean line or read without anything of the file system in it.
 * Include after <cmocka.h>. Functions are static inline so that a file
 * using only some of them compiles without warnings.
 */
#ifndef HOSTILETEST_H
#define HOSTILETEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/tree.h>

#include "cdtest.h"

#define W_T "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define R_T "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define REL_NS "http://schemas.openxmlformats.org/package/2006/relationships"
#define MAX_SECONDS 5.0 /* per call, under ASan: "fast" */

static const char ct_xml[] =
	"<Types xmlns='http://schemas.openxmlformats.org/package/2006/content-types'>"
	"<Override PartName='/word/document.xml' ContentType='application/"
	"vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'/></Types>";
static const char pkg_rels[] =
	"<Relationships xmlns='" REL_NS "'><Relationship Id='rId1' Type='" R_T
	"/officeDocument' Target='word/document.xml'/></Relationships>";
static const char doc_xml[] =
	"<w:document xmlns:w='" W_T "'><w:body><w:p><w:r><w:t>Hello</w:t></w:r></w:p>"
	"</w:body></w:document>";

/* The entries of a minimal package whose main part is doc. */
#define MIN_PKG(doc) { { "[Content_Types].xml", ct_xml, 0, 0 }, \
	{ "_rels/.rels", pkg_rels, 0, 0 }, { "word/document.xml", (doc), 0, 0 } }

/* Seconds since some fixed point. */
static inline double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The message is one non-empty line, with no bytes of /etc/passwd. */
static inline void
check_msg(const cd_error *err)
{
	assert_true(err->msg[0] != '\0');
	assert_null(strchr(err->msg, '\n'));
	assert_null(strchr(err->msg, '\r'));
	assert_null(strstr(err->msg, "root:"));
}

/* cd_read and cd_convert both refuse data with code (one of the
 * codes when code is an ANY() mask) and a message containing what; both
 * are fast. */
#define ANY(a, b) ((cd_status)(0x100 | (1 << (a)) | (1 << (b))))

static inline int
code_ok(cd_status got, cd_status want)
{
	if ((int)want & 0x100)
		return ((int)want >> (int)got) & 1;
	return got == want;
}

static inline void
expect_refused(const unsigned char *data, size_t len, const cd_options *o,
               cd_status code, const char *what)
{
	cd_error err;
	xmlDocPtr d;
	double t;

	for (int pass = 0; pass < 2; pass++) {
		cd_error_clear(&err);
		t = now();
		d = pass ? cd_convert("t.docx", data, len, o, &err)
		         : cd_read("t.docx", data, len, o, &err);
		t = now() - t;
		if (d != NULL || !code_ok(err.code, code) || strstr(err.msg, what) == NULL)
			print_error("pass %d: code %d msg '%s' (wanted %d '%s')\n",
			            pass, (int)err.code, err.msg, (int)code, what);
		assert_null(d);
		assert_true(code_ok(err.code, code));
		assert_non_null(strstr(err.msg, what));
		check_msg(&err);
		assert_true(t < MAX_SECONDS);
	}
}

static inline void
expect_zip_refused(const t_entry *e, size_t n, const cd_options *o,
                   cd_status code, const char *what)
{
	size_t len;
	unsigned char *z = t_zip(e, n, &len);

	expect_refused(z, len, o, code, what);
	free(z);
}

/* Serialized pkg (caller frees with free()). */
static inline char *
dump(xmlDocPtr doc)
{
	char *out = NULL;
	size_t len = 0;
	cd_error err;

	assert_int_equal(cd_xml_serialize(doc, &out, &len, &err), CD_OK);
	return out;
}

/* A distinctive line of /etc/passwd ("root:x:0:0:..."), or "root:". */
static inline void
passwd_marker(char *buf, size_t n)
{
	FILE *f = fopen("/etc/passwd", "r");

	snprintf(buf, n, "root:");
	if (f != NULL) {
		if (fgets(buf, (int)n, f) == NULL)
			snprintf(buf, n, "root:");
		buf[strcspn(buf, "\n")] = '\0';
		fclose(f);
	}
}

/* cd_read and cd_convert accept the zip; nothing of /etc/passwd appears
 * in either result. Returns the package document (caller: xmlFreeDoc). */
static inline xmlDocPtr
expect_read_clean(const t_entry *e, size_t n)
{
	char marker[256];
	size_t len;
	unsigned char *z = t_zip(e, n, &len);
	cd_error err;
	xmlDocPtr pkg, council;
	char *s;

	passwd_marker(marker, sizeof marker);
	cd_error_clear(&err);
	pkg = cd_read("t.docx", z, len, NULL, &err);
	if (pkg == NULL)
		print_error("cd_read: %s\n", err.msg);
	assert_non_null(pkg);
	s = dump(pkg);
	assert_null(strstr(s, marker));
	assert_null(strstr(s, "/bin/"));
	free(s);
	council = cd_convert("t.docx", z, len, NULL, &err);
	if (council != NULL) {
		s = dump(council);
		assert_null(strstr(s, marker));
		free(s);
		xmlFreeDoc(council);
	} else {
		check_msg(&err);
	}
	free(z);
	return pkg;
}

/* A buffer of n copies of c with head and tail around it (caller frees). */
static inline char *
padded(const char *head, char c, size_t n, const char *tail)
{
	size_t h = strlen(head), t = strlen(tail);
	char *s = malloc(h + n + t + 1);

	assert_non_null(s);
	memcpy(s, head, h);
	memset(s + h, c, n);
	memcpy(s + h + n, tail, t + 1);
	return s;
}

#endif
