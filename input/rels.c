/*
 * rels.c — a part's relationships (_rels/NAME.rels): read into a table
 * sorted by id for the look-ups of every r:id in the part.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/tree.h>

#include "opc.h"

void
cd_opc_rels_free(rels *rl)
{
	for (size_t i = 0; i < rl->n; i++) {
		free(rl->v[i].id);
		free(rl->v[i].type);
		free(rl->v[i].target);
	}
	free(rl->v);
	free(rl->byid);
	rl->v = NULL;
	rl->byid = NULL;
	rl->n = 0;
}

/* qsort order of rels.byid: id, then position (the first one wins). */
static int
rel_cmp(const void *a, const void *b)
{
	const rel *x = *(const rel *const *)a, *y = *(const rel *const *)b;
	int c = strcmp(x->id, y->id);

	return c != 0 ? c : (x > y) - (x < y);
}

char *
cd_opc_attr_dup(const xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetNoNsProp(n, BAD_CAST name);
	char *s = strdup(v ? (const char *)v : "");

	xmlFree(v);
	return s;
}

int
cd_opc_rels_parse(xmlDocPtr doc, rels *rl)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	size_t cap = 0;

	for (xmlNodePtr c = cd_xml_first_elem(root); c != NULL; c = cd_xml_next_elem(c)) {
		rel *r;
		char *mode, *t;

		if (strcmp((const char *)c->name, "Relationship") != 0)
			continue;
		if (rl->n == cap) {
			rel *v = realloc(rl->v, (cap = cap ? cap * 2 : 16) * sizeof *v);

			if (v == NULL)
				return -1;
			rl->v = v;
		}
		r = &rl->v[rl->n++];
		r->id = cd_opc_attr_dup(c, "Id");
		r->type = cd_opc_attr_dup(c, "Type");
		r->target = cd_opc_attr_dup(c, "Target");
		mode = cd_opc_attr_dup(c, "TargetMode");
		r->external = mode != NULL && strcasecmp(mode, "External") == 0;
		free(mode);
		if (r->id == NULL || r->type == NULL || r->target == NULL)
			return -1;
		if ((t = cd_opc_strict_uri(r->type)) != NULL) {
			free(r->type);
			r->type = t;
		}
	}
	/* a sorted index: a hostile part may hold many r:ids and relationships */
	if (rl->n > 0 && (rl->byid = malloc(rl->n * sizeof *rl->byid)) == NULL)
		return -1;
	for (size_t i = 0; i < rl->n; i++)
		rl->byid[i] = &rl->v[i];
	if (rl->n > 0)
		qsort(rl->byid, rl->n, sizeof *rl->byid, rel_cmp);
	return 0;
}

int
cd_opc_rel_is(const rel *r, const char *suffix)
{
	const char *slash = strrchr(r->type, '/');

	return slash != NULL && strcmp(slash + 1, suffix) == 0;
}

const rel *
cd_opc_rels_find(const rels *rl, const char *id)
{
	size_t lo = 0, hi = rl->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(rl->byid[mid]->id, id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < rl->n && strcmp(rl->byid[lo]->id, id) == 0 ? rl->byid[lo] : NULL;
}
