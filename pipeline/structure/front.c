/*
 * front.c — the front matter of a report for the structure stage: the
 * header block (a layout table or paragraphs: meeting, document number,
 * date...), the source and title lines, a Recommendation's title heading
 * as the report's title, and the lead-in box table.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "structure.h"

/* Offers each line of t (split at its line breaks) to cd_meta_line: 1
 * when every non-empty line is header metadata (then stored in m), else 0
 * with m unchanged. */
static int
meta_lines(cd_meta *m, const char *t)
{
	cd_meta scratch;
	char *copy, *line, *save = NULL;
	int ok = 1, any = 0;

	if (strchr(t, '\n') == NULL)
		return cd_meta_line(m, t);
	if ((copy = strdup(t)) == NULL)
		return 0;
	cd_meta_init(&scratch);
	for (line = strtok_r(copy, "\n", &save); line && ok; line = strtok_r(NULL, "\n", &save)) {
		line += cd_st_lead_space(line);
		if (*line) {
			any = 1;
			ok = cd_meta_line(&scratch, line);
		}
	}
	cd_meta_free(&scratch);
	free(copy);
	if (!ok || !any || (copy = strdup(t)) == NULL)
		return 0;
	for (line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
		if (*(line += cd_st_lead_space(line)))
			cd_meta_line(m, line);
	free(copy);
	return 1;
}

/* A metadata field from a paragraph's text, when not set yet: its line
 * breaks and tabs as spaces. */
static void
set_meta_text(char **field, const char *t)
{
	if (*field == NULL)
		*field = strdup(t);
	for (char *q = *field; q && *q; q++)
		if (*q == '\n' || *q == '\t')
			*q = ' ';
}

/* Front matter: source, title, header lines. 1 when consumed. */
int
cd_st_front_para(cd_st_state *st, const cd_st_pinfo *pi, const char *t)
{
	int after = st->after_source;

	st->after_source = 0;
	if (pi->role == CD_ROLE_TITLE && st->meta.title == NULL) {
		set_meta_text(&st->meta.title, t);
		return 1;
	}
	if (!st->front)
		return 0;
	if ((pi->role == CD_ROLE_SOURCE || cd_st_is_source(t)) && st->meta.source == NULL) {
		set_meta_text(&st->meta.source, t);
		st->after_source = 1;
		return 1;
	}
	if (after && st->meta.title == NULL && pi->heading == 0 && pi->num_id == 0 &&
	    strlen(t) < 400) {
		set_meta_text(&st->meta.title, t);
		return 1;
	}
	return pi->heading == 0 && meta_lines(&st->meta, t);
}

/* A Recommendation's or Resolution's title line names the document: it
 * is the report's title when nothing else gave one (the heading stays). */
void
cd_st_front_title_heading(cd_st_state *st, const xmlNode *p, const cd_st_pinfo *pi)
{
	char *t;

	if (pi->role != CD_ROLE_TITLE_TEXT || !pi->names_doc || st->meta.title != NULL)
		return;
	t = cd_st_para_text(st->c, p);
	if (t != NULL && t[cd_st_lead_space(t)] != '\0') {
		set_meta_text(&st->meta.title, t + cd_st_lead_space(t));
		st->meta.from_body |= CD_META_TITLE;
	}
	free(t);
}

/* Collects the paragraphs of a table (document order) into a buffer of
 * pointers; caller frees. */
static size_t
table_paras(const xmlNode *n, const xmlNode ***v, size_t *cap, size_t k)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (cd_w_is(c, "p")) {
			if (k == *cap) {
				size_t nc = *cap ? *cap * 2 : 16;
				const xmlNode **nv = realloc(*v, nc * sizeof *nv);

				if (nv == NULL)
					return k;
				*v = nv;
				*cap = nc;
			}
			(*v)[k++] = c;
		} else {
			k = table_paras(c, v, cap, k);
		}
	}
	return k;
}

