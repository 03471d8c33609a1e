/*
 * listseq.c — list labels as a sequence. A typed label alone is
 * ambiguous ("c)" is a letter or the roman 100, "i)" the ninth letter or
 * the roman 1); once the tree is built, each list's style and start are
 * decided from all of its labels, lists the tree split on a wrong guess
 * are joined again, and term items ("CM<TAB>Cable Modem") make lists of
 * their own (type="term").
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "structure.h"

/* A simple ordered label: "(" core ")" or "." and a bis suffix. */
typedef struct lab {
	int open;
	char close;      /* ')' '.' or 0 */
	char core[8];
	int bis;         /* "bis", "ter"...: an inserted item */
} lab;

static int
parse_label(const char *s, lab *o)
{
	size_t k = 0, n = 0;

	memset(o, 0, sizeof *o);
	if (s == NULL)
		return 0;
	if (s[k] == '(')
		o->open = 1, k++;
	while (isalnum((unsigned char)s[k]) && !(n > 0 && cd_st_bis_len(s + k))) {
		if (n + 1 >= sizeof o->core)
			return 0;
		o->core[n++] = s[k++];
	}
	o->core[n] = '\0';
	if (n == 0)
		return 0;
	if (cd_st_bis_len(s + k))
		k += cd_st_bis_len(s + k), o->bis = 1;
	if (s[k] == ')' || s[k] == '.')
		o->close = s[k++];
	if (!o->bis && cd_st_bis_len(s + k))
		k += cd_st_bis_len(s + k), o->bis = 1;
	return s[k] == '\0';
}

static int
dec_value(const char *c)
{
	size_t n = strlen(c);

	return n > 0 && n < 6 && strspn(c, "0123456789") == n ? atoi(c) : 0;
}

/* Word's letters: a..z, then aa..zz, aaa... */
static int
alpha_value(const char *c)
{
	size_t n = strlen(c);

	if (n == 0 || !isalpha((unsigned char)c[0]))
		return 0;
	for (size_t k = 1; k < n; k++)
		if (c[k] != c[0])
			return 0;
	return (int)(n - 1) * 26 + (tolower((unsigned char)c[0]) - 'a') + 1;
}

/* The value of a canonical roman numeral (either case), 0 when c is not
 * one ("iiii", "ic" are not). */
static int
roman_value(const char *c)
{
	static const char r[] = "ivxlcdm";
	static const int rv[] = { 1, 5, 10, 50, 100, 500, 1000 };
	char low[8], back[24];
	size_t n = strlen(c);
	int v = 0, prev = 0;

	if (n == 0 || n >= sizeof low)
		return 0;
	for (size_t k = 0; k < n; k++) {
		low[k] = (char)tolower((unsigned char)c[k]);
		if (strchr(r, low[k]) == NULL || low[k] == '\0' ||
		    (isupper((unsigned char)c[k]) != isupper((unsigned char)c[0])))
			return 0;
	}
	low[n] = '\0';
	for (size_t i = n; i-- > 0;) {
		int d = rv[strchr(r, low[i]) - r];

		v += d < prev ? -d : d;
		if (d > prev)
			prev = d;
	}
	cd_st_num_format("lowerRoman", v, back, sizeof back);
	return strcmp(back, low) == 0 ? v : 0;
}

int
cd_st_label_value(const char *label, const char *style)
{
	lab l;
	int v = 0;

	if (!parse_label(label, &l))
		return 1;
	if ((v = dec_value(l.core)) > 0)
		return v;
	if (style != NULL && strstr(style, "roman") != NULL)
		v = roman_value(l.core);
	else if (strlen(l.core) == 1)
		v = alpha_value(l.core);
	return v > 0 ? v : 1;
}

/* ---- the pass over the council tree ---- */

/* 1 when the item's label came from src ("word", "typed", "term"). */
static int
src_is(const xmlNode *item, const char *src)
{
	xmlChar *v = xmlGetProp(item, BAD_CAST CD_ST_SRC_ATTR);
	int r = v != NULL && xmlStrcmp(v, BAD_CAST src) == 0;

	xmlFree(v);
	return r;
}

static int
is_term(const xmlNode *item)
{
	return src_is(item, "term");
}

static int
is_elem(const xmlNode *n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, BAD_CAST name) == 0;
}

static int
attr_is(const xmlNode *n, const char *name, const char *val)
{
	xmlChar *v = xmlGetProp(n, BAD_CAST name);
	int r = v != NULL && xmlStrcmp(v, BAD_CAST val) == 0;

	xmlFree(v);
	return r;
}

/* 1 when every item of an ordered list has a typed label. */
static int
typed_only(const xmlNode *list)
{
	int any = 0;

	if (!attr_is(list, "type", "ordered"))
		return 0;
	for (const xmlNode *i = list->children; i; i = i->next)
		if (is_elem(i, "item")) {
			if (!src_is(i, "typed"))
				return 0;
			any = 1;
		}
	return any;
}

