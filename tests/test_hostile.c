/*
 * test_hostile.c — hostile and wrong packages, each built in memory at
 * test time (zip bombs, relationship and zip slip escapes, symlinks,
 * duplicates, truncated and corrupt zips, legacy and foreign formats).
 * Every case must be refused (or the hostile bit ignored) quickly, with
 * one clean line naming the problem, and without reading anything from
 * disk. The XML cases are in test_hostile_xml.c. See doc/hostile.md.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sys/stat.h>
#include <unistd.h>

#include "hostiletest.h"

/* ---- zip bombs ---- */

/* A document part of n spaces (caller frees with free()). */
static char *
big_doc(size_t n)
{
	return padded("<w:document xmlns:w='" W_T "'><w:body>", ' ', n, "</w:body></w:document>");
}

/* A minimal package whose document part is n spaces is refused under o
 * with CD_ERR_LIMIT and a message containing what. */
static void
expect_big_refused(size_t n, const cd_options *o, const char *what)
{
	char *big = big_doc(n);
	t_entry e[] = MIN_PKG(big);

	expect_zip_refused(e, 3, o, CD_ERR_LIMIT, what);
	free(big);
}

static void
test_bomb_part(void **state)
{
	cd_options o;

	(void)state;
	cd_options_init(&o);
	o.max_part_size = 1u << 20;
	expect_big_refused(3u << 20, &o, "word/document.xml: part too large");
}

static void
test_bomb_total(void **state)
{
	static const char drels[] =
		"<Relationships xmlns='" REL_NS "'>"
		"<Relationship Id='rId1' Type='" R_T "/styles' Target='styles.xml'/>"
		"<Relationship Id='rId2' Type='" R_T "/numbering' Target='numbering.xml'/>"
		"</Relationships>";
	char *doc = padded("<w:document xmlns:w='" W_T "'><w:body><w:p/>", ' ', 700u << 10,
	                   "</w:body></w:document>");
	char *sty = padded("<w:styles xmlns:w='" W_T "'>", ' ', 700u << 10, "</w:styles>");
	char *num = padded("<w:numbering xmlns:w='" W_T "'>", ' ', 700u << 10,
	                   "</w:numbering>");
	t_entry e[] = { { "[Content_Types].xml", ct_xml, 0, 0 },
	                { "_rels/.rels", pkg_rels, 0, 0 },
	                { "word/document.xml", doc, 0, 0 },
	                { "word/_rels/document.xml.rels", drels, 0, 0 },
	                { "word/styles.xml", sty, 0, 0 },
	                { "word/numbering.xml", num, 0, 0 } };
	cd_options o;

	(void)state;
	cd_options_init(&o);
	o.max_part_size = 1u << 20;
	o.max_total_size = 2u << 20;   /* each part fits, all three do not */
	expect_zip_refused(e, 6, &o, CD_ERR_LIMIT, "package too large");
	free(doc);
	free(sty);
	free(num);
}

static void
test_bomb_ratio(void **state)
{
	cd_options o;

	(void)state;
	cd_options_init(&o);
	o.max_ratio = 100;  /* 8 MiB of spaces deflate about 1000:1 */
	expect_big_refused(8u << 20, &o, "compression ratio over 100");
}

/* The central directory claims a tiny size; the bound holds on the
 * bytes actually inflated. */
static void
test_bomb_lying_size(void **state)
{
	char *big = big_doc(3u << 20);
	t_entry e[] = MIN_PKG(big);
	cd_options o;
	size_t len;
	unsigned char *z;
	cd_error err;
	xmlDocPtr d;

	(void)state;
	z = t_zip(e, 3, &len);
	/* patch the uncompressed size (offset 24) of every central header */
	for (size_t i = 0; i + 46 < len; i++)
		if (memcmp(z + i, "PK\1\2", 4) == 0 && memcmp(z + i + 46, "word/document.xml", 17) == 0)
			memcpy(z + i + 24, "\x00\x10\x00\x00", 4);
	cd_options_init(&o);
	o.max_part_size = 1u << 20;
	cd_error_clear(&err);
	d = cd_read("t.docx", z, len, &o, &err);
	assert_null(d);
	assert_true(err.code == CD_ERR_LIMIT || err.code == CD_ERR_FORMAT);
	assert_non_null(strstr(err.msg, "word/document.xml"));
	check_msg(&err);
	free(z);
	free(big);
}

/* ---- escapes from the package ---- */

