/*
 * textdump.c — the plain-text dumps (Apache Tika style) older tools made of
 * Council reports, read into a package document of kind "textdump":
 * every non-empty line is a w:p; "[bookmark: x]" markers are dropped;
 * "[footnoteRef:N]" becomes a w:footnoteReference run and the note body
 * "[N:  text]" the dump appends after the paragraph becomes w:footnote N;
 * a line " \tTitle" gets the ITU style Headingb. Typed numbers, bullets
 * and rules stay as typed: the structure stage recognises them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "opc.h"

#define NOTE_LOOKAHEAD 20 /* lines a multi-paragraph note body may span */

typedef struct dump {
	xmlDocPtr doc, notes;   /* the document and footnotes parts */
	xmlNodePtr body, fns;
	xmlNsPtr wns;           /* w: in doc */
	xmlNsPtr fns_ns;        /* w: in notes */
	xmlNsPtr pkg_ns;        /* pkg: in doc (for pkg:href on links) */
	long *refs;             /* footnote ids referenced so far */
	size_t nrefs, caprefs;
	int failed;
	int parent_colon;       /* the last top-level bullet item ended with ':' */
	int in_sub;             /* the last bullet item was a sub-item */
	const cd_options *o;    /* where messages go */
} dump;

/* ---- lines ---- */

/* Removes every "[bookmark: ...]" marker from s (in place). */
static void
dump_drop_bookmarks(char *s)
{
	char *p;

	while ((p = strstr(s, "[bookmark:")) != NULL) {
		char *e = strchr(p, ']');

		if (e == NULL)
			break;
		memmove(p, e + 1, strlen(e + 1) + 1);
	}
}

static void
rtrim(char *s)
{
	size_t n = strlen(s);

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		s[--n] = '\0';
}

static char *
ltrim(char *s, int tabs)
{
	while (*s == ' ' || (tabs && *s == '\t'))
		s++;
	return s;
}

/* Parses "[TAG" digits "]" or ":" at p; returns the id and sets *end past
 * the digits, or -1. */
static long
marker_id(const char *p, const char *tag, const char **end)
{
	size_t n = strlen(tag);
	long v = 0;
	int digits = 0;

	if (strncmp(p, tag, n) != 0)
		return -1;
	for (p += n; *p >= '0' && *p <= '9' && digits < 7; p++, digits++)
		v = v * 10 + (*p - '0');
	if (digits == 0)
		return -1;
	*end = p;
	return v;
}

static int
dump_referenced(const dump *d, long id)
{
	for (size_t i = 0; i < d->nrefs; i++)
		if (d->refs[i] == id)
			return 1;
	return 0;
}

static void
dump_add_ref(dump *d, long id)
{
	if (d->nrefs == d->caprefs) {
		size_t cap = d->caprefs ? d->caprefs * 2 : 16;
		long *v = realloc(d->refs, cap * sizeof *v);

		if (v == NULL) {
			d->failed = 1;
			return;
		}
		d->refs = v;
		d->caprefs = cap;
	}
	d->refs[d->nrefs++] = id;
}

/* Records the footnoteRef ids of s. */
static void
dump_scan_refs(dump *d, const char *s)
{
	for (const char *p = strchr(s, '['); p != NULL; p = strchr(p + 1, '[')) {
		const char *e;
		long id = marker_id(p, "[footnoteRef:", &e);

		if (id >= 0 && *e == ']' && !dump_referenced(d, id))
			dump_add_ref(d, id);
	}
}

/* ---- building WordprocessingML ---- */

/* Appends text (tabs as w:tab) to paragraph p as w:r runs. */
static void
dump_add_plain(xmlNodePtr p, xmlNsPtr ns, const char *s, size_t n)
{
	xmlNodePtr r;

	if (n == 0)
		return;
	r = xmlNewChild(p, ns, BAD_CAST "r", NULL);
	while (n > 0) {
		const char *tab = memchr(s, '\t', n);
		size_t k = tab ? (size_t)(tab - s) : n;

		if (k > 0) {
			xmlNodePtr t = xmlNewChild(r, ns, BAD_CAST "t", NULL);

			xmlNodeAddContentLen(t, BAD_CAST s, (int)k);
			xmlNodeSetSpacePreserve(t, 1);
		}
		if (tab != NULL) {
			xmlNewChild(r, ns, BAD_CAST "tab", NULL);
			k++;
		}
		s += k;
		n -= k;
	}
}

/* Length of the URL at s (http:// or https://) without trailing
 * punctuation, or 0. */
