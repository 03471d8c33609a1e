/*
 * test_figures.c — pictures, drawn figures, charts and equation objects:
 * flatten (pipeline/flatten/figures.c, charts.c) and the media step
 * (output/media.c: reading, naming, de-duplicating, refusing).
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
#include <zip.h>

#include "stagetest.h"
#include "cdtest.h"

#define PKGNS "xmlns:pkg=\"urn:councildoc:pkg\" "
#define O_NS "xmlns:o=\"urn:schemas-microsoft-com:office:office\" "
#define WPG_NS "xmlns:wpg=\"http://schemas.microsoft.com/office/word/2010/wordprocessingGroup\" "
#define C_NS "xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" "

static xmlDocPtr
flatten(const char *s)
{
	return st_run(s, cd_flatten);
}

/* A DrawingML picture with docPr attributes attrs and picture part src. */
#define PIC(attrs, src) "<w:r><w:drawing><wp:inline><wp:extent cx=\"952500\" cy=\"476250\"/>" \
	"<wp:docPr id=\"1\" " attrs "/><a:graphic><a:graphicData><a:blip " PKGNS \
	"pkg:src=\"" src "\"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"

static void
test_alt_rules(void **state)
{
	xmlDocPtr d = flatten(DOC(
		"<w:p>" PIC("name=\"Picture 3\" descr=\"Budget by region\"", "word/media/a.png") "</w:p>"
		"<w:p>" PIC("name=\"Picture 4\" descr=\"Picture 4\" title=\"Staff numbers\"", "word/media/b.png") "</w:p>"
		"<w:p>" PIC("name=\"x\" descr=\"C:\\Users\\me\\chart.emf\"", "word/media/c.png") "</w:p>"
		"<w:p>" PIC("name=\"x\" descr=\"image1.png\" title=\"Grafik 12\"", "word/media/d.png") "</w:p>"
		"<w:p>" PIC("name=\"x\" descr=\"logo_E\" title=\"Rate of growth 2\"", "word/media/e.png") "</w:p>"));

	(void)state;
	assert_true(xml_has(d, "alt=\"Budget by region\""));
	assert_true(xml_has(d, "<pkg:image title=\"Staff numbers\" width=\"100\" height=\"50\" "
	                       "src=\"word/media/b.png\" kind=\"picture\"/>"));
	assert_true(xml_has(d, "<pkg:image width=\"100\" height=\"50\" src=\"word/media/c.png\""));
	assert_true(xml_has(d, "<pkg:image width=\"100\" height=\"50\" src=\"word/media/d.png\""));
	/* a title that happens to end in a number is a title */
	assert_true(xml_has(d, "<pkg:image title=\"Rate of growth 2\" width=\"100\" height=\"50\" src=\"word/media/e.png\""));
	assert_false(xml_has(d, "Users"));
	assert_false(xml_has(d, "Grafik"));
	xmlFreeDoc(d);
}

/* A group of shapes: its text boxes are its labels (not loose
 * paragraphs), one text box one line, its picture nested. */
static void
test_group_labels(void **state)
{
	xmlDocPtr d = flatten(DOC(
		"<w:p><w:r><w:t>Before</w:t></w:r><w:r><w:drawing><wp:anchor><wp:docPr id=\"1\" name=\"Group 5\"/>"
		"<a:graphic><a:graphicData><wpg:wgp " WPG_NS ">"
		"<wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>Page and</w:t></w:r><w:r><w:br/></w:r>"
		"<w:r><w:t>auxiliary</w:t></w:r></w:p><w:p><w:r><w:t>buffers</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp>"
		"<wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>Decoder</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp>"
		"<a:blip " PKGNS "pkg:src=\"word/media/logo.png\"/>"
		"</wpg:wgp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r></w:p>"
		"<w:p><w:r><w:t>After</w:t></w:r></w:p>"));

	(void)state;
	assert_true(xml_has(d, "kind=\"group\""));
	/* one paragraph of labels: a text box's lines joined by spaces, a line
	 * break between text boxes */
	assert_true(xml_has(d, "<w:br/></w:r><w:r><w:t>Decoder</w:t>"));
	assert_false(xml_has(d, "<w:br/></w:r><w:r><w:t>auxiliary"));
	/* the labels stay inside the figure (its paragraphs end before the
	 * anchoring paragraph does): labels, picture, anchor, "After" */
	expect_text(d, "BeforePage and auxiliary buffersDecoder|||After|");
	assert_true(xml_has(d, "<pkg:image kind=\"picture\" src=\"word/media/logo.png\"/>"));
	xmlFreeDoc(d);
}

