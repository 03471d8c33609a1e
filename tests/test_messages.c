/*
 * test_messages.c — the message table (lib/core/msg.c) and the quirks each
 * stage reports as values (cd_message through cd_options.report): read,
 * flatten, notes and structure on packages built in memory, and the
 * pictures (output/media.c). Each test checks the code, the level, the
 * part and the detail of what the callback received.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <setjmp.h>
#include <cmocka.h>

#include "cdtest.h"

/* The messages received, checked against the table on the way. */
typedef t_msgs seen;

static void
collect(void *ctx, const cd_message *m)
{
	assert_string_equal(m->code, cd_msg_code(m->id));
	assert_string_equal(m->text, cd_msg_text(m->id));
	assert_int_equal(m->level, cd_msg_level(m->id));
	t_msgs_add(ctx, m);
}

/* Converts the package in data with the collector; returns the council
 * document (caller: xmlFreeDoc), or NULL when the conversion failed. */
static xmlDocPtr
convert(const unsigned char *data, size_t len, seen *s)
{
	cd_options o;
	cd_error err;

	memset(s, 0, sizeof *s);
	cd_options_init(&o);
	o.report = collect;
	o.report_ctx = s;
	return cd_convert("t.docx", data, len, &o, &err);
}

static xmlDocPtr
convert_doc(const t_doc *d, seen *s)
{
	size_t len;
	unsigned char *z = t_docx(d, &len);
	xmlDocPtr c = convert(z, len, s);

	free(z);
	assert_non_null(c);
	return c;
}

static void
expect(const seen *s, int i, const char *want)
{
	if (i >= s->n)
		fail_msg("message %d missing (want %s; %d received)", i, want, s->n);
	assert_string_equal(s->v[i], want);
}

/* Every id has one entry: a code of its own, a sentence and a level. */
static void
test_table(void **state)
{
	(void)state;
	for (int i = 1; i < CD_MSG_MAX_; i++) {
		assert_non_null(cd_msg_code((cd_msg_id)i));
		assert_non_null(cd_msg_text((cd_msg_id)i));
		assert_true(cd_msg_level((cd_msg_id)i) == CD_LEVEL_NOTE ||
		            cd_msg_level((cd_msg_id)i) == CD_LEVEL_WARNING);
		for (int k = 1; k < i; k++)
			assert_string_not_equal(cd_msg_code((cd_msg_id)i), cd_msg_code((cd_msg_id)k));
	}
	assert_null(cd_msg_code((cd_msg_id)0));
	assert_null(cd_msg_code(CD_MSG_MAX_));
	assert_string_equal(cd_level_name(CD_LEVEL_NOTE), "note");
	assert_string_equal(cd_level_name(CD_LEVEL_WARNING), "warning");
	assert_string_equal(cd_level_name(CD_LEVEL_ERROR), "error");
}

/* doc/messages.md lists every code (the test runs from the project root). */
static void
test_documented(void **state)
{
	unsigned char *doc;
	size_t len;
	cd_error err;

	(void)state;
	assert_int_equal(cd_read_file("doc/messages.md", 1 << 20, &doc, &len, &err), CD_OK);
	for (int i = 1; i < CD_MSG_MAX_; i++) {
		char want[80];

		snprintf(want, sizeof want, "| `%s` | %s |", cd_msg_code((cd_msg_id)i),
		         cd_level_name(cd_msg_level((cd_msg_id)i)));
		if (strstr((const char *)doc, want) == NULL)
			fail_msg("doc/messages.md does not list %s", want);
	}
	free(doc);
}

/* A clean document reports nothing; without a callback nothing happens. */
static void
test_quiet(void **state)
{
	t_doc d = { 0 };
	seen s;
	xmlDocPtr c;

	(void)state;
	d.body = T_P("Plain.");
	c = convert_doc(&d, &s);
	assert_int_equal(s.n, 0);
	xmlFreeDoc(c);
	d.body = "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r></w:p>";
	xmlFreeDoc(t_council(&d));   /* options without report: dropped */
}

/* Converts a document of body (and footnotes); the messages must be want
 * (NULL-terminated, in order) and the text must hold needle (when
 * present) or not. */
static void
check_body(const char *body, const char *footnotes, const char *const *want,
           const char *needle, int present)
{
	t_doc d = { 0 };
	seen s;
	xmlDocPtr c;
	int n = 0;

	d.body = body;
	d.footnotes = footnotes;
	c = convert_doc(&d, &s);
	for (; want[n] != NULL; n++)
		expect(&s, n, want[n]);
	assert_int_equal(s.n, n);
	assert_int_equal(t_has_text(c, needle), present);
	xmlFreeDoc(c);
}

