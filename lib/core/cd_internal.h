/*
 * cd_internal.h — helpers shared by the library's modules (not installed).
 *
 * Name prefixes and the files that define them:
 *   cd_error_*, cd_options_*, cd_init, cd_buf_*  lib/core/core.c
 *   cd_xml_*, cd_w_*, cd_pkg_*                   lib/core/xmlutil.c
 *   cd_utf8_*                                    lib/core/utf8.c
 *   cd_msg*, cd_level_name                       lib/core/msg.c
 *   cd_fd_*                                      lib/core/fdio.c
 *   cd_convert                                   pipeline/convert.c
 *   cd_read                                      input/detect.c
 *   cd_read_docx, cd_zip_*, cd_opc_*             input/docx.c, opc.c, strict.c,
 *                                                picrefs.c, pkgdoc.c
 *   cd_read_textdump, cd_dump_*                  input/textdump.c
 *   cd_flatten, cd_flat_*                        pipeline/flatten/: flatten.c, fields.c, math.c,
 *                                                census.c, figures.c, charts.c
 *   cd_clean, cd_clean_*                         pipeline/clean/clean.c
 *   cd_notes, cd_notes_*                         pipeline/notes/notes.c
 *   cd_structure, cd_st_*                        pipeline/structure/: structure.c, front.c, roles.c, styles.c,
 *                                                numbering.c, blocks.c, tables.c,
 *                                                sections.c, stlang.c, comments.c,
 *                                                stfigure.c, edges.c
 *   cd_meta_*                                    pipeline/structure/meta/: meta.c, leadin.c, metadate.c, metaxml.c
 *   cd_refs_*                                    pipeline/structure/refs/: refs.c, refkinds.c
 *   cd_engine_*, cd_emit*, cd_xml_serialize      output/emit.c, validate.c
 *   cd_write_atomic*, cd_sync_fs, cd_read_file   output/write.c
 *   cd_media_*, cd_eqtext                         output/media.c, metafile.c, imginfo.c, eqtext.c
 *   cd_meta_json, cd_json_*                      output/json.c
 *   cd_sha256_*                                  output/sha256.c
 *
 */
#ifndef CD_INTERNAL_H
#define CD_INTERNAL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <libxml/tree.h>
#include "councildoc.h"

/* In a thread the library starts: libxml2's error handlers are per
 * thread, so it silences its own as cd_init does the caller's
 * (lib/core/core.c). */
void cd_thread_quiet(void);

/* OOXML namespaces (Transitional; input/ rewrites Strict ones to these). */
#define CD_R_NS    "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define CD_MC_NS   "http://schemas.openxmlformats.org/markup-compatibility/2006"
#define CD_WP_NS   "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
#define CD_A_NS    "http://schemas.openxmlformats.org/drawingml/2006/main"
#define CD_M_NS    "http://schemas.openxmlformats.org/officeDocument/2006/math"
#define CD_V_NS    "urn:schemas-microsoft-com:vml"
#define CD_WPS_NS  "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
#define CD_C_NS    "http://schemas.openxmlformats.org/drawingml/2006/chart"
#define CD_O_NS    "urn:schemas-microsoft-com:office:office"
#define CD_REL_NS  "http://schemas.openxmlformats.org/package/2006/relationships"
#define CD_XML_NS  "http://www.w3.org/XML/1998/namespace"

/* ---- binary parts of a DOCX package (input/docx.c) ---- */

/* A package opened again to read its pictures, under the bounds of o. */
typedef struct cd_zip cd_zip;

/* Opens the package in data (not copied: it must outlive the handle).
 * Caller closes with cd_zip_close. NULL and *err on failure. */
cd_zip *cd_zip_open(const unsigned char *data, size_t len, const cd_options *o,
                    cd_error *err);
/* Appends the bytes of part name (case-insensitive) to out: 1 read, 0 no
 * such part, -1 a bound was hit or the entry is corrupt (*err). */
int cd_zip_read(cd_zip *zp, const char *name, cd_buf *out, cd_error *err);
void cd_zip_close(cd_zip *zp);

/* ---- messages (lib/core/msg.c; the table is in councildoc.h) ---- */

/* Reports message id to o->report (o may be NULL); fmt (NULL: none)
 * gives the detail; part NULL and line 0 when unknown. */
void cd_msg(const cd_options *o, cd_msg_id id, const char *part, long line,
            const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 5, 6)))
#endif
	;
/* While a stage works on doc, cd_msg_at about its nodes goes to the
 * report function of o: bind at the start (r lives on the caller's
 * stack), unbind before returning. */
