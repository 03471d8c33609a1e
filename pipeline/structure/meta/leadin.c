/*
 * leadin.c — the labels of a Council report's lead-in box (Purpose, Action
 * required, References) in the six ITU languages: cd_meta_leadin, with a
 * quick test that rejects most paragraphs at their first code point.
 */
#include <stdlib.h>
#include <string.h>

#include "cd_internal.h"
#include "metatext.h"

struct leadin { const char *text; int kind; };

static const struct leadin leadins[] = {
	{"Purpose", CD_LEADIN_PURPOSE}, {"Objet", CD_LEADIN_PURPOSE},
	{"Objeto", CD_LEADIN_PURPOSE}, {"Finalidad", CD_LEADIN_PURPOSE},
	{"Objetivo", CD_LEADIN_PURPOSE}, {"Цель", CD_LEADIN_PURPOSE},
	{"الغرض", CD_LEADIN_PURPOSE}, {"目的", CD_LEADIN_PURPOSE},
	{"Action required", CD_LEADIN_ACTION}, {"Action requested", CD_LEADIN_ACTION},
	{"Action required by the Council", CD_LEADIN_ACTION},
	{"Action required by Council", CD_LEADIN_ACTION},
	{"Action requested of the Council", CD_LEADIN_ACTION},
	{"Suite à donner par le Conseil", CD_LEADIN_ACTION},
	{"Décision demandée au Conseil", CD_LEADIN_ACTION},
	{"Acción solicitada al Consejo", CD_LEADIN_ACTION},
	{"Decisión solicitada al Consejo", CD_LEADIN_ACTION},
	{"Необходимые действия со стороны Совета", CD_LEADIN_ACTION},
	{"Действия, которые предлагается предпринять Совету", CD_LEADIN_ACTION},
	{"الإجراء المطلوب من المجلس", CD_LEADIN_ACTION},
	{"需要理事会采取的行动", CD_LEADIN_ACTION}, {"要求理事会采取的行动", CD_LEADIN_ACTION},
	{"需理事会采取的行动", CD_LEADIN_ACTION},
	{"Suite à donner", CD_LEADIN_ACTION}, {"Mesure à prendre", CD_LEADIN_ACTION},
	{"Décision demandée", CD_LEADIN_ACTION}, {"Acción solicitada", CD_LEADIN_ACTION},
	{"Acción requerida", CD_LEADIN_ACTION}, {"Decisión solicitada", CD_LEADIN_ACTION},
	{"Необходимые действия", CD_LEADIN_ACTION}, {"Требуемые действия", CD_LEADIN_ACTION},
	{"الإجراء المطلوب", CD_LEADIN_ACTION}, {"需要采取的行动", CD_LEADIN_ACTION},
	{"要求采取的行动", CD_LEADIN_ACTION}, {"需采取的行动", CD_LEADIN_ACTION},
	{"References", CD_LEADIN_REFERENCES}, {"Reference", CD_LEADIN_REFERENCES},
	{"Références", CD_LEADIN_REFERENCES}, {"Référence", CD_LEADIN_REFERENCES},
	{"Referencias", CD_LEADIN_REFERENCES}, {"Referencia", CD_LEADIN_REFERENCES},
	{"Справочные материалы", CD_LEADIN_REFERENCES}, {"Ссылки", CD_LEADIN_REFERENCES},
	{"Справочные документы", CD_LEADIN_REFERENCES},
	{"المراجع", CD_LEADIN_REFERENCES}, {"参考文献", CD_LEADIN_REFERENCES},
	{"参考资料", CD_LEADIN_REFERENCES}, {"参考文件", CD_LEADIN_REFERENCES},
	{NULL, 0}
};

/* What a text must have for a label to match it, computed once from the
 * table: the label's first code point (folded) and, over all labels, the
 * most code points other than spaces. Each code point of a label matches
 * exactly one code point of the text that is not a space (folding maps
 * one code point to one), and the comparison drops only spaces, ':', '.'
 * and U+FF1A at the end of the text. */
#define NLEADINS (sizeof leadins / sizeof leadins[0] - 1)
struct leadin_quick { size_t max_cps; unsigned first[NLEADINS]; int ready; };

static const struct leadin_quick *
leadin_quick(void)
{
	static struct leadin_quick q;   /* the same values in any thread */
	size_t n;

	if (q.ready)
		return &q;
	for (size_t i = 0; i < NLEADINS; i++) {
		size_t k = 0;

		q.first[i] = cd_meta_fold(cd_meta_u8(leadins[i].text, &n));
		for (const char *p = leadins[i].text; *p; p += n ? n : 1)
			k += cd_meta_u8(p, &n) != ' ';
		if (k > q.max_cps)
			q.max_cps = k;
	}
	q.ready = 1;
	return &q;
}

/* 0 when no label can match text: its first code point starts no label,
 * or it has more code points than any label (not counting spaces, ':',
 * '.' and U+FF1A). Looks at most at the first few dozen code points. */
static int
leadin_may_match(const char *text)
{
	const struct leadin_quick *q = leadin_quick();
	size_t k = 0, n, i;
	const char *p = text;
	unsigned first;

	while ((n = cd_meta_space_len(p)) > 0)
		p += n;
	first = cd_meta_fold(cd_meta_u8(p, &n));
	for (i = 0; i < NLEADINS && q->first[i] != first; i++)
		;
	if (i == NLEADINS)
		return 0;
	for (; *p && k <= q->max_cps; p += n ? n : 1) {
		if ((n = cd_meta_space_len(p)) > 0)
			continue;
		if (*p != ':' && *p != '.' && strncmp(p, "\xEF\xBC\x9A", 3) != 0)
			k++;
		cd_meta_u8(p, &n);
	}
	return k <= q->max_cps;
}

int
cd_meta_leadin(const char *text)
{
	const struct leadin_quick *q = leadin_quick();
	char *s;
	size_t n, k;
	unsigned first;
	int kind = CD_LEADIN_NONE;

	if (text == NULL || !leadin_may_match(text) || (s = cd_meta_squeeze(text)) == NULL)
		return CD_LEADIN_NONE;
	n = strlen(s);
	for (;;) {                      /* trailing colons, dots and spaces */
		if (n > 0 && (s[n - 1] == ':' || s[n - 1] == '.' || s[n - 1] == ' '))
			n--;
		else if (n >= 3 && strncmp(s + n - 3, "\xEF\xBC\x9A", 3) == 0)
			n -= 3;
		else
			break;
	}
	s[n] = '\0';
	first = cd_meta_fold(cd_meta_u8(s, &k));
	for (size_t i = 0; i < NLEADINS && kind == CD_LEADIN_NONE; i++)
		if (n > 0 && q->first[i] == first && cd_meta_prefix(s, leadins[i].text) == n)
			kind = leadins[i].kind;
	free(s);
	return kind;
}
