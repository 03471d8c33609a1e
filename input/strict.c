/*
 * strict.c — Strict OOXML (ISO/IEC 29500 Strict) namespaces and
 * relationship types rewritten to their Transitional URIs, so that every
 * stage tests one set of names.
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "opc.h"

#define STRICT_PREFIX CD_OPC_STRICT_PREFIX
#define TRANS_PREFIX  "http://schemas.openxmlformats.org/"

/* ---- Strict → Transitional ---- */

/* The Transitional form of a Strict URI (namespace or relationship type):
 * http://purl.oclc.org/ooxml/X/Y → http://schemas.openxmlformats.org/X/2006/Y,
 * with the property-part names spelled the Transitional way. Returns a
 * malloc'd string (caller: free()), or NULL when uri is not Strict. */
char *
cd_opc_strict_uri(const char *uri)
{
	const char *rest, *slash, *last;
	cd_buf b;

	if (strncmp(uri, STRICT_PREFIX, sizeof STRICT_PREFIX - 1) != 0)
		return NULL;
	rest = uri + sizeof STRICT_PREFIX - 1;
	slash = strchr(rest, '/');
	if (slash == NULL)
		return NULL;
	cd_buf_init(&b);
	cd_buf_adds(&b, TRANS_PREFIX);
	cd_buf_add(&b, rest, (size_t)(slash - rest));
	cd_buf_adds(&b, "/2006/");
	last = strrchr(slash, '/');
	cd_buf_add(&b, slash + 1, (size_t)(last - slash));
	if (strcmp(last + 1, "extendedProperties") == 0)
		cd_buf_adds(&b, "extended-properties");
	else if (strcmp(last + 1, "customProperties") == 0)
		cd_buf_adds(&b, "custom-properties");
	else
		cd_buf_adds(&b, last + 1);
	if (b.failed) {
		cd_buf_free(&b);
		return NULL;
	}
	return cd_buf_take(&b, NULL);
}

int
cd_opc_ns_normalize(xmlDocPtr doc)
{
	xmlNodePtr top = xmlDocGetRootElement(doc);
	int n_rewritten = 0;

	for (xmlNodePtr n = top; n != NULL; n = cd_xml_next_in(n, top)) {
		for (xmlNsPtr ns = n->nsDef; ns != NULL; ns = ns->next) {
			char *t = ns->href ? cd_opc_strict_uri((const char *)ns->href) : NULL;

			if (t == NULL)
				continue;
			xmlFree((xmlChar *)ns->href);
			ns->href = xmlStrdup(BAD_CAST t);
			free(t);
			n_rewritten++;
		}
	}
	return n_rewritten;
}