/* Fields: an end without begin, a begin without end (flatten). */
static void
test_fields(void **state)
{
	static const char *const want[] = {
		"field-stray|note|word/document.xml|1|end",
		"field-unclosed|warning|word/document.xml|1|", NULL
	};

	(void)state;
	check_body("<w:p><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>" T_R_("", "y") "</w:p>"
	           "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>PAGE"
	           "</w:instrText></w:r><w:r><w:t>x</w:t></w:r></w:p>", NULL, want, "y", 1);
}

/* Symbols and characters no output may hold; alternate content with no
 * branch; a text box outside any paragraph. */
static void
test_flatten(void **state)
{
	static const char *const want[] = {
		"alternate-dropped|warning|word/document.xml|1|",
		"textbox-dropped|warning|word/document.xml|1|",
		"symbol-unknown|warning|word/document.xml|1|w:sym font \"Symbol\" char F0FF",
		"char-forbidden|warning|word/document.xml|1|w:sym font \"Arial\" char D800",
		"symbol-unknown|warning|word/document.xml|1|1 in a symbol-font run", NULL
	};

	(void)state;
	check_body("<w:p><w:r><w:sym w:font=\"Symbol\" w:char=\"F041\"/><w:sym w:font=\"Symbol\" "
	           "w:char=\"F0FF\"/><w:sym w:font=\"Arial\" w:char=\"D800\"/></w:r></w:p>"
	           "<w:p><w:r><w:rPr><w:rFonts w:ascii=\"Wingdings\" w:hAnsi=\"Wingdings\"/></w:rPr>"
	           "<w:t>\xef\x80\xa1\xef\x83\xbf</w:t></w:r></w:p>"
	           "<w:p><mc:AlternateContent><mc:Choice Requires=\"x\"><w:r><w:t>new</w:t></w:r>"
	           "</mc:Choice></mc:AlternateContent>" T_R_("", "kept") "</w:p>"
	           "<w:txbxContent>" T_P("stray box") "</w:txbxContent>", NULL, want, "stray box", 0);
}

/* Notes: a reference to a missing note, a note referenced twice. */
static void
test_notes(void **state)
{
	static const char *const want[] = {
		"note-missing|warning|word/document.xml|1|footnote 9",
		"note-repeated|note|word/document.xml|1|footnote 2", NULL
	};

	(void)state;
	check_body("<w:p>" T_R_("", "a") "<w:r><w:footnoteReference w:id=\"2\"/></w:r>"
	           "<w:r><w:footnoteReference w:id=\"9\"/></w:r>"
	           "<w:r><w:footnoteReference w:id=\"2\"/></w:r></w:p>",
	           "<w:footnote w:id=\"2\">" T_P("The note.") "</w:footnote>", want, "The note.", 1);
}

/* Structure: private-use text left by a symbol font set in a style. */
static void
test_structure(void **state)
{
	static const char *const want[] = {
		"char-forbidden|warning|word/document.xml|1|"
		"2 left in the text (a symbol font set by a style?)", NULL
	};

	(void)state;
	check_body(T_P("a\xee\x80\x80" "b\xef\x80\xa1"), NULL, want, "ab", 1);
}

/* The package: a duplicate entry, a missing part, a link and a picture
 * naming no relationship, broken properties, Strict namespaces. */
