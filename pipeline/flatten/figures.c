/*
 * figures.c — flatten: pictures, drawn figures, equation objects and
 * charts become pkg:image markers (doc/pipeline.md).
 *
 * A w:drawing, w:pict or w:object becomes one pkg:image with
 *   alt, title     the description (wp:docPr descr, else title; VML alt,
 *                  o:title), Word's generated names and file paths left out
 *   src            the picture's part name (input/ resolved it: pkg:src)
 *   href           a linked picture's external target (no part)
 *   kind           picture | group | chart | equation
 *   width, height  the size shown, in CSS pixels (96 per inch)
 * and, for a group of shapes, a drawing canvas or a chart, children that
 * describe it: the text-box paragraphs of the group (flatten leaves them
 * there), its pictures as nested pkg:image, or the chart's title and data
 * table (pipeline/charts.c). A decorative shape (no picture, no text, no
 * description) is dropped.
 */
#include <ctype.h>
#include <strings.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stages.h"

#define WPG_NS "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"
#define WPC_NS "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas"
#define LC_NS  "http://schemas.openxmlformats.org/drawingml/2006/lockedCanvas"

/* 1 if n is a group of shapes or a drawing canvas (DrawingML or VML). */
int
cd_fig_is_group(const xmlNode *n)
{
	return cd_xml_is(n, WPG_NS, "wgp") || cd_xml_is(n, WPC_NS, "wpc") ||
	       cd_xml_is(n, LC_NS, "lockedCanvas") || cd_xml_is(n, CD_V_NS, "group");
}

static xmlNodePtr
find_desc(xmlNodePtr n, const char *ns, const char *name)
{
	for (xmlNodePtr d = cd_xml_next_in(n, n); d != NULL; d = cd_xml_next_in(d, n))
		if (cd_xml_is(d, ns, name))
			return d;
	return NULL;
}

/* The names Word gives new shapes, in a few languages ("Picture 3"). */
static const char *const shape_names[] = {
	"Picture", "Image", "Chart", "Diagram", "Group", "Canvas", "Text Box", "Rectangle",
	"Oval", "Object", "Graphic", "Freeform", "Line", "Shape", "Straight Connector",
	"Straight Arrow Connector", "Elbow Connector", "Curved Connector", "Drawing",
	"Grafik", "Bild", "Imagen", "Immagine", "Imagem", "Afbeelding", "Obraz", "Objet",
	"Zone de texte", "Cuadro de texto", "Textfeld",
	"\xd0\xa0\xd0\xb8\xd1\x81\xd1\x83\xd0\xbd\xd0\xbe\xd0\xba",  /* Рисунок */
	"\xe5\x9b\xbe\xe7\x89\x87",                                      /* 图片 */
	"\xd8\xb5\xd9\x88\xd8\xb1\xd8\xa9",                             /* صورة */
	NULL
};

/* Word's generated names ("Picture 3", "Text Box 12", "Grafik 1") and
 * file names or paths ("image1.png", "C:\\x\\y.emf") describe nothing. */
static int
generated_name(const char *s)
{
	static const char *const exts[] = {
		".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".emf", ".wmf",
		".svg", ".wdp", ".jfif", NULL
	};
	size_t n = strlen(s), k = n;

	if (strchr(s, '\\') != NULL || strchr(s, '/') != NULL || strncmp(s, "file:", 5) == 0)
		return 1;
	if (strchr(s, '_') != NULL && strchr(s, ' ') == NULL)
		return 1;   /* a file's stem: "logo_E", "Fond-Rec_e" */
	for (int i = 0; exts[i] != NULL; i++) {
		size_t e = strlen(exts[i]);

		if (n > e && strcasecmp(s + n - e, exts[i]) == 0)
			return 1;
	}
	while (k > 0 && isdigit((unsigned char)s[k - 1]))
		k--;
	if (k == n || k < 2 || s[k - 1] != ' ')
		return 0;
	/* Word's name for a new shape, then its number */
	for (int i = 0; shape_names[i] != NULL; i++)
		if (strlen(shape_names[i]) == k - 1 && strncasecmp(s, shape_names[i], k - 1) == 0)
			return 1;
	return 0;
}

