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
	int on;            /* 0: every call below does nothing but sc_convert's
	                      peak_read / peak_structure */
	double peak_read, peak_structure; /* peak MB after reading, after structure */
	double t[ST_N];    /* CPU seconds spent in each stage */
	double peak[ST_N]; /* peak resident MB of the process after each stage */
	double last;       /* CPU clock at the last mark */
};

/* Starts the clock (on when COUNCILDOC_TIMES is set and not "0"). */
void sc_start(struct stage_clock *c);
/* Adds the CPU time since the last mark (or the start) to stage. */
void sc_mark(struct stage_clock *c, int stage);
/* Adds secs, CPU seconds spent since the last mark in another thread, to
 * stage and not to the stage marked next. */
void sc_add(struct stage_clock *c, int stage, double secs);
/* Adds the CPU seconds of each format (cpu[i] for format 1 << i, as
 * cd_emit_all measures them in their threads), then marks the rest of the
 * time since the last mark as the XML's. */
void sc_formats(struct stage_clock *c, const double cpu[4]);
/* cd_convert, stage by stage, marking each stage when the clock is on. */
xmlDocPtr sc_convert(struct stage_clock *c, const char *name, const unsigned char *data,
                     size_t len, const cd_options *o, cd_error *err);
/* Peak resident set of the process so far (VmHWM), in MB; 0 when unknown. */
double sc_peak_mb(void);
/* Two lines on stderr: "times: INPUT read=S flatten=S ..." (CPU seconds)
 * and "peak MB after: INPUT read=MB ..." */
void sc_print(const struct stage_clock *c, const char *input);

#endif
