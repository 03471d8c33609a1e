/*
 * cdtest.h — helpers for the end-to-end unit tests of the reading stages
 * (test_runs.c, test_wrappers.c, test_fields2.c, test_objects.c,
 * test_package.c, test_numover.c): a DOCX package built in memory with
 * libzip from string literals, run through the real stages (cd_convert),
 * and XPath queries on the council document (prefix c = urn:councildoc:1).
 * The zip builder (t_entry, t_zip) also serves test_docx.c and the
 * test_hostile*.c files. Include after <cmocka.h>. Every function is
 * static inline so that a test file using only some of them compiles
 * without warnings.
 */
#ifndef CDTEST_H
#define CDTEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <zip.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "cd_internal.h"

#define T_W   "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define T_R   "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define T_REL "http://schemas.openxmlformats.org/package/2006/relationships"
#define T_CT  "http://schemas.openxmlformats.org/package/2006/content-types"
#define T_MAIN_CT "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"

/* Namespace declarations for a part root. */
#define T_NS "xmlns:w=\"" T_W "\" xmlns:r=\"" T_R "\" " \
	"xmlns:m=\"http://schemas.openxmlformats.org/officeDocument/2006/math\" " \
	"xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" " \
	"xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" " \
	"xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" " \
	"xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\" " \
	"xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" " \
	"xmlns:wpg=\"http://schemas.microsoft.com/office/word/2010/wordprocessingGroup\" " \
	"xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\" " \
	"xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" " \
	"xmlns:x=\"urn:example:unknown\""

/* A paragraph of one run of plain text. */
#define T_P(text) "<w:p><w:r><w:t xml:space=\"preserve\">" text "</w:t></w:r></w:p>"
/* A run (rpr: the inside of w:rPr, may be ""). */
#define T_R_(rpr, text) "<w:r><w:rPr>" rpr "</w:rPr><w:t xml:space=\"preserve\">" text "</w:t></w:r>"

/* How t_zip stores an entry (t_entry.flags, or-ed). */
enum {
	T_STORE = 1,    /* no compression */
	T_SYMLINK = 2,  /* unix mode S_IFLNK: the data is the link target */
	T_AES = 4       /* AES-256 encrypted, password "pw" */
};

typedef struct t_entry {
	const char *name;
	const char *data;
	size_t len;        /* 0: strlen(data) */
	int flags;         /* T_STORE, T_SYMLINK, T_AES */
} t_entry;

/* Adds entry e to za, stored as its flags say. */
static inline void
t_zip_add(zip_t *za, const t_entry *e)
{
	size_t l = e->len ? e->len : strlen(e->data);
	zip_source_t *s = zip_source_buffer(za, e->data, l, 0);
	zip_int64_t k;

	assert_non_null(s);
	k = zip_file_add(za, e->name, s, 0);
	assert_true(k >= 0);
	if (e->flags & T_STORE)
		assert_int_equal(zip_set_file_compression(za, (zip_uint64_t)k, ZIP_CM_STORE, 0), 0);
	if (e->flags & T_SYMLINK)
		assert_int_equal(zip_file_set_external_attributes(za, (zip_uint64_t)k, 0,
		                 ZIP_OPSYS_UNIX, (zip_uint32_t)(S_IFLNK | 0777) << 16), 0);
	if (e->flags & T_AES)
		assert_int_equal(zip_file_set_encryption(za, (zip_uint64_t)k, ZIP_EM_AES_256,
		                                         "pw"), 0);
}

/* Builds a zip in memory from entries; caller frees the result with free(). */
static inline unsigned char *
t_zip(const t_entry *e, size_t n, size_t *len)
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
	for (size_t i = 0; i < n; i++)
		t_zip_add(za, &e[i]);
	assert_int_equal(zip_close(za), 0);
	assert_int_equal(zip_source_open(src), 0);
	assert_int_equal(zip_source_stat(src, &st), 0);
	out = malloc(st.size ? st.size : 1);
	assert_non_null(out);
	assert_int_equal(zip_source_read(src, out, st.size), (zip_int64_t)st.size);
	zip_source_close(src);
	zip_source_free(src);
	zip_error_fini(&ze);
	*len = st.size;
	return out;
}

/* The messages a report function received (cd_options.report with
 * report_ctx = a t_msgs), each as "code|level|part|line>0|detail". */
typedef struct t_msgs {
	char v[16][300];
	int n;
} t_msgs;

static inline void
t_msgs_add(void *ctx, const cd_message *m)
{
	t_msgs *s = ctx;

	if (s->n < 16)
		snprintf(s->v[s->n++], sizeof s->v[0], "%s|%s|%s|%d|%s", m->code,
		         cd_level_name(m->level), m->part ? m->part : "", m->line > 0,
		         m->detail ? m->detail : "");
}

