/*
 * structure.h — declarations private to the structure stage
 * (structure.c, front.c, roles.c, styles.c, numbering.c, blocks.c,
 * tables.c, sections.c, captions.c, bodylang.c, lists.c, listseq.c, toc.c).
 */
#ifndef CD_STRUCTURE_H
#define CD_STRUCTURE_H

#include <libxml/tree.h>
#include "cd_internal.h"

/* ---- structure.c ---- */

/* cd_structure, the council document built in a thread of its own when
 * apart is set (cd_structure sets it when the heap is full of holes).
 * Same result either way; caller: xmlFreeDoc. */
xmlDocPtr cd_st_build(xmlDocPtr pkg, const cd_options *o, cd_error *err, int apart);

/* ---- styles.c ---- */

typedef struct cd_st_styles cd_st_styles;

/* Paragraph roles from the style chain: ITU house styles and common Word
 * ones (the table is in styles.c and doc/styles.md). A role that names a
 * body part (caption, equation, note, table text...) is never a heading,
 * whatever outline level the style or the paragraph carries. */
enum {
	CD_ROLE_NONE = 0,
	CD_ROLE_TITLE,       /* Title, Title1: the report's title */
	CD_ROLE_SOURCE,      /* Source */
	CD_ROLE_HEADINGB,    /* Heading_b, Heading_i: run-in heading */
	CD_ROLE_ENUMLEV,     /* enumlev1..9 (level in cd_st_pinfo.enumlev) */
	CD_ROLE_CALL,        /* Call: italic lead paragraph */
	CD_ROLE_ANNEX,       /* Annex_NoTitle, Appendix_NoTitle: "Annex A" ⏎ title */
	CD_ROLE_TOC,         /* TOC 1..9, TOC Heading, table of figures: not content */
	CD_ROLE_ANNEX_NO,    /* Annex_No, Appendix_No: first line of an annex heading */
	CD_ROLE_ANNEX_TITLE, /* Annex_title, Appendix_title: its second line (alone: an annex) */
	CD_ROLE_TITLE_NO,    /* Rec_No, Res_No, Section_No, Part_No...: first line of a title */
	CD_ROLE_TITLE_TEXT,  /* Rec_title, Res_title, Section_title...: its second line */
	CD_ROLE_ANNEX_REF,   /* Annex_ref: "(This annex forms an integral part...)" */
	CD_ROLE_CAPTION,     /* Table_NoTitle, Figure_NoTitle, Table_title, caption... */
	CD_ROLE_EQUATION,    /* Equation, Formula */
	CD_ROLE_NOTE,        /* Note, Note 1... */
	CD_ROLE_BODY         /* another named body part: table text, legend, figure, header... */
};

/* What the styles say about one paragraph. */
typedef struct cd_st_pinfo {
	int heading;   /* 1..9, 0: not a heading */
	int names_doc;      /* a title style of the document itself (Rec_title,
	                       Res_title...), not of a part (Section_title) */
	int outline_direct; /* heading comes from the paragraph's own w:outlineLvl
	                       on a style without a role or heading level */
	int role;      /* CD_ROLE_* */
	int enumlev;   /* 1..9 for CD_ROLE_ENUMLEV */
	int num_id;    /* numbering (direct, else inherited); 0: none */
	int ilvl;      /* numbering level 0..8 */
	int bidi;      /* 1: right-to-left paragraph */
	int ind_left;  /* left indentation in twips (direct, else style) */
	int bold;      /* 1: the paragraph style makes text bold */
} cd_st_pinfo;

/* Effective run formatting. */
typedef struct cd_st_rfmt {
	int b, i, u, sup, sub, vanish, caps;
	char lang[16];   /* "" unless set directly or by a character style */
} cd_st_rfmt;

/* Parses styles.xml (root w:styles, may be NULL). Caller frees with
 * cd_st_styles_free. Never NULL unless out of memory. */
cd_st_styles *cd_st_styles_load(xmlNodePtr root);
void cd_st_styles_free(cd_st_styles *s);
/* The document default language (docDefaults rPr w:lang/@w:val), or NULL.
 * Owned by the table. */
const char *cd_st_styles_lang(const cd_st_styles *s);
/* Fills *pi for paragraph p (a w:p). */
void cd_st_para_info(const cd_st_styles *s, const xmlNode *p, cd_st_pinfo *pi);
/* Counts the text runs directly in paragraph p (*runs) and those shown
 * bold (*bold): direct formatting, else the run's character style or the
 * paragraph style (pi from cd_st_para_info). */
void cd_st_para_bold(const cd_st_styles *s, const xmlNode *p, const cd_st_pinfo *pi, int *runs,
                     int *bold);
