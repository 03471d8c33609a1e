/*
 * messages.c — the library's messages in the CLI: counted and listed per
 * input for the manifest record, printed on standard error with -v (the
 * filters print as they come; the batch parent prints from the records,
 * so messages of -j workers come out whole, one input at a time).
 */
#include <string.h>

#include "messages.h"

void
msglog_init(struct msglog *l)
{
	memset(l, 0, sizeof *l);
	cd_buf_init(&l->items);
}

void
msglog_free(struct msglog *l)
{
	cd_buf_free(&l->items);
}

void
msg_print(FILE *f, const char *prog, const char *input, const char *part, long line,
          const char *level, const char *text, const char *detail)
{
	fprintf(f, "%s: %s: ", prog, input);
	if (part != NULL && *part != '\0' && line > 0)
		fprintf(f, "%s:%ld: ", part, line);
	else if (part != NULL && *part != '\0')
		fprintf(f, "%s: ", part);
	fprintf(f, "%s: %s", level, text != NULL ? text : "");
	if (detail != NULL && *detail != '\0')
		fprintf(f, ": %s", detail);
	fputc('\n', f);
}

void
msglog_report(void *ctx, const cd_message *m)
{
	struct msglog *l = ctx;

	if (m->level >= CD_LEVEL_NOTE && m->level <= CD_LEVEL_ERROR)
		l->count[m->level]++;
	if (l->echo != NULL && (int)m->level >= l->echo_level)
		msg_print(l->echo, l->prog, l->input, m->part, m->line, cd_level_name(m->level),
		          m->text, m->detail);
	if (l->listed >= MSGLOG_MAX)
		return;
	cd_buf_adds(&l->items, l->listed++ ? ",{\"level\":" : "{\"level\":");
	cd_json_str(&l->items, cd_level_name(m->level));
	cd_buf_adds(&l->items, ",\"code\":");
	cd_json_str(&l->items, m->code);
	if (m->part != NULL) {
		cd_buf_adds(&l->items, ",\"part\":");
		cd_json_str(&l->items, m->part);
	}
	if (m->line > 0)
		cd_buf_printf(&l->items, ",\"line\":%ld", m->line);
	cd_buf_adds(&l->items, ",\"text\":");
	cd_json_str(&l->items, m->text);
	if (m->detail != NULL) {
		cd_buf_adds(&l->items, ",\"detail\":");
		cd_json_str(&l->items, m->detail);
	}
	cd_buf_addc(&l->items, '}');
}

void
msglog_record(cd_buf *rec, const struct msglog *l)
{
	if (l->listed == 0)
		return;
	cd_buf_printf(rec, ",\"notes\":%zu,\"warnings\":%zu,\"messages\":[%s]",
	              l->count[CD_LEVEL_NOTE], l->count[CD_LEVEL_WARNING],
	              l->items.data != NULL ? l->items.data : "");
}

int
msglog_worst(const struct msglog *l)
{
	for (int lv = CD_LEVEL_ERROR; lv >= CD_LEVEL_NOTE; lv--)
		if (l->count[lv] > 0)
			return lv;
	return 0;
}

int
msg_level_parse(const char *s)
{
	if (strcmp(s, "note") == 0)
		return CD_LEVEL_NOTE;
	if (strcmp(s, "warning") == 0)
		return CD_LEVEL_WARNING;
	return 0;
}