static void
collect_lists(xmlNodePtr root, xmlNodePtr **v, size_t *n)
{
	size_t cap = 0;

	*v = NULL;
	*n = 0;
	for (xmlNodePtr k = cd_xml_next_in(root, root); k; k = cd_xml_next_in(k, root)) {
		if (!is_elem(k, "list"))
			continue;
		if (*n == cap) {
			size_t nc = cap ? cap * 2 : 32;
			xmlNodePtr *nv = realloc(*v, nc * sizeof *nv);

			if (nv == NULL)
				return;
			*v = nv;
			cap = nc;
		}
		(*v)[(*n)++] = k;
	}
}

enum { K_WORD, K_TERM, K_BULLET, K_ORDERED, K_PLAIN };

/* The kind of an item: Word-numbered, a term, a typed bullet, a typed
 * number or letter, or no label at all (an enumlevN paragraph). */
static int
item_kind(const xmlNode *item)
{
	xmlChar *l;
	int k;

	if (src_is(item, "word"))
		return K_WORD;
	if (src_is(item, "term"))
		return K_TERM;
	l = xmlGetProp(item, BAD_CAST "label");
	k = l == NULL || *l == '\0' ? K_PLAIN : isalnum(*l) || *l == '(' ? K_ORDERED : K_BULLET;
	xmlFree(l);
	return k;
}

/* Moves the children of from to the end of to. */
static void
move_children(xmlNodePtr from, xmlNodePtr to)
{
	xmlNodePtr c, next;

	for (c = from->children; c; c = next) {
		next = c->next;
		xmlUnlinkNode(c);
		xmlAddChild(to, c);
	}
}

/* One kind of item per list: a list holding several kinds is cut into
 * runs of one kind (Word shows "•" items under "ii)" as a list of their
 * own, not as items 3, 4, 5); an item without a label continues the item
 * before it (an indented paragraph, not a new bullet). Returns 1 when the
 * document order of the lists may have changed (a list was cut). */
static int
split_kinds(xmlNodePtr list)
{
	xmlNodePtr cur = list, i, next, prev = NULL;
	int kind = -1, made = 0;

	for (i = list->children; i; i = next) {
		int k;

		next = i->next;
		if (!is_elem(i, "item"))
			continue;
		k = item_kind(i);
		if (k == K_PLAIN && prev != NULL) {
			/* what stands between may hold lists i's now pass */
			made |= prev->next != i;
			move_children(i, prev);
			xmlUnlinkNode(i);
			xmlFreeNode(i);
			continue;
		}
		if (kind >= 0 && k != kind) {
			xmlNodePtr l = xmlNewDocNode(list->doc, list->ns, BAD_CAST "list", NULL);

			xmlSetProp(l, BAD_CAST "type", BAD_CAST(k == K_ORDERED ? "ordered" : "bullet"));
			cur = xmlAddNextSibling(cur, l);
			made = 1;
		}
		kind = k;
		prev = i;
		if (cur != list) {
			xmlUnlinkNode(i);
			xmlAddChild(cur, i);
		}
	}
	return made;
}

static xmlNodePtr
first_item(const xmlNode *list)
{
	for (xmlNodePtr i = list->children; i; i = i->next)
		if (is_elem(i, "item"))
			return i;
	return NULL;
}

static xmlNodePtr
last_item(const xmlNode *list)
{
	for (xmlNodePtr i = list->last; i; i = i->prev)
		if (is_elem(i, "item"))
			return i;
	return NULL;
}

static int
item_label(const xmlNode *item, lab *l)
{
	xmlChar *v = item ? xmlGetProp(item, BAD_CAST "label") : NULL;
	int r = parse_label((const char *)v, l);

	xmlFree(v);
	return r;
}

/* b continues a: same punctuation, and b is a's successor as a number,
 * a letter or a roman numeral (or a's own bis item). */
static int
continues(const lab *a, const lab *b)
{
	int va, vb;

	if (a->open != b->open || a->close != b->close)
		return 0;
	if (b->bis)
		return strcmp(a->core, b->core) == 0;
	if ((va = dec_value(a->core)) > 0 && (vb = dec_value(b->core)) > 0)
		return vb == va + 1;
	if ((va = alpha_value(a->core)) > 0 && (vb = alpha_value(b->core)) > 0 && vb == va + 1)
		return 1;
	return (va = roman_value(a->core)) > 0 && (vb = roman_value(b->core)) > 0 && vb == va + 1;
}

/* Joins list l to the list right before it when its first label continues
 * that list's last one. Returns 1 when l was emptied and freed. */
static int
join_previous(xmlNodePtr l)
{
	xmlNodePtr prev = xmlPreviousElementSibling(l);
	lab a, b;

	if (!is_elem(prev, "list") || !typed_only(prev) || !typed_only(l) ||
	    !item_label(last_item(prev), &a) || !item_label(first_item(l), &b) ||
	    !continues(&a, &b))
		return 0;
	move_children(l, prev);
	xmlUnlinkNode(l);
	xmlFreeNode(l);
	return 1;
}

typedef int (*value_fn)(const char *);

