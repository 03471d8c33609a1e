/*
 * batch.c — converting many inputs: one input at a time in this process,
 * or N worker processes (-j N) that report to the parent through a pipe.
 * The parent prints the error lines, draws the progress bar (only on a
 * terminal), and keeps the manifest (JSON lines, --manifest), which
 * --update reads to skip inputs already converted with the same options.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "councildoc.h"
#include "run.h"
#include "times.h"
#include "messages.h"


static const struct { cd_format fmt; const char *ext; } fmts[] = {
	{ CD_FMT_XML, "xml" }, { CD_FMT_DOCBOOK, "dbk" },
	{ CD_FMT_MD, "md" }, { CD_FMT_TXT, "txt" },
};
#define NFMTS (sizeof fmts / sizeof fmts[0])

/* ---- converting one input ---- */

static long
ms_since(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (t1.tv_sec - t0->tv_sec) * 1000 + (t1.tv_nsec - t0->tv_nsec) / 1000000;
}

/* How many stylesheets run side by side for this input. Each holds its
 * result tree while it runs; a document whose council tree outgrew the
 * package (peak after structure over 1.5 times the peak after reading:
 * very many short blocks) renders one stylesheet at a time, to stay
 * within twice the memory of parsing the input. COUNCILDOC_THREADS
 * fixes the number. */
static int
threads_for(const struct run *r, const struct stage_clock *sc)
{
	if (r->threads <= 1 || r->threads_fixed)
		return r->threads;
	return sc->peak_structure > 1.5 * sc->peak_read ? 1 : r->threads;
}

/* Renders every output in memory; writes them (pictures first) only when
 * all succeeded (unsynced: cd_batch_run syncs the file system once at the
 * end). The outputs' SHA-256 only for a manifest. */
static int
render_and_write(struct run *r, size_t idx, xmlDocPtr council, const cd_media *media,
                 cd_buf *outs, struct stage_clock *sc, cd_error *err)
{
	char *out[NFMTS] = { NULL };
	size_t olen[NFMTS] = { 0 };
	double cpu[NFMTS], vcpu = 0;
	cd_status st;
	int rc = 1;
	size_t i;

	if (r->meta) {
		if (r->validate && cd_engine_validate(r->eng, council, err) != CD_OK)
			return 1;
		sc_mark(sc, ST_VALIDATE);
		if (cd_meta_json(council, &out[0], &olen[0], err) != CD_OK)
			return 1;
		rc = fwrite(out[0], 1, olen[0], stdout) != olen[0] || fflush(stdout) != 0;
		if (rc)
			cd_error_set(err, CD_ERR_IO, NULL, 0, "standard output: write error");
		free(out[0]);
		return rc;
	}
	/* validated beside the XML's serialization, before the stylesheets */
	st = cd_emit_all_valid(r->eng, r->formats, council, &r->opt, threads_for(r, sc),
	                       r->validate, out, olen, sc->on ? cpu : NULL, &vcpu, err);
	sc_add(sc, ST_VALIDATE, vcpu);
	if (st != CD_OK)
		goto done;
	sc_formats(sc, cpu);
	if (write_media(r, idx, media, outs, err) != 0)
		goto done;
	for (i = 0; i < NFMTS; i++) {
		char *path;

		if (!(r->formats & fmts[i].fmt))
			continue;
		if (r->outdir == NULL) {
			if (fwrite(out[i], 1, olen[i], stdout) != olen[i] || fflush(stdout) != 0) {
				cd_error_set(err, CD_ERR_IO, NULL, 0, "standard output: write error");
				goto done;
			}
			continue;
		}
		path = output_path(r, idx, fmts[i].ext);
		if (path == NULL || cd_write_atomic_nosync(path, out[i], olen[i], err) != CD_OK) {
			if (path == NULL)
				cd_error_set(err, CD_ERR_NOMEM, NULL, 0, "out of memory");
			free(path);
			goto done;
		}
		list_output(outs, path, out[i], olen[i], r->manifest != NULL);
		free(path);
	}
	rc = 0;
done:
	sc_mark(sc, ST_WRITE);
	for (i = 0; i < NFMTS; i++)
		free(out[i]);
	return rc;
}