typedef struct cd_msg_route {
	cd_report_fn fn;
	void *ctx;
	void *saved;
} cd_msg_route;
void cd_msg_bind(xmlDocPtr doc, cd_msg_route *r, const cd_options *o);
void cd_msg_unbind(xmlDocPtr doc, cd_msg_route *r);
/* Reports id about node n of a bound document: the part is the name of
 * its pkg:part, the line where the parser met it. */
void cd_msg_at(const xmlNode *n, cd_msg_id id, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;

/* ---- file descriptors (lib/core/fdio.c) ---- */

/* Writes / reads exactly n bytes (retrying on EINTR and short counts);
 * 0, or -1 on an error (errno set) or, reading, at end of file. */
int cd_fd_write_all(int fd, const void *p, size_t n);
int cd_fd_read_all(int fd, void *p, size_t n);

/* ---- UTF-8 (lib/core/utf8.c): the one decoder and encoder ---- */
#define CD_UTF8_BAD 0xFFFFFFFFu
/* Decodes the UTF-8 sequence at s, of at most n bytes (a NUL-terminated
 * string may pass 4: decoding stops at the NUL). *len receives its length:
 * 1 for a byte that starts no well-formed sequence (CD_UTF8_BAD is then
 * returned), 0 when n is 0. Overlong forms, surrogates and code points
 * beyond U+10FFFF are not well-formed. */
uint32_t cd_utf8_decode(const unsigned char *s, size_t n, size_t *len);
/* Encodes c into out (NUL-terminated); returns the byte count, 0 for a
 * surrogate or a code point beyond U+10FFFF. */
size_t cd_utf8_encode(uint32_t c, char out[5]);

/* ---- XML helpers (lib/core/xmlutil.c) ---- */

/* 1 if n is an element with namespace ns (NULL: any) and local name
 * name (NULL: any). Inline, as cd_w_is: every stage asks it of nearly
 * every node, most often of a name that differs in its first letter. */
static inline int
cd_xml_is(const xmlNode *n, const char *ns, const char *name)
{
	if (n == NULL || n->type != XML_ELEMENT_NODE)
		return 0;
	if (name != NULL) {
		const char *a = (const char *)n->name, *b = name;

		while (*a != '\0' && *a == *b) {
			a++;
			b++;
		}
		if (*a != *b)
			return 0;
	}
	if (ns == NULL)
		return 1;
	return n->ns != NULL && n->ns->href != NULL &&
	       strcmp((const char *)n->ns->href, ns) == 0;
}
/* 1 if an element below n (not n) has namespace ns. */
int cd_xml_has_ns(const xmlNode *n, const char *ns);
/* 1 if n is the WordprocessingML element w:name. */
static inline int
cd_w_is(const xmlNode *n, const char *name)
{
	return cd_xml_is(n, CD_W_NS, name);
}
/* 1 when n is a w: element named by one of the NULL-terminated names. */
int cd_w_is_any(const xmlNode *n, const char *const *names);
/* 1 if n is the package-document element pkg:name. */
int cd_pkg_is(const xmlNode *n, const char *name);

/* First element child of n with namespace ns and name (NULL ns: any). */
xmlNodePtr cd_xml_child(const xmlNode *n, const char *ns, const char *name);
/* First w:name element child. */
xmlNodePtr cd_w_child(const xmlNode *n, const char *name);
/* Next element sibling / first element child, skipping text and comments. */
xmlNodePtr cd_xml_next_elem(const xmlNode *n);
xmlNodePtr cd_xml_first_elem(const xmlNode *n);

/* The w:name attribute (WordprocessingML-namespaced) of n, or NULL.
 * Caller frees with xmlFree. */
xmlChar *cd_w_attr(const xmlNode *n, const char *name);
/* w:val of the child element w:child of n (e.g. pPr/pStyle), or NULL.
 * Caller frees with xmlFree. */
xmlChar *cd_w_child_val(const xmlNode *n, const char *child);
/* OOXML boolean property (w:b, w:i, w:vanish ...): -1 absent, 0 off, 1 on. */
int cd_w_onoff(const xmlNode *prop_parent, const char *name);

/* The element after n in document order below root (pre-order, elements
 * only, no recursion, so depth is unbounded); NULL after the last one.
 * Start with cd_xml_next_in(root, root). */
xmlNodePtr cd_xml_next_in(const xmlNode *n, const xmlNode *root);

/* Moves all children of n in front of n, then unlinks and frees n. */
void cd_xml_unwrap(xmlNodePtr n);
/* Unlinks and frees n (NULL allowed). */
void cd_xml_remove(xmlNodePtr n);

/* The root element of the package part with role (first one), or NULL. */
xmlNodePtr cd_pkg_part_root(xmlDocPtr pkg, const char *role);
/* The pkg:part element with role (first one), or NULL. */
xmlNodePtr cd_pkg_part(xmlDocPtr pkg, const char *role);
/* The w:body of the main document part, or NULL. */
xmlNodePtr cd_pkg_body(xmlDocPtr pkg);

/* Adds newline-and-indent text nodes inside the element-only containers
 * named in the NULL-terminated list (and only there: an element holding
 * text is left alone), so a document serialized without formatting is
 * readable and still parses back into the very same tree. */
void cd_xml_indent(xmlNodePtr root, const char *const *containers);

/* cd_xml_parse (councildoc.h) is the one safe parser every part goes
 * through: libxml2 errors become a cd_error naming the part and line. */
/* cd_xml_parse that also sets *ns_seen to 1 when a namespace declared in
 * the document has a URI starting with ns_prefix (else leaves it alone):
 * found while parsing, no walk of the tree. */
xmlDocPtr cd_xml_parse_ns(const char *part, const char *data, size_t len,
                          const char *ns_prefix, int *ns_seen, cd_error *err);

/* ---- metadata and lead-in labels (pipeline/structure/meta/) ---- */

/* The report's header block. Strings are malloc'd UTF-8 (NULL: absent),
 * owned by the struct; cd_meta_free releases them. */
typedef struct cd_meta {
	char *meeting, *place, *agenda, *document, *date, *original, *source, *title;
	/* parsed from document ("C23/35(Rev.1)-E"): NULL when absent */
	char *doc_session, *doc_number, *doc_rev, *doc_add, *doc_cor;
	char doc_lang[8];   /* BCP 47 from the document number's letter, "" unknown */
	char date_iso[11];  /* ISO 8601 of date, "" unknown */
	char lang[8];       /* the report's language as far as the header tells ("" unknown) */
	unsigned from_header; /* CD_META_* bits: fields read from the page header */
	unsigned from_props;  /* ... and from the document properties (docProps) */
	unsigned from_body;   /* ... and from a heading that stays in the body */
} cd_meta;

enum {
	CD_META_MEETING = 1 << 0, CD_META_PLACE = 1 << 1, CD_META_AGENDA = 1 << 2,
	CD_META_DOCUMENT = 1 << 3, CD_META_DATE = 1 << 4, CD_META_ORIGINAL = 1 << 5,
	CD_META_SOURCE = 1 << 6, CD_META_TITLE = 1 << 7
};

void cd_meta_init(cd_meta *m);
void cd_meta_free(cd_meta *m);
/* Offers one line of the header block (a paragraph of the header table, or
 * a paragraph before the title). Returns 1 when the line is metadata
 * (meeting, place, agenda item, document number, date, original language)
 * and was stored, 0 otherwise. Labels in the six ITU languages. */
int cd_meta_line(cd_meta *m, const char *line);
/* Fills fields still missing from docProps/core.xml and custom.xml parts of
 * the package document (title, document number...). */
void cd_meta_props(cd_meta *m, xmlDocPtr pkg);
/* Offers the paragraphs of the first-page header (else the default header)
 * of the package document to cd_meta_line; what they fill is marked
 * from_header. */
void cd_meta_page_header(cd_meta *m, xmlDocPtr pkg);
/* Builds <meta> in the council namespace ns, or NULL when m is empty.
 * Fields not read from the body get origin="page-header" or "properties"
 * (the stylesheets do not print them as body text).
 * The node belongs to doc (caller links it into the tree). */
xmlNodePtr cd_meta_node(const cd_meta *m, xmlDocPtr doc, xmlNsPtr ns);
/* Parses a document number; fills the doc_* fields of m. 1 if parsed. */
int cd_meta_parse_docnum(cd_meta *m, const char *s);
/* Parses a date in any of the six languages into iso (YYYY-MM-DD). 1 if parsed. */
int cd_meta_parse_date(const char *s, char iso[11]);
/* Lead-in box labels: returns CD_LEADIN_PURPOSE / _ACTION / _REFERENCES
 * when text (trimmed, trailing colon ignored) is such a label in one of the
 * six languages, else 0. */
enum { CD_LEADIN_NONE = 0, CD_LEADIN_PURPOSE, CD_LEADIN_ACTION, CD_LEADIN_REFERENCES };
int cd_meta_leadin(const char *text);

/* ---- ITU references (pipeline/structure/refs/refs.c) ---- */

/* Wraps recognised ITU references (Resolutions, Decisions, Recommendations,
 * Council documents, Study Groups) found in the text of the council tree
 * under root in <ref> elements with normalised attributes. Text is never
 * changed; text inside link, ref, note labels and meta is left alone. */
void cd_refs_mark(xmlNodePtr root);

#endif