static void
test_package(void **state)
{
	static const char doc_xml[] = "<w:document " T_NS "><w:body><w:p><w:hyperlink r:id=\"rId9\">"
		T_R_("", "link") "</w:hyperlink><w:r><w:drawing><wp:inline><wp:docPr id=\"1\" "
		"name=\"P\" descr=\"A map\"/><a:graphic><a:graphicData><pic:pic><pic:blipFill>"
		"<a:blip r:embed=\"rId8\"/></pic:blipFill></pic:pic></a:graphicData></a:graphic>"
		"</wp:inline></w:drawing></w:r></w:p></w:body></w:document>";
	t_entry e[] = {
		{ "[Content_Types].xml", "<Types xmlns=\"" T_CT "\"><Override PartName=\"/word/document.xml\" "
		  "ContentType=\"" T_MAIN_CT "\"/></Types>", 0, 0 },
		{ "_rels/.rels", "<Relationships xmlns=\"" T_REL "\"><Relationship Id=\"rId1\" Type=\""
		  T_R "/officeDocument\" Target=\"word/document.xml\"/><Relationship Id=\"rId2\" "
		  "Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
		  "core-properties\" Target=\"docProps/core.xml\"/></Relationships>", 0, 0 },
		{ "word/document.xml", doc_xml, 0, 0 },
		{ "word/_rels/document.xml.rels", "<Relationships xmlns=\"" T_REL "\"><Relationship "
		  "Id=\"rId3\" Type=\"" T_R "/styles\" Target=\"styles.xml\"/><Relationship Id=\"rId4\" "
		  "Type=\"" T_R "/footnotes\" Target=\"../../up.xml\"/></Relationships>", 0, 0 },
		{ "docProps/core.xml", "<cp:coreProperties", 0, 0 },
		{ "Word/Document.xml", "<later/>", 0, 0 },
	};
	size_t len;
	unsigned char *z = t_zip(e, sizeof e / sizeof e[0], &len);
	seen s;
	xmlDocPtr c = convert(z, len, &s);

	(void)state;
	assert_non_null(c);
	assert_int_equal(s.n, 6);
	expect(&s, 0, "zip-duplicate|note|word/document.xml|0|also Word/Document.xml");
	expect(&s, 1, "part-missing|warning|word/styles.xml|0|styles");
	expect(&s, 2, "part-outside|warning|word/document.xml|0|../../up.xml");
	assert_non_null(strstr(s.v[3], "properties-malformed|warning|docProps/core.xml|0|"
	                               "docProps/core.xml:1: "));
	expect(&s, 4, "link-unresolved|warning|word/document.xml|1|r:id rId9");
	expect(&s, 5, "picture-unresolved|warning|word/document.xml|1|");
	assert_true(t_has_text(c, "link"));
	xmlFreeDoc(c);
	free(z);
}

/* Strict OOXML: one note for the whole package. */
static void
test_strict(void **state)
{
	t_entry e[] = {
		{ "_rels/.rels", "<Relationships xmlns=\"" T_REL "\"><Relationship Id=\"rId1\" "
		  "Type=\"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument\" "
		  "Target=\"word/document.xml\"/></Relationships>", 0, 0 },
		{ "word/document.xml", "<w:document xmlns:w=\"http://purl.oclc.org/ooxml/"
		  "wordprocessingml/main\"><w:body><w:p><w:r><w:t>Strict</w:t></w:r></w:p></w:body>"
		  "</w:document>", 0, 0 },
		{ "word/_rels/document.xml.rels", "<Relationships xmlns=\"" T_REL "\"/>", 0, 0 },
	};
	size_t len;
	unsigned char *z = t_zip(e, sizeof e / sizeof e[0], &len);
	seen s;
	xmlDocPtr c = convert(z, len, &s);

	(void)state;
	assert_non_null(c);
	assert_int_equal(s.n, 1);
	expect(&s, 0, "strict-ooxml|note|word/document.xml|0|");
	assert_true(t_has_text(c, "Strict"));
	xmlFreeDoc(c);
	free(z);
}

/* A stage leaves the package document as it found it: no route bound. */
static void
test_unbound(void **state)
{
	const char *x = "<pkg:package xmlns:pkg=\"urn:councildoc:pkg\" kind=\"docx\"><pkg:part "
		"name=\"word/document.xml\" role=\"document\"><w:document " T_NS "><w:body>"
		T_P("x") "</w:body></w:document></pkg:part></pkg:package>";
	cd_options o;
	cd_error err;
	seen s;
	xmlDocPtr d = cd_xml_parse("t", x, strlen(x), &err), c;

	(void)state;
	assert_non_null(d);
	memset(&s, 0, sizeof s);
	cd_options_init(&o);
	o.report = collect;
	o.report_ctx = &s;
	assert_int_equal(cd_flatten(d, &o, &err), CD_OK);
	assert_null(d->_private);
	assert_int_equal(cd_notes(d, &o, &err), CD_OK);
	assert_null(d->_private);
	c = cd_structure(d, &o, &err);
	assert_non_null(c);
	assert_null(d->_private);
	assert_null(c->_private);
	/* outside a stage a node's messages go nowhere */
	cd_msg_at(xmlDocGetRootElement(d), CD_MSG_FIELD_STRAY, NULL);
	assert_int_equal(s.n, 0);
	xmlFreeDoc(c);
	xmlFreeDoc(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_documented),
		cmocka_unit_test(test_quiet),
		cmocka_unit_test(test_fields),
		cmocka_unit_test(test_flatten),
		cmocka_unit_test(test_notes),
		cmocka_unit_test(test_structure),
		cmocka_unit_test(test_package),
		cmocka_unit_test(test_strict),
		cmocka_unit_test(test_unbound),
	};
	int rc;

	cd_init();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	cd_cleanup();
	return rc;
}
