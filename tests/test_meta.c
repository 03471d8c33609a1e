/* test_meta.c — header block lines, document numbers, dates, lead-in
 * labels, docProps and <meta> (pipeline/structure/meta/). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>

#include "cd_internal.h"

/* Offers line to a fresh cd_meta; checks it is consumed. */
static void
one_line(cd_meta *m, const char *line)
{
	cd_meta_init(m);
	assert_int_equal(cd_meta_line(m, line), 1);
}

static void
test_meeting(void **state)
{
	static const char *const lines[] = {
		"Council 2023", "Conseil 2023", "Consejo 2023", "Совет 2023",
		"المجلس 2023", "理事会 2023", "Council Working Group on Child Online Protection",
		"CWG-Internet", "Plenipotentiary Conference (PP-22)", ("Council\xC2\xA0" "2023"),
	};
	cd_meta m;

	(void)state;
	for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
		one_line(&m, lines[i]);
		assert_non_null(m.meeting);
		cd_meta_free(&m);
	}
	one_line(&m, "Council\t2023");
	assert_string_equal(m.meeting, "Council 2023");
	cd_meta_free(&m);
	cd_meta_init(&m);
	assert_int_equal(cd_meta_line(&m, "Council Resolution 1332 (Modified 2019) says"), 0);
	assert_int_equal(cd_meta_line(&m, "Councillors met in 2023"), 0);
	assert_int_equal(cd_meta_line(&m, "Report by the Secretary-General"), 0);
	assert_null(m.meeting);
	cd_meta_free(&m);
}

static void
test_place(void **state)
{
	static const char *const lines[] = {
		"Geneva, 11-21 July 2023", "Genève, 11-21 juillet 2023",
		"Ginebra, 11-21 de julio de 2023", "Женева, 11–21 июля 2023 года",
		"جنيف، 11-21 يوليو 2023", "日内瓦，2023年7月11-21日",
	};
	cd_meta m;

	(void)state;
	for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
		one_line(&m, lines[i]);
		assert_string_equal(m.place, lines[i]);
		assert_null(m.date);
		cd_meta_free(&m);
	}
	cd_meta_init(&m);
	assert_int_equal(cd_meta_line(&m, "In addition, the meeting ended on 5 June 2023"), 0);
	assert_int_equal(cd_meta_line(&m, "Geneva, Switzerland"), 0);
	cd_meta_free(&m);
}

static void
test_agenda(void **state)
{
	static const char *const lines[] = {
		"Agenda item: PL 1.9", "Point de l'ordre du jour: PL 1.9",
		"Point de l’ordre du jour : PL 1.9", "Punto del orden del día: PL 1.9",
		"Пункт повестки дня: PL 1.9", "بند جدول الأعمال: PL 1.9",
		"议程项目：PL 1.9", ("AGENDA ITEM:\tPL\xC2\xA0" "1.9"),
	};
	static const char *const langs[] = {"en", "fr", "fr", "es", "ru", "ar", "zh", "en"};
	cd_meta m;

	(void)state;
	for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
		one_line(&m, lines[i]);
		assert_string_equal(m.agenda, "PL 1.9");
		assert_string_equal(m.lang, langs[i]);
		cd_meta_free(&m);
	}
}

static void
test_docnum_line(void **state)
{
	static const char *const lines[] = {
		"Document C23/35-E", "Documento C23/35-E", "Документ C23/35-E",
		"الوثيقة C23/35-E", "文件 C23/35-E", "C23/35-E", ("Document\xC2\xA0" "C23/35-E"),
	};
	cd_meta m;

	(void)state;
	for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
		one_line(&m, lines[i]);
		assert_string_equal(m.document, "C23/35-E");
		assert_string_equal(m.doc_session, "C23");
		assert_string_equal(m.doc_number, "35");
		assert_string_equal(m.doc_lang, "en");
		cd_meta_free(&m);
	}
	one_line(&m, "Document C23/XX-E");
	assert_string_equal(m.document, "C23/XX-E");
	assert_string_equal(m.doc_number, "XX");
	cd_meta_free(&m);
	one_line(&m, "CWG-Internet-18/3-E");
	assert_string_equal(m.doc_session, "CWG-Internet-18");
	cd_meta_free(&m);
	cd_meta_init(&m);
	assert_int_equal(cd_meta_line(&m, "Document C23/-E"), 0);
	assert_int_equal(cd_meta_line(&m, "C23/35"), 0);   /* bare: needs -E */
	assert_int_equal(cd_meta_line(&m, "Documents are available"), 0);
	assert_null(m.document);
	cd_meta_free(&m);
}

