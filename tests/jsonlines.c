/*
 * jsonlines — checks that every line of FILE is one JSON object (jansson)
 * and prints the member KEY of each, one per line, when it is a string or
 * an integer; KEY.SUB prints the string SUB of every object in the array
 * KEY, joined by spaces.
 *   jsonlines FILE KEY[.SUB]
 * Exit 1 at the first line that is not valid JSON (test tool only).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>

static void
print_member(json_t *o, const char *key)
{
	const char *dot = strchr(key, '.');
	char head[64];
	json_t *v, *x;
	size_t i;

	if (dot == NULL) {
		v = json_object_get(o, key);
		if (json_is_string(v))
			printf("%s\n", json_string_value(v));
		else if (json_is_integer(v))
			printf("%lld\n", (long long)json_integer_value(v));
		return;
	}
	snprintf(head, sizeof head, "%.*s", (int)(dot - key), key);
	json_array_foreach(json_object_get(o, head), i, x)
		printf("%s%s", i ? " " : "", json_string_value(json_object_get(x, dot + 1)) ?
		       json_string_value(json_object_get(x, dot + 1)) : "-");
	if (json_array_size(json_object_get(o, head)) > 0)
		putchar('\n');
}

int
main(int argc, char **argv)
{
	FILE *f = argc == 3 ? fopen(argv[1], "r") : NULL;
	char *line = NULL;
	size_t cap = 0;
	long n = 0;

	if (f == NULL) {
		fprintf(stderr, "usage: jsonlines FILE KEY\n");
		return 2;
	}
	while (getline(&line, &cap, f) > 0) {
		json_error_t e;
		json_t *o = json_loads(line, 0, &e);

		n++;
		if (!json_is_object(o)) {
			fprintf(stderr, "jsonlines: %s:%ld: %s\n", argv[1], n, e.text);
			return 1;
		}
		print_member(o, argv[2]);
		json_decref(o);
	}
	free(line);
	fclose(f);
	return 0;
}
