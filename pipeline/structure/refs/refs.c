/*
 * refs.c — marks ITU references in the council tree with <ref>.
 *
 * A hand-written scanner (UTF-8 aware) runs over each text node outside
 * link, ref, meta, math, code and figure; at each word start it tries the
 * kinds below (recognised in pipeline/refkinds.c) and wraps exactly the
 * matched text (the text is never changed; the text node is split around
 * the <ref>). Matches never cross element boundaries.
 *
 * Attributes of <ref> (all optional except type), in this order:
 *   type      resolution | decision | recommendation | document |
 *             study-group | question
 *   conf      body that adopted a resolution/decision: council, pp, wtsa,
 *             wtdc, ra (from a prefix "Council Resolution", "PP", "WTSA-20",
 *             "(PP) Resolution", or from the place and year: Bucharest -> pp)
 *   sector    T | R | D  (ITU-T, ITU-R, ITU-D)
 *   series    recommendation series letter(s): "Y", "X", "M"
 *   num       the number: "101", "1332", "3537", "2083-0", "C22/58",
 *             "13", "1/1"; a list "101 102 133" for "Resolutions 101,
 *             102 and 133" or "SGs 13 and 17"
 *   amd       amendment number (Recommendation "Y.1540 Amd.2")
 *   suppl     supplement number ("Y.Suppl.59")
 *   question  a study group's question ("ITU-D SG1 Q3/1" -> "3/1")
 *   rev       resolutions/decisions: "yes" when revised or modified
 *             ("Rev.", "Modified"); documents: the revision number
 *   place     where it was adopted or revised ("Bucharest")
 *   year      four-digit year ("2022"; absent when misprinted, "202")
 *
 * Examples: "Resolution 101 (Rev. Bucharest, 2022)" -> type=resolution
 * conf=pp num=101 rev=yes place=Bucharest year=2022; "ITU-T Y.1540 Amd.2"
 * -> type=recommendation sector=T series=Y num=1540 amd=2; "Document
 * C23/35(Rev.1)" -> type=document num=C23/35 rev=1; "ITU-T SG13" ->
 * type=study-group sector=T num=13. Not references: "resolution of the
 * screen" (lower case), "SG" alone, "Y.3537" without a sector prefix,
 * draft names "ITU-T Y.dec-IoT" (no number).
 */
#include <stdlib.h>
#include <string.h>

#include "cd_internal.h"
#include "metatext.h"
#include "refkinds.h"

/* 1 if s+i starts a word (no word character before it). */
static int
starts_word(const char *s, size_t i)
{
	size_t j = i, n;

	if (i == 0)
		return 1;
	do
		j--;
	while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80);
	return !cd_meta_wordchar(cd_meta_u8(s + j, &n));
}

/* ---- the tree walk ---- */

static xmlNodePtr
ref_node(xmlDocPtr doc, xmlNsPtr ns, const cd_refs_m *m, const char *s, size_t n)
{
	const char *const attr[][2] = {
		{"type", m->type}, {"conf", m->conf}, {"sector", m->sector},
		{"series", m->series}, {"num", m->num}, {"amd", m->amd},
		{"suppl", m->suppl}, {"question", m->question}, {"rev", m->rev},
		{"place", m->place}, {"year", m->year},
	};
	xmlNodePtr r = xmlNewDocNode(doc, ns, BAD_CAST "ref", NULL);
	xmlNodePtr t;

	if (r == NULL)
		return NULL;
	for (size_t k = 0; k < sizeof attr / sizeof attr[0]; k++)
		if (attr[k][1] != NULL && attr[k][1][0] != '\0')
			xmlSetProp(r, BAD_CAST attr[k][0], BAD_CAST attr[k][1]);
	t = xmlNewDocTextLen(doc, BAD_CAST s, (int)n);
	if (t != NULL)
		xmlAddChild(r, t);
	return r;
}

/* Links n in front of at (plain pointer surgery: xmlAddPrevSibling would
 * merge adjacent text nodes, which the split must avoid). */
static void
link_before(xmlNodePtr at, xmlNodePtr n)
{
	n->parent = at->parent;
	n->prev = at->prev;
	n->next = at;
	if (at->prev != NULL)
		at->prev->next = n;
	else if (at->parent != NULL)
		at->parent->children = n;
	at->prev = n;
}

/* Splits text node t around every reference found in it. */
static void
mark_text(xmlNodePtr t, xmlNsPtr ns)
{
	const char *s = (const char *)t->content;
	size_t i = 0, from = 0, n;
	cd_refs_m m;
	xmlNodePtr x;
	char *tail;

	if (s == NULL || t->parent == NULL)
		return;
	while (s[i] != '\0') {
		if (cd_refs_can_start((unsigned char)s[i]) && starts_word(s, i) &&
		    (n = cd_refs_match(s, i, &m)) > 0) {
			if (i > from && (x = xmlNewDocTextLen(t->doc, BAD_CAST s + from, (int)(i - from))))
				link_before(t, x);
			if ((x = ref_node(t->doc, ns, &m, s + i, n)) != NULL)
				link_before(t, x);
			i += n;
			from = i;
			continue;
		}
		if ((unsigned char)s[i] < 0x80) {   /* ASCII: one byte, no decoding */
			i++;
			continue;
		}
		cd_meta_u8(s + i, &n);
		i += n ? n : 1;
	}
	if (from == 0)
		return;
	if (s[from] == '\0') {
		cd_xml_remove(t);
	} else if ((tail = strdup(s + from)) != NULL) {
		xmlNodeSetContent(t, BAD_CAST tail);
		free(tail);
	}
}

static int
refs_skip(const xmlNode *n)
{
	static const char *const skip[] = {"link", "ref", "meta", "math", "code", "figure", "anchor"};

	if (n->ns == NULL || strcmp((const char *)n->ns->href, CD_NS) != 0)
		return 1;
	for (size_t k = 0; k < sizeof skip / sizeof skip[0]; k++)
		if (strcmp((const char *)n->name, skip[k]) == 0)
			return 1;
	return 0;
}

static void
refs_walk(xmlNodePtr n, xmlNsPtr ns)
{
	xmlNodePtr c, next;

	for (c = n->children; c != NULL; c = next) {
		next = c->next;
		if (c->type == XML_TEXT_NODE)
			mark_text(c, ns);
		else if (c->type == XML_ELEMENT_NODE && !refs_skip(c))
			refs_walk(c, ns);
	}
}

void
cd_refs_mark(xmlNodePtr root)
{
	xmlNsPtr ns;

	if (root == NULL || root->type != XML_ELEMENT_NODE || refs_skip(root))
		return;
	ns = xmlSearchNsByHref(root->doc, root, BAD_CAST CD_NS);
	refs_walk(root, ns);
}
