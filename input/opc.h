/*
 * opc.h — the Open Packaging Conventions layer shared by the DOCX and the
 * Flat OPC readers (module-private to input/).
 *
 * A reader supplies a part loader (zip entry, or Flat OPC pkg:part); opc.c
 * follows the relationships from _rels/.rels to the main part and its
 * satellites, normalises Strict namespaces, resolves hyperlink r:ids and
 * assembles the package document (doc/pipeline.md).
 */
#ifndef CD_OPC_H
#define CD_OPC_H

#include <libxml/tree.h>
#include "cd_internal.h"

/* Loads the part called name (already normalised: no leading '/', no "."
 * or ".." segments; compared case-insensitively) and parses it. Returns a
 * new document (the caller frees it with xmlFreeDoc). When the part does
 * not exist, returns NULL with *absent = 1 and leaves err alone; any other
 * failure returns NULL with *absent = 0 and err filled. *strict comes in
 * as 0; the loader sets it to 1 unless it knows that no namespace the
 * part declares is Strict (CD_OPC_STRICT_PREFIX): the part is then not
 * walked for them. */
typedef xmlDocPtr (*cd_opc_load_fn)(void *ctx, const char *name, int *absent,
                                    int *strict, cd_error *err);

/* The start of every Strict OOXML namespace URI. */
#define CD_OPC_STRICT_PREFIX "http://purl.oclc.org/ooxml/"

/* Builds the package document (kind "docx") of the package the loader
 * reads; source is its name for the source attribute; what it tolerates
 * is reported to o (may be NULL). Caller frees the result with
 * xmlFreeDoc. NULL and *err on failure. */
xmlDocPtr cd_opc_build(cd_opc_load_fn load, void *ctx, const char *source,
                       const cd_options *o, cd_error *err);

/* Resolves target relative to the folder of the part base ("" for the
 * package root; an absolute target starts from the root). Percent escapes
 * are decoded, "." and ".." segments resolved, a leading '/' stripped.
 * Returns a malloc'd part name (caller frees with free()), or NULL when
 * the target escapes the package root or is empty. */
char *cd_opc_resolve(const char *base, const char *target);

/* The relationships part of the part name ("word/document.xml" ->
 * "word/_rels/document.xml.rels", "" -> "_rels/.rels"). Caller frees
 * with free(). NULL when out of memory. */
char *cd_opc_rels_name(const char *name);

/* Rewrites every Strict OOXML namespace declared in doc to its
 * Transitional URI (in place); returns how many it rewrote. */
int cd_opc_ns_normalize(xmlDocPtr doc);

/* Creates an empty package document: root pkg:package with source and
 * kind attributes. Caller frees with xmlFreeDoc. NULL on no memory. */
xmlDocPtr cd_opc_pkg_new(const char *source, const char *kind);
/* Turns the document of a parsed part into the package document: its root
 * element goes under the first pkg:part (name, role; *pe), under a new
 * pkg:package root; its other top-level nodes are dropped. No node moves
 * to another document, so nothing is walked. Returns part (caller frees
 * with xmlFreeDoc), or NULL on no memory (part freed). */
xmlDocPtr cd_opc_pkg_take(xmlDocPtr part, const char *source, const char *kind,
                          const char *name, const char *role, xmlNodePtr *pe);

/* Moves the root element of part (which is then freed) under a new
 * pkg:part element (name, role, type unless NULL) appended to the root of
 * pkg. Returns the pkg:part element, or NULL on no memory (part freed
 * anyway). */
xmlNodePtr cd_opc_pkg_add(xmlDocPtr pkg, xmlDocPtr part, const char *name,
                          const char *role, const char *type);

/* A relationship, and a part's relationships (rels.c). */
typedef struct rel {
	char *id, *type, *target; /* type: Transitional, target: as written */
	int external;
} rel;

typedef struct rels {
	rel *v;
	size_t n;
	const rel **byid; /* v sorted by id (ties in document order), for lookups */
} rels;

/* rels.c: reads the Relationship elements of a parsed rels part into rl
 * (0; -1 out of memory, rl then partly filled: free it). */
int cd_opc_rels_parse(xmlDocPtr doc, rels *rl);
/* Frees what rl holds and empties it. */
void cd_opc_rels_free(rels *rl);
/* The first relationship with id (binary search of byid), or NULL. */
const rel *cd_opc_rels_find(const rels *rl, const char *id);
/* 1 if the relationship type ends in "/suffix". */
int cd_opc_rel_is(const rel *r, const char *suffix);
/* malloc'd copy of the unqualified attribute name of n ("" if absent;
 * NULL out of memory). */
char *cd_opc_attr_dup(const xmlNode *n, const char *name);

/* strict.c: the Transitional form of a Strict URI (namespace or
 * relationship type); malloc'd (caller: free()), or NULL when uri is not
 * Strict. */
char *cd_opc_strict_uri(const char *uri);

/* picrefs.c: the r: attribute naming the part of picture or chart
 * reference n (a:blip embed/link, v:imagedata id, c:chart id), or NULL
 * when n is none; *linked = 1 for r:link. */
const char *cd_opc_picture_ref(const xmlNode *n, int *linked);
/* Sets pkg:src (ns) to the part name of reference n resolved against the
 * part base, or pkg:href to its external or linked target. Returns 0, or
 * -1 when the reference names no relationship or a part outside the
 * package (n then gets neither). */
int cd_opc_resolve_picture(xmlNodePtr n, xmlNsPtr ns, const char *base, const rels *rl);

/* ASCII case-insensitive comparison of part names. */
int cd_opc_name_eq(const char *a, const char *b);

#endif