static size_t
dump_url_len(const char *s, size_t n)
{
	size_t k = 0;

	if (!(n > 8 && (strncmp(s, "https://", 8) == 0 || strncmp(s, "http://", 7) == 0)))
		return 0;
	while (k < n && s[k] != ' ' && s[k] != '\t' && s[k] != '"' && s[k] != '<' &&
	       s[k] != '>' && (unsigned char)s[k] >= 0x21 &&
	       !((unsigned char)s[k] == 0xe2 && k + 1 < n && (unsigned char)s[k + 1] == 0x80))
		k++;
	while (k > 0 && strchr(".,;:)]!?'", s[k - 1]) != NULL)
		k--;
	return k > 8 ? k : 0;
}

/* Appends text to p; a bare URL becomes a w:hyperlink with pkg:href whose
 * text is the URL (the dump lost the link, the URL is still there). */
static void
dump_add_text(dump *d, xmlNodePtr p, const char *s, size_t n)
{
	size_t i = 0, start = 0;

	while (i < n) {
		size_t u = (i == 0 || s[i - 1] == ' ' || s[i - 1] == '(' || s[i - 1] == '\t')
		           ? dump_url_len(s + i, n - i) : 0;
		xmlNodePtr h;
		char *href;

		if (u == 0) {
			i++;
			continue;
		}
		dump_add_plain(p, d->wns, s + start, i - start);
		h = xmlNewChild(p, d->wns, BAD_CAST "hyperlink", NULL);
		href = strndup(s + i, u);
		if (h == NULL || href == NULL) {
			free(href);
			d->failed = 1;
			return;
		}
		xmlNewNsProp(h, d->pkg_ns, BAD_CAST "href", BAD_CAST href);
		free(href);
		dump_add_plain(h, d->wns, s + i, u);
		i += u;
		start = i;
	}
	dump_add_plain(p, d->wns, s + start, n - start);
}

static xmlNodePtr
dump_new_p(xmlNodePtr parent, xmlNsPtr ns, const char *style)
{
	xmlNodePtr p = xmlNewChild(parent, ns, BAD_CAST "p", NULL);

	if (style != NULL) {
		xmlNodePtr ppr = xmlNewChild(p, ns, BAD_CAST "pPr", NULL);
		xmlNodePtr ps = xmlNewChild(ppr, ns, BAD_CAST "pStyle", NULL);

		xmlNewNsProp(ps, ns, BAD_CAST "val", BAD_CAST style);
	}
	return p;
}

/* A body paragraph from s, footnoteRef markers as reference runs; sub
 * indents it one list level (w:ind) for a nested bullet. */
static void
dump_paragraph(dump *d, const char *s, const char *style, int sub)
{
	xmlNodePtr p = dump_new_p(d->body, d->wns, style);

	if (sub) {
		xmlNodePtr ppr = p->children != NULL ? p->children :
		                 xmlNewChild(p, d->wns, BAD_CAST "pPr", NULL);
		xmlNodePtr ind = xmlNewChild(ppr, d->wns, BAD_CAST "ind", NULL);

		xmlNewNsProp(ind, d->wns, BAD_CAST "left", BAD_CAST "1134");
	}
	const char *p0 = s, *q;

	while ((q = strstr(p0, "[footnoteRef:")) != NULL) {
		const char *e;
		long id = marker_id(q, "[footnoteRef:", &e);
		char num[24];
		xmlNodePtr r, fr;

		if (id < 0 || *e != ']') {
			dump_add_text(d, p, p0, (size_t)(q + 1 - p0));
			p0 = q + 1;
			continue;
		}
		dump_add_text(d, p, p0, (size_t)(q - p0));
		r = xmlNewChild(p, d->wns, BAD_CAST "r", NULL);
		fr = xmlNewChild(r, d->wns, BAD_CAST "footnoteReference", NULL);
		snprintf(num, sizeof num, "%ld", id);
		xmlNewNsProp(fr, d->wns, BAD_CAST "id", BAD_CAST num);
		p0 = e + 1;
	}
	dump_add_text(d, p, p0, strlen(p0));
}

/* A w:footnote with id and type (NULL: normal note); returns it. */
static xmlNodePtr
dump_footnote(dump *d, long id, const char *type)
{
	xmlNodePtr fn = xmlNewChild(d->fns, d->fns_ns, BAD_CAST "footnote", NULL);
	char num[24];

	snprintf(num, sizeof num, "%ld", id);
	if (type != NULL)
		xmlNewNsProp(fn, d->fns_ns, BAD_CAST "type", BAD_CAST type);
	xmlNewNsProp(fn, d->fns_ns, BAD_CAST "id", BAD_CAST num);
	return fn;
}

