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

/* Writes all of data to fd, then fsync()s it when sync is set; 0 or -1
 * (errno set). */
static int
write_all(int fd, const char *data, size_t len, int sync)
{
	if (cd_fd_write_all(fd, data, len) != 0)
		return -1;
	return sync ? fsync(fd) : 0;
}

/*
 * The file is first written without a name (O_TMPFILE): if the process is
 * killed, even with SIGKILL, nothing is left behind. With sync (the
 * manifest) it then gets a temporary name in the same directory and is
 * renamed over path, so path is never seen half-written nor missing.
 * Without sync (the outputs) the old file, if any, is unlinked and the new
 * one linked at path itself: path is never seen half-written, but for an
 * instant it is missing; no temporary name, no rename over a file (ext4
 * writes a file renamed over another at once, a disk request per output;
 * this way the batch's one cd_sync_fs writes them all, and replacing an
 * output costs half as much). When another file appears at path
 * meanwhile, the temporary name and rename are used. Where O_TMPFILE is
 * not supported, a named temporary file (DIR/.NAME.XXXXXX) is renamed
 * instead. Without sync the data reaches the disk when the kernel writes
 * it back (or at cd_sync_fs); a killed process still leaves only whole
 * files.
 */
static cd_status
write_atomic(const char *path, const char *data, size_t len, int sync, cd_error *err)
{
	size_t plen = strlen(path);
	char *tmp = malloc(plen + 32);
	const char *slash = strrchr(path, '/');
	size_t dirlen = slash != NULL ? (size_t)(slash - path) + 1 : 0;
	int fd = -1, named = 0;

	if (tmp == NULL) {
		cd_error_set(err, CD_ERR_NOMEM, NULL, 0, "out of memory");
		return CD_ERR_NOMEM;
	}
	memcpy(tmp, path, dirlen);
	snprintf(tmp + dirlen, plen + 32 - dirlen, "%s", dirlen ? "" : ".");
#ifdef O_TMPFILE
	fd = open(dirlen ? tmp : ".", O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644);
#endif
	if (fd >= 0) {
		char proc[64];

		if (write_all(fd, data, len, sync) != 0)
			goto fail;
		snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
		if (!sync && (unlink(path) == 0 || errno == ENOENT) &&
		    linkat(AT_FDCWD, proc, AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0) {
			int rc = close(fd), e = errno;

			fd = -1;
			if (rc == 0) {
				free(tmp);
				return CD_OK;
			}
			unlink(path);   /* a late write error: not a whole file */
			errno = e;
			goto fail;
		}
		for (int tries = 0; !named && tries < 100; tries++) {
			snprintf(tmp + dirlen, plen + 32 - dirlen, ".%s.%06x", path + dirlen,
			         (unsigned)(getpid() * 131u + (unsigned)tries * 7919u) & 0xffffffu);
			if (linkat(AT_FDCWD, proc, AT_FDCWD, tmp, AT_SYMLINK_FOLLOW) == 0)
				named = 1;
			else if (errno != EEXIST)
				goto fail;
		}
		if (!named)
			goto fail;
	} else {
		snprintf(tmp + dirlen, plen + 32 - dirlen, ".%s.XXXXXX", path + dirlen);
		fd = mkstemp(tmp);
		if (fd < 0)
			goto fail;
		named = 1;
		if (fchmod(fd, 0644) != 0 || write_all(fd, data, len, sync) != 0)
			goto fail;
	}
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
	if (named)
		unlink(tmp);
	free(tmp);
	return CD_ERR_IO;
}

cd_status
cd_write_atomic(const char *path, const char *data, size_t len, cd_error *err)
{
	return write_atomic(path, data, len, 1, err);
}

cd_status
cd_write_atomic_nosync(const char *path, const char *data, size_t len, cd_error *err)
{
	return write_atomic(path, data, len, 0, err);
}

/* syncfs(2) on the file system holding path (a file or a directory);
 * fsync of path where syncfs is missing. */
cd_status
cd_sync_fs(const char *path, cd_error *err)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC), rc;

	if (fd < 0) {
		cd_error_set(err, CD_ERR_IO, NULL, 0, "cannot open %s: %s", path, strerror(errno));
		return CD_ERR_IO;
	}
#ifdef __linux__
	rc = syncfs(fd);
#else
	rc = fsync(fd);
#endif
	if (rc != 0)
		cd_error_set(err, CD_ERR_IO, NULL, 0, "cannot sync %s: %s", path, strerror(errno));
	close(fd);
	return rc == 0 ? CD_OK : CD_ERR_IO;
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