/* Formatting of a run: direct rPr and character style (rStyle). */
void cd_st_run_fmt(const cd_st_styles *s, const xmlNode *rpr, cd_st_rfmt *f);
/* The heading styles a TOC field lists ("Style,1,Other style,2", names
 * as Word shows them): styles without a role or level of their own become
 * headings of that level. */
void cd_st_styles_toc(cd_st_styles *s, const char *list);
/* ---- roles.c ---- */
/* 1 when a role names a body part (never a heading). */
int cd_st_role_is_body(int role);
/* The role (CD_ROLE_*) a style's name or id names; *lev gets an enumlev
 * level, *names_doc 1 for a title line of the document itself. A "heading
 * N" style has no role. */
int cd_st_role_of(const char *name, const char *id, int *lev, int *names_doc);
/* "heading 3" / "Heading3" → 3; else 0. */
int cd_st_role_heading_word(const char *s);
/* A style name reduced for comparison into out (max bytes): lower-case
 * letters and digits only ("Annex_No & title" → "annexnotitle"). */
void cd_st_role_key(const char *s, char *out, size_t max);
/* Heading level of a style id (0: not a heading). */
int cd_st_style_heading(const cd_st_styles *s, const char *id);
/* 1 when the paragraph's style (or its basedOn chain) hides its runs
 * (w:vanish in the style's run properties). */
int cd_st_para_vanish(const cd_st_styles *s, const xmlNode *p);

/* ---- bodylang.c ---- */

/* The primary language tag most of body's letters are in ("en" when none)
 * into out. Untagged text takes the document default, unless the
 * explicitly tagged text is a quarter or more of all and mostly in another
 * language (a stale default from a template). */
void cd_st_body_lang(const cd_st_styles *s, const xmlNode *body, char *out, size_t max);

/* ---- numbering.c ---- */

typedef struct cd_st_numbering cd_st_numbering;

typedef struct cd_st_numlabel {
	char label[64];   /* as Word shows it: "2.1.", "a)", "•" */
	char fmt[24];     /* numFmt: decimal, lowerLetter, bullet ... */
	int bullet;       /* 1: bullet or none */
	int level;        /* ilvl 0..8 */
	int value;        /* counter value at this level */
	int start;        /* start value of the level */
} cd_st_numlabel;

/* Parses numbering.xml (root w:numbering, may be NULL). Caller frees with
 * cd_st_num_free. Never NULL unless out of memory. */
cd_st_numbering *cd_st_num_load(xmlNodePtr root);
void cd_st_num_free(cd_st_numbering *n);
/* Advances the counter of (num_id, ilvl) and fills *out. Returns 1 when
 * the paragraph is numbered, 0 when num_id is 0 or unknown. */
int cd_st_num_next(cd_st_numbering *n, int num_id, int ilvl, cd_st_numlabel *out);
/* Formats value in numFmt fmt into buf (size n). Unknown: decimal. */
void cd_st_num_format(const char *fmt, int value, char *buf, size_t n);
/* The council list style name for a numFmt ("lower-alpha"...), or NULL. */
const char *cd_st_num_style(const char *fmt);

/* ---- comments.c ---- */

struct cd_st_ctx;
/* Appends <comments> (the comments part, when the flatten stage kept it)
 * to root. */
void cd_st_comments(struct cd_st_ctx *c, xmlDocPtr pkg, xmlNodePtr root);

/* ---- blocks.c ---- */

typedef struct cd_st_ctx {
	cd_st_styles *styles;
	cd_st_numbering *num;
	xmlDocPtr out;
	xmlNsPtr ns;
	char lang[16];     /* document language, primary tag */
	int in_note;
	int para_vanish;   /* the current paragraph's style hides its runs */
	size_t *figures;   /* figures made so far (shared by copies); may be NULL */
} cd_st_ctx;

/* Plain text of paragraph p as the reader sees it (tabs as '\t', notes
 * excluded). Caller frees with free(). */
char *cd_st_para_text(const cd_st_ctx *c, const xmlNode *p);
/* Appends the inline content of paragraph p to parent, skipping the first
 * skip bytes of its plain text (a typed number or label). Leading and
 * trailing whitespace is trimmed. Returns 1 if anything was added. */
int cd_st_inline(cd_st_ctx *c, const xmlNode *p, xmlNodePtr parent, size_t skip);
/* A new council element (name) in the output document. */
xmlNodePtr cd_st_elem(cd_st_ctx *c, const char *name);
/* ---- tables.c ---- */
/* Converts a w:tbl into a council table (NULL when it has no content). */
xmlNodePtr cd_st_table(cd_st_ctx *c, const xmlNode *tbl);
/* Converts the paragraphs/tables of a container (cell, note) into blocks
 * appended to parent. */
