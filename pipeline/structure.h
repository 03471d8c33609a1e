/*
 * structure.h — declarations private to the structure stage
 * (structure.c, styles.c, numbering.c, blocks.c, tables.c, sections.c,
 * lists.c, listseq.c).
 */
#ifndef CD_STRUCTURE_H
#define CD_STRUCTURE_H

#include <libxml/tree.h>
#include "cd_internal.h"

/* ---- styles.c ---- */

typedef struct cd_st_styles cd_st_styles;

/* Paragraph roles from ITU house styles (and common Word ones). */
enum {
	CD_ROLE_NONE = 0,
	CD_ROLE_TITLE,      /* Title, Title1 */
	CD_ROLE_SOURCE,     /* Source */
	CD_ROLE_HEADINGB,   /* Headingb: bold run-in heading */
	CD_ROLE_ENUMLEV,    /* enumlev1..3 (level in cd_st_pinfo.enumlev) */
	CD_ROLE_CALL,       /* Call: italic lead paragraph */
	CD_ROLE_ANNEX,      /* Annextitle, Annex_title, Appendixtitle */
	CD_ROLE_TOC         /* TOC 1..9, toc headings: not content */
};

/* What the styles say about one paragraph. */
typedef struct cd_st_pinfo {
	int heading;   /* 1..9, 0: not a heading */
	int role;      /* CD_ROLE_* */
	int enumlev;   /* 1..3 for CD_ROLE_ENUMLEV */
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
/* Formatting of a run: direct rPr and character style (rStyle); style_bold
 * receives the bold the paragraph style would add (may be NULL). */
void cd_st_run_fmt(const cd_st_styles *s, const xmlNode *rpr, cd_st_rfmt *f);
/* Heading level of a style id (0: not a heading). */
int cd_st_style_heading(const cd_st_styles *s, const char *id);
/* 1 when the paragraph's style (or its basedOn chain) hides its runs
 * (w:vanish in the style's run properties). */
int cd_st_para_vanish(const cd_st_styles *s, const xmlNode *p);

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

/* ---- sections.c ---- */

typedef struct cd_st_tree cd_st_tree;

/* A section builder writing under root. Caller frees with cd_st_tree_free. */
cd_st_tree *cd_st_tree_new(cd_st_ctx *c, xmlNodePtr root);
void cd_st_tree_free(cd_st_tree *t);
/* Opens a section at level (num may be NULL); title is a council title
 * element (adopted). */
void cd_st_tree_section(cd_st_tree *t, int level, const char *num, xmlNodePtr title);
/* Opens an annex (num may be NULL) at top level. */
void cd_st_tree_annex(cd_st_tree *t, const char *num, xmlNodePtr title);
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
/* "2.1.3<TAB>" (or spaces when spaces_ok): copies the number without
 * trailing dot into num, returns the bytes to skip; 0: not a number. */
size_t cd_st_typed_number(const char *s, int spaces_ok, char *num, size_t max);
/* "Annex 1", "ANNEX A", "Annexe 2": 1 and num ("" when none). */
int cd_st_typed_annex(const char *s, char *num, size_t max);
/* 1 for a line of only underscores (at least 5). */
int cd_st_is_rule(const char *s);
/* 1 for a source line ("Report by the Secretary-General"). */
int cd_st_is_source(const char *s);
/* Numbering label → section number ("2.1." → "2.1"); 1 if it is one. */
int cd_st_label_number(const char *lab, char *num, size_t max);
/* Components of a section number ("2.1.3" → 3). */
int cd_st_num_depth(const char *num);

/* ---- lists.c, listseq.c ---- */

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

#endif