/* Routes the messages of o to s (emptied). */
static inline void
t_msgs_on(cd_options *o, t_msgs *s)
{
	memset(s, 0, sizeof *s);
	o->report = t_msgs_add;
	o->report_ctx = s;
}

/* The inside of the parts of a small Word document (NULL: part absent). */
typedef struct t_doc {
	const char *body;       /* inside w:body */
	const char *styles;     /* inside w:styles */
	const char *numbering;  /* inside w:numbering */
	const char *footnotes;  /* inside w:footnotes */
	const char *endnotes;   /* inside w:endnotes */
	const char *comments;   /* inside w:comments */
	const char *header;     /* inside w:hdr (rId20, header1.xml) */
	const char *footer;     /* inside w:ftr (rId21, footer1.xml) */
	const char *rels;       /* more Relationship elements of document.xml */
} t_doc;

/* Concatenates the NULL-terminated strings; caller frees with free(). */
static inline char *
t_cat(const char *first, ...)
{
	cd_buf b;
	va_list ap;

	cd_buf_init(&b);
	va_start(ap, first);
	for (const char *s = first; s != NULL; s = va_arg(ap, const char *))
		cd_buf_adds(&b, s);
	va_end(ap);
	return cd_buf_take(&b, NULL);
}

/* The DOCX package of d; caller frees with free(). */
static inline unsigned char *
t_docx(const t_doc *d, size_t *len)
{
	const char *inner[] = { d->styles, d->numbering, d->footnotes, d->endnotes,
	                        d->comments, d->header, d->footer };
	static const char *const file[] = { "styles", "numbering", "footnotes",
	                                    "endnotes", "comments", "header1", "footer1" };
	static const char *const root[] = { "styles", "numbering", "footnotes",
	                                    "endnotes", "comments", "hdr", "ftr" };
	static const char *const type[] = { "styles", "numbering", "footnotes",
	                                    "endnotes", "comments", "header", "footer" };
	char *parts[7] = { NULL }, *names[7] = { NULL }, *document, *rels, *relbody;
	t_entry e[11];
	size_t n = 0;
	unsigned char *zip;
	cd_buf rb;

	cd_buf_init(&rb);
	for (int k = 0; k < 7; k++) {
		if (inner[k] == NULL)
			continue;
		parts[k] = t_cat("<w:", root[k], " " T_NS ">", inner[k], "</w:", root[k], ">", NULL);
		names[k] = t_cat("word/", file[k], ".xml", NULL);
		cd_buf_printf(&rb, "<Relationship Id=\"rId%d\" Type=\"" T_R "/%s\" Target=\"%s.xml\"/>",
		              k + 15, type[k], file[k]);
	}
	relbody = cd_buf_take(&rb, NULL);
	document = t_cat("<w:document " T_NS "><w:body>", d->body ? d->body : "",
	                 "</w:body></w:document>", NULL);
	rels = t_cat("<Relationships xmlns=\"" T_REL "\">", relbody, d->rels ? d->rels : "",
	             "</Relationships>", NULL);
	e[n++] = (t_entry){ "[Content_Types].xml",
		"<Types xmlns=\"" T_CT "\"><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
		"<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package."
		"relationships+xml\"/><Override PartName=\"/word/document.xml\" ContentType=\""
		T_MAIN_CT "\"/></Types>", 0, 0 };
	e[n++] = (t_entry){ "_rels/.rels", "<Relationships xmlns=\"" T_REL "\">"
		"<Relationship Id=\"rId1\" Type=\"" T_R "/officeDocument\" Target=\"word/document.xml\"/>"
		"</Relationships>", 0, 0 };
	e[n++] = (t_entry){ "word/document.xml", document, 0, 0 };
	e[n++] = (t_entry){ "word/_rels/document.xml.rels", rels, 0, 0 };
	for (int k = 0; k < 7; k++)
		if (parts[k] != NULL)
			e[n++] = (t_entry){ names[k], parts[k], 0, 0 };
	zip = t_zip(e, n, len);
	for (int k = 0; k < 7; k++) {
		free(parts[k]);
		free(names[k]);
	}
	free(document);
	free(rels);
	free(relbody);
	return zip;
}

/* Runs the whole chain on data; the test fails when it fails. Caller frees
 * with xmlFreeDoc. */
static inline xmlDocPtr
t_convert(const unsigned char *data, size_t len)
{
	cd_options o;
	cd_error err;
	xmlDocPtr c;

	cd_options_init(&o);
	cd_error_clear(&err);
	c = cd_convert("test.docx", data, len, &o, &err);
	if (c == NULL)
		fail_msg("cd_convert: %s", err.msg);
	return c;
}

