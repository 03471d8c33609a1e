/*
 * comments.c — Word comments, kept apart from the body (--comments).
 *
 * The flatten stage drops the comments part unless the caller asked to keep
 * comments; when it is there, each w:comment becomes
 *   <comment id="c1" author="…" date="…"><p>…</p></comment>
 * inside one <comments> element at the end of the council document. The
 * body never holds comment text or marks either way.
 */
#include <stdio.h>

#include "cd_internal.h"
#include "structure.h"

static void
copy_w_attr(const xmlNode *from, const char *name, xmlNodePtr to, const char *as)
{
	xmlChar *v = cd_w_attr(from, name);

	if (v != NULL && v[0] != '\0')
		xmlSetProp(to, BAD_CAST as, v);
	xmlFree(v);
}

void
cd_st_comments(cd_st_ctx *c, xmlDocPtr pkg, xmlNodePtr root)
{
	xmlNodePtr part = cd_pkg_part_root(pkg, "comments"), all = NULL;
	int n = 0;

	if (part == NULL)
		return;
	for (xmlNodePtr w = part->children; w != NULL; w = w->next) {
		xmlNodePtr cm;
		char id[32];

		if (!cd_w_is(w, "comment"))
			continue;
		cm = cd_st_elem(c, "comment");
		if (cm == NULL)
			return;
		snprintf(id, sizeof id, "c%d", ++n);
		xmlSetProp(cm, BAD_CAST "id", BAD_CAST id);
		copy_w_attr(w, "author", cm, "author");
		copy_w_attr(w, "date", cm, "date");
		cd_st_blocks(c, w, cm);
		if (cm->children == NULL) {
			cd_xml_remove(cm);
			continue;
		}
		if (all == NULL && (all = cd_st_elem(c, "comments")) != NULL)
			xmlAddChild(root, all);
		if (all == NULL) {
			cd_xml_remove(cm);
			return;
		}
		xmlAddChild(all, cm);
	}
}
