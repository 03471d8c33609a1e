/*
 * test_hostile.c — hostile and wrong inputs, each built in memory at test
 * time (zip bombs, entity bombs, XXE, deep nesting, relationship and zip
 * slip escapes, symlinks, duplicates, bad UTF-8, truncated and corrupt
 * zips, legacy and foreign formats). Every case must be refused (or the
 * hostile bit ignored) quickly, with one clean line naming the problem,
 * and without reading anything from disk. See doc/hostile.md.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <zip.h>
#include <libxml/tree.h>

#include "cd_internal.h"

#define W_T "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define R_T "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define REL_NS "http://schemas.openxmlformats.org/package/2006/relationships"
#define MAX_SECONDS 5.0 /* per call, under ASan: "fast" */

enum { E_STORE = 1, E_SYMLINK = 2 };

typedef struct entry {
	const char *name;
	const char *data;
	size_t len;   /* 0: strlen(data) */
	int flags;    /* E_STORE: no compression; E_SYMLINK: unix S_IFLNK mode */
} entry;

/* Builds a zip in memory; caller frees the result with free(). */
static unsigned char *
mkzip(const entry *e, size_t n, size_t *len)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *za;
	zip_stat_t st;
	unsigned char *out;

	zip_error_init(&ze);
	src = zip_source_buffer_create(NULL, 0, 0, &ze);
	assert_non_null(src);
	za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	assert_non_null(za);
	zip_source_keep(src);
	for (size_t i = 0; i < n; i++) {
		size_t l = e[i].len ? e[i].len : strlen(e[i].data);
		zip_source_t *s = zip_source_buffer(za, e[i].data, l, 0);
		zip_int64_t k = zip_file_add(za, e[i].name, s, 0);

		assert_true(k >= 0);
		if (e[i].flags & E_STORE)
			assert_int_equal(zip_set_file_compression(za, (zip_uint64_t)k,
			                                          ZIP_CM_STORE, 0), 0);
		if (e[i].flags & E_SYMLINK)
			assert_int_equal(zip_file_set_external_attributes(za, (zip_uint64_t)k, 0,
			                 ZIP_OPSYS_UNIX, (zip_uint32_t)(S_IFLNK | 0777) << 16), 0);
	}
	assert_int_equal(zip_close(za), 0);
	assert_int_equal(zip_source_open(src), 0);
	assert_int_equal(zip_source_stat(src, &st), 0);
	out = malloc(st.size);
	assert_non_null(out);
	assert_int_equal(zip_source_read(src, out, st.size), (zip_int64_t)st.size);
	zip_source_close(src);
	zip_source_free(src);
	zip_error_fini(&ze);
	*len = st.size;
	return out;
}

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

/* Seconds since some fixed point. */
static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The message is one non-empty line, with no bytes of /etc/passwd. */
static void
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

static int
code_ok(cd_status got, cd_status want)
{
	if ((int)want & 0x100)
		return ((int)want >> (int)got) & 1;
	return got == want;
}

static void
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

static void
expect_zip_refused(const entry *e, size_t n, const cd_options *o,
                   cd_status code, const char *what)
{
	size_t len;
	unsigned char *z = mkzip(e, n, &len);

	expect_refused(z, len, o, code, what);
	free(z);
}

/* Serialized pkg (caller frees with free()). */
static char *
dump(xmlDocPtr doc)
{
	char *out = NULL;
	size_t len = 0;
	cd_error err;

	assert_int_equal(cd_xml_serialize(doc, &out, &len, &err), CD_OK);
	return out;
}

