/*
 * stagetest.h — helpers for the unit tests of the cleaning stages
 * (test_flatten.c, test_fields.c, test_clean.c, test_notes.c): a package
 * document (doc/pipeline.md) written as a string literal, parsed, run
 * through one stage, and read back as visible text or serialized XML.
 * Include after <cmocka.h>. Every function is static inline so that a test
 * file using only some of them compiles without warnings.
 */
#ifndef STAGETEST_H
#define STAGETEST_H

#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "cd_internal.h"
#include "stages.h"

/* Namespace declarations for a WordprocessingML part root. */
#define W_DECL "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" " \
	"xmlns:m=\"http://schemas.openxmlformats.org/officeDocument/2006/math\" " \
	"xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" " \
	"xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" " \
	"xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" " \
	"xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" " \
	"xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:x=\"urn:example:unknown\""
#define PKG_OPEN "<pkg:package xmlns:pkg=\"urn:councildoc:pkg\" kind=\"docx\">"
/* A package of one document part: DOC(body), or DOC_HEAD body DOC_TAIL
 * for a body built at run time. */
#define DOC_HEAD PKG_OPEN "<pkg:part name=\"word/document.xml\" role=\"document\">" \
	"<w:document " W_DECL "><w:body>"
#define DOC_TAIL "</w:body></w:document></pkg:part></pkg:package>"
#define DOC(body) DOC_HEAD body DOC_TAIL

/* Parses s; the test fails when it is not well-formed. Caller: xmlFreeDoc. */
static inline xmlDocPtr
parse(const char *s)
{
	cd_error e;
	xmlDocPtr d;

	cd_error_clear(&e);
	d = cd_xml_parse("test", s, strlen(s), &e);
	assert_non_null(d);
	return d;
}

/* A whole-package stage (cd_flatten, cd_clean, cd_notes). */
typedef cd_status (*st_stage_fn)(xmlDocPtr pkg, const cd_options *o, cd_error *err);

/* Parses s and runs stage on it with default options; the test fails
 * when the stage does. Caller: xmlFreeDoc. */
static inline xmlDocPtr
st_run(const char *s, st_stage_fn stage)
{
	cd_options o;
	cd_error e;
	xmlDocPtr d = parse(s);

	cd_options_init(&o);
	cd_error_clear(&e);
	assert_int_equal(stage(d, &o, &e), CD_OK);
	return d;
}

/* Appends the visible text under n to b (see doc_text). */
static inline void
st_add_text(cd_buf *b, xmlNodePtr n)
{
	for (xmlNodePtr c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (cd_w_is(c, "t") || cd_pkg_is(c, "math")) {
			xmlChar *t = xmlNodeGetContent(c);

			cd_buf_adds(b, (const char *)t);
			xmlFree(t);
		} else if (cd_w_is(c, "tab")) {
			if (cd_w_is(c->parent, "r"))
				cd_buf_addc(b, '\t');
		} else if (cd_pkg_is(c, "note")) {
			xmlChar *l = xmlGetProp(c, BAD_CAST "label");

			cd_buf_printf(b, "[%s:", (const char *)l);
			xmlFree(l);
			st_add_text(b, c);
			cd_buf_addc(b, ']');
		} else if (cd_w_is(c, "p")) {
			st_add_text(b, c);
			cd_buf_addc(b, '|');
		} else {
			st_add_text(b, c);
		}
	}
}

/* Visible text of the document part: paragraphs end with '|', notes are
 * "[label:text]". The caller frees the result with free(). */
static inline char *
doc_text(xmlDocPtr d)
{
	cd_buf b;

	cd_buf_init(&b);
	st_add_text(&b, cd_pkg_body(d));
	return cd_buf_take(&b, NULL);
}

/* The serialized document (caller frees with free()). */
static inline char *
doc_xml(xmlDocPtr d)
{
	xmlChar *out = NULL;
	int n = 0;
	char *s;

	xmlDocDumpMemoryEnc(d, &out, &n, "UTF-8");
	s = strdup(out ? (const char *)out : "");
	xmlFree(out);
	return s;
}

/* Asserts doc_text(d) == want. */
static inline void
expect_text(xmlDocPtr d, const char *want)
{
	char *t = doc_text(d);

	assert_string_equal(t, want);
	free(t);
}

/* 1 when the serialized document contains needle. */
static inline int
xml_has(xmlDocPtr d, const char *needle)
{
	char *s = doc_xml(d);
	int hit = strstr(s, needle) != NULL;

	free(s);
	return hit;
}

#endif