/* Converts input number idx and returns its manifest record (malloc'd,
 * one line, no newline). */
static char *
convert_one(struct run *r, size_t idx)
{
	const char *input = r->inputs[idx];
	struct timespec t0;
	unsigned char *data = NULL;
	size_t len = 0;
	xmlDocPtr council = NULL;
	const struct manifest_entry *done;
	struct stage_clock sc;
	cd_buf rec, outs;
	cd_error err;
	cd_media media = { NULL, 0 };
	char hex[65] = "", *prefix = NULL;
	struct msglog ml;
	int rc = 1;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	msglog_init(&ml);
	r->opt.report = msglog_report;
	r->opt.report_ctx = &ml;
	sc_start(&sc);
	cd_error_clear(&err);
	cd_buf_init(&outs);
	cd_buf_add(&outs, "", 0);
	if (cd_read_file(input, r->opt.max_input_size, &data, &len, &err) == CD_OK) {
		if (r->manifest != NULL)
			cd_sha256_hex(data, len, hex);
		if (r->update && (done = already_done(r, input, hex)) != NULL) {
			free(data);
			cd_buf_free(&outs);
			msglog_free(&ml);
			return strdup(done->line);
		}
		council = sc_convert(&sc, input, data, len, &r->opt, &err);
		prefix = council ? media_prefix(r, idx) : NULL;
		if (council != NULL &&
		    cd_media_collect(council, data, len, prefix, &r->opt, &media, &err) == CD_OK) {
			sc_mark(&sc, ST_VALIDATE);  /* the pictures' collection */
			rc = render_and_write(r, idx, council, &media, &outs, &sc, &err);
		}
	}
	sc_print(&sc, input);
	cd_buf_init(&rec);
	cd_buf_adds(&rec, "{\"input\":");
	cd_json_str(&rec, input);
	cd_buf_printf(&rec, ",\"sha256\":\"%s\",\"size\":%zu,\"options\":", hex, len);
	cd_json_str(&rec, r->optkey);
	msglog_record(&rec, &ml);
	if (rc == 0) {
		cd_buf_printf(&rec, ",\"status\":\"ok\",\"outputs\":[%s]", outs.data);
	} else {
		if (strlen(err.msg) > 1000)
			strcpy(err.msg + 990, "...");
		cd_buf_adds(&rec, ",\"status\":\"error\",\"error\":");
		cd_json_str(&rec, err.msg);
		cd_buf_adds(&rec, ",\"outputs\":[]");
	}
	cd_buf_printf(&rec, ",\"ms\":%ld}", ms_since(&t0));
	xmlFreeDoc(council);
	free(data);
	free(prefix);
	cd_media_free(&media);
	cd_buf_free(&outs);
	msglog_free(&ml);
	r->opt.report = NULL;
	r->opt.report_ctx = NULL;
	return cd_buf_take(&rec, NULL);
}

/* ---- output name clashes ---- */

struct stem { char *s; size_t idx; };

static int
cmp_stem(const void *a, const void *b)
{
	const struct stem *x = a, *y = b;
	int c = strcmp(x->s, y->s);

	return c != 0 ? c : (x->idx > y->idx) - (x->idx < y->idx);
}

/* Marks every input whose outputs would overwrite an earlier input's
 * (same name in the same output folder): it is refused, so a batch never
 * depends on the order in which workers finish. */
static int
find_clashes(struct run *r)
{
	struct stem *v = calloc(r->ninputs + 1, sizeof *v);

	r->clash = calloc(r->ninputs + 1, sizeof *r->clash);
	if (v == NULL || r->clash == NULL) {
		free(v);
		return -1;
	}
	for (size_t i = 0; i < r->ninputs && r->outdir != NULL; i++) {
		v[i].s = output_stem(r, i);
		v[i].idx = i;
		if (v[i].s == NULL)
			return -1;
	}
	if (r->outdir != NULL) {
		qsort(v, r->ninputs, sizeof *v, cmp_stem);
		for (size_t i = 1; i < r->ninputs; i++) {
			size_t k = i;

			while (k > 0 && strcmp(v[k - 1].s, v[i].s) == 0)
				k--;
			if (k < i)
				r->clash[v[i].idx] = v[k].idx + 1;
		}
	}
	for (size_t i = 0; i < r->ninputs; i++)
		free(v[i].s);
	free(v);
	return 0;
}

