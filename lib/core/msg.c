/*
 * msg.c — the message table and its delivery (councildoc.h: cd_message).
 *
 * A tolerated quirk is reported where it is met: cd_msg with the options
 * (input/, output/), or cd_msg_at with a node of the package document,
 * whose part and line then say where. A stage binds its options to the
 * package document while it runs (cd_msg_bind: the document's _private
 * field points at the route, nothing else in the library uses it), so the
 * helpers deep in a stage need no options argument.
 */
#include <stdarg.h>
#include <stdio.h>

#include "cd_internal.h"

static const struct {
	cd_level level;
	const char *code, *text;
} table[CD_MSG_MAX_] = {
	[CD_MSG_ZIP_DUPLICATE] = { CD_LEVEL_NOTE, "zip-duplicate",
		"duplicate zip entry name; the first entry is read" },
	[CD_MSG_STRICT] = { CD_LEVEL_NOTE, "strict-ooxml",
		"Strict OOXML namespaces read as Transitional" },
	[CD_MSG_PART_MISSING] = { CD_LEVEL_WARNING, "part-missing",
		"a related part is missing from the package; read without it" },
	[CD_MSG_PART_OUTSIDE] = { CD_LEVEL_WARNING, "part-outside",
		"relationship target outside the package; ignored" },
	[CD_MSG_PROPS_MALFORMED] = { CD_LEVEL_WARNING, "properties-malformed",
		"document properties part is not well-formed; skipped" },
	[CD_MSG_LINK_UNRESOLVED] = { CD_LEVEL_WARNING, "link-unresolved",
		"hyperlink names no relationship; its text is kept without a target" },
	[CD_MSG_DUMP_NOTE_UNCLOSED] = { CD_LEVEL_WARNING, "dump-note-unclosed",
		"text dump note without its closing bracket; it ends with its line" },
	[CD_MSG_FIELD_UNCLOSED] = { CD_LEVEL_WARNING, "field-unclosed",
		"field without end; it ends with its paragraph" },
	[CD_MSG_FIELD_STRAY] = { CD_LEVEL_NOTE, "field-stray",
		"field separator or end without a beginning; ignored" },
	[CD_MSG_ALTERNATE_DROPPED] = { CD_LEVEL_WARNING, "alternate-dropped",
		"alternate content with no branch we read; dropped" },
	[CD_MSG_TEXTBOX_DROPPED] = { CD_LEVEL_WARNING, "textbox-dropped",
		"text box outside any paragraph; dropped" },
	[CD_MSG_PICTURE_UNRESOLVED] = { CD_LEVEL_WARNING, "picture-unresolved",
		"picture reference names no picture part; the figure keeps its text" },
	[CD_MSG_SYMBOL_UNKNOWN] = { CD_LEVEL_WARNING, "symbol-unknown",
		"symbol-font character with no Unicode equivalent; dropped" },
	[CD_MSG_CHAR_FORBIDDEN] = { CD_LEVEL_WARNING, "char-forbidden",
		"character no output may hold (control, surrogate, noncharacter, private use); dropped" },
	[CD_MSG_NOTE_MISSING] = { CD_LEVEL_WARNING, "note-missing",
		"reference to a note that does not exist; dropped" },
	[CD_MSG_NOTE_REPEATED] = { CD_LEVEL_NOTE, "note-repeated",
		"note referenced again; it stays at its first reference" },
	[CD_MSG_MEDIA_UNREADABLE] = { CD_LEVEL_WARNING, "media-unreadable",
		"pictures cannot be read from this input; none written" },
	[CD_MSG_MEDIA_MISSING] = { CD_LEVEL_WARNING, "media-missing",
		"picture part missing or unreadable; not written" },
	[CD_MSG_MEDIA_FORMAT] = { CD_LEVEL_WARNING, "media-format",
		"not a picture format we know; not written" },
	[CD_MSG_MEDIA_BOMB] = { CD_LEVEL_WARNING, "media-bomb",
		"picture claims an absurd pixel size (image bomb?); not written" },
	[CD_MSG_MEDIA_CONVERT] = { CD_LEVEL_WARNING, "media-convert",
		"metafile could not be converted to SVG; the original is kept" },
	[CD_MSG_MEDIA_TOO_MANY] = { CD_LEVEL_WARNING, "media-too-many",
		"too many pictures; the others are not written" },
	[CD_MSG_MEDIA_LINKED] = { CD_LEVEL_WARNING, "media-linked",
		"linked picture is not in the package; not written" },
};

const char *
cd_level_name(cd_level level)
{
	switch (level) {
	case CD_LEVEL_NOTE: return "note";
	case CD_LEVEL_WARNING: return "warning";
	case CD_LEVEL_ERROR: return "error";
	}
	return "message";
}

static int
known(cd_msg_id id)
{
	return id > 0 && id < CD_MSG_MAX_ && table[id].code != NULL;
}

cd_level
cd_msg_level(cd_msg_id id)
{
	return known(id) ? table[id].level : CD_LEVEL_WARNING;
}

const char *
cd_msg_code(cd_msg_id id)
{
	return known(id) ? table[id].code : NULL;
}

const char *
cd_msg_text(cd_msg_id id)
{
	return known(id) ? table[id].text : NULL;
}

static void
deliver(cd_report_fn fn, void *ctx, cd_msg_id id, const char *part, long line,
        const char *fmt, va_list ap)
{
	char detail[512];
	cd_message m;

	if (fn == NULL || !known(id))
		return;
	if (fmt != NULL)
		vsnprintf(detail, sizeof detail, fmt, ap);
	m.id = id;
	m.level = table[id].level;
	m.code = table[id].code;
	m.text = table[id].text;
	m.part = part;
	m.line = line > 0 ? line : 0;
	m.detail = fmt != NULL && detail[0] != '\0' ? detail : NULL;
	fn(ctx, &m);
}

void
cd_msg(const cd_options *o, cd_msg_id id, const char *part, long line, const char *fmt, ...)
{
	va_list ap;

	if (o == NULL || o->report == NULL)
		return;
	va_start(ap, fmt);
	deliver(o->report, o->report_ctx, id, part, line, fmt, ap);
	va_end(ap);
}

void
cd_msg_bind(xmlDocPtr doc, cd_msg_route *r, const cd_options *o)
{
	r->fn = o != NULL ? o->report : NULL;
	r->ctx = o != NULL ? o->report_ctx : NULL;
	r->saved = doc->_private;
	doc->_private = r;
}

void
cd_msg_unbind(xmlDocPtr doc, cd_msg_route *r)
{
	doc->_private = r->saved;
}

void
cd_msg_at(const xmlNode *n, cd_msg_id id, const char *fmt, ...)
{
	const cd_msg_route *r = n != NULL && n->doc != NULL ? n->doc->_private : NULL;
	const xmlNode *p;
	xmlChar *part = NULL;
	va_list ap;

	if (r == NULL || r->fn == NULL)
		return;
	for (p = n; p != NULL && p->type == XML_ELEMENT_NODE; p = p->parent)
		if (cd_pkg_is(p, "part")) {
			part = xmlGetProp(p, BAD_CAST "name");
			break;
		}
	va_start(ap, fmt);
	deliver(r->fn, r->ctx, id, (const char *)part,
	        n->type == XML_ELEMENT_NODE ? xmlGetLineNo(n) : 0, fmt, ap);
	va_end(ap);
	xmlFree(part);
}