/* A distinctive line of /etc/passwd ("root:x:0:0:..."), or "root:". */
static void
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
static xmlDocPtr
expect_read_clean(const entry *e, size_t n)
{
	char marker[256];
	size_t len;
	unsigned char *z = mkzip(e, n, &len);
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
static char *
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

/* ---- zip bombs ---- */

static void
test_bomb_part(void **state)
{
	char *big = padded("<w:document xmlns:w='" W_T "'><w:body>", ' ', 3u << 20,
	                   "</w:body></w:document>");
	entry e[] = { { "[Content_Types].xml", ct_xml, 0, 0 },
	              { "_rels/.rels", pkg_rels, 0, 0 },
	              { "word/document.xml", big, 0, 0 } };
	cd_options o;

	(void)state;
	cd_options_init(&o);
	o.max_part_size = 1u << 20;
	expect_zip_refused(e, 3, &o, CD_ERR_LIMIT, "word/document.xml: part too large");
	free(big);
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
	entry e[] = { { "[Content_Types].xml", ct_xml, 0, 0 },
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
	char *big = padded("<w:document xmlns:w='" W_T "'><w:body>", ' ', 8u << 20,
	                   "</w:body></w:document>");
	entry e[] = { { "[Content_Types].xml", ct_xml, 0, 0 },
	              { "_rels/.rels", pkg_rels, 0, 0 },
	              { "word/document.xml", big, 0, 0 } };
	cd_options o;

	(void)state;
	cd_options_init(&o);
	o.max_ratio = 100;  /* 8 MiB of spaces deflate about 1000:1 */
	expect_zip_refused(e, 3, &o, CD_ERR_LIMIT, "compression ratio over 100");
	free(big);
}

/* The central directory claims a tiny size; the bound holds on the
 * bytes actually inflated. */
static void
test_bomb_lying_size(void **state)
{
	char *big = padded("<w:document xmlns:w='" W_T "'><w:body>", ' ', 3u << 20,
	                   "</w:body></w:document>");
	entry e[] = { { "[Content_Types].xml", ct_xml, 0, 0 },
	              { "_rels/.rels", pkg_rels, 0, 0 },
	              { "word/document.xml", big, 0, 0 } };
	cd_options o;
	size_t len;
	unsigned char *z;
	cd_error err;
	xmlDocPtr d;

	(void)state;
	z = mkzip(e, 3, &len);
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
	entry e[] = { { "[Content_Types].xml", ct_xml, 0, 0 },
	              { "_rels/.rels", pkg_rels, 0, 0 },
	              { "word/document.xml", laughs, 0, 0 } };
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
	entry e[] = { { "[Content_Types].xml", ct_xml, 0, 0 },
	              { "_rels/.rels", pkg_rels, 0, 0 },
	              { "word/document.xml", xxe, 0, 0 } };

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
	entry e[] = { { "[Content_Types].xml", ct_xml, 0, 0 },
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
	entry e[] = { { "[Content_Types].xml", ct_xml, 0, 0 },
	              { "_rels/.rels", pkg_rels, 0, 0 },
	              { "word/document.xml", NULL, 0, 0 } };
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
	entry e[] = { { "[Content_Types].xml", ct_xml, 0, 0 },
	              { "_rels/.rels", pkg_rels, 0, 0 },
	              { "word/document.xml", NULL, 0, 0 } };
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
	entry e[] = { { "[Content_Types].xml", ct_xml, 0, 0 },
	              { "_rels/.rels", pkg_rels, 0, 0 },
	              { "word/document.xml", bad, 0, 0 } };

	(void)state;
	expect_zip_refused(e, 3, NULL, CD_ERR_XML, "word/document.xml:3: ");
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
		entry e[] = { { "[Content_Types].xml", ct_xml, 0, 0 },
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
	entry e[] = { { "[Content_Types].xml", ct, 0, 0 }, { "_rels/.rels", rels, 0, 0 } };

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
	entry e[] = { { "[Content_Types].xml", ct_xml, 0, 0 },
	              { "_rels/.rels", rels, 0, 0 },
	              { "../../evil.xml", doc_xml, 0, 0 },
	              { "/abs-evil.xml", doc_xml, 0, 0 },
	              { "word/../../evil2.xml", doc_xml, 0, 0 } };
	size_t len;
	unsigned char *z = mkzip(e, 5, &len);
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
	entry e[] = { { "[Content_Types].xml", ct_xml, 0, 0 },
	              { "_rels/.rels", pkg_rels, 0, 0 },
	              { "word/document.xml", "/etc/passwd", 0, E_SYMLINK } };
	entry e2[] = { { "[Content_Types].xml", ct_xml, 0, 0 },
	               { "_rels/.rels", pkg_rels, 0, 0 },
	               { "word/document.xml", doc_xml, 0, 0 },
	               { "word/_rels/document.xml.rels",
	                 "<Relationships xmlns='" REL_NS "'><Relationship Id='rId1' Type='"
	                 R_T "/styles' Target='styles.xml'/></Relationships>", 0, 0 },
	               { "word/styles.xml", "/etc/passwd", 0, E_SYMLINK } };

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
	entry e[] = { { "[Content_Types].xml", ct_xml, 0, 0 },
	              { "_rels/.rels", pkg_rels, 0, 0 },
	              { "word/document.xml", doc_xml, 0, 0 },
	              { "word/documenX.xml", doc2, 0, 0 },
	              { "WORD/DOCUMENT.XML", doc2, 0, 0 } };
	size_t len;
	unsigned char *z = mkzip(e, 5, &len);
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
	entry e[] = { { "[Content_Types].xml", ct_xml, 0, 0 },
	              { "_rels/.rels", pkg_rels, 0, 0 },
	              { "word/document.xml", doc_xml, 0, 0 } };
	size_t len;
	unsigned char *z = mkzip(e, 3, &len);

	(void)state;
	expect_refused(z, len / 2, NULL, CD_ERR_FORMAT, "corrupt zip");
	expect_refused(z, len - 1, NULL, CD_ERR_FORMAT, "corrupt zip");
	expect_refused(z, 4, NULL, CD_ERR_FORMAT, "corrupt zip");
	free(z);
}

static void
test_bad_crc(void **state)
{
	entry e[] = { { "[Content_Types].xml", ct_xml, 0, 0 },
	              { "_rels/.rels", pkg_rels, 0, 0 },
	              { "word/document.xml", doc_xml, 0, E_STORE } };
	size_t len, hits = 0;
	unsigned char *z = mkzip(e, 3, &len);

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
	entry e[] = { { "[Content_Types].xml", ct, 0, 0 },
	              { "theme/theme/theme1.xml", theme, 0, 0 } };
	entry e2[] = { { "[Content_Types].xml", ct, 0, 0 },
	               { "_rels/.rels", rels_theme, 0, 0 },
	               { "theme/theme/theme1.xml", theme, 0, 0 } };
	entry e3[] = { { "[Content_Types].xml", ct_xml, 0, 0 },
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
	entry *e = calloc(n + 4, sizeof *e);
	static const char hdr[] = "<w:hdr xmlns:w='" W_T "'><w:p/></w:hdr>";
	char (*names)[32] = calloc(n, sizeof *names);

	(void)state;
	assert_non_null(e);
	assert_non_null(names);
	e[ne++] = (entry){ "[Content_Types].xml", ct_xml, 0, 0 };
	e[ne++] = (entry){ "_rels/.rels", pkg_rels, 0, 0 };
	e[ne++] = (entry){ "word/document.xml", doc_xml, 0, 0 };
	e[ne++] = (entry){ "word/_rels/document.xml.rels", drels, 0, 0 };
	for (size_t i = 0; i < n; i++) {
		snprintf(names[i], sizeof names[i], "word/header%zu.xml", i);
		e[ne++] = (entry){ names[i], hdr, 0, 0 };
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
	entry e[] = { { "[Content_Types].xml", ct_xml, 0, 0 },
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
	z = mkzip(e, 4, &len);
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
		cmocka_unit_test(test_bomb_part),
		cmocka_unit_test(test_bomb_total),
		cmocka_unit_test(test_bomb_ratio),
		cmocka_unit_test(test_bomb_lying_size),
		cmocka_unit_test(test_billion_laughs),
		cmocka_unit_test(test_xxe),
		cmocka_unit_test(test_xxe_in_props),
		cmocka_unit_test(test_deep_nesting),
		cmocka_unit_test(test_deep_but_legal),
		cmocka_unit_test(test_bad_utf8),
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
		cmocka_unit_test(test_many_parts),
		cmocka_unit_test(test_many_links),
	};
	int rc;

	cd_init();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	cd_cleanup();
	return rc;
}