/* A VML group (the fallback of older documents) is a drawing too; a
 * lone text box outside any group still joins the text flow. */
static void
test_vml_group(void **state)
{
	xmlDocPtr d = flatten(DOC(
		"<w:p><w:r><w:pict><v:group><v:rect><v:textbox><w:txbxContent><w:p><w:r><w:t>Encoder</w:t>"
		"</w:r></w:p></w:txbxContent></v:textbox></v:rect><v:shape><v:textbox><w:txbxContent><w:p><w:r>"
		"<w:t>Decoder</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></v:group></w:pict></w:r></w:p>"
		"<w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>Loose</w:t></w:r></w:p>"
		"</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>"));

	(void)state;
	assert_true(xml_has(d, "kind=\"group\""));
	assert_true(xml_has(d, "<w:t>Encoder</w:t></w:r><w:r><w:br/></w:r><w:r><w:t>Decoder</w:t>"));
	/* labels, their anchor paragraph, the (empty) anchor of the loose text
	 * box, then the loose text box after it */
	expect_text(d, "EncoderDecoder|||Loose|");
	assert_false(xml_has(d, "txbxContent"));
	xmlFreeDoc(d);
}

static void
test_equation_object(void **state)
{
	xmlDocPtr d = flatten(DOC(
		"<w:p><w:r><w:object " O_NS "><v:shape style=\"width:36pt;height:12pt\">"
		"<v:imagedata " PKGNS "pkg:src=\"word/media/eq1.wmf\" o:title=\"\"/></v:shape>"
		"<o:OLEObject Type=\"Embed\" ProgID=\"Equation.DSMT4\"/></w:object></w:r></w:p>"));

	(void)state;
	assert_true(xml_has(d, "<pkg:image width=\"48\" height=\"16\" src=\"word/media/eq1.wmf\" "
	                       "kind=\"equation\"/>"));
	xmlFreeDoc(d);
}

static const char chart_pkg[] =
	PKG_OPEN "<pkg:part name=\"word/document.xml\" role=\"document\"><w:document " W_DECL "><w:body>"
	"<w:p><w:r><w:drawing><wp:inline><wp:docPr id=\"1\" name=\"Chart 1\"/><a:graphic><a:graphicData>"
	"<c:chart " C_NS PKGNS "pkg:src=\"word/charts/chart1.xml\"/></a:graphicData></a:graphic>"
	"</wp:inline></w:drawing></w:r></w:p></w:body></w:document></pkg:part>"
	"<pkg:part name=\"word/charts/chart1.xml\" role=\"chart\"><c:chartSpace " C_NS
	"xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><c:chart>"
	"<c:title><c:tx><c:rich><a:p><a:r><a:t>Income</a:t></a:r></a:p></c:rich></c:tx></c:title>"
	"<c:plotArea><c:barChart>"
	"<c:ser><c:tx><c:strRef><c:f>S!B1</c:f><c:strCache><c:pt idx=\"0\"><c:v>Budget</c:v></c:pt></c:strCache></c:strRef></c:tx>"
	"<c:cat><c:strRef><c:strCache><c:pt idx=\"0\"><c:v>2022</c:v></c:pt><c:pt idx=\"1\"><c:v>2023</c:v></c:pt></c:strCache></c:strRef></c:cat>"
	"<c:val><c:numRef><c:numCache><c:pt idx=\"0\"><c:v>10.5</c:v></c:pt><c:pt idx=\"1\"><c:v>12</c:v></c:pt></c:numCache></c:numRef></c:val></c:ser>"
	"<c:ser><c:tx><c:v>Actual</c:v></c:tx>"
	"<c:val><c:numRef><c:numCache><c:pt idx=\"1\"><c:v>11</c:v></c:pt></c:numCache></c:numRef></c:val></c:ser>"
	"</c:barChart></c:plotArea></c:chart></c:chartSpace></pkg:part></pkg:package>";

