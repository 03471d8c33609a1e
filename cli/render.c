/*
 * render.c — rendering one council document in every requested format.
 *
 * A large report asked for in several formats is rendered by two
 * processes when a core is spare: a forked child applies half of the
 * stylesheets to its copy-on-write view of the document and sends the
 * bytes back through a pipe, while this process renders the rest. No
 * thread ever shares the libxml2 tree (libxslt edits the source tree while
 * stripping spaces), and if the child fails for any reason the parent
 * renders its formats itself, so the result never depends on the split.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cd_internal.h"
#include "run.h"

/* Below this input size (a ~4 MB document.xml zips to about this) a fork
 * costs more than it saves. */
#define SPLIT_MIN_BYTES ((size_t)200 << 10)

static int
write_all(int fd, const void *p, size_t n)
{
	const char *c = p;

	while (n > 0) {
		ssize_t w = write(fd, c, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		c += w;
		n -= (size_t)w;
	}
	return 0;
}

static int
read_all(int fd, void *p, size_t n)
{
	char *c = p;

	while (n > 0) {
		ssize_t r = read(fd, c, n);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		c += r;
		n -= (size_t)r;
	}
	return 0;
}

/* The child: renders the formats in mask, sends "index, length, bytes"
 * for each one that succeeded. */
static void
child_render(struct run *r, xmlDocPtr council, unsigned mask, int fd)
{
	for (unsigned i = 0; i < CD_NFORMATS; i++) {
		char *out = NULL;
		size_t len = 0;
		uint64_t hdr[2];
		cd_error err;

		if (!(mask & (1u << i)))
			continue;
		if (cd_emit(r->eng, (cd_format)(1u << i), council, &r->opt, &out, &len, &err) != CD_OK)
			continue;
		hdr[0] = i;
		hdr[1] = len;
		if (write_all(fd, hdr, sizeof hdr) != 0 || write_all(fd, out, len) != 0)
			_exit(1);
		free(out);
	}
	_exit(0);
}

/* Reads what the child sent into out/olen. */
static void
collect_child(int fd, char **out, size_t *olen)
{
	uint64_t hdr[2];

	while (read_all(fd, hdr, sizeof hdr) == 0) {
		char *buf;

		if (hdr[0] >= CD_NFORMATS || hdr[1] > ((size_t)1 << 34))
			break;
		buf = malloc((size_t)hdr[1] + 1);
		if (buf == NULL || read_all(fd, buf, (size_t)hdr[1]) != 0) {
			free(buf);
			break;
		}
		buf[hdr[1]] = '\0';
		free(out[hdr[0]]);
		out[hdr[0]] = buf;
		olen[hdr[0]] = (size_t)hdr[1];
	}
}

/* Starts a child for the stylesheet formats of r->formats but the last
 * one; returns its pid (or -1) and the read end of its pipe in *fd. */
static pid_t
start_child(struct run *r, xmlDocPtr council, unsigned *child_mask, int *fd)
{
	unsigned sheets = r->formats & ~(unsigned)CD_FMT_XML, mask = 0;
	int n = 0, half, pfd[2];
	pid_t pid;

	for (unsigned i = 0; i < CD_NFORMATS; i++)
		n += (sheets >> i) & 1u;
	if (n < 2 || pipe(pfd) != 0)
		return -1;
	half = n / 2;
	for (unsigned i = 0; i < CD_NFORMATS && half > 0; i++)
		if (sheets & (1u << i)) {
			mask |= 1u << i;
			half--;
		}
	pid = fork();
	if (pid == 0) {
		close(pfd[0]);
		child_render(r, council, mask, pfd[1]);
	}
	close(pfd[1]);
	if (pid < 0) {
		close(pfd[0]);
		return -1;
	}
	*child_mask = mask;
	*fd = pfd[0];
	return pid;
}

int
cd_render_all(struct run *r, xmlDocPtr council, size_t input_size, char **out,
              size_t *olen, cd_error *err)
{
	unsigned child_mask = 0;
	int fd = -1, status;
	pid_t pid = -1;

	if (r->spare_cores && input_size >= SPLIT_MIN_BYTES)
		pid = start_child(r, council, &child_mask, &fd);
	for (unsigned i = 0; i < CD_NFORMATS; i++) {
		if (!(r->formats & (1u << i)) || (child_mask & (1u << i)) || out[i] != NULL)
			continue;
		if (cd_emit(r->eng, (cd_format)(1u << i), council, &r->opt, &out[i], &olen[i],
		            err) != CD_OK)
			break;
	}
	if (pid > 0) {
		collect_child(fd, out, olen);
		close(fd);
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
	}
	/* whatever the child did not deliver, render here */
	for (unsigned i = 0; i < CD_NFORMATS; i++)
		if ((r->formats & (1u << i)) && out[i] == NULL &&
		    cd_emit(r->eng, (cd_format)(1u << i), council, &r->opt, &out[i], &olen[i],
		            err) != CD_OK)
			return 1;
	return 0;
}
