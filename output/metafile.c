/*
 * metafile.c — Windows metafiles (EMF, WMF) to SVG, with libemf2svg and
 * libwmf, for the media step (output/media.c).
 *
 * The converters are third-party parsers of hostile bytes, so they run in
 * a child process: one child converts a document's metafiles in order and
 * streams the SVGs back; when it dies — a crash, a hang (CD_MF_SECONDS per
 * picture), an output over CD_MF_MAX_SVG bytes — the picture it was on
 * fails alone and a new child goes on with the next (one fork a document,
 * not one a picture). Each SVG is then parsed with the safe parser (no
 * DTD, no network) before it is accepted.
 *
 * The child loads the two libraries itself (dlopen): linked into the
 * program, they and the fifteen libraries they bring (X11, freetype,
 * fontconfig, libstdc++...) cost every start of councildoc 2 ms, a tenth
 * of converting a small report, and most documents hold no metafile.
 * Without them a metafile stays as it is, as when its conversion fails.
 */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <emf2svg.h>
#include <libwmf/api.h>
#include <libwmf/svg.h>

#include "cd_internal.h"
#include "media.h"

#define CD_MF_SECONDS 20
#define CD_MF_MAX_SVG ((size_t)64 << 20)

/* The functions of libemf2svg and libwmf the conversions call, as the
 * child found them (NULL: that library is missing). */
struct mf_api {
	int (*emf2svg)(char *, size_t, char **, size_t *, generatorOptions *);
	wmf_error_t (*api_create)(wmfAPI **, unsigned long, wmfAPI_Options *);
	wmf_error_t (*mem_open)(wmfAPI *, unsigned char *, long);
	wmf_error_t (*scan)(wmfAPI *, unsigned long, wmfD_Rect *);
	wmf_error_t (*display_size)(wmfAPI *, unsigned int *, unsigned int *, double, double);
	wmf_error_t (*play)(wmfAPI *, unsigned long, wmfD_Rect *);
	wmfStream *(*stream_create)(wmfAPI *, FILE *);
	void (*stream_destroy)(wmfAPI *, wmfStream *, char **, unsigned long *);
	void (*svg_function)(wmfAPI *);
};

/* The first of the file names (NULL-terminated) that loads; NULL when
 * none does. */
static void *
mf_open(const char *const *names)
{
	void *h = NULL;

	for (size_t i = 0; h == NULL && names[i] != NULL; i++)
		h = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
	return h;
}

/* Stores the address of symbol name of h in *fn (a pointer to a function
 * pointer: POSIX guarantees dlsym's object pointer converts). 0 when h
 * has it. */
static int
mf_sym(void *h, const char *name, void *fn)
{
	void *p = h != NULL ? dlsym(h, name) : NULL;

	memcpy(fn, &p, sizeof p);
	return p != NULL ? 0 : -1;
}

static void
mf_load(struct mf_api *a)
{
	static const char *const emf[] = { "libemf2svg.so.1", "libemf2svg.so", NULL };
	static const char *const wmf[] = { "libwmf-0.2.so.7", "libwmf-0.2.so", "libwmf.so", NULL };
	void *he = mf_open(emf), *hw = mf_open(wmf);

	memset(a, 0, sizeof *a);
	if (mf_sym(he, "emf2svg", &a->emf2svg) != 0)
		a->emf2svg = NULL;
	if (mf_sym(hw, "wmf_api_create", &a->api_create) || mf_sym(hw, "wmf_mem_open", &a->mem_open) ||
	    mf_sym(hw, "wmf_scan", &a->scan) || mf_sym(hw, "wmf_display_size", &a->display_size) ||
	    mf_sym(hw, "wmf_play", &a->play) || mf_sym(hw, "wmf_stream_create", &a->stream_create) ||
	    mf_sym(hw, "wmf_stream_destroy", &a->stream_destroy) ||
	    mf_sym(hw, "wmf_svg_function", &a->svg_function))
		a->api_create = NULL;
}

static int
emf_convert(const struct mf_api *a, const unsigned char *in, size_t len, char **out, size_t *olen)
{
	generatorOptions g;

	if (a->emf2svg == NULL)
		return -1;
	memset(&g, 0, sizeof g);
	g.svgDelimiter = true;
	g.emfplus = true;
	return a->emf2svg((char *)in, len, out, olen, &g) == 1 && *out != NULL ? 0 : -1;
}

/* The part of the page the SVG shows. libwmf maps the box of what is
 * drawn (wmf_scan, in points) onto the whole picture, so a picture whose
 * drawing does not reach its edges is stretched: the text of an Equation
 * Editor picture, drawn in the middle of its frame, comes out a third too
 * large and its glyphs overlap. When the drawing lies inside the frame the
 * header gives (w x h pixels at 96 dpi, from the origin), the frame is
 * shown instead, at its true scale; anything else keeps the drawn box. */