/* t_docx then t_convert. Caller frees with xmlFreeDoc. */
static inline xmlDocPtr
t_council(const t_doc *d)
{
	size_t len;
	unsigned char *z = t_docx(d, &len);
	xmlDocPtr c = t_convert(z, len);

	free(z);
	return c;
}

/* A document of only a body. Caller frees with xmlFreeDoc. */
static inline xmlDocPtr
t_body(const char *body)
{
	t_doc d = { 0 };

	d.body = body;
	return t_council(&d);
}

/* Evaluates expr (prefix c bound to the council namespace) on doc.
 * Caller frees with xmlXPathFreeObject. */
static inline xmlXPathObjectPtr
t_eval(xmlDocPtr doc, const char *expr)
{
	xmlXPathContextPtr x = xmlXPathNewContext(doc);
	xmlXPathObjectPtr r;

	assert_non_null(x);
	xmlXPathRegisterNs(x, BAD_CAST "c", BAD_CAST CD_NS);
	r = xmlXPathEval(BAD_CAST expr, x);
	xmlXPathFreeContext(x);
	if (r == NULL)
		fail_msg("bad XPath: %s", expr);
	return r;
}

/* string(expr); caller frees with free(). */
static inline char *
t_str(xmlDocPtr doc, const char *expr)
{
	char *e = t_cat("string(", expr, ")", NULL);
	xmlXPathObjectPtr r = t_eval(doc, e);
	char *s = strdup(r->stringval ? (const char *)r->stringval : "");

	xmlXPathFreeObject(r);
	free(e);
	return s;
}

/* number(expr) as an int (count(...), a number attribute). */
static inline int
t_num(xmlDocPtr doc, const char *expr)
{
	xmlXPathObjectPtr r = t_eval(doc, expr);
	double v = xmlXPathCastToNumber(r);

	xmlXPathFreeObject(r);
	return v != v ? -1 : (int)v;
}

/* Asserts string(expr) == want, printing the document when it is not. */
#define t_expect(doc, expr, want) t_expect_at((doc), (expr), (want), __FILE__, __LINE__)

static inline void
t_dump(xmlDocPtr doc)
{
	xmlChar *out = NULL;
	int n = 0;

	xmlDocDumpFormatMemoryEnc(doc, &out, &n, "UTF-8", 1);
	print_message("%s\n", out ? (const char *)out : "");
	xmlFree(out);
}

static inline void
t_expect_at(xmlDocPtr doc, const char *expr, const char *want, const char *file, int line)
{
	char *s = t_str(doc, expr);

	if (strcmp(s, want) != 0) {
		t_dump(doc);
		print_error("%s:%d: string(%s) = \"%s\", want \"%s\"\n", file, line, expr, s, want);
		free(s);
		fail();
	}
	free(s);
}

/* The whole text of the document (all text nodes, meta included). */
static inline int
t_has_text(xmlDocPtr doc, const char *needle)
{
	char *s = t_str(doc, "/");
	int hit = strstr(s, needle) != NULL;

	free(s);
	return hit;
}

/* The string values of the nodes expr selects, joined with sep. Caller
 * frees with free(). */
static inline char *
t_join(xmlDocPtr doc, const char *expr, const char *sep)
{
	xmlXPathObjectPtr r = t_eval(doc, expr);
	cd_buf b;

	cd_buf_init(&b);
	for (int i = 0; r->nodesetval && i < r->nodesetval->nodeNr; i++) {
		xmlChar *v = xmlNodeGetContent(r->nodesetval->nodeTab[i]);

		if (i > 0)
			cd_buf_adds(&b, sep);
		cd_buf_adds(&b, v ? (const char *)v : "");
		xmlFree(v);
	}
	xmlXPathFreeObject(r);
	return cd_buf_take(&b, NULL);
}

/* The text of the body's paragraphs (meta and notes excluded), one
 * paragraph per line. */
#define T_PARAS "//c:p[not(ancestor::c:note)] | //c:title[not(ancestor::c:meta)]"

/* Asserts the body paragraphs joined by '|' equal want. */
#define t_expect_paras(doc, want) t_expect_join_at((doc), T_PARAS, (want), __FILE__, __LINE__)

static inline void
t_expect_join_at(xmlDocPtr doc, const char *expr, const char *want, const char *file,
                 int line)
{
	char *s = t_join(doc, expr, "|");

	if (strcmp(s, want) != 0) {
		t_dump(doc);
		print_error("%s:%d: %s = \"%s\", want \"%s\"\n", file, line, expr, s, want);
		free(s);
		fail();
	}
	free(s);
}

#endif