static char *
clash_record(struct run *r, size_t idx)
{
	cd_buf rec, msg;

	cd_buf_init(&msg);
	cd_buf_printf(&msg, "output name clash: its outputs would overwrite those of %s",
	              r->inputs[r->clash[idx] - 1]);
	cd_buf_init(&rec);
	cd_buf_adds(&rec, "{\"input\":");
	cd_json_str(&rec, r->inputs[idx]);
	cd_buf_adds(&rec, ",\"status\":\"error\",\"error\":");
	cd_json_str(&rec, msg.data != NULL ? msg.data : "output name clash");
	cd_buf_adds(&rec, ",\"outputs\":[]}");
	cd_buf_free(&msg);
	return cd_buf_take(&rec, NULL);
}

/* ---- the parent: records, errors, progress, manifest ---- */

struct tally {
	struct run *r;
	char **rec;          /* record per input index */
	size_t done, failed;
	int worst;           /* worst message level met */
	struct timespec t0;
	FILE *mf;            /* manifest being appended to */
	int bar;             /* draw a progress bar on stderr */
};

static void
progress(struct tally *t, const char *current)
{
	double s = (double)ms_since(&t->t0) / 1000.0, rate = s > 0 ? (double)t->done / s : 0;
	double eta = rate > 0 ? (double)(t->r->ninputs - t->done) / rate : 0;
	const char *base = current ? strrchr(current, '/') : NULL;

	if (!t->bar)
		return;
	fprintf(stderr, "\r\033[K[%zu/%zu] %.1f files/s, ETA %d:%02d, %zu failed  %.40s",
	        t->done, t->r->ninputs, rate, (int)eta / 60, (int)eta % 60, t->failed,
	        base ? base + 1 : current ? current : "");
	if (t->done == t->r->ninputs)
		fputs("\r\033[K", stderr);
	fflush(stderr);
}

/* Keeps record line of input idx: prints its messages at the -v level or
 * above (-v: warnings, -vv: notes too) and its error, keeps the worst
 * message level, appends it to the manifest. */
static void
record(struct tally *t, size_t idx, char *line)
{
	const char *in;
	char *err;
	int worst, failed;

	if (line == NULL)
		line = strdup("{\"status\":\"error\",\"error\":\"out of memory\"}");
	if (line == NULL || idx >= t->r->ninputs || t->rec[idx] != NULL) {
		free(line);
		return;
	}
	t->rec[idx] = line;
	t->done++;
	in = strcmp(t->r->inputs[idx], "-") == 0 ? "stdin" : t->r->inputs[idx];
	worst = record_read(line, t->r->quiet || t->r->verbose == 0 ? NULL : stderr,
	                    t->r->verbose > 1 ? CD_LEVEL_NOTE : CD_LEVEL_WARNING, in, t->bar,
	                    &failed, &err);
	if (worst > t->worst)
		t->worst = worst;
	if (failed) {
		t->failed++;
		if (t->bar)
			fputs("\r\033[K", stderr);
		if (!t->r->quiet)
			fprintf(stderr, "councildoc: %s: %s\n", in, err != NULL ? err : "failed");
	}
	free(err);
	if (t->mf != NULL) {
		fprintf(t->mf, "%s\n", line);
		fflush(t->mf);
	}
	progress(t, t->r->inputs[idx]);
}

