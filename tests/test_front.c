/*
 * test_front.c — the front matter of a report through the real stages
 * (cd_convert on a DOCX built in memory): the header block, the source
 * line and the lead-in box in other languages than English, the subject
 * line of a covering note as its title, and the rule
 * that keeps the reading order (a lead-in label after body text stays
 * where it is).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "cdtest.h"

#define HEADER_RU "<w:tbl><w:tr>" \
	"<w:tc><w:p><w:r><w:t>Совет 2023</w:t></w:r></w:p></w:tc>" \
	"<w:tc><w:p><w:r><w:t>Документ C23/35-R</w:t></w:r></w:p></w:tc></w:tr>" \
	"<w:tr><w:tc><w:p><w:r><w:t>Пункт повестки дня: PL 1.4</w:t></w:r></w:p></w:tc>" \
	"<w:tc><w:p><w:r><w:t>Оригинал: английский</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"

/* A Russian report: source, title, Purpose and "Action required by the
 * Council" go to meta and summary. */
static void
test_russian_front(void **state)
{
	xmlDocPtr c;

	(void)state;
	c = t_body(HEADER_RU T_P("Отчет Генерального секретаря") T_P("ДЕЯТЕЛЬНОСТЬ МСЭ")
	           T_P("Цель") T_P("В настоящем отчете излагается деятельность.")
	           T_P("Необходимые действия со стороны Совета")
	           T_P("Совету предлагается принять отчет к сведению.")
	           T_P("____________") T_P("Текст."));
	t_expect(c, "string(//c:meta/c:document)", "C23/35-R");
	t_expect(c, "string(//c:meta/c:source)", "Отчет Генерального секретаря");
	t_expect(c, "string(//c:meta/c:title)", "ДЕЯТЕЛЬНОСТЬ МСЭ");
	t_expect(c, "string(//c:summary/c:purpose/c:p)", "В настоящем отчете излагается деятельность.");
	t_expect(c, "string(//c:summary/c:action/c:p)", "Совету предлагается принять отчет к сведению.");
	t_expect(c, "string(/c:council/c:p)", "Текст.");
	xmlFreeDoc(c);
}

/* Body text before a lead-in label: no summary (it would come before that
 * text); the label and its paragraphs stay in place, in order. */
static void
test_leadin_after_body(void **state)
{
	xmlDocPtr c;

	(void)state;
	c = t_body(T_P("An opening paragraph nobody recognises.") T_P("Purpose")
	           T_P("This report summarizes.") T_P("Closing."));
	t_expect(c, "count(//c:summary)", "0");
	t_expect_paras(c, "An opening paragraph nobody recognises.|Purpose|This report summarizes.|"
	               "Closing.");
	xmlFreeDoc(c);
	/* a picture before the label does not count as body text */
	c = t_body("<w:p><w:r><w:drawing><wp:inline><wp:docPr id=\"1\" name=\"Logo\" descr=\"ITU\"/>"
	           "</wp:inline></w:drawing></w:r></w:p>" T_P("Purpose") T_P("This report summarizes."));
	t_expect(c, "string(//c:summary/c:purpose/c:p)", "This report summarizes.");
	xmlFreeDoc(c);
}

/* A covering note has no title line: its subject line names it, and stays
 * in the body; a report's own title line is not replaced by one. */
static void
test_subject_line(void **state)
{
	xmlDocPtr c;

	(void)state;
	c = t_body(T_P("COVERING NOTE") T_P("Geneva, 28 March 2017")
	           T_P("Subject: Erratum to Recommendation ITU-T T.832") T_P("In clause E.2, replace."));
	t_expect(c, "string(//c:meta/c:title)", "Erratum to Recommendation ITU-T T.832");
	t_expect(c, "string(//c:meta/c:title/@origin)", "body");
	t_expect(c, "count(/c:council/c:p[starts-with(., 'Subject: Erratum')])", "1");
	xmlFreeDoc(c);
	c = t_body(T_P("Objet: Corrigendum 1") T_P("Texte."));
	t_expect(c, "string(//c:meta/c:title)", "Corrigendum 1");
	xmlFreeDoc(c);
	/* the report's own title line wins */
	c = t_body(T_P("Report by the Secretary-General") T_P("ITU INTERNET ACTIVITIES")
	           T_P("Subject: not the title") T_P("Text."));
	t_expect(c, "string(//c:meta/c:title)", "ITU INTERNET ACTIVITIES");
	xmlFreeDoc(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_russian_front),
		cmocka_unit_test(test_leadin_after_body),
		cmocka_unit_test(test_subject_line),
	};
	int rc;

	cd_init();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	cd_cleanup();
	return rc;
}
