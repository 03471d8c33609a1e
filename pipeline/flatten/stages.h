/*
 * stages.h — declarations shared by the three cleaning stages
 * (pipeline/flatten/, pipeline/clean/clean.c, pipeline/notes/notes.c).
 * Not installed.
 */
#ifndef CD_STAGES_H
#define CD_STAGES_H

#include <libxml/tree.h>
#include "cd_internal.h"

/* A growable array of node pointers (document order). The array owns only
 * its storage: cd_flat_list_free frees that, never the nodes. */
typedef struct cd_flat_list {
	xmlNodePtr *v;
	size_t n, cap;
	int failed;
} cd_flat_list;

void cd_flat_list_add(cd_flat_list *l, xmlNodePtr n);
void cd_flat_list_free(cd_flat_list *l);
/* 1 when n is inside a w:rPr, w:pPr or w:trPr: there w:ins and w:del mark
 * a paragraph mark or a row, they wrap no content (revisions.c). */
int cd_flat_in_props(const xmlNode *n);
/* Appends every element under root (root excluded, pre-order) that is
 * ns:name (ns NULL: any namespace; name NULL: any name) to l. */
void cd_flat_collect(xmlNodePtr root, const char *ns, const char *name,
                     cd_flat_list *l);

/* Like cd_flat_collect, for the elements named any of names (a NULL-
 * terminated list) in ns (NULL: any namespace). */
void cd_flat_collect_names(xmlNodePtr root, const char *ns, const char *const *names,
                           cd_flat_list *l);

/* Visits fn on every content part root (document, footnotes, endnotes,
 * comments, headers, footers). Stops at the first non-CD_OK status. */
typedef cd_status (*cd_flat_part_fn)(xmlNodePtr root, const char *part,
                                     void *ctx, cd_error *err);
cd_status cd_flat_each_part(xmlDocPtr pkg, cd_flat_part_fn fn, void *ctx,
                            cd_error *err);

/* pipeline/census.c: which element names (any namespace) occur under a
 * part root, taken in one walk, so that passes with nothing to do are
 * skipped; and, from the same walk, the nodes the symbol and hidden-text
 * passes act on (valid only while no other pass has changed the part). */
typedef struct cd_census {
	unsigned char seen[64];
	cd_flat_list syms;    /* w:sym, document order */
	cd_flat_list symruns; /* w:r whose rFonts names a symbol font */
	cd_flat_list hidden;  /* w:r whose first rPr holds w:vanish or w:webHidden */
	int failed;           /* a list is incomplete (out of memory) */
} cd_census;

/* Fills c; free its lists with cd_census_free. */
void cd_census_take(xmlNodePtr root, cd_census *c);
void cd_census_free(cd_census *c);
/* 1 when an element named name may occur (always 1 for a name the census
 * does not track). */
int cd_census_has(const cd_census *c, const char *name);
/* 1 when cd_census_has holds for any name of the NULL-terminated list. */
int cd_census_any(const cd_census *c, const char *const *names);

/* New w:NAME / pkg:NAME element in the namespace of the given context
 * node's document (declares the namespace on ctx's part root when
 * needed). The node belongs to ctx->doc, unlinked; the caller links it. */
xmlNodePtr cd_flat_new_w(xmlNodePtr ctx, const char *name);
xmlNodePtr cd_flat_new_pkg(xmlNodePtr ctx, const char *name);
/* Sets the attribute w:name / pkg:name (namespaced) on n. */
void cd_flat_set_w(xmlNodePtr n, const char *name, const char *val);
void cd_flat_set_pkg(xmlNodePtr n, const char *name, const char *val);
/* 1 when run r holds an element other than its w:rPr (text, a tab, a
 * drawing, a note...). */
int cd_flat_run_has_content(const xmlNode *r);

/* pipeline/figures.c: every w:drawing, w:pict and w:object under root
 * becomes a pkg:image (or goes, when it is a decorative shape). */
void cd_flat_figures(xmlNodePtr root);
/* 1 if n is a group of shapes or a drawing canvas (DrawingML or VML). */
int cd_fig_is_group(const xmlNode *n);
/* pipeline/charts.c: the title and data table of the chart part that
 * chart (c:chart with pkg:src) names, added to img. */
void cd_flat_chart(xmlNodePtr img, xmlNodePtr chart);

/* pipeline/fields.c: complex fields and w:fldSimple under root → their
 * results (HYPERLINK/REF/NOTEREF become w:hyperlink). */
cd_status cd_flat_fields(xmlNodePtr root, const char *part, cd_error *err);

/* pipeline/math.c: m:oMathPara / m:oMath under root → pkg:math. */
cd_status cd_flat_math(xmlNodePtr root, const char *part, cd_error *err);
/* The linear text of an OMML element; caller frees with free(). */
char *cd_flat_math_text(const xmlNode *m);
/* pipeline/math.c: w:sym and private-use symbol characters → Unicode. */
cd_status cd_flat_symbols(xmlNodePtr root, const char *part, cd_error *err);
/* The same, given the w:sym under root and the runs in a symbol font
 * (cd_census lists, document order). */
void cd_flat_symbols_in(const cd_flat_list *syms, const cd_flat_list *symruns);
/* The CD_SYM_* font of run r's own rFonts (ascii or hAnsi); 0 when none. */
int cd_flat_run_symbol_font(xmlNodePtr r);

/* pipeline/revisions.c: tracked changes under root for mode
 * CD_CHANGES_REJECT (the text before the changes) or CD_CHANGES_ALL (both,
 * in pkg:ins / pkg:del with @author and @date); nothing for
 * CD_CHANGES_ACCEPT, which the wrapper pass of flatten.c does. */
cd_status cd_flat_revisions(xmlNodePtr root, int mode);

/* pipeline/clean.c: a deterministic XML NCName for a bookmark name (the
 * name itself when it is one). Returns a malloc'd string (caller frees),
 * NULL on allocation failure. */
char *cd_clean_ncname(const char *name);
/* pipeline/clean/merge.c: joins the adjacent w:t children of run r; merges
 * the adjacent runs among parent's children whose properties differ only
 * in what never reaches the output (key[0], key[1]: scratch buffers the
 * caller frees). */
void cd_clean_join_texts(xmlNodePtr r);
void cd_clean_merge_runs(xmlNodePtr parent, cd_buf key[2]);

/* The note references of the main part, in document order, and its
 * body's first w:sectPr, as cd_clean_ex's walk met them (notes.c places
 * them; cd_noterefs_free frees). */
struct cd_noterefs {
	xmlDocPtr pkg;
	xmlNodePtr root;   /* the main part's root */
	xmlNodePtr body;   /* its first w:body (NULL when none) */
	xmlNodePtr sect;   /* the first w:sectPr child of body */
	cd_flat_list refs;
};
/* pipeline/notes.c: 1 when n is a note reference cd_notes places: a
 * w:footnoteReference or w:endnoteReference with no property container or
 * w:t between it and root. */
int cd_notes_is_ref(const xmlNode *n, const xmlNode *root);

#endif