void cd_st_blocks(cd_st_ctx *c, const xmlNode *container, xmlNodePtr parent);
/* 1 if p carries content (text, image, math, note). */
int cd_st_para_has_content(const cd_st_ctx *c, const xmlNode *p);

/* ---- stfigure.c ---- */
/* The council figure of a pkg:image marker n (desc from its children). */
xmlNodePtr cd_st_figure(cd_st_ctx *c, const xmlNode *n);
/* While desc of a figure is built: when paragraph p is in a caption style
 * and the figure has no caption yet, it becomes the figure's caption
 * (before desc) and 1 is returned; else 0. */
int cd_st_figure_caption(cd_st_ctx *c, const xmlNode *p, xmlNodePtr desc);
/* Block figures: a paragraph holding only a figure gives way to it; a
 * figure with a desc splits its paragraph. */
void cd_st_figures_lift(xmlNodePtr root);
/* edges.c: moves the line breaks and spaces at the edges of b, i, u, sup
 * and sub outside them (nested ones too). */
void cd_st_edges_out(xmlNodePtr root);

/* ---- captions.c ---- */

typedef struct cd_st_tree cd_st_tree;

/* Captions on their way to a table or figure. Zero-initialised. */
typedef struct cd_st_captions {
	xmlNodePtr pending;  /* a caption waiting for the next block (owned) */
	xmlNodePtr last;     /* the figure or table just emitted, without caption */
} cd_st_captions;

/* A caption paragraph (a council caption element, adopted). */
void cd_st_cap_add(cd_st_captions *k, cd_st_tree *t, xmlNodePtr cap);
/* Emits paragraph p (adopted); a paragraph holding only a figure is
 * emitted as that figure, with the pending caption. */
void cd_st_cap_block(cd_st_captions *k, cd_st_tree *t, xmlNodePtr p);
/* A caption-styled paragraph (a caption element, adopted): one holding
 * only a picture is that figure; else the pictures in it are figures and
 * its text the caption of the last of them (or cd_st_cap_add's). */
void cd_st_cap_para(cd_st_captions *k, cd_st_tree *t, xmlNodePtr cap);
/* Emits a table (adopted) with the pending caption. */
void cd_st_cap_table(cd_st_captions *k, cd_st_tree *t, xmlNodePtr tbl);
/* Emits the pending caption as a paragraph; call before any other block. */
void cd_st_cap_flush(cd_st_captions *k, cd_st_tree *t);

/* ---- structure.c, front.c ---- */

/* The structure stage's walk (structure.c; front.c reads the front
 * matter into its meta). */
typedef struct cd_st_state {
	cd_st_ctx *c;
	cd_st_tree *tree;
	cd_meta meta;
	xmlNodePtr root;
	xmlNodePtr lead[4];   /* purpose, action, references (by CD_LEADIN_*) */
	xmlNodePtr leadin;    /* the open lead-in element, or NULL */
	int front;            /* before the first section / lead-in */
	int after_source;     /* the previous paragraph was the source line */
	int opened;           /* sections and annexes opened so far */
	int body_text;        /* body text emitted outside the lead-in: a
	                         lead-in label after it stays in place, as
	                         the summary comes first */
	int textdump;         /* the package is a text dump: no styles */
	xmlNodePtr pair;      /* title of the heading just opened, which a
	                         following *_title / Annex_ref line completes */
	int pair_role;        /* the role that opened it */
	int npara, nbidi;
	cd_st_captions cap;   /* captions waiting for their table or figure */
} cd_st_state;

/* Front matter (front.c). A paragraph of the front: source, title, header
 * lines; 1 when consumed into st->meta. */
int cd_st_front_para(cd_st_state *st, const cd_st_pinfo *pi, const char *t);
/* A Recommendation's or Resolution's title line (pi) names the report when
 * nothing else did: st->meta.title, origin body. */
void cd_st_front_title_heading(cd_st_state *st, const xmlNode *p, const cd_st_pinfo *pi);
/* A subject line ("Subject: …") before the first clause gives the title
 * when none was found; the paragraph stays in the body. */
void cd_st_front_subject(cd_st_state *st, const char *t);
/* 1 when tbl is the header block's layout table (its lines then read). */
int cd_st_front_header_table(cd_st_state *st, const xmlNode *tbl);
/* 1 when the first line of text of tbl is a lead-in label (a Purpose box). */
int cd_st_front_leadin_table(cd_st_state *st, const xmlNode *tbl);

/* ---- sections.c ---- */

/* A section builder writing under root. Caller frees with cd_st_tree_free. */
cd_st_tree *cd_st_tree_new(cd_st_ctx *c, xmlNodePtr root);
void cd_st_tree_free(cd_st_tree *t);
/* Opens a section at level (num may be NULL); title is a council title
 * element (adopted). */