/* The value, trimmed, when it describes something; else NULL (freed). */
static xmlChar *
description(xmlChar *v)
{
	if (v == NULL)
		return NULL;
	for (xmlChar *p = v; *p; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
	if (v[strspn((const char *)v, " ")] == '\0' || generated_name((const char *)v)) {
		xmlFree(v);
		return NULL;
	}
	return v;
}

static void
set_owned(xmlNodePtr n, const char *name, xmlChar *v)
{
	if (v != NULL && v[0] != '\0')
		xmlSetProp(n, BAD_CAST name, v);
	xmlFree(v);
}

static void
set_px(xmlNodePtr img, const char *name, double px)
{
	char b[32];

	if (!(px >= 1 && px < 100000))
		return;
	snprintf(b, sizeof b, "%ld", (long)(px + 0.5));
	xmlSetProp(img, BAD_CAST name, BAD_CAST b);
}

/* A length of a VML style ("width:120.5pt") in pixels, or 0. */
static double
vml_length(const char *style, const char *prop)
{
	size_t n = strlen(prop);

	for (const char *p = style; p != NULL && *p; p = strchr(p, ';'), p = p ? p + 1 : NULL) {
		char *end;
		double v;

		while (*p == ' ')
			p++;
		if (strncmp(p, prop, n) != 0 || p[n] != ':')
			continue;
		v = strtod(p + n + 1, &end);
		if (strncmp(end, "pt", 2) == 0)
			return v * 96.0 / 72.0;
		if (strncmp(end, "in", 2) == 0)
			return v * 96.0;
		if (strncmp(end, "cm", 2) == 0)
			return v * 96.0 / 2.54;
		if (strncmp(end, "mm", 2) == 0)
			return v * 96.0 / 25.4;
		return strncmp(end, "px", 2) == 0 || *end == '\0' || *end == ';' ? v : 0;
	}
	return 0;
}

static void
set_size(xmlNodePtr img, xmlNodePtr d)
{
	xmlNodePtr ext = find_desc(d, CD_WP_NS, "extent");
	xmlNodePtr sh = ext ? NULL : find_desc(d, CD_V_NS, "shape");
	xmlChar *a, *b;

	if (ext != NULL) {
		a = xmlGetProp(ext, BAD_CAST "cx");
		b = xmlGetProp(ext, BAD_CAST "cy");
		set_px(img, "width", a ? strtod((const char *)a, NULL) / 9525.0 : 0);
		set_px(img, "height", b ? strtod((const char *)b, NULL) / 9525.0 : 0);
	} else if (sh != NULL && (a = xmlGetProp(sh, BAD_CAST "style")) != NULL) {
		set_px(img, "width", vml_length((const char *)a, "width"));
		set_px(img, "height", vml_length((const char *)a, "height"));
		b = NULL;
	} else {
		return;
	}
	xmlFree(a);
	xmlFree(b);
}

/* The first picture reference under d: an element carrying pkg:src or
 * pkg:href (a:blip, v:imagedata), or NULL. */
static xmlNodePtr
first_picture(xmlNodePtr d)
{
	for (xmlNodePtr n = cd_xml_next_in(d, d); n != NULL; n = cd_xml_next_in(n, d))
		if ((cd_xml_is(n, CD_A_NS, "blip") || cd_xml_is(n, CD_V_NS, "imagedata")) &&
		    (xmlHasNsProp(n, BAD_CAST "src", BAD_CAST CD_PKG_NS) ||
		     xmlHasNsProp(n, BAD_CAST "href", BAD_CAST CD_PKG_NS)))
			return n;
	return NULL;
}

/* Copies pkg:src (else pkg:href) of the picture reference pic to img. */
static void
set_source(xmlNodePtr img, xmlNodePtr pic)
{
	xmlChar *v = xmlGetNsProp(pic, BAD_CAST "src", BAD_CAST CD_PKG_NS);

	if (v != NULL) {
		set_owned(img, "src", v);
		return;
	}
	set_owned(img, "href", xmlGetNsProp(pic, BAD_CAST "href", BAD_CAST CD_PKG_NS));
}

static int
is_equation(xmlNodePtr d)
{
	xmlNodePtr ole = find_desc(d, CD_O_NS, "OLEObject");
	xmlChar *prog = ole ? xmlGetProp(ole, BAD_CAST "ProgID") : NULL;
	int eq = prog != NULL && (xmlStrncmp(prog, BAD_CAST "Equation.", 9) == 0 ||
	                          xmlStrncmp(prog, BAD_CAST "MathType", 8) == 0);

	xmlFree(prog);
	return eq;
}

static void
set_descriptions(xmlNodePtr img, xmlNodePtr d)
{
	xmlNodePtr x = find_desc(d, CD_WP_NS, "docPr");
	xmlChar *alt = NULL, *title = NULL;

	if (x != NULL) {
		alt = description(xmlGetProp(x, BAD_CAST "descr"));
		title = description(xmlGetProp(x, BAD_CAST "title"));
	} else {
		xmlNodePtr sh = find_desc(d, CD_V_NS, "shape");
		xmlNodePtr im = find_desc(d, CD_V_NS, "imagedata");

		alt = sh ? description(xmlGetProp(sh, BAD_CAST "alt")) : NULL;
		title = im ? description(xmlGetNsProp(im, BAD_CAST "title", BAD_CAST CD_O_NS)) : NULL;
	}
	set_owned(img, "alt", alt);
	set_owned(img, "title", title);
}

/* Appends the runs of paragraph p (unlinked and freed) to paragraph to,
 * after a line break (br) or a space. */
static void
append_para(xmlNodePtr to, xmlNodePtr p, int br)
{
	xmlNodePtr r = xmlNewChild(to, to->ns, BAD_CAST "r", NULL);

	if (r != NULL && br)
		xmlNewChild(r, to->ns, BAD_CAST "br", NULL);
	else if (r != NULL)
		xmlNewTextChild(r, to->ns, BAD_CAST "t", BAD_CAST " ");
	for (xmlNodePtr c = p->children, cn; c != NULL; c = cn) {
		cn = c->next;
		if (cd_w_is(c, "pPr"))
			continue;
		xmlUnlinkNode(c);
		xmlAddChild(to, c);
	}
	xmlUnlinkNode(p);
	xmlFreeNode(p);
}

/* A text box of a drawn figure holds one label, often broken over lines
 * ("Page and" / "auxiliary" / "buffers"): its line breaks become spaces
 * and its paragraphs one, joined by spaces (unless it holds a table). */
static void
textbox_label(xmlNodePtr box)
{
	xmlNodePtr first = cd_xml_first_elem(box), nx;
	cd_flat_list l = { 0 };

	cd_flat_collect_names(box, CD_W_NS, (const char *const[]){ "br", "cr", NULL }, &l);
	for (size_t i = 0; i < l.n; i++) {
		xmlNodePtr t = xmlNewNode(l.v[i]->ns, BAD_CAST "t");

		if (t == NULL)
			continue;
		xmlNodeAddContent(t, BAD_CAST " ");
		xmlAddPrevSibling(l.v[i], t);
		cd_xml_remove(l.v[i]);
	}
	cd_flat_list_free(&l);

	for (xmlNodePtr c = first; c != NULL; c = cd_xml_next_elem(c))
		if (!cd_w_is(c, "p"))
			return;
	for (xmlNodePtr p = first ? cd_xml_next_elem(first) : NULL; p != NULL; p = nx) {
		nx = cd_xml_next_elem(p);
		append_para(first, p, 0);
	}
}

/* 1 when paragraphs a and b have the same w:pStyle (or both none). */
static int
same_style(const xmlNode *a, const xmlNode *b)
{
	xmlChar *x = cd_w_child_val(cd_w_child(a, "pPr"), "pStyle");
	xmlChar *y = cd_w_child_val(cd_w_child(b, "pPr"), "pStyle");
	int same = xmlStrEqual(x, y);

	xmlFree(x);
	xmlFree(y);
	return same;
}

/* Moves the text boxes and the pictures of group d under img, in document
 * order: the labels (one a text box) as one paragraph, a line each; each
 * picture as a paragraph holding a nested pkg:image. */
static void
group_description(xmlNodePtr img, xmlNodePtr d)
{
	cd_flat_list l = { 0 };
	xmlNodePtr labels = NULL;   /* the paragraph collecting the labels */

	/* the text boxes and pictures first: textbox_label frees nodes */
	for (xmlNodePtr n = cd_xml_next_in(d, d); n != NULL; n = cd_xml_next_in(n, d))
		if (cd_w_is(n, "txbxContent") ||
		    ((cd_xml_is(n, CD_A_NS, "blip") || cd_xml_is(n, CD_V_NS, "imagedata")) &&
		     xmlHasNsProp(n, BAD_CAST "src", BAD_CAST CD_PKG_NS)))
			cd_flat_list_add(&l, n);
	for (size_t i = 0; i < l.n; i++) {
		xmlNodePtr n = l.v[i];

		if (cd_w_is(n, "txbxContent")) {
			textbox_label(n);
			for (xmlNodePtr c = cd_xml_first_elem(n), nx; c != NULL; c = nx) {
				nx = cd_xml_next_elem(c);
				xmlUnlinkNode(c);
				/* labels of one paragraph style join; another style (a
				 * caption's, Figure_NoTitle) starts a paragraph of its own */
				if (cd_w_is(c, "p") && labels != NULL && same_style(labels, c)) {
					append_para(labels, c, 1);
					continue;
				}
				xmlAddChild(img, c);
				labels = cd_w_is(c, "p") ? c : NULL;
			}
		} else if ((cd_xml_is(n, CD_A_NS, "blip") || cd_xml_is(n, CD_V_NS, "imagedata")) &&
		           xmlHasNsProp(n, BAD_CAST "src", BAD_CAST CD_PKG_NS)) {
			xmlNodePtr p = xmlNewChild(img, NULL, BAD_CAST "p", NULL);
			xmlNodePtr r = p ? xmlNewChild(p, NULL, BAD_CAST "r", NULL) : NULL;
			xmlNodePtr in = r ? cd_flat_new_pkg(d, "image") : NULL;
			xmlNsPtr w = xmlSearchNsByHref(d->doc, d, BAD_CAST CD_W_NS);

			if (in == NULL)
				continue;
			xmlSetNs(p, w);
			xmlSetNs(r, w);
			xmlAddChild(r, in);
			xmlSetProp(in, BAD_CAST "kind", BAD_CAST "picture");
			set_source(in, n);
		}
	}
	cd_flat_list_free(&l);
}

/* Replaces the drawing, picture or object d by a pkg:image. */
static void
figure_replace(xmlNodePtr d)
{
	xmlNodePtr img = cd_flat_new_pkg(d, "image"), pic, chart, grp;
	const char *kind = "picture";

	if (img == NULL)
		return;
	chart = find_desc(d, CD_C_NS, "chart");
	grp = NULL;
	for (xmlNodePtr n = cd_xml_next_in(d, d); n != NULL && grp == NULL; n = cd_xml_next_in(n, d))
		if (cd_fig_is_group(n))
			grp = n;
	pic = first_picture(d);
	set_descriptions(img, d);
	set_size(img, d);
	if (chart != NULL && xmlHasNsProp(chart, BAD_CAST "src", BAD_CAST CD_PKG_NS)) {
		kind = "chart";
		cd_flat_chart(img, chart);
	} else if (grp != NULL) {
		kind = "group";
		group_description(img, grp);
	} else {
		if (is_equation(d))
			kind = "equation";
		if (pic != NULL)
			set_source(img, pic);
	}
	xmlSetProp(img, BAD_CAST "kind", BAD_CAST kind);
	if (!xmlHasProp(img, BAD_CAST "alt") && !xmlHasProp(img, BAD_CAST "title") &&
	    !xmlHasProp(img, BAD_CAST "src") && !xmlHasProp(img, BAD_CAST "href") &&
	    img->children == NULL && strcmp(kind, "equation") != 0 &&
	    !(cd_w_is(d, "object") || find_desc(d, CD_V_NS, "imagedata") || find_desc(d, CD_A_NS, "blip"))) {
		xmlFreeNode(img);   /* a decorative shape */
		cd_xml_remove(d);
		return;
	}
	xmlAddPrevSibling(d, img);
	cd_xml_remove(d);
}

void
cd_flat_figures(xmlNodePtr root)
{
	cd_flat_list l = { 0 };

	cd_flat_collect(root, NULL, NULL, &l);
	/* innermost first: a picture inside a text box inside a group */
	for (size_t i = l.n; i-- > 0;) {
		xmlNodePtr d = l.v[i];

		if (cd_w_is(d, "drawing") || cd_w_is(d, "pict") || cd_w_is(d, "object"))
			figure_replace(d);
	}
	cd_flat_list_free(&l);
}