/* Reads "IDX\tRECORD\n" lines from the workers until all have exited. */
static void
collect(struct tally *t, int fd)
{
	cd_buf in;
	char chunk[8192];
	ssize_t n;

	cd_buf_init(&in);
	cd_buf_add(&in, "", 0);
	while ((n = read(fd, chunk, sizeof chunk)) != 0) {
		char *nl;

		if (n < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		cd_buf_add(&in, chunk, (size_t)n);
		while (in.data != NULL && (nl = memchr(in.data, '\n', in.len)) != NULL) {
			char *tab = memchr(in.data, '\t', (size_t)(nl - in.data));

			*nl = '\0';
			if (tab != NULL)
				record(t, strtoul(in.data, NULL, 10), strdup(tab + 1));
			in.len -= (size_t)(nl + 1 - in.data);
			memmove(in.data, nl + 1, in.len + 1);
		}
	}
	cd_buf_free(&in);
}

/* Writes one record to the pipe. A record longer than PIPE_BUF (a
 * document with many pictures) is not written atomically by the kernel,
 * so the workers take turns: a POSIX record lock on the file lock (fcntl
 * locks belong to processes, so forked workers exclude each other). */
static int
send_record(int fd, int lock, const char *msg, size_t len)
{
	struct flock fl;
	size_t off = 0;
	int locked;

	memset(&fl, 0, sizeof fl);
	fl.l_type = F_WRLCK;
	fl.l_whence = SEEK_SET;
	locked = lock >= 0;
	while (locked && fcntl(lock, F_SETLKW, &fl) != 0 && errno == EINTR)
		;
	while (off < len) {
		ssize_t k = write(fd, msg + off, len - off);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			break;
		off += (size_t)k;
	}
	fl.l_type = F_UNLCK;
	if (locked)
		fcntl(lock, F_SETLK, &fl);
	return off == len ? 0 : -1;
}

/* The workers' queue: inputs largest first (the batch ends when its
 * largest input does not start last), each worker taking the next one
 * when it is free, so that no worker idles while another has several
 * inputs left. next lives in memory shared by the forked workers. */
struct queue {
	size_t *order;           /* input indices, largest first */
	size_t *next;            /* shared: next position in order */
};

/* An input and its size in bytes, for the queue's order. */
struct sized {
	off_t size;
	size_t idx;
};

/* Larger first; inputs of one size in input order. */
static int
larger_first(const void *a, const void *b)
{
	const struct sized *x = a, *y = b;

	if (x->size != y->size)
		return x->size > y->size ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* 0, or -1 when it cannot be made (the caller then runs the inputs in
 * this process). */
static int
queue_init(struct queue *q, const struct run *r)
{
	struct sized *v = calloc(r->ninputs, sizeof *v);

	q->order = calloc(r->ninputs, sizeof *q->order);
	q->next = mmap(NULL, sizeof *q->next, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
	               -1, 0);
	if (v == NULL || q->order == NULL || q->next == MAP_FAILED) {
		if (q->next != MAP_FAILED)
			munmap(q->next, sizeof *q->next);
		free(v);
		free(q->order);
		return -1;
	}
	for (size_t i = 0; i < r->ninputs; i++) {
		struct stat sb;

		v[i].size = stat(r->inputs[i], &sb) == 0 ? sb.st_size : 0;
		v[i].idx = i;
	}
	qsort(v, r->ninputs, sizeof *v, larger_first);
	for (size_t i = 0; i < r->ninputs; i++)
		q->order[i] = v[i].idx;
	free(v);
	*q->next = 0;
	return 0;
}

static void
queue_free(struct queue *q)
{
	munmap(q->next, sizeof *q->next);
	free(q->order);
}

static void
worker(struct run *r, struct queue *q, int fd, int lock)
{
	size_t j;

	while ((j = __atomic_fetch_add(q->next, 1, __ATOMIC_RELAXED)) < r->ninputs) {
		size_t i = q->order[j];
		char *line = r->clash[i] ? clash_record(r, i) : convert_one(r, i);
		char *msg;
		int len;

		if (line == NULL)
			line = strdup("{\"status\":\"error\",\"error\":\"out of memory\"}");
		len = asprintf(&msg, "%zu\t%s\n", i, line);
		if (len > 0 && send_record(fd, lock, msg, (size_t)len) != 0)
			_exit(1);
		free(msg);
		free(line);
	}
}

static int
run_workers(struct run *r, struct tally *t)
{
	size_t n = (size_t)r->jobs < r->ninputs ? (size_t)r->jobs : r->ninputs;
	int pfd[2], status, lock;
	struct queue q;
	FILE *lf;

	if (queue_init(&q, r) != 0)
		return -1;
	if (pipe(pfd) != 0) {
		queue_free(&q);
		return -1;
	}
	lf = tmpfile();   /* the workers' write lock (send_record) */
	lock = lf != NULL ? fileno(lf) : -1;
	fflush(NULL);
	for (size_t k = 0; k < n; k++) {
		pid_t pid = fork();

		if (pid == 0) {
			close(pfd[0]);
			if (t->mf != NULL)
				fclose(t->mf);
			worker(r, &q, pfd[1], lock);
			/* no input left for this worker: what the batch wrote so
			 * far goes to disk now, beside the others' last inputs (the
			 * parent's syncfs at the end then finds little to do; it
			 * is the one that reports) */
			if (r->outdir != NULL) {
				cd_error e;

				(void)cd_sync_fs(r->outdir, &e);
			}
			_exit(0);
		}
		if (pid < 0) { /* no more processes: the rest runs here */
			worker(r, &q, pfd[1], lock);
			break;
		}
	}
	close(pfd[1]);
	collect(t, pfd[0]);
	close(pfd[0]);
	while (wait(&status) > 0)
		;
	if (lf != NULL)
		fclose(lf);
	queue_free(&q);
	return 0;
}

/* Rewrites the manifest in input order, one record per input. */
static void
manifest_finish(struct tally *t)
{
	cd_buf b;
	cd_error err;

	cd_buf_init(&b);
	cd_buf_add(&b, "", 0);
	for (size_t i = 0; i < t->r->ninputs; i++)
		if (t->rec[i] != NULL)
			cd_buf_printf(&b, "%s\n", t->rec[i]);
	if (!b.failed && cd_write_atomic(t->r->manifest, b.data, b.len, &err) != CD_OK &&
	    !t->r->quiet)
		fprintf(stderr, "councildoc: %s: %s\n", t->r->manifest, err.msg);
	cd_buf_free(&b);
}

int
cd_batch_run(struct run *r)
{
	struct tally t;
	cd_error err;
	int rc;

	memset(&t, 0, sizeof t);
	t.r = r;
	t.rec = calloc(r->ninputs + 1, sizeof *t.rec);
	if (t.rec == NULL || find_clashes(r) != 0) {
		free(t.rec);
		return 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &t.t0);
	t.bar = !r->quiet && !r->meta && r->outdir != NULL && isatty(2);
	if (r->manifest != NULL) {
		if (r->update)
			manifest_load(r);
		t.mf = fopen(r->manifest, "a");
		if (t.mf == NULL && !r->quiet)
			fprintf(stderr, "councildoc: %s: %s\n", r->manifest, strerror(errno));
	}
	signal(SIGPIPE, SIG_IGN);
	/* cores left to each input's stylesheets (COUNCILDOC_THREADS: fixed) */
	if (r->threads < 1) {
		long cores = sysconf(_SC_NPROCESSORS_ONLN);
		size_t workers = r->jobs < 1 ? 1 : (size_t)r->jobs;

		workers = workers < r->ninputs ? workers : r->ninputs;
		r->threads = cores > 0 && workers > 0 ? (int)((size_t)cores / workers) : 1;
		r->threads = r->threads < 1 ? 1 : r->threads > 3 ? 3 : r->threads;
	}
	if (r->jobs <= 1 || r->ninputs <= 1 || run_workers(r, &t) != 0)
		for (size_t i = 0; i < r->ninputs; i++)
			if (t.rec[i] == NULL)
				record(&t, i, r->clash[i] ? clash_record(r, i) : convert_one(r, i));
	rc = t.failed > 0 || t.done < r->ninputs;
	if (rc == 0 && r->werror > 0 && t.worst >= r->werror)
		rc = 3;   /* -W LEVEL: all converted, with messages of that level */
	/* outputs are written unsynced (a killed batch still leaves only
	 * whole files); one syncfs makes them durable before the manifest
	 * is rewritten (a crash before it: --update checks every output) */
	if (r->outdir != NULL && t.done > t.failed && cd_sync_fs(r->outdir, &err) != CD_OK) {
		if (!r->quiet)
			fprintf(stderr, "councildoc: %s\n", err.msg);
		rc = 1;
	}
	if (t.mf != NULL) {
		fclose(t.mf);
		manifest_finish(&t);
	}
	for (size_t i = 0; i < r->ninputs; i++)
		free(t.rec[i]);
	free(t.rec);
	for (size_t i = 0; i < r->nold; i++)
		entry_free(&r->old[i]);
	free(r->old);
	free(r->clash);
	return rc;
}
