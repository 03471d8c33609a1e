/*
 * councildoc.h — the one public header of libcouncildoc.
 *
 * libcouncildoc turns ITU Council reports (DOCX packages, or the plain-text
 * dumps older tools made of them) into a structured XML of our own schema
 * (namespace urn:councildoc:1, xslt/council.rng) and from there into
 * DocBook 5, GitHub-flavoured Markdown and accessible plain text.
 *
 *   bytes ──cd_read──► package doc ──cd_flatten──► ──cd_clean──► ──cd_notes──►
 *         ──cd_structure──► council doc ──cd_emit──► .dbk .md .txt
 *
 * Every stage is a function from document to document; every stage is
 * also a filter program (cli/). The intermediate "package document" is
 * described in doc/pipeline.md.
 *
 * The functions of this header are the library's API (councildoc(3)); the
 * prefixes of internal names and the files that define them are listed in
 * lib/core/cd_internal.h.
 *
 * Conventions: library code never prints and never exits. A function that
 * can fail returns NULL or a cd_status and fills a cd_error. Every function
 * that returns memory says who frees it.
 */
#ifndef COUNCILDOC_H
#define COUNCILDOC_H

#include <stddef.h>
#include <libxml/tree.h>

#define CD_VERSION "0.1.0"

/* Namespaces. */
#define CD_NS      "urn:councildoc:1"           /* the structured (council) XML */
#define CD_PKG_NS  "urn:councildoc:pkg"         /* the intermediate package document */
#define CD_W_NS    "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

typedef enum cd_status {
	CD_OK = 0,
	CD_ERR_USAGE,    /* bad argument from the caller */
	CD_ERR_IO,       /* cannot read or write a file */
	CD_ERR_FORMAT,   /* not a package we read: encrypted, legacy .doc, not a zip... */
	CD_ERR_XML,      /* a part is not well-formed XML */
	CD_ERR_LIMIT,    /* a bound was hit: size, ratio, depth, entities */
	CD_ERR_NOMEM,
	CD_ERR_XSLT,     /* a stylesheet failed or reported an unhandled element */
	CD_ERR_INVALID,  /* output does not validate against its schema */
	CD_ERR_INTERNAL
} cd_status;

/*
 * An error value. The message names the part and the line where it can,
 * e.g. "word/document.xml:12: Opening and ending tag mismatch: p and r".
 * The caller (main) prefixes the input file: "councildoc: FILE: message".
 */
typedef struct cd_error {
	cd_status code;
	char msg[1024];
} cd_error;

/* Sets *e (if e is not NULL). part may be NULL, line <= 0 means "no line". */
void cd_error_set(cd_error *e, cd_status code, const char *part, int line,
                  const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 5, 6)))
#endif
	;
void cd_error_clear(cd_error *e);

typedef enum cd_format {
	CD_FMT_XML = 1 << 0,
	CD_FMT_DOCBOOK = 1 << 1,
	CD_FMT_MD = 1 << 2,
	CD_FMT_TXT = 1 << 3,
	CD_FMT_ALL = 0xf
} cd_format;

enum { CD_CHANGES_ACCEPT = 0, CD_CHANGES_REJECT, CD_CHANGES_ALL };

typedef enum cd_notes_at { CD_NOTES_SECTION = 0, CD_NOTES_END } cd_notes_at;

/*
 * Messages (lib/core/msg.c). What the library tolerated in an input is not
 * printed: it is a value, a cd_message, handed to the caller's report
 * function (cd_options.report) while the call that met it runs. Every
 * message has an entry in one table, with a level (as mandoc's): a note
 * is a repair that loses nothing (Strict namespaces read as Transitional,
 * a duplicate zip entry), a warning is a quirk that may make the output
 * differ from what Word shows or leave something out (a missing part, a
 * field without end, a picture not written). An input that cannot be
 * converted is an error: the cd_status and cd_error of the failing call,
 * never a message. doc/messages.md lists the table.
 */
typedef enum cd_level { CD_LEVEL_NOTE = 1, CD_LEVEL_WARNING, CD_LEVEL_ERROR } cd_level;