static void
dump_note_para(dump *d, xmlNodePtr fn, const char *text, int first)
{
	xmlNodePtr p = dump_new_p(fn, d->fns_ns, "FootnoteText");
	char *t = strdup(text), *s;

	if (t == NULL) {
		d->failed = 1;
		return;
	}
	rtrim(t);
	s = ltrim(t, 1);
	if (first) {
		xmlNodePtr r = xmlNewChild(p, d->fns_ns, BAD_CAST "r", NULL);

		xmlNewChild(r, d->fns_ns, BAD_CAST "footnoteRef", NULL);
		if (*s != '\0' && s > t)
			*--s = ' '; /* Word's space after the label */
	}
	dump_add_plain(p, d->fns_ns, s, strlen(s));
	free(t);
}

/* ---- the note bodies ---- */

/* Finds the first "[N:" of a referenced note in s; sets *id and *text. */
static char *
dump_find_note(const dump *d, char *s, long *id, char **text)
{
	for (char *p = strchr(s, '['); p != NULL; p = strchr(p + 1, '[')) {
		const char *e;
		long v = marker_id(p, "[", &e);

		if (v >= 0 && *e == ':' && dump_referenced(d, v)) {
			*id = v;
			*text = p + (e + 1 - p);
			return p;
		}
	}
	return NULL;
}

/* The ']' closing a note body that starts at text (brackets inside the
 * note nest), or NULL when the line does not close it. */
static char *
dump_close(char *text)
{
	int depth = 1;

	for (char *p = text; *p != '\0'; p++) {
		if (*p == '[')
			depth++;
		else if (*p == ']' && --depth == 0)
			return p;
	}
	return NULL;
}

/* Line index (after i) whose trimmed end is ']' within the lookahead,
 * or 0. */
static size_t
dump_note_end(char **lines, size_t n, size_t i)
{
	for (size_t k = i + 1; k < n && k <= i + NOTE_LOOKAHEAD; k++) {
		size_t len = strlen(lines[k]);

		while (len > 0 && (lines[k][len - 1] == ' ' || lines[k][len - 1] == '\t'))
			len--;
		if (strstr(lines[k], "[footnoteRef:") != NULL)
			return 0;
		if (len > 0 && lines[k][len - 1] == ']')
			return k;
	}
	return 0;
}

/* Cuts the note bodies out of line i (they become footnotes); a body
 * running over the next lines consumes them. Returns the last line used. */
static size_t
dump_take_notes(dump *d, char **lines, size_t n, size_t i)
{
	char *s = lines[i], *start, *text;
	long id;

	while ((start = dump_find_note(d, s, &id, &text)) != NULL) {
		char *close = dump_close(text);
		xmlNodePtr fn = dump_footnote(d, id, NULL);
		size_t last;

		if (close != NULL) {
			*close = '\0';
			dump_note_para(d, fn, text, 1);
			memmove(start, close + 1, strlen(close + 1) + 1);
			continue;
		}
		last = dump_note_end(lines, n, i);
		if (last == 0)
			cd_msg(d->o, CD_MSG_DUMP_NOTE_UNCLOSED, "input", (long)i + 1, "[%ld: ...", id);
		dump_note_para(d, fn, text, 1);
		*start = '\0';
		for (size_t k = i + 1; last > 0 && k <= last; k++) {
			if (k == last)
				*strrchr(lines[k], ']') = '\0';
			dump_note_para(d, fn, lines[k], 0);
		}
		return last > 0 ? last : i;
	}
	return i;
}

/* ---- driver ---- */

/* Splits the text into NUL-terminated lines (in place, in buf). */
static char **
dump_split(char *buf, size_t *n)
{
	size_t cap = 1;
	char **v;

	for (char *p = buf; *p; p++)
		cap += *p == '\n' || *p == '\f';
	v = calloc(cap, sizeof *v);
	if (v == NULL)
		return NULL;
	*n = 0;
	for (char *p = buf;;) {
		char *e = p + strcspn(p, "\n\f");
		int end = *e == '\0';

		*e = '\0';
		rtrim(p);
		v[(*n)++] = p;
		if (end)
			break;
		p = e + 1;
	}
	return v;
}

/*
 * The dump keeps no indentation, so nested bullets are inferred as ITU
 * writes them: after a bullet item ending with ':', the bullet items that
 * start with a lower-case letter are its sub-items (QUIRKS). Returns 0 for
 * a non-bullet line, else the level (1 or 2).
 */
static int
dump_bullet_level(dump *d, const char *s)
{
	static const char *const bullets[] = { "\xc2\xb7", "\xe2\x80\xa2", "-", "\xe2\x80\x93" };
	const char *t = NULL;
	size_t n = strlen(s);
	int lower;

	for (size_t i = 0; i < sizeof bullets / sizeof bullets[0] && t == NULL; i++)
		if (strncmp(s, bullets[i], strlen(bullets[i])) == 0)
			t = s + strlen(bullets[i]);
	if (t == NULL || (*t != ' ' && *t != '\t')) {
		d->parent_colon = d->in_sub = 0;
		return 0;
	}
	while (*t == ' ' || *t == '\t')
		t++;
	lower = *t >= 'a' && *t <= 'z';
	if ((d->parent_colon || d->in_sub) && lower) {
		d->in_sub = 1;
		return 2;
	}
	d->in_sub = 0;
	d->parent_colon = n > 0 && s[n - 1] == ':';
	return 1;
}