static wmfD_Rect
wmf_frame(wmfD_Rect drawn, unsigned int w, unsigned int h)
{
	wmfD_Rect f;
	float fw = (float)w * 0.75f, fh = (float)h * 0.75f, tol = 0.5f;

	if (w == 0 || h == 0 || drawn.TL.x < -tol || drawn.TL.y < -tol ||
	    drawn.BR.x > fw + tol || drawn.BR.y > fh + tol)
		return drawn;
	f.TL.x = 0;
	f.TL.y = 0;
	f.BR.x = fw;
	f.BR.y = fh;
	return f;
}

static int
wmf_convert(const struct mf_api *a, const unsigned char *in, size_t len, char **out, size_t *olen)
{
	wmfAPI *api = NULL;
	wmfAPI_Options opt;
	wmfD_Rect bbox;
	wmf_svg_t *dd;
	unsigned int w = 0, h = 0;
	unsigned long n = 0;

	if (a->api_create == NULL)
		return -1;
	memset(&opt, 0, sizeof opt);
	opt.function = a->svg_function;
	if (a->api_create(&api, WMF_OPT_FUNCTION | WMF_OPT_IGNORE_NONFATAL, &opt) != wmf_E_None)
		return -1;
	if (a->mem_open(api, (unsigned char *)in, (long)len) != wmf_E_None ||
	    a->scan(api, 0, &bbox) != wmf_E_None ||
	    a->display_size(api, &w, &h, 96, 96) != wmf_E_None)
		return -1;
	if (!(bbox.BR.x > bbox.TL.x && bbox.BR.y > bbox.TL.y)) {
		/* nothing drawn: an empty picture of the size the header gives */
		int r = asprintf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
		                 "width=\"%u\" height=\"%u\"/>\n", w ? w : 1, h ? h : 1);

		*olen = r > 0 ? (size_t)r : 0;
		return r > 0 ? 0 : -1;
	}
	dd = WMF_SVG_GetData(api);
	dd->bbox = wmf_frame(bbox, w, h);
	dd->width = w;
	dd->height = h;
	dd->flags |= WMF_SVG_INLINE_IMAGES;
	dd->out = a->stream_create(api, NULL);
	if (dd->out == NULL || a->play(api, 0, &bbox) != wmf_E_None)
		return -1;
	a->stream_destroy(api, dd->out, out, &n);
	*olen = n;
	return *out != NULL && n > 0 ? 0 : -1;
}

/* In the child: converts jobs from..n in order, writing for each a record
 * (the job's index, the SVG's length, 0 when it failed, the SVG) to fd;
 * each conversion gets CD_MF_SECONDS. Never returns. */
static void
child(int fd, const cd_mf_job *jobs, size_t from, size_t n)
{
	int devnull = open("/dev/null", O_WRONLY);
	struct mf_api a;

	if (devnull >= 0) {   /* the libraries print their complaints */
		dup2(devnull, 1);
		dup2(devnull, 2);
	}
	mf_load(&a);
	for (size_t i = from; i < n; i++) {
		char *svg = NULL;
		size_t len = 0;
		uint64_t head[2];

		alarm(CD_MF_SECONDS);
		srand(1);   /* libemf2svg names clip paths with rand(): the same SVG
		             * for the same picture, whatever came before it */
		if ((jobs[i].emf ? emf_convert(&a, jobs[i].in, jobs[i].len, &svg, &len)
		                 : wmf_convert(&a, jobs[i].in, jobs[i].len, &svg, &len)) != 0)
			len = 0;
		head[0] = i;
		head[1] = len;
		if (cd_fd_write_all(fd, head, sizeof head) != 0 ||
		    (len > 0 && cd_fd_write_all(fd, svg, len) != 0))
			_exit(1);
	}
	_exit(0);
}

/* libwmf writes text in the metafile's 8-bit code page, unescaped (as
 * "\n\t>TEXT</text>"), and an svg root without the SVG namespace: the
 * bytes over 0x7F are taken as Latin-1, the text escaped and the
 * namespaces declared. Replaces the text in b. */