static void
test_rels_outside(void **state)
{
	static const char *const targets[] = {
		"../../etc/passwd", "/etc/passwd", "file:///etc/passwd",
		"../../../../../../../../etc/passwd", "..%2f..%2fetc%2fpasswd",
		"..\\..\\etc\\passwd", "/../etc/passwd"
	};

	(void)state;
	for (size_t i = 0; i < sizeof targets / sizeof *targets; i++) {
		char drels[1024];
		t_entry e[] = { { "[Content_Types].xml", ct_xml, 0, 0 },
		                { "_rels/.rels", pkg_rels, 0, 0 },
		                { "word/document.xml", doc_xml, 0, 0 },
		                { "word/_rels/document.xml.rels", drels, 0, 0 } };
		xmlDocPtr pkg;

		snprintf(drels, sizeof drels,
		         "<Relationships xmlns='" REL_NS "'>"
		         "<Relationship Id='rId1' Type='" R_T "/styles' Target='%s'/>"
		         "<Relationship Id='rId2' Type='" R_T "/footnotes' Target='%s'/>"
		         "<Relationship Id='rId3' Type='" R_T "/endnotes' Target='%s'"
		         " TargetMode='External'/>"
		         "</Relationships>", targets[i], targets[i], targets[i]);
		pkg = expect_read_clean(e, 4);
		assert_null(cd_pkg_part(pkg, "styles"));
		assert_null(cd_pkg_part(pkg, "footnotes"));
		assert_null(cd_pkg_part(pkg, "endnotes"));
		xmlFreeDoc(pkg);
	}
}

/* The main part itself named outside the package. */
static void
test_main_outside(void **state)
{
	static const char rels[] =
		"<Relationships xmlns='" REL_NS "'><Relationship Id='rId1' Type='" R_T
		"/officeDocument' Target='../../../etc/passwd'/></Relationships>";
	static const char ct[] =
		"<Types xmlns='http://schemas.openxmlformats.org/package/2006/content-types'/>";
	t_entry e[] = { { "[Content_Types].xml", ct, 0, 0 }, { "_rels/.rels", rels, 0, 0 } };

	(void)state;
	expect_zip_refused(e, 2, NULL, CD_ERR_FORMAT, "no main document part");
}

/* 1 if path exists. */
static int
exists(const char *path)
{
	struct stat sb;

	return lstat(path, &sb) == 0;
}

