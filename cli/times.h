/* times.h — per-stage CPU times of a conversion, printed when the
 * environment has COUNCILDOC_TIMES=1 (for tests/bench.sh). */
#ifndef CD_TIMES_H
#define CD_TIMES_H

#include <stddef.h>
#include "councildoc.h"

enum {
	ST_READ, ST_FLATTEN, ST_CLEAN, ST_NOTES, ST_STRUCTURE, ST_VALIDATE,
	ST_XML, ST_DOCBOOK, ST_MD, ST_TXT, ST_WRITE, ST_N
};

struct stage_clock {
	int on;            /* 0: every call below does nothing */
	double t[ST_N];    /* CPU seconds spent in each stage */
	double last;       /* CPU clock at the last mark */
};

/* Starts the clock (on when COUNCILDOC_TIMES is set and not "0"). */
void sc_start(struct stage_clock *c);
/* Adds the CPU time since the last mark (or the start) to stage. */
void sc_mark(struct stage_clock *c, int stage);
/* cd_convert, stage by stage, marking each stage when the clock is on. */
xmlDocPtr sc_convert(struct stage_clock *c, const char *name, const unsigned char *data,
                     size_t len, const cd_options *o, cd_error *err);
/* One line on stderr: "times: INPUT read=S flatten=S ..." (seconds). */
void sc_print(const struct stage_clock *c, const char *input);

#endif
