/*
 * fuzz_convert.c — libFuzzer target: cd_convert, the whole chain (read,
 * flatten, clean, notes, structure). An input starting with "PK" is taken
 * as a whole package (seeds: the dev DOCX files and the golden sources);
 * any other input is stored, uncompressed, as word/document.xml of a
 * minimal package built here, so that mutations of the XML are not lost
 * to CRC checks (seeds: the document.xml of the same files). The media
 * step (cd_media_collect) runs on every converted document.
 */
#include <stdlib.h>
#include <string.h>

#include <zip.h>

#include "fuzz_common.h"

static const char ct_xml[] =
	"<Types xmlns='http://schemas.openxmlformats.org/package/2006/content-types'>"
	"<Override PartName='/word/document.xml' ContentType='application/"
	"vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'/></Types>";
static const char rels_xml[] =
	"<Relationships xmlns='http://schemas.openxmlformats.org/package/2006/relationships'>"
	"<Relationship Id='rId1' Type='http://schemas.openxmlformats.org/officeDocument/"
	"2006/relationships/officeDocument' Target='word/document.xml'/></Relationships>";

/* Adds a stored entry; 0 on success. */
static int
add_stored(zip_t *za, const char *name, const void *data, size_t len)
{
	zip_source_t *s = zip_source_buffer(za, data, len, 0);
	zip_int64_t k;

	if (s == NULL)
		return -1;
	if ((k = zip_file_add(za, name, s, 0)) < 0) {
		zip_source_free(s);
		return -1;
	}
	return zip_set_file_compression(za, (zip_uint64_t)k, ZIP_CM_STORE, 0);
}

/* A package around document; malloc'd (caller frees), NULL on failure. */
static unsigned char *
wrap(const uint8_t *doc, size_t size, size_t *len)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *za;
	zip_stat_t st;
	unsigned char *out = NULL;

	zip_error_init(&ze);
	src = zip_source_buffer_create(NULL, 0, 0, &ze);
	za = src ? zip_open_from_source(src, ZIP_TRUNCATE, &ze) : NULL;
	zip_error_fini(&ze);
	if (za == NULL) {
		zip_source_free(src);
		return NULL;
	}
	zip_source_keep(src);
	if (add_stored(za, "[Content_Types].xml", ct_xml, strlen(ct_xml)) != 0 ||
	    add_stored(za, "_rels/.rels", rels_xml, strlen(rels_xml)) != 0 ||
	    add_stored(za, "word/document.xml", doc, size) != 0 || zip_close(za) != 0) {
		zip_discard(za);
		zip_source_free(src);
		return NULL;
	}
	zip_stat_init(&st);
	if (zip_source_open(src) == 0) {
		if (zip_source_stat(src, &st) == 0 && (out = malloc(st.size + 1)) != NULL &&
		    zip_source_read(src, out, st.size) != (zip_int64_t)st.size) {
			free(out);
			out = NULL;
		}
		zip_source_close(src);
	}
	zip_source_free(src);
	*len = st.size;
	return out;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	cd_options o;
	cd_error err;
	cd_media m;
	xmlDocPtr doc;
	unsigned char *zipped = NULL;
	size_t len = size;

	if (size < 2 || memcmp(data, "PK", 2) != 0) {
		if ((zipped = wrap(data, size, &len)) == NULL)
			return 0;
		data = zipped;
	}
	fuzz_options(&o);
	cd_error_clear(&err);
	doc = cd_convert("fuzz.docx", data, len, &o, &err);
	/* the media step: pictures read again, sniffed, named (metafiles
	 * converted in a child process) */
	if (doc != NULL && cd_media_collect(doc, data, len, "m/", &o, &m, &err) == CD_OK)
		cd_media_free(&m);
	fuzz_serialize_free(doc);
	free(zipped);
	return 0;
}