typedef enum cd_msg_id {
	/* input/ */
	CD_MSG_ZIP_DUPLICATE = 1, CD_MSG_STRICT, CD_MSG_PART_MISSING, CD_MSG_PART_OUTSIDE,
	CD_MSG_PROPS_MALFORMED, CD_MSG_LINK_UNRESOLVED, CD_MSG_DUMP_NOTE_UNCLOSED,
	/* pipeline/ */
	CD_MSG_FIELD_UNCLOSED, CD_MSG_FIELD_STRAY, CD_MSG_ALTERNATE_DROPPED,
	CD_MSG_TEXTBOX_DROPPED, CD_MSG_PICTURE_UNRESOLVED, CD_MSG_SYMBOL_UNKNOWN,
	CD_MSG_CHAR_FORBIDDEN, CD_MSG_NOTE_MISSING, CD_MSG_NOTE_REPEATED,
	/* output/ (pictures) */
	CD_MSG_MEDIA_UNREADABLE, CD_MSG_MEDIA_MISSING, CD_MSG_MEDIA_FORMAT,
	CD_MSG_MEDIA_BOMB, CD_MSG_MEDIA_CONVERT, CD_MSG_MEDIA_TOO_MANY, CD_MSG_MEDIA_LINKED,
	CD_MSG_MAX_ /* the number of ids + 1 */
} cd_msg_id;

typedef struct cd_message {
	cd_msg_id id;
	cd_level level;
	const char *code;    /* stable name for scripts: "zip-duplicate" */
	const char *text;    /* the table's sentence */
	const char *part;    /* package part ("word/document.xml"), or NULL */
	long line;           /* line in that part, 0 when unknown */
	const char *detail;  /* what it was about (a name, a count), or NULL */
} cd_message;

/* Receives one message; the strings live only during the call. */
typedef void (*cd_report_fn)(void *ctx, const cd_message *m);

/* "note", "warning", "error". */
const char *cd_level_name(cd_level level);
/* The table entry of id: its level, code and sentence (code and text NULL
 * for an id that is not in the table). */
cd_level cd_msg_level(cd_msg_id id);
const char *cd_msg_code(cd_msg_id id);
const char *cd_msg_text(cd_msg_id id);

/* Options travel in this struct; cd_options_init sets the defaults. */
typedef struct cd_options {
	/* hostile-input bounds */
	size_t max_part_size;    /* decompressed bytes per part (default 256 MiB) */
	size_t max_total_size;   /* decompressed bytes per package (default 1 GiB) */
	unsigned max_ratio;      /* decompressed/compressed per part (default 1000) */
	size_t max_input_size;   /* bytes of one input file (default 2 GiB) */
	/* conversion */
	int keep_comments;       /* 1: comments kept apart in the package doc */
	int changes;             /* tracked changes: CD_CHANGES_ACCEPT (Word's final
	                            view), _REJECT (the original) or _ALL (both,
	                            marked with author and date) */
	/* emitters */
	cd_notes_at notes_at;    /* txt: notes at the end of their section or document */
	int wrap;                /* txt: wrap at this many columns, 0 = no wrapping */
	int front_matter;        /* md: YAML front matter with the metadata */
	int toc;                 /* md, DocBook: a table of contents made from the
	                            sections, linking to their ids */
	int table_headers_repeat; /* txt: "Header: value" in every row (else the
	                            header row once, then cells joined by "; ") */
	/* messages: called for each one, from the thread of the call that met
	 * it (NULL: messages are dropped) */
	cd_report_fn report;
	void *report_ctx;
} cd_options;

void cd_options_init(cd_options *o);

/* ---- input/ ---------------------------------------------------------- */

/*
 * Reads one input from memory: a DOCX/DOCM/DOTX/DOTM package, or a plain-text
 * dump of a Council report (detected by content). name is used in messages.
 * Returns a new package document (doc/pipeline.md); the caller frees it with
 * xmlFreeDoc. On failure returns NULL and fills *err.
 */
xmlDocPtr cd_read(const char *name, const unsigned char *data, size_t len,
                  const cd_options *o, cd_error *err);
xmlDocPtr cd_read_docx(const char *name, const unsigned char *data, size_t len,
                       const cd_options *o, cd_error *err);
xmlDocPtr cd_read_textdump(const char *name, const unsigned char *data, size_t len,
                           const cd_options *o, cd_error *err);

/* Parses serialized XML (a package or council document, e.g. from a filter's
 * stdin) with the safe options: no network, no DTD, no entity expansion.
 * Caller frees with xmlFreeDoc. NULL and *err on failure. */
xmlDocPtr cd_xml_parse(const char *part, const char *data, size_t len, cd_error *err);

/* ---- pipeline/ (each stage modifies the package document in place) ---- */

