/*
 * revisions.c — tracked changes when they are not simply accepted
 * (cd_options.changes): "reject" shows the document as it was before the
 * changes; "all" keeps both sides, each insertion and deletion wrapped in
 * pkg:ins / pkg:del with its author and date, for the structure stage to
 * mark. Runs before the wrapper pass of flatten.c, which accepts what is
 * left.
 */
#include <string.h>

#include "stages.h"

int
cd_flat_in_props(const xmlNode *n)
{
	for (const xmlNode *a = n->parent; a != NULL && a->type == XML_ELEMENT_NODE; a = a->parent)
		if (cd_w_is(a, "pPr") || cd_w_is(a, "rPr") || cd_w_is(a, "trPr"))
			return 1;
	return 0;
}

static void
rename_w(xmlNodePtr n, const char *name)
{
	xmlNodeSetName(n, BAD_CAST name);
}

/* w:ins / w:moveTo → pkg:ins, w:del / w:moveFrom → pkg:del, with the
 * author and date of the change. */
static void
mark_change(xmlNodePtr n, int inserted)
{
	xmlNodePtr m = cd_flat_new_pkg(n, inserted ? "ins" : "del");
	xmlChar *author = cd_w_attr(n, "author"), *date = cd_w_attr(n, "date");
	xmlNodePtr c, next;

	if (author != NULL && *author)
		xmlSetProp(m, BAD_CAST "author", author);
	if (date != NULL && *date)
		xmlSetProp(m, BAD_CAST "date", date);
	xmlFree(author);
	xmlFree(date);
	for (c = n->children; c; c = next) {
		next = c->next;
		xmlUnlinkNode(c);
		xmlAddChild(m, c);
	}
	xmlAddPrevSibling(n, m);
	cd_xml_remove(n);
}

static const char *const change_names[] = { "ins", "del", "moveTo", "moveFrom",
	"delText", "delInstrText", NULL };

cd_status
cd_flat_revisions(xmlNodePtr root, int mode)
{
	cd_flat_list l = { 0 };

	if (mode == CD_CHANGES_ACCEPT)
		return CD_OK;
	cd_flat_collect_names(root, CD_W_NS, change_names, &l);
	/* reverse document order: inner nodes first */
	for (size_t i = l.n; i-- > 0;) {
		xmlNodePtr n = l.v[i];
		int ins = cd_w_is(n, "ins") || cd_w_is(n, "moveTo");

		if (cd_w_is(n, "delText")) {
			rename_w(n, "t");
		} else if (cd_w_is(n, "delInstrText")) {
			rename_w(n, "instrText");
		} else if (cd_flat_in_props(n)) {
			continue;
		} else if (mode == CD_CHANGES_ALL) {
			mark_change(n, ins);
		} else if (ins) {
			cd_xml_remove(n);
		} else {
			cd_xml_unwrap(n);
		}
	}
	cd_flat_list_free(&l);
	if (l.failed)
		return CD_ERR_NOMEM;
	return CD_OK;
}
