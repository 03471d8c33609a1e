/*
 * mkbig — make a large report for the benchmark by repeating a report's body.
 *
 *   mkbig IN.docx OUT.docx FACTOR
 *   mkbig -p IN.docx OUT.docx N
 *
 * Copies every entry of IN.docx, replacing word/document.xml by a document
 * whose w:body holds the original body's content FACTOR times (the final
 * w:sectPr once). Bookmark and note ids repeat; Word tolerates that and so
 * must we. With -p the body is N short paragraphs of plain text instead
 * (about 55 bytes of XML each). Bench tool only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "cd_internal.h"

static void
die(const char *what, const char *msg)
{
	fprintf(stderr, "mkbig: %s: %s\n", what, msg);
	exit(1);
}

static char *
read_entry(zip_t *z, const char *name, size_t *len)
{
	zip_stat_t st;
	zip_file_t *f;
	char *buf;

	if (zip_stat(z, name, 0, &st) != 0)
		die(name, "no such entry");
	buf = malloc(st.size + 1);
	f = zip_fopen(z, name, 0);
	if (buf == NULL || f == NULL || zip_fread(f, buf, st.size) != (zip_int64_t)st.size)
		die(name, "cannot read");
	zip_fclose(f);
	buf[st.size] = '\0';
	*len = st.size;
	return buf;
}

static char *
repeat_body(const char *xml, size_t len, long factor, size_t *outlen)
{
	const char *open = strstr(xml, "<w:body>");
	const char *sect = strstr(xml, "<w:sectPr");
	const char *close = strstr(xml, "</w:body>");
	cd_buf b;

	(void)len;
	if (open == NULL || close == NULL)
		die("word/document.xml", "no <w:body> (only the w: prefix is supported)");
	open += strlen("<w:body>");
	if (sect == NULL || sect > close)
		sect = close;
	cd_buf_init(&b);
	cd_buf_add(&b, xml, (size_t)(open - xml));
	for (long i = 0; i < factor; i++)
		cd_buf_add(&b, open, (size_t)(sect - open));
	cd_buf_adds(&b, sect);
	return cd_buf_take(&b, outlen);
}

/* N short paragraphs in place of the body's content. */
static char *
short_paras(const char *xml, long n, size_t *outlen)
{
	const char *open = strstr(xml, "<w:body>");
	const char *sect = strstr(xml, "<w:sectPr");
	const char *close = strstr(xml, "</w:body>");
	cd_buf b;

	if (open == NULL || close == NULL)
		die("word/document.xml", "no <w:body> (only the w: prefix is supported)");
	open += strlen("<w:body>");
	if (sect == NULL || sect > close)
		sect = close;
	cd_buf_init(&b);
	cd_buf_add(&b, xml, (size_t)(open - xml));
	for (long i = 0; i < n; i++)
		cd_buf_printf(&b, "<w:p><w:r><w:t>Short paragraph %ld.</w:t></w:r></w:p>", i + 1);
	cd_buf_adds(&b, sect);
	return cd_buf_take(&b, outlen);
}

int
main(int argc, char **argv)
{
	zip_t *in, *out;
	int zerr = 0;
	long factor;
	zip_int64_t n;
	int paras = argc == 5 && strcmp(argv[1], "-p") == 0;

	argv += paras;
	argc -= paras;
	if (argc != 4 || (factor = strtol(argv[3], NULL, 10)) < 1)
		die("usage", "mkbig [-p] IN.docx OUT.docx FACTOR|N");
	in = zip_open(argv[1], ZIP_RDONLY, &zerr);
	remove(argv[2]);
	out = zip_open(argv[2], ZIP_CREATE | ZIP_TRUNCATE, &zerr);
	if (in == NULL || out == NULL)
		die(argv[1], "cannot open");
	n = zip_get_num_entries(in, 0);
	for (zip_int64_t i = 0; i < n; i++) {
		const char *name = zip_get_name(in, (zip_uint64_t)i, 0);
		size_t len;
		char *data = read_entry(in, name, &len);
		zip_source_t *s;

		if (strcmp(name, "word/document.xml") == 0) {
			char *big = paras ? short_paras(data, factor, &len)
			                  : repeat_body(data, len, factor, &len);

			free(data);
			data = big;
		}
		s = zip_source_buffer(out, data, len, 1);
		if (s == NULL || zip_file_add(out, name, s, ZIP_FL_ENC_UTF_8) < 0)
			die(name, zip_strerror(out));
	}
	zip_close(in);
	if (zip_close(out) != 0)
		die(argv[2], zip_strerror(out));
	return 0;
}