static void
test_zip_slip(void **state)
{
	static const char rels[] =
		"<Relationships xmlns='" REL_NS "'><Relationship Id='rId1' Type='" R_T
		"/officeDocument' Target='../../evil.xml'/></Relationships>";
	char dir[] = "/tmp/cd-hostile-XXXXXX", sub[64], cwd[4096];
	t_entry e[] = { { "[Content_Types].xml", ct_xml, 0, 0 },
	                { "_rels/.rels", rels, 0, 0 },
	                { "../../evil.xml", doc_xml, 0, 0 },
	                { "/abs-evil.xml", doc_xml, 0, 0 },
	                { "word/../../evil2.xml", doc_xml, 0, 0 } };
	size_t len;
	unsigned char *z = t_zip(e, 5, &len);
	cd_error err;
	xmlDocPtr d;

	(void)state;
	assert_non_null(getcwd(cwd, sizeof cwd));
	assert_non_null(mkdtemp(dir));
	snprintf(sub, sizeof sub, "%s/a", dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	snprintf(sub, sizeof sub, "%s/a/b", dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	assert_int_equal(chdir(sub), 0);
	cd_error_clear(&err);
	d = cd_read("t.docx", z, len, NULL, &err);
	xmlFreeDoc(d);    /* refused or read: either way nothing is written */
	xmlFreeDoc(cd_convert("t.docx", z, len, NULL, &err));
	assert_false(exists("../../evil.xml"));
	assert_false(exists("../../evil2.xml"));
	assert_false(exists("/abs-evil.xml"));
	assert_false(exists("evil.xml"));
	assert_int_equal(chdir(cwd), 0);
	assert_int_equal(rmdir(sub), 0);       /* empty, or rmdir fails */
	snprintf(sub, sizeof sub, "%s/a", dir);
	assert_int_equal(rmdir(sub), 0);
	assert_int_equal(rmdir(dir), 0);
	free(z);
}

/* word/document.xml stored as a symlink to /etc/passwd: its content (the
 * link text) is read as the part, the link is never followed. */
static void
test_symlink(void **state)
{
	t_entry e[] = { { "[Content_Types].xml", ct_xml, 0, 0 },
	                { "_rels/.rels", pkg_rels, 0, 0 },
	                { "word/document.xml", "/etc/passwd", 0, T_SYMLINK } };
	t_entry e2[] = { { "[Content_Types].xml", ct_xml, 0, 0 },
	                 { "_rels/.rels", pkg_rels, 0, 0 },
	                 { "word/document.xml", doc_xml, 0, 0 },
	                 { "word/_rels/document.xml.rels",
	                   "<Relationships xmlns='" REL_NS "'><Relationship Id='rId1' Type='"
	                   R_T "/styles' Target='styles.xml'/></Relationships>", 0, 0 },
	                 { "word/styles.xml", "/etc/passwd", 0, T_SYMLINK } };

	(void)state;
	expect_zip_refused(e, 3, NULL, CD_ERR_XML, "word/document.xml:1: ");
	expect_zip_refused(e2, 5, NULL, CD_ERR_XML, "word/styles.xml:1: ");
}

/* Two entries with the same name (patched in after libzip wrote them). */
static void
test_duplicates(void **state)
{
	static const char doc2[] =
		"<w:document xmlns:w='" W_T "'><w:body><w:p><w:r><w:t>Other</w:t></w:r></w:p>"
		"</w:body></w:document>";
	t_entry e[] = { { "[Content_Types].xml", ct_xml, 0, 0 },
	                { "_rels/.rels", pkg_rels, 0, 0 },
	                { "word/document.xml", doc_xml, 0, 0 },
	                { "word/documenX.xml", doc2, 0, 0 },
	                { "WORD/DOCUMENT.XML", doc2, 0, 0 } };
	size_t len;
	unsigned char *z = t_zip(e, 5, &len);
	char *first = NULL;
	cd_error err;

	(void)state;
	for (size_t i = 0; i + 17 <= len; i++)
		if (memcmp(z + i, "word/documenX.xml", 17) == 0)
			z[i + 11] = 't';
	for (int k = 0; k < 3; k++) {
		xmlDocPtr pkg;
		char *s;

		cd_error_clear(&err);
		pkg = cd_read("t.docx", z, len, NULL, &err);
		if (pkg == NULL) {   /* refusing is fine too, if always the same */
			check_msg(&err);
			s = strdup(err.msg);
		} else {
			s = dump(pkg);
			xmlFreeDoc(pkg);
		}
		if (first == NULL)
			first = s;
		else {
			assert_string_equal(first, s);
			free(s);
		}
	}
	/* the first entry wins */
	assert_non_null(strstr(first, "Hello"));
	assert_null(strstr(first, "Other"));
	free(first);
	free(z);
}

/* ---- broken zips ---- */

static void
test_truncated(void **state)
{
	t_entry e[] = MIN_PKG(doc_xml);
	size_t len;
	unsigned char *z = t_zip(e, 3, &len);

	(void)state;
	expect_refused(z, len / 2, NULL, CD_ERR_FORMAT, "corrupt zip");
	expect_refused(z, len - 1, NULL, CD_ERR_FORMAT, "corrupt zip");
	expect_refused(z, 4, NULL, CD_ERR_FORMAT, "corrupt zip");
	free(z);
}

static void
test_bad_crc(void **state)
{
	t_entry e[] = { { "[Content_Types].xml", ct_xml, 0, 0 },
	                { "_rels/.rels", pkg_rels, 0, 0 },
	                { "word/document.xml", doc_xml, 0, T_STORE } };
	size_t len, hits = 0;
	unsigned char *z = t_zip(e, 3, &len);

	(void)state;
	for (size_t i = 0; i + 5 <= len; i++)
		if (memcmp(z + i, "Hello", 5) == 0) {
			z[i] = 'J';
			hits++;
		}
	assert_int_equal(hits, 1);
	expect_refused(z, len, NULL, CD_ERR_FORMAT, "word/document.xml: corrupt zip");
	free(z);
}

/* ---- not a package ---- */

/* An OLE2 compound file header followed by the UTF-16LE stream name. */
static unsigned char *
ole2(const char *stream, size_t *len)
{
	unsigned char *d = calloc(1, 4096);
	size_t n = strlen(stream);

	assert_non_null(d);
	memcpy(d, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8);
	for (size_t i = 0; i < n; i++)
		d[1024 + 2 * i] = (unsigned char)stream[i];
	*len = 4096;
	return d;
}

static void
test_ole2(void **state)
{
	size_t len;
	unsigned char *d;

	(void)state;
	d = ole2("EncryptedPackage", &len);
	expect_refused(d, len, NULL, CD_ERR_FORMAT, "encrypted");
	free(d);
	d = ole2("WordDocument", &len);
	expect_refused(d, len, NULL, CD_ERR_FORMAT, ".doc");
	free(d);
}

static void
test_word2(void **state)
{
	static const unsigned char w2[] = { 0xdb, 0xa5, 0x2d, 0x00, 0x00, 0x00, 0x09, 0x04 };

	(void)state;
	expect_refused(w2, sizeof w2, NULL, CD_ERR_FORMAT, "Word 2.0");
}

static void
test_html(void **state)
{
	static const char h1[] = "<!DOCTYPE html>\n<html><body><p>Hi</p></body></html>";
	static const char h2[] = "\xef\xbb\xbf  <HTML><p>Hi</html>";

	(void)state;
	expect_refused((const unsigned char *)h1, strlen(h1), NULL, CD_ERR_FORMAT, "HTML");
	expect_refused((const unsigned char *)h2, strlen(h2), NULL, CD_ERR_FORMAT, "HTML");
}

static void
test_empty(void **state)
{
	static const unsigned char nothing[1];

	(void)state;
	expect_refused(nothing, 0, NULL, CD_ERR_FORMAT, "empty");
	expect_refused(NULL, 0, NULL, CD_ERR_FORMAT, "empty");
}

static void
test_no_main(void **state)
{
	static const char ct[] =
		"<Types xmlns='http://schemas.openxmlformats.org/package/2006/content-types'>"
		"<Override PartName='/theme/theme/theme1.xml' ContentType='application/"
		"vnd.openxmlformats-officedocument.theme+xml'/></Types>";
	static const char theme[] =
		"<a:theme xmlns:a='http://schemas.openxmlformats.org/drawingml/2006/main'/>";
	static const char rels_theme[] =
		"<Relationships xmlns='" REL_NS "'><Relationship Id='rId1' Type='" R_T
		"/officeDocument' Target='theme/theme/theme1.xml'/></Relationships>";
	t_entry e[] = { { "[Content_Types].xml", ct, 0, 0 },
	                { "theme/theme/theme1.xml", theme, 0, 0 } };
	t_entry e2[] = { { "[Content_Types].xml", ct, 0, 0 },
	                 { "_rels/.rels", rels_theme, 0, 0 },
	                 { "theme/theme/theme1.xml", theme, 0, 0 } };
	t_entry e3[] = { { "[Content_Types].xml", ct_xml, 0, 0 },
	                 { "_rels/.rels", pkg_rels, 0, 0 } };

	(void)state;
	expect_zip_refused(e, 2, NULL, CD_ERR_FORMAT, "no main document part");
	expect_zip_refused(e2, 3, NULL, CD_ERR_FORMAT, "not a WordprocessingML document");
	expect_zip_refused(e3, 2, NULL, CD_ERR_FORMAT, "missing");
	/* an empty zip: only the end of central directory record */
	expect_refused((const unsigned char *)"PK\5\6\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0",
	               22, NULL, CD_ERR_FORMAT, "no main document part");
}

static void
test_word2003(void **state)
{
	static const char x[] =
		"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
		"<?mso-application progid=\"Word.Document\"?>\n"
		"<w:wordDocument xmlns:w='http://schemas.microsoft.com/office/word/2003/wordml'>"
		"<w:body><w:p><w:r><w:t>Hi</w:t></w:r></w:p></w:body></w:wordDocument>";

	(void)state;
	expect_refused((const unsigned char *)x, strlen(x), NULL, CD_ERR_FORMAT, "Word 2003 XML");
}

/* Random binary that is neither zip nor text. */
static void
test_binary_junk(void **state)
{
	unsigned char junk[512];

	(void)state;
	for (size_t i = 0; i < sizeof junk; i++)
		junk[i] = (unsigned char)(i * 7 + 0x80);
	expect_refused(junk, sizeof junk, NULL, CD_ERR_FORMAT, "not a DOCX package");
}

static void
test_input_too_large(void **state)
{
	cd_options o;

	(void)state;
	cd_options_init(&o);
	o.max_input_size = 10;
	expect_refused((const unsigned char *)doc_xml, strlen(doc_xml), &o,
	               CD_ERR_LIMIT, "input too large");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bomb_part),
		cmocka_unit_test(test_bomb_total),
		cmocka_unit_test(test_bomb_ratio),
		cmocka_unit_test(test_bomb_lying_size),
		cmocka_unit_test(test_rels_outside),
		cmocka_unit_test(test_main_outside),
		cmocka_unit_test(test_zip_slip),
		cmocka_unit_test(test_symlink),
		cmocka_unit_test(test_duplicates),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_bad_crc),
		cmocka_unit_test(test_ole2),
		cmocka_unit_test(test_word2),
		cmocka_unit_test(test_html),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_no_main),
		cmocka_unit_test(test_word2003),
		cmocka_unit_test(test_binary_junk),
		cmocka_unit_test(test_input_too_large),
	};
	int rc;

	cd_init();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	cd_cleanup();
	return rc;
}