/* Header-table test and feed. 1 when tbl is the header block. */
int
cd_st_front_header_table(cd_st_state *st, const xmlNode *tbl)
{
	const xmlNode **v = NULL;
	size_t cap = 0, n = table_paras(tbl, &v, &cap, 0);
	int lines = 0, hits = 0, leadin = 0;
	cd_meta scratch;

	cd_meta_init(&scratch);
	for (size_t k = 0; k < n; k++) {
		char *t = cd_st_para_text(st->c, v[k]);
		char *s = t ? t + cd_st_lead_space(t) : NULL;

		/* each line of a cell counts (a header cell may hold the meeting
		 * and the place on two lines) */
		for (char *l = s, *e; l != NULL && *l; l = e ? e + 1 : NULL) {
			if ((e = strchr(l, '\n')) != NULL)
				*e = '\0';
			l += cd_st_lead_space(l);
			if (*l) {
				lines++;
				hits += cd_meta_line(&scratch, l);
				leadin += cd_meta_leadin(l) != CD_LEADIN_NONE;
			}
		}
		free(t);
	}
	cd_meta_free(&scratch);
	if (leadin || hits < 2 || hits * 2 < lines) {
		free(v);
		return 0;
	}
	for (size_t k = 0; k < n; k++) {
		char *t = cd_st_para_text(st->c, v[k]);
		char *s = t ? t + cd_st_lead_space(t) : NULL;
		cd_st_pinfo pi;

		cd_st_para_info(st->c->styles, v[k], &pi);
		for (char *l = s, *e; l != NULL && *l; l = e ? e + 1 : NULL) {
			if ((e = strchr(l, '\n')) != NULL)
				*e = '\0';
			l += cd_st_lead_space(l);
			if (*l && !cd_meta_line(&st->meta, l))
				cd_st_front_para(st, &pi, l);
		}
		free(t);
	}
	free(v);
	return 1;
}

/* 1 when the table's first line of text is a lead-in label: the Purpose
 * box of a Council report. */
int
cd_st_front_leadin_table(cd_st_state *st, const xmlNode *tbl)
{
	const xmlNode **v = NULL;
	size_t cap = 0, n = table_paras(tbl, &v, &cap, 0);
	int found = 0;

	for (size_t k = 0; k < n; k++) {
		char *t = cd_st_para_text(st->c, v[k]);
		const char *s = t ? t + cd_st_lead_space(t) : "";

		if (*s != '\0') {
			found = cd_meta_leadin(s) != CD_LEADIN_NONE;
			free(t);
			break;
		}
		free(t);
	}
	free(v);
	return found;
}

/* The subject line of a letter, a circular or a covering note ("Subject:
 * Erratum to Recommendation ITU-T T.832", in the six languages) names the
 * document when nothing before the first clause did. The line stays in
 * the body; the title is marked as read from it. */
void
cd_st_front_subject(cd_st_state *st, const char *t)
{
	static const char *const labels[] = {
		"Subject:", "Objet:", "Objet :", "Asunto:", "Тема:", "Предмет:",
		"\xD8\xA7\xD9\x84\xD9\x85\xD9\x88\xD8\xB6\xD9\x88\xD8\xB9:", /* الموضوع: */
		"\xE4\xBA\x8B\xE7\x94\xB1\xEF\xBC\x9A", /* 事由： */
		"\xE4\xB8\xBB\xE9\xA2\x98\xEF\xBC\x9A", /* 主题： */
		NULL
	};

	if (st->meta.title != NULL || st->opened > 0)
		return;
	for (int k = 0; labels[k]; k++) {
		size_t n = strlen(labels[k]);

		if (strncmp(t, labels[k], n) == 0) {
			t += n;
			t += cd_st_lead_space(t);
			if (*t != '\0' && strlen(t) < 400) {
				set_meta_text(&st->meta.title, t);
				st->meta.from_body |= CD_META_TITLE;
			}
			return;
		}
	}
}