cd_status cd_flatten(xmlDocPtr pkg, const cd_options *o, cd_error *err);
cd_status cd_clean(xmlDocPtr pkg, const cd_options *o, cd_error *err);
cd_status cd_notes(xmlDocPtr pkg, const cd_options *o, cd_error *err);

/* cd_clean and cd_notes sharing one walk of the main part: cd_clean_ex
 * also hands back in *refs the note references its walk met (NULL when it
 * could not vouch for them), and cd_notes_ex places them without walking
 * the part again (refs NULL: it looks for them itself). The package must
 * not change between the two calls. cd_notes_ex frees refs, whatever it
 * returns; cd_noterefs_free frees refs that never reach it. */
typedef struct cd_noterefs cd_noterefs;
cd_status cd_clean_ex(xmlDocPtr pkg, const cd_options *o, cd_error *err,
                      cd_noterefs **refs);
cd_status cd_notes_ex(xmlDocPtr pkg, const cd_options *o, cd_error *err,
                      cd_noterefs *refs);
void cd_noterefs_free(cd_noterefs *refs);

/* Builds the council document from a package document that went through the
 * three stages above. Returns a new document (caller: xmlFreeDoc), or NULL. */
xmlDocPtr cd_structure(xmlDocPtr pkg, const cd_options *o, cd_error *err);

/* The whole chain: read, flatten, clean, notes, structure. Caller frees the
 * result with xmlFreeDoc. */
xmlDocPtr cd_convert(const char *name, const unsigned char *data, size_t len,
                     const cd_options *o, cd_error *err);

/* ---- output/ ---------------------------------------------------------- */

/* The compiled stylesheets and schema, loaded once per run. */
typedef struct cd_engine cd_engine;

/*
 * Loads xslt/council.rng and the three stylesheets from dir (NULL: look in
 * $COUNCILDOC_DATADIR, then beside the executable (../xslt, ../share/councildoc),
 * then the compiled-in data directory). Caller frees with cd_engine_free.
 */
cd_engine *cd_engine_new(const char *dir, cd_error *err);
void cd_engine_free(cd_engine *eng);
/* The directory the engine loaded from (owned by the engine). */
const char *cd_engine_dir(const cd_engine *eng);

/* Validates a council document against council.rng. */
cd_status cd_engine_validate(cd_engine *eng, xmlDocPtr council, cd_error *err);

/*
 * Renders a council document in one format (exactly one bit of cd_format).
 * On success *out is a malloc'd buffer of *len bytes (NUL-terminated too);
 * the caller frees it with free().
 */
cd_status cd_emit(cd_engine *eng, cd_format fmt, xmlDocPtr council,
                  const cd_options *o, char **out, size_t *len, cd_error *err);

/*
 * Renders the council document in every format of formats (cd_format bits)
 * at once: out[i] and len[i] for the format 1 << i (xml, docbook, md,
 * txt), malloc'd as cd_emit's. With threads > 1 the stylesheets run side
 * by side in up to that many threads, with the same outputs: the document
 * is stripped of ignorable white space once, before them, and none of
 * them writes to it. It is modified (stripped): free it afterwards. cpu[i]
 * (when cpu is not NULL) receives the CPU seconds of each format. On
 * failure nothing is returned (every out[i] NULL) and *err holds the error
 * of the first failing format in that order.
 */
cd_status cd_emit_all(cd_engine *eng, unsigned formats, xmlDocPtr council,
                      const cd_options *o, int threads, char *out[4], size_t len[4],
                      double cpu[4], cd_error *err);

/*
 * cd_emit_all after validating the document against council.rng when
 * validate is set: nothing is returned when it does not validate, and *err
 * then holds the validation's error (before any format's). With threads > 1
 * and the XML among the formats, the validation runs beside the XML's
 * serialization. *vcpu (when vcpu is not NULL) receives its CPU seconds.
 */
cd_status cd_emit_all_valid(cd_engine *eng, unsigned formats, xmlDocPtr council,
                            const cd_options *o, int threads, int validate,
                            char *out[4], size_t len[4], double cpu[4], double *vcpu,
                            cd_error *err);

/* Serializes any document (package or council) as UTF-8 XML. *out is
 * malloc'd, caller frees with free(). */
cd_status cd_xml_serialize(xmlDocPtr doc, char **out, size_t *len, cd_error *err);

/* The report's metadata (council meta element and language) as a JSON
 * object, for scripts (councildoc --meta). *out is malloc'd (caller:
 * free()). */