/* 1 when the non-bis labels count up by one under f. */
static int
counts_up(const xmlNode *list, value_fn f, int *first)
{
	int prev = 0, n = 0;
	lab l;

	for (const xmlNode *i = list->children; i; i = i->next) {
		int v;

		if (!is_elem(i, "item"))
			continue;
		if (!item_label(i, &l))
			return 0;
		if (l.bis)
			continue;
		if ((v = f(l.core)) <= 0 || (n > 0 && v != prev + 1))
			return 0;
		if (n++ == 0)
			*first = v;
		prev = v;
	}
	return n > 0;
}

/* Style and start of a list of typed labels, from the whole sequence:
 * "c)" after "a)", "b)" is a letter; "i)" opening a list is roman, and
 * so is "ii)" (not the 35th letter). */
static void
infer_style(xmlNodePtr list)
{
	lab l;
	int f_dec = 0, f_al = 0, f_ro = 0, dec, al, ro, up;
	const char *style;
	char b[16];

	if (!item_label(first_item(list), &l))
		return;
	up = isupper((unsigned char)l.core[0]) != 0;
	dec = counts_up(list, dec_value, &f_dec);
	al = counts_up(list, alpha_value, &f_al);
	ro = counts_up(list, roman_value, &f_ro);
	/* both: "i)" and "ii)" are roman, a lone "c)" or "v)" a letter */
	if (al && ro)
		ro = tolower((unsigned char)l.core[0]) == 'i' || l.core[1] != '\0', al = !ro;
	if (dec)
		style = "decimal";
	else if (ro)
		style = up ? "upper-roman" : "lower-roman";
	else if (al)
		style = up ? "upper-alpha" : "lower-alpha";
	else
		return;
	xmlSetProp(list, BAD_CAST "style", BAD_CAST style);
	snprintf(b, sizeof b, "%d", dec ? f_dec : ro ? f_ro : f_al);
	xmlSetProp(list, BAD_CAST "start", BAD_CAST b);
}

/* A list of paragraphs without labels (enumlevN paragraphs with no label
 * typed, where Word shows none) is no list: its blocks take its place.
 * 1 when list was replaced and freed. */
static int
unlabelled(xmlNodePtr list)
{
	xmlNodePtr i, next;

	for (i = first_item(list); i; i = xmlNextElementSibling(i))
		if (item_kind(i) != K_PLAIN)
			return 0;
	for (i = list->children; i; i = next) {
		xmlNodePtr c, cn;

		next = i->next;
		for (c = i->children; c; c = cn) {
			cn = c->next;
			xmlUnlinkNode(c);
			xmlAddPrevSibling(list, c);
		}
	}
	xmlUnlinkNode(list);
	xmlFreeNode(list);
	return 1;
}

/* A term alone is no list: "one<TAB>two" stays a paragraph, the term
 * and a space before its text. 1 when list was replaced and freed. */
static int
lone_term(xmlNodePtr list)
{
	xmlNodePtr item = first_item(list), p = item ? xmlFirstElementChild(item) : NULL;
	xmlChar *label;

	if (item != last_item(list) || !is_elem(p, "p") || xmlNextElementSibling(p) != NULL)
		return 0;
	label = xmlGetProp(item, BAD_CAST "label");
	if (label != NULL) {
		xmlNodePtr t = xmlNewDocText(list->doc, label);

		xmlNodeAddContent(t, BAD_CAST " ");
		if (p->children != NULL)
			xmlAddPrevSibling(p->children, t);
		else
			xmlAddChild(p, t);
	}
	xmlFree(label);
	xmlUnlinkNode(p);
	xmlAddPrevSibling(list, p);
	xmlUnlinkNode(list);
	xmlFreeNode(list);
	return 1;
}

void
cd_st_lists_finish(xmlNodePtr root)
{
	xmlNodePtr *v;
	size_t n, split = 0;

	collect_lists(root, &v, &n);
	for (size_t k = 0; k < n; k++)
		split += (size_t)split_kinds(v[k]);
	/* the lists stand in the order found unless one was split: a walk of
	 * the whole output less */
	if (split > 0) {
		free(v);
		collect_lists(root, &v, &n);
	}
	for (size_t k = 0; k < n; k++)
		if (join_previous(v[k]))
			v[k] = NULL;
	for (size_t k = 0; k < n; k++) {
		xmlNodePtr i = v[k] ? first_item(v[k]) : NULL;

		if (i != NULL && unlabelled(v[k])) {
			v[k] = NULL;
		} else if (i != NULL && is_term(i) && lone_term(v[k])) {
			v[k] = NULL;
		} else if (i != NULL && is_term(i)) {
			xmlSetProp(v[k], BAD_CAST "type", BAD_CAST "term");
			xmlUnsetProp(v[k], BAD_CAST "style");
			xmlUnsetProp(v[k], BAD_CAST "start");
		} else if (v[k] != NULL && typed_only(v[k])) {
			infer_style(v[k]);
		}
	}
	free(v);
	for (xmlNodePtr k = cd_xml_next_in(root, root); k; k = cd_xml_next_in(k, root))
		if (is_elem(k, "item"))
			xmlUnsetProp(k, BAD_CAST CD_ST_SRC_ATTR);
}