static void
test_parse_docnum(void **state)
{
	cd_meta m;

	(void)state;
	cd_meta_init(&m);
	assert_int_equal(cd_meta_parse_docnum(&m, "C23/35(Rev.1)-E"), 1);
	assert_string_equal(m.doc_session, "C23");
	assert_string_equal(m.doc_number, "35");
	assert_string_equal(m.doc_rev, "1");
	assert_null(m.doc_add);
	assert_int_equal(cd_meta_parse_docnum(&m, "C23/35(Add.2)-F"), 1);
	assert_string_equal(m.doc_add, "2");
	assert_null(m.doc_rev);
	assert_string_equal(m.doc_lang, "fr");
	assert_int_equal(cd_meta_parse_docnum(&m, "C22/58(Corr.1)-S"), 1);
	assert_string_equal(m.doc_cor, "1");
	assert_string_equal(m.doc_lang, "es");
	assert_int_equal(cd_meta_parse_docnum(&m, "C22/58 (Cor.3)-C"), 1);
	assert_string_equal(m.doc_cor, "3");
	assert_string_equal(m.doc_lang, "zh");
	assert_int_equal(cd_meta_parse_docnum(&m, "C23/35-R"), 1);
	assert_string_equal(m.doc_lang, "ru");
	assert_int_equal(cd_meta_parse_docnum(&m, "C23/35-A"), 1);
	assert_string_equal(m.doc_lang, "ar");
	assert_int_equal(cd_meta_parse_docnum(&m, "C23/INF/5-E"), 1);
	assert_string_equal(m.doc_session, "C23/INF");
	assert_string_equal(m.doc_number, "5");
	assert_int_equal(cd_meta_parse_docnum(&m, "CWG-Internet-18/3-E"), 1);
	assert_string_equal(m.doc_session, "CWG-Internet-18");
	assert_string_equal(m.doc_number, "3");
	/* malformed: nothing changes */
	static const char *const bad[] = {
		"C23/-E", "/35-E", "C23/35(Rev.)-E", "C23/35(Foo.1)-E", "C23/35(Rev.1",
		"hello", "", "C23/35 -E x", "Council/ab-E", "C23/3 5-E",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(cd_meta_parse_docnum(&m, bad[i]), 0);
	assert_string_equal(m.doc_session, "CWG-Internet-18");
	cd_meta_free(&m);
}

static void
test_dates(void **state)
{
	static const char *const good[] = {
		"1 June 2023", "5 mai 2023", "2 de junio de 2023", "1 июня 2023 года",
		"1 يونيو 2023", "2023年6月1日", "June 1, 2023", "2023-06-01",
		"1er juin 2023", ("1\xC2\xA0June\xC2\xA0" "2023"), "1 يونيه 2023", "١ يونيو ٢٠٢٣",
		"29 February 2024", "1 JUNE 2023", "1 Июня 2023 г.",
	};
	static const char *const iso[] = {
		"2023-06-01", "2023-05-05", "2023-06-02", "2023-06-01", "2023-06-01",
		"2023-06-01", "2023-06-01", "2023-06-01", "2023-06-01", "2023-06-01",
		"2023-06-01", "2023-06-01", "2024-02-29", "2023-06-01", "2023-06-01",
	};
	static const char *const bad[] = {
		"32 June 2023", "29 February 2023", "0 June 2023", "1 Juner 2023",
		"2023-13-01", "June 2023", "1 June 23", "1 June 2023 and more", "",
		"Council 2023", "11-21 July 2023", "(19 OCT 2018)",
	};
	char out[11];

	(void)state;
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		memset(out, 0, sizeof out);
		assert_int_equal(cd_meta_parse_date(good[i], out), 1);
		assert_string_equal(out, iso[i]);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(cd_meta_parse_date(bad[i], out), 0);
}

static void
test_date_line(void **state)
{
	cd_meta m;

	(void)state;
	one_line(&m, "2 de junio de 2023");
	assert_string_equal(m.date, "2 de junio de 2023");
	assert_string_equal(m.date_iso, "2023-06-02");
	assert_string_equal(m.lang, "es");
	cd_meta_free(&m);
	cd_meta_init(&m);
	assert_int_equal(cd_meta_line(&m, "32 June 2023"), 0);
	cd_meta_free(&m);
}

static void
test_original(void **state)
{
	static const char *const lines[] = {
		"Original: English", "Original: anglais", "Original : anglais",
		"Original: inglés", "Оригинал: английский", "الأصل: بالإنكليزية", "原文：英文",
	};
	static const char *const words[] = {
		"English", "anglais", "anglais", "inglés", "английский", "بالإنكليزية", "英文",
	};
	static const char *const langs[] = {"en", "fr", "fr", "es", "ru", "ar", "zh"};
	cd_meta m;

	(void)state;
	for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
		one_line(&m, lines[i]);
		assert_string_equal(m.original, words[i]);
		assert_string_equal(m.lang, langs[i]);
		cd_meta_free(&m);
	}
	/* the document letter wins over the original's language word */
	cd_meta_init(&m);
	assert_int_equal(cd_meta_line(&m, "Document C23/35-F"), 1);
	assert_int_equal(cd_meta_line(&m, "Original: English"), 1);
	assert_string_equal(m.lang, "fr");
	cd_meta_free(&m);
}