static void
wmf_fixup(cd_buf *b)
{
	cd_buf o;
	const char *svg = strstr(b->data, "<svg");
	int in_text = 0;

	cd_buf_init(&o);
	for (size_t i = 0; i < b->len; i++) {
		unsigned char ch = (unsigned char)b->data[i];

		if (in_text && strncmp(b->data + i, "</text>", 7) == 0) {
			in_text = 0;
			cd_buf_addc(&o, '<');
		} else if (in_text && (ch == '<' || ch == '&' || ch == '>')) {
			cd_buf_adds(&o, ch == '<' ? "&lt;" : ch == '&' ? "&amp;" : "&gt;");
		} else if (!in_text && strncmp(b->data + i, "\n\t>", 3) == 0) {
			in_text = 1;
			cd_buf_adds(&o, "\n\t>");
			i += 2;
		} else if (b->data + i == svg) {
			cd_buf_adds(&o, "<svg xmlns=\"http://www.w3.org/2000/svg\"");
			if (strstr(b->data, "xmlns:xlink") == NULL)
				cd_buf_adds(&o, " xmlns:xlink=\"http://www.w3.org/1999/xlink\"");
			i += 3;
		} else if (ch < 0x80) {
			cd_buf_addc(&o, (char)ch);
		} else {
			cd_buf_addc(&o, (char)(0xC0 | ch >> 6));
			cd_buf_addc(&o, (char)(0x80 | (ch & 0x3F)));
		}
	}
	cd_buf_add(&o, "", 0);
	cd_buf_free(b);
	*b = o;
}

/* Drops a <!DOCTYPE ...> declaration (the safe parser refuses them). */
static void
drop_doctype(cd_buf *b)
{
	char *d = b->data ? strstr(b->data, "<!DOCTYPE") : NULL;
	char *e = d ? strchr(d, '>') : NULL;

	if (e != NULL && memchr(d, '[', (size_t)(e - d)) == NULL) {
		memmove(d, e + 1, b->len - (size_t)(e + 1 - b->data) + 1);
		b->len -= (size_t)(e + 1 - d);
	}
}

/* Checks and cleans the SVG in b (taken): the job's svg, or NULL. */
static void
accept_svg(cd_mf_job *job, cd_buf *b)
{
	xmlDocPtr doc;
	cd_error err;

	cd_buf_add(b, "", 0);
	drop_doctype(b);
	if (!job->emf && !b->failed && strstr(b->data, "<svg xmlns=") == NULL)
		wmf_fixup(b);
	/* an SVG that does not parse is no SVG */
	doc = b->failed ? NULL : cd_xml_parse("svg", b->data, b->len, &err);
	if (doc != NULL && xmlDocGetRootElement(doc) != NULL &&
	    strcmp((const char *)xmlDocGetRootElement(doc)->name, "svg") == 0)
		job->svg = cd_buf_take(b, &job->svglen);
	xmlFreeDoc(doc);
	cd_buf_free(b);
}

/* Reads the records of a child converting jobs from..n; returns the index
 * of the first job it did not report (n when it reported all). */
static size_t
collect(int fd, cd_mf_job *jobs, size_t from, size_t n, pid_t pid)
{
	size_t i = from;
	uint64_t head[2];

	while (i < n && cd_fd_read_all(fd, head, sizeof head) == 0 && head[0] == i) {
		cd_buf b;

		if (head[1] > CD_MF_MAX_SVG) {
			kill(pid, SIGKILL);
			return i;   /* this one fails, the next child goes on */
		}
		cd_buf_init(&b);
		if (head[1] > 0) {
			cd_buf_add(&b, "", 0);
			while (b.len < head[1] && !b.failed) {
				char chunk[65536];
				size_t want = head[1] - b.len < sizeof chunk ? head[1] - b.len : sizeof chunk;

				if (cd_fd_read_all(fd, chunk, want) != 0)
					break;
				cd_buf_add(&b, chunk, want);
			}
			if (b.len < head[1] || b.failed) {
				cd_buf_free(&b);
				kill(pid, SIGKILL);
				return i;
			}
			accept_svg(&jobs[i], &b);
		}
		i++;
	}
	return i;
}

void
cd_metafile_batch(cd_mf_job *jobs, size_t n)
{
	size_t from = 0;

	for (size_t i = 0; i < n; i++) {
		jobs[i].svg = NULL;
		jobs[i].svglen = 0;
	}
	while (from < n) {
		int fd[2], status;
		pid_t pid;
		size_t next;

		if (pipe(fd) != 0)
			return;
		if ((pid = fork()) < 0) {
			close(fd[0]);
			close(fd[1]);
			return;
		}
		if (pid == 0) {
			close(fd[0]);
			child(fd[1], jobs, from, n);
		}
		close(fd[1]);
		next = collect(fd[0], jobs, from, n, pid);
		close(fd[0]);
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
		/* the job the child died on (crash, alarm, bound) fails alone */
		from = next < n ? next + 1 : n;
	}
}