static void
test_chart_table(void **state)
{
	xmlDocPtr d = flatten(chart_pkg);

	(void)state;
	assert_true(xml_has(d, "title=\"Income\""));
	assert_true(xml_has(d, "kind=\"chart\""));
	assert_true(xml_has(d, "<w:tblHeader/>"));
	/* header row: corner, categories; a row per series; a missing point
	 * is an empty cell */
	expect_text(d, "|2022|2023|Budget|10.5|12|Actual||11||");
	xmlFreeDoc(d);
}

/* ---- the media step ---- */

static const char png_a[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x02\0\0\0\x03\x08\x02\0\0\0";
static const char png_bomb[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\x01\x86\xa0\0\x01\x86\xa0\x08\x02\0\0\0";
static const char emf_bad[] = "\x01\0\0\0\x6c\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"
                              "\0\0\0\0\0\0\0\0 EMF\0\0\x01\0garbage";

static xmlDocPtr
council(const char *body)
{
	char *s = t_cat("<council xmlns=\"urn:councildoc:1\" xmlns:pkg=\"urn:councildoc:pkg\" "
	                "version=\"1\" xml:lang=\"en\">", body, "</council>", NULL);
	xmlDocPtr d = parse(s);

	free(s);
	return d;
}

static void
test_media_collect(void **state)
{
	t_entry e[] = {
		{ "word/document.xml", "<x/>", 0, 0 },
		{ "word/media/a b?.png", png_a, sizeof png_a - 1, 0 },
		{ "word/media/copy.png", png_a, sizeof png_a - 1, 0 },
		{ "word/media/bomb.png", png_bomb, sizeof png_bomb - 1, 0 },
		{ "word/media/junk.png", "not a picture", 0, 0 },
		{ "word/media/eq.emf", emf_bad, sizeof emf_bad - 1, 0 },
	};
	size_t len;
	unsigned char *zip = t_zip(e, sizeof e / sizeof e[0], &len);
	xmlDocPtr d = council(
		"<p><figure pkg:part=\"word/media/a b?.png\"/><figure pkg:part=\"word/media/A B?.PNG\"/>"
		"<figure pkg:part=\"word/media/copy.png\" width=\"9\"/><figure pkg:part=\"word/media/bomb.png\"/>"
		"<figure pkg:part=\"word/media/junk.png\"/><figure pkg:part=\"word/media/gone.png\"/>"
		"<figure pkg:part=\"word/media/eq.emf\"/><figure pkg:href=\"file:///C:/x.png\"/></p>");
	cd_media m;
	cd_options o;
	cd_error err;
	t_msgs w;
	char *x;

	(void)state;
	cd_options_init(&o);
	t_msgs_on(&o, &w);
	assert_int_equal(cd_media_collect(d, zip, len, "r.media/", &o, &m, &err), CD_OK);
	/* one file for the picture used twice and its copy, the metafile kept */
	assert_int_equal(m.nfiles, 2);
	assert_string_equal(m.files[0].name, "a_b_.png");
	assert_int_equal(m.files[0].len, sizeof png_a - 1);
	assert_string_equal(m.files[1].name, "eq.emf");
	x = doc_xml(d);
	assert_non_null(strstr(x, "<figure src=\"r.media/a_b_.png\" type=\"image/png\" width=\"2\" "
	                          "height=\"3\"/><figure src=\"r.media/a_b_.png\""));
	assert_non_null(strstr(x, "<figure width=\"9\" src=\"r.media/a_b_.png\" type=\"image/png\"/>"));
	assert_non_null(strstr(x, "<figure src=\"r.media/eq.emf\" type=\"image/emf\"/>"));
	assert_null(strstr(x, "pkg:"));
	assert_null(strstr(x, "bomb"));
	assert_int_equal(w.n, 5);
	assert_string_equal(w.v[0], "media-bomb|warning|word/media/bomb.png|0|100000x100000 pixels");
	assert_string_equal(w.v[1], "media-format|warning|word/media/junk.png|0|");
	assert_string_equal(w.v[2], "media-missing|warning|word/media/gone.png|0|");
	assert_string_equal(w.v[3], "media-linked|warning||0|file:///C:/x.png");
	/* the metafiles are converted after all pictures are read */
	assert_string_equal(w.v[4], "media-convert|warning|word/media/eq.emf|0|EMF");
	free(x);
	cd_media_free(&m);
	xmlFreeDoc(d);
	free(zip);
}

/* A placeable WMF, frame 1000 x 500 units at 1000 per inch (96 x 48
 * pixels), drawing one rectangle from (400,200) to (600,300). */
static const char wmf_frame[] =
	"\xd7\xcd\xc6\x9a\x00\x00\x00\x00\x00\x00\xe8\x03\xf4\x01\xe8\x03\x00\x00\x00\x00"
	"\xe5\x56\x01\x00\x09\x00\x00\x03\x1d\x00\x00\x00\x00\x00\x07\x00\x00\x00\x00\x00"
	"\x05\x00\x00\x00\x0b\x02\x00\x00\x00\x00\x05\x00\x00\x00\x0c\x02\xf4\x01\xe8\x03"
	"\x07\x00\x00\x00\x1b\x04\x2c\x01\x58\x02\xc8\x00\x90\x01\x03\x00\x00\x00\x00\x00";

/* A metafile whose drawing does not reach the edges of its frame keeps its
 * true scale in the SVG (an equation's text drawn in the middle of its
 * frame is not stretched over the whole picture). */
static void
test_media_wmf_frame(void **state)
{
	t_entry e[] = {
		{ "word/document.xml", "<x/>", 0, 0 },
		{ "word/media/f.wmf", wmf_frame, sizeof wmf_frame - 1, 0 },
	};
	size_t len;
	unsigned char *zip = t_zip(e, sizeof e / sizeof e[0], &len);
	xmlDocPtr d = council("<p><figure pkg:part=\"word/media/f.wmf\"/></p>");
	cd_media m;
	cd_options o;
	cd_error err;
	char *svg;

	(void)state;
	cd_options_init(&o);
	assert_int_equal(cd_media_collect(d, zip, len, "r.media/", &o, &m, &err), CD_OK);
	assert_int_equal(m.nfiles, 2);
	assert_string_equal(m.files[1].name, "f.svg");
	svg = strndup((const char *)m.files[1].data, m.files[1].len);
	assert_non_null(svg);
	/* the rectangle where it is in the frame (40% across, 40% down, a
	 * fifth of the width), not stretched over the 96 x 48 picture */
	assert_non_null(strstr(svg, "width=\"96\" height=\"48\""));
	assert_non_null(strstr(svg, "<rect x=\"38.39"));
	assert_non_null(strstr(svg, "y=\"19.19"));
	assert_non_null(strstr(svg, "width=\"19.20"));
	free(svg);
	cd_media_free(&m);
	xmlFreeDoc(d);
	free(zip);
}

/* Without a media folder nothing is read; the temporary attributes go. */
static void
test_media_none(void **state)
{
	xmlDocPtr d = council("<figure alt=\"A\" pkg:part=\"word/media/a.png\"/>");
	cd_media m;
	cd_error err;
	char *x;

	(void)state;
	assert_int_equal(cd_media_collect(d, (const unsigned char *)"x", 1, NULL, NULL, &m, &err), CD_OK);
	assert_int_equal(m.nfiles, 0);
	x = doc_xml(d);
	assert_non_null(strstr(x, "<figure alt=\"A\"/>"));
	assert_null(strstr(x, "urn:councildoc:pkg"));
	free(x);
	xmlFreeDoc(d);
}

/* A picture part over the package bounds is refused alone. */
static void
test_media_bounds(void **state)
{
	char *big = malloc(3 << 20);
	t_entry e[] = { { "word/document.xml", "<x/>", 0, 0 }, { "word/media/big.png", big, 3 << 20, 0 } };
	size_t len;
	unsigned char *zip;
	xmlDocPtr d = council("<figure pkg:part=\"word/media/big.png\"/>");
	cd_media m;
	cd_options o;
	cd_error err;
	t_msgs w;

	(void)state;
	assert_non_null(big);
	memcpy(big, png_a, sizeof png_a - 1);
	memset(big + sizeof png_a - 1, 0, (3 << 20) - (sizeof png_a - 1));
	zip = t_zip(e, 2, &len);
	cd_options_init(&o);
	o.max_part_size = 1 << 20;
	t_msgs_on(&o, &w);
	assert_int_equal(cd_media_collect(d, zip, len, "m/", &o, &m, &err), CD_OK);
	assert_int_equal(m.nfiles, 0);
	assert_int_equal(w.n, 1);
	assert_non_null(strstr(w.v[0], "media-missing|warning|word/media/big.png|0|"));
	assert_non_null(strstr(w.v[0], "too large"));
	cd_media_free(&m);
	xmlFreeDoc(d);
	free(zip);
	free(big);
}

/* A thousand and one parts, all called x.png: a thousand files with
 * distinct names, quickly; the last one refused by the count bound. */
static void
test_media_many(void **state)
{
	enum { N = 1001 };
	t_entry *e = calloc(N + 1, sizeof *e);
	char (*names)[32] = calloc(N, sizeof *names), (*data)[64] = calloc(N, sizeof *data);
	cd_buf body;
	size_t len;
	unsigned char *zip;
	xmlDocPtr d;
	cd_media m;
	cd_options o;
	cd_error err;
	t_msgs w;
	int distinct = 1;

	(void)state;
	assert_non_null(e);
	assert_non_null(names);
	assert_non_null(data);
	cd_buf_init(&body);
	e[0] = (t_entry){ "word/document.xml", "<x/>", 0, 0 };
	for (int i = 0; i < N; i++) {
		snprintf(names[i], sizeof names[i], "word/d%d/x.png", i);
		memcpy(data[i], png_a, sizeof png_a - 1);
		snprintf(data[i] + sizeof png_a - 1, 16, "%d", i);
		e[i + 1] = (t_entry){ names[i], data[i], sizeof png_a - 1 + strlen(data[i] + sizeof png_a - 1), T_STORE };
		cd_buf_printf(&body, "<figure pkg:part=\"%s\"/>", names[i]);
	}
	zip = t_zip(e, N + 1, &len);
	d = council(body.data);
	cd_options_init(&o);
	t_msgs_on(&o, &w);
	assert_int_equal(cd_media_collect(d, zip, len, "", &o, &m, &err), CD_OK);
	assert_int_equal(m.nfiles, 1000);
	assert_string_equal(m.files[0].name, "x.png");
	assert_string_equal(m.files[1].name, "x-2.png");
	for (size_t i = 0; i < m.nfiles && distinct; i++)
		for (size_t j = i + 1; j < m.nfiles && distinct; j++)
			distinct = strcmp(m.files[i].name, m.files[j].name) != 0;
	assert_true(distinct);
	assert_int_equal(w.n, 1);
	assert_string_equal(w.v[0], "media-too-many|warning||0|more than 1000");
	cd_media_free(&m);
	xmlFreeDoc(d);
	cd_buf_free(&body);
	free(zip);
	free(e);
	free(names);
	free(data);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alt_rules),
		cmocka_unit_test(test_group_labels),
		cmocka_unit_test(test_vml_group),
		cmocka_unit_test(test_equation_object),
		cmocka_unit_test(test_chart_table),
		cmocka_unit_test(test_media_collect),
		cmocka_unit_test(test_media_wmf_frame),
		cmocka_unit_test(test_media_none),
		cmocka_unit_test(test_media_bounds),
		cmocka_unit_test(test_media_many),
	};

	cd_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