cd_status cd_meta_json(xmlDocPtr council, char **out, size_t *len, cd_error *err);

/*
 * Pictures (output/media.c). The council document that cd_convert returns
 * names each figure's picture by its package part (pkg:part, a temporary
 * attribute the schema does not allow). cd_media_collect reads those
 * parts again from the input bytes (data, len: the .docx, under the bounds
 * of o), writes nothing, and returns the files to write into the media
 * folder: each picture once (by part and by content), named from its part
 * name but made safe ([A-Za-z0-9._-], never a path), EMF and WMF pictures
 * also converted to SVG. Each figure gets src = prefix + file name (the
 * SVG for a converted metafile), type and, when the document gives none,
 * width and height; then the temporary attributes are removed. With
 * prefix NULL no picture is read and the attributes are only removed.
 * A picture that is missing, too large, of an unknown format, claims an
 * absurd pixel size or fails to convert never fails the document: it is
 * a warning (a CD_MSG_MEDIA_* message to o->report). Fails only when out
 * of memory. The caller frees m with cd_media_free.
 */
typedef struct cd_media_file {
	char *name;               /* file name inside the media folder */
	unsigned char *data;
	size_t len;
} cd_media_file;

typedef struct cd_media {
	cd_media_file *files;
	size_t nfiles;
} cd_media;

cd_status cd_media_collect(xmlDocPtr council, const unsigned char *data, size_t len,
                           const char *prefix, const cd_options *o, cd_media *m,
                           cd_error *err);
void cd_media_free(cd_media *m);

/* Writes len bytes to path atomically (temporary file in the same
 * directory, fsync, rename). No partial file is ever left at path. */
cd_status cd_write_atomic(const char *path, const char *data, size_t len, cd_error *err);
/* As cd_write_atomic without the fsync and, where O_TMPFILE works,
 * without the rename: the old file at path is unlinked and the new one
 * linked there, so path is never seen half-written, even when the process
 * is killed, but may be missing for an instant. The data is on disk only
 * after the kernel wrote it back or cd_sync_fs: for batches, many writes
 * and then one cd_sync_fs. */
cd_status cd_write_atomic_nosync(const char *path, const char *data, size_t len,
                                 cd_error *err);
/* Flushes the whole file system holding path (a file or a directory) to
 * disk: syncfs(2). */
cd_status cd_sync_fs(const char *path, cd_error *err);

/* Reads a whole file ("-" = stdin) into a malloc'd buffer (caller: free()),
 * refusing files over max bytes. */
cd_status cd_read_file(const char *path, size_t max, unsigned char **data,
                       size_t *len, cd_error *err);

/* ---- helpers for programs: buffers, JSON strings, SHA-256 ------------ */
/* (what councildoc's own manifest uses; handy for a host that keeps one) */

/* A growable byte buffer (lib/core/core.c). */
typedef struct cd_buf {
	char *data;   /* NUL-terminated; owned by the buffer */
	size_t len;
	size_t cap;
	int failed;   /* an allocation failed; later appends are no-ops */
} cd_buf;

void cd_buf_init(cd_buf *b);
void cd_buf_add(cd_buf *b, const char *s, size_t n);
void cd_buf_adds(cd_buf *b, const char *s);
void cd_buf_addc(cd_buf *b, char c);
void cd_buf_printf(cd_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
/* Hands the data to the caller (who frees it with free()) and resets b. */
char *cd_buf_take(cd_buf *b, size_t *len);
void cd_buf_free(cd_buf *b);

/* ---- SHA-256 (output/sha256.c) ---- */

/* The SHA-256 of data as 64 lower-case hex digits and a NUL in hex. */
void cd_sha256_hex(const void *data, size_t len, char hex[65]);

/* ---- JSON (output/json.c) ---- */

/* Appends s as a JSON string literal (quotes included) to b. */
void cd_json_str(cd_buf *b, const char *s);

/* Library set-up: call cd_init before anything else and cd_cleanup when
 * done; the calls pair up and may repeat (init, cleanup, init...). While
 * in use the library silences libxml2's generic error handler and turns
 * off its defaults for external DTDs, entity substitution and pedantic
 * parsing; the last cd_cleanup puts them back. It never calls
 * xmlCleanupParser: a program that is done with libxml2 does, at exit. */
void cd_init(void);
void cd_cleanup(void);

#endif /* COUNCILDOC_H */