static void
dump_line(dump *d, char *line)
{
	const char *style = NULL;
	char *s;

	if (line[0] == ' ' && line[1] == '\t') {
		style = "Headingb";
		s = ltrim(line, 1);
	} else {
		s = ltrim(line, 0);
	}
	rtrim(s);
	if (*s != '\0')
		dump_paragraph(d, s, style, dump_bullet_level(d, s) == 2);
}

static int
dump_init(dump *d)
{
	xmlNodePtr root;

	memset(d, 0, sizeof *d);
	d->doc = xmlNewDoc(BAD_CAST "1.0");
	d->notes = xmlNewDoc(BAD_CAST "1.0");
	if (d->doc == NULL || d->notes == NULL)
		return -1;
	root = xmlNewNode(NULL, BAD_CAST "document");
	xmlDocSetRootElement(d->doc, root);
	d->wns = xmlNewNs(root, BAD_CAST CD_W_NS, BAD_CAST "w");
	xmlSetNs(root, d->wns);
	d->pkg_ns = xmlNewNs(root, BAD_CAST CD_PKG_NS, BAD_CAST "pkg");
	d->body = xmlNewChild(root, d->wns, BAD_CAST "body", NULL);
	root = xmlNewNode(NULL, BAD_CAST "footnotes");
	xmlDocSetRootElement(d->notes, root);
	d->fns_ns = xmlNewNs(root, BAD_CAST CD_W_NS, BAD_CAST "w");
	xmlSetNs(root, d->fns_ns);
	d->fns = root;
	xmlNewChild(xmlNewChild(xmlNewChild(dump_footnote(d, -1, "separator"), d->fns_ns,
	            BAD_CAST "p", NULL), d->fns_ns, BAD_CAST "r", NULL),
	            d->fns_ns, BAD_CAST "separator", NULL);
	xmlNewChild(xmlNewChild(xmlNewChild(dump_footnote(d, 0, "continuationSeparator"),
	            d->fns_ns, BAD_CAST "p", NULL), d->fns_ns, BAD_CAST "r", NULL),
	            d->fns_ns, BAD_CAST "continuationSeparator", NULL);
	return d->body != NULL ? 0 : -1;
}

/* Converts the lines; returns the package document or NULL. */
static xmlDocPtr
dump_build(dump *d, char **lines, size_t n, const char *name)
{
	xmlDocPtr pkg;
	int ok;

	for (size_t i = 0; i < n && !d->failed; i++) {
		char *line = lines[i];
		size_t last;

		dump_drop_bookmarks(line);
		dump_scan_refs(d, line);
		last = dump_take_notes(d, lines, n, i);
		dump_line(d, line);
		i = last;
	}
	pkg = d->failed ? NULL : cd_opc_pkg_new(name, "textdump");
	if (pkg == NULL)
		return NULL;
	ok = cd_opc_pkg_add(pkg, d->doc, "word/document.xml", "document", NULL) != NULL;
	d->doc = NULL;
	ok = cd_opc_pkg_add(pkg, d->notes, "word/footnotes.xml", "footnotes", NULL) != NULL && ok;
	d->notes = NULL;
	if (!ok) {
		xmlFreeDoc(pkg);
		return NULL;
	}
	return pkg;
}

xmlDocPtr
cd_read_textdump(const char *name, const unsigned char *data, size_t len,
                 const cd_options *o, cd_error *err)
{
	dump d;
	char *buf, **lines = NULL;
	size_t n = 0, skip = len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
	xmlDocPtr pkg = NULL;

	buf = malloc(len - skip + 1);
	if (buf != NULL) {
		memcpy(buf, data + skip, len - skip);
		buf[len - skip] = '\0'; /* an embedded NUL ends the text */
		lines = dump_split(buf, &n);
	}
	if (lines != NULL && dump_init(&d) == 0) {
		d.o = o;
		pkg = dump_build(&d, lines, n, name);
	}
	else if (lines != NULL)
		d.failed = 1;
	if (lines != NULL) {
		xmlFreeDoc(d.doc);
		xmlFreeDoc(d.notes);
		free(d.refs);
	}
	free(lines);
	free(buf);
	if (pkg == NULL)
		cd_error_set(err, CD_ERR_NOMEM, NULL, 0, "out of memory");
	return pkg;
}
