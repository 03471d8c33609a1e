/*
 * json.c — JSON string literals for the manifest and --meta.
 */
#include <stdio.h>

#include "cd_internal.h"


void
cd_json_str(cd_buf *b, const char *s)
{
	cd_buf_addc(b, '"');
	for (const unsigned char *p = (const unsigned char *)s; p != NULL && *p; p++) {
		switch (*p) {
		case '"': cd_buf_adds(b, "\\\""); break;
		case '\\': cd_buf_adds(b, "\\\\"); break;
		case '\n': cd_buf_adds(b, "\\n"); break;
		case '\r': cd_buf_adds(b, "\\r"); break;
		case '\t': cd_buf_adds(b, "\\t"); break;
		default:
			if (*p < 0x20) {
				cd_buf_printf(b, "\\u%04x", *p);
			} else if (*p < 0x80) {
				cd_buf_addc(b, (char)*p);
			} else {
				/* a well-formed UTF-8 sequence is copied; any other
				 * byte (a file name in another encoding) becomes
				 * U+FFFD, so the JSON is always valid UTF-8 */
				size_t n;

				if (cd_utf8_decode(p, 4, &n) == CD_UTF8_BAD) {
					cd_buf_adds(b, "\xEF\xBF\xBD");
				} else {
					cd_buf_add(b, (const char *)p, n);
					p += n - 1;
				}
			}
		}
	}
	cd_buf_addc(b, '"');
}

/* Appends the children of el as "name": "text" pairs (and its attributes
 * as "name-attr"), recursively for element-only children. */
static void
meta_fields(cd_buf *b, xmlNodePtr meta)
{
	int first = 1;

	for (xmlNodePtr c = meta->children; c != NULL; c = c->next) {
		xmlChar *t;

		if (c->type != XML_ELEMENT_NODE)
			continue;
		t = xmlNodeGetContent(c);
		cd_buf_adds(b, first ? "\n  " : ",\n  ");
		first = 0;
		cd_json_str(b, (const char *)c->name);
		cd_buf_adds(b, ": ");
		cd_json_str(b, (const char *)t);
		xmlFree(t);
		for (xmlAttrPtr a = c->properties; a != NULL; a = a->next) {
			xmlChar *v = xmlNodeGetContent((xmlNodePtr)a);
			char key[128];

			snprintf(key, sizeof key, "%s-%s", (const char *)c->name,
			         (const char *)a->name);
			cd_buf_adds(b, ",\n  ");
			cd_json_str(b, key);
			cd_buf_adds(b, ": ");
			cd_json_str(b, (const char *)v);
			xmlFree(v);
		}
	}
}

cd_status
cd_meta_json(xmlDocPtr council, char **out, size_t *len, cd_error *err)
{
	xmlNodePtr root = xmlDocGetRootElement(council);
	xmlNodePtr meta = cd_xml_child(root, CD_NS, "meta");
	xmlChar *lang = root ? xmlGetNsProp(root, BAD_CAST "lang", BAD_CAST CD_XML_NS) : NULL;
	cd_buf b;

	cd_buf_init(&b);
	cd_buf_adds(&b, "{\n  \"lang\": ");
	cd_json_str(&b, lang != NULL ? (const char *)lang : "");
	xmlFree(lang);
	if (meta != NULL) {
		cd_buf_addc(&b, ',');
		meta_fields(&b, meta);
	}
	cd_buf_adds(&b, "\n}\n");
	*out = cd_buf_take(&b, len);
	if (*out == NULL) {
		cd_error_set(err, CD_ERR_NOMEM, NULL, 0, "out of memory");
		return CD_ERR_NOMEM;
	}
	return CD_OK;
}