static void
test_leadin(void **state)
{
	static const char *const purpose[] = {
		"Purpose", "Purpose:", "PURPOSE", " Objet ", "Objeto", "Finalidad",
		"Цель", "الغرض", "目的", "目的：",
	};
	static const char *const action[] = {
		"Action required", "Action required:", "Suite à donner", "Mesure à prendre",
		"Décision demandée", "Acción solicitada", "Acción requerida",
		"Decisión solicitada", "Необходимые действия", "الإجراء المطلوب",
		"需要采取的行动", "要求采取的行动", "Action\xC2\xA0required",
		"Action required by the Council", "Action required by the Council:",
		"Suite à donner par le Conseil", "Acción solicitada al Consejo",
		"Необходимые действия со стороны Совета", "الإجراء المطلوب من المجلس",
		"需要理事会采取的行动",
	};
	static const char *const refs[] = {
		"References", "Reference", "references:", "Références", "Referencias",
		"Справочные материалы", "Ссылки", "المراجع", "参考文献", "参考资料",
	};

	(void)state;
	for (size_t i = 0; i < sizeof purpose / sizeof purpose[0]; i++)
		assert_int_equal(cd_meta_leadin(purpose[i]), CD_LEADIN_PURPOSE);
	for (size_t i = 0; i < sizeof action / sizeof action[0]; i++)
		assert_int_equal(cd_meta_leadin(action[i]), CD_LEADIN_ACTION);
	for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++)
		assert_int_equal(cd_meta_leadin(refs[i]), CD_LEADIN_REFERENCES);
	assert_int_equal(cd_meta_leadin("Purpose of the review"), CD_LEADIN_NONE);
	assert_int_equal(cd_meta_leadin("Actions"), CD_LEADIN_NONE);
	assert_int_equal(cd_meta_leadin("Action required by the Council of Europe"), CD_LEADIN_NONE);
	assert_int_equal(cd_meta_leadin(""), CD_LEADIN_NONE);
	assert_int_equal(cd_meta_leadin(":"), CD_LEADIN_NONE);
}

static const char pkg_xml[] =
	"<pkg:package xmlns:pkg='urn:councildoc:pkg' kind='docx'>"
	"<pkg:part name='docProps/core.xml' role='core'>"
	"<cp:coreProperties xmlns:cp='http://schemas.openxmlformats.org/package/2006/metadata/core-properties'"
	" xmlns:dc='http://purl.org/dc/elements/1.1/'>"
	"<dc:title>ITU Internet  activities</dc:title><dc:subject>Council 2023</dc:subject>"
	"<cp:keywords>C23/XX-E</cp:keywords><dc:language>en-GB</dc:language>"
	"</cp:coreProperties></pkg:part>"
	"<pkg:part name='docProps/custom.xml' role='custom'>"
	"<Properties xmlns='http://schemas.openxmlformats.org/officeDocument/2006/custom-properties'"
	" xmlns:vt='http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes'>"
	"<property name='Doc_Number' pid='2'><vt:lpwstr>C23/35-E</vt:lpwstr></property>"
	"<property name='Agenda Item' pid='3'><vt:lpwstr>PL 1.9</vt:lpwstr></property>"
	"<property name='Date' pid='4'><vt:lpwstr>1 June 2023</vt:lpwstr></property>"
	"</Properties></pkg:part></pkg:package>";