void cd_st_tree_section(cd_st_tree *t, int level, const char *num, xmlNodePtr title);
/* Opens an annex (num may be NULL) at top level. */
void cd_st_tree_annex(cd_st_tree *t, const char *num, xmlNodePtr title);
/* Opens the section of a run-in heading (Heading_b): one level below the
 * innermost section that is not itself a run-in heading's. */
void cd_st_tree_minor(cd_st_tree *t, xmlNodePtr title);
/* Closes every open section and annex: what follows is at the top. */
void cd_st_tree_close_all(cd_st_tree *t);
/* Gives a numbered paragraph p its num and a unique id (par-NUM). */
void cd_st_tree_para_id(cd_st_tree *t, xmlNodePtr p, const char *num);
/* Appends a block to the innermost open section (or the root). */
void cd_st_tree_block(cd_st_tree *t, xmlNodePtr block);
/* Appends a list item at level (1..9) to the current list run, opening
 * nested lists as needed; type/style/start describe the list. */
void cd_st_tree_item(cd_st_tree *t, int level, int ordered, const char *style,
                     int start, const char *label, xmlNodePtr p);
/* Ends the current list run. */
void cd_st_tree_end_list(cd_st_tree *t);
/* Slug of a title for ids: lowercase ASCII letters/digits and hyphens,
 * at most max bytes. Returns 0 when nothing usable remains. */
int cd_st_slug(const char *title, char *buf, size_t max);

/* Text classification (sections.c). */
/* Bytes of leading white space (also U+00A0) in s. */
size_t cd_st_lead_space(const char *s);
/* "2.1.3<TAB>", "A.1.2<TAB>" (or spaces when spaces_ok): copies the number
 * without trailing dot into num, returns the bytes to skip; 0: not one. */
size_t cd_st_typed_number(const char *s, int spaces_ok, char *num, size_t max);
/* "Annex 1", "ANNEX A", "Annexe 2": the bytes up to the end of the number
 * (or of the keyword), num set ("" when none); 0 when s is no annex line. */
size_t cd_st_typed_annex(const char *s, char *num, size_t max);
/* 1 for a line of only underscores (at least 5). */
int cd_st_is_rule(const char *s);
/* 1 for a source line ("Report by the Secretary-General"). */
int cd_st_is_source(const char *s);
/* Numbering label → section number ("2.1." → "2.1"); 1 if it is one. */
int cd_st_label_number(const char *lab, char *num, size_t max);
/* Components of a section number ("2.1.3" → 3). */
int cd_st_num_depth(const char *num);

/* ---- lists.c, listseq.c ---- */

/* A paragraph p of a table cell or a note as a list item, when it has a
 * Word-numbering or typed label (Word's counters advance for it as in the
 * body); consecutive items share *list, appended to parent when opened.
 * 1 when p was made an item (or had no content). */
int cd_st_block_item(cd_st_ctx *c, const xmlNode *p, xmlNodePtr parent, xmlNodePtr *list);

/* The attribute (no namespace) a list item carries while the tree is
 * built: where its label came from, "word", "typed" or "term". */
#define CD_ST_SRC_ATTR "cd-src"

/* Length of an ITU inserted-item suffix ("bis", "ter", "quater"...) at s,
 * 0 when none. */
size_t cd_st_bis_len(const char *s);
/* The number a label stands for in a list of that style ("3)" 3, "(c)" 3,
 * "iv." 4 when style is roman), 1 when it is none. */
int cd_st_label_value(const char *label, const char *style);
/* After the tree is built: each list of typed labels gets its style and
 * start from the whole sequence, lists split on an ambiguous label are
 * joined again, term items make lists of their own (type="term"); the
 * CD_ST_SRC_ATTR marks are removed. */
void cd_st_lists_finish(xmlNodePtr root);

/* Typed list label ("•<TAB>", "a)", "(iv)"): bytes to skip, 0 if none;
 * fills label, *ordered and *style (static string or NULL). */
size_t cd_st_typed_label(const char *s, char *label, size_t max, int *ordered,
                         const char **style);
/* List item from Word numbering (lab, when numbered), an enumlev style or a
 * typed label at the start of t (lead: the bytes of white space before t in
 * the paragraph text): appends it to tree. 1 when p is a list item. */
int cd_st_list_para(cd_st_ctx *c, cd_st_tree *tree, const xmlNode *p,
                    const cd_st_pinfo *pi, const cd_st_numlabel *lab, int numbered,
                    const char *t, size_t lead);

/* ---- toc.c ---- */

/* Removes what a dropped table of contents leaves behind: a "Contents"
 * (and kin, six languages) paragraph or empty section with nothing under
 * it before the next section, and "Page" column headers. */
void cd_st_toc_leftovers(xmlNodePtr root);

#endif
