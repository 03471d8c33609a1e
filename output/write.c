/*
 * write.c — reading inputs and writing outputs atomically.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cd_internal.h"

cd_status
cd_write_atomic(const char *path, const char *data, size_t len, cd_error *err)
{
	size_t plen = strlen(path);
	char *tmp = malloc(plen + 32);
	const char *slash;
	size_t dirlen, off = 0;
	int fd = -1;

	if (tmp == NULL) {
		cd_error_set(err, CD_ERR_NOMEM, NULL, 0, "out of memory");
		return CD_ERR_NOMEM;
	}
	/* DIR/.NAME.XXXXXX in the same directory, so rename(2) is atomic */
	slash = strrchr(path, '/');
	dirlen = slash != NULL ? (size_t)(slash - path) + 1 : 0;
	memcpy(tmp, path, dirlen);
	snprintf(tmp + dirlen, plen + 32 - dirlen, ".%s.XXXXXX", path + dirlen);
	fd = mkstemp(tmp);
	if (fd < 0)
		goto fail;
	while (off < len) {
		ssize_t n = write(fd, data + off, len - off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			goto fail;
		off += (size_t)n;
	}
	if (fchmod(fd, 0644) != 0 || fsync(fd) != 0)
		goto fail;
	if (close(fd) != 0) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (rename(tmp, path) != 0)
		goto fail;
	free(tmp);
	return CD_OK;
fail:
	cd_error_set(err, CD_ERR_IO, NULL, 0, "cannot write %s: %s", path, strerror(errno));
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	free(tmp);
	return CD_ERR_IO;
}

static cd_status
read_fd(int fd, const char *path, size_t max, unsigned char **data, size_t *len,
        cd_error *err)
{
	size_t cap = 1 << 16, n = 0;
	unsigned char *buf = malloc(cap), *p;

	while (buf != NULL) {
		ssize_t r;

		if (n == cap) {
			if (cap > max) {
				free(buf);
				cd_error_set(err, CD_ERR_LIMIT, NULL, 0,
				             "input larger than %zu bytes", max);
				return CD_ERR_LIMIT;
			}
			cap *= 2;
			p = realloc(buf, cap);
			if (p == NULL)
				break;
			buf = p;
		}
		r = read(fd, buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			cd_error_set(err, CD_ERR_IO, NULL, 0, "cannot read %s: %s",
			             path, strerror(errno));
			free(buf);
			return CD_ERR_IO;
		}
		if (r == 0) {
			if (n > max) {
				free(buf);
				cd_error_set(err, CD_ERR_LIMIT, NULL, 0,
				             "input larger than %zu bytes", max);
				return CD_ERR_LIMIT;
			}
			*data = buf;
			*len = n;
			return CD_OK;
		}
		n += (size_t)r;
	}
	free(buf);
	cd_error_set(err, CD_ERR_NOMEM, NULL, 0, "out of memory");
	return CD_ERR_NOMEM;
}

cd_status
cd_read_file(const char *path, size_t max, unsigned char **data, size_t *len,
             cd_error *err)
{
	struct stat st;
	cd_status rc;
	int fd;

	*data = NULL;
	*len = 0;
	if (strcmp(path, "-") == 0)
		return read_fd(0, "standard input", max, data, len, err);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		cd_error_set(err, CD_ERR_IO, NULL, 0, "cannot open: %s", strerror(errno));
		return CD_ERR_IO;
	}
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		close(fd);
		cd_error_set(err, CD_ERR_IO, NULL, 0, "is a directory");
		return CD_ERR_IO;
	}
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size > max) {
		close(fd);
		cd_error_set(err, CD_ERR_LIMIT, NULL, 0, "input larger than %zu bytes", max);
		return CD_ERR_LIMIT;
	}
	rc = read_fd(fd, path, max, data, len, err);
	close(fd);
	return rc;
}