static void
test_props(void **state)
{
	xmlDocPtr pkg = xmlReadMemory(pkg_xml, (int)strlen(pkg_xml), "pkg.xml", NULL, XML_PARSE_NONET);
	cd_meta m;

	(void)state;
	assert_non_null(pkg);
	cd_meta_init(&m);
	assert_int_equal(cd_meta_line(&m, "Agenda item: ADM 3"), 1);
	cd_meta_props(&m, pkg);
	assert_string_equal(m.title, "ITU Internet activities");
	assert_string_equal(m.meeting, "Council 2023");
	assert_string_equal(m.document, "C23/XX-E");   /* keywords come first */
	assert_string_equal(m.agenda, "ADM 3");         /* already set: kept */
	assert_string_equal(m.date_iso, "2023-06-01");
	assert_string_equal(m.lang, "en");
	cd_meta_free(&m);
	cd_meta_props(&m, NULL);
	xmlFreeDoc(pkg);
}

/* A template's field label left in the properties is no title. */
static void
test_props_label_title(void **state)
{
	static const char x[] =
		"<pkg:package xmlns:pkg='urn:councildoc:pkg' kind='docx'>"
		"<pkg:part name='docProps/core.xml' role='core'>"
		"<cp:coreProperties xmlns:cp='http://schemas.openxmlformats.org/package/2006/metadata/core-properties'"
		" xmlns:dc='http://purl.org/dc/elements/1.1/'><dc:title>Question(s): </dc:title>"
		"</cp:coreProperties></pkg:part></pkg:package>";
	xmlDocPtr pkg = xmlReadMemory(x, (int)strlen(x), "pkg.xml", NULL, XML_PARSE_NONET);
	cd_meta m;

	(void)state;
	assert_non_null(pkg);
	cd_meta_init(&m);
	cd_meta_props(&m, pkg);
	assert_null(m.title);
	cd_meta_free(&m);
	xmlFreeDoc(pkg);
}

static void
test_node(void **state)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr root = xmlNewDocNode(doc, NULL, BAD_CAST "council", NULL);
	xmlNsPtr ns = xmlNewNs(root, BAD_CAST CD_NS, NULL);
	xmlBufferPtr buf = xmlBufferCreate();
	cd_meta m;

	(void)state;
	xmlSetNs(root, ns);
	xmlDocSetRootElement(doc, root);
	cd_meta_init(&m);
	assert_null(cd_meta_node(&m, doc, ns));
	assert_int_equal(cd_meta_line(&m, "Original: English"), 1);
	assert_int_equal(cd_meta_line(&m, "1 June 2023"), 1);
	assert_int_equal(cd_meta_line(&m, "Document C23/35(Rev.1)-E"), 1);
	assert_int_equal(cd_meta_line(&m, "Council 2023"), 1);
	m.title = strdup("A & B");
	xmlAddChild(root, cd_meta_node(&m, doc, ns));
	xmlNodeDump(buf, doc, root, 0, 0);
	assert_string_equal((const char *)xmlBufferContent(buf),
		"<council xmlns=\"urn:councildoc:1\"><meta><meeting>Council 2023</meeting>"
		"<document session=\"C23\" number=\"35\" rev=\"1\" lang=\"en\">C23/35(Rev.1)-E</document>"
		"<date when=\"2023-06-01\">1 June 2023</date><original>English</original>"
		"<title>A &amp; B</title></meta></council>");
	xmlBufferFree(buf);
	cd_meta_free(&m);
	xmlFreeDoc(doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_meeting),
		cmocka_unit_test(test_place),
		cmocka_unit_test(test_agenda),
		cmocka_unit_test(test_docnum_line),
		cmocka_unit_test(test_parse_docnum),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_date_line),
		cmocka_unit_test(test_original),
		cmocka_unit_test(test_leadin),
		cmocka_unit_test(test_props),
		cmocka_unit_test(test_props_label_title),
		cmocka_unit_test(test_node),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
