/*
 * test_write.c — cd_write_atomic and cd_write_atomic_nosync: a new file,
 * a file replaced, a symbolic link replaced (its target untouched), a
 * directory in the way refused; never a temporary file left behind.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "councildoc.h"

typedef cd_status (*write_fn)(const char *path, const char *data, size_t len, cd_error *err);

/* The content of path (malloc'd, NUL-terminated), NULL when unreadable. */
static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *s = calloc(1, 4096);
	size_t n;

	if (f == NULL || s == NULL) {
		if (f != NULL)
			fclose(f);
		free(s);
		return NULL;
	}
	n = fread(s, 1, 4095, f);
	s[n] = '\0';
	fclose(f);
	return s;
}

static void
expect_content(const char *path, const char *want)
{
	char *s = slurp(path);

	assert_non_null(s);
	assert_string_equal(s, want);
	free(s);
}

/* How many entries dir holds (. and .. not counted). */
static int
entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL)
		n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
	closedir(d);
	return n;
}

static void
check_writer(write_fn w)
{
	char dir[] = "/tmp/cd-write-XXXXXX", path[128], other[128], link[128], sub[128];
	struct stat sb;
	cd_error err;

	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/out.md", dir);
	snprintf(other, sizeof other, "%s/target", dir);
	snprintf(link, sizeof link, "%s/link.md", dir);
	snprintf(sub, sizeof sub, "%s/sub.md", dir);

	/* a new file, then the same name replaced: only the one file */
	cd_error_clear(&err);
	assert_int_equal(w(path, "first\n", 6, &err), CD_OK);
	expect_content(path, "first\n");
	assert_int_equal(w(path, "second, longer\n", 15, &err), CD_OK);
	expect_content(path, "second, longer\n");
	assert_int_equal(lstat(path, &sb), 0);
	assert_true(S_ISREG(sb.st_mode));
	assert_int_equal(entries(dir), 1);

	/* a symbolic link at the name: the link is replaced, its target kept */
	assert_int_equal(w(other, "target\n", 7, &err), CD_OK);
	assert_int_equal(symlink("target", link), 0);
	assert_int_equal(w(link, "new\n", 4, &err), CD_OK);
	assert_int_equal(lstat(link, &sb), 0);
	assert_true(S_ISREG(sb.st_mode));
	expect_content(link, "new\n");
	expect_content(other, "target\n");
	assert_int_equal(entries(dir), 3);

	/* a directory in the way: refused, named, left as it was */
	assert_int_equal(mkdir(sub, 0700), 0);
	assert_int_equal(w(sub, "x", 1, &err), CD_ERR_IO);
	assert_non_null(strstr(err.msg, "sub.md"));
	assert_int_equal(lstat(sub, &sb), 0);
	assert_true(S_ISDIR(sb.st_mode));
	assert_int_equal(entries(dir), 4);

	assert_int_equal(rmdir(sub), 0);
	assert_int_equal(unlink(link), 0);
	assert_int_equal(unlink(other), 0);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(rmdir(dir), 0);
}

static void
test_nosync(void **state)
{
	(void)state;
	check_writer(cd_write_atomic_nosync);
}

static void
test_sync(void **state)
{
	(void)state;
	check_writer(cd_write_atomic);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nosync),
		cmocka_unit_test(test_sync),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
