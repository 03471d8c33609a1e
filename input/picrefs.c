/*
 * picrefs.c — picture and chart references resolved against their part's
 * relationships: a:blip r:embed / r:link, v:imagedata r:id, c:chart r:id
 * get pkg:src (the part name, inside the package) or pkg:href (an
 * external target); output/media.c reads the parts later.
 */
#include <stdlib.h>

#include <libxml/tree.h>

#include "opc.h"

/* The relationship attribute (in the r: namespace) of a picture or chart
 * reference n, or NULL: a:blip r:embed (r:link when linked), v:imagedata
 * r:id, c:chart r:id. */
const char *
cd_opc_picture_ref(const xmlNode *n, int *linked)
{
	*linked = 0;
	if (cd_xml_is(n, CD_A_NS, "blip")) {
		if (xmlHasNsProp(n, BAD_CAST "embed", BAD_CAST CD_R_NS))
			return "embed";
		*linked = 1;
		return "link";
	}
	if (cd_xml_is(n, CD_V_NS, "imagedata") || cd_xml_is(n, CD_C_NS, "chart"))
		return "id";
	return NULL;
}

/* Sets pkg:src (the part name, inside the package) or pkg:href (an
 * external target) on a picture or chart reference n. */
int
cd_opc_resolve_picture(xmlNodePtr n, xmlNsPtr ns, const char *base, const rels *rl)
{
	int linked;
	const char *an = cd_opc_picture_ref(n, &linked);
	xmlChar *id = an ? xmlGetNsProp(n, BAD_CAST an, BAD_CAST CD_R_NS) : NULL;
	const rel *r = id ? cd_opc_rels_find(rl, (const char *)id) : NULL;
	char *name;

	xmlFree(id);
	if (r == NULL)
		return -1;
	if (r->external || linked) {
		xmlSetNsProp(n, ns, BAD_CAST "href", BAD_CAST r->target);
	} else if ((name = cd_opc_resolve(base, r->target)) != NULL) {
		xmlSetNsProp(n, ns, BAD_CAST "src", BAD_CAST name);
		free(name);
	} else {
		return -1;   /* QUIRK: a target outside the package gets no pkg:src */
	}
	return 0;
}

